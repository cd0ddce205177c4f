// Sleeps: which calls wait between attempts, and with what delay argument. A timer in a promise,
// a sleep the catalog or the settings know, a local helper that waits on a timer, and (by name)
// an awaited sleep imported from, or injected by, code we cannot see into. Memoised per call.
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';

import {
  type CallLike,
  type FunctionNode,
  type Node,
  findNode,
  isFunction,
  memberName,
  unwrap,
} from '../ast.js';
import type { FileModel } from '../file-model.js';
import { matchesFunctionRef } from '../timeout-wrappers.js';
import { paramIndex } from './syntax.js';

// `sleep$` and `_sleep` (a `$` or `_` marking an async or private helper) and `sleepAsync` too;
// `msleep` (milliseconds, joplin's `time.msleep`) and `usleep`.
const SLEEP_NAME =
  /^[$_]?(?:sleep|msleep|usleep|delay|wait|pause|snooze|backoff|waitFor|sleepMs|delayMs)(?:Async)?[$_]?$/i;

/** Finds the sleeps of one file. */
export class SleepFinder {
  private readonly sleepCache = new Map<Node, { delay: Node | undefined | null }>();

  constructor(private readonly model: FileModel) {}

  /** The first sleep in `region` (skipping `skip` and nested functions, and anything after `before`). */
  findSleep(
    region: Node,
    skip?: Node,
    before?: Node,
  ): { call: CallLike; expr: Node | undefined } | undefined {
    let found: { call: CallLike; expr: Node | undefined } | undefined;
    findNode(
      region,
      node => {
        if (node.type !== AST_NODE_TYPES.CallExpression && node.type !== AST_NODE_TYPES.NewExpression)
          return false;
        if (before && node.range[0] > before.range[0]) return false;
        const expr = this.sleepDelay(node);
        if (expr === null) return false;
        found = { call: node, expr: expr ?? undefined };
        return true;
      },
      node => node !== skip && !isFunction(node),
    );
    if (!found && region.type !== AST_NODE_TYPES.BlockStatement && isFunction(region)) return undefined;
    return found;
  }

  /**
   * For a call that sleeps, its delay expression (undefined when the delay is not an argument);
   * null when the call does not sleep.
   */
  sleepDelay(call: CallLike): Node | undefined | null {
    const cached = this.sleepCache.get(call);
    if (cached) return cached.delay;
    const delay = this.computeSleepDelay(call);
    this.sleepCache.set(call, { delay });
    return delay;
  }

