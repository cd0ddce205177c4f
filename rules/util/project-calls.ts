// Project calls: whether a call into the linted file's own project talks to another process.
// Production code rarely fans out over `fetch` itself; it fans out over `getUserWorkspaces(id)`,
// a function in another module of the same project that queries the database. This module follows
// such a call to the module that defines it (a relative import, a tsconfig `paths` alias such as
// `@/lib/x`, or a workspace package such as `@acme/db`; project-modules.ts resolves the specifier,
// reads the module once and says which modules are worth reading at all), and says whether
// the function makes a remote call: directly (a client the catalog knows, or a driver it knows only
// as remote), through another function of that module, or through the functions and clients it
// imports from further modules of the project, within MAX_DEPTH steps and MAX_MODULES_PER_FILE modules.
//
// Syntax only, no type checker. Summaries are kept per file for the life of the process and
// re-read when the file's size or mtime changes (checked at most every STAT_TTL_MS).
import path from 'node:path';
import {
  type DispatcherFacts,
  type FamilyId,
  type InstanceKind,
  type Summary,
  autoPipeliningOptionsAt,
  canonicalModule,
  FAMILIES,
  instanceOfDeclaredType,
  isActiveRecordQuery,
  isAutoPipelinedCommand,
  isKnownModule,
  isLockModule,
  isRemoteOnlyClientType,
  isRemoteOnlyModule,
  lookupInstanceMember,
  lookupModuleMember,
  makesAutoPipeliningClient,
  signalCarrierKey,
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
  promiseDropped,
  propertyKey,
  staticString,
  unwrap,
  writtenName,
} from './ast.js';
import { returnsConfigurationList, syntacticResolve } from './configuration-lists.js';
import { type DeadlineCarrier, givesDeadline } from './deadline-carrier.js';
import { onFileReleased } from './file-release.js';
import {
  type InputGuard,
  boundEnsured,
  carriedBounds,
  carryGuards,
  inputGuards,
  unmetBy,
} from './input-guards.js';
import { urlText } from './loopback.js';
import { bareRequestNames, calleeSpecifier, targetSpecifier } from './project-calls/bare-names.js';
import {
  type BareRequest,
  afterFailure,
  awaitedIn,
  BARE_REQUEST_TEXT,
  bareRequest,
  BOUND_KEY,
  boundAtCall,
  boundByArguments,
  moduleLookups,
  sendsBareRequest,
  timeoutWrapped,
} from './project-calls/bare-requests.js';
import {
  bindingRoot,
  bindingType,
  chainRoot,
  declaredClient,
  isFixedValue,
  isNothing,
  localAlias,
  localValue,
  shadowed,
} from './project-calls/bindings.js';
import {
  abstractMember,
  calleeWords,
  classMemberKey,
  declaredSync,
  enclosingClass,
  fieldClass,
  fieldInit,
  fieldType,
  heritageNames,
  memberKey,
  objectMethod,
  propertyType,
  staticMethod,
  thisFieldAlong,
  UNKNOWN_VALUE,
} from './project-calls/classes.js';
import { factsOf } from './project-calls/function-facts.js';
import { MAX_DEPTH, MAX_MODULES_PER_FILE, NESTED_CALLS } from './project-calls/limits.js';
import {
  importedSignalKeys,
  isSignalMember,
  mayDeclareSignal,
  membersSignalKey,
  WRAPPING_TYPES,
} from './project-calls/signal-types.js';
import {
  type ParserLike,
  type ProjectConstruction,
  type ProjectContext,
  fixedExport,
  numberIn,
  optionsUnbounded,
  parserOf,
  projectConstructions,
  projectEmbeddedOrmModules,
  projectImplementations,
  projectRoot,
  projectSetsAxiosDefault,
  returnedValues,
  summarizeArgument,
  writtenOptions,
} from './project-facts.js';
import {
  type Import,
  type ModuleInfo,
  type Program,
  hasReadModule,
  isRemoteSpecifier,
  mentioning,
  moduleInfo,
  PRISMA_OUTPUT,
  readInfo,
  resolveProjectModule,
  starExportFiles,
  STAT_TTL_MS,
  workspaceDependencies,
} from './project-modules.js';

/**
 * Answers kept by filter, module and name, each with when it was found. Nested rather than keyed
 * by one joined string: the lookups are made for every name a call asks about, and a joined key
 * (a filter's pattern can be long) is built and hashed anew each time.
 */
class AnswerTable<T> {
  private readonly byFilter = new Map<string, Map<string, Map<string, { checkedAt: number; found: T }>>>();

  get(filter: string, file: string, name: string): { checkedAt: number; found: T } | undefined {
    return this.byFilter.get(filter)?.get(file)?.get(name);
  }

  set(filter: string, file: string, name: string, answer: { checkedAt: number; found: T }): void {
    let byFile = this.byFilter.get(filter);
    if (!byFile) this.byFilter.set(filter, (byFile = new Map()));
    let byName = byFile.get(file);
    if (!byName) byFile.set(file, (byName = new Map()));
    byName.set(name, answer);
  }
}

/** What a module's `export *` list gives for a name (per filter, module and name), and when that was found. */
const starAnswers = new AnswerTable<{ info: ModuleInfo; node: Node } | undefined>();

/** The same for the types an `export *` list gives (`exportedType`), without and with a reading filter of its own. */
const starTypeAnswers = [
  new AnswerTable<{ info: ModuleInfo; node: Node } | { external: Import } | undefined>(),
  new AnswerTable<{ info: ModuleInfo; node: Node } | { external: Import } | undefined>(),
] as const;

/** {@link projectConstructions} of the package whose folder is `root`, asked with the linted file's engine. */
function packageConstructions(
  context: ProjectContext,
  root: string,
): Map<InstanceKind, ProjectConstruction[]> {
  // Not a spread: a rule context's fields are accessors, not own properties.
  return projectConstructions({
    filename: path.join(root, 'package.json'),
    cwd: context.cwd,
    languageOptions: context.languageOptions,
  });
}

/** Per linted project: the merged index, and the per-package indexes it was made from. */
const processIndexes = new Map<
  string,
  {
    own: Map<InstanceKind, ProjectConstruction[]>;
    parts: readonly Map<InstanceKind, ProjectConstruction[]>[];
    merged: Map<InstanceKind, ProjectConstruction[]>;
    checkedAt: number;
  }
>();
/** How long the clients of the packages a project depends on are trusted before they are asked again. */
const DEPENDENCIES_TTL_MS = 30_000;

/**
 * The construction-level clients the linted file's process makes: those of its project (the
 * folder of the nearest package.json) and of the monorepo's workspace packages it depends on at
 * run time (an app whose storage client is made in `@acme/filesystem`; not its devDependencies). By instance kind, as
 * {@link projectConstructions} gives them.
 */
export function processConstructions(context: ProjectContext): Map<InstanceKind, ProjectConstruction[]> {
  const own = projectConstructions(context);
  const root = parserOf(context) ? projectRoot(context.filename, context.cwd) : undefined;
  if (!root) return judgePending(context, own);
  // The packages depended on are asked again only every DEPENDENCIES_TTL_MS: each answer may start
  // a slice of its package's refresh, which every lint call would otherwise pay once per package.
  const now = Date.now();
  const cached = processIndexes.get(root);
  if (cached && cached.own === own && now - cached.checkedAt < DEPENDENCIES_TTL_MS)
    return judgePending(context, cached.merged);
  const parts = [
    own,
    ...workspaceDependencies(root, context.cwd, true).map(dir => packageConstructions(context, dir)),
  ];
  let merged = own;
  if (parts.length > 1) {
    const same =
      cached && cached.parts.length === parts.length && cached.parts.every((part, i) => part === parts[i]);
    if (same) merged = cached.merged;
    else {
      merged = new Map();
      for (const part of parts)
        for (const [kind, made] of part) merged.set(kind, [...(merged.get(kind) ?? []), ...made]);
    }
  }
  processIndexes.set(root, { own, parts, merged, checkedAt: now });
  return judgePending(context, merged);
}

/** Per index of a process's clients: the same index with options written in other modules judged, and when. */
const judgedIndexes = new WeakMap<
  Map<InstanceKind, ProjectConstruction[]>,
  { judged: Map<InstanceKind, ProjectConstruction[]>; answers: readonly boolean[]; checkedAt: number }
>();

/**
 * The index with every construction whose options another module writes ({@link
 * ProjectConstruction.pending}) judged by reading that module. Asked again every STAT_TTL_MS, since
 * that module may change without the index changing; the same object while the answers do not.
 */
function judgePending(
  context: ProjectContext,
  index: Map<InstanceKind, ProjectConstruction[]>,
): Map<InstanceKind, ProjectConstruction[]> {
  const pending = [...index.values()].flat().filter(construction => construction.pending);
  const parser = parserOf(context);
  if (pending.length === 0 || !parser) return index;
  const now = Date.now();
  const cached = judgedIndexes.get(index);
  if (cached && now - cached.checkedAt < STAT_TTL_MS) return cached.judged;
  const session = new Session(parser, context);
  const written = pending.map(construction => session.pendingOptions(construction));
  const answers = written.map(options => options !== undefined);
  if (cached && answers.every((answer, i) => answer === cached.answers[i])) {
    cached.checkedAt = now;
    return cached.judged;
  }
  const judged = new Map<InstanceKind, ProjectConstruction[]>();
  for (const [kind, list] of index)
    judged.set(
      kind,
      list.map(construction => {
        const found = construction.pending ? written[pending.indexOf(construction)] : undefined;
        return construction.pending
          ? {
              ...construction,
              unbounded: found !== undefined,
              ...(found ? { written: found.options, writtenAt: { file: found.file, line: found.line } } : {}),
            }
          : construction;
      }),
    );
  judgedIndexes.set(index, { judged, answers, checkedAt: now });
  return judged;
}

// ------------------------------------------------------------------ judgement

/** One question about the project, with its budget and its cycle guard. */
class Session {
  /** The modules this question has read for the first time ({@link MAX_MODULES_PER_FILE}). */
  private readonly visited = new Set<string>();
  /** Set when a search for client calls met a function it was already inside (a cycle). */
  private cycled = false;
  private readonly active = new Set<string>();
  private readonly negatives = new Set<string>();
  private readonly locks = new Map<string, boolean>();

  constructor(
    private readonly parser: ParserLike,
    private readonly context: ProjectContext,
  ) {}

  private embeddedOrms: ReadonlySet<string> | undefined;

  /**
   * An ORM module whose every data source in the linted file's project runs on an embedded engine
   * (SQLite): its repositories and models are reads of a local file ({@link projectEmbeddedOrmModules}).
   */
  private embedded(specifier: string): boolean {
    this.embeddedOrms ??= projectEmbeddedOrmModules(this.context);
    return this.embeddedOrms.size > 0 && this.embeddedOrms.has(canonicalModule(specifier));
  }

  /** Modules are followed only when this says their text may matter (none: all are). */
  worthReading: ((file: string) => boolean) | undefined;
  /**
   * Set when an answer was cut short by a bound (the depth of a chain, the modules one file may
   * read): a miss found then may not be the answer, so it is not kept for other files.
   */
  private limited = false;
  /** What `worthReading` lets through, as a key for answers that depend on it. */
  readingKey = '';

  module(file: string): ModuleInfo | undefined {
    // Also for a module another question already read, so that the answer never depends on that.
    if (this.worthReading && !this.worthReading(file)) return undefined;
    if (!hasReadModule(file) && !this.visited.has(file)) {
      if (this.visited.size >= MAX_MODULES_PER_FILE) {
        this.limited = true;
        return undefined;
      }
      this.visited.add(file);
    }
    return moduleInfo(file, this.parser, this.context);
  }

  /** What `name` exported by `info` is: a declaration node in some module. */
  exported(info: ModuleInfo, name: string, depth: number): { info: ModuleInfo; node: Node } | undefined {
    if (depth > MAX_DEPTH) {
      this.limited = true;
      return undefined;
    }
    const entry = info.exports.get(name);
    if (entry && 'local' in entry) {
      const node = info.locals.get(entry.local);
      if (node) return { info, node };
      const imported = info.imports.get(entry.local);
      return imported ? this.imported(info, imported, depth + 1) : undefined;
    }
    if (entry && 'value' in entry) return { info, node: entry.value };
    if (entry && 'from' in entry) {
      const file = resolveProjectModule(info.file, entry.from, this.context.cwd);
      const next = file ? this.module(file) : undefined;
      return next && entry.imported !== '*' ? this.exported(next, entry.imported, depth + 1) : undefined;
    }
    if (info.starExports.length === 0) return undefined;
    // A barrel's `export *` list is walked once per name while fresh, not once per call through it.
    const now = Date.now();
    const answered = starAnswers.get(this.readingKey, info.file, name);
    if (answered && now - answered.checkedAt < STAT_TTL_MS) return answered.found;
    let found: { info: ModuleInfo; node: Node } | undefined;
    const outer = this.limited;
    this.limited = false;
    for (const file of starExportFiles(info, this.context.cwd)) {
      const next = file ? this.module(file) : undefined;
      found = next ? this.exported(next, name, depth + 1) : undefined;
      if (found) break;
    }
    // A miss cut short by a bound is not kept.
    if (found || !this.limited) starAnswers.set(this.readingKey, info.file, name, { checkedAt: now, found });
    this.limited ||= outer;
    return found;
  }

  /**
   * The options a construction takes from another module of the project ({@link
   * PendingOptions}: a config an imported function returns, an imported const), when they leave
   * the client without a deadline: every object literal they can be is judged by the catalog, and
   * the first is given. Undefined when one of them bounds it, or cannot be seen.
   */
  pendingOptions(
    construction: ProjectConstruction,
  ): { options: Summary; file: string; line: number } | undefined {
    const pending = construction.pending;
    if (!pending) return undefined;
    const info = this.module(construction.file);
    const entry = info?.imports.get(pending.local);
    if (!info || !entry || isRemoteSpecifier(entry.specifier)) return undefined;
    const held = this.imported(info, entry, 0);
    if (!held) return undefined;
    const values: Node[] = [];
    const fn = unwrap(held.node);
    const fixed = pending.called ? undefined : fixedExport(held.node);
    if (!pending.called && !fixed) return undefined;
    for (const value of pending.called ? (isFunction(fn) ? returnedValues(fn) : []) : [fixed as Node]) {
      const each = writtenOptions(value, () => false);
      if (!Array.isArray(each)) return undefined;
      values.push(...each);
    }
    const summaries = values.map(object => summarizeArgument(object));
    const unbounded =
      summaries.length > 0 &&
      summaries.every(options =>
        optionsUnbounded(
          pending.family,
          construction.module,
          construction.file,
          options,
          pending.first ? options : pending.connectionString,
        ),
      );
    const [first] = values;
    return unbounded && first
      ? { options: summaries[0] as Summary, file: held.info.file, line: first.loc.start.line }
      : undefined;
  }

