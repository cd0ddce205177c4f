// Fan-out: the promises given to `Promise.all`/`race`/`allSettled`, and whether they are remote
// calls. Shared by prefer-partial-availability (one failure fails all) and no-unbounded-fanout
// (how many run at once).
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';

import {
  type ListPages,
  type Prop,
  canonicalModule,
  embeddedListPages,
  listPageOf,
  pageItemsAtMost,
} from '@faultline/catalog';
import { type Node, findNode, isFunction, memberChain, memberName, unwrap, writtenName } from './ast.js';
import type { Classified, FileModel } from './file-model.js';

export interface FanOut {
  /** Remote elements of a literal list, or 1 when a collection is mapped to remote calls. */
  remote: number;
  /** Elements of a literal list (remote or not). */
  elements?: number;
  /** Literal elements that only wait (timers), with no remote call in them. */
  timers?: number;
  /** Set when the promises come from a collection (`xs.map(fn)`, pushes in a loop). */
  collection?: {
    /** The collection expression (`xs` in `xs.map(fn)`), if there is one. */
    source?: Node;
    /** The callback, or the pushed expression. */
    work: Node;
    /** The remote calls the work makes. */
    calls: Classified[];
    /** The node to report on (`xs.map`, `promises.push`). */
    at: Node;
  };
}

const MAPPERS = new Set(['map', 'flatMap']);

/** The handler rethrows (a `throw` outside nested functions): the failure still escapes. */
function rethrows(handler: Node): boolean {
  return (
    findNode(
      handler,
      node => node.type === AST_NODE_TYPES.ThrowStatement,
      node => !isFunction(node),
    ) !== undefined
  );
}

/** `node` runs inside a try block (below `boundary`) whose catch does not rethrow, or a `.catch()`. */
function caughtWithin(node: Node, boundary: Node): boolean {
  // The element is the call itself: a try around the whole fan-in is not the element's own.
  if (node === boundary) return false;
  let child: Node = node;
  for (
    let current = node.parent;
    current && current !== boundary;
    child = current, current = current.parent
  ) {
    if (
      current.type === AST_NODE_TYPES.TryStatement &&
      current.block === child &&
      current.handler &&
      !rethrows(current.handler.body)
    )
      return true;
    if (
      current.type === AST_NODE_TYPES.MemberExpression &&
      current.object === child &&
      memberName(current) === 'catch' &&
      current.parent?.type === AST_NODE_TYPES.CallExpression
    )
      return true;
    if (isFunction(current) && current !== boundary) return false;
  }
  return false;
}

/**
 * The promise already settles on failure: `call().catch(() => fallback)`, `.then(ok, onError)`,
 * or an async callback whose body is a try/catch. One failing element then cannot fail the rest.
 * With the file model, a body whose every remote call sits in a try that does not rethrow counts
 * too, whatever else it does around them (`const id = …; try { await call(id) } catch { n-- }`).
 */
export function handlesOwnFailure(node: Node, model?: FileModel): boolean {
  // A block, or an expression body (`url => ({ url, ok: await check(url) })` where `check` catches).
  if (model) {
    const calls = model.remoteCallsIn(node);
    if (calls.length > 0 && calls.every(call => caughtWithin(call.node, node))) return true;
    // `const url = …; try { await download(url) } catch (e) { log(e) }` where `download` is a
    // function of this file: every statement that reaches a remote call is a try that does not rethrow.
    const body = unwrap(node);
    if (
      calls.length > 0 &&
      body.type === AST_NODE_TYPES.BlockStatement &&
      body.body.every(statement =>
        statement.type === AST_NODE_TYPES.TryStatement
          ? statement.handler !== null && !rethrows(statement.handler.body) && statement.finalizer === null
          : model.remoteCallsIn(statement).length === 0,
      )
    )
      return true;
  }
  let inner = unwrap(node);
  if (inner.type === AST_NODE_TYPES.AwaitExpression) inner = unwrap(inner.argument);
  if (inner.type === AST_NODE_TYPES.CallExpression && inner.callee.type === AST_NODE_TYPES.MemberExpression) {
    const name = memberName(inner.callee);
    if (name === 'catch' || (name === 'then' && inner.arguments.length >= 2)) return true;
  }
  if (inner.type === AST_NODE_TYPES.BlockStatement) {
    return (
      inner.body.length > 0 &&
      inner.body.every(
        statement => statement.type === AST_NODE_TYPES.TryStatement && statement.handler !== null,
      )
    );
  }
  return false;
}

/** Callbacks that run later, not as part of the fan-out: event handlers and timers. */
const DEFERRING =
  /^(addEventListener|on|once|addListener|prependListener|setTimeout|setInterval|setImmediate|subscribe|listen)$/;

/**
 * A function written inside `within` that is only stored there, not run: assigned to a property or
 * a variable (`queries[k] = async () => fetch(…)`), or the value of an object literal's property,
 * and not called inside `within` by the name it is kept under.
 */
