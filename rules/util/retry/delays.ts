// Delays: how the wait between attempts grows. Reads a delay expression with the local values it
// is computed from (and the local helpers that compute it) and says whether it is constant or
// grows with the attempt, and whether it is exponential, capped and jittered.
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';

import { type FunctionNode, type Node, findNode, memberChain, unwrap, writtenName } from '../ast.js';
import type { FileModel } from '../file-model.js';
import { matchesFunctionRef } from '../timeout-wrappers.js';
import { delayList } from './delay-list.js';
import { retryAfterFallback } from './retry-after.js';
import { injectedDefault } from './sleeps.js';
import { namesIn, paramName, returnedExpressions } from './syntax.js';
import type { Delay } from './types.js';

const JITTER_NAME = /jitter|random/i;
/** Names of a helper (or of what it is called on) that computes a backoff: `reconnectBackoff.nextDelay()`, `getRetryDelay(n)`. */
const BACKOFF_NAME = /backoff|back_off|next_?delay|retry_?delay|reconnect_?delay|delay_?for/i;

/**
 * `node` reads a field of `this` that its class assigns outside the constructor (`this.backoffTime
 * = Date.now() + pause` in a method): its value changes between attempts.
 */
function rewrittenField(node: Node, counters: ReadonlySet<string>): boolean {
  return (
    findNode(node, inner => {
      if (
        inner.type !== AST_NODE_TYPES.MemberExpression ||
        inner.object.type !== AST_NODE_TYPES.ThisExpression ||
        inner.computed
      )
        return false;
      const field = writtenName(inner);
      let klass: Node | undefined = inner.parent;
      while (klass && klass.type !== AST_NODE_TYPES.ClassBody) klass = klass.parent;
      if (!field || !klass || counters.has(`this.${field}`)) return false;
      return (
        findNode(klass, write => {
          if (
            write.type !== AST_NODE_TYPES.AssignmentExpression ||
            write.left.type !== AST_NODE_TYPES.MemberExpression ||
            write.left.object.type !== AST_NODE_TYPES.ThisExpression ||
            writtenName(write.left) !== field
          )
            return false;
          for (let up: Node | undefined = write.parent; up && up !== klass; up = up.parent)
            if (up.type === AST_NODE_TYPES.MethodDefinition) return up.kind !== 'constructor';
          return false;
        }) !== undefined
      );
    }) !== undefined
  );
}

/** Classifies the delays of one file. */
export class DelayClassifier {
  constructor(private readonly model: FileModel) {}

