// Timeout wrappers: a call whose promise (or the function making it) is handed to p-timeout,
// `Promise.race` with a timer, or a team's own `withTimeout(call, ms)` is bounded, even though
// the call itself carries no deadline.
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';

import {
  type FunctionRef,
  TIMEOUT_WRAPPER_MODULES,
  TIMEOUT_WRAPPER_NAME,
  TIMER_NAME,
} from '@faultline/catalog';
import {
  type CallLike,
  type FunctionNode,
  type Node,
  findNode,
  isFunction,
  memberChain,
  unwrap,
  writtenName,
} from './ast.js';
import type { FileModel, Value } from './file-model.js';

/** True when a function reference from the settings matches this callee. */
export function matchesFunctionRef(model: FileModel, callee: Node, refs: readonly FunctionRef[]): boolean {
  return findFunctionRef(model, callee, refs) !== undefined;
}

/** The first of `refs` that a callee refers to, by import (`{ module, export }`) or by written name. */
export function findFunctionRef<R extends FunctionRef>(
  model: FileModel,
  callee: Node,
  refs: readonly R[],
): R | undefined {
  if (refs.length === 0) return undefined;
  const inner = unwrap(callee);
  const name = writtenName(inner);
  let value: Value | undefined;
  for (const ref of refs) {
    if (ref.module) {
      value ??= model.valueOf(inner);
      if (value.kind !== 'module' || value.module !== ref.module) continue;
      const path = value.path.join('.');
      if (path === (ref.export ?? '') || (ref.name !== undefined && path === ref.name)) return ref;
      continue;
    }
    if (ref.name !== undefined && ref.name === name) return ref;
  }
  return undefined;
}

function isTimeoutWrapperCall(model: FileModel, call: TSESTree.CallExpression): boolean {
  const value = model.valueOf(call.callee);
  if (value.kind === 'module') {
    const exports = TIMEOUT_WRAPPER_MODULES[value.module];
    if (exports?.includes(value.path.join('.'))) return true;
  }
  if (matchesFunctionRef(model, call.callee, model.settings.timeoutWrappers)) return true;
  // The team's own `withTimeout(promise, ms)`, in this file or another module of the project.
  const local = model.localFunction(call.callee);
  if (local) return boundsHandedPromise(local, node => writtenName(unwrap(node.callee)) === 'setTimeout');
  const found = model.projectFunctionOf(call);
  if (found) return found.boundsHandedPromise;
  // A package's `promiseTimeout(promise, ms)`: its code is not read, its name and the time say it.
  return (
    value.kind === 'module' &&
    call.arguments.length >= 2 &&
    TIMEOUT_WRAPPER_NAME.test(value.path.at(-1) ?? writtenName(unwrap(call.callee)) ?? '')
  );
}

/** The parameter names of a function (`promise`, `ms` of `ms = 5000`). */
function paramNames(fn: FunctionNode): Set<string> {
  const names = new Set<string>();
  for (const param of fn.params) {
    const target = param.type === AST_NODE_TYPES.AssignmentPattern ? param.left : param;
    if (target.type === AST_NODE_TYPES.Identifier) names.add(target.name);
  }
  return names;
}

/** `Promise.race([…])`'s array. */
function isRaceArray(node: Node): boolean {
  const race = node.parent;
  if (race?.type !== AST_NODE_TYPES.CallExpression || race.arguments[0] !== node) return false;
  const chain = memberChain(race.callee as Node);
  return (
    chain?.root.type === AST_NODE_TYPES.Identifier &&
    chain.root.name === 'Promise' &&
    chain.path.join('.') === 'race'
  );
}

/**
 * A timeout helper, read by syntax alone (the rules' reader of this file or of a project module;
 * the analyzer's reader does the same on TypeScript nodes): a function that races the promise or
 * function it is handed against a timer (`Promise.race([promise, timeout])`, with a timer written
 * in the function), or settles a promise of its own from a timer and from what it is handed
 * (`new Promise((resolve, reject) => { setTimeout(() => reject(new TimeoutError()), ms);
 * promise.then(resolve, reject) })`). A sleep helper (`ms => new Promise(r => setTimeout(r, ms))`)
 * is handed no work, and a helper that runs its work from the timer (`setTimeout(() => fn(), ms)`)
 * delays it instead of bounding it.
 */
