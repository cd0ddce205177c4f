// axios-retry in a CommonJS service (both `require('axios-retry')` shapes).
// Shapes adapted from devenpania2912/prince-theatre (src/Components/retry.js: the axios-retry README
// examples `axiosRetry(axios, { retries: 3 })`, `axiosRetry(client, { retries: 3 })` and the
// custom `retryDelay: (retryCount) => retryCount * 1000`) and the `retryConfig` module with
// `retryCount * 2000` returned by the code search.

const axios = require('axios');
const axiosRetry = require('axios-retry').default;
const axiosRetryLegacy = require('axios-retry');

// Global instance, README default: no delay.
axiosRetry(axios, { retries: 3 }); // expect: require-backoff

const client = axios.create({ baseURL: 'http://example.com' });
axiosRetry(client, { retries: 3 }); // expect: require-backoff

// Nothing configured: no delay.
const partners = axios.create({ baseURL: 'https://partners.example.com' });
axiosRetryLegacy(partners); // expect: require-backoff

// Exported config object resolved from a local const: linear, no jitter.
const retryConfig = {
  retries: 3,
  retryDelay: (retryCount) => { // expect: require-backoff
    console.log(`axios retry attempt: ${retryCount}`);
    return retryCount * 2000;
  },
  retryCondition: (error) => error.response && error.response.status >= 500,
};
const catalog = axios.create({ baseURL: 'https://catalog.example.com' });
axiosRetry(catalog, retryConfig);

// Exponential from the default export of the legacy require: bounded by default: correct.
const cdn = axios.create({ baseURL: 'https://cdn.example.com' });
axiosRetryLegacy(cdn, { retryDelay: axiosRetryLegacy.exponentialDelay }); // ok

// linearDelay() has no jitter.
const mail = axios.create({ baseURL: 'https://mail.example.com' });
axiosRetry(mail, {
  retries: 4,
  retryDelay: axiosRetry.linearDelay(500), // expect: require-backoff
});

// A per-request override that turns retries off: not a retry configuration.
function fetchHealth() {
  return client.get('/health', { 'axios-retry': { retries: 0 } }); // ok
}

module.exports = { client, partners, catalog, cdn, mail, fetchHealth };
