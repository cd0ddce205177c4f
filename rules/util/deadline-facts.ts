// The ESTree reader of deadline facts: turns a remote call (or a client's construction) in the
// file being linted into the catalog's plain `CallFacts` / `ClientFacts`, which the catalog's
// pure decisions judge. packages/core/src/analyze/remote-calls.ts is the same reader over
// TypeScript nodes; test/integration/reader-parity.test.ts holds the two to the same verdicts.
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';

import type {
  CallFacts,
  CalleeIdentity,
  ClientFacts,
  DispatcherFacts,
  FamilyId,
  HttpFacts,
  Summary,
  Verdict,
  VersionFacts,
} from '@faultline/catalog';
import {
  FAMILIES,
  decideClientDeadline,
  decideDeadline,
  getProp,
  perCallUsesMatter,
  wrapperMatters,
} from '@faultline/catalog';
import {
  type CallLike,
  type Node,
  enclosingFunction,
  findNode,
  isFunction,
  isPromiseExecutor,
  memberChain,
  memberName,
  propertyKey,
  requireCall,
  unwrap,
  writtenName,
} from './ast.js';
import type { Classified, FileModel, Origin, Value } from './file-model.js';
import { isTimeoutWrapped } from './timeout-wrappers.js';
import { onFileReleased } from './file-release.js';

/** Families whose process-wide defaults a module sets: `axios.defaults.timeout = n`, `google.options({ timeout })`. */
export type DefaultsFamily = 'axios' | 'googleapis' | 'sendgrid';
type Slot = Origin | DefaultsFamily;

function hasDefaults(family: FamilyId | undefined): family is DefaultsFamily {
  return family === 'axios' || family === 'googleapis' || family === 'sendgrid';
}

/** A dispatcher whose construction the reader cannot see: judged like options it cannot see into. */
const UNSEEN_DISPATCHER: DispatcherFacts = { options: { kind: 'opaque' } };

/**
 * The per-call options of a call bounded by `.timeout(…)` along its chain or by a timeout helper
 * around it, as `hasPerCallBound` reads them.
 */
const BOUND_BY_CHAIN: Summary = {
  kind: 'object',
  props: new Map([['timeout', { value: { kind: 'value' } }]]),
  hasSpread: false,
};

/** A construction's options as another module writes them (project-facts.ts, `ProjectConstruction.written`). */
export interface WrittenOptions {
  options: Summary;
  /** They are the construction's first argument. */
  first: boolean;
  /** Where they are written, as a message names it (`config.ts:8`). */
  at?: string;
}

/** Reads deadline facts from one file's model; one reader per model, memoised. */
export class DeadlineReader {
  private layerIndex: Map<Slot, Summary[]> | undefined;

  /**
   * @param project process-wide defaults other modules of the project set (project facts),
   * read only when a call needs them.
   */
  constructor(
    private readonly model: FileModel,
    private readonly project?: (family: DefaultsFamily) => Summary[],
    private readonly versions?: (family: FamilyId, module?: string) => VersionFacts,
    private readonly globalDispatcher?: () => boolean,
    private readonly importedDispatcher?: (
      name: TSESTree.Identifier,
      called?: boolean,
    ) => DispatcherFacts | undefined,
  ) {}

  /** The catalog's verdict on a remote call; the wrapper search runs only when it could matter. */
  decide(classified: Classified, requireTotalTimeout = false): Verdict | undefined {
    const facts = this.callFacts(classified, requireTotalTimeout, false);
    if (!facts) return undefined;
    const verdict = decideDeadline(facts);
    if (!wrapperMatters(verdict) || !isTimeoutWrapped(this.model, classified.node)) return verdict;
    return decideDeadline({ ...facts, wrappedByTimeout: true });
  }

