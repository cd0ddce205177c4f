// Calls a function makes only for some of its inputs. A request inside `if (externalUrl) …` of a
// helper that also takes a `storageKey` is sent only by the callers that pass a URL: a call that
// passes `{ storageKey }` never reaches it, one that passes `body.file` may. Followed calls (a
// call into the project's own functions, judged by what they send) are judged with the guards
// between the function's start and the request, against the arguments of each call.
import { AST_NODE_TYPES } from '@typescript-eslint/types';

import {
  type FunctionNode,
  type Node,
  enclosingFunction,
  findNode,
  isFunction,
  memberChain,
  memberName,
  propertyKey,
  unwrap,
} from './ast.js';

/**
 * Where an input comes from: the argument at `param`, then the properties `path` of it
 * (`{ storageKey, externalUrl }: Input` gives `externalUrl` as param 0, path `['externalUrl']`).
 * Undefined when it is an input whose value cannot be told from the call (a default around it).
 */
type Source = { param: number; path: string[]; emptyDefault?: true } | undefined;

/** A path step for each element of an array input (`for (const request of requests)`). */
const EACH = '[]';

/**
 * A condition under which a call runs, about one input: it runs only when the input is truthy
 * (`if (url) …`) or only when it is falsy (after `if (url) return …`). `source` undefined: a
 * condition about the inputs that a call's arguments cannot settle (`kind === 'a'`, a `switch`).
 */
export interface InputGuard {
  source: Source;
  truthy: boolean;
  /**
   * The guard of a bound carried from the input (`send(cmd, { abortSignal: data.abortSignal })`,
   * {@link carriedBounds}): the call goes out unbounded only when the input is left out (falsy).
   * A value a call passes that cannot be told from the call (a signal of its own, a
   * `AbortSignal.timeout(…)`) is taken to be a bound, so it settles the guard against the call.
   */
  bound?: true;
}

/** Per function: its inputs, the parameters and the locals taken straight from one. */
const inputsOf = new WeakMap<FunctionNode, Map<string, Source>>();

/**
 * The guards about `fn`'s inputs that `node` runs under, undefined when every input reaches it:
 * a branch whose test is about a parameter (or a local taken straight from one) — `if
 * (externalUrl)`, `wait ? await run() : …`, `opts.avatar && (await fetch(…))`, a `switch (kind)`
 * case — or an early `return` guarded by such a test (`if (!url.includes('notion.site')) return`).
 * A guard that throws is validation (`if (!url) throw …`): every valid input still reaches the
 * call. A test that asks something else about an input (`if (cache.has(id)) return …`) is not
 * about the input itself, so a cache in front of a request leaves the request reached. When the
 * other way (the other branch, the guarded return) `alsoSends` too, every input sends something
 * of the kind asked about (`method === 'GET' ? axios.get(url) : axios.post(url, body)`), and the
 * branch does not count.
 */
export function inputGuards(
  node: Node,
  fn: FunctionNode,
  alsoSends: (branch: Node) => boolean,
): InputGuard[] | undefined {
  const inputs = functionInputs(fn);
  if (inputs.size === 0) return undefined;
  const guards: InputGuard[] = [];
  const add = (test: Node, truthy: boolean): void => {
    guards.push(...guardsOf(test, inputs, truthy));
  };
  let current: Node = node;
  for (let parent = node.parent; parent && current !== fn; current = parent, parent = parent.parent) {
    switch (parent.type) {
      case AST_NODE_TYPES.IfStatement:
      case AST_NODE_TYPES.ConditionalExpression: {
        if (current === parent.test) break;
        const other = current === parent.consequent ? parent.alternate : parent.consequent;
        // With no other branch, the code after the `if` is the other way.
        if (other ? alsoSends(other) : afterSends(parent, alsoSends)) break;
        add(parent.test, current === parent.consequent);
        break;
      }
      case AST_NODE_TYPES.LogicalExpression:
        if (current === parent.right && parent.operator !== '??') add(parent.left, parent.operator === '&&');
        break;
      case AST_NODE_TYPES.SwitchCase:
        if (
          current !== parent.test &&
          parent.parent.type === AST_NODE_TYPES.SwitchStatement &&
          testsInput(parent.parent.discriminant, inputs)
        )
          guards.push({ source: undefined, truthy: true });
        break;
      case AST_NODE_TYPES.BlockStatement:
        for (const statement of parent.body) {
          if (statement === current) break;
          if (
            statement.type === AST_NODE_TYPES.IfStatement &&
            returns(statement.consequent) &&
            !alsoSends(statement.consequent)
          )
            add(statement.test, false);
        }
        break;
      default:
        break;
    }
  }
  return guards.length > 0 ? guards : undefined;
}

