// Which failures a retry goes round on. A failure handler that lets only a named kind of error
// through to the next attempt (`if (err instanceof MetaFileExpiredError) continue; throw err`,
// `if (isDataConsistencyError(err)) { await wait(100) } else throw err`, `if (err.response?.status
// === 410) return this.sync(calendarId)`) repeats the call on a condition of the answer, one no
// outage raises: a cache entry that expired mid-read, a block the node does not serve yet, a sync
// token the server dropped. Outages are named too (`ECONNRESET`, a 503, `isRetryable(err)`,
// `AxiosError`); a handler that lets through any kind an outage can raise still retries outages.
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';

import { type Node, findNode, isFunction, memberName, unwrap, writtenName } from '../ast.js';

/**
 * Words of an error kind that an outage, an overload or a dropped connection raises, or that name
 * the client or the server the failure came from (`RedisError`, `FetchError`, `isRetryable`).
 */
const OUTAGE_WORDS = new Set([
  'abort',
  'aborted',
  'again',
  'amqp',
  'availability',
  'axios',
  'backoff',
  'busy',
  'capacity',
  'close',
  'closed',
  'con',
  'conn',
  'connect',
  'connection',
  'connections',
  'database',
  'db',
  'deadline',
  'down',
  'driver',
  'eof',
  'exceeded',
  'exhausted',
  'fetch',
  'gateway',
  'got',
  'grpc',
  'hang',
  'hangup',
  'http',
  'https',
  'internal',
  'io',
  'ioredis',
  'kafka',
  'kafkajs',
  'knex',
  'limit',
  'limited',
  'lost',
  'many',
  'mongo',
  'mongodb',
  'nats',
  'net',
  'network',
  'offline',
  'overload',
  'overloaded',
  'pg',
  'postgres',
  'prisma',
  'quota',
  'rabbit',
  'rate',
  'ratelimit',
  'recover',
  'recoverable',
  'redis',
  'refused',
  'request',
  'requests',
  'reset',
  'retriable',
  'retries',
  'retry',
  'retryable',
  'retrying',
  'sequelize',
  'server',
  'service',
  'shutdown',
  'slow',
  'slowdown',
  'socket',
  'sql',
  'temporarily',
  'temporary',
  'throttle',
  'throttled',
  'throttling',
  'throughput',
  'timed',
  'timeout',
  'timeouts',
  'transient',
  'typeorm',
  'unavailable',
  'unreachable',
  'upstream',
]);

/** Words that name no kind at all: `err instanceof Error` lets every error through. */
const GENERIC_WORDS = new Set([
  'a',
  'an',
  'base',
  'custom',
  'e',
  'err',
  'error',
  'errors',
  'exception',
  'is',
  'runtime',
  'system',
  'type',
]);

/**
 * Errno-style codes no outage raises: the local machine's (a file not there yet), and the npm
 * registry's request for a one-time password (`EOTP`), answered by the user at a prompt.
 */
const LOCAL_ERRNO = new Set([
  'EACCES',
  'EEXIST',
  'EISDIR',
  'ENOENT',
  'ENOTDIR',
  'ENOTEMPTY',
  'EPERM',
  'EOTP',
]);

/**
 * An error kind an outage can raise: an errno code of the network, an HTTP status of an overloaded
 * or failing server (5xx, 429, 408, and 0 for no answer), a gRPC status code of the same
 * (`UNKNOWN`, DEADLINE_EXCEEDED 4, RESOURCE_EXHAUSTED 8, ABORTED 10, INTERNAL 13, UNAVAILABLE 14), a Prisma
 * connection code (P1xxx, P2024) or a Postgres class of connection, resource or operator failure
 * (08, 53, 57, 58), or a name made of the words above.
 */
