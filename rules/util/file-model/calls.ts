// Which calls the catalog (or the team's settings) knows, and which are remote: a call's role
// from its resolved callee, the remote calls inside a node, and those of the local functions a call
// reaches one level deep.
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';

import {
  customInstanceRole,
  customModuleRole,
  isGrpcMetadataClass,
  lookupGlobal,
  lookupInstanceMember,
  lookupModuleMember,
} from '@faultline/catalog';
import {
  type CallLike,
  type Node,
  isFunction,
  memberName,
  propertyKey,
  thisClassBody,
  unwrap,
} from '../ast.js';
import type { FileModel } from '../file-model.js';
import type { Classified, FunctionLike } from './types.js';

/** Globals whose members the catalog gives a role (fetch, Request, Bun.sleep), directly or through the global object. */
const CATALOG_GLOBALS = new Set([
  'fetch',
  '$fetch',
  'Request',
  'Bun',
  'globalThis',
  'window',
  'self',
  'global',
]);

/** Classifies one file's calls, memoised per call. */
export class CallClassifier {
  private readonly classified = new Map<Node, Classified | null>();

  constructor(private readonly model: FileModel) {}

  /** The catalog role of a call or `new`, if the catalog (or the settings) knows its callee. */
  classify(node: CallLike): Classified | undefined {
    const cached = this.classified.get(node);
    if (cached !== undefined) return cached ?? undefined;
    this.classified.set(node, null);
    const result = this.computeClassified(node) ?? this.typedClassified(node);
    this.classified.set(node, result ?? null);
    return result;
  }

