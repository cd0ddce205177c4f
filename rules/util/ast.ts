// Small ESTree helpers shared by the rules.
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';

export type Node = TSESTree.Node;
export type CallLike = TSESTree.CallExpression | TSESTree.NewExpression;
export type FunctionNode =
  TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression | TSESTree.FunctionDeclaration;

/** Strips syntax that does not change a value: TS assertions, `!`, optional chains, parentheses. */
export function unwrap(node: Node): Node {
  let current = node;
  for (;;) {
    switch (current.type) {
      case AST_NODE_TYPES.TSAsExpression:
      case AST_NODE_TYPES.TSNonNullExpression:
      case AST_NODE_TYPES.TSSatisfiesExpression:
      case AST_NODE_TYPES.TSTypeAssertion:
      case AST_NODE_TYPES.TSInstantiationExpression:
        current = current.expression;
        break;
      case AST_NODE_TYPES.ChainExpression:
        current = current.expression;
        break;
      // `(0, lib_1.default)(…)`: how TypeScript and Babel call an imported function.
      case AST_NODE_TYPES.SequenceExpression: {
        const [first, last] = current.expressions;
        if (current.expressions.length !== 2 || first?.type !== AST_NODE_TYPES.Literal || !last)
          return current;
        current = last;
        break;
      }
      default:
        return current;
    }
  }
}

/** The static name of a member access (`a.b`, `a['b']`), if it has one. */
export function memberName(node: TSESTree.MemberExpression): string | undefined {
  if (!node.computed)
    return node.property.type === AST_NODE_TYPES.Identifier ? node.property.name : undefined;
  const property = node.property;
  if (property.type === AST_NODE_TYPES.Literal && typeof property.value === 'string') return property.value;
  if (property.type === AST_NODE_TYPES.TemplateLiteral && property.expressions.length === 0) {
    return property.quasis[0]?.value.cooked ?? undefined;
  }
  return undefined;
}

/** `process.env.HOSTS`, `process.env['HOSTS']`: a variable of the process's environment. */
export function isEnvRead(node: Node): boolean {
  const inner = unwrap(node);
  if (inner.type !== AST_NODE_TYPES.MemberExpression) return false;
  const env = unwrap(inner.object as Node);
  if (env.type !== AST_NODE_TYPES.MemberExpression || memberName(env) !== 'env') return false;
  const process = unwrap(env.object as Node);
  return process.type === AST_NODE_TYPES.Identifier && process.name === 'process';
}

/**
 * A value that is text (or a port), never an options object: a string, a number, a template, a
 * variable of the environment, `String(…)`, and a `??`, `||` or `?:` whose every side is one
 * (`process.env.REDIS_URL ?? 'redis://localhost:6379'`).
 */
export function isTextValue(node: Node): boolean {
  const inner = unwrap(node);
  switch (inner.type) {
    case AST_NODE_TYPES.Literal:
      return typeof inner.value === 'string' || typeof inner.value === 'number';
    case AST_NODE_TYPES.TemplateLiteral:
      return true;
    case AST_NODE_TYPES.MemberExpression:
      return isEnvRead(inner);
    case AST_NODE_TYPES.CallExpression:
      return inner.callee.type === AST_NODE_TYPES.Identifier && inner.callee.name === 'String';
    case AST_NODE_TYPES.LogicalExpression:
      return inner.operator !== '&&' && isTextValue(inner.left) && isTextValue(inner.right);
    case AST_NODE_TYPES.ConditionalExpression:
      return isTextValue(inner.consequent) && isTextValue(inner.alternate);
    default:
      return false;
  }
}

/**
 * Source text on one line, for a message: a chain broken before its dots (`supabase\n  .from`)
 * joins up (`supabase.from`), other runs of white space become one space.
 */
export function oneLine(text: string): string {
  return text.replace(/\s*\n\s*(?=\??\.)/g, '').replace(/\s+/g, ' ');
}

/**
 * A callee's text short enough for a message (`max` characters), keeping the method it ends with:
 * arguments become `…` (`createSlackClient(…).chat.postMessage`), then the start is cut.
 */