  /**
   * The catalog's verdicts on a client's construction; its calls are read only when they could
   * matter. `written`: the options as another module writes them, in place of the call's opaque
   * ones (and of its connection string when they are its first argument).
   */
  decideClient(construction: CallLike, family: FamilyId, written?: WrittenOptions): Verdict[] {
    const facts = (withUses: boolean): ClientFacts => {
      const found = this.clientFacts(construction, family, withUses);
      if (!written) return found;
      return {
        ...found,
        options: written.options,
        ...(written.first && found.connectionString ? { connectionString: written.options } : {}),
      };
    };
    const verdicts = decideClientDeadline(facts(false));
    return perCallUsesMatter(verdicts) ? decideClientDeadline(facts(true)) : verdicts;
  }

  /**
   * Everything the catalog needs to decide whether a remote call has a deadline. Without
   * `checkWrapper`, `wrappedByTimeout` is left false (see `decide`).
   */
  callFacts(classified: Classified, requireTotalTimeout = false, checkWrapper = true): CallFacts | undefined {
    const role = classified.role;
    if (role.role !== 'call') return undefined;
    const model = this.model;
    const call = classified.node;
    const family = role.family;
    const facts: CallFacts = {
      family,
      callee: identityOf(classified.callee),
      options: model.optionsOf(call, role.options),
      instance: this.instanceLayers(classified),
      requireTotalTimeout,
      wrappedByTimeout: false,
    };
    if (family === 'fetch') {
      const request = this.requestInit(call);
      if (request) facts.request = request;
      // The global fetch (and undici's own) sends through the process's global dispatcher.
      const callee = classified.callee;
      const throughGlobal =
        (callee.kind === 'global' && callee.path.join('.') === 'fetch') ||
        (callee.kind === 'module' && callee.module === 'undici' && callee.path.join('.') === 'fetch');
      // A dispatcher of its own (`{ dispatcher: agent }`) takes the global's place for this request.
      const dispatcher = throughGlobal ? this.dispatcherOf(facts.options) : undefined;
      if (dispatcher) facts.dispatcher = dispatcher;
      else if (throughGlobal && this.globalDispatcher?.()) facts.processDispatcher = true;
    }
    // A family whose options changed between versions of one of its modules (node-fetch 2's
    // `timeout`, axios before 0.22 ignoring `signal`): read for calls of that module, or of an
    // instance made by it in this file (`axios.create(…)`), only (the global fetch is not node-fetch).
    const versioned = FAMILIES[family].versionPackages;
    if (versioned && FAMILIES[family].reportAt === 'call') {
      const module = this.madeByModule(classified);
      if (module !== undefined && versioned.includes(module))
        Object.assign(facts, this.versions?.(family, module));
    }
    if (family === 'http') facts.http = this.httpFacts(call);
    if (family === 'ws' && this.closedByTimer(call)) facts.closedByTimer = true;
    if (family === 'ws' && madeForLibrary(call)) facts.madeForLibrary = true;
    // superagent and knex: a `.timeout(…)` along the request's (or query builder's) chain.
    if (family === 'superagent' || family === 'knex') facts.chainTimeout = this.superagentBounded(call);
    if (classified.custom)
      facts.custom = {
        keys: classified.custom.timeoutKeys,
        boundedByDefault: classified.custom.boundedByDefault,
      };
    if (FAMILIES[family].reportAt === 'construction') {
      const root = rootOrigin(classified.origin);
      if (root?.role.role === 'factory') facts.client = this.clientFacts(root.node, root.role.family, false);
    }
    if (checkWrapper) facts.wrappedByTimeout = isTimeoutWrapped(model, call);
    return facts;
  }

  /** The module a call's client comes from: the module called, or the one whose factory made the instance. */
  private madeByModule(classified: Classified): string | undefined {
    const callee = classified.callee;
    if (callee.kind === 'module') return callee.module;
    if (callee.kind !== 'instance') return undefined;
    const root = rootOrigin(classified.origin);
    if (root?.role.role !== 'factory') return undefined;
    const made = this.model.classify(root.node)?.callee;
    return made?.kind === 'module' ? made.module : undefined;
  }

