// Loops that retry: a `while`/`do`/`for(;;)` whose catch goes round again and whose success
// leaves the loop (by `return`/`break` or a flag in its condition), and a loop that retries on a
// status rather than an exception. A loop that polls, walks a collection or tries alternatives is
// not a retry.
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';

import { type Node, findNode, isFunction, memberName, unwrap } from '../ast.js';
import { enclosingLoop } from '../fan-out.js';
import type { FileModel } from '../file-model.js';
import { continuesIn, exitsAfter, isBoundTest, loopBounded } from './bounds.js';
import type { DelayClassifier } from './delays.js';
import { errorName, goesRoundOnlyOnAnswer, goesRoundOnlyOnTimeout } from './error-kinds.js';
import { reconnects } from './reconnects.js';
import type { SleepFinder } from './sleeps.js';
import {
  CONFLICT,
  assignedNames,
  canFallThrough,
  catchesOnlySyncThrows,
  enclosingNamedFunction,
  exitsLoop,
  isLoopOrSwitch,
  namesErrorKind,
  namesIn,
  ownNodes,
  steppedNames,
} from './syntax.js';
import type { Delay, Loop, RetryConstruct } from './types.js';
import { doesWork, indexesWith } from './work.js';

/**
 * Names that say "retry": `retry`, `retries`, `attempt`, `maxTries`, `backoff`. Not `retrieve`, and
 * not `entries` (whose `tries` is part of another word).
 */
const RETRY_NAME = /[Rr]etr(?:y|ies|ied|ying)|[Aa]ttempt|[Bb]ack[Oo]ff|(?:^|[^A-Za-z])tries|Tries/;

/** Finds the loops of one file that retry. */
export class LoopRetries {
  constructor(
    private readonly model: FileModel,
    private readonly sleeps: SleepFinder,
    private readonly delays: DelayClassifier,
  ) {}

  /** The retry a loop is, when it is one. */
  loopRetry(loop: Loop): RetryConstruct | undefined {
    if (loop.body.type !== AST_NODE_TYPES.BlockStatement) return undefined;
    const body = loop.body;
    let tryStatement: TSESTree.TryStatement | undefined;
    ownNodes(body, node => {
      if (node !== body && isLoopOrSwitch(node) && node.type !== AST_NODE_TYPES.SwitchStatement) return false;
      if (node.type === AST_NODE_TYPES.TryStatement && node.handler) {
        tryStatement = node;
        return true;
      }
      return false;
    });
    if (!tryStatement?.handler) return this.namedRetryLoop(loop);
    // A retry must go round again after a failure and stop after a success.
    const handler = tryStatement.handler.body;
    const handlerContinues =
      canFallThrough(handler) ||
      findNode(
        handler,
        node => node.type === AST_NODE_TYPES.ContinueStatement,
        node => !isFunction(node),
      ) !== undefined;
    if (!handlerContinues) return undefined;
    // `try { client.connect() } catch { await sleep(1000) }` in an async function: the catch sees
    // only synchronous throws, never the failure of the remote work, so the loop retries nothing.
    if (catchesOnlySyncThrows(tryStatement)) return undefined;
    // `if (!isDuplicateKeyError(err)) throw err`: only a lost race goes round again, at once by design.
    if (conflictOnly(tryStatement.handler)) return undefined;
    // `if (err instanceof MetaFileExpiredError) continue; throw err`: only an answer of one kind goes
    // round again (an entry expired mid-read, a block not served yet), not an outage.
    if (goesRoundOnlyOnAnswer(handler, errorName(handler))) return undefined;
    const counters = loopCounters(loop);
    if (triesAlternatives(loop, tryStatement.block, counters)) return undefined;
    // A retry stops after a success: the try block ends in `return`/`break` (or sets the loop's
    // flag). A loop whose try block can fall through polls, walks or iterates; it does not retry.
    const lastStatement = tryStatement.block.body[tryStatement.block.body.length - 1];
    const endsInExit =
      lastStatement !== undefined &&
      (lastStatement.type === AST_NODE_TYPES.ReturnStatement ||
        // `if (res.ok) return body; throw new Error(…)`: success returns, failure goes to the catch.
        (lastStatement.type === AST_NODE_TYPES.ThrowStatement && exitsLoop(tryStatement.block, loop)) ||
        (lastStatement.type === AST_NODE_TYPES.BreakStatement && exitsLoop(tryStatement.block, loop)));
    const successExits =
      endsInExit ||
      setsLoopFlag(tryStatement.block, loop) ||
      (lastStatement?.type === AST_NODE_TYPES.IfStatement && leavesOnSuccess(lastStatement, loop));
    if (!successExits) return this.namedRetryLoop(loop);
    if (!doesWork(this.model, tryStatement.block)) return undefined;
    // `try { await this.indexNamespace() } catch { sleep; continue }` where indexNamespace catches
    // and logs every error of its own: the attempt cannot fail, so the loop never goes round.
    if (this.cannotFail(tryStatement.block)) return undefined;
    // `for (let i = 0; i < items.length; i++) { items[i] … }` walks a collection; it does not retry.
    if (
      loop.type === AST_NODE_TYPES.ForStatement &&
      counters.some(name => indexesWith(this.model, body, name))
    )
      return undefined;
    let delay = this.loopDelay(loop, tryStatement, counters);
    // `if (text.indexOf('Request timeout') != -1) continue`: only an attempt that waited out its
    // timeout goes round, so the wait between attempts is that timeout, not none.
    if (
      delay.kind === 'none' &&
      goesRoundOnlyOnTimeout(handler, errorName(handler)) &&
      !sharesSignal(loop, tryStatement.block)
    )
      delay = { ...delay, kind: 'unknown' };
    return {
      kind: 'loop',
      node: loop,
      attempt: tryStatement.block,
      delay,
      bounded: loopBounded(loop, counters),
      counters,
      attempts: this.loopAttempts(loop),
      ...(reconnects(tryStatement.block, enclosingNamedFunction(loop)?.name, node =>
        doesWork(this.model, node),
      )
        ? { reconnects: true }
        : {}),
    };
  }

