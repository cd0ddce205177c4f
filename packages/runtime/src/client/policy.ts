/**
 * One policy object applied around any async call. It composes, in a fixed order that cannot be
 * got wrong (cockatiel #107 shows users composing retry and breaker the wrong way round):
 *
 *   deadline  →  attempts (retry with capped full-jitter backoff, optional hedging)
 *             →  retry budget (shared by the client)  →  circuit breaker (per attempt)
 *
 * The deadline spans every attempt and every pause (Envoy: "the route timeout includes all
 * retries"); no pause is started that would end past it.
 */

import { randomUUID } from 'node:crypto';
import { systemClock, systemRandom, type CancelTimer, type Clock, type Random } from '../clock.js';
import { Deadline, type DeadlineInput } from '../deadline.js';
import {
  AttemptTimeoutError,
  BreakerOpenError,
  BudgetExhaustedError,
  DeadlineExceededError,
  FaultlineError,
} from '../errors.js';
import { emitEvent, type EventListener } from '../events.js';
import { fullJitterBackoff, type BackoffOptions } from './backoff.js';
import { CircuitBreaker, NO_BREAKER_PERMIT, type CircuitBreakerOptions } from './circuit-breaker.js';
import { classifyError, type Classifier, type FailureClass } from './classify.js';
import { RetryBudget, type RetryBudgetOptions } from './retry-budget.js';

/** Retry parameters. */
export interface RetryOptions extends BackoffOptions {
  /** Attempts per call, counting the first one and any hedges. Default 3 (SRE book); 1 disables retries. */
  maxAttempts?: number;
}

/** Hedging parameters (Dean and Barroso, "The Tail at Scale"); hedging applies to idempotent calls only. */
export interface HedgeOptions {
  /** Send another attempt when none has answered after this many milliseconds; about the p95 latency. */
  delayMs: number;
  /** Hedged attempts per call at most. Default 1. */
  maxHedges?: number;
}

/** Everything a policy can be configured with; every field has a default. */
export interface PolicyOptions {
  /** Name of the client, carried by every event. Default `client`. */
  name?: string;
  /** Deadline for calls that bring none, in milliseconds. Default 10 000. */
  timeoutMs?: number;
  /** Limit on one attempt, in milliseconds; by default an attempt may use the whole deadline. */
  attemptTimeoutMs?: number;
  retry?: RetryOptions;
  /** A budget (share one instance between policies to share it), its options, or `false` for none. */
  budget?: RetryBudget | RetryBudgetOptions | false;
  /** A breaker (shareable like the budget), its options, or `false` for none. */
  breaker?: CircuitBreaker | CircuitBreakerOptions | false;
  /** Hedging; off unless given. */
  hedge?: HedgeOptions;
  /** Decides which failures are retried and which count against the dependency. */
  classify?: Classifier;
  /** Makes idempotency keys for non-idempotent calls. Default `crypto.randomUUID`. */
  newIdempotencyKey?: () => string;
  clock?: Clock;
  random?: Random;
  onEvent?: EventListener;
}

/** Per-call options. */
export interface CallOptions {
  /** Milliseconds from now, a Deadline (e.g. the incoming request's), or an AbortSignal. */
  deadline?: DeadlineInput;
  /** The caller's cancellation; aborting it stops the call and every attempt at once. */
  signal?: AbortSignal;
  /** Repeating the call has no further effect, so timeouts may be retried and hedging may apply. */
  idempotent?: boolean;
  /** The key to send with a non-idempotent call; one is generated when absent. */
  idempotencyKey?: string;
  /** Operation name for events, e.g. `GET /users/:id`. */
  operation?: string;
}

/** What one attempt receives. */
export interface AttemptContext {
  /** Aborts at the deadline, at the attempt timeout, when the caller cancels, or when another attempt won. */
  readonly signal: AbortSignal;
  /** The whole call's deadline. */
  readonly deadline: Deadline;
  /** 1 for the first attempt. */
  readonly attempt: number;
  readonly isHedge: boolean;
  /** The same key on every attempt of a non-idempotent call; undefined for idempotent calls. */
  readonly idempotencyKey: string | undefined;
  /** Milliseconds this attempt may still take: what to tell the callee. */
  remainingMs(): number;
  /**
   * Calls `listener` with the reason once this attempt is aborted (at once if it already is) and
   * returns a function that unregisters it. Code that can stop its I/O without an AbortSignal
   * should use this rather than `signal`: on Node 20 making and handing over a signal costs a
   * visible share of a loopback call.
   */
  onAbort(listener: (reason: unknown) => void): () => void;
}

