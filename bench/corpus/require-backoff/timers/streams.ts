// Timer-based re-subscription for event streams and presence channels (TypeScript).
// Shapes adapted from server-sent-event readers and node-redis pub/sub reconnect helpers that
// reschedule themselves with `setTimeout(() => connect(attempt + 1), delay)`, and from the
// `backoff({ retry, maxDelay, minDelay, attempts })` helper returned by the code search.

import axios from 'axios';
import type { RedisClientType } from 'redis';

const WORKER_ID = process.env.WORKER_ID ?? 'worker-1';
const HEARTBEAT_URL = 'https://registry.internal/v1/heartbeat';

async function pump(body: ReadableStream<Uint8Array>) {
  const reader = body.getReader();
  for (;;) {
    const { done } = await reader.read();
    if (done) return;
  }
}

function onPresence(message: string) {
  console.log('presence', message);
}

// Exponential and bounded, but not jittered.
export async function openStream(url: string, attempt = 0): Promise<void> {
  try {
    const res = await fetch(url, { headers: { Accept: 'text/event-stream' } });
    if (!res.ok || !res.body) throw new Error(`stream ${res.status}`);
    await pump(res.body);
  } catch (err) {
    if (attempt >= 6) throw err;
    setTimeout(() => openStream(url, attempt + 1), 1000 * 2 ** attempt); // expect: require-backoff
  }
}

// Counts attempts but never stops; linear and not jittered.
export async function connectPresence(client: RedisClientType, attempt = 1): Promise<void> { // expect: require-backoff
  try {
    await client.connect();
    await client.subscribe('presence', onPresence);
  } catch (err) {
    console.warn(`presence reconnect #${attempt}`, err);
    setTimeout(() => connectPresence(client, attempt + 1), attempt * 1000); // expect: require-backoff
  }
}

// Bounded, capped, full jitter: correct.
export async function registerWorker(registryUrl: string, attempt = 0): Promise<void> {
  try {
    await axios.post(`${registryUrl}/workers`, { id: WORKER_ID });
  } catch (err) {
    if (attempt === 7) {
      console.error('registration failed for good', err);
      return;
    }
    const ceiling = Math.min(60_000, 500 * 2 ** attempt);
    setTimeout(() => void registerWorker(registryUrl, attempt + 1), Math.random() * ceiling); // ok
  }
}

// A heartbeat interval: not a retry.
setInterval(async () => { // ok
  try {
    await axios.post(HEARTBEAT_URL, { id: WORKER_ID });
  } catch {
    // the next beat will try again
  }
}, 30_000);

// Unbounded, but the delay itself is fine.
export async function watchConfig(url: string, attempt = 0): Promise<void> { // expect: require-backoff
  try {
    const { data } = await axios.get(url, { params: { watch: true } });
    console.log('config changed', data);
  } catch (err) {
    const ceiling = Math.min(30_000, 250 * 2 ** attempt);
    setTimeout(() => watchConfig(url, attempt + 1), ceiling / 2 + Math.random() * (ceiling / 2)); // ok
  }
}