  /**
   * A retry judged by status rather than by exception: `while (attempt <= max) { const res = await
   * call(); if (ok(res)) return res; await sleep(delay); attempt++ }`. Without a try/catch to go by,
   * the loop must say it retries (an attempt counter or an enclosing function named so), talk to
   * another process, wait, and leave on some condition; polling loops name themselves otherwise.
   */
  private namedRetryLoop(loop: Loop): RetryConstruct | undefined {
    if (loop.body.type !== AST_NODE_TYPES.BlockStatement) return undefined;
    const counters = loopCounters(loop);
    const fn = enclosingNamedFunction(loop);
    if (!counters.some(name => RETRY_NAME.test(name)) && !(fn && RETRY_NAME.test(fn.name))) return undefined;
    if (!doesWork(this.model, loop.body)) return undefined;
    // The wait it grows (`sleepMs = Math.min(sleepMs * 2, 10_000)`) is no alternative it tries.
    const sleep = this.sleeps.findSleep(loop.body);
    const waits = sleep?.expr ? namesIn(sleep.expr) : new Set<string>();
    if (triesAlternatives(loop, loop.body, counters, waits)) return undefined;
    const exits: TSESTree.IfStatement[] = [];
    ownNodes(loop.body, node => {
      if (node.type === AST_NODE_TYPES.IfStatement && exitsLoop(node.consequent, loop)) exits.push(node);
      return false;
    });
    if (exits.length === 0) return undefined;
    // `const row = await db.find(id); if (row) return row; await sleep(250)`: what leaves the loop
    // is a value turning up, not an outcome turning good. That polls for work another process
    // finishes (a constant interval is how a poll should wait); a retry leaves when the answer
    // reads as a success (`res.ok`, `!error`, `status === 200`, `!isRetryable(res)`).
    if (!exits.some(exit => outcomeTest(exit.test, counters))) return undefined;
    // `if (result.status === 'complete') return result`: the state of work another process does (a
    // conversion, an export), polled until it is finished; not the outcome of a failed call.
    if (exits.some(exit => readsJobState(exit.test))) return undefined;
    // `if (written.applied) return …`: a compare-and-swap that lost a race re-reads and tries again.
    const casExit = exits.some(exit =>
      findNode(
        exit.test,
        node =>
          (node.type === AST_NODE_TYPES.MemberExpression && CAS_RESULT.test(memberName(node) ?? '')) ||
          (node.type === AST_NODE_TYPES.Identifier && CAS_RESULT.test(node.name)),
        node => !isFunction(node),
      ),
    );
    if (casExit) return undefined;
    // `if (data.code !== 200) throw …` beside the attempt bound: a failed answer leaves the loop,
    // so what goes round again is a pending one. That is a poll (waiting for work to finish), not a retry.
    let failureLeaves = false;
    ownNodes(loop.body, node => {
      if (
        node.type === AST_NODE_TYPES.IfStatement &&
        !isBoundTest(node.test, counters) &&
        findNode(
          node.consequent,
          inner => inner.type === AST_NODE_TYPES.ThrowStatement,
          inner => !isFunction(inner),
        ) !== undefined
      )
        failureLeaves = true;
      return failureLeaves;
    });
    if (failureLeaves) return undefined;
    const delay: Delay = sleep
      ? this.delays.classifyDelay(sleep.call, sleep.expr, counters, loop)
      : { kind: 'none', exponential: false, capped: false, jitter: false };
    return {
      kind: 'loop',
      node: loop,
      attempt: loop.body,
      delay,
      bounded: loopBounded(loop, counters),
      counters,
      attempts: this.loopAttempts(loop),
      ...(reconnects(loop.body, fn?.name, node => doesWork(this.model, node)) ? { reconnects: true } : {}),
    };
  }