  /**
   * Classifies a delay expression: constant or growing with the attempt, capped, jittered.
   * `multiplied` names values each round multiplies (a recursion's `retry(delay * 2)`): a delay
   * computed from one grows exponentially.
   */
  classifyDelay(
    call: Node,
    expr: Node | undefined,
    outerCounters: readonly string[],
    scope: Node,
    multiplied: readonly string[] = [],
  ): Delay {
    if (!expr) return { kind: 'constant', call, exponential: false, capped: false, jitter: false };
    // `retryAfter ? Number(retryAfter) * 1000 : 1000`: the server's hint, when it sends one, and
    // the client's own schedule otherwise. The hint does not excuse the fallback: judge the fallback.
    const fallback = retryAfterFallback(expr, scope);
    if (fallback)
      return { ...this.classifyDelay(call, fallback, outerCounters, scope, multiplied), expr: fallback };
    // `DELAYS[attempt]` over a literal list: a fixed schedule, as long as the list.
    const listed = delayList(this.model, expr, outerCounters);
    if (listed) return { ...listed, call, expr };
    const counters = new Set([...outerCounters, ...multiplied]);
    // A local helper that computes and waits its own delay (`await onAttemptFailure(error,
    // attempt)`, whose timer waits `calculateDelay(attempt)`): the delay is read where it is
    // written, with the parameters the attempt counter feeds counting as counters.
    const helper =
      call.type === AST_NODE_TYPES.CallExpression
        ? (this.model.localFunction(call.callee) ?? injectedDefault(this.model, call.callee))
        : undefined;
    const callerScope = scope;
    let handed: Node[] = [];
    if (helper && expr.range[0] >= helper.range[0] && expr.range[1] <= helper.range[1]) {
      handed = (call as TSESTree.CallExpression).arguments as Node[];
      this.feedCounters(helper, handed, counters);
      scope = helper;
    }
    const flow = this.dataFlow(expr, scope);
    // `await this.sleep(seconds)`, whose timer waits `seconds * 1000`: what the caller hands the
    // helper's parameters is part of the delay (`const seconds = this.getSleepAmount()`).
    if (helper && scope === helper) {
      const read = new Set(flow.flatMap(node => [...namesIn(node)]));
      for (const [position, arg] of handed.entries()) {
        // After a spread, which argument feeds which parameter is not written.
        if (arg.type === AST_NODE_TYPES.SpreadElement) break;
        const name = paramName(helper, position);
        if (name && read.has(name)) flow.push(...this.dataFlow(arg, callerScope));
      }
    }
    // Local helpers that compute the delay (`exponentialDelay(i + 1)`, `this.getSleepAmount()`) are
    // read inline: their returned expressions join the flow, and a parameter fed by the attempt
    // counter counts as one.
    const inlined = new Set<Node>();
    for (let index = 0; index < flow.length && flow.length < 32; index++) {
      findNode(flow[index] as Node, inner => {
        if (inner.type !== AST_NODE_TYPES.CallExpression || inner === call) return false;
        const fn = this.model.localFunction(inner.callee);
        if (!fn || inlined.has(fn) || fn === scope) return false;
        inlined.add(fn);
        this.feedCounters(fn, inner.arguments as Node[], counters);
        for (const returned of returnedExpressions(fn)) flow.push(...this.dataFlow(returned, fn));
        return false;
      });
    }
    const names = new Set<string>();
    for (const node of flow) for (const name of namesIn(node)) names.add(name);
    const usesCounter = [...counters].some(name => names.has(name));
    // The base of a power is the count (`Math.pow(retries, 2)`), not a constant beside it.
    const readsCounter = (base: Node): boolean => [...namesIn(base)].some(name => counters.has(name));
    const selfGrowing = this.selfGrowing(scope, names) || multiplied.some(name => names.has(name));
    let exponential = selfGrowing;
    let superlinear = false;
    let growing = usesCounter || selfGrowing;
    let opaque = false;
    let backoffHelper = false;
    let capped = false;
    let capMs: number | undefined;
    let jitter = false;
    for (const node of flow) {
      findNode(node, inner => {
        // `2 ** attempt`, `1 << attempt`, `Math.pow(2, attempt)`; not a power to a constant
        // (`Math.pow(retries, 2) * 1000` grows as the square of the count, `attempt << 2` quadruples it).
        if (
          inner.type === AST_NODE_TYPES.BinaryExpression &&
          (inner.operator === '**' || inner.operator === '<<') &&
          !this.isConstant(inner.right)
        )
          exponential = true;
        else if (inner.type === AST_NODE_TYPES.BinaryExpression && inner.operator === '**')
          superlinear ||= this.powerAboveOne(inner.right) && readsCounter(inner.left);
        if (inner.type === AST_NODE_TYPES.CallExpression) {
          const callee = unwrap(inner.callee);
          const value = this.model.valueOf(callee);
          const path = value.kind === 'global' ? value.path.join('.') : '';
          const exponent = inner.arguments[1];
          if (path === 'Math.pow' && !(exponent && this.isConstant(exponent as Node))) exponential = true;
          else if (path === 'Math.pow' && exponent && inner.arguments[0])
            superlinear ||= this.powerAboveOne(exponent as Node) && readsCounter(inner.arguments[0] as Node);
          if (path === 'Math.min') {
            capped = true;
            // `Math.min(5000 * attempts, 30_000)`: the cap, when the wait reaches it within ten
            // steps of the largest constant it is multiplied by (not `Math.min(10 * n, 30_000)`).
            let cap: number | undefined;
            let step = 0;
            for (const arg of inner.arguments) {
              const value = this.model.summarizeValue(arg as Node);
              if (value.kind === 'number') cap = Math.min(cap ?? Infinity, value.value);
              else
                findNode(arg as Node, product => {
                  if (product.type !== AST_NODE_TYPES.BinaryExpression || product.operator !== '*')
                    return false;
                  for (const side of [product.left, product.right]) {
                    const factor = this.model.summarizeValue(side as Node);
                    if (factor.kind === 'number') step = Math.max(step, factor.value);
                  }
                  return false;
                });
            }
            if (cap !== undefined && step > 0 && cap / step <= 10) capMs = Math.min(capMs ?? Infinity, cap);
          }
          if (path === 'Math.random') jitter = true;
          if (
            value.kind === 'module' &&
            value.module === 'node:crypto' &&
            /random/i.test(value.path.join('.'))
          )
            jitter = true;
          if (matchesFunctionRef(this.model, callee, this.model.settings.jitterFunctions)) jitter = true;
          const name = writtenName(callee);
          if (name && JITTER_NAME.test(name)) jitter = true;
          const known =
            path !== '' ||
            jitter ||
            (name !== undefined &&
              ['min', 'max', 'round', 'floor', 'ceil', 'pow', 'abs', 'trunc'].includes(name));
          if (!known && inner !== call && !this.model.localFunction(inner.callee)) {
            // A helper computing the delay that we cannot see into (`backoff(attempt)` from a library).
            opaque = true;
            growing = true;
            const chain = memberChain(callee);
            const words = chain ? [writtenName(chain.root) ?? '', ...chain.path] : [name ?? ''];
            if (words.some(word => BACKOFF_NAME.test(word))) backoffHelper = true;
          }
        }
        if (
          inner.type === AST_NODE_TYPES.ConditionalExpression &&
          inner.test.type === AST_NODE_TYPES.BinaryExpression &&
          ['>', '>=', '<', '<='].includes(inner.test.operator)
        )
          capped = true;
        return false;
      });
    }
    // `await wait(this.backoffTime - Date.now())`, where a method sets `this.backoffTime` from a
    // schedule after each failure: a field other code rewrites is no known constant.
    // Only a wait that would otherwise read as constant: a field that counts the attempts
    // (`this.retryCount`) already makes it grow.
    if (!opaque && !growing && flow.some(node => rewrittenField(node, counters))) opaque = true;
    // `if (delay > MAX) delay = MAX`
    if (!capped) capped = this.clampedInScope(scope, names);
    if (opaque)
      return {
        kind: 'unknown',
        call,
        expr,
        exponential,
        capped: true,
        jitter: true,
        ...(backoffHelper ? { backoffHelper } : {}),
      };
    // Not a function of the attempt: the same wait every time, whatever value it holds (a
    // parameter, an option, a constant), jittered or not.
    if (!growing) return { kind: 'constant', call, expr, exponential: false, capped, jitter };
    return {
      kind: 'growing',
      call,
      expr,
      exponential,
      ...(superlinear && !exponential ? { superlinear } : {}),
      capped,
      jitter,
      ...(capMs !== undefined && Number.isFinite(capMs) ? { capMs } : {}),
    };
  }

