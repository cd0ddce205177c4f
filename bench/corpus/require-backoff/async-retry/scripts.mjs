// Maintenance scripts (ESM, top-level await) using async-retry, plus a look-alike `retry`.
// Shapes adapted from the async-retry examples returned by the code search (`retry(async bail =>
// …, { retries: 2, minTimeout: 2000, maxTimeout: 2000 })`) and Vercel CLI style scripts.

import retry from 'async-retry';
import { MongoClient } from 'mongodb';
import { Queue } from 'bullmq';

const client = new MongoClient(process.env.MONGO_URL);
const events = client.db('app').collection('events');
const failedQueue = new Queue('emails', { connection: { host: 'redis' } });

// Capped and bounded: correct.
await retry(() => client.connect(), { retries: 5, maxTimeout: 5000 }); // ok

// Defaults: uncapped.
const count = await retry(() => events.countDocuments({ type: 'signup' })); // expect: require-backoff
console.log(`signups: ${count}`);

// randomize turned off and the cap is missing: reported once, as uncapped (the missing default).
const latest = await retry(() => events.find().sort({ at: -1 }).limit(10).toArray(), { // expect: require-backoff
  retries: 10,
  randomize: false,
});
console.log(latest.length);

// BullMQ's Job#retry re-queues a failed job once: not a retry policy.
for (const job of await failedQueue.getFailed()) {
  await job.retry(); // ok
}

// factor 3 over seven retries: 729 s at the end, with no cap.
await retry(() => events.updateMany({ migrated: { $ne: true } }, { $set: { migrated: true } }), { retries: 7, factor: 3 }); // expect: require-backoff

// minTimeout 0: every wait is zero.
await retry(() => events.insertOne({ type: 'script-run', at: new Date() }), {
  retries: 5,
  minTimeout: 0, // expect: require-backoff
});

// Three retries, randomized by default: correct.
await retry(() => events.createIndex({ type: 1, at: -1 }), { retries: 3, minTimeout: 250 }); // ok

await client.close();
