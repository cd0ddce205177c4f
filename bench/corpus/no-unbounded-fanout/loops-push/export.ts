// Loops that start one request per element and await them together later (TypeScript).
// Shapes adapted from the "makeRequest" demo (`for (const id of [1, 2, 3, 4, 5]) {
// promises.push(getArticle(id)) } return Promise.all(promises)`) and the `withConcurrencyLimit` /
// `mapWithConcurrency` helpers (infinitybase/bako-safe-ui, WickedBroX/TokenExplorer) returned by the
// code search.

import axios from 'axios';
import pLimit from 'p-limit';
import { S3Client, PutObjectCommand } from '@aws-sdk/client-s3';

const s3 = new S3Client({});
const limit = pLimit(6);

type Row = { id: string; body: string };

export async function exportRows(rows: Row[]) {
  const promises: Promise<unknown>[] = [];
  for (const row of rows) {
    promises.push(s3.send(new PutObjectCommand({ Bucket: 'exports', Key: `${row.id}.json`, Body: row.body }))); // expect: no-unbounded-fanout
  }
  await Promise.all(promises);
}

export async function verifyRows(rows: Row[]) {
  const checks = [];
  for (let i = 0; i < rows.length; i++) {
    checks.push(axios.head(`https://exports.internal/v1/${rows[i].id}.json`)); // expect: no-unbounded-fanout
  }
  return Promise.allSettled(checks);
}

async function getManifest(id: string) {
  const { data } = await axios.get(`https://exports.internal/v1/${id}/manifest`);
  return data;
}

// Through a local helper that calls out.
export async function manifests(ids: string[]) {
  const all = [];
  for (const id of ids) all.push(getManifest(id)); // expect: no-unbounded-fanout
  return Promise.all(all);
}

export async function tagAll(tags: Record<string, string>) {
  const writes = [];
  for (const [key, value] of Object.entries(tags)) {
    writes.push(axios.put(`https://tags.internal/v1/${key}`, { value })); // expect: no-unbounded-fanout
  }
  await Promise.all(writes);
}

export async function firstFive(ids: string[]) {
  const all = [];
  for (const id of ids.slice(0, 5)) all.push(getManifest(id)); // ok
  return Promise.all(all);
}

export async function checksums(rows: Row[]) {
  const sums = [];
  for (const row of rows) sums.push(crypto.subtle.digest('SHA-256', new TextEncoder().encode(row.body))); // ok
  return Promise.all(sums);
}

export async function limitedExport(rows: Row[]) {
  const tasks = [];
  for (const row of rows) {
    tasks.push(limit(() => axios.put(`https://exports.internal/v1/${row.id}`, row))); // ok
  }
  return Promise.all(tasks);
}

// Awaited one by one: sequential.
export async function sequentialExport(rows: Row[]) {
  const results = [];
  for (const row of rows) {
    results.push(await axios.put(`https://exports.internal/v1/${row.id}`, row)); // ok
  }
  return results;
}

// Thunks are collected, not started.
export async function deferred(rows: Row[]) {
  const jobs: (() => Promise<unknown>)[] = [];
  for (const row of rows) {
    jobs.push(() => axios.put(`https://exports.internal/v1/${row.id}`, row)); // ok
  }
  return jobs;
}

// A sliding window capped at `limit` in flight (bako-safe-ui withConcurrencyLimit).
export async function withConcurrencyLimit<T, R>(items: T[], max: number, fn: (item: T) => Promise<R>) {
  const responses: R[] = [];
  const executing: Promise<void>[] = [];
  for (const item of items) {
    const p = fn(item).then((res) => {
      responses.push(res);
    });
    executing.push(p); // ok
    if (executing.length >= max) await Promise.race(executing);
  }
  await Promise.all(executing);
  return { responses };
}
