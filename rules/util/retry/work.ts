// The work an attempt does: a retry goes round again around a call to another process (or the
// function a retry helper is given), not around a walk over a collection or a list of
// alternatives tried in turn.
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';

import {
  type FunctionNode,
  type Node,
  findNode,
  isFunction,
  isPromiseExecutor,
  unwrap,
  writtenMember,
  writtenName,
} from '../ast.js';
import type { FileModel } from '../file-model.js';
import type { UrlLookups } from '../loopback.js';
import { loopbackCall } from '../url-lookups.js';
import { delayList } from './delay-list.js';

/** Parameters that hold the work a retry helper repeats: `fn`, `task`, `operation`, `action`… */
const WORK_PARAM =
  /^(fn|func|function|task|operation|op|action|job|work|callback|cb|thunk|request|req|run|runner|execute|exec|method|promiseFn|promiseFactory|factory|producer|handler|call|attempt|create|connect|open|start|load|send|fetcher|fetchFn|getter|doRequest|makeRequest|sendRequest|requestFn|request[A-Z]\w*)$/;
/** Names of calls that talk to another process, for clients the catalog does not know. */
const IO_NAME =
  /^(?:fetch|request|send|invoke|query|connect|upload|download|publish|produce|rpc|notify|deliver|submit|charge|ping|post|put|patch)(?:[A-Z0-9_]|$)|^(?:get|delete|head|exec|execute)$|(?:Api|Remote|Http|Request|Service|Client)(?:[A-Z]|$)|^\$(?:transaction|queryRaw|executeRaw|connect)|^(?:findMany|findFirst|findUnique|findOne|insertOne|insertMany|updateOne|updateMany|deleteOne|deleteMany|createMany|upsert|bulkWrite)(?:[A-Z]|$)/;

/**
 * A parameter that may hold work handed in: not the `resolve`/`reject` of a Promise executor
 * (`new Promise((resolve) => { … resolve() })`), which settles a promise and calls nothing.
 */
function isWorkParameter(model: FileModel, name: TSESTree.Identifier): boolean {
  const def = model.findVariable(name)?.defs[0];
  if (def?.type !== 'Parameter') return false;
  const fn = def.node as Node;
  const holder = fn.parent;
  return !(
    holder?.type === AST_NODE_TYPES.NewExpression &&
    holder.arguments[0] === fn &&
    holder.callee.type === AST_NODE_TYPES.Identifier &&
    holder.callee.name === 'Promise'
  );
}

/** Names of the callbacks that report an outcome: node's `callback(err)`, `done`, `next`, `onSuccess`. */
const COMPLETION_NAME = /^(?:callback|cb|done|next|resolve|reject|on[A-Z]\w*)$/;

/**
 * `if (running) return callback();`: a parameter named as a completion callback, called without
 * waiting for it (not awaited, chained or tried), reports that the work is done; it is not the work.
 */
function completionCall(call: TSESTree.CallExpression, name: string): boolean {
  if (!COMPLETION_NAME.test(name)) return false;
  const parent = call.parent;
  if (parent?.type === AST_NODE_TYPES.AwaitExpression) return false;
  if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === call) return false;
  // Called inside a `try` block: the attempt whose failure the catch handles.
  let child: Node = call;
  for (let current: Node | undefined = parent; current && !isFunction(current); current = current.parent) {
    if (current.type === AST_NODE_TYPES.TryStatement && current.block === child) return false;
    child = current;
  }
  return true;
}

/**
 * The block talks to another process: a remote call the catalog knows (directly or through a
 * local function), or an awaited call named like I/O (`await client.send(…)`, `await api.get(…)`).
 */
