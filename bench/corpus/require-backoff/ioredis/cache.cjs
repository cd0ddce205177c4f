// Redis clients in a CommonJS cache layer: ioredis and node-redis (`reconnectStrategy`).
// Shapes adapted from claeusdev/dist-drawing-board (config/redis.js), the compiled-TS
// `new ioredis_1.Redis({ … retryStrategy(times) { return Math.min(times * 50, 2000) } })` returned
// by the code search, and node-redis `socket.reconnectStrategy` examples.

const Redis = require('ioredis');
const { createClient } = require('redis');
const ioredis_1 = require('ioredis');

const redis = new Redis({
  host: '127.0.0.1',
  port: 6379,
  maxRetriesPerRequest: 50,
  retryStrategy(times) { // expect: require-backoff
    return Math.min(times * 50, 2000);
  },
});

const replica = new ioredis_1.Redis({
  host: 'replica',
  retryStrategy(times) { // ok
    const base = Math.min(times * 50, 2000);
    return base + Math.floor(Math.random() * 50);
  },
});

// node-redis reconnectStrategy: constant.
const sessions = createClient({
  url: process.env.SESSIONS_URL,
  socket: {
    reconnectStrategy: () => 1000, // expect: require-backoff
  },
});

// node-redis reconnectStrategy: capped and jittered.
const limits = createClient({
  url: process.env.LIMITS_URL,
  socket: {
    reconnectStrategy: (retries) => Math.min(retries * 50, 500) + Math.random() * 50, // ok
  },
});

// Cluster-level strategy: constant.
const cluster = new Redis.Cluster([{ host: 'redis-a', port: 6379 }], {
  clusterRetryStrategy: (times) => 1000, // expect: require-backoff
});

module.exports = { redis, replica, sessions, limits, cluster };
