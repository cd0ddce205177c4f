// Provenance for one file, shared by every faultline rule that lints it: which module or
// instance an expression comes from (through imports, `require`, destructuring, local consts and
// class fields), which calls are remote, and what their options say. Callees are resolved
// through scope analysis, never by bare name.
//
// One rule per file collects the facts during ESLint's own traversal (no second walk of the AST);
// everything else is computed lazily at `Program:exit` and memoised. The model is the one object
// rules hold; its parts live in file-model/: values.ts and declared-types.ts (what an expression
// denotes, injected clients), calls.ts (which calls are known and remote), options.ts (option
// summaries), signals.ts (signals and timers).
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import {
  type FaultlineSettings,
  type InstanceKind,
  type Locator,
  type Summary,
  canonicalModule,
  getSettings,
  isKnownModule,
} from '@faultline/catalog';
import { type CallLike, type Node, memberName, propertyKey, staticString, thisClassBody } from './ast.js';
import { CallClassifier } from './file-model/calls.js';
import { DeclaredTypes } from './file-model/declared-types.js';
import { OptionsReader } from './file-model/options.js';
import { SignalReader } from './file-model/signals.js';
import type { Classified, FunctionLike, Value } from './file-model/types.js';
import { ValueResolver } from './file-model/values.js';
import { fileReleased } from './file-release.js';
import {
  type HeldInstance,
  type ProjectFunction,
  projectFunctions,
  projectHeldInstances,
  projectRemoteCalls,
  projectSignalTypes,
} from './project-calls.js';
import {
  type ExportedFunction,
  type UsesElsewhere,
  projectCallsElsewhere,
  projectEventAwaited,
  projectUsesElsewhere,
} from './project-calls/uses-elsewhere.js';
import { instanceKindFromType, requireTypes } from './types.js';

export { ANY_MEMBER, type Classified, type Origin, type Value } from './file-model/types.js';

type Scope = TSESLint.Scope.Scope;
type Variable = TSESLint.Scope.Variable;

/** A cheap pre-filter for SQL that coordinates servers (advisory locks, XA, prepared transactions). */
const SQL_COORDINATION_HINT =
  /advisory|get_lock|getapplock|\bXA\s|PREPARE\s+TRANSACTION|COMMIT\s+PREPARED|ROLLBACK\s+PREPARED/i;

export class FileModel {
  readonly settings: FaultlineSettings;
  readonly sourceCode: Readonly<TSESLint.SourceCode>;
  /** Every call and `new` in the file, in source order. */
  readonly calls: CallLike[] = [];
  /** `while`, `do…while` and `for(;;)` loops (not `for…of`/`for…in`), in source order. */
  readonly loops: (TSESTree.WhileStatement | TSESTree.DoWhileStatement | TSESTree.ForStatement)[] = [];
  /** `catch` clauses, in source order. */
  readonly catches: TSESTree.CatchClause[] = [];
  /** String literals and templates that look like SQL coordination statements. */
  readonly sqlStrings: (TSESTree.Literal | TSESTree.TemplateLiteral)[] = [];
  /** `this.x = …` and `x = …` class fields, by class body. */
  readonly classFields = new Map<Node, Map<string, Node[]>>();
  /** `X.defaults.<key> = value` assignments (axios instance defaults). */
  readonly defaultsAssignments: TSESTree.AssignmentExpression[] = [];
  /** The file imports or requires a module the catalog (or the settings) knows. */
  hasKnownModule = false;

  private readonly customModules: Set<string>;
  private readonly declared: DeclaredTypes;
  private readonly resolver: ValueResolver;
  private readonly classifier: CallClassifier;
  private readonly options: OptionsReader;
  private readonly signals: SignalReader;

