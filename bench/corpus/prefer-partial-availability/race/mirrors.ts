// Races between replicas and timeout wrappers (TypeScript).
// Shapes adapted from the require-timeout corpus sources: DagimN/Sodere-Website (fetchTimeout.ts:
// `Promise.race([fetch(url, options), new Promise((_, reject) => setTimeout(…))])`),
// houssein-berro/gnews (timeoutPromise.ts) and cgreggescalante/nff (promiseWithTimeout), plus
// "fastest mirror" helpers.

import axios from 'axios';
import got from 'got';
import Stripe from 'stripe';
import Redis from 'ioredis';
import { setTimeout as delay } from 'node:timers/promises';

const stripe = new Stripe(process.env.STRIPE_KEY as string);
const redis = new Redis(process.env.REDIS_URL as string);

export function timeoutPromise(ms: number): Promise<never> {
  return new Promise((_, reject) => {
    setTimeout(() => reject(new Error('Request timed out')), ms);
  });
}

// Two replicas: the first failure rejects the race.
export async function fastestMirror(path: string) {
  return Promise.race([fetch(`https://mirror-a.example.com${path}`), fetch(`https://mirror-b.example.com${path}`)]); // expect: prefer-partial-availability
}

export async function fastestQuote(symbol: string) {
  return Promise.race([ // expect: prefer-partial-availability
    axios.get(`https://quotes-eu.internal/v1/${symbol}`),
    axios.get(`https://quotes-us.internal/v1/${symbol}`),
  ]);
}

// A call raced against a timer: a timeout wrapper.
export default async function fetchTimeout(url: string, options?: RequestInit, timeout = 5000) {
  return Promise.race([ // ok
    fetch(url, options),
    new Promise<Response>((_, reject) => setTimeout(() => reject(new Error('Timeout')), timeout)),
  ]);
}

export async function headlines(country: string) {
  return Promise.race([axios.get(`https://gnews.io/api/v4/top-headlines?country=${country}`), timeoutPromise(8000)]); // ok
}

export async function inventory(sku: string) {
  return Promise.race([ // ok
    got(`https://inventory.internal/v1/${sku}`).json(),
    delay(3000).then(() => {
      throw new Error('inventory timeout');
    }),
  ]);
}

// The timer promise is built first and raced by name.
export async function paymentStatus(id: string) {
  const deadline = new Promise<never>((_, reject) => setTimeout(() => reject(new Error('deadline')), 2000));
  return Promise.race([stripe.paymentIntents.retrieve(id), deadline]); // ok
}

// Raced against a caller's promise that is not a timer.
export async function nextJob(queue: string, cancelled: Promise<never>) {
  return Promise.race([redis.blpop(queue, 0), cancelled]); // expect: prefer-partial-availability
}

// Two calls and a timer: the calls still race each other.
export async function fastestWithDeadline(path: string) {
  return Promise.race([ // expect: prefer-partial-availability
    axios.get(`https://a.example.com${path}`),
    axios.get(`https://b.example.com${path}`),
    timeoutPromise(5000),
  ]);
}

// A resolving timer (a soft deadline returning a fallback) is still a timer.
export async function recommendations(userId: string) {
  return Promise.race([axios.get(`https://recs.internal/v1/${userId}`), delay(800, { data: [] })]); // ok
}
