// Classes of a project module, by syntax: their members, the fields they make or declare and the
// types those are declared with, what `this.field` is typed as along a chain, static and object methods.
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';
import {
  type FunctionNode,
  type Node,
  findNode,
  isFunction,
  memberChain,
  memberName,
  propertyKey,
  staticString,
  unwrap,
  writtenName,
} from '../ast.js';
import { returnedValues } from '../project-facts.js';
import type { ModuleInfo } from '../project-modules.js';

/** What stands for a value that is written more than once, so that which one holds is not written. */
export const UNKNOWN_VALUE = { type: 'Unknown' } as unknown as Node;

/**
 * What a field of a class is given, when it is given one value only: its initializer, or its one
 * `this.field = …` in the constructor or a method. A field given a default that the constructor or a
 * method may replace (`private baseUrl = 'http://localhost'; constructor(o) { if (o.baseUrl)
 * this.baseUrl = o.baseUrl }`, a `setBase(url)` method) holds more than one value: which one holds
 * is not written ({@link UNKNOWN_VALUE}).
 */
export function fieldInit(
  owner: TSESTree.ClassDeclaration | TSESTree.ClassExpression,
  field: string,
): Node | undefined {
  // Asked for every `this.x.y(…)` of a class a question reads: the class body is searched once.
  let fields = fieldInits.get(owner);
  if (!fields) fieldInits.set(owner, (fields = new Map()));
  if (fields.has(field)) return fields.get(field);
  const found = searchFieldInit(owner, field);
  fields.set(field, found);
  return found;
}

/** Per class node (new nodes when its module is re-read): what {@link fieldInit} found per field. */
const fieldInits = new WeakMap<Node, Map<string, Node | undefined>>();

/** {@link fieldInit}, searched now. */
function searchFieldInit(
  owner: TSESTree.ClassDeclaration | TSESTree.ClassExpression,
  field: string,
): Node | undefined {
  let found: Node | undefined;
  const give = (value: Node): void => {
    found = found === undefined ? unwrap(value) : UNKNOWN_VALUE;
  };
  for (const member of owner.body.body) {
    if (member.type === AST_NODE_TYPES.PropertyDefinition && !member.static && member.value) {
      if (classMemberKey(member) === field) give(member.value);
    }
    const body =
      member.type === AST_NODE_TYPES.MethodDefinition && !member.static
        ? member.value.body
        : member.type === AST_NODE_TYPES.PropertyDefinition &&
            !member.static &&
            member.value?.type !== AST_NODE_TYPES.FunctionExpression
          ? member.value
          : undefined;
    if (!body) continue;
    findNode(
      body as Node,
      node => {
        if (
          node.type === AST_NODE_TYPES.AssignmentExpression &&
          node.left.type === AST_NODE_TYPES.MemberExpression &&
          node.left.object.type === AST_NODE_TYPES.ThisExpression &&
          memberName(node.left) === field
        )
          give(node.right);
        return false;
      },
      // A nested `function` or class has a `this` of its own; an arrow function keeps the instance's.
      node =>
        node.type !== AST_NODE_TYPES.FunctionExpression &&
        node.type !== AST_NODE_TYPES.FunctionDeclaration &&
        node.type !== AST_NODE_TYPES.ClassDeclaration &&
        node.type !== AST_NODE_TYPES.ClassExpression,
    );
  }
  return found;
}

/** The key of a property, or the name of a member read. */
export function propertyName(node: Node): string | undefined {
  if (node.type === AST_NODE_TYPES.Property && node.key.type === AST_NODE_TYPES.Identifier)
    return node.key.name;
  if (node.type === AST_NODE_TYPES.Identifier) return node.name;
  return undefined;
}