  /**
   * The construction of a construction-level client. With `withUses`, the options of every call
   * through it in this file, so that a client bounded at each call is not reported.
   */
  clientFacts(construction: CallLike, family: FamilyId, withUses: boolean): ClientFacts {
    const model = this.model;
    const classified = model.classify(construction);
    const role = classified?.role;
    const options =
      role?.role === 'factory' ? model.optionsOf(construction, role.options) : { kind: 'opaque' as const };
    const facts: ClientFacts = { family, options };
    if (FAMILIES[family].connectionString && construction.arguments[0])
      facts.connectionString = model.summarizeTop(construction.arguments[0]);
    if (FAMILIES[family].versionPackages || FAMILIES[family].lockedPackage) {
      const callee = classified?.callee;
      Object.assign(facts, this.versions?.(family, callee?.kind === 'module' ? callee.module : undefined));
    }
    if (withUses) facts.perCallOptions = this.usesOf(construction);
    if (hasDefaults(family)) {
      const later = this.laterLayersOf(construction, family);
      if (later.length > 0) facts.later = later;
    }
    return facts;
  }

  /**
   * The defaults set on the instance made at `construction` after it is made, and those this file
   * sets process-wide for its family (`google.options({ timeout })`), outermost first ({@link laterLayers}).
   */
  private laterLayersOf(construction: CallLike, family: DefaultsFamily): Summary[] {
    const index = this.laterLayers();
    const own =
      [...index].find(([slot]) => typeof slot !== 'string' && slot.node === construction)?.[1] ?? [];
    const fileWide = family === 'googleapis' ? (index.get('googleapis') ?? []) : [];
    return [...fileWide, ...own];
  }

  /** Options of each remote call made through the client built at `construction`. */
  private usesOf(construction: CallLike): Summary[] {
    const model = this.model;
    const uses: Summary[] = [];
    for (const call of model.calls) {
      const classified = model.classify(call);
      if (!classified || classified.role.role !== 'call') continue;
      let origin = classified.origin;
      while (origin && origin.node !== construction) origin = origin.parent;
      if (!origin) continue;
      // A knex query with `.timeout(ms)` along its chain carries its own bound; so does a command
      // handed to a timeout helper (`asyncCallWithTimeout(redis.get(key), 500)`).
      const chain =
        ('chain' in classified.role.options && this.superagentBounded(call)) || isTimeoutWrapped(model, call);
      uses.push(chain ? BOUND_BY_CHAIN : model.optionsOf(call, classified.role.options));
    }
    return uses;
  }

  // ---------------------------------------------------------------- instance layers

