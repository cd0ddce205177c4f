// Remote calls in the closure, and whether they have deadlines: the TypeScript reader of the
// client catalog (@faultline/catalog). It turns TypeScript nodes into the catalog's plain facts
// (`Summary`, `CallFacts`), and the catalog's pure decisions judge them; the lint rules do the
// same from ESTree (rules/util/file-model.ts, rules/util/deadline-facts.ts), and
// test/integration/reader-parity.test.ts holds both readers to the same verdicts.
// Callees are resolved through imports and local consts (never by bare name); instances are
// followed to where they were made (`axios.create`, `new Pool`, `new Redis`), or known by their
// declared type (declared-types.ts); request wrappers that need their caller's deadline are read
// by deadline-carrier.ts; a client that leaves its file is judged where it is made.
import {
  ABORT_CONTROLLER_MODULES,
  type CallFacts,
  type CalleeIdentity,
  type DeadlineCarrier,
  type ClientSetting,
  type FaultlineSettings,
  type FunctionRef,
  type CatalogValue,
  type ClientFacts,
  type DispatcherFacts,
  type FamilyId,
  type HttpFacts,
  type Locator,
  type Prop,
  type Role,
  type Summary,
  type Verdict,
  FAMILIES,
  GLOBAL_ROOTS,
  TIMEOUT_WRAPPER_MODULES,
  TIMEOUT_WRAPPER_NAME,
  TIMER_NAME,
  TYPE_INSTANCES,
  URL_NAME,
  canonicalModule,
  chosenClient,
  customInstanceRole,
  customModuleRole,
  decideDeadline,
  decideEscapingClient,
  dispatcherBoundsResponses,
  extendValue,
  getProp,
  isGrpcMetadataClass,
  hasPerCallBound,
  wrapperMatters,
  isEscapingClientCandidate,
  isFalsyNone,
  isKnownModule,
  lookupGlobal,
  lookupInstanceMember,
  lookupModuleMember,
  mayChangeArgument,
  optionsHelperArgument,
  parseSettings,
  URL_FAMILIES,
  type WrappedRequest,
  wrappedRequest,
} from '@faultline/catalog';
import { ts } from 'ts-morph';

import { type CarrierHost, type WrapperCallFinding, wrapperCallFinding } from './deadline-carrier.js';
import { DeclaredTypes } from './declared-types.js';
import { type UrlLookups, fieldInit, loopbackConstruction, loopbackRequest } from './loopback.js';
import { boundsHandedPromise } from './timeout-helper.js';
import {
  type Context,
  enclosingFunction,
  hasExportModifier,
  importSpecifierOf,
  isAlias,
  isFunctionLike,
  memberName,
  propertyNameText,
  resolveAlias,
  staticString,
  unwrap,
  walk,
} from './ts-util.js';

type CallLike = ts.CallExpression | ts.NewExpression;
type FactoryRole = Extract<Role, { role: 'factory' }>;

/** Where an instance was made: the factory call, and what it inherits from. */
export interface Origin {
  node: CallLike;
  role: FactoryRole | Extract<Role, { role: 'namespace' }>;
  parent?: Origin;
  /** A team's own client factory from `settings.faultline.clients`. */
  custom?: ClientSetting;
}

export type Value = CatalogValue<Origin | undefined>;

const UNKNOWN: Value = { kind: 'unknown' };
const ABSENT: Summary = { kind: 'absent' };
/** A dispatcher whose construction the reader cannot see: judged like options it cannot see into. */
const UNSEEN_DISPATCHER: DispatcherFacts = { options: { kind: 'opaque' } };
/** Compiled module interop: `__importDefault(require('m'))`, `_interopRequireDefault(…)`, `__toESM(…)`. */
const INTEROP_HELPERS =
  /^(__importDefault|__importStar|_interopRequireDefault|_interopRequireWildcard|__toESM|_interop_require_default|_interop_require_wildcard)$/;
