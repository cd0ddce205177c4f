// What an expression denotes in the file: a module member, a global, a client instance (and
// where it was made), or unknown. Followed through imports, `require`, destructuring, local consts,
// class fields and compiled interop helpers; never by bare name.
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import {
  GLOBAL_ROOTS,
  canonicalModule,
  chosenClient,
  extendValue,
  lookupInstanceMember,
  lookupModuleMember,
} from '@faultline/catalog';
import {
  type CallLike,
  type Node,
  isFunction,
  memberName,
  propertyKey,
  staticString,
  thisClassBody,
  unwrap,
  writtenMember,
} from '../ast.js';
import type { FileModel } from '../file-model.js';
import type { DeclaredTypes } from './declared-types.js';
import { ANY_MEMBER, type Classified, type Origin, UNKNOWN, type Value } from './types.js';

type Variable = TSESLint.Scope.Variable;

const INTEROP_HELPERS =
  /^(__importDefault|__importStar|_interopRequireDefault|_interopRequireWildcard|__toESM|_interop_require_default|_interop_require_wildcard)$/;
const ITERATORS = new Set(['map', 'forEach', 'flatMap', 'filter', 'some', 'every', 'find']);

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
export function extend(value: Value, names: readonly string[]): Value {
  return extendValue<Origin | undefined>(value, names, (instance, path, origin) =>
    origin?.custom ? undefined : lookupInstanceMember(instance, path),
  );
}

/** The module member an import binding stands for; type-only imports only when `types` is set. */
export function importedValue(def: Variable['defs'][number], types: boolean): Value {
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

/** Resolves and memoises the values of one file's expressions and variables. */
export class ValueResolver {
  private readonly values = new Map<Node | Variable, Value>();
  private readonly origins = new Map<Node, Origin>();

  constructor(
    private readonly model: FileModel,
    private readonly declared: DeclaredTypes,
  ) {}

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
        const held = this.heldInObject(node.object, name);
        if (held) return this.valueOf(held);
        return extend(this.valueOf(node.object), [name]);
      }
      case AST_NODE_TYPES.CallExpression: {
        if (
          node.callee.type === AST_NODE_TYPES.Identifier &&
          node.callee.name === 'require' &&
          this.model.isGlobal(node.callee)
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
      // `(secure ? https : http).request(…)`, `mod.default ?? mod`: the catalog says which client is chosen.
      case AST_NODE_TYPES.ConditionalExpression:
        return chosenClient('?:', this.valueOf(node.consequent), this.valueOf(node.alternate));
      case AST_NODE_TYPES.LogicalExpression:
        return node.operator === '&&'
          ? UNKNOWN
          : chosenClient(node.operator, this.valueOf(node.left), this.valueOf(node.right));
      default:
        return UNKNOWN;
    }
  }

  /**
   * `DEPS.fetch` where `const DEPS = { fetch, delayTime: 1000 }`: the value a `const` object literal
   * of the file holds under `name` (a dependency object a test may swap, read as written). Not when
   * something after it may replace it (a spread, a getter, a computed key), when the file writes
   * the member (`DEPS.fetch = …`, `DEPS['fetch'] ??= …`, a destructuring target, `delete`), or when
   * the object goes anywhere but a member read (`Object.assign(DEPS, …)`, `const d = DEPS`).
   * `faultline analyze` reads it the same way (core's remote-calls.ts `heldInObject`).
   */
  private heldInObject(object: Node, name: string): Node | undefined {
    if (object.type !== AST_NODE_TYPES.Identifier) return undefined;
    const variable = this.model.findVariable(object);
    const def = variable?.defs[0];
    if (variable?.defs.length !== 1 || def?.type !== 'Variable') return undefined;
    const declarator = def.node as TSESTree.VariableDeclarator;
    const declaration = declarator.parent as TSESTree.VariableDeclaration;
    if (declaration.kind !== 'const' || declarator.id.type !== AST_NODE_TYPES.Identifier) return undefined;
    const init = declarator.init ? unwrap(declarator.init) : undefined;
    if (init?.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
    let held: Node | undefined;
    for (const property of init.properties) {
      if (property.type === AST_NODE_TYPES.SpreadElement) held = undefined;
      else {
        const key = property.computed ? staticString(property.key as Node) : propertyKey(property);
        if (key === undefined && property.computed) held = undefined;
        else if (key === name)
          held = property.kind === 'init' && !property.method ? (property.value as Node) : undefined;
      }
    }
    if (!held) return undefined;
    for (const reference of variable.references) {
      if (reference.init) continue;
      const member = reference.identifier.parent;
      if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== reference.identifier)
        return undefined;
      if (memberName(member) === name && writtenMember(member)) return undefined;
    }
    return held;
  }

  valueOfIdentifier(node: TSESTree.Identifier): Value {
    const variable = this.model.findVariable(node);
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

  valueOfVariable(variable: Variable): Value {
    const def = variable.defs[0];
    if (!def) return UNKNOWN;
    if (def.type === 'ImportBinding') return importedValue(def, false);
    if (def.type === 'Parameter') {
      const shown = this.valueOfImportThenParameter(def.node as Node, def.name as Node);
      if (shown.kind !== 'unknown') return shown;
      // `function list(http: AxiosInstance)`, a DI factory's `(redis: Redis) => …`: the declared type says.
      return this.declared.declaredInstance((def.name as TSESTree.Identifier).typeAnnotation?.typeAnnotation);
    }
    // `class Cache extends Redis {}`: constructing it makes what its client base class makes.
    if (def.type === 'ClassName') return this.declared.clientBaseClass(def.node as Node) ?? UNKNOWN;
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
            ? this.declared.declaredInstance(declarator.id.typeAnnotation?.typeAnnotation)
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
  valueOfImportThenParameter(fn: Node, name: Node): Value {
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
    if (node.type === AST_NODE_TYPES.Identifier) node = unwrap(this.model.constInit(node) ?? node);
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
  valueOfThisMember(node: TSESTree.MemberExpression, name: string): Value {
    const body = thisClassBody(node);
    if (!body) return UNKNOWN;
    const assigned = this.model.classFields.get(body)?.get(name);
    if (assigned?.length === 1) {
      const value = this.valueOf(assigned[0] as Node);
      if (value.kind !== 'unknown') return value;
    }
    const declared = this.declared.declaredField(body, name);
    if (declared) return declared;
    if (assigned && assigned.length > 0) return UNKNOWN;
    const base = body.parent ? this.declared.clientBaseOf(body.parent) : undefined;
    return base?.kind === 'instance' ? extend(base, [name]) : UNKNOWN;
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

  valueOfFactoryCall(node: CallLike): Value {
    const classified = this.model.classify(node);
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
    if (role.role === 'factory' && (role.inheritsFrom === 'arg0' || role.inheritsFrom === 'arg1')) {
      const arg = classified.node.arguments[role.inheritsFrom === 'arg0' ? 0 : 1];
      const from = arg ? this.valueOf(arg) : UNKNOWN;
      if (from.kind === 'instance') origin.parent = from.origin;
    }
    this.origins.set(classified.node, origin);
    return origin;
  }
}
