// BullMQ queue/worker wiring over ioredis (ESM).
// Shapes adapted from public config/redis.js + BullMQ worker modules
// ("maxRetriesPerRequest: null" is what BullMQ asks for on worker connections).

import Redis from 'ioredis';
import { Queue, Worker } from 'bullmq';

const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

const workerConnection = new Redis(redisUrl, { // expect: require-timeout
  maxRetriesPerRequest: null, // expect: require-timeout
  enableReadyCheck: true,
});

const producerConnection = new Redis(redisUrl, { // ok
  commandTimeout: 2_000,
  maxRetriesPerRequest: 1,
});

export const emails = new Queue('emails', { connection: producerConnection }); // ok

export const emailWorker = new Worker('emails', async (job) => job.data, { connection: workerConnection }); // ok

// A duplicate inherits the options of the connection it came from.
export const events = producerConnection.duplicate();

export const metrics = new Redis({ // expect: require-timeout
  host: process.env.METRICS_REDIS_HOST,
  connectTimeout: 10_000,
  keepAlive: 30_000,
});

export const locks = new Redis({ // ok
  host: process.env.LOCK_REDIS_HOST,
  commandTimeout: 100,
  blockingTimeout: 5_000,
});
