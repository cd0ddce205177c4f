// cockatiel in an ESM API gateway, plus a look-alike `retry` helper.
// Shapes adapted from cockatiel README examples and the `retryPolicy` modules returned by the code
// search.

import { retry, handleAll, ConstantBackoff, ExponentialBackoff } from 'cockatiel';
import { retry as retryLocal } from './lib/retry.js';

// Explicit zero-delay constant backoff.
export const hot = retry(handleAll, {
  maxAttempts: 2,
  backoff: new ConstantBackoff(0), // expect: require-backoff
});

// Explicit infinite attempts.
export const stubborn = retry(handleAll, {
  maxAttempts: Infinity, // expect: require-backoff
  backoff: new ExponentialBackoff({ maxDelay: 5000 }),
});

// Exponential with an explicit exponent: correct.
export const upstream = retry(handleAll, { maxAttempts: 5, backoff: new ExponentialBackoff({ exponent: 2, initialDelay: 500 }) }); // ok

// A local helper named retry: not cockatiel.
export const local = retryLocal(() => fetch('https://upstream.internal/health'), { attempts: 100 }); // ok

export async function proxy(path) {
  return upstream.execute(async ({ signal }) => fetch(`https://upstream.internal${path}`, { signal }));
}
