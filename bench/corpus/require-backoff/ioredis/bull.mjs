// ioredis connections shared with BullMQ workers (ESM).
// Shapes adapted from BullMQ examples (`maxRetriesPerRequest: null`) and `retryStrategy`
// functions with a `times > N` give-up returned by the code search.

import { Redis } from 'ioredis';
import { Worker } from 'bullmq';

// Exponential, gives up at 10, not jittered.
const connection = new Redis(process.env.REDIS_URL, {
  maxRetriesPerRequest: null,
  retryStrategy(times) { // expect: require-backoff
    if (times > 10) return null;
    return Math.min(2 ** times * 100, 10_000);
  },
});

// Full jitter with a cap: correct.
const events = new Redis(process.env.REDIS_URL, {
  retryStrategy(times) { // ok
    const ceiling = Math.min(2 ** times * 100, 10_000);
    return Math.floor(Math.random() * ceiling);
  },
});

// No strategy: the default is fine.
const publisher = new Redis(process.env.REDIS_URL); // ok

export const worker = new Worker('emails', async (job) => events.publish('sent', job.id), { connection });
export { publisher };