/** `this.connection.getLatestBlockhash`: a call's callee as written, for messages. */
export function calleeWords(call: TSESTree.CallExpression): string {
  const chain = memberChain(unwrap(call.callee));
  if (!chain) return 'a call';
  const root = chain.root.type === AST_NODE_TYPES.ThisExpression ? 'this' : (writtenName(chain.root) ?? '…');
  return [root, ...chain.path].join('.');
}

export function memberKey(member: TSESTree.MethodDefinition): string | undefined {
  return member.key.type === AST_NODE_TYPES.Identifier ? member.key.name : staticString(member.key);
}

/** The name of a method or property of a class body (not a constructor, index signature or block). */
export function classMemberKey(member: TSESTree.ClassElement): string | undefined {
  if (member.type === AST_NODE_TYPES.MethodDefinition)
    return member.kind === 'constructor' ? undefined : memberKey(member);
  if (member.type === AST_NODE_TYPES.PropertyDefinition && !member.computed)
    return member.key.type === AST_NODE_TYPES.Identifier ? member.key.name : staticString(member.key);
  return undefined;
}

/** An abstract class's abstract method or property of this name (no body to read: an implementation's is). */
export function abstractMember(node: TSESTree.ClassDeclaration, name: string): boolean {
  return (
    node.abstract &&
    node.body.body.some(
      member =>
        (member.type === AST_NODE_TYPES.TSAbstractMethodDefinition ||
          member.type === AST_NODE_TYPES.TSAbstractPropertyDefinition) &&
        !member.computed &&
        member.key.type === AST_NODE_TYPES.Identifier &&
        member.key.name === name,
    )
  );
}

/** The names a class extends and implements, as written (`extends Base implements IUsers`). */
export function heritageNames(node: TSESTree.ClassDeclaration): string[] {
  const names: string[] = [];
  if (node.superClass?.type === AST_NODE_TYPES.Identifier) names.push(node.superClass.name);
  for (const clause of node.implements ?? []) {
    const expression = clause.expression;
    if (expression.type === AST_NODE_TYPES.Identifier) names.push(expression.name);
    else if (
      expression.type === AST_NODE_TYPES.MemberExpression &&
      expression.property.type === AST_NODE_TYPES.Identifier
    )
      names.push(expression.property.name);
  }
  return names;
}

export function enclosingClass(node: Node): TSESTree.ClassDeclaration | TSESTree.ClassExpression | undefined {
  for (let current = node.parent; current; current = current.parent)
    if (current.type === AST_NODE_TYPES.ClassDeclaration || current.type === AST_NODE_TYPES.ClassExpression)
      return current;
  return undefined;
}

/** The class a field is made with where it is declared (`private readonly redlock = new Redlock([])`). */
export function fieldClass(
  owner: TSESTree.ClassDeclaration | TSESTree.ClassExpression,
  field: string,
): string | undefined {
  for (const member of owner.body.body) {
    if (
      member.type !== AST_NODE_TYPES.PropertyDefinition ||
      member.key.type !== AST_NODE_TYPES.Identifier ||
      member.key.name !== field ||
      !member.value
    )
      continue;
    const value = unwrap(member.value);
    return value.type === AST_NODE_TYPES.NewExpression && value.callee.type === AST_NODE_TYPES.Identifier
      ? value.callee.name
      : undefined;
  }
  return undefined;
}

/** The type name a class field is declared with: a constructor parameter property or a property. */
export function fieldType(
  owner: TSESTree.ClassDeclaration | TSESTree.ClassExpression,
  field: string,
): string | undefined {
  const type = fieldTypeNode(owner, field);
  if (type?.type !== AST_NODE_TYPES.TSTypeReference) return undefined;
  if (type.typeName.type === AST_NODE_TYPES.Identifier) return type.typeName.name;
  // `private pool: pg.Pool` with `import pg from 'pg'`: the qualified name, resolved by typeNamed.
  const name = type.typeName;
  return name.type === AST_NODE_TYPES.TSQualifiedName && name.left.type === AST_NODE_TYPES.Identifier
    ? `${name.left.name}.${name.right.name}`
    : undefined;
}

