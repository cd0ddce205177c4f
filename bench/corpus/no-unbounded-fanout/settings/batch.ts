// A team helper `runLimited(fn)` (from @acme/concurrency) bounds fan-outs; it is taught to the rule
// through settings (concurrencyLimiters: ["runLimited"]). Call shapes follow map/ and foreach/.

import axios from 'axios';
import { runLimited, withLimit } from '@acme/concurrency';
import Redis from 'ioredis';

const redis = new Redis(process.env.REDIS_URL as string);

export async function refreshAll(ids: string[]) {
  return Promise.all(ids.map((id) => runLimited(() => axios.post(`https://search.internal/v1/refresh/${id}`)))); // ok
}

export async function refreshAllSettled(ids: string[]) {
  return Promise.allSettled(ids.map((id) => runLimited(() => axios.post(`https://search.internal/v1/refresh/${id}`)))); // ok
}

export function warm(keys: string[]) {
  keys.forEach((k) => runLimited(() => redis.get(k))); // ok
}

export async function pushAll(ids: string[]) {
  const tasks = [];
  for (const id of ids) tasks.push(runLimited(() => axios.put(`https://crm.internal/v1/${id}`))); // ok
  return Promise.all(tasks);
}

// An unconfigured helper: unknown to the rule.
export async function reindexAll(ids: string[]) {
  return Promise.all(ids.map((id) => withLimit(() => axios.post(`https://search.internal/v1/reindex/${id}`)))); // expect: no-unbounded-fanout
}

// No limiter at all.
export async function deleteAll(ids: string[]) {
  return Promise.all(ids.map((id) => axios.delete(`https://search.internal/v1/docs/${id}`))); // expect: no-unbounded-fanout
}

export function evict(keys: string[]) {
  keys.forEach((k) => redis.del(k)); // expect: no-unbounded-fanout
}

export async function pingAll(ids: string[]) {
  const pings = [];
  for (const id of ids) pings.push(axios.head(`https://crm.internal/v1/${id}`)); // expect: no-unbounded-fanout
  return Promise.all(pings);
}
