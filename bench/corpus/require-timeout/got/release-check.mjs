// A release-checking CLI script with top-level await (got 14, ESM).
// Shapes adapted from pogilvie/tproject (client.ts) and public got README snippets;
// the `got` helper at the bottom mirrors a local "got a lock?" utility.

import got from 'got';
import { got as lockGot } from './lock-utils.mjs';

const registry = 'https://registry.npmjs.org';

const meta = await got(`${registry}/faultline-cli`).json(); // expect: require-timeout
console.log(meta['dist-tags']);

const latest = await got(`${registry}/faultline-cli/latest`, { timeout: { request: 5000 } }).json(); // ok
console.log(latest.version);

const response = await got.post('http://localhost:28139', { // expect: require-timeout
  headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
  json: { drink: 'coffee' },
});
console.log(response.statusCode);

const checksum = await got.get(`${registry}/-/v1/search`, { // ok
  searchParams: { text: 'faultline' },
  timeout: { send: 2000, response: 4000 },
}).json();
console.log(checksum.total);

// A local helper that happens to be called `got` (acquires a file lock).
const haveLock = lockGot('release.lock'); // ok
console.log(haveLock);