/** The type a class declares its field (or constructor parameter property) `field` with, as written. */
function fieldTypeNode(
  owner: TSESTree.ClassDeclaration | TSESTree.ClassExpression,
  field: string,
): TSESTree.TypeNode | undefined {
  for (const member of owner.body.body) {
    if (
      member.type === AST_NODE_TYPES.PropertyDefinition &&
      member.key.type === AST_NODE_TYPES.Identifier &&
      member.key.name === field
    )
      return member.typeAnnotation?.typeAnnotation;
    if (member.type === AST_NODE_TYPES.MethodDefinition && member.kind === 'constructor') {
      for (const parameter of member.value.params) {
        if (parameter.type !== AST_NODE_TYPES.TSParameterProperty) continue;
        const inner = parameter.parameter;
        if (inner.type === AST_NODE_TYPES.Identifier && inner.name === field)
          return inner.typeAnnotation?.typeAnnotation;
      }
    }
  }
  return undefined;
}

/**
 * `this.input.keycloakClient…` where the class declares `input: { keycloakClient: Keycloak; … }`:
 * the named type of the first step's property, and the steps after it. Otherwise the field's own
 * named type and the steps after the field.
 */
export function thisFieldAlong(
  owner: TSESTree.ClassDeclaration | TSESTree.ClassExpression,
  path: readonly string[],
): { type: string | undefined; rest: readonly string[] } {
  const declared = fieldTypeNode(owner, path[0] as string);
  if (declared?.type === AST_NODE_TYPES.TSTypeLiteral && path.length >= 2)
    return { type: propertyType(declared, path[1] as string) ?? undefined, rest: path.slice(2) };
  return { type: fieldType(owner, path[0] as string), rest: path.slice(1) };
}

/**
 * Synchronous by what is written: not `async`, and a return type of plain data (`: number`,
 * `: Host[]`, {@link plainValueType}), or, with none written, only returns of values that call
 * nothing (`return [];`, `return this.size;`).
 */
export function declaredSync(fn: FunctionNode): boolean {
  if (fn.async || fn.generator) return false;
  const type = fn.returnType?.typeAnnotation;
  if (!type) {
    const returned = returnedValues(fn);
    return (
      returned.length > 0 &&
      returned.every(
        value =>
          findNode(
            value,
            node =>
              node.type === AST_NODE_TYPES.CallExpression ||
              node.type === AST_NODE_TYPES.NewExpression ||
              node.type === AST_NODE_TYPES.AwaitExpression ||
              node.type === AST_NODE_TYPES.TaggedTemplateExpression,
          ) === undefined,
      )
    );
  }
  return plainValueType(type);
}

/**
 * A written type that is plain data: a number, string or boolean, a literal, an array, a tuple or
 * an object type of them. Not `void` (a method that fires a request and returns nothing), nor a
 * named type (`Query<T>`, `Bluebird<T>` may be promises).
 */
function plainValueType(type: TSESTree.TypeNode): boolean {
  switch (type.type) {
    case AST_NODE_TYPES.TSNumberKeyword:
    case AST_NODE_TYPES.TSStringKeyword:
    case AST_NODE_TYPES.TSBooleanKeyword:
    case AST_NODE_TYPES.TSBigIntKeyword:
    case AST_NODE_TYPES.TSNullKeyword:
    case AST_NODE_TYPES.TSUndefinedKeyword:
    case AST_NODE_TYPES.TSLiteralType:
    case AST_NODE_TYPES.TSTypeLiteral:
      return true;
    case AST_NODE_TYPES.TSArrayType:
      return true;
    case AST_NODE_TYPES.TSTupleType:
      return true;
    case AST_NODE_TYPES.TSUnionType:
      return type.types.every(plainValueType);
    case AST_NODE_TYPES.TSTypeReference:
      // `HealthCheckHost[]` is an array; `Array<Host>`, `Record<…>`, `Map<…>` hold data.
      return (
        type.typeName.type === AST_NODE_TYPES.Identifier &&
        /^(?:Array|ReadonlyArray|Record|Map|ReadonlyMap|Set|ReadonlySet|Date)$/.test(type.typeName.name)
      );
    default:
      return false;
  }
}