  private imported(
    info: ModuleInfo,
    entry: Import,
    depth: number,
  ): { info: ModuleInfo; node: Node } | undefined {
    if (entry.imported === '*') return undefined;
    const file = resolveProjectModule(info.file, entry.specifier, this.context.cwd);
    const next = file ? this.module(file) : undefined;
    return next ? this.exported(next, entry.imported, depth) : undefined;
  }

  /**
   * The function a declaration stands for: itself, or the function a wrapper call is given
   * (`cache(async () => …)`). A limiter's or retry library's wrapper (`limiter.wrap(fn)`) changes
   * how the function runs; it is not followed.
   */
  private functionOf(node: Node, info?: ModuleInfo): Node | undefined {
    const inner = unwrap(node);
    if (isFunction(inner)) return inner;
    if (inner.type === AST_NODE_TYPES.CallExpression) {
      if (info && this.libraryCall(info, inner)) return undefined;
      for (const argument of inner.arguments) {
        const fn = unwrap(argument as Node);
        if (isFunction(fn)) return fn;
      }
    }
    return undefined;
  }

  /** A call into a library the catalog knows that is not a client (limiters, retry, locks, timers). */
  private libraryCall(info: ModuleInfo, call: TSESTree.CallExpression): boolean {
    const root = chainRoot(call.callee);
    if (root?.type !== AST_NODE_TYPES.Identifier) return false;
    const fromLibrary = (specifier: string): boolean =>
      isKnownModule(canonicalModule(specifier)) && !isRemoteSpecifier(specifier);
    const imported = info.imports.get(root.name);
    if (imported) return fromLibrary(imported.specifier);
    const local = info.locals.get(root.name);
    const made = local ? unwrap(local) : undefined;
    if (made?.type === AST_NODE_TYPES.NewExpression || made?.type === AST_NODE_TYPES.CallExpression) {
      const maker = chainRoot(made.callee);
      const source = maker?.type === AST_NODE_TYPES.Identifier ? info.imports.get(maker.name) : undefined;
      return source !== undefined && fromLibrary(source.specifier);
    }
    return false;
  }

  /** True when calling the function declared by `node` in `info` makes a remote call. */
  remoteFunction(info: ModuleInfo, node: Node, depth: number): boolean {
    const fn = this.functionOf(node, info);
    if (!fn || !isFunction(fn)) return false;
    const memo = info.remoteFunctions.get(fn);
    if (memo !== undefined) return memo;
    const key = `${info.file}:${fn.range[0]}`;
    if (this.active.has(key) || this.negatives.has(key) || depth > MAX_DEPTH) return false;
    this.active.add(key);
    let result = false;
    try {
      result =
        findNode(
          fn.body,
          inner =>
            (inner.type === AST_NODE_TYPES.CallExpression || inner.type === AST_NODE_TYPES.NewExpression) &&
            this.remoteCall(info, inner, depth),
          // `return async (req, res) => { … }`: a function it returns runs when its caller calls
          // that, not when this one is called (a route wrapper, a middleware factory).
          inner => !(isFunction(inner) && returnedFunction(inner)),
        ) !== undefined;
    } finally {
      this.active.delete(key);
    }
    // A "no" may come from the depth limit or the budget of this question: remember it for this
    // question only; a "yes" holds for every question while the module is unchanged.
    if (result) info.remoteFunctions.set(fn, true);
    else this.negatives.add(key);
    return result;
  }

  /**
   * `Member.find(…)` on a class of the project: its own static method of that name, judged by its
   * body, or, where neither it nor a base of the project declares one, an active-record query of the
   * library base it extends (TypeORM's `BaseEntity`, Sequelize's and Objection's `Model`).
   */
  private staticRemote(
    info: ModuleInfo,
    cls: TSESTree.ClassDeclaration | TSESTree.ClassExpression,
    method: string,
    depth: number,
  ): boolean {
    // Only near the question: a static reached through a chain of methods (a cache's refresh
    // deep below a getter) would make every class whose method reaches that chain a client.
    if (depth > STATIC_DEPTH) return false;
    for (const member of cls.body.body)
      if (classMemberKey(member) === method)
        return (
          member.type === AST_NODE_TYPES.MethodDefinition &&
          (member as { static?: boolean }).static === true &&
          member.value.type === AST_NODE_TYPES.FunctionExpression &&
          this.givesPromise(info, member.value, depth + 1) &&
          this.remoteFunction(info, member.value, depth + 1)
        );
    const base = cls.superClass;
    if (base?.type !== AST_NODE_TYPES.Identifier) return false;
    const found = this.typeNamed(info, base.name, depth + 1);
    if (!found) return false;
    if ('external' in found)
      return isActiveRecordQuery(canonicalModule(found.external.specifier), found.external.imported, method);
    return (
      found.node.type === AST_NODE_TYPES.ClassDeclaration &&
      this.staticRemote(found.info, found.node, method, depth + 1)
    );
  }

  /**
   * A call of `fn` gives a promise to wait for: it is `async`, declares a `Promise` return type, or
   * returns a remote call (`return db.select(…)`). A synchronous static that reads a cache and
   * reaches the database only in a branch or a callback (`Table.findOne(where)`) is no remote call.
   */
  private givesPromise(info: ModuleInfo, fn: FunctionNode, depth: number): boolean {
    if (fn.async) return true;
    const type = fn.returnType?.typeAnnotation;
    if (type)
      return (
        type.type === AST_NODE_TYPES.TSTypeReference &&
        type.typeName.type === AST_NODE_TYPES.Identifier &&
        /^(?:Promise|PromiseLike)$/.test(type.typeName.name)
      );
    return returnedValues(fn).some(value => {
      const inner = unwrap(value);
      return inner.type === AST_NODE_TYPES.CallExpression && this.remoteCall(info, inner, depth + 1);
    });
  }

  /**
   * `wrapHandler(handler)`, a function of the file or imported from the project, returns a function
   * that reaches another process (`return async (url) => { await fetch(…) }`).
   */
  private returnsRemoteFunction(info: ModuleInfo, call: TSESTree.CallExpression, depth: number): boolean {
    const callee = unwrap(call.callee);
    if (callee.type !== AST_NODE_TYPES.Identifier || depth > MAX_DEPTH) return false;
    const imported = info.imports.get(callee.name);
    const target = imported
      ? isRemoteSpecifier(imported.specifier)
        ? undefined
        : this.imported(info, imported, depth + 1)
      : info.locals.has(callee.name)
        ? { info, node: info.locals.get(callee.name) as Node }
        : undefined;
    const fn = target ? this.functionOf(target.node, target.info) : undefined;
    if (!target || !fn || !isFunction(fn)) return false;
    return returnedValues(fn).some(value => {
      const inner = unwrap(value);
      return isFunction(inner) && this.remoteFunction(target.info, inner, depth + 1);
    });
  }

  /**
   * The function a call in `info` reaches in another module of the project (`getUser(id)`,
   * `users.getUser(id)` through a namespace import), with the module it lives in.
   */
  importedFunction(
    info: ModuleInfo,
    call: TSESTree.CallExpression,
  ): { info: ModuleInfo; fn: FunctionNode } | undefined {
    const chain = memberChain(unwrap(call.callee));
    if (chain?.root.type === AST_NODE_TYPES.ThisExpression && chain.path.length === 1)
      return this.inheritedMethod(info, call, chain.path[0] as string);
    // `this.client.chat(…)`: a field declared with a class of the project.
    if (chain?.root.type === AST_NODE_TYPES.ThisExpression && chain.path.length === 2) {
      const owner = enclosingClass(call);
      const type = owner ? fieldType(owner, chain.path[0] as string) : undefined;
      return type ? this.classMethod(info, type, chain.path[1] as string, 1) : undefined;
    }
    // `opts.keycloakClient.authenticateClient()` on `opts: RouterOptions`, `this.deps.mailer.send(…)`:
    // a method of a class of the project, reached through the declared types of the properties
    // (of an options interface) and fields (of a class) on the way.
    // `({ keycloakClient }: RouterOptions)`, `const kc = opts.keycloakClient`: the binding is read
    // from a value declared with a type, along a path.
    const rooted =
      chain?.root.type === AST_NODE_TYPES.Identifier &&
      chain.path.length > 0 &&
      (shadowed(call, chain.root.name) ||
        (!info.imports.has(chain.root.name) && !info.locals.has(chain.root.name))) &&
      bindingType(call, chain.root.name) === undefined
        ? bindingRoot(call, chain.root.name)
        : undefined;
    if (chain && rooted) {
      const path = [...rooted.via, ...chain.path];
      const held = this.typeAlong(info, rooted.cls, path.slice(0, -1), 1);
      return held ? this.classMethod(held.info, held.type, path[path.length - 1] as string, 1) : undefined;
    }
    if (chain && chain.path.length >= 2) {
      const path = chain.path as readonly string[];
      let start: string | undefined;
      let rest = path;
      if (chain.root.type === AST_NODE_TYPES.ThisExpression) {
        const owner = enclosingClass(call);
        if (owner) ({ type: start, rest } = thisFieldAlong(owner, path));
      } else if (
        chain.root.type === AST_NODE_TYPES.Identifier &&
        (shadowed(call, chain.root.name) ||
          (!info.imports.has(chain.root.name) && !info.locals.has(chain.root.name)))
      )
        start = this.bindingClass(info, call, chain.root.name);
      const held = start ? this.typeAlong(info, start, rest.slice(0, -1), 1) : undefined;
      if (held) return this.classMethod(held.info, held.type, rest[rest.length - 1] as string, 1);
      if (chain.root.type === AST_NODE_TYPES.Identifier && start !== undefined) return undefined;
    }
    if (!chain || chain.root.type !== AST_NODE_TYPES.Identifier || chain.path.length > 1) return undefined;
    // `$transaction(async prisma => prisma.user.findMany())`: a parameter that shadows the import.
    const imported = shadowed(call, chain.root.name) ? undefined : info.imports.get(chain.root.name);
    // `client.chat(…)` on a parameter or const declared with a class of the project.
    if (!imported && chain.path.length === 1) {
      // `aiService.parse(…)` on an object of functions the module makes (`const aiService = { … }`).
      const local = shadowed(call, chain.root.name) ? undefined : info.locals.get(chain.root.name);
      const object = local ? unwrap(local) : undefined;
      if (object?.type === AST_NODE_TYPES.ObjectExpression)
        return objectMethod(info, object, chain.path[0] as string);
      const type = this.bindingClass(info, call, chain.root.name);
      return type ? this.classMethod(info, type, chain.path[0] as string, 1) : undefined;
    }
    if (!imported || isRemoteSpecifier(imported.specifier)) return undefined;
    let target: { info: ModuleInfo; node: Node } | undefined;
    // `const mailer = require('./mailer')`: what the module assigns to `module.exports`, called
    // (`mailer(…)`) or its member (`mailer.send(…)`, also when it is an object or an instance).
    const required =
      imported.imported === '*' && imported.required ? { ...imported, imported: 'default' } : undefined;
    if (imported.imported === '*') {
      if (chain.path.length === 0 && required) target = this.imported(info, required, 1);
      else if (chain.path.length !== 1) return undefined;
      else target = this.namespaceMember(info, imported, chain.path[0] as string, 0);
      if (!target && required && chain.path.length === 1)
        return this.memberOf(this.imported(info, required, 1), chain.path[0] as string);
    } else if (chain.path.length === 0) target = this.imported(info, imported, 1);
    else return this.memberOf(this.imported(info, imported, 1), chain.path[0] as string);
    if (!target) return undefined;
    const fn = this.functionOf(target.node, target.info);
    return fn && isFunction(fn) ? { info: target.info, fn } : undefined;
  }

  /**
   * The method `name` of what another module of the project exports: a static method of a class
   * (`Common.sleep$(ms)`), a function of an object of functions (`aiService.parse(…)`), or a
   * method of an instance made from a class of the project (`export const usage = new
   * RunnerMonitor(…)`, then `usage.track(…)`).
   */
  private memberOf(
    held: { info: ModuleInfo; node: Node } | undefined,
    name: string,
  ): { info: ModuleInfo; fn: FunctionNode } | undefined {
    const made = held ? unwrap(held.node) : undefined;
    if (!held || !made) return undefined;
    if (made.type === AST_NODE_TYPES.ClassDeclaration) return staticMethod(held.info, made, name);
    if (made.type === AST_NODE_TYPES.ObjectExpression) return objectMethod(held.info, made, name);
    return made.type === AST_NODE_TYPES.NewExpression && made.callee.type === AST_NODE_TYPES.Identifier
      ? this.classMethod(held.info, made.callee.name, name, 1)
      : undefined;
  }

  /**
   * `this.fetch(…)` in a class that does not define `fetch` itself: the method it inherits from a
   * class of the project (`class KickProvider extends SocialAbstract`, the base in another module).
   */
  private inheritedMethod(
    info: ModuleInfo,
    call: TSESTree.CallExpression,
    name: string,
  ): { info: ModuleInfo; fn: FunctionNode } | undefined {
    const owner = enclosingClass(call);
    if (!owner || owner.superClass?.type !== AST_NODE_TYPES.Identifier) return undefined;
    if (owner.body.body.some(member => classMemberKey(member) === name)) return undefined;
    return this.classMethod(info, owner.superClass.name, name, 1);
  }

  /** The method `name` of the class named `className` in `info`, declared there or inherited within the project. */
  private classMethod(
    info: ModuleInfo,
    className: string,
    name: string,
    depth: number,
  ): { info: ModuleInfo; fn: FunctionNode } | undefined {
    if (depth > MAX_DEPTH) return undefined;
    let target: { info: ModuleInfo; node: Node } | undefined;
    const local = info.locals.get(className);
    if (local) target = { info, node: local };
    else {
      const imported = info.imports.get(className) ?? info.typeImports.get(className);
      if (!imported || imported.imported === '*' || isRemoteSpecifier(imported.specifier)) return undefined;
      target = this.imported(info, imported, depth + 1);
    }
    // `chains: IChainsRepository`: an interface (or an abstract method), followed to the one class
    // of the project that implements it.
    const declared = target ?? this.typeNamed(info, className, depth + 1);
    if (!declared || 'external' in declared) return undefined;
    if (
      declared.node.type === AST_NODE_TYPES.TSInterfaceDeclaration ||
      (declared.node.type === AST_NODE_TYPES.ClassDeclaration && abstractMember(declared.node, name))
    ) {
      const implementation = this.implementationOf(declared, depth + 1);
      return implementation
        ? this.classMethod(implementation.info, implementation.cls, name, depth + 1)
        : undefined;
    }
    target = declared;
    if (target.node.type !== AST_NODE_TYPES.ClassDeclaration) return undefined;
    for (const member of target.node.body.body) {
      if (classMemberKey(member) !== name) continue;
      const value =
        member.type === AST_NODE_TYPES.MethodDefinition || member.type === AST_NODE_TYPES.PropertyDefinition
          ? member.value && unwrap(member.value)
          : undefined;
      return value && isFunction(value) && !(member as { static?: boolean }).static
        ? { info: target.info, fn: value }
        : undefined;
    }
    const base = target.node.superClass;
    return base?.type === AST_NODE_TYPES.Identifier
      ? this.classMethod(target.info, base.name, name, depth + 1)
      : undefined;
  }