export function boundsHandedPromise(
  fn: FunctionNode,
  isTimer: (call: TSESTree.CallExpression) => boolean,
): boolean {
  const params = paramNames(fn);
  if (params.size === 0) return false;
  const timers: TSESTree.CallExpression[] = [];
  findNode(fn.body as Node, node => {
    if (node.type === AST_NODE_TYPES.CallExpression && isTimer(node)) timers.push(node);
    return false;
  });
  if (timers.length === 0) return false;
  const within = (node: Node, outer: Node): boolean =>
    outer.range[0] <= node.range[0] && node.range[1] <= outer.range[1];
  // The executors of `new Promise((resolve, reject) => …)` whose timer settles them.
  const settledByTimer = (executor: FunctionNode): boolean => {
    const settlers = paramNames(executor);
    return timers.some(
      timer =>
        within(timer, executor) &&
        findNode(timer, node => node.type === AST_NODE_TYPES.Identifier && settlers.has(node.name)) !==
          undefined,
    );
  };
  return (
    findNode(fn.body as Node, node => {
      if (node.type !== AST_NODE_TYPES.Identifier || !params.has(node.name)) return false;
      if (timers.some(timer => within(node, timer))) return false;
      let use: Node = node;
      if (use.parent?.type === AST_NODE_TYPES.CallExpression && use.parent.callee === use) use = use.parent;
      if (use.parent?.type === AST_NODE_TYPES.ArrayExpression && isRaceArray(use.parent)) return true;
      for (let up: Node | undefined = node.parent; up && up !== fn; up = up.parent) {
        if (
          isFunction(up) &&
          up.parent?.type === AST_NODE_TYPES.NewExpression &&
          up.parent.arguments[0] === up &&
          up.parent.callee.type === AST_NODE_TYPES.Identifier &&
          up.parent.callee.name === 'Promise'
        )
          return settledByTimer(up);
      }
      return false;
    }) !== undefined
  );
}

/** An element racing the call that is a timer: contains `setTimeout(`, or calls a timer-named helper. */
function isTimer(model: FileModel, input: Node): boolean {
  // `const timer = new Promise(…setTimeout…)`; `Promise.race([call, timer])`
  const inner = unwrap(input);
  const element = (inner.type === AST_NODE_TYPES.Identifier ? model.constInit(inner) : undefined) ?? inner;
  return (
    findNode(element, node => {
      if (node.type !== AST_NODE_TYPES.CallExpression && node.type !== AST_NODE_TYPES.NewExpression)
        return false;
      if (node.type === AST_NODE_TYPES.CallExpression && model.isTimerCall(node)) return true;
      const callee = unwrap(node.callee);
      const value = model.valueOf(callee);
      if (value.kind === 'module' && value.module === 'node:timers/promises') return true;
      const name = writtenName(callee);
      return name !== undefined && TIMER_NAME.test(name);
    }) !== undefined
  );
}

/** `Promise.race([…, timer])`: one of the racers (other than `member`) is a timer. */
export function isRaceWithTimer(
  model: FileModel,
  call: TSESTree.CallExpression,
  array: TSESTree.ArrayExpression,
  member: Node | undefined,
): boolean {
  const value = model.valueOf(call.callee);
  if (value.kind !== 'global' || value.path.join('.') !== 'Promise.race') return false;
  return array.elements.some(
    element =>
      element !== null &&
      element !== member &&
      element.type !== AST_NODE_TYPES.SpreadElement &&
      isTimer(model, element),
  );
}

/** A `const` holding a promise that the code races against a timer (`Promise.race([work, timer])`). */
function racedConst(model: FileModel, declarator: TSESTree.VariableDeclarator): boolean {
  if (declarator.id.type !== AST_NODE_TYPES.Identifier || declarator.parent.kind !== 'const') return false;
  const variable = model.findVariable(declarator.id);
  return (
    variable?.references.some(reference => {
      const use = reference.identifier as Node;
      const array = use.parent;
      const race = array?.parent;
      return (
        array?.type === AST_NODE_TYPES.ArrayExpression &&
        race?.type === AST_NODE_TYPES.CallExpression &&
        race.arguments[0] === array &&
        isRaceWithTimer(model, race, array, use)
      );
    }) ?? false
  );
}

/**
 * A callback-style request raced against its own timer: the response callback given to the call
 * tests a flag (`if (finished) return`), and a `setTimeout` of the same function sets that flag
 * when it gives up first (`setTimeout(() => { if (finished) return; finished = true; reject(…) },
 * 5000)`). Whoever waits gets an answer from the timer; the late response is ignored.
 */