// The abort reason of attempts that lost a hedge race; they say nothing about the dependency.
class SupersededError extends FaultlineError {
  override name = 'SupersededError';
}
const SUPERSEDED = new SupersededError('Another attempt of the same call answered first');

/** A resilience policy: create one per client (per dependency) and run every call through it. */
export class Policy {
  readonly name: string;
  readonly budget: RetryBudget | undefined;
  readonly breaker: CircuitBreaker | undefined;
  readonly timeoutMs: number;
  readonly attemptTimeoutMs: number | undefined;
  readonly maxAttempts: number;
  readonly backoff: Required<BackoffOptions>;
  readonly hedge: Required<HedgeOptions> | undefined;
  readonly clock: Clock;
  readonly random: Random;
  readonly onEvent: EventListener | undefined;
  readonly classify: Classifier;
  readonly #newKey: () => string;

  constructor(options: PolicyOptions = {}) {
    this.name = options.name ?? 'client';
    this.clock = options.clock ?? systemClock;
    this.random = options.random ?? systemRandom;
    this.onEvent = options.onEvent;
    this.classify = options.classify ?? classifyError;
    this.#newKey = options.newIdempotencyKey ?? randomUUID;
    this.timeoutMs = options.timeoutMs ?? 10_000;
    if (!(this.timeoutMs > 0 && Number.isFinite(this.timeoutMs))) {
      // A policy without a finite deadline would let calls hang forever, which is what it exists to prevent.
      throw new RangeError('timeoutMs must be a positive, finite number of milliseconds');
    }
    this.attemptTimeoutMs = options.attemptTimeoutMs;
    this.maxAttempts = options.retry?.maxAttempts ?? 3;
    if (!(Number.isInteger(this.maxAttempts) && this.maxAttempts >= 1)) {
      throw new RangeError('retry.maxAttempts must be an integer >= 1');
    }
    this.backoff = {
      baseDelayMs: options.retry?.baseDelayMs ?? 100,
      maxDelayMs: options.retry?.maxDelayMs ?? 10_000,
    };
    this.hedge =
      options.hedge === undefined
        ? undefined
        : { delayMs: options.hedge.delayMs, maxHedges: options.hedge.maxHedges ?? 1 };
    this.budget =
      options.budget === false
        ? undefined
        : options.budget instanceof RetryBudget
          ? options.budget
          : new RetryBudget({ clock: this.clock, ...options.budget });
    this.breaker =
      options.breaker === false
        ? undefined
        : options.breaker instanceof CircuitBreaker
          ? options.breaker
          : new CircuitBreaker({
              name: this.name,
              clock: this.clock,
              onEvent: this.onEvent,
              ...options.breaker,
            });
  }

