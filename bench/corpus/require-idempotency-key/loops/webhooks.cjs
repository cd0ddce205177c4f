// CommonJS webhook senders and order clients with recursive and timer-free retries.
// Shapes adapted from ratehub/newrelic-missing-stack-trace (recursive `fetchWithRetry(url, attempts)`)
// and the `retryFactory` recursion in khejit/Safenote.

const got = require('got');
const https = require('node:https');
const fetch = require('node-fetch');
const { setTimeout: sleep } = require('node:timers/promises');

// Recursive retry of a got POST.
async function deliver(url, event, attempt = 0) {
  try {
    return await got.post(url, { json: event }); // expect: require-idempotency-key
  } catch (err) {
    if (attempt >= 4) throw err;
    await sleep(Math.min(10_000, 250 * 2 ** attempt) * Math.random());
    return deliver(url, event, attempt + 1);
  }
}

// The same, keyed by the event id.
async function deliverKeyed(url, event, attempt = 0) {
  try {
    return await got.post(url, { json: event, headers: { 'X-Idempotency-Key': event.id } }); // ok
  } catch (err) {
    if (attempt >= 4) throw err;
    await sleep(Math.min(10_000, 250 * 2 ** attempt) * Math.random());
    return deliverKeyed(url, event, attempt + 1);
  }
}

// node:https POST in a retry loop.
async function postLegacy(path, body) {
  for (let i = 0; i < 3; i++) {
    try {
      return await new Promise((resolve, reject) => {
        const req = https.request({ host: 'legacy.example.com', path, method: 'POST' }, resolve); // expect: require-idempotency-key
        req.on('error', reject);
        req.end(JSON.stringify(body));
      });
    } catch {
      await sleep(1000 * 2 ** i + Math.random() * 500);
    }
  }
  return null;
}

// Lower-case method string: still a POST.
async function enqueue(job) {
  for (let i = 0; i < 3; i++) {
    try {
      return await fetch('https://jobs.example.com/v1/queue', { method: 'post', body: JSON.stringify(job) }); // expect: require-idempotency-key
    } catch {
      await sleep(500 * 2 ** i + Math.random() * 500);
    }
  }
  return null;
}

// `idempotency_key` in the body.
async function createTransfer(transfer) {
  for (let i = 0; i < 3; i++) {
    try {
      return await got.post('https://bank.example.com/v1/transfers', { json: { ...transfer, idempotency_key: transfer.ref } }); // ok
    } catch {
      await sleep(500 * 2 ** i + Math.random() * 500);
    }
  }
  return null;
}

// Each subscriber once: iteration, not retry.
async function fanOut(subscribers, event) {
  const failed = [];
  for (const s of subscribers) {
    try {
      await got.post(s.url, { json: event }); // ok
    } catch {
      failed.push(s.id);
    }
  }
  return failed;
}

module.exports = { deliver, deliverKeyed, postLegacy, enqueue, createTransfer, fanOut };
