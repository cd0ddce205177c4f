/**
 * Deterministic time and randomness for tests of code built on the runtime: a manual clock
 * whose timers fire only when the test advances it, and a scripted random source.
 */

import type { CancelTimer, Clock, Random } from './clock.js';

interface ManualTimer {
  at: number;
  seq: number;
  fn: () => void;
}

/** A clock that stands still until {@link ManualClock.advance} moves it. */
export class ManualClock implements Clock {
  #now: number;
  #wallOffset: number;
  #seq = 0;
  #timers: ManualTimer[] = [];

  /** Starts at monotonic time `start` and wall time `wallStart` (epoch milliseconds). */
  constructor(start = 0, wallStart = Date.UTC(2026, 0, 1)) {
    this.#now = start;
    this.#wallOffset = wallStart - start;
  }

  now(): number {
    return this.#now;
  }

  wallTime(): number {
    return this.#now + this.#wallOffset;
  }

  setTimer(fn: () => void, ms: number): CancelTimer {
    const timer: ManualTimer = { at: this.#now + Math.max(0, ms), seq: this.#seq++, fn };
    this.#timers.push(timer);
    return () => {
      this.#timers = this.#timers.filter(t => t !== timer);
    };
  }

  /** Timers not yet fired or cancelled. */
  get pendingTimers(): number {
    return this.#timers.length;
  }

  /**
   * Moves time forward by `ms`, firing due timers in order. Between timers it lets pending
   * promise callbacks run, so async code reacts to each timer before the next one fires.
   */
  async advance(ms: number): Promise<void> {
    const target = this.#now + ms;
    await flush();
    for (;;) {
      const next = this.#nextDue(target);
      if (next === undefined) break;
      this.#timers = this.#timers.filter(t => t !== next);
      this.#now = next.at;
      next.fn();
      await flush();
    }
    this.#now = target;
    await flush();
  }

  #nextDue(limit: number): ManualTimer | undefined {
    let best: ManualTimer | undefined;
    for (const timer of this.#timers) {
      if (timer.at > limit) continue;
      if (best === undefined || timer.at < best.at || (timer.at === best.at && timer.seq < best.seq))
        best = timer;
    }
    return best;
  }
}

// setImmediate runs after every queued promise callback, however long the chain.
function flush(): Promise<void> {
  return new Promise(resolve => setImmediate(resolve));
}

/**
 * Returns a random source that yields `values` in order and then repeats the last one, so a
 * test can state the exact jitter draws it expects.
 */
export function scriptedRandom(values: readonly number[]): Random {
  if (values.length === 0) throw new RangeError('scriptedRandom needs at least one value');
  let index = 0;
  return () => values[Math.min(index++, values.length - 1)]!;
}