  /** Defaults set after construction: `x.defaults.timeout = n`, and request interceptors that set one. */
  private laterLayers(): Map<Slot, Summary[]> {
    if (this.layerIndex) return this.layerIndex;
    const model = this.model;
    const index = new Map<Slot, Summary[]>();
    this.layerIndex = index;
    // `axios.defaults.timeout = …` in another module of the project: outermost, so this file's own settings win.
    for (const family of ['axios', 'googleapis', 'sendgrid'] as const) {
      const fromProject = this.project?.(family) ?? [];
      if (fromProject.length > 0) index.set(family, [...fromProject]);
    }
    const add = (
      target: Node,
      key: string,
      value: Summary,
      at: Node,
      moduleSlot: DefaultsFamily = 'axios',
    ): void => {
      const owner = model.valueOf(target);
      const slot: Slot | undefined =
        owner.kind === 'instance' && owner.path.length === 0 && owner.origin
          ? owner.origin
          : owner.kind === 'module' &&
              owner.module === (moduleSlot === 'axios' ? 'axios' : '@sendgrid/mail') &&
              owner.path.length === 0
            ? moduleSlot
            : undefined;
      if (!slot) return;
      const layer: Summary = { kind: 'object', props: new Map([[key, { value, at }]]), hasSpread: false };
      const list = index.get(slot);
      if (list) list.push(layer);
      else index.set(slot, [layer]);
    };
    for (const assignment of model.defaultsAssignments) {
      const left = assignment.left as TSESTree.MemberExpression;
      const key = memberName(left);
      if (key !== 'timeout' && key !== 'signal') continue;
      const value =
        key === 'signal' ? model.summarizeSignal(assignment.right) : model.summarizeValue(assignment.right);
      add((left.object as TSESTree.MemberExpression).object, key, value, assignment);
    }
    for (const call of model.calls) {
      const callee = unwrap(call.callee);
      if (callee.type !== AST_NODE_TYPES.MemberExpression || memberName(callee) !== 'use') continue;
      const request = unwrap(callee.object);
      if (request.type !== AST_NODE_TYPES.MemberExpression || memberName(request) !== 'request') continue;
      const interceptors = unwrap(request.object);
      if (
        interceptors.type !== AST_NODE_TYPES.MemberExpression ||
        memberName(interceptors) !== 'interceptors'
      )
        continue;
      const handler = call.arguments[0];
      if (!handler) continue;
      const setsBound = findNode(handler, node => {
        if (
          node.type === AST_NODE_TYPES.AssignmentExpression &&
          node.left.type === AST_NODE_TYPES.MemberExpression
        ) {
          const name = memberName(node.left);
          return name === 'timeout' || name === 'signal';
        }
        if (node.type === AST_NODE_TYPES.Property) {
          const name = propertyKey(node);
          return name === 'timeout' || name === 'signal';
        }
        return false;
      });
      if (setsBound) add(interceptors.object, 'timeout', { kind: 'value' }, call);
    }
    for (const call of model.calls) {
      const callee = unwrap(call.callee);
      if (callee.type !== AST_NODE_TYPES.MemberExpression) continue;
      const method = memberName(callee);
      if (method !== 'options' && method !== 'setTimeout') continue;
      const owner = model.valueOf(callee.object);
      // `google.options({ timeout })`: googleapis' defaults for every API of the process.
      if (
        method === 'options' &&
        owner.kind === 'module' &&
        owner.module === 'googleapis' &&
        owner.path.join('.') === 'google'
      ) {
        const layer = model.optionsOf(call, { at: 0 });
        const list = index.get('googleapis');
        if (list) list.push(layer);
        else index.set('googleapis', [layer]);
      }
      // `sgMail.setTimeout(ms)`: the default timeout of a SendGrid mail service (the module's own, or one made here).
      const argument = call.arguments[0];
      if (method === 'setTimeout' && argument && argument.type !== AST_NODE_TYPES.SpreadElement) {
        if (owner.kind === 'module' && owner.module === '@sendgrid/mail' && owner.path.length === 0)
          add(callee.object, 'timeout', model.summarizeValue(argument), call, 'sendgrid');
        else if (owner.kind === 'instance' && owner.instance === 'sendgrid')
          add(callee.object, 'timeout', model.summarizeValue(argument), call);
      }
    }
    return index;
  }

  /** What the instance a call goes through was configured with, outermost first. */
  instanceLayers(classified: Classified): Summary[] {
    const model = this.model;
    const layers: Summary[] = [];
    const family = classified.role.role === 'call' ? classified.role.family : undefined;
    if (hasDefaults(family)) layers.push(...(this.laterLayers().get(family) ?? []));
    const chain: Origin[] = [];
    for (let origin = classified.origin; origin; origin = origin.parent) chain.unshift(origin);
    for (const origin of chain) {
      if (origin.role.role === 'factory') {
        const options = model.optionsOf(origin.node, origin.role.options);
        if (origin.role.family === 'googleapis') layers.push(...this.authClientLayers(options));
        layers.push(options);
      }
      if (hasDefaults(family)) layers.push(...(this.laterLayers().get(origin) ?? []));
    }
    // An instance known only by its declared type: how it was configured is not visible.
    if (classified.callee.kind === 'instance' && !classified.origin) layers.push({ kind: 'opaque' });
    return layers;
  }