  constructor(sourceCode: Readonly<TSESLint.SourceCode>, settings: FaultlineSettings) {
    this.sourceCode = sourceCode;
    this.settings = settings;
    this.customModules = new Set(settings.clients.map(client => client.module));
    this.declared = new DeclaredTypes(this);
    this.resolver = new ValueResolver(this, this.declared);
    this.classifier = new CallClassifier(this);
    this.options = new OptionsReader(this);
    this.signals = new SignalReader(this);
  }

  /** True when a module specifier is one the catalog or the team's settings know. */
  isTrackedModule(specifier: string): boolean {
    const module = canonicalModule(specifier);
    return isKnownModule(module) || this.customModules.has(module) || this.extraModules.has(module);
  }

  /** Modules other rules care about (retry libraries, lock libraries, limiters), registered before traversal. */
  readonly extraModules = new Set<string>();

  // ---------------------------------------------------------------- collection (during traversal)

  /** Facts some rules need and others do not; each is collected by the first rule that asks. */
  private readonly collected = new Set<Need>();

  /** Listeners that record the facts a rule needs and no earlier rule collects already. */
  collectors(needs: readonly Need[]): TSESLint.RuleListener {
    const listeners: TSESLint.RuleListener[] = [];
    for (const need of ['core', ...needs] as Need[]) {
      if (this.collected.has(need)) continue;
      this.collected.add(need);
      listeners.push(COLLECTORS[need]);
    }
    return mergeListeners(...listeners);
  }

  /** `import … from 'x'`: the file imports a module the catalog or the settings know. */
  collectImport(source: string): void {
    // The flag is all this records: once set, later imports need no look.
    if (!this.hasKnownModule && this.isTrackedModule(source)) this.hasKnownModule = true;
  }

  collectCall(node: TSESTree.CallExpression): void {
    this.calls.push(node);
    if (node.callee.type === AST_NODE_TYPES.Identifier && node.callee.name === 'require') {
      const source = staticString(node.arguments[0]);
      if (source !== undefined && this.isTrackedModule(source)) this.hasKnownModule = true;
    }
  }

  collectImportEquals(node: TSESTree.TSImportEqualsDeclaration): void {
    const reference = node.moduleReference;
    const source =
      reference.type === AST_NODE_TYPES.TSExternalModuleReference
        ? staticString(reference.expression)
        : undefined;
    if (source !== undefined && this.isTrackedModule(source)) this.hasKnownModule = true;
  }

  collectImportExpression(node: TSESTree.ImportExpression): void {
    const source = staticString(node.source);
    if (source !== undefined && this.isTrackedModule(source)) this.hasKnownModule = true;
  }

  /** `constructor(private client = new Etcd3())`: a parameter property with a default. */
  collectParameterProperty(node: TSESTree.TSParameterProperty): void {
    const parameter = node.parameter;
    if (
      parameter.type !== AST_NODE_TYPES.AssignmentPattern ||
      parameter.left.type !== AST_NODE_TYPES.Identifier
    )
      return;
    const body = node.parent?.parent?.parent;
    if (body?.type === AST_NODE_TYPES.ClassBody) this.recordField(body, parameter.left.name, parameter.right);
  }

  collectPropertyDefinition(node: TSESTree.PropertyDefinition): void {
    const key = propertyKey(node);
    if (key !== undefined && node.value && !node.static) this.recordField(node.parent, key, node.value);
  }

  collectAssignment(node: TSESTree.AssignmentExpression): void {
    const left = node.left;
    if (left.type !== AST_NODE_TYPES.MemberExpression) return;
    if (left.object.type === AST_NODE_TYPES.ThisExpression) {
      const key = memberName(left);
      const body = thisClassBody(node);
      if (key !== undefined && body) this.recordField(body, key, node.right);
      return;
    }
    if (left.object.type === AST_NODE_TYPES.MemberExpression && memberName(left.object) === 'defaults') {
      this.defaultsAssignments.push(node);
    }
  }

  private recordField(body: Node, key: string, value: Node): void {
    let fields = this.classFields.get(body);
    if (!fields) {
      fields = new Map();
      this.classFields.set(body, fields);
    }
    const list = fields.get(key);
    if (list) list.push(value);
    else fields.set(key, [value]);
  }

