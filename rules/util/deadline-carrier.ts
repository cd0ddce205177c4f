// A request wrapper that bounds its request only with what its caller gives it: `fetchJson(url,
// { timeout })` passing `signal: timeout ? AbortSignal.timeout(timeout) : undefined` to fetch, or
// `download(url, options)` handing its options on to `axios.get(url, { ...options })`. Called
// without that option, the request has no deadline, and only the call site can say so.
// This reader turns the wrapper and each call into the catalog's plain facts (`WrapperFacts`,
// `WrapperCallFacts`); the catalog decides. packages/core/src/analyze/deadline-carrier.ts is the
// same reader over TypeScript nodes.
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';

import {
  type CarrierRef,
  type DeadlineCarrier,
  type WrapperArgument,
  type WrapperFacts,
  type WrapperRequestFacts,
  type WrappedRequest,
  decideDeadlineCarrier,
  givesDeadline as callGivesDeadline,
  isDeadlineKey,
  isRequestWrapperName,
  wrappedRequest,
} from '@faultline/catalog';
import {
  type FunctionNode,
  type Node,
  findNode,
  isFunction,
  memberName,
  propertyKey,
  unwrap,
} from './ast.js';
import type { FileModel } from './file-model.js';
import { isTimeoutWrapped } from './timeout-wrappers.js';

export type { DeadlineCarrier };

function mentions(node: Node, test: (identifier: TSESTree.Identifier) => boolean): boolean {
  return (
    findNode(node, inner => {
      if (inner.type !== AST_NODE_TYPES.Identifier) return false;
      const parent = inner.parent;
      // Not a property name (`x.timeout`, `{ timeout: … }` keys).
      if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.property === inner && !parent.computed)
        return false;
      if (parent?.type === AST_NODE_TYPES.Property && parent.key === inner && !parent.shorthand) return false;
      return test(inner);
    }) !== undefined
  );
}

/** `AbortSignal.timeout(5000)` in the value, with nothing of the caller in its argument: bounded here. */
function boundedHere(value: Node, fromCaller: (node: Node) => boolean): boolean {
  return (
    findNode(value, inner => {
      if (inner.type !== AST_NODE_TYPES.CallExpression) return false;
      const callee = unwrap(inner.callee);
      if (callee.type !== AST_NODE_TYPES.MemberExpression || memberName(callee) !== 'timeout') return false;
      const object = unwrap(callee.object);
      if (object.type !== AST_NODE_TYPES.Identifier || object.name !== 'AbortSignal') return false;
      const arg = inner.arguments[0] as Node | undefined;
      return arg !== undefined && !fromCaller(arg);
    }) !== undefined
  );
}

/** Which parameter of `fn` the value reads its deadline from, if it only comes from the caller. */
function carrierOf(fn: FunctionNode, value: Node): CarrierRef | undefined | null {
  const carriers: CarrierRef[] = [];
  const names = new Map<string, CarrierRef>();
  let defaulted = false;
  fn.params.forEach((param, index) => {
    if (param.type === AST_NODE_TYPES.AssignmentPattern) {
      // A default deadline bounds the call when the caller gives none.
      if (
        param.left.type === AST_NODE_TYPES.Identifier &&
        mentions(value, id => id.name === (param.left as TSESTree.Identifier).name)
      )
        defaulted = true;
      if (param.left.type !== AST_NODE_TYPES.ObjectPattern) return;
    }
    const target = param.type === AST_NODE_TYPES.AssignmentPattern ? param.left : param;
    if (target.type === AST_NODE_TYPES.Identifier) names.set(target.name, { index, name: target.name });
    if (target.type === AST_NODE_TYPES.ObjectPattern)
      for (const property of target.properties) {
        if (property.type !== AST_NODE_TYPES.Property) continue;
        const key = propertyKey(property);
        if (key === undefined) continue;
        if (property.value.type === AST_NODE_TYPES.AssignmentPattern) {
          const left = property.value.left;
          if (left.type === AST_NODE_TYPES.Identifier && mentions(value, id => id.name === left.name))
            defaulted = true;
          continue;
        }
        if (property.value.type === AST_NODE_TYPES.Identifier) names.set(property.value.name, { index, key });
      }
  });
  if (defaulted) return null;
  const fromCaller = (node: Node): boolean => mentions(node, id => names.has(id.name));
  if (boundedHere(value, fromCaller)) return null;
  findNode(value, inner => {
    if (inner.type === AST_NODE_TYPES.MemberExpression && !inner.computed) {
      const object = unwrap(inner.object);
      const carrier = object.type === AST_NODE_TYPES.Identifier ? names.get(object.name) : undefined;
      if (carrier && carrier.key === undefined) {
        carriers.push({ index: carrier.index, key: memberName(inner) });
        return true;
      }
    }
    if (inner.type === AST_NODE_TYPES.Identifier && mentions(inner, id => names.has(id.name))) {
      const parent = inner.parent;
      if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === inner) return false;
      const carrier = names.get(inner.name);
      if (carrier) carriers.push(carrier);
      return true;
    }
    return false;
  });
  return carriers[0];
}

