// A cache service class and a rate limiter built on node-redis (ESM).
// Shapes adapted from public CacheService classes and express-rate-limit Redis store setups.

import * as redis from 'redis';
import { createClient } from 'redis';

export class CacheService {
  constructor(url) {
    this.client = createClient({ url, database: 2 }); // expect: require-timeout
    this.client.on('error', (e) => console.error('cache error', e));
  }

  async get(key) {
    return this.client.get(key);
  }
}

export class BoundedCacheService {
  constructor(url) {
    this.client = createClient({ url, socket: { tls: true, socketTimeout: 5_000 } }); // ok
  }
}

export const limiterClient = redis.createClient({ // ok
  socket: { host: process.env.RL_HOST, port: 6379, socketTimeout: 1_500 },
});

export function legacyModeClient() {
  return redis.createClient({ legacyMode: true, url: process.env.REDIS_URL }); // expect: require-timeout
}

export const pubsub = createClient({ // expect: require-timeout
  url: process.env.REDIS_URL,
  pingInterval: 10_000,
});