  /** True when a class's methods call a remote client (a wrapper around one). */
  private remoteClass(
    info: ModuleInfo,
    node: TSESTree.ClassDeclaration | TSESTree.ClassExpression,
    depth: number,
  ): boolean {
    if (info.clientValues.get(node)) return true;
    const key = `${info.file}:class:${node.range[0]}`;
    if (this.active.has(key) || this.negatives.has(key)) return false;
    this.active.add(key);
    let result = false;
    try {
      for (const member of node.body.body) {
        if (member.type !== AST_NODE_TYPES.MethodDefinition || !member.value) continue;
        if (this.remoteFunction(info, member.value, depth)) {
          result = true;
          break;
        }
      }
    } finally {
      this.active.delete(key);
    }
    if (result) info.clientValues.set(node, true);
    else this.negatives.add(key);
    return result;
  }

  /** True when a value is a remote client: made by a remote library, or an instance of a class that wraps one. */
  clientValue(info: ModuleInfo, node: Node, depth: number, path: readonly string[] = []): boolean {
    if (depth > MAX_DEPTH) return false;
    const inner = unwrap(node);
    switch (inner.type) {
      case AST_NODE_TYPES.Identifier:
        return this.clientName(info, inner.name, depth, path);
      case AST_NODE_TYPES.NewExpression:
      case AST_NODE_TYPES.CallExpression: {
        const callee = unwrap(inner.callee);
        const root = chainRoot(callee);
        if (root?.type === AST_NODE_TYPES.Identifier) {
          const imported = info.imports.get(root.name);
          if (imported && isRemoteSpecifier(imported.specifier)) return !this.embedded(imported.specifier);
          const local = info.locals.get(root.name);
          if (local && callee === root) {
            if (local.type === AST_NODE_TYPES.ClassDeclaration) {
              if (this.remoteClass(info, local, depth)) return true;
            } else {
              const fn = this.functionOf(local);
              if (fn && isFunction(fn) && this.returnsClient(info, fn, depth)) return true;
            }
          }
          if (imported && callee === root) {
            const target = this.imported(info, imported, depth + 1);
            if (target) {
              if (target.node.type === AST_NODE_TYPES.ClassDeclaration) {
                if (this.remoteClass(target.info, target.node, depth + 1)) return true;
              } else {
                const fn = this.functionOf(target.node);
                if (fn && isFunction(fn)) {
                  if (this.returnsClient(target.info, fn, depth + 1)) return true;
                } else if (this.clientValue(target.info, target.node, depth + 1)) {
                  // `export const PrismaClient = GeneratedPrismaClient`: a constructor passed on.
                  return true;
                }
              }
            }
          }
          // `createClient({ url }).on('error', log)`: chained calls on a client are the client.
          if (callee.type === AST_NODE_TYPES.MemberExpression && this.clientValue(info, callee.object, depth))
            return true;
        } else if (
          root?.type === AST_NODE_TYPES.CallExpression &&
          callee.type === AST_NODE_TYPES.MemberExpression
        ) {
          if (this.clientValue(info, callee.object, depth)) return true;
        }
        // `remember('prisma', () => new PrismaClient())`, `cache(() => createClient())`: a memoising wrapper.
        if (inner.type === AST_NODE_TYPES.CallExpression)
          for (const argument of inner.arguments) {
            const fn = unwrap(argument as Node);
            if (isFunction(fn) && this.returnsClient(info, fn, depth)) return true;
          }
        return false;
      }
      case AST_NODE_TYPES.LogicalExpression:
        return (
          this.clientValue(info, inner.left, depth, path) || this.clientValue(info, inner.right, depth, path)
        );
      case AST_NODE_TYPES.ConditionalExpression:
        return (
          this.clientValue(info, inner.consequent, depth, path) ||
          this.clientValue(info, inner.alternate, depth, path)
        );
      case AST_NODE_TYPES.AwaitExpression:
        return this.clientValue(info, inner.argument, depth, path);
      case AST_NODE_TYPES.ObjectExpression: {
        // `export default { client, enabled }`: the member the call goes through decides.
        const [head, ...rest] = path;
        if (head === undefined) return false;
        for (const property of inner.properties) {
          if (property.type !== AST_NODE_TYPES.Property) continue;
          const key =
            property.key.type === AST_NODE_TYPES.Identifier ? property.key.name : staticString(property.key);
          if (key === head) return this.clientValue(info, property.value, depth, rest);
        }
        return false;
      }
      default:
        return false;
    }
  }

  /** A function whose returned values are clients (`function getClient() { return new Client(…) }`). */
  private returnsClient(info: ModuleInfo, fn: Node, depth: number): boolean {
    if (!isFunction(fn)) return false;
    if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return this.clientValue(info, fn.body, depth + 1);
    const returned = findNode(
      fn.body,
      inner =>
        inner.type === AST_NODE_TYPES.ReturnStatement &&
        inner.argument !== null &&
        this.clientValue(info, localValue(fn, inner.argument) ?? inner.argument, depth + 1),
      inner => !isFunction(inner),
    );
    return returned !== undefined;
  }

  /** True when the top-level name `name` of `info` is (or, through `path`, holds) a remote client. */
  private clientName(info: ModuleInfo, name: string, depth: number, path: readonly string[]): boolean {
    const imported = info.imports.get(name);
    if (imported) {
      if (isRemoteSpecifier(imported.specifier)) return !this.embedded(imported.specifier);
      if (imported.imported !== '*' && path.length === 0) {
        // `import { supabase } from './supabase'` where it is `export const supabase: SupabaseClient = …`.
        const file = resolveProjectModule(info.file, imported.specifier, this.context.cwd);
        const next = file ? this.module(file) : undefined;
        const entry = next?.exports.get(imported.imported);
        if (next && entry && 'local' in entry && declaredClient(next, entry.local)) return true;
      }
      const target =
        imported.imported === '*' && path.length > 0
          ? this.namespaceMember(info, imported, path[0] as string, depth)
          : this.imported(info, imported, depth + 1);
      if (!target) return false;
      const rest = imported.imported === '*' ? path.slice(1) : path;
      if (target.node.type === AST_NODE_TYPES.ClassDeclaration || isFunction(target.node)) return false;
      return this.clientValue(target.info, target.node, depth + 1, rest);
    }
    const local = info.locals.get(name);
    if (!local || local.type === AST_NODE_TYPES.ClassDeclaration || isFunction(local)) return false;
    if (path.length === 0 && declaredClient(info, name)) return true;
    return this.clientValue(info, local, depth + 1, path);
  }

  private namespaceMember(
    info: ModuleInfo,
    entry: Import,
    name: string,
    depth: number,
  ): { info: ModuleInfo; node: Node } | undefined {
    const file = resolveProjectModule(info.file, entry.specifier, this.context.cwd);
    const next = file ? this.module(file) : undefined;
    return next ? this.exported(next, name, depth + 1) : undefined;
  }

  /**
   * True when a class of the project takes a distributed lock: it uses a lock library (Redlock,
   * etcd, Consul…) or Redis `SET … NX`, or it extends, holds or is given (a constructor parameter
   * typed with it) a class of the project that does.
   */
  lockClass(
    info: ModuleInfo,
    node: TSESTree.ClassDeclaration | TSESTree.ClassExpression,
    depth: number,
  ): boolean {
    const key = `${info.file}:lock:${node.range[0]}`;
    if (this.locks.has(key)) return this.locks.get(key) as boolean;
    if (this.active.has(key) || depth > MAX_DEPTH) return false;
    this.active.add(key);
    let result = false;
    try {
      const usesLockLibrary = (name: string): boolean => {
        const imported = info.imports.get(name);
        return imported !== undefined && isLockModule(canonicalModule(imported.specifier));
      };
      result =
        (node.superClass?.type === AST_NODE_TYPES.Identifier &&
          (usesLockLibrary(node.superClass.name) ||
            this.lockClassNamed(info, node.superClass.name, depth + 1))) ||
        findNode(node.body, inner => {
          if (inner.type === AST_NODE_TYPES.Identifier && usesLockLibrary(inner.name)) return true;
          if (inner.type === AST_NODE_TYPES.CallExpression && isSetNx(inner)) return true;
          if (inner.type === AST_NODE_TYPES.NewExpression && inner.callee.type === AST_NODE_TYPES.Identifier)
            return this.lockClassNamed(info, inner.callee.name, depth + 1);
          // `constructor(private locks: DistributedLockService)`
          if (inner.type === AST_NODE_TYPES.TSParameterProperty) {
            const parameter = inner.parameter;
            const type = parameter.typeAnnotation?.typeAnnotation;
            if (
              type?.type === AST_NODE_TYPES.TSTypeReference &&
              type.typeName.type === AST_NODE_TYPES.Identifier
            )
              return this.lockClassNamed(info, type.typeName.name, depth + 1);
          }
          return false;
        }) !== undefined;
    } finally {
      this.active.delete(key);
    }
    this.locks.set(key, result);
    return result;
  }

  /** {@link lockClass} for a class named in module `info` (declared there or imported from the project). */
  /**
   * A call along a chain that starts at a value declared with a class (a parameter `db: Database`,
   * a field `this.users`, a const `new Store()`), looked through builder calls
   * (`db.db.selectFrom('u').where(…).execute()`): it reaches a client when a field on the way is
   * declared with a client library's type, or a method on the way makes a remote call.
   */
  private typedChain(info: ModuleInfo, call: TSESTree.CallExpression, depth: number): boolean {
    const names: string[] = [];
    let current = unwrap(call.callee);
    for (;;) {
      if (current.type === AST_NODE_TYPES.MemberExpression) {
        const name = memberName(current);
        if (name === undefined) return false;
        names.unshift(name);
        current = unwrap(current.object);
      } else if (current.type === AST_NODE_TYPES.CallExpression) current = unwrap(current.callee);
      else break;
    }
    let type: string | undefined;
    if (current.type === AST_NODE_TYPES.ThisExpression) {
      const owner = enclosingClass(call);
      const field = names.shift();
      if (!owner || !field) return false;
      // `this.query(…)`: a method of the same class, or one it inherits from a class of the project.
      if (names.length === 0) {
        for (const member of owner.body.body) {
          if (classMemberKey(member) !== field) continue;
          return (
            member.type === AST_NODE_TYPES.MethodDefinition &&
            !member.static &&
            this.remoteFunction(info, member.value, depth + 1)
          );
        }
        const base = owner.superClass;
        return (
          base?.type === AST_NODE_TYPES.Identifier && this.typeReaches(info, base.name, [field], depth + 1)
        );
      }
      type = fieldType(owner, field);
    } else if (current.type === AST_NODE_TYPES.Identifier) {
      if (info.imports.has(current.name) || info.locals.has(current.name)) return false;
      type = this.bindingClass(info, call, current.name);
    }
    return type !== undefined && names.length > 0 && this.typeReaches(info, type, names, depth + 1);
  }

  /**
   * The class a name is bound to at `from` ({@link bindingType}); a const made by a static method
   * counts when the class declares that method to return the class (`static async
   * getInstance(…): Promise<Solana>`).
   */
  bindingClass(info: ModuleInfo, from: Node, name: string): string | undefined {
    const binding = bindingType(from, name);
    if (typeof binding !== 'object') return binding;
    const found = this.typeNamed(info, binding.cls, 1);
    if (!found || 'external' in found || found.node.type !== AST_NODE_TYPES.ClassDeclaration)
      return undefined;
    for (const member of found.node.body.body) {
      if (
        member.type !== AST_NODE_TYPES.MethodDefinition ||
        !member.static ||
        memberKey(member) !== binding.method
      )
        continue;
      let returned = member.value.returnType?.typeAnnotation;
      if (
        returned?.type === AST_NODE_TYPES.TSTypeReference &&
        returned.typeName.type === AST_NODE_TYPES.Identifier &&
        returned.typeName.name === 'Promise'
      )
        returned = returned.typeArguments?.params[0];
      return returned?.type === AST_NODE_TYPES.TSTypeReference &&
        returned.typeName.type === AST_NODE_TYPES.Identifier &&
        returned.typeName.name === binding.cls
        ? binding.cls
        : undefined;
    }
    return undefined;
  }

  /**
   * The client instance a call reaches through fields declared with classes of the project, when
   * the file's own reader cannot see it: `solana.connection.getAccountInfo(…)` where `solana` is a
   * `Solana` (a parameter, a const, one made by `Solana.getInstance()`) or `this.solana`, and the
   * class (or a base class of the project) declares `connection: Connection` from
   * @solana/web3.js. The chain must end with one method called on the client.
   */
  typedInstance(
    info: ModuleInfo,
    call: TSESTree.CallExpression,
    minNames = 2,
  ): { instance: InstanceKind; method: string; path?: readonly string[] } | undefined {
    const names: string[] = [];
    let current = unwrap(call.callee);
    while (current.type === AST_NODE_TYPES.MemberExpression) {
      const name = memberName(current);
      if (name === undefined) return undefined;
      names.unshift(name);
      current = unwrap(current.object);
    }
    let type: string | undefined;
    let along: readonly string[] = names;
    // How many members the rest must have: in the linted file, at least a field and the method
    // (its own reader sees `this.s3.send(…)`, one level, but not `this.input.s3.send(…)`).
    let least = minNames;
    if (current.type === AST_NODE_TYPES.ThisExpression) {
      const owner = enclosingClass(call);
      if (!owner || names.length === 0) return undefined;
      ({ type, rest: along } = thisFieldAlong(owner, names));
      if (along.length < names.length - 1) least = 1;
    } else if (current.type === AST_NODE_TYPES.Identifier) {
      if ((info.imports.has(current.name) || info.locals.has(current.name)) && !shadowed(call, current.name))
        return undefined;
      type = this.bindingClass(info, call, current.name);
      // `({ keycloakClient }: RouterOptions)`, `const kc = opts.keycloakClient`: read from the
      // type the value it comes from is declared with.
      const rooted = type === undefined ? bindingRoot(call, current.name) : undefined;
      if (rooted) {
        type = rooted.cls;
        along = [...rooted.via, ...names];
      }
    }
    if (!type || along.length < least) return undefined;
    return this.instanceAlong(info, type, along, 1);
  }

  /**
   * The first call in a function of the project (not in a function nested in it) that goes
   * through a client the predicate calls unbounded, with no bound of its own: no argument that
   * names a timeout, deadline or signal, and no timeout wrapper around it.
   */
  unboundedClientCall(
    where: ModuleInfo,
    fn: FunctionNode,
    unbounded: (instance: InstanceKind) => boolean,
    args: readonly Node[] = [],
  ): ClientCall | undefined {
    // The answer depends on which modules may be followed: kept per filter (and per level).
    const reached = this.nestedClientCalls(where, fn, 0).filter(
      call => unbounded(call.instance) && (!call.guards || !unmetBy(call.guards, args)),
    );
    // A caller is told of a call on the path always taken, not one made only after a failure
    // (`conversations.join` in the `catch` of a `chat.postMessage`).
    return reached.find(call => !call.fallback) ?? reached[0];
  }

