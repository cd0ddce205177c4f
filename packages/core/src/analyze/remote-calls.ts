// Remote calls in the closure, and whether they have deadlines, decided by the lint plugin's
// client catalog (@faultline/eslint-plugin/catalog). The ESLint rules build the catalog's
// `Summary` shapes from ESTree (rules/util/file-model.ts); this file builds the same shapes from
// TypeScript nodes, so both halves of faultline judge a call with one body of knowledge.
// Callees are resolved through imports and local consts (never by bare name); instances are
// followed to where they were made (`axios.create`, `new Pool`, `new Redis`).
import {
  type FamilyId,
  type Locator,
  type Prop,
  type Role,
  type Summary,
  type Verdict,
  FAMILIES,
  canonicalModule,
  isKnownModule,
  judge,
  lookupGlobal,
  lookupInstanceMember,
  lookupModuleMember,
  type CatalogValue,
  extendValue,
  GLOBAL_ROOTS,
  TIMEOUT_WRAPPER_MODULES,
  TIMER_NAME,
  TYPE_INSTANCES,
  URL_NAME,
} from '@faultline/eslint-plugin/catalog';
import { ts } from 'ts-morph';

import {
  type Context,
  isFunctionLike,
  memberName,
  propertyNameText,
  resolveAlias,
  staticString,
  unwrap,
} from './ts-util.js';

type CallLike = ts.CallExpression | ts.NewExpression;
type FactoryRole = Extract<Role, { role: 'factory' }>;

/** Where an instance was made: the factory call, and what it inherits from. */
export interface Origin {
  node: CallLike;
  role: FactoryRole | Extract<Role, { role: 'namespace' }>;
  parent?: Origin;
}

export type Value = CatalogValue<Origin | undefined>;

const UNKNOWN: Value = { kind: 'unknown' };
const ABSENT: Summary = { kind: 'absent' };

function extend(value: Value, names: readonly string[]): Value {
  return extendValue<Origin | undefined>(value, names);
}

/** A call the catalog knows. */
export interface Classified {
  node: CallLike;
  role: Role;
  callee: Value;
  origin?: Origin;
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
}

/** Resolves callees and summarises options over TypeScript nodes, memoised per node. */
export class RemoteCalls {
  private readonly values = new Map<ts.Node, Value>();
  private readonly classified = new Map<ts.Node, Classified | null>();
  private readonly origins = new Map<ts.Node, Origin>();
  private readonly filesWithClients = new Map<ts.SourceFile, boolean>();