export function outageKind(kind: string): boolean {
  const text = kind.trim();
  if (/^E[A-Z_]{3,}$/.test(text)) return !LOCAL_ERRNO.has(text);
  if (/^(?:5\d\d|429|408|0|4|8|10|13|14|UNKNOWN)$/.test(text)) return true;
  if (/^(?:P1\d{3}|P2024|(?:08|53|57|58)[0-9A-Z]{3})$/.test(text)) return true;
  const words = text
    .split(/[^A-Za-z0-9]+|(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])/)
    .filter(Boolean)
    .map(word => word.toLowerCase());
  if (words.every(word => GENERIC_WORDS.has(word))) return true;
  return words.some(word => OUTAGE_WORDS.has(word) || /^5\d\d$/.test(word) || word === '429');
}

/**
 * The error kinds a condition requires of the error `param` (when `holds` is true) or of its
 * negation (when false): `undefined` when some error of any kind can satisfy it. `!(e instanceof X)`
 * requires nothing of the kind; `e instanceof X && attempt < 3` requires `X`; `isA(e) || isB(e)`
 * requires `A` or `B`.
 */
export function requiredKinds(test: Node, param: string, holds: boolean): string[] | undefined {
  const node = unwrap(test);
  if (node.type === AST_NODE_TYPES.UnaryExpression && node.operator === '!')
    return requiredKinds(node.argument, param, !holds);
  if (node.type === AST_NODE_TYPES.LogicalExpression && node.operator !== '??') {
    const left = requiredKinds(node.left, param, holds);
    const right = requiredKinds(node.right, param, holds);
    // `a && b` (or `!(a || b)`): either side's requirement holds. `a || b` (or `!(a && b)`): both.
    const conjunction = (node.operator === '&&') === holds;
    if (conjunction) return left && right ? [...left, ...right] : (left ?? right);
    return left && right ? [...left, ...right] : undefined;
  }
  if (node.type === AST_NODE_TYPES.BinaryExpression) {
    // `text.indexOf('Request timeout') != -1`, `msg.indexOf('x') >= 0`: an `includes`.
    const found = foundIndex(node);
    if (found) return holds ? calledKinds(found, param, 'includes') : undefined;
    if (!holds && node.operator !== '!==' && node.operator !== '!=') return undefined;
    if (node.operator === 'instanceof') {
      if (!mentions(node.left, param)) return undefined;
      const name = writtenName(node.right);
      return name ? [name] : undefined;
    }
    const equals = node.operator === '===' || node.operator === '==';
    const differs = node.operator === '!==' || node.operator === '!=';
    // `e.code !== 'P2002'` requires `P2002` when it does not hold.
    if (!(equals && holds) && !(differs && !holds)) return undefined;
    const [kindSide, valueSide] = mentions(node.left, param)
      ? [node.left, node.right]
      : [node.right, node.left];
    if (!mentions(kindSide, param) || mentions(valueSide, param)) return undefined;
    const value = kindValue(valueSide);
    return value === undefined ? undefined : [value];
  }
  if (node.type === AST_NODE_TYPES.CallExpression && holds) return calledKinds(node, param);
  return undefined;
}

/**
 * `s.indexOf(x) !== -1`, `s.indexOf(x) > -1`, `s.indexOf(x) >= 0` (either way round): the
 * `indexOf` call, which then reads like `s.includes(x)`.
 */
