/**
 * What the shim counts as the service failing (infrastructure), as opposed to the service
 * answering (a result, or an error the library itself would have thrown). Only the former may be
 * served by the library instead: a domain error served locally would hide the real answer.
 */

import { isConnectionError, isTransportTimeout } from '../client/classify.js';
import { FaultlineError, HttpStatusError } from '../errors.js';
import { isWireDomainError } from '../wire.js';

/**
 * In `remote` mode, the service could not answer (refused or reset connection, 5xx, shed, breaker
 * open, deadline passed); the failure is in `cause`. The shim does not fall back to the library
 * in this mode, so this reaches the caller.
 */
export class RemoteUnavailableError extends FaultlineError {
  override name = 'RemoteUnavailableError';
  /** The service, e.g. `pricing`. */
  readonly service: string;
  /** The operation the shim routed, e.g. `computeQuote`. */
  readonly operation: string;

  constructor(message: string, options: { service: string; operation: string; cause: unknown }) {
    super(message, { cause: options.cause });
    this.service = options.service;
    this.operation = options.operation;
  }
}

// Compared by name as well as by class: the generated client may load another copy of the
// runtime than the shim does, and its errors are then instances of that copy's classes.
const UNAVAILABLE_ERROR_NAMES = new Set([
  'BreakerOpenError',
  'ShedError',
  'DeadlineExceededError',
  'AttemptTimeoutError',
  'BudgetExhaustedError',
  'RemoteUnavailableError',
  // AbortSignal.timeout()'s reason, for hand-written remote functions that use it.
  'TimeoutError',
]);

function isStatusError(error: object): error is { status: number } {
  return (
    (error instanceof HttpStatusError || (error as { name?: unknown }).name === 'HttpStatusError') &&
    typeof (error as { status?: unknown }).status === 'number'
  );
}

/**
 * Whether `error`, thrown by a remote call, means the service did not answer: a refused, reset or
 * timed-out connection, an HTTP 5xx or 429 that outlasted the client's retries, a shed request,
 * an open breaker, a spent retry budget, or a passed deadline. An error rebuilt from the
 * service's answer ({@link isWireDomainError}), a validation or protocol error, the caller's own
 * cancellation and any other error are not: they are the service's answer, or a bug.
 */
export function isInfrastructureFailure(error: unknown): boolean {
  if (typeof error !== 'object' || error === null || isWireDomainError(error)) return false;
  if (isStatusError(error)) return error.status >= 500 || error.status === 429;
  const name = (error as { name?: unknown }).name;
  if (typeof name === 'string' && UNAVAILABLE_ERROR_NAMES.has(name)) return true;
  return isConnectionError(error) || isTransportTimeout(error);
}
