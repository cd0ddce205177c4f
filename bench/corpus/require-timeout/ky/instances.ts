// ky instances in a web app. ky has a 10 s default timeout, so only an explicit
// `timeout: false` (or 0) removes the deadline.
// Shapes adapted from zoujunqin/react-base (core/src/utils/request.ts), dilastra/123321
// (src/api/api.ts), irg1008/pals-client (app/src/utils/api.ts), awicone/fe-test
// (app/src/api/client.ts) and a graph-mind createWebKy factory.

import ky, { type KyInstance } from 'ky';

const kyIns = ky.create({ prefixUrl: '', timeout: 60 * 1000 });
export const http = kyIns.extend({
  hooks: {
    beforeRequest: [(request) => console.log(request.url)],
  },
});

export const api = ky.create({
  prefixUrl: '/api',
  timeout: 30 * 1000,
});

export const plain = ky.create({
  prefixUrl: '/api',
  retry: { limit: 0 },
});

// Instance-level opt-out of the default deadline (no calls through it in this file).
export const longPoll = ky.create({
  prefixUrl: '/api/events',
  timeout: false, // expect: require-timeout
});

export function createServerKy(prefixUrl?: string, timeoutMs = 8000): KyInstance {
  return ky.extend({
    prefixUrl: prefixUrl || '/api',
    hooks: { beforeRequest: [] },
    timeout: timeoutMs,
  });
}

export async function listUsers() {
  return api.get('users').json<unknown[]>(); // ok
}

export async function getProfile() {
  return plain.get('me').json(); // ok
}

export async function saveProfile(profile: object) {
  return plain.put('me', { json: profile }).json(); // ok
}

export async function exportAll() {
  return api.get('export', {
    timeout: false, // expect: require-timeout
  }).blob();
}

export async function importAll(file: Blob) {
  return api.post('import', {
    body: file,
    timeout: 0, // ok (ky: 0 times out at once, it does not mean "none")
  }).json();
}

export async function longReport() {
  return api.get('reports/annual', { timeout: 120_000 }).json(); // ok
}

export async function direct(url: string) {
  return ky(url).json(); // ok
}

export async function directNoDeadline(url: string) {
  return ky(url, {
    retry: 0,
    timeout: false, // expect: require-timeout
  }).json();
}

export async function remove(id: string) {
  return ky.delete(`/api/items/${id}`); // ok
}

export async function patchItem(id: string, json: object) {
  return http.patch(`items/${id}`, { json }).json(); // ok
}
