/**
 * Which failures are worth another attempt. Following gRPC A6, undici and the SRE book: refused
 * or reset connections, 502/503/504 and 429 are transient; a timeout is retried only for
 * idempotent calls, because the first attempt may still be running on the server.
 */

import { AttemptTimeoutError, DeadlineExceededError, HttpStatusError } from '../errors.js';

/** How the policy treats one failed attempt. */
export interface FailureClass {
  /** Another attempt may succeed and is safe to send. */
  isRetryable: boolean;
  /** The failure says the dependency is unhealthy, so it counts in the circuit breaker's window. */
  isDependencyFailure: boolean;
  /** The server asked for this pause (Retry-After), in milliseconds. */
  retryAfterMs?: number;
  /** HTTP status, for events. */
  status?: number;
}

/** Classifies a failed attempt; supply your own to teach the policy about a non-HTTP client. */
export type Classifier = (error: unknown, context: { isIdempotent: boolean }) => FailureClass;

const RETRYABLE_STATUSES = new Set([429, 502, 503, 504]);

// Errors raised before or while the connection carried the request. A request that never
// reached the server is always safe to resend; one cut mid-flight is safe because non-idempotent
// calls carry an idempotency key the server can deduplicate on.
const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENETDOWN',
  'EAI_AGAIN',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
  'UND_ERR_CONNECT_TIMEOUT',
]);

// Timeouts inside the transport: the server may have started the work.
const TRANSPORT_TIMEOUT_CODES = new Set(['ETIMEDOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);

/** Returns the first `code` found on `error`, its `cause` chain, or an AggregateError's members. */
export function getErrorCode(error: unknown, depth = 0): string | undefined {
  if (depth > 5 || typeof error !== 'object' || error === null) return undefined;
  const { code, cause, errors } = error as { code?: unknown; cause?: unknown; errors?: unknown };
  if (typeof code === 'string') return code;
  if (Array.isArray(errors)) {
    for (const inner of errors) {
      const found = getErrorCode(inner, depth + 1);
      if (found !== undefined) return found;
    }
  }
  return getErrorCode(cause, depth + 1);
}

/** Whether `error` is a network-level failure to reach or talk to the server. */
export function isConnectionError(error: unknown): boolean {
  const code = getErrorCode(error);
  return code !== undefined && CONNECTION_CODES.has(code);
}

// A 429, or a 503 that says when to come back, is a live server pushing back (admission control,
// rate limiting). Retry-After and the budget handle that; counting it in the breaker would make a
// client facing a server that sheds two requests in three stop sending altogether, throwing away
// the capacity the server does have. A 503 without Retry-After is what a dead upstream behind a
// proxy looks like, and counts.
function isDependencyFailureStatus(error: HttpStatusError): boolean {
  if (error.status === 429) return false;
  if (error.status === 503 && error.retryAfterMs !== undefined) return false;
  return error.status >= 500;
}

/** Whether `error` is a timeout inside the transport (the server may have started the work). */
export function isTransportTimeout(error: unknown): boolean {
  const code = getErrorCode(error);
  return code !== undefined && TRANSPORT_TIMEOUT_CODES.has(code);
}

/**
 * The default classifier: 429/502/503/504 and connection errors are retryable; timeouts are
 * retryable for idempotent calls; 5xx (except a 503 with Retry-After), timeouts and connection
 * errors count against the dependency in the breaker; anything else (4xx including 429,
 * validation errors, bugs) is neither.
 */
export const classifyError: Classifier = (error, { isIdempotent }) => {
  if (error instanceof HttpStatusError) {
    return {
      isRetryable: RETRYABLE_STATUSES.has(error.status),
      isDependencyFailure: isDependencyFailureStatus(error),
      status: error.status,
      ...(error.retryAfterMs === undefined ? {} : { retryAfterMs: error.retryAfterMs }),
    };
  }
  if (error instanceof AttemptTimeoutError) return { isRetryable: isIdempotent, isDependencyFailure: true };
  if (error instanceof DeadlineExceededError) return { isRetryable: false, isDependencyFailure: true };
  const code = getErrorCode(error);
  if (code !== undefined && CONNECTION_CODES.has(code))
    return { isRetryable: true, isDependencyFailure: true };
  if (code !== undefined && TRANSPORT_TIMEOUT_CODES.has(code)) {
    return { isRetryable: isIdempotent, isDependencyFailure: true };
  }
  return { isRetryable: false, isDependencyFailure: false };
};