function storedForLater(fn: Node, within: Node): boolean {
  const parent = fn.parent;
  if (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.right === fn)
    return parent.left.type === AST_NODE_TYPES.MemberExpression || !calledByName(parent.left, within);
  if (parent?.type === AST_NODE_TYPES.Property && parent.value === fn) return true;
  if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.init === fn)
    return !calledByName(parent.id, within);
  return false;
}

/** `name(…)` is called somewhere inside `within` (a name that is not a plain identifier: assume so). */
function calledByName(target: Node, within: Node): boolean {
  if (target.type !== AST_NODE_TYPES.Identifier) return true;
  const name = target.name;
  return (
    findNode(
      within,
      node =>
        node.type === AST_NODE_TYPES.CallExpression &&
        node.callee.type === AST_NODE_TYPES.Identifier &&
        node.callee.name === name,
    ) !== undefined
  );
}

/**
 * A function written inside `within` that does not run while `within` is evaluated: a handler
 * registered for later (`emitter.on('x', fn)`, `setTimeout(fn)`), or one only stored
 * ({@link storedForLater}).
 */
export function runsLater(fn: Node, within: Node): boolean {
  if (storedForLater(fn, within)) return true;
  const parent = fn.parent;
  if (parent?.type !== AST_NODE_TYPES.CallExpression || parent.callee === fn) return false;
  const name = writtenName(unwrap(parent.callee));
  return name !== undefined && DEFERRING.test(name);
}

/** Remote calls made while evaluating `node`, leaving out those in functions that run later ({@link runsLater}). */
export function remoteCallsNow(model: FileModel, node: Node): Classified[] {
  return model.remoteCallsIn(node).filter(call => {
    for (
      let current: Node | undefined = call.node.parent;
      current && current !== node;
      current = current.parent
    )
      if (isFunction(current) && runsLater(current, node)) return false;
    return true;
  });
}

/** The function a callback argument denotes: an inline function or a local one passed by name. */
export function callbackBody(model: FileModel, callback: Node | undefined): Node | undefined {
  if (!callback) return undefined;
  const inner = unwrap(callback);
  if (isFunction(inner)) return inner.body;
  const fn = model.localFunction(inner);
  return fn?.body;
}

/** Utility libraries whose `map`/`mapValues` take the collection first, and ramda, which takes it last. */
const DATA_FIRST = /^(?:lodash|lodash-es|lodash\/.+|underscore|remeda|es-toolkit|es-toolkit\/compat|radash)$/;
const DATA_LAST = /^(?:ramda|rambda)$/;

/** The module an identifier is imported from, if it is imported. */
function importedFrom(model: FileModel, identifier: TSESTree.Identifier): string | undefined {
  const def = model.findVariable(identifier)?.defs[0];
  if (def?.type !== 'ImportBinding') return undefined;
  const declaration = def.parent;
  return declaration?.type === AST_NODE_TYPES.ImportDeclaration ? declaration.source.value : undefined;
}

/**
 * `_.map(xs, fn)`, `R.mapValues(groups, fn)`, `map(xs, fn)` from lodash/remeda…, `R.map(fn, xs)`
 * from ramda: the collection and the callback of a utility library's mapper; `values(…)` and
 * `Object.values(…)` around it are looked through.
 */
function libraryMapper(
  model: FileModel,
  call: TSESTree.CallExpression,
): { source: Node; callback: Node; at: Node } | undefined {
  const callee = unwrap(call.callee);
  let name: string | undefined;
  let root: Node = callee;
  if (callee.type === AST_NODE_TYPES.MemberExpression && !callee.computed) {
    name = memberName(callee);
    root = unwrap(callee.object);
  } else if (callee.type === AST_NODE_TYPES.Identifier) {
    const def = model.findVariable(callee)?.defs[0];
    const spec = def?.node;
    name =
      spec?.type === AST_NODE_TYPES.ImportSpecifier && spec.imported.type === AST_NODE_TYPES.Identifier
        ? spec.imported.name
        : callee.name;
  }
  if (root.type !== AST_NODE_TYPES.Identifier || (name !== 'map' && name !== 'mapValues')) return undefined;
  const module = importedFrom(model, root);
  if (!module) return undefined;
  const [first, second] = call.arguments as Node[];
  if (!first || !second) return undefined;
  if (DATA_FIRST.test(module)) return { source: first, callback: second, at: callee };
  if (DATA_LAST.test(module) && name === 'map') return { source: second, callback: first, at: callee };
  return undefined;
}

/** `Object.values(x)`, `_.values(x)`, `R.values(x)`: the object whose values are taken. */
function valuesOf(model: FileModel, call: TSESTree.CallExpression): Node | undefined {
  const callee = unwrap(call.callee);
  if (writtenName(callee) !== 'values' || call.arguments.length !== 1) return undefined;
  const value = model.valueOf(callee);
  if (value.kind === 'global' && value.path.join('.') !== 'Object.values') return undefined;
  return call.arguments[0] as Node;
}