  /**
   * The calls a function makes on construction-level clients with no bound of their own, in order,
   * directly or through the project's own functions it calls (`this.simulate(…)` whose body calls
   * `this.connection.simulateTransaction(…)`), up to {@link NESTED_CALLS} levels down.
   */
  private clientCallsIn(where: ModuleInfo, fn: FunctionNode, depth = 0): ClientCall[] {
    const found: ClientCall[] = [];
    findNode(
      fn.body,
      node => {
        if (node.type !== AST_NODE_TYPES.CallExpression) return false;
        if (timeoutWrapped(node)) return false;
        // A call whose promise the function drops (\`void this.redis.quit()\`, \`this.queue.shutdown();\`
        // as a statement, \`.catch(log)\`) holds no caller up, nor does what it reaches.
        if (promiseDropped(node)) return false;
        // A bound the function is given and passes on (`send(cmd, { abortSignal: data.abortSignal })`)
        // bounds only the callers that give one: judged against each call's arguments.
        const carried = boundByArguments(node)
          ? carriedBounds(node, fn, name => BOUND_KEY.test(name))
          : undefined;
        if (boundByArguments(node) && !carried) return false;
        const reached = this.typedInstance(where, node, 1) ?? this.heldClient(where, node);
        // Made only for some inputs (`if (options?.upload) await this.store.upload(key)`): judged
        // against what each call passes, as requests are ({@link bareRequests}).
        const guards = (): InputGuard[] | undefined => {
          const all = [
            ...(inputGuards(node, fn, branch => this.callsClient(where, branch)) ?? []),
            ...(carried ?? []),
          ];
          return all.length > 0 ? all : undefined;
        };
        // Sent only once the bound it passes on is there (`if (!opts.signal) return …` before it),
        // whatever the other way sends.
        if (carried && boundEnsured([...(inputGuards(node, fn, () => false) ?? []), ...carried]))
          return false;
        if (!reached) {
          const inner = depth < NESTED_CALLS ? this.calledFunction(where, node) : undefined;
          if (inner) {
            const nestedCalls = this.nestedClientCalls(inner.info, inner.fn, depth + 1);
            const own = nestedCalls.length > 0 ? guards() : undefined;
            const fallback = nestedCalls.length > 0 && afterFailure(node, fn);
            for (const each of throughCall(nestedCalls, own, node, fn, inner.info.file))
              found.push(fallback && !each.fallback ? { ...each, fallback: true } : each);
          }
          return false;
        }
        const role = lookupInstanceMember(reached.instance, reached.path ?? [reached.method]);
        if (role?.role !== 'call' || FAMILIES[role.family].reportAt !== 'construction') return false;
        found.push({
          line: node.loc.start.line,
          text: calleeWords(node),
          instance: reached.instance,
          family: role.family,
          guards: guards(),
          ...(carried ? { carried: true as const } : {}),
          ...(afterFailure(node, fn) ? { fallback: true as const } : {}),
        });
        return false;
      },
      node => !isFunction(node),
    );
    return found;
  }

  /** `branch` calls a construction-level client of the project (the other way of a guard also does). */
  private callsClient(where: ModuleInfo, branch: Node): boolean {
    return (
      findNode(
        branch,
        node =>
          node.type === AST_NODE_TYPES.CallExpression &&
          (this.typedInstance(where, node, 1) ?? this.heldClient(where, node)) !== undefined,
        node => !isFunction(node),
      ) !== undefined
    );
  }

  /**
   * `s3Client.send(…)` where `s3Client` is a module-level const of the project, imported or local,
   * made as a construction-level client (`export const s3Client = new S3Client({ region })`): its
   * kind, as the project's construction index recorded it where it is made.
   */
  private heldClient(
    info: ModuleInfo,
    call: TSESTree.CallExpression,
  ): { instance: InstanceKind; method: string; path?: readonly string[] } | undefined {
    const chain = memberChain(unwrap(call.callee));
    // `this.redis.get(key)` on a field given one value, made here: `private redis = new Redis(url)`,
    // or `this.redis = new Redis(url)` in the constructor.
    if (chain?.root.type === AST_NODE_TYPES.ThisExpression && chain.path.length === 2) {
      const owner = enclosingClass(call);
      const init = owner ? fieldInit(owner, chain.path[0] as string) : undefined;
      return init && init !== UNKNOWN_VALUE ? this.madeAt(info, init, chain.path[1] as string) : undefined;
    }
    if (chain?.root.type !== AST_NODE_TYPES.Identifier || chain.path.length === 0) return undefined;
    let name = chain.root.name;
    let path: readonly string[] = chain.path;
    // A const of the function that holds it: `const client = redis`, `const client = store.redis`,
    // `const { redis } = store`.
    const alias = localAlias(call, name);
    if (alias) {
      name = alias.name;
      if (alias.member !== undefined) path = [alias.member, ...path];
    }
    if (shadowed(alias?.declarator ?? call, name)) return undefined;
    let held: { info: ModuleInfo; node: Node } | undefined;
    const imported = info.imports.get(name);
    // `redis.get(key)`; through a namespace, `store.redis.get(key)`.
    const namespace = imported?.imported === '*';
    if (path.length !== (namespace ? 2 : 1)) return undefined;
    if (imported) {
      if (isRemoteSpecifier(imported.specifier)) return undefined;
      held = namespace
        ? this.namespaceMember(info, imported, path[0] as string, 0)
        : this.imported(info, imported, 1);
    } else {
      const local = info.locals.get(name);
      held = local ? { info, node: local } : undefined;
    }
    return held ? this.madeAt(held.info, held.node, path[path.length - 1] as string) : undefined;
  }

  /**
   * The client a value of `info` is, when it is a construction the project's construction index
   * recorded (a construction-level client), with the method called on it.
   */
  private madeAt(
    info: ModuleInfo,
    value: Node,
    method: string,
  ): { instance: InstanceKind; method: string } | undefined {
    // Made only when configured: `env.SPACES_ENDPOINT ? new S3({ … }) : undefined`; made when none
    // is given: `this.redis = opts.client ?? new Redis(opts.url)`.
    let made = unwrap(value);
    if (made.type === AST_NODE_TYPES.LogicalExpression && (made.operator === '??' || made.operator === '||'))
      made = unwrap(made.right);
    if (made.type === AST_NODE_TYPES.ConditionalExpression) {
      const [yes, no] = [unwrap(made.consequent), unwrap(made.alternate)];
      made =
        yes.type === AST_NODE_TYPES.NewExpression || yes.type === AST_NODE_TYPES.CallExpression ? yes : no;
    }
    if (made.type !== AST_NODE_TYPES.NewExpression && made.type !== AST_NODE_TYPES.CallExpression)
      return undefined;
    const { file } = info;
    const line = made.loc.start.line;
    for (const constructions of processConstructions(this.context).values())
      for (const construction of constructions)
        if (construction.file === file && construction.line === line)
          // A queue's connection waits by design, and is judged by the queue library's rules.
          return construction.queueConnection ? undefined : { instance: construction.instance, method };
    return undefined;
  }

  /**
   * The requests with no deadline a function of the project makes, in order, itself or through the
   * project's functions it calls (up to {@link NESTED_CALLS} levels down): a global `fetch` whose
   * init is absent or a literal with no `signal`, an axios request with no `timeout` on the
   * default instance (when the project sets no `axios.defaults.timeout`) or on an instance its
   * class makes with `axios.create` without one, and a call of a library's function bounded at the
   * call with no deadline in its written options ({@link moduleRequestKind}: node-fetch, the AI
   * SDK, got…). A request that takes anything from the caller (an init or options passed in) is the
   * caller's to bound, and is left to the wrapper facts.
   */
  bareRequests(where: ModuleInfo, fn: FunctionNode, axiosDefaults: boolean, depth = 0): BareRequest[] {
    return this.remembered(bareRequestCalls, fn, `${axiosDefaults}#${depth}`, () =>
      this.bareRequestsIn(where, fn, axiosDefaults, depth),
    );
  }

  /** {@link bareRequests}, looked for now. */
  private bareRequestsIn(
    where: ModuleInfo,
    fn: FunctionNode,
    axiosDefaults: boolean,
    depth: number,
  ): BareRequest[] {
    const found: BareRequest[] = [];
    // How a request's URL is read, for one to this machine (util/loopback.ts).
    const lookups = moduleLookups(where, (name, at) => this.heldText(where, name, at, depth + 1));
    findNode(
      fn.body,
      node => {
        if (node.type !== AST_NODE_TYPES.CallExpression) return false;
        if (boundAtCall(node)) return false;
        // A request sent and not waited for (`void fetch(…)`, `axios.post(…).catch(log)`) holds no
        // caller up.
        if (!awaitedIn(node, fn)) return false;
        let request = bareRequest(where, node, axiosDefaults, lookups);
        let inner = request || depth >= NESTED_CALLS ? undefined : this.calledFunction(where, node);
        // `httpFetch(url, { method })`: a request wrapper of the project bounded only by what its
        // caller gives it. This call is the request, and a bare one when it gives no deadline.
        // An axios wrapper's request is bounded anyway when the project sets axios' default timeout.
        const carrier = inner ? factsOf(inner.info, inner.fn).deadlineCarrier : undefined;
        const axiosCarrier = carrier?.request.startsWith('axios') === true;
        if (carrier && !(axiosCarrier && axiosDefaults)) {
          if (givesDeadline(node, carrier)) return false;
          request = axiosCarrier ? 'axios' : 'fetch';
          inner = undefined;
        }
        if (!request && !inner) return false;
        // Sent only for some inputs (`if (externalUrl) …`): judged against each call's arguments.
        const guards = inputGuards(node, fn, branch =>
          sendsBareRequest(where, fn, branch, axiosDefaults, lookups),
        );
        const fallback = afterFailure(node, fn);
        if (request) {
          found.push({
            line: node.loc.start.line,
            text: calleeWords(node),
            family: request,
            guards,
            ...(fallback ? { fallback } : {}),
          });
          return false;
        }
        if (inner)
          for (const each of throughCall(
            this.bareRequests(inner.info, inner.fn, axiosDefaults, depth + 1),
            guards,
            node,
            fn,
            inner.info.file,
          ))
            found.push(fallback && !each.fallback ? { ...each, fallback } : each);
        return false;
      },
      node => !isFunction(node),
    );
    return found;
  }

  /** {@link clientCallsIn} for a function reached from another, remembered like the outer ones. */
  private nestedClientCalls(where: ModuleInfo, fn: FunctionNode, depth: number): ClientCall[] {
    return this.remembered(clientCalls, fn, `${this.readingKey}#${depth}`, () =>
      this.clientCallsIn(where, fn, depth),
    );
  }

  /**
   * A search down the project's functions from `fn`, remembered for other files per function and
   * `key`. The key holds the level the search starts at: a function asked about at the top looks
   * NESTED_CALLS levels below it, one reached on the way fewer, and reusing either answer for the
   * other would make a file's findings depend on which files were linted before it. A recursion
   * back into a function being searched finds nothing (and ends); an answer that met one, or that
   * a bound of this question cut short (the modules it may read), depends on where the search
   * started, so it is not kept.
   */
  private remembered<T>(
    memo: WeakMap<FunctionNode, Map<string, T[]>>,
    fn: FunctionNode,
    key: string,
    search: () => T[],
  ): T[] {
    let byKey = memo.get(fn);
    if (!byKey) {
      byKey = new Map();
      memo.set(fn, byKey);
    }
    const known = byKey.get(key);
    if (known === IN_PROGRESS) {
      this.cycled = true;
      return [];
    }
    if (known) return known;
    const [cycled, limited] = [this.cycled, this.limited];
    this.cycled = false;
    this.limited = false;
    byKey.set(key, IN_PROGRESS);
    const found = search();
    if (this.cycled || this.limited) byKey.delete(key);
    else byKey.set(key, found);
    this.cycled ||= cycled;
    this.limited ||= limited;
    return found;
  }

  /**
   * The function of the project a call in a module of the project runs: a method of its own class
   * (`this.simulate(…)`), one it inherits, a method of a field's class, or a function of its module
   * or one it imports.
   */
  private calledFunction(
    info: ModuleInfo,
    call: TSESTree.CallExpression,
  ): { info: ModuleInfo; fn: FunctionNode } | undefined {
    const callee = unwrap(call.callee);
    if (callee.type === AST_NODE_TYPES.Identifier && !info.imports.has(callee.name)) {
      const local = info.locals.get(callee.name);
      const fn = local ? this.functionOf(local, info) : undefined;
      return fn && isFunction(fn) ? { info, fn } : undefined;
    }
    if (
      callee.type === AST_NODE_TYPES.MemberExpression &&
      unwrap(callee.object).type === AST_NODE_TYPES.ThisExpression
    ) {
      const owner = enclosingClass(call);
      const name = memberName(callee);
      // `this[key](…)`: which method runs is not written.
      if (name === undefined) return undefined;
      const member = owner?.body.body.find(
        element =>
          element.type === AST_NODE_TYPES.MethodDefinition &&
          !element.static &&
          element.kind === 'method' &&
          memberKey(element) === name,
      ) as TSESTree.MethodDefinition | undefined;
      if (member?.value.type === AST_NODE_TYPES.FunctionExpression) return { info, fn: member.value };
    }
    return this.importedFunction(info, call);
  }

  private instanceAlong(
    info: ModuleInfo,
    name: string,
    names: readonly string[],
    depth: number,
  ): { instance: InstanceKind; method: string; path?: readonly string[] } | undefined {
    if (depth > MAX_DEPTH) return undefined;
    const found = this.typeNamed(info, name, depth);
    if (!found) return undefined;
    if ('external' in found) {
      if (names.length === 0) return undefined;
      const declared = instanceOfDeclaredType(canonicalModule(found.external.specifier), [
        found.external.imported,
      ]);
      // `client.roles.find(…)`: an SDK's nested resource, judged by the whole path.
      return declared ? { instance: declared.instance, method: names[0] as string, path: names } : undefined;
    }
    const node = found.node;
    if (names.length < 2) return undefined;
    const [first, ...rest] = names as [string, ...string[]];
    // `opts.keycloakClient.client…` on `opts: RouterOptions`: the property's declared type.
    const property = propertyType(node, first);
    if (property) return this.instanceAlong(found.info, property, rest, depth + 1);
    if (node.type !== AST_NODE_TYPES.ClassDeclaration) return undefined;
    const field = fieldType(node, first);
    if (field) return this.instanceAlong(found.info, field, rest, depth + 1);
    if (node.body.body.some(member => classMemberKey(member) === first)) return undefined;
    const base = node.superClass;
    return base?.type === AST_NODE_TYPES.Identifier
      ? this.instanceAlong(found.info, base.name, names, depth + 1)
      : undefined;
  }