/** The per-call options of a call bounded by `.timeout(…)` along its chain, as `hasPerCallBound` reads them. */
const BOUND_BY_CHAIN: Summary = {
  kind: 'object',
  props: new Map([['timeout', { value: { kind: 'value' } }]]),
  hasSpread: false,
};
/** The text a file must contain to be worth reading for a process-wide axios default. */
/** googleapis' process-wide options: `google.options({ timeout })`. */
const GOOGLE_OPTIONS_HINT = /\.\s*options\s*\(\s*\{[^]*?\btimeout\b/;
/** A file that sets a client's defaults (`axios.defaults.timeout = …`, `http.defaults.headers = …`). */
const SETS_DEFAULTS = /\.\s*defaults\s*(?:\.\s*[\w$]+|\[[^\]]*\])[^=;\n]*=(?!=)/;
const AXIOS_DEFAULT_HINT = /\.\s*defaults\s*(?:\.\s*timeout|\[\s*['"]timeout['"]\s*\])\s*=/;
/** Array methods whose callback's first parameter is an element of the array. */
const ITERATORS = new Set(['map', 'forEach', 'flatMap', 'filter', 'some', 'every', 'find']);
const LOGICAL_OPERATORS = new Map<ts.SyntaxKind, '??' | '||' | '&&'>([
  [ts.SyntaxKind.QuestionQuestionToken, '??'],
  [ts.SyntaxKind.BarBarToken, '||'],
  [ts.SyntaxKind.AmpersandAmpersandToken, '&&'],
]);
const CALLBACK_NAME = /^(cb|callback|done|next|handler|resolve|reject)$|Callback$|Handler$|^on[A-Z]/;
const METADATA_NAME = /^(md|meta|metadata)$|Metadata$/i;

function extend(value: Value, names: readonly string[]): Value {
  return extendValue<Origin | undefined>(value, names);
}

/** A call the catalog knows. */
export interface Classified {
  node: CallLike;
  role: Role;
  callee: Value;
  origin?: Origin;
  /** The `settings.faultline.clients` entry that made this call known. */
  custom?: ClientSetting;
}

/** The judgement of one remote call. */
export interface RemoteCallFact {
  node: CallLike;
  family: FamilyId;
  label: string;
  verdict: Verdict;
  /** Where the bound is decided: the call, or the client's construction. */
  decidedAt: ts.Node;
  fix: string;
  callee: string;
  /** What names this machine as the host when the request goes to a loopback address (`http://localhost:8080`). */
  loopback?: string;
}

/** Resolves callees and summarises options over TypeScript nodes, memoised per node. */
export class RemoteCalls {
  private readonly values = new Map<ts.Node, Value>();
  private readonly classified = new Map<ts.Node, Classified | null>();
  private readonly origins = new Map<ts.Node, Origin>();
  private readonly filesWithClients = new Map<ts.SourceFile, boolean>();
  private readonly customModules: Set<string>;
  private readonly carriers = new Map<ts.FunctionLikeDeclaration, DeadlineCarrier | null>();
  private readonly carrierHost: CarrierHost;
  private readonly declared: DeclaredTypes<Origin>;
  private projectDefaults:
    Map<ts.SourceFile, { axios: Summary[]; googleapis: Summary[]; sendgrid: Summary[] }> | undefined;
  private globalDispatcher: boolean | undefined;

  /**
   * `settings` is the parsed `settings.faultline` of the project's ESLint config (none: the
   * defaults), so that a team's own clients and timeout wrappers count here as in the rules.
   */
  constructor(
    private readonly ctx: Context,
    private readonly settings: FaultlineSettings = parseSettings(undefined),
  ) {
    this.customModules = new Set(settings.clients.map(client => client.module));
    this.declared = new DeclaredTypes<Origin>({ checker: ctx.checker, valueOf: node => this.valueOf(node) });
    this.carrierHost = {
      checker: ctx.checker,
      isLibraryFile: fileName => ctx.libraryFiles.has(fileName),
      requestOf: call => this.wrappedRequestOf(call),
    };
  }

  // ------------------------------------------------------------------ values

  valueOf(input: ts.Expression): Value {
    const node = unwrap(input);
    const cached = this.values.get(node);
    if (cached) return cached;
    this.values.set(node, UNKNOWN); // cycles resolve to unknown
    const value = this.computeValue(node);
    this.values.set(node, value);
    return value;
  }

  private computeValue(node: ts.Expression): Value {
    if (ts.isIdentifier(node)) return this.valueOfIdentifier(node);
    if (ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node)) {
      const name = memberName(node);
      if (name === undefined) {
        const object = this.valueOf(node.expression);
        return object.kind === 'instance' ? extend(object, ['*']) : UNKNOWN;
      }
      if (node.expression.kind === ts.SyntaxKind.ThisKeyword) return this.valueOfThisMember(node, name);
      const held = this.heldInObject(node.expression, name);
      if (held) return this.valueOf(held);
      return extend(this.valueOf(node.expression), [name]);
    }
    if (ts.isCallExpression(node)) {
      const callee = unwrap(node.expression);
      if (ts.isIdentifier(callee) && callee.text === 'require' && !this.isLocal(callee)) {
        const source = staticString(node.arguments[0]);
        return source === undefined ? UNKNOWN : { kind: 'module', module: canonicalModule(source), path: [] };
      }
      if (node.expression.kind === ts.SyntaxKind.ImportKeyword) {
        const source = staticString(node.arguments[0]);
        return source === undefined ? UNKNOWN : { kind: 'module', module: canonicalModule(source), path: [] };
      }
      const alias = this.aliasOf(node);
      if (alias) return alias;
      const first = node.arguments[0];
      if (ts.isIdentifier(callee) && INTEROP_HELPERS.test(callee.text) && first && !ts.isSpreadElement(first))
        return this.valueOf(first);
      return this.valueOfFactoryCall(node);
    }
    if (ts.isNewExpression(node)) return this.valueOfFactoryCall(node);
    if (ts.isAwaitExpression(node)) return this.valueOf(node.expression);
    // `(secure ? https : http).request(…)`, `mod.default ?? mod`: the catalog says which client is chosen.
    if (ts.isConditionalExpression(node))
      return chosenClient('?:', this.valueOf(node.whenTrue), this.valueOf(node.whenFalse));
    if (ts.isBinaryExpression(node)) {
      const operator = LOGICAL_OPERATORS.get(node.operatorToken.kind);
      if (!operator || operator === '&&') return UNKNOWN;
      return chosenClient(operator, this.valueOf(node.left), this.valueOf(node.right));
    }
    return UNKNOWN;
  }

  /**
   * `DEPS.fetch` where `const DEPS = { fetch, delayTime: 1000 }` is declared in the same file: the
   * value the object literal holds under `name` (a dependency object a test may swap, read as
   * written). Not when something after it may replace it (a spread, a getter, a computed key), when
   * the file writes the member (`DEPS.fetch = …`, `DEPS['fetch'] ??= …`, a destructuring target,
   * `delete`), or when the object goes anywhere but a member read (`Object.assign(DEPS, …)`).
   * The rules read it the same way (rules/util/file-model/values.ts `heldInObject`).
   */
  private heldInObject(object: ts.Expression, name: string): ts.Expression | undefined {
    if (!ts.isIdentifier(object)) return undefined;
    const checker = this.ctx.checker;
    const symbol = checker.getSymbolAtLocation(object);
    const declaration = symbol?.declarations?.length === 1 ? symbol.declarations[0] : undefined;
    if (
      !symbol ||
      !declaration ||
      !ts.isVariableDeclaration(declaration) ||
      !ts.isIdentifier(declaration.name) ||
      (ts.getCombinedNodeFlags(declaration) & ts.NodeFlags.Const) === 0 ||
      declaration.getSourceFile() !== object.getSourceFile()
    )
      return undefined;
    const init = declaration.initializer ? unwrap(declaration.initializer) : undefined;
    if (!init || !ts.isObjectLiteralExpression(init)) return undefined;
    let held: ts.Expression | undefined;
    for (const property of init.properties) {
      if (ts.isSpreadAssignment(property)) {
        held = undefined;
        continue;
      }
      const key =
        property.name && ts.isComputedPropertyName(property.name)
          ? staticString(property.name.expression)
          : propertyNameText(property.name);
      if (key === undefined && property.name && ts.isComputedPropertyName(property.name)) held = undefined;
      else if (key === name)
        held = ts.isShorthandPropertyAssignment(property)
          ? property.name
          : ts.isPropertyAssignment(property)
            ? property.initializer
            : undefined;
    }
    if (!held) return undefined;
    let escapes = false;
    const visit = (node: ts.Node): void => {
      if (escapes) return;
      if (ts.isIdentifier(node) && node !== declaration.name && node.text === object.text) {
        if (checker.getSymbolAtLocation(node) === symbol) {
          const member = node.parent;
          if (
            !(ts.isPropertyAccessExpression(member) || ts.isElementAccessExpression(member)) ||
            member.expression !== node
          )
            escapes = true;
          else if (memberName(member) === name && writtenMember(member)) escapes = true;
        }
        return;
      }
      ts.forEachChild(node, visit);
    };
    visit(object.getSourceFile());
    return escapes ? undefined : held;
  }

  /** True when the identifier is declared in the library (a local binding shadows a global). */
  private isLocal(id: ts.Identifier): boolean {
    const symbol = this.ctx.checker.getSymbolAtLocation(id);
    return (symbol?.declarations ?? []).some(declaration =>
      this.ctx.libraryFiles.has(declaration.getSourceFile().fileName),
    );
  }

  private valueOfIdentifier(node: ts.Identifier): Value {
    const checker = this.ctx.checker;
    const symbol = ts.isShorthandPropertyAssignment(node.parent)
      ? checker.getShorthandAssignmentValueSymbol(node.parent)
      : checker.getSymbolAtLocation(node);
    if (!symbol || !symbol.declarations || symbol.declarations.length === 0) {
      return GLOBAL_ROOTS.has(node.text) ? { kind: 'global', path: [node.text] } : UNKNOWN;
    }
    const declaration = symbol.declarations[0] as ts.Declaration;
    // Imports: a package's member is a module value; a local module's is followed to its declaration.
    if (
      ts.isImportSpecifier(declaration) ||
      ts.isImportClause(declaration) ||
      ts.isNamespaceImport(declaration) ||
      ts.isImportEqualsDeclaration(declaration)
    ) {
      const target = resolveAlias(checker, symbol);
      const local =
        target !== symbol &&
        (target.declarations ?? []).some(d => this.ctx.libraryFiles.has(d.getSourceFile().fileName));
      if (local) return this.valueOfDeclaration(target.declarations?.[0] as ts.Declaration);
      let specifier: string | undefined;
      let path: string[] = [];
      if (ts.isImportSpecifier(declaration)) {
        if (declaration.isTypeOnly || declaration.parent.parent.isTypeOnly) return UNKNOWN;
        specifier = staticString((declaration.parent.parent.parent as ts.ImportDeclaration).moduleSpecifier);
        path = [(declaration.propertyName ?? declaration.name).text];
      } else if (ts.isImportClause(declaration)) {
        if (declaration.isTypeOnly) return UNKNOWN;
        specifier = staticString((declaration.parent as ts.ImportDeclaration).moduleSpecifier);
      } else if (ts.isNamespaceImport(declaration)) {
        specifier = staticString((declaration.parent.parent as ts.ImportDeclaration).moduleSpecifier);
      } else if (ts.isExternalModuleReference(declaration.moduleReference)) {
        specifier = staticString(declaration.moduleReference.expression);
      }
      if (specifier === undefined) return UNKNOWN;
      return extend({ kind: 'module', module: canonicalModule(specifier), path: [] }, path);
    }
    if (!this.ctx.libraryFiles.has(declaration.getSourceFile().fileName)) {
      return GLOBAL_ROOTS.has(node.text) ? { kind: 'global', path: [node.text] } : UNKNOWN;
    }
    return this.valueOfDeclaration(declaration);
  }

  private valueOfDeclaration(declaration: ts.Declaration | undefined): Value {
    if (!declaration) return UNKNOWN;
    if (
      ts.isBindingElement(declaration) ||
      ts.isVariableDeclaration(declaration) ||
      ts.isParameter(declaration)
    ) {
      // Walk up destructuring to the declarator, collecting the property names on the way.
      const path: string[] = [];
      let current: ts.Node = declaration;
      while (ts.isBindingElement(current)) {
        const key = current.propertyName
          ? propertyNameText(current.propertyName)
          : ts.isIdentifier(current.name)
            ? current.name.text
            : undefined;
        if (key === undefined || ts.isArrayBindingPattern(current.parent)) return UNKNOWN;
        path.unshift(key);
        current = current.parent.parent;
      }
      if (ts.isParameter(current)) return this.valueOfParameter(current, path);
      if (!ts.isVariableDeclaration(current)) return UNKNOWN;
      return this.valueOfVariable(current, path);
    }
    // `class Cache extends Redis {}`: constructing it makes what its client base class makes.
    if (ts.isClassDeclaration(declaration)) return this.declared.clientBaseClass(declaration) ?? UNKNOWN;
    return UNKNOWN;
  }

  private valueOfVariable(declaration: ts.VariableDeclaration, path: readonly string[]): Value {
    const init = declaration.initializer;
    // `const fetch = (...args) => import('node-fetch').then(({ default: fetch }) => fetch(...args))`:
    // a shim that forwards every argument is the function it forwards to.
    const forwarded = init && path.length === 0 ? forwardedCallee(unwrap(init)) : undefined;
    if (forwarded) return this.valueOf(forwarded);
    const declared = (): Value =>
      path.length === 0 && ts.isIdentifier(declaration.name)
        ? this.declared.declaredInstance(declaration.type)
        : UNKNOWN;
    if (declaration.parent.flags & ts.NodeFlags.Const || !ts.isIdentifier(declaration.name)) {
      return init ? extend(this.valueOf(init), path) : declared();
    }
    // `let client; … client = new Pool()`: one assignment is as good as an initialiser.
    const writes = this.writesOf(declaration.name);
    if (init && writes.length === 0) return extend(this.valueOf(init), path);
    if (init || writes.length !== 1 || path.length > 0) return declared();
    const source = writes[0];
    if (!source) return declared();
    const assigned = this.valueOf(source);
    return assigned.kind === 'unknown' ? declared() : assigned;
  }

  /** Every write to a `let`/`var` binding after its declaration: the value assigned, or null (`+=`, `++`). */
  private writesOf(declared: ts.Identifier): (ts.Expression | null)[] {
    const writes: (ts.Expression | null)[] = [];
    for (const use of this.referencesOf(declared)) {
      const parent = use.parent;
      if (
        ts.isBinaryExpression(parent) &&
        parent.left === use &&
        parent.operatorToken.kind >= ts.SyntaxKind.FirstAssignment &&
        parent.operatorToken.kind <= ts.SyntaxKind.LastAssignment
      )
        writes.push(parent.operatorToken.kind === ts.SyntaxKind.EqualsToken ? parent.right : null);
      else if (
        (ts.isPrefixUnaryExpression(parent) || ts.isPostfixUnaryExpression(parent)) &&
        (parent.operator === ts.SyntaxKind.PlusPlusToken || parent.operator === ts.SyntaxKind.MinusMinusToken)
      )
        writes.push(null);
    }
    return writes;
  }

  /**
   * A parameter whose value the code shows: `import('m').then(({ default: x }) => …)` is the
   * module's export; `[new Pool(a), new Pool(b)].map(p => …)` is a pool; else its declared type
   * (`function list(http: AxiosInstance)`, a DI factory's `(redis: Redis) => …`).
   */
  private valueOfParameter(param: ts.ParameterDeclaration, path: readonly string[]): Value {
    const fn = param.parent;
    const call = fn.parent;
    if (
      (ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) &&
      fn.parameters[0] === param &&
      ts.isCallExpression(call) &&
      call.arguments[0] === fn
    ) {
      const callee = unwrap(call.expression);
      if (ts.isPropertyAccessExpression(callee)) {
        const method = callee.name.text;
        if (ITERATORS.has(method) && path.length === 0 && ts.isIdentifier(param.name)) {
          const element = this.elementValue(callee.expression);
          if (element.kind !== 'unknown') return element;
        }
        const source = unwrap(callee.expression);
        if (
          method === 'then' &&
          ts.isCallExpression(source) &&
          source.expression.kind === ts.SyntaxKind.ImportKeyword
        ) {
          const value = extend(this.valueOf(source), path);
          if (value.kind !== 'unknown') return value;
        }
      }
    }
    return path.length === 0 ? this.declared.declaredInstance(param.type) : UNKNOWN;
  }

  /** The common value of a literal list's elements, when they are all the same kind of instance. */
  private elementValue(list: ts.Expression): Value {
    let node = unwrap(list);
    if (ts.isIdentifier(node)) node = unwrap(this.constInit(node) ?? node);
    if (!ts.isArrayLiteralExpression(node) || node.elements.length === 0) return UNKNOWN;
    let common: Value | undefined;
    for (const element of node.elements) {
      if (ts.isSpreadElement(element) || ts.isOmittedExpression(element)) return UNKNOWN;
      const value = this.valueOf(element);
      if (value.kind !== 'instance') return UNKNOWN;
      if (common && (common.kind !== 'instance' || common.instance !== value.instance)) return UNKNOWN;
      common ??= value;
    }
    return common ?? UNKNOWN;
  }

  /**
   * `this.client` inside a class: its one assignment (a field initialiser, a parameter property's
   * default, or `this.client = …` in any method where `this` is the instance).
   */
  private valueOfThisMember(node: ts.Node, name: string): Value {
    let klass: ts.Node | undefined = node.parent;
    while (klass && !ts.isClassLike(klass)) klass = klass.parent;
    if (!klass || !ts.isClassLike(klass)) return UNKNOWN;
    const assigned: ts.Expression[] = [];
    const visit = (child: ts.Node): void => {
      // A nested `function` or class has its own `this`; arrow functions keep the instance.
      if (ts.isFunctionDeclaration(child) || ts.isFunctionExpression(child) || ts.isClassLike(child)) return;
      if (
        ts.isBinaryExpression(child) &&
        child.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
        (ts.isPropertyAccessExpression(child.left) || ts.isElementAccessExpression(child.left)) &&
        child.left.expression.kind === ts.SyntaxKind.ThisKeyword &&
        memberName(child.left) === name
      ) {
        assigned.push(child.right);
      }
      ts.forEachChild(child, visit);
    };
    for (const member of klass.members) {
      if (ts.isPropertyDeclaration(member)) {
        if (propertyNameText(member.name) === name && member.initializer && !hasStatic(member))
          assigned.push(member.initializer);
        if (member.initializer) visit(member.initializer);
      } else if (
        (ts.isMethodDeclaration(member) ||
          ts.isConstructorDeclaration(member) ||
          ts.isGetAccessorDeclaration(member) ||
          ts.isSetAccessorDeclaration(member)) &&
        member.body
      ) {
        if (ts.isConstructorDeclaration(member))
          for (const parameter of member.parameters)
            if (
              ts.isParameterPropertyDeclaration(parameter, member) &&
              ts.isIdentifier(parameter.name) &&
              parameter.name.text === name &&
              parameter.initializer
            )
              assigned.push(parameter.initializer);
        ts.forEachChild(member.body, visit);
      }
    }
    if (assigned.length === 1) {
      const value = this.valueOf(assigned[0] as ts.Expression);
      if (value.kind !== 'unknown') return value;
    }
    // Its declared type (`constructor(private readonly s3: S3Client)`, `private http: AxiosInstance`);
    // else, in a subclass of a client class, the inherited member (`this.send(…)` in `extends S3Client`).
    const declared = this.declared.declaredField(klass, name);
    if (declared) return declared;
    if (assigned.length > 0) return UNKNOWN;
    const base = this.declared.clientBaseOf(klass);
    return base?.kind === 'instance' ? extend(base, [name]) : UNKNOWN;
  }

  private aliasOf(node: ts.CallExpression): Value | undefined {
    const callee = unwrap(node.expression);
    if (!ts.isPropertyAccessExpression(callee)) return undefined;
    const value = this.valueOf(callee);
    if (value.kind !== 'module') return undefined;
    if (lookupModuleMember(value.module, value.path)?.role !== 'alias') return undefined;
    return this.valueOf(callee.expression);
  }

  private valueOfFactoryCall(node: CallLike): Value {
    const classified = this.classify(node);
    if (!classified) return UNKNOWN;
    const role = classified.role;
    if (role.role !== 'factory' && role.role !== 'namespace') return UNKNOWN;
    const origin = this.originOf(classified);
    if (role.role === 'namespace')
      return { kind: 'instance', instance: role.instance, family: 'grpc', path: [], origin };
    return { kind: 'instance', instance: role.instance, family: role.family, path: [], origin };
  }

  private originOf(classified: Classified): Origin {
    const existing = this.origins.get(classified.node);
    if (existing) return existing;
    const role = classified.role as Origin['role'];
    const origin: Origin = { node: classified.node, role };
    if (classified.custom) origin.custom = classified.custom;
    if (role.role === 'factory' && role.inheritsFrom === 'callee' && classified.origin)
      origin.parent = classified.origin;
    if (role.role === 'factory' && (role.inheritsFrom === 'arg0' || role.inheritsFrom === 'arg1')) {
      const arg = classified.node.arguments?.[role.inheritsFrom === 'arg0' ? 0 : 1];
      const from = arg ? this.valueOf(arg) : UNKNOWN;
      if (from.kind === 'instance' && from.origin) origin.parent = from.origin;
    }
    this.origins.set(classified.node, origin);
    return origin;
  }

  /** A client instance recognised by its declared type, when its construction is not visible. */
  private instanceByType(node: ts.Expression): Value {
    const type = this.ctx.checker.getTypeAtLocation(node);
    const parts = type.isUnion() ? type.types : [type];
    for (const part of parts) {
      const symbol = part.getSymbol();
      if (!symbol) continue;
      const files = (symbol.declarations ?? []).map(declaration => declaration.getSourceFile().fileName);
      for (const entry of TYPE_INSTANCES) {
        if (
          entry.names.includes(symbol.name) &&
          files.some(file => entry.packages.some(folder => file.includes(folder)))
        ) {
          return {
            kind: 'instance',
            instance: entry.instance,
            family: entry.family,
            path: [],
            origin: undefined,
          };
        }
      }
    }
    return UNKNOWN;
  }

  // ------------------------------------------------------------------ classification

  /** The catalog role of a call or `new`, if the catalog knows its callee. */
  classify(node: CallLike): Classified | undefined {
    const cached = this.classified.get(node);
    if (cached !== undefined) return cached ?? undefined;
    this.classified.set(node, null);
    const result = this.computeClassified(node);
    this.classified.set(node, result ?? null);
    return result;
  }

  private computeClassified(node: CallLike): Classified | undefined {
    let callee = this.valueOf(node.expression);
    const inner = unwrap(node.expression);
    // By type only in files that import a client the catalog knows: a type query per call elsewhere costs time for nothing.
    if (
      callee.kind === 'unknown' &&
      (ts.isPropertyAccessExpression(inner) || ts.isElementAccessExpression(inner)) &&
      this.importsClient(node.getSourceFile())
    ) {
      const name = memberName(inner);
      const object = this.instanceByType(inner.expression);
      if (object.kind === 'instance') callee = extend(object, [name ?? '*']);
    }
    switch (callee.kind) {
      case 'module': {
        const custom = customModuleRole(this.settings.clients, callee.module, callee.path);
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
          // An instance of a team's own client: only the members the settings name are remote.
          const role = customInstanceRole(custom, callee.path);
          if (!role) return undefined;
          return {
            node,
            role,
            callee,
            ...(callee.origin ? { origin: callee.origin } : {}),
            custom,
          };
        }
        const role = lookupInstanceMember(callee.instance, callee.path);
        return role ? { node, role, callee, ...(callee.origin ? { origin: callee.origin } : {}) } : undefined;
      }
      default:
        return this.grpcStubCall(node);
    }
  }

  /**
   * `this.syncingClient.syncItems(request, metadata, callback)` on a stub whose type the reader
   * cannot follow: handed a grpc-js `Metadata` made in the library as its second argument, it is a
   * gRPC call (the catalog's `isGrpcMetadataClass`), as in the rules.
   */
  private grpcStubCall(node: CallLike): Classified | undefined {
    if (!ts.isCallExpression(node)) return undefined;
    const callee = unwrap(node.expression);
    if (!ts.isPropertyAccessExpression(callee) && !ts.isElementAccessExpression(callee)) return undefined;
    const name = memberName(callee);
    const second = node.arguments[1];
    if (name === undefined || !second || ts.isSpreadElement(second)) return undefined;
    let made = unwrap(second);
    if (ts.isIdentifier(made)) {
      const init = this.constInit(made);
      if (init) made = unwrap(init);
    }
    if (!ts.isNewExpression(made)) return undefined;
    const metadataClass = this.valueOf(made.expression);
    if (metadataClass.kind !== 'module' || !isGrpcMetadataClass(metadataClass.module, metadataClass.path))
      return undefined;
    // A unary call answers through the callback after the metadata (and its call options); a
    // Metadata stored away (`byCall.set(id, metadata)`) is no call.
    if (!node.arguments.slice(2).some(argument => this.isCallbackLike(argument))) return undefined;
    const role = lookupInstanceMember('grpc-client', [name]);
    return role ? { node, role, callee: { kind: 'unknown' } } : undefined;
  }

  /** True when a file imports (or re-exports, or requires) a module the catalog knows. */
  private importsClient(file: ts.SourceFile): boolean {
    const cached = this.filesWithClients.get(file);
    if (cached !== undefined) return cached;
    const found = file.statements.some(statement => {
      const specifier =
        ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement)
          ? staticString(statement.moduleSpecifier)
          : undefined;
      if (specifier === undefined) return false;
      const module = canonicalModule(specifier);
      return isKnownModule(module) || this.customModules.has(module);
    });
    this.filesWithClients.set(file, found);
    return found;
  }

  // ------------------------------------------------------------------ options → Summary

  /** The options of a call, located as its role says, reduced to a summary. */
  optionsOf(call: CallLike, locator: Locator): Summary {
    const node = this.constructionArgs(call);
    const args = node.arguments ?? ts.factory.createNodeArray();
    const spreadAt = args.findIndex(arg => ts.isSpreadElement(arg));
    const argAt = (index: number): ts.Expression | undefined =>
      spreadAt !== -1 && spreadAt <= index ? undefined : args[index];
    if ('at' in locator) {
      if (spreadAt !== -1 && spreadAt <= locator.at) return { kind: 'opaque', at: args[spreadAt] };
      if (locator.alone && args.length > 1) return ABSENT;
      const arg = argAt(locator.at);
      // `MongoClient.connect(url, callback)`: a callback where options could be is no options.
      if (arg && isFunctionLike(unwrap(arg))) return ABSENT;
      return this.summarizeTop(arg);
    }
    if ('configOrUrl' in locator) {
      if (spreadAt === 0) return { kind: 'opaque' };
      const first = argAt(0);
      if (!first) return ABSENT;
      const firstSummary = this.summarizeTop(first);
      if (firstSummary.kind === 'object') return firstSummary;
      if (firstSummary.kind === 'opaque' && this.looksLikeUrl(first) && !argAt(1)) return ABSENT;
      const second = argAt(1);
      if (second) return this.summarizeTop(second);
      if (spreadAt === 1) return { kind: 'opaque' };
      return firstSummary.kind === 'string' || firstSummary.kind === 'value' ? ABSENT : firstSummary;
    }
    if ('httpArgs' in locator) {
      for (let index = 0; index < Math.min(args.length, 2); index++) {
        const arg = argAt(index);
        if (!arg) return { kind: 'opaque' };
        // The response callback, written out or named (`https.get(url, callback)`): no options.
        if (this.isCallbackLike(arg)) break;
        const summary = this.summarizeTop(arg);
        if (summary.kind === 'object') return summary;
        if (summary.kind === 'opaque' && this.looksLikeUrl(arg)) continue;
        if (summary.kind === 'opaque') {
          const next = argAt(index + 1);
          if (next && !this.isCallbackLike(next)) continue;
          return summary;
        }
      }
      return ABSENT;
    }
    if ('lastObject' in locator) {
      for (let index = args.length - 1; index >= 0; index--) {
        const arg = argAt(index);
        if (!arg) return { kind: 'opaque' };
        if (isFunctionLike(unwrap(arg))) continue;
        const summary = this.summarizeTop(arg);
        if (summary.kind === 'string' || summary.kind === 'number' || summary.kind === 'value') return ABSENT;
        if (summary.kind === 'opaque' && this.looksLikeUrl(arg)) return ABSENT;
        return summary;
      }
      return ABSENT;
    }
    if ('grpcCall' in locator) {
      const callee = unwrap(node.expression);
      let first = (memberName(callee) ?? '').startsWith('make') ? 4 : 1;
      // Client- and bidi-streaming calls take no request: `stub.routeChat({ deadline })`.
      const head = argAt(0);
      if (first === 1 && head && getPropKind(this.summarizeTop(head), 'deadline')) first = 0;
      const merged: Summary = { kind: 'object', props: new Map(), hasSpread: false };
      let seen = false;
      for (let index = first; index < args.length; index++) {
        const arg = argAt(index);
        if (!arg) return { kind: 'opaque' };
        if (this.isCallbackLike(arg) || this.isGrpcMetadata(arg)) continue;
        const summary = this.summarizeTop(arg);
        if (summary.kind === 'object') {
          seen = true;
          for (const [key, prop] of summary.props) merged.props.set(key, prop);
          merged.hasSpread ||= summary.hasSpread;
        } else if (summary.kind === 'opaque') {
          merged.hasSpread = true;
          seen = true;
        }
      }
      return seen ? merged : ABSENT;
    }
    return ABSENT;
  }

  /**
   * Where a construction's options are written: for `new Storage(…)` of a local subclass whose
   * constructor calls `super(…)`, that call's arguments; otherwise the construction's own.
   */
  private constructionArgs(node: CallLike): CallLike {
    if (!ts.isNewExpression(node) || !ts.isIdentifier(node.expression)) return node;
    const declaration = this.ctx.checker.getSymbolAtLocation(node.expression)?.declarations?.[0];
    if (!declaration || !ts.isClassDeclaration(declaration)) return node;
    if (declaration.getSourceFile() !== node.getSourceFile()) return node;
    const constructor = declaration.members.find(ts.isConstructorDeclaration);
    if (!constructor?.body) return node;
    const superCall = findTs(
      constructor.body,
      inner => ts.isCallExpression(inner) && inner.expression.kind === ts.SyntaxKind.SuperKeyword,
    );
    return (superCall as ts.CallExpression | undefined) ?? node;
  }

  /** A callback argument: a function, an identifier bound to one, or named like one (`cb`, `done`, `onReply`). */
  private isCallbackLike(arg: ts.Expression): boolean {
    const inner = unwrap(arg);
    if (isFunctionLike(inner)) return true;
    if (!ts.isIdentifier(inner)) return false;
    if (CALLBACK_NAME.test(inner.text)) return true;
    const declaration = this.ctx.checker.getSymbolAtLocation(inner)?.declarations?.[0];
    if (declaration && ts.isFunctionDeclaration(declaration)) return true;
    const init = this.constInit(inner);
    return init !== undefined && isFunctionLike(unwrap(init));
  }

  /** A gRPC `Metadata` argument: `new Metadata()` (directly or through a const), or named like one. */
  private isGrpcMetadata(arg: ts.Expression): boolean {
    let inner = unwrap(arg);
    if (ts.isIdentifier(inner)) {
      if (METADATA_NAME.test(inner.text)) return true;
      const init = this.constInit(inner);
      if (init) inner = unwrap(init);
    }
    if (ts.isNewExpression(inner)) return true;
    if (ts.isCallExpression(inner)) {
      const name = writtenName(inner.expression);
      return name !== undefined && /metadata/i.test(name);
    }
    return false;
  }

  /**
   * A construction's options ({@link optionsOf}); for a client bounded where it is made, also
   * those another file of the library writes: a const it exports, or the one object literal a
   * function it exports returns (`new S3Client(storageConfig(region))`), as the rules' project
   * facts read them (rules/util/project-facts.ts `writtenOptions`).
   */
  private factoryOptions(node: CallLike, role: FactoryRole): { options: Summary; writtenFirst: boolean } {
    const options = this.optionsOf(node, role.options);
    const seen = { options, writtenFirst: false };
    if (options.kind !== 'opaque' || FAMILIES[role.family].reportAt !== 'construction') return seen;
    if (!('at' in role.options) && !('lastObject' in role.options)) return seen;
    const args = this.constructionArgs(node).arguments ?? ts.factory.createNodeArray();
    const given = 'at' in role.options ? args[role.options.at] : args[args.length - 1];
    const written = given && !ts.isSpreadElement(given) ? this.importedObject(given, 0) : undefined;
    return written ? { options: this.summarizeObject(written, 1), writtenFirst: given === args[0] } : seen;
  }

  /** The object literal a value imported from another file of the library stands for ({@link factoryOptions}). */
  private importedObject(input: ts.Expression, depth: number): ts.ObjectLiteralExpression | undefined {
    if (depth > 4) return undefined;
    const node = unwrap(input);
    if (ts.isObjectLiteralExpression(node)) return node;
    if (ts.isIdentifier(node)) {
      const init =
        this.constInit(node) ?? this.importedDeclaration(node, ts.isVariableDeclaration)?.initializer;
      if (!init || !ts.isVariableDeclaration(init.parent)) return undefined;
      // An object changed after it is written (`config.requestHandler = …`, `merge(config, …)`), where
      // it is declared or where it is used, is not what was written (as the rules' `mutated`).
      const declaration = init.parent;
      const scope = ts.findAncestor(declaration, each => ts.isBlock(each) || ts.isSourceFile(each));
      if (!scope || mutatedIn(this.ctx.checker, scope, declaration.name.getText(), node)) return undefined;
      if (
        declaration.getSourceFile() !== node.getSourceFile() &&
        mutatedIn(this.ctx.checker, node.getSourceFile(), node.text, node)
      )
        return undefined;
      return this.importedObject(init, depth + 1);
    }
    if (!ts.isCallExpression(node) || !ts.isIdentifier(unwrap(node.expression))) return undefined;
    const callee = unwrap(node.expression) as ts.Identifier;
    const declared = this.localFunction(callee) ?? this.importedFunction(callee);
    if (!declared?.body) return undefined;
    const returns: ts.Expression[] = [];
    if (!ts.isBlock(declared.body)) returns.push(declared.body);
    else
      walk(declared.body, inner => {
        if (ts.isReturnStatement(inner) && inner.expression) returns.push(inner.expression);
        return !isFunctionLike(inner) && !ts.isClassLike(inner);
      });
    return returns.length === 1 ? this.importedObject(returns[0] as ts.Expression, depth + 1) : undefined;
  }

  /** The declaration, in another file of the library, that an imported name stands for, if it is of the kind asked. */
  private importedDeclaration<T extends ts.Declaration>(
    name: ts.Identifier,
    is: (node: ts.Node) => node is T,
  ): T | undefined {
    const symbol = this.ctx.checker.getSymbolAtLocation(name);
    if (!symbol || !isAlias(symbol)) return undefined;
    const declaration = resolveAlias(this.ctx.checker, symbol).declarations?.[0];
    if (!declaration || !is(declaration)) return undefined;
    if (!this.ctx.libraryFiles.has(declaration.getSourceFile().fileName)) return undefined;
    if (ts.isVariableDeclaration(declaration) && !(declaration.parent.flags & ts.NodeFlags.Const))
      return undefined;
    return declaration;
  }

  /** A function another file of the library exports under an imported name: a declaration, or a const bound to one. */
  private importedFunction(name: ts.Identifier): ts.FunctionLikeDeclaration | undefined {
    const declared = this.importedDeclaration(name, ts.isFunctionDeclaration);
    if (declared) return declared;
    const bound = this.importedDeclaration(name, ts.isVariableDeclaration)?.initializer;
    const value = bound && unwrap(bound);
    return value && (ts.isArrowFunction(value) || ts.isFunctionExpression(value)) ? value : undefined;
  }

  /** The initialiser of a module-level or local `const` binding declared in the library. */
  constInit(node: ts.Identifier): ts.Expression | undefined {
    const symbol = this.ctx.checker.getSymbolAtLocation(node);
    const declaration = symbol?.declarations?.[0];
    if (
      !declaration ||
      !ts.isVariableDeclaration(declaration) ||
      !ts.isIdentifier(declaration.name) ||
      !declaration.initializer
    )
      return undefined;
    if (!this.ctx.libraryFiles.has(declaration.getSourceFile().fileName)) return undefined;
    if (!(declaration.parent.flags & ts.NodeFlags.Const)) return undefined;
    return declaration.initializer;
  }

  /** A whole options argument: an unresolvable identifier or a call result is opaque. */
  summarizeTop(input: ts.Expression | undefined, depth = 0): Summary {
    if (!input) return ABSENT;
    const node = unwrap(input);
    if (ts.isIdentifier(node)) {
      if (node.text === 'undefined') return { kind: 'undefined', at: node };
      const init = this.constInit(node);
      if (init && depth < 4) return this.summarizeTop(init, depth + 1);
      return { kind: 'opaque', at: node };
    }
    if (ts.isObjectLiteralExpression(node)) return this.summarizeObject(node, depth);
    // `fetch(url, getOptions())`, `{ ...this.defaults(), method }`: a function of this file that
    // returns one object literal is as good as writing that literal here.
    if (ts.isCallExpression(node) && depth < 4) {
      const returned = this.returnedObject(node);
      if (returned) return this.summarizeObject(returned, depth + 1);
      // `getOctokitOptions(token, options)`: a library function that hands on the options it is given.
      const callee = this.valueOf(node.expression);
      const at = callee.kind === 'module' ? optionsHelperArgument(callee.module, callee.path) : undefined;
      if (at !== undefined)
        return node.arguments.slice(0, at + 1).some(arg => ts.isSpreadElement(arg))
          ? { kind: 'opaque', at: node }
          : this.summarizeTop(node.arguments[at], depth + 1);
    }
    const value = this.summarizeValue(node, depth);
    if (value.kind === 'value') {
      if (ts.isTemplateExpression(node) || ts.isBinaryExpression(node)) return value;
      if (ts.isPropertyAccessExpression(node) && node.getText().startsWith('process.env')) return value;
      return { kind: 'opaque', at: node };
    }
    return value;
  }

  /**
   * The function of this file a callee names: a function declaration, a variable bound to a
   * function, or a method (or function-valued field) of the class `this` belongs to.
   */
  localFunction(callee: ts.Expression): ts.FunctionLikeDeclaration | undefined {
    const inner = unwrap(callee);
    if (ts.isPropertyAccessExpression(inner) || ts.isElementAccessExpression(inner)) {
      if (inner.expression.kind !== ts.SyntaxKind.ThisKeyword) return undefined;
      const name = memberName(inner);
      const klass = thisClass(inner);
      if (name === undefined || !klass) return undefined;
      for (const member of klass.members) {
        if (propertyNameText(member.name) !== name) continue;
        if (
          (ts.isMethodDeclaration(member) ||
            ts.isGetAccessorDeclaration(member) ||
            ts.isSetAccessorDeclaration(member) ||
            ts.isConstructorDeclaration(member)) &&
          member.body
        )
          return member;
        if (ts.isPropertyDeclaration(member) && member.initializer) {
          const value = unwrap(member.initializer);
          if (ts.isArrowFunction(value) || ts.isFunctionExpression(value)) return value;
        }
      }
      return undefined;
    }
    if (!ts.isIdentifier(inner)) return undefined;
    // The binding itself, not an import of it: like the rules, only functions of this file.
    const declaration = this.ctx.checker.getSymbolAtLocation(inner)?.declarations?.[0];
    if (!declaration || declaration.getSourceFile() !== inner.getSourceFile()) return undefined;
    if (ts.isFunctionDeclaration(declaration)) return declaration.body ? declaration : undefined;
    if (ts.isVariableDeclaration(declaration) && declaration.initializer) {
      const value = unwrap(declaration.initializer);
      if (ts.isArrowFunction(value) || ts.isFunctionExpression(value)) return value;
    }
    return undefined;
  }

  /** The one object literal a local function returns (`() => ({ headers })`, `{ return { … } }`). */
  private returnedObject(call: ts.CallExpression): ts.ObjectLiteralExpression | undefined {
    const fn = this.localFunction(call.expression);
    if (!fn?.body) return undefined;
    if (!ts.isBlock(fn.body)) {
      const body = unwrap(fn.body);
      return ts.isObjectLiteralExpression(body) ? body : undefined;
    }
    const returns: ts.ReturnStatement[] = [];
    walk(fn.body, node => {
      if (ts.isReturnStatement(node)) returns.push(node);
      return !isFunctionLike(node) && !ts.isClassLike(node);
    });
    const returned = returns.length === 1 ? returns[0]?.expression : undefined;
    if (!returned) return undefined;
    const object = unwrap(returned);
    return ts.isObjectLiteralExpression(object) ? object : undefined;
  }

  /**
   * The keys a spread of a conditional adds, each with an unknown value (as the rules' reader,
   * rules/util/file-model/options.ts `conditionalSpread`); undefined unless every branch is an
   * object literal seen whole, or nothing.
   */
  private conditionalSpread(argument: ts.Expression, depth: number): Map<string, Prop> | undefined {
    const node = unwrap(argument);
    const branches = ts.isConditionalExpression(node)
      ? [node.whenTrue, node.whenFalse]
      : ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken
        ? [node.right]
        : undefined;
    if (!branches) return undefined;
    const keys = new Map<string, Prop>();
    for (const branch of branches) {
      const summary = this.summarizeTop(branch, depth);
      if (summary.kind === 'null' || summary.kind === 'undefined') continue;
      if (summary.kind !== 'object' || summary.hasSpread) return undefined;
      for (const [key, prop] of summary.props)
        keys.set(key, { value: { kind: 'opaque', at: prop.at }, at: prop.at });
    }
    return keys;
  }

  private summarizeObject(node: ts.ObjectLiteralExpression, depth: number): Summary {
    const props = new Map<string, Prop>();
    let hasSpread = false;
    for (const property of node.properties) {
      if (ts.isSpreadAssignment(property)) {
        const spread =
          depth < 4 ? this.summarizeTop(property.expression, depth + 1) : ({ kind: 'opaque' } as Summary);
        if (spread.kind === 'object') {
          for (const [key, prop] of spread.props) props.set(key, prop);
          hasSpread ||= spread.hasSpread;
        } else if (spread.kind !== 'null' && spread.kind !== 'undefined') {
          // `...(endpoint ? { endpoint } : {})`: it adds at most the keys its branches write.
          const maybe = depth < 4 ? this.conditionalSpread(property.expression, depth + 1) : undefined;
          if (maybe) {
            for (const [key, prop] of maybe) props.set(key, prop);
            continue;
          }
          hasSpread = true;
          props.clear();
        }
        continue;
      }
      const key = propertyNameText(property.name);
      if (key === undefined) {
        hasSpread = true;
        continue;
      }
      if (ts.isPropertyAssignment(property)) {
        const value =
          key === 'signal' || key === 'abortSignal'
            ? this.summarizeSignal(property.initializer)
            : this.summarizeValue(property.initializer, depth + 1);
        props.set(key, { value, at: property });
      } else if (ts.isShorthandPropertyAssignment(property)) {
        const value =
          key === 'signal' || key === 'abortSignal'
            ? this.summarizeSignal(property.name)
            : this.summarizeValue(property.name, depth + 1);
        props.set(key, { value, at: property });
      } else {
        props.set(key, { value: { kind: 'value', at: property }, at: property });
      }
    }
    return { kind: 'object', props, hasSpread, at: node };
  }

  /** A property value: literals are read, local consts followed, anything else is "present". */
  summarizeValue(input: ts.Expression, depth = 0): Summary {
    const node = unwrap(input);
    if (ts.isNumericLiteral(node)) return { kind: 'number', value: Number(node.text), at: node };
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node))
      return { kind: 'string', value: node.text, at: node };
    if (node.kind === ts.SyntaxKind.TrueKeyword) return { kind: 'boolean', value: true, at: node };
    if (node.kind === ts.SyntaxKind.FalseKeyword) return { kind: 'boolean', value: false, at: node };
    if (node.kind === ts.SyntaxKind.NullKeyword) return { kind: 'null', at: node };
    if (ts.isTemplateExpression(node))
      return {
        kind: 'string',
        value: [node.head.text, ...node.templateSpans.map(span => span.literal.text)].join(''),
        at: node,
      };
    if (ts.isIdentifier(node)) {
      if (node.text === 'undefined') return { kind: 'undefined', at: node };
      if (node.text === 'Infinity') return { kind: 'number', value: Infinity, at: node };
      const init = depth < 4 ? this.constInit(node) : undefined;
      if (init) {
        const inner = unwrap(init);
        if (ts.isObjectLiteralExpression(inner)) return this.summarizeObject(inner, depth + 1);
        return this.summarizeValue(init, depth + 1);
      }
      return { kind: 'value', at: node };
    }
    if (ts.isVoidExpression(node)) return { kind: 'undefined', at: node };
    if (ts.isPrefixUnaryExpression(node)) {
      const argument = this.summarizeValue(node.operand, depth + 1);
      if (node.operator === ts.SyntaxKind.MinusToken && argument.kind === 'number')
        return { kind: 'number', value: -argument.value, at: node };
      return { kind: 'value', at: node };
    }
    if (ts.isBinaryExpression(node)) {
      const left = this.summarizeValue(node.left, depth + 1);
      const right = this.summarizeValue(node.right, depth + 1);
      if (left.kind === 'number' && right.kind === 'number') {
        const op = node.operatorToken.kind;
        const value =
          op === ts.SyntaxKind.AsteriskToken
            ? left.value * right.value
            : op === ts.SyntaxKind.PlusToken
              ? left.value + right.value
              : op === ts.SyntaxKind.SlashToken
                ? left.value / right.value
                : op === ts.SyntaxKind.MinusToken
                  ? left.value - right.value
                  : NaN;
        if (!Number.isNaN(value)) return { kind: 'number', value, at: node };
      }
      return { kind: 'value', at: node };
    }
    if (ts.isObjectLiteralExpression(node))
      return depth < 4 ? this.summarizeObject(node, depth) : { kind: 'value', at: node };
    if (ts.isNewExpression(node)) {
      const first = node.arguments?.[0];
      if (first && depth < 4 && ts.isObjectLiteralExpression(unwrap(first)))
        return this.summarizeObject(unwrap(first) as ts.ObjectLiteralExpression, depth + 1);
      return { kind: 'value', at: node };
    }
    if (ts.isConditionalExpression(node)) {
      const consequent = this.summarizeValue(node.whenTrue, depth + 1);
      const alternate = this.summarizeValue(node.whenFalse, depth + 1);
      if (
        consequent.kind === alternate.kind &&
        (consequent.kind === 'null' || consequent.kind === 'undefined')
      )
        return consequent;
      return { kind: 'value', at: node };
    }
    if (ts.isPropertyAccessExpression(node) && depth < 4) {
      // `this.MAX_RETRIES`, `Limits.TIMEOUT_MS`: a readonly class field with a literal value.
      const field = readonlyField(node);
      if (field) return this.summarizeValue(field, depth + 1);
      // `this.requestHandler`, given one construction in the class (`this.requestHandler = new
      // NodeHttpHandler({ … })` in the constructor): that construction's options.
      const made = node.expression.kind === ts.SyntaxKind.ThisKeyword ? fieldInit(node) : undefined;
      if (made && ts.isNewExpression(made)) return this.summarizeValue(made, depth + 1);
    }
    return { kind: 'value', at: node };
  }

  /** Whether a signal expression is aborted by a timer: `AbortSignal.timeout`, `any`, or a timed controller. */
  summarizeSignal(input: ts.Expression, depth = 0): Summary {
    const node = unwrap(input);
    if (ts.isIdentifier(node)) {
      if (node.text === 'undefined') return { kind: 'undefined', at: node };
      const init = depth < 4 ? this.constInit(node) : undefined;
      if (init) return this.summarizeSignal(init, depth + 1);
      return { kind: 'signal', timed: 'unknown', at: node };
    }
    if (node.kind === ts.SyntaxKind.NullKeyword) return { kind: 'null', at: node };
    if (ts.isCallExpression(node)) {
      const callee = this.valueOf(node.expression);
      if (callee.kind === 'global' && callee.path[0] === 'AbortSignal') {
        const method = callee.path[1];
        if (method === 'timeout' || method === 'abort') return { kind: 'signal', timed: 'yes', at: node };
        if (method === 'any') {
          const list = node.arguments[0] ? unwrap(node.arguments[0]) : undefined;
          if (!list || !ts.isArrayLiteralExpression(list))
            return { kind: 'signal', timed: 'unknown', at: node };
          let timed: 'yes' | 'no' | 'unknown' = 'no';
          for (const element of list.elements) {
            if (ts.isSpreadElement(element)) {
              timed = timed === 'yes' ? 'yes' : 'unknown';
              continue;
            }
            const part = this.summarizeSignal(element, depth + 1);
            const partTimed = part.kind === 'signal' ? part.timed : 'unknown';
            if (partTimed === 'yes') timed = 'yes';
            else if (partTimed === 'unknown' && timed === 'no') timed = 'unknown';
          }
          return { kind: 'signal', timed, at: node };
        }
      }
      return { kind: 'signal', timed: 'unknown', at: node };
    }
    if (ts.isPropertyAccessExpression(node) && node.name.text === 'signal') {
      const object = unwrap(node.expression);
      if (ts.isIdentifier(object)) return { kind: 'signal', timed: this.controllerTimed(object), at: node };
      // `new AbortController().signal`: nothing can ever abort it.
      if (ts.isNewExpression(object) && this.isAbortControllerClass(object.expression))
        return { kind: 'signal', timed: 'no', at: node };
    }
    return { kind: 'signal', timed: 'unknown', at: node };
  }

  /** The global `AbortController`, or one from a polyfill package. */
  private isAbortControllerClass(node: ts.Expression): boolean {
    const value = this.valueOf(node);
    if (value.kind === 'global') return value.path.join('.') === 'AbortController';
    if (value.kind === 'module' && ABORT_CONTROLLER_MODULES.has(value.module))
      return value.path.length === 0 || value.path.join('.') === 'AbortController';
    return false;
  }

  /** For a local `new AbortController()`: does a timer call its `abort`, or does it escape? */
  private controllerTimed(identifier: ts.Identifier): 'yes' | 'no' | 'unknown' {
    const declaration = this.ctx.checker.getSymbolAtLocation(identifier)?.declarations?.[0];
    if (!declaration || !ts.isVariableDeclaration(declaration) || !ts.isIdentifier(declaration.name))
      return 'unknown';
    const init = declaration.initializer ? unwrap(declaration.initializer) : undefined;
    if (!init || !ts.isNewExpression(init) || !this.isAbortControllerClass(init.expression)) return 'unknown';
    let escapes = false;
    for (const use of this.referencesOf(declaration.name)) {
      const parent = use.parent;
      if (ts.isPropertyAccessExpression(parent) && parent.expression === use) {
        const name = parent.name.text;
        // `controller.abort()` in a timer callback, or `controller.abort.bind(controller)` given to one.
        const grand = parent.parent;
        const called = ts.isCallExpression(grand) && grand.expression === parent;
        const bound =
          ts.isPropertyAccessExpression(grand) && grand.expression === parent && grand.name.text === 'bind';
        if (name === 'abort' && (called || bound) && this.isInsideTimer(parent)) return 'yes';
        if (name === 'signal' || name === 'abort') continue;
      }
      if (
        ts.isBinaryExpression(parent) &&
        parent.left === use &&
        parent.operatorToken.kind === ts.SyntaxKind.EqualsToken
      )
        continue;
      escapes = true;
    }
    return escapes ? 'unknown' : 'no';
  }

  /** True when an argument is evidently a URL rather than an options object. */
  looksLikeUrl(input: ts.Expression): boolean {
    const node = unwrap(input);
    const named = (name: string | undefined): boolean => name !== undefined && URL_NAME.test(name);
    if (
      ts.isTemplateExpression(node) ||
      ts.isBinaryExpression(node) ||
      ts.isStringLiteral(node) ||
      ts.isNoSubstitutionTemplateLiteral(node)
    )
      return true;
    if (ts.isPropertyAccessExpression(node)) return named(node.name.text);
    if (ts.isNewExpression(node) || ts.isCallExpression(node)) {
      const callee = unwrap(node.expression);
      const name = ts.isIdentifier(callee)
        ? callee.text
        : ts.isPropertyAccessExpression(callee)
          ? callee.name.text
          : undefined;
      return name === 'URL' || named(name);
    }
    if (ts.isIdentifier(node)) {
      if (named(node.text)) return true;
      const type = this.ctx.checker.getTypeAtLocation(node);
      if (type.flags & ts.TypeFlags.StringLike) return true;
      if (type.getSymbol()?.name === 'URL') return true;
      const init = this.constInit(node);
      return init !== undefined && this.looksLikeUrl(init);
    }
    return false;
  }

  // ------------------------------------------------------------------ deadline facts

  /** What the instance a call goes through was configured with, outermost first. */
  private instanceLayers(classified: Classified): Summary[] {
    const layers: Summary[] = [];
    const chain: Origin[] = [];
    for (let origin = classified.origin; origin; origin = origin.parent) chain.unshift(origin);
    const family = classified.role.role === 'call' ? classified.role.family : undefined;
    if (family === 'axios' || family === 'googleapis' || family === 'sendgrid') {
      const file = classified.node.getSourceFile();
      // `axios.defaults.timeout = …`, `google.options({ timeout })`, `sgMail.setTimeout(ms)` in
      // another file of the library: outermost, so this file's own settings win.
      layers.push(...this.projectAxiosDefaults(file, family), ...(this.laterLayers(file).get(family) ?? []));
    }
    for (const origin of chain) {
      if (origin.role.role === 'factory') {
        const options = this.optionsOf(origin.node, origin.role.options);
        if (origin.role.family === 'googleapis') layers.push(...this.authClientLayers(options));
        layers.push(options);
      }
      if (family === 'axios' || family === 'sendgrid')
        layers.push(...(this.laterLayers(origin.node.getSourceFile()).get(origin) ?? []));
    }
    // An instance recognised only by its type: its configuration is not visible.
    if (classified.callee.kind === 'instance' && !classified.origin) layers.push({ kind: 'opaque' });
    return layers;
  }

  /**
   * A googleapis API sends its requests through the auth client it is given (`auth: oauth2Client`):
   * a timeout that client's options give its transporter (`transporterOptions: { timeout }`) is a
   * default under the API's own options, as in the rules' reader.
   */
  private authClientLayers(options: Summary): Summary[] {
    const value = propertyValue(getProp(options, 'auth')?.at as ts.Node | undefined);
    if (!value) return [];
    const client = this.valueOf(value);
    const made = client.kind === 'instance' && client.path.length === 0 ? client.origin : undefined;
    if (made?.role.role !== 'factory' || made.role.family !== 'google-auth') return [];
    const transporter = getProp(this.optionsOf(made.node, made.role.options), 'transporterOptions');
    return transporter ? [transporter.value] : [];
  }

  private readonly layerIndex = new Map<
    ts.SourceFile,
    Map<Origin | 'axios' | 'googleapis' | 'sendgrid', Summary[]>
  >();

  /**
   * The defaults set on the instance made at `construction` after it is made, and those its file sets
   * process-wide for its family (`google.options({ timeout })`), as client facts ({@link laterLayers}).
   */
  private laterLayersOf(construction: CallLike, family: 'axios' | 'googleapis'): { later?: Summary[] } {
    const index = this.laterLayers(construction.getSourceFile());
    const own =
      [...index].find(([slot]) => typeof slot !== 'string' && slot.node === construction)?.[1] ?? [];
    const later = [...(family === 'googleapis' ? (index.get('googleapis') ?? []) : []), ...own];
    return later.length > 0 ? { later } : {};
  }

  /**
   * Defaults set after construction in a file: `x.defaults.timeout = n` (on an instance or on
   * axios itself), and request interceptors that set a timeout or a signal.
   */
  private laterLayers(file: ts.SourceFile): Map<Origin | 'axios' | 'googleapis' | 'sendgrid', Summary[]> {
    const cached = this.layerIndex.get(file);
    if (cached) return cached;
    const index = new Map<Origin | 'axios' | 'googleapis' | 'sendgrid', Summary[]>();
    this.layerIndex.set(file, index);
    const add = (
      target: ts.Expression,
      key: string,
      value: Summary,
      at: ts.Node,
      moduleSlot: 'axios' | 'sendgrid' = 'axios',
    ): void => {
      const owner = this.valueOf(target);
      const slot: Origin | 'axios' | 'sendgrid' | undefined =
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
    walk(file, node => {
      if (
        ts.isBinaryExpression(node) &&
        node.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
        (ts.isPropertyAccessExpression(node.left) || ts.isElementAccessExpression(node.left))
      ) {
        const key = memberName(node.left);
        const owner = node.left.expression;
        if (
          (key === 'timeout' || key === 'signal') &&
          (ts.isPropertyAccessExpression(owner) || ts.isElementAccessExpression(owner)) &&
          memberName(owner) === 'defaults'
        ) {
          const summary =
            key === 'signal' ? this.summarizeSignal(node.right) : this.summarizeValue(node.right);
          add(owner.expression, key, summary, node);
        }
      }
      // `google.options({ timeout })`: googleapis' defaults for every API of the process.
      if (
        ts.isCallExpression(node) &&
        ts.isPropertyAccessExpression(unwrap(node.expression)) &&
        memberName(unwrap(node.expression) as ts.PropertyAccessExpression) === 'options'
      ) {
        const owner = this.valueOf((unwrap(node.expression) as ts.PropertyAccessExpression).expression);
        if (owner.kind === 'module' && owner.module === 'googleapis' && owner.path.join('.') === 'google') {
          const layer = this.optionsOf(node, { at: 0 });
          const list = index.get('googleapis');
          if (list) list.push(layer);
          else index.set('googleapis', [layer]);
        }
      }
      // `sgMail.setTimeout(ms)`: the default timeout of a SendGrid mail service.
      if (
        ts.isCallExpression(node) &&
        ts.isPropertyAccessExpression(unwrap(node.expression)) &&
        memberName(unwrap(node.expression) as ts.PropertyAccessExpression) === 'setTimeout' &&
        node.arguments[0] !== undefined &&
        !ts.isSpreadElement(node.arguments[0])
      ) {
        const target = (unwrap(node.expression) as ts.PropertyAccessExpression).expression;
        const owner = this.valueOf(target);
        const value = this.summarizeValue(node.arguments[0]);
        if (owner.kind === 'module' && owner.module === '@sendgrid/mail' && owner.path.length === 0)
          add(target, 'timeout', value, node, 'sendgrid');
        else if (owner.kind === 'instance' && owner.instance === 'sendgrid')
          add(target, 'timeout', value, node);
      }
      // `x.interceptors.request.use(config => { config.timeout = …; return config; })`
      if (ts.isCallExpression(node)) {
        const callee = unwrap(node.expression);
        const request =
          ts.isPropertyAccessExpression(callee) && callee.name.text === 'use'
            ? unwrap(callee.expression)
            : undefined;
        const interceptors =
          request && ts.isPropertyAccessExpression(request) && request.name.text === 'request'
            ? unwrap(request.expression)
            : undefined;
        const handler = node.arguments[0];
        if (
          interceptors &&
          ts.isPropertyAccessExpression(interceptors) &&
          interceptors.name.text === 'interceptors' &&
          handler &&
          findTs(handler, inner => {
            if (
              ts.isBinaryExpression(inner) &&
              inner.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
              (ts.isPropertyAccessExpression(inner.left) || ts.isElementAccessExpression(inner.left))
            ) {
              const name = memberName(inner.left);
              return name === 'timeout' || name === 'signal';
            }
            if (ts.isPropertyAssignment(inner) || ts.isShorthandPropertyAssignment(inner)) {
              const name = propertyNameText(inner.name);
              return name === 'timeout' || name === 'signal';
            }
            return false;
          })
        )
          add(interceptors.expression, 'timeout', { kind: 'value' }, node);
      }
      return true;
    });
    return index;
  }

  /**
   * fetch(request): the init of the `new Request(url, init)` it was built from, when visible; an
   * incoming request passed on (`fetch(request)` in a proxy) may carry its own signal.
   */
  private requestInit(call: CallLike): Summary | undefined {
    const input = call.arguments?.[0];
    if (!input || ts.isSpreadElement(input)) return undefined;
    const value = this.valueOf(input);
    if (
      value.kind === 'instance' &&
      value.instance === 'fetch-request' &&
      value.origin?.role.role === 'factory'
    )
      return this.optionsOf(value.origin.node, value.origin.role.options);
    const inner = unwrap(input);
    if (
      ts.isIdentifier(inner) &&
      !this.constInit(inner) &&
      (/^(req|request|incoming)/i.test(inner.text) || /Request$/.test(inner.text))
    )
      return { kind: 'opaque', at: inner };
    return undefined;
  }

  /** The identifiers in `scope` that refer to the same symbol as `declared`. */
  private referencesOf(declared: ts.Identifier): ts.Identifier[] {
    const symbol = this.ctx.checker.getSymbolAtLocation(declared);
    if (!symbol) return [];
    const scope = enclosingScope(declared);
    const found: ts.Identifier[] = [];
    walk(scope, node => {
      if (ts.isIdentifier(node) && node !== declared && node.text === declared.text) {
        if (this.ctx.checker.getSymbolAtLocation(node) === symbol) found.push(node);
      }
      return true;
    });
    return found;
  }

  /** `setTimeout(…)` / `setInterval(…)`, global or imported from node:timers. */
  private isTimerCall(node: ts.CallExpression): boolean {
    const written = writtenName(node.expression);
    if (written !== 'setTimeout' && written !== 'setInterval') return false;
    const callee = this.valueOf(node.expression);
    const name =
      callee.kind === 'global' || (callee.kind === 'module' && callee.module === 'node:timers')
        ? callee.path.join('.')
        : '';
    return name === 'setTimeout' || name === 'setInterval';
  }

  /**
   * ws: a timer started right after the connection is made ends it unless it opens (as the rules'
   * deadline-facts.ts): `setTimeout(() => ws.terminate(), ms)` in the function that holds it in `ws`
   * (or `this.ws`), after the construction and not inside a listener.
   */
  private closedByTimer(node: CallLike): boolean {
    const current = outermost(node);
    const parent = current.parent;
    const held =
      ts.isVariableDeclaration(parent) && parent.initializer === current
        ? parent.name
        : ts.isBinaryExpression(parent) &&
            parent.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
            parent.right === current
          ? parent.left
          : undefined;
    const key = held ? chainKey(held) : undefined;
    if (key === undefined) return false;
    const fn = enclosingFunction(node);
    const scope: ts.Node = (fn && fn.body) ?? node.getSourceFile();
    let found = false;
    walk(scope, inner => {
      if (found || isFunctionLike(inner)) return false;
      if (
        ts.isCallExpression(inner) &&
        inner.getStart() > node.end &&
        this.isTimerCall(inner) &&
        inner.arguments[0] !== undefined
      ) {
        walk(inner.arguments[0], end => {
          if (found) return false;
          if (ts.isCallExpression(end)) {
            const callee = unwrap(end.expression);
            const name = ts.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
            if (
              ts.isPropertyAccessExpression(callee) &&
              (name === 'terminate' || name === 'close') &&
              chainKey(callee.expression) === key
            )
              found = true;
          }
          return !found;
        });
      }
      return !found;
    });
    return found;
  }

  /** True when the node sits in a callback given to a timer, directly or through a const. */
  private isInsideTimer(node: ts.Node): boolean {
    for (let current: ts.Node = node; current.parent; current = current.parent) {
      const parent = current.parent;
      if (ts.isCallExpression(parent) && parent.arguments[0] === current && this.isTimerCall(parent))
        return true;
      // `const onTimeout = () => controller.abort(); setTimeout(onTimeout, ms)`
      if (
        isFunctionLike(current) &&
        ts.isVariableDeclaration(parent) &&
        ts.isIdentifier(parent.name) &&
        this.referencesOf(parent.name).some(
          use =>
            ts.isCallExpression(use.parent) &&
            use.parent.arguments[0] === use &&
            this.isTimerCall(use.parent),
        )
      )
        return true;
      if (ts.isSourceFile(parent)) return false;
    }
    return false;
  }

  /**
   * `signal.addEventListener('abort', () => req.destroy())`, `signal.onabort = …`: `node` runs when
   * a timed signal aborts (`AbortSignal.timeout(ms)`, a controller a timer aborts).
   */
  private inTimedAbortListener(node: ts.Node): boolean {
    let fn: ts.Node | undefined = node.parent;
    while (fn && !isFunctionLike(fn)) fn = fn.parent;
    const holder = fn?.parent;
    let signal: ts.Expression | undefined;
    if (
      holder &&
      ts.isCallExpression(holder) &&
      holder.arguments[1] === fn &&
      ts.isPropertyAccessExpression(holder.expression) &&
      holder.expression.name.text === 'addEventListener' &&
      staticString(holder.arguments[0]) === 'abort'
    )
      signal = holder.expression.expression;
    else if (
      holder &&
      ts.isBinaryExpression(holder) &&
      holder.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
      holder.right === fn &&
      ts.isPropertyAccessExpression(holder.left) &&
      holder.left.name.text === 'onabort'
    )
      signal = holder.left.expression;
    if (!signal) return false;
    const value = this.summarizeSignal(signal);
    return value.kind === 'signal' && value.timed === 'yes';
  }

  /** node:http: does a 'timeout' handler destroy the request, is `setTimeout` called, does it escape? */
  private httpFacts(call: CallLike): HttpFacts {
    const facts: HttpFacts = { destroysOnTimeout: false, setsTimeout: false, escapes: false };
    const destroys = (handler: ts.Expression | undefined): boolean => {
      if (!handler) return false;
      let body: ts.Node = handler;
      const inner = unwrap(handler);
      if (ts.isIdentifier(inner)) {
        const declaration = this.ctx.checker.getSymbolAtLocation(inner)?.declarations?.[0];
        body =
          this.constInit(inner) ??
          (declaration && ts.isFunctionDeclaration(declaration) ? declaration : inner);
      }
      return (
        findTs(body, node => {
          const name = memberName(node);
          return (
            (ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node)) &&
            (name === 'destroy' || name === 'abort')
          );
        }) !== undefined
      );
    };
    const inspectUse = (receiver: ts.Node): void => {
      // `req.on('timeout', h)`, `req.once(…)`, `req.setTimeout(ms, h)`, possibly chained.
      let current: ts.Node = receiver;
      for (let step = 0; step < 8; step++) {
        const member = current.parent;
        if (!member || !ts.isPropertyAccessExpression(member) || member.expression !== current) return;
        const use = member.parent;
        if (!ts.isCallExpression(use) || use.expression !== member) return;
        const name = member.name.text;
        if (name === 'on' || name === 'once' || name === 'addListener' || name === 'prependListener') {
          if (staticString(use.arguments[0]) === 'timeout' && destroys(use.arguments[1]))
            facts.destroysOnTimeout = true;
        } else if (name === 'setTimeout') {
          facts.setsTimeout = true;
          if (destroys(use.arguments[1])) facts.destroysOnTimeout = true;
        }
        current = use;
      }
    };
    inspectUse(call);
    // Walk up the chain (`http.get(...).on(...)`) to where the request ends up.
    let top: ts.Node = call;
    while (
      ts.isPropertyAccessExpression(top.parent) &&
      top.parent.expression === top &&
      ts.isCallExpression(top.parent.parent)
    )
      top = top.parent.parent;
    while (ts.isAwaitExpression(top.parent) || ts.isParenthesizedExpression(top.parent)) top = top.parent;
    const parent = top.parent;
    if (ts.isVariableDeclaration(parent) && ts.isIdentifier(parent.name)) {
      for (const use of this.referencesOf(parent.name)) {
        const useParent = use.parent;
        // `setTimeout(() => req.destroy(), ms)`: a timer that destroys the request is a deadline; so
        // is a listener of a timed signal's 'abort' that destroys it.
        if (
          ts.isPropertyAccessExpression(useParent) &&
          useParent.expression === use &&
          /^(destroy|abort)$/.test(useParent.name.text) &&
          (this.isInsideTimer(useParent) || this.inTimedAbortListener(useParent))
        )
          facts.destroysOnTimeout = true;
        if (ts.isPropertyAccessExpression(useParent) && useParent.expression === use) inspectUse(use);
        else if (
          ts.isCallExpression(useParent) ||
          ts.isNewExpression(useParent) ||
          ts.isReturnStatement(useParent) ||
          ts.isBinaryExpression(useParent) ||
          ts.isPropertyAssignment(useParent) ||
          ts.isShorthandPropertyAssignment(useParent) ||
          ts.isArrayLiteralExpression(useParent)
        )
          facts.escapes = true;
      }
    } else if (ts.isArrowFunction(parent) && parent.body === top) {
      // `new Promise(resolve => https.get(url, options, resolve))`: an executor's value is dropped.
      if (!isPromiseExecutor(parent)) facts.escapes = true;
    } else if (ts.isReturnStatement(parent)) {
      // `new Promise((resolve, reject) => { return https.get(…) })`: dropped as well.
      let fn: ts.Node | undefined = parent.parent;
      while (fn && !ts.isFunctionLike(fn)) fn = fn.parent;
      if (!fn || !isPromiseExecutor(fn)) facts.escapes = true;
    } else if ((ts.isCallExpression(parent) || ts.isNewExpression(parent)) && parent.expression !== top) {
      facts.escapes = true;
    }
    return facts;
  }

  /** superagent: a `.timeout(…)` somewhere along the chain, or on the variable holding the request. */
  private superagentBounded(call: CallLike): boolean {
    let current: ts.Node = call;
    for (let step = 0; step < 20; step++) {
      const member = current.parent;
      if (
        (ts.isPropertyAccessExpression(member) || ts.isElementAccessExpression(member)) &&
        member.expression === current &&
        ts.isCallExpression(member.parent)
      ) {
        if (memberName(member) === 'timeout') return true;
        current = member.parent;
        continue;
      }
      if (ts.isVariableDeclaration(member) && ts.isIdentifier(member.name)) {
        return this.referencesOf(member.name).some(
          use =>
            (ts.isPropertyAccessExpression(use.parent) || ts.isElementAccessExpression(use.parent)) &&
            memberName(use.parent) === 'timeout',
        );
      }
      return false;
    }
    return false;
  }

  /** The facts of a client's construction (for families bounded where the client is made). */
  private clientFacts(origin: Origin, family: FamilyId): ClientFacts | undefined {
    if (origin.role.role !== 'factory') return undefined;
    const { options, writtenFirst } = this.factoryOptions(origin.node, origin.role);
    const facts: ClientFacts = { family, options };
    const first = origin.node.arguments?.[0];
    if (FAMILIES[family].connectionString && first)
      facts.connectionString = writtenFirst ? options : this.summarizeTop(first);
    return facts;
  }

  /** Everything the catalog needs to decide whether a remote call has a deadline. */
  callFacts(node: CallLike, checkWrapper = true): CallFacts | undefined {
    const classified = this.classify(node);
    if (!classified || classified.role.role !== 'call') return undefined;
    const family = classified.role.family;
    const facts: CallFacts = {
      family,
      callee: identityOf(classified.callee),
      options: this.optionsOf(node, classified.role.options),
      instance: this.instanceLayers(classified),
      wrappedByTimeout: checkWrapper && this.isTimeoutWrapped(node),
    };
    if (family === 'fetch') {
      const request = this.requestInit(node);
      if (request) facts.request = request;
      // The global fetch (and undici's own) sends through the process's global dispatcher.
      const callee = classified.callee;
      const throughGlobal =
        (callee.kind === 'global' && callee.path.join('.') === 'fetch') ||
        (callee.kind === 'module' && callee.module === 'undici' && callee.path.join('.') === 'fetch');
      // A dispatcher of its own (`{ dispatcher: agent }`) takes the global's place for this request.
      const dispatcher = throughGlobal ? this.dispatcherOf(facts.options) : undefined;
      if (dispatcher) facts.dispatcher = dispatcher;
      else if (throughGlobal && this.setsGlobalDispatcher()) facts.processDispatcher = true;
    }
    if (family === 'http') facts.http = this.httpFacts(node);
    if (family === 'ws' && this.closedByTimer(node)) facts.closedByTimer = true;
    if (family === 'ws' && madeForLibrary(node)) facts.madeForLibrary = true;
    // superagent and knex: a `.timeout(…)` along the request's (or query builder's) chain.
    if (family === 'superagent' || family === 'knex') facts.chainTimeout = this.superagentBounded(node);
    if (classified.custom)
      facts.custom = {
        keys: classified.custom.timeoutKeys,
        boundedByDefault: classified.custom.boundedByDefault,
      };
    if (FAMILIES[family].reportAt === 'construction') {
      const origin = root(classified.origin);
      const client = origin ? this.clientFacts(origin, family) : undefined;
      if (client) facts.client = client;
    }
    return facts;
  }

  /**
   * The undici dispatcher a fetch's init hands it (`{ dispatcher: agent }`), followed to where it is
   * made: a const, a class field or `this.x` assigned once, through `.compose(…)` and the agent a
   * `RetryAgent` wraps (as in the rules' deadline-facts.ts). Made where it cannot be seen, it is unseen.
   */
  private dispatcherOf(options: Summary): DispatcherFacts | undefined {
    const prop = options.kind === 'object' ? options.props.get('dispatcher') : undefined;
    if (!prop || prop.value.kind === 'undefined' || prop.value.kind === 'null') return undefined;
    const node = propertyValue(prop.at as ts.Node | undefined);
    const value = node ? this.valueOf(node) : UNKNOWN;
    if (value.kind !== 'instance' || value.instance !== 'undici-dispatcher' || value.path.length > 0)
      return UNSEEN_DISPATCHER;
    let origin = value.origin;
    while (origin?.role.role === 'factory' && origin.role.inheritsFrom) origin = origin.parent;
    if (origin?.role.role !== 'factory') return UNSEEN_DISPATCHER;
    const callee = this.classify(origin.node)?.callee;
    return {
      made: callee?.kind === 'module' ? callee.path.at(-1) : undefined,
      options: this.optionsOf(origin.node, origin.role.options),
    };
  }

  /** Judges a remote call with the catalog; undefined when the call is not remote. */
  judgeCall(node: CallLike): RemoteCallFact | undefined {
    const facts = this.callFacts(node, false);
    const classified = this.classify(node);
    if (!facts || !classified) return undefined;
    let verdict = decideDeadline(facts);
    // The wrapper search walks the tree: only when a wrapper would change the verdict.
    if (wrapperMatters(verdict) && this.isTimeoutWrapped(node)) {
      facts.wrappedByTimeout = true;
      verdict = decideDeadline(facts);
    }
    const family = FAMILIES[facts.family];
    const callee = node.expression.getText().replace(/\s+/g, ' ');
    const origin = family.reportAt === 'construction' ? root(classified.origin) : undefined;
    const loopback = this.loopbackOf(classified);
    return {
      ...(loopback === undefined ? {} : { loopback }),
      node,
      family: facts.family,
      label: family.label,
      fix: family.fix,
      callee: callee.length > 40 ? `${callee.slice(0, 37)}…` : callee,
      verdict,
      // The bound of a construction-level client lives where it was built, unless the call carries its own.
      decidedAt: origin && !hasPerCallBound(facts.options) ? origin.node : node,
    };
  }

  /**
   * What names this machine as the host of the request a known client's call makes
   * (`http://localhost:8080/app`), also through an instance made with a loopback base; undefined
   * when it is not a request to this machine. The catalog decides (`loopbackTarget`), as for the
   * rules' reader (rules/util/url-lookups.ts).
   */
  loopbackTarget(node: CallLike): string | undefined {
    const classified = this.classify(node);
    return classified && this.loopbackOf(classified);
  }

  private loopbackOf(classified: Classified): string | undefined {
    const { node, role } = classified;
    if (!ts.isCallExpression(node) || role.role !== 'call' || !URL_FAMILIES.has(role.family))
      return undefined;
    let made = classified.origin;
    while (made?.parent) made = made.parent;
    return loopbackRequest(node, this.urlLookups, made?.role.role === 'factory' ? made.node : undefined);
  }

  /** A const of the library a URL names, also through an import of another of its files. */
  private readonly urlLookups: UrlLookups = {
    name: id => {
      // `{ baseURL }`: the symbol of the value the shorthand names, not of the property.
      const symbol = ts.isShorthandPropertyAssignment(id.parent)
        ? this.ctx.checker.getShorthandAssignmentValueSymbol(id.parent)
        : this.ctx.checker.getSymbolAtLocation(id);
      const declaration = symbol && resolveAlias(this.ctx.checker, symbol).declarations?.[0];
      if (declaration && ts.isParameter(declaration)) return this.handedOnce(declaration);
      if (
        !declaration ||
        !ts.isVariableDeclaration(declaration) ||
        !declaration.initializer ||
        !(declaration.parent.flags & ts.NodeFlags.Const) ||
        !this.ctx.libraryFiles.has(declaration.getSourceFile().fileName)
      )
        return undefined;
      return declaration.initializer;
    },
    field: fieldInit,
  };

  /**
   * What the one call of a function of its file hands `parameter` (`const checkServer = async url =>
   * fetch(url)` called once as `` checkServer(`http://localhost:${port}`) ``), as the rules' reader.
   * Undefined when the function is exported, used other than by calls, or called more than once.
   */
  private handedOnce(parameter: ts.ParameterDeclaration): ts.Expression | undefined {
    const fn = parameter.parent;
    const index = fn.parameters.indexOf(parameter);
    if (!ts.isIdentifier(parameter.name) || parameter.dotDotDotToken) return undefined;
    let binding: ts.Identifier | undefined;
    let declaration: ts.Node | undefined;
    if (ts.isFunctionDeclaration(fn) && fn.name) {
      binding = fn.name;
      declaration = fn;
    } else if (
      (ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) &&
      ts.isVariableDeclaration(fn.parent) &&
      fn.parent.initializer === fn &&
      ts.isIdentifier(fn.parent.name)
    ) {
      binding = fn.parent.name;
      declaration = fn.parent.parent.parent;
    }
    if (!binding || !declaration) return undefined;
    if (
      ts.canHaveModifiers(declaration) &&
      ts.getModifiers(declaration)?.some(modifier => modifier.kind === ts.SyntaxKind.ExportKeyword)
    )
      return undefined;
    const symbol = this.ctx.checker.getSymbolAtLocation(binding);
    if (!symbol) return undefined;
    const calls: ts.CallExpression[] = [];
    let other = false;
    const visit = (node: ts.Node): void => {
      if (other) return;
      if (ts.isIdentifier(node) && node !== binding && node.text === binding.text) {
        // `export { checkServer }`, `export default checkServer`: other modules may call it.
        if (ts.isExportSpecifier(node.parent) || ts.isExportAssignment(node.parent)) other = true;
        const at = ts.isShorthandPropertyAssignment(node.parent)
          ? this.ctx.checker.getShorthandAssignmentValueSymbol(node.parent)
          : this.ctx.checker.getSymbolAtLocation(node);
        if (at === symbol) {
          if (ts.isCallExpression(node.parent) && node.parent.expression === node) calls.push(node.parent);
          else other = true;
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(fn.getSourceFile());
    const args = !other && calls.length === 1 ? calls[0]?.arguments : undefined;
    if (!args || args.slice(0, index).some(arg => ts.isSpreadElement(arg))) return undefined;
    // A parameter the function writes may hold another URL by the time it is used.
    const parameterSymbol = this.ctx.checker.getSymbolAtLocation(parameter.name);
    let written = false;
    const writes = (node: ts.Node): void => {
      if (written) return;
      if (
        ts.isBinaryExpression(node) &&
        node.operatorToken.kind >= ts.SyntaxKind.FirstAssignment &&
        node.operatorToken.kind <= ts.SyntaxKind.LastAssignment &&
        ts.isIdentifier(node.left) &&
        this.ctx.checker.getSymbolAtLocation(node.left) === parameterSymbol
      )
        written = true;
      ts.forEachChild(node, writes);
    };
    writes(fn);
    if (written) return undefined;
    const argument = args[index];
    // A recursive call hands the function its own parameter: nothing is learnt.
    if (!argument || ts.isSpreadElement(argument) || (argument.pos >= fn.pos && argument.end <= fn.end))
      return undefined;
    return argument;
  }

  // ------------------------------------------------------------------ wrappers and escaping clients

  /**
   * The global fetch, undici's, node-fetch's or cross-fetch's, or a request on axios' default
   * instance: what a request wrapper may bound with its caller's deadline. Not axios when the
   * wrapper's file sets axios' defaults, or another file of the library sets its timeout.
   */
  private wrappedRequestOf(call: ts.CallExpression): WrappedRequest | undefined {
    const value = this.valueOf(call.expression);
    if (value.kind !== 'global' && value.kind !== 'module') return undefined;
    const kind = wrappedRequest(value, call.arguments.length);
    if (kind?.client !== 'axios') return kind;
    const file = call.getSourceFile();
    return SETS_DEFAULTS.test(file.text) || this.projectAxiosDefaults(file).length > 0 ? undefined : kind;
  }

  /**
   * A call to a request wrapper of the library (`fetchJson(url)`) that bounds its request only
   * with the deadline its caller gives (`{ timeout }`, `signal`), made without one; as the rules'
   * `wrapperWithoutDeadline`. Calls the catalog knows are judged as remote calls instead.
   */
  wrapperCall(node: CallLike): WrapperCallFinding | undefined {
    if (!ts.isCallExpression(node) || this.classify(node)) return undefined;
    const found = wrapperCallFinding(this.carrierHost, node, this.carriers);
    // Raced against a timer or handed to a timeout wrapper: its caller stops waiting.
    return found && !this.isTimeoutWrapped(node) ? found : undefined;
  }

  /**
   * A client made without a deadline (`axios.create({ baseURL })`, `got.extend({ prefixUrl })`)
   * whose instance leaves its file (exported, or returned): its calls are made where the
   * construction is not visible, so it is judged where it is made. The missing deadlines, or none.
   */
  escapingClient(node: CallLike): Verdict[] {
    const classified = this.classify(node);
    const role = classified?.role;
    if (!classified || role?.role !== 'factory') return [];
    const family = role.family;
    // `instance.extend({…})` inherits the instance's deadline; `got.extend({…})` off the module does not.
    const fromInstance = role.inheritsFrom !== undefined && classified.callee.kind !== 'module';
    if (!isEscapingClientCandidate(family, fromInstance) || !leavesFile(node)) return [];
    return decideEscapingClient({
      family,
      fromInstance,
      leavesFile: true,
      processDefault:
        (family === 'axios' || family === 'googleapis') &&
        this.projectAxiosDefaults(node.getSourceFile(), family).length > 0,
      client: {
        family,
        options: this.optionsOf(node, role.options),
        perCallOptions: this.usesOf(node),
        ...(family === 'axios' || family === 'googleapis' ? this.laterLayersOf(node, family) : {}),
      },
      loopbackBase: ts.isCallExpression(node) && loopbackConstruction(node, this.urlLookups) !== undefined,
    });
  }

  /** Options of each remote call made through the client built at `construction`, in its file. */
  private usesOf(construction: CallLike): Summary[] {
    const uses: Summary[] = [];
    walk(construction.getSourceFile(), node => {
      if (!ts.isCallExpression(node) && !ts.isNewExpression(node)) return true;
      const classified = this.classify(node);
      if (!classified || classified.role.role !== 'call') return true;
      let origin = classified.origin;
      while (origin && origin.node !== construction) origin = origin.parent;
      if (!origin) return true;
      // A knex query with `.timeout(ms)` along its chain carries its own bound; so does a command
      // handed to a timeout helper (`asyncCallWithTimeout(redis.get(key), 500)`).
      const chain =
        ('chain' in classified.role.options && this.superagentBounded(node)) || this.isTimeoutWrapped(node);
      uses.push(chain ? BOUND_BY_CHAIN : this.optionsOf(node, classified.role.options));
      return true;
    });
    return uses;
  }

  /**
   * `axios.defaults.timeout = …` set to a bound by the library's other files: a process-wide
   * default, outermost, so a file's own settings win (as the rules' project facts).
   */
  private projectAxiosDefaults(
    except: ts.SourceFile,
    family: 'axios' | 'googleapis' | 'sendgrid' = 'axios',
  ): Summary[] {
    if (!this.projectDefaults) {
      this.projectDefaults = new Map();
      for (const file of this.ctx.program.getSourceFiles()) {
        if (!this.ctx.libraryFiles.has(file.fileName)) continue;
        const axios = AXIOS_DEFAULT_HINT.test(file.text);
        const google = file.text.includes('googleapis') && GOOGLE_OPTIONS_HINT.test(file.text);
        const sendgrid = file.text.includes('@sendgrid/mail') && /\.\s*setTimeout\s*\(/.test(file.text);
        if (!axios && !google && !sendgrid) continue;
        const found: { axios: Summary[]; googleapis: Summary[]; sendgrid: Summary[] } = {
          axios: [],
          googleapis: [],
          sendgrid: [],
        };
        walk(file, node => {
          if (
            axios &&
            ts.isBinaryExpression(node) &&
            node.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
            (ts.isPropertyAccessExpression(node.left) || ts.isElementAccessExpression(node.left)) &&
            memberName(node.left) === 'timeout'
          ) {
            const defaults = unwrap(node.left.expression);
            if (
              (ts.isPropertyAccessExpression(defaults) || ts.isElementAccessExpression(defaults)) &&
              memberName(defaults) === 'defaults'
            ) {
              const owner = this.valueOf(defaults.expression);
              const value = this.summarizeValue(node.right);
              // Only a bound counts from elsewhere; a "none" is reported in the file that writes it.
              if (owner.kind === 'module' && owner.module === 'axios' && owner.path.length === 0)
                if (!isFalsyNone(value)) found.axios.push(value);
            }
          }
          // `google.options({ timeout: n })`
          if (google && ts.isCallExpression(node)) {
            const callee = unwrap(node.expression);
            const options = node.arguments[0] ? unwrap(node.arguments[0]) : undefined;
            if (
              ts.isPropertyAccessExpression(callee) &&
              callee.name.text === 'options' &&
              options &&
              ts.isObjectLiteralExpression(options)
            ) {
              const owner = this.valueOf(callee.expression);
              if (
                owner.kind === 'module' &&
                owner.module === 'googleapis' &&
                owner.path.join('.') === 'google'
              )
                for (const property of options.properties) {
                  if (!ts.isPropertyAssignment(property) || propertyNameText(property.name) !== 'timeout')
                    continue;
                  const value = this.summarizeValue(property.initializer);
                  if (!isFalsyNone(value)) found.googleapis.push(value);
                }
            }
          }
          // `sgMail.setTimeout(ms)` on the module's own mail service
          if (
            sendgrid &&
            ts.isCallExpression(node) &&
            node.arguments[0] &&
            !ts.isSpreadElement(node.arguments[0])
          ) {
            const callee = unwrap(node.expression);
            if (ts.isPropertyAccessExpression(callee) && callee.name.text === 'setTimeout') {
              const owner = this.valueOf(callee.expression);
              const value = this.summarizeValue(node.arguments[0]);
              if (owner.kind === 'module' && owner.module === '@sendgrid/mail' && owner.path.length === 0)
                if (!isFalsyNone(value)) found.sendgrid.push(value);
            }
          }
          return true;
        });
        if (found.axios.length > 0 || found.googleapis.length > 0 || found.sendgrid.length > 0)
          this.projectDefaults.set(file, found);
      }
    }
    const layers: Summary[] = [];
    for (const [file, values] of this.projectDefaults) {
      if (file === except) continue;
      for (const value of values[family])
        layers.push({ kind: 'object', props: new Map([['timeout', { value }]]), hasSpread: false });
    }
    return layers;
  }

  /**
   * A file of the library installs a process-wide undici dispatcher whose response timeouts bound
   * every request of the global fetch (`setGlobalDispatcher(new Agent({ headersTimeout: 30_000,
   * bodyTimeout: 30_000 }))`, through a const or `.compose(…)`): the catalog decides
   * (`dispatcherBoundsResponses`), as in the rules' project facts.
   */
  private setsGlobalDispatcher(): boolean {
    if (this.globalDispatcher !== undefined) return this.globalDispatcher;
    this.globalDispatcher = false;
    for (const file of this.ctx.program.getSourceFiles()) {
      if (!this.ctx.libraryFiles.has(file.fileName) || !file.text.includes('setGlobalDispatcher')) continue;
      walk(file, node => {
        if (this.globalDispatcher) return false;
        if (ts.isCallExpression(node) && writtenName(node.expression) === 'setGlobalDispatcher')
          this.globalDispatcher = this.boundedDispatcher(node.arguments[0]);
        return true;
      });
      if (this.globalDispatcher) break;
    }
    return this.globalDispatcher;
  }

  /** The dispatcher handed to `setGlobalDispatcher` bounds headers and body (see {@link setsGlobalDispatcher}). */
  private boundedDispatcher(argument: ts.Expression | undefined): boolean {
    let made = argument ? unwrap(argument) : undefined;
    for (let steps = 0; made && steps < 4; steps++) {
      if (ts.isIdentifier(made)) {
        const init = this.constInit(made);
        made = init ? unwrap(init) : undefined;
      } else if (
        ts.isCallExpression(made) &&
        ts.isPropertyAccessExpression(made.expression) &&
        made.expression.name.text === 'compose'
      )
        made = unwrap(made.expression.expression);
      else break;
    }
    if (!made || !ts.isNewExpression(made)) return false;
    const options = made.arguments?.find(ts.isObjectLiteralExpression);
    if (!options) return false;
    const summary = this.summarizeValue(options);
    if (summary.kind !== 'object') return false;
    const ms = (key: string): number | undefined => {
      const value = summary.props.get(key)?.value;
      return value?.kind === 'number' ? value.value : undefined;
    };
    return dispatcherBoundsResponses(
      writtenName(made.expression) ?? '',
      ms('headersTimeout'),
      ms('bodyTimeout'),
    );
  }

  private isTimeoutWrapperCall(call: ts.CallExpression): boolean {
    const value = this.valueOf(call.expression);
    if (value.kind === 'module' && TIMEOUT_WRAPPER_MODULES[value.module]?.includes(value.path.join('.')))
      return true;
    if (this.matchesFunctionRef(call.expression, this.settings.timeoutWrappers)) return true;
    // The team's own `withTimeout(promise, ms)`, in this file or another of the library.
    const callee = unwrap(call.expression);
    const fn =
      this.localFunction(callee) ?? (ts.isIdentifier(callee) ? this.importedFunction(callee) : undefined);
    if (fn) return boundsHandedPromise(fn, node => writtenName(unwrap(node.expression)) === 'setTimeout');
    // A package's `promiseTimeout(promise, ms)`: its code is not read, its name and the time say it.
    return (
      value.kind === 'module' &&
      call.arguments.length >= 2 &&
      TIMEOUT_WRAPPER_NAME.test(value.path.at(-1) ?? writtenName(callee) ?? '')
    );
  }

  /** True when a function reference from the settings matches this callee (as in the rules). */
  private matchesFunctionRef(callee: ts.Expression, refs: readonly FunctionRef[]): boolean {
    if (refs.length === 0) return false;
    const name = writtenName(callee);
    let value: Value | undefined;
    for (const ref of refs) {
      if (ref.module) {
        value ??= this.valueOf(callee);
        if (value.kind !== 'module' || value.module !== ref.module) continue;
        const path = value.path.join('.');
        if (path === (ref.export ?? '') || (ref.name !== undefined && path === ref.name)) return true;
        continue;
      }
      if (ref.name !== undefined && ref.name === name) return true;
    }
    return false;
  }

  /** A racer that is a timer: it contains a timer call, a node:timers/promises call, or a timer-named helper. */
  private isTimer(input: ts.Expression): boolean {
    const inner = unwrap(input);
    const element = (ts.isIdentifier(inner) ? this.constInit(inner) : undefined) ?? inner;
    const check = (node: ts.Node): boolean => {
      if (!ts.isCallExpression(node) && !ts.isNewExpression(node)) return false;
      if (ts.isCallExpression(node) && this.isTimerCall(node)) return true;
      const value = this.valueOf(node.expression);
      if (value.kind === 'module' && value.module === 'node:timers/promises') return true;
      const name = writtenName(node.expression);
      return name !== undefined && TIMER_NAME.test(name);
    };
    return check(element) || findTs(element, check) !== undefined;
  }

  /**
   * A callback-style request raced against its own timer: its response callback tests a flag
   * (`if (finished) return`) that a `setTimeout` of the same function sets when it gives up first.
   * The rules' reader does the same (rules/util/timeout-wrappers.ts `racedByCallbackTimer`).
   */
  private racedByCallbackTimer(call: CallLike): boolean {
    const callbacks = (call.arguments ?? []).filter(arg => isFunctionLike(unwrap(arg)));
    if (callbacks.length === 0) return false;
    const flags = new Set<string>();
    for (const callback of callbacks)
      walk(callback, node => {
        if (ts.isIfStatement(node)) {
          const test = unwrap(node.expression);
          if (ts.isIdentifier(test)) flags.add(test.text);
        }
      });
    if (flags.size === 0) return false;
    let scope: ts.Node | undefined = call.parent;
    while (scope && !isFunctionLike(scope)) scope = scope.parent;
    const body = scope && isFunctionLike(scope) ? scope.body : undefined;
    if (!body) return false;
    let found = false;
    walk(body, node => {
      if (found) return false;
      if (isFunctionLike(node)) return false;
      if (!ts.isCallExpression(node) || node === call || !this.isTimerCall(node)) return;
      const [handler, delay] = node.arguments;
      if (!handler || !delay || !isFunctionLike(unwrap(handler))) return;
      walk(handler, inner => {
        if (
          ts.isBinaryExpression(inner) &&
          inner.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
          ts.isIdentifier(inner.left) &&
          flags.has(inner.left.text)
        )
          found = true;
      });
    });
    return found;
  }

  /**
   * The call's promise, or a function making it, is given to a timeout wrapper (`pTimeout(call, …)`)
   * or raced with a timer. Walks out through `await`, promise chains, returns and enclosing callbacks.
   */
  private isTimeoutWrapped(call: CallLike): boolean {
    if (this.racedByCallbackTimer(call)) return true;
    let current: ts.Node = call;
    for (let step = 0; step < 24; step++) {
      const parent: ts.Node | undefined = current.parent;
      if (!parent) return false;
      if (
        ts.isAwaitExpression(parent) ||
        ts.isParenthesizedExpression(parent) ||
        ts.isAsExpression(parent) ||
        ts.isNonNullExpression(parent) ||
        ts.isSatisfiesExpression(parent)
      ) {
        current = parent;
        continue;
      }
      if (ts.isPropertyAccessExpression(parent) || ts.isElementAccessExpression(parent)) {
        // `call.then(…)`, `got(url).json()`: the chain carries the same request.
        if (
          parent.expression === current &&
          ts.isCallExpression(parent.parent) &&
          parent.parent.expression === parent
        ) {
          current = parent.parent;
          continue;
        }
        return false;
      }
      if (ts.isArrayLiteralExpression(parent)) {
        const race = parent.parent;
        if (ts.isCallExpression(race) && race.arguments[0] === parent) {
          const callee = this.valueOf(race.expression);
          if (
            callee.kind === 'global' &&
            callee.path.join('.') === 'Promise.race' &&
            parent.elements.some(
              element => element !== current && !ts.isSpreadElement(element) && this.isTimer(element),
            )
          )
            return true;
        }
        current = parent;
        continue;
      }
      if (ts.isCallExpression(parent)) {
        if (parent.expression === current) return false;
        if (this.isTimeoutWrapperCall(parent)) return true;
        current = parent;
        continue;
      }
      if (ts.isArrowFunction(parent) || ts.isFunctionExpression(parent)) {
        if (ts.isCallExpression(parent.parent) && parent.parent.arguments.includes(parent)) {
          current = parent;
          continue;
        }
        return false;
      }
      if (
        ts.isReturnStatement(parent) ||
        ts.isVariableDeclaration(parent) ||
        ts.isVariableDeclarationList(parent) ||
        ts.isVariableStatement(parent) ||
        ts.isExpressionStatement(parent) ||
        ts.isBlock(parent) ||
        ts.isTryStatement(parent) ||
        ts.isIfStatement(parent)
      ) {
        // Statements inside a callback: continue from the function, if it is an argument.
        let up: ts.Node | undefined = parent;
        while (up && !isFunctionLike(up)) up = up.parent;
        if (!up || !(ts.isArrowFunction(up) || ts.isFunctionExpression(up))) return false;
        if (!(ts.isCallExpression(up.parent) && up.parent.arguments.includes(up))) return false;
        current = up;
        continue;
      }
      return false;
    }
    return false;
  }
}

function root(origin: Origin | undefined): Origin | undefined {
  let current = origin;
  while (current?.parent) current = current.parent;
  return current;
}

/** The callee's identity as the catalog names it. */
function identityOf(value: Value): CalleeIdentity {
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

function getPropKind(summary: Summary, key: string): boolean {
  return summary.kind === 'object' && summary.props.has(key);
}

/** For `(...args) => f(...args)` (possibly through `.then(m => m.f(...args))`), the forwarded callee. */
function forwardedCallee(fn: ts.Expression): ts.Expression | undefined {
  if (!ts.isArrowFunction(fn) && !ts.isFunctionExpression(fn)) return undefined;
  const rest = fn.parameters[0];
  if (fn.parameters.length !== 1 || !rest?.dotDotDotToken || !ts.isIdentifier(rest.name)) return undefined;
  const name = rest.name.text;
  let found: ts.Expression | undefined;
  const visit = (node: ts.Expression | undefined, depth: number): void => {
    if (!node || found || depth > 6) return;
    const inner = unwrap(node);
    if (ts.isCallExpression(inner)) {
      const [only] = inner.arguments;
      if (
        inner.arguments.length === 1 &&
        only &&
        ts.isSpreadElement(only) &&
        ts.isIdentifier(only.expression) &&
        only.expression.text === name
      ) {
        found = inner.expression;
        return;
      }
      for (const arg of inner.arguments)
        if (ts.isArrowFunction(arg) && !ts.isBlock(arg.body)) visit(arg.body, depth + 1);
      if (ts.isPropertyAccessExpression(inner.expression)) visit(inner.expression.expression, depth + 1);
    }
    if (ts.isAwaitExpression(inner)) visit(inner.expression, depth + 1);
  };
  if (!ts.isBlock(fn.body)) visit(fn.body, 0);
  else if (fn.body.statements.length === 1) {
    const only = fn.body.statements[0];
    if (only && ts.isReturnStatement(only)) visit(only.expression, 0);
  }
  return found;
}

/**
 * The value of `node` is exported, returned from a function, or handed to a function another module
 * of the project exports, so its uses are in other files.
 */
function leavesFile(node: ts.Node): boolean {
  let current: ts.Node = node;
  for (let parent = current.parent; parent; current = parent, parent = parent.parent) {
    if (
      ts.isAsExpression(parent) ||
      ts.isSatisfiesExpression(parent) ||
      ts.isNonNullExpression(parent) ||
      ts.isAwaitExpression(parent) ||
      ts.isParenthesizedExpression(parent)
    )
      continue;
    if (ts.isReturnStatement(parent)) return true;
    // `export default axios.create(…)` (not `export =`, which the rules' reader does not read either).
    if (ts.isExportAssignment(parent)) return !parent.isExportEquals;
    if (ts.isArrowFunction(parent)) return parent.body === current;
    if (ts.isBinaryExpression(parent)) {
      const operator = parent.operatorToken.kind;
      if (
        operator === ts.SyntaxKind.EqualsToken ||
        operator === ts.SyntaxKind.QuestionQuestionEqualsToken ||
        operator === ts.SyntaxKind.BarBarEqualsToken
      ) {
        if (parent.right !== current) return false;
        // `module.exports = axios.create(…)`, `exports.http = …`
        if (operator === ts.SyntaxKind.EqualsToken && /^(module\.)?exports\b/.test(parent.left.getText()))
          return true;
        // `if (!api) api = axios.create(…)` into a binding a getter returns or the module exports.
        if (ts.isIdentifier(parent.left)) {
          const declared = declarationOf(parent, parent.left.text);
          if (declared && bindingLeaves(declared, parent.left.text)) return true;
        }
        // `return (api ??= axios.create(…))`: the assignment's value is the client.
        continue;
      }
      // `return globalThis.api ?? axios.create(…)`
      if (
        parent.right === current &&
        (operator === ts.SyntaxKind.QuestionQuestionToken || operator === ts.SyntaxKind.BarBarToken)
      )
        continue;
      return false;
    }
    if (ts.isVariableDeclaration(parent)) {
      if (parent.initializer !== current || !ts.isIdentifier(parent.name)) return false;
      return bindingLeaves(parent, parent.name.text);
    }
    // `retrieveToken(got.extend(options))`: handed to a function another module of the project exports.
    if (ts.isCallExpression(parent) || ts.isNewExpression(parent))
      return parent.expression !== current && fromProjectModule(parent.expression);
    return false;
  }
  return false;
}

/** `fn` is the executor of `new Promise(fn)`, whose returned value nothing reads. */
function isPromiseExecutor(fn: ts.Node): boolean {
  let holder = fn.parent;
  while (ts.isParenthesizedExpression(holder)) holder = holder.parent;
  return (
    ts.isNewExpression(holder) &&
    ts.isIdentifier(holder.expression) &&
    holder.expression.text === 'Promise' &&
    holder.arguments?.[0] !== undefined &&
    unwrap(holder.arguments[0]) === fn
  );
}

/**
 * `callee` (or the root of its member chain: `auth.retrieveToken`) is bound by an import or a
 * `require` of a relative module (`./auth`): the project's own code, in another file (as the rules'
 * reader decides).
 */
function fromProjectModule(callee: ts.Expression): boolean {
  let root = unwrap(callee);
  // `logger.debug('made', client)`: a logging call keeps nothing.
  if (ts.isPropertyAccessExpression(root) && LOGGING.test(root.name.text)) return false;
  while (ts.isPropertyAccessExpression(root)) root = unwrap(root.expression);
  if (!ts.isIdentifier(root)) return false;
  const specifier = bindingSpecifier(root, root.text);
  return specifier !== undefined && /^\.{1,2}\//.test(specifier);
}

/** Methods that log what they are handed (as the rules' reader decides). */
const LOGGING = /^(?:log|debug|info|warn|warning|error|trace|fatal|verbose|silly)$/;

/**
 * The module an import or a `require` (`const { a } = require('./x')`, `require('./x').a`) binds
 * `name` from, where `from` is written: undefined when a nearer binding (a parameter, a catch or
 * loop variable, a local function or class) shadows it, as the rules' scope analysis decides.
 */
function bindingSpecifier(from: ts.Node, name: string): string | undefined {
  const binds = (pattern: ts.BindingName): boolean =>
    ts.isIdentifier(pattern)
      ? pattern.text === name
      : pattern.elements.some(element => !ts.isOmittedExpression(element) && binds(element.name));
  for (let current = from.parent; current; current = current.parent) {
    if (ts.isFunctionLike(current) && current.parameters.some(parameter => binds(parameter.name)))
      return undefined;
    if (ts.isCatchClause(current) && current.variableDeclaration && binds(current.variableDeclaration.name))
      return undefined;
    if (
      (ts.isForOfStatement(current) || ts.isForInStatement(current) || ts.isForStatement(current)) &&
      current.initializer &&
      ts.isVariableDeclarationList(current.initializer) &&
      current.initializer.declarations.some(declaration => binds(declaration.name))
    )
      return undefined;
    if (!ts.isBlock(current) && !ts.isSourceFile(current) && !ts.isModuleBlock(current)) continue;
    for (const statement of current.statements) {
      if (
        (ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement)) &&
        statement.name?.text === name
      )
        return undefined;
      if (ts.isVariableStatement(statement)) {
        const found = statement.declarationList.declarations.find(declaration => binds(declaration.name));
        if (found) return found.initializer ? requireSpecifier(found.initializer) : undefined;
      } else if (ts.isImportDeclaration(statement)) {
        const clause = statement.importClause;
        if (!clause || clause.isTypeOnly) continue;
        const bindings = clause.namedBindings;
        if (
          clause.name?.text === name ||
          (bindings && ts.isNamespaceImport(bindings) && bindings.name.text === name) ||
          (bindings &&
            ts.isNamedImports(bindings) &&
            bindings.elements.some(element => element.name.text === name))
        )
          return staticString(statement.moduleSpecifier);
      } else if (ts.isImportEqualsDeclaration(statement) && statement.name.text === name) {
        return ts.isExternalModuleReference(statement.moduleReference)
          ? staticString(statement.moduleReference.expression)
          : undefined;
      }
    }
  }
  return undefined;
}

/** `require('./x')`, also `require('./x').name`: the specifier. */
function requireSpecifier(init: ts.Expression): string | undefined {
  let call = unwrap(init);
  if (ts.isPropertyAccessExpression(call)) call = unwrap(call.expression);
  if (
    !ts.isCallExpression(call) ||
    !ts.isIdentifier(call.expression) ||
    call.expression.text !== 'require' ||
    call.arguments.length !== 1
  )
    return undefined;
  return staticString(call.arguments[0]);
}

/**
 * The client a binding holds leaves the file (as the rules' reader decides): the binding is
 * exported (`export const`, `export let`, `export { http }`, `export default http`), a function of
 * the file returns it (`const client = axios.create(…); …; return client`, a getter's `return api`),
 * or it is handed to a function of another module of the project (`retrieveToken(client)`).
 */
function bindingLeaves(declaration: ts.VariableDeclaration, name: string): boolean {
  const statement = declaration.parent.parent;
  if (!ts.isVariableStatement(statement)) return false;
  if (hasExportModifier(statement)) return true;
  const container = statement.parent;
  if (ts.isSourceFile(container) && exportsName(container, name)) return true;
  const returned = (value: ts.Node): boolean => {
    let inner = value;
    while (
      ts.isParenthesizedExpression(inner) ||
      ts.isAsExpression(inner) ||
      ts.isSatisfiesExpression(inner) ||
      ts.isNonNullExpression(inner)
    )
      inner = inner.expression;
    return ts.isIdentifier(inner) && inner.text === name;
  };
  // Calls made through it here are judged here: handing it on as well does not make it silent.
  const calledHere =
    findTs(
      container,
      node =>
        ts.isCallExpression(node) &&
        ts.isPropertyAccessExpression(node.expression) &&
        ts.isIdentifier(node.expression.expression) &&
        node.expression.expression.text === name,
    ) !== undefined;
  return (
    findTs(
      container,
      node =>
        (ts.isReturnStatement(node) && node.expression !== undefined && returned(node.expression)) ||
        (ts.isArrowFunction(node) && !ts.isBlock(node.body) && returned(node.body)) ||
        // `retrieveToken(client)`: handed to a function of another module of the project.
        (!calledHere &&
          (ts.isCallExpression(node) || ts.isNewExpression(node)) &&
          (node.arguments ?? []).some(argument => returned(argument)) &&
          fromProjectModule(node.expression)),
    ) !== undefined
  );
}

/** The declaration of the variable `name` that `node` sees: in an enclosing block, function or the file. */
function declarationOf(node: ts.Node, name: string): ts.VariableDeclaration | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (
      ts.isFunctionLike(current) &&
      current.parameters.some(p => ts.isIdentifier(p.name) && p.name.text === name)
    )
      return undefined;
    if (!ts.isBlock(current) && !ts.isSourceFile(current) && !ts.isModuleBlock(current)) continue;
    for (const statement of current.statements) {
      if (!ts.isVariableStatement(statement)) continue;
      const found = statement.declarationList.declarations.find(
        declaration => ts.isIdentifier(declaration.name) && declaration.name.text === name,
      );
      if (found) return found;
    }
  }
  return undefined;
}

/** The value a summarised property is written with: `key: value`, or `key` alone. */
function propertyValue(property: ts.Node | undefined): ts.Expression | undefined {
  if (property && ts.isPropertyAssignment(property)) return property.initializer;
  if (property && ts.isShorthandPropertyAssignment(property)) return property.name;
  return undefined;
}

/** `export { http }`, `export default http` for a top-level binding. */
function exportsName(file: ts.SourceFile, name: string): boolean {
  return file.statements.some(
    statement =>
      (ts.isExportDeclaration(statement) &&
        !statement.moduleSpecifier &&
        statement.exportClause !== undefined &&
        ts.isNamedExports(statement.exportClause) &&
        statement.exportClause.elements.some(
          element => (element.propertyName ?? element.name).text === name,
        )) ||
      (ts.isExportAssignment(statement) &&
        !statement.isExportEquals &&
        ts.isIdentifier(statement.expression) &&
        statement.expression.text === name),
  );
}

/**
 * The class whose instance `this` is at `node`: arrow functions keep the enclosing `this`, a
 * `function` has its own (unless it is a field's value, as in the rules' reader).
 */
function thisClass(node: ts.Node): ts.ClassLikeDeclaration | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (ts.isClassLike(current)) return current;
    if (ts.isFunctionDeclaration(current)) return undefined;
    if (ts.isFunctionExpression(current) && !ts.isPropertyDeclaration(current.parent)) return undefined;
  }
  return undefined;
}