/** Describes what a fan-out argument holds: a literal list, a mapped collection, or pushed promises. */
export function fanOutElements(model: FileModel, argument: Node, depth = 0): FanOut | undefined {
  const node = unwrap(argument);
  if (node.type === AST_NODE_TYPES.CallExpression && depth < 3) {
    const inner = valuesOf(model, node);
    if (inner) return fanOutElements(model, inner, depth + 1);
    const mapper = libraryMapper(model, node);
    if (mapper) {
      const body = callbackBody(model, mapper.callback);
      if (!body) return undefined;
      const calls = handlesOwnFailure(body, model) ? [] : model.remoteCallsIn(body);
      return {
        remote: calls.length > 0 ? 1 : 0,
        collection: { source: mapper.source, work: body, calls, at: mapper.at },
      };
    }
  }
  if (node.type === AST_NODE_TYPES.ArrayExpression) {
    let remote = 0;
    for (const element of node.elements) {
      if (!element || element.type === AST_NODE_TYPES.SpreadElement) continue;
      if (!handlesOwnFailure(element, model) && model.remoteCallsIn(element).length > 0) remote++;
    }
    return { remote, elements: node.elements.length };
  }
  if (node.type === AST_NODE_TYPES.CallExpression && node.callee.type === AST_NODE_TYPES.MemberExpression) {
    const name = memberName(node.callee);
    if (name && MAPPERS.has(name)) {
      const body = callbackBody(model, node.arguments[0]);
      if (!body) return undefined;
      const calls = handlesOwnFailure(body, model) ? [] : model.remoteCallsIn(body);
      return {
        remote: calls.length > 0 ? 1 : 0,
        collection: { source: node.callee.object, work: body, calls, at: node.callee },
      };
    }
    // `Array.from(xs, fn)` (the file model tracks only the globals the catalog names: ask the scope).
    const owner = unwrap(node.callee.object);
    if (
      name === 'from' &&
      owner.type === AST_NODE_TYPES.Identifier &&
      owner.name === 'Array' &&
      model.isGlobal(owner)
    ) {
      const body = callbackBody(model, node.arguments[1]);
      if (!body) return undefined;
      const calls = model.remoteCallsIn(body);
      return {
        remote: calls.length > 0 ? 1 : 0,
        collection: { source: node.arguments[0] as Node, work: body, calls, at: node.callee },
      };
    }
    return undefined;
  }
  if (node.type === AST_NODE_TYPES.Identifier && depth < 2) {
    const init = model.constInit(node);
    if (init) {
      const inner = unwrap(init);
      if (inner.type !== AST_NODE_TYPES.ArrayExpression || inner.elements.length > 0)
        return fanOutElements(model, init, depth + 1);
    }
    return pushedPromises(model, node);
  }
  return undefined;
}

/** `const promises = []; for (…) promises.push(remote(x)); await Promise.all(promises)` */
function pushedPromises(model: FileModel, identifier: TSESTree.Identifier): FanOut | undefined {
  const variable = model.findVariable(identifier);
  if (!variable) return undefined;
  for (const reference of variable.references) {
    const use = reference.identifier as Node;
    const member = use.parent;
    if (
      member?.type !== AST_NODE_TYPES.MemberExpression ||
      member.object !== use ||
      memberName(member) !== 'push'
    )
      continue;
    const call = member.parent;
    if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== member) continue;
    let pushed = call.arguments[0] as Node | undefined;
    if (!pushed || pushed.type === AST_NODE_TYPES.SpreadElement) continue;
    // `const result = fetch(…); results.push(result)`
    if (pushed.type === AST_NODE_TYPES.Identifier) pushed = model.constInit(pushed) ?? pushed;
    if (model.remoteCallsIn(pushed).length === 0) continue;
    // `promises.push(new Promise(resolve => call().then(resolve).catch(e => resolve({ error: e }))))`
    const calls = handlesOwnFailure(pushed, model) ? [] : model.remoteCallsIn(pushed);
    const loop = enclosingLoop(call);
    return {
      remote: calls.length > 0 ? 1 : 0,
      collection: {
        source: loop && 'right' in loop ? (loop as TSESTree.ForOfStatement).right : undefined,
        work: pushed,
        calls,
        at: member,
      },
    };
  }
  return undefined;
}

/** The loop statement around a node, within the same function. */
export function enclosingLoop(node: Node): Node | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (isFunction(current)) return undefined;
    if (
      current.type === AST_NODE_TYPES.ForOfStatement ||
      current.type === AST_NODE_TYPES.ForInStatement ||
      current.type === AST_NODE_TYPES.ForStatement ||
      current.type === AST_NODE_TYPES.WhileStatement ||
      current.type === AST_NODE_TYPES.DoWhileStatement
    ) {
      return current;
    }
  }
  return undefined;
}