/**
 * A call with these arguments cannot meet one of the guards: what it passes for the input is
 * written at the call and is falsy where the guard needs it truthy (left out, `false`, a literal
 * object without the key), or truthy where it needs it falsy. Anything not written at the call
 * may meet a guard.
 */
export function unmetBy(guards: readonly InputGuard[], args: readonly Node[]): boolean {
  return guards.some(guard => {
    if (!guard.source) return false;
    const value = truthiness(passed(args, guard.source));
    if (value === 'unknown') return guard.bound === true;
    return value !== guard.truthy;
  });
}

/**
 * The guards of a call bounded only by what its function `fn` is given: every value at the call
 * whose name `named` says is a bound (`{ abortSignal: data.abortSignal }`, `{ signal }`, a
 * `timeout` passed on as an argument) is read straight from one of `fn`'s inputs, so the call goes
 * out unbounded only when each of those inputs is left out ({@link InputGuard.bound}). Undefined
 * when some bound is the call's own (`AbortSignal.timeout(5_000)`, a constant, a default around
 * the input) or the call names none.
 */
export function carriedBounds(
  call: Extract<Node, { type: AST_NODE_TYPES.CallExpression }>,
  fn: FunctionNode,
  named: (name: string) => boolean,
): InputGuard[] | undefined {
  const inputs = functionInputs(fn);
  const values: Node[] = [];
  const taken = new Set<Node>();
  for (const argument of call.arguments)
    findNode(
      argument,
      node => {
        if (taken.has(node)) return false;
        let value: Node | undefined;
        if (node.type === AST_NODE_TYPES.Property && !node.computed && named(propertyKey(node) ?? ''))
          value = node.value as Node;
        else if (node.type === AST_NODE_TYPES.MemberExpression && named(memberName(node) ?? '')) value = node;
        else if (node.type === AST_NODE_TYPES.Identifier && named(node.name)) value = node;
        if (value) {
          values.push(value);
          taken.add(value);
          // The key is a name, not a value passed (`{ signal }` has both).
          if (node.type === AST_NODE_TYPES.Property) taken.add(node.key as Node);
        }
        return false;
      },
      node => !taken.has(node) && !isFunction(node),
    );
  if (values.length === 0) return undefined;
  const guards: InputGuard[] = [];
  for (const value of values) {
    const written = unwrap(value);
    const source = inputChain(written, inputs) ? sourceOf(written, inputs) : undefined;
    // A default set after the input is read (`signal ??= AbortSignal.timeout(5_000)`, `if
    // (!signal) signal = …`) is the function's own bound.
    if (!source || reassigned(fn, written)) return undefined;
    guards.push({ source, truthy: false, bound: true });
  }
  return guards;
}

/**
 * `fn` assigns to the binding a value is read from, or to the member it reads or one on its way
 * (`opts.signal ??= …`, `opts = { … }`, `signal = …` for `signal`).
 */
function reassigned(fn: FunctionNode, value: Node): boolean {
  const read = memberChain(value);
  if (read?.root.type !== AST_NODE_TYPES.Identifier) return false;
  const root = read.root.name;
  return (
    findNode(fn.body, node => {
      if (node.type !== AST_NODE_TYPES.AssignmentExpression) return false;
      const written = memberChain(unwrap(node.left));
      return (
        written?.root.type === AST_NODE_TYPES.Identifier &&
        written.root.name === root &&
        written.path.length <= read.path.length &&
        written.path.every((step, i) => read.path[i] === step)
      );
    }) !== undefined
  );
}

/**
 * A carried bound (`bound`) the call cannot go out without, because a guard before it asks for the
 * same input (`if (!opts.signal) return send(…, AbortSignal.timeout(…))`, then `send(…, { signal:
 * opts.signal })`): the call runs only when the bound is given.
 */