  /**
   * A googleapis API sends its requests through the auth client it is given (`auth: oauth2Client`):
   * a timeout that client's options give its transporter (`transporterOptions: { timeout }`) is a
   * default under the API's own options. Empty when the auth client is not made in this file.
   */
  private authClientLayers(options: Summary): Summary[] {
    const at = getProp(options, 'auth')?.at as Node | undefined;
    const value = at?.type === AST_NODE_TYPES.Property ? (at.value as Node) : undefined;
    if (!value) return [];
    const client = this.model.valueOf(value);
    const made = client.kind === 'instance' && client.path.length === 0 ? client.origin : undefined;
    if (made?.role.role !== 'factory' || made.role.family !== 'google-auth') return [];
    const transporter = getProp(this.model.optionsOf(made.node, made.role.options), 'transporterOptions');
    return transporter ? [transporter.value] : [];
  }

  // ---------------------------------------------------------------- facts about the call

  /**
   * fetch(request): the init of the `new Request(url, init)` it was built from, when visible; an
   * incoming request passed on (`fetch(request)` in a proxy) may carry its own signal.
   */
  private requestInit(call: CallLike): Summary | undefined {
    const model = this.model;
    const input = call.arguments[0];
    if (!input || input.type === AST_NODE_TYPES.SpreadElement) return undefined;
    const value = model.valueOf(input);
    if (
      value.kind === 'instance' &&
      value.instance === 'fetch-request' &&
      value.origin?.role.role === 'factory'
    ) {
      return model.optionsOf(value.origin.node, value.origin.role.options);
    }
    const inner = unwrap(input);
    if (
      inner.type === AST_NODE_TYPES.Identifier &&
      !model.constInit(inner) &&
      (/^(req|request|incoming)/i.test(inner.name) || /Request$/.test(inner.name))
    ) {
      return { kind: 'opaque', at: inner };
    }
    return undefined;
  }

  /**
   * The undici dispatcher a fetch's init hands it (`{ dispatcher: agent }`), followed to where it is
   * made: a const, a class field or `this.x` assigned once, through `.compose(…)` and the agent a
   * `RetryAgent` wraps, or (project facts) an export of another module of the project or what a
   * getter another module exports returns. Made where the reader cannot see (a parameter, any other
   * call's result), it is unseen.
   */
  private dispatcherOf(options: Summary): DispatcherFacts | undefined {
    const prop = getProp(options, 'dispatcher');
    if (!prop || prop.value.kind === 'undefined' || prop.value.kind === 'null') return undefined;
    const property = prop.at as Node | undefined;
    if (property?.type !== AST_NODE_TYPES.Property || property.kind !== 'init') return UNSEEN_DISPATCHER;
    const value = this.model.valueOf(property.value as Node);
    if (value.kind !== 'instance' || value.instance !== 'undici-dispatcher' || value.path.length > 0) {
      // Imported from a module of the project (`export const agent = new Agent({ … })`), or given by
      // a getter of one called with no arguments (`getSsrfSafeDispatcher()`): project facts.
      let name = unwrap(property.value as Node);
      const called =
        name.type === AST_NODE_TYPES.CallExpression &&
        name.arguments.length === 0 &&
        unwrap(name.callee).type === AST_NODE_TYPES.Identifier;
      if (called) name = unwrap((name as TSESTree.CallExpression).callee);
      const def =
        name.type === AST_NODE_TYPES.Identifier ? this.model.findVariable(name)?.defs[0] : undefined;
      const imported =
        def?.type === 'ImportBinding' ||
        (def?.type === 'Variable' &&
          def.node.type === AST_NODE_TYPES.VariableDeclarator &&
          requireCall(def.node.init) !== undefined);
      return (
        (imported && this.importedDispatcher?.(name as TSESTree.Identifier, called)) || UNSEEN_DISPATCHER
      );
    }
    let origin = value.origin;
    while (origin?.role.role === 'factory' && origin.role.inheritsFrom) origin = origin.parent;
    if (origin?.role.role !== 'factory') return UNSEEN_DISPATCHER;
    const callee = this.model.classify(origin.node)?.callee;
    return {
      made: callee?.kind === 'module' ? callee.path.at(-1) : undefined,
      options: this.model.optionsOf(origin.node, origin.role.options),
    };
  }