/**
 * What the wrapper's requests (every `fetch` or axios request that `requestOf` recognises) take
 * from its caller, and its deadline guard; the catalog decides from these where its deadline comes from.
 */
export function wrapperFacts(
  fn: FunctionNode,
  requestOf: (call: TSESTree.CallExpression) => WrappedRequest | undefined,
): WrapperFacts {
  const requests: { call: TSESTree.CallExpression; kind: WrappedRequest }[] = [];
  findNode(
    fn.body,
    node => {
      const kind = node.type === AST_NODE_TYPES.CallExpression ? requestOf(node) : undefined;
      if (kind) requests.push({ call: node as TSESTree.CallExpression, kind });
      return false;
    },
    node => !isFunction(node) || node.type === AST_NODE_TYPES.ArrowFunctionExpression,
  );
  if (requests.length === 0) return { requests: [] };
  const guard = guardOf(fn);
  const branch = guard?.statement.consequent;
  return {
    requests: requests.map(({ call: request, kind }): WrapperRequestFacts => {
      const arg = request.arguments[kind.optionsAt];
      const options = arg ? unwrap(arg as Node) : undefined;
      const object = options?.type === AST_NODE_TYPES.ObjectExpression ? options : undefined;
      // fetch is bounded by its init's `signal`; axios by its config's `timeout` or `signal`.
      const bounds = (kind.client === 'axios' ? ['signal', 'timeout'] : ['signal'])
        .map(
          key =>
            object?.properties.find(
              property => property.type === AST_NODE_TYPES.Property && propertyKey(property) === key,
            ) as TSESTree.Property | undefined,
        )
        .filter((property): property is TSESTree.Property => property !== undefined);
      const facts: WrapperRequestFacts = {
        line: request.loc.start.line,
        ...(kind.client === 'fetch' ? {} : { client: kind.client, label: kind.label }),
        ...(kind.timeoutKey ? { timeoutKey: true } : {}),
        options: object ? 'object' : options ? 'other' : 'absent',
        hasSpread:
          object?.properties.some(property => property.type === AST_NODE_TYPES.SpreadElement) ?? false,
        hasSignal: bounds.length > 0,
        guarded:
          branch !== undefined && request.range[0] >= branch.range[0] && request.range[1] <= branch.range[1],
      };
      const passed = options ? passedThrough(fn, options) : undefined;
      if (passed !== undefined) facts.passedThrough = passed;
      let carrier: CarrierRef | null | undefined;
      for (const property of bounds) {
        const value = property.value as Node;
        // axios' `timeout: options.timeout` reads the caller's; `timeout: options.timeout ?? 5000`,
        // `timeout: 5000` bound the request here.
        const found = propertyKey(property) === 'timeout' && !readsOnly(value) ? null : carrierOf(fn, value);
        if (found === null) carrier = null;
        else if (carrier === undefined) carrier = found;
      }
      if (carrier !== undefined) facts.signal = carrier;
      return facts;
    }),
    ...(guard ? { guard: { index: guard.index, key: guard.key } } : {}),
  };
}

/** `timeout`, `options.timeout`: a value that is only read, with no fallback of its own. */
function readsOnly(value: Node): boolean {
  const inner = unwrap(value);
  return (
    inner.type === AST_NODE_TYPES.Identifier ||
    (inner.type === AST_NODE_TYPES.MemberExpression &&
      !inner.computed &&
      unwrap(inner.object).type === AST_NODE_TYPES.Identifier)
  );
}

/** Names of helpers that may put a deadline into the options they are given. */
const DEADLINE_HELPER = /timeout|deadline|signal|abort/i;

/** `signal`/`timeout` as an own property of an object literal, or a computed key that may be one. */
function boundsInObject(options: TSESTree.ObjectExpression): boolean {
  return options.properties.some(
    property =>
      property.type === AST_NODE_TYPES.Property &&
      (property.computed || /^(?:signal|timeout)$/.test(propertyKey(property) ?? '')),
  );
}