/** Collections whose size the world bounds, not the data: a provider's regions, a site's locales. */
const FIXED_DOMAIN = /^(?:regions|zones|availabilityZones|locales|languages)$/i;

/** A constant by convention (`WEBHOOKS`, `SUPPORTED_CHAINS`): fixed in code or at deploy time. */
const CONSTANT_NAME = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*$/;
/** An object of configuration: what it lists is fixed in code or at deploy time, not grown by data. */
const CONFIG_NAME = /^(?:config|configuration|conf|cfg)$/i;

/**
 * `input.regions`, `regions`: a collection named for a small fixed domain. Also a collection that
 * is configuration rather than data: a constant by naming convention (`WEBHOOKS.forEach(…)`,
 * `SUPPORTED_CHAINS.map(…)`) or a member of a config object (`this.config.indexesToRemove`).
 */
export function isFixedDomain(source: Node): boolean {
  const name = writtenName(source);
  if (name !== undefined && FIXED_DOMAIN.test(name)) return true;
  let current = unwrap(source);
  const path: string[] = [];
  while (current.type === AST_NODE_TYPES.MemberExpression && !current.computed) {
    const member = memberName(current);
    if (member === undefined) return false;
    path.unshift(member);
    current = unwrap(current.object as Node);
  }
  // The collection itself, then what holds it: `CONFIG.items`, `this.config.items`, `config.items`.
  if (current.type === AST_NODE_TYPES.Identifier) {
    if (current.name.length >= 2 && CONSTANT_NAME.test(current.name)) return true;
    if (path.length > 0 && CONFIG_NAME.test(current.name)) return true;
  }
  return path.slice(0, -1).some(member => CONFIG_NAME.test(member));
}

/** A bound a size is checked against: a number, a named constant (`MAX_USERS`, `limits.maxItems`). */
function isLimitExpression(model: FileModel, node: Node): boolean {
  const inner = unwrap(node);
  if (model.summarizeValue(inner).kind === 'number') return true;
  const name =
    inner.type === AST_NODE_TYPES.Identifier
      ? inner.name
      : inner.type === AST_NODE_TYPES.MemberExpression
        ? memberName(inner)
        : undefined;
  return name !== undefined && (/^[A-Z][A-Z0-9_]*$/.test(name) || /^(?:max|limit)/i.test(name));
}

/** Does `expr` read `<text>.length` (or `.size`)? */
function readsSizeOf(model: FileModel, expr: Node, text: string): boolean {
  return !!findNode(
    expr,
    node =>
      node.type === AST_NODE_TYPES.MemberExpression &&
      (memberName(node) === 'length' || memberName(node) === 'size') &&
      model.sourceCode.getText(node.object as Node) === text,
    node => !isFunction(node),
  );
}

/** Does the statement always leave (throw or return) when it runs? */
function leaves(statement: Node): boolean {
  if (statement.type === AST_NODE_TYPES.ThrowStatement || statement.type === AST_NODE_TYPES.ReturnStatement)
    return true;
  if (statement.type === AST_NODE_TYPES.BlockStatement) return statement.body.some(leaves);
  return false;
}

/**
 * The collection's size was checked against a limit before the fan-out, and a larger one was
 * turned away: `if (invites.length > MAX_INVITES) throw …` (also inside a sum:
 * `current + invites.length > MAX`), in the same function and earlier in it.
 */
export function isSizeGuarded(model: FileModel, source: Node): boolean {
  const target = unwrap(source);
  if (target.type !== AST_NODE_TYPES.Identifier && target.type !== AST_NODE_TYPES.MemberExpression)
    return false;
  const text = model.sourceCode.getText(target);
  let fn: Node | undefined = target.parent;
  while (fn && !isFunction(fn)) fn = fn.parent;
  const scope = fn ? (fn as TSESTree.FunctionLike).body : model.sourceCode.ast;
  if (!scope) return false;
  return !!findNode(
    scope as Node,
    node => {
      if (node.type !== AST_NODE_TYPES.IfStatement || node.range[1] > target.range[0]) return false;
      if (!leaves(node.consequent)) return false;
      return !!findNode(
        node.test,
        test => {
          if (
            test.type !== AST_NODE_TYPES.BinaryExpression ||
            test.left.type === AST_NODE_TYPES.PrivateIdentifier
          )
            return false;
          const left = test.left as Node;
          const right = test.right as Node;
          // `size > limit` and `limit < size`
          if (test.operator === '>' || test.operator === '>=')
            return readsSizeOf(model, left, text) && isLimitExpression(model, right);
          if (test.operator === '<' || test.operator === '<=')
            return readsSizeOf(model, right, text) && isLimitExpression(model, left);
          return false;
        },
        test => !isFunction(test),
      );
    },
    node => !isFunction(node),
  );
}

