// ioredis connections with custom `retryStrategy` functions (TypeScript).
// Shapes adapted from AneekS/smartHire--v1-BE- (src/infrastructure/redis/redis.client.ts:
// `retryStrategy(times) { const delay = Math.min(times * 50, 2000); return delay; }`),
// Veedsify/PaymefansProductionServer-Server (libs/redis-store.js), a NestJS `redisRetryStrategy`
// (`Math.min(1000 * 2 ** times, 30000)`), and a `CacheReconnectStrategy` class returned by the
// code search. ioredis 5 default: min(times·50, 2000) capped exponential-ish plus jitter.

import Redis, { Cluster, type RedisOptions } from 'ioredis';
import { redisRetryStrategy } from '@shared/redis/retry';

const env = { REDIS_URL: process.env.REDIS_URL ?? 'redis://localhost:6379' };

// Linear and capped, but not jittered.
export const redis = new Redis(env.REDIS_URL, {
  maxRetriesPerRequest: null,
  retryStrategy(times) { // expect: require-backoff
    const delay = Math.min(times * 50, 2000);
    return delay;
  },
});

// The library default: capped and jittered.
export const cache = new Redis(env.REDIS_URL, { commandTimeout: 500 }); // ok

// Constant.
export const sessions = new Redis({
  host: 'sessions',
  retryStrategy: () => 2000, // expect: require-backoff
});

// Jittered and capped: correct.
export const queue = new Redis(env.REDIS_URL, {
  retryStrategy: (times) => Math.min(times * 50, 2000) + Math.floor(Math.random() * 100), // ok
});

// Gives up after 20, exponential, capped, jittered: correct.
export const locks = new Redis(env.REDIS_URL, {
  retryStrategy: (times) => (times > 20 ? null : Math.min(2 ** times * 100, 5000) + Math.random() * 200), // ok
});

// Bounded but constant.
export const pubsub = new Redis(env.REDIS_URL, {
  retryStrategy: (times) => { // expect: require-backoff
    if (times > 10) return null;
    return 1000;
  },
});

// A strategy imported from another module: opaque.
export const metrics = new Redis(env.REDIS_URL, { retryStrategy: redisRetryStrategy }); // ok

// A local strategy function referenced by name: exponential, capped, not jittered.
function backoff(times: number) {
  return Math.min(1000 * 2 ** times, 30_000);
}
export const search = new Redis(env.REDIS_URL, {
  retryStrategy: backoff, // expect: require-backoff
});

// Cluster: the node option is not jittered.
export const cluster = new Cluster([{ host: 'redis-0', port: 6379 }], {
  redisOptions: {
    retryStrategy: (times: number) => Math.min(times * 100, 3000), // expect: require-backoff
  },
});

// An options object typed as RedisOptions, resolved from a local const: linear, no cap, no jitter.
const redisConfig: RedisOptions = {
  host: 'analytics',
  connectTimeout: 10000,
  maxRetriesPerRequest: 3, // ok
  retryStrategy: (times) => times * 1000, // expect: require-backoff
};
export const analytics = new Redis(redisConfig);
