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
  /** Parent signals: the deadline's signal aborts (with the parent's reason) when any of them does. */
  signals?: readonly (AbortSignal | undefined)[];
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
  /** Aborts with a {@link DeadlineExceededError} at the expiry, or with a parent's reason. */
  readonly signal: AbortSignal;
  readonly clock: Clock;
  readonly #controller: AbortController;
  #cancelTimer: CancelTimer | undefined;
  // Both lists stay undefined on the common path (no parent signal, no listener): one call, one Deadline.
  #unlinks: (() => void)[] | undefined;
  #listeners: ((reason: unknown) => void)[] | undefined;

  private constructor(expiresAt: number, timeoutMs: number, options: DeadlineOptions) {
    this.clock = options.clock ?? systemClock;
    this.expiresAt = expiresAt;
    this.#controller = new AbortController();
    this.signal = this.#controller.signal;
    (this.signal as TaggedSignal)[DEADLINE] = this;
    for (const parent of options.signals ?? []) {
      if (parent === undefined) continue;
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

  /**
   * Creates a deadline `ms` milliseconds from now. `Infinity` means no expiry: the signal then
   * fires only through a parent signal.
   */
  static after(ms: number, options: DeadlineOptions = {}): Deadline {
    const clock = options.clock ?? systemClock;
    return new Deadline(clock.now() + Math.max(0, ms), ms, { ...options, clock });
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
    const parents: (AbortSignal | undefined)[] = [signal];
    if (typeof deadline === 'number') {
      ms = deadline;
    } else if (deadline instanceof Deadline) {
      ms = deadline.remainingMs();
      parents.push(deadline.signal);
    } else if (deadline !== undefined) {
      ms = getDeadline(deadline)?.remainingMs();
      parents.push(deadline);
    }
    if (ms === undefined && signal !== undefined) ms = getDeadline(signal)?.remainingMs();
    return Deadline.after(ms ?? fallbackMs, { clock, signals: parents });
  }

  /** Milliseconds left, never negative; `Infinity` for a deadline without expiry. */
  remainingMs(): number {
    return Math.max(0, this.expiresAt - this.clock.now());
  }

  /** Whether the deadline has passed or a parent signal has aborted it. */
  isExpired(): boolean {
    return this.signal.aborted || this.remainingMs() <= 0;
  }

  /**
   * Calls `listener` once when the signal aborts and returns a function that unregisters it.
   * It does what `signal.addEventListener('abort', …)` does at a fraction of the cost, which
   * matters on the per-call path.
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
    if (this.signal.aborted) return;
    this.#controller.abort(reason);
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