  /**
   * Every call the attempt makes is to a function of this file that swallows its own failures (its
   * body is a try whose catch never throws, beside declarations that call nothing), and nothing
   * else in the attempt throws: the catch of the loop is never reached.
   */
  private cannotFail(attempt: TSESTree.BlockStatement): boolean {
    let calls = 0;
    const other = findNode(
      attempt,
      node => {
        if (node.type === AST_NODE_TYPES.ThrowStatement) return true;
        if (node.type !== AST_NODE_TYPES.CallExpression) return false;
        const fn = this.model.localFunction(node.callee);
        if (!fn || fn.body.type !== AST_NODE_TYPES.BlockStatement || !swallows(fn.body)) return true;
        calls++;
        return false;
      },
      node => !isFunction(node),
    );
    return other === undefined && calls > 0;
  }

  /** `for (let i = 0; i < 2; i++)`, `for (let i = 1; i <= 2; i++)`: the number of passes, when literal. */
  private loopAttempts(loop: Loop): number | undefined {
    if (loop.type !== AST_NODE_TYPES.ForStatement)
      return this.guardedAttempts(loop) ?? this.continueGatedAttempts(loop);
    const init = loop.init;
    const test = loop.test;
    if (init?.type !== AST_NODE_TYPES.VariableDeclaration || init.declarations.length !== 1) return undefined;
    const declarator = init.declarations[0];
    if (declarator?.id.type !== AST_NODE_TYPES.Identifier || !declarator.init) return undefined;
    if (
      test?.type !== AST_NODE_TYPES.BinaryExpression ||
      test.left.type !== AST_NODE_TYPES.Identifier ||
      test.left.name !== declarator.id.name ||
      (test.operator !== '<' && test.operator !== '<=')
    )
      return undefined;
    // The counter must only count up, by one, in the update.
    if (
      loop.update?.type !== AST_NODE_TYPES.UpdateExpression ||
      loop.update.operator !== '++' ||
      assignedNames(loop.body).has(declarator.id.name)
    )
      return undefined;
    const start = this.model.summarizeValue(declarator.init);
    const limit = largestNumber(this.model, test.right);
    if (start.kind !== 'number' || limit === undefined) return undefined;
    const passes = limit - start.value + (test.operator === '<=' ? 1 : 0);
    return Number.isFinite(passes) && passes >= 0 ? passes : undefined;
  }

