// Catalog and search services that fan results in with `Promise.all(xs.map(...))` (TypeScript).
// Shapes adapted from danielbastidas/node-js-certification (promises/promise-all.js: `ids.map(id =>
// getTodo(id))` then `Promise.all`), the `getAll(ids, getter)` helper and timegated/functional-js
// (`postIds.map(async (id) => await getPost(id))`) returned by the code search.

import axios from 'axios';
import got from 'got';
import pLimit from 'p-limit';
import { promises as fs } from 'node:fs';
import { S3Client, GetObjectCommand } from '@aws-sdk/client-s3';
import Redis from 'ioredis';

const s3 = new S3Client({});
const redis = new Redis(process.env.REDIS_URL as string);
const limit = pLimit(8);
const url = 'https://jsonplaceholder.typicode.com/todos';

type Item = { id: string; price: number };

export async function todoTitles(ids: number[]) {
  const todos = await Promise.all(ids.map((id) => fetch(`${url}/${id}`).then((res) => res.json()))); // expect: prefer-partial-availability
  return todos.map((t: { title: string }) => t.title);
}

export async function hydrate(items: Item[]) {
  return Promise.all( // expect: prefer-partial-availability
    items.map(async (item) => {
      const { data } = await axios.get(`https://pricing.internal/v1/prices/${item.id}`);
      return { ...item, price: data.amount };
    }),
  );
}

export async function loadBlobs(keys: string[]) {
  return Promise.all(keys.map((key) => s3.send(new GetObjectCommand({ Bucket: 'catalog', Key: key })))); // expect: prefer-partial-availability
}

export async function profiles(rows: { id: string }[]) {
  return Promise.all(rows.map((r) => redis.hgetall(`user:${r.id}`))); // expect: prefer-partial-availability
}

export async function healthOfAll(services: Record<string, string>) {
  return Promise.all(Object.entries(services).map(([, base]) => got(`${base}/health`).json())); // expect: prefer-partial-availability
}

// Concurrency-limited, but still all-or-nothing.
export async function thumbnails(ids: string[]) {
  return Promise.all(ids.map((id) => limit(() => axios.get(`https://images.internal/v1/thumbs/${id}`)))); // expect: prefer-partial-availability
}

// Settled: partial results.
export async function bestEffortPrices(items: Item[]) {
  const results = await Promise.allSettled(items.map((i) => axios.get(`https://pricing.internal/v1/prices/${i.id}`))); // ok
  return results.flatMap((r) => (r.status === 'fulfilled' ? [r.value.data] : []));
}

// Any mirror will do.
export async function fromAnyMirror(mirrors: string[], path: string) {
  return Promise.any(mirrors.map((m) => fetch(`${m}${path}`))); // ok
}

// Local files only.
export async function readFixtures(paths: string[]) {
  return Promise.all(paths.map((p) => fs.readFile(p, 'utf8'))); // ok
}

// Pure local transformation.
const normalize = async (item: Item) => ({ ...item, price: Math.round(item.price * 100) / 100 });
export async function normalizeAll(items: Item[]) {
  return Promise.all(items.map(async (item) => normalize(item))); // ok
}

// Each element swallows its own failure.
export async function optionalReviews(ids: string[]) {
  return Promise.all(ids.map((id) => axios.get(`https://reviews.internal/v1/${id}`).catch(() => null))); // ok
}
