/**
 * Typed errors: callers branch on `instanceof`, metrics use `name`, and every error that
 * stops a call early keeps the failure that led to it in `cause`.
 */

/** Base class of every error the runtime throws on purpose. */
export class FaultlineError extends Error {
  override name = 'FaultlineError';
}

/** The call's deadline passed (or would pass before a retry could start); nothing more will be tried. */
export class DeadlineExceededError extends FaultlineError {
  override name = 'DeadlineExceededError';
}

/** The caller went away (closed its connection or aborted) before the answer was ready. */
export class CancelledError extends FaultlineError {
  override name = 'CancelledError';
}

/**
 * One attempt ran longer than the policy's per-attempt timeout while the call's deadline still had room.
 * Retried only for idempotent calls: the first attempt may still be running on the server.
 */
export class AttemptTimeoutError extends FaultlineError {
  override name = 'AttemptTimeoutError';
}

/** The circuit breaker is open (or its half-open probes are taken), so the call was not sent. */
export class BreakerOpenError extends FaultlineError {
  override name = 'BreakerOpenError';
  /** Milliseconds until the breaker lets a probe through; 0 when it is half-open. */
  readonly retryAfterMs: number;

  constructor(message: string, options: { retryAfterMs: number; cause?: unknown }) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.retryAfterMs = options.retryAfterMs;
  }
}

/** A retry was needed but the client's retry budget is spent; the last failure is in `cause`. */
export class BudgetExhaustedError extends FaultlineError {
  override name = 'BudgetExhaustedError';
}

/** Why admission control refused a request. */
export type ShedReason = 'queueFull' | 'queueTimeout' | 'predictedWait' | 'deadline';

/** The server refused a request instead of queueing it past the point where it could be served in time. */
export class ShedError extends FaultlineError {
  override name = 'ShedError';
  readonly reason: ShedReason;
  /** The value to send in the `Retry-After` header, in whole seconds. */
  readonly retryAfterSeconds: number;

  constructor(message: string, options: { reason: ShedReason; retryAfterSeconds: number }) {
    super(message);
    this.reason = options.reason;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }
}

/** An HTTP response the fetch client treats as a failure: 429 or any 5xx. */
export class HttpStatusError extends FaultlineError {
  override name = 'HttpStatusError';
  readonly status: number;
  readonly headers: Headers;
  /** The start of the response body, for diagnostics (at most 1 KiB of text). */
  readonly bodyText: string;
  /** The server's `Retry-After`, converted to milliseconds, when it sent one. */
  readonly retryAfterMs: number | undefined;

  constructor(
    message: string,
    options: { status: number; headers: Headers; bodyText: string; retryAfterMs: number | undefined },
  ) {
    super(message);
    this.status = options.status;
    this.headers = options.headers;
    this.bodyText = options.bodyText;
    this.retryAfterMs = options.retryAfterMs;
  }
}