  /**
   * `signal.addEventListener('abort', () => req.destroy())`, `signal.onabort = …`: `node` runs when
   * a timed signal aborts (`AbortSignal.timeout(ms)`, a controller a timer aborts).
   */
  private inTimedAbortListener(node: Node): boolean {
    let fn: Node | undefined = node.parent;
    while (fn && !isFunction(fn)) fn = fn.parent;
    const holder = fn?.parent;
    let signal: Node | undefined;
    if (
      holder?.type === AST_NODE_TYPES.CallExpression &&
      holder.arguments[1] === fn &&
      holder.callee.type === AST_NODE_TYPES.MemberExpression &&
      memberName(holder.callee) === 'addEventListener' &&
      this.model.summarizeValue(holder.arguments[0] as Node).kind === 'string' &&
      (holder.arguments[0] as TSESTree.Literal).value === 'abort'
    )
      signal = holder.callee.object;
    else if (
      holder?.type === AST_NODE_TYPES.AssignmentExpression &&
      holder.right === fn &&
      holder.left.type === AST_NODE_TYPES.MemberExpression &&
      memberName(holder.left) === 'onabort'
    )
      signal = holder.left.object;
    if (!signal) return false;
    const value = this.model.summarizeSignal(signal);
    return value.kind === 'signal' && value.timed === 'yes';
  }

  /**
   * ws: a timer started right after the connection is made ends it unless it opens, as a handshake
   * timeout would: `setTimeout(() => ws.terminate(), ms)` in the function that holds it in `ws` (or
   * `this.ws`), after the construction and not inside a listener (a heartbeat started on 'open'
   * never runs while the handshake hangs).
   */
  private closedByTimer(call: CallLike): boolean {
    const current = outermost(call);
    const parent = current.parent;
    const held =
      parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.init === current
        ? parent.id
        : parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.right === current
          ? parent.left
          : undefined;
    const key = held ? chainKey(held) : undefined;
    if (key === undefined) return false;
    const fn = enclosingFunction(call);
    const scope: Node = fn ? fn.body : this.model.sourceCode.ast;
    return (
      findNode(
        scope,
        node =>
          node.type === AST_NODE_TYPES.CallExpression &&
          node.range[0] > call.range[1] &&
          this.model.isTimerCall(node) &&
          node.arguments[0] !== undefined &&
          findNode(node.arguments[0] as Node, inner => {
            if (inner.type !== AST_NODE_TYPES.CallExpression) return false;
            const callee = unwrap(inner.callee);
            if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
            const name = memberName(callee);
            return (name === 'terminate' || name === 'close') && chainKey(callee.object) === key;
          }) !== undefined,
        node => !isFunction(node),
      ) !== undefined
    );
  }