  private computeSleepDelay(call: CallLike): Node | undefined | null {
    const model = this.model;
    // new Promise(resolve => setTimeout(resolve, ms))
    if (call.type === AST_NODE_TYPES.NewExpression) {
      const callee = model.valueOf(call.callee);
      if (callee.kind !== 'global' || callee.path.join('.') !== 'Promise') return null;
      const executor = call.arguments[0];
      if (!executor || !isFunction(executor)) return null;
      const timer = findNode(
        executor.body,
        node => node.type === AST_NODE_TYPES.CallExpression && model.isTimerCall(node),
      );
      if (timer?.type !== AST_NODE_TYPES.CallExpression) return null;
      return (timer.arguments[1] as Node | undefined) ?? undefined;
    }
    const classified = model.classify(call);
    if (classified?.role.role === 'sleep')
      return (call.arguments[classified.role.arg] as Node | undefined) ?? undefined;
    if (matchesFunctionRef(model, call.callee, model.settings.sleepFunctions))
      return (call.arguments[0] as Node | undefined) ?? undefined;
    // A local helper whose body waits on a timer: `const sleep = ms => new Promise(r => setTimeout(r, ms))`,
    // also held in a `let` that tests may swap (`let sleep = defaultSleep`).
    const fn =
      model.localFunction(call.callee) ??
      swappableFunction(model, call.callee) ??
      injectedDefault(model, call.callee);
    if (fn) {
      const waits = findNode(
        fn.body,
        node =>
          node.type === AST_NODE_TYPES.CallExpression &&
          (model.isTimerCall(node) || model.classify(node)?.role.role === 'sleep'),
      );
      if (waits?.type !== AST_NODE_TYPES.CallExpression) return null;
      // The helper's own wait: a parameter it is handed (`sleep(ms)`) is the argument in that
      // place; a delay it computes (`onAttemptFailure(error, attempt)` waiting
      // `calculateDelay(attempt)`) is read inside the helper (DelayClassifier follows it there).
      const role = model.classify(waits)?.role;
      const inner = unwrap(
        (waits.arguments[model.isTimerCall(waits) ? 1 : role?.role === 'sleep' ? role.arg : 0] as
          Node | undefined) ?? fn,
      );
      if (inner === fn) return (call.arguments[0] as Node | undefined) ?? undefined;
      const param = inner.type === AST_NODE_TYPES.Identifier ? paramIndex(fn, inner.name) : -1;
      if (param >= 0) return (call.arguments[param] as Node | undefined) ?? undefined;
      return inner;
    }
    // `const sleep = promisify(setTimeout)`
    const callee = unwrap(call.callee);
    // `await utils.sleep(ms)`: a member named like a sleep on an object we cannot see into.
    if (
      callee.type === AST_NODE_TYPES.MemberExpression &&
      call.parent?.type === AST_NODE_TYPES.AwaitExpression &&
      SLEEP_NAME.test(memberName(callee) ?? '')
    ) {
      return (call.arguments[0] as Node | undefined) ?? undefined;
    }
    if (callee.type === AST_NODE_TYPES.Identifier) {
      const init = model.constInit(callee);
      if (
        init?.type === AST_NODE_TYPES.CallExpression &&
        init.arguments[0]?.type === AST_NODE_TYPES.Identifier &&
        init.arguments[0].name === 'setTimeout'
      ) {
        return (call.arguments[0] as Node | undefined) ?? undefined;
      }
      // `const sleeper = options.sleep || (ms => new Promise(r => setTimeout(r, ms)))`: an
      // injected sleep with an inline default that waits on a timer.
      if (init?.type === AST_NODE_TYPES.LogicalExpression && init.operator !== '&&') {
        const waits = [init.left, init.right].some(side => {
          const value = unwrap(side as Node);
          return (
            isFunction(value) &&
            findNode(
              value.body,
              node =>
                (node.type === AST_NODE_TYPES.CallExpression && model.isTimerCall(node)) ||
                (node.type === AST_NODE_TYPES.NewExpression && this.sleepDelay(node) !== null),
            ) !== undefined
          );
        });
        if (waits) return (call.arguments[0] as Node | undefined) ?? undefined;
      }
      // An imported (or required) helper we cannot see into, named like a sleep, awaited.
      const def = model.findVariable(callee)?.defs[0];
      // Also destructured from one: `const { runProcess, sleep } = require('./helpers')`.
      const required = (value: Node | null | undefined): boolean => {
        const inner = value ? unwrap(value) : undefined;
        return (
          inner?.type === AST_NODE_TYPES.CallExpression &&
          inner.callee.type === AST_NODE_TYPES.Identifier &&
          inner.callee.name === 'require'
        );
      };
      const imported =
        def?.type === 'ImportBinding' ||
        required(init) ||
        (def?.type === 'Variable' &&
          def.node.type === AST_NODE_TYPES.VariableDeclarator &&
          def.node.id.type === AST_NODE_TYPES.ObjectPattern &&
          required(def.node.init as Node | null));
      if (imported && SLEEP_NAME.test(callee.name) && call.parent?.type === AST_NODE_TYPES.AwaitExpression) {
        return (call.arguments[0] as Node | undefined) ?? undefined;
      }
      // An injected sleep (`{ sleep }: { sleep: (ms: number) => Promise<void> }`), awaited.
      if (
        def?.type === 'Parameter' &&
        SLEEP_NAME.test(callee.name) &&
        call.parent?.type === AST_NODE_TYPES.AwaitExpression
      )
        return (call.arguments[0] as Node | undefined) ?? undefined;
      // A helper of another module of the project that waits on a timer (`await timer(10_000)`).
      if (
        imported &&
        call.type === AST_NODE_TYPES.CallExpression &&
        model.projectFunctionOf(call)?.waitsOnTimer
      )
        return (call.arguments[0] as Node | undefined) ?? undefined;
    }
    return null;
  }
}

/**
 * `const waitForRetry = options.wait ?? wait`: an injected function whose default is a function of
 * this file (the one the retry runs unless its caller hands another).
 */
export function injectedDefault(model: FileModel, callee: Node): FunctionNode | undefined {
  const inner = unwrap(callee);
  if (inner.type !== AST_NODE_TYPES.Identifier) return undefined;
  const init = model.constInit(inner);
  if (init?.type !== AST_NODE_TYPES.LogicalExpression || init.operator === '&&') return undefined;
  const side = unwrap(init.right as Node);
  return side.type === AST_NODE_TYPES.Identifier ? model.localFunction(side) : undefined;
}

/**
 * `let sleep = defaultSleep` (or a function written there), which a test seam may reassign: the
 * function it starts as, when that is one of this file.
 */
function swappableFunction(model: FileModel, callee: Node): FunctionNode | undefined {
  const inner = unwrap(callee);
  if (inner.type !== AST_NODE_TYPES.Identifier) return undefined;
  const def = model.findVariable(inner)?.defs[0];
  if (def?.type !== 'Variable' || def.parent?.kind !== 'let') return undefined;
  const init = (def.node as TSESTree.VariableDeclarator).init;
  if (!init) return undefined;
  const value = unwrap(init);
  return isFunction(value) ? value : model.localFunction(value);
}