  /**
   * `let attempts = 0; while (true) { attempts += 1; try { … } catch { if (attempts < 2) await
   * sleep(ms); else throw err } }`, or counting down (`let left = MAX; … left--; if (left > 0 && …)
   * { …; continue } throw err`): a counter declared just before the loop, stepped by one once per
   * pass before the guard that lets the loop go round again (or leave it). At most this many passes.
   */
  private guardedAttempts(loop: Loop): number | undefined {
    const counter = loop.body.type === AST_NODE_TYPES.BlockStatement ? this.counterBefore(loop) : undefined;
    if (!counter) return undefined;
    const { name, start } = counter;
    // The one step of the counter: a statement of the loop's body or of its catch, not in a branch.
    const steps: { node: Node; by: number }[] = [];
    for (const write of assignedNames(loop.body).get(name) ?? []) {
      const by = stepOf(write, name);
      if (by === undefined || write.parent?.type !== AST_NODE_TYPES.ExpressionStatement) return undefined;
      const holder = write.parent.parent;
      const handler = holder?.parent;
      if (holder !== loop.body && !(handler?.type === AST_NODE_TYPES.CatchClause && handler.body === holder))
        return undefined;
      steps.push({ node: write, by });
    }
    const step = steps.length === 1 ? steps[0] : undefined;
    if (!step) return undefined;
    // A `continue` before the step goes round without counting the pass.
    let skips = false;
    ownNodes(loop.body, node => {
      if (
        node.type === AST_NODE_TYPES.ContinueStatement &&
        node.range[0] < step.node.range[0] &&
        (node.label === null || node.label.name === labelOf(loop)) &&
        enclosingLoop(node) === loop
      )
        skips = true;
      return skips;
    });
    if (skips) return undefined;
    let passes: number | undefined;
    ownNodes(loop.body, node => {
      if (
        passes !== undefined ||
        node.type !== AST_NODE_TYPES.IfStatement ||
        node.range[0] < step.node.range[1]
      )
        return passes !== undefined;
      // The branch that goes round again holds the bound in a conjunction (`left > 0 && retryable`);
      // the branch that leaves, in a disjunction (`attempts >= 3 || fatal`).
      if (node.alternate && leavesLoop(node.alternate, loop) && !leavesLoop(node.consequent, loop))
        passes = boundPasses(this.model, node.test, name, start, step.by, '&&', false);
      else if (leavesLoop(node.consequent, loop))
        passes = boundPasses(this.model, node.test, name, start, step.by, '||', true);
      return passes !== undefined;
    });
    return passes;
  }

  /**
   * `let retries = 0; while (true) { try { return await fn() } catch (e) { if (retries++ < MAX) {
   * …; continue } throw e } }`: the loop goes round again only through one `continue`, inside an
   * `if` that steps the counter in its own test (declared just before the loop, written nowhere
   * else), and a failure that does not take it leaves. At most that many passes.
   */
  private continueGatedAttempts(loop: Loop): number | undefined {
    const body = loop.body;
    if (body.type !== AST_NODE_TYPES.BlockStatement) return undefined;
    const attempt = body.body.at(-1);
    if (
      attempt?.type !== AST_NODE_TYPES.TryStatement ||
      !attempt.handler ||
      canFallThrough(attempt.handler.body)
    )
      return undefined;
    const counter = this.counterBefore(loop);
    if (!counter) return undefined;
    const { name, start } = counter;
    const writes = assignedNames(body).get(name) ?? [];
    const continues: Node[] = [];
    ownNodes(body, node => {
      if (
        node.type === AST_NODE_TYPES.ContinueStatement &&
        (node.label === null || node.label.name === labelOf(loop)) &&
        enclosingLoop(node) === loop
      )
        continues.push(node);
      return false;
    });
    const [write] = writes;
    if (writes.length !== 1 || continues.length !== 1 || write?.type !== AST_NODE_TYPES.UpdateExpression)
      return undefined;
    // The write is the left side of the guard's comparison: `retries++ < MAX`, `++retries <= MAX`.
    const comparison = write.parent;
    const guard = comparison?.parent;
    if (
      comparison?.type !== AST_NODE_TYPES.BinaryExpression ||
      comparison.left !== write ||
      write.operator !== '++' ||
      (comparison.operator !== '<' && comparison.operator !== '<=') ||
      guard?.type !== AST_NODE_TYPES.IfStatement ||
      guard.test !== comparison ||
      !continuesIn(guard.consequent) ||
      (continues[0] as Node).range[0] < guard.consequent.range[0] ||
      (continues[0] as Node).range[1] > guard.consequent.range[1] ||
      !leavesOtherwise(guard)
    )
      return undefined;
    const limit = largestNumber(this.model, comparison.right as Node);
    if (limit === undefined) return undefined;
    // A postfix step compares the value before it, a prefix one the value after it.
    const first = write.prefix ? start + 1 : start;
    const goesRound = limit - first + (comparison.operator === '<=' ? 1 : 0);
    return Number.isFinite(goesRound) && goesRound >= 0 ? goesRound + 1 : undefined;
  }