export function shortCallee(text: string, max = 40): string {
  let short = oneLine(text);
  if (short.length > max) {
    // Only a call's arguments: a `(` after a name, a call, an index or `?.`; not a grouping one.
    let out = '';
    let depth = 0;
    for (let index = 0; index < short.length; index++) {
      const char = short[index] as string;
      if (char === '(' && (depth > 0 || /[\w$)\]>.]$/.test(out))) {
        if (depth === 0) out += short[index + 1] === ')' ? '(' : '(…';
        depth++;
      } else if (char === ')' && depth > 0) {
        depth--;
        if (depth === 0) out += ')';
      } else if (depth === 0) out += char;
    }
    short = out;
  }
  if (short.length <= max) return short;
  // Cut at a member's start rather than inside a name: `….multi().exec`, not `…isClient.multi().exec`.
  const tail = short.slice(short.length - max + 1);
  const dot = tail.indexOf('.');
  return `…${dot > 0 && /^[\w$]+$/.test(tail.slice(0, dot)) ? tail.slice(dot) : tail}`;
}

/** A member access chain `a.b.c` as its root and the names after it; undefined for a computed member. */
export function memberChain(node: Node): { root: Node; path: string[] } | undefined {
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

/** The name a callee is written with: `f` in `f()`, `b` in `a.b()` or `a['b']()`; else undefined. */
export function writtenName(callee: Node): string | undefined {
  const inner = unwrap(callee);
  if (inner.type === AST_NODE_TYPES.Identifier) return inner.name;
  return inner.type === AST_NODE_TYPES.MemberExpression ? memberName(inner) : undefined;
}

/** The static key of an object property (`a:`, `'a':`, `['a']:`), if it has one. */
export function propertyKey(
  node: TSESTree.Property | TSESTree.PropertyDefinition | TSESTree.MethodDefinition,
): string | undefined {
  const key = node.key;
  if (!node.computed) {
    if (key.type === AST_NODE_TYPES.Identifier) return key.name;
    if (key.type === AST_NODE_TYPES.Literal) return String(key.value);
    return undefined;
  }
  if (key.type === AST_NODE_TYPES.Literal && typeof key.value === 'string') return key.value;
  if (key.type === AST_NODE_TYPES.TemplateLiteral && key.expressions.length === 0)
    return key.quasis[0]?.value.cooked ?? undefined;
  return undefined;
}

/** `require('./x')` (also `require('./x').name`): the call and the specifier it is given. */
export function requireCall(
  node: Node | null | undefined,
): { call: TSESTree.CallExpression; specifier: string } | undefined {
  let call = node ? unwrap(node) : undefined;
  if (call?.type === AST_NODE_TYPES.MemberExpression && !call.computed) call = unwrap(call.object);
  if (
    call?.type !== AST_NODE_TYPES.CallExpression ||
    call.callee.type !== AST_NODE_TYPES.Identifier ||
    call.callee.name !== 'require' ||
    call.arguments.length !== 1
  )
    return undefined;
  const [argument] = call.arguments;
  return argument?.type === AST_NODE_TYPES.Literal && typeof argument.value === 'string'
    ? { call, specifier: argument.value }
    : undefined;
}

/** `fn` is the executor of `new Promise(fn)`, whose returned value nothing reads. */
export function isPromiseExecutor(fn: FunctionNode): boolean {
  const parent = fn.parent;
  if (parent?.type !== AST_NODE_TYPES.NewExpression || parent.arguments[0] !== fn) return false;
  const callee = unwrap(parent.callee);
  return callee.type === AST_NODE_TYPES.Identifier && callee.name === 'Promise';
}

export function isFunction(node: Node): node is FunctionNode {
  return (
    node.type === AST_NODE_TYPES.ArrowFunctionExpression ||
    node.type === AST_NODE_TYPES.FunctionExpression ||
    node.type === AST_NODE_TYPES.FunctionDeclaration
  );
}

/** A name a callback is given (`onResponse`, `done`, `cb`, `next`, `resolve`…). */
const CALLBACK_NAME = /^(?:cb|callback|done|next|resolve|reject|handler|listener|on[A-Z_$][\w$]*)$/;

/**
 * Nothing waits for the promise of `call`: it is the operand of `void` (`void ping()`), or a
 * statement of its own (`notify(user).catch(log);`, `callWebHook(client, event);`), through any
 * `.catch`/`.finally`. A statement that hands the call a callback (`https.get(url, onResponse)`,
 * `stub.getUser(req, (err, user) => …)`: the callback waits for the answer), a statement when
 * `statementDrops` is off (a client that answers through events: its listeners wait), and a
 * `.then(…)` continuation that answers what the enclosing function was given (`res.json(data)`,
 * `resolve(data)`: its caller waits for the answer), or any when `statementDrops` is off, are not;
 * nor is a `.finally(…)` whose callback does something (`read().finally(() => loop())`: the next
 * round waits for this one).
 */
export function promiseDropped(call: Node, statementDrops = true): boolean {
  let current: Node = call;
  let settled = false;
  for (let parent = current.parent; parent; current = parent, parent = parent.parent) {
    switch (parent.type) {
      case AST_NODE_TYPES.ExpressionStatement:
        return settled || (statementDrops && !takesCallback(call));
      case AST_NODE_TYPES.UnaryExpression:
        return parent.operator === 'void';
      case AST_NODE_TYPES.ChainExpression:
      case AST_NODE_TYPES.TSAsExpression:
      case AST_NODE_TYPES.TSNonNullExpression:
        break;
      case AST_NODE_TYPES.MemberExpression: {
        const name = memberName(parent);
        if (parent.object !== current || !(name === 'catch' || name === 'finally' || name === 'then'))
          return false;
        if (parent.parent.type !== AST_NODE_TYPES.CallExpression || parent.parent.callee !== parent)
          return false;
        // A `.finally(…)`, or a `.then(…)` after a `.catch(…)` (which runs either way), that starts
        // the next round (`….catch(log).then(() => setTimeout(refresh, ms))`) waits for the call.
        if (
          (name === 'finally' || (name === 'then' && settled)) &&
          continues(parent.parent.arguments[0] as Node | undefined, call)
        )
          return false;
        // `set(key).then(result => cache(result)).catch(ignore);` in a function: the continuation is
        // dropped with the chain, unless it answers someone the function was given (`res.json(data)`,
        // `resolve(data)`, `done(null, data)`): that one waits for the answer. At a module's top
        // level (`void start().then(…)`) the process waits for it.
        if (name === 'then' && (!statementDrops || answersGiven(parent.parent.arguments as Node[], call)))
          return false;
        settled ||= name === 'catch' || (name === 'then' && parent.parent.arguments.length > 1);
        break;
      }
      case AST_NODE_TYPES.CallExpression:
        if (parent.callee !== current) return false;
        break;
      default:
        return false;
    }
  }
  return false;
}

/** A value an answer goes out through: a response, a reply, a request context. */
const RESPONSE_NAME = /^(?:res|resp|response|reply|ctx|context)$/;
/** A function that settles, answers or signals readiness (`resolve`, `respond`, `markReady`). */
const ANSWER_CALL = /^(?:resolve|reject|settle|done|finish|complete|respond|reply)|ready$/i;

/**
 * `.then` handlers that answer someone waiting elsewhere: a handler passed as a parameter of an
 * enclosing function (`.then(resolve)`, `.then(done)`) or by a name that answers, or one whose body
 * calls such a parameter (`next(…)`, `cb(null, value)`), touches a response or context in any way
 * (`res.json(…)`, `send(res, body)`, `this.respond(res, value)`, `ctx.body = …`), or calls a
 * function named to settle or answer (`resolve(…)`, `this.markReady()`); also through a local
 * function the handler is or calls (`const reply = body => res.json(body)`). A handler that only
 * logs, counts or caches (`log.info(…)`, `cache.set(k, v)`) answers nobody.
 */
export function answersGiven(handlers: readonly Node[], call: Node): boolean {
  const given = new Set<string>();
  const locals = new Map<string, Node>();
  for (let fn = enclosingFunction(call); fn; fn = enclosingFunction(fn)) {
    for (const param of fn.params)
      findNode(param, inner => inner.type === AST_NODE_TYPES.Identifier && !given.add(inner.name));
    // Functions declared in it: `const reply = (body) => res.json(body)`, `function reply(…) {…}`.
    if (fn.body.type !== AST_NODE_TYPES.BlockStatement) continue;
    for (const statement of fn.body.body) {
      if (statement.type === AST_NODE_TYPES.FunctionDeclaration && statement.id)
        locals.set(statement.id.name, statement);
      if (statement.type !== AST_NODE_TYPES.VariableDeclaration) continue;
      for (const declarator of statement.declarations)
        if (
          declarator.id.type === AST_NODE_TYPES.Identifier &&
          declarator.init &&
          isFunction(unwrap(declarator.init))
        )
          locals.set(declarator.id.name, unwrap(declarator.init));
    }
  }
  const seen = new Set<Node>();
  const answersBy = (name: string): boolean => RESPONSE_NAME.test(name) || ANSWER_CALL.test(name);
  const answering = (handler: Node): boolean => {
    const inner = unwrap(handler);
    if (inner.type === AST_NODE_TYPES.Identifier) {
      const local = locals.get(inner.name);
      if (local) return answering(local);
      return given.has(inner.name) || answersBy(inner.name);
    }
    if (inner.type === AST_NODE_TYPES.MemberExpression) return answersBy(memberName(inner) ?? '');
    if (!isFunction(inner) || seen.has(inner)) return false;
    seen.add(inner);
    const own = new Set<string>();
    for (const param of inner.params)
      findNode(param, id => id.type === AST_NODE_TYPES.Identifier && !own.add(id.name));
    return (
      findNode(inner.body, node => {
        if (node.type === AST_NODE_TYPES.Identifier) {
          if (own.has(node.name) || isPropertyName(node)) return false;
          return RESPONSE_NAME.test(node.name) && given.has(node.name);
        }
        if (node.type !== AST_NODE_TYPES.CallExpression) return false;
        const callee = unwrap(node.callee);
        if (callee.type === AST_NODE_TYPES.Identifier) {
          if (own.has(callee.name)) return false;
          const local = locals.get(callee.name);
          if (local && answering(local)) return true;
          return given.has(callee.name) || ANSWER_CALL.test(callee.name);
        }
        return callee.type === AST_NODE_TYPES.MemberExpression && ANSWER_CALL.test(memberName(callee) ?? '');
      }) !== undefined
    );
  };
  return handlers.some(answering);
}

/**
 * A `.finally` callback that starts the next round: it calls the function the call is made in
 * (`loop = () => { read().finally(() => loop()) }`), so that round waits for this call to settle.
 */
function continues(callback: Node | undefined, call: Node): boolean {
  const inner = callback ? unwrap(callback) : undefined;
  if (!inner || !isFunction(inner)) return false;
  const fn = enclosingFunction(call);
  const parent = fn?.parent;
  const name =
    fn?.type === AST_NODE_TYPES.FunctionDeclaration
      ? fn.id?.name
      : parent?.type === AST_NODE_TYPES.VariableDeclarator
        ? writtenName(parent.id)
        : parent?.type === AST_NODE_TYPES.AssignmentExpression
          ? writtenName(parent.left)
          : parent?.type === AST_NODE_TYPES.MethodDefinition
            ? writtenName(parent.key)
            : undefined;
  if (!name) return false;
  return (
    findNode(
      inner.body,
      node => node.type === AST_NODE_TYPES.CallExpression && writtenName(unwrap(node.callee)) === name,
    ) !== undefined
  );
}

/** A call handed a callback: an inline function, or a name callbacks are given (`onResponse`, `done`). */
export function takesCallback(call: Node): boolean {
  if (call.type !== AST_NODE_TYPES.CallExpression && call.type !== AST_NODE_TYPES.NewExpression) return false;
  return call.arguments.some(argument => {
    const inner = unwrap(argument as Node);
    if (isFunction(inner)) return true;
    const name = writtenName(inner);
    return name !== undefined && CALLBACK_NAME.test(name);
  });
}

/**
 * An identifier that names a property rather than a value: `res` in `x.res`, `{ res: 1 }`, a
 * method's or a field's key (a shorthand `{ res }` is both, and counts as a value).
 */
export function isPropertyName(node: TSESTree.Identifier): boolean {
  const parent = node.parent;
  if (parent?.type === AST_NODE_TYPES.MemberExpression) return parent.property === node && !parent.computed;
  return (
    (parent?.type === AST_NODE_TYPES.Property ||
      parent?.type === AST_NODE_TYPES.MethodDefinition ||
      parent?.type === AST_NODE_TYPES.PropertyDefinition) &&
    parent.key === node &&
    !parent.computed &&
    !(parent.type === AST_NODE_TYPES.Property && parent.shorthand)
  );
}

/** The nearest function that contains the node (not the node itself). */
export function enclosingFunction(node: Node): FunctionNode | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (isFunction(current)) return current;
  }
  return undefined;
}

