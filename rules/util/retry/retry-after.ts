// Retry-After: a delay that follows the server's hint when it sends one (`retryAfter ? … : 1000`,
// `hint ?? fallback`) and the client's own schedule otherwise. The hint does not excuse the
// fallback; this finds the fallback so that it is judged like any delay.
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';

import { type Node, findNode, unwrap } from '../ast.js';

const RETRY_AFTER = /retry-?after/i;

/**
 * The fallback of a delay that follows a Retry-After hint: the other branch of `hint ? … : x`,
 * or `x` in `hint ?? x` / `hint || x`, following one local `const` to where it is computed.
 */
export function retryAfterFallback(expr: Node, scope: Node, depth = 0): Node | undefined {
  let inner = unwrap(expr);
  if (inner.type === AST_NODE_TYPES.Identifier && depth < 2) {
    const declarator = findNode(
      scope,
      node =>
        node.type === AST_NODE_TYPES.VariableDeclarator &&
        node.id.type === AST_NODE_TYPES.Identifier &&
        node.id.name === (inner as TSESTree.Identifier).name &&
        node.init !== null,
    ) as TSESTree.VariableDeclarator | undefined;
    if (!declarator?.init) return undefined;
    inner = unwrap(declarator.init);
  }
  const hint = (node: Node): boolean => mentionsRetryAfter(node, scope);
  if (inner.type === AST_NODE_TYPES.ConditionalExpression) {
    if (hint(inner.test) || hint(inner.consequent)) return inner.alternate;
    if (hint(inner.alternate)) return inner.consequent;
    return undefined;
  }
  if (
    inner.type === AST_NODE_TYPES.LogicalExpression &&
    (inner.operator === '??' || inner.operator === '||') &&
    hint(inner.left)
  )
    return inner.right;
  return undefined;
}

/** Reads a Retry-After header, directly or through a local variable named for it. */
function mentionsRetryAfter(node: Node, scope: Node): boolean {
  const names = new Set<string>();
  const direct = findNode(node, inner => {
    if (inner.type === AST_NODE_TYPES.Literal && typeof inner.value === 'string')
      return RETRY_AFTER.test(inner.value);
    if (inner.type === AST_NODE_TYPES.Identifier) {
      if (RETRY_AFTER.test(inner.name)) return true;
      names.add(inner.name);
    }
    return false;
  });
  if (direct) return true;
  // `const wait = parseRetryAfter(res)`, `const header = res.headers.get('retry-after')`
  return (
    findNode(
      scope,
      inner =>
        inner.type === AST_NODE_TYPES.VariableDeclarator &&
        inner.id.type === AST_NODE_TYPES.Identifier &&
        names.has(inner.id.name) &&
        inner.init !== null &&
        findNode(
          inner.init,
          part =>
            (part.type === AST_NODE_TYPES.Literal &&
              typeof part.value === 'string' &&
              RETRY_AFTER.test(part.value)) ||
            (part.type === AST_NODE_TYPES.Identifier && RETRY_AFTER.test(part.name)),
        ) !== undefined,
    ) !== undefined
  );
}
