// Injected clients by syntax alone, read from TypeScript nodes: the client a type annotation names
// (`AxiosInstance`, `Redis`, `S3Client`, through type aliases, namespace imports and
// `import('m').T`), the declared type of a class field or constructor parameter property, and the
// client class a class extends. The same reading as the rules' (rules/util/file-model/
// declared-types.ts), so that `analyze` knows an injected client where the lint rules do, even when
// the client's package is not installed and the type checker cannot resolve its types.
import {
  type CatalogValue,
  canonicalModule,
  instanceOfDeclaredType,
  lookupModuleMember,
} from '@faultline/catalog';
import { ts } from 'ts-morph';

import { hasModifier, propertyNameText, staticString } from './ts-util.js';

type Value<O> = CatalogValue<O | undefined>;

/** What the reader needs: the checker, and the value of an expression (for `extends` clauses). */
export interface DeclaredTypesHost<O> {
  readonly checker: ts.TypeChecker;
  valueOf(node: ts.Expression): Value<O>;
}

const UNKNOWN = { kind: 'unknown' } as const;

/** Declared client types, memoised per annotation. */
export class DeclaredTypes<O> {
  private readonly cache = new Map<ts.Node, Value<O>>();

  constructor(private readonly host: DeclaredTypesHost<O>) {}

  /** The declared type of instance field `name` of a class, or of a constructor parameter property, when it is a client's. */
  declaredField(klass: ts.ClassLikeDeclaration, name: string): Value<O> | undefined {
    for (const member of klass.members) {
      if (
        ts.isPropertyDeclaration(member) &&
        !hasModifier(member, ts.SyntaxKind.StaticKeyword) &&
        propertyNameText(member.name) === name
      ) {
        const value = this.declaredInstance(member.type);
        if (value.kind !== 'unknown') return value;
      }
      if (ts.isConstructorDeclaration(member))
        for (const param of member.parameters) {
          if (!ts.isParameterPropertyDeclaration(param, member)) continue;
          if (ts.isIdentifier(param.name) && param.name.text === name) {
            const value = this.declaredInstance(param.type);
            if (value.kind !== 'unknown') return value;
          }
        }
    }
    return undefined;
  }

  /** What a class extends when its base is a client class: an instance of what the base makes. */
  clientBaseOf(klass: ts.ClassLikeDeclaration): Value<O> | undefined {
    const base = this.clientBaseClass(klass);
    if (base?.kind !== 'module') return undefined;
    const role = lookupModuleMember(base.module, base.path);
    return role?.role === 'factory'
      ? { kind: 'instance', instance: role.instance, family: role.family, path: [], origin: undefined }
      : undefined;
  }

  /** The client class a class extends (`extends S3Client`, `extends grpc.Client`), as a module value. */
  clientBaseClass(klass: ts.ClassLikeDeclaration): Value<O> | undefined {
    const clause = klass.heritageClauses?.find(heritage => heritage.token === ts.SyntaxKind.ExtendsKeyword);
    const superClass = clause?.types[0]?.expression;
    if (!superClass) return undefined;
    const base = this.host.valueOf(superClass);
    if (base.kind !== 'module') return undefined;
    const role = lookupModuleMember(base.module, base.path);
    return role?.role === 'factory' && !role.inheritsFrom ? base : undefined;
  }

  /**
   * The client instance a type annotation names, by syntax alone: an import from a client module
   * (also type-only and namespace-qualified), a local type alias of one, a local subclass of a
   * client class, or a union with null/undefined.
   */
  declaredInstance(annotation: ts.TypeNode | undefined, depth = 0): Value<O> {
    if (!annotation || depth > 4) return UNKNOWN;
    const cached = this.cache.get(annotation);
    if (cached) return cached;
    this.cache.set(annotation, UNKNOWN);
    const value = this.computeDeclaredInstance(annotation, depth);
    this.cache.set(annotation, value);
    return value;
  }