  /**
   * Runs `fn` under the policy and resolves with the first successful attempt's value. It rejects
   * with the last failure when it is not retryable or attempts run out, with
   * {@link DeadlineExceededError}, {@link BudgetExhaustedError} or {@link BreakerOpenError} (the last
   * failure in `cause`) when the policy stops early, or with the caller's abort reason.
   * `fn` must pass `context.signal` on to its I/O so abandoned attempts stop.
   */
  execute<T>(fn: (context: AttemptContext) => Promise<T>, options: CallOptions = {}): Promise<T> {
    const deadline = Deadline.resolve(options, this.timeoutMs, this.clock);
    const isIdempotent = options.idempotent === true;
    const idempotencyKey = options.idempotencyKey ?? (isIdempotent ? undefined : this.#newKey());
    this.budget?.recordCall();
    const call: CallState<T> = { fn, deadline, isIdempotent, idempotencyKey, operation: options.operation };
    return runCall(this, call);
  }
}

/** Creates a {@link Policy}; the same as `new Policy(options)`. */
export function createPolicy(options: PolicyOptions = {}): Policy {
  return new Policy(options);
}

interface CallState<T> {
  fn: (context: AttemptContext) => Promise<T>;
  deadline: Deadline;
  isIdempotent: boolean;
  idempotencyKey: string | undefined;
  operation: string | undefined;
}

function runCall<T>(policy: Policy, call: CallState<T>): Promise<T> {
  const { deadline, isIdempotent, operation } = call;
  const { clock, breaker, budget, hedge, onEvent, name: client } = policy;
  const op = operation === undefined ? {} : { operation };

  return new Promise<T>((resolve, reject) => {
    let launched = 0;
    let hedges = 0;
    let inFlight = 0;
    let isDone = false;
    let lastError: unknown;
    let cancelHedgeTimer: CancelTimer | undefined;
    let cancelRetryTimer: CancelTimer | undefined;
    let stopWatchingDeadline = (): void => {};
    // Attempts still running, each as the function that ends it (used when the call ends first).
    let live: ((reason: unknown) => void)[] = [];
    // An attempt needs a controller of its own only to be cut off while the call goes on: by a
    // per-attempt timeout or because a hedge won. Otherwise it shares the deadline's signal, which
    // already aborts at the deadline and on the caller's cancellation. (On Node 20 every
    // AbortController costs several microseconds, a visible share of a loopback call.)
    const needsOwnSignal = policy.attemptTimeoutMs !== undefined || (hedge !== undefined && isIdempotent);

    const finish = (isSuccess: boolean, value: unknown, abortReason: unknown): void => {
      if (isDone) return;
      isDone = true;
      cancelHedgeTimer?.();
      cancelRetryTimer?.();
      stopWatchingDeadline();
      // Stops the timer and detaches the deadline from the caller's signal.
      deadline.dispose();
      // Ending attempts here, not when their promises settle, means a function that ignores its
      // signal still frees its breaker permit and still reports its outcome.
      const ends = live;
      live = [];
      for (const end of ends) end(abortReason);
      if (isSuccess) resolve(value as T);
      else reject(value);
    };

    // Fires at the deadline or when the caller cancels: answer now, whatever attempts are doing.
    const onDeadline = (): void => {
      const reason: unknown = deadline.reason;
      if (reason instanceof DeadlineExceededError && lastError !== undefined) {
        const error = new DeadlineExceededError(`${reason.message} after ${launched} attempt(s)`, {
          cause: lastError,
        });
        finish(false, error, reason);
      } else {
        finish(false, reason, reason);
      }
    };

    const launch = (isHedge: boolean): boolean => {
      const permit = breaker === undefined ? NO_BREAKER_PERMIT : breaker.tryAcquire();
      if (permit === undefined) return false;
      launched += 1;
      inFlight += 1;
      if (isHedge) hedges += 1;
      const attempt = launched;
      const controller = needsOwnSignal ? new AbortController() : undefined;
      const started = clock.now();
      const attemptTimeoutMs = policy.attemptTimeoutMs;
      const expiresAt =
        attemptTimeoutMs === undefined
          ? deadline.expiresAt
          : Math.min(deadline.expiresAt, started + attemptTimeoutMs);
      let isSettled = false;
      // The timer settles the attempt itself, so a function that ignores its signal cannot hold the call.
      const cancelAttemptTimer =
        attemptTimeoutMs === undefined || started + attemptTimeoutMs >= deadline.expiresAt
          ? undefined
          : clock.setTimer(() => {
              const timeout = new AttemptTimeoutError(
                `Attempt ${attempt} timed out after ${attemptTimeoutMs} ms`,
              );
              controller?.abort(timeout);
              settle(false, timeout);
            }, attemptTimeoutMs);
      const context = new Attempt(deadline, controller, attempt, isHedge, call.idempotencyKey, expiresAt);

      const settle = (isSuccess: boolean, outcome: unknown): void => {
        if (isSettled) return;
        isSettled = true;
        cancelAttemptTimer?.();
        const index = live.indexOf(end);
        if (index !== -1) live.splice(index, 1);
        inFlight -= 1;
        const durationMs = clock.now() - started;
        if (isSuccess) {
          permit.success();
          // Guarded so calls without a listener do not build event objects on the hot path.
          if (onEvent !== undefined) {
            const status = isHttpResponseLike(outcome) ? { status: outcome.status } : {};
            emitEvent(onEvent, {
              type: 'attempt',
              client,
              ...op,
              attempt,
              isHedge,
              outcome: 'success',
              ...status,
              durationMs,
            });
          }
          finish(true, outcome, SUPERSEDED);
          return;
        }
        const abortReason: unknown =
          controller === undefined
            ? deadline.reason
            : controller.signal.aborted
              ? controller.signal.reason
              : undefined;
        const isTimeout =
          abortReason instanceof DeadlineExceededError || abortReason instanceof AttemptTimeoutError;
        if (abortReason !== undefined && !isTimeout) {
          // Lost a hedge race or the caller gave up: nothing learned about the dependency.
          permit.release();
          emitEvent(onEvent, {
            type: 'attempt',
            client,
            ...op,
            attempt,
            isHedge,
            outcome: 'cancelled',
            durationMs,
          });
          return;
        }
        const error = isTimeout ? abortReason : outcome;
        const failure = policy.classify(error, { isIdempotent });
        // A 4xx or a bad payload means the dependency answered; only real failures feed the breaker.
        if (failure.isDependencyFailure) permit.failure();
        else permit.success();
        emitEvent(onEvent, {
          type: 'attempt',
          client,
          ...op,
          attempt,
          isHedge,
          outcome: 'failure',
          ...(failure.status === undefined ? {} : { status: failure.status }),
          error: errorName(error),
          durationMs,
        });
        lastError = error;
        if (isDone) return;
        if (!failure.isRetryable) {
          finish(false, error, SUPERSEDED);
          return;
        }
        // A hedge still running may yet answer; the retry decision waits for it.
        if (inFlight > 0) return;
        scheduleRetry(failure, error);
      };

      const end = (reason: unknown): void => {
        controller?.abort(reason);
        settle(false, reason);
      };
      live.push(end);
      let promise: Promise<T>;
      try {
        promise = call.fn(context);
      } catch (error) {
        promise = Promise.reject(error);
      }
      Promise.resolve(promise).then(
        value => settle(true, value),
        (error: unknown) => settle(false, error),
      );
      return true;
    };

    const scheduleRetry = (failure: FailureClass, error: unknown): void => {
      cancelHedgeTimer?.();
      cancelHedgeTimer = undefined;
      if (launched >= policy.maxAttempts) {
        finish(false, error, SUPERSEDED);
        return;
      }
      let delayMs = fullJitterBackoff(launched - 1, policy.backoff, policy.random);
      let isRetryAfter = false;
      if (failure.retryAfterMs !== undefined) {
        // Retry-After is a floor; up to 20 % on top (gRPC's jitter range) keeps every client told
        // "1 second" from coming back in the same millisecond.
        const askedMs = failure.retryAfterMs * (1 + 0.2 * policy.random());
        if (askedMs >= delayMs) {
          delayMs = askedMs;
          isRetryAfter = true;
        }
      }
      const remainingMs = deadline.remainingMs();
      if (delayMs >= remainingMs) {
        const why = isRetryAfter ? 'the server asked to wait' : 'backoff is';
        const message = `Not retrying: ${why} ${Math.round(delayMs)} ms but only ${Math.round(remainingMs)} ms remain before the deadline`;
        finish(false, new DeadlineExceededError(message, { cause: error }), SUPERSEDED);
        return;
      }
      if (breaker !== undefined && breaker.getRemainingOpenMs() > delayMs) {
        finish(false, breakerOpen(error), SUPERSEDED);
        return;
      }
      if (budget !== undefined && !budget.tryWithdraw()) {
        emitEvent(onEvent, { type: 'budgetExhausted', client, ...op, purpose: 'retry' });
        const message = `Retry budget of "${client}" is exhausted; not retrying after: ${describe(error)}`;
        finish(false, new BudgetExhaustedError(message, { cause: error }), SUPERSEDED);
        return;
      }
      emitEvent(onEvent, {
        type: 'retry',
        client,
        ...op,
        attempt: launched + 1,
        delayMs,
        reason: failure.status === undefined ? errorName(error) : String(failure.status),
        isRetryAfter,
      });
      cancelRetryTimer = clock.setTimer(() => {
        cancelRetryTimer = undefined;
        if (isDone) return;
        if (!launch(false)) {
          finish(false, breakerOpen(error), SUPERSEDED);
          return;
        }
        armHedge();
      }, delayMs);
    };

    const armHedge = (): void => {
      if (hedge === undefined || !isIdempotent || hedges >= hedge.maxHedges || launched >= policy.maxAttempts)
        return;
      cancelHedgeTimer = clock.setTimer(() => {
        cancelHedgeTimer = undefined;
        if (isDone || launched >= policy.maxAttempts) return;
        // Checked before spending a token: a hedge into an open breaker would be refused anyway.
        if (breaker?.state === 'open') return;
        if (budget !== undefined && !budget.tryWithdraw()) {
          emitEvent(onEvent, { type: 'budgetExhausted', client, ...op, purpose: 'hedge' });
          return;
        }
        if (!launch(true)) return;
        emitEvent(onEvent, { type: 'hedge', client, ...op, attempt: launched, delayMs: hedge.delayMs });
        armHedge();
      }, hedge.delayMs);
    };

    const breakerOpen = (cause?: unknown): BreakerOpenError =>
      new BreakerOpenError(`Circuit breaker of "${client}" is open; the call was not sent`, {
        retryAfterMs: breaker?.getRemainingOpenMs() ?? 0,
        cause,
      });

    if (deadline.aborted) {
      onDeadline();
      return;
    }
    stopWatchingDeadline = deadline.onAbort(onDeadline);
    if (!launch(false)) {
      finish(false, breakerOpen(), SUPERSEDED);
      return;
    }
    armHedge();
  });
}

// What an attempt receives; a class so that an attempt costs one allocation, not one per member.
class Attempt implements AttemptContext {
  readonly deadline: Deadline;
  readonly attempt: number;
  readonly isHedge: boolean;
  readonly idempotencyKey: string | undefined;
  readonly #controller: AbortController | undefined;
  readonly #expiresAt: number;

