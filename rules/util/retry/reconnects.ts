// Retries that keep a long-lived connection open: a reconnect (the attempt connects, or, read in
// recursion.ts, runs again when the connection closes) and a consumer loop that runs again after a success too. They are
// meant to go on for the life of the process: a bound would leave it silently disconnected, so
// require-backoff asks them for a wait, not for a bound.
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';

import { type Node, findNode, isFunction, memberName, unwrap } from '../ast.js';

/** Calls that open a long-lived connection: `client.connect()`, `mqtt.connectAsync(url)`, `createConnection(…)`. */
const CONNECT_CALL = /^(?:re)?connect(?:Async)?$|^createConnection$|^subscribe$/;
/** Constructors that open a connection as they are called. */
const CONNECTION_CLASS = /^(?:WebSocket|ReconnectingWebSocket|EventSource)$/;

function calleeName(callee: Node): string | undefined {
  const inner = unwrap(callee);
  if (inner.type === AST_NODE_TYPES.Identifier) return inner.name;
  return inner.type === AST_NODE_TYPES.MemberExpression ? memberName(inner) : undefined;
}

/** `connect()` or `this.connect()` inside `connect`: the function's own call again. */
function callsItself(call: TSESTree.CallExpression, self: string | undefined): boolean {
  const callee = unwrap(call.callee);
  if (callee.type === AST_NODE_TYPES.Identifier) return callee.name === self;
  return (
    callee.type === AST_NODE_TYPES.MemberExpression &&
    unwrap(callee.object).type === AST_NODE_TYPES.ThisExpression &&
    memberName(callee) === self
  );
}

/**
 * The attempt opens a long-lived connection (not within a nested function: a callback's connect is
 * someone else's). The function's own call again (`this.connect()` in a `connect` that sends a
 * request) does not count.
 */
export function reconnects(attempt: Node, self?: string): boolean {
  return (
    findNode(
      attempt,
      node => {
        if (node.type === AST_NODE_TYPES.CallExpression)
          return !callsItself(node, self) && CONNECT_CALL.test(calleeName(node.callee) ?? '');
        if (node.type === AST_NODE_TYPES.NewExpression)
          return CONNECTION_CLASS.test(calleeName(node.callee) ?? '');
        return false;
      },
      node => !isFunction(node),
    ) !== undefined
  );
}

/** A timer (`setTimeout(…)`); `setImmediate` and `process.nextTick` are read here. */
type ScheduledCall = (call: TSESTree.CallExpression) => boolean;

/**
 * `fn` schedules itself again on its success path too (`.then(() => setImmediate(() =>
 * this.startLoop()))` beside `.catch(() => setTimeout(() => this.startLoop(), delay))`): a loop
 * that runs for as long as the process does, whose failures only move its next run.
 */
export function runsOnAfterSuccess(
  body: Node,
  name: string,
  isScheduled: ScheduledCall,
  onFailurePath: (node: Node) => boolean,
): boolean {
  return (
    findNode(body, node => {
      if (node.type !== AST_NODE_TYPES.CallExpression || onFailurePath(node)) return false;
      if (!isScheduled(node) && !/^(?:setImmediate|nextTick)$/.test(calleeName(node.callee) ?? ''))
        return false;
      const callback = node.arguments[0];
      if (!callback) return false;
      if (calleeName(callback) === name) return true;
      return (
        isFunction(callback) &&
        findNode(
          callback.body,
          inner => inner.type === AST_NODE_TYPES.CallExpression && calleeName(inner.callee) === name,
        ) !== undefined
      );
    }) !== undefined
  );
}