  /**
   * The type of `value.a.b` for a value of the type `name` (as `info` sees it), `names` being
   * `['a', 'b']`: each step the declared type of a property of an interface (or object type) or of
   * a field of a class of the project. Undefined where a step has no single named type.
   */
  private typeAlong(
    info: ModuleInfo,
    name: string,
    names: readonly string[],
    depth: number,
  ): { info: ModuleInfo; type: string } | undefined {
    if (names.length === 0) return { info, type: name };
    if (depth > MAX_DEPTH) return undefined;
    // The modules that declare the types on the way are read whatever the question's filter says
    // (an options interface names no client): only the module of the method reached is filtered.
    const filter = this.worthReading;
    this.worthReading = undefined;
    let found: ReturnType<Session['typeNamed']>;
    try {
      found = this.typeNamed(info, name, depth);
    } finally {
      this.worthReading = filter;
    }
    if (!found || 'external' in found) return undefined;
    const [first, ...rest] = names as [string, ...string[]];
    const next =
      propertyType(found.node, first) ??
      (found.node.type === AST_NODE_TYPES.ClassDeclaration ? fieldType(found.node, first) : undefined);
    return next ? this.typeAlong(found.info, next, rest, depth + 1) : undefined;
  }

  /** A value of the type `name` (as `info` sees it), read along `names`, reaches another process. */
  private typeReaches(info: ModuleInfo, name: string, names: readonly string[], depth: number): boolean {
    if (depth > MAX_DEPTH) return false;
    const found = this.typeNamed(info, name, depth);
    if (!found) return false;
    // A client library's client type (not the row and option types it also exports): whatever is
    // called on it talks to its server.
    if ('external' in found) {
      const module = canonicalModule(found.external.specifier);
      const type = found.external.imported;
      return (
        instanceOfDeclaredType(module, [type]) !== undefined ||
        (isRemoteOnlyClientType(module, type) && !this.embedded(module)) ||
        (PRISMA_OUTPUT.test(found.external.specifier) && type === 'PrismaClient')
      );
    }
    const node = found.node;
    const [first, ...rest] = names as [string, ...string[]];
    // `opts.keycloakClient.client.roles.find(…)` on `opts: RouterOptions`: a property an options
    // interface (or object type) declares with a named type is followed to that type. Anything
    // else (a method, a property of a function type) is what the interface's implementation does.
    const property = propertyType(node, first);
    if (property && rest.length > 0) return this.typeReaches(found.info, property, rest, depth + 1);
    if (
      node.type === AST_NODE_TYPES.TSInterfaceDeclaration ||
      (node.type === AST_NODE_TYPES.ClassDeclaration && abstractMember(node, first))
    ) {
      // A value declared with an interface or an abstract class (a DI token): what its one
      // implementation in the project does.
      const implementation = this.implementationOf(found, depth + 1);
      return (
        implementation !== undefined &&
        this.typeReaches(implementation.info, implementation.cls, names, depth + 1)
      );
    }
    if (node.type !== AST_NODE_TYPES.ClassDeclaration) return false;
    for (const member of node.body.body) {
      if (classMemberKey(member) !== first) continue;
      if (member.type === AST_NODE_TYPES.MethodDefinition)
        return (
          !(member as { static?: boolean }).static && this.remoteFunction(found.info, member.value, depth)
        );
      break;
    }
    const field = fieldType(node, first);
    if (field) return rest.length > 0 && this.typeReaches(found.info, field, rest, depth + 1);
    const base = node.superClass;
    return (
      base?.type === AST_NODE_TYPES.Identifier && this.typeReaches(found.info, base.name, names, depth + 1)
    );
  }

  /**
   * The one class of the project that implements an interface (or extends an abstract class): the
   * class a value declared with that type is, where the project binds it once (NestJS's
   * `{ provide: IChainsRepository, useClass: ChainsRepository }`). Candidates come from the
   * project's class heads; each is checked on its parsed module to name this very declaration.
   * None when no class or more than one does (which of them runs is not visible).
   */
  private implementationOf(
    declared: { info: ModuleInfo; node: Node },
    depth: number,
  ): { info: ModuleInfo; cls: string } | undefined {
    if (depth > MAX_DEPTH) return undefined;
    const node = declared.node;
    const name =
      node.type === AST_NODE_TYPES.TSInterfaceDeclaration ||
      (node.type === AST_NODE_TYPES.ClassDeclaration && node.abstract)
        ? node.id?.name
        : undefined;
    if (!name) return undefined;
    let found: { info: ModuleInfo; cls: string } | undefined;
    for (const candidate of projectImplementations(this.context, name)) {
      const info = this.module(candidate.file);
      const cls = info?.locals.get(candidate.cls);
      if (!info || cls?.type !== AST_NODE_TYPES.ClassDeclaration || !heritageNames(cls).includes(name))
        continue;
      const named = this.typeNamed(info, name, depth + 1);
      if (!named || 'external' in named || named.node !== node) continue;
      if (found) return undefined;
      found = { info, cls: candidate.cls };
    }
    return found;
  }

  /**
   * The declaration of the type `name` as `info` sees it: an interface, type alias or class of the
   * project (declared there or imported, type-only imports included), or a library's type.
   */
  typeNamed(
    info: ModuleInfo,
    name: string,
    depth: number,
    worthReading?: (file: string) => boolean,
  ): { info: ModuleInfo; node: Node } | { external: Import } | undefined {
    if (depth > MAX_DEPTH) {
      this.limited = true;
      return undefined;
    }
    // `pg.Pool`, `Knex.Transaction`: a type exported by the module a default or namespace import names.
    const dot = name.indexOf('.');
    if (dot > 0) {
      const holder = info.typeImports.get(name.slice(0, dot));
      const member = name.slice(dot + 1);
      if (!holder || member.includes('.') || !(holder.imported === 'default' || holder.imported === '*'))
        return undefined;
      return isRemoteSpecifier(holder.specifier)
        ? { external: { specifier: holder.specifier, imported: member } }
        : undefined;
    }
    const declared = info.types.get(name) ?? info.locals.get(name);
    if (declared?.type === AST_NODE_TYPES.ClassDeclaration || info.types.has(name))
      return { info, node: declared as Node };
    const imported = info.typeImports.get(name);
    if (!imported || imported.imported === '*') return undefined;
    if (isRemoteSpecifier(imported.specifier)) return { external: imported };
    const file = resolveProjectModule(info.file, imported.specifier, this.context.cwd);
    if (!file) return { external: imported };
    const next = this.moduleWorthReading(file, worthReading);
    return next ? this.exportedType(next, imported.imported, depth + 1, worthReading) : undefined;
  }

  /** A module, unless it has not been read yet and `worthReading` says its text cannot matter. */
  private moduleWorthReading(file: string, worthReading?: (file: string) => boolean): ModuleInfo | undefined {
    if (worthReading && !hasReadModule(file) && !worthReading(file)) return undefined;
    return this.module(file);
  }

  private exportedType(
    info: ModuleInfo,
    name: string,
    depth: number,
    worthReading?: (file: string) => boolean,
  ): { info: ModuleInfo; node: Node } | { external: Import } | undefined {
    if (depth > MAX_DEPTH) {
      this.limited = true;
      return undefined;
    }
    const entry = info.exports.get(name);
    if (entry && 'local' in entry) return this.typeNamed(info, entry.local, depth + 1, worthReading);
    if (entry && 'from' in entry) {
      if (entry.imported === '*') return undefined;
      const file = resolveProjectModule(info.file, entry.from, this.context.cwd);
      const next = file ? this.moduleWorthReading(file, worthReading) : undefined;
      return next ? this.exportedType(next, entry.imported, depth + 1, worthReading) : undefined;
    }
    if (entry || info.starExports.length === 0) return undefined;
    // As in `exported`: a barrel's `export *` list is walked once per type name while fresh.
    const answers = starTypeAnswers[worthReading ? 1 : 0];
    const now = Date.now();
    const answered = answers.get(this.readingKey, info.file, name);
    if (answered && now - answered.checkedAt < STAT_TTL_MS) return answered.found;
    let found: { info: ModuleInfo; node: Node } | { external: Import } | undefined;
    const outer = this.limited;
    this.limited = false;
    for (const file of starExportFiles(info, this.context.cwd)) {
      const next = file ? this.moduleWorthReading(file, worthReading) : undefined;
      found = next ? this.exportedType(next, name, depth + 1, worthReading) : undefined;
      if (found) break;
    }
    // A miss cut short by a bound is not kept.
    if (found || !this.limited) answers.set(this.readingKey, info.file, name, { checkedAt: now, found });
    this.limited ||= outer;
    return found;
  }

  /**
   * Where a value of the type `name` carries an AbortSignal: the key (`abortSignal` of a queue's
   * job type, `signal` of LangChain's call options), null when the type plainly has none (every
   * part of it read), undefined when that cannot be told (a library's type, a mapped type).
   */
  signalKey(info: ModuleInfo, name: string, depth: number): string | null | undefined {
    if (depth > MAX_DEPTH) return undefined;
    const memo = name;
    if (info.signalKeys.has(memo)) return info.signalKeys.get(memo);
    // A type imported from another module of the project: one answer per module and name for the
    // whole process while it is fresh (barrels of DTOs are asked about by every file).
    // Keyed by the importing folder and the specifier, so that a repeated question resolves nothing.
    const imported = info.types.has(name) || info.locals.has(name) ? undefined : info.typeImports.get(name);
    const shared =
      imported && imported.imported !== '*'
        ? `${path.dirname(info.file)}\0${imported.specifier}#${imported.imported}`
        : undefined;
    const now = Date.now();
    const fresh = shared ? importedSignalKeys.get(shared) : undefined;
    if (fresh && now - fresh.checkedAt < STAT_TTL_MS) {
      info.signalKeys.set(memo, fresh.key);
      return fresh.key;
    }
    const guard = `${info.file}:type:${name}`;
    if (this.active.has(guard)) return undefined;
    this.active.add(guard);
    let result: string | null | undefined;
    try {
      // Only a module whose text could declare a signal member (or a carrier type) is parsed for it.
      const found = this.typeNamed(info, name, depth, mayDeclareSignal);
      if (!found) result = undefined;
      else if ('external' in found)
        result = signalCarrierKey(found.external.specifier, found.external.imported) ?? undefined;
      else result = this.declarationSignalKey(found.info, found.node, depth + 1);
    } finally {
      this.active.delete(guard);
    }
    info.signalKeys.set(memo, result);
    if (shared) importedSignalKeys.set(shared, { checkedAt: now, key: result });
    return result;
  }

  private declarationSignalKey(info: ModuleInfo, node: Node, depth: number): string | null | undefined {
    if (node.type === AST_NODE_TYPES.TSTypeAliasDeclaration)
      return this.typeNodeSignalKey(info, node.typeAnnotation, depth);
    if (node.type === AST_NODE_TYPES.TSInterfaceDeclaration) {
      const own = membersSignalKey(node.body.body);
      if (own) return own;
      let unknown = own === undefined;
      for (const heritage of node.extends) {
        const base = heritage.expression;
        const key =
          base.type === AST_NODE_TYPES.Identifier ? this.signalKey(info, base.name, depth) : undefined;
        if (key) return key;
        if (key === undefined) unknown = true;
      }
      return unknown ? undefined : null;
    }
    if (node.type === AST_NODE_TYPES.ClassDeclaration) {
      for (const member of node.body.body) {
        if (
          member.type === AST_NODE_TYPES.PropertyDefinition &&
          member.key.type === AST_NODE_TYPES.Identifier &&
          isSignalMember(member.key.name, member.typeAnnotation?.typeAnnotation)
        )
          return member.key.name;
        if (member.type === AST_NODE_TYPES.MethodDefinition && member.kind === 'constructor')
          for (const parameter of member.value.params) {
            const inner =
              parameter.type === AST_NODE_TYPES.TSParameterProperty ? parameter.parameter : undefined;
            if (
              inner?.type === AST_NODE_TYPES.Identifier &&
              isSignalMember(inner.name, inner.typeAnnotation?.typeAnnotation)
            )
              return inner.name;
          }
      }
      const base = node.superClass;
      if (!base) return null;
      return base.type === AST_NODE_TYPES.Identifier ? this.signalKey(info, base.name, depth) : undefined;
    }
    return undefined;
  }

  private typeNodeSignalKey(
    info: ModuleInfo,
    type: TSESTree.TypeNode,
    depth: number,
  ): string | null | undefined {
    if (depth > MAX_DEPTH) return undefined;
    switch (type.type) {
      case AST_NODE_TYPES.TSTypeLiteral:
        return membersSignalKey(type.members);
      case AST_NODE_TYPES.TSUnionType:
      case AST_NODE_TYPES.TSIntersectionType: {
        let unknown = false;
        for (const part of type.types) {
          const key = this.typeNodeSignalKey(info, part, depth + 1);
          if (key) return key;
          if (key === undefined) unknown = true;
        }
        return unknown ? undefined : null;
      }
      case AST_NODE_TYPES.TSArrayType:
        // A list of things is not the options of one call.
        return null;
      case AST_NODE_TYPES.TSStringKeyword:
      case AST_NODE_TYPES.TSNumberKeyword:
      case AST_NODE_TYPES.TSBooleanKeyword:
      case AST_NODE_TYPES.TSBigIntKeyword:
      case AST_NODE_TYPES.TSNullKeyword:
      case AST_NODE_TYPES.TSUndefinedKeyword:
      case AST_NODE_TYPES.TSLiteralType:
        return null;
      case AST_NODE_TYPES.TSTypeReference: {
        if (type.typeName.type !== AST_NODE_TYPES.Identifier) return undefined;
        const name = type.typeName.name;
        // `Partial<Options>`, `Readonly<Options>`: the members of the type inside.
        const inner = type.typeArguments?.params[0];
        if (WRAPPING_TYPES.has(name))
          return inner ? this.typeNodeSignalKey(info, inner, depth + 1) : undefined;
        return this.signalKey(info, name, depth + 1);
      }
      default:
        return undefined;
    }
  }

  /**
   * The method `method` of the class named `name` (or one it inherits) takes a lock: its body
   * names a lock library or sets a key NX, or calls a lock method of the same class or of a field
   * declared with a lock class. A class that holds a lock-capable service is not a lock class in
   * every method: a pool's `acquire()` that pops an idle item is no lock.
   */
  lockMethodNamed(info: ModuleInfo, name: string, method: string, depth: number): boolean {
    const found = this.namedClass(info, name, depth);
    return found ? this.lockMethod(found.info, found.node, method, found.depth) : false;
  }

  /** The class declaration `name` denotes in `info`: declared there, or imported from the project. */
  private namedClass(
    info: ModuleInfo,
    name: string,
    depth: number,
  ): { info: ModuleInfo; node: TSESTree.ClassDeclaration; depth: number } | undefined {
    const local = info.locals.get(name);
    if (local?.type === AST_NODE_TYPES.ClassDeclaration) return { info, node: local, depth };
    const imported = info.imports.get(name);
    if (!imported || imported.imported === '*') return undefined;
    const target = this.imported(info, imported, depth + 1);
    return target?.node.type === AST_NODE_TYPES.ClassDeclaration
      ? { info: target.info, node: target.node, depth: depth + 1 }
      : undefined;
  }

