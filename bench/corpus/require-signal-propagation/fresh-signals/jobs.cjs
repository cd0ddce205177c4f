// CommonJS jobs that receive `{ signal }` and build controllers of their own.

const axios = require('axios');
const got = require('got');

async function syncAccounts(batch, { signal }) {
  const controller = new AbortController();
  signal.addEventListener('abort', () => controller.abort(), { once: true });
  setTimeout(() => controller.abort(), 60_000).unref();
  return axios.post('https://crm.internal/v1/accounts/sync', batch, {
    signal: controller.signal, // ok
  });
}

async function syncContacts(batch, { signal }) {
  const controller = new AbortController();
  setTimeout(() => controller.abort(), 60_000).unref();
  return axios.post('https://crm.internal/v1/contacts/sync', batch, {
    signal: controller.signal, // expect: require-signal-propagation
  });
}

async function syncDeals(batch, { signal }) {
  return got.post('https://crm.internal/v1/deals/sync', {
    json: batch,
    signal: AbortSignal.timeout(60_000), // expect: require-signal-propagation
  }).json();
}

// Wired through onabort instead of addEventListener.
async function syncNotes(batch, { signal }) {
  const controller = new AbortController();
  signal.onabort = () => controller.abort();
  return got.post('https://crm.internal/v1/notes/sync', {
    json: batch,
    signal: controller.signal, // ok
  }).json();
}

// Explicit opt-out for a fire-and-forget audit write.
async function audit(entry, { signal }) {
  return axios.post('https://audit.internal/v1', entry, {
    signal: undefined, // ok
  });
}

module.exports = { syncAccounts, syncContacts, syncDeals, syncNotes, audit };