/** The name a function is called by: its declaration's, or the `const` it is bound to. */
function functionName(fn: Node): string | undefined {
  if (fn.type === AST_NODE_TYPES.FunctionDeclaration) return fn.id?.name;
  const parent = fn.parent;
  return parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier
    ? parent.id.name
    : undefined;
}

/**
 * `crawl(url, seen)` fanning out over the children it found, where `crawl` first returns when
 * `seen.size >= 20`: the recursion spends one budget handed down to every call, so the whole walk
 * makes a bounded number of calls however many children a level has.
 */
export function isBudgetedRecursion(model: FileModel, work: Node, calls: readonly Classified[]): boolean {
  let fn: Node | undefined = work.parent;
  while (fn && !(isFunction(fn) && functionName(fn) !== undefined)) fn = fn.parent;
  if (!fn || !isFunction(fn) || fn.body.type !== AST_NODE_TYPES.BlockStatement) return false;
  const name = functionName(fn);
  const isSelfCall = (node: Node): node is TSESTree.CallExpression => {
    if (node.type !== AST_NODE_TYPES.CallExpression) return false;
    const callee = unwrap(node.callee);
    return callee.type === AST_NODE_TYPES.Identifier && callee.name === name;
  };
  const selfCalls: TSESTree.CallExpression[] = [];
  findNode(work, node => {
    if (isSelfCall(node)) selfCalls.push(node);
    return false;
  });
  // Every remote call is the recursion itself, or made by the function's own body (reached through it).
  const within = (node: Node): boolean => node.range[0] >= work.range[0] && node.range[1] <= work.range[1];
  if (selfCalls.length === 0 || !calls.every(call => isSelfCall(call.node) || !within(call.node)))
    return false;
  const params = new Set(
    fn.params.flatMap(param => (param.type === AST_NODE_TYPES.Identifier ? [param.name] : [])),
  );
  const passedOn = (budget: string): boolean =>
    selfCalls.every(call =>
      call.arguments.some(arg => arg.type === AST_NODE_TYPES.Identifier && arg.name === budget),
    );
  for (const statement of fn.body.body) {
    if (statement.type === AST_NODE_TYPES.IfStatement && leaves(statement.consequent)) {
      const test = unwrap(statement.test);
      if (
        test.type === AST_NODE_TYPES.BinaryExpression &&
        (test.operator === '>=' || test.operator === '>')
      ) {
        const left = unwrap(test.left as Node);
        const budget =
          left.type === AST_NODE_TYPES.MemberExpression &&
          (memberName(left) === 'size' || memberName(left) === 'length') &&
          left.object.type === AST_NODE_TYPES.Identifier
            ? left.object.name
            : undefined;
        if (budget && params.has(budget) && isLimitExpression(model, test.right as Node) && passedOn(budget))
          return true;
      }
    }
    // The guard must run before the function's first wait.
    if (
      findNode(
        statement,
        node => node.type === AST_NODE_TYPES.AwaitExpression,
        node => !isFunction(node),
      )
    )
      break;
  }
  return false;
}

/** The most rows a page-sized read (`.limit(n)`, `{ take: n }`) may hold and still count as a bounded batch. */
export const PAGE_LIMIT = 50;
/** Query-builder methods that cap how many rows a read returns (knex, kysely, TypeORM, drizzle). */
const PAGE_METHODS = new Set(['limit', 'take', 'top']);
/** Option keys of a read that cap how many items come back (Prisma `take`, APIs' page sizes). */
const PAGE_KEYS = new Set([
  'limit',
  'take',
  'first',
  'pageSize',
  'perPage',
  'per_page',
  'page_size',
  'maxResults',
  'max_results',
  'top',
  '$top',
  // Elasticsearch/OpenSearch `search({ size })`, Plex's container size.
  'size',
]);

/** A page size named as one, when its value cannot be read: `this.bundleSize`, `BATCH_SIZE`. */
const PAGE_SIZE_NAME = /(?:page|bundle|batch|chunk)_?(?:size|limit)$|^per_?page$/i;

/**
 * The value of a page-size option: a constant of at most PAGE_LIMIT, or a setting of the code named
 * as a page size whose value cannot be read: a constant (`BATCH_SIZE`) or a field of the instance
 * (`this.bundleSize`). A local or a parameter (`pageSize` from the query string) may be anything.
 */
function pageSized(prop: Prop): boolean {
  if (prop.value.kind === 'number') return prop.value.value <= PAGE_LIMIT;
  const property = prop.at as Node | undefined;
  if (property?.type !== AST_NODE_TYPES.Property) return false;
  const value = unwrap(property.value as Node);
  if (value.type === AST_NODE_TYPES.Identifier)
    return CONSTANT_NAME.test(value.name) && PAGE_SIZE_NAME.test(value.name);
  return (
    value.type === AST_NODE_TYPES.MemberExpression &&
    value.object.type === AST_NODE_TYPES.ThisExpression &&
    PAGE_SIZE_NAME.test(memberName(value) ?? '')
  );
}

