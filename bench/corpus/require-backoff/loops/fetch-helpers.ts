// Hand-written retry loops in a TypeScript API client.
// Shapes adapted from Category5-Team3489/Category5ScoutingV2 (core/utils.tsx `fetchRetry`:
// `while (remainingRetries > 0)` + constant 200 ms), and from the retry helpers that the code
// search returns for "retry loop … sleep": `delay * 2 ** retryCount` (node-fetch `fetchWithRetries`),
// `600 * (i + 1)` linear waits (`withRetry` in src/lib/retry.ts), and `for … of` mirror fallbacks.

import axios from 'axios';
import fetch from 'node-fetch';
import { setTimeout as sleep } from 'node:timers/promises';

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

// Constant 200 ms between attempts; the sleep sits after the try/catch.
export async function fetchRetry(input: string) {
  let remainingRetries = 10;
  while (remainingRetries > 0) {
    try {
      return await fetch(input);
    } catch (error) {
      console.log('fetchRetry failed');
    }
    await new Promise((resolve) => setTimeout(resolve, 200)); // expect: require-backoff
    remainingRetries--;
  }
  throw new Error('Too many retries');
}

// Exponential, but no jitter (and no cap; the bound is a parameter).
export const fetchWithRetries = async (url: string, retries = 3, delay = 300) => {
  for (let retryCount = 0; retryCount < retries; retryCount += 1) {
    try {
      const response = await fetch(url);
      return response;
    } catch (error) {
      const retryDelay = delay * 2 ** retryCount;
      await new Promise((res) => setTimeout(res, retryDelay)); // expect: require-backoff
    }
  }
  throw new Error('Fetch reached max number of retries without succeeding');
};

// Linear growth through a local sleep helper, bounded, no jitter.
export async function withRetry<T>(fn: () => Promise<T>, attempts = 2): Promise<T> {
  let last: unknown;
  for (let i = 0; i < attempts; i++) {
    try {
      return await fn();
    } catch (e) {
      last = e;
      await wait(600 * (i + 1)); // expect: require-backoff
    }
  }
  throw last;
}

// No delay at all between the attempts.
export async function getProfile(id: string) {
  let lastError: unknown;
  for (let attempt = 0; attempt < 3; attempt++) { // expect: require-backoff
    try {
      const { data } = await axios.get(`https://accounts.internal/v1/profiles/${id}`);
      return data;
    } catch (err) {
      lastError = err;
    }
  }
  throw lastError;
}

// Capped exponential with full jitter and a bound: correct.
export async function getInvoice(id: string) {
  for (let attempt = 0; attempt < 6; attempt++) {
    try {
      const { data } = await axios.get(`https://billing.internal/v1/invoices/${id}`);
      return data;
    } catch (err) {
      if (attempt === 5) throw err;
      const ceiling = Math.min(10_000, 250 * 2 ** attempt);
      await sleep(Math.random() * ceiling); // ok
    }
  }
  throw new Error('unreachable');
}

// Uncapped, but the literal bound keeps the longest wait at 400 ms; jittered: correct.
export async function getFeatureFlags() {
  for (let i = 0; i < 3; i++) {
    try {
      const res = await fetch('https://flags.internal/v2/flags');
      return await res.json();
    } catch (err) {
      if (i === 2) throw err;
      await sleep(100 * 2 ** i + Math.random() * 100); // ok
    }
  }
  return {};
}

// Jittered but uncapped: 12 attempts of 500·2^n reach 17 minutes.
export async function exportReport(jobId: string) {
  for (let i = 0; i < 12; i++) {
    try {
      return await axios.post(`https://reports.internal/v1/jobs/${jobId}/export`);
    } catch (err) {
      await sleep(500 * 2 ** i * (0.5 + Math.random())); // expect: require-backoff
    }
  }
  throw new Error(`export ${jobId} failed`);
}

// Jittered and exponential, no cap, and the bound is not a literal (it comes from options).
export async function syncLedger(opts: { maxRetries: number }) {
  for (let i = 0; i < opts.maxRetries; i++) {
    try {
      return await axios.put('https://ledger.internal/v1/sync');
    } catch {
      await sleep(1000 * 2 ** i + Math.random() * 1000); // expect: require-backoff
    }
  }
  return null;
}

// Fallback over a list of mirrors: iteration over a collection, not a retry.
export async function downloadFromMirrors(mirrors: string[], path: string) {
  for (const base of mirrors) { // ok
    try {
      return await fetch(`${base}${path}`);
    } catch {
      continue;
    }
  }
  throw new Error('all mirrors failed');
}