export function boundEnsured(guards: readonly InputGuard[]): boolean {
  const same = (a: InputGuard, b: InputGuard): boolean =>
    a.source !== undefined &&
    b.source !== undefined &&
    a.source.param === b.source.param &&
    a.source.path.length === b.source.path.length &&
    a.source.path.every((step, i) => b.source?.path[i] === step);
  return guards.some(
    carried => carried.bound && guards.some(other => !other.bound && other.truthy && same(other, carried)),
  );
}

/**
 * The guards of a function called from `outer` with `args`, as guards about `outer`'s inputs:
 * 'unmet' when the arguments settle one against the call; a guard whose input the call passes
 * from one of `outer`'s own (`this.process(user, [request])`) becomes a guard about that input;
 * the others, settled for or not written at the call, are dropped (the call may reach the
 * request), except a carried bound ({@link InputGuard.bound}): a value the call passes for it that
 * cannot be told is taken as a bound, so the guard is 'unmet'.
 */
export function carryGuards(
  guards: readonly InputGuard[],
  args: readonly Node[],
  outer: FunctionNode,
): InputGuard[] | 'unmet' {
  const carried: InputGuard[] = [];
  const inputs = functionInputs(outer);
  for (const guard of guards) {
    if (!guard.source) continue;
    const value = passed(args, guard.source);
    const known = truthiness(value);
    if (known !== 'unknown') {
      if (known !== guard.truthy) return 'unmet';
      continue;
    }
    // Passed on from one of `outer`'s inputs (`[request]`, then `request.externalUrl`).
    if (typeof value === 'object' && value.node && inputChain(value.node, inputs)) {
      const source = sourceOf(value.node, inputs);
      if (!source && guard.bound) return 'unmet';
      carried.push({
        source: source && { ...source, path: [...source.path, ...value.rest] },
        truthy: guard.truthy,
        ...(guard.bound ? { bound: true as const } : {}),
      });
    } else if (guard.bound) return 'unmet';
  }
  return carried;
}

/**
 * What a call passes for an input: the expression written at the call as far as the input's path
 * can be followed in it (literal objects, one-element arrays), with the rest of the path; `node`
 * undefined when it passes none (the argument or the key is left out); 'unknown' when that cannot
 * be told from the call (a spread).
 */
function passed(
  args: readonly Node[],
  source: NonNullable<Source>,
): { node: Node | undefined; rest: string[] } | 'unknown' {
  if (args.some(arg => arg.type === AST_NODE_TYPES.SpreadElement)) return 'unknown';
  let value: Node | undefined = args[source.param];
  // Left out for `options = {}`: the object itself is there (truthy), none of its keys.
  if (!value && source.emptyDefault && source.path.length === 0) return 'unknown';
  for (const [at, key] of source.path.entries()) {
    if (!value) return { node: undefined, rest: [] };
    const written = literalOf(unwrap(value));
    const rest = { node: value, rest: source.path.slice(at) };
    if (key === EACH) {
      const element = eachElement(written);
      if (element === 'unknown') return 'unknown';
      if (!element) return rest;
      value = element;
      continue;
    }
    if (written.type !== AST_NODE_TYPES.ObjectExpression) return rest;
    const given = keyIn(written, key);
    if (given === 'unknown') return 'unknown';
    // `{ ...opts, timestamp }`: the key comes from the one spread, as `opts` passes it.
    if (given && given.type === AST_NODE_TYPES.SpreadElement)
      return { node: given.argument, rest: source.path.slice(at) };
    value = given;
  }
  return { node: value, rest: [] };
}

/**
 * A `const` of the calling function that holds a literal object and is used nowhere else
 * (`const profile = { id, provider }; return validate(profile)`) as that literal; anything else as
 * it is. A name used more than at its declaration and this call may be changed in between.
 */
function literalOf(value: Node): Node {
  if (value.type !== AST_NODE_TYPES.Identifier) return value;
  const fn = enclosingFunction(value);
  if (!fn || fn.body.type !== AST_NODE_TYPES.BlockStatement) return value;
  let declarator: TSESTreeDeclarator | undefined;
  let uses = 0;
  findNode(fn.body, node => {
    if (node.type === AST_NODE_TYPES.VariableDeclarator && node.id.type === AST_NODE_TYPES.Identifier) {
      if (node.id.name === value.name) declarator = declarator ? undefined : node;
    } else if (node.type === AST_NODE_TYPES.Identifier && node.name === value.name && !isKey(node)) uses++;
    return false;
  });
  const init = declarator?.init && unwrap(declarator.init);
  return declarator?.parent.type === AST_NODE_TYPES.VariableDeclaration &&
    declarator.parent.kind === 'const' &&
    init?.type === AST_NODE_TYPES.ObjectExpression &&
    uses === 2
    ? init
    : value;
}

