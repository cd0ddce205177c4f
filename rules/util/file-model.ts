// Provenance for one file, shared by every faultline rule that lints it: which module or
// instance an expression comes from (through imports, `require`, destructuring, local consts and
// class fields), which calls are remote, and what their options say. Callees are resolved
// through scope analysis, never by bare name.
//
// One rule per file collects the facts during ESLint's own traversal (no second walk of the AST);
// everything else is computed lazily at `Program:exit` and memoised.
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import {
  ABORT_CONTROLLER_MODULES,
  type CatalogValue,
  type ClientSetting,
  type FaultlineSettings,
  GLOBAL_ROOTS,
  type InstanceKind,
  type Locator,
  type Prop,
  type Role,
  type Summary,
  URL_NAME,
  canonicalModule,
  customInstanceRole,
  customModuleRole,
  extendValue,
  getSettings,
  instanceOfDeclaredType,
  isKnownModule,
  lookupGlobal,
  lookupInstanceMember,
  lookupModuleMember,
} from '@faultline/catalog';
import {
  type CallLike,
  type Node,
  findNode,
  isFunction,
  memberName,
  propertyKey,
  staticString,
  unwrap,
  writtenName,
} from './ast.js';
import { instanceKindFromType, requireTypes } from './types.js';

type Scope = TSESLint.Scope.Scope;
type FunctionLike =
  TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression | TSESTree.FunctionDeclaration;
type Variable = TSESLint.Scope.Variable;
type FactoryRole = Extract<Role, { role: 'factory' }>;

/** Where a client instance was made: the factory call, and what it inherits from. */
export interface Origin {
  node: CallLike;
  role: FactoryRole | Extract<Role, { role: 'namespace' }> | Extract<Role, { role: 'policy' }>;
  parent?: Origin;
  custom?: ClientSetting;
}

export type Value = CatalogValue<Origin | undefined>;

const UNKNOWN: Value = { kind: 'unknown' };
/** A cheap pre-filter for SQL that coordinates servers (advisory locks, XA, prepared transactions). */
const SQL_COORDINATION_HINT =
  /advisory|get_lock|getapplock|\bXA\s|PREPARE\s+TRANSACTION|COMMIT\s+PREPARED|ROLLBACK\s+PREPARED/i;
/** Globals whose members the catalog gives a role (fetch, Request, Bun.sleep), directly or through the global object. */
const CATALOG_GLOBALS = new Set(['fetch', 'Request', 'Bun', 'globalThis', 'window', 'self', 'global']);
const INTEROP_HELPERS =
  /^(__importDefault|__importStar|_interopRequireDefault|_interopRequireWildcard|__toESM|_interop_require_default|_interop_require_wildcard)$/;
const ITERATORS = new Set(['map', 'forEach', 'flatMap', 'filter', 'some', 'every', 'find']);
/** The catalog's stand-in for a member whose name is computed (`client[method](…)`). */
export const ANY_MEMBER = '*';

function getPropKind(summary: Summary, key: string): boolean {
  return summary.kind === 'object' && summary.props.has(key);
}
const ABSENT: Summary = { kind: 'absent' };

/** A call the catalog (or the settings) knows. */
export interface Classified {
  node: CallLike;
  role: Role;
  callee: Value;
  /** The instance the call goes through, when it is a method of one. */
  origin?: Origin;
  custom?: ClientSetting;
  /** Known only from the declared type of the object it is called on (type-aware mode). */
  typed?: InstanceKind;
}

/** Reads a member access chain `a.b.c` into its root and the names after it. */
function memberChain(node: Node): { root: Node; path: string[] } | undefined {
  const path: string[] = [];
  let current = unwrap(node);
  while (current.type === AST_NODE_TYPES.MemberExpression) {
    const name = memberName(current);
    if (name === undefined) return undefined;
    path.unshift(name);
    current = unwrap(current.object);
  }
  return { root: current, path };
}

/** For `(...args) => f(...args)` (possibly through `.then(m => m.f(...args))`), the forwarded callee. */
function forwardedCallee(fn: Node): Node | undefined {
  if (!isFunction(fn)) return undefined;
  const rest = fn.params[0];
  if (
    fn.params.length !== 1 ||
    rest?.type !== AST_NODE_TYPES.RestElement ||
    rest.argument.type !== AST_NODE_TYPES.Identifier
  )
    return undefined;
  const name = rest.argument.name;
  let found: Node | undefined;
  const visit = (node: Node | null | undefined, depth: number): void => {
    if (!node || found || depth > 6) return;
    const inner = unwrap(node);
    if (inner.type === AST_NODE_TYPES.CallExpression) {
      const [only] = inner.arguments;
      if (
        inner.arguments.length === 1 &&
        only?.type === AST_NODE_TYPES.SpreadElement &&
        only.argument.type === AST_NODE_TYPES.Identifier &&
        only.argument.name === name
      ) {
        found = inner.callee;
        return;
      }
      for (const arg of inner.arguments)
        if (isFunction(arg) && arg.body.type !== AST_NODE_TYPES.BlockStatement) visit(arg.body, depth + 1);
      if (inner.callee.type === AST_NODE_TYPES.MemberExpression) visit(inner.callee.object, depth + 1);
    }
    if (inner.type === AST_NODE_TYPES.AwaitExpression) visit(inner.argument, depth + 1);
  };
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) visit(fn.body, 0);
  else if (fn.body.body.length === 1 && fn.body.body[0]?.type === AST_NODE_TYPES.ReturnStatement)
    visit(fn.body.body[0].argument, 0);
  return found;
}

/** The names leading from a destructuring pattern to one bound identifier: `{ a: { b } }` → ['a', 'b']. */
function patternPath(pattern: Node, target: Node): string[] | undefined {
  if (pattern === target) return [];
  if (pattern.type === AST_NODE_TYPES.ObjectPattern) {
    for (const property of pattern.properties) {
      if (property.type !== AST_NODE_TYPES.Property) continue;
      const key = propertyKey(property);
      if (key === undefined) continue;
      let value: Node = property.value;
      if (value.type === AST_NODE_TYPES.AssignmentPattern) value = value.left;
      const rest = patternPath(value, target);
      if (rest) return [key, ...rest];
    }
  }
  if (pattern.type === AST_NODE_TYPES.AssignmentPattern) return patternPath(pattern.left, target);
  return undefined;
}