  constructor(private readonly ctx: Context) {}

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
      return this.valueOfFactoryCall(node);
    }
    if (ts.isNewExpression(node)) return this.valueOfFactoryCall(node);
    if (ts.isAwaitExpression(node)) return this.valueOf(node.expression);
    return UNKNOWN;
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
    if (ts.isBindingElement(declaration) || ts.isVariableDeclaration(declaration)) {
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
      if (!ts.isVariableDeclaration(current) || !current.initializer) return UNKNOWN;
      return extend(this.valueOf(current.initializer), path);
    }
    return UNKNOWN;
  }

  /** `this.client` inside a class: the field initialiser or the single constructor assignment. */
  private valueOfThisMember(node: ts.Node, name: string): Value {
    let klass: ts.Node | undefined = node.parent;
    while (klass && !ts.isClassLike(klass)) klass = klass.parent;
    if (!klass || !ts.isClassLike(klass)) return UNKNOWN;
    const assigned: ts.Expression[] = [];
    for (const member of klass.members) {
      if (ts.isPropertyDeclaration(member) && propertyNameText(member.name) === name && member.initializer)
        assigned.push(member.initializer);
      if (ts.isConstructorDeclaration(member) && member.body) {
        const visit = (child: ts.Node): void => {
          if (
            ts.isBinaryExpression(child) &&
            child.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
            ts.isPropertyAccessExpression(child.left) &&
            child.left.expression.kind === ts.SyntaxKind.ThisKeyword &&
            child.left.name.text === name
          ) {
            assigned.push(child.right);
          }
          ts.forEachChild(child, visit);
        };
        visit(member.body);
      }
    }
    return assigned.length === 1 ? this.valueOf(assigned[0] as ts.Expression) : UNKNOWN;
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
    if (role.role === 'factory' && role.inheritsFrom === 'callee' && classified.origin)
      origin.parent = classified.origin;
    if (role.role === 'factory' && role.inheritsFrom === 'arg0') {
      const arg = classified.node.arguments?.[0];
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
        const role = lookupModuleMember(callee.module, callee.path);
        return role ? { node, role, callee } : undefined;
      }
      case 'global': {
        const role = lookupGlobal(callee.path);
        return role ? { node, role, callee } : undefined;
      }
      case 'instance': {
        const role = lookupInstanceMember(callee.instance, callee.path);
        return role ? { node, role, callee, ...(callee.origin ? { origin: callee.origin } : {}) } : undefined;
      }
      default:
        return undefined;
    }
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
      return specifier !== undefined && isKnownModule(canonicalModule(specifier));
    });
    this.filesWithClients.set(file, found);
    return found;
  }

  // ------------------------------------------------------------------ options → Summary

  /** The options of a call, located as its role says, reduced to a summary. */
  optionsOf(node: CallLike, locator: Locator): Summary {
    const args = node.arguments ?? ts.factory.createNodeArray();
    const spreadAt = args.findIndex(arg => ts.isSpreadElement(arg));
    const argAt = (index: number): ts.Expression | undefined =>
      spreadAt !== -1 && spreadAt <= index ? undefined : args[index];
    if ('at' in locator) {
      if (spreadAt !== -1 && spreadAt <= locator.at) return { kind: 'opaque', at: args[spreadAt] };
      return this.summarizeTop(argAt(locator.at));
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
        if (isFunctionLike(unwrap(arg))) break;
        const summary = this.summarizeTop(arg);
        if (summary.kind === 'object') return summary;
        if (summary.kind === 'opaque' && this.looksLikeUrl(arg)) continue;
        if (summary.kind === 'opaque') {
          const next = argAt(index + 1);
          if (next && !isFunctionLike(unwrap(next))) continue;
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
        return summary;
      }
      return ABSENT;
    }
    if ('grpcCall' in locator) {
      const callee = unwrap(node.expression);
      const first = ts.isPropertyAccessExpression(callee) && callee.name.text.startsWith('make') ? 4 : 1;
      const merged: Summary = { kind: 'object', props: new Map(), hasSpread: false };
      let seen = false;
      for (let index = first; index < args.length; index++) {
        const arg = argAt(index);
        if (!arg) return { kind: 'opaque' };
        if (isFunctionLike(unwrap(arg))) continue;
        const summary = this.summarizeTop(arg);
        if (summary.kind === 'object') {
          seen = true;
          for (const [key, prop] of summary.props) merged.props.set(key, prop);
          merged.hasSpread ||= summary.hasSpread;
        }
      }
      return seen ? merged : ABSENT;
    }
    return ABSENT;
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
    const value = this.summarizeValue(node, depth);
    if (value.kind === 'value') {
      if (ts.isTemplateExpression(node) || ts.isBinaryExpression(node)) return value;
      if (ts.isPropertyAccessExpression(node) && node.getText().startsWith('process.env')) return value;
      return { kind: 'opaque', at: node };
    }
    return value;
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
    if (
      ts.isPropertyAccessExpression(node) &&
      node.name.text === 'signal' &&
      ts.isNewExpression(unwrap(node.expression))
    ) {
      const created = unwrap(node.expression) as ts.NewExpression;
      const value = this.valueOf(created.expression);
      if (value.kind === 'global' && value.path.join('.') === 'AbortController')
        return { kind: 'signal', timed: 'no', at: node };
    }
    return { kind: 'signal', timed: 'unknown', at: node };
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

  // ------------------------------------------------------------------ judging

  /** What the instance a call goes through was configured with, outermost first. */
  private instanceLayers(classified: Classified): Summary[] {
    const layers: Summary[] = [];
    const chain: Origin[] = [];
    for (let origin = classified.origin; origin; origin = origin.parent) chain.unshift(origin);
    const family = classified.role.role === 'call' ? classified.role.family : undefined;
    for (const origin of chain) {
      if (origin.role.role === 'factory') layers.push(this.optionsOf(origin.node, origin.role.options));
      if (family === 'axios') layers.push(...this.defaultsAssigned(origin));
    }
    // An instance recognised only by its type: its configuration is not visible.
    if (classified.callee.kind === 'instance' && !classified.origin) layers.push({ kind: 'opaque' });
    return layers;
  }

  /** axios: `instance.defaults.timeout = n` (or `.signal`) set after construction, in the file that made the instance. */
  private defaultsAssigned(origin: Origin): Summary[] {
    const layers: Summary[] = [];
    const visit = (node: ts.Node): void => {
      if (
        ts.isBinaryExpression(node) &&
        node.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
        ts.isPropertyAccessExpression(node.left)
      ) {
        const key = node.left.name.text;
        const owner = node.left.expression;
        if (
          (key === 'timeout' || key === 'signal') &&
          ts.isPropertyAccessExpression(owner) &&
          owner.name.text === 'defaults'
        ) {
          const value = this.valueOf(owner.expression);
          if (value.kind === 'instance' && value.origin === origin && value.path.length === 0) {
            const summary =
              key === 'signal' ? this.summarizeSignal(node.right) : this.summarizeValue(node.right);
            layers.push({
              kind: 'object',
              props: new Map([[key, { value: summary, at: node }]]),
              hasSpread: false,
            });
          }
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(origin.node.getSourceFile());
    return layers;
  }

  /** fetch(request): the init of the `new Request(url, init)` it was built from, when visible. */
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
    return undefined;
  }

  /** node:http: a 'timeout' handler that destroys the request, `setTimeout`, or the request escaping. */
  private httpFacts(call: CallLike): { destroysOnTimeout: boolean; setsTimeout: boolean; escapes: boolean } {
    const fn = call.parent ? findEnclosingBody(call) : undefined;
    const text = fn ? fn.getText() : call.getText();
    const destroysOnTimeout = /\.on\(\s*['"]timeout['"][\s\S]*?(?:destroy|abort)\(/.test(text);
    const setsTimeout = /\.setTimeout\(/.test(text);
    let top: ts.Node = call;
    while (ts.isPropertyAccessExpression(top.parent) && ts.isCallExpression(top.parent.parent))
      top = top.parent.parent;
    const parent = top.parent;
    const escapes =
      ts.isReturnStatement(parent) ||
      (ts.isArrowFunction(parent) && parent.body === top) ||
      (ts.isCallExpression(parent) && parent.expression !== top);
    return { destroysOnTimeout, setsTimeout, escapes };
  }

  /** Judges a remote call with the catalog; undefined when the call is not remote. */
  judgeCall(node: CallLike): RemoteCallFact | undefined {
    const classified = this.classify(node);
    if (!classified || classified.role.role !== 'call') return undefined;
    const role = classified.role;
    const family = FAMILIES[role.family];
    const callee = node.expression.getText().replace(/\s+/g, ' ');
    const base = {
      node,
      family: role.family,
      label: family.label,
      fix: family.fix,
      callee: callee.length > 40 ? `${callee.slice(0, 37)}…` : callee,
    };
    if (family.reportAt === 'construction') {
      // The bound lives where the client was built: judge that construction.
      const origin = root(classified.origin);
      if (!origin || origin.role.role !== 'factory')
        return { ...base, verdict: { status: 'unknown' }, decidedAt: node };
      const options = this.optionsOf(origin.node, origin.role.options);
      const first = origin.node.arguments?.[0];
      const instance = role.family === 'mongodb' && first ? [this.summarizeTop(first)] : [];
      return { ...base, verdict: judge(role.family, { options, instance }), decidedAt: origin.node };
    }
    if (role.family === 'superagent') {
      const bounded = /\.timeout\(/.test(node.parent?.getText() ?? '');
      return { ...base, verdict: bounded ? { status: 'bounded' } : { status: 'missing' }, decidedAt: node };
    }
    const request = role.family === 'fetch' ? this.requestInit(node) : undefined;
    const verdict = judge(role.family, {
      options: this.optionsOf(node, role.options),
      instance: this.instanceLayers(classified),
      ...(request ? { request } : {}),
      ...(role.family === 'http' ? { http: this.httpFacts(node) } : {}),
    });
    if ((verdict.status === 'missing' || verdict.status === 'untimedSignal') && this.isTimeoutWrapped(node))
      return { ...base, verdict: { status: 'bounded' }, decidedAt: node };
    return { ...base, verdict, decidedAt: node };
  }

  /** The call's promise is bounded by a wrapper: `pTimeout(call, …)`, or `Promise.race([call, timer])`. */
  private isTimeoutWrapped(call: CallLike): boolean {
    let node: ts.Node = call;
    while (ts.isAwaitExpression(node.parent) || ts.isParenthesizedExpression(node.parent)) node = node.parent;
    const parent = node.parent;
    if (ts.isCallExpression(parent) && parent.arguments.includes(node as ts.Expression)) {
      const value = this.valueOf(parent.expression);
      if (value.kind === 'module' && TIMEOUT_WRAPPER_MODULES[value.module]?.includes(value.path.join('.')))
        return true;
    }
    if (
      ts.isArrayLiteralExpression(parent) &&
      ts.isCallExpression(parent.parent) &&
      parent.parent.arguments[0] === parent
    ) {
      const callee = this.valueOf(parent.parent.expression);
      if (callee.kind === 'global' && callee.path.join('.') === 'Promise.race')
        return parent.elements.some(element => element !== node && TIMER_NAME.test(element.getText()));
    }
    return false;
  }
}

function root(origin: Origin | undefined): Origin | undefined {
  let current = origin;
  while (current?.parent) current = current.parent;
  return current;
}

function findEnclosingBody(node: ts.Node): ts.Node | undefined {
  for (let current = node.parent; current; current = current.parent)
    if (isFunctionLike(current) || ts.isSourceFile(current)) return current;
  return undefined;
}