export function doesWork(model: FileModel, block: Node, reading: ReadonlySet<Node> = new Set()): boolean {
  // A request to this machine (`fetch(`http://127.0.0.1:${port}/…`)`, a child server booting) is
  // local work: no other service sees the attempts.
  const remote = model.remoteCallsIn(block);
  const toThisMachine = new Set<Node>();
  const lookups = fileConsts(model);
  for (const call of remote) if (loopbackCall(call, lookups)) toThisMachine.add(call.node);
  if (remote.length > toThisMachine.size) return true;
  return (
    findNode(
      block,
      node => {
        if (node.type !== AST_NODE_TYPES.CallExpression || toThisMachine.has(node)) return false;
        const callee = unwrap(node.callee);
        // A retry helper retries the function it is given, whatever its name: `await fn()`,
        // `await operation(attempt)`, `await options.task()`.
        const root =
          callee.type === AST_NODE_TYPES.MemberExpression && !callee.computed
            ? unwrap(callee.object)
            : callee;
        if (
          root.type === AST_NODE_TYPES.Identifier &&
          (root === callee || WORK_PARAM.test(writtenName(callee) ?? '')) &&
          isWorkParameter(model, root) &&
          !(root === callee && completionCall(node, root.name))
        )
          return true;
        // A function of this file that runs commands on this machine and talks to no other
        // process (`connectToWiFiNetwork` around `` $`nmcli …` ``) is local work, whatever its name.
        const local = model.localFunction(node.callee);
        if (local && runsOnlyLocalCommands(model, local, reading)) return false;
        // A connection to a local socket (`net.connect(socketPath)`) is local work, whatever its
        // name. A command is not known to be: `exec('git push')` talks to another machine.
        if (connectsLocalSocket(model, node)) return false;
        const name = writtenName(callee);
        if (name !== undefined && IO_NAME.test(name)) return true;
        // A client or function of another module of the project (`supabase.from('jobs').insert(…)`).
        return model.isProjectRemoteCall(node);
      },
      // A Promise executor runs as the promise is made: `await new Promise((resolve, reject) =>
      // request(params, (err, res) => …))` is the attempt's work. Other functions run later, if ever.
      node => !isFunction(node) || isPromiseExecutor(node),
    ) !== undefined
  );
}

/** A URL's names read where the file writes them: its consts. */
function fileConsts(model: FileModel): UrlLookups {
  return { name: id => model.constInit(id) };
}

/**
 * The function runs a command on this machine (execa's or zx's `` $`…` ``, `execa(…)`,
 * child_process) and does no other work ({@link doesWork}, through the functions of the file it
 * calls). A function that runs no command is not known to be local: its name still counts.
 */
function runsOnlyLocalCommands(model: FileModel, fn: FunctionNode, reading: ReadonlySet<Node>): boolean {
  if (reading.has(fn)) return false;
  if (findNode(fn.body as Node, node => runsLocalCommand(model, node)) === undefined) return false;
  return !doesWork(model, fn.body as Node, new Set([...reading, fn]));
}

/**
 * Work on this machine: a command (execa's or zx's `` $`umount …` ``, `execa('nmcli', …)`,
 * child_process), or a connection to a local socket (`net.connect(socketPath)`, `net.connect({ path
 * })`: a Unix socket or named pipe, or a bare port on this host).
 */
export function runsLocalCommand(model: FileModel, node: Node): boolean {
  const target =
    node.type === AST_NODE_TYPES.TaggedTemplateExpression
      ? node.tag
      : node.type === AST_NODE_TYPES.CallExpression
        ? node.callee
        : undefined;
  if (!target) return false;
  const value = model.valueOf(target as Node);
  if (value.kind !== 'module') return false;
  return LOCAL_COMMAND_MODULES.has(value.module) || connectsLocalSocket(model, node);
}

/** `net.connect(socketPath)`, `net.connect({ path })`: a connection to a Unix socket, a named pipe or a bare port here. */
function connectsLocalSocket(model: FileModel, node: Node): boolean {
  if (node.type !== AST_NODE_TYPES.CallExpression) return false;
  const value = model.valueOf(node.callee as Node);
  return (
    value.kind === 'module' &&
    (value.module === 'node:net' || value.module === 'net') &&
    ['connect', 'createConnection'].includes(value.path.join('.')) &&
    localSocket(node.arguments)
  );
}

