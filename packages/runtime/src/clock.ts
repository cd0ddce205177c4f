/**
 * Time and randomness as injectable values, so every decision the runtime makes (backoff,
 * budget windows, breaker windows, deadlines, Retry-After dates) can be replayed exactly in tests.
 */

/** Cancels a timer started with {@link Clock.setTimer}; calling it twice is harmless. */
export type CancelTimer = () => void;

/** A source of time and timers. */
export interface Clock {
  /** Monotonic milliseconds from an arbitrary origin; only differences between readings mean anything. */
  now(): number;
  /** Wall-clock milliseconds since the Unix epoch, used only to read HTTP dates such as Retry-After. */
  wallTime(): number;
  /** Calls `fn` once after `ms` milliseconds and returns a function that cancels the call. */
  setTimer(fn: () => void, ms: number): CancelTimer;
}

/** A source of uniform random numbers in [0, 1), like `Math.random`. */
export type Random = () => number;

/**
 * The process clock: `performance.now()` for intervals (immune to wall-clock jumps) and real timers.
 */
export const systemClock: Clock = {
  now: () => performance.now(),
  wallTime: () => Date.now(),
  setTimer(fn, ms) {
    const timer = setTimeout(fn, Math.max(0, ms));
    return () => clearTimeout(timer);
  },
};

/** `Math.random`, the default jitter source. */
export const systemRandom: Random = () => Math.random();

/**
 * Waits `ms` milliseconds on `clock`, rejecting with the signal's reason as soon as `signal` aborts,
 * so a sleeping retry never outlives its deadline or its caller.
 */
export function sleep(clock: Clock, ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = (): void => {
      cancel();
      reject(signal?.reason);
    };
    const cancel = clock.setTimer(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
