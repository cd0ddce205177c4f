// p-retry 4 (CommonJS) in an older Express service.
// Shapes adapted from `const pRetry = require('p-retry')` call sites and the
// `RetryOptions: Options = { onFailedAttempt, retries: 4 }` export returned by the code search.

const pRetry = require('p-retry');
const axios = require('axios');

const RetryOptions = {
  onFailedAttempt: (error) => {
    console.warn(`Attempt ${error.attemptNumber} Failed (${error.retriesLeft} Left)`);
  },
  retries: 4,
};

// Four retries: the largest wait is 8 s, but randomize is false.
async function getCustomer(id) {
  return pRetry(() => axios.get(`https://crm.internal/v1/customers/${id}`), RetryOptions); // expect: require-backoff
}

// Everything set: correct.
async function getOrders(customerId) {
  return pRetry(() => axios.get(`https://orders.internal/v1/customers/${customerId}/orders`), { // ok
    retries: 5,
    minTimeout: 250,
    maxTimeout: 5000,
    randomize: true,
  });
}

// Defaults: uncapped.
async function getLoyalty(customerId) {
  return pRetry(async () => { // expect: require-backoff
    const { data } = await axios.get(`https://loyalty.internal/v1/points/${customerId}`);
    return data;
  });
}

// A function that is not p-retry: a local helper with the same shape.
function retryLocal(fn, options) {
  return fn(options);
}

async function getPreferences(customerId) {
  return retryLocal(() => axios.get(`https://prefs.internal/v1/${customerId}`), { retries: 50 }); // ok
}

// Unbounded, otherwise fine.
async function waitForExport(jobId) {
  return pRetry(
    async () => {
      const { data } = await axios.get(`https://exports.internal/v1/jobs/${jobId}`);
      if (data.state !== 'done') throw new Error('pending');
      return data;
    },
    {
      retries: Infinity, // expect: require-backoff
      maxTimeout: 10000,
      randomize: true,
    },
  );
}

module.exports = { getCustomer, getOrders, getLoyalty, getPreferences, waitForExport };
