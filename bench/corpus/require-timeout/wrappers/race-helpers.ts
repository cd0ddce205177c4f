// Timeout wrappers around remote calls: p-timeout, Promise.race with a timer, and the
// team's configured `withTimeout` helper (settings: timeoutWrappers: ["withTimeout"]).
// Shapes adapted from DagimN/Sodere-Website (src/utils/fetchTimeout.ts), cgreggescalante/nff
// (promiseWithTimeout), clementvidon/devbarometer (withTimeout.ts), houssein-berro/gnews
// (timeoutPromise.ts) and a doOrTimeout/timeoutReject helper module.

import pTimeout from 'p-timeout';
import axios from 'axios';
import got from 'got';
import { withTimeout } from '../lib/async/withTimeout';

export function timeoutPromise(ms: number): Promise<never> {
  return new Promise((_, reject) => {
    setTimeout(() => reject(new Error('Request timed out')), ms);
  });
}

export const promiseWithTimeout = <T>(promise: Promise<T>, ms: number): Promise<T> => {
  const timeout = new Promise<T>((_, reject) => {
    setTimeout(() => reject(new Error('timeout')), ms);
  });
  return Promise.race([promise, timeout]);
};

export default async function fetchTimeout(url: string, options?: RequestInit, timeout = 5000) {
  return Promise.race([
    fetch(url, options), // ok
    new Promise<Response>((_, reject) => setTimeout(() => reject(new Error('Timeout')), timeout)),
  ]);
}

export async function headlines(country: string) {
  return Promise.race([
    axios.get(`https://gnews.io/api/v4/top-headlines?country=${country}`), // ok
    timeoutPromise(8000),
  ]);
}

export async function pTimeoutFetch(url: string) {
  return pTimeout(fetch(url), { milliseconds: 5000 }); // ok
}

export async function pTimeoutAxios(url: string) {
  return pTimeout(axios.get(url), { milliseconds: 3000, message: `GET ${url} timed out` }); // ok
}

export async function configuredWrapper(url: string) {
  const res = await withTimeout(fetch(url), 8000); // ok
  return res.json();
}

export async function configuredWrapperGot(url: string) {
  return withTimeout(got(url).json(), 4000); // ok
}

// An unconfigured helper: the rule cannot know it races a timer.
export async function unconfiguredHelper(url: string) {
  return promiseWithTimeout(axios.get(url), 3000); // expect: require-timeout
}

// Racing two remote calls against each other bounds neither.
export async function fastestMirror(path: string) {
  return Promise.race([
    fetch(`https://mirror-a.example.com${path}`), // expect: require-timeout
    fetch(`https://mirror-b.example.com${path}`), // expect: require-timeout
  ]);
}

// Promise.all waits for every element, so the timer does not bound the fetch.
export async function allNotRace(url: string) {
  return Promise.all([
    fetch(url), // expect: require-timeout
    timeoutPromise(5000).catch(() => undefined),
  ]);
}

// A race against a promise that is not a timer.
export async function raceAgainstCancel(url: string, cancelled: Promise<never>) {
  return Promise.race([axios.post(url, {}), cancelled]); // expect: require-timeout
}

// Awaited before the wrapper sees it: the request itself is unbounded.
export async function awaitedFirst(url: string) {
  const res = await fetch(url); // expect: require-timeout
  return withTimeout(res.json(), 1000);
}