/**
 * The index of the parameter a request's init is, or is spread from with nothing that bounds time
 * beside it (`fetch(url, init)`, `fetch(url, { ...init, headers })`), directly or through locals
 * of the wrapper: `const fetchOptions = { ...init, headers }`, `const { userAgent, ...rest } = init
 * ?? {}`, or a helper that takes and returns the options (`withTls({ ...rest })`, not one named for
 * a deadline). The parameter must be the caller's as given: not reassigned, and with no default
 * beyond an empty object.
 */
function passedThrough(fn: FunctionNode, options: Node, depth = 0): number | undefined {
  if (depth > 3) return undefined;
  let name: string | undefined;
  if (options.type === AST_NODE_TYPES.Identifier) name = options.name;
  else if (options.type === AST_NODE_TYPES.ObjectExpression) {
    const spreads = options.properties.filter(property => property.type === AST_NODE_TYPES.SpreadElement);
    const spread = spreads.length === 1 ? unwrap((spreads[0] as TSESTree.SpreadElement).argument) : undefined;
    if (boundsInObject(options) || spread?.type !== AST_NODE_TYPES.Identifier) return undefined;
    name = spread.name;
  } else if (options.type === AST_NODE_TYPES.CallExpression) {
    const [only, ...rest] = options.arguments;
    const helper = unwrap(options.callee);
    const helperName =
      helper.type === AST_NODE_TYPES.Identifier
        ? helper.name
        : helper.type === AST_NODE_TYPES.MemberExpression
          ? (memberName(helper) ?? 'timeout')
          : 'timeout';
    if (!only || rest.length > 0 || DEADLINE_HELPER.test(helperName)) return undefined;
    return passedThrough(fn, unwrap(only as Node), depth + 1);
  }
  if (name === undefined) return undefined;
  const reassigned = findNode(
    fn.body,
    node =>
      node.type === AST_NODE_TYPES.AssignmentExpression &&
      unwrap(node.left).type === AST_NODE_TYPES.Identifier &&
      (unwrap(node.left) as TSESTree.Identifier).name === name,
  );
  if (reassigned) return undefined;
  const index = fn.params.findIndex(param => {
    if (param.type === AST_NODE_TYPES.Identifier) return param.name === name;
    return (
      param.type === AST_NODE_TYPES.AssignmentPattern &&
      param.left.type === AST_NODE_TYPES.Identifier &&
      param.left.name === name &&
      param.right.type === AST_NODE_TYPES.ObjectExpression &&
      param.right.properties.length === 0
    );
  });
  if (index >= 0) return index;
  const local = localOptions(fn, name);
  return local ? passedThrough(fn, local, depth + 1) : undefined;
}

/**
 * What a local of the wrapper's own body holds, as options: `const init = { ...options, headers }`
 * gives the object, and `const { userAgent, ...init } = options ?? {}` gives `options` (when no
 * deadline key is taken out beside the rest).
 */
function localOptions(fn: FunctionNode, name: string): Node | undefined {
  const declarator = findNode(
    fn.body,
    node =>
      node.type === AST_NODE_TYPES.VariableDeclarator &&
      node.init !== null &&
      ((node.id.type === AST_NODE_TYPES.Identifier && node.id.name === name) ||
        (node.id.type === AST_NODE_TYPES.ObjectPattern &&
          node.id.properties.some(
            property =>
              property.type === AST_NODE_TYPES.RestElement &&
              property.argument.type === AST_NODE_TYPES.Identifier &&
              property.argument.name === name,
          ))),
    node => !isFunction(node),
  ) as TSESTree.VariableDeclarator | undefined;
  if (!declarator?.init) return undefined;
  const init = unwrap(declarator.init);
  if (declarator.id.type === AST_NODE_TYPES.Identifier) return init;
  if (declarator.id.type !== AST_NODE_TYPES.ObjectPattern) return undefined;
  const takesDeadline = declarator.id.properties.some(
    property =>
      property.type === AST_NODE_TYPES.Property && /^(?:signal|timeout)$/.test(propertyKey(property) ?? ''),
  );
  if (takesDeadline) return undefined;
  // `options ?? {}`, `options || {}`: the caller's options, or none.
  const source =
    init.type === AST_NODE_TYPES.LogicalExpression &&
    (init.operator === '??' || init.operator === '||') &&
    unwrap(init.right).type === AST_NODE_TYPES.ObjectExpression &&
    (unwrap(init.right) as TSESTree.ObjectExpression).properties.length === 0
      ? unwrap(init.left)
      : init;
  return source.type === AST_NODE_TYPES.Identifier ? source : undefined;
}