  // ---------------------------------------------------------------- scope

  /** The variable an identifier refers to, or undefined for an undeclared global. */
  findVariable(node: TSESTree.Identifier): Variable | undefined {
    let scope: Scope | null = this.sourceCode.getScope(node);
    // The scope of a function's own name or parameters is the function scope; start there and go up.
    while (scope) {
      const found = scope.set.get(node.name);
      if (found) return found;
      scope = scope.upper;
    }
    return undefined;
  }

  /** True when an identifier refers to the global of that name (not shadowed by a local binding). */
  isGlobal(node: TSESTree.Identifier): boolean {
    const variable = this.findVariable(node);
    return !variable || variable.defs.length === 0;
  }

  /** The initialiser of a `const` (or never reassigned) binding declared in this file. */
  constInit(node: TSESTree.Identifier): Node | undefined {
    const variable = this.findVariable(node);
    if (!variable) return this.implicitGlobalInit(node.name);
    const def = variable?.defs[0];
    if (!variable || !def || def.type !== 'Variable') return undefined;
    const declarator = def.node as TSESTree.VariableDeclarator;
    if (declarator.id.type !== AST_NODE_TYPES.Identifier || !declarator.init) return undefined;
    if (variable.references.some(reference => reference.isWrite() && reference.writeExpr !== declarator.init))
      return undefined;
    return declarator.init;
  }

  /** `config = { … }` without a declaration (sloppy scripts): its only assignment, if there is one. */
  private implicitGlobalInit(name: string): Node | undefined {
    const through = this.sourceCode.scopeManager?.globalScope?.through ?? [];
    const writes = through.filter(reference => reference.identifier.name === name && reference.isWrite());
    if (writes.length !== 1) return undefined;
    return (writes[0]?.writeExpr as Node | null | undefined) ?? undefined;
  }

  // ---------------------------------------------------------------- values (file-model/values.ts, declared-types.ts)

  /** What an expression denotes: a module member, a global, a client instance, or unknown. */
  valueOf(input: Node): Value {
    return this.resolver.valueOf(input);
  }

  /**
   * The client instance a type annotation names, by syntax alone: an import from a client module
   * (`AxiosInstance`, `Redis`, `S3Client`, also type-only and namespace-qualified), a local type
   * alias of one, a local subclass of a client class, or a union with null/undefined.
   */
  declaredInstance(annotation: TSESTree.TypeNode | undefined, depth = 0): Value {
    return this.declared.declaredInstance(annotation, depth);
  }

  // ---------------------------------------------------------------- classification (file-model/calls.ts)

  /** The catalog role of a call or `new`, if the catalog (or the settings) knows its callee. */
  classify(node: CallLike): Classified | undefined {
    return this.classifier.classify(node);
  }

  /** Type-aware mode: `(node) => the client instance its declared type says it is`, when on. */
  typeResolver: ((node: Node) => InstanceKind | undefined) | undefined;

  /** Project facts: the function of another module of the project a call reaches (none under oxlint). */
  projectFunctionOf: (call: TSESTree.CallExpression) => ProjectFunction | undefined = () => undefined;

  /** Project facts: does this call reach another process through the project's own code (false under oxlint)? */
  isProjectRemoteCall: (call: TSESTree.CallExpression) => boolean = () => false;

  /**
   * Project facts: the library client a name holds when the file's own reader cannot tell (made in
   * another module of the project, or behind a getter), or the member `member` of a namespace it
   * names (`import * as store from './redis'`, `store.redis`), or, `called`, the client a call of
   * the function it names returns (`getPool()`), with where it is made; undefined when unknown
   * (always, under oxlint).
   */
  projectInstanceOf: (
    name: TSESTree.Identifier,
    member?: string,
    called?: boolean,
  ) => HeldInstance | undefined = () => undefined;

