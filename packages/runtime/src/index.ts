/**
 * @faultline/runtime: the small, dependency-free resilience layer that faultline's generated
 * clients and services import. Every module is free of side effects, so bundlers keep only what
 * is used; the Fastify plugin lives at `@faultline/runtime/fastify` and the node:http wrapper at
 * `@faultline/runtime/node-http`.
 */

export { sleep, systemClock, systemRandom, type CancelTimer, type Clock, type Random } from './clock.js';
export { Deadline, getDeadline, type DeadlineInput, type DeadlineOptions } from './deadline.js';
export {
  AttemptTimeoutError,
  BreakerOpenError,
  BudgetExhaustedError,
  CancelledError,
  DeadlineExceededError,
  FaultlineError,
  HttpStatusError,
  ShedError,
  type ShedReason,
} from './errors.js';
export {
  emitEvent,
  type AttemptEvent,
  type BreakerState,
  type BreakerStateChangeEvent,
  type BudgetExhaustedEvent,
  type EventListener,
  type HedgeEvent,
  type PartialEvent,
  type RetryEvent,
  type RuntimeEvent,
  type ShedEvent,
} from './events.js';
export {
  DEADLINE_HEADER,
  IDEMPOTENCY_KEY_HEADER,
  getRemainingMsFromHeaders,
  parseGrpcTimeout,
  parseRetryAfter,
  type HeaderSource,
} from './headers.js';
export {
  classifyError,
  CircuitBreaker,
  createHttpClient,
  createHttpResponse,
  createPolicy,
  DEFAULT_BASE_DELAY_MS,
  DEFAULT_MAX_DELAY_MS,
  fullJitterBackoff,
  getErrorCode,
  isConnectionError,
  Policy,
  RetryBudget,
  type AttemptContext,
  type BackoffOptions,
  type BreakerPermit,
  type CallOptions,
  type CircuitBreakerOptions,
  type Classifier,
  type FailureClass,
  type HedgeOptions,
  type HttpClient,
  type HttpClientOptions,
  type HttpRequestOptions,
  type HttpResponse,
  type PolicyOptions,
  type RetryBudgetOptions,
  type RetryOptions,
} from './client/index.js';
export {
  AdmissionController,
  IdempotencyStore,
  type IdempotencyStoreOptions,
  createRequestContext,
  gatherWithin,
  getAdmissionController,
  getRequestTimeoutMs,
  getShedResponse,
  type AdmissionOptions,
  type AdmitOptions,
  type GatherOptions,
  type GatherResult,
  type GatherTask,
  type GatherValues,
  type Release,
  type RequestContext,
  type RequestContextOptions,
  type ServerResilienceOptions,
  type ShedResponse,
} from './server/index.js';
export { mapConcurrent } from './map-concurrent.js';
export { withResilience, type NodeHttpResilienceOptions, type ResilientHandler } from './node-http.js';
export {
  decodeError,
  decodeWire,
  encodeError,
  encodeWire,
  WireCodecError,
  type WireDefinitions,
  type WireErrorBody,
  type WireProperty,
  type WireType,
} from './wire.js';
