// Retry libraries, with their real defaults read from each package's source: what an omitted
// option means is part of the decision (p-retry retries 10 times, starting at 1 s, uncapped).
import { policy, retry, run } from '../build.js';
import type { InstanceTable, MemberTable, RetryLibrary } from '../types.js';

/**
 * Defaults of retry libraries when the user passes nothing, as the libraries define them.
 * Delays in ms; `Infinity` means no bound. Sources: p-retry 7.1.1 index.js L165-169,
 * async-retry 1.3.3 lib/index.js (randomize defaults to true) over retry 0.13.1 lib/retry.js,
 * exponential-backoff 3.1.3 dist/options.js, axios-retry 4.5.0 dist/esm/index.js L56-80,
 * cockatiel 4.0.0 dist/Policy.js L233 and backoff/ExponentialBackoff.js.
 */
export interface RetryDefaults {
  attempts: number;
  /** First delay, growth factor, cap: what an omitted option means. */
  firstDelay: number;
  factor: number;
  cap: number;
  jitter: boolean;
}

export const RETRY_DEFAULTS: Readonly<Record<Exclude<RetryLibrary, 'custom'>, RetryDefaults>> = {
  'p-retry': { attempts: 11, firstDelay: 1000, factor: 2, cap: Infinity, jitter: false },
  'async-retry': { attempts: 11, firstDelay: 1000, factor: 2, cap: Infinity, jitter: true },
  'node-retry': { attempts: 11, firstDelay: 1000, factor: 2, cap: Infinity, jitter: false },
  'exponential-backoff': { attempts: 10, firstDelay: 100, factor: 2, cap: Infinity, jitter: false },
  'axios-retry': { attempts: 4, firstDelay: 0, factor: 1, cap: 0, jitter: false },
  cockatiel: { attempts: Infinity, firstDelay: 0, factor: 1, cap: 0, jitter: false },
};

/** Option names of the libraries whose schedule is first delay × factor^attempt, capped. */
export interface RetryOptionKeys {
  attempts: string;
  first: string;
  factor: string;
  cap: string;
  jitter: string;
}

export const RETRY_OPTION_KEYS: Readonly<Record<'exponential-backoff' | 'node-retry', RetryOptionKeys>> = {
  'exponential-backoff': {
    attempts: 'numOfAttempts',
    first: 'startingDelay',
    factor: 'timeMultiple',
    cap: 'maxDelay',
    jitter: 'jitter',
  },
  // p-retry, async-retry and node-retry share node-retry's names.
  'node-retry': {
    attempts: 'retries',
    first: 'minTimeout',
    factor: 'factor',
    cap: 'maxTimeout',
    jitter: 'randomize',
  },
};

export const RETRY_MODULES: Readonly<Record<string, MemberTable>> = {
  'p-retry': { '': retry('p-retry', 0, 1), pRetry: retry('p-retry', 0, 1) },
  'async-retry': { '': retry('async-retry', 0, 1) },
  'exponential-backoff': { backOff: retry('exponential-backoff', 0, 1) },
  'axios-retry': { '': retry('axios-retry', undefined, 1), axiosRetry: retry('axios-retry', undefined, 1) },
  retry: { operation: policy('retry-operation', 'node-retry', 0) },
  cockatiel: {
    retry: policy('cockatiel-retry', 'cockatiel', 1),
    timeout: policy('cockatiel-timeout', 'cockatiel', 0),
    wrap: policy('cockatiel-retry', 'cockatiel', 0),
  },
};

export const RETRY_INSTANCES: Readonly<
  Record<'cockatiel-retry' | 'cockatiel-timeout' | 'retry-operation', InstanceTable>
> = {
  'cockatiel-retry': { members: { execute: run(0) } },
  'cockatiel-timeout': { members: { execute: run(0) } },
  'retry-operation': { members: { attempt: run(0) } },
};
