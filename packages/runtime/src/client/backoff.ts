/**
 * Capped exponential backoff with full jitter (Brooker, AWS Architecture Blog 2015): the delay
 * before retry n is uniform in [0, min(cap, base * 2^n)). Full jitter spreads a herd of clients
 * that failed together across the whole window, which needs the fewest calls of the jitter
 * variants Brooker measured; the cap keeps the window from growing past what a caller will wait.
 */

import type { Random } from '../clock.js';

/** Backoff parameters. */
export interface BackoffOptions {
  /** Upper bound of the first retry's window, in milliseconds. Default 100 (AWS SDK base). */
  baseDelayMs?: number;
  /** Largest window, in milliseconds. Default 10 000. */
  maxDelayMs?: number;
}

/** Default first window, milliseconds. */
export const DEFAULT_BASE_DELAY_MS = 100;
/** Default cap, milliseconds. */
export const DEFAULT_MAX_DELAY_MS = 10_000;

/**
 * Returns the delay before retry number `retry` (0 for the first retry) drawn from `random`:
 * `random() * min(maxDelayMs, baseDelayMs * 2 ** retry)`.
 */
export function fullJitterBackoff(retry: number, options: BackoffOptions, random: Random): number {
  const base = options.baseDelayMs ?? DEFAULT_BASE_DELAY_MS;
  const cap = options.maxDelayMs ?? DEFAULT_MAX_DELAY_MS;
  // Clamping the exponent keeps 2 ** retry finite for absurd attempt counts.
  const window = Math.min(cap, base * 2 ** Math.min(retry, 52));
  return random() * window;
}
