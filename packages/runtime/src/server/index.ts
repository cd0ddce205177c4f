/**
 * Server side of the runtime: admission control, request deadlines and partial results.
 */

export {
  AdmissionController,
  type AdmissionOptions,
  type AdmitOptions,
  type Release,
} from './admission-controller.js';
export {
  gatherWithin,
  type GatherOptions,
  type GatherResult,
  type GatherTask,
  type GatherValues,
} from './gather-within.js';
export {
  createRequestContext,
  getRequestTimeoutMs,
  type RequestContext,
  type RequestContextOptions,
} from './request-context.js';
export { getAdmissionController, type ServerResilienceOptions } from './server-options.js';
export { getShedResponse, type ShedResponse } from './shed-response.js';
export { IdempotencyStore, type IdempotencyStoreOptions } from './idempotency-store.js';