function foundIndex(node: TSESTree.BinaryExpression): TSESTree.CallExpression | undefined {
  const number = (side: Node): number | undefined => {
    const value = unwrap(side);
    if (value.type === AST_NODE_TYPES.Literal && typeof value.value === 'number') return value.value;
    if (
      value.type === AST_NODE_TYPES.UnaryExpression &&
      value.operator === '-' &&
      value.argument.type === AST_NODE_TYPES.Literal &&
      typeof value.argument.value === 'number'
    )
      return -value.argument.value;
    return undefined;
  };
  const indexOf = (side: Node): TSESTree.CallExpression | undefined => {
    const call = unwrap(side);
    return call.type === AST_NODE_TYPES.CallExpression && writtenName(unwrap(call.callee)) === 'indexOf'
      ? call
      : undefined;
  };
  const left = indexOf(node.left as Node);
  const right = indexOf(node.right);
  const call = left ?? right;
  const bound = left ? number(node.right) : number(node.left as Node);
  if (!call || bound === undefined || (left && right)) return undefined;
  // Written as `call OP bound`; `bound OP call` is the mirror.
  const operator = left
    ? node.operator
    : (({ '<': '>', '<=': '>=', '>': '<', '>=': '<=' } as Record<string, string>)[node.operator] ??
      node.operator);
  const found =
    ((operator === '!==' || operator === '!=' || operator === '>') && bound === -1) ||
    (operator === '>=' && bound === 0);
  if (!found) return undefined;
  return call;
}

/** `isDataConsistencyError(err)`, `err.message.includes('nonce too low')`, `/one-time pass/.test(err)`, `CODES.includes(e.code)`. */
function calledKinds(
  call: TSESTree.CallExpression,
  param: string,
  method?: 'includes',
): string[] | undefined {
  const callee = unwrap(call.callee);
  const args = call.arguments.map(arg => unwrap(arg as Node));
  const name = method ?? writtenName(callee);
  if (!name) return undefined;
  if (
    callee.type === AST_NODE_TYPES.MemberExpression &&
    /^(?:includes|startsWith|endsWith|match|test|search)$/.test(name)
  ) {
    const target = unwrap(callee.object);
    // `/one-time pass/.test(err)`
    if (
      target.type === AST_NODE_TYPES.Literal &&
      'regex' in target &&
      target.regex &&
      args.some(arg => mentions(arg, param))
    )
      return [target.regex.pattern];
    // `CODES.includes(e.code)`, `['ECONNRESET', 'EPIPE'].includes(e.code)`
    if (!mentions(target, param) && args.some(arg => mentions(arg, param))) {
      if (target.type === AST_NODE_TYPES.ArrayExpression) {
        const values = target.elements.map(element => (element ? kindValue(element as Node) : undefined));
        return values.every(value => value !== undefined) && values.length > 0
          ? (values as string[])
          : undefined;
      }
      return target.type === AST_NODE_TYPES.Identifier ? [target.name] : undefined;
    }
    // `e.message.includes('nonce too low')`, `String(err).match(/distinct/)`
    if (mentions(target, param) && args[0]) {
      const arg = args[0];
      if (arg.type === AST_NODE_TYPES.Literal && 'regex' in arg && arg.regex) return [arg.regex.pattern];
      if (arg.type === AST_NODE_TYPES.Identifier) return [arg.name];
      const value = kindValue(arg);
      return value === undefined ? undefined : [value];
    }
    return undefined;
  }
  // `isDataConsistencyError(err)`, `this.isRetryable(e)`: a predicate of the error.
  if (
    args.some(arg => mentions(arg, param)) &&
    /^(?:is|has|was|should|can|looks|matches)(?:[A-Z_]|$)|Error$/.test(name)
  )
    return [name];
  return undefined;
}

/** The kind a compared value names: a literal, or a constant (`Status.UNAVAILABLE`, `CODE_GONE`). */
function kindValue(node: Node): string | undefined {
  const value = unwrap(node);
  if (value.type === AST_NODE_TYPES.Literal)
    return typeof value.value === 'string' || typeof value.value === 'number'
      ? String(value.value)
      : undefined;
  if (value.type === AST_NODE_TYPES.TemplateLiteral && value.expressions.length === 0)
    return value.quasis[0]?.value.cooked ?? undefined;
  if (value.type === AST_NODE_TYPES.MemberExpression) return memberName(value);
  if (value.type === AST_NODE_TYPES.Identifier && /^[A-Z][A-Z0-9_]*$/.test(value.name)) return value.name;
  return undefined;
}

