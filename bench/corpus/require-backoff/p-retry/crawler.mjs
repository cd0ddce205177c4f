// A crawler CLI (ESM) that wraps got and fetch calls in p-retry.
// Shapes adapted from p-retry call sites returned by the code search (`pRetry(fn, { retries: 3,
// factor: 2, minTimeout: 400, maxTimeout: 2500, onFailedAttempt })`, `{ retries: 4 }` options
// objects) and the p-retry README (`pRetry(run, { retries: 5 })`).

import pRetry from 'p-retry';
import got from 'got';

const USER_AGENT = 'acme-crawler/2.1';

// Capped, no randomize: no jitter.
export const withRetry = (fn) => pRetry(fn, { retries: 3, factor: 2, minTimeout: 400, maxTimeout: 2500, onFailedAttempt: (e) => console.warn(e.message) }); // expect: require-backoff

// Explicit randomize: false.
export async function fetchRobots(origin) {
  return pRetry(() => got(`${origin}/robots.txt`, { headers: { 'user-agent': USER_AGENT } }).text(), {
    retries: 4,
    maxTimeout: 8000,
    randomize: false, // expect: require-backoff
  });
}

// factor 1 makes every wait minTimeout: a constant delay.
export async function fetchSitemap(origin) {
  return pRetry(() => got(`${origin}/sitemap.xml`).text(), {
    retries: 5,
    factor: 1, // expect: require-backoff
    minTimeout: 2000,
    randomize: true,
  });
}

// Four retries: the largest wait is 8 s; randomized: correct.
export async function fetchPage(url) {
  return pRetry(() => got(url, { headers: { 'user-agent': USER_AGENT } }).text(), { retries: 4, randomize: true }); // ok
}

// Six retries without a cap: the last wait is 32 s.
export async function fetchFeed(url) {
  return pRetry(() => got(url).json(), { retries: 6, randomize: true }); // expect: require-backoff
}

// minTimeout 0 means no wait between attempts.
export async function pingOrigin(origin) {
  return pRetry(() => fetch(origin, { method: 'HEAD' }), {
    retries: 3,
    minTimeout: 0, // expect: require-backoff
  });
}

// Top-level await in the CLI: capped, randomized, bounded: correct.
const seeds = await pRetry(() => got('https://crawler.internal/v1/seeds').json(), { // ok
  retries: 8,
  minTimeout: 500,
  maxTimeout: 20_000,
  randomize: true,
});
console.log(`loaded ${seeds.length} seeds`);
