// Redlock in ESM job runners, with settings derived from constants.
// Shapes adapted from the `generateRedlockRetryConfig(totalTimeoutMs)` helper (DEFAULT_RETRY_DELAY
// 700, DEFAULT_JITTER 300, DEFAULT_RETRY_COUNT 35) and the redlock module with Bengali comments
// (retryCount 5, retryDelay 200, retryJitter 200) returned by the code search.

import Redlock from 'redlock';
import { redisClient } from './redisClient.js';

const DEFAULT_RETRY_COUNT = 35;
const DEFAULT_RETRY_DELAY = 700;
const DEFAULT_JITTER = 300;

export const redlock = new Redlock([redisClient], { // ok
  driftFactor: 0.01,
  retryCount: 5,
  retryDelay: 200,
  retryJitter: 200,
});

redlock.on('error', (err) => {
  console.error('Redlock error', err);
});

export const longRunning = new Redlock([redisClient], { // ok
  retryCount: DEFAULT_RETRY_COUNT,
  retryDelay: DEFAULT_RETRY_DELAY,
  retryJitter: DEFAULT_JITTER,
});

// Using with per-call settings: unbounded.
export async function rebuildSearchIndex(run) {
  await redlock.using(['jobs:search-index'], 60_000, {
    retryCount: -1, // expect: require-backoff
    retryDelay: 2000,
  }, async (signal) => {
    await run(signal);
  });
}

// retryCount 0 with jitter 0: nothing is retried, so the jitter does not matter.
export const exclusive = new Redlock([redisClient], { retryCount: 0, retryJitter: 0 }); // ok
