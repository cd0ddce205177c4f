// axios-retry in CommonJS services.
// Shapes adapted from the `retryConfig` module returned by the code search (`retryCondition:
// (error) => { if (!error.hasOwnProperty("response")) return false; return error.response.status ===
// 404 || error.response.status >= 500; }`) and devenpania2912/prince-theatre (the axios-retry README
// examples).

const axios = require('axios');
const axiosRetry = require('axios-retry').default;

const retryConfig = {
  retries: 3,
  retryDelay: (retryCount) => retryCount * 2000 + Math.random() * 500,
  retryCondition: (error) => { // expect: require-idempotency-key
    if (!Object.prototype.hasOwnProperty.call(error, 'response')) {
      return false;
    }
    return error.response.status === 404 || error.response.status >= 500;
  },
};

const partners = axios.create({ baseURL: 'https://partners.example.com' });
axiosRetry(partners, retryConfig);

// README default usage.
const client = axios.create({ baseURL: 'http://example.com' });
axiosRetry(client, { retries: 3, retryDelay: axiosRetry.exponentialDelay }); // ok

// A named local predicate.
function isRetryable(error) {
  return !error.response || [429, 502, 503].includes(error.response.status);
}
const webhooks = axios.create({ baseURL: 'https://hooks.example.com' });
axiosRetry(webhooks, {
  retryDelay: axiosRetry.exponentialDelay,
  retryCondition: isRetryable, // expect: require-idempotency-key
});

axiosRetry(axios, { retries: 2, retryDelay: axiosRetry.exponentialDelay, shouldResetTimeout: true }); // ok

module.exports = { partners, client, webhooks };