/** An identifier that names a property, not a value (`a.name`, `{ name: 1 }`). */
function isKey(node: Node): boolean {
  const parent = node.parent;
  if (parent?.type === AST_NODE_TYPES.MemberExpression) return parent.property === node && !parent.computed;
  if (parent?.type === AST_NODE_TYPES.Property)
    return parent.key === node && !parent.computed && !parent.shorthand;
  return false;
}

/**
 * The one expression each element of an array is written as: the element of `[request]`, what the
 * callback of `names.map(name => ({ name, storageKey }))` returns; undefined when the array is not
 * written here, 'unknown' when its elements are written differently.
 */
function eachElement(array: Node): Node | undefined | 'unknown' {
  if (array.type === AST_NODE_TYPES.ArrayExpression) {
    if (array.elements.length !== 1) return 'unknown';
    const [only] = array.elements;
    return !only || only.type === AST_NODE_TYPES.SpreadElement ? 'unknown' : only;
  }
  if (
    array.type !== AST_NODE_TYPES.CallExpression ||
    array.callee.type !== AST_NODE_TYPES.MemberExpression ||
    memberName(array.callee) !== 'map'
  )
    return undefined;
  const [callback] = array.arguments;
  if (!callback || !isFunction(callback)) return undefined;
  if (callback.body.type !== AST_NODE_TYPES.BlockStatement) return callback.body;
  // `name => { …; return { … }; }`: one return, at the end.
  const last = callback.body.body.at(-1);
  if (last?.type !== AST_NODE_TYPES.ReturnStatement || !last.argument) return 'unknown';
  const other = findNode(
    callback.body,
    node => node.type === AST_NODE_TYPES.ReturnStatement && node !== last,
    node => !isFunction(node),
  );
  return other ? 'unknown' : last.argument;
}

/**
 * What a literal object gives for `key`: the value written for it after every spread, the one
 * spread it can only come from (`{ ...opts, at: now }` for `url`), undefined when neither gives it,
 * 'unknown' when two spreads could (or a spread could override the value written before it).
 */
function keyIn(
  object: Extract<Node, { type: AST_NODE_TYPES.ObjectExpression }>,
  key: string,
): Node | undefined | 'unknown' {
  let spread: Extract<Node, { type: AST_NODE_TYPES.SpreadElement }> | undefined;
  for (const property of object.properties.toReversed()) {
    if (property.type === AST_NODE_TYPES.SpreadElement) {
      if (spread) return 'unknown';
      spread = property;
      continue;
    }
    if (propertyKey(property) !== key) continue;
    return spread ? 'unknown' : (property.value as Node);
  }
  return spread;
}

/** Whether a passed value is truthy, when it is written as a literal (or left out). */
function truthiness(value: ReturnType<typeof passed>): boolean | 'unknown' {
  if (value === 'unknown' || value.rest.length > 0) return 'unknown';
  if (!value.node) return false;
  const written = unwrap(value.node);
  switch (written.type) {
    case AST_NODE_TYPES.Literal:
      return Boolean(written.value);
    case AST_NODE_TYPES.Identifier:
      return written.name === 'undefined' ? false : 'unknown';
    case AST_NODE_TYPES.ObjectExpression:
    case AST_NODE_TYPES.ArrayExpression:
    case AST_NODE_TYPES.ArrowFunctionExpression:
    case AST_NODE_TYPES.FunctionExpression:
      return true;
    case AST_NODE_TYPES.TemplateLiteral:
      return written.expressions.length === 0 ? (written.quasis[0]?.value.cooked ?? '') !== '' : 'unknown';
    default:
      return 'unknown';
  }
}

/**
 * The guards a test sets about inputs when the branch needs it `truthy` (or falsy); none when the
 * test is not about an input. `!x` flips; `a && b` needed truthy needs both (`a || b` needed falsy,
 * both falsy); `x`, `x.length`, `x?.length > 0`, `x != null` and `x !== undefined` need `x` truthy;
 * any other test about an input cannot be settled by the arguments (`source` undefined).
 */