function hasStatic(member: ts.ClassElement): boolean {
  return (ts.getModifiers(member as ts.HasModifiers) ?? []).some(
    modifier => modifier.kind === ts.SyntaxKind.StaticKeyword,
  );
}

/** The name a callee is written with: `f` in `f()`, `b` in `a.b()`; else undefined. */
function writtenName(callee: ts.Expression): string | undefined {
  const inner = unwrap(callee);
  if (ts.isIdentifier(inner)) return inner.text;
  return memberName(inner);
}

/** The first descendant (not the node itself) that matches. */
function findTs(node: ts.Node, match: (node: ts.Node) => boolean): ts.Node | undefined {
  let found: ts.Node | undefined;
  walk(node, child => {
    if (found) return false;
    if (match(child)) {
      found = child;
      return false;
    }
    return true;
  });
  return found;
}

/** The function body or file in which a binding is visible. */
function enclosingScope(node: ts.Node): ts.Node {
  for (let current = node.parent; current; current = current.parent)
    if (isFunctionLike(current) || ts.isSourceFile(current)) return current;
  return node.getSourceFile();
}

/**
 * The initialiser of a `readonly` field of a class of the same file, read as `this.name` inside
 * the class or as `ClassName.name` for a static one (the rules' reader reads the same).
 */
