// The schedule of a hand-written retry as the catalog's decideBackoff reads it: the wait the
// analysis found, its bound, and whether a loop's own bound keeps an uncapped exponential wait
// under the cap anyway (`for (i = 0; i < 3; i++) sleep(100 * 2 ** i)`).
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';

import type { RetrySchedule } from '@faultline/catalog';
import {
  type FunctionNode,
  type Node,
  findNode,
  isFunction,
  memberName,
  unwrap,
  writtenName,
} from '../ast.js';
import type { FileModel } from '../file-model.js';
import type { RetryConstruct } from './types.js';
import { callArguments } from '../waiters.js';
import { assignedNames } from './syntax.js';

/** The schedule of `construct`, for decideBackoff. */
export function retrySchedule(model: FileModel, construct: RetryConstruct): RetrySchedule {
  const delay = construct.delay;
  const longest =
    delay.kind === 'growing' && !delay.capped && (delay.exponential || delay.superlinear)
      ? longestWait(model, construct)
      : undefined;
  return {
    delay: delay.kind,
    exponential: delay.exponential,
    ...(delay.superlinear ? { superlinear: true } : {}),
    capped: delay.capped,
    jitter: delay.jitter,
    staysUnderCap: longest !== undefined && longest <= model.settings.maxDelayMs,
    ...(longest !== undefined && Number.isFinite(longest) ? { longestWaitMs: longest } : {}),
    bounded: construct.bounded,
    attempts: construct.attempts,
    reportsFailure: reportsFailure(construct.node),
    ...(delay.backoffHelper ? { backoffHelper: true } : {}),
    ...(construct.reconnects ? { reconnects: true } : {}),
    ...(longWait(model, delay) ? { longWait: true } : {}),
    ...(delay.kind === 'growing' && delay.capped && (delay.capMs ?? 0) >= model.settings.maxDelayMs
      ? { longCap: true }
      : {}),
  };
}

/** A constant wait at least as long as a capped backoff's longest (`maxDelayMs`): `sleep(60_000)`. */
function longWait(model: FileModel, delay: RetryConstruct['delay']): boolean {
  if (delay.kind !== 'constant' || !delay.expr) return false;
  const value = evaluate(model, delay.expr, {}, 0, true);
  return value !== undefined && value >= model.settings.maxDelayMs;
}

/** Method names that log or report an error. */
const LOG_METHOD =
  /^(?:error|err|warn|warning|info|log|debug|fatal|notice|e|w|captureException|captureMessage)$/;
/** Names of what they are called on: a console, a logger, an error tracker. */
const LOGGER = /^(?:console|log|logs|logger|logging|sentry|bugsnag|rollbar)$|Logger$|Log$/i;

/**
 * A catch clause, or a `.catch` handler, of the retry logs or reports the failure:
 * `catch (err) { log.error(…); … }`.
 */
function reportsFailure(retry: Node): boolean {
  const logs = (handler: Node): boolean =>
    findNode(handler, node => {
      if (node.type !== AST_NODE_TYPES.CallExpression) return false;
      const callee = unwrap(node.callee);
      if (callee.type !== AST_NODE_TYPES.MemberExpression || !LOG_METHOD.test(memberName(callee) ?? ''))
        return false;
      const owner = writtenName(unwrap(callee.object)) ?? '';
      return LOGGER.test(owner);
    }) !== undefined;
  return (
    findNode(retry, node => {
      if (node.type === AST_NODE_TYPES.CatchClause) return logs(node.body);
      if (
        node.type === AST_NODE_TYPES.CallExpression &&
        node.callee.type === AST_NODE_TYPES.MemberExpression &&
        memberName(node.callee) === 'catch' &&
        node.arguments[0] !== undefined
      )
        return logs(node.arguments[0] as Node);
      return false;
    }) !== undefined
  );
}

/**
 * The longest wait of an uncapped exponential backoff that its own bound allows: a loop `for (let i
 * = 0; i < 3; i++)` waits `100 * 2 ** i` at most with `i = 2`, and a retry whose attempts are
 * counted and bounded (`if (++retry >= MAX_RETRIES) throw …`) waits `Math.pow(100, retry - 1)` at
 * most at the last count (100 ms with three attempts). Undefined when the bound cannot be read.
 */
