// What a name is bound to in a project module, by syntax: the declarations of a block, the type a
// binding is declared with, a const alias of another binding, the root an options object is read
// from, destructuring keys, shadowing and values written once.
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';
import {
  type Node,
  bindsName,
  findNode,
  isFunction,
  memberChain,
  memberName,
  propertyKey,
  unwrap,
} from '../ast.js';
import { type ModuleInfo, isRemoteSpecifier } from '../project-modules.js';
import { enclosingClass, thisFieldAlong } from './classes.js';

/** `undefined`, `null`: a branch that holds no client. */
export function isNothing(node: Node): boolean {
  const inner = unwrap(node);
  return (
    (inner.type === AST_NODE_TYPES.Identifier && inner.name === 'undefined') ||
    (inner.type === AST_NODE_TYPES.Literal && inner.value === null)
  );
}

/** `const db: SupabaseClient = new Proxy(…)`: a top-level const declared with a client library's type. */
export function declaredClient(info: ModuleInfo, name: string): boolean {
  const type = info.declaredTypes.get(name);
  const source = type ? info.typeSources.get(type) : undefined;
  return source !== undefined && isRemoteSpecifier(source);
}

/** The root of a member chain (`a` in `a.b.c`), unwrapping calls made along it. */
export function chainRoot(node: Node): Node | undefined {
  let current = unwrap(node);
  for (;;) {
    if (current.type === AST_NODE_TYPES.MemberExpression) current = unwrap(current.object);
    else if (current.type === AST_NODE_TYPES.CallExpression) current = unwrap(current.callee);
    else return current;
  }
}

/** `globalThis.__pool`, `global.prisma`: a property of the global object, by name. */
function globalProperty(node: Node): string | undefined {
  const inner = unwrap(node);
  if (inner.type !== AST_NODE_TYPES.MemberExpression || inner.computed) return undefined;
  const object = unwrap(inner.object);
  return object.type === AST_NODE_TYPES.Identifier &&
    (object.name === 'globalThis' || object.name === 'global')
    ? memberName(inner)
    : undefined;
}

/**
 * `const x = …; return x` inside a function: the initialiser of the returned local; also the value
 * a property of the global object is given there (`globalThis.__pool = pool; return globalThis.__pool`).
 */
export function localValue(fn: Node, returned: Node): Node | undefined {
  const inner = unwrap(returned);
  const global = globalProperty(inner);
  if ((inner.type !== AST_NODE_TYPES.Identifier && global === undefined) || !isFunction(fn)) return undefined;
  const name = inner.type === AST_NODE_TYPES.Identifier ? inner.name : undefined;
  const written = findNode(
    fn.body,
    node =>
      (node.type === AST_NODE_TYPES.VariableDeclarator &&
        name !== undefined &&
        node.id.type === AST_NODE_TYPES.Identifier &&
        node.id.name === name &&
        node.init !== null) ||
      // `cached = new S3Provider(); return cached`, `cached ??= new S3Provider()`
      (node.type === AST_NODE_TYPES.AssignmentExpression &&
        (node.operator === '=' || node.operator === '??=' || node.operator === '||=') &&
        (name !== undefined
          ? node.left.type === AST_NODE_TYPES.Identifier && node.left.name === name
          : globalProperty(node.left) === global)),
    node => !isFunction(node),
  ) as TSESTree.VariableDeclarator | TSESTree.AssignmentExpression | undefined;
  if (!written) return undefined;
  return written.type === AST_NODE_TYPES.VariableDeclarator ? (written.init ?? undefined) : written.right;
}

/**
 * `name` at `node` is a parameter or a local of an enclosing function or block, not the module's
 * top-level binding of that name: `prisma.$transaction(async prisma => prisma.user.findMany())`.
 */
