// What a function of another module does (takes a signal, passes it on, sends a request that could
// take one), each fact computed on first use and kept while its module is unchanged.
import { AST_NODE_TYPES } from '@typescript-eslint/types';

import { type WrappedRequest, wrappedRequest } from '@faultline/catalog';
import {
  type FunctionNode,
  type Node,
  findNode,
  isFunction,
  memberChain,
  memberName,
  unwrap,
  writtenName,
} from '../ast.js';
import { type DeadlineCarrier, deadlineCarrier } from '../deadline-carrier.js';
import type { ModuleInfo } from '../project-modules.js';
import { boundsHandedPromise } from '../timeout-wrappers.js';

/** HTTP clients whose requests take an AbortSignal: what a function of the project could pass one to. */
const SIGNAL_MODULES = /^(?:axios|got|ky|undici|node-fetch|cross-fetch)$/;
/** Their request calls: `axios(…)`, `axios.get(…)`, `got.post(…)`, `undici.request(…)`. */
const REQUEST_VERBS = /^(?:get|post|put|patch|delete|head|options|request|fetch|stream)$/;

/** Whether a module sets a client's defaults (`axios.defaults.timeout = …`), read once per module. */
const defaultsSetters = new WeakMap<ModuleInfo, boolean>();

function setsDefaults(where: ModuleInfo): boolean {
  let sets = defaultsSetters.get(where);
  if (sets === undefined) {
    sets =
      findNode(where.program, node => {
        if (node.type !== AST_NODE_TYPES.AssignmentExpression) return false;
        const left = unwrap(node.left);
        if (left.type !== AST_NODE_TYPES.MemberExpression) return false;
        const owner = unwrap(left.object);
        return owner.type === AST_NODE_TYPES.MemberExpression && memberName(owner) === 'defaults';
      }) !== undefined;
    defaultsSetters.set(where, sets);
  }
  return sets;
}

interface FunctionFacts {
  readonly signalCapable: boolean;
  readonly waitsOnTimer: boolean;
  readonly boundsHandedPromise: boolean;
  readonly deadlineCarrier: DeadlineCarrier | undefined;
}

const functionFacts = new WeakMap<FunctionNode, FunctionFacts>();

/** The facts of a function of a module, kept while its module is unchanged (a re-read makes new nodes). */
export function factsOf(where: ModuleInfo, fn: FunctionNode): FunctionFacts {
  let facts = functionFacts.get(fn);
  if (!facts) {
    facts = readFunctionFacts(where, fn);
    functionFacts.set(fn, facts);
  }
  return facts;
}

/** What a function of another module does, each fact computed on first use. */
function readFunctionFacts(where: ModuleInfo, fn: FunctionNode): FunctionFacts {
  let signalCapable: boolean | undefined;
  let waitsOnTimer: boolean | undefined;
  let boundsHanded: boolean | undefined;
  let carrier: { value: DeadlineCarrier | undefined } | undefined;
  // The global fetch, or a fetch-compatible module's (`import fetch from 'isomorphic-fetch'`,
  // `const { fetch } = require('undici')`), as the catalog's wrappedRequest knows them.
  const fetchRequest = (callee: Node): WrappedRequest | undefined => {
    if (callee.type !== AST_NODE_TYPES.Identifier || where.locals.has(callee.name)) return undefined;
    const imported = where.imports.get(callee.name);
    if (!imported)
      return callee.name === 'fetch' ? wrappedRequest({ kind: 'global', path: ['fetch'] }, 2) : undefined;
    const path = imported.imported === 'default' || imported.imported === '*' ? [] : [imported.imported];
    const request = wrappedRequest({ kind: 'module', module: imported.specifier, path }, 2);
    return request?.client === 'fetch' ? request : undefined;
  };
  const isFetch = (callee: Node): boolean => fetchRequest(callee) !== undefined;
  return {
    get signalCapable(): boolean {
      signalCapable ??=
        findNode(
          fn.body,
          node => {
            if (node.type !== AST_NODE_TYPES.CallExpression) return false;
            const chain = memberChain(unwrap(node.callee));
            if (chain?.root.type !== AST_NODE_TYPES.Identifier || chain.path.length > 1) return false;
            if (chain.path.length === 0 && isFetch(chain.root)) return true;
            const imported = where.imports.get(chain.root.name);
            if (!imported || !SIGNAL_MODULES.test(imported.specifier)) return false;
            return chain.path.length === 0 || REQUEST_VERBS.test(chain.path[0] as string);
          },
          node => !isFunction(node),
        ) !== undefined;
      return signalCapable;
    },
    get waitsOnTimer(): boolean {
      waitsOnTimer ??=
        findNode(fn.body, node => {
          if (node.type !== AST_NODE_TYPES.CallExpression) return false;
          const callee = unwrap(node.callee);
          return (
            writtenName(callee) === 'setTimeout' &&
            (callee.type === AST_NODE_TYPES.MemberExpression || !where.locals.has('setTimeout'))
          );
        }) !== undefined;
      return waitsOnTimer;
    },
    get boundsHandedPromise(): boolean {
      boundsHanded ??= boundsHandedPromise(fn, node => {
        const callee = unwrap(node.callee);
        return (
          writtenName(callee) === 'setTimeout' &&
          (callee.type === AST_NODE_TYPES.MemberExpression || !where.locals.has('setTimeout'))
        );
      });
      return boundsHanded;
    },
    get deadlineCarrier(): DeadlineCarrier | undefined {
      carrier ??= {
        value: deadlineCarrier(fn, request => {
          const callee = unwrap(request.callee);
          const fetched = fetchRequest(callee);
          if (fetched) return fetched;
          // A request on axios' default instance (`axios.get(url, { ...options })`), when the
          // module sets no axios defaults of its own.
          const chain = memberChain(callee);
          if (chain?.root.type !== AST_NODE_TYPES.Identifier || chain.path.length > 1 || setsDefaults(where))
            return undefined;
          const imported = where.imports.get(chain.root.name);
          if (
            imported?.specifier !== 'axios' ||
            (imported.imported !== 'default' && imported.imported !== '*')
          )
            return undefined;
          return wrappedRequest(
            { kind: 'module', module: 'axios', path: chain.path },
            request.arguments.length,
          );
        }),
      };
      return carrier.value;
    },
  };
}
