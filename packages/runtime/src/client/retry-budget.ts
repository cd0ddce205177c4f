/**
 * A retry budget shared by every call of one client, in the form Finagle and Linkerd use:
 * within any `ttlMs` window, retries (and hedges) may not exceed `ratio` times the calls made
 * plus a floor of `minRetriesPerSecond * ttlMs / 1000`. While failures are rare it lets every
 * failed call retry; in an outage it caps extra load at about `ratio`, so retries cannot
 * multiply the load on a dependency that is already down (SRE book, "Handling Overload").
 */

import { systemClock, type Clock } from '../clock.js';
import { SlidingWindow } from './sliding-window.js';

/** Retry budget parameters. */
export interface RetryBudgetOptions {
  /** Retries allowed per call, on average over the window. Default 0.1 (SRE book: under 10 %). */
  ratio?: number;
  /** Retries always allowed regardless of traffic, per second. Default 1. */
  minRetriesPerSecond?: number;
  /** How long a call's deposit and a retry's withdrawal count, in milliseconds. Default 10 000. */
  ttlMs?: number;
  clock?: Clock;
}

/** A token bucket of retries: each call deposits `ratio` tokens, each retry or hedge withdraws one. */
export class RetryBudget {
  readonly ratio: number;
  readonly minRetriesPerSecond: number;
  readonly ttlMs: number;
  // Counter a: calls (deposits); counter b: retries and hedges (withdrawals).
  readonly #window: SlidingWindow;

  constructor(options: RetryBudgetOptions = {}) {
    this.ratio = options.ratio ?? 0.1;
    this.minRetriesPerSecond = options.minRetriesPerSecond ?? 1;
    this.ttlMs = options.ttlMs ?? 10_000;
    if (!(this.ratio >= 0) || !(this.minRetriesPerSecond >= 0) || !(this.ttlMs > 0)) {
      throw new RangeError('RetryBudget needs ratio >= 0, minRetriesPerSecond >= 0 and ttlMs > 0');
    }
    this.#window = new SlidingWindow(this.ttlMs, options.clock ?? systemClock);
  }

  /** Records one call (not one attempt): the deposit that earns the client `ratio` retries. */
  recordCall(): void {
    this.#window.addA();
  }

  /** Takes one retry token if the window has one, and says whether it did. */
  tryWithdraw(): boolean {
    if (this.getBalance() < 1) return false;
    this.#window.addB();
    return true;
  }

  /** Tokens available now: `ratio * calls + minRetriesPerSecond * ttl - retries` over the live window. */
  getBalance(): number {
    const { a: calls, b: retries } = this.#window.sum();
    return this.ratio * calls + (this.minRetriesPerSecond * this.ttlMs) / 1000 - retries;
  }
}