/** `value.a.b…`; a team's own instances (from the settings) have no catalog members. */
function extend(value: Value, names: readonly string[]): Value {
  return extendValue<Origin | undefined>(value, names, (instance, path, origin) =>
    origin?.custom ? undefined : lookupInstanceMember(instance, path),
  );
}

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

  private readonly values = new WeakMap<Node | Variable, Value>();
  private readonly classified = new WeakMap<Node, Classified | null>();
  private readonly origins = new WeakMap<Node, Origin>();
  private readonly customModules: Set<string>;

  constructor(sourceCode: Readonly<TSESLint.SourceCode>, settings: FaultlineSettings) {
    this.sourceCode = sourceCode;
    this.settings = settings;
    this.customModules = new Set(settings.clients.map(client => client.module));
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
      listeners.push(
        need === 'core'
          ? this.coreCollectors()
          : need === 'loops'
            ? this.loopCollectors()
            : this.sqlCollectors(),
      );
    }
    return mergeListeners(...listeners);
  }

  private loopCollectors(): TSESLint.RuleListener {
    return {
      WhileStatement: (node): void => {
        this.loops.push(node);
      },
      DoWhileStatement: (node): void => {
        this.loops.push(node);
      },
      ForStatement: (node): void => {
        this.loops.push(node);
      },
      CatchClause: (node): void => {
        this.catches.push(node);
      },
    };
  }

  private sqlCollectors(): TSESLint.RuleListener {
    return {
      Literal: (node): void => {
        if (typeof node.value === 'string' && node.value.length > 6 && SQL_COORDINATION_HINT.test(node.value))
          this.sqlStrings.push(node);
      },
      TemplateLiteral: (node): void => {
        if (node.quasis.some(quasi => SQL_COORDINATION_HINT.test(quasi.value.raw)))
          this.sqlStrings.push(node);
      },
    };
  }

  /** Imports, calls, class fields and defaults: what every rule reads. */
  private coreCollectors(): TSESLint.RuleListener {
    return {
      ImportDeclaration: (node): void => {
        if (this.isTrackedModule(node.source.value)) this.hasKnownModule = true;
      },
      CallExpression: (node): void => {
        this.calls.push(node);
        if (node.callee.type === AST_NODE_TYPES.Identifier && node.callee.name === 'require') {
          const source = staticString(node.arguments[0]);
          if (source !== undefined && this.isTrackedModule(source)) this.hasKnownModule = true;
        }
      },
      NewExpression: (node): void => {
        this.calls.push(node);
      },
      TSImportEqualsDeclaration: (node): void => {
        const reference = node.moduleReference;
        const source =
          reference.type === AST_NODE_TYPES.TSExternalModuleReference
            ? staticString(reference.expression)
            : undefined;
        if (source !== undefined && this.isTrackedModule(source)) this.hasKnownModule = true;
      },
      ImportExpression: (node): void => {
        const source = staticString(node.source);
        if (source !== undefined && this.isTrackedModule(source)) this.hasKnownModule = true;
      },
      // `constructor(private client = new Etcd3())`: a parameter property with a default.
      TSParameterProperty: (node): void => {
        const parameter = node.parameter;
        if (
          parameter.type !== AST_NODE_TYPES.AssignmentPattern ||
          parameter.left.type !== AST_NODE_TYPES.Identifier
        )
          return;
        const body = node.parent?.parent?.parent;
        if (body?.type === AST_NODE_TYPES.ClassBody)
          this.recordField(body, parameter.left.name, parameter.right);
      },
      PropertyDefinition: (node): void => {
        const key = propertyKey(node);
        if (key !== undefined && node.value && !node.static) this.recordField(node.parent, key, node.value);
      },
      AssignmentExpression: (node): void => {
        const left = node.left;
        if (left.type !== AST_NODE_TYPES.MemberExpression) return;
        if (left.object.type === AST_NODE_TYPES.ThisExpression) {
          const key = memberName(left);
          const body = this.thisClassBody(node);
          if (key !== undefined && body) this.recordField(body, key, node.right);
          return;
        }
        if (left.object.type === AST_NODE_TYPES.MemberExpression && memberName(left.object) === 'defaults') {
          this.defaultsAssignments.push(node);
        }
      },
    };
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

  /** The class body whose instance `this` refers to at `node` (arrow functions keep `this`). */
  private thisClassBody(node: Node): Node | undefined {
    for (let current = node.parent; current; current = current.parent) {
      if (current.type === AST_NODE_TYPES.ClassBody) return current;
      if (current.type === AST_NODE_TYPES.FunctionDeclaration) return undefined;
      if (current.type === AST_NODE_TYPES.FunctionExpression) {
        const parent = current.parent;
        if (
          parent?.type !== AST_NODE_TYPES.MethodDefinition &&
          parent?.type !== AST_NODE_TYPES.PropertyDefinition
        )
          return undefined;
      }
    }
    return undefined;
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

  // ---------------------------------------------------------------- values

  /** What an expression denotes: a module member, a global, a client instance, or unknown. */
  valueOf(input: Node): Value {
    const node = unwrap(input);
    const cached = this.values.get(node);
    if (cached) return cached;
    this.values.set(node, UNKNOWN); // cycles resolve to unknown
    const value = this.computeValue(node);
    this.values.set(node, value);
    return value;
  }

  private computeValue(node: Node): Value {
    switch (node.type) {
      case AST_NODE_TYPES.Identifier:
        return this.valueOfIdentifier(node);
      case AST_NODE_TYPES.MemberExpression: {
        const name = memberName(node);
        if (name === undefined) {
          // `stub[method](…)`: on an instance whose every method is remote, any name will do.
          const object = this.valueOf(node.object);
          return object.kind === 'instance' ? extend(object, [ANY_MEMBER]) : UNKNOWN;
        }
        if (node.object.type === AST_NODE_TYPES.ThisExpression) return this.valueOfThisMember(node, name);
        return extend(this.valueOf(node.object), [name]);
      }
      case AST_NODE_TYPES.CallExpression: {
        if (
          node.callee.type === AST_NODE_TYPES.Identifier &&
          node.callee.name === 'require' &&
          this.isGlobal(node.callee)
        ) {
          const source = staticString(node.arguments[0]);
          return source === undefined
            ? UNKNOWN
            : { kind: 'module', module: canonicalModule(source), path: [] };
        }
        const alias = this.aliasOf(node);
        if (alias) return alias;
        // Compiled module interop: `__importDefault(require('m'))`, `_interopRequireDefault(…)`, `__toESM(…)`.
        if (
          node.callee.type === AST_NODE_TYPES.Identifier &&
          INTEROP_HELPERS.test(node.callee.name) &&
          node.arguments.length >= 1 &&
          node.arguments[0]?.type !== AST_NODE_TYPES.SpreadElement
        ) {
          return this.valueOf(node.arguments[0] as Node);
        }
        return this.valueOfFactoryCall(node);
      }
      case AST_NODE_TYPES.NewExpression:
        return this.valueOfFactoryCall(node);
      case AST_NODE_TYPES.AwaitExpression:
        return this.valueOf(node.argument);
      case AST_NODE_TYPES.ImportExpression: {
        const source = staticString(node.source);
        return source === undefined ? UNKNOWN : { kind: 'module', module: canonicalModule(source), path: [] };
      }
      default:
        return UNKNOWN;
    }
  }

  private valueOfIdentifier(node: TSESTree.Identifier): Value {
    const variable = this.findVariable(node);
    if (!variable || variable.defs.length === 0) {
      return GLOBAL_ROOTS.has(node.name) ? { kind: 'global', path: [node.name] } : UNKNOWN;
    }
    const cached = this.values.get(variable);
    if (cached) return cached;
    this.values.set(variable, UNKNOWN);
    const value = this.valueOfVariable(variable);
    this.values.set(variable, value);
    return value;
  }

  /** The module member an import binding stands for; type-only imports only when `types` is set. */
  private importedValue(def: Variable['defs'][number], types: boolean): Value {
    // `import x = require('m')` (TypeScript)
    if (def.node.type === AST_NODE_TYPES.TSImportEqualsDeclaration) {
      const reference = def.node.moduleReference;
      if (
        (def.node.importKind === 'type' && !types) ||
        reference.type !== AST_NODE_TYPES.TSExternalModuleReference
      )
        return UNKNOWN;
      const source = staticString(reference.expression);
      return source === undefined ? UNKNOWN : { kind: 'module', module: canonicalModule(source), path: [] };
    }
    const declaration = def.parent as TSESTree.ImportDeclaration;
    if (declaration.importKind === 'type' && !types) return UNKNOWN;
    const module = canonicalModule(declaration.source.value);
    const specifier = def.node as TSESTree.ImportClause;
    if (specifier.type === AST_NODE_TYPES.ImportSpecifier) {
      if (specifier.importKind === 'type' && !types) return UNKNOWN;
      const imported =
        specifier.imported.type === AST_NODE_TYPES.Identifier
          ? specifier.imported.name
          : String(specifier.imported.value);
      // Types are looked up by name, not followed into the module's members.
      return types
        ? { kind: 'module', module, path: [imported] }
        : extend({ kind: 'module', module, path: [] }, [imported]);
    }
    return { kind: 'module', module, path: [] };
  }

  private valueOfVariable(variable: Variable): Value {
    const def = variable.defs[0];
    if (!def) return UNKNOWN;
    if (def.type === 'ImportBinding') return this.importedValue(def, false);
    if (def.type === 'Parameter') {
      const shown = this.valueOfImportThenParameter(def.node as Node, def.name as Node);
      if (shown.kind !== 'unknown') return shown;
      // `function list(http: AxiosInstance)`, a DI factory's `(redis: Redis) => …`: the declared type says.
      return this.declaredInstance((def.name as TSESTree.Identifier).typeAnnotation?.typeAnnotation);
    }
    // `class Cache extends Redis {}`: constructing it makes what its client base class makes.
    if (def.type === 'ClassName') return this.clientBaseClass(def.node as Node) ?? UNKNOWN;
    if (def.type === 'Variable') {
      const declarator = def.node as TSESTree.VariableDeclarator;
      const path = patternPath(declarator.id, def.name);
      if (!path) return UNKNOWN;
      // `const fetch = (...args) => import('node-fetch').then(({ default: fetch }) => fetch(...args))`:
      // a shim that forwards every argument is the function it forwards to.
      const forwarded =
        declarator.init && path.length === 0 ? forwardedCallee(unwrap(declarator.init)) : undefined;
      if (forwarded) return this.valueOf(forwarded);
      const writes = variable.references.filter(reference => reference.isWrite());
      let source: Node | null | undefined = declarator.init;
      if (!source || writes.length > 1) {
        // `let client; … client = new Pool()`: one assignment is as good as an initialiser.
        const declared = (): Value =>
          path.length === 0 && declarator.id.type === AST_NODE_TYPES.Identifier
            ? this.declaredInstance(declarator.id.typeAnnotation?.typeAnnotation)
            : UNKNOWN;
        if (writes.length !== 1 || path.length > 0) return declared();
        source = writes[0]?.writeExpr as Node | null | undefined;
        if (!source) return declared();
        const assigned = this.valueOf(source);
        return assigned.kind === 'unknown' ? declared() : assigned;
      }
      return extend(this.valueOf(source), path);
    }
    return UNKNOWN;
  }

  /**
   * Callback parameters whose value the code shows: `import('m').then(({ default: x }) => …)` is the
   * module's export; `[new Pool(a), new Pool(b)].map(p => …)` is a pool.
   */
  private valueOfImportThenParameter(fn: Node, name: Node): Value {
    if (!isFunction(fn)) return UNKNOWN;
    const call = fn.parent;
    if (call?.type !== AST_NODE_TYPES.CallExpression || call.arguments[0] !== fn) return UNKNOWN;
    const callee = unwrap(call.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression) return UNKNOWN;
    const method = memberName(callee);
    if (method && ITERATORS.has(method) && fn.params[0] === name) return this.elementValue(callee.object);
    if (method !== 'then') return UNKNOWN;
    const source = unwrap(callee.object);
    if (source.type !== AST_NODE_TYPES.ImportExpression) return UNKNOWN;
    const param = fn.params[0];
    if (!param) return UNKNOWN;
    const path = patternPath(param, name);
    return path ? extend(this.valueOf(source), path) : UNKNOWN;
  }

  /** The common value of a literal list's elements, when they are all the same kind of instance. */
  private elementValue(list: Node): Value {
    let node = unwrap(list);
    if (node.type === AST_NODE_TYPES.Identifier) node = unwrap(this.constInit(node) ?? node);
    if (node.type !== AST_NODE_TYPES.ArrayExpression || node.elements.length === 0) return UNKNOWN;
    let common: Value | undefined;
    for (const element of node.elements) {
      if (!element || element.type === AST_NODE_TYPES.SpreadElement) return UNKNOWN;
      const value = this.valueOf(element);
      if (value.kind !== 'instance') return UNKNOWN;
      if (common && (common.kind !== 'instance' || common.instance !== value.instance)) return UNKNOWN;
      common ??= value;
    }
    return common ?? UNKNOWN;
  }

  /**
   * `this.x`: the one value assigned to the field; else its declared type (a field or a constructor
   * parameter property, `constructor(private readonly s3: S3Client)`); else, in a subclass of a
   * client class, the inherited member (`this.send(…)` in `class Storage extends S3Client`).
   */
  private valueOfThisMember(node: TSESTree.MemberExpression, name: string): Value {
    const body = this.thisClassBody(node);
    if (!body) return UNKNOWN;
    const assigned = this.classFields.get(body)?.get(name);
    if (assigned?.length === 1) {
      const value = this.valueOf(assigned[0] as Node);
      if (value.kind !== 'unknown') return value;
    }
    const declared = this.declaredField(body, name);
    if (declared) return declared;
    if (assigned && assigned.length > 0) return UNKNOWN;
    const base = body.parent ? this.clientBaseOf(body.parent) : undefined;
    return base?.kind === 'instance' ? extend(base, [name]) : UNKNOWN;
  }

  /** The declared type of field `name` in a class body, when it is a client's type. */
  private declaredField(body: Node, name: string): Value | undefined {
    if (body.type !== AST_NODE_TYPES.ClassBody) return undefined;
    for (const member of body.body) {
      if (
        member.type === AST_NODE_TYPES.PropertyDefinition &&
        !member.static &&
        propertyKey(member) === name
      ) {
        const value = this.declaredInstance(member.typeAnnotation?.typeAnnotation);
        if (value.kind !== 'unknown') return value;
      }
      if (member.type === AST_NODE_TYPES.MethodDefinition && member.kind === 'constructor') {
        for (const param of member.value.params) {
          if (param.type !== AST_NODE_TYPES.TSParameterProperty) continue;
          const target =
            param.parameter.type === AST_NODE_TYPES.AssignmentPattern
              ? param.parameter.left
              : param.parameter;
          if (target.type === AST_NODE_TYPES.Identifier && target.name === name) {
            const value = this.declaredInstance(target.typeAnnotation?.typeAnnotation);
            if (value.kind !== 'unknown') return value;
          }
        }
      }
    }
    return undefined;
  }

  /**
   * What a class extends when its base is a client class: the base's factory value, whose
   * construction options a `super(url, options)` call (or `new Sub(…)` itself) supplies.
   */
  private clientBaseOf(klass: Node): Value | undefined {
    const base = this.clientBaseClass(klass);
    if (base?.kind !== 'module') return undefined;
    const role = lookupModuleMember(base.module, base.path);
    return role?.role === 'factory'
      ? { kind: 'instance', instance: role.instance, family: role.family, path: [], origin: undefined }
      : undefined;
  }

  /** The client class a class extends (`extends S3Client`, `extends grpc.Client`), as a module value. */
  private clientBaseClass(klass: Node): Value | undefined {
    if (
      (klass.type !== AST_NODE_TYPES.ClassDeclaration && klass.type !== AST_NODE_TYPES.ClassExpression) ||
      !klass.superClass
    )
      return undefined;
    const base = this.valueOf(klass.superClass);
    if (base.kind !== 'module') return undefined;
    const role = lookupModuleMember(base.module, base.path);
    return role?.role === 'factory' && !role.inheritsFrom ? base : undefined;
  }

  /**
   * Where a construction's options are written: for `new Storage(…)` of a local subclass whose
   * constructor calls `super(…)`, that call's arguments; otherwise the construction's own.
   */
  private constructionArgs(node: CallLike): CallLike {
    if (node.type !== AST_NODE_TYPES.NewExpression || node.callee.type !== AST_NODE_TYPES.Identifier)
      return node;
    const def = this.findVariable(node.callee)?.defs[0];
    if (def?.type !== 'ClassName') return node;
    const klass = def.node as TSESTree.ClassDeclaration;
    const constructor = klass.body.body.find(
      (member): member is TSESTree.MethodDefinition =>
        member.type === AST_NODE_TYPES.MethodDefinition && member.kind === 'constructor',
    );
    if (!constructor) return node;
    const superCall = findNode(
      constructor.value.body ?? constructor.value,
      inner => inner.type === AST_NODE_TYPES.CallExpression && inner.callee.type === AST_NODE_TYPES.Super,
    );
    return (superCall as TSESTree.CallExpression | undefined) ?? node;
  }

  private readonly declaredCache = new WeakMap<Node, Value>();

  /**
   * The client instance a type annotation names, by syntax alone: an import from a client module
   * (`AxiosInstance`, `Redis`, `S3Client`, also type-only and namespace-qualified), a local type
   * alias of one, a local subclass of a client class, or a union with null/undefined.
   */
  declaredInstance(annotation: TSESTree.TypeNode | undefined, depth = 0): Value {
    if (!annotation || depth > 4) return UNKNOWN;
    const cached = this.declaredCache.get(annotation);
    if (cached) return cached;
    this.declaredCache.set(annotation, UNKNOWN);
    const value = this.computeDeclaredInstance(annotation, depth);
    this.declaredCache.set(annotation, value);
    return value;
  }

  private computeDeclaredInstance(annotation: TSESTree.TypeNode, depth: number): Value {
    switch (annotation.type) {
      case AST_NODE_TYPES.TSUnionType: {
        // `AxiosInstance | undefined`: the one client among nullish members.
        let found: Value = UNKNOWN;
        for (const member of annotation.types) {
          if (
            member.type === AST_NODE_TYPES.TSUndefinedKeyword ||
            member.type === AST_NODE_TYPES.TSNullKeyword
          )
            continue;
          if (found.kind !== 'unknown') return UNKNOWN;
          found = this.declaredInstance(member, depth + 1);
          if (found.kind === 'unknown') return UNKNOWN;
        }
        return found;
      }
      case AST_NODE_TYPES.TSTypeReference: {
        const name = annotation.typeName;
        if (name.type === AST_NODE_TYPES.TSQualifiedName) {
          // `IORedis.Redis`, `AWS.S3Client`: a namespace (or default) import's member.
          if (name.left.type !== AST_NODE_TYPES.Identifier) return UNKNOWN;
          const def = this.findVariable(name.left)?.defs[0];
          if (def?.type !== 'ImportBinding') return UNKNOWN;
          const module = this.importedValue(def, true);
          return module.kind === 'module'
            ? this.instanceOfType(module.module, [...module.path, name.right.name])
            : UNKNOWN;
        }
        if (name.type !== AST_NODE_TYPES.Identifier) return UNKNOWN;
        const def = this.findVariable(name)?.defs[0];
        if (!def) return UNKNOWN;
        if (def.type === 'ImportBinding') {
          const module = this.importedValue(def, true);
          return module.kind === 'module' ? this.instanceOfType(module.module, module.path) : UNKNOWN;
        }
        if (def.type === 'Type' && def.node.type === AST_NODE_TYPES.TSTypeAliasDeclaration)
          return this.declaredInstance(def.node.typeAnnotation, depth + 1);
        if (def.type === 'ClassName') return this.clientBaseOf(def.node as Node) ?? UNKNOWN;
        return UNKNOWN;
      }
      case AST_NODE_TYPES.TSImportType: {
        // `import('axios').AxiosInstance`
        const source =
          annotation.argument.type === AST_NODE_TYPES.TSLiteralType
            ? staticString(annotation.argument.literal as Node)
            : undefined;
        const qualifier = annotation.qualifier;
        if (source === undefined || qualifier?.type !== AST_NODE_TYPES.Identifier) return UNKNOWN;
        return this.instanceOfType(canonicalModule(source), [qualifier.name]);
      }
      default:
        return UNKNOWN;
    }
  }

  private instanceOfType(module: string, path: readonly string[]): Value {
    const found = instanceOfDeclaredType(module, path);
    return found
      ? { kind: 'instance', instance: found.instance, family: found.family, path: [], origin: undefined }
      : UNKNOWN;
  }

  /** Calls that return their receiver's kind (`Octokit.plugin(…)`, `Octokit.defaults(…)`). */
  private aliasOf(node: TSESTree.CallExpression): Value | undefined {
    const callee = unwrap(node.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
    const value = this.valueOf(callee);
    if (value.kind !== 'module') return undefined;
    const role = lookupModuleMember(value.module, value.path);
    if (role?.role !== 'alias') return undefined;
    return this.valueOf(callee.object);
  }

  private valueOfFactoryCall(node: CallLike): Value {
    const classified = this.classify(node);
    if (!classified) return UNKNOWN;
    const role = classified.role;
    if (role.role !== 'factory' && role.role !== 'namespace' && role.role !== 'policy') return UNKNOWN;
    const origin = this.originOf(classified);
    if (role.role === 'namespace')
      return { kind: 'instance', instance: role.instance, family: 'grpc', path: [], origin };
    if (role.role === 'policy') return { kind: 'instance', instance: role.instance, path: [], origin };
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
    if (role.role === 'factory' && role.inheritsFrom === 'arg0') {
      const arg = classified.node.arguments[0];
      const from = arg ? this.valueOf(arg) : UNKNOWN;
      if (from.kind === 'instance') origin.parent = from.origin;
    }
    this.origins.set(classified.node, origin);
    return origin;
  }

  // ---------------------------------------------------------------- classification

  /** The catalog role of a call or `new`, if the catalog (or the settings) knows its callee. */
  classify(node: CallLike): Classified | undefined {
    const cached = this.classified.get(node);
    if (cached !== undefined) return cached ?? undefined;
    this.classified.set(node, null);
    const result = this.computeClassified(node) ?? this.typedClassified(node);
    this.classified.set(node, result ?? null);
    return result;
  }

  /** Type-aware mode: `(node) => the client instance its declared type says it is`, when on. */
  typeResolver: ((node: Node) => InstanceKind | undefined) | undefined;

  /** `x.send(…)` where nothing in the file says what `x` is, but its declared type does. */
  private typedClassified(node: CallLike): Classified | undefined {
    if (!this.typeResolver || node.type !== AST_NODE_TYPES.CallExpression) return undefined;
    const callee = unwrap(node.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
    const name = memberName(callee);
    if (name === undefined) return undefined;
    const object = unwrap(callee.object);
    // A value the file can see is judged by what it is; only the unknown ones ask the types.
    if (this.valueOf(object).kind !== 'unknown') return undefined;
    const instance = this.typeResolver(object);
    if (!instance) return undefined;
    const role = lookupInstanceMember(instance, [name]);
    return role ? { node, role, callee: { kind: 'unknown' }, typed: instance } : undefined;
  }

  /** Cheap pre-check: could this call's callee resolve to anything known? */
  isCandidate(node: CallLike): boolean {
    if (this.hasKnownModule) return true;
    // Without a known import, only globals with a catalog role can be remote or a timer: decided by
    // the name alone, so files that call none of them never pay for scope analysis.
    let root: Node = unwrap(node.callee);
    while (root.type === AST_NODE_TYPES.MemberExpression) root = unwrap(root.object);
    return root.type === AST_NODE_TYPES.Identifier && CATALOG_GLOBALS.has(root.name);
  }

  private computeClassified(node: CallLike): Classified | undefined {
    if (!this.isCandidate(node)) return undefined;
    const callee = this.valueOf(node.callee);
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
          const role = customInstanceRole(custom, callee.path);
          return role ? { node, role, callee, origin: callee.origin, custom } : undefined;
        }
        const role = lookupInstanceMember(callee.instance, callee.path);
        if (!role) return undefined;
        return callee.origin ? { node, role, callee, origin: callee.origin } : { node, role, callee };
      }
      default:
        return undefined;
    }
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
    for (const call of this.calls) {
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
      const body = this.thisClassBody(inner);
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
    const def = this.findVariable(inner)?.defs[0];
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
    for (const call of this.calls) {
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

  // ---------------------------------------------------------------- options

  /** The options of a call, located as its role says, reduced to a summary. */
  optionsOf(call: CallLike, locator: Locator): Summary {
    const node = this.constructionArgs(call);
    const args = node.arguments;
    const spreadAt = args.findIndex(arg => arg.type === AST_NODE_TYPES.SpreadElement);
    const argAt = (index: number): Node | undefined => {
      if (spreadAt !== -1 && spreadAt <= index) return undefined;
      return args[index];
    };
    if ('at' in locator) {
      if (spreadAt !== -1 && spreadAt <= locator.at) return { kind: 'opaque', at: args[spreadAt] };
      const arg = argAt(locator.at);
      // `MongoClient.connect(url, callback)`: a callback where options could be is no options.
      if (arg && isFunction(unwrap(arg))) return ABSENT;
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
        if (isFunction(arg)) break;
        const summary = this.summarizeTop(arg);
        if (summary.kind === 'object') return summary;
        if (summary.kind === 'opaque' && this.looksLikeUrl(arg)) continue;
        if (summary.kind === 'opaque') {
          const next = argAt(index + 1);
          if (next && !isFunction(next)) continue;
          return summary;
        }
      }
      return ABSENT;
    }
    if ('lastObject' in locator) {
      for (let index = args.length - 1; index >= 0; index--) {
        const arg = argAt(index);
        if (!arg) return { kind: 'opaque' };
        if (isFunction(arg)) continue;
        const summary = this.summarizeTop(arg);
        if (summary.kind === 'string' || summary.kind === 'number' || summary.kind === 'value') return ABSENT;
        if (summary.kind === 'opaque' && this.looksLikeUrl(arg)) return ABSENT;
        return summary;
      }
      return ABSENT;
    }
    if ('grpcCall' in locator) {
      const callee = unwrap(node.callee);
      let first =
        callee.type === AST_NODE_TYPES.MemberExpression && memberName(callee)?.startsWith('make') ? 4 : 1;
      // Client- and bidi-streaming calls take no request: `stub.routeChat({ deadline })`.
      if (first === 1 && getPropKind(this.summarizeTop(argAt(0)), 'deadline')) first = 0;
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

  /** A callback argument: a function, an identifier bound to one, or named like one (`cb`, `done`, `onReply`). */
  isCallbackLike(arg: Node): boolean {
    const inner = unwrap(arg);
    if (isFunction(inner)) return true;
    if (inner.type !== AST_NODE_TYPES.Identifier) return false;
    if (/^(cb|callback|done|next|handler|resolve|reject)$|Callback$|Handler$|^on[A-Z]/.test(inner.name))
      return true;
    const def = this.findVariable(inner)?.defs[0];
    if (def?.type === 'FunctionName') return true;
    const init = this.constInit(inner);
    return init !== undefined && isFunction(unwrap(init));
  }

  /** A gRPC `Metadata` argument: `new Metadata()` (directly or through a const), or named like one. */
  private isGrpcMetadata(arg: Node): boolean {
    let inner = unwrap(arg);
    if (inner.type === AST_NODE_TYPES.Identifier) {
      if (/^(md|meta|metadata)$|Metadata$/i.test(inner.name)) return true;
      const init = this.constInit(inner);
      if (init) inner = unwrap(init);
    }
    if (inner.type === AST_NODE_TYPES.NewExpression) return true;
    if (inner.type === AST_NODE_TYPES.CallExpression) {
      const callee = unwrap(inner.callee);
      const name = writtenName(callee);
      return name !== undefined && /metadata/i.test(name);
    }
    return false;
  }

  /** A whole options argument: an unresolvable identifier or a call result is opaque. */
  summarizeTop(input: Node | undefined, depth = 0): Summary {
    if (!input) return ABSENT;
    const node = unwrap(input);
    if (node.type === AST_NODE_TYPES.Identifier) {
      if (node.name === 'undefined' && this.isGlobal(node)) return { kind: 'undefined', at: node };
      const init = this.constInit(node);
      if (init && depth < 4) return this.summarizeTop(init, depth + 1);
      return { kind: 'opaque', at: node };
    }
    if (node.type === AST_NODE_TYPES.ObjectExpression) return this.summarizeObject(node, depth);
    const value = this.summarizeValue(node, depth);
    if (value.kind === 'value') {
      if (node.type === AST_NODE_TYPES.MemberExpression && this.isEnvRead(node)) return value;
      if (node.type === AST_NODE_TYPES.TemplateLiteral || node.type === AST_NODE_TYPES.BinaryExpression)
        return value;
      return { kind: 'opaque', at: node };
    }
    return value;
  }

  /**
   * True when an argument is evidently a URL rather than an options object: a string, a `URL`,
   * a parameter typed `string`/`URL`, or a name that says so (`url`, `endpoint`, `baseUrl`).
   */
  looksLikeUrl(input: Node): boolean {
    const node = unwrap(input);
    const named = (name: string | undefined): boolean => name !== undefined && URL_NAME.test(name);
    switch (node.type) {
      case AST_NODE_TYPES.TemplateLiteral:
      case AST_NODE_TYPES.BinaryExpression:
        return true;
      case AST_NODE_TYPES.Literal:
        return typeof node.value === 'string';
      case AST_NODE_TYPES.MemberExpression:
        return named(memberName(node));
      case AST_NODE_TYPES.NewExpression:
      case AST_NODE_TYPES.CallExpression: {
        const callee = unwrap(node.callee);
        const name = writtenName(callee);
        return name === 'URL' || named(name);
      }
      case AST_NODE_TYPES.Identifier: {
        if (named(node.name)) return true;
        const def = this.findVariable(node)?.defs[0];
        if (def?.type === 'Parameter') {
          const annotation = (def.name as TSESTree.Identifier).typeAnnotation?.typeAnnotation;
          if (annotation?.type === AST_NODE_TYPES.TSStringKeyword) return true;
          if (
            annotation?.type === AST_NODE_TYPES.TSTypeReference &&
            annotation.typeName.type === AST_NODE_TYPES.Identifier &&
            annotation.typeName.name === 'URL'
          )
            return true;
        }
        const init = this.constInit(node);
        return init !== undefined && this.looksLikeUrl(init);
      }
      default:
        return false;
    }
  }

  private isEnvRead(node: TSESTree.MemberExpression): boolean {
    const chain = memberChain(node);
    return (
      chain !== undefined &&
      chain.root.type === AST_NODE_TYPES.Identifier &&
      chain.root.name === 'process' &&
      chain.path[0] === 'env'
    );
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

  private summarizeObject(node: TSESTree.ObjectExpression, depth: number): Summary {
    const props = new Map<string, Prop>();
    let hasSpread = false;
    for (const property of node.properties) {
      if (property.type === AST_NODE_TYPES.SpreadElement) {
        // A spread of a local object literal is as good as writing its properties here.
        const spread =
          depth < 4 ? this.summarizeTop(property.argument, depth + 1) : { kind: 'opaque' as const };
        if (spread.kind === 'object') {
          for (const [key, prop] of spread.props) props.set(key, prop);
          hasSpread ||= spread.hasSpread;
        } else if (spread.kind !== 'null' && spread.kind !== 'undefined') {
          hasSpread = true;
          // Properties written before the spread may be overridden by it; those after it stand.
          props.clear();
        }
        continue;
      }
      const key = propertyKey(property);
      if (key === undefined) {
        hasSpread = true;
        continue;
      }
      if (property.kind !== 'init' || property.value.type === AST_NODE_TYPES.AssignmentPattern) {
        props.set(key, { value: { kind: 'value', at: property }, at: property });
        continue;
      }
      const valueNode = property.value as Node;
      const value =
        key === 'signal' || key === 'abortSignal'
          ? this.summarizeSignal(valueNode)
          : this.summarizeValue(valueNode, depth + 1);
      props.set(key, { value, at: property });
    }
    return { kind: 'object', props, hasSpread, at: node };
  }

  /** A property value: literals are read, local consts followed, anything else is "present". */
  summarizeValue(input: Node, depth = 0): Summary {
    const node = unwrap(input);
    switch (node.type) {
      case AST_NODE_TYPES.Literal:
        if (typeof node.value === 'number') return { kind: 'number', value: node.value, at: node };
        if (typeof node.value === 'string') return { kind: 'string', value: node.value, at: node };
        if (typeof node.value === 'boolean') return { kind: 'boolean', value: node.value, at: node };
        if (node.value === null && !('regex' in node) && !('bigint' in node))
          return { kind: 'null', at: node };
        return { kind: 'value', at: node };
      case AST_NODE_TYPES.TemplateLiteral:
        // Enough to search a connection string for a parameter name.
        return {
          kind: 'string',
          value: node.quasis.map(quasi => quasi.value.cooked ?? '').join(''),
          at: node,
        };
      case AST_NODE_TYPES.Identifier: {
        if (node.name === 'undefined' && this.isGlobal(node)) return { kind: 'undefined', at: node };
        if (node.name === 'Infinity' && this.isGlobal(node))
          return { kind: 'number', value: Infinity, at: node };
        const init = depth < 4 ? this.constInit(node) : undefined;
        if (init) {
          const inner = unwrap(init);
          if (inner.type === AST_NODE_TYPES.ObjectExpression) return this.summarizeObject(inner, depth + 1);
          return this.summarizeValue(init, depth + 1);
        }
        return { kind: 'value', at: node };
      }
      case AST_NODE_TYPES.UnaryExpression: {
        if (node.operator === 'void') return { kind: 'undefined', at: node };
        const argument = this.summarizeValue(node.argument, depth + 1);
        if (node.operator === '-' && argument.kind === 'number')
          return { kind: 'number', value: -argument.value, at: node };
        return { kind: 'value', at: node };
      }
      case AST_NODE_TYPES.BinaryExpression: {
        if (node.left.type === AST_NODE_TYPES.PrivateIdentifier) return { kind: 'value', at: node };
        const left = this.summarizeValue(node.left, depth + 1);
        const right = this.summarizeValue(node.right, depth + 1);
        if (left.kind === 'number' && right.kind === 'number') {
          const value =
            node.operator === '*'
              ? left.value * right.value
              : node.operator === '+'
                ? left.value + right.value
                : node.operator === '/'
                  ? left.value / right.value
                  : node.operator === '-'
                    ? left.value - right.value
                    : NaN;
          if (!Number.isNaN(value)) return { kind: 'number', value, at: node };
        }
        return { kind: 'value', at: node };
      }
      case AST_NODE_TYPES.ObjectExpression:
        return depth < 4 ? this.summarizeObject(node, depth) : { kind: 'value', at: node };
      case AST_NODE_TYPES.NewExpression: {
        // `requestHandler: new NodeHttpHandler({ … })`: the handler's own options are what count.
        const first = node.arguments[0];
        if (first && depth < 4 && unwrap(first).type === AST_NODE_TYPES.ObjectExpression) {
          return this.summarizeObject(unwrap(first) as TSESTree.ObjectExpression, depth + 1);
        }
        return { kind: 'value', at: node };
      }
      case AST_NODE_TYPES.ConditionalExpression: {
        // A bound on any path the code shows counts; only "none" on both paths is none.
        const consequent = this.summarizeValue(node.consequent, depth + 1);
        const alternate = this.summarizeValue(node.alternate, depth + 1);
        if (
          consequent.kind === alternate.kind &&
          (consequent.kind === 'null' || consequent.kind === 'undefined')
        )
          return consequent;
        return { kind: 'value', at: node };
      }
      default:
        return { kind: 'value', at: node };
    }
  }

  // ---------------------------------------------------------------- signals

  /** Whether a signal expression is aborted by a timer: `AbortSignal.timeout`, `any`, or a timed controller. */
  summarizeSignal(input: Node, depth = 0): Summary {
    const node = unwrap(input);
    if (node.type === AST_NODE_TYPES.Identifier) {
      if (node.name === 'undefined' && this.isGlobal(node)) return { kind: 'undefined', at: node };
      const init = depth < 4 ? this.constInit(node) : undefined;
      if (init) return this.summarizeSignal(init, depth + 1);
      return { kind: 'signal', timed: 'unknown', at: node };
    }
    if (node.type === AST_NODE_TYPES.Literal && node.value === null) return { kind: 'null', at: node };
    if (node.type === AST_NODE_TYPES.CallExpression) {
      const callee = this.valueOf(node.callee);
      if (callee.kind === 'global' && callee.path[0] === 'AbortSignal') {
        const method = callee.path[1];
        if (method === 'timeout') return { kind: 'signal', timed: 'yes', at: node };
        if (method === 'abort') return { kind: 'signal', timed: 'yes', at: node };
        if (method === 'any') {
          const list = node.arguments[0] ? unwrap(node.arguments[0]) : undefined;
          if (list?.type !== AST_NODE_TYPES.ArrayExpression)
            return { kind: 'signal', timed: 'unknown', at: node };
          let timed: 'yes' | 'no' | 'unknown' = 'no';
          for (const element of list.elements) {
            if (!element || element.type === AST_NODE_TYPES.SpreadElement) {
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
    if (node.type === AST_NODE_TYPES.MemberExpression && memberName(node) === 'signal') {
      const object = unwrap(node.object);
      if (object.type === AST_NODE_TYPES.Identifier) {
        const timed = this.controllerTimed(object);
        return { kind: 'signal', timed, at: node };
      }
      if (object.type === AST_NODE_TYPES.NewExpression) {
        // `new AbortController().signal`: nothing can ever abort it.
        if (this.isAbortControllerClass(object.callee)) return { kind: 'signal', timed: 'no', at: node };
      }
    }
    return { kind: 'signal', timed: 'unknown', at: node };
  }

  /** The global `AbortController`, or one from a polyfill package. */
  isAbortControllerClass(node: Node): boolean {
    const value = this.valueOf(node);
    if (value.kind === 'global') return value.path.join('.') === 'AbortController';
    if (value.kind === 'module' && ABORT_CONTROLLER_MODULES.has(value.module))
      return value.path.length === 0 || value.path.join('.') === 'AbortController';
    return false;
  }

  /** For a local `new AbortController()`: does a timer call its `abort`, or does it escape? */
  controllerTimed(identifier: TSESTree.Identifier): 'yes' | 'no' | 'unknown' {
    const variable = this.findVariable(identifier);
    const def = variable?.defs[0];
    if (!variable || !def || def.type !== 'Variable') return 'unknown';
    const declarator = def.node as TSESTree.VariableDeclarator;
    const init = declarator.init ? unwrap(declarator.init) : undefined;
    if (init?.type !== AST_NODE_TYPES.NewExpression) return 'unknown';
    if (!this.isAbortControllerClass(init.callee)) return 'unknown';
    let escapes = false;
    for (const reference of variable.references) {
      if (reference.init || reference.isWrite()) continue;
      const use = reference.identifier as Node;
      const parent = use.parent;
      if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === use) {
        const name = memberName(parent);
        // `controller.abort()` in a timer callback, or `controller.abort.bind(controller)` given to one.
        const grand = parent.parent;
        const called = grand?.type === AST_NODE_TYPES.CallExpression && grand.callee === parent;
        const bound =
          grand?.type === AST_NODE_TYPES.MemberExpression &&
          grand.object === parent &&
          memberName(grand) === 'bind';
        if (name === 'abort' && (called || bound) && this.isInsideTimer(parent)) return 'yes';
        if (name === 'signal' || name === 'abort') continue;
      }
      escapes = true;
    }
    return escapes ? 'unknown' : 'no';
  }

  /** True when the node sits in a callback given to `setTimeout`/`setInterval` (global or node:timers). */
  isInsideTimer(node: Node): boolean {
    for (let current: Node | undefined = node; current; current = current.parent) {
      const parent: Node | undefined = current.parent;
      if (parent?.type === AST_NODE_TYPES.CallExpression && parent.arguments[0] === current) {
        if (this.isTimerCall(parent)) return true;
      }
      // `const onTimeout = () => controller.abort(); setTimeout(onTimeout, ms)`
      if (
        isFunction(current) &&
        current.parent?.type === AST_NODE_TYPES.VariableDeclarator &&
        current.parent.id.type === AST_NODE_TYPES.Identifier
      ) {
        const variable = this.findVariable(current.parent.id);
        for (const reference of variable?.references ?? []) {
          const use = reference.identifier as Node;
          if (
            use.parent?.type === AST_NODE_TYPES.CallExpression &&
            use.parent.arguments[0] === use &&
            this.isTimerCall(use.parent)
          )
            return true;
        }
      }
      if (parent?.type === AST_NODE_TYPES.Program) return false;
    }
    return false;
  }

  /** `setTimeout(…)` / `setInterval(…)`, global or imported from node:timers. */
  isTimerCall(node: TSESTree.CallExpression): boolean {
    // Cheap first: only a callee named setTimeout/setInterval can be one.
    const inner = unwrap(node.callee);
    const written = writtenName(inner);
    if (written !== 'setTimeout' && written !== 'setInterval') return false;
    const callee = this.valueOf(node.callee);
    const name =
      callee.kind === 'global'
        ? callee.path.join('.')
        : callee.kind === 'module' && callee.module === 'node:timers'
          ? callee.path.join('.')
          : '';
    return name === 'setTimeout' || name === 'setInterval';
  }
}

const models = new WeakMap<object, FileModel>();

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
  let model = models.get(key);
  if (!model) {
    model = new FileModel(sourceCode, getSettings(context.settings as Record<string, unknown>));
    if (model.settings.resolveInstancesByType) {
      const services = requireTypes(context, 'settings', 'resolveInstancesByType');
      model.typeResolver = node => instanceKindFromType(services, node);
    }
    models.set(key, model);
  }
  return { model, collectors: model.collectors(needs) };
}

/** Merges rule listeners: the model's collectors run first, then the rule's own handlers. */
export function mergeListeners(...listeners: TSESLint.RuleListener[]): TSESLint.RuleListener {
  const merged: Record<string, ((node: never) => void)[]> = {};
  for (const listener of listeners) {
    for (const [selector, handler] of Object.entries(listener)) {
      if (handler) (merged[selector] ??= []).push(handler as (node: never) => void);
    }
  }
  const result: Record<string, (node: never) => void> = {};
  for (const [selector, handlers] of Object.entries(merged)) {
    const [first, second] = handlers;
    result[selector] =
      handlers.length === 1 && first
        ? first
        : (node: never): void => {
            for (const handler of handlers) handler(node);
          };
    void second;
  }
  return result as TSESLint.RuleListener;
}
