// Search-service policies (TypeScript): retries next to a breaker and a timeout.
// Shapes adapted from cockatiel README compositions (`wrap(retry, breaker, timeout)`).

import {
  ConsecutiveBreaker,
  ConstantBackoff,
  ExponentialBackoff,
  TimeoutStrategy,
  circuitBreaker,
  handleAll,
  handleType,
  retry,
  timeout,
  wrap,
} from 'cockatiel';

class HttpError extends Error {}

export const indexRetry = retry(handleAll, { maxAttempts: 4, backoff: new ExponentialBackoff({ initialDelay: 100 }) }); // ok

export const suggestRetry = retry(handleType(HttpError), {
  maxAttempts: 2,
  backoff: new ConstantBackoff(1000), // expect: require-backoff
});

export const facetRetry = retry(handleAll, { maxAttempts: 3, backoff: new ExponentialBackoff({ maxDelay: 2000 }) }); // ok

// A breaker and a timeout are not retries.
export const breaker = circuitBreaker(handleAll, { halfOpenAfter: 5_000, breaker: new ConsecutiveBreaker(3) }); // ok
export const deadline = timeout(2_000, TimeoutStrategy.Aggressive); // ok

export const searchPolicy = wrap(indexRetry, breaker, deadline);

export async function query(q: string) {
  return searchPolicy.execute(({ signal }) => fetch(`https://search.internal/v1?q=${encodeURIComponent(q)}`, { signal }));
}
