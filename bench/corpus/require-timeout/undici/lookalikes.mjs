// `request`, `Agent` and `Pool` from packages other than undici, plus local names.
// Shapes adapted from IDEOorg/steps-bot (request-promise), node:https Agent setup and
// generic-pool / threads.js pools.

import rp from 'request-promise';
import { request as gqlRequest } from 'graphql-request';
import { Agent as HttpsAgent } from 'node:https';
import { createPool } from 'generic-pool';
import { Pool as ThreadPool, spawn, Worker } from 'threads';

export const keepAlive = new HttpsAgent({ keepAlive: true, timeout: 0 }); // ok

export const workers = ThreadPool(() => spawn(new Worker('./hash-worker.js')), 4); // ok

export const connections = createPool({ // ok
  create: async () => ({ id: Math.random() }),
  destroy: async () => undefined,
}, { max: 10 });

export async function legacyPost() {
  return rp({ // ok
    method: 'POST',
    uri: 'http://api.posttestserver.com/post',
    body: { some: 'payload' },
    json: true,
  });
}

export async function graphql(endpoint, query) {
  return gqlRequest(endpoint, query); // ok
}

function request(path, handler) {
  return { path, handler };
}
export const route = request('/health', () => 'ok'); // ok
