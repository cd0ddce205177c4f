// Timer-based reconnects in CommonJS consumers: the function reschedules itself with setTimeout
// from its error path. Shapes adapted from the classic mongoose `connectWithRetry` +
// `setTimeout(connectWithRetry, 5000)` pattern, amqplib consumers that call
// `setTimeout(start, 5000)` from the catch, and node-redis subscriber reconnect helpers.

const amqp = require('amqplib');
const mongoose = require('mongoose');
const { createClient } = require('redis');
const { Pool } = require('pg');

const pool = new Pool();
const subscriber = createClient({ url: process.env.REDIS_URL });
let connection;
let dbAttempts = 0;
let subscriberAttempt = 0;

function handleMessage(msg) {
  console.log('email job', msg && msg.content.toString());
}

// Forever, every 5 s.
async function startConsumer() { // expect: require-backoff
  try {
    connection = await amqp.connect(process.env.AMQP_URL);
    const channel = await connection.createChannel();
    await channel.consume('emails', handleMessage);
  } catch (err) {
    console.error('[AMQP]', err.message);
    setTimeout(startConsumer, 5000); // expect: require-backoff
  }
}

// Bounded by a module-level counter, but constant.
const connectWithRetry = async () => {
  try {
    await mongoose.connect(process.env.MONGO_URL);
  } catch (err) {
    dbAttempts += 1;
    if (dbAttempts > 10) throw err;
    console.log('MongoDB connection unsuccessful, retry after 5 seconds.');
    setTimeout(connectWithRetry, 5000); // expect: require-backoff
  }
};

// Bounded, capped and jittered: correct.
async function connectSubscriber() {
  try {
    await subscriber.connect();
    await subscriber.subscribe('invalidate', (key) => console.log('invalidate', key));
    subscriberAttempt = 0;
  } catch (err) {
    subscriberAttempt += 1;
    if (subscriberAttempt > 8) {
      console.error('giving up on the invalidation channel', err);
      return;
    }
    const backoff = Math.min(30000, 1000 * 2 ** subscriberAttempt);
    setTimeout(connectSubscriber, backoff / 2 + Math.random() * (backoff / 2)); // ok
  }
}

// Polls after success and after failure: a scheduler, not a retry.
async function pollJobs() {
  try {
    const { rows } = await pool.query("SELECT id FROM jobs WHERE state = 'ready' LIMIT 50");
    rows.forEach((row) => console.log('job', row.id));
  } catch (err) {
    console.error(err);
  } finally {
    setTimeout(pollJobs, 10_000); // ok
  }
}

// Linear, bounded, no jitter.
async function scheduleSync(attempt = 1) {
  try {
    await pool.query('CALL refresh_materialized_views()');
  } catch (err) {
    if (attempt >= 5) throw err;
    setTimeout(() => scheduleSync(attempt + 1), attempt * 2000); // expect: require-backoff
  }
}

// Rescheduled from the success path only (a token refresh timer): not a retry.
async function refreshCredentials() {
  const { rows } = await pool.query('SELECT token, expires_in FROM service_tokens LIMIT 1');
  setTimeout(refreshCredentials, Math.max(1000, rows[0].expires_in * 1000 - 60_000)); // ok
}

module.exports = { startConsumer, connectWithRetry, connectSubscriber, pollJobs, scheduleSync, refreshCredentials };