function guardsOf(test: Node, inputs: Map<string, Source>, truthy: boolean): InputGuard[] {
  const node = unwrap(test);
  if (node.type === AST_NODE_TYPES.UnaryExpression && node.operator === '!')
    return guardsOf(node.argument, inputs, !truthy);
  if (
    node.type === AST_NODE_TYPES.LogicalExpression &&
    ((node.operator === '&&' && truthy) || (node.operator === '||' && !truthy))
  )
    return [...guardsOf(node.left, inputs, truthy), ...guardsOf(node.right, inputs, truthy)];
  if (!testsInput(node, inputs)) return [];
  const presence = presenceOf(node);
  return [{ source: presence ? sourceOf(presence, inputs) : undefined, truthy }];
}

/** The value whose presence a test asks about: `x`, `x.length`, `x?.length > 0`, `x != null`. */
function presenceOf(test: Node): Node | undefined {
  if (test.type === AST_NODE_TYPES.BinaryExpression) {
    const right = unwrap(test.right);
    const nothing =
      (right.type === AST_NODE_TYPES.Literal && right.value === null) ||
      (right.type === AST_NODE_TYPES.Identifier && right.name === 'undefined');
    if ((test.operator === '!=' || test.operator === '!==') && nothing) return presenceOf(unwrap(test.left));
    if (test.operator === '>' && right.type === AST_NODE_TYPES.Literal && right.value === 0)
      return presenceOf(unwrap(test.left));
    return undefined;
  }
  if (test.type === AST_NODE_TYPES.MemberExpression && memberName(test) === 'length')
    return unwrap(test.object);
  if (test.type === AST_NODE_TYPES.Identifier || test.type === AST_NODE_TYPES.MemberExpression) return test;
  return undefined;
}

/** Where an input chain's value comes from (`opts.file.url`: param, then `file`, `url`). */
function sourceOf(chain: Node, inputs: Map<string, Source>): Source {
  const written = memberChain(chain);
  if (written?.root.type !== AST_NODE_TYPES.Identifier) return undefined;
  const root = inputs.get(written.root.name);
  return root ? { ...root, path: [...root.path, ...written.path] } : undefined;
}

/**
 * The statements after an `if` with no `else`, in its block, send (`if (cached) { … }` then a
 * request: the request is the other way only when the branch leaves; otherwise both run).
 */
function afterSends(statement: Node, alsoSends: (branch: Node) => boolean): boolean {
  const block = statement.parent;
  if (statement.type !== AST_NODE_TYPES.IfStatement || block?.type !== AST_NODE_TYPES.BlockStatement)
    return false;
  const at = block.body.indexOf(statement);
  return block.body.slice(at + 1).some(next => alsoSends(next));
}

/** A branch that always leaves by `return` (`return null`, `{ log(…); return; }`). */
function returns(branch: Node): boolean {
  if (branch.type === AST_NODE_TYPES.ReturnStatement) return true;
  if (branch.type !== AST_NODE_TYPES.BlockStatement) return false;
  return branch.body.at(-1)?.type === AST_NODE_TYPES.ReturnStatement;
}

/** The inputs of `fn`, by name: its parameters and the locals it takes straight from them, in order. */
function functionInputs(fn: FunctionNode): Map<string, Source> {
  let inputs = inputsOf.get(fn);
  if (inputs) return inputs;
  inputs = new Map();
  fn.params.forEach((param, index) =>
    bindNames(param, { param: index, path: [] }, inputs as Map<string, Source>),
  );
  if (fn.body.type === AST_NODE_TYPES.BlockStatement) {
    const found = inputs;
    const bindings: (TSESTreeDeclarator | TSESTreeForOf)[] = [];
    findNode(
      fn.body,
      inner => {
        if (inner.type === AST_NODE_TYPES.VariableDeclarator || inner.type === AST_NODE_TYPES.ForOfStatement)
          bindings.push(inner);
        return false;
      },
      inner => !isFunction(inner),
    );
    // Source order, so that `const { params } = input; const url = params.url` chains.
    bindings.sort((a, b) => a.range[0] - b.range[0]);
    for (const binding of bindings) {
      if (binding.type === AST_NODE_TYPES.ForOfStatement) {
        // `for (const request of requests)`: each element of an input.
        const [declarator] =
          binding.left.type === AST_NODE_TYPES.VariableDeclaration ? binding.left.declarations : [];
        const right = unwrap(binding.right);
        if (declarator && inputChain(right, found)) {
          const source = sourceOf(right, found);
          bindNames(declarator.id, source && { ...source, path: [...source.path, EACH] }, found);
        }
        continue;
      }
      if (!binding.init) continue;
      const init = unwrap(binding.init);
      if (inputChain(init, found)) bindNames(binding.id, sourceOf(init, found), found);
      else if (takenFrom(init, found)) bindNames(binding.id, undefined, found);
    }
  }
  inputsOf.set(fn, inputs);
  return inputs;
}

