// Requests with no deadline written in a function of the project: a fetch, axios or got request (or a
// module-level axios instance made without a timeout) with no timeout, signal or timeout wrapper,
// and whether the function waits for it.
import {
  type FamilyId,
  canonicalModule,
  CLIENT_FAMILIES,
  decideDeadline,
  lookupModuleMember,
} from '@faultline/catalog';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';
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
import { syntacticResolve } from '../configuration-lists.js';
import type { InputGuard } from '../input-guards.js';
import { type UrlLookups, loopbackRequest } from '../loopback.js';
import { summarizeArgument } from '../project-facts.js';
import type { ModuleInfo } from '../project-modules.js';
import { isFixedValue, shadowed } from './bindings.js';
import { enclosingClass, fieldInit, propertyName } from './classes.js';

/** A request with no deadline in a function of the project ({@link Session.bareRequests}). */
export interface BareRequest {
  /** The module of the request, when it is not the function's own (a call further down). */
  file?: string;
  line: number;
  text: string;
  family: FamilyId;
  /**
   * Sent only after something before it failed: in a `catch` clause (a token refresh after a
   * rejected request), also further down. A caller is told of a request on the path always taken
   * first, when there is one.
   */
  fallback?: boolean;
  /**
   * The conditions on the function's inputs the request is sent under (`if (externalUrl)`), when
   * it is not sent for every input: a call whose arguments cannot meet them does not reach it.
   */
  guards?: InputGuard[];
}

/**
 * Families whose module functions send a request bounded only at the call, judged where a project
 * function calls them ({@link moduleRequestKind}): the AI SDK's `generateText`, got, ky, ofetch,
 * undici's `request`, node-fetch's `fetch`… axios has a reader of its own (its instances, its
 * process-wide defaults), the global fetch too; node:http, superagent and knex need more than one
 * argument's options.
 */
const MODULE_REQUEST_EXCLUDED = new Set<FamilyId>(['axios', 'http', 'superagent', 'knex', 'custom']);

/** The modules whose functions {@link moduleRequestKind} judges, by canonical specifier. */
const MODULE_REQUEST_MODULES: ReadonlySet<string> = new Set(
  Object.values(CLIENT_FAMILIES).flatMap(({ family, modules }) =>
    family.reportAt === 'call' && !MODULE_REQUEST_EXCLUDED.has(family.id)
      ? Object.entries(modules ?? {})
          .filter(([, table]) =>
            Object.values(table).some(role => role.role === 'call' && role.family === family.id),
          )
          .map(([module]) => module)
      : [],
  ),
);

/**
 * The text of a module that may send a bare request: the global `fetch(`, an import of axios, or of
 * a module whose functions send a request bounded at the call.
 */
