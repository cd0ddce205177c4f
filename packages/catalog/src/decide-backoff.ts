// Pure backoff decisions: given the schedule a reader found (a retry loop's wait, or a retry
// library's options with the library's defaults filled in), decide what is wrong with it.
import { RETRY_DEFAULTS, RETRY_OPTION_KEYS, type RetryDefaults } from './libraries/retry.js';
import type { RetryWrapper } from './settings.js';
import { getProp } from './summary.js';
import type { Prop, Summary } from './types.js';

export type BackoffProblem = 'noDelay' | 'constantDelay' | 'uncappedBackoff' | 'noJitter' | 'unboundedRetry';

/** One problem with a retry schedule. `at` is the reader's node to report on, when not the retry itself. */
export interface BackoffFinding {
  problem: BackoffProblem;
  at?: unknown;
  /** uncappedBackoff: the schedule has no jitter either. */
  noJitterToo?: boolean;
  /** uncappedBackoff: the longest wait the retry's own bound allows, when it was computed (past the cap). */
  longestMs?: number;
  /** uncappedBackoff of a library's options: the option that caps its wait (`maxDelay`, `maxTimeout`). */
  capKey?: string;
  /** unboundedRetry: why, as the end of a sentence (` (unlimited attempts)`). */
  why?: string;
}

/** The limits a team sets in `settings.faultline` (`maxAttempts`, `maxDelayMs`). */
export interface BackoffLimits {
  maxAttempts: number;
  maxDelayMs: number;
}

/** How the wait between attempts of a hand-written retry grows, as a reader found it. */
export interface RetrySchedule {
  delay: 'none' | 'constant' | 'growing' | 'unknown';
  exponential: boolean;
  /**
   * A power of the count above the first (`Math.pow(retries, 2) * 1000`): reported as uncapped only
   * when its own bound gives a longest wait past the cap (`longestWaitMs`).
   */
  superlinear?: boolean;
  capped: boolean;
  jitter: boolean;
  /** The loop's own bound keeps the longest wait under the cap (`for (i < 3) sleep(100 * 2 ** i)`). */
  staysUnderCap: boolean;
  /** The longest wait the loop's own bound allows, when the reader could compute it. */
  longestWaitMs?: number;
  /** The retry stops: a bounded counter, a deadline, or an exit the reader can see. */
  bounded: boolean;
  /** How many attempts at most, when the reader can count them (`for (i = 0; i < 2; i++)`, a once-flag). */
  attempts?: number;
  /** Each failure is logged or reported where it is caught (`log.error(…)`, `Sentry.captureException`). */
  reportsFailure?: boolean;
  /** The wait is computed by a helper the reader cannot see into whose name says backoff (`this.reconnectBackoff.nextDelay()`). */
  backoffHelper?: boolean;
  /** The wait is constant and at least `maxDelayMs` long (`sleep(60_000)`): already a capped backoff's longest. */
  longWait?: boolean;
  /**
   * The wait grows to a cap at least `maxDelayMs` long (`Math.min(5000 * attempts, 30_000)`): after
   * a few failures it waits as long as a capped backoff's longest, every time.
   */
  longCap?: boolean;
  /**
   * The retry keeps a long-lived connection open (its attempt connects, or it runs again when the
   * connection closes) or runs on after a success too (a consumer loop): it is meant to go on for
   * the life of the process, and a bound would leave it silently disconnected. Its wait is judged.
   */
  reconnects?: boolean;
}

