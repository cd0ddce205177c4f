// A request wrapper that bounds its request only with what its caller gives it: `fetchJson(url,
// { timeout })` passing `signal: timeout ? AbortSignal.timeout(timeout) : undefined` to fetch.
// Called without that option, the request has no deadline, and only the call site can say so.
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';

import {
  type FunctionNode,
  type Node,
  findNode,
  isFunction,
  memberName,
  propertyKey,
  unwrap,
} from './ast.js';

/** Where a wrapper's deadline comes from: its parameter at `index`, or property `key` of it. */
export interface DeadlineCarrier {
  index: number;
  /** A property of an options parameter (`timeout` in `{ timeout }` or `options.timeout`). */
  key?: string;
  /** Another property that bounds the request as well (`signal`, spread into the request's options). */
  alsoKey?: string;
  /** The parameter's name, for a positional carrier. */
  name?: string;
  /** The request the wrapper makes, for the message (`fetch`). */
  request: string;
  /** The line of that request in the wrapper's file. */
  line: number;
  /** That request (the first one, when there are several). */
  node: TSESTree.CallExpression;
}

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
function carrierOf(
  fn: FunctionNode,
  value: Node,
): Omit<DeadlineCarrier, 'request' | 'line' | 'node'> | undefined | null {
  const carriers: Omit<DeadlineCarrier, 'request' | 'line' | 'node'>[] = [];
  const names = new Map<string, Omit<DeadlineCarrier, 'request' | 'line' | 'node'>>();
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
 * The carrier of a wrapper whose every `fetch` takes its `signal` from the caller, and only from
 * the caller. `isFetch` says whether a call is the global fetch in the wrapper's module.
 */
export function deadlineCarrier(
  fn: FunctionNode,
  isFetch: (call: TSESTree.CallExpression) => boolean,
): DeadlineCarrier | undefined {
  const requests: TSESTree.CallExpression[] = [];
  findNode(
    fn.body,
    node => {
      if (node.type === AST_NODE_TYPES.CallExpression && isFetch(node)) requests.push(node);
      return false;
    },
    node => !isFunction(node) || node.type === AST_NODE_TYPES.ArrowFunctionExpression,
  );
  if (requests.length === 0) return undefined;
  const guarded = guardedCarrier(fn, requests);
  if (guarded) return guarded;
  let found: DeadlineCarrier | undefined;
  for (const request of requests) {
    const options = request.arguments[1] ? unwrap(request.arguments[1] as Node) : undefined;
    // The caller's init handed on as it is (`fetch(url, init)`, `{ ...init, headers }`): bounded
    // exactly when the caller's init carries a signal.
    const passed = options ? passedThrough(fn, options) : undefined;
    if (passed !== undefined) {
      if (found && found.index !== passed) return undefined;
      found ??= {
        index: passed,
        key: 'signal',
        request: 'fetch',
        line: request.loc.start.line,
        node: request,
      };
      continue;
    }
    // No options, or options built elsewhere: never bounded, or not ours to say; the wrapper's own file speaks.
    if (options?.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
    const signal = options.properties.find(
      property => property.type === AST_NODE_TYPES.Property && propertyKey(property) === 'signal',
    ) as TSESTree.Property | undefined;
    if (!signal) return undefined;
    const carrier = carrierOf(fn, signal.value as Node);
    if (!carrier) return undefined;
    if (found && (found.index !== carrier.index || found.key !== carrier.key)) return undefined;
    found ??= { ...carrier, request: 'fetch', line: request.loc.start.line, node: request };
  }
  return found;
}

/**
 * The index of the parameter a request's init is, or is spread from with nothing that bounds time
 * beside it (`fetch(url, init)`, `fetch(url, { ...init, headers })`). The parameter must be the
 * caller's as given: not reassigned, and with no default beyond an empty object.
 */
function passedThrough(fn: FunctionNode, options: Node): number | undefined {
  let name: string | undefined;
  if (options.type === AST_NODE_TYPES.Identifier) name = options.name;
  else if (options.type === AST_NODE_TYPES.ObjectExpression) {
    const spreads = options.properties.filter(property => property.type === AST_NODE_TYPES.SpreadElement);
    const bounding = options.properties.some(
      property =>
        property.type === AST_NODE_TYPES.Property &&
        (property.computed || /^(?:signal|timeout)$/.test(propertyKey(property) ?? '')),
    );
    const spread = spreads.length === 1 ? unwrap((spreads[0] as TSESTree.SpreadElement).argument) : undefined;
    if (bounding || spread?.type !== AST_NODE_TYPES.Identifier) return undefined;
    name = spread.name;
  }
  if (name === undefined) return undefined;
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
  if (index < 0) return undefined;
  const reassigned = findNode(
    fn.body,
    node =>
      node.type === AST_NODE_TYPES.AssignmentExpression &&
      unwrap(node.left).type === AST_NODE_TYPES.Identifier &&
      (unwrap(node.left) as TSESTree.Identifier).name === name,
  );
  return reassigned ? undefined : index;
}

/** Names that say "the caller's time budget". */
const DEADLINE_KEY = /^(?:timeout|timeoutMs|timeoutMillis|deadline|deadlineMs|signal)$/;

/**
 * `if (options?.timeout) { …bounded… } return fetch(url, { ...rest })`: the wrapper bounds its
 * request only when the caller passes that option; otherwise the request goes out with whatever
 * the caller's options carry (a `signal`, when they pass one).
 */
function guardedCarrier(fn: FunctionNode, requests: TSESTree.CallExpression[]): DeadlineCarrier | undefined {
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
  let carrier: { index: number; key: string; guard: TSESTree.IfStatement } | undefined;
  findNode(
    fn.body,
    node => {
      if (node.type !== AST_NODE_TYPES.IfStatement) return false;
      findNode(node.test, inner => {
        if (inner.type === AST_NODE_TYPES.MemberExpression && !inner.computed) {
          const object = unwrap(inner.object);
          const key = memberName(inner);
          const index = object.type === AST_NODE_TYPES.Identifier ? params.get(object.name) : undefined;
          if (index !== undefined && key !== undefined && DEADLINE_KEY.test(key))
            carrier = { index, key, guard: node };
        }
        if (inner.type === AST_NODE_TYPES.Identifier) {
          const found = destructured.get(inner.name);
          if (found && DEADLINE_KEY.test(found.key)) carrier = { ...found, guard: node };
        }
        return carrier !== undefined;
      });
      return carrier !== undefined;
    },
    node => !isFunction(node),
  );
  if (!carrier) return undefined;
  const guard = carrier.guard;
  // The requests outside the guarded branch go out without a signal of their own.
  const unguarded = requests.filter(
    request =>
      !(request.range[0] >= guard.consequent.range[0] && request.range[1] <= guard.consequent.range[1]),
  );
  if (unguarded.length === 0) return undefined;
  for (const request of unguarded) {
    // The caller's options go out as they are (a spread): with a `signal` when the caller gives one.
    // A request that takes nothing from the caller is never bounded; its own file reports it.
    const options = request.arguments[1] ? unwrap(request.arguments[1] as Node) : undefined;
    if (options?.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
    if (!options.properties.some(property => property.type === AST_NODE_TYPES.SpreadElement))
      return undefined;
    if (
      options.properties.some(
        property => property.type === AST_NODE_TYPES.Property && propertyKey(property) === 'signal',
      )
    )
      return undefined;
  }
  const first = unguarded[0] as TSESTree.CallExpression;
  return {
    index: carrier.index,
    key: carrier.key,
    alsoKey: carrier.key === 'signal' ? undefined : 'signal',
    request: 'fetch',
    line: first.loc.start.line,
    node: first,
  };
}

/** Does this call give the wrapper its deadline? Spreads and non-literal options may carry it. */
export function givesDeadline(call: TSESTree.CallExpression, carrier: DeadlineCarrier): boolean {
  if (call.arguments.some(arg => arg.type === AST_NODE_TYPES.SpreadElement)) return true;
  const arg = call.arguments[carrier.index] as Node | undefined;
  if (!arg) return false;
  const inner = unwrap(arg);
  if (carrier.key === undefined)
    return !(inner.type === AST_NODE_TYPES.Identifier && inner.name === 'undefined');
  if (inner.type !== AST_NODE_TYPES.ObjectExpression) return true;
  return inner.properties.some(
    property =>
      property.type !== AST_NODE_TYPES.Property ||
      property.computed ||
      propertyKey(property) === carrier.key ||
      (carrier.alsoKey !== undefined && propertyKey(property) === carrier.alsoKey),
  );
}
