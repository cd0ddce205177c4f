// A deadline a caller hands in and the function drops: `timeoutMs` in the parameters (or in an
// options object typed with it) that the body never reads, while it makes remote calls of its own.
// The caller believes its budget holds; the calls run on their own deadline, or on none.
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { type FunctionNode, type Node, propertyKey } from './ast.js';

/** Names that say "the caller's time budget", not a cache TTL or a lock lease. */
export const DEADLINE_PARAM =
  /^(?:timeout|timeoutMs|timeoutMillis|timeoutSeconds|timeoutInMs|timeoutInSeconds|requestTimeout|requestTimeoutMs|deadline|deadlineMs|budgetMs|timeBudget|timeBudgetMs)$/;

export interface DroppedDeadline {
  /** The parameter, destructured property or options parameter to report on. */
  node: Node;
  /** The dropped name as the caller writes it (`timeoutMs`, `options.timeout`). */
  name: string;
}

/**
 * The deadlines `fn` takes and never reads. `members` gives the member names of a parameter's
 * declared object type (a type literal, a local interface or alias), when they can be seen.
 */
export function droppedDeadlines(
  fn: FunctionNode,
  sourceCode: Readonly<TSESLint.SourceCode>,
  members: (param: TSESTree.Identifier) => string[],
): DroppedDeadline[] {
  const dropped: DroppedDeadline[] = [];
  const variables = sourceCode.getDeclaredVariables(fn);
  const unread = (name: string): boolean => {
    const variable = variables.find(candidate => candidate.name === name);
    return variable !== undefined && !variable.references.some(reference => reference.isRead());
  };
  for (const param of fn.params) {
    const target = param.type === AST_NODE_TYPES.AssignmentPattern ? param.left : param;
    const inner = target.type === AST_NODE_TYPES.TSParameterProperty ? undefined : target;
    if (!inner) continue;
    if (inner.type === AST_NODE_TYPES.Identifier) {
      if (DEADLINE_PARAM.test(inner.name)) {
        if (unread(inner.name)) dropped.push({ node: inner, name: inner.name });
        continue;
      }
      // `options: { timeoutMs?: number }` read only through other members.
      const member = members(inner).find(name => DEADLINE_PARAM.test(name));
      if (!member) continue;
      const variable = variables.find(candidate => candidate.name === inner.name);
      if (!variable || variable.references.length === 0) continue;
      const readsMember = variable.references.some(reference => {
        const parent = (reference.identifier as Node).parent;
        // Passed on whole, spread, destructured, or read in any other way than `options.x`.
        if (parent?.type !== AST_NODE_TYPES.MemberExpression || parent.object !== reference.identifier)
          return true;
        const key =
          !parent.computed && parent.property.type === AST_NODE_TYPES.Identifier
            ? parent.property.name
            : undefined;
        return key === undefined || key === member;
      });
      if (!readsMember) dropped.push({ node: inner, name: `${inner.name}.${member}` });
      continue;
    }
    if (inner.type === AST_NODE_TYPES.ObjectPattern) {
      if (inner.properties.some(property => property.type === AST_NODE_TYPES.RestElement)) continue;
      for (const property of inner.properties) {
        if (property.type !== AST_NODE_TYPES.Property) continue;
        const key = propertyKey(property);
        let value: Node = property.value;
        if (value.type === AST_NODE_TYPES.AssignmentPattern) value = value.left;
        if (key && DEADLINE_PARAM.test(key) && value.type === AST_NODE_TYPES.Identifier && unread(value.name))
          dropped.push({ node: property, name: key });
      }
    }
  }
  return dropped;
}
