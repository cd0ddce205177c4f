// Hand-written retries: loops that go round again after a failure, recursion from a catch,
// timers that reschedule the failed function. Shared by require-backoff (is the wait between
// attempts sound?) and require-idempotency-key (what does each attempt send?). Computed once per
// file and cached on the file model.
//
// The analysis is the one object rules hold; its parts live in retry/: loops.ts and recursion.ts
// (which constructs retry), work.ts and bounds.ts (what an attempt does, what stops it), sleeps.ts,
// delays.ts, delay-list.ts and retry-after.ts (the wait between attempts), syntax.ts and types.ts.
// Also in retry/, for require-backoff: schedule.ts (a construct's schedule for decideBackoff), and
// the retry settings written for libraries: libraries.ts (by what a call is), axios-retry.ts,
// cockatiel.ts, http-retry.ts (got, ky), delay-function.ts, grpc-service-config.ts, wrappers.ts
// (the team's retry wrappers), job-options.ts (job queues) and library-finding.ts.
import { type Node, isWithin } from './ast.js';
import type { FileModel } from './file-model.js';
import { DelayClassifier } from './retry/delays.js';
import { LoopRetries } from './retry/loops.js';
import { SelfCallRetries } from './retry/recursion.js';
import { SleepFinder } from './retry/sleeps.js';
import type { Delay, RetryConstruct } from './retry/types.js';
import { onFileReleased } from './file-release.js';

export type { Delay, Loop, RetryConstruct } from './retry/types.js';

export class RetryAnalysis {
  private constructs: RetryConstruct[] | undefined;
  private readonly delays: DelayClassifier;
  private readonly loops: LoopRetries;
  private readonly selfCalls: SelfCallRetries;

  constructor(private readonly model: FileModel) {
    const sleeps = new SleepFinder(model);
    this.delays = new DelayClassifier(model);
    this.loops = new LoopRetries(model, sleeps, this.delays);
    this.selfCalls = new SelfCallRetries(model, sleeps, this.delays);
  }

  /** Every hand-written retry in the file. */
  all(): RetryConstruct[] {
    if (this.constructs) return this.constructs;
    const found: RetryConstruct[] = [];
    for (const loop of this.model.loops) {
      const construct = this.loops.loopRetry(loop);
      if (construct) found.push(construct);
    }
    const seen = new Set<Node>();
    for (const call of this.model.calls) {
      const construct = this.selfCalls.selfCallRetry(call);
      if (construct && !seen.has(construct.node)) {
        seen.add(construct.node);
        found.push(construct);
      }
    }
    this.constructs = found;
    return found;
  }

  /** Classifies a delay expression: constant or growing with the attempt, capped, jittered. */
  classifyDelay(call: Node, expr: Node | undefined, outerCounters: readonly string[], scope: Node): Delay {
    return this.delays.classifyDelay(call, expr, outerCounters, scope);
  }

  /** True when `node` lies within the attempt of some retry construct. */
  constructAround(node: Node): RetryConstruct | undefined {
    return this.all().find(construct => isWithin(node, construct.attempt));
  }
}

/** The analysis of the file being linted (one file at a time per thread, like its model). */
let current: { model: FileModel; analysis: RetryAnalysis } | undefined;
onFileReleased(() => {
  current = undefined;
});

/** The retry analysis of a file, shared by the rules that lint it. */
export function retryAnalysis(model: FileModel): RetryAnalysis {
  if (current?.model !== model) current = { model, analysis: new RetryAnalysis(model) };
  return current.analysis;
}