function readonlyField(node: ts.PropertyAccessExpression): ts.Expression | undefined {
  const name = node.name.text;
  let owner: ts.ClassLikeDeclaration | undefined;
  let wantStatic = false;
  if (node.expression.kind === ts.SyntaxKind.ThisKeyword) {
    let current: ts.Node | undefined = node.parent;
    while (current && !ts.isClassLike(current)) {
      if (
        (ts.isFunctionDeclaration(current) || ts.isFunctionExpression(current)) &&
        !ts.isMethodDeclaration(current.parent)
      )
        return undefined;
      current = current.parent;
    }
    owner = current;
  } else if (ts.isIdentifier(node.expression)) {
    const className = node.expression.text;
    owner = node
      .getSourceFile()
      .statements.find(
        (statement): statement is ts.ClassDeclaration =>
          ts.isClassDeclaration(statement) && statement.name?.text === className,
      );
    wantStatic = true;
  }
  if (!owner) return undefined;
  for (const member of owner.members) {
    if (!ts.isPropertyDeclaration(member) || !member.initializer || !ts.isIdentifier(member.name)) continue;
    if (member.name.text !== name) continue;
    const modifiers = ts.getModifiers(member) ?? [];
    const readonly = modifiers.some(modifier => modifier.kind === ts.SyntaxKind.ReadonlyKeyword);
    const isStatic = modifiers.some(modifier => modifier.kind === ts.SyntaxKind.StaticKeyword);
    if (readonly && isStatic === wantStatic) return member.initializer;
  }
  return undefined;
}

