'use strict';

// CommonJS node-redis usage: member-call factories, the scoped @redis/client package,
// and a v3-era positional call. Shapes adapted from tachyon83/chatting2 (redis.js),
// a createSimpleRedisClient helper (redis.createClient(port, host, { auth_pass })) and a
// public redis client with a custom reconnect strategy.

const redis = require('redis');
const { createClient } = require('@redis/client');

function createSimpleRedisClient(redisPort, redisHost, redisPassword) {
  return redis.createClient(redisPort, redisHost, { auth_pass: redisPassword }); // expect: require-timeout
}

const redisClient = redis.createClient({ // expect: require-timeout
  url: 'redis://127.0.0.1:6378',
  socket: {
    connectTimeout: 10000,
    reconnectStrategy: (retries) => (retries > 3 ? new Error('Max reconnection attempts reached') : Math.min(retries * 1000, 3000)),
  },
});

const sessionStore = redis.createClient({ // ok
  url: process.env.SESSION_REDIS_URL,
  socket: { socketTimeout: 3_000, connectTimeout: 3_000 },
});

const scoped = createClient({ url: process.env.REDIS_URL }); // expect: require-timeout

const scopedBounded = createClient({ // ok
  url: process.env.REDIS_URL,
  socket: { socketTimeout: 5_000 },
});

async function connectRedis() {
  await redisClient.connect();
  await scoped.connect();
}

module.exports = { createSimpleRedisClient, redisClient, sessionStore, scoped, scopedBounded, connectRedis };
