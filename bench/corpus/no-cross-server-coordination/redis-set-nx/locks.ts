// Hand-rolled Redis locks (ioredis) and look-alike SET NX uses (TypeScript).
// Shapes adapted from the `acquireLock(key, ttlMs)` / `releaseLock(key, token)` modules returned by
// the code search (`redis.set(`lock:${key}`, token, "EX", ttlSeconds, "NX")`, `set(key, token, "PX",
// ttl, "NX")` with a Lua release script), KRISHNAKANT-KUSHWAHA/farmlokal-backend
// (src/modules/webhooks/webhook.handler.ts: `redis.set(`webhook:${eventId}`, "1", "EX", 3600)`),
// and sparkiq-git/v0-quote-builder (lib/idempotency.ts `ensureIdempotency`).

import crypto from 'node:crypto';
import Redis from 'ioredis';

const redis = new Redis(process.env.REDIS_URL as string);

const RELEASE = `
  if redis.call("get", KEYS[1]) == ARGV[1] then
    return redis.call("del", KEYS[1])
  else
    return 0
  end`;

/** Acquire a distributed lock using Redis SET NX EX. */
export async function acquireLock(key: string, ttlMs: number): Promise<string | null> {
  const token = crypto.randomUUID();
  const ttlSeconds = Math.ceil(ttlMs / 1000);
  const result = await redis.set(`lock:${key}`, token, 'EX', ttlSeconds, 'NX'); // expect: no-cross-server-coordination
  return result === 'OK' ? token : null;
}

export async function releaseLock(key: string, token: string): Promise<void> {
  await redis.eval(RELEASE, 1, `lock:${key}`, token); // ok
}

// Option order PX … NX, key built elsewhere.
export async function tryLock(lockKey: string, ttl = 2 * 60 * 1000) {
  const token = `${Date.now()}-${Math.random().toString(36).slice(2, 9)}`;
  const ok = await redis.set(lockKey, token, 'PX', ttl, 'NX'); // expect: no-cross-server-coordination
  return ok === 'OK' ? token : null;
}

// The key says nothing, the function is a mutex.
export async function acquireMutex(name: string, holder: string) {
  return (await redis.set(name, holder, 'NX', 'PX', 30_000)) === 'OK'; // expect: no-cross-server-coordination
}

// A counting semaphore built from NX slots.
export async function takeSemaphoreSlot(resource: string, slots: number, owner: string) {
  for (let slot = 0; slot < slots; slot++) {
    const taken = await redis.set(`semaphore:${resource}:${slot}`, owner, 'NX', 'EX', 60); // expect: no-cross-server-coordination
    if (taken === 'OK') return slot;
  }
  return -1;
}

// Extending a held lock uses XX, not NX.
export async function extendLock(key: string, token: string, ttlMs: number) {
  return redis.set(`lock:${key}`, token, 'XX', 'PX', ttlMs); // ok
}

// Deduplication marker: SET NX, but nobody waits for it or holds it.
export async function markProcessed(eventId: string) {
  const first = await redis.set(`processed:${eventId}`, '1', 'EX', 86400, 'NX'); // ok
  return first === 'OK';
}

// Webhook replay protection without NX.
export async function webhookHandler(eventId: string, payload: unknown) {
  const alreadyProcessed = await redis.get(`webhook:${eventId}`); // ok
  if (alreadyProcessed) return { message: 'Duplicate event ignored' };
  await redis.set(`webhook:${eventId}`, '1', 'EX', 3600); // ok
  console.log('Webhook processed:', payload);
  return { message: 'Webhook processed' };
}

// A maintenance flag named "lock", written without NX.
export async function enableMaintenance() {
  await redis.set('maintenance-lock', '1'); // ok
}

// A fixed-window rate limiter seeds its counter with NX.
export async function hitRateLimit(ip: string) {
  await redis.set(`ratelimit:${ip}`, 0, 'EX', 60, 'NX'); // ok
  return redis.incr(`ratelimit:${ip}`);
}

// An in-memory Map is not Redis.
const localLocks = new Map<string, string>();
export function lockInMemory(key: string, owner: string) {
  if (localLocks.has(key)) return false;
  localLocks.set(`lock:${key}`, owner); // ok
  return true;
}