  /**
   * Project facts: how the other modules of the package use a function of this file (undefined
   * when that cannot be told, always under oxlint).
   */
  usesElsewhere: (what: ExportedFunction) => UsesElsewhere | undefined = () => undefined;
  /** Whether a module of the package may wait for the listeners of these events ({@link projectEventAwaited}). */
  eventAwaited: (events: readonly string[]) => boolean | undefined = () => undefined;
  /** With which arguments the other modules of the package call a function of this file ({@link projectCallsElsewhere}). */
  callsElsewhere: (what: ExportedFunction) => readonly TSESTree.CallExpression[] | 'other' | undefined = () =>
    undefined;

  /**
   * Project facts: where a value of the type named here carries an AbortSignal (its key), null when
   * the type plainly has none, undefined when that cannot be told (always, under oxlint).
   */
  signalKeyOfType: (name: string) => string | null | undefined = () => undefined;

  /** Cheap pre-check: could this call's callee resolve to anything known? */
  isCandidate(node: CallLike): boolean {
    return this.classifier.isCandidate(node);
  }

  /** True when the call performs I/O with another process (any catalog family). */
  isRemoteCall(node: CallLike): boolean {
    return this.classifier.isRemoteCall(node);
  }

  /** Every remote call in the file, in source order. */
  remoteCalls(): Classified[] {
    return this.classifier.remoteCalls();
  }

  /** Remote calls lexically inside `node` (binary search over the sorted list). */
  remoteCallsWithin(node: Node): Classified[] {
    return this.classifier.remoteCallsWithin(node);
  }

  /** The local function (declaration, or a const bound to a function) that a callee names, if any. */
  localFunction(callee: Node): FunctionLike | undefined {
    return this.classifier.localFunction(callee);
  }

  /** The function a call reaches: a local one, or one another module of the project exports. */
  calledFunction(call: TSESTree.CallExpression): FunctionLike | undefined {
    return this.localFunction(call.callee) ?? this.projectFunctionOf(call)?.fn;
  }

  /**
   * Remote calls made by evaluating `node`: calls inside it, and the remote calls of local
   * functions it calls (one level deep).
   */
  remoteCallsIn(node: Node): Classified[] {
    return this.classifier.remoteCallsIn(node);
  }

  /**
   * Remote calls a call makes: itself if it is one, else those of the local function it calls
   * (one level deep: `Promise.all([getUser(id), getOrders(id)])` where getUser fetches).
   */
  remoteCallsOf(call: CallLike): Classified[] {
    return this.classifier.remoteCallsOf(call);
  }

  // ---------------------------------------------------------------- options (file-model/options.ts)

  /** The options of a call, located as its role says, reduced to a summary. */
  optionsOf(call: CallLike, locator: Locator): Summary {
    return this.options.optionsOf(call, locator);
  }

  /** A callback argument: a function, an identifier bound to one, or named like one (`cb`, `done`, `onReply`). */
  isCallbackLike(arg: Node): boolean {
    return this.options.isCallbackLike(arg);
  }

  /** A whole options argument: an unresolvable identifier or a call result is opaque. */
  summarizeTop(input: Node | undefined, depth = 0): Summary {
    return this.options.summarizeTop(input, depth);
  }

  /**
   * True when an argument is evidently a URL rather than an options object: a string, a `URL`,
   * a parameter typed `string`/`URL`, or a name that says so (`url`, `endpoint`, `baseUrl`).
   */
  looksLikeUrl(input: Node): boolean {
    return this.options.looksLikeUrl(input);
  }

  /** A property value: literals are read, local consts followed, anything else is "present". */
  summarizeValue(input: Node, depth = 0): Summary {
    return this.options.summarizeValue(input, depth);
  }

  // ---------------------------------------------------------------- signals and timers (file-model/signals.ts)

  /** Whether a signal expression is aborted by a timer: `AbortSignal.timeout`, `any`, or a timed controller. */
  summarizeSignal(input: Node, depth = 0): Summary {
    return this.signals.summarizeSignal(input, depth);
  }