  private lockMethod(
    info: ModuleInfo,
    node: TSESTree.ClassDeclaration | TSESTree.ClassExpression,
    method: string,
    depth: number,
  ): boolean {
    const key = `${info.file}:lock:${node.range[0]}:${method}`;
    if (this.locks.has(key)) return this.locks.get(key) as boolean;
    if (this.active.has(key) || depth > MAX_DEPTH) return false;
    const own = node.body.body.find(
      (member): member is TSESTree.MethodDefinition =>
        member.type === AST_NODE_TYPES.MethodDefinition && memberKey(member) === method,
    );
    if (!own) {
      if (node.superClass?.type !== AST_NODE_TYPES.Identifier) return false;
      const imported = info.imports.get(node.superClass.name);
      // A method inherited from a lock library's class (`class Locks extends Redlock`).
      if (imported && isLockModule(canonicalModule(imported.specifier))) return true;
      return this.lockMethodNamed(info, node.superClass.name, method, depth + 1);
    }
    this.active.add(key);
    let result = false;
    try {
      result =
        findNode(own.value.body as Node, inner => {
          if (inner.type === AST_NODE_TYPES.Identifier) {
            const imported = info.imports.get(inner.name);
            return imported !== undefined && isLockModule(canonicalModule(imported.specifier));
          }
          if (inner.type !== AST_NODE_TYPES.CallExpression) return false;
          if (isSetNx(inner)) return true;
          const callee = unwrap(inner.callee);
          if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
          const called = memberName(callee);
          if (!called) return false;
          const object = unwrap(callee.object);
          // `this.tryLock(key)`: another method of the same class.
          if (object.type === AST_NODE_TYPES.ThisExpression)
            return called !== method && this.lockMethod(info, node, called, depth + 1);
          // `this.redis.acquireLock(key)`: a lock method of a field's class.
          if (
            !LOCK_METHOD.test(called) ||
            object.type !== AST_NODE_TYPES.MemberExpression ||
            unwrap(object.object).type !== AST_NODE_TYPES.ThisExpression
          )
            return false;
          const field = memberName(object);
          const type = field ? (fieldType(node, field) ?? fieldClass(node, field)) : undefined;
          if (!type) return false;
          // `this.redlock.using(…)` on a field made with (or declared as) a lock library's class.
          const library = info.imports.get(type);
          if (library && isLockModule(canonicalModule(library.specifier))) return true;
          return this.lockMethodNamed(info, type, called, depth + 1);
        }) !== undefined;
    } finally {
      this.active.delete(key);
    }
    this.locks.set(key, result);
    return result;
  }

  lockClassNamed(info: ModuleInfo, name: string, depth: number): boolean {
    const found = this.namedClass(info, name, depth);
    return found ? this.lockClass(found.info, found.node, found.depth) : false;
  }

  /** True when a call (or `new`) written in module `info` talks to another process. */
  remoteCall(
    info: ModuleInfo,
    call: TSESTree.CallExpression | TSESTree.NewExpression,
    depth: number,
  ): boolean {
    const callee = unwrap(call.callee);
    // The global fetch; an imported one (`import fetch from 'node-fetch'`) is judged by its module below.
    if (
      call.type === AST_NODE_TYPES.CallExpression &&
      callee.type === AST_NODE_TYPES.Identifier &&
      callee.name === 'fetch' &&
      !info.imports.has('fetch')
    )
      return !info.locals.has('fetch');
    // `wrapHandler(handler)(url)`: a call of the function a call returns.
    if (call.type === AST_NODE_TYPES.CallExpression && callee.type === AST_NODE_TYPES.CallExpression)
      return this.returnsRemoteFunction(info, callee, depth);
    const chain = memberChain(callee);
    if (!chain) return false;
    // `this.users.findOne(id)`, `this.store.db.selectFrom(…).execute()`: through fields declared with a class.
    if (chain.root.type === AST_NODE_TYPES.ThisExpression)
      return call.type === AST_NODE_TYPES.CallExpression && this.typedChain(info, call, depth);
    // `getStorageProvider().uploadFile(…)`: a method of what a call returns.
    if (chain.root.type === AST_NODE_TYPES.CallExpression && chain.path.length > 0)
      return (
        call.type === AST_NODE_TYPES.CallExpression &&
        (this.clientValue(info, chain.root, depth + 1) || this.typedChain(info, call, depth))
      );
    if (chain.root.type !== AST_NODE_TYPES.Identifier) return false;
    const rootName = chain.root.name;
    // A parameter or local of the same name (a transaction's client, a callback's argument) is not
    // the module's binding.
    if (shadowed(call, rootName))
      return call.type === AST_NODE_TYPES.CallExpression && this.typedChain(info, call, depth);
    const imported = info.imports.get(rootName);
    if (imported) {
      if (isRemoteSpecifier(imported.specifier))
        return (
          call.type === AST_NODE_TYPES.CallExpression &&
          !this.embedded(imported.specifier) &&
          !sendsNothing(imported, chain.path)
        );
      if (call.type !== AST_NODE_TYPES.CallExpression) return false;
      let target: { info: ModuleInfo; node: Node } | undefined;
      let rest = chain.path;
      if (imported.imported === '*') {
        if (chain.path.length === 0) return false;
        target = this.namespaceMember(info, imported, chain.path[0] as string, depth);
        rest = chain.path.slice(1);
      } else target = this.imported(info, imported, depth + 1);
      if (!target) return false;
      if (rest.length === 0) return this.remoteFunction(target.info, target.node, depth + 1);
      // `Member.find({ where })`: a static method of a model class of the project.
      if (target.node.type === AST_NODE_TYPES.ClassDeclaration)
        return rest.length === 1 && this.staticRemote(target.info, target.node, rest[0] as string, depth + 1);
      // `db.user.findMany()`, `redis.client.get()`: a call through an exported client.
      if (isFunction(target.node)) return false;
      // `memPool.getSize()` on `export default new Mempool()`: that method, not the whole class.
      const methods =
        rest.length === 1
          ? this.instanceMethods(target.info, target.node, rest[0] as string, depth)
          : undefined;
      if (methods === 'sync') return false;
      if (methods) return methods.some(method => this.remoteFunction(method.info, method.fn, depth + 1));
      return this.clientValue(target.info, target.node, depth + 1, rest.slice(0, -1));
    }
    if (call.type !== AST_NODE_TYPES.CallExpression) return false;
    const local = info.locals.get(rootName);
    if (!local) return this.typedChain(info, call, depth);
    if (chain.path.length === 0) return this.remoteFunction(info, local, depth);
    if (local.type === AST_NODE_TYPES.ClassDeclaration)
      return chain.path.length === 1 && this.staticRemote(info, local, chain.path[0] as string, depth + 1);
    if (isFunction(local)) return false;
    const methods =
      chain.path.length === 1 ? this.instanceMethods(info, local, chain.path[0] as string, depth) : undefined;
    if (methods === 'sync') return false;
    if (methods) return methods.some(method => this.remoteFunction(method.info, method.fn, depth + 1));
    return this.clientValue(info, local, depth + 1, chain.path.slice(0, -1));
  }

  /**
   * The method `name` of a value made from a class of the project (`new Mempool()`), when the class
   * (or a base of the project) declares it: a call of it is judged by its body, so a getter of a
   * class that also talks to a server is not a remote call. A value made by a function of its
   * module whose every return makes such a value (`export default bitcoinApiFactory()`, returning
   * `new EsploraApi()` or `new BitcoinApi(client)` by configuration) gives an answer only when every
   * one of those classes declares the method synchronous ({@link declaredSync}): then the call is
   * no remote call (`bitcoinApi.getHealthStatus()`).
   */
  private instanceMethods(
    info: ModuleInfo,
    value: Node,
    name: string,
    depth: number,
  ): { info: ModuleInfo; fn: FunctionNode }[] | 'sync' | undefined {
    const made = unwrap(value);
    if (made.type === AST_NODE_TYPES.NewExpression && made.callee.type === AST_NODE_TYPES.Identifier) {
      const method = this.classMethod(info, made.callee.name, name, depth + 1);
      return method ? [method] : undefined;
    }
    if (made.type !== AST_NODE_TYPES.CallExpression || made.callee.type !== AST_NODE_TYPES.Identifier)
      return undefined;
    const local = info.imports.has(made.callee.name) ? undefined : info.locals.get(made.callee.name);
    const fn = local ? this.functionOf(local, info) : undefined;
    if (!fn || !isFunction(fn)) return undefined;
    const returned = returnedValues(fn);
    if (returned.length === 0) return undefined;
    for (const each of returned) {
      const instance = unwrap(each);
      if (
        instance.type !== AST_NODE_TYPES.NewExpression ||
        instance.callee.type !== AST_NODE_TYPES.Identifier
      )
        return undefined;
      const method = this.classMethod(info, instance.callee.name, name, depth + 1);
      if (!method || !declaredSync(method.fn)) return undefined;
    }
    return 'sync';
  }

  /** Per function: does it reach other processes only through batched commands (see {@link pipelinedCall})? */
  private readonly pipelinedFunctions = new Map<FunctionNode, boolean>();

  /**
   * True when a call written in `info` is a command that an auto-pipelining client batches with the
   * others issued in the same tick (`redis.get(key)` on an @upstash/redis client made in this or
   * another module: see the catalog's AUTO_PIPELINING), a method of such a command's promise
   * (`.then`), or a call to a function of the project whose every remote call is one of those.
   */
  pipelinedCall(info: ModuleInfo, call: TSESTree.CallExpression, depth: number): boolean {
    if (depth > MAX_DEPTH) return false;
    const chain = memberChain(unwrap(call.callee));
    if (!chain) return false;
    const [first] = chain.path;
    if (
      chain.root.type === AST_NODE_TYPES.CallExpression &&
      chain.path.length === 1 &&
      PROMISE_METHODS.has(first ?? '')
    )
      return this.pipelinedCall(info, chain.root, depth + 1);
    if (chain.root.type === AST_NODE_TYPES.Identifier && first !== undefined) {
      const module = this.pipeliningClient(info, chain.root.name, call, depth + 1);
      if (module !== undefined) return isAutoPipelinedCommand(module, chain.path);
    }
    const called = depth < NESTED_CALLS ? this.calledFunction(info, call) : undefined;
    return called !== undefined && this.pipelinedFunction(called.info, called.fn, depth + 1);
  }

  /** Every remote call `fn` makes (one at least) is a batched command ({@link pipelinedCall}). */
  private pipelinedFunction(info: ModuleInfo, fn: FunctionNode, depth: number): boolean {
    const known = this.pipelinedFunctions.get(fn);
    if (known !== undefined) return known;
    // A recursion back into the function finds nothing batched (and ends).
    this.pipelinedFunctions.set(fn, false);
    let batched = 0;
    const other = findNode(fn.body, inner => {
      if (inner.type !== AST_NODE_TYPES.CallExpression && inner.type !== AST_NODE_TYPES.NewExpression)
        return false;
      if (!this.remoteCall(info, inner, depth)) return false;
      if (inner.type === AST_NODE_TYPES.CallExpression && this.pipelinedCall(info, inner, depth + 1)) {
        batched++;
        return false;
      }
      return true;
    });
    const result = other === undefined && batched > 0;
    this.pipelinedFunctions.set(fn, result);
    return result;
  }

  /**
   * The module of the auto-pipelining client that the name `name` holds where `from` is written
   * ({@link heldConstruction}): `new Redis({ url, token })`, `Redis.fromEnv()` from @upstash/redis,
   * with options that leave auto-pipelining on (the catalog decides). Undefined for anything else.
   */
  private pipeliningClient(info: ModuleInfo, name: string, from: Node, depth: number): string | undefined {
    const held = this.heldConstruction(info, name, from, depth);
    const made = held?.made;
    if (!held || !made) return undefined;
    const module = canonicalModule(held.module.specifier);
    const at = autoPipeliningOptionsAt(module);
    if (at === undefined || made.arguments.some(arg => arg.type === AST_NODE_TYPES.SpreadElement))
      return undefined;
    // Options in a top-level const of the module: `const options = { url, token }; new Redis(options)`.
    let options = made.arguments[at] as Node | undefined;
    const named = options && unwrap(options);
    if (named?.type === AST_NODE_TYPES.Identifier && !shadowed(made, named.name))
      options = held.info.locals.get(named.name) ?? options;
    return makesAutoPipeliningClient(module, held.path, summarizeArgument(options)) ? module : undefined;
  }

  /**
   * The catalog instance (`stripe`, `pg-pool`…) that the name `name` holds where `from` is written,
   * when it is made by a client library's factory ({@link heldConstruction}), and where it is made.
   */
  heldInstance(
    info: ModuleInfo,
    name: string,
    from: Node,
    member?: string,
    called = false,
  ): HeldInstance | undefined {
    const held = called
      ? this.calledConstruction(info, name, from, 0, member)
      : this.heldConstruction(info, name, from, 0, member);
    if (!held) return undefined;
    const role = lookupModuleMember(canonicalModule(held.module.specifier), held.path);
    if (role?.role !== 'factory') return undefined;
    const found = { instance: role.instance, file: held.info.file, line: held.made.loc.start.line };
    // A queue's connection waits by design, and is judged by the queue library's rules.
    const queue = processConstructions(this.context)
      .get(role.instance)
      ?.some(each => each.queueConnection && each.file === found.file && each.line === found.line);
    return queue ? undefined : found;
  }

  /**
   * The undici dispatcher that the name `name` holds where `from` is written, made in another
   * module of the project ({@link heldConstruction}): the class and its options, its response
   * timeouts read as numbers that module writes (literals, arithmetic, its consts). A `RetryAgent`
   * is the agent it wraps. Undefined when it is not a construction of undici's that can be seen.
   */
  heldDispatcher(info: ModuleInfo, name: string, from: Node, called = false): DispatcherFacts | undefined {
    let held = called
      ? this.calledConstruction(info, name, from, 0)
      : this.heldConstruction(info, name, from, 0);
    for (let step = 0; held && step < 4; step++) {
      if (canonicalModule(held.module.specifier) !== 'undici' || held.path.length !== 1) return undefined;
      const made = held.path[0] as string;
      if (made === 'RetryAgent') {
        const inner = held.made.arguments[0];
        held = inner ? this.construction(held.info, inner as Node, 1) : undefined;
        continue;
      }
      const role = lookupModuleMember('undici', held.path);
      if (role?.role !== 'factory' || !('at' in role.options)) return undefined;
      return { made, options: dispatcherOptions(held.info.program, held.made.arguments[role.options.at]) };
    }
    return undefined;
  }

