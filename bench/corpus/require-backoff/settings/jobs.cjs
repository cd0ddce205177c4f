// CommonJS jobs using the configured `pause`/`withJitter` helpers in timers and library configs.

const axios = require('axios');
const axiosRetry = require('axios-retry').default;
const Redis = require('ioredis');
const { pause, withJitter } = require('@acme/timing');

// ioredis strategy jittered through the configured helper: correct.
const redis = new Redis(process.env.REDIS_URL, {
  retryStrategy: (times) => withJitter(Math.min(times * 100, 3000)), // ok
});

// The same strategy without it.
const cache = new Redis(process.env.CACHE_URL, {
  retryStrategy: (times) => Math.min(times * 100, 3000), // expect: require-backoff
});

const partners = axios.create({ baseURL: 'https://partners.internal' });
axiosRetry(partners, {
  retries: 4,
  retryDelay: (n) => withJitter(Math.min(2 ** n * 100, 5000)), // ok
});

const carriers = axios.create({ baseURL: 'https://carriers.internal' });
axiosRetry(carriers, {
  retries: 4,
  retryDelay: (n) => Math.min(2 ** n * 100, 5000), // expect: require-backoff
});

// Timer reschedule with the configured jitter, bounded: correct.
let attempt = 0;
async function connectFeed() {
  try {
    await axios.get('https://feed.internal/v1/subscribe');
    attempt = 0;
  } catch (err) {
    if (++attempt > 6) return;
    setTimeout(connectFeed, withJitter(Math.min(30_000, 1000 * 2 ** attempt))); // ok
  }
}

// Constant pause in a do…while.
async function flushMetrics(batch) {
  let tries = 0;
  do {
    try {
      await axios.put('https://metrics.internal/v1/batch', batch);
      return;
    } catch {
      tries++;
      await pause(750); // expect: require-backoff
    }
  } while (tries < 4);
}

// Linear pause, bounded, jittered: correct.
async function syncUsers() {
  for (let i = 1; i <= 4; i++) {
    try {
      return await axios.get('https://users.internal/v1/export');
    } catch {
      await pause(withJitter(i * 1000)); // ok
    }
  }
  return null;
}

module.exports = { redis, cache, partners, carriers, connectFeed, flushMetrics, syncUsers };
