// An ESM relay (top-level await) using the configured wrapper with axios, got and recursion.

import axios from 'axios';
import got from 'got';
import { withRetries } from '@acme/resilience';

const { messages } = await got('https://queue.internal/v1/pending').json();

for (const m of messages) {
  await withRetries(() => axios.post('https://partner.example.com/v1/messages', m)); // expect: require-idempotency-key
  await withRetries(() => axios.post('https://partner.example.com/v1/receipts', m, { headers: { 'X-Request-Id': m.id } })); // ok
}

await withRetries(async () => {
  await got.patch('https://queue.internal/v1/cursor', { json: { at: Date.now() } }); // expect: require-idempotency-key
});

async function ackWithRetry(id, attempt = 0) {
  try {
    return await got.post(`https://queue.internal/v1/ack/${id}`); // expect: require-idempotency-key
  } catch (err) {
    if (attempt >= 3) throw err;
    await new Promise((r) => setTimeout(r, 250 * 2 ** attempt + Math.random() * 100));
    return ackWithRetry(id, attempt + 1);
  }
}

await Promise.all(messages.slice(0, 5).map((m) => ackWithRetry(m.id)));
await withRetries(() => got.delete('https://queue.internal/v1/pending')); // ok