/** What is wrong with a hand-written retry's schedule: its wait, then its bound. */
export function decideBackoff(schedule: RetrySchedule): BackoffFinding[] {
  const findings: BackoffFinding[] = [];
  // A single re-attempt, at once or not, cannot fall into lockstep waves, grow past a cap or
  // multiply an outage's load more than twice.
  if (schedule.attempts !== undefined && schedule.attempts <= 2) return findings;
  switch (schedule.delay) {
    case 'none':
      findings.push({ problem: 'noDelay' });
      break;
    case 'constant':
      // `sleep(1000 + Math.random() * 4000)`: randomised, so clients that failed together do not
      // retry together; a bound is still asked for below.
      if (!schedule.jitter) findings.push({ problem: 'constantDelay' });
      break;
    case 'growing':
      if (
        !schedule.capped &&
        (schedule.exponential || (schedule.superlinear === true && schedule.longestWaitMs !== undefined)) &&
        !schedule.staysUnderCap
      )
        findings.push({
          problem: 'uncappedBackoff',
          noJitterToo: !schedule.jitter,
          ...(schedule.longestWaitMs !== undefined ? { longestMs: schedule.longestWaitMs } : {}),
        });
      else if (!schedule.jitter) findings.push({ problem: 'noJitter' });
      break;
    case 'unknown':
      break;
  }
  // A reconnect loop that backs off exponentially to a cap and logs each failure neither hammers
  // the service (one attempt per cap at most) nor hides the outage: going on until it comes back
  // is what a client that has nothing to do without it should do. So does one whose wait a backoff
  // helper it cannot see into computes (`this.reconnectBackoff.nextDelay()`), and one that waits as
  // long as a capped backoff's longest wait every time (a service restarted a minute after each
  // failure), or grows to such a cap (`Math.min(5000 * attempts, 30_000)`). A logged loop whose wait is reported above as constant or uncapped is not asked for a
  // bound as well: the fix that report asks for (capped exponential backoff with jitter) makes it
  // such a loop. One that does not wait, waits a short jittered or linear time, or fails silently
  // is still asked for a bound.
  const waitReported = findings.some(
    finding => finding.problem === 'constantDelay' || finding.problem === 'uncappedBackoff',
  );
  const patientReconnect =
    ((schedule.delay === 'growing' && schedule.exponential && schedule.capped) ||
      (schedule.delay === 'unknown' && schedule.backoffHelper === true) ||
      (schedule.delay === 'constant' && schedule.longWait === true) ||
      (schedule.delay === 'growing' && schedule.capped && schedule.longCap === true) ||
      waitReported) &&
    schedule.reportsFailure === true;
  if (!schedule.bounded && !patientReconnect && schedule.reconnects !== true)
    findings.push({ problem: 'unboundedRetry', why: '' });
  return findings;
}

const number = (summary: Summary | undefined): number | undefined =>
  summary?.kind === 'number' ? summary.value : undefined;

/**
 * What is wrong with the options of a retry library whose schedule is first delay × factor^attempt,
 * capped (p-retry, async-retry, node-retry, exponential-backoff), with the library's own defaults
 * standing in for omitted options. `anchor` is where to report a problem no option is written for.
 */
