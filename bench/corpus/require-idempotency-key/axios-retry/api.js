// Front-end axios setup (ESM).
// Shape adapted from gabiMaglia/darwoftPF (Client/src/utils/axiosConfig.js: `retryCondition: (error)
// => axiosRetry.isNetworkOrIdempotentRequestError(error) || error.code === 'ECONNABORTED'`).

import axios from 'axios';
import axiosRetry from 'axios-retry';

axiosRetry(axios, {
  retries: 3,
  retryDelay: axiosRetry.exponentialDelay,
  retryCondition: (error) => { // expect: require-idempotency-key
    return axiosRetry.isNetworkOrIdempotentRequestError(error) || error.code === 'ECONNABORTED';
  },
});

export const api = axios.create({ baseURL: import.meta.env.VITE_API_URL });
axiosRetry(api, { retries: 2, retryDelay: axiosRetry.exponentialDelay }); // ok

export const analytics = axios.create({ baseURL: '/analytics' });
axiosRetry(analytics, { retries: 2, retryDelay: axiosRetry.exponentialDelay, retryCondition: axiosRetry.isNetworkOrIdempotentRequestError }); // ok
