// Typed fetch helpers in a TypeScript backend.
// Shapes adapted from xrafaelcruz/div (src/lib/api.ts), Luke Zhang's node-fetch fetchWithTimeout,
// VATMENA/hayya (src/lib/api/fetch_timeout.ts) and public "postJSON<T>" helpers.

import nodeFetch, { RequestInit as NodeRequestInit } from 'node-fetch';

export interface FetchWithTimeoutOptions extends RequestInit {
  timeout?: number;
}

export function POST(url: string, body: unknown) {
  return fetch(url, { // expect: require-timeout
    method: 'POST',
    body: JSON.stringify(body),
    headers: { 'Content-Type': 'application/json' },
  });
}

export async function postJSON<T>(url: string, body: unknown): Promise<T> {
  const res = await fetch(url, { // expect: require-timeout
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(await res.text());
  return res.json() as Promise<T>;
}

export const getJson = async <T>(url: string): Promise<T> => {
  const response = await fetch(url); // expect: require-timeout
  return response.json() as Promise<T>;
};

export const fetchWithTimeout = async (
  resource: RequestInfo,
  options: FetchWithTimeoutOptions = { timeout: 80000 },
): Promise<Response> => {
  const controller = new AbortController();
  const id = setTimeout(() => controller.abort(), options.timeout);
  const response = await fetch(resource, { // ok
    ...options,
    signal: controller.signal,
  });
  clearTimeout(id);
  return response;
};

export function fetchWithDeadline(url: string, init: RequestInit = {}, timeoutMs = 10_000): Promise<Response> {
  const signal = AbortSignal.timeout(timeoutMs);
  return fetch(url, { ...init, signal }); // ok
}

export async function fetchJsonNode<T>(url: string, init?: NodeRequestInit): Promise<T> {
  const res = await nodeFetch(url, init); // ok
  return (await res.json()) as T;
}

export async function fetchStatusNode(url: string): Promise<number> {
  const res = await nodeFetch(url, { method: 'HEAD' }); // expect: require-timeout
  return res.status;
}

// Merges the caller's cancellation with a per-call deadline.
export async function search(query: string, signal?: AbortSignal): Promise<unknown> {
  const combined = signal
    ? AbortSignal.any([signal, AbortSignal.timeout(5_000)])
    : AbortSignal.timeout(5_000);
  const res = await fetch(`/api/search?q=${encodeURIComponent(query)}`, { signal: combined }); // ok
  return res.json();
}

export class TimeoutController {
  controller: AbortController;
  timeoutId: ReturnType<typeof setTimeout> | null = null;

  constructor(timeoutMs = 60000) {
    this.controller = new AbortController();
    this.timeoutId = setTimeout(() => this.controller.abort(), timeoutMs);
  }
}

export async function uploadReport(url: string, report: Blob): Promise<void> {
  const tc = new TimeoutController(30_000);
  // The signal is a member of another object: its provenance is not a local controller.
  await fetch(url, { method: 'PUT', body: report, signal: tc.controller.signal }); // ok
}

type Method = 'GET' | 'POST' | 'DELETE';

export async function call<T>(method: Method, path: string, payload?: unknown): Promise<T> {
  const init: RequestInit = {
    method,
    headers: { 'Content-Type': 'application/json' },
    body: payload === undefined ? undefined : JSON.stringify(payload),
  };
  const res = await fetch(`https://api.example.com${path}`, init); // expect: require-timeout
  return res.json() as Promise<T>;
}

export async function deleteSession(id: string): Promise<void> {
  await fetch(`https://api.example.com/sessions/${id}`, { method: 'DELETE', signal: AbortSignal.timeout(2_000) }); // ok
}
