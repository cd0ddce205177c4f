// Injected clients, by syntax alone: the client a type annotation names (`AxiosInstance`, `Redis`,
// `S3Client`, through type aliases, namespace imports and `import('m').T`), the declared type of a
// class field or constructor parameter property, and the client class a class extends.
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';

import { canonicalModule, instanceOfDeclaredType, lookupModuleMember } from '@faultline/catalog';
import { type Node, propertyKey, staticString } from '../ast.js';
import type { FileModel } from '../file-model.js';
import { UNKNOWN, type Value } from './types.js';
import { importedValue } from './values.js';

/** Declared client types of one file, memoised per annotation. */
export class DeclaredTypes {
  private readonly declaredCache = new Map<Node, Value>();

  constructor(private readonly model: FileModel) {}

  /** The declared type of field `name` in a class body, when it is a client's type. */
  declaredField(body: Node, name: string): Value | undefined {
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
  clientBaseOf(klass: Node): Value | undefined {
    const base = this.clientBaseClass(klass);
    if (base?.kind !== 'module') return undefined;
    const role = lookupModuleMember(base.module, base.path);
    return role?.role === 'factory'
      ? { kind: 'instance', instance: role.instance, family: role.family, path: [], origin: undefined }
      : undefined;
  }

  /** The client class a class extends (`extends S3Client`, `extends grpc.Client`), as a module value. */
  clientBaseClass(klass: Node): Value | undefined {
    if (
      (klass.type !== AST_NODE_TYPES.ClassDeclaration && klass.type !== AST_NODE_TYPES.ClassExpression) ||
      !klass.superClass
    )
      return undefined;
    const base = this.model.valueOf(klass.superClass);
    if (base.kind !== 'module') return undefined;
    const role = lookupModuleMember(base.module, base.path);
    return role?.role === 'factory' && !role.inheritsFrom ? base : undefined;
  }

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
          const def = this.model.findVariable(name.left)?.defs[0];
          if (def?.type !== 'ImportBinding') return UNKNOWN;
          const module = importedValue(def, true);
          return module.kind === 'module'
            ? this.instanceOfType(module.module, [...module.path, name.right.name])
            : UNKNOWN;
        }
        if (name.type !== AST_NODE_TYPES.Identifier) return UNKNOWN;
        const def = this.model.findVariable(name)?.defs[0];
        if (!def) return UNKNOWN;
        if (def.type === 'ImportBinding') {
          const module = importedValue(def, true);
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
}