  /** Adds to `counters` the parameters of `fn` whose argument in `args` reads a counter. */
  /** `node` is a number above 1 that the file fixes: the exponent of a superlinear power. */
  private powerAboveOne(node: Node): boolean {
    const summary = this.model.summarizeValue(node);
    return summary.kind === 'number' && summary.value > 1;
  }

  /** `node` is a number the file fixes (`2`, a `const` holding one). */
  private isConstant(node: Node): boolean {
    return this.model.summarizeValue(node).kind === 'number';
  }

  private feedCounters(fn: FunctionNode, args: readonly Node[], counters: Set<string>): void {
    args.forEach((arg, position) => {
      const name = paramName(fn, position);
      if (name && [...namesIn(arg)].some(used => counters.has(used))) counters.add(name);
    });
  }

  /** The expression plus the initialisers and assignments of the local variables it reads. */
  private dataFlow(expr: Node, scope: Node): Node[] {
    const flow: Node[] = [expr];
    const seen = new Set<string>();
    const queue = [...namesIn(expr)];
    while (queue.length > 0 && flow.length < 24) {
      const name = queue.shift() as string;
      if (seen.has(name)) continue;
      seen.add(name);
      const sources: Node[] = [];
      findNode(scope, node => {
        if (
          node.type === AST_NODE_TYPES.VariableDeclarator &&
          node.id.type === AST_NODE_TYPES.Identifier &&
          node.id.name === name &&
          node.init
        )
          sources.push(node.init);
        if (
          node.type === AST_NODE_TYPES.AssignmentExpression &&
          node.left.type === AST_NODE_TYPES.Identifier &&
          node.left.name === name
        )
          sources.push(node.right);
        return false;
      });
      // A module-level const (`const BASE = 500`) is followed too.
      if (sources.length === 0) {
        const identifier = findNode(
          expr,
          node => node.type === AST_NODE_TYPES.Identifier && node.name === name,
        );
        const init =
          identifier?.type === AST_NODE_TYPES.Identifier ? this.model.constInit(identifier) : undefined;
        if (init) sources.push(init);
      }
      for (const source of sources) {
        flow.push(source);
        for (const next of namesIn(source)) queue.push(next);
      }
    }
    return flow;
  }

  /** `delay *= 2`, `delay = delay * 2`, `delay += delay` inside the retrying scope. */
  private selfGrowing(scope: Node, names: ReadonlySet<string>): boolean {
    return (
      findNode(scope, node => {
        if (
          node.type !== AST_NODE_TYPES.AssignmentExpression ||
          node.left.type !== AST_NODE_TYPES.Identifier ||
          !names.has(node.left.name)
        )
          return false;
        if (node.operator === '*=' || node.operator === '<<=' || node.operator === '**=') return true;
        if (node.operator === '+=' && namesIn(node.right).has(node.left.name)) return true;
        if (node.operator !== '=') return false;
        // `delay = delay * 2`, `delay = Math.min(delay * 2, max)`
        const self = (node.left as TSESTree.Identifier).name;
        return (
          findNode(
            node.right,
            inner =>
              inner.type === AST_NODE_TYPES.BinaryExpression &&
              ['*', '**', '<<'].includes(inner.operator) &&
              namesIn(inner).has(self),
          ) !== undefined
        );
      }) !== undefined
    );
  }

  /** `if (delay > MAX) delay = MAX` / `delay = Math.min(delay, MAX)` anywhere in the scope. */
  private clampedInScope(scope: Node, names: ReadonlySet<string>): boolean {
    return (
      findNode(scope, node => {
        if (
          node.type !== AST_NODE_TYPES.IfStatement ||
          node.test.type !== AST_NODE_TYPES.BinaryExpression ||
          !['>', '>='].includes(node.test.operator)
        )
          return false;
        const tested = namesIn(node.test);
        return (
          [...names].some(name => tested.has(name)) &&
          findNode(node.consequent, inner => inner.type === AST_NODE_TYPES.AssignmentExpression) !== undefined
        );
      }) !== undefined
    );
  }
}