/** `net.connect`'s arguments name a local socket: one path or port, or options with a `path` and no `host`. */
function localSocket(args: readonly TSESTree.CallExpressionArgument[]): boolean {
  const [first, second] = args;
  if (!first || first.type === AST_NODE_TYPES.SpreadElement) return false;
  if (first.type !== AST_NODE_TYPES.ObjectExpression) {
    if (second !== undefined && !isFunction(second as Node)) return false;
    // A path or a port, not an options object held in a variable.
    if (first.type === AST_NODE_TYPES.Literal || first.type === AST_NODE_TYPES.TemplateLiteral) return true;
    return LOCAL_SOCKET_NAME.test(writtenName(unwrap(first as Node)) ?? '');
  }
  const keys = new Set(
    first.properties.flatMap(property =>
      property.type === AST_NODE_TYPES.Property && property.key.type === AST_NODE_TYPES.Identifier
        ? [property.key.name]
        : property.type === AST_NODE_TYPES.SpreadElement
          ? ['...']
          : [],
    ),
  );
  return keys.has('path') && !keys.has('host') && !keys.has('...');
}

/** A value named as a socket path or a port (`socketPath`, `ipcPath`, `pipeName`, `port`). */
const LOCAL_SOCKET_NAME = /path|sock|pipe|ipc|port/i;

/** Modules whose calls run a command on this machine. */
const LOCAL_COMMAND_MODULES = new Set(['execa', 'zx', 'child_process', 'node:child_process']);

/** The body indexes a collection by `name` (`items[i]`): it walks the collection, it does not retry. */
export function indexesWith(model: FileModel, body: Node, name: string): boolean {
  return (
    findNode(
      body,
      node =>
        node.type === AST_NODE_TYPES.MemberExpression &&
        node.computed &&
        node.property.type === AST_NODE_TYPES.Identifier &&
        node.property.name === name &&
        // `DELAYS[attempt]`: a schedule read by the attempt, not a collection walked.
        !delayList(model, node, [name]),
    ) !== undefined
  );
}

/**
 * The attempt reads a key built from `name` (``process.env[`PAT_${retries + 1}`]``, `tokens['key' +
 * i]`): each pass takes another item (the next credential), as when it indexes by it. A key built
 * from it that is written (`errors[`attempt_${attempt}`] = err`, `metrics['retry_' + n]++`), names
 * a wait (`process.env[`RETRY_DELAY_${attempt}`]`), or holds a property of the same name
 * (`labels[`${opts.retries}`]`) is not another item. Not in nested functions.
 */
export function readsKeyBuiltFrom(attempt: Node, name: string): boolean {
  return (
    findNode(
      attempt,
      node =>
        node.type === AST_NODE_TYPES.MemberExpression &&
        node.computed &&
        builtFrom(node.property, name) &&
        !writtenMember(node),
      node => !isFunction(node),
    ) !== undefined
  );
}

/** Words of a key that name a wait rather than an item. */
const WAIT_KEY = /delay|wait|timeout|backoff|interval|sleep|pause/i;

/** A string key built from `name` (`` `PAT_${name + 1}` ``, `'PAT_' + name`) that names no wait. */
function builtFrom(key: Node, name: string): boolean {
  let text: string;
  if (key.type === AST_NODE_TYPES.TemplateLiteral) text = key.quasis.map(quasi => quasi.value.raw).join('');
  else if (
    key.type === AST_NODE_TYPES.BinaryExpression &&
    key.operator === '+' &&
    [key.left, key.right].some(side => side.type === AST_NODE_TYPES.Literal && typeof side.value === 'string')
  )
    text = [key.left, key.right]
      .map(side => (side.type === AST_NODE_TYPES.Literal ? String(side.value) : ''))
      .join('');
  else return false;
  if (WAIT_KEY.test(text)) return false;
  // A reference to the variable, not a property of the same name (`opts.retries`) or a key.
  return (
    findNode(key, node => {
      if (node.type !== AST_NODE_TYPES.Identifier || node.name !== name) return false;
      const parent = node.parent;
      return !(
        (parent?.type === AST_NODE_TYPES.MemberExpression && parent.property === node && !parent.computed) ||
        (parent?.type === AST_NODE_TYPES.Property && parent.key === node && !parent.computed)
      );
    }) !== undefined
  );
}
