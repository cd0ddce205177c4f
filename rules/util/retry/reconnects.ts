// Retries that keep a long-lived connection open: a reconnect (the attempt connects, or, read in
// recursion.ts, runs again when the connection closes) and a consumer loop that runs again after a
// success too. They are
// meant to go on for the life of the process: a bound would leave it silently disconnected, so
// require-backoff asks them for a wait, not for a bound.
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';

import { type Node, findNode, isFunction, memberName, unwrap, writtenName } from '../ast.js';

/** Calls that open a long-lived connection: `client.connect()`, `mqtt.connectAsync(url)`, `createConnection(…)`. */
const CONNECT_CALL = /^(?:re)?connect(?:Async)?$|^createConnection$|^subscribe$/;
/** Constructors that open a connection as they are called. */
const CONNECTION_CLASS = /^(?:WebSocket|ReconnectingWebSocket|EventSource)$/;

/** `connect()` or `this.connect()` inside `connect`: the function's own call again. */
export function callsItself(call: TSESTree.CallExpression, self: string | undefined): boolean {
  const callee = unwrap(call.callee);
  if (callee.type === AST_NODE_TYPES.Identifier) return callee.name === self;
  return (
    callee.type === AST_NODE_TYPES.MemberExpression &&
    unwrap(callee.object).type === AST_NODE_TYPES.ThisExpression &&
    memberName(callee) === self
  );
}

/** Listener registration on a connection: not work done after it connects. */
const LISTENER_CALL =
  /^(?:on|once|off|addListener|removeListener|removeAllListeners|setMaxListeners|addEventListener)$/;
/** Setting up what a connection is for once it is open: a channel, a queue, a subscription, a login. */
const SETUP_CALL =
  /^(?:createChannel|createConfirmChannel|assertQueue|assertExchange|bindQueue|prefetch|consume|subscribe|psubscribe|login|auth|authenticate|join|setKeepAlive|setNoDelay)$/;

/**
 * The attempt opens a long-lived connection, and that connection is what the attempt is for: after
 * the connect (`client.connect()`, `mqtt.connectAsync(url)`, `createConnection(…)`, `new
 * WebSocket(url)`) it only listens to it and sets it up (a channel, a subscription, a login), and
 * waits for no other work (`isWork`). `const c = await pool.connect(); await c.query(…)` borrows a
 * connection for a query, and `await client.connect(); return client.get(key)` connects on the
 * way to a command: both retry the work, not the connection. Calls in a nested function are
 * someone else's; the function's own call again (`this.connect()` in a `connect`) does not count.
 */
export function reconnects(
  attempt: Node,
  self: string | undefined,
  isWork: (call: Node) => boolean,
): boolean {
  const connect = findNode(
    attempt,
    node => {
      if (node.type === AST_NODE_TYPES.CallExpression)
        return !callsItself(node, self) && CONNECT_CALL.test(writtenName(node.callee) ?? '');
      if (node.type === AST_NODE_TYPES.NewExpression)
        return CONNECTION_CLASS.test(writtenName(node.callee) ?? '');
      return false;
    },
    node => !isFunction(node),
  );
  if (!connect) return false;
  const after = findNode(
    attempt,
    node => {
      if (node.type !== AST_NODE_TYPES.CallExpression || node.range[0] < connect.range[1]) return false;
      const name = writtenName(node.callee) ?? '';
      if (
        callsItself(node, self) ||
        LISTENER_CALL.test(name) ||
        SETUP_CALL.test(name) ||
        CONNECT_CALL.test(name)
      )
        return false;
      // Work the attempt waits for (`await c.query(…)`, `return client.get(key)`); not a call it
      // starts and moves on from (`this.loadListeners()`, which registers handlers).
      const parent = node.parent;
      const waited =
        parent.type === AST_NODE_TYPES.AwaitExpression || parent.type === AST_NODE_TYPES.ReturnStatement;
      return waited && isWork(node);
    },
    node => !isFunction(node),
  );
  return after === undefined;
}

/**
 * `socket.on('close', …)`, `client.once('disconnect', …)`: the failure path is a listener for the
 * connection's loss. Not `'end'`, which a response's body also emits (`res.on('end', …)`).
 */
export function onConnectionClose(failure: Node): boolean {
  const call = failure.parent;
  if (!isFunction(failure) || call?.type !== AST_NODE_TYPES.CallExpression) return false;
  const name = writtenName(call.callee);
  const event = call.arguments[0];
  return (
    (name === 'on' || name === 'once' || name === 'addListener' || name === 'addEventListener') &&
    event?.type === AST_NODE_TYPES.Literal &&
    /^(?:close|disconnect|disconnected)$/i.test(String(event.value))
  );
}

/** A timer (`setTimeout(…)`); `setImmediate` and `process.nextTick` are read here. */
type ScheduledCall = (call: TSESTree.CallExpression) => boolean;

/**
 * `fn` schedules the same call of itself on its success path too (`.then(() => setImmediate(() =>
 * this.startLoop()))` beside `.catch(() => setTimeout(() => this.startLoop(), delay))`): a loop
 * that runs for as long as the process does, whose failures only move its next run. `sameCall`
 * says a call is the failure path's own call again, with the same arguments: a next page
 * (`this.page(res.next)` beside `this.page(cursor)`) is pagination, not a loop that runs on.
 */
export function runsOnAfterSuccess(
  body: Node,
  sameCall: (call: TSESTree.CallExpression) => boolean,
  isScheduled: ScheduledCall,
  onFailurePath: (node: Node) => boolean,
): boolean {
  return (
    findNode(body, node => {
      if (node.type !== AST_NODE_TYPES.CallExpression || onFailurePath(node)) return false;
      if (!isScheduled(node) && !/^(?:setImmediate|nextTick)$/.test(writtenName(node.callee) ?? ''))
        return false;
      const callback = node.arguments[0];
      if (!callback || !isFunction(callback)) return false;
      return (
        findNode(callback.body, inner => inner.type === AST_NODE_TYPES.CallExpression && sameCall(inner)) !==
        undefined
      );
    }) !== undefined
  );
}
