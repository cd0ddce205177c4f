// Start-up connection loops in a CommonJS service (RabbitMQ + Postgres).
// Shapes adapted from LonelyUnicorns/bookmarks-services (amqp.lib/connect.js: `while (attemptCount > 0)`
// with `await sleep(ATTEMPT_INTERVAL)`), a RabbitMQ `connectWithRetry` found by the code search
// (`while (true)` + `initialDelay * Math.pow(2, attempt - 1)`), and "wait for the database" loops.

const amqplib = require('amqplib');
const { Pool } = require('pg');
const { setTimeout: sleep } = require('node:timers/promises');

const ATTEMPT_INTERVAL = 1000;
const pool = new Pool({ connectionString: process.env.DATABASE_URL });
let running = true;
let channel = null;

async function connect(url) {
  let attemptCount = 20;
  while (attemptCount > 0) {
    try {
      const conn = await amqplib.connect(url);
      return conn;
    } catch (err) {
      attemptCount--;
      console.error(err);
      await sleep(ATTEMPT_INTERVAL); // expect: require-backoff
    }
  }
  console.error('Cannot connect to RabbitMQ server');
  process.exit(1);
}

// Bounded by the throw, exponential, but neither capped by Math.min nor jittered.
async function connectWithRetry(url, opts = {}) {
  const retries = opts.retries ?? 12;
  const initialDelay = opts.initialDelayMs ?? 1000;
  let attempt = 0;
  while (true) {
    try {
      attempt++;
      const conn = await amqplib.connect(url);
      const ch = await conn.createChannel();
      return { connection: conn, channel: ch };
    } catch (err) {
      if (attempt >= retries) throw err;
      const delay = initialDelay * Math.pow(2, attempt - 1);
      await new Promise((r) => setTimeout(r, delay)); // expect: require-backoff
    }
  }
}

// Waits for Postgres forever, 2 s apart: constant delay and unbounded.
async function waitForDatabase() {
  while (true) { // expect: require-backoff
    try {
      await pool.query('SELECT 1');
      return;
    } catch (err) {
      console.log('database not ready, retrying in 2s');
      await sleep(2000); // expect: require-backoff
    }
  }
}

// Good delay, but the loop only ends when it succeeds.
async function ensureChannel(url) {
  let attempt = 0;
  while (!channel) { // expect: require-backoff
    try {
      const conn = await amqplib.connect(url);
      channel = await conn.createChannel();
    } catch (err) {
      attempt++;
      const backoff = Math.min(30000, 500 * 2 ** attempt);
      await sleep(backoff / 2 + Math.random() * (backoff / 2)); // ok
    }
  }
  return channel;
}

// Counter loop with no condition, bounded by a deadline; capped and jittered: correct.
async function waitForMigrations(timeoutMs = 60000) {
  const deadline = Date.now() + timeoutMs;
  for (let attempt = 0; ; attempt++) {
    try {
      const { rows } = await pool.query('SELECT version FROM schema_migrations ORDER BY version DESC LIMIT 1');
      return rows[0];
    } catch (err) {
      if (Date.now() > deadline) throw err;
      await sleep(Math.min(5000, 100 * 2 ** attempt) * Math.random()); // ok
    }
  }
}

// A worker loop: it polls after success and after failure, so it is not a retry.
async function pollOutbox(publish) {
  while (running) {
    try {
      const { rows } = await pool.query('SELECT * FROM outbox WHERE sent_at IS NULL LIMIT 100');
      for (const row of rows) await publish(row);
    } catch (err) {
      console.error('outbox poll failed', err);
    }
    await sleep(1000); // ok
  }
}

// The try holds only synchronous work: not a retry.
function parseFirstValid(lines) {
  for (let i = 0; i < lines.length; i++) { // ok
    try {
      return JSON.parse(lines[i]);
    } catch {
      // try the next line
    }
  }
  return null;
}

function stop() {
  running = false;
}

module.exports = { connect, connectWithRetry, waitForDatabase, ensureChannel, waitForMigrations, pollOutbox, parseFirstValid, stop };
