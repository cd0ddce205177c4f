// ioredis connections in a TypeScript app (cache, BullMQ connection, pub/sub).
// The bound belongs to the constructor: it needs commandTimeout; maxRetriesPerRequest: null
// is reported on its own line. Shapes adapted from zekenie/web-reducer (server/src/redis/index.ts),
// tsebsiloow/wool-meet-server-01 (server/src/config/redis.js), saglamh35/repoguardian
// (web/src/lib/redis.ts) and briankabugi/marketing (lib/redis.ts).

import IORedis from 'ioredis';
import { Redis } from 'ioredis';
import { env } from '../config/env.js';

// BullMQ-style connection: no commandTimeout, and unlimited per-request retries.
export const connection = new IORedis(process.env.REDIS_URL!, { // expect: require-timeout
  maxRetriesPerRequest: null, // expect: require-timeout
  enableReadyCheck: false,
});

const url = process.env.REDIS_URL || 'redis://localhost:6379';

export const cache = new Redis(url, { // expect: require-timeout
  maxRetriesPerRequest: 2,
  enableReadyCheck: true,
});

export const sessions = new Redis(env.REDIS_URL, { // ok
  maxRetriesPerRequest: 3,
  commandTimeout: 500,
  enableReadyCheck: true,
});

// commandTimeout is set, but retries are unlimited.
export const queueConnection = new IORedis(url, {
  commandTimeout: 5_000,
  maxRetriesPerRequest: null, // expect: require-timeout
});

export const rateLimiter = new Redis({ // ok
  host: env.REDIS_HOST,
  port: Number(env.REDIS_PORT),
  commandTimeout: 200,
  connectTimeout: 1_000,
});

export const bare = new Redis(); // expect: require-timeout

export const byPortHost = new Redis(6379, 'cache.internal'); // expect: require-timeout

export const byPortHostBounded = new Redis(6379, 'cache.internal', { commandTimeout: 1_000 }); // ok

// Options from a local const.
const pubsubOptions = {
  host: env.REDIS_HOST,
  commandTimeout: 2_000,
  lazyConnect: true,
};
export const subscriber = new Redis(pubsubOptions); // ok

// Options passed in from configuration: opaque.
export function connect(options: import('ioredis').RedisOptions) {
  return new Redis(options); // ok
}

export async function getCached(key: string) {
  return cache.get(key);
}
