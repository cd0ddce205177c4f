// Queue worker helpers (ESM, top-level await): S3 uploads, Redis publishes, got calls.
// Shapes adapted from doubling-delay loops (`delay *= 2`) in worker code returned by the code
// search, and from `for (;;)` follower loops; the config bootstrap is a top-level-await variant.

import { setTimeout as delay } from 'timers/promises';
import got from 'got';
import { S3Client, PutObjectCommand } from '@aws-sdk/client-s3';
import { Redis } from 'ioredis';

const s3 = new S3Client({});
const redis = new Redis(process.env.REDIS_URL);

// Doubling wait; the literal bound keeps it at 16 s, but nothing is jittered.
export async function uploadArtifact(key, body) {
  let wait = 500;
  for (let i = 0; i < 6; i++) {
    try {
      return await s3.send(new PutObjectCommand({ Bucket: 'artifacts', Key: key, Body: body }));
    } catch (err) {
      if (i === 5) throw err;
      await delay(wait); // expect: require-backoff
      wait *= 2;
    }
  }
  return null;
}

// Doubling with a Math.min cap and jitter: correct.
export async function publishEvent(channel, payload) {
  let backoff = 200;
  for (let attempt = 0; attempt < 8; attempt++) {
    try {
      return await redis.publish(channel, JSON.stringify(payload));
    } catch (err) {
      await delay(backoff + Math.floor(Math.random() * backoff)); // ok
      backoff = Math.min(backoff * 2, 10_000);
    }
  }
  throw new Error('publish failed');
}

// No delay and no bound.
export async function followLeader(url) {
  for (;;) { // expect: require-backoff
    try {
      return await got(url).json();
    } catch (err) {
      console.warn('leader unreachable', err.message);
    }
  }
}

// Constant base plus jitter is still a constant delay.
export async function refreshToken(tokenUrl) {
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      const { access_token } = await got.post(tokenUrl, { form: { grant_type: 'client_credentials' } }).json();
      return access_token;
    } catch {
      await delay(2000 + Math.random() * 500); // expect: require-backoff
    }
  }
  throw new Error('token refresh failed');
}

// Flag exit, bounded, but no wait between attempts.
export async function ackAll(ids) {
  let done = false;
  let tries = 0;
  while (!done && tries < 4) { // expect: require-backoff
    try {
      await redis.del(...ids.map((id) => `inflight:${id}`));
      done = true;
    } catch {
      tries++;
    }
  }
  return done;
}

// Delivery to each subscriber once: iteration, not a retry.
export async function deliverAll(webhooks, payload) {
  const failed = [];
  for (const hook of webhooks) { // ok
    try {
      await got.post(hook.url, { json: payload });
    } catch {
      failed.push(hook.id);
    }
  }
  return failed;
}

// Top-level bootstrap: bounded, capped, full jitter.
const MAX_ATTEMPTS = 5;
let attempt = 0;
export let config = null;
while (attempt < MAX_ATTEMPTS) {
  try {
    config = await got('https://config.internal/v1/worker').json();
    break;
  } catch (err) {
    attempt++;
    await delay(Math.random() * Math.min(8000, 250 * 2 ** attempt)); // ok
  }
}