  /** The counter declared just before the loop (`let attempts = 0; while (…)`): its name and start. */
  private counterBefore(loop: Loop): { name: string; start: number } | undefined {
    const block = loop.parent;
    if (block?.type !== AST_NODE_TYPES.BlockStatement) return undefined;
    const before = block.body[block.body.indexOf(loop as (typeof block.body)[number]) - 1];
    if (before?.type !== AST_NODE_TYPES.VariableDeclaration || before.declarations.length !== 1)
      return undefined;
    const declarator = before.declarations[0];
    if (declarator?.id.type !== AST_NODE_TYPES.Identifier || !declarator.init) return undefined;
    const start = this.model.summarizeValue(declarator.init);
    return start.kind === 'number' ? { name: declarator.id.name, start: start.value } : undefined;
  }

  private loopDelay(loop: Loop, tryStatement: TSESTree.TryStatement, counters: readonly string[]): Delay {
    const regions: Node[] = [];
    if (tryStatement.handler) regions.push(tryStatement.handler.body);
    regions.push(loop.body);
    for (const region of regions) {
      const sleep = this.sleeps.findSleep(region, region === loop.body ? tryStatement.block : undefined);
      if (sleep) return this.delays.classifyDelay(sleep.call, sleep.expr, counters, loop);
    }
    return { kind: 'none', exponential: false, capped: false, jitter: false };
  }
}

/**
 * The attempt uses a signal made before the loop (`const signal = AbortSignal.timeout(5000)`): once
 * it aborts, every attempt fails at once with the same timeout, so going round on a timeout no
 * longer waits one out.
 */
function sharesSignal(loop: Node, attempt: Node): boolean {
  let scope: Node = loop;
  while (scope.parent && !isFunction(scope)) scope = scope.parent;
  const names = new Set<string>();
  findNode(
    isFunction(scope) ? scope.body : scope,
    node => {
      if (
        node.type === AST_NODE_TYPES.VariableDeclarator &&
        node.id.type === AST_NODE_TYPES.Identifier &&
        node.init &&
        findNode(
          node.init,
          inner =>
            inner.type === AST_NODE_TYPES.Identifier && /^Abort(?:Signal|Controller)$/.test(inner.name),
        )
      )
        names.add(node.id.name);
      return false;
    },
    node => node !== loop && !isFunction(node),
  );
  if (names.size === 0) return false;
  return (
    findNode(attempt, node => node.type === AST_NODE_TYPES.Identifier && names.has(node.name)) !== undefined
  );
}

/** The label of a labelled loop (`outer: while (…)`), if any. */
function labelOf(loop: Loop): string | undefined {
  return loop.parent?.type === AST_NODE_TYPES.LabeledStatement ? loop.parent.label.name : undefined;
}

/** `region` leaves the loop: a return or break ({@link exitsLoop}), or a throw no try of the loop catches. */
function leavesLoop(region: Node, loop: Loop): boolean {
  if (exitsLoop(region, loop)) return true;
  let thrown = false;
  ownNodes(region, node => {
    if (node.type !== AST_NODE_TYPES.ThrowStatement) return false;
    let caught = false;
    for (let at: Node = node; at.parent && at !== loop; at = at.parent)
      if (at.parent.type === AST_NODE_TYPES.TryStatement && at.parent.block === at) caught = true;
    thrown = !caught;
    return thrown;
  });
  return thrown;
}

/** When the guard of a `continue` does not hold, the pass leaves: its `else` or what follows it exits. */
function leavesOtherwise(guard: TSESTree.IfStatement): boolean {
  const otherwise = guard.alternate;
  if (otherwise === null) return exitsAfter(guard);
  if (otherwise.type === AST_NODE_TYPES.BlockStatement) return !canFallThrough(otherwise);
  return (
    otherwise.type === AST_NODE_TYPES.ThrowStatement || otherwise.type === AST_NODE_TYPES.ReturnStatement
  );
}

/** `name += 1`, `name++`, `--name`, `name -= 1`: the step of a counter by one (+1 or -1). */
function stepOf(write: Node, name: string): number | undefined {
  if (write.type === AST_NODE_TYPES.UpdateExpression)
    return write.argument.type === AST_NODE_TYPES.Identifier && write.argument.name === name
      ? write.operator === '++'
        ? 1
        : -1
      : undefined;
  if (
    write.type !== AST_NODE_TYPES.AssignmentExpression ||
    (write.operator !== '+=' && write.operator !== '-=') ||
    write.right.type !== AST_NODE_TYPES.Literal ||
    write.right.value !== 1
  )
    return undefined;
  return write.operator === '+=' ? 1 : -1;
}

