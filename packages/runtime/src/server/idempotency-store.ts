/**
 * Server-side deduplication by idempotency key: the first request with a key runs; a retry with
 * the same key while it runs waits for the same outcome, and one after it finished gets the
 * stored outcome (result or error) instead of running the operation again. Outcomes are kept for
 * `ttlMs` and at most `maxEntries` keys (oldest dropped first), in this process only: behind a
 * load balancer, a retry that lands on another replica runs again, so this narrows the window a
 * retried non-idempotent call can run twice without closing it.
 */
import { systemClock, type Clock } from '../clock.js';

export interface IdempotencyStoreOptions {
  /** How long a finished outcome is replayed (default 10 minutes). */
  ttlMs?: number;
  /** Keys kept at most; the oldest go first (default 10,000). */
  maxEntries?: number;
  clock?: Clock;
}

interface Entry {
  outcome: Promise<unknown>;
  expiresAt: number;
}

export class IdempotencyStore {
  readonly #entries = new Map<string, Entry>();
  readonly #ttlMs: number;
  readonly #maxEntries: number;
  readonly #clock: Clock;

  constructor(options: IdempotencyStoreOptions = {}) {
    this.#ttlMs = options.ttlMs ?? 600_000;
    this.#maxEntries = options.maxEntries ?? 10_000;
    this.#clock = options.clock ?? systemClock;
    if (!(this.#ttlMs > 0) || !Number.isInteger(this.#maxEntries) || this.#maxEntries < 1)
      throw new RangeError('IdempotencyStore: ttlMs must be > 0 and maxEntries a positive integer');
  }

  /** Runs `work` once per key within the TTL; every call with the key gets that run's outcome. */
  run<T>(key: string, work: () => T | Promise<T>): Promise<T> {
    const now = this.#clock.now();
    const existing = this.#entries.get(key);
    if (existing !== undefined && existing.expiresAt > now) return existing.outcome as Promise<T>;
    if (existing !== undefined) this.#entries.delete(key);
    const outcome = Promise.resolve().then(work);
    // Stored until it settles, then for the TTL from that moment.
    const entry: Entry = { outcome, expiresAt: Number.POSITIVE_INFINITY };
    this.#entries.set(key, entry);
    const settle = (): void => {
      entry.expiresAt = this.#clock.now() + this.#ttlMs;
    };
    outcome.then(settle, settle);
    while (this.#entries.size > this.#maxEntries) {
      const oldest = this.#entries.keys().next().value as string;
      this.#entries.delete(oldest);
    }
    return outcome;
  }

  /** Keys currently stored. */
  get size(): number {
    return this.#entries.size;
  }
}
