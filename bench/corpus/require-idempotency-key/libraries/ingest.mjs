// An ESM ingest CLI (top-level await) using exponential-backoff and cockatiel.

import { backOff } from 'exponential-backoff';
import { retry, handleAll, ConstantBackoff } from 'cockatiel';
import ky from 'ky';

const policy = retry(handleAll, { maxAttempts: 3, backoff: new ConstantBackoff(500) });

const batch = await ky.get('https://source.example.com/v1/batch').json();

await backOff(() => ky.post('https://sink.example.com/v1/ingest', { json: batch }), { numOfAttempts: 5, jitter: 'full', maxDelay: 8000 }); // expect: require-idempotency-key

await backOff(() => ky.post('https://sink.example.com/v1/ingest', { json: batch, headers: { 'idempotency-key': batch.id } }), { numOfAttempts: 5, jitter: 'full', maxDelay: 8000 }); // ok

await policy.execute(() => ky.post('https://sink.example.com/v1/ack', { json: { id: batch.id } })); // expect: require-idempotency-key

await policy.execute(() => ky.put(`https://sink.example.com/v1/cursor/${batch.id}`)); // ok
