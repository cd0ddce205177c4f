// Background jobs (CommonJS) wrapping Postgres and HTTP calls in exponential-backoff.
// Shapes adapted from the exponential-backoff README (v2/v3 option names) and backOff call sites
// returned by the code search.

const { backOff } = require('exponential-backoff');
const { Pool } = require('pg');
const got = require('got');

const pool = new Pool();

// Eight attempts from 1 s without maxDelay: 128 s at the end.
async function refreshRollups() {
  return backOff(() => pool.query('REFRESH MATERIALIZED VIEW CONCURRENTLY daily_rollups'), { // expect: require-backoff
    startingDelay: 1000,
    numOfAttempts: 8,
    jitter: 'full',
  });
}

// Four attempts from 500 ms (largest wait 4 s), jittered, with a retry filter: correct.
async function vacuumQueue() {
  return backOff(() => pool.query('DELETE FROM job_queue WHERE finished_at < now() - interval \'7 days\''), { // ok
    numOfAttempts: 4,
    startingDelay: 500,
    jitter: 'full',
    retry: (e) => e.code === '40P01',
  });
}

// maxDelay explicitly Infinity over ten attempts.
async function pushToWarehouse(rows) {
  return backOff(() => got.post('https://warehouse.internal/v1/ingest', { json: rows }), {
    maxDelay: Infinity, // expect: require-backoff
    jitter: 'full',
  });
}

// Five attempts (1.6 s) with no jitter.
async function notifyOps(message) {
  return backOff(() => got.post('https://ops.internal/v1/notify', { json: { message } }), { numOfAttempts: 5 }); // expect: require-backoff
}

// Capped and jittered with delayFirstAttempt: correct.
async function syncCatalog() {
  return backOff(() => got('https://catalog.internal/v1/export').json(), { // ok
    delayFirstAttempt: true,
    maxDelay: 20_000,
    numOfAttempts: 6,
    jitter: 'full',
  });
}

// Not exponential-backoff: a local helper with the same name in another module.
const { backOff: localBackOff } = require('./lib/backoff');

async function warmCache() {
  return localBackOff(() => got('https://cache.internal/v1/warm'), { numOfAttempts: 100 }); // ok
}

module.exports = { refreshRollups, vacuumQueue, pushToWarehouse, notifyOps, syncCatalog, warmCache };