export function shadowed(node: Node, name: string): boolean {
  for (
    let current = node.parent;
    current && current.type !== AST_NODE_TYPES.Program;
    current = current.parent
  ) {
    // Asked for most calls of every file: plain loops, no arrays or closures per ancestor.
    if (isFunction(current)) {
      for (const param of current.params) if (bindsName(param, name)) return true;
      continue;
    }
    switch (current.type) {
      case AST_NODE_TYPES.CatchClause:
        if (current.param && bindsName(current.param, name)) return true;
        break;
      case AST_NODE_TYPES.BlockStatement:
        for (const statement of current.body) if (declaresVariable(statement, name)) return true;
        break;
      case AST_NODE_TYPES.ForOfStatement:
      case AST_NODE_TYPES.ForInStatement:
        if (declaresVariable(current.left, name)) return true;
        break;
      case AST_NODE_TYPES.ForStatement:
        if (current.init && declaresVariable(current.init, name)) return true;
        break;
    }
  }
  return false;
}

/** `const name = …` (or `let`, `var`, a pattern that binds `name`) as this statement. */
function declaresVariable(statement: Node, name: string): boolean {
  if (statement.type !== AST_NODE_TYPES.VariableDeclaration) return false;
  for (const declarator of statement.declarations) if (bindsName(declarator.id, name)) return true;
  return false;
}

/** A value its binding keeps: not the initializer of a `let` or `var`, which may be given another later. */
export function isFixedValue(node: Node): boolean {
  const declarator = node.parent;
  return (
    declarator?.type !== AST_NODE_TYPES.VariableDeclarator ||
    declarator.parent?.type !== AST_NODE_TYPES.VariableDeclaration ||
    declarator.parent.kind === 'const'
  );
}

/** A const made by a static method of a class (`Solana.getInstance(…)`), to be checked against its declaration. */
interface StaticFactory {
  cls: string;
  method: string;
}

/** A variable declaration of a block, and the declarator that binds a name. */
interface Declared {
  statement: TSESTree.VariableDeclaration;
  declarator: TSESTree.VariableDeclarator;
}

/**
 * The names a block's variable declarations bind (a name, or a key destructured at the first level:
 * `const { redis } = deps`), each to its first declaration: built once per block, since the
 * questions that walk out from a call ask every block on the way about every name they meet.
 */
function declarationsIn(block: TSESTree.BlockStatement | TSESTree.Program): Map<string, Declared> {
  let found = blockDeclarations.get(block);
  if (found) return found;
  found = new Map();
  for (const statement of block.body) {
    if (statement.type !== AST_NODE_TYPES.VariableDeclaration) continue;
    for (const declarator of statement.declarations) {
      const names: string[] = [];
      if (declarator.id.type === AST_NODE_TYPES.Identifier) names.push(declarator.id.name);
      else if (declarator.id.type === AST_NODE_TYPES.ObjectPattern)
        for (const property of declarator.id.properties) {
          if (property.type !== AST_NODE_TYPES.Property) continue;
          const value =
            property.value.type === AST_NODE_TYPES.AssignmentPattern ? property.value.left : property.value;
          if (value.type === AST_NODE_TYPES.Identifier) names.push(value.name);
        }
      for (const name of names) if (!found.has(name)) found.set(name, { statement, declarator });
    }
  }
  blockDeclarations.set(block, found);
  return found;
}

/** Per block (new nodes when its module is re-read): {@link declarationsIn}. */
const blockDeclarations = new WeakMap<Node, Map<string, Declared>>();

/**
 * The class a name is declared with where it is bound: a parameter of an enclosing function
 * (`client: NemoClient`) or a const (`const client: NemoClient = …`, `const client = new NemoClient(…)`).
 */
