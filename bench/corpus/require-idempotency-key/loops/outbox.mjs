// An ESM outbox relay: a worker loop (not a retry) and a retried publish.

import axios from 'axios';
import { setTimeout as sleep } from 'node:timers/promises';

let running = true;
const headers = { 'Idempotency-Key': 'set-per-message' };

// Promise-chain retry of a POST.
export function publish(message, attempt = 0) {
  return axios.post('https://bus.example.com/v1/messages', message).catch(async (err) => { // expect: require-idempotency-key
    if (attempt >= 3) throw err;
    await sleep(Math.min(4000, 250 * 2 ** attempt) * Math.random());
    return publish(message, attempt + 1);
  });
}

// Key in a local const headers object.
export function publishKeyed(message, attempt = 0) {
  return axios.post('https://bus.example.com/v1/messages', message, { headers }).catch(async (err) => { // ok
    if (attempt >= 3) throw err;
    await sleep(Math.min(4000, 250 * 2 ** attempt) * Math.random());
    return publishKeyed(message, attempt + 1);
  });
}

// A worker loop: it polls after success and failure, so it is not a retry of the POST.
export async function relay(fetchBatch) {
  while (running) {
    try {
      const batch = await fetchBatch();
      if (batch.length) await axios.post('https://bus.example.com/v1/batches', batch); // ok
    } catch (err) {
      console.error('relay failed', err);
    }
    await sleep(1000);
  }
}

export function stop() {
  running = false;
}