/** A string value known statically: a string literal or a template without expressions. */
export function staticString(node: Node | undefined): string | undefined {
  if (!node) return undefined;
  const inner = unwrap(node);
  if (inner.type === AST_NODE_TYPES.Literal && typeof inner.value === 'string') return inner.value;
  if (inner.type === AST_NODE_TYPES.TemplateLiteral && inner.expressions.length === 0)
    return inner.quasis[0]?.value.cooked ?? undefined;
  return undefined;
}

const SKIP_KEYS = new Set([
  'parent',
  'loc',
  'range',
  'tokens',
  'comments',
  'typeAnnotation',
  'returnType',
  'typeParameters',
  'typeArguments',
]);

/**
 * Depth-first search below `root` (inclusive) for a node matching `predicate`. `enter` may return
 * false to skip a subtree. Used on small subtrees only (handlers, loop bodies), never on a file.
 */
export function findNode(
  root: Node,
  predicate: (node: Node) => boolean,
  enter?: (node: Node) => boolean,
): Node | undefined {
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as Node;
    if (predicate(node)) return node;
    if (enter && node !== root && !enter(node)) continue;
    for (const key in node) {
      if (SKIP_KEYS.has(key)) continue;
      const child = (node as unknown as Record<string, unknown>)[key];
      if (Array.isArray(child)) {
        for (let i = child.length - 1; i >= 0; i--) {
          const item = child[i] as Node | null;
          if (item && typeof item.type === 'string') stack.push(item);
        }
      } else if (child && typeof child === 'object' && typeof (child as Node).type === 'string') {
        stack.push(child as Node);
      }
    }
  }
  return undefined;
}