export const BARE_REQUEST_TEXT = new RegExp(
  String.raw`(?<![\w.$])fetch\s*\(|['"](?:axios|` +
    [...MODULE_REQUEST_MODULES].map(module => module.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|') +
    String.raw`)['"]`,
);

/** Names of a value that may be a `Request` (which carries its own signal) rather than a URL. */
const REQUEST_NAME = /^(?:req|request|input|resource)$/i;

/** axios's request methods, on the default instance or one made with `axios.create`. */
const AXIOS_VERBS = /^(?:get|post|put|patch|delete|head|options|request)$/;

/**
 * `fetch(url)`, `fetch(url, { method })`, `axios.get(url)`, `this.http.post(url, body)`,
 * `generateText({ model, prompt })`, `got(url)` with no deadline.
 */
export function bareRequest(
  where: ModuleInfo,
  call: TSESTree.CallExpression,
  axiosDefaults: boolean,
  lookups?: UrlLookups,
): FamilyId | undefined {
  const kind = bareRequestKind(where, call, axiosDefaults) ?? moduleRequestKind(where, call);
  // A request to this machine is no remote call (util/loopback.ts): asked only of a bare one.
  return kind && !loopbackRequest(call, lookups ?? moduleLookups(where)) ? kind : undefined;
}

/** A string, a template, or a value named as a URL (`url`, `this.endpoint`, `webhookUri`). */
function readsAsUrl(argument: Node | undefined): boolean {
  const value = argument ? unwrap(argument) : undefined;
  if (!value) return false;
  if (
    value.type === AST_NODE_TYPES.Literal ||
    value.type === AST_NODE_TYPES.TemplateLiteral ||
    value.type === AST_NODE_TYPES.BinaryExpression
  )
    return true;
  return (
    (value.type === AST_NODE_TYPES.Identifier || value.type === AST_NODE_TYPES.MemberExpression) &&
    /(?:url|uri|href|endpoint|link)s?$/i.test(writtenName(value) ?? '')
  );
}

/**
 * The first argument of a fetch may be a Request carrying a signal: a string, a template, or a value
 * not named as a request (`url`, `this.endpoint`) is read as a URL.
 */
function isPlainUrl(argument: Node | undefined): boolean {
  const url = argument ? unwrap(argument) : undefined;
  return (
    url !== undefined &&
    (url.type === AST_NODE_TYPES.Literal ||
      url.type === AST_NODE_TYPES.TemplateLiteral ||
      url.type === AST_NODE_TYPES.BinaryExpression ||
      ((url.type === AST_NODE_TYPES.Identifier || url.type === AST_NODE_TYPES.MemberExpression) &&
        !REQUEST_NAME.test(writtenName(url) ?? 'request')))
  );
}

/**
 * `generateText({ model, prompt })` (the AI SDK), `got(url)`, `ky.get(url)`, `request(url)` from
 * undici: a function of a module the catalog knows, of a family bounded at the call, called with
 * options (written out, or none) in which the catalog finds no deadline.
 */
function moduleRequestKind(where: ModuleInfo, call: TSESTree.CallExpression): FamilyId | undefined {
  const chain = memberChain(unwrap(call.callee));
  if (chain?.root.type !== AST_NODE_TYPES.Identifier) return undefined;
  const imported = where.imports.get(chain.root.name);
  if (!imported) return undefined;
  const module = canonicalModule(imported.specifier);
  if (!MODULE_REQUEST_MODULES.has(module) || shadowed(call, chain.root.name)) return undefined;
  const path = imported.imported === 'default' || imported.imported === '*' ? [] : [imported.imported];
  for (const name of chain.path) if (path.length > 0 || name !== 'default') path.push(name);
  const role = lookupModuleMember(module, path);
  if (role?.role !== 'call' || MODULE_REQUEST_EXCLUDED.has(role.family)) return undefined;
  // undici's own fetch goes through the process's dispatcher, which another module may bound.
  if (role.family === 'fetch' && (module === 'undici' || !isPlainUrl(call.arguments[0] as Node | undefined)))
    return undefined;
  const locator = role.options;
  const args = call.arguments;
  if (args.some(argument => argument.type === AST_NODE_TYPES.SpreadElement)) return undefined;
  let options: Node | undefined;
  if ('at' in locator) options = args[locator.at] as Node | undefined;
  else if ('configOrUrl' in locator) {
    const first = args[0] ? unwrap(args[0] as Node) : undefined;
    options = (first?.type === AST_NODE_TYPES.ObjectExpression ? first : args[1]) as Node | undefined;
  } else if ('httpArgs' in locator) {
    // `request(url, callback)`, `rp(url)`, `rp({ uri, timeout })`: the first object written out,
    // after a URL; a callback ends the options, anything else may carry the timeout.
    for (const argument of args.slice(0, 2)) {
      const value = unwrap(argument as Node);
      if (takesNoOptions(value)) break;
      if (value.type === AST_NODE_TYPES.ObjectExpression) {
        options = value;
        break;
      }
      if (!readsAsUrl(value)) return undefined;
    }
  } else if (!('none' in locator)) return undefined;
  const verdict = decideDeadline({
    family: role.family,
    callee: { kind: 'module', module, path },
    options: summarizeArgument(options),
    instance: [],
    wrappedByTimeout: false,
  });
  return verdict.status === 'missing' ? role.family : undefined;
}

/** A response callback where options could be: a function, or a value named like a callback. */
function takesNoOptions(value: Node): boolean {
  return (
    isFunction(value) ||
    (value.type === AST_NODE_TYPES.Identifier &&
      /^(cb|callback|done|next|handler|resolve|reject)$|Callback$|Handler$|^on[A-Z]/.test(value.name))
  );
}

function bareRequestKind(
  where: ModuleInfo,
  call: TSESTree.CallExpression,
  axiosDefaults: boolean,
): 'fetch' | 'axios' | undefined {
  const callee = unwrap(call.callee);
  // `axios({ url, method })`, `axios(url, config)`: the default instance called as a function.
  if (callee.type === AST_NODE_TYPES.Identifier && callee.name !== 'fetch') {
    const imported = where.imports.get(callee.name);
    // `api({ url })` on an instance the module makes with `axios.create({ … })` and no timeout.
    const instance = imported || axiosDefaults ? false : madeUnboundedAxios(where, call, callee.name);
    if (!instance && (axiosDefaults || imported?.specifier !== 'axios' || imported.imported !== 'default'))
      return undefined;
    if (shadowed(call, callee.name) || call.arguments.some(arg => arg.type === AST_NODE_TYPES.SpreadElement))
      return undefined;
    const first = call.arguments[0] ? unwrap(call.arguments[0] as Node) : undefined;
    const config =
      call.arguments.length >= 2 || first?.type !== AST_NODE_TYPES.ObjectExpression
        ? call.arguments[1] && unwrap(call.arguments[1] as Node)
        : first;
    // The config may carry the timeout unless it is absent or written out. A lone argument is a
    // URL only when it reads as one (`axios(url)`, `axios(\`${base}/x\`)`): `axios(config)` passes a
    // config the caller may have bounded.
    if (config === undefined) return call.arguments.length === 1 && readsAsUrl(first) ? 'axios' : undefined;
    return config.type === AST_NODE_TYPES.ObjectExpression &&
      !config.properties.some(property => property.type === AST_NODE_TYPES.SpreadElement)
      ? 'axios'
      : undefined;
  }
  if (callee.type === AST_NODE_TYPES.Identifier) {
    if (callee.name !== 'fetch' || where.imports.has('fetch') || where.locals.has('fetch')) return undefined;
    const init = call.arguments[1] ? unwrap(call.arguments[1] as Node) : undefined;
    const literal =
      init === undefined ||
      (init.type === AST_NODE_TYPES.ObjectExpression &&
        !init.properties.some(property => property.type === AST_NODE_TYPES.SpreadElement));
    return literal && isPlainUrl(call.arguments[0] as Node | undefined) ? 'fetch' : undefined;
  }
  // `axios.defaults.timeout` set by the project bounds the default instance and every instance
  // `axios.create` makes from it.
  if (axiosDefaults || callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const verb = memberName(callee) ?? '';
  if (!AXIOS_VERBS.test(verb)) return undefined;
  // The config (`get(url, config)`, `post(url, data, config)`, `request(config)`) may carry the
  // timeout unless it is absent or written out: a variable or a spread may hold one.
  if (call.arguments.some(arg => arg.type === AST_NODE_TYPES.SpreadElement)) return undefined;
  const configAt = verb === 'request' ? 0 : /^(?:post|put|patch)$/.test(verb) ? 2 : 1;
  const config = call.arguments[configAt] ? unwrap(call.arguments[configAt] as Node) : undefined;
  if (
    config !== undefined &&
    (config.type !== AST_NODE_TYPES.ObjectExpression ||
      config.properties.some(property => property.type === AST_NODE_TYPES.SpreadElement))
  )
    return undefined;
  const object = unwrap(callee.object);
  const axiosName = axiosNameIn(where);
  if (!axiosName) return undefined;
  // `axios.get(url)` on the default instance, `api.get(url)` on an instance the module makes with
  // `axios.create({ … })` and no timeout.
  if (object.type === AST_NODE_TYPES.Identifier)
    return object.name === axiosName || madeUnboundedAxios(where, call, object.name) ? 'axios' : undefined;
  // `this.http.get(url)` on an instance the class makes with `axios.create({ … })` and no timeout.
  if (
    object.type !== AST_NODE_TYPES.MemberExpression ||
    unwrap(object.object).type !== AST_NODE_TYPES.ThisExpression
  )
    return undefined;
  const field = memberName(object);
  const owner = enclosingClass(call);
  // `this.http.defaults.timeout = 5000` anywhere in the class bounds the instance after all.
  if (
    owner &&
    boundLater(
      owner.body,
      node => node.type === AST_NODE_TYPES.MemberExpression && memberName(node) === field,
    )
  )
    return undefined;
  const made = field && owner ? fieldInit(owner, field) : undefined;
  return made && unboundedAxiosCreate(made, axiosName) ? 'axios' : undefined;
}

/** The name a module imports axios's default instance (or namespace) by, if it does. */
function axiosNameIn(where: ModuleInfo): string | undefined {
  return [...where.imports].find(
    ([, imported]) =>
      imported.specifier === 'axios' && (imported.imported === 'default' || imported.imported === '*'),
  )?.[0];
}

/** `axios.create()` or `axios.create({ … })` with no timeout, signal or anything that may hold one. */
function unboundedAxiosCreate(made: Node, axiosName: string): boolean {
  if (made.type !== AST_NODE_TYPES.CallExpression) return false;
  const factory = unwrap(made.callee);
  if (
    factory.type !== AST_NODE_TYPES.MemberExpression ||
    memberName(factory) !== 'create' ||
    unwrap(factory.object).type !== AST_NODE_TYPES.Identifier ||
    (unwrap(factory.object) as TSESTree.Identifier).name !== axiosName
  )
    return false;
  const options = made.arguments[0] ? unwrap(made.arguments[0] as Node) : undefined;
  if (options === undefined) return true;
  if (options.type !== AST_NODE_TYPES.ObjectExpression) return false;
  return !options.properties.some(
    property =>
      property.type === AST_NODE_TYPES.SpreadElement ||
      property.computed ||
      BOUND_KEY.test(propertyName(property) ?? ''),
  );
}

/**
 * `name` where `from` is written is a top-level const of the module made with `axios.create` and no
 * timeout (`const api = axios.create({ baseURL })`), whose defaults the module never sets
 * (`api.defaults.timeout = 5000`).
 */
function madeUnboundedAxios(where: ModuleInfo, from: Node, name: string): boolean {
  // Asked of every call of a name a question reads: a top-level value made by a call comes first.
  const local = where.locals.get(name);
  const made = local && unwrap(local);
  if (made?.type !== AST_NODE_TYPES.CallExpression) return false;
  const axiosName = axiosNameIn(where);
  if (!axiosName || shadowed(from, name) || !unboundedAxiosCreate(made, axiosName)) return false;
  // Exported, another module may configure it (`search.defaults.timeout = …` at start-up).
  for (const entry of where.exports.values()) if ('local' in entry && entry.local === name) return false;
  const named = (node: Node): boolean => node.type === AST_NODE_TYPES.Identifier && node.name === name;
  // Assigned again (`let pay = axios.create(…)`, then `pay = axios.create({ timeout })`).
  if (
    findNode(
      where.program,
      node => node.type === AST_NODE_TYPES.AssignmentExpression && named(unwrap(node.left)),
    )
  )
    return false;
  // Handed to an axios plugin (`axiosRetry(api, { retries: 3 })`): it sets no deadline.
  const plugin = (call: TSESTree.CallExpression): boolean => {
    const callee = memberChain(unwrap(call.callee))?.root;
    const imported = callee?.type === AST_NODE_TYPES.Identifier ? where.imports.get(callee.name) : undefined;
    return imported !== undefined && /^axios-/.test(imported.specifier);
  };
  return !boundLater(where.program, named, plugin);
}

/** Names a timeout or a signal: `timeout`, `config.signal = …`, `{ timeout: 5000 }`, `'timeout'`. */
function namesBound(node: Node): boolean {
  return (
    findNode(
      node,
      inner =>
        (inner.type === AST_NODE_TYPES.Identifier && /^(?:timeout|signal)$/.test(inner.name)) ||
        (inner.type === AST_NODE_TYPES.Literal && (inner.value === 'timeout' || inner.value === 'signal')),
    ) !== undefined
  );
}

/**
 * Something in `scope` may give the axios instance `instance` matches a deadline after it is made:
 * its `defaults.timeout` or `defaults.signal` is set, or its defaults are handed on whole
 * (`Object.assign(api.defaults, config)`); a request interceptor of it names a timeout or a signal
 * (`api.interceptors.request.use(config => ({ ...config, timeout: 5000 }))`), or is a function this
 * scope does not show (`use(withDefaults)` with `withDefaults` written elsewhere); or the instance
 * is handed to a function that may do either (`attachDeadline(api)`), unless `setsNothing` says
 * that function sets no deadline (an axios plugin such as axios-retry).
 */
function boundLater(
  scope: Node,
  instance: (node: Node) => boolean,
  setsNothing: (call: TSESTree.CallExpression) => boolean = () => false,
): boolean {
  /** The function `name` is declared as in `scope` (a declaration, or a const holding one). */
  const declared = (name: string): Node | undefined => {
    let found: Node | undefined;
    findNode(scope, node => {
      if (node.type === AST_NODE_TYPES.FunctionDeclaration && node.id?.name === name) found = node;
      else if (
        node.type === AST_NODE_TYPES.VariableDeclarator &&
        node.id.type === AST_NODE_TYPES.Identifier &&
        node.id.name === name &&
        node.init &&
        isFunction(unwrap(node.init))
      )
        found = unwrap(node.init);
      return found !== undefined;
    });
    return found;
  };
  return (
    findNode(scope, node => {
      // `attachDeadline(api)`: handed to a function that may configure it.
      if (node.type === AST_NODE_TYPES.CallExpression)
        return node.arguments.some(argument => instance(unwrap(argument as Node))) && !setsNothing(node);
      if (node.type !== AST_NODE_TYPES.MemberExpression || !instance(unwrap(node.object))) return false;
      const name = memberName(node);
      if (name === 'defaults') {
        const parent = node.parent;
        if (parent?.type !== AST_NODE_TYPES.MemberExpression || parent.object !== node) return true;
        return /^(?:timeout|signal)$/.test(memberName(parent) ?? '');
      }
      if (name !== 'interceptors') return false;
      const request = node.parent;
      const use = request?.parent?.parent;
      if (
        request?.type !== AST_NODE_TYPES.MemberExpression ||
        memberName(request) !== 'request' ||
        use?.type !== AST_NODE_TYPES.CallExpression
      )
        return false;
      return use.arguments.some(argument => {
        const handler = unwrap(argument as Node);
        if (isFunction(handler)) return namesBound(handler);
        const fn = handler.type === AST_NODE_TYPES.Identifier ? declared(handler.name) : undefined;
        return fn === undefined || namesBound(fn);
      });
    }) !== undefined
  );
}

/** A branch of `fn` sends a bare request of its own that `fn` waits for (not one it calls into). */
export function sendsBareRequest(
  info: ModuleInfo,
  fn: FunctionNode,
  branch: Node,
  axiosDefaults: boolean,
  lookups: UrlLookups,
): boolean {
  return (
    findNode(
      branch,
      node =>
        node.type === AST_NODE_TYPES.CallExpression &&
        !boundAtCall(node) &&
        awaitedIn(node, fn) &&
        bareRequest(info, node, axiosDefaults, lookups) !== undefined,
      node => !isFunction(node),
    ) !== undefined
  );
}

/**
 * `node` runs only after something before it failed, within `fn`: inside a `catch` clause. (A
 * request inside a `.catch(…)` handler is in a function of its own, which the search for requests
 * does not enter.)
 */
export function afterFailure(node: Node, fn: Node): boolean {
  for (let current: Node | undefined = node.parent; current && current !== fn; current = current.parent)
    if (current.type === AST_NODE_TYPES.CatchClause) return true;
  return false;
}

/**
 * The function waits for what the call gives: it is awaited, returned, yielded or held in a
 * variable, also through a promise chain (`fetch(…).then(r => r.json())`) or inside the list of an
 * awaited `Promise.all`. A call whose promise is dropped (a statement of its own, `void`) is not.
 */
export function awaitedIn(call: Node, fn: Node | undefined): boolean {
  let current: Node = call;
  for (let parent = current.parent; parent && parent !== fn; current = parent, parent = parent.parent) {
    switch (parent.type) {
      case AST_NODE_TYPES.AwaitExpression:
      case AST_NODE_TYPES.ReturnStatement:
      case AST_NODE_TYPES.YieldExpression:
      case AST_NODE_TYPES.VariableDeclarator:
        return true;
      case AST_NODE_TYPES.ArrowFunctionExpression:
        // `() => fetch(…)`: the arrow's value; awaited when the arrow is the function itself, or
        // when its call is (`Promise.all(xs.map(x => fetch(x)))` is followed outward).
        if (parent.body !== current) return false;
        if (parent === fn) return true;
        break;
      case AST_NODE_TYPES.TSAsExpression:
      case AST_NODE_TYPES.TSNonNullExpression:
      case AST_NODE_TYPES.ChainExpression:
      case AST_NODE_TYPES.ArrayExpression:
      case AST_NODE_TYPES.ConditionalExpression:
      case AST_NODE_TYPES.LogicalExpression:
      case AST_NODE_TYPES.SpreadElement:
        break;
      case AST_NODE_TYPES.MemberExpression:
        // `fetch(…).then(…)`: the chain's own call carries on.
        if (parent.object !== current) return false;
        break;
      case AST_NODE_TYPES.CallExpression:
        // The callee of a chain (`….then(f)`), or an argument of a call that passes the promise
        // on (`Promise.all([…])`, `xs.map(…)`), whose result is followed in turn.
        break;
      default:
        return false;
    }
  }
  return false;
}

/**
 * How a URL written in `info` is read: a const of an enclosing function or of the module, a field of
 * the enclosing class, and, with `imported`, a name another module of the project exports.
 */
export function moduleLookups(
  info: ModuleInfo,
  imported?: (name: string, at: Node) => string | undefined,
): UrlLookups {
  const resolve = syntacticResolve(info.locals);
  return {
    name: id => {
      const local = resolve(id.name, id);
      if (local) return isFixedValue(local) ? local : undefined;
      return info.imports.has(id.name) ? imported?.(id.name, id) : undefined;
    },
    field: member => {
      const owner = enclosingClass(member);
      const key = memberName(member);
      return owner && key ? fieldInit(owner, key) : undefined;
    },
  };
}

/** Option keys that bound a call (`{ timeout }`, `{ signal }`, `{ deadline }`, `statement_timeout`…). */
export const BOUND_KEY = /timeout|deadline|signal/i;
/** A call wrapped in a timeout helper (`pTimeout(…)`, `withTimeout(…)`, `Promise.race(…)`). */
const TIMEOUT_WRAPPER = /timeout|deadline|^race$/i;

/** A call bounded where it is made: an argument names a deadline, or a timeout wrapper holds it. */
export function boundAtCall(call: TSESTree.CallExpression): boolean {
  return boundByArguments(call) || timeoutWrapped(call);
}

/** An argument of the call names a timeout, deadline or signal (a key, or a value passed by name). */
export function boundByArguments(call: TSESTree.CallExpression): boolean {
  return call.arguments.some(arg => findNode(arg, inner => BOUND_KEY.test(propertyName(inner) ?? '')));
}

/** The call is wrapped in a timeout helper (`pTimeout(…)`, `withTimeout(…)`, `Promise.race(…)`). */
export function timeoutWrapped(call: TSESTree.CallExpression): boolean {
  const outer = call.parent?.type === AST_NODE_TYPES.AwaitExpression ? call.parent.parent : call.parent;
  return (
    outer?.type === AST_NODE_TYPES.CallExpression &&
    TIMEOUT_WRAPPER.test(writtenName(unwrap(outer.callee)) ?? '')
  );
}
