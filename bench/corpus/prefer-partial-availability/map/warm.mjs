// An ESM cache-warming script with top-level await.

import got from 'got';
import { readFile } from 'node:fs/promises';

const routes = JSON.parse(await readFile(new URL('./routes.json', import.meta.url), 'utf8'));

await Promise.all(routes.map((r) => got(`https://www.example.com${r}`, { headers: { 'x-warm': '1' } }))); // expect: prefer-partial-availability

const sizes = await Promise.all(routes.map(async (r) => r.length)); // ok

const settled = await Promise.allSettled(routes.map((r) => got(`https://cdn.example.com${r}`))); // ok
console.log(sizes.length, settled.length);
