/**
 * A circuit breaker over a sliding time window (Polly v8 and resilience4j style): it opens when
 * at least `minimumThroughput` calls ended in the window and the failure ratio reached
 * `failureRatio`; after `breakDurationMs` it lets `halfOpenProbes` probe calls through
 * (cockatiel 4's `halfOpenSampling`) and closes only if all of them succeed. Deciding on several
 * probes rather than one keeps a single lucky call from closing it onto a still-sick dependency.
 */

import { systemClock, type Clock } from '../clock.js';
import { emitEvent, type BreakerState, type EventListener } from '../events.js';
import { SlidingWindow } from './sliding-window.js';

/** Circuit breaker parameters. */
export interface CircuitBreakerOptions {
  /** Failure ratio in the window at which the breaker opens. Default 0.5. */
  failureRatio?: number;
  /** Calls that must have ended in the window before the ratio counts. Default 20. */
  minimumThroughput?: number;
  /** Length of the sliding window, in milliseconds. Default 10 000. */
  windowMs?: number;
  /** How long the breaker stays open before probing, in milliseconds. Default 5 000. */
  breakDurationMs?: number;
  /** Probe calls let through while half-open; all must succeed to close. Default 3. */
  halfOpenProbes?: number;
  /** Name used in events. */
  name?: string;
  clock?: Clock;
  onEvent?: EventListener;
}

/** Permission to make one call; report exactly one outcome through it. */
export interface BreakerPermit {
  /** The call succeeded. */
  success(): void;
  /** The call failed in a way that says something about the dependency (5xx, timeout, refused connection). */
  failure(): void;
  /** The call ended without saying anything about the dependency (the caller cancelled, a hedge lost). */
  release(): void;
}

const NOOP = (): void => {};
const SPENT: BreakerPermit = { success: NOOP, failure: NOOP, release: NOOP };

/** A sliding-window circuit breaker with multi-probe half-open. */
export class CircuitBreaker {
  readonly failureRatio: number;
  readonly minimumThroughput: number;
  readonly windowMs: number;
  readonly breakDurationMs: number;
  readonly halfOpenProbes: number;
  readonly name: string;
  readonly #clock: Clock;
  readonly #onEvent: EventListener | undefined;
  // Counter a: successes; counter b: failures.
  readonly #window: SlidingWindow;
  #state: BreakerState = 'closed';
  #openedAt = 0;
  // A permit from an earlier state (a slow call that started while closed) must not decide a later one.
  #generation = 0;
  #probesIssued = 0;
  #probesSucceeded = 0;

  constructor(options: CircuitBreakerOptions = {}) {
    this.failureRatio = options.failureRatio ?? 0.5;
    this.minimumThroughput = options.minimumThroughput ?? 20;
    this.windowMs = options.windowMs ?? 10_000;
    this.breakDurationMs = options.breakDurationMs ?? 5_000;
    this.halfOpenProbes = options.halfOpenProbes ?? 3;
    if (!(this.failureRatio > 0 && this.failureRatio <= 1))
      throw new RangeError('failureRatio must be in (0, 1]');
    if (!(
      this.minimumThroughput >= 1 &&
      this.windowMs > 0 &&
      this.breakDurationMs >= 0 &&
      this.halfOpenProbes >= 1
    )) {
      throw new RangeError(
        'CircuitBreaker needs minimumThroughput >= 1, windowMs > 0, breakDurationMs >= 0, halfOpenProbes >= 1',
      );
    }
    this.name = options.name ?? 'breaker';
    this.#clock = options.clock ?? systemClock;
    this.#onEvent = options.onEvent;
    this.#window = new SlidingWindow(this.windowMs, this.#clock);
  }

  /** The current state; an open breaker whose break has elapsed reads as half-open. */
  get state(): BreakerState {
    if (this.#state === 'open' && this.#clock.now() - this.#openedAt >= this.breakDurationMs) {
      this.#transition('halfOpen');
    }
    return this.#state;
  }

  /** Milliseconds until an open breaker starts probing; 0 when closed or half-open. */
  getRemainingOpenMs(): number {
    if (this.state !== 'open') return 0;
    return Math.max(0, this.breakDurationMs - (this.#clock.now() - this.#openedAt));
  }

  /** Asks to make one call. Returns undefined when the breaker is open or all probes are out. */
  tryAcquire(): BreakerPermit | undefined {
    const state = this.state;
    if (state === 'open') return undefined;
    const generation = this.#generation;
    if (state === 'halfOpen') {
      if (this.#probesIssued >= this.halfOpenProbes) return undefined;
      this.#probesIssued += 1;
      return this.#permit(generation, true);
    }
    return this.#permit(generation, false);
  }

  #permit(generation: number, isProbe: boolean): BreakerPermit {
    return new Permit(this.#settle, generation, isProbe);
  }

  // Created once and shared by every permit, so a permit costs one small allocation.
  readonly #settle = (generation: number, isProbe: boolean, outcome: PermitOutcome): void => {
    if (generation !== this.#generation) return;
    if (isProbe) {
      if (outcome === 'failure') this.#open();
      else if (outcome === 'release') this.#probesIssued -= 1;
      else {
        this.#probesSucceeded += 1;
        if (this.#probesSucceeded >= this.halfOpenProbes) this.#transition('closed');
      }
      return;
    }
    if (outcome === 'success') this.#window.addA();
    else if (outcome === 'failure') {
      this.#window.addB();
      this.#evaluate();
    }
  };

  // Only failures can open the breaker, so the window is summed on failures alone.
  #evaluate(): void {
    const { a: successes, b: failures } = this.#window.sum();
    const total = successes + failures;
    if (total >= this.minimumThroughput && failures / total >= this.failureRatio) this.#open();
  }

  #open(): void {
    this.#openedAt = this.#clock.now();
    this.#transition('open');
  }

  #transition(to: BreakerState): void {
    const from = this.#state;
    if (from === to) return;
    this.#state = to;
    this.#generation += 1;
    this.#probesIssued = 0;
    this.#probesSucceeded = 0;
    // A closed breaker starts from a clean window, so failures from before the break cannot reopen it.
    if (to === 'closed') this.#window.clear();
    emitEvent(this.#onEvent, { type: 'breakerStateChange', client: this.name, from, to });
  }
}

// One small object per call; the first outcome reported wins and later ones are ignored.
type PermitOutcome = 'success' | 'failure' | 'release';

class Permit implements BreakerPermit {
  #isUsed = false;
  readonly #record: (generation: number, isProbe: boolean, outcome: PermitOutcome) => void;
  readonly #generation: number;
  readonly #isProbe: boolean;

  constructor(
    record: (generation: number, isProbe: boolean, outcome: PermitOutcome) => void,
    generation: number,
    isProbe: boolean,
  ) {
    this.#record = record;
    this.#generation = generation;
    this.#isProbe = isProbe;
  }

  success(): void {
    this.#settle('success');
  }

  failure(): void {
    this.#settle('failure');
  }

  release(): void {
    this.#settle('release');
  }

  #settle(outcome: PermitOutcome): void {
    if (this.#isUsed) return;
    this.#isUsed = true;
    this.#record(this.#generation, this.#isProbe, outcome);
  }
}

/** A permit that records nothing, for policies without a breaker. */
export const NO_BREAKER_PERMIT: BreakerPermit = SPENT;
