// Redis connections kept for subscriptions. A subscriber waits for messages by design: a command
// timeout does not notice a silent publisher, and the commands it sends (`subscribe`) are not
// calls anyone waits on. Such a connection is not asked for a command deadline.
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';

import { type Node, memberName, propertyKey, unwrap, writtenName } from './ast.js';
import type { FileModel } from './file-model.js';

/** Names that say a connection subscribes: `sub`, `subClient`, `redisSub`, `subscriber`, `createSubscriber`. */
const SUBSCRIBER_NAME =
  /[Ss]ubscriber|^sub(?:Client|Conn|Connection|Redis)?$|(?:redis|Redis)Sub$|Sub(?:Client|Conn|Connection)$/;
/** The commands that subscribe a connection to messages, or leave them. */
const SUBSCRIPTIONS = [
  'subscribe',
  'psubscribe',
  'ssubscribe',
  'unsubscribe',
  'punsubscribe',
  'sunsubscribe',
];
/** A Redis command that subscribes a connection to messages (or leaves them): it waits for them by design. */
export function isSubscription(method: string): boolean {
  return SUBSCRIPTIONS.includes(method);
}
/** Redis commands that block for an answer, as long as their timeout argument (seconds) says: the last one. */
const BLOCKING = new Set(['blpop', 'brpop', 'brpoplpush', 'blmove', 'bzpopmin', 'bzpopmax']);
/** The same, with the timeout first (`BLMPOP timeout numkeys key…`). */
const BLOCKING_TIMEOUT_FIRST = new Set(['blmpop', 'bzmpop']);
/**
 * A Redis command that waits for data by design and for ever (`brpop(key, 0)`, `xread('BLOCK', 0,
 * …)`): a command timeout would break it, so it is no call to bound that way. One that waits a
 * written, finite time (`xread('BLOCK', 10000, …)`) is a call like any other: the server's wait
 * bounds an answering Redis, not a silent one, and a command timeout above that wait is its fix.
 * A wait that is not written as a number (a parameter, a setting) is taken as by design too; a
 * `const` of the file that holds a number is read.
 */
export function isBlockingCommand(
  method: string,
  args: readonly TSESTree.Node[],
  constant: (node: TSESTree.Identifier) => Node | undefined = () => undefined,
): boolean {
  // ioredis writes them `brpop` or `BRPOP`, node-redis `brPop` or `BRPOP`.
  const lower = method.toLowerCase();
  let wait: TSESTree.Node | undefined;
  if (BLOCKING.has(lower)) wait = args.at(-1);
  else if (BLOCKING_TIMEOUT_FIRST.has(lower)) wait = args[0];
  else if (/^x(?:read|readgroup)$/.test(lower)) {
    const block = args.findIndex(
      arg =>
        arg.type === AST_NODE_TYPES.Literal &&
        typeof arg.value === 'string' &&
        arg.value.toUpperCase() === 'BLOCK',
    );
    const options = args.at(-1);
    if (block >= 0) wait = args[block + 1];
    // node-redis: `xRead(streams, { BLOCK: 0 })`.
    else if (options?.type === AST_NODE_TYPES.ObjectExpression) {
      const property = options.properties.find(
        each => each.type === AST_NODE_TYPES.Property && propertyKey(each) === 'BLOCK',
      ) as TSESTree.Property | undefined;
      if (!property) return false;
      wait = property.value;
    } else return false;
  } else return false;
  // `xread('BLOCK', COMMAND_BLOCK_TIMEOUT, …)` with `const COMMAND_BLOCK_TIMEOUT = 10000`.
  if (wait?.type === AST_NODE_TYPES.Identifier) wait = constant(wait) ?? wait;
  if (wait?.type !== AST_NODE_TYPES.Literal) return true;
  const seconds = Number(wait.value);
  return !Number.isFinite(seconds) || seconds <= 0;
}

/** What a subscription connection is used for. */
const SUBSCRIBING = new Set([
  ...SUBSCRIPTIONS,
  'on',
  'once',
  'off',
  'addListener',
  'removeListener',
  'removeAllListeners',
  'connect',
  'quit',
  'disconnect',
  'duplicate',
]);
/** Adapters that take a publisher and a subscriber connection, the subscriber second. */
const PUB_SUB_ADAPTERS = /^(?:createAdapter|createShardedAdapter|RedisPubSub)$/;
/**
 * Socket.IO's Redis adapters (`createAdapter(pub, sub)`): the publisher only broadcasts, and
 * nothing waits for a broadcast (requests between servers have the adapter's own
 * `requestsTimeout`), so a connection used for nothing else is not asked for a command deadline.
 */