function longestWait(model: FileModel, construct: RetryConstruct): number | undefined {
  const counter = construct.counters[0];
  if (!counter || !construct.delay.expr) return undefined;
  const loop = construct.node;
  let limit: number | undefined;
  if (loop.type === AST_NODE_TYPES.ForStatement && loop.test?.type === AST_NODE_TYPES.BinaryExpression) {
    const test = loop.test;
    const summary = model.summarizeValue(test.right);
    const bound = summary.kind === 'number' ? summary.value : evaluate(model, test.right, {});
    if (bound !== undefined) {
      // `i < 3` waits at most with `i = 2`, `i <= 3` with `i = 3`; and one less when the last pass
      // leaves before its wait (`if (i === 3) break`).
      const counted = test.left.type === AST_NODE_TYPES.Identifier && test.left.name === counter;
      limit = counted && test.operator === '<' ? bound - 1 : bound;
      if (counted && leavesBeforeWait(model, loop.body, counter, limit, construct.delay.expr)) limit -= 1;
      // `if (attempt < maxRetries && shouldRetry(e)) { …wait… } else throw e`: the wait is reached
      // only below the guard's bound.
      const guarded = counted ? guardBelow(model, construct.delay.expr, loop, counter) : undefined;
      if (guarded !== undefined) limit = Math.min(limit, guarded);
    }
  }
  if (
    limit === undefined &&
    construct.bounded &&
    typeof construct.attempts === 'number' &&
    Number.isFinite(construct.attempts)
  )
    limit = construct.attempts;
  if (limit === undefined) return undefined;
  return evaluate(model, construct.delay.expr, { [counter]: limit });
}

/**
 * The loop's pass with `counter` at `limit` leaves before it waits: an `if (counter === limit)` (or
 * `>=`, also in a disjunction) ending in `break`, `throw` or `return`, written before the wait.
 */
function leavesBeforeWait(model: FileModel, body: Node, counter: string, limit: number, wait: Node): boolean {
  return (
    findNode(body, node => {
      if (node.type !== AST_NODE_TYPES.IfStatement || node.range[1] > wait.range[0]) return false;
      const consequent = node.consequent;
      const last =
        consequent.type === AST_NODE_TYPES.BlockStatement
          ? consequent.body[consequent.body.length - 1]
          : consequent;
      if (
        last?.type !== AST_NODE_TYPES.BreakStatement &&
        last?.type !== AST_NODE_TYPES.ThrowStatement &&
        last?.type !== AST_NODE_TYPES.ReturnStatement
      )
        return false;
      return testsLast(model, node.test, counter, limit);
    }) !== undefined
  );
}

/** `counter === limit`, `counter >= limit`, or either side of a `||` that is one. */
function testsLast(model: FileModel, test: Node, counter: string, limit: number): boolean {
  const inner = unwrap(test);
  if (inner.type === AST_NODE_TYPES.LogicalExpression && inner.operator === '||')
    return testsLast(model, inner.left, counter, limit) || testsLast(model, inner.right, counter, limit);
  if (inner.type !== AST_NODE_TYPES.BinaryExpression || !['===', '==', '>='].includes(inner.operator))
    return false;
  const left = unwrap(inner.left as Node);
  if (left.type !== AST_NODE_TYPES.Identifier || left.name !== counter) return false;
  return evaluate(model, inner.right, {}) === limit;
}

/**
 * The largest `counter` an `if` around `wait` (inside `loop`) lets through to it: `counter < n` (or
 * one side of an `&&` that is) lets through `n - 1`, `counter <= n` lets through `n`.
 */
function guardBelow(model: FileModel, wait: Node, loop: Node, counter: string): number | undefined {
  let limit: number | undefined;
  for (let node: Node | undefined = wait; node && node !== loop; node = node.parent) {
    const parent: Node | undefined = node.parent;
    if (parent?.type !== AST_NODE_TYPES.IfStatement || parent.consequent !== node) continue;
    // `if (i < n) { i++; sleep(…) }`: the count the wait reads is no longer the one tested.
    if (stepsBefore(node, counter, wait)) continue;
    const below = testBelow(model, parent.test, counter);
    if (below !== undefined) limit = limit === undefined ? below : Math.min(limit, below);
  }
  return limit;
}

/** `counter` is stepped or assigned inside `block` (outside nested functions) before `wait`. */
function stepsBefore(block: Node, counter: string, wait: Node): boolean {
  return (
    assignedNames(block)
      .get(counter)
      ?.some(write => write.range[1] <= wait.range[0]) ?? false
  );
}

/** The largest `counter` a test lets through: `counter < n` gives `n - 1`, `counter <= n` gives `n`, also inside an `&&`. */
function testBelow(model: FileModel, test: Node, counter: string): number | undefined {
  const inner = unwrap(test);
  if (inner.type === AST_NODE_TYPES.LogicalExpression && inner.operator === '&&') {
    const left = testBelow(model, inner.left, counter);
    const right = testBelow(model, inner.right, counter);
    return left === undefined ? right : right === undefined ? left : Math.min(left, right);
  }
  if (inner.type !== AST_NODE_TYPES.BinaryExpression || (inner.operator !== '<' && inner.operator !== '<='))
    return undefined;
  const left = unwrap(inner.left as Node);
  if (left.type !== AST_NODE_TYPES.Identifier || left.name !== counter) return undefined;
  const bound = evaluate(model, inner.right, {});
  return bound === undefined ? undefined : inner.operator === '<' ? bound - 1 : bound;
}

