// Lists whose size whoever deploys the service sets, not its data: the items of an environment
// variable (`process.env.ENABLED_PLUGINS.split(',')`), a short literal list, and what is built
// from them. Shared by no-unbounded-fanout (a fan-out over such a list makes as many calls as the
// operator listed) for the linted file and, through project facts, for a function of another
// module (`await getPlugins()`), where only syntax is at hand.
import { AST_NODE_TYPES } from '@typescript-eslint/types';

import { type FunctionNode, type Node, findNode, isEnvRead, isFunction, memberName, unwrap } from './ast.js';

/** Methods whose result has at most the items of the list they are called on. */
const NARROWING = new Set(['map', 'filter', 'flat', 'slice', 'sort', 'reverse', 'toSorted', 'toReversed']);
/** A constant by convention (`SUPPORTED_CHAINS`): fixed in code or at deploy time. */
const CONSTANT_NAME = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*$/;
const MAX_DEPTH = 8;

/** An environment variable, or one with a default string (`process.env.HOSTS ?? ''`, `|| 'a,b'`). */
function isEnvText(node: Node): boolean {
  const inner = unwrap(node);
  if (isEnvRead(inner)) return true;
  if (inner.type === AST_NODE_TYPES.LogicalExpression && inner.operator !== '&&')
    return isEnvText(inner.left) && unwrap(inner.right).type === AST_NODE_TYPES.Literal;
  // `String(process.env.HOSTS)`
  if (
    inner.type === AST_NODE_TYPES.CallExpression &&
    inner.callee.type === AST_NODE_TYPES.Identifier &&
    inner.callee.name === 'String' &&
    inner.arguments.length === 1
  )
    return isEnvText(inner.arguments[0] as Node);
  return false;
}

/**
 * The list an environment variable holds: `process.env.HOSTS.split(',')` (also through `?.`, with a
 * default string, or parsed as JSON). Its length is what the operator wrote in the deployment.
 */
export function isEnvironmentList(node: Node): boolean {
  const inner = unwrap(node);
  if (inner.type !== AST_NODE_TYPES.CallExpression) return false;
  const callee = unwrap(inner.callee);
  if (callee.type === AST_NODE_TYPES.MemberExpression) {
    const name = memberName(callee);
    if (name === 'split') return isEnvText(callee.object as Node);
    // `JSON.parse(process.env.HOSTS)`
    const owner = unwrap(callee.object as Node);
    if (name === 'parse' && owner.type === AST_NODE_TYPES.Identifier && owner.name === 'JSON')
      return inner.arguments.length > 0 && isEnvText(inner.arguments[0] as Node);
  }
  return false;
}

/** Methods that add items to a list in place. */
const GROWING = new Set(['push', 'unshift', 'splice']);

/**
 * The list (or object) `name` holds may grow after it is made: within `scope`, an item added in
 * place (`name.push(…)`, `name.splice(…)`), a member assigned (`name[key] = …`, `name.key = …`), or
 * `Object.assign(name, …)`. Read by spelling, so a shadowing name counts too (the list is then
 * not known to stay small).
 */
export function grownInPlace(name: string, scope: Node): boolean {
  const named = (node: Node | undefined): boolean => {
    const inner = node && unwrap(node);
    return inner?.type === AST_NODE_TYPES.Identifier && inner.name === name;
  };
  return (
    findNode(scope, node => {
      if (node.type === AST_NODE_TYPES.CallExpression) {
        const callee = unwrap(node.callee);
        if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
        if (named(callee.object as Node)) return GROWING.has(memberName(callee) ?? '');
        const owner = unwrap(callee.object as Node);
        return (
          owner.type === AST_NODE_TYPES.Identifier &&
          owner.name === 'Object' &&
          memberName(callee) === 'assign' &&
          named(node.arguments[0] as Node | undefined)
        );
      }
      if (node.type === AST_NODE_TYPES.AssignmentExpression) {
        const target = unwrap(node.left as Node);
        return target.type === AST_NODE_TYPES.MemberExpression && named(target.object as Node);
      }
      return false;
    }) !== undefined
  );
}

/** The function body (or program) a declaration lives in: where its list could be changed. */
export function declarationScope(declaration: Node): Node {
  let scope: Node = declaration;
  while (scope.parent && !isFunction(scope)) scope = scope.parent;
  return scope;
}

/** What a name stands for where it is read: the value a `const` is made with, or a function. */
export type Resolve = (name: string, at: Node) => Node | undefined;

/**
 * A list configuration sizes, judged by syntax alone: an environment list, a literal list of at
 * most `small` items whose spreads are such lists too, a constant by naming convention, and what
 * `map`, `filter`, `slice`, `??`, a conditional, `await` or `Promise.all` make of them; a name is
 * followed to the value `resolve` gives for it, a call to a function it gives to what the function
 * returns.
 */
