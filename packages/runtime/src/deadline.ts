/**
 * Deadlines: an absolute expiry on a clock plus an AbortSignal that fires at that expiry or
 * when any parent signal fires. Deadlines travel between processes as "milliseconds left",
 * never as timestamps, so clock skew between hosts does not matter (gRPC does the same).
 */

import { systemClock, type CancelTimer, type Clock } from './clock.js';
import { DeadlineExceededError } from './errors.js';

/** What a caller may pass as a deadline: milliseconds from now, a Deadline, or an AbortSignal. */
export type DeadlineInput = number | Deadline | AbortSignal;

/** Options for creating a {@link Deadline}. */
export interface DeadlineOptions {
  clock?: Clock;
  /**
   * Parents: the deadline aborts (with the parent's reason) when any of them does. A parent
   * Deadline is followed through {@link Deadline.onAbort}, which costs less than a signal listener.
   */
  signals?: readonly (AbortSignal | Deadline | undefined)[];
}

// Lets a bare AbortSignal made by a Deadline be turned back into its expiry, so code that only
// passes `signal` along still propagates the exact remaining time to the next service. A private
// symbol on the signal rather than a WeakMap: WeakMap entries cost several microseconds per call
// in GC work, and one Deadline is made per call.
const DEADLINE = Symbol('faultline.deadline');
type TaggedSignal = AbortSignal & { [DEADLINE]?: Deadline };

/** An absolute point in time by which work must finish, with a signal that aborts at that point. */
export class Deadline {
  /** The expiry, in the clock's `now()` units (milliseconds). */
  readonly expiresAt: number;
  readonly clock: Clock;
  // The signal is made on first use: on Node 20 an AbortController costs several microseconds,
  // and the HTTP client's fast path follows the deadline through onAbort without ever needing one.
  #controller: AbortController | undefined;
  #isAborted = false;
  #reason: unknown;
  #cancelTimer: CancelTimer | undefined;
  // Both lists stay undefined on the common path (no parent signal, no listener): one call, one Deadline.
  #unlinks: (() => void)[] | undefined;
  #listeners: ((reason: unknown) => void)[] | undefined;

  private constructor(
    expiresAt: number,
    timeoutMs: number,
    clock: Clock,
    parents: DeadlineOptions['signals'] = [],
  ) {
    this.clock = clock;
    this.expiresAt = expiresAt;
    for (const given of parents) {
      if (given === undefined) continue;
      // A signal made by a Deadline is followed through its Deadline, without a signal listener.
      const parent = given instanceof Deadline ? given : (getDeadline(given) ?? given);
      if (parent instanceof Deadline) {
        if (parent.aborted) {
          this.#abort(parent.reason);
          return;
        }
        (this.#unlinks ??= []).push(parent.onAbort(reason => this.#abort(reason)));
        continue;
      }
      if (parent.aborted) {
        this.#abort(parent.reason);
        return;
      }
      const onAbort = (): void => this.#abort(parent.reason);
      parent.addEventListener('abort', onAbort, { once: true });
      (this.#unlinks ??= []).push(() => parent.removeEventListener('abort', onAbort));
    }
    const remaining = expiresAt - this.clock.now();
    if (remaining <= 0) {
      this.#abort(new DeadlineExceededError(`Deadline of ${formatMs(timeoutMs)} exceeded`));
    } else if (Number.isFinite(remaining)) {
      this.#cancelTimer = this.clock.setTimer(
        () => this.#abort(new DeadlineExceededError(`Deadline of ${formatMs(timeoutMs)} exceeded`)),
        remaining,
      );
    }
  }

  /** Aborts with a {@link DeadlineExceededError} at the expiry, or with a parent's reason. */
  get signal(): AbortSignal {
    if (this.#controller === undefined) {
      this.#controller = new AbortController();
      (this.#controller.signal as TaggedSignal)[DEADLINE] = this;
      if (this.#isAborted) this.#controller.abort(this.#reason);
    }
    return this.#controller.signal;
  }

  /** Whether the deadline has fired (expiry or a parent's abort); the same as `signal.aborted`. */
  get aborted(): boolean {
    return this.#isAborted;
  }

  /** Why the deadline fired, undefined until it has; the same as `signal.reason`. */
  get reason(): unknown {
    return this.#reason;
  }

  /**
   * Creates a deadline `ms` milliseconds from now. `Infinity` means no expiry: the signal then
   * fires only through a parent signal.
   */
  static after(ms: number, options: DeadlineOptions = {}): Deadline {
    const clock = options.clock ?? systemClock;
    return new Deadline(clock.now() + Math.max(0, ms), ms, clock, options.signals);
  }

  /**
   * Builds a call's deadline from what the caller gave: an explicit deadline wins; otherwise
   * `fallbackMs` applies. A caller's signal always stays a parent, so cancelling the caller
   * cancels the call.
   */
  static resolve(
    input: { deadline?: DeadlineInput | undefined; signal?: AbortSignal | undefined },
    fallbackMs: number,
    clock: Clock = systemClock,
  ): Deadline {
    const { deadline, signal } = input;
    let ms: number | undefined;
    const parents: (AbortSignal | Deadline | undefined)[] = [signal];
    if (typeof deadline === 'number') {
      ms = deadline;
    } else if (deadline instanceof Deadline) {
      ms = deadline.remainingMs();
      parents.push(deadline);
    } else if (deadline !== undefined) {
      ms = getDeadline(deadline)?.remainingMs();
      parents.push(deadline);
    }
    if (ms === undefined && signal !== undefined) ms = getDeadline(signal)?.remainingMs();
    const timeoutMs = ms ?? fallbackMs;
    return new Deadline(clock.now() + Math.max(0, timeoutMs), timeoutMs, clock, parents);
  }

  /** Milliseconds left, never negative; `Infinity` for a deadline without expiry. */
  remainingMs(): number {
    return Math.max(0, this.expiresAt - this.clock.now());
  }

  /** Whether the deadline has passed or a parent signal has aborted it. */
  isExpired(): boolean {
    return this.#isAborted || this.remainingMs() <= 0;
  }

  /**
   * Calls `listener` once when the deadline fires and returns a function that unregisters it.
   * It does what `signal.addEventListener('abort', …)` does at a fraction of the cost, which
   * matters on the per-call path. A listener added after the deadline fired is not called.
   */
  onAbort(listener: (reason: unknown) => void): () => void {
    (this.#listeners ??= []).push(listener);
    return () => {
      const index = this.#listeners?.indexOf(listener) ?? -1;
      if (index !== -1) this.#listeners?.splice(index, 1);
    };
  }

  /**
   * Stops the timer and detaches from parent signals. Call it when the work is done: it keeps
   * long-lived parent signals from collecting one listener per finished call.
   */
  dispose(): void {
    this.#cancelTimer?.();
    this.#cancelTimer = undefined;
    const unlinks = this.#unlinks;
    this.#unlinks = undefined;
    for (const unlink of unlinks ?? []) unlink();
  }

  #abort(reason: unknown): void {
    if (this.#isAborted) return;
    this.#isAborted = true;
    this.#reason = reason;
    this.#controller?.abort(reason);
    const listeners = this.#listeners;
    this.#listeners = undefined;
    for (const listener of listeners ?? []) listener(reason);
    this.dispose();
  }
}

/** Returns the Deadline that created `signal`, or undefined for a signal of another origin. */
export function getDeadline(signal: AbortSignal): Deadline | undefined {
  return (signal as TaggedSignal)[DEADLINE];
}

function formatMs(ms: number): string {
  return Number.isFinite(ms) ? `${Math.round(ms)} ms` : 'infinite duration';
}