type TSESTreeDeclarator = Extract<Node, { type: AST_NODE_TYPES.VariableDeclarator }>;
type TSESTreeForOf = Extract<Node, { type: AST_NODE_TYPES.ForOfStatement }>;

/** The names a binding pattern declares, each with where its value comes from, added to `into`. */
function bindNames(pattern: Node, source: Source, into: Map<string, Source>): void {
  switch (pattern.type) {
    case AST_NODE_TYPES.Identifier:
      into.set(pattern.name, source);
      break;
    case AST_NODE_TYPES.AssignmentPattern: {
      // A default changes what a left-out argument gives; an empty object (`options = {}`) only
      // makes it truthy itself, every key of it still absent.
      const right = unwrap(pattern.right);
      const empty = right.type === AST_NODE_TYPES.ObjectExpression && right.properties.length === 0;
      bindNames(pattern.left, empty && source ? { ...source, emptyDefault: true } : undefined, into);
      break;
    }
    case AST_NODE_TYPES.RestElement:
      bindNames(pattern.argument, undefined, into);
      break;
    case AST_NODE_TYPES.TSParameterProperty:
      bindNames(pattern.parameter, source, into);
      break;
    case AST_NODE_TYPES.ArrayPattern:
      for (const element of pattern.elements) if (element) bindNames(element, undefined, into);
      break;
    case AST_NODE_TYPES.ObjectPattern:
      for (const property of pattern.properties) {
        if (property.type === AST_NODE_TYPES.RestElement) {
          bindNames(property, undefined, into);
          continue;
        }
        const key = propertyKey(property);
        bindNames(
          property.value,
          source && key !== undefined ? { ...source, path: [...source.path, key] } : undefined,
          into,
        );
      }
      break;
    default:
      break;
  }
}

/** An input itself or a member of one (`options`, `params.file.url`), written without a call. */
function inputChain(node: Node, inputs: Map<string, Source>): boolean {
  let current = unwrap(node);
  while (current.type === AST_NODE_TYPES.MemberExpression) current = unwrap(current.object);
  return current.type === AST_NODE_TYPES.Identifier && inputs.has(current.name);
}

/** A value taken straight from an input: its chain, or a default around one (`opts.url ?? BASE`). */
function takenFrom(init: Node, inputs: Map<string, Source>): boolean {
  const value = unwrap(init);
  if (inputChain(value, inputs)) return true;
  if (value.type === AST_NODE_TYPES.LogicalExpression)
    return takenFrom(value.left, inputs) || takenFrom(value.right, inputs);
  if (value.type === AST_NODE_TYPES.ConditionalExpression)
    return takenFrom(value.consequent, inputs) || takenFrom(value.alternate, inputs);
  return false;
}

/**
 * A test about an input itself: the input or a member of it, negated, compared, combined, or a
 * method of the input asked (`url.startsWith('https:')`; `kinds.includes(kind)` is not: that asks
 * `kinds`). Anything asked of another value (`cache.has(id)`, `await this.exists(id)`) is not.
 */
function testsInput(test: Node, inputs: Map<string, Source>): boolean {
  const node = unwrap(test);
  switch (node.type) {
    case AST_NODE_TYPES.Identifier:
    case AST_NODE_TYPES.MemberExpression:
      return inputChain(node, inputs);
    case AST_NODE_TYPES.UnaryExpression:
      return testsInput(node.argument, inputs);
    case AST_NODE_TYPES.LogicalExpression:
    case AST_NODE_TYPES.BinaryExpression:
      return (
        (node.left.type !== AST_NODE_TYPES.PrivateIdentifier && testsInput(node.left, inputs)) ||
        testsInput(node.right, inputs)
      );
    case AST_NODE_TYPES.CallExpression: {
      const callee = unwrap(node.callee);
      return callee.type === AST_NODE_TYPES.MemberExpression && inputChain(callee.object, inputs);
    }
    default:
      return false;
  }
}