  /**
   * The construction of a library's client that the name `name` holds where `from` is written: a
   * top-level binding of `info`, or one imported from another module of the project, made there
   * by calling (or `new`) a member of a package. Looks through `globalThis.redis ?? new Redis(…)`
   * (a client cached across reloads is the one made here), a construction made only when configured
   * (`url ? new Redis(…) : undefined`), a const it is bound to, and a getter of the module that
   * returns it (`function getStripe() { _stripe ??= new Stripe(key); return _stripe }`).
   */
  private heldConstruction(
    info: ModuleInfo,
    name: string,
    from: Node,
    depth: number,
    member?: string,
  ): HeldConstruction | undefined {
    const held = this.heldValue(info, name, from, depth, member);
    return held && this.construction(held.info, held.node, depth + 1);
  }

  /**
   * The value the name `name` holds where `from` is written: a top-level binding of `info`, or
   * what another module of the project exports under the name it is imported by.
   */
  private heldValue(
    info: ModuleInfo,
    name: string,
    from: Node,
    depth: number,
    member?: string,
  ): { info: ModuleInfo; node: Node } | undefined {
    if (depth > MAX_DEPTH || shadowed(from, name)) return undefined;
    const imported = info.imports.get(name);
    if (!imported) {
      const local = member === undefined ? info.locals.get(name) : undefined;
      return local ? { info, node: local } : undefined;
    }
    if (isRemoteSpecifier(imported.specifier)) return undefined;
    // `import * as store from './redis'`, then `store.redis`: the member of the namespace; a module
    // required whole is what it assigns to `module.exports`.
    if (imported.imported === '*') {
      if (member !== undefined) return this.namespaceMember(info, imported, member, depth);
      return imported.required
        ? this.imported(info, { ...imported, imported: 'default' }, depth + 1)
        : undefined;
    }
    if (member !== undefined) return undefined;
    return this.imported(info, imported, depth + 1);
  }

  /**
   * The text of the string the name `name` holds where `from` is written (a const of `info`, or what
   * another module of the project exports under it), read as {@link urlText} reads a URL.
   */
  heldText(info: ModuleInfo, name: string, from: Node, depth: number): string | undefined {
    const held = this.heldValue(info, name, from, depth);
    if (!held || !isFixedValue(held.node)) return undefined;
    return urlText(
      held.node,
      moduleLookups(held.info, (id, at) => this.heldText(held.info, id, at, depth + 1)),
    );
  }

  /** {@link heldConstruction} for a value written in `info`. */
  private construction(info: ModuleInfo, node: Node, depth: number): HeldConstruction | undefined {
    if (depth > MAX_DEPTH) return undefined;
    const made = unwrap(node);
    if (made.type === AST_NODE_TYPES.LogicalExpression && (made.operator === '??' || made.operator === '||'))
      return this.construction(info, made.right, depth + 1);
    if (made.type === AST_NODE_TYPES.AssignmentExpression && made.operator === '??=')
      return this.construction(info, made.right, depth + 1);
    if (made.type === AST_NODE_TYPES.ConditionalExpression) {
      const branches = [made.consequent, made.alternate].filter(branch => !isNothing(branch));
      return branches.length === 1 ? this.construction(info, branches[0] as Node, depth + 1) : undefined;
    }
    if (made.type === AST_NODE_TYPES.Identifier)
      return this.heldConstruction(info, made.name, made, depth + 1);
    if (made.type !== AST_NODE_TYPES.NewExpression && made.type !== AST_NODE_TYPES.CallExpression)
      return undefined;
    const chain = memberChain(unwrap(made.callee));
    if (chain?.root.type !== AST_NODE_TYPES.Identifier) return undefined;
    const imported = info.imports.get(chain.root.name);
    if (imported) {
      if (!isRemoteSpecifier(imported.specifier) && !isKnownModule(canonicalModule(imported.specifier)))
        return undefined;
      const path =
        imported.imported === '*' || imported.imported === 'default'
          ? chain.path
          : [imported.imported, ...chain.path];
      return { info, made, module: imported, path };
    }
    // A getter of the module: every value it returns (bar `null`/`undefined`) is the one construction.
    const local = chain.path.length === 0 ? info.locals.get(chain.root.name) : undefined;
    const fn = local && unwrap(local);
    if (!fn || !isFunction(fn) || made.type !== AST_NODE_TYPES.CallExpression) return undefined;
    return this.returnedConstruction(info, fn, depth);
  }

  /**
   * What a call of the function `name` gives where `from` is written: a getter of this module or
   * one imported from another module of the project (`dispatcher: getSsrfSafeDispatcher()`), read
   * as {@link returnedConstruction}.
   */
  private calledConstruction(
    info: ModuleInfo,
    name: string,
    from: Node,
    depth: number,
    member?: string,
  ): HeldConstruction | undefined {
    const held = this.heldValue(info, name, from, depth, member);
    const fn = held && unwrap(held.node);
    return held && fn && isFunction(fn) ? this.returnedConstruction(held.info, fn, depth + 1) : undefined;
  }

  /** The one construction every value `fn` returns is (bar `null`/`undefined`), if there is one. */
  private returnedConstruction(
    info: ModuleInfo,
    fn: FunctionNode,
    depth: number,
  ): HeldConstruction | undefined {
    const returned: Node[] = [];
    if (fn.body.type !== AST_NODE_TYPES.BlockStatement) returned.push(fn.body);
    else
      findNode(
        fn.body,
        inner => {
          if (inner.type === AST_NODE_TYPES.ReturnStatement && inner.argument && !isNothing(inner.argument)) {
            // Through the function's own bindings: `globalThis.__pool = pool` where `const pool = new Pool(…)`.
            let value: Node = inner.argument;
            for (let step = 0; step < 3; step++) value = localValue(fn, value) ?? value;
            returned.push(value);
          }
          return false;
        },
        inner => !isFunction(inner),
      );
    const found = returned.map(value => this.construction(info, value, depth + 1));
    const [first] = found;
    return first && found.every(each => each?.made === first.made) ? first : undefined;
  }
}

/** A library client a name holds ({@link Session.heldInstance}): its catalog instance, and where it is made. */
export interface HeldInstance {
  instance: InstanceKind;
  file: string;
  line: number;
}

/** A library client's construction found by {@link Session.heldConstruction}: where, the call, and the member it calls. */
interface HeldConstruction {
  info: ModuleInfo;
  made: TSESTree.NewExpression | TSESTree.CallExpression;
  /** The import of the package the construction calls into. */
  module: Import;
  /** The member of the package called (`['Redis']` for `new Redis(…)`, `['Redis', 'fromEnv']`). */
  path: readonly string[];
}

/** Methods of a promise: called on a command's promise, they send nothing more. */
const PROMISE_METHODS = new Set(['then', 'catch', 'finally']);

