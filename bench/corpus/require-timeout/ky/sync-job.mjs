// A nightly sync script using ky in Node (top-level await).
// Shapes adapted from ky README examples and public ky-based CLI scripts.

import ky from 'ky';

const source = ky.extend({ prefixUrl: process.env.SOURCE_URL, timeout: 15_000 });
const target = ky.extend({ prefixUrl: process.env.TARGET_URL });

const items = await source.get('items', { searchParams: { since: process.argv[2] } }).json(); // ok

for (const item of items) {
  await target.put(`items/${item.id}`, { json: item }); // ok
}

await target.post('reindex', {
  timeout: false, // expect: require-timeout
});

const dump = await source.get('dump', { timeout: 0 }).arrayBuffer(); // ok (ky: 0 times out at once)
console.log(dump.byteLength);

const status = await ky('https://status.example.com/api/v2/status.json').json(); // ok
console.log(status.status.indicator);
