// An ESM purge script using p-map with and without a limit.

import pMap from 'p-map';
import got from 'got';

const { keys } = await got('https://cdn.internal/v1/stale').json();

await pMap(keys, (key) => got.delete(`https://cdn.internal/v1/objects/${key}`), { concurrency: 8 }); // ok

await pMap(keys, (key) => got.post('https://cdn.internal/v1/purge', { json: { key } }), { concurrency: Infinity }); // expect: no-unbounded-fanout

await pMap(keys, async (key) => key.toLowerCase()); // ok