/** `redis.set(key, value, 'PX', ttl, 'NX')`, `set(key, value, { NX: true })`, `setnx(key, value)`. */
function isSetNx(call: TSESTree.CallExpression): boolean {
  const callee = unwrap(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const name = memberName(callee)?.toLowerCase();
  if (name === 'setnx') return true;
  if (name !== 'set') return false;
  return call.arguments.slice(2).some(argument => {
    const inner = unwrap(argument as Node);
    if (staticString(inner)?.toUpperCase() === 'NX') return true;
    return (
      inner.type === AST_NODE_TYPES.ObjectExpression &&
      inner.properties.some(
        property =>
          property.type === AST_NODE_TYPES.Property &&
          property.key.type === AST_NODE_TYPES.Identifier &&
          property.key.name === 'NX',
      )
    );
  });
}

/** The linted file's module info, for the file being linted (one at a time per thread). */
let linted: { program: Program; info: ModuleInfo } | undefined;
onFileReleased(() => {
  linted = undefined;
});

/**
 * The linted file as a module of its project, and a session to ask about the project in. None
 * when the engine gives rules no parser (oxlint's JS plugins), for files under node_modules, or
 * without an absolute filename.
 */
function openProject(
  context: ProjectContext & { sourceCode: { ast: unknown } },
): { own: ModuleInfo; session: Session } | undefined {
  const parser = parserOf(context);
  if (!parser || !path.isAbsolute(context.filename) || /[\\/]node_modules[\\/]/.test(context.filename))
    return undefined;
  const program = context.sourceCode.ast as Program;
  let info = linted?.program === program ? linted.info : undefined;
  if (!info) {
    info = readInfo(context.filename, program);
    linted = { program, info };
  }
  return { own: info, session: new Session(parser, context) };
}

/**
 * Creates the question "which library type does this type of the project stand for?", one step
 * away: a re-export (`export type { PoolClient } from 'pg'`), an interface that extends it
 * (`interface PoolClient extends PgPoolClient`, with `PgPoolClient` imported from pg), or an alias
 * (`type Tx = pg.PoolClient`). Undefined where project facts are off.
 */
export function projectLibraryTypes(
  context: ProjectContext & { sourceCode: { ast: unknown } },
): ((specifier: string, name: string) => { module: string; path: string[] } | undefined) | undefined {
  const opened = openProject(context);
  if (!opened) return undefined;
  const { own, session } = opened;
  return (specifier, name) => {
    const file = resolveProjectModule(own.file, specifier, context.cwd);
    const info = file ? session.module(file) : undefined;
    if (!info) return undefined;
    const library = (from: string, imported: string, rest: readonly string[]) =>
      from.startsWith('.') || resolveProjectModule(info.file, from, context.cwd)
        ? undefined
        : {
            module: canonicalModule(from),
            path: imported === 'default' || imported === '*' ? [...rest] : [imported, ...rest],
          };
    const exported = info.exports.get(name);
    if (exported && 'from' in exported) return library(exported.from, exported.imported, []);
    const declared = info.types.get(exported && 'local' in exported ? exported.local : name);
    if (!declared) return undefined;
    const bases: Node[] =
      declared.type === AST_NODE_TYPES.TSInterfaceDeclaration
        ? declared.extends.map(heritage => heritage.expression as Node)
        : declared.typeAnnotation.type === AST_NODE_TYPES.TSTypeReference
          ? [declared.typeAnnotation.typeName as Node]
          : [];
    for (const base of bases) {
      const names: string[] = [];
      let head: Node = base;
      for (;;) {
        if (head.type === AST_NODE_TYPES.TSQualifiedName) {
          names.unshift(head.right.name);
          head = head.left as Node;
        } else if (head.type === AST_NODE_TYPES.MemberExpression && !head.computed) {
          names.unshift(memberName(head) ?? '');
          head = head.object as Node;
        } else break;
      }
      if (head.type !== AST_NODE_TYPES.Identifier) continue;
      const imported = info.typeImports.get(head.name);
      const found = imported && library(imported.specifier, imported.imported, names);
      if (found) return found;
    }
    return undefined;
  };
}

/** What a function of another module of the project is, seen from a call to it. */
export interface ProjectFunction {
  fn: FunctionNode;
  /** It reaches another process (directly or through more of the project). */
  remote: boolean;
  /** Its own body makes a request that takes a signal (`fetch`, axios, got, ky, undici). */
  signalCapable: boolean;
  /** Its own body waits on a timer (`new Promise(r => setTimeout(r, ms))`): a sleep helper. */
  waitsOnTimer: boolean;
  /** It races the promise it is handed against a timer: a timeout helper (`withTimeout(p, ms)`). */
  boundsHandedPromise: boolean;
  /** A request wrapper bounded only by what its caller passes (`{ timeout }` → `signal`). */
  deadlineCarrier: DeadlineCarrier | undefined;
  /**
   * Every value it returns is a list whose size configuration sets (an environment list, a short
   * literal list, built from them), read by syntax alone ({@link returnsConfigurationList}).
   */
  returnsConfigurationList(small: number): boolean;
  /** The file it is written in. */
  file: string;
}

/**
 * Creates the question "which function of another module does this call reach?", for rules that
 * judge what the call passes (require-signal-propagation). Undefined where project facts are off
 * (oxlint, node_modules, no absolute filename).
 */
export function projectFunctions(
  context: ProjectContext & { sourceCode: { ast: unknown } },
): ((call: TSESTree.CallExpression) => ProjectFunction | undefined) | undefined {
  const opened = openProject(context);
  if (!opened) return undefined;
  const { own, session } = opened;
  return call => {
    const found = session.importedFunction(own, call);
    if (!found) return undefined;
    const { info: where, fn } = found;
    const known = factsOf(where, fn);
    return {
      fn,
      get remote(): boolean {
        return known.signalCapable || session.remoteFunction(where, fn, 1);
      },
      get signalCapable(): boolean {
        return known.signalCapable;
      },
      get waitsOnTimer(): boolean {
        return known.waitsOnTimer;
      },
      get boundsHandedPromise(): boolean {
        return known.boundsHandedPromise;
      },
      get deadlineCarrier(): DeadlineCarrier | undefined {
        return known.deadlineCarrier;
      },
      returnsConfigurationList: small => returnsConfigurationList(fn, syntacticResolve(where.locals), small),
      file: where.file,
    };
  };
}

/**
 * Creates the question "does this call, written in the linted file, reach another process through
 * the project's own code?". The answer is false when the engine gives rules no parser (oxlint's JS
 * plugins), when the callee is not imported from (or declared in) the project, or when nothing
 * remote is found within MAX_DEPTH modules.
 */
export function projectRemoteCalls(
  context: ProjectContext & { sourceCode: { ast: unknown } },
): ((call: TSESTree.CallExpression | TSESTree.NewExpression) => boolean) | undefined {
  const opened = openProject(context);
  if (!opened) return undefined;
  const { own, session } = opened;
  return call => session.remoteCall(own, call, 0);
}

/**
 * Creates the question "does this call, written in the linted file, reach other processes only
 * through commands that an auto-pipelining client sends together with the others of its tick?"
 * ({@link Session.pipelinedCall}). Undefined where project facts are off (oxlint, node_modules,
 * no absolute filename).
 */
export function projectPipelinedCalls(
  context: ProjectContext & { sourceCode: { ast: unknown } },
): ((call: TSESTree.CallExpression) => boolean) | undefined {
  const opened = openProject(context);
  if (!opened) return undefined;
  const { own, session } = opened;
  return call => session.pipelinedCall(own, call, 0);
}

/**
 * Creates the question "which library client does this name (a binding of the linted file, or one
 * it imports from the project) hold?" ({@link Session.heldInstance}), for calls the file's own
 * reader cannot place. Undefined where project facts are off (oxlint, node_modules, no absolute
 * filename).
 */
export function projectHeldInstances(
  context: ProjectContext & { sourceCode: { ast: unknown } },
): ((name: TSESTree.Identifier, member?: string, called?: boolean) => HeldInstance | undefined) | undefined {
  const opened = openProject(context);
  if (!opened) return undefined;
  const { own, session } = opened;
  return (name, member, called) => session.heldInstance(own, name.name, name, member, called);
}

/**
 * Creates the question "what string does this imported name hold?" ({@link Session.heldText}): the
 * text of a const another module of the project exports, as far as it is written. Undefined where
 * project facts are off (oxlint, node_modules, no absolute filename).
 */
export function projectTexts(
  context: ProjectContext & { sourceCode: { ast: unknown } },
): ((name: TSESTree.Identifier) => string | undefined) | undefined {
  const opened = openProject(context);
  if (!opened) return undefined;
  const { own, session } = opened;
  return name => session.heldText(own, name.name, name, 0);
}

/**
 * Creates the question "which undici dispatcher, made in another module of the project, does this
 * imported name hold (or, `called`, does a call of it give)?" ({@link Session.heldDispatcher}), for
 * a fetch handed one. Undefined where
 * project facts are off (oxlint, node_modules, no absolute filename).
 */
export function projectDispatchers(
  context: ProjectContext & { sourceCode: { ast: unknown } },
): ((name: TSESTree.Identifier, called?: boolean) => DispatcherFacts | undefined) | undefined {
  const opened = openProject(context);
  if (!opened) return undefined;
  const { own, session } = opened;
  return (name, called) => session.heldDispatcher(own, name.name, name, called);
}

/** A dispatcher's options in a module of the project, its response timeouts read as the numbers it writes. */
function dispatcherOptions(program: Program, node: Node | undefined): Summary {
  const summary = summarizeArgument(node);
  const object = node && unwrap(node);
  if (summary.kind !== 'object' || object?.type !== AST_NODE_TYPES.ObjectExpression) return summary;
  for (const property of object.properties) {
    if (property.type !== AST_NODE_TYPES.Property) continue;
    const key = propertyKey(property);
    if (key !== 'headersTimeout' && key !== 'bodyTimeout') continue;
    const ms = numberIn(program, property.value as Node, 0);
    if (ms !== undefined) summary.props.set(key, { value: { kind: 'number', value: ms } });
  }
  return summary;
}

/**
 * Creates the question "which client instance does this call reach through fields declared with
 * classes of the project?" ({@link Session.typedInstance}), for calls the file's own reader cannot
 * place. Undefined where project facts are off (oxlint, node_modules, no absolute filename).
 */
export function projectTypedInstances(
  context: ProjectContext & { sourceCode: { ast: unknown } },
  unbounded: (instance: InstanceKind) => boolean,
  modules: readonly string[],
):
  | ((
      call: TSESTree.CallExpression,
    ) => { instance: InstanceKind; method: string; path?: readonly string[] } | undefined)
  | undefined {
  const opened = openFiltered(context, modules);
  if (!opened) return undefined;
  const { own, session } = opened;
  const elsewhere = cleanPackageGate(context, own, unbounded);
  return call => (elsewhere(call) ? undefined : session.typedInstance(own, call));
}

/** {@link openProject}, following only the modules that name one of `modules` (see {@link mentioning}). */
function openFiltered(
  context: ProjectContext & { sourceCode: { ast: unknown } },
  modules: readonly string[] | RegExp,
): { own: ModuleInfo; session: Session } | undefined {
  const opened = openProject(context);
  if (!opened) return undefined;
  const filter = mentioning(modules, context.cwd);
  opened.session.worthReading = filter;
  opened.session.readingKey = filter.key;
  return opened;
}

/** A call on a construction-level client with no bound of its own, inside a function of the project. */
interface ClientCall {
  /** The module of the call, when it is not the function's own (a call further down). */
  file?: string;
  line: number;
  text: string;
  instance: InstanceKind;
  family: FamilyId;
  /** The conditions on the function's inputs the call is made under ({@link BareRequest.guards}). */
  guards?: InputGuard[];
  /** Its only bound is one it is handed (`{ abortSignal: data.abortSignal }`, {@link carriedBounds}). */
  carried?: true;
  /** Made only after something before it failed ({@link BareRequest.fallback}). */
  fallback?: true;
}

/** Per function of a module (new nodes when the module is re-read): its {@link BareRequest}s. */
const bareRequestCalls = new WeakMap<FunctionNode, Map<string, BareRequest[]>>();

/** Per function of a module (new nodes when the module is re-read): its {@link ClientCall}s. */
const clientCalls = new WeakMap<FunctionNode, Map<string, ClientCall[]>>();
/** Marks a function whose calls are being looked for (a cycle guard, see Session.remembered). */
const IN_PROGRESS: never[] = [];

/**
 * Creates the question "does this call reach a function of the project that calls a client with
 * no deadline?": `solana.simulate(…)` where the project's `Solana#simulate` calls
 * `this.connection.simulateTransaction(…)` on a client the predicate calls unbounded. Undefined
 * where project facts are off.
 */
export function projectUnboundedCalls(
  context: ProjectContext & { sourceCode: { ast: unknown } },
  unbounded: (instance: InstanceKind) => boolean,
  modules: readonly string[],
): ((call: TSESTree.CallExpression) => (ClientCall & { file: string }) | undefined) | undefined {
  const opened = openFiltered(context, modules);
  if (!opened) return undefined;
  const { own, session } = opened;
  const elsewhere = cleanPackageGate(context, own, unbounded);
  return call => {
    if (elsewhere(call)) return undefined;
    const found = session.importedFunction(own, call);
    if (!found) return undefined;
    const hit = session.unboundedClientCall(found.info, found.fn, unbounded, call.arguments);
    return hit ? { ...hit, file: hit.file ?? found.info.file } : undefined;
  };
}

/**
 * Creates the question "does this call reach a function of the project that makes a request with
 * no deadline?" ({@link Session.bareRequests}): `render.createService(…)` where the project's
 * `RenderAPI#createService` calls `this.httpClient.post(…)` on an instance made with
 * `axios.create({ baseURL })`. Undefined where project facts are off.
 */
export function projectBareRequests(
  context: ProjectContext & { sourceCode: { ast: unknown } },
): ((call: TSESTree.CallExpression) => (BareRequest & { file: string }) | undefined) | undefined {
  const opened = openFiltered(context, BARE_REQUEST_TEXT);
  if (!opened) return undefined;
  const { own, session } = opened;
  const axiosDefaults = projectSetsAxiosDefault(context);
  const parser = parserOf(context);
  const root = projectRoot(context.filename, context.cwd);
  if (!parser || !root) return undefined;
  // Resolving a call is the cost: only calls named like a function of the project that sends a
  // bare request (or calls one, up to NESTED_CALLS levels) are followed.
  const names = new Set<string>();
  for (const each of [root, ...workspaceDependencies(root, context.cwd)])
    for (const name of bareRequestNames(each, parser, context, axiosDefaults)) names.add(name);
  if (names.size === 0) return undefined;
  return call => {
    const callee = unwrap(call.callee);
    const name = writtenName(callee);
    // A module's default export called by the name its importer gives it (`import sendMail from
    // './mail'`, `const fetcher = require('./fetcher')`), which the name index cannot know.
    const bound = callee.type === AST_NODE_TYPES.Identifier ? own.imports.get(callee.name) : undefined;
    const defaultCall =
      bound?.imported === 'default' || (bound?.imported === '*' && bound.required !== undefined);
    if (!name || (!names.has(name) && !defaultCall)) return undefined;
    // Only targets syntax names at once.
    const specifier = targetSpecifier(own, call);
    if (!specifier || isRemoteSpecifier(specifier)) return undefined;
    // The name filter has done the cheap part; modules not read yet are still filtered by their
    // text when they are reached (`worthReading`), and those read before are not asked again.
    if (!resolveProjectModule(own.file, specifier, context.cwd)) return undefined;
    const found = session.importedFunction(own, call);
    if (!found) return undefined;
    const reached = session
      .bareRequests(found.info, found.fn, axiosDefaults)
      .filter(request => !request.guards || !unmetBy(request.guards, call.arguments));
    const hit = reached.find(request => !request.fallback) ?? reached[0];
    return hit ? { ...hit, file: hit.file ?? found.info.file } : undefined;
  };
}

/**
 * "Does this call go into a package (another workspace package, or the linted file's own) that
 * makes no client the predicate calls unbounded?" Such a call is not followed (the common case in
 * a monorepo: its data layer, its shared types), which spares resolving it. Answers per package
 * root are kept for the file.
 */
function cleanPackageGate(
  context: ProjectContext,
  own: ModuleInfo,
  unbounded: (instance: InstanceKind) => boolean,
): (call: TSESTree.CallExpression) => boolean {
  const ownRoot = projectRoot(context.filename, context.cwd);
  const makes = new Map<string, boolean>();
  const packageMakes = (root: string): boolean => {
    let answer = makes.get(root);
    if (answer === undefined) {
      answer = false;
      for (const kind of packageConstructions(context, root).keys()) if (unbounded(kind)) answer = true;
      makes.set(root, answer);
    }
    return answer;
  };
  return call => {
    const specifier = calleeSpecifier(own, call);
    if (!specifier) return false;
    // A module of the linted file's own package is followed only when that package makes such a
    // client itself (a call through its code into another package's client is not looked for).
    if (specifier.startsWith('.')) return ownRoot !== undefined && !packageMakes(ownRoot);
    const file = resolveProjectModule(own.file, specifier, context.cwd);
    const root = file ? projectRoot(file, context.cwd) : undefined;
    return root !== undefined && !packageMakes(root);
  };
}

/** Method names that take or hold a lock (`applyLock`, `withLock`, `acquire`, `using`). */
const LOCK_METHOD =
  /^(?:lock|acquire|using|tryLock|runExclusive|(?:apply|with|acquire|obtain|take|get|run\w*With)Lock\w*|withLease|acquireLease)$/i;

/**
 * Creates the question "does this call take a distributed lock through a class of the project?":
 * `this.locks.applyLock(…)` where `locks` is a constructor parameter (or field) typed with a
 * project class that wraps a lock library, and `this.withLock(…)` inherited from such a class.
 */
export function projectLockCalls(
  context: ProjectContext & { sourceCode: { ast: unknown } },
): ((call: TSESTree.CallExpression) => boolean) | undefined {
  const opened = openProject(context);
  if (!opened) return undefined;
  const { own, session } = opened;
  return call => {
    const callee = unwrap(call.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
    const method = memberName(callee);
    if (!method || !LOCK_METHOD.test(method)) return false;
    const owner = enclosingClass(call);
    if (!owner) return false;
    const object = unwrap(callee.object);
    // `this.withLock(…)`: a method the class inherits from a lock class of the project.
    if (object.type === AST_NODE_TYPES.ThisExpression) {
      if (
        owner.body.body.some(
          member => member.type === AST_NODE_TYPES.MethodDefinition && memberKey(member) === method,
        )
      )
        return false;
      return owner.superClass?.type === AST_NODE_TYPES.Identifier
        ? session.lockMethodNamed(own, owner.superClass.name, method, 0)
        : false;
    }
    // `this.locks.applyLock(…)`: a field whose declared type is a lock class of the project.
    if (
      object.type !== AST_NODE_TYPES.MemberExpression ||
      unwrap(object.object).type !== AST_NODE_TYPES.ThisExpression
    )
      return false;
    const field = memberName(object);
    const type = field ? fieldType(owner, field) : undefined;
    return type ? session.lockMethodNamed(own, type, method, 0) : false;
  };
}

/**
 * Creates the question "where does a value of this type, named in the linted file, carry an
 * AbortSignal?" (Session.signalKey). Undefined where project facts are off.
 */
export function projectSignalTypes(
  context: ProjectContext & { sourceCode: { ast: unknown } },
): ((name: string) => string | null | undefined) | undefined {
  const opened = openProject(context);
  if (!opened) return undefined;
  const { own, session } = opened;
  return name => session.signalKey(own, name, 0);
}

/**
 * What a function finds further down (`nested`), seen from the call `call` in `fn` that reaches it:
 * what this call passes may settle a guard in the function it calls (dropped when it is unmet) or
 * make it a guard about `fn`'s own inputs, beside the guards `call` itself runs under (`own`).
 */
function throughCall<T extends { file?: string; guards?: InputGuard[] }>(
  nested: readonly T[],
  own: readonly InputGuard[] | undefined,
  call: TSESTree.CallExpression,
  fn: FunctionNode,
  file: string,
): T[] {
  const found: T[] = [];
  for (const each of nested) {
    const carried = each.guards ? carryGuards(each.guards, call.arguments, fn) : [];
    if (carried === 'unmet') continue;
    const all = [...(own ?? []), ...carried];
    found.push({ ...each, file: each.file ?? file, guards: all.length > 0 ? all : undefined });
  }
  return found;
}

/**
 * A member of a client module that sends nothing and makes no client. Where the catalog keeps the
 * module's members (axios, ethers, viem, the AWS SDK…), one it gives no role (`BigNumber.from`,
 * `parseUnits`, `ethers.utils.formatUnits`, `marshall`) or a role that sends nothing (a namespace of
 * stub constructors, an alias of its receiver, a policy, a sleep); in a module it knows only as
 * remote (drizzle-orm, typeorm, mongoose…), a query helper ({@link queryHelper}). Any other call
 * through the module may talk to another process. (A factory makes a client, which the questions
 * about client values follow.)
 */
function sendsNothing(imported: { specifier: string; imported: string }, path: readonly string[]): boolean {
  const full =
    imported.imported === 'default' || imported.imported === '*' ? path : [imported.imported, ...path];
  const module = canonicalModule(imported.specifier);
  const role = lookupModuleMember(module, full);
  if (role)
    return (
      role.role === 'namespace' || role.role === 'alias' || role.role === 'policy' || role.role === 'sleep'
    );
  if (isRemoteOnlyModule(module)) return queryHelper(full);
  return isKnownModule(module);
}

/** How deep below a question a static method of a model class is still judged (calls through more levels say nothing). */
const STATIC_DEPTH = 4;

/** A function that is what its enclosing function returns: `return async () => …`, `() => () => …`. */
function returnedFunction(fn: Node): boolean {
  const parent = fn.parent;
  if (parent?.type === AST_NODE_TYPES.ReturnStatement) return true;
  return (
    parent !== undefined &&
    parent.type === AST_NODE_TYPES.ArrowFunctionExpression &&
    (parent as TSESTree.ArrowFunctionExpression).body === fn
  );
}

/** Query-building and value helpers that ORMs and drivers export beside their clients. */
const QUERY_HELPERS =
  /^(?:is[A-Z]?\w*|eq|ne|gt|gte|lt|lte|and|or|not|inArray|notInArray|like|ilike|notLike|notIlike|between|notBetween|exists|notExists|asc|desc|sql|count|countDistinct|sum|sumDistinct|avg|avgDistinct|min|max|getTableConfig|getTableName|getTableColumns|getViewConfig|relations|alias|placeholder|arrayContains|arrayContained|arrayOverlaps|fn|col|literal|where|cast|json|model|expressionBuilder)$/;

/**
 * `eq(users.id, id)`, `inArray(…)`, `is(t, PgTable)` (drizzle-orm), `In(ids)` (typeorm),
 * `Types.ObjectId(id)` (mongoose), `sql.raw(…)`: a call that builds a query or a value. A member
 * named like a class (`In`, `Types`) is a value type or a static helper; instances send.
 */
function queryHelper(path: readonly string[]): boolean {
  if (path.some(segment => /^[A-Z]/.test(segment))) return true;
  if (path.length === 1) return QUERY_HELPERS.test(path[0] as string);
  return (
    path.length === 2 &&
    path[0] === 'sql' &&
    /^(?:raw|join|identifier|empty|placeholder|fromList)$/.test(path[1] as string)
  );
}
