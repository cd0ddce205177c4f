// Recursive reconnects and fetch retries in TypeScript services.
// Shapes adapted from lwei88/emailing-service-demo (src/utils/messageQueue/connect.ts
// `retryConnection` with `await wait(5000)`), ayeo-flex-org/pulsar-flex
// (src/producer/services/reconnect.js: `create().catch(async () => { await sleep(5000); await
// reconnect(create) })`), and AustinGil/utils (js/retry.js, jittered `Math.pow(2, nextAttempt)`).

import amqp from 'amqplib';
import axios, { type AxiosInstance } from 'axios';
import fetch from 'node-fetch';
import { sleep } from './utils';
import { jitter } from './backoff';
import { getCachedPrice } from './price-cache';

type Repo = { id: number; name: string };

function wait(ms: number) {
  return new Promise((resolve) => {
    setTimeout(resolve, ms);
  });
}

const randInt = (min: number, max: number) => Math.floor(Math.random() * (max - min + 1) + min);

const retryConnection = async (mqConn: string): Promise<[amqp.Connection, amqp.Channel]> => { // expect: require-backoff
  console.log('Connecting to MQ...');
  try {
    const connection = await amqp.connect(mqConn);
    const channel = await connection.createChannel();
    return [connection, channel];
  } catch (e: any) {
    console.log(e.message);
    console.log('Retry to connect in 5sec...');
    await wait(5000); // expect: require-backoff
    return await retryConnection(mqConn);
  }
};

export const reconnect = (create: () => Promise<void>): Promise<void> => // expect: require-backoff
  create().catch(async (e) => {
    console.warn('producer reconnect', e);
    await sleep(5000); // expect: require-backoff
    await reconnect(create);
  });

// Jitter through a local helper, capped at 60 s, bounded: correct.
export async function withBackoff<T>(fn: () => Promise<T>, maxAttempts = 6): Promise<T> {
  const execute = async (attempt: number): Promise<T> => {
    try {
      return await fn();
    } catch (err) {
      if (attempt > maxAttempts) throw err;
      const seconds = Math.max(Math.min(2 ** attempt + randInt(-attempt, attempt), 60), 1);
      await new Promise((r) => setTimeout(r, seconds * 1000)); // ok
      return execute(attempt + 1);
    }
  };
  return execute(1);
}

// Imported jitter helper, capped, bounded: correct.
export async function loadSchema(url: string, attempt = 0): Promise<unknown> {
  try {
    const { data } = await axios.get(url);
    return data;
  } catch (err) {
    if (attempt === 5) throw err;
    await sleep(jitter(Math.min(15_000, 400 * 2 ** attempt))); // ok
    return loadSchema(url, attempt + 1);
  }
}

// Pagination recursion on success: not a retry.
export async function listAllRepos(url: string, acc: Repo[] = []): Promise<Repo[]> { // ok
  const res = await fetch(url);
  const page = (await res.json()) as Repo[];
  acc.push(...page);
  const next = parseNextLink(res.headers.get('link'));
  return next ? listAllRepos(next, acc) : acc;
}

// The catch falls back to another function, it does not call itself.
export async function getPrice(sku: string) { // ok
  try {
    return (await axios.get(`https://pricing.internal/v1/prices/${sku}`)).data;
  } catch {
    return getCachedPrice(sku);
  }
}

// A method that calls itself through `this` from its catch, with no delay.
export class CatalogClient {
  private http: AxiosInstance = axios.create({ baseURL: 'https://catalog.internal' });

  async request(path: string, attempt = 0): Promise<unknown> { // expect: require-backoff
    try {
      return (await this.http.get(path)).data;
    } catch (e) {
      if (attempt < 3) return this.request(path, attempt + 1);
      throw e;
    }
  }
}

function parseNextLink(header: string | null): string | undefined {
  const match = header?.match(/<([^>]+)>;\s*rel="next"/);
  return match?.[1];
}