function mentions(node: Node, param: string): boolean {
  return (
    findNode(
      node,
      inner => inner.type === AST_NODE_TYPES.Identifier && inner.name === param,
      inner => !isFunction(inner),
    ) !== undefined
  );
}

/** The statement always leaves the failure handler (throws, returns or breaks out). */
function leaves(statement: Node): boolean {
  switch (statement.type) {
    case AST_NODE_TYPES.ThrowStatement:
    case AST_NODE_TYPES.ReturnStatement:
      return true;
    case AST_NODE_TYPES.BreakStatement:
      return !statement.label;
    case AST_NODE_TYPES.BlockStatement:
      return statement.body.some(leaves);
    case AST_NODE_TYPES.IfStatement:
      return statement.alternate !== null && leaves(statement.consequent) && leaves(statement.alternate);
    default:
      return false;
  }
}

/**
 * The conditions on the way from the start of a failure handler `block` to `target` (a statement or
 * expression inside it; the end of the block when undefined): `[test, holds]` for every `if` whose
 * branch leads there, and for every `if` before it whose branch leaves.
 */
function conditionsTo(block: TSESTree.BlockStatement, target: Node | undefined): [Node, boolean][] {
  const conditions: [Node, boolean][] = [];
  let statements: TSESTree.Statement[] = block.body;
  let container: Node = block;
  for (;;) {
    let next: Node | undefined;
    for (const [index, statement] of statements.entries()) {
      if (target && isWithinOrSame(target, statement)) {
        next = statement;
        break;
      }
      if (statement.type === AST_NODE_TYPES.IfStatement) {
        // `if (T) throw err` before the way on: it goes on only when T does not hold.
        if (leaves(statement.consequent) && !(statement.alternate && leaves(statement.alternate)))
          conditions.push([statement.test, false]);
        else if (statement.alternate && leaves(statement.alternate) && !leaves(statement.consequent))
          conditions.push([statement.test, true]);
        // `if (T) continue; throw err` at the end of a catch: what goes round passed T.
        else if (!target && !statement.alternate && statements.slice(index + 1).some(leaves))
          conditions.push([statement.test, true]);
      }
      if (leaves(statement)) return conditions;
    }
    if (!next || !target) return conditions;
    // Step into the statement that holds the target.
    let inner: Node = next;
    for (;;) {
      if (inner === target) return conditions;
      if (inner.type === AST_NODE_TYPES.IfStatement) {
        if (isWithinOrSame(target, inner.consequent)) {
          conditions.push([inner.test, true]);
          inner = inner.consequent;
        } else if (inner.alternate && isWithinOrSame(target, inner.alternate)) {
          conditions.push([inner.test, false]);
          inner = inner.alternate;
        } else return conditions;
        continue;
      }
      if (inner.type === AST_NODE_TYPES.BlockStatement) break;
      return conditions;
    }
    if (inner === container) return conditions;
    container = inner;
    statements = (inner as TSESTree.BlockStatement).body;
  }
}

function isWithinOrSame(inner: Node, outer: Node): boolean {
  return inner.range[0] >= outer.range[0] && inner.range[1] <= outer.range[1];
}

/**
 * An error kind a request raises only once it has waited out a timeout: `ETIMEDOUT`,
 * `ESOCKETTIMEDOUT`, `TimeoutError`, `'Request timeout'`, `DEADLINE_EXCEEDED`, `isTimeoutError`.
 * Not a 408 (the server answered at once) nor `ECONNABORTED` (any abort); a pattern counts when
 * every alternative of it does.
 */
export function timeoutKind(kind: string): boolean {
  return kind.split('|').every(part => {
    const text = part.trim();
    // An errno-style code: a timeout one only (`ETIMEDOUT`, `ESOCKETTIMEDOUT`).
    if (/^E[A-Z_]{3,}$/.test(text)) return /TIMEDOUT$/.test(text);
    if (!/time[ds]?[\s_-]?out|timedout|deadline[\s_-]?exceeded/i.test(text)) return false;
    // Every word speaks of the timeout, not of another failure beside it (`isTimeoutOrNetworkError`).
    const words = text
      .split(/[^A-Za-z0-9]+|(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])/)
      .filter(Boolean)
      .map(word => word.toLowerCase());
    return words.every(word => TIMEOUT_WORDS.has(word));
  });
}

