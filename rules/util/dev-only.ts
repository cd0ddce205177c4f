// Code that runs only outside production: a branch taken when `process.env.NODE_ENV` (or a
// configuration's copy of it, `config.NODE_ENV`) says development or test (`if
// (process.env.NODE_ENV === 'development') { … }`, the `else` of `=== 'production'`, `!==
// 'production' && …`, `!== Environment.Production`). A local storage emulator's proxy or a seed step there
// never sees production traffic, so the hazards these rules look for cannot happen in it.
import { AST_NODE_TYPES } from '@typescript-eslint/types';

import { type Node, memberChain, staticString, unwrap } from './ast.js';

/** NODE_ENV values that name an environment other than production. */
const NOT_PRODUCTION = new Set(['development', 'dev', 'test', 'local']);

/** `node` sits in a branch that runs only when NODE_ENV is not production. */
export function isDevOnly(node: Node): boolean {
  let current: Node = node;
  for (let parent = current.parent; parent; current = parent, parent = parent.parent) {
    if (parent.type === AST_NODE_TYPES.IfStatement || parent.type === AST_NODE_TYPES.ConditionalExpression) {
      if (current === parent.consequent && impliesNotProduction(parent.test as Node, true)) return true;
      if (current === parent.alternate && impliesNotProduction(parent.test as Node, false)) return true;
    } else if (
      parent.type === AST_NODE_TYPES.LogicalExpression &&
      current === parent.right &&
      parent.operator === '&&' &&
      impliesNotProduction(parent.left as Node, true)
    )
      return true;
  }
  return false;
}

/** When `test` is `holds` (true or false), NODE_ENV is not production. */
function impliesNotProduction(test: Node, holds: boolean): boolean {
  const node = unwrap(test);
  if (node.type === AST_NODE_TYPES.UnaryExpression && node.operator === '!')
    return impliesNotProduction(node.argument as Node, !holds);
  if (node.type === AST_NODE_TYPES.LogicalExpression) {
    // `a && b` true: both hold; `a || b` false: both fail.
    if (node.operator === '&&' && holds)
      return impliesNotProduction(node.left as Node, true) || impliesNotProduction(node.right as Node, true);
    if (node.operator === '||' && !holds)
      return (
        impliesNotProduction(node.left as Node, false) || impliesNotProduction(node.right as Node, false)
      );
    return false;
  }
  if (node.type !== AST_NODE_TYPES.BinaryExpression) return false;
  const equal = node.operator === '===' || node.operator === '==';
  if (!equal && node.operator !== '!==' && node.operator !== '!=') return false;
  const [env, value] = isNodeEnv(node.left as Node)
    ? [node.left, envValue(node.right as Node)]
    : isNodeEnv(node.right as Node)
      ? [node.right, envValue(node.left as Node)]
      : [undefined, undefined];
  if (!env || value === undefined) return false;
  // `NODE_ENV === 'development'` holds, or `NODE_ENV === 'production'` fails.
  const isValue = equal === holds;
  return isValue ? NOT_PRODUCTION.has(value) : value === 'production';
}

/**
 * `process.env.NODE_ENV`, `process.env['NODE_ENV']`, and the copy a service's configuration keeps
 * of it (`config.NODE_ENV`, `this.config.NODE_ENV`, `container.config.NODE_ENV`).
 */
function isNodeEnv(node: Node): boolean {
  const chain = memberChain(unwrap(node));
  return chain !== undefined && chain.path.length >= 1 && chain.path[chain.path.length - 1] === 'NODE_ENV';
}

/**
 * The environment a value names: a string (`'production'`), or a member of an enum of
 * environments (`Environment.Production`, `Env.Development`), read as its lower-cased name.
 */
function envValue(node: Node): string | undefined {
  const text = staticString(node);
  if (text !== undefined) return text;
  const chain = memberChain(unwrap(node));
  if (
    chain?.root.type !== AST_NODE_TYPES.Identifier ||
    chain.path.length !== 1 ||
    !/env/i.test(chain.root.name)
  )
    return undefined;
  const name = (chain.path[0] as string).toLowerCase();
  return name === 'production' || NOT_PRODUCTION.has(name) ? name : undefined;
}