export function racedByCallbackTimer(model: FileModel, call: CallLike): boolean {
  const callbacks = call.arguments.filter(arg => isFunction(arg as Node)) as Node[];
  if (callbacks.length === 0) return false;
  // Flags the response callback tests in an `if`: `if (finished) return`.
  const flags = new Set<string>();
  for (const callback of callbacks)
    findNode(callback, node => {
      if (node.type !== AST_NODE_TYPES.IfStatement) return false;
      const test = unwrap(node.test as Node);
      if (test.type === AST_NODE_TYPES.Identifier) flags.add(test.name);
      return false;
    });
  if (flags.size === 0) return false;
  let scope: Node | undefined = call.parent;
  while (scope && !isFunction(scope)) scope = scope.parent;
  if (!scope || !isFunction(scope)) return false;
  const body = scope.body;
  return (
    findNode(
      body as Node,
      node => {
        if (node.type !== AST_NODE_TYPES.CallExpression || node === call || !model.isTimerCall(node))
          return false;
        const [handler, delay] = node.arguments;
        if (!handler || !delay || !isFunction(handler as Node)) return false;
        // The timer's callback sets one of the flags: it settles first and shuts the response out.
        return (
          findNode(
            handler as Node,
            inner =>
              inner.type === AST_NODE_TYPES.AssignmentExpression &&
              inner.left.type === AST_NODE_TYPES.Identifier &&
              flags.has(inner.left.name),
          ) !== undefined
        );
      },
      node => node === body || !isFunction(node),
    ) !== undefined
  );
}

/**
 * True when the call's promise, or a function that makes the call, is given to a timeout
 * wrapper, or it is raced against its own timer ({@link racedByCallbackTimer}). Walks out through
 * `await`, promise chains, returns and enclosing callbacks.
 */
export function isTimeoutWrapped(model: FileModel, call: CallLike): boolean {
  if (racedByCallbackTimer(model, call)) return true;
  let current: Node = call;
  for (let step = 0; step < 24; step++) {
    const parent: Node | undefined = current.parent;
    if (!parent) return false;
    switch (parent.type) {
      case AST_NODE_TYPES.AwaitExpression:
      case AST_NODE_TYPES.ChainExpression:
      case AST_NODE_TYPES.TSAsExpression:
      case AST_NODE_TYPES.TSNonNullExpression:
      case AST_NODE_TYPES.TSSatisfiesExpression:
        current = parent;
        continue;
      case AST_NODE_TYPES.MemberExpression: {
        // `call.then(…)`, `got(url).json()`, `ky.get(url).text()`: the chain carries the same request.
        if (
          parent.object === current &&
          parent.parent?.type === AST_NODE_TYPES.CallExpression &&
          parent.parent.callee === parent
        ) {
          current = parent.parent;
          continue;
        }
        return false;
      }
      case AST_NODE_TYPES.ArrayExpression: {
        const race: Node | undefined = parent.parent;
        if (
          race?.type === AST_NODE_TYPES.CallExpression &&
          race.arguments[0] === parent &&
          isRaceWithTimer(model, race, parent, current)
        )
          return true;
        current = parent;
        continue;
      }
      case AST_NODE_TYPES.CallExpression: {
        if (parent.callee === current) return false;
        if (isTimeoutWrapperCall(model, parent)) return true;
        current = parent;
        continue;
      }
      case AST_NODE_TYPES.ArrowFunctionExpression:
      case AST_NODE_TYPES.FunctionExpression:
        if (
          parent.parent?.type === AST_NODE_TYPES.CallExpression &&
          parent.parent.arguments.includes(parent)
        ) {
          current = parent;
          continue;
        }
        return false;
      case AST_NODE_TYPES.AssignmentExpression:
      case AST_NODE_TYPES.ReturnStatement:
      case AST_NODE_TYPES.VariableDeclarator:
      case AST_NODE_TYPES.ExpressionStatement:
      case AST_NODE_TYPES.BlockStatement:
      case AST_NODE_TYPES.VariableDeclaration:
      case AST_NODE_TYPES.TryStatement:
      case AST_NODE_TYPES.IfStatement: {
        // `this.browser = await connect()`: a statement of the function, like the others.
        if (parent.type === AST_NODE_TYPES.AssignmentExpression && parent.right !== current) return false;
        // `const work = (async () => …)(); await Promise.race([work, timer])`.
        if (
          parent.type === AST_NODE_TYPES.VariableDeclarator &&
          parent.init === current &&
          racedConst(model, parent)
        )
          return true;
        // Statements inside a callback: continue from the function, if it is an argument.
        let up: Node | undefined = parent;
        while (up && !isFunction(up)) up = up.parent;
        if (!up || up.type === AST_NODE_TYPES.FunctionDeclaration) return false;
        current = up;
        // `(async () => { … })()`: the function's promise is the call's.
        if (up.parent?.type === AST_NODE_TYPES.CallExpression && up.parent.callee === up) {
          current = up.parent;
          continue;
        }
        if (!(
          up.parent?.type === AST_NODE_TYPES.CallExpression &&
          up.parent.arguments.includes(up as TSESTree.CallExpressionArgument)
        ))
          return false;
        continue;
      }
      default:
        return false;
    }
  }
  return false;
}