/** Redis reads of an index range of a list or sorted set: `zrange(key, 0, 19)`, `lrange(key, 0, n - 1)`. */
const RANGE_METHODS = /^(?:zrange|zrevrange|lrange|zRange|lRange)$/;

/**
 * The range `start..stop` of a Redis range read holds at most `most` items: constants (`0, 19`),
 * or a start of 0 and a stop of `n - 1` with `n` a constant (`0, limit - 1` with `limit = 20`).
 */
function rangeAtMost(model: FileModel, call: TSESTree.CallExpression, most: number): boolean {
  const [, startNode, stopNode] = call.arguments as Node[];
  if (!startNode || !stopNode) return false;
  const start = model.summarizeValue(startNode);
  if (start.kind !== 'number' || start.value < 0) return false;
  const stop = model.summarizeValue(stopNode);
  if (stop.kind === 'number') return stop.value >= start.value && stop.value - start.value + 1 <= most;
  const minus = unwrap(stopNode);
  return (
    start.value === 0 &&
    minus.type === AST_NODE_TYPES.BinaryExpression &&
    minus.operator === '-' &&
    model.summarizeValue(minus.right as Node).kind === 'number' &&
    (model.summarizeValue(minus.right as Node) as { value: number }).value === 1 &&
    constantAtMost(model, minus.left as Node, most)
  );
}

const constantAtMost = (model: FileModel, node: Node | undefined, most: number): boolean => {
  if (!node) return false;
  const value = model.summarizeValue(node);
  return value.kind === 'number' && value.value >= 0 && value.value <= most;
};

/**
 * `xs.slice(i, i + n)` with `n` a constant: one window of a fixed size, the chunking idiom. Its
 * size bounds how many calls run at once, as `pLimit(n)` would, whatever `xs` holds.
 */
export function isFixedWindow(model: FileModel, call: TSESTree.CallExpression): boolean {
  const [start, end] = call.arguments as Node[];
  if (!start || !end) return false;
  const sum = unwrap(end);
  if (sum.type !== AST_NODE_TYPES.BinaryExpression || sum.operator !== '+') return false;
  const text = model.sourceCode.getText(unwrap(start));
  const left = unwrap(sum.left as Node);
  const right = unwrap(sum.right as Node);
  const isConstant = (node: Node): boolean => model.summarizeValue(node).kind === 'number';
  return (
    (model.sourceCode.getText(left) === text && isConstant(right)) ||
    (model.sourceCode.getText(right) === text && isConstant(left))
  );
}

/**
 * The counter of a `for` loop that steps by more than one (`start += BATCH`, `i = i + size`): the
 * batching idiom, each pass taking the window that starts at the counter.
 */
function steppedCounter(model: FileModel, loop: TSESTree.ForStatement): string | undefined {
  const update = loop.update ? unwrap(loop.update) : undefined;
  if (update?.type !== AST_NODE_TYPES.AssignmentExpression || update.left.type !== AST_NODE_TYPES.Identifier)
    return undefined;
  const name = update.left.name;
  let step: Node | undefined;
  if (update.operator === '+=') step = unwrap(update.right);
  else if (update.operator === '=') {
    const sum = unwrap(update.right);
    if (sum.type !== AST_NODE_TYPES.BinaryExpression || sum.operator !== '+') return undefined;
    const [left, right] = [unwrap(sum.left as Node), unwrap(sum.right as Node)];
    if (left.type === AST_NODE_TYPES.Identifier && left.name === name) step = right;
    else if (right.type === AST_NODE_TYPES.Identifier && right.name === name) step = left;
  }
  if (!step) return undefined;
  const value = model.summarizeValue(step);
  // A literal step of one walks item by item; a named step (`BATCH_SIZE`, `this.batchSize`) batches.
  if (value.kind === 'number') return value.value >= 2 ? name : undefined;
  return step.type === AST_NODE_TYPES.Literal ? undefined : name;
}

/**
 * `for (let start = 0; start < xs.length; start += BATCH) { … Array.from({ length: end - start }, …) }`:
 * a collection built from the counter of an enclosing loop that steps by a batch, in that loop's
 * body. Each pass fans out over one window, as `xs.slice(i, i + BATCH)` does.
 */
export function isSteppedWindow(model: FileModel, source: Node): boolean {
  for (let current = source.parent; current && !isFunction(current); current = current.parent) {
    if (current.type !== AST_NODE_TYPES.ForStatement || !current.body) continue;
    if (source.range[0] < current.body.range[0] || source.range[1] > current.body.range[1]) continue;
    const counter = steppedCounter(model, current);
    // `xs[start].children` reads one item's own list, which the step does not bound.
    const windowed = (node: Node): boolean =>
      node.type === AST_NODE_TYPES.Identifier &&
      node.name === counter &&
      !(
        node.parent?.type === AST_NODE_TYPES.MemberExpression &&
        node.parent.computed &&
        node.parent.property === node
      );
    if (counter && findNode(source, windowed) !== undefined) return true;
  }
  return false;
}