  /** The global `AbortController`, or one from a polyfill package. */
  isAbortControllerClass(node: Node): boolean {
    return this.signals.isAbortControllerClass(node);
  }

  /** For a local `new AbortController()`: does a timer call its `abort`, or does it escape? */
  controllerTimed(identifier: TSESTree.Identifier): 'yes' | 'no' | 'unknown' {
    return this.signals.controllerTimed(identifier);
  }

  /** True when the node sits in a callback given to `setTimeout`/`setInterval` (global or node:timers). */
  isInsideTimer(node: Node): boolean {
    return this.signals.isInsideTimer(node);
  }

  /** `setTimeout(…)` / `setInterval(…)`, global or imported from node:timers. */
  isTimerCall(node: TSESTree.CallExpression): boolean {
    return this.signals.isTimerCall(node);
  }

  /**
   * A job scheduler that runs the function it is given on a schedule and drops what it returns:
   * node-schedule's `scheduleJob`, node-cron's `schedule`, cron's `new CronJob(…)` (the function
   * handed as an argument; `CronJob.from({ onTick })` passes it inside an object, not read).
   */
  isSchedulerCall(node: TSESTree.CallExpression | TSESTree.NewExpression): boolean {
    const callee = this.valueOf(node.callee);
    if (callee.kind !== 'module') return false;
    const path = callee.path.filter(step => step !== 'default').join('.');
    return SCHEDULERS[callee.module]?.includes(path) ?? false;
  }
}

/** Job schedulers, by module: the members that take the function to run on each tick. */
const SCHEDULERS: Readonly<Record<string, readonly string[]>> = {
  'node-schedule': ['scheduleJob', 'Job'],
  'node-cron': ['schedule'],
  cron: ['CronJob'],
};

/**
 * The model of the file being linted. ESLint lints one file at a time per thread (rules are all
 * created, then the traversal runs), so one slot is enough, and unlike a WeakMap keyed by the AST
 * it leaves the garbage collector no weak table to process on every minor collection.
 */
let current: { key: object; model: FileModel; users: number } | undefined;

/** The model of the file ESLint is traversing, which the collectors below fill. */
function collecting(): FileModel {
  return (current as { model: FileModel }).model;
}

/**
 * The listeners that collect each fact. They are the same functions for every file (they fill
 * the model of the file being traversed): ESLint keeps every listener function it is given in a
 * table for the life of the function, and new functions for every file kept that table, and the
 * garbage collector's work on it, growing with each file.
 */
const COLLECTORS: Record<Need, TSESLint.RuleListener> = {
  core: {
    ImportDeclaration(node): void {
      collecting().collectImport(node.source.value);
    },
    CallExpression(node): void {
      collecting().collectCall(node);
    },
    NewExpression(node): void {
      collecting().calls.push(node);
    },
    TSImportEqualsDeclaration(node): void {
      collecting().collectImportEquals(node);
    },
    ImportExpression(node): void {
      collecting().collectImportExpression(node);
    },
    TSParameterProperty(node): void {
      collecting().collectParameterProperty(node);
    },
    PropertyDefinition(node): void {
      collecting().collectPropertyDefinition(node);
    },
    AssignmentExpression(node): void {
      collecting().collectAssignment(node);
    },
  },
  loops: {
    WhileStatement(node): void {
      collecting().loops.push(node);
    },
    DoWhileStatement(node): void {
      collecting().loops.push(node);
    },
    ForStatement(node): void {
      collecting().loops.push(node);
    },
    CatchClause(node): void {
      collecting().catches.push(node);
    },
  },
  sql: {
    Literal(node): void {
      if (typeof node.value === 'string' && node.value.length > 6 && SQL_COORDINATION_HINT.test(node.value))
        collecting().sqlStrings.push(node);
    },
    TemplateLiteral(node): void {
      if (node.quasis.some(quasi => SQL_COORDINATION_HINT.test(quasi.value.raw)))
        collecting().sqlStrings.push(node);
    },
  },
};

