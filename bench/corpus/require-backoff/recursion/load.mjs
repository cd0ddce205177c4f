// Promise-chain retries (`.catch(() => again())`) and recursive lookups in an ESM service.
// Shapes adapted from ayeo-flex-org/pulsar-flex (reconnect via `.catch`), ratehub/newrelic-missing-stack-trace
// (attempt counter passed down), and the recursive `connectToRabbitMQ(settings, delaySeconds)`
// helpers returned by the code search.

import axios from 'axios';
import { setTimeout as sleepMs } from 'node:timers/promises';
import { wait } from './lib/timing.js';

// Bounded, capped and jittered: correct.
export function loadManifest(url, attempt = 0) {
  return axios
    .get(url)
    .then((res) => res.data)
    .catch(async (err) => {
      if (attempt >= 4) throw err;
      await wait(Math.min(8000, 300 * 2 ** attempt) + Math.random() * 300); // ok
      return loadManifest(url, attempt + 1);
    });
}

// Bounded, but the `.catch` goes round again immediately.
export function sendHeartbeat(url, retries = 3) { // expect: require-backoff
  return axios
    .post(url, { at: Date.now() })
    .catch((err) => (retries > 0 ? sendHeartbeat(url, retries - 1) : Promise.reject(err)));
}

// No delay and no bound.
export async function subscribe(topic) { // expect: require-backoff
  try {
    return await axios.get(`https://events.internal/v1/subscribe?topic=${topic}`);
  } catch (err) {
    return subscribe(topic);
  }
}

// Linear growth, bounded, no jitter.
export async function lookupGeo(ip, attempt = 1) {
  try {
    const { data } = await axios.get(`https://geo.internal/v1/ip/${ip}`);
    return data;
  } catch (err) {
    if (attempt === 5) throw err;
    await wait(attempt * 400); // expect: require-backoff
    return lookupGeo(ip, attempt + 1);
  }
}

// node:timers/promises, exponential with a cap and full jitter, bounded: correct.
export async function fetchQuote(symbol, attempt = 0) {
  try {
    const { data } = await axios.get(`https://quotes.internal/v1/${symbol}`);
    return data;
  } catch (err) {
    if (attempt > 6) throw err;
    await sleepMs(Math.random() * Math.min(20_000, 200 * 2 ** attempt)); // ok
    return fetchQuote(symbol, attempt + 1);
  }
}

// Bounded by a deadline, constant delay.
export async function waitForIndex(name, deadline = Date.now() + 60_000) {
  try {
    return await axios.get(`https://search.internal/v1/indexes/${name}/ready`);
  } catch (err) {
    if (Date.now() > deadline) throw err;
    await wait(3000); // expect: require-backoff
    return waitForIndex(name, deadline);
  }
}

// Recursion into child categories on success: not a retry.
export async function loadTree(id) { // ok
  const { data } = await axios.get(`https://catalog.internal/v1/categories/${id}`);
  const children = [];
  for (const childId of data.children) children.push(await loadTree(childId));
  return { ...data, children };
}