/**
 * A list read of a client the catalog knows to answer one page (`stripe.subscriptions.list(…)`):
 * the page's bounds, where its params are, and its items key. Undefined for any other call.
 */
function sdkListPage(
  model: FileModel,
  call: TSESTree.CallExpression,
): { pages: ListPages; params: Node | undefined } | undefined {
  const callee = model.classify(call)?.callee;
  let found: ReturnType<typeof listPageOf>;
  if (callee?.kind === 'instance') found = listPageOf(callee.instance, callee.path);
  else {
    // A client the file's reader cannot place: imported from another module, or behind a getter.
    const chain = memberChain(unwrap(call.callee));
    const instance =
      chain?.root.type === AST_NODE_TYPES.Identifier && chain.path.length >= 2
        ? model.projectInstanceOf(chain.root)?.instance
        : undefined;
    found = instance && chain ? listPageOf(instance, chain.path) : undefined;
  }
  return found && { pages: found.pages, params: call.arguments[found.paramsAt] as Node | undefined };
}

/**
 * The rows of one page: a read whose chain caps its result (`db('t').where(…).limit(20)`,
 * `repo.find({ take: 20 })`, `list({ pageSize: 50 })`) at a constant of at most PAGE_LIMIT, or
 * a member of such a result (`(await list({ pageSize: 50 })).items`). Also the items of one page
 * of an SDK list whose size the server caps (`(await stripe.subscriptions.list({ customer })).data`,
 * at most 10 there, and at most 100 whatever `limit` says): the catalog's `pages` of the client.
 * `member` is the member read on `source` when the caller took it apart (`const { data } = …`).
 */
export function isPageRead(model: FileModel, source: Node, member?: string): boolean {
  let current: Node = unwrap(source);
  // The member read on the next call's answer (`data` in `(await list()).data`), and the method
  // called on it, if any: what a call on a page returns (`list().autoPagingToArray()`) is another list.
  let read = member;
  let calledOn: string | undefined;
  for (let steps = 0; steps < 12; steps++) {
    if (current.type === AST_NODE_TYPES.AwaitExpression) current = unwrap(current.argument as Node);
    else if (current.type === AST_NODE_TYPES.MemberExpression) {
      read = memberName(current);
      current = unwrap(current.object as Node);
    } else if (current.type === AST_NODE_TYPES.CallExpression) {
      const callee = unwrap(current.callee as Node);
      const name = callee.type === AST_NODE_TYPES.MemberExpression ? memberName(callee) : undefined;
      const page = sdkListPage(model, current);
      if (page) {
        // Iterated as it is (`for await (… of stripe.customers.list())`), or walked by
        // `autoPagingToArray`, it is every page; only its items key is one page.
        if (calledOn !== undefined || read !== page.pages.itemsKey) return false;
        return pageItemsAtMost(page.pages, model.summarizeTop(page.params)) !== undefined;
      }
      if (name && PAGE_METHODS.has(name) && constantAtMost(model, current.arguments[0] as Node, PAGE_LIMIT))
        return true;
      if (name && RANGE_METHODS.test(name) && rangeAtMost(model, current, PAGE_LIMIT)) return true;
      for (const arg of current.arguments) {
        const options = model.summarizeTop(arg as Node);
        if (options.kind !== 'object') continue;
        for (const [key, prop] of options.props) if (PAGE_KEYS.has(key) && pageSized(prop)) return true;
      }
      if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
      calledOn = name;
      read = undefined;
      current = unwrap(callee.object as Node);
    } else return false;
  }
  return false;
}

/**
 * The items of a list embedded in an object of an SDK that sends lists one page at a time, where
 * the file declares the object with the SDK's own types: `subscription.items.data` with
 * `const subscription = event.data.object as Stripe.Subscription`, `customer.subscriptions?.data`
 * with a parameter typed `Stripe.Customer & { … }` (also through a type alias of the file). The
 * catalog's `typesFrom` says which modules' types these are.
 */
export function isEmbeddedPage(model: FileModel, source: Node): boolean {
  const node = unwrap(source);
  if (node.type !== AST_NODE_TYPES.MemberExpression) return false;
  let root: Node = unwrap(node.object as Node);
  while (root.type === AST_NODE_TYPES.MemberExpression) root = unwrap(root.object as Node);
  if (root.type !== AST_NODE_TYPES.Identifier) return false;
  const module = declaredTypeModule(model, root);
  const pages = module === undefined ? undefined : embeddedListPages(canonicalModule(module));
  return pages !== undefined && memberName(node) === pages.itemsKey;
}

