// Job queues retry failed jobs on their own schedule, set in the job's options. Defaults and
// formulas read from each package's source:
// - bullmq 6.2.0 src/classes/backoffs.ts (bull 4 has the same `attempts`/`backoff` options):
//   `attempts` counts every run and defaults to 1 (no retry); `backoff: n` means fixed n ms;
//   `{ type: 'fixed', delay, jitter }` waits `delay` (randomised down by the `jitter` fraction);
//   `{ type: 'exponential', delay, jitter }` waits 2^(attempt-1) × delay; any other type is a
//   custom strategy registered on the worker; with no `backoff`, a failed job runs again at once.
// - pg-boss 12.27.0 src/manager.ts and the create_queue function: `retryLimit` (retries, default
//   2), `retryDelay` (seconds, default 0), `retryBackoff` (default false: a fixed `retryDelay`;
//   true: 2^n × retryDelay with half of it random, the exponent capped at 16, `retryDelayMax`).
import { getProp } from '../summary.js';
import type { Prop, Summary } from '../types.js';

export type JobQueue = 'bullmq' | 'pg-boss';

/** Modules whose job options follow bull's shape (`attempts`, `backoff`). */
export const BULL_MODULES: ReadonlySet<string> = new Set([
  'bullmq',
  'bull',
  '@nestjs/bullmq',
  '@nestjs/bull',
]);

/** One problem with a queue's retry options, reported on the option written for it. */
export interface JobRetryFinding {
  problem: 'noDelay' | 'constantDelay';
  at: unknown;
}

const number = (prop: Prop | undefined): number | undefined =>
  prop?.value.kind === 'number' ? prop.value.value : undefined;

/**
 * What is wrong with a job's retry options. A queue already bounds how many retries run at once
 * (the workers' concurrency), so an exponential schedule is accepted with or without jitter or a
 * cap; what wastes the attempts is retrying at once, and a fixed wait makes every job that failed
 * in one outage run again together. A single retry is judged only on its wait. Options the
 * reader cannot see (a spread, a computed value) are not judged.
 */
export function decideJobRetry(queue: JobQueue, options: Summary): JobRetryFinding[] {
  if (options.kind !== 'object' || options.hasSpread) return [];
  return queue === 'bullmq' ? decideBull(options) : decidePgBoss(options);
}

function decideBull(options: Extract<Summary, { kind: 'object' }>): JobRetryFinding[] {
  const attemptsProp = getProp(options, 'attempts');
  if (!attemptsProp) return [];
  const attempts = number(attemptsProp);
  // One re-attempt, at once or not, cannot fall into lockstep waves or multiply an outage's load.
  if (attempts !== undefined && attempts <= 2) return [];
  const backoffProp = getProp(options, 'backoff');
  if (!backoffProp) return attempts === undefined ? [] : [{ problem: 'noDelay', at: attemptsProp.at }];
  const backoff = backoffProp.value;
  let delay: number | undefined;
  let jittered = false;
  if (backoff.kind === 'number') delay = backoff.value;
  else if (backoff.kind === 'object' && !backoff.hasSpread) {
    const type = getProp(backoff, 'type')?.value;
    if (type?.kind !== 'string' || type.value !== 'fixed') return [];
    const delayProp = getProp(backoff, 'delay');
    delay = delayProp ? number(delayProp) : 0;
    if (delayProp && delay === undefined) return [];
    const jitter = getProp(backoff, 'jitter');
    jittered = jitter !== undefined && (number(jitter) === undefined || (number(jitter) ?? 0) > 0);
  } else return [];
  if (delay === 0) return [{ problem: 'noDelay', at: backoffProp.at }];
  if (jittered) return [];
  return [{ problem: 'constantDelay', at: backoffProp.at }];
}

function decidePgBoss(options: Extract<Summary, { kind: 'object' }>): JobRetryFinding[] {
  const limitProp = getProp(options, 'retryLimit');
  if (!limitProp) return [];
  const retries = number(limitProp);
  if (retries !== undefined && retries <= 1) return [];
  const backoff = getProp(options, 'retryBackoff');
  if (backoff && !(backoff.value.kind === 'boolean' && !backoff.value.value)) return [];
  const delayProp = getProp(options, 'retryDelay');
  const delay = delayProp ? number(delayProp) : 0;
  if (delayProp && delay === undefined) return [];
  if (delay === 0)
    return retries === undefined ? [] : [{ problem: 'noDelay', at: (delayProp ?? limitProp).at }];
  return [{ problem: 'constantDelay', at: (delayProp ?? limitProp).at }];
}