  /** `x.send(…)` where nothing in the file says what `x` is, but its declared type does. */
  private typedClassified(node: CallLike): Classified | undefined {
    const typeResolver = this.model.typeResolver;
    if (!typeResolver || node.type !== AST_NODE_TYPES.CallExpression) return undefined;
    const callee = unwrap(node.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
    const name = memberName(callee);
    if (name === undefined) return undefined;
    const object = unwrap(callee.object);
    // A value the file can see is judged by what it is; only the unknown ones ask the types.
    if (this.model.valueOf(object).kind !== 'unknown') return undefined;
    const instance = typeResolver(object);
    if (!instance) return undefined;
    const role = lookupInstanceMember(instance, [name]);
    return role ? { node, role, callee: { kind: 'unknown' }, typed: instance } : undefined;
  }

  /** Cheap pre-check: could this call's callee resolve to anything known? */
  isCandidate(node: CallLike): boolean {
    if (this.model.hasKnownModule) return true;
    // Without a known import, only globals with a catalog role can be remote or a timer: decided by
    // the name alone, so files that call none of them never pay for scope analysis.
    let root: Node = unwrap(node.callee);
    // `DEPS.fetch(…)`: a global a `const` object literal of the file may hold (`{ fetch }`).
    if (
      root.type === AST_NODE_TYPES.MemberExpression &&
      unwrap(root.object).type === AST_NODE_TYPES.Identifier &&
      CATALOG_GLOBALS.has(memberName(root) ?? '')
    )
      return true;
    while (root.type === AST_NODE_TYPES.MemberExpression) root = unwrap(root.object);
    return root.type === AST_NODE_TYPES.Identifier && CATALOG_GLOBALS.has(root.name);
  }

  private computeClassified(node: CallLike): Classified | undefined {
    if (!this.isCandidate(node)) return undefined;
    const callee = this.model.valueOf(node.callee);
    switch (callee.kind) {
      case 'module': {
        const custom = customModuleRole(this.model.settings.clients, callee.module, callee.path);
        if (custom) return { node, role: custom.role, callee, custom: custom.client };
        const role = lookupModuleMember(callee.module, callee.path);
        return role ? { node, role, callee } : undefined;
      }
      case 'global': {
        const role = lookupGlobal(callee.path);
        return role ? { node, role, callee } : undefined;
      }
      case 'instance': {
        const custom = callee.origin?.custom;
        if (custom) {
          const role = customInstanceRole(custom, callee.path);
          return role ? { node, role, callee, origin: callee.origin, custom } : undefined;
        }
        const role = lookupInstanceMember(callee.instance, callee.path);
        if (!role) return undefined;
        return callee.origin ? { node, role, callee, origin: callee.origin } : { node, role, callee };
      }
      default:
        return this.grpcStubCall(node);
    }
  }

  /**
   * `this.syncingClient.syncItems(request, metadata, callback)` on a stub the file cannot see (a
   * generated interface such as `ISyncingClient`): handed a grpc-js `Metadata` made in this file as
   * its second argument, it is a gRPC call, judged like a call of a grpc-js client.
   */
  private grpcStubCall(node: CallLike): Classified | undefined {
    if (node.type !== AST_NODE_TYPES.CallExpression) return undefined;
    const callee = unwrap(node.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
    const name = memberName(callee);
    const second = node.arguments[1];
    if (name === undefined || !second || second.type === AST_NODE_TYPES.SpreadElement) return undefined;
    let made = unwrap(second);
    if (made.type === AST_NODE_TYPES.Identifier) made = this.model.constInit(made) ?? made;
    if (made.type !== AST_NODE_TYPES.NewExpression) return undefined;
    const metadataClass = this.model.valueOf(made.callee);
    if (metadataClass.kind !== 'module' || !isGrpcMetadataClass(metadataClass.module, metadataClass.path))
      return undefined;
    // A unary call answers through the callback after the metadata (and its call options); a
    // Metadata stored away (`byCall.set(id, metadata)`) is no call.
    if (!node.arguments.slice(2).some(argument => this.model.isCallbackLike(argument as Node)))
      return undefined;
    const role = lookupInstanceMember('grpc-client', [name]);
    return role ? { node, role, callee: { kind: 'unknown' } } : undefined;
  }

  /** True when the call performs I/O with another process (any catalog family). */
  isRemoteCall(node: CallLike): boolean {
    return this.classify(node)?.role.role === 'call';
  }

  private remoteCache: Classified[] | undefined;

  /** Every remote call in the file, in source order. */
  remoteCalls(): Classified[] {
    if (this.remoteCache) return this.remoteCache;
    const result: Classified[] = [];
    for (const call of this.model.calls) {
      const classified = this.classify(call);
      if (classified?.role.role === 'call') result.push(classified);
    }
    this.remoteCache = result.sort((a, b) => a.node.range[0] - b.node.range[0]);
    return this.remoteCache;
  }

  /** Remote calls lexically inside `node` (binary search over the sorted list). */
  remoteCallsWithin(node: Node): Classified[] {
    const calls = this.remoteCalls();
    const [start, end] = node.range;
    let low = 0;
    let high = calls.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if ((calls[mid] as Classified).node.range[0] < start) low = mid + 1;
      else high = mid;
    }
    const result: Classified[] = [];
    for (let index = low; index < calls.length; index++) {
      const call = calls[index] as Classified;
      if (call.node.range[0] >= end) break;
      if (call.node.range[1] <= end) result.push(call);
    }
    return result;
  }

  /** The local function (declaration, or a const bound to a function) that a callee names, if any. */
  localFunction(callee: Node): FunctionLike | undefined {
    const inner = unwrap(callee);
    // `this.load(…)`: a method of the enclosing class.
    if (
      inner.type === AST_NODE_TYPES.MemberExpression &&
      inner.object.type === AST_NODE_TYPES.ThisExpression
    ) {
      const name = memberName(inner);
      const body = thisClassBody(inner);
      if (!name || body?.type !== AST_NODE_TYPES.ClassBody) return undefined;
      for (const member of body.body) {
        if (
          (member.type === AST_NODE_TYPES.MethodDefinition ||
            member.type === AST_NODE_TYPES.PropertyDefinition) &&
          propertyKey(member) === name
        ) {
          const value = member.value ? unwrap(member.value) : undefined;
          if (value && isFunction(value)) return value;
        }
      }
      return undefined;
    }
    if (inner.type !== AST_NODE_TYPES.Identifier) return undefined;
    const def = this.model.findVariable(inner)?.defs[0];
    if (!def) return undefined;
    if (def.type === 'FunctionName' && isFunction(def.node as Node)) return def.node as FunctionLike;
    if (def.type === 'Variable') {
      const init = (def.node as TSESTree.VariableDeclarator).init;
      const fn = init ? unwrap(init) : undefined;
      if (fn && isFunction(fn)) return fn;
    }
    return undefined;
  }

  /**
   * Remote calls made by evaluating `node`: calls inside it, and the remote calls of local
   * functions it calls (one level deep).
   */
  remoteCallsIn(node: Node): Classified[] {
    const direct = this.remoteCallsWithin(node);
    if (direct.length > 0) return direct;
    const found: Classified[] = [];
    const [start, end] = node.range;
    for (const call of this.model.calls) {
      if (call.range[0] < start || call.range[1] > end || call.type !== AST_NODE_TYPES.CallExpression)
        continue;
      // The callee may be the enclosing function itself (`links.map(link => crawl(link))`).
      const fn = this.localFunction(call.callee);
      if (fn) found.push(...this.remoteCallsWithin(fn.body));
      if (found.length > 0) break;
    }
    return found;
  }

  /**
   * Remote calls a call makes: itself if it is one, else those of the local function it calls
   * (one level deep: `Promise.all([getUser(id), getOrders(id)])` where getUser fetches).
   */
  remoteCallsOf(call: CallLike): Classified[] {
    const classified = this.classify(call);
    if (classified?.role.role === 'call') return [classified];
    if (call.type !== AST_NODE_TYPES.CallExpression) return [];
    const fn = this.localFunction(call.callee);
    return fn ? this.remoteCallsWithin(fn.body) : [];
  }
}