  private computeDeclaredInstance(annotation: ts.TypeNode, depth: number): Value<O> {
    if (ts.isParenthesizedTypeNode(annotation)) return this.declaredInstance(annotation.type, depth + 1);
    if (ts.isUnionTypeNode(annotation)) {
      // `AxiosInstance | undefined`: the one client among nullish members.
      let found: Value<O> = UNKNOWN;
      for (const member of annotation.types) {
        if (
          member.kind === ts.SyntaxKind.UndefinedKeyword ||
          (ts.isLiteralTypeNode(member) && member.literal.kind === ts.SyntaxKind.NullKeyword)
        )
          continue;
        if (found.kind !== 'unknown') return UNKNOWN;
        found = this.declaredInstance(member, depth + 1);
        if (found.kind === 'unknown') return UNKNOWN;
      }
      return found;
    }
    if (ts.isTypeReferenceNode(annotation)) {
      const name = annotation.typeName;
      if (ts.isQualifiedName(name)) {
        // `IORedis.Redis`, `AWS.S3Client`: a namespace (or default) import's member.
        if (!ts.isIdentifier(name.left)) return UNKNOWN;
        const module = this.importedModule(name.left);
        return module ? this.instanceOfType(module.module, [...module.path, name.right.text]) : UNKNOWN;
      }
      const module = this.importedModule(name);
      if (module) return this.instanceOfType(module.module, module.path);
      const declaration = this.host.checker.getSymbolAtLocation(name)?.declarations?.[0];
      if (!declaration || declaration.getSourceFile() !== annotation.getSourceFile()) return UNKNOWN;
      if (ts.isTypeAliasDeclaration(declaration)) return this.declaredInstance(declaration.type, depth + 1);
      if (ts.isClassDeclaration(declaration)) return this.clientBaseOf(declaration) ?? UNKNOWN;
      return UNKNOWN;
    }
    if (ts.isImportTypeNode(annotation)) {
      // `import('axios').AxiosInstance`
      const argument = annotation.argument;
      const source = ts.isLiteralTypeNode(argument) ? staticString(argument.literal) : undefined;
      const qualifier = annotation.qualifier;
      if (source === undefined || !qualifier || !ts.isIdentifier(qualifier)) return UNKNOWN;
      return this.instanceOfType(canonicalModule(source), [qualifier.text]);
    }
    return UNKNOWN;
  }

  /** The module (and exported name) an imported identifier stands for, type-only imports included. */
  private importedModule(id: ts.Identifier): { module: string; path: string[] } | undefined {
    const declaration = this.host.checker.getSymbolAtLocation(id)?.declarations?.[0];
    if (!declaration) return undefined;
    if (ts.isImportSpecifier(declaration)) {
      const source = staticString(declaration.parent.parent.parent.moduleSpecifier);
      return source === undefined
        ? undefined
        : { module: canonicalModule(source), path: [(declaration.propertyName ?? declaration.name).text] };
    }
    if (ts.isImportClause(declaration) || ts.isNamespaceImport(declaration)) {
      const importDeclaration = ts.isImportClause(declaration)
        ? declaration.parent
        : declaration.parent.parent;
      const source = staticString(importDeclaration.moduleSpecifier);
      return source === undefined ? undefined : { module: canonicalModule(source), path: [] };
    }
    if (
      ts.isImportEqualsDeclaration(declaration) &&
      ts.isExternalModuleReference(declaration.moduleReference)
    ) {
      const source = staticString(declaration.moduleReference.expression);
      return source === undefined ? undefined : { module: canonicalModule(source), path: [] };
    }
    return undefined;
  }

  private instanceOfType(module: string, path: readonly string[]): Value<O> {
    const found = instanceOfDeclaredType(module, path);
    return found
      ? { kind: 'instance', instance: found.instance, family: found.family, path: [], origin: undefined }
      : UNKNOWN;
  }
}