export function isConfigurationList(
  node: Node | undefined,
  resolve: Resolve,
  small: number,
  depth = 0,
): boolean {
  if (!node || depth > MAX_DEPTH) return false;
  const inner = unwrap(node);
  const again = (next: Node | undefined | null): boolean =>
    isConfigurationList(next ?? undefined, resolve, small, depth + 1);
  switch (inner.type) {
    case AST_NODE_TYPES.ArrayExpression:
      return (
        inner.elements.length <= small &&
        inner.elements.every(
          element => element?.type !== AST_NODE_TYPES.SpreadElement || again(element.argument),
        )
      );
    case AST_NODE_TYPES.AwaitExpression:
      return again(inner.argument);
    case AST_NODE_TYPES.LogicalExpression:
      return inner.operator !== '&&' && again(inner.left) && again(inner.right);
    case AST_NODE_TYPES.ConditionalExpression:
      return again(inner.consequent) && again(inner.alternate);
    case AST_NODE_TYPES.Identifier: {
      if (inner.name.length >= 2 && CONSTANT_NAME.test(inner.name)) return true;
      const value = resolve(inner.name, inner);
      if (value === undefined || isFunction(value)) return false;
      // `const blobs = []` filled by a loop is as long as the loop made it.
      if (
        unwrap(value).type === AST_NODE_TYPES.ArrayExpression &&
        grownInPlace(inner.name, declarationScope(value))
      )
        return false;
      return again(value);
    }
    case AST_NODE_TYPES.CallExpression: {
      if (isEnvironmentList(inner)) return true;
      const callee = unwrap(inner.callee);
      if (callee.type === AST_NODE_TYPES.Identifier) {
        const value = resolve(callee.name, callee);
        return (
          value !== undefined &&
          isFunction(value) &&
          returnsConfigurationList(value, resolve, small, depth + 1)
        );
      }
      if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
      const name = memberName(callee);
      const owner = unwrap(callee.object as Node);
      // `Promise.all(list.map(fn))`: one result per item of the list.
      if (owner.type === AST_NODE_TYPES.Identifier && owner.name === 'Promise')
        return (name === 'all' || name === 'allSettled') && again(inner.arguments[0] as Node | undefined);
      return name !== undefined && NARROWING.has(name) && again(owner);
    }
    default:
      return false;
  }
}

/** What `fn` returns: its expression body, or the argument of each of its own `return`s (undefined for a bare one). */
export function returnedValues(fn: FunctionNode): (Node | undefined)[] {
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return [fn.body as Node];
  const returned: (Node | undefined)[] = [];
  findNode(
    fn.body,
    inner => {
      if (inner.type === AST_NODE_TYPES.ReturnStatement) returned.push(inner.argument ?? undefined);
      return false;
    },
    inner => !isFunction(inner),
  );
  return returned;
}

/** Every value `fn` returns is a list configuration sizes ({@link isConfigurationList}). */
export function returnsConfigurationList(fn: Node, resolve: Resolve, small: number, depth = 0): boolean {
  if (!isFunction(fn) || depth > MAX_DEPTH) return false;
  const returned = returnedValues(fn);
  return returned.length > 0 && returned.every(value => isConfigurationList(value, resolve, small, depth));
}

/**
 * A {@link Resolve} for a module read by syntax alone: a `const` of the enclosing functions (the
 * nearest declaration before the read), else a declaration of the module (`locals`).
 */
export function syntacticResolve(locals: ReadonlyMap<string, Node>): Resolve {
  return (name, at) => {
    for (let scope: Node | undefined = at.parent; scope; scope = scope.parent) {
      if (!isFunction(scope)) continue;
      const body = scope.body;
      if (body.type !== AST_NODE_TYPES.BlockStatement) continue;
      let found: Node | undefined;
      findNode(
        body,
        inner => {
          // A `const` of a block the read is in, declared before it.
          if (
            inner.type === AST_NODE_TYPES.VariableDeclaration &&
            inner.kind === 'const' &&
            inner.range[1] <= at.range[0] &&
            contains(inner.parent, at)
          ) {
            for (const declarator of inner.declarations)
              if (declarator.id.type === AST_NODE_TYPES.Identifier && declarator.id.name === name)
                found = declarator.init ?? undefined;
          }
          return false;
        },
        inner => !isFunction(inner),
      );
      if (found) return found;
      // A parameter of that function (or a pattern that may bind it) hides the module's name.
      if (scope.params.some(param => param.type !== AST_NODE_TYPES.Identifier || param.name === name))
        return undefined;
    }
    return locals.get(name);
  };
}

function contains(outer: Node | undefined, inner: Node): boolean {
  return outer !== undefined && outer.range[0] <= inner.range[0] && inner.range[1] <= outer.range[1];
}
