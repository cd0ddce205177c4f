// A job scheduler (ESM) that lets one replica run each tick.
// Shapes adapted from the "Simple Redis locking utility using SET NX PX" module (`acquireLock(key,
// ttlMs, timeoutMs, retryDelayMs)` polling until the lock is free) returned by the code search.

import { Redis } from 'ioredis';

const redis = new Redis(process.env.REDIS_URL);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export async function acquireLock(key, ttlMs = 5000, timeoutMs = 2000, retryDelayMs = 50) {
  const token = `${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}`;
  const start = Date.now();
  while (Date.now() - start < timeoutMs) {
    // Use Redis SET with NX and PX for atomic acquire
    const res = await redis.set(key, token, 'NX', 'PX', ttlMs); // expect: no-cross-server-coordination
    if (res === 'OK') return token;
    await sleep(retryDelayMs);
  }
  return null;
}

export async function runOnce(tick, job) {
  const token = await acquireLock(`scheduler:tick:${tick}`);
  if (!token) return false;
  await job();
  return true;
}

// Deduplicate outgoing emails per template and user.
export async function shouldSendEmail(template, userId) {
  return (await redis.set(`dedupe:email:${template}:${userId}`, '1', 'EX', 3600, 'NX')) === 'OK'; // ok
}

// Store the last tick time: plain SET.
export async function recordTick(tick) {
  await redis.set('scheduler:last-tick', String(tick)); // ok
}
