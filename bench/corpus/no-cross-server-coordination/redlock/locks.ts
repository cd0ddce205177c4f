// Redlock instances in TypeScript services.
// Shapes adapted from GaloyMoney/blink (src/__tests__/lock.ts), the `redlock` module that casts
// `[redis as unknown as CompatibleRedisClient]`, and the Bengali-commented redlock module with an
// `on('error')` listener, all returned by the code search.

import Client from 'ioredis';
import Redlock, { ResourceLockedError, type CompatibleRedisClient } from 'redlock';
import { Mutex, Semaphore } from 'async-mutex';
import { redis } from './redis';

const redisA = new Client({ host: '127.0.0.1', port: 6379 }); // ok

export const redlock = new Redlock( // expect: no-cross-server-coordination
  [redisA],
  {
    driftFactor: 0.01,
    retryCount: 10,
    retryDelay: 200,
    retryJitter: 200,
    automaticExtensionThreshold: 500,
  },
);

export const sharedLock = new Redlock([redis as unknown as CompatibleRedisClient], { retryCount: 3 }); // expect: no-cross-server-coordination

redlock.on('error', (err) => {
  if (err instanceof ResourceLockedError) return;
  console.error('Redlock error', err);
});

// In-process mutual exclusion: one Node process, not cross-server.
const refreshMutex = new Mutex(); // ok
const uploadSlots = new Semaphore(4); // ok

export async function refreshToken(load: () => Promise<string>) {
  return refreshMutex.runExclusive(load); // ok
}

export async function upload(run: () => Promise<void>) {
  const [, release] = await uploadSlots.acquire(); // ok
  try {
    await run();
  } finally {
    release();
  }
}

export async function settleInvoice(id: string, settle: () => Promise<void>) {
  const lock = await redlock.acquire([`locks:invoice:${id}`], 5000);
  try {
    console.info(`lock acquired for invoice ${id}`); // ok
    await settle();
  } finally {
    await lock.release();
  }
}
