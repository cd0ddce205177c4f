// axios-retry configurations whose retryCondition widens retries to POST/PATCH (TypeScript).
// Shapes adapted from Infisical/infisical (backend/src/lib/config/request.ts: `retryCondition: (err)
// => axiosRetry.isNetworkError(err) || axiosRetry.isRetryableError(err)`), guidojw/arora-api
// (src/loaders/axios.ts: `isNetworkOrIdempotentRequestError(err) === true || err.response?.status ===
// 429`) and the axios-retry typings returned by the code search. Default retryCondition:
// isNetworkOrIdempotentRequestError (network errors, or 5xx on idempotent methods only).

import axios from 'axios';
import axiosRetry, { isNetworkOrIdempotentRequestError, type IAxiosRetryConfig } from 'axios-retry';

export const request = axios.create();
axiosRetry(request, {
  retries: 3,
  retryDelay: axiosRetry.exponentialDelay,
  retryCondition: (err) => axiosRetry.isNetworkError(err) || axiosRetry.isRetryableError(err), // expect: require-idempotency-key
});

axiosRetry(axios, {
  retryCondition: (err) => ( // expect: require-idempotency-key
    axiosRetry.isNetworkOrIdempotentRequestError(err) === true || err.response?.status === 429
  ),
  retryDelay: axiosRetry.exponentialDelay,
});

export const payments = axios.create({ baseURL: 'https://payments.internal' });
axiosRetry(payments, {
  retries: 5,
  retryDelay: axiosRetry.exponentialDelay,
  retryCondition: () => true, // expect: require-idempotency-key
});

export const ledger = axios.create({ baseURL: 'https://ledger.internal' });
axiosRetry(ledger, { retries: 3, retryDelay: axiosRetry.exponentialDelay, retryCondition: axiosRetry.isNetworkError }); // expect: require-idempotency-key

export const orders = axios.create({ baseURL: 'https://orders.internal' });
axiosRetry(orders, {
  retryDelay: axiosRetry.exponentialDelay,
  retryCondition: axiosRetry.isRetryableError, // expect: require-idempotency-key
});

// The default condition, spelled out.
export const catalog = axios.create({ baseURL: 'https://catalog.internal' });
axiosRetry(catalog, {
  retries: 3,
  retryDelay: axiosRetry.exponentialDelay,
  retryCondition: axiosRetry.isNetworkOrIdempotentRequestError, // ok
});

export const search = axios.create({ baseURL: 'https://search.internal' });
axiosRetry(search, { retries: 3, retryDelay: axiosRetry.exponentialDelay, retryCondition: isNetworkOrIdempotentRequestError }); // ok

// No retryCondition: the default.
export const media = axios.create({ baseURL: 'https://media.internal' });
axiosRetry(media, { retries: 3, retryDelay: axiosRetry.exponentialDelay }); // ok

// Typed config in a local const.
const config: IAxiosRetryConfig = {
  retries: 3,
  retryDelay: axiosRetry.exponentialDelay,
  retryCondition: (error) => !error.response || error.response.status >= 500, // expect: require-idempotency-key
};
export const reports = axios.create({ baseURL: 'https://reports.internal' });
axiosRetry(reports, config);

// A config-shaped object that is never given to axios-retry.
export const uiPolicy = { retryCondition: () => true }; // ok