  /** node:http: does a 'timeout' handler destroy the request, is `setTimeout` called, does it escape? */
  private httpFacts(call: CallLike): HttpFacts {
    const model = this.model;
    const facts: HttpFacts = { destroysOnTimeout: false, setsTimeout: false, escapes: false };
    const destroys = (handler: Node | undefined): boolean => {
      if (!handler) return false;
      let body: Node = handler;
      const inner = unwrap(handler);
      if (inner.type === AST_NODE_TYPES.Identifier) {
        const init = model.constInit(inner);
        const def = model.findVariable(inner)?.defs[0];
        body = init ?? (def?.type === 'FunctionName' ? (def.node as Node) : inner);
      }
      return (
        findNode(body, node => {
          if (node.type !== AST_NODE_TYPES.MemberExpression) return false;
          const name = memberName(node);
          return name === 'destroy' || name === 'abort';
        }) !== undefined
      );
    };
    // `setTimeout(() => req.destroy(), ms)`: a timer that destroys the request is a deadline; so is
    // a listener of a timed signal's 'abort' that destroys it.
    const destroyedByTimer = (use: Node): void => {
      const member = use.parent;
      if (
        member?.type === AST_NODE_TYPES.MemberExpression &&
        member.object === use &&
        /^(destroy|abort)$/.test(memberName(member) ?? '') &&
        (model.isInsideTimer(member) || this.inTimedAbortListener(member))
      ) {
        facts.destroysOnTimeout = true;
      }
    };
    const inspectUse = (receiver: Node): void => {
      // `req.on('timeout', h)`, `req.once(…)`, `req.setTimeout(ms, h)`, possibly chained.
      let current: Node = receiver;
      for (let step = 0; step < 8; step++) {
        const member = current.parent;
        if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== current) return;
        const call = member.parent;
        if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== member) return;
        const name = memberName(member);
        if (
          (name === 'on' || name === 'once' || name === 'addListener' || name === 'prependListener') &&
          model.summarizeValue(call.arguments[0] as Node).kind === 'string'
        ) {
          const event = call.arguments[0] as TSESTree.Literal;
          if (event.value === 'timeout' && destroys(call.arguments[1])) facts.destroysOnTimeout = true;
        } else if (name === 'setTimeout') {
          facts.setsTimeout = true;
          if (destroys(call.arguments[1])) facts.destroysOnTimeout = true;
        }
        current = call;
      }
    };
    inspectUse(call);
    // Walk up the chain (`http.get(...).on(...)`) to where the request ends up.
    let top: Node = call;
    while (
      top.parent?.type === AST_NODE_TYPES.MemberExpression &&
      top.parent.object === top &&
      top.parent.parent?.type === AST_NODE_TYPES.CallExpression
    ) {
      top = top.parent.parent;
    }
    const parent = top.parent;
    if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier) {
      const variable = model.findVariable(parent.id);
      for (const reference of variable?.references ?? []) {
        if (reference.init) continue;
        const use = reference.identifier as Node;
        const useParent = use.parent;
        destroyedByTimer(use);
        if (useParent?.type === AST_NODE_TYPES.MemberExpression && useParent.object === use) inspectUse(use);
        else if (
          useParent?.type === AST_NODE_TYPES.CallExpression ||
          useParent?.type === AST_NODE_TYPES.ReturnStatement ||
          useParent?.type === AST_NODE_TYPES.AssignmentExpression ||
          useParent?.type === AST_NODE_TYPES.Property ||
          useParent?.type === AST_NODE_TYPES.ArrayExpression
        ) {
          facts.escapes = true;
        }
      }
    } else if (parent?.type === AST_NODE_TYPES.ArrowFunctionExpression && parent.body === top) {
      // `new Promise(resolve => https.get(url, options, resolve))`: an executor's value is dropped.
      if (!isPromiseExecutor(parent)) facts.escapes = true;
    } else if (parent?.type === AST_NODE_TYPES.ReturnStatement) {
      // `new Promise((resolve, reject) => { return https.get(…) })`: dropped as well.
      const fn = enclosingFunction(parent);
      if (!fn || !isPromiseExecutor(fn)) facts.escapes = true;
    } else if (parent?.type === AST_NODE_TYPES.CallExpression && parent.callee !== top) {
      facts.escapes = true;
    }
    return facts;
  }

  /** superagent: a `.timeout(…)` somewhere along the chain, or on the variable holding the request. */
  private superagentBounded(call: CallLike): boolean {
    const model = this.model;
    let current: Node = call;
    for (let step = 0; step < 20; step++) {
      const member: Node | undefined = current.parent;
      if (
        member?.type === AST_NODE_TYPES.MemberExpression &&
        member.object === current &&
        member.parent?.type === AST_NODE_TYPES.CallExpression
      ) {
        if (memberName(member) === 'timeout') return true;
        current = member.parent;
        continue;
      }
      if (member?.type === AST_NODE_TYPES.AwaitExpression) return false;
      if (
        member?.type === AST_NODE_TYPES.VariableDeclarator &&
        member.id.type === AST_NODE_TYPES.Identifier
      ) {
        const variable = model.findVariable(member.id);
        return (variable?.references ?? []).some(reference => {
          const parent = (reference.identifier as Node).parent;
          return parent?.type === AST_NODE_TYPES.MemberExpression && memberName(parent) === 'timeout';
        });
      }
      return false;
    }
    return false;
  }
}