  constructor(
    deadline: Deadline,
    controller: AbortController | undefined,
    attempt: number,
    isHedge: boolean,
    idempotencyKey: string | undefined,
    expiresAt: number,
  ) {
    this.deadline = deadline;
    this.#controller = controller;
    this.attempt = attempt;
    this.isHedge = isHedge;
    this.idempotencyKey = idempotencyKey;
    this.#expiresAt = expiresAt;
  }

  // A getter, so that an attempt that never reads its signal never makes one.
  get signal(): AbortSignal {
    return this.#controller?.signal ?? this.deadline.signal;
  }

  // A bound function rather than a method, so that `({ remainingMs }) => …` keeps working.
  readonly remainingMs = (): number => Math.max(0, this.#expiresAt - this.deadline.clock.now());

  onAbort(listener: (reason: unknown) => void): () => void {
    const controller = this.#controller;
    if (controller !== undefined) return onSignalAbort(controller.signal, listener);
    const { deadline } = this;
    if (!deadline.aborted) return deadline.onAbort(listener);
    listener(deadline.reason);
    return () => {};
  }
}

function onSignalAbort(signal: AbortSignal, listener: (reason: unknown) => void): () => void {
  if (signal.aborted) {
    listener(signal.reason);
    return () => {};
  }
  const onAbort = (): void => listener(signal.reason);
  signal.addEventListener('abort', onAbort, { once: true });
  return () => signal.removeEventListener('abort', onAbort);
}

// A fetch Response or the client's HttpResponse: worth reporting its status in the attempt event.
function isHttpResponseLike(value: unknown): value is { status: number } {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { status?: unknown }).status === 'number' &&
    (value as { headers?: unknown }).headers instanceof Headers
  );
}

function errorName(error: unknown): string {
  return error instanceof Error ? error.name : typeof error;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