/**
 * What a parameter with a number default (`maxRetries = 2`) holds when every call of its function
 * leaves it to the default or passes a number: the largest of those (`least`: the smallest). The
 * calls are those of the file and, for an exported function, of the other modules of its package
 * (project facts). Undefined when a call passes what cannot be read (`retryWithBackoff(send, check,
 * n)`), the function is used other than by calls, an exported function's other callers cannot be
 * read, or the function assigns the parameter.
 */
function parameterValue(
  model: FileModel,
  id: TSESTree.Identifier,
  depth: number,
  least: boolean,
): number | undefined {
  const variable = model.findVariable(id);
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (!variable || def?.type !== 'Parameter') return undefined;
  const pattern = def.name.parent;
  if (pattern?.type !== AST_NODE_TYPES.AssignmentPattern || pattern.left !== def.name) return undefined;
  if (variable.references.some(reference => reference.isWrite() && !reference.init)) return undefined;
  const fn = def.node;
  if (!isFunction(fn)) return undefined;
  // `{ retries = 3, delayMs = 1000 } = {}`: a field of a destructured options parameter.
  const property = pattern.parent;
  if (property?.type === AST_NODE_TYPES.Property && !property.computed && property.value === pattern) {
    const objectPattern = property.parent;
    const param =
      objectPattern?.parent?.type === AST_NODE_TYPES.AssignmentPattern &&
      objectPattern.parent.left === objectPattern
        ? objectPattern.parent
        : objectPattern;
    const key = property.key.type === AST_NODE_TYPES.Identifier ? property.key.name : undefined;
    const at = param ? fn.params.indexOf(param as (typeof fn.params)[number]) : -1;
    const whole = param?.type === AST_NODE_TYPES.AssignmentPattern ? param.right : undefined;
    return key && at >= 0
      ? optionFromCalls(model, fn, at, key, pattern.right, whole, depth, least)
      : undefined;
  }
  const index = fn.params.indexOf(pattern);
  if (index < 0) return undefined;
  let value = evaluate(model, pattern.right, {}, depth + 1, least);
  const argumentLists = value === undefined ? undefined : callArguments(model, fn);
  if (!argumentLists) return undefined;
  for (const args of argumentLists) {
    if (value === undefined) return undefined;
    if (args.slice(0, index + 1).some(arg => arg.type === AST_NODE_TYPES.SpreadElement)) return undefined;
    const passed = args[index];
    if (!passed) continue;
    value = pick(value, evaluate(model, passed, {}, depth + 1, least), least);
  }
  return value;
}

/** The largest of two values (`least`: the smallest); undefined when either is. */
function pick(value: number | undefined, given: number | undefined, least: boolean): number | undefined {
  if (value === undefined || given === undefined) return undefined;
  return least ? Math.min(value, given) : Math.max(value, given);
}

/**
 * `options.maxAttempts ?? 3` for a parameter `options`: the largest of the default and what every
 * call of the function passes under that key (a call that leaves the options out gives the key of
 * the parameter's own default object, or the fallback when that object has none); undefined when a
 * call passes what cannot be read (an options object held elsewhere, a spread, a value that is not
 * a number) or the function writes the parameter or its field.
 */
function optionValue(
  model: FileModel,
  test: TSESTree.LogicalExpression,
  depth: number,
  least: boolean,
): number | undefined {
  const member = unwrap(test.left as Node);
  if (
    member.type !== AST_NODE_TYPES.MemberExpression ||
    member.computed ||
    member.object.type !== AST_NODE_TYPES.Identifier ||
    member.property.type !== AST_NODE_TYPES.Identifier
  )
    return undefined;
  const key = member.property.name;
  const variable = model.findVariable(member.object);
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (!variable || def?.type !== 'Parameter' || !isFunction(def.node)) return undefined;
  const fn = def.node;
  for (const reference of variable.references) {
    if (reference.isWrite() && !reference.init) return undefined;
    // `options.maxAttempts = …`, `Object.assign(options, …)`: the field may hold something else.
    const use = reference.identifier as Node;
    const parent = use.parent;
    if (
      parent?.type === AST_NODE_TYPES.MemberExpression &&
      parent.object === use &&
      parent.parent?.type === AST_NODE_TYPES.AssignmentExpression &&
      parent.parent.left === parent
    )
      return undefined;
    if (parent?.type === AST_NODE_TYPES.CallExpression && parent.arguments[0] === use) {
      const callee = model.valueOf(parent.callee);
      if (callee.kind === 'global' && callee.path.join('.') === 'Object.assign') return undefined;
    }
  }
  const index = fn.params.findIndex(
    param =>
      param === def.name || (param.type === AST_NODE_TYPES.AssignmentPattern && param.left === def.name),
  );
  const param = fn.params[index];
  const whole = param?.type === AST_NODE_TYPES.AssignmentPattern ? param.right : undefined;
  return index < 0
    ? undefined
    : optionFromCalls(model, fn, index, key, test.right as Node, whole, depth, least);
}

