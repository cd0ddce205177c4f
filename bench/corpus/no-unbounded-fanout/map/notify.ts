// Notification and enrichment jobs that map whole collections to remote calls (TypeScript).
// Shapes adapted from danielbastidas/node-js-certification (promises/promise-all.js: `ids.map(id =>
// getTodo(id))` + `Promise.all`), the `getAll(ids, getter)` helper, and timegated/functional-js
// (`postIds.map(async (id) => await getPost(id))`) returned by the code search.

import axios from 'axios';
import { Pool } from 'pg';
import { S3Client, DeleteObjectCommand } from '@aws-sdk/client-s3';
import Redis from 'ioredis';
import _ from 'lodash';

const pool = new Pool();
const s3 = new S3Client({});
const redis = new Redis(process.env.REDIS_URL as string);

type User = { id: string; email: string };

export async function emailEveryone(users: User[], subject: string) {
  await Promise.all(users.map((u) => axios.post('https://mail.internal/v1/send', { to: u.email, subject }))); // expect: no-unbounded-fanout
}

export async function enrich(ids: string[]) {
  return Promise.all( // expect: no-unbounded-fanout
    ids.map(async (id) => {
      const { data } = await axios.get(`https://profiles.internal/v1/${id}`);
      return data;
    }),
  );
}

export async function purgeUploads(tenantId: string) {
  const { rows } = await pool.query('SELECT key FROM uploads WHERE tenant_id = $1', [tenantId]);
  await Promise.all(rows.map((r) => s3.send(new DeleteObjectCommand({ Bucket: 'uploads', Key: r.key })))); // expect: no-unbounded-fanout
}

export async function warmCaches(keys: Set<string>) {
  return Promise.allSettled(Array.from(keys).map((k) => redis.get(k))); // expect: no-unbounded-fanout
}

export async function tenantCounts(tenants: Record<string, string>) {
  return Promise.all(Object.keys(tenants).map((t) => pool.query('SELECT count(*) FROM orders WHERE tenant_id = $1', [t]))); // expect: no-unbounded-fanout
}

export async function activeOnly(users: (User & { active: boolean })[]) {
  return Promise.all(users.filter((u) => u.active).map((u) => fetch(`https://presence.internal/v1/${u.id}`))); // expect: no-unbounded-fanout
}

// Twelve literal elements: more than ten.
export async function allRegions() {
  return Promise.all( // expect: no-unbounded-fanout
    ['us-east-1', 'us-east-2', 'us-west-1', 'us-west-2', 'eu-west-1', 'eu-west-2', 'eu-central-1', 'ap-south-1', 'ap-northeast-1', 'ap-southeast-1', 'sa-east-1', 'ca-central-1'].map((r) =>
      fetch(`https://status.example.com/${r}`),
    ),
  );
}

// A short literal tuple.
export async function threeRegions() {
  return Promise.all(['eu-west-1', 'us-east-1', 'ap-south-1'].map((r) => fetch(`https://status.example.com/${r}`))); // ok
}

// Only the first five.
export async function topFive(ids: string[]) {
  return Promise.all(ids.slice(0, 5).map((id) => axios.get(`https://profiles.internal/v1/${id}`))); // ok
}

// Local work.
export async function hashAll(values: string[]) {
  return Promise.all(values.map(async (v) => v.split('').reverse().join(''))); // ok
}

// Batches of 25, one batch at a time.
export async function batched(ids: string[]) {
  for (const chunk of _.chunk(ids, 25)) {
    await Promise.all(chunk.map((id) => axios.get(`https://profiles.internal/v1/${id}`))); // ok
  }
}

// Sequential.
export async function sequential(ids: string[]) {
  const out = [];
  for (const id of ids) out.push(await axios.get(`https://profiles.internal/v1/${id}`)); // ok
  return out;
}
