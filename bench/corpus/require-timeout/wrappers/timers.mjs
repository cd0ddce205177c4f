// Races against timers from node:timers/promises and helpers named like timeout(ms).
// Shapes adapted from public Promise.race examples (fetch vs timeout(5000)),
// veyfera/axios-timed (axios.ts) and chunga-codder/Afa-market (utils/timeout.js).

import { setTimeout as sleep } from 'node:timers/promises';
import { setTimeout as delay } from 'timers/promises';
import superagent from 'superagent';
import got from 'got';

const timeout = (ms) => new Promise((_, reject) => setTimeout(() => reject(new Error('Request timed out')), ms));

export function todo() {
  return Promise.race([
    fetch('https://jsonplaceholder.typicode.com/todos/1'), // ok
    timeout(5000),
  ]);
}

export async function status(url) {
  return Promise.race([
    got(url).json(), // ok
    sleep(2000).then(() => { throw new Error('status timed out'); }),
  ]);
}

export async function avatar(url) {
  return Promise.race([superagent.get(url), delay(3000, 'timeout')]); // ok
}

// veyfera/axios-timed: a local promise that rejects (and aborts) after a timer.
export async function get(url) {
  const MAX_WAIT = 10;
  const timer = new Promise((res) => {
    setTimeout(() => res(`Request took more than ${MAX_WAIT} seconds`), MAX_WAIT * 1000);
  });
  return Promise.race([fetch(url), timer]); // ok
}

export async function unbounded(url) {
  return superagent.get(url); // expect: require-timeout
}

export async function retryOnly(url, withRetry) {
  return withRetry(() => got(url).json()); // expect: require-timeout
}

await Promise.race([fetch('https://example.com/warmup'), sleep(1000)]); // ok