/**
 * The object `name` holds may be changed within `scope`: a property set or deleted through it, or
 * the object handed to a function that may write into it (one that does, `Object.assign(config,
 * …)`, `merge(config, …)`, or any function of the library, `applyTimeouts(config)`; a package's
 * other functions and globals that read are taken to leave it as it is), other than at `except`,
 * the use being judged.
 */
function mutatedIn(checker: ts.TypeChecker, scope: ts.Node, name: string, except: ts.Node): boolean {
  const named = (node: ts.Node): boolean => ts.isIdentifier(node) && node.text === name;
  const target = (node: ts.Expression): boolean => {
    const inner = unwrap(node);
    return (
      (ts.isPropertyAccessExpression(inner) || ts.isElementAccessExpression(inner)) &&
      (named(unwrap(inner.expression)) || target(inner.expression))
    );
  };
  const writes = (call: ts.CallExpression): boolean => {
    let callee = unwrap(call.expression);
    const called = ts.isPropertyAccessExpression(callee)
      ? callee.name.text
      : ts.isIdentifier(callee)
        ? callee.text
        : undefined;
    while (ts.isPropertyAccessExpression(callee) || ts.isElementAccessExpression(callee))
      callee = unwrap(callee.expression);
    const root = ts.isIdentifier(callee) ? callee : undefined;
    const symbol = root && checker.getSymbolAtLocation(root);
    const specifier = symbol && isAlias(symbol) ? importSpecifierOf(symbol)?.specifier : undefined;
    return mayChangeArgument({
      ...(called !== undefined ? { called } : {}),
      ...(root ? { root: root.text } : {}),
      rootFromPackage: specifier !== undefined && !specifier.startsWith('.'),
    });
  };
  let found = false;
  walk(scope, node => {
    if (found) return false;
    if (
      ts.isBinaryExpression(node) &&
      node.operatorToken.kind >= ts.SyntaxKind.FirstAssignment &&
      node.operatorToken.kind <= ts.SyntaxKind.LastAssignment &&
      target(node.left)
    )
      found = true;
    else if (ts.isDeleteExpression(node) && target(node.expression)) found = true;
    else if (
      ts.isCallExpression(node) &&
      node.arguments.some(arg => unwrap(arg) !== except && named(unwrap(arg))) &&
      writes(node)
    )
      found = true;
    return !found;
  });
  return found;
}

