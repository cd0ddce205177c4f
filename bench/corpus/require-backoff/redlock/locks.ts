// Redlock instances and per-call settings (TypeScript, redlock 5).
// Shapes adapted from GaloyMoney/blink (src/__tests__/lock.ts: driftFactor 0.01, retryCount 10,
// retryDelay 200, retryJitter 200), the `new Redlock([redis as unknown as CompatibleRedisClient],
// { retryCount: 3, … })` module and the "don't retry if lock is taken" (`retryCount: 0`) module
// returned by the code search. redlock defaults: retryCount 10, retryDelay 200, retryJitter 100;
// retryCount -1 retries forever.

import Client from 'ioredis';
import Redlock, { type CompatibleRedisClient } from 'redlock';

const redisA = new Client({ host: '127.0.0.1', port: 6379 });

export const redlock = new Redlock( // ok
  [redisA],
  {
    driftFactor: 0.01,
    retryCount: 10,
    retryDelay: 200,
    retryJitter: 200,
    automaticExtensionThreshold: 500,
  },
);

// Defaults: bounded and jittered.
export const defaults = new Redlock([redisA as unknown as CompatibleRedisClient]); // ok

// Do not retry at all.
export const tryOnce = new Redlock([redisA as any], { // ok
  driftFactor: 0.01,
  retryCount: 0,
  retryDelay: 200,
});

// Retry forever.
export const patient = new Redlock([redisA], {
  retryCount: -1, // expect: require-backoff
  retryDelay: 500,
  retryJitter: 250,
});

// Jitter removed: every contender retries in lockstep.
export const lockstep = new Redlock([redisA], {
  retryCount: 5,
  retryDelay: 200,
  retryJitter: 0, // expect: require-backoff
});

// Per-call settings override the instance: retry forever.
export async function withInvoiceLock<T>(invoiceId: string, fn: () => Promise<T>) {
  const lock = await redlock.acquire([`locks:invoice:${invoiceId}`], 5000, {
    retryCount: -1, // expect: require-backoff
  });
  try {
    return await fn();
  } finally {
    await lock.release();
  }
}

// Per-call settings that keep a bound: correct.
export async function withCartLock<T>(cartId: string, fn: () => Promise<T>) {
  return redlock.using([`locks:cart:${cartId}`], 10_000, { retryCount: 3, retryJitter: 150 }, async () => fn()); // ok
}