export function bindingType(from: Node, name: string): string | StaticFactory | undefined {
  const named = (type: TSESTree.TypeNode | undefined): string | undefined =>
    type?.type === AST_NODE_TYPES.TSTypeReference && type.typeName.type === AST_NODE_TYPES.Identifier
      ? type.typeName.name
      : undefined;
  for (let current = from.parent; current; current = current.parent) {
    if (isFunction(current)) {
      for (const param of current.params) {
        const inner = param.type === AST_NODE_TYPES.TSParameterProperty ? param.parameter : param;
        const target = inner.type === AST_NODE_TYPES.AssignmentPattern ? inner.left : inner;
        if (target.type === AST_NODE_TYPES.Identifier && target.name === name)
          return named(target.typeAnnotation?.typeAnnotation);
        // `({ persist }: { persist: PersistClient })`: a destructured parameter whose type is
        // written out beside it.
        if (target.type === AST_NODE_TYPES.ObjectPattern) {
          const key = patternKey(target, name);
          if (key !== undefined) return named(memberType(target.typeAnnotation?.typeAnnotation, key));
        }
      }
      continue;
    }
    if (current.type !== AST_NODE_TYPES.BlockStatement && current.type !== AST_NODE_TYPES.Program) continue;
    {
      const declarator = declarationsIn(current).get(name)?.declarator;
      if (declarator?.id.type === AST_NODE_TYPES.Identifier) {
        const init = declarator.init ? unwrap(declarator.init) : undefined;
        if (init?.type === AST_NODE_TYPES.NewExpression && init.callee.type === AST_NODE_TYPES.Identifier)
          return init.callee.name;
        const annotated = named(declarator.id.typeAnnotation?.typeAnnotation);
        if (annotated) return annotated;
        // `const solana = await Solana.getInstance(network)`: a static factory of a class; the
        // caller checks that the method is declared to return that class.
        const called = init?.type === AST_NODE_TYPES.AwaitExpression ? unwrap(init.argument) : init;
        if (
          called?.type === AST_NODE_TYPES.CallExpression &&
          called.callee.type === AST_NODE_TYPES.MemberExpression &&
          called.callee.object.type === AST_NODE_TYPES.Identifier &&
          /^[A-Z]/.test(called.callee.object.name)
        ) {
          const method = memberName(called.callee);
          return method ? { cls: called.callee.object.name, method } : undefined;
        }
        return undefined;
      }
    }
  }
  return undefined;
}

/**
 * What a `const` of an enclosing function named `name` copies: another name (`const client =
 * redis`), or a member of one (`const client = store.redis`, `const { redis } = store`), with the
 * declarator, from which that name is looked up.
 */
export function localAlias(
  from: Node,
  name: string,
): { name: string; member?: string; declarator: Node } | undefined {
  for (let current = from.parent; current; current = current.parent) {
    if (isFunction(current)) {
      if (
        current.params.some(param =>
          findNode(param, id => id.type === AST_NODE_TYPES.Identifier && id.name === name),
        )
      )
        return undefined;
      continue;
    }
    if (current.type !== AST_NODE_TYPES.BlockStatement) continue;
    const declared = declarationsIn(current).get(name);
    if (!declared) continue;
    const { statement, declarator } = declared;
    const key = declarator.id.type === AST_NODE_TYPES.ObjectPattern ? patternKey(declarator.id, name) : null;
    let init = declarator.init ? unwrap(declarator.init) : undefined;
    if (statement.kind !== 'const' || !init) return undefined;
    let member = key ?? undefined;
    if (key === null && init.type === AST_NODE_TYPES.MemberExpression && !init.computed) {
      member = memberName(init);
      init = unwrap(init.object);
    }
    return init.type === AST_NODE_TYPES.Identifier
      ? member === undefined
        ? { name: init.name, declarator }
        : { name: init.name, member, declarator }
      : undefined;
  }
  return undefined;
}

/**
 * Where a binding takes its value from a value declared with a named type, when it is not declared
 * with a type itself: destructured from a parameter (`({ keycloakClient }: RouterOptions)`), or a
 * `const` read from a member chain of such a parameter or const (`const kc = opts.keycloakClient`,
 * `const { mailer } = this.deps` aside). The type is named where the binding is written; `via` is
 * the path read from a value of that type.
 */
