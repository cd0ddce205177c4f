// A typed API client whose functions accept an AbortSignal (TypeScript).
// Shapes adapted from leolanese/React-abort-fetch-api-with-hooks and the "fetchEvents({ signal })"
// TanStack helper (`const response = await fetch(url, { signal: signal })`) returned by the code
// search, and from API modules that take `signal?: AbortSignal` as the last parameter.

import { request } from 'undici';
import { Pool } from 'pg';

const pool = new Pool();
const BASE = 'https://api.example.com/v1';

type User = { id: string; name: string };

export async function getUser(id: string, signal: AbortSignal): Promise<User> {
  const res = await fetch(`${BASE}/users/${id}`); // expect: require-signal-propagation
  return res.json();
}

export async function getUserOk(id: string, signal: AbortSignal): Promise<User> {
  const res = await fetch(`${BASE}/users/${id}`, { signal }); // ok
  return res.json();
}

export async function updateUser(id: string, patch: Partial<User>, signal?: AbortSignal) {
  const res = await fetch(`${BASE}/users/${id}`, { // expect: require-signal-propagation
    method: 'PATCH',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(patch),
  });
  return res.ok;
}

export async function deleteUser(id: string, signal?: AbortSignal) {
  const res = await fetch(`${BASE}/users/${id}`, { method: 'DELETE', headers: { accept: 'application/json' }, signal }); // ok
  return res.ok;
}

// Combined with a timeout: derived.
export async function getTeam(id: string, signal: AbortSignal) {
  const res = await fetch(`${BASE}/teams/${id}`, { signal: AbortSignal.any([signal, AbortSignal.timeout(5000)]) }); // ok
  return res.json();
}

// Caller options spread, signal added: derived.
export async function listTeams(init: RequestInit, signal: AbortSignal) {
  return fetch(`${BASE}/teams`, { ...init, signal }); // ok
}

// Caller options passed through: opaque.
export async function raw(path: string, init: RequestInit, signal: AbortSignal) {
  return fetch(`${BASE}${path}`, init); // ok
}

// Explicit opt-out.
export async function sendBeaconLike(payload: unknown, signal: AbortSignal) {
  return fetch(`${BASE}/audit`, { method: 'POST', body: JSON.stringify(payload), keepalive: true, signal: undefined }); // ok
}

// Typed AbortSignal under another name.
export async function pollJob(id: string, stop: AbortSignal) {
  const res = await fetch(`${BASE}/jobs/${id}`); // expect: require-signal-propagation
  return res.json();
}

// `*Signal` naming.
export async function download(url: string, abortSignal: AbortSignal) {
  const first = await fetch(url, { signal: abortSignal }); // ok
  const checksum = await fetch(`${url}.sha256`); // expect: require-signal-propagation
  return { body: await first.arrayBuffer(), sum: await checksum.text() };
}

// undici.request accepts a signal too.
export async function metrics(signal: AbortSignal) {
  const { body } = await request(`${BASE}/metrics`); // expect: require-signal-propagation
  return body.text();
}

export async function metricsOk(signal: AbortSignal) {
  const { body } = await request(`${BASE}/metrics`, { signal }); // ok
  return body.text();
}

// pg does not take an AbortSignal.
export async function countUsers(signal: AbortSignal) {
  const { rows } = await pool.query('SELECT count(*) FROM users'); // ok
  return Number(rows[0].count);
}

// No signal in scope: not judged.
export async function ping() {
  return fetch(`${BASE}/ping`); // ok
}
