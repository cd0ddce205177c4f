// An ESM sync CLI with per-call got and ky retry options.

import got from 'got';
import ky from 'ky';

const changes = await got('https://source.internal/v1/changes', { retry: { limit: 5, methods: ['GET'] } }).json(); // ok

await ky.patch('https://target.internal/v1/records', {
  json: changes,
  retry: { limit: 3, methods: ['patch'] }, // expect: require-idempotency-key
});

await ky.post('https://target.internal/v1/commit', { json: { n: changes.length }, retry: { limit: 3 } }); // ok
