// undici's fetch and Request objects in a one-off ESM script with top-level await.
// Shapes adapted from dancastillo/examples (undici/fetch/root/post.mjs),
// bacebu4/sentry-issues (src/sentry-api/HttpClient.ts) and veyfera/axios-timed (axios.ts).

import { fetch, Request } from 'undici';

const response = await fetch('http://localhost:3000', { method: 'POST' }); // expect: require-timeout
const body = await response.json();
console.log('body', body);

const bounded = await fetch('http://localhost:3000/items', { // ok
  method: 'GET',
  signal: AbortSignal.timeout(2500),
});
console.log(bounded.status);

export class HttpJsonClient {
  async request({ method, body: payload, url, headers }) {
    const res = await fetch(url, { body: JSON.stringify(payload), method, headers }); // expect: require-timeout
    return res.json();
  }

  async requestWithDeadline({ method, url, headers, deadlineMs }) {
    const res = await fetch(url, { method, headers, signal: AbortSignal.timeout(deadlineMs) }); // ok
    return res.json();
  }
}

// A Request built with a timed signal carries its deadline into fetch.
const timedRequest = new Request('https://sentry.io/api/0/projects/', {
  headers: { Authorization: `Bearer ${process.env.SENTRY_TOKEN}` },
  signal: AbortSignal.timeout(5000),
});
const projects = await fetch(timedRequest); // ok
console.log(await projects.json());

// A Request built without a signal: the fetch is unbounded.
const plainRequest = new Request('https://sentry.io/api/0/organizations/');
const orgs = await fetch(plainRequest); // expect: require-timeout
console.log(await orgs.json());

// A Request whose controller is aborted by a timer (veyfera/axios-timed shape).
async function get(url) {
  const controller = new AbortController();
  const request = new Request(url, { signal: controller.signal });
  setTimeout(() => controller.abort(), 10 * 1000);
  return fetch(request); // ok
}

// Composite signal: the caller's signal plus a timeout.
export async function getIssue(id, callerSignal) {
  const res = await fetch(`https://sentry.io/api/0/issues/${id}/`, { // ok
    signal: AbortSignal.any([callerSignal, AbortSignal.timeout(8000)]),
  });
  return res.json();
}

// Global fetch reached through globalThis.
export async function timedFetch(url, options, timeoutSeconds = 3) {
  return globalThis.fetch(url, { // ok
    ...options,
    signal: AbortSignal.timeout(timeoutSeconds * 1000),
  });
}

export async function untimedGlobalFetch(url) {
  return globalThis.fetch(url); // expect: require-timeout
}

await get('http://localhost:3000/');