/**
 * How many passes a guard allows, the counter starting at `start` and stepped by `by` before it in
 * every pass: `attempts < 2` goes round again while it holds (`exits` false), `attempts >= 2` leaves
 * (`exits` true). The comparison may sit in a conjunction (going round) or a disjunction (leaving).
 */
function boundPasses(
  model: FileModel,
  test: Node,
  name: string,
  start: number,
  by: number,
  joiner: '&&' | '||',
  exits: boolean,
): number | undefined {
  const inner = unwrap(test);
  if (inner.type === AST_NODE_TYPES.LogicalExpression && inner.operator === joiner)
    return (
      boundPasses(model, inner.left, name, start, by, joiner, exits) ??
      boundPasses(model, inner.right, name, start, by, joiner, exits)
    );
  if (inner.type !== AST_NODE_TYPES.BinaryExpression) return undefined;
  let operator = inner.operator;
  let limitNode: Node;
  if (inner.left.type === AST_NODE_TYPES.Identifier && inner.left.name === name) limitNode = inner.right;
  else if (inner.right.type === AST_NODE_TYPES.Identifier && inner.right.name === name) {
    limitNode = inner.left as Node;
    const flipped: Record<string, string> = { '<': '>', '<=': '>=', '>': '<', '>=': '<=' };
    operator = (flipped[operator] ?? operator) as typeof operator;
  } else return undefined;
  const limit = largestNumber(model, limitNode);
  if (limit === undefined) return undefined;
  // The guard as "go round again while": the negation of a leaving test.
  const negate: Record<string, string> = { '<': '>=', '<=': '>', '>': '<=', '>=': '<' };
  const goOn = exits ? negate[operator] : operator;
  const n = limit;
  // After pass k the counter is start + by·k; the loop goes round while the guard holds.
  let passes: number | undefined;
  if (by > 0 && goOn === '<') passes = n - start;
  else if (by > 0 && goOn === '<=') passes = n - start + 1;
  else if (by < 0 && goOn === '>') passes = start - n;
  else if (by < 0 && goOn === '>=') passes = start - n + 1;
  return passes !== undefined && Number.isFinite(passes) && passes >= 1 ? passes : undefined;
}

/**
 * The largest value a limit can have: a number, or the larger branch of a choice between numbers
 * (`const attempts = available ? 2 : 1`, written there or in a const), so that the passes counted
 * from it are the most the loop can make.
 */
function largestNumber(model: FileModel, node: Node, depth = 0): number | undefined {
  const limit = model.summarizeValue(node);
  if (limit.kind === 'number') return limit.value;
  if (depth > 2) return undefined;
  let inner = unwrap(node);
  if (inner.type === AST_NODE_TYPES.Identifier) inner = model.constInit(inner) ?? inner;
  inner = unwrap(inner);
  if (inner.type !== AST_NODE_TYPES.ConditionalExpression) return undefined;
  const [yes, no] = [
    largestNumber(model, inner.consequent, depth + 1),
    largestNumber(model, inner.alternate, depth + 1),
  ];
  return yes === undefined || no === undefined ? undefined : Math.max(yes, no);
}

/** Variables that count attempts: the for-loop's own, and those incremented or decremented in the body. */
function loopCounters(loop: Loop): string[] {
  const counters = new Set<string>();
  if (loop.type === AST_NODE_TYPES.ForStatement) {
    if (loop.init?.type === AST_NODE_TYPES.VariableDeclaration) {
      for (const declarator of loop.init.declarations)
        if (declarator.id.type === AST_NODE_TYPES.Identifier) counters.add(declarator.id.name);
    }
    if (loop.update) for (const name of assignedNames(loop.update).keys()) counters.add(name);
  }
  for (const name of steppedNames(loop.body)) counters.add(name);
  return [...counters];
}

/**
 * The try block ends the loop through its condition: `done = true` (a boolean flag in the
 * condition), or `while (!channel) { channel = await connect() }` (the result itself).
 */