/**
 * The carrier of a wrapper whose every request (a `fetch`, a request on axios' default instance)
 * takes its deadline from the caller, and only from the caller, or that bounds its request only in
 * an `if (options?.timeout)` branch. `requestOf` says which calls of the wrapper's module are such requests.
 */
export function deadlineCarrier(
  fn: FunctionNode,
  requestOf: (call: TSESTree.CallExpression) => WrappedRequest | undefined,
): DeadlineCarrier | undefined {
  return decideDeadlineCarrier(wrapperFacts(fn, requestOf));
}

/**
 * `if (options?.timeout) { …bounded… } return fetch(url, { ...rest })`: the first `if` whose test
 * reads a deadline option of a parameter (`options.timeout`, or a destructured `timeout`).
 */
function guardOf(
  fn: FunctionNode,
): { index: number; key: string; statement: TSESTree.IfStatement } | undefined {
  const params = new Map<string, number>();
  const destructured = new Map<string, { index: number; key: string }>();
  fn.params.forEach((param, index) => {
    const target = param.type === AST_NODE_TYPES.AssignmentPattern ? param.left : param;
    if (target.type === AST_NODE_TYPES.Identifier) params.set(target.name, index);
    if (target.type === AST_NODE_TYPES.ObjectPattern)
      for (const property of target.properties)
        if (property.type === AST_NODE_TYPES.Property && property.value.type === AST_NODE_TYPES.Identifier) {
          const key = propertyKey(property);
          if (key !== undefined) destructured.set(property.value.name, { index, key });
        }
  });
  let guard: { index: number; key: string; statement: TSESTree.IfStatement } | undefined;
  findNode(
    fn.body,
    node => {
      if (node.type !== AST_NODE_TYPES.IfStatement) return false;
      findNode(node.test, inner => {
        if (inner.type === AST_NODE_TYPES.MemberExpression && !inner.computed) {
          const object = unwrap(inner.object);
          const key = memberName(inner);
          const index = object.type === AST_NODE_TYPES.Identifier ? params.get(object.name) : undefined;
          if (index !== undefined && key !== undefined && isDeadlineKey(key))
            guard = { index, key, statement: node };
        }
        if (inner.type === AST_NODE_TYPES.Identifier) {
          const found = destructured.get(inner.name);
          if (found && isDeadlineKey(found.key)) guard = { ...found, statement: node };
        }
        return guard !== undefined;
      });
      return guard !== undefined;
    },
    node => !isFunction(node),
  );
  return guard;
}

/** What a call passes where the wrapper's carrier is, as the catalog reads it. */
function argumentAt(call: TSESTree.CallExpression, index: number): WrapperArgument {
  const arg = call.arguments[index] as Node | undefined;
  if (!arg) return { kind: 'absent' };
  const inner = unwrap(arg);
  if (inner.type === AST_NODE_TYPES.Identifier && inner.name === 'undefined') return { kind: 'undefined' };
  if (inner.type !== AST_NODE_TYPES.ObjectExpression) return { kind: 'other' };
  const keys: string[] = [];
  let open = false;
  for (const property of inner.properties) {
    if (property.type !== AST_NODE_TYPES.Property || property.computed) {
      open = true;
      continue;
    }
    const key = propertyKey(property);
    if (key !== undefined) keys.push(key);
  }
  return { kind: 'object', keys, open };
}

/** Does this call give the wrapper its deadline? Spreads and non-literal options may carry it. */
export function givesDeadline(call: TSESTree.CallExpression, carrier: DeadlineCarrier): boolean {
  return callGivesDeadline({
    carrier,
    spreadArguments: call.arguments.some(arg => arg.type === AST_NODE_TYPES.SpreadElement),
    argument: argumentAt(call, carrier.index),
  });
}

/** A call to a request wrapper of the project: the wrapper, where its deadline comes from, and where it is. */
export interface WrapperCall {
  carrier: DeadlineCarrier;
  /** The wrapper function (in this file, or in the module `file`). */
  fn: FunctionNode;
  /** The wrapper's file, when it is another module of the project (else this file). */
  file?: string;
}

/**
 * The global fetch, undici's / node-fetch's / cross-fetch's, or a request on axios' default
 * instance, in the linted file: not axios when this file sets axios' defaults (`axios.defaults.timeout = …`).
 */