/**
 * The type name of the property `name` that an interface or an object type alias declares
 * (`keycloakClient: Keycloak`, `cache?: Redis | undefined`): null when it declares the property with
 * a type that is not one named type (a function, a literal type, a union of two types), undefined
 * when it declares no such property (then the value may be a DI token whose implementation says).
 */
export function propertyType(node: Node, name: string): string | null | undefined {
  let members: readonly TSESTree.TypeElement[] | undefined;
  if (node.type === AST_NODE_TYPES.TSInterfaceDeclaration) members = node.body.body;
  else if (node.type === AST_NODE_TYPES.TSTypeLiteral) members = node.members;
  else if (
    node.type === AST_NODE_TYPES.TSTypeAliasDeclaration &&
    node.typeAnnotation.type === AST_NODE_TYPES.TSTypeLiteral
  )
    members = node.typeAnnotation.members;
  if (!members) return undefined;
  for (const member of members) {
    if (
      member.type !== AST_NODE_TYPES.TSPropertySignature ||
      member.computed ||
      member.key.type !== AST_NODE_TYPES.Identifier ||
      member.key.name !== name
    )
      continue;
    let type = member.typeAnnotation?.typeAnnotation;
    // `chClient?: ClickHouseClient | undefined`, `redis: Redis | null`.
    if (type?.type === AST_NODE_TYPES.TSUnionType) {
      const named = type.types.filter(
        part => part.type !== AST_NODE_TYPES.TSUndefinedKeyword && part.type !== AST_NODE_TYPES.TSNullKeyword,
      );
      type = named.length === 1 ? named[0] : undefined;
    }
    return type?.type === AST_NODE_TYPES.TSTypeReference && type.typeName.type === AST_NODE_TYPES.Identifier
      ? type.typeName.name
      : null;
  }
  return undefined;
}

/**
 * The function `name` of an object of functions (`{ async parse(url) {…}, summarise, chat: q => … }`):
 * a method, a function value, or a shorthand naming a function of the module. A spread or a
 * computed key after it may replace it, so nothing is said then.
 */
export function objectMethod(
  info: ModuleInfo,
  object: TSESTree.ObjectExpression,
  name: string,
): { info: ModuleInfo; fn: FunctionNode } | undefined {
  let found: Node | undefined;
  for (const property of object.properties) {
    const key = property.type === AST_NODE_TYPES.Property ? propertyKey(property) : undefined;
    if (key === undefined) found = undefined;
    else if (key === name) found = unwrap((property as TSESTree.Property).value as Node);
  }
  if (found?.type === AST_NODE_TYPES.Identifier && !info.imports.has(found.name)) {
    const local = info.locals.get(found.name);
    found = local ? unwrap(local) : undefined;
  }
  return found && isFunction(found) ? { info, fn: found } : undefined;
}

/** The static method `name` of a class declared in `info` (`static sleep$(ms) { … }`, `static sleep = async (ms) => …`). */
export function staticMethod(
  info: ModuleInfo,
  cls: TSESTree.ClassDeclaration,
  name: string,
): { info: ModuleInfo; fn: FunctionNode } | undefined {
  for (const member of cls.body.body) {
    if (!(member as { static?: boolean }).static || classMemberKey(member) !== name) continue;
    const value =
      member.type === AST_NODE_TYPES.MethodDefinition || member.type === AST_NODE_TYPES.PropertyDefinition
        ? member.value && unwrap(member.value)
        : undefined;
    return value && isFunction(value) ? { info, fn: value } : undefined;
  }
  return undefined;
}
