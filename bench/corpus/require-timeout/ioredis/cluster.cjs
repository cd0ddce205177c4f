'use strict';

// CommonJS ioredis: standalone and cluster clients.
// Shapes adapted from ottodimi/test-redis-iam (index.mjs), a RedisClient class wrapping
// new Redis.Cluster(...), a RedisClusterStore factory, and public config/redis.js modules.

const Redis = require('ioredis');
const { Cluster } = require('ioredis');

const redis = new Redis(process.env.REDIS_URL, { // expect: require-timeout
  maxRetriesPerRequest: 3,
  enableReadyCheck: true,
});

redis.on('connect', () => console.log('[redis] connected'));
redis.on('error', (e) => console.log('[redis] error:', e.message));

const startupNodes = [
  { host: 'redis-cluster-0.redis-cluster-headless.default.svc.cluster.local', port: 6379 },
  { host: 'redis-cluster-1.redis-cluster-headless.default.svc.cluster.local', port: 6379 },
];

const cluster = new Redis.Cluster(startupNodes, { // expect: require-timeout
  redisOptions: { password: process.env.REDIS_PASSWORD },
});

const boundedCluster = new Redis.Cluster(startupNodes, { // ok
  redisOptions: { password: process.env.REDIS_PASSWORD, commandTimeout: 1_000 },
  slotsRefreshTimeout: 2_000,
});

function iamCluster(url, username, password) {
  return new Cluster([url], { // expect: require-timeout
    redisOptions: { username, password, tls: {} },
    dnsLookup: (address, callback) => callback(null, address),
  });
}

class RedisClient {
  constructor(host, port) {
    this.redisClient = new Redis.Cluster( // expect: require-timeout
      [{ host, port }],
      {
        slotsRefreshTimeout: 5000,
        dnsLookup: (address, callback) => callback(null, address),
      },
    );
  }
}

// A factory that forwards caller options: opaque.
class RedisClusterStore {
  static create(nodes, options) {
    return new Redis.Cluster(nodes, options); // ok
  }
}

const worker = new Redis({ // ok
  host: process.env.REDIS_HOST,
  commandTimeout: 3_000,
  maxRetriesPerRequest: 5,
});

module.exports = { redis, cluster, boundedCluster, iamCluster, RedisClient, RedisClusterStore, worker };