/** The module the declared type of a binding comes from: its annotation, or the `as T` of its initialiser. */
function declaredTypeModule(model: FileModel, identifier: TSESTree.Identifier): string | undefined {
  const def = model.findVariable(identifier)?.defs[0];
  let type: TSESTree.TypeNode | undefined;
  if (def?.type === 'Parameter' && def.name.type === AST_NODE_TYPES.Identifier)
    type = def.name.typeAnnotation?.typeAnnotation;
  else if (def?.type === 'Variable') {
    const declarator = def.node as TSESTree.VariableDeclarator;
    type = declarator.id.typeAnnotation?.typeAnnotation;
    const init = declarator.init;
    if (!type && init?.type === AST_NODE_TYPES.TSAsExpression) type = init.typeAnnotation;
  }
  return type && typeModule(model, type, 0);
}

/** The module a type names (`Stripe.Subscription`, `Stripe.Customer & { … }`, a local alias of one). */
function typeModule(model: FileModel, type: TSESTree.TypeNode, depth: number): string | undefined {
  if (depth > 3) return undefined;
  if (type.type === AST_NODE_TYPES.TSIntersectionType) {
    for (const part of type.types) {
      const module = typeModule(model, part, depth + 1);
      if (module !== undefined) return module;
    }
    return undefined;
  }
  if (type.type !== AST_NODE_TYPES.TSTypeReference) return undefined;
  let head: TSESTree.EntityName = type.typeName;
  while (head.type === AST_NODE_TYPES.TSQualifiedName) head = head.left;
  if (head.type !== AST_NODE_TYPES.Identifier) return undefined;
  const imported = importedFrom(model, head);
  if (imported !== undefined) return imported;
  const def = model.findVariable(head)?.defs[0];
  return def?.type === 'Type' && def.node.type === AST_NODE_TYPES.TSTypeAliasDeclaration
    ? typeModule(model, def.node.typeAnnotation, depth + 1)
    : undefined;
}

/**
 * The function that declares `param` as a parameter, when every caller of it can be seen in this
 * file: a function or arrow not exported, or a private method (TypeScript `private`, `#name`)
 * called as `this.name(…)`. Returns the calls and the parameter's position, or undefined.
 */
export function localCallers(
  model: FileModel,
  param: TSESTree.Identifier,
): { calls: TSESTree.CallExpression[]; index: number } | undefined {
  const variable = model.findVariable(param);
  const def = variable?.defs[0];
  if (!def || def.type !== 'Parameter') return undefined;
  const fn = def.node as Node;
  if (!isFunction(fn)) return undefined;
  const index = fn.params.findIndex(
    candidate => candidate.type === AST_NODE_TYPES.Identifier && candidate.name === param.name,
  );
  if (index < 0) return undefined;
  let name: string | undefined;
  let method = false;
  const parent = fn.parent;
  if (parent?.type === AST_NODE_TYPES.MethodDefinition) {
    const key = parent.key;
    if (key.type === AST_NODE_TYPES.PrivateIdentifier) name = key.name;
    else if (parent.accessibility === 'private' && key.type === AST_NODE_TYPES.Identifier) name = key.name;
    method = true;
  } else {
    name = functionName(fn);
    let holder: Node | undefined = fn.type === AST_NODE_TYPES.FunctionDeclaration ? fn : fn.parent?.parent;
    if (holder?.type === AST_NODE_TYPES.VariableDeclaration) holder = holder.parent;
    if (
      holder?.type === AST_NODE_TYPES.ExportNamedDeclaration ||
      holder?.type === AST_NODE_TYPES.ExportDefaultDeclaration
    )
      return undefined;
  }
  if (!name) return undefined;
  const calls: TSESTree.CallExpression[] = [];
  let escapes = false;
  findNode(model.sourceCode.ast as Node, node => {
    if (method) {
      if (node.type !== AST_NODE_TYPES.MemberExpression || node.object.type !== AST_NODE_TYPES.ThisExpression)
        return false;
      const key = node.property;
      const named =
        (key.type === AST_NODE_TYPES.Identifier || key.type === AST_NODE_TYPES.PrivateIdentifier) &&
        !node.computed &&
        key.name === name;
      if (!named) return false;
      if (node.parent?.type === AST_NODE_TYPES.CallExpression && node.parent.callee === node)
        calls.push(node.parent);
      else escapes = true;
      return false;
    }
    if (node.type !== AST_NODE_TYPES.Identifier || node.name !== name || node === (fn as { id?: Node }).id)
      return false;
    const holder = node.parent;
    // `other.name`, `{ name: … }`: another binding's name, not this function.
    if (holder?.type === AST_NODE_TYPES.MemberExpression && holder.property === node && !holder.computed)
      return false;
    if (
      holder?.type === AST_NODE_TYPES.Property &&
      holder.key === node &&
      !holder.computed &&
      !holder.shorthand
    )
      return false;
    if (holder?.type === AST_NODE_TYPES.CallExpression && holder.callee === node) calls.push(holder);
    else if (!(holder?.type === AST_NODE_TYPES.VariableDeclarator && holder.id === node)) escapes = true;
    return false;
  });
  if (escapes || calls.length === 0) return undefined;
  return { calls, index };
}
