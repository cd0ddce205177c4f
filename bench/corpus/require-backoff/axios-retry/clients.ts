// axios-retry on axios instances in a TypeScript backend.
// Shapes adapted from Infisical/infisical (backend/src/lib/config/request.ts: retries 3,
// exponentialDelay, retryCondition isNetworkError || isRetryableError), guidojw/arora-api
// (src/loaders/axios.ts: exponentialDelay, custom retryCondition), and the axios-retry typing
// examples returned by the code search (`const config: AxiosRetryConfig = { retryDelay: … }`).
// axios-retry 4.5 defaults: retries 3, retryDelay = no delay; exponentialDelay = 2^n·100 ms + ≤20 %.

import axios from 'axios';
import axiosRetry, { exponentialDelay, type IAxiosRetryConfig } from 'axios-retry';

export const request = axios.create();

axiosRetry(request, { // ok
  retries: 3,
  retryDelay: axiosRetry.exponentialDelay,
  retryCondition: (err) => axiosRetry.isNetworkError(err) || axiosRetry.isRetryableError(err),
});

axiosRetry(axios, { // ok
  retryCondition: (err) => axiosRetry.isNetworkOrIdempotentRequestError(err) === true || err.response?.status === 429,
  retryDelay: axiosRetry.exponentialDelay,
});

// Twelve retries of exponentialDelay: 6.8 minutes at the end.
export const reports = axios.create({ baseURL: 'https://reports.internal' });
axiosRetry(reports, {
  retries: 12, // expect: require-backoff
  retryDelay: axiosRetry.exponentialDelay, // expect: require-backoff
});

// Five retries of exponentialDelay (3.2 s): correct.
export const search = axios.create({ baseURL: 'https://search.internal' });
axiosRetry(search, { retries: 5, retryDelay: exponentialDelay }); // ok

// A typed local config: exponentialDelay with default retries: correct.
const config: IAxiosRetryConfig = { retryDelay: axiosRetry.exponentialDelay };
export const media = axios.create({ baseURL: 'https://media.internal' });
axiosRetry(media, config); // ok

// No retryDelay: immediate retries.
export const inventory = axios.create({ baseURL: 'https://inventory.internal' });
axiosRetry(inventory, { retries: 3, shouldResetTimeout: true }); // expect: require-backoff

// Linear (retryCount × 2 s), bounded by the default 3, no jitter.
export const shipping = axios.create({ baseURL: 'https://shipping.internal' });
axiosRetry(shipping, {
  retries: 3,
  retryDelay: (retryCount) => retryCount * 2000, // expect: require-backoff
});

// Constant.
export const tax = axios.create({ baseURL: 'https://tax.internal' });
axiosRetry(tax, {
  retryDelay: () => 1500, // expect: require-backoff
});

// Unbounded.
export const ledger = axios.create({ baseURL: 'https://ledger.internal' });
axiosRetry(ledger, {
  retries: Infinity, // expect: require-backoff
  retryDelay: (n) => Math.min(n * 1000, 10_000) + Math.random() * 500,
});

// Capped exponential with jitter: correct.
export const pricing = axios.create({ baseURL: 'https://pricing.internal' });
axiosRetry(pricing, { retries: 6, retryDelay: (n) => Math.min(2 ** n * 250, 8000) * (0.5 + Math.random()) }); // ok

// retries: 0 turns retrying off, so the missing delay does not matter.
export const audit = axios.create({ baseURL: 'https://audit.internal' });
axiosRetry(audit, { retries: 0 }); // ok
