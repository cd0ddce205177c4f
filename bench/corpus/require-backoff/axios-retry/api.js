// Front-end axios setup (ESM) with axios-retry.
// Shapes adapted from gabiMaglia/darwoftPF (Client/src/utils/axiosConfig.js: retries 3,
// exponentialDelay, retryCondition with ECONNABORTED) and react app `api.js` modules.

import axios from 'axios';
import axiosRetry from 'axios-retry';

axiosRetry(axios, { // ok
  retries: 3,
  retryDelay: axiosRetry.exponentialDelay,
  retryCondition: (error) => axiosRetry.isNetworkOrIdempotentRequestError(error) || error.code === 'ECONNABORTED',
});

export const api = axios.create({ baseURL: import.meta.env.VITE_API_URL });

// Constant two seconds.
axiosRetry(api, { retries: 2, retryDelay: () => 2000 }); // expect: require-backoff

export const uploads = axios.create({ baseURL: '/uploads' });

// Capped exponential plus jitter: correct.
axiosRetry(uploads, { // ok
  retries: 5,
  retryDelay: (retryCount) => Math.min(1000 * 2 ** retryCount, 15_000) + Math.random() * 1000,
});

export const analytics = axios.create({ baseURL: '/analytics' });

// Nine retries of exponentialDelay: 51 s at the end.
axiosRetry(analytics, { retries: 9, retryDelay: axiosRetry.exponentialDelay }); // expect: require-backoff