/**
 * Called by each rule when its `Program:exit` has run. When the last rule that took the model is
 * done, the model and what other modules keep beside it are dropped (`file-release.ts` says why).
 */
export function releaseFile(model: FileModel): void {
  if (current?.model !== model || --current.users > 0) return;
  current = undefined;
  fileReleased();
}

/** Optional facts: loops and catch clauses (retry rules), SQL strings (coordination). */
export type Need = 'core' | 'loops' | 'sql';

/**
 * The shared model of the file being linted, plus the listeners that fill it. Each fact is
 * collected by the first rule that needs it (all rules are created before ESLint traverses), so
 * facts are gathered once, and only when some enabled rule reads them.
 */
export function fileModel(
  context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>,
  needs: readonly Need[] = [],
): { model: FileModel; collectors: TSESLint.RuleListener } {
  const sourceCode = context.sourceCode;
  const key = sourceCode.ast;
  let model = current?.key === key ? current.model : undefined;
  if (model) current!.users++;
  else {
    model = new FileModel(sourceCode, getSettings(context.settings as Record<string, unknown>));
    let lookup: ReturnType<typeof projectFunctions> | null = null;
    model.projectFunctionOf = call => {
      if (lookup === null) lookup = projectFunctions(context);
      return lookup?.(call);
    };
    let signalTypes: ReturnType<typeof projectSignalTypes> | null = null;
    model.signalKeyOfType = name => {
      if (signalTypes === null) signalTypes = projectSignalTypes(context);
      return signalTypes?.(name);
    };
    let remote: ReturnType<typeof projectRemoteCalls> | null = null;
    model.isProjectRemoteCall = call => {
      if (remote === null) remote = projectRemoteCalls(context);
      return remote?.(call) ?? false;
    };
    let uses: ReturnType<typeof projectUsesElsewhere> | null = null;
    model.usesElsewhere = what => {
      if (uses === null) uses = projectUsesElsewhere(context);
      return uses?.(what);
    };
    let emissions: ReturnType<typeof projectEventAwaited> | null = null;
    model.eventAwaited = events => {
      if (emissions === null) emissions = projectEventAwaited(context);
      return emissions?.(events);
    };
    let callers: ReturnType<typeof projectCallsElsewhere> | null = null;
    model.callsElsewhere = what => {
      if (callers === null) callers = projectCallsElsewhere(context);
      return callers?.(what);
    };
    let held: ReturnType<typeof projectHeldInstances> | null = null;
    model.projectInstanceOf = (name, member, called) => {
      if (held === null) held = projectHeldInstances(context);
      return held?.(name, member, called);
    };
    if (model.settings.resolveInstancesByType) {
      const services = requireTypes(context, 'settings', 'resolveInstancesByType');
      model.typeResolver = node => instanceKindFromType(services, node);
    }
    current = { key, model, users: 1 };
  }
  return { model, collectors: model.collectors(needs) };
}

/** Merges rule listeners: the model's collectors run first, then the rule's own handlers. */
export function mergeListeners(...listeners: TSESLint.RuleListener[]): TSESLint.RuleListener {
  // Called for every rule on every file: no intermediate arrays or closures when nothing needs merging.
  let first: TSESLint.RuleListener | undefined;
  let present = 0;
  for (const listener of listeners) {
    for (const _selector in listener) {
      present++;
      first ??= listener;
      break;
    }
  }
  if (present <= 1) return first ?? {};
  const merged: Record<string, (node: never) => void> = {};
  for (const listener of listeners) {
    for (const selector in listener) {
      const handler = listener[selector] as ((node: never) => void) | undefined;
      if (!handler) continue;
      const before = merged[selector];
      merged[selector] = before
        ? (node: never): void => {
            before(node);
            handler(node);
          }
        : handler;
    }
  }
  return merged as TSESLint.RuleListener;
}
