// An ESM billing client: retries widened to every error, including on POSTs.

import axios from 'axios';
import axiosRetry, { isNetworkError, isRetryableError } from 'axios-retry';

export const billing = axios.create({ baseURL: 'https://billing.internal' });

axiosRetry(billing, {
  retries: 4,
  retryDelay: axiosRetry.exponentialDelay,
  retryCondition: (error) => isNetworkError(error) || isRetryableError(error) || error.response?.status === 409, // expect: require-idempotency-key
});

export const pricing = axios.create({ baseURL: 'https://pricing.internal' });
axiosRetry(pricing, { retries: 2 }); // ok

export async function charge(body) {
  return billing.post('/charges', body); // ok
}
