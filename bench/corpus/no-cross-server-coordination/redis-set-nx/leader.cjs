// Leader election and cron locks with node-redis and ioredis (CommonJS).
// Shapes adapted from the "very small wrapper for SETNX lock" module (`(redis as any).set(lockKey,
// token, { NX: true, PX: ttlMs })`), the compiled `acquireLock` in src/utils/locks.ts
// (`redisClient_1.default.set(key, token, "PX", ttl, "NX")`) and `acquireLock(redis, key, value,
// ttlSeconds)` with `"NX", "EX"` on separate lines, all returned by the code search.

const { createClient } = require('redis');
const Redis = require('ioredis');
const ioredis_1 = require('ioredis');

const client = createClient({ url: process.env.REDIS_URL });
const ioredis = new Redis(process.env.REDIS_URL);
const redisClient = new ioredis_1.default(process.env.REDIS_URL);

// node-redis v4 options object.
async function electLeader(service, instanceId) {
  const won = await client.set(`leader:${service}`, instanceId, { NX: true, PX: 15000 }); // expect: no-cross-server-coordination
  return won === 'OK';
}

// The compiled-TS shape (`new ioredis_1.default(...)`).
async function acquireLock(key, ttl = 2 * 60 * 1000) {
  const token = `${Date.now()}-${Math.random().toString(36).slice(2, 9)}`;
  const ok = await redisClient.set(key, token, 'PX', ttl, 'NX'); // expect: no-cross-server-coordination
  return ok === 'OK' ? token : null;
}

// Arguments on separate lines: the call line is reported.
async function acquireCronLock(key, value, ttlSeconds) {
  const ok = await ioredis.set( // expect: no-cross-server-coordination
    key,
    value,
    'NX',
    'EX',
    ttlSeconds,
  );
  return ok === 'OK';
}

// The old SETNX command plus EXPIRE.
async function lockNightlyReport() {
  const got = await ioredis.setnx('cron:nightly-report:lock', process.pid); // expect: no-cross-server-coordination
  if (got === 1) await ioredis.expire('cron:nightly-report:lock', 3600);
  return got === 1;
}

// A lease on a partition, uppercase node-redis command.
async function acquirePartitionLease(partition, owner) {
  return client.SET(`lease:partition:${partition}`, owner, { NX: true, EX: 30 }); // expect: no-cross-server-coordination
}

// Idempotency marker for API requests: not a lock.
async function ensureIdempotency(key, ttlSeconds = 60) {
  const result = await client.set(`idem:${key}`, '1', { NX: true, EX: ttlSeconds }); // ok
  return result === 'OK';
}

// Session creation with NX so ids never collide: not a lock.
async function createSession(sessionId, data) {
  return client.set(`session:${sessionId}`, JSON.stringify(data), { NX: true, EX: 1800 }); // ok
}

// Cache write without NX.
async function cacheUser(user) {
  await ioredis.set(`user:${user.id}`, JSON.stringify(user), 'EX', 300); // ok
}

async function leaderHeartbeat(service, instanceId) {
  console.log(`leader ${service}: ${instanceId} renewed its lock`); // ok
}

module.exports = { electLeader, acquireLock, acquireCronLock, lockNightlyReport, acquirePartitionLease, ensureIdempotency, createSession, cacheUser, leaderHeartbeat };
