// cockatiel retry policies for an HTTP gateway (TypeScript).
// Shapes adapted from iiAku/virtual-failover (src/system/resiliency/retry.policy.ts: `retry(handleAll,
// { maxAttempts: 3, backoff: new ConstantBackoff(50) })`), a `retryBuilder(handleAll, { maxAttempts:
// 10, backoff: new ExponentialBackoff() })` export and `MAX_RETRIES` policies returned by the code
// search. cockatiel 3: default backoff is ConstantBackoff(0), default maxAttempts is Infinity;
// ExponentialBackoff defaults to decorrelated jitter capped at 30 s.

import {
  ConstantBackoff,
  DelegateBackoff,
  ExponentialBackoff,
  circuitBreaker,
  ConsecutiveBreaker,
  handleAll,
  handleType,
  handleWhen,
  retry,
  retry as retryBuilder,
  wrap,
} from 'cockatiel';

class TimeoutError extends Error {}
const isTransient = (err: Error) => /ECONNRESET|ETIMEDOUT/.test(err.message);

export const MAX_RETRIES = 3;

export const retryPolicy = retry(handleAll, {
  maxAttempts: 3,
  backoff: new ConstantBackoff(50), // expect: require-backoff
});

export const retryWithMax = retry(handleAll, {
  maxAttempts: MAX_RETRIES,
  backoff: new ConstantBackoff(50), // expect: require-backoff
});

export const retryDefault = retryBuilder(handleAll, { maxAttempts: 10, backoff: new ExponentialBackoff() }); // ok

// No backoff: cockatiel retries immediately.
export const immediate = retry(handleAll, { maxAttempts: 3 }); // expect: require-backoff

// No maxAttempts: cockatiel retries forever.
export const forever = retry(handleType(TimeoutError), { backoff: new ExponentialBackoff() }); // expect: require-backoff

// Neither: both defaults are reported on the call line.
export const bare = retry(handleAll, {}); // expect: require-backoff

// Custom exponential settings: correct.
export const tuned = retry(handleWhen(isTransient), { // ok
  maxAttempts: 5,
  backoff: new ExponentialBackoff({ initialDelay: 200, maxDelay: 10_000 }),
});

// A delegate that always answers one second.
export const delegated = retry(handleAll, {
  maxAttempts: 4,
  backoff: new DelegateBackoff(() => 1000), // expect: require-backoff
});

// Composed with a breaker: the retry part is correct.
export const resilient = wrap(
  retry(handleAll, { maxAttempts: 3, backoff: new ExponentialBackoff() }), // ok
  circuitBreaker(handleAll, { halfOpenAfter: 10_000, breaker: new ConsecutiveBreaker(5) }),
);

export async function getCatalog() {
  return resilient.execute(() => fetch('https://catalog.internal/v1/items'));
}