/** `ws`, `this.ws`, `this.conn.socket`: a name or a member chain on one, as text; else undefined. */
function chainKey(node: ts.Node): string | undefined {
  const path: string[] = [];
  let current: ts.Node = ts.isExpression(node) ? unwrap(node) : node;
  while (
    ts.isPropertyAccessExpression(current) ||
    (ts.isElementAccessExpression(current) && ts.isStringLiteralLike(current.argumentExpression))
  ) {
    path.unshift(
      ts.isPropertyAccessExpression(current)
        ? current.name.text
        : (current.argumentExpression as ts.StringLiteralLike).text,
    );
    current = unwrap(current.expression);
  }
  const root = ts.isIdentifier(current)
    ? current.text
    : current.kind === ts.SyntaxKind.ThisKeyword
      ? 'this'
      : undefined;
  return root === undefined ? undefined : [root, ...path].join('.');
}

/**
 * What a function handed to another call returns (as the rules' deadline-facts.ts): a socket
 * factory given to a client library (`setMetadata(key, url => new WebSocket(url))`).
 */
function madeForLibrary(node: CallLike): boolean {
  const current = outermost(node);
  const parent = current.parent;
  let fn: ts.Node | undefined;
  if (ts.isArrowFunction(parent) && parent.body === current) fn = parent;
  else if (ts.isReturnStatement(parent)) fn = enclosingFunction(parent);
  if (!fn) return false;
  const handedTo = (target: ts.Node | undefined): boolean =>
    target !== undefined &&
    (ts.isCallExpression(target) || ts.isNewExpression(target)) &&
    !WS_COMBINATOR.test(writtenName(target.expression) ?? '');
  const holder = fn.parent;
  // `{ socketFactory(url) { return new WebSocket(url) } }`: a method of the object literal.
  if (ts.isMethodDeclaration(fn) && ts.isObjectLiteralExpression(holder)) return handedTo(holder.parent);
  return (
    (handedTo(holder) && ((holder as ts.CallExpression).arguments ?? []).includes(fn as ts.Expression)) ||
    (ts.isPropertyAssignment(holder) &&
      holder.initializer === fn &&
      ts.isObjectLiteralExpression(holder.parent) &&
      handedTo(holder.parent.parent))
  );
}

