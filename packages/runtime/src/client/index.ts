/**
 * Client side of the runtime: the policy, its parts, and the fetch-based client built on it.
 */

export {
  fullJitterBackoff,
  DEFAULT_BASE_DELAY_MS,
  DEFAULT_MAX_DELAY_MS,
  type BackoffOptions,
} from './backoff.js';
export { CircuitBreaker, type BreakerPermit, type CircuitBreakerOptions } from './circuit-breaker.js';
export {
  classifyError,
  getErrorCode,
  isConnectionError,
  type Classifier,
  type FailureClass,
} from './classify.js';
export {
  createHttpClient,
  type HttpClient,
  type HttpClientOptions,
  type HttpRequestOptions,
} from './http-client.js';
export { createHttpResponse, type HttpResponse } from './http-response.js';
export {
  createPolicy,
  Policy,
  type AttemptContext,
  type CallOptions,
  type HedgeOptions,
  type PolicyOptions,
  type RetryOptions,
} from './policy.js';
export { RetryBudget, type RetryBudgetOptions } from './retry-budget.js';
