// The work an attempt does: a retry goes round again around a call to another process (or the
// function a retry helper is given), not around a walk over a collection or a list of
// alternatives tried in turn.
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';

import { type Node, findNode, isFunction, unwrap, writtenName } from '../ast.js';
import type { FileModel } from '../file-model.js';
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

/**
 * The block talks to another process: a remote call the catalog knows (directly or through a
 * local function), or an awaited call named like I/O (`await client.send(…)`, `await api.get(…)`).
 */
export function doesWork(model: FileModel, block: Node): boolean {
  if (model.remoteCallsIn(block).length > 0) return true;
  return (
    findNode(
      block,
      node => {
        if (node.type !== AST_NODE_TYPES.CallExpression) return false;
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
          isWorkParameter(model, root)
        )
          return true;
        const name = writtenName(callee);
        if (name !== undefined && IO_NAME.test(name)) return true;
        // A client or function of another module of the project (`supabase.from('jobs').insert(…)`).
        return model.isProjectRemoteCall(node);
      },
      node => !isFunction(node),
    ) !== undefined
  );
}

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