/**
 * Links every node below `root` to its parent, as ESLint does for the linted file: a module of the
 * project parsed on the side has none, and questions such as "the class this `this` belongs to"
 * walk up.
 */
export function setParents(root: Node): void {
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as Node;
    for (const key in node) {
      if (SKIP_KEYS.has(key)) continue;
      const child = (node as unknown as Record<string, unknown>)[key];
      if (Array.isArray(child)) {
        for (const item of child as (Node | null)[])
          if (item && typeof item.type === 'string') {
            (item as { parent?: Node }).parent = node;
            stack.push(item);
          }
      } else if (child && typeof child === 'object' && typeof (child as Node).type === 'string') {
        (child as { parent?: Node }).parent = node;
        stack.push(child as Node);
      }
    }
  }
}

/** True when `inner` is `outer` or lies inside it. */
export function isWithin(inner: Node, outer: Node): boolean {
  return inner.range[0] >= outer.range[0] && inner.range[1] <= outer.range[1];
}

/** The class body whose instance `this` refers to at `node` (arrow functions keep `this`). */
export function thisClassBody(node: Node): Node | undefined {
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

/** The binding pattern declares `name` (`a`, `{ a, b: c }`, `[a, ...b]`, `a = 1`, a parameter property). */
export function bindsName(pattern: Node, name: string): boolean {
  switch (pattern.type) {
    case AST_NODE_TYPES.Identifier:
      return pattern.name === name;
    case AST_NODE_TYPES.AssignmentPattern:
      return bindsName(pattern.left, name);
    case AST_NODE_TYPES.RestElement:
      return bindsName(pattern.argument, name);
    case AST_NODE_TYPES.TSParameterProperty:
      return bindsName(pattern.parameter, name);
    case AST_NODE_TYPES.ArrayPattern:
      return pattern.elements.some(element => element !== null && bindsName(element, name));
    case AST_NODE_TYPES.ObjectPattern:
      return pattern.properties.some(property =>
        property.type === AST_NODE_TYPES.RestElement
          ? bindsName(property, name)
          : bindsName(property.value, name),
      );
    default:
      return false;
  }
}

/** The member is written: assigned (any operator), stepped, deleted, or a destructuring target. */
export function writtenMember(member: TSESTree.MemberExpression): boolean {
  const parent = member.parent;
  if (parent.type === AST_NODE_TYPES.AssignmentExpression) return parent.left === member;
  if (parent.type === AST_NODE_TYPES.UpdateExpression) return true;
  if (parent.type === AST_NODE_TYPES.UnaryExpression) return parent.operator === 'delete';
  for (let current: Node = member, up = member.parent as Node | undefined; up; current = up, up = up.parent) {
    if (up.type === AST_NODE_TYPES.ObjectPattern || up.type === AST_NODE_TYPES.ArrayPattern) return true;
    if (
      !(up.type === AST_NODE_TYPES.Property && up.value === current) &&
      up.type !== AST_NODE_TYPES.RestElement &&
      !(up.type === AST_NODE_TYPES.AssignmentPattern && (up.left as Node) === current)
    )
      return false;
  }
  return false;
}