function setsLoopFlag(block: Node, loop: Loop): boolean {
  const test = loop.test;
  if (!test) return false;
  const tested = namesIn(test);
  const negated = new Set<string>();
  findNode(test, node => {
    if (
      node.type === AST_NODE_TYPES.UnaryExpression &&
      node.operator === '!' &&
      node.argument.type === AST_NODE_TYPES.Identifier
    )
      negated.add(node.argument.name);
    return false;
  });
  for (const [name, writes] of assignedNames(block)) {
    if (negated.has(name)) return true;
    if (!tested.has(name)) continue;
    if (
      writes.some(
        write =>
          write.type === AST_NODE_TYPES.AssignmentExpression &&
          write.right.type === AST_NODE_TYPES.Literal &&
          typeof write.right.value === 'boolean',
      )
    )
      return true;
  }
  return false;
}

/** A test that reads a failure or success: `error`, `err`, `res.ok`, `result.error`, `status`. */
const OUTCOME = /^(?:error|err|errors|failed|failure|ok|success|succeeded)$|^(?:status|statusCode)$/;

/**
 * `if (error) { log(); await sleep(75) } else { break }`: the answer's outcome decides; one branch
 * leaves the loop and the other goes round again. A test on anything
 * else (`if (job.state === 'done') break`) is a poll, not a retry.
 */
function leavesOnSuccess(statement: TSESTree.IfStatement, loop: Loop): boolean {
  const readsOutcome =
    findNode(
      statement.test,
      node =>
        (node.type === AST_NODE_TYPES.Identifier && OUTCOME.test(node.name)) ||
        (node.type === AST_NODE_TYPES.MemberExpression && OUTCOME.test(memberName(node) ?? '')),
      node => !isFunction(node),
    ) !== undefined;
  // Both outcomes written out: `if (res.ok) break` alone, with the wait after the try, is how a
  // readiness poll reads too (waiting for a service to come up), so it is left to the poll rules.
  if (!readsOutcome || !statement.alternate) return false;
  const consequentLeaves = exitsLoop(statement.consequent, loop);
  const alternateLeaves = statement.alternate ? exitsLoop(statement.alternate, loop) : false;
  return consequentLeaves !== alternateLeaves;
}

/** An outcome as a name: `ok`, `isSuccess`, `statusCode`, `hasError`, `code`. */
const OUTCOME_NAME =
  /^(?:is|has)?(?:error|err|errors|failed|failure|ok|success|successful|succeeded|status|statusCode|code)$/i;

/**
 * A test that leaves on the answer's outcome, not on the count: `res.ok`, also beside the bound in
 * a disjunction (`if (res.status === 200 || attempt > maxRetries) return res`).
 */
function outcomeTest(test: Node, counters: readonly string[]): boolean {
  const inner = unwrap(test);
  if (inner.type === AST_NODE_TYPES.LogicalExpression && inner.operator === '||')
    return outcomeTest(inner.left, counters) || outcomeTest(inner.right, counters);
  return !isBoundTest(inner, counters) && readsOutcome(inner);
}

/** A test that reads whether an answer succeeded: an outcome name, or a call that says so (`isRetryable(res)`). */
function readsOutcome(test: Node): boolean {
  return (
    findNode(
      test,
      node =>
        (node.type === AST_NODE_TYPES.Identifier &&
          (OUTCOME_NAME.test(node.name) || RETRY_NAME.test(node.name))) ||
        (node.type === AST_NODE_TYPES.MemberExpression && OUTCOME_NAME.test(memberName(node) ?? '')),
      node => !isFunction(node),
    ) !== undefined
  );
}

/** The states a job reports when it is finished (`status: 'complete'`, `state: 'done'`); not `success`, which a call answers too. */
const FINISHED_STATE = /^(?:complete|completed|done|finished|ready|processed)$/i;

/** `status === 'complete'`, `job.state == "done"`: a test of a job's state against a finished one. */
function readsJobState(test: Node): boolean {
  return (
    findNode(
      test,
      node => {
        if (
          node.type !== AST_NODE_TYPES.BinaryExpression ||
          (node.operator !== '===' && node.operator !== '==')
        )
          return false;
        const sides = [unwrap(node.left as Node), unwrap(node.right as Node)];
        const state = sides.some(
          side =>
            (side.type === AST_NODE_TYPES.MemberExpression &&
              /^(?:status|state|phase)$/i.test(memberName(side) ?? '')) ||
            (side.type === AST_NODE_TYPES.Identifier && /^(?:status|state|phase)$/i.test(side.name)),
        );
        return (
          state &&
          sides.some(
            side =>
              side.type === AST_NODE_TYPES.Literal &&
              typeof side.value === 'string' &&
              FINISHED_STATE.test(side.value),
          )
        );
      },
      node => !isFunction(node),
    ) !== undefined
  );
}