/** Array and promise methods that call what they are handed for their own caller (as the rules'). */
const WS_COMBINATOR =
  /^(?:map|flatMap|forEach|filter|reduce|find|some|every|then|catch|finally|from|all|allSettled|race|any)$/;

/** The call with the type assertions and parentheses around it (as the rules' deadline-facts.ts). */
function outermost(node: CallLike): ts.Node {
  let current: ts.Node = node;
  while (
    ts.isAsExpression(current.parent) ||
    ts.isNonNullExpression(current.parent) ||
    ts.isParenthesizedExpression(current.parent)
  )
    current = current.parent;
  return current;
}

/** The member is written: assigned (any operator), stepped, deleted, or a destructuring target. */
function writtenMember(member: ts.PropertyAccessExpression | ts.ElementAccessExpression): boolean {
  const parent = member.parent;
  if (ts.isBinaryExpression(parent))
    return (
      parent.left === member &&
      parent.operatorToken.kind >= ts.SyntaxKind.FirstAssignment &&
      parent.operatorToken.kind <= ts.SyntaxKind.LastAssignment
    );
  if (ts.isPrefixUnaryExpression(parent) || ts.isPostfixUnaryExpression(parent))
    return (
      parent.operator === ts.SyntaxKind.PlusPlusToken || parent.operator === ts.SyntaxKind.MinusMinusToken
    );
  if (ts.isDeleteExpression(parent)) return true;
  // `({ fetch: DEPS.fetch } = o)`, `[DEPS.fetch] = list`: a target inside a destructuring assignment.
  let current: ts.Node = member;
  for (let up = member.parent; up; current = up, up = up.parent) {
    if (
      (ts.isPropertyAssignment(up) && up.initializer === current) ||
      ts.isObjectLiteralExpression(up) ||
      ts.isArrayLiteralExpression(up) ||
      ts.isSpreadElement(up) ||
      ts.isSpreadAssignment(up)
    )
      continue;
    return (
      current !== member &&
      ((ts.isBinaryExpression(up) &&
        up.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
        up.left === current) ||
        ((ts.isForOfStatement(up) || ts.isForInStatement(up)) && up.initializer === current))
    );
  }
  return false;
}