export function decideRetryOptions(
  library: 'p-retry' | 'async-retry' | 'node-retry' | 'exponential-backoff',
  options: Summary,
  anchor: unknown,
  limits: BackoffLimits,
): BackoffFinding[] {
  if (options.kind !== 'object' && options.kind !== 'absent') return [];
  if (options.kind === 'object' && options.hasSpread) return [];
  const defaults: RetryDefaults = RETRY_DEFAULTS[library];
  const keys = RETRY_OPTION_KEYS[library === 'exponential-backoff' ? library : 'node-retry'];
  const prop = (key: string): Prop | undefined => getProp(options, key);
  const findings: BackoffFinding[] = [];
  const attemptsProp = prop(keys.attempts);
  const attemptsValue = number(attemptsProp?.value);
  const attempts =
    attemptsValue === undefined
      ? attemptsProp
        ? undefined
        : defaults.attempts
      : library === 'exponential-backoff'
        ? attemptsValue
        : attemptsValue + 1;
  // One attempt retries nothing, and a single re-attempt cannot fall into lockstep waves: the rest
  // of the configuration does not matter.
  if (attempts !== undefined && attempts <= 2) return [];
  const forever = prop('forever');
  const maxRetryTime = number(prop('maxRetryTime')?.value);
  const timeBounded = maxRetryTime !== undefined && Number.isFinite(maxRetryTime);
  if ((attempts === Infinity || (forever?.value.kind === 'boolean' && forever.value.value)) && !timeBounded) {
    findings.push({
      problem: 'unboundedRetry',
      at: attemptsProp?.at ?? forever?.at ?? anchor,
      why: ' (unlimited attempts)',
    });
  } else if (
    attempts !== undefined &&
    Number.isFinite(attempts) &&
    attemptsProp &&
    attempts > limits.maxAttempts + 1
  ) {
    findings.push({
      problem: 'unboundedRetry',
      at: attemptsProp.at,
      why: ` (${attempts} attempts; at most ${limits.maxAttempts} keeps an outage from multiplying load)`,
    });
  }
  const firstProp = prop(keys.first);
  const first = number(firstProp?.value) ?? (firstProp ? undefined : defaults.firstDelay);
  if (firstProp && first === 0) {
    findings.push({ problem: 'noDelay', at: firstProp.at });
    return findings;
  }
  const factorProp = prop(keys.factor);
  const factor = number(factorProp?.value) ?? (factorProp ? undefined : defaults.factor);
  const capProp = prop(keys.cap);
  const cap = capProp ? number(capProp.value) : defaults.cap;
  const jitterProp = prop(keys.jitter);
  const jitter = jitterProp
    ? library === 'exponential-backoff'
      ? !(jitterProp.value.kind === 'string' && jitterProp.value.value === 'none')
      : !(jitterProp.value.kind === 'boolean' && !jitterProp.value.value)
    : defaults.jitter;
  if (factor === 1 && factorProp) {
    findings.push({ problem: 'constantDelay', at: factorProp.at });
    return findings;
  }
  if (first !== undefined && factor !== undefined && attempts !== undefined && cap !== undefined) {
    // p-retry (node-retry's timeouts) waits minTimeout·factor^(k−1) before retry k, and so does
    // exponential-backoff (startingDelay·timeMultiple^(attempt−1) before attempt k of 1…n−1, its
    // SkipFirstDelay) unless `delayFirstAttempt` also delays attempt 0 (startingDelay·timeMultiple^k).
    const delayFirst = prop('delayFirstAttempt');
    const exponent =
      library === 'exponential-backoff' && delayFirst?.value.kind === 'boolean' && delayFirst.value.value
        ? attempts - 1
        : attempts - 2;
    const longest = Math.min(cap, first * factor ** Math.max(0, Number.isFinite(exponent) ? exponent : 60));
    if (longest > limits.maxDelayMs) {
      findings.push({
        problem: 'uncappedBackoff',
        at: capProp?.at ?? anchor,
        noJitterToo: !jitter,
        ...(Number.isFinite(longest) ? { longestMs: longest, capKey: keys.cap } : {}),
      });
      return findings;
    }
  }
  if (!jitter) findings.push({ problem: 'noJitter', at: jitterProp?.at ?? anchor });
  return findings;
}

/** A wrapper default as the summary a reader would give the same value written in the call. */
function defaultSummary(value: number | boolean | string): Summary {
  if (typeof value === 'number') return { kind: 'number', value };
  if (typeof value === 'boolean') return { kind: 'boolean', value };
  return { kind: 'string', value };
}

/**
 * What is wrong with one call of a team's retry wrapper (`settings.faultline.retryWrappers`) that
 * says whose options it takes: the call's options over the wrapper's `defaults`, judged as that
 * library would run them. A wrapper without `retryOptions`, or options a reader cannot see into,
 * give nothing. Problems that come from a default rather than a written option are reported at
 * `anchor` (the call).
 */
export function decideRetryWrapper(
  wrapper: RetryWrapper,
  options: Summary,
  anchor: unknown,
  limits: BackoffLimits,
): BackoffFinding[] {
  if (!wrapper.retryOptions) return [];
  if (options.kind !== 'object' && options.kind !== 'absent') return [];
  const props = new Map<string, Prop>();
  for (const [key, value] of Object.entries(wrapper.defaults ?? {}))
    props.set(key, { value: defaultSummary(value) });
  if (options.kind === 'object') for (const [key, prop] of options.props) props.set(key, prop);
  const merged: Summary = {
    kind: 'object',
    props,
    hasSpread: options.kind === 'object' && options.hasSpread,
  };
  return decideRetryOptions(wrapper.retryOptions, merged, anchor, limits).map(finding =>
    finding.at === undefined ? { ...finding, at: anchor } : finding,
  );
}