function requestIn(model: FileModel): (request: TSESTree.CallExpression) => WrappedRequest | undefined {
  return request => {
    const value = model.valueOf(request.callee);
    if (value.kind !== 'global' && value.kind !== 'module') return undefined;
    const kind = wrappedRequest(value, request.arguments.length);
    return kind?.client === 'axios' && model.defaultsAssignments.length > 0 ? undefined : kind;
  };
}

/** Carriers of the linted file's own wrappers, computed once per function (and per file model). */
const localCarriers = new WeakMap<FunctionNode, DeadlineCarrier | null>();

/**
 * The request wrapper a call reaches, when it bounds its request only with the deadline its caller
 * gives: a function called by a name that says so (`fetchJson(…)`), a method of the class or one it
 * inherits from the project (`this.fetch(…)`), or a method of an object whose class the project
 * declares it with (`this.fetchService.fetchWithProxy(url)` on an injected
 * `private fetchService: FetchService`); not a method of an object whose class cannot be seen, nor
 * one of an abstract class reached on another object (a subclass handed in may override it).
 * Whether this call gives the deadline is for the caller to ask (`givesDeadline`).
 */
export function wrapperCall(model: FileModel, call: TSESTree.CallExpression): WrapperCall | undefined {
  const callee = unwrap(call.callee);
  const ownMethod =
    callee.type === AST_NODE_TYPES.MemberExpression && callee.object.type === AST_NODE_TYPES.ThisExpression;
  const name =
    callee.type === AST_NODE_TYPES.Identifier
      ? callee.name
      : callee.type === AST_NODE_TYPES.MemberExpression && (ownMethod || !callee.computed)
        ? memberName(callee)
        : undefined;
  if (name === undefined || !isRequestWrapperName(name)) return undefined;
  if (call.parent?.type === AST_NODE_TYPES.Decorator) return undefined;
  const local =
    callee.type === AST_NODE_TYPES.Identifier || ownMethod ? model.localFunction(call.callee) : undefined;
  if (local) {
    let carrier = localCarriers.get(local);
    if (carrier === undefined) {
      carrier = deadlineCarrier(local, requestIn(model)) ?? null;
      localCarriers.set(local, carrier);
    }
    return carrier ? { carrier, fn: local } : undefined;
  }
  const found = model.projectFunctionOf(call);
  // On another object, a method of an abstract class is whatever the subclass handed in makes it.
  if (!found || (callee.type === AST_NODE_TYPES.MemberExpression && !ownMethod && ofAbstractClass(found.fn)))
    return undefined;
  const carrier = found.deadlineCarrier;
  return carrier ? { carrier, fn: found.fn, file: found.file } : undefined;
}

/** The function is a method of an abstract class (`abstract class SocialBase { fetch(…) {…} }`). */
function ofAbstractClass(fn: FunctionNode): boolean {
  const owner = fn.parent?.parent?.parent;
  return (
    fn.parent?.type === AST_NODE_TYPES.MethodDefinition &&
    (owner?.type === AST_NODE_TYPES.ClassDeclaration || owner?.type === AST_NODE_TYPES.ClassExpression) &&
    owner.abstract
  );
}

/** The request a wrapper makes on a line (the carrier's `line`), to report where the fix goes. */
export function requestAt(fn: FunctionNode, line: number): TSESTree.CallExpression | undefined {
  return findNode(
    fn.body,
    node => node.type === AST_NODE_TYPES.CallExpression && node.loc.start.line === line,
  ) as TSESTree.CallExpression | undefined;
}

/** A call to a request wrapper that gives it no deadline: the wrapper's carrier, and where its request is. */
export interface WrapperCallFinding {
  carrier: DeadlineCarrier;
  /** The wrapper's file, when it is another module of the project (else this file). */
  file?: string;
}

/**
 * A call to a request wrapper of the project (this file or another module) that bounds its request
 * only with the deadline its caller gives, made without one: the per-call fact both readers agree
 * on. A call raced against a timer or handed to a timeout wrapper is not one: its caller stops
 * waiting. require-timeout reports these, except that a wrapper whose callers are all in its file
 * and none bounds it is reported once at its request, and a page-relative URL is a browser's request.
 */
export function wrapperCallFinding(
  model: FileModel,
  call: TSESTree.CallExpression,
): WrapperCallFinding | undefined {
  const found = wrapperCall(model, call);
  if (!found || givesDeadline(call, found.carrier) || isTimeoutWrapped(model, call)) return undefined;
  return found.file === undefined ? { carrier: found.carrier } : { carrier: found.carrier, file: found.file };
}