/** The callee's identity as the catalog names it. */
export function identityOf(value: Value): CalleeIdentity {
  switch (value.kind) {
    case 'module':
      return { kind: 'module', module: value.module, path: value.path };
    case 'global':
      return { kind: 'global', path: value.path };
    case 'instance':
      return value.origin
        ? { kind: 'instance', instance: value.instance, path: value.path }
        : { kind: 'instance', instance: value.instance, path: value.path, declared: true };
    default:
      return { kind: 'unknown' };
  }
}

function rootOrigin(origin: Origin | undefined): Origin | undefined {
  let current = origin;
  while (current?.parent) current = current.parent;
  return current;
}

/** The reader of the file being linted (one file at a time per thread, like its model). */
let current: { model: FileModel; reader: DeadlineReader } | undefined;
onFileReleased(() => {
  current = undefined;
});

/** The deadline reader of a file model, made once per file (with project facts, when given). */
export function deadlineReader(
  model: FileModel,
  project?: (family: DefaultsFamily) => Summary[],
  versions?: (family: FamilyId, module?: string) => VersionFacts,
  globalDispatcher?: () => boolean,
  importedDispatcher?: (name: TSESTree.Identifier, called?: boolean) => DispatcherFacts | undefined,
): DeadlineReader {
  if (current?.model !== model)
    current = {
      model,
      reader: new DeadlineReader(model, project, versions, globalDispatcher, importedDispatcher),
    };
  return current.reader;
}

/** `ws`, `this.ws`, `this.conn.socket`: a name or a member chain on one, as text; else undefined. */
function chainKey(node: Node): string | undefined {
  const chain = memberChain(node);
  if (!chain) return undefined;
  const root =
    chain.root.type === AST_NODE_TYPES.Identifier
      ? chain.root.name
      : chain.root.type === AST_NODE_TYPES.ThisExpression
        ? 'this'
        : undefined;
  return root === undefined ? undefined : [root, ...chain.path].join('.');
}

/**
 * What a function handed to another call returns (`setMetadata(key, url => new WebSocket(url))`,
 * `createClient({ socketFactory: url => { return new WebSocket(url) } })`): made for whoever
 * called the function.
 */
function madeForLibrary(call: CallLike): boolean {
  const current = outermost(call);
  const parent = current.parent;
  let fn: Node | undefined;
  if (parent && isFunction(parent) && parent.body === current) fn = parent;
  else if (parent?.type === AST_NODE_TYPES.ReturnStatement) fn = enclosingFunction(parent);
  if (!fn) return false;
  const holder = fn.parent;
  const handedTo = (target: Node | undefined): boolean =>
    (target?.type === AST_NODE_TYPES.CallExpression || target?.type === AST_NODE_TYPES.NewExpression) &&
    !COMBINATOR.test(writtenName(target.callee) ?? '');
  return (
    (handedTo(holder) && (holder as TSESTree.CallExpression).arguments.includes(fn as never)) ||
    (holder?.type === AST_NODE_TYPES.Property &&
      holder.value === fn &&
      holder.parent?.type === AST_NODE_TYPES.ObjectExpression &&
      handedTo(holder.parent.parent))
  );
}

/** Array and promise methods that call what they are handed for their own caller (`urls.map(u => …)`). */
const COMBINATOR =
  /^(?:map|flatMap|forEach|filter|reduce|find|some|every|then|catch|finally|from|all|allSettled|race|any)$/;

/** The call with the type assertions around it (`new WebSocket(url) as never as ClientSocket`). */
function outermost(call: CallLike): Node {
  let current: Node = call;
  while (
    current.parent?.type === AST_NODE_TYPES.TSAsExpression ||
    current.parent?.type === AST_NODE_TYPES.TSNonNullExpression
  )
    current = current.parent;
  return current;
}