/** Words of a timeout's name: `isTimeoutError`, `'Request timeout'`, `UND_ERR_HEADERS_TIMEOUT`. */
const TIMEOUT_WORDS = new Set([
  'timeout',
  'timeouts',
  'timed',
  'time',
  'out',
  'timedout',
  'deadline',
  'exceeded',
  'request',
  'socket',
  'headers',
  'body',
  'connect',
  'und',
  'err',
  'error',
  'exception',
  'is',
  'e',
]);

/**
 * The names the failure handler `block` gives what it reads of the error `param`, besides `param`:
 * `const text = exception.toString()`, `const { code } = err`, `const msg = String(e)`.
 */
function errorAliases(block: TSESTree.BlockStatement, param: string): string[] {
  const names = [param];
  for (const statement of block.body) {
    if (statement.type !== AST_NODE_TYPES.VariableDeclaration) continue;
    for (const declarator of statement.declarations) {
      if (!declarator.init || isFunction(unwrap(declarator.init)) || !mentions(declarator.init, param))
        continue;
      if (declarator.id.type === AST_NODE_TYPES.Identifier) names.push(declarator.id.name);
      else if (declarator.id.type === AST_NODE_TYPES.ObjectPattern)
        for (const property of declarator.id.properties)
          if (property.type === AST_NODE_TYPES.Property && property.value.type === AST_NODE_TYPES.Identifier)
            names.push(property.value.name);
    }
  }
  return names;
}

/**
 * The failure handler `block` lets only named kinds of error go on to `target` (the next attempt;
 * the end of the handler when undefined), and every one of them passes `test`.
 */
function goesRoundOnlyOn(
  block: TSESTree.BlockStatement,
  param: string | undefined,
  target: Node | undefined,
  test: (kinds: readonly string[]) => boolean,
): boolean {
  if (!param) return false;
  const names = errorAliases(block, param);
  return conditionsTo(block, target).some(([condition, holds]) =>
    names.some(name => {
      const kinds = requiredKinds(condition, name, holds);
      return kinds !== undefined && kinds.length > 0 && test(kinds);
    }),
  );
}

/**
 * The failure handler `block` lets only named kinds of error go on to `target` (the next attempt;
 * the end of the handler when undefined), and none of them is one an outage raises.
 */
export function goesRoundOnlyOnAnswer(
  block: TSESTree.BlockStatement,
  param: string | undefined,
  target?: Node,
): boolean {
  return goesRoundOnlyOn(block, param, target, kinds => !kinds.some(outageKind));
}

/**
 * The failure handler `block` lets only timeouts go on to `target` (`if (err.code === 'ETIMEDOUT')
 * return again()`, `if (text.indexOf('Request timeout') != -1) continue`): each attempt that goes
 * round has already waited out its timeout, so the retry does not go round at once, whatever
 * it writes between attempts.
 */
export function goesRoundOnlyOnTimeout(
  block: TSESTree.BlockStatement,
  param: string | undefined,
  target?: Node,
): boolean {
  return goesRoundOnlyOn(block, param, target, kinds => kinds.every(timeoutKind));
}

/** The name the failure handler gives the error: a catch clause's or a rejection callback's first parameter. */
export function errorName(failure: Node): string | undefined {
  const owner = failure.parent?.type === AST_NODE_TYPES.CatchClause ? failure.parent : failure;
  const param =
    owner.type === AST_NODE_TYPES.CatchClause ? owner.param : isFunction(owner) ? owner.params[0] : undefined;
  return param?.type === AST_NODE_TYPES.Identifier ? param.name : undefined;
}