/** What a conditional write answers: it was applied, or another writer won the race. */
const CAS_RESULT = /^(?:applied|acknowledged|swapped|won|modifiedCount|matchedCount)$/;

/**
 * A catch that rethrows every error but a conflict (`if (!isDuplicateKeyError(err)) throw err`,
 * `if (err.code !== 'P2002') throw err`): optimistic concurrency, where trying again at once is
 * the algorithm.
 */
function conflictOnly(handler: TSESTree.CatchClause): boolean {
  const first = handler.body.body[0];
  if (first?.type !== AST_NODE_TYPES.IfStatement) return false;
  // `if (e instanceof CasConflictError && attempt < max) continue; throw e;`: the same, written the
  // other way round: only a conflict goes round again, everything else leaves.
  const [, second, ...rest] = handler.body.body;
  const goesRound =
    first.consequent.type === AST_NODE_TYPES.ContinueStatement ||
    (first.consequent.type === AST_NODE_TYPES.BlockStatement &&
      first.consequent.body.at(-1)?.type === AST_NODE_TYPES.ContinueStatement);
  if (goesRound && !first.alternate && second?.type === AST_NODE_TYPES.ThrowStatement && rest.length === 0)
    return namesErrorKind(first.test, CONFLICT);
  const rethrows =
    first.consequent.type === AST_NODE_TYPES.ThrowStatement ||
    (first.consequent.type === AST_NODE_TYPES.BlockStatement &&
      first.consequent.body.some(statement => statement.type === AST_NODE_TYPES.ThrowStatement));
  if (!rethrows) return false;
  return namesErrorKind(first.test, CONFLICT);
}

/**
 * Each pass sends something new: a variable declared outside the loop that the attempt reads is
 * given another value in the loop (`username = slug + '-' + nanoid(4)`, `code = result.nextCode`).
 * That tries alternatives in turn; it does not repeat a failed request. The names in `waits` (the
 * wait between passes, which a backoff grows) are not inputs of that kind.
 */
function triesAlternatives(
  loop: Loop,
  attempt: Node,
  counters: readonly string[],
  waits: ReadonlySet<string> = new Set(),
): boolean {
  const read = namesIn(attempt);
  for (const [name, writes] of assignedNames(loop.body)) {
    if (counters.includes(name) || waits.has(name) || !read.has(name)) continue;
    const changes = writes.some(
      write =>
        write.type === AST_NODE_TYPES.AssignmentExpression &&
        write.operator === '=' &&
        write.right.type !== AST_NODE_TYPES.Literal &&
        // `lastError = err`, `result = await call()`: what the attempt produced, not what it sends.
        !findNode(write.right, node => node.type === AST_NODE_TYPES.AwaitExpression) &&
        !(write.right.type === AST_NODE_TYPES.Identifier && /^(?:e|err|error)$/i.test(write.right.name)),
    );
    if (!changes) continue;
    // It must be an input of the attempt: read before it is written in the loop body.
    const firstRead = findNode(
      attempt,
      node =>
        node.type === AST_NODE_TYPES.Identifier &&
        node.name === name &&
        !(node.parent?.type === AST_NODE_TYPES.AssignmentExpression && node.parent.left === node),
    );
    const firstWrite = writes[0];
    if (firstRead && firstWrite && firstRead.range[0] < firstWrite.range[0]) return true;
  }
  return false;
}

/**
 * A function body that cannot throw: a `try` whose catch has no `throw` (and no `finally`), with at
 * most declarations and returns beside it that call nothing.
 */
function swallows(body: TSESTree.BlockStatement): boolean {
  let guarded = false;
  for (const statement of body.body) {
    if (statement.type === AST_NODE_TYPES.TryStatement) {
      if (!statement.handler || statement.finalizer) return false;
      const rethrows = findNode(
        statement.handler.body,
        node => node.type === AST_NODE_TYPES.ThrowStatement,
        node => !isFunction(node),
      );
      if (rethrows) return false;
      guarded = true;
      continue;
    }
    const calls = findNode(
      statement,
      node => node.type === AST_NODE_TYPES.CallExpression || node.type === AST_NODE_TYPES.AwaitExpression,
      node => !isFunction(node),
    );
    if (calls) return false;
  }
  return guarded;
}
