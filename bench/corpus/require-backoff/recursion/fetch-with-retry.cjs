// Recursive retries from a catch block (CommonJS).
// Shapes adapted from ratehub/newrelic-missing-stack-trace (src/util/fetchWithRetry.js:
// `return await fetchWithRetry(url, attempts)` after `await delay(DELAY_BETWEEN_ATTEMPTS)`),
// imdoroshenko/microservices-leson (fetch/src/amqp.ts `getConnection`), and khejit/Safenote
// (src/helpers/retry.ts `retryFactory`).

const fetch = require('node-fetch');
const fs = require('node:fs/promises');
const path = require('node:path');
const { connect } = require('amqplib');
const delay = require('./delay');

const MAX_ATTEMPTS = 5;
const DELAY_BETWEEN_ATTEMPTS = 5;
const retryTimeout = 5000;

async function fetchWithRetry(url, attempts = 0) {
  attempts++;
  try {
    return await fetch(url);
  } catch (err) {
    if (attempts >= MAX_ATTEMPTS) {
      console.error('Error fetching, will NOT retry', err);
      throw err;
    }
    console.error('Error fetching, will retry', attempts, err);
    await delay(DELAY_BETWEEN_ATTEMPTS); // expect: require-backoff
    return await fetchWithRetry(url, attempts);
  }
}

async function getConnection(url) { // expect: require-backoff
  try {
    return await connect(url);
  } catch (e) {
    console.log('warning', `connection error, retry in ${retryTimeout}`);
    await new Promise((resolve) => setTimeout(resolve, retryTimeout)); // expect: require-backoff
    return getConnection(url);
  }
}

function retry(numOfRetries) {
  return async function retryFactory(fn, callback, retries = numOfRetries) { // expect: require-backoff
    try {
      const returnVal = await fn();
      callback();
      return returnVal;
    } catch (err) {
      if (retries <= 0) {
        return Promise.reject(err);
      }
      return retryFactory(fn, callback, retries - 1);
    }
  };
}

// Bounded, capped exponential with jitter: correct.
async function postMetrics(url, body, attempt = 0) {
  try {
    return await fetch(url, { method: 'PUT', body: JSON.stringify(body) });
  } catch (err) {
    if (attempt >= 4) throw err;
    const backoff = Math.min(8000, 250 * 2 ** attempt);
    await delay(backoff / 2 + Math.random() * (backoff / 2)); // ok
    return postMetrics(url, body, attempt + 1);
  }
}

// Recursion over a directory tree, not from a catch: not a retry.
async function walk(dir, out = []) { // ok
  for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) await walk(full, out);
    else out.push(full);
  }
  return out;
}

module.exports = { fetchWithRetry, getConnection, retry, postMetrics, walk };