const BROADCAST_ADAPTERS = /^(?:createAdapter|createShardedAdapter)$/;

/** The name a construction is bound to: its const, the field it is assigned to, or the function returning it. */
function bindingOf(node: Node): { name: string; id?: TSESTree.Identifier } | undefined {
  let current: Node = node;
  while (
    current.parent &&
    (current.parent.type === AST_NODE_TYPES.AwaitExpression ||
      current.parent.type === AST_NODE_TYPES.TSAsExpression ||
      current.parent.type === AST_NODE_TYPES.TSNonNullExpression)
  )
    current = current.parent;
  const parent = current.parent;
  if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier)
    return { name: parent.id.name, id: parent.id };
  if (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.right === current) {
    const name = writtenName(parent.left);
    return name ? { name } : undefined;
  }
  if (parent?.type === AST_NODE_TYPES.PropertyDefinition && parent.value === current) {
    const name = writtenName(parent.key);
    return name ? { name } : undefined;
  }
  // `new RedisPubSub({ publisher: new Redis(…), subscriber: new Redis(…) })`: made where it is handed over.
  if (parent?.type === AST_NODE_TYPES.Property && parent.value === current && !parent.computed) {
    const name = writtenName(parent.key);
    return name ? { name } : undefined;
  }
  if (
    parent?.type === AST_NODE_TYPES.ReturnStatement ||
    parent?.type === AST_NODE_TYPES.ArrowFunctionExpression
  ) {
    let fn: Node | undefined = parent;
    while (
      fn &&
      fn.type !== AST_NODE_TYPES.FunctionDeclaration &&
      fn.type !== AST_NODE_TYPES.ArrowFunctionExpression &&
      fn.type !== AST_NODE_TYPES.FunctionExpression
    )
      fn = fn.parent;
    if (fn?.type === AST_NODE_TYPES.FunctionDeclaration && fn.id) return { name: fn.id.name };
    const holder = fn?.parent;
    if (holder?.type === AST_NODE_TYPES.VariableDeclarator && holder.id.type === AST_NODE_TYPES.Identifier)
      return { name: holder.id.name };
    if (holder?.type === AST_NODE_TYPES.MethodDefinition) {
      const name = writtenName(holder.key);
      return name ? { name } : undefined;
    }
  }
  return undefined;
}

/**
 * A Redis connection made for subscriptions: named so (`subscriber`, `subClient`), handed as the
 * subscriber to a pub/sub adapter (`createAdapter(pub, sub)`, `new RedisPubSub({ subscriber })`),
 * or used in this file only to subscribe and listen; also the publisher of a Socket.IO adapter
 * used for nothing else (`createAdapter(pubClient, subClient)` after `pubClient.connect()`).
 */
export function isSubscriberConnection(model: FileModel, construction: Node): boolean {
  const binding = bindingOf(construction);
  if (!binding) return false;
  if (SUBSCRIBER_NAME.test(binding.name)) return true;
  if (!binding.id) return false;
  const variable = model.findVariable(binding.id);
  if (!variable) return false;
  let subscribes = false;
  let broadcasts = false;
  for (const reference of variable.references) {
    const use = reference.identifier as Node;
    const parent = use.parent;
    if (!parent || reference.init) continue;
    if (
      parent.type === AST_NODE_TYPES.CallExpression &&
      parent.arguments.includes(use as TSESTree.Expression)
    ) {
      const callee = writtenName(unwrap(parent.callee as Node));
      const index = parent.arguments.indexOf(use as TSESTree.Expression);
      if (callee && PUB_SUB_ADAPTERS.test(callee) && index === 1) return true;
      if (callee && BROADCAST_ADAPTERS.test(callee) && index === 0) {
        broadcasts = true;
        continue;
      }
      return false;
    }
    if (
      parent.type === AST_NODE_TYPES.Property &&
      parent.value === use &&
      writtenName(parent.key) === 'subscriber'
    )
      return true;
    if (parent.type === AST_NODE_TYPES.MemberExpression && parent.object === use) {
      const name = memberName(parent);
      if (!name || !SUBSCRIBING.has(name)) return false;
      if (name.endsWith('subscribe')) subscribes = true;
      continue;
    }
    return false;
  }
  return subscribes || broadcasts;
}