export function bindingRoot(
  from: Node,
  name: string,
  depth = 0,
): { cls: string; via: readonly string[] } | undefined {
  if (depth > 3) return undefined;
  for (let current = from.parent; current; current = current.parent) {
    if (isFunction(current)) {
      for (const param of current.params) {
        const inner = param.type === AST_NODE_TYPES.TSParameterProperty ? param.parameter : param;
        const target = inner.type === AST_NODE_TYPES.AssignmentPattern ? inner.left : inner;
        if (target.type === AST_NODE_TYPES.Identifier && target.name === name) return undefined;
        if (target.type !== AST_NODE_TYPES.ObjectPattern) continue;
        const key = patternKey(target, name);
        if (key === undefined) continue;
        const type = target.typeAnnotation?.typeAnnotation;
        return type?.type === AST_NODE_TYPES.TSTypeReference &&
          type.typeName.type === AST_NODE_TYPES.Identifier &&
          !type.typeArguments
          ? { cls: type.typeName.name, via: [key] }
          : undefined;
      }
      continue;
    }
    if (current.type !== AST_NODE_TYPES.BlockStatement && current.type !== AST_NODE_TYPES.Program) continue;
    const found = declarationsIn(current).get(name);
    if (!found) continue;
    const { statement, declarator } = found;
    // `const kc = opts.keycloakClient`, `const { redis } = this.deps`.
    const key = declarator.id.type === AST_NODE_TYPES.ObjectPattern ? patternKey(declarator.id, name) : null;
    if (key === undefined) return undefined;
    // A `let` may hold something else by the time it is read.
    if (statement.kind !== 'const' || declarator.id.typeAnnotation || !declarator.init) return undefined;
    const chain = memberChain(unwrap(declarator.init));
    if (!chain) return undefined;
    const read = key === null ? chain.path : [...chain.path, key];
    if (read.length === 0) return undefined;
    if (chain.root.type === AST_NODE_TYPES.ThisExpression) {
      const owner = enclosingClass(declarator);
      const along = owner ? thisFieldAlong(owner, read) : undefined;
      return along?.type ? { cls: along.type, via: along.rest } : undefined;
    }
    if (chain.root.type !== AST_NODE_TYPES.Identifier) return undefined;
    const root = chain.root.name;
    const declared = bindingType(declarator, root);
    if (typeof declared === 'string') return { cls: declared, via: read };
    if (declared !== undefined) return undefined;
    const outer = bindingRoot(declarator, root, depth + 1);
    return outer ? { cls: outer.cls, via: [...outer.via, ...read] } : undefined;
  }
  return undefined;
}

/** The key a destructuring pattern binds `name` from (`{ persist }`, `{ client: persist = x }`), if any. */
export function patternKey(pattern: TSESTree.ObjectPattern, name: string): string | undefined {
  for (const property of pattern.properties) {
    if (property.type !== AST_NODE_TYPES.Property) continue;
    const value =
      property.value.type === AST_NODE_TYPES.AssignmentPattern ? property.value.left : property.value;
    if (value.type === AST_NODE_TYPES.Identifier && value.name === name) return propertyKey(property);
  }
  return undefined;
}

/** The type of member `key` in a type literal written out (`{ persist: PersistClient }`). */
function memberType(type: TSESTree.TypeNode | undefined, key: string): TSESTree.TypeNode | undefined {
  if (type?.type !== AST_NODE_TYPES.TSTypeLiteral) return undefined;
  for (const member of type.members)
    if (
      member.type === AST_NODE_TYPES.TSPropertySignature &&
      !member.computed &&
      ((member.key.type === AST_NODE_TYPES.Identifier && member.key.name === key) ||
        (member.key.type === AST_NODE_TYPES.Literal && member.key.value === key))
    )
      return member.typeAnnotation?.typeAnnotation;
  return undefined;
}