/**
 * The largest (`least`: the smallest) of what every call of `fn` passes as `key` in the options
 * object at argument `index`: `fallback` when a call's object has no such key, the parameter's own
 * default object (`whole`) when the call leaves the argument out. Undefined when some call's value
 * cannot be read.
 */
function optionFromCalls(
  model: FileModel,
  fn: FunctionNode,
  index: number,
  key: string,
  fallback: Node,
  whole: Node | undefined,
  depth: number,
  least: boolean,
): number | undefined {
  /** What `key` holds in an options object written at a call or as the default: its own value or the fallback. */
  const keyOf = (object: Node): number | undefined => {
    const written = unwrap(object);
    if (written.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
    if (written.properties.some(property => property.type === AST_NODE_TYPES.SpreadElement)) return undefined;
    const property = written.properties.find(
      (each): each is TSESTree.Property =>
        each.type === AST_NODE_TYPES.Property &&
        !each.computed &&
        each.key.type === AST_NODE_TYPES.Identifier &&
        each.key.name === key,
    );
    return evaluate(model, property ? (property.value as Node) : fallback, {}, depth + 1, least);
  };
  const omitted = whole ? keyOf(whole) : evaluate(model, fallback, {}, depth + 1, least);
  const argumentLists = omitted === undefined ? undefined : callArguments(model, fn);
  if (!argumentLists) return undefined;
  let value: number | undefined;
  let first = true;
  for (const args of argumentLists) {
    if (args.slice(0, index + 1).some(arg => arg.type === AST_NODE_TYPES.SpreadElement)) return undefined;
    const passed = args[index];
    const given = passed ? keyOf(passed as Node) : omitted;
    value = first ? given : pick(value, given, least);
    first = false;
    if (value === undefined) return undefined;
  }
  // No call read (none yet): what the function does when called without options.
  return first ? omitted : value;
}

/**
 * Evaluates a small arithmetic expression with the given variables, following local consts,
 * parameters' defaults and options' defaults (`options.retries ?? 3`): its largest value, or with
 * `least` its smallest.
 */
function evaluate(
  model: FileModel,
  node: Node,
  variables: Record<string, number>,
  depth = 0,
  least = false,
): number | undefined {
  const inner = unwrap(node);
  if (depth > 6) return undefined;
  switch (inner.type) {
    case AST_NODE_TYPES.Literal:
      return typeof inner.value === 'number' ? inner.value : undefined;
    case AST_NODE_TYPES.Identifier: {
      if (inner.name in variables) return variables[inner.name];
      const init = model.constInit(inner);
      return init
        ? evaluate(model, init, variables, depth + 1, least)
        : parameterValue(model, inner, depth, least);
    }
    case AST_NODE_TYPES.BinaryExpression: {
      if (inner.left.type === AST_NODE_TYPES.PrivateIdentifier) return undefined;
      const left = evaluate(model, inner.left, variables, depth + 1, least);
      const right = evaluate(model, inner.right, variables, depth + 1, least);
      if (left === undefined || right === undefined) return undefined;
      switch (inner.operator) {
        case '*':
          return left * right;
        case '+':
          return left + right;
        case '-':
          return left - right;
        case '**':
          return left ** right;
        case '<<':
          return left << right;
        default:
          return undefined;
      }
    }
    case AST_NODE_TYPES.LogicalExpression:
      return inner.operator === '&&' ? undefined : optionValue(model, inner, depth, least);
    case AST_NODE_TYPES.CallExpression: {
      const callee = model.valueOf(inner.callee);
      // The largest value: Math.random() at its upper bound (the smallest, with `least`).
      if (callee.kind === 'global' && callee.path.join('.') === 'Math.random') return least ? 0 : 1;
      if (callee.kind === 'global' && callee.path.join('.') === 'Math.pow') {
        const [a, b] = inner.arguments;
        const base = a ? evaluate(model, a, variables, depth + 1, least) : undefined;
        const exponent = b ? evaluate(model, b, variables, depth + 1, least) : undefined;
        return base !== undefined && exponent !== undefined ? base ** exponent : undefined;
      }
      return undefined;
    }
    default:
      return undefined;
  }
}
