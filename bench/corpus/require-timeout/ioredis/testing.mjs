// Test setup with ioredis-mock and jest module mocks, plus one real client.
// Shapes adapted from public ioredis-mock setup files, arleysouza/load-stress-volume-test
// (server/tests/jest.unit.setup.ts) and cs23b1093/Ressume-Analyzer (backend/src/tests/setup.js).

import RedisMock from 'ioredis-mock';
import Client from 'ioredis';

let mockRedis = null;

export function getMockRedis() {
  if (!mockRedis) {
    mockRedis = new RedisMock(); // ok
  }
  return mockRedis;
}

// A hand-rolled test double.
export class FakeRedis {
  get() {
    return Promise.resolve(null);
  }
  set() {
    return Promise.resolve('OK');
  }
}
export const fake = new FakeRedis(); // ok

// The default export is ioredis whatever it is called locally.
export const redisCluster = new Client({ // expect: require-timeout
  host: process.env.REDIS_HOST,
  port: parseInt(process.env.REDIS_PORT, 10),
  password: process.env.REDIS_PASSWORD,
});

export const integration = new Client({ // ok
  host: process.env.REDIS_HOST,
  commandTimeout: 250,
  lazyConnect: true,
});

export const withDefaults = new Client(process.env.REDIS_URL, {
  commandTimeout: 1_000,
  maxRetriesPerRequest: null, // expect: require-timeout
  enableOfflineQueue: false,
});
