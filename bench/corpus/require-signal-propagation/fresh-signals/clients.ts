// Fresh, non-inherited signals created while a caller's signal is in scope (TypeScript).
// Shapes adapted from the require-timeout corpus sources (Hab-Track/Habbo-Track fetchWithTimeout:
// `const controller = new AbortController(); setTimeout(() => controller.abort(), timeout)`;
// nestdotland/nest utilities/fetch.ts) and from `AbortSignal.timeout(ms)` call sites.

import axios from 'axios';
import got from 'got';
import ky from 'ky';
import { S3Client, HeadObjectCommand } from '@aws-sdk/client-s3';

const s3 = new S3Client({});

// A timer-only controller replaces the caller's signal.
export async function getReport(id: string, signal: AbortSignal) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), 5000);
  try {
    const res = await fetch(`/api/reports/${id}`, {
      signal: controller.signal, // expect: require-signal-propagation
    });
    return await res.json();
  } finally {
    clearTimeout(timer);
  }
}

// The same controller, wired to the caller's signal: derived.
export async function getReportLinked(id: string, signal: AbortSignal) {
  const controller = new AbortController();
  signal.addEventListener('abort', () => controller.abort());
  const timer = setTimeout(() => controller.abort(), 5000);
  try {
    const res = await fetch(`/api/reports/${id}`, {
      signal: controller.signal, // ok
    });
    return await res.json();
  } finally {
    clearTimeout(timer);
  }
}

// A bare timeout signal.
export async function getChart(id: string, signal: AbortSignal) {
  const res = await fetch(`/api/charts/${id}`, {
    signal: AbortSignal.timeout(8000), // expect: require-signal-propagation
  });
  return res.json();
}

// Timeout combined with the caller's signal: derived.
export async function getChartLinked(id: string, signal: AbortSignal) {
  const res = await fetch(`/api/charts/${id}`, {
    signal: AbortSignal.any([signal, AbortSignal.timeout(8000)]), // ok
  });
  return res.json();
}

// An inline fresh controller.
export async function ping(signal: AbortSignal) {
  return axios.get('/api/ping', { signal: new AbortController().signal }); // expect: require-signal-propagation
}

// Combined into a local first: derived.
export async function exportCsv(id: string, signal: AbortSignal) {
  const combined = AbortSignal.any([signal, AbortSignal.timeout(30_000)]);
  return got(`https://exports.internal/v1/${id}.csv`, {
    signal: combined, // ok
  }).text();
}

// A timeout signal kept in a local first.
export async function thumbnail(id: string, signal: AbortSignal) {
  const timeoutSignal = AbortSignal.timeout(2000);
  return ky.get(`https://images.internal/v1/${id}/thumb`, {
    signal: timeoutSignal, // expect: require-signal-propagation
  }).blob();
}

// AWS: abortSignal from a fresh controller.
export async function exists(key: string, signal: AbortSignal) {
  return s3.send(new HeadObjectCommand({ Bucket: 'docs', Key: key }), {
    abortSignal: new AbortController().signal, // expect: require-signal-propagation
  });
}

export async function existsLinked(key: string, signal: AbortSignal) {
  return s3.send(new HeadObjectCommand({ Bucket: 'docs', Key: key }), {
    abortSignal: signal, // ok
  });
}

// No inherited signal: a timeout of its own is fine.
export async function status() {
  return fetch('/api/status', {
    signal: AbortSignal.timeout(3000), // ok
  });
}
