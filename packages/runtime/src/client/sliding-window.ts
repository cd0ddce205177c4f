/**
 * Counters over a sliding time window, kept as a ring of ten slots so that adding and summing
 * cost the same whatever the traffic. A count leaves the window between 0.9 and 1 window
 * lengths after it was added.
 */

import type { Clock } from '../clock.js';

const SLOTS = 10;

/** Two counters (`a` and `b`) summed over the last `windowMs` milliseconds. */
export class SlidingWindow {
  readonly #clock: Clock;
  readonly #slotMs: number;
  readonly #a = new Float64Array(SLOTS);
  readonly #b = new Float64Array(SLOTS);
  readonly #slotIndex = new Float64Array(SLOTS).fill(Number.NEGATIVE_INFINITY);

  constructor(windowMs: number, clock: Clock) {
    this.#clock = clock;
    this.#slotMs = windowMs / SLOTS;
  }

  /** Adds `amount` to counter `a` in the current slot. */
  addA(amount = 1): void {
    this.#a[this.#currentSlot()]! += amount;
  }

  /** Adds `amount` to counter `b` in the current slot. */
  addB(amount = 1): void {
    this.#b[this.#currentSlot()]! += amount;
  }

  /** Returns the totals of both counters over the live window. */
  sum(): { a: number; b: number } {
    this.#currentSlot();
    let a = 0;
    let b = 0;
    for (let i = 0; i < SLOTS; i++) {
      a += this.#a[i]!;
      b += this.#b[i]!;
    }
    return { a, b };
  }

  /** Forgets everything counted so far. */
  clear(): void {
    this.#a.fill(0);
    this.#b.fill(0);
  }

  // Returns the ring position for now, emptying every slot whose time has left the window.
  #currentSlot(): number {
    const index = Math.floor(this.#clock.now() / this.#slotMs);
    const slot = ((index % SLOTS) + SLOTS) % SLOTS;
    if (this.#slotIndex[slot] !== index) {
      for (let i = 0; i < SLOTS; i++) {
        const age = index - this.#slotIndex[i]!;
        if (i === slot || age >= SLOTS || age < 0) {
          this.#a[i] = 0;
          this.#b[i] = 0;
          this.#slotIndex[i] = i === slot ? index : Number.NEGATIVE_INFINITY;
        }
      }
    }
    return slot;
  }
}
