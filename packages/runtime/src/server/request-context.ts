/**
 * Turns an incoming request into a Deadline whose signal aborts when the caller's remaining time
 * runs out or when the caller disconnects, so a handler stops working for someone who has given up.
 */

import type { IncomingMessage, ServerResponse } from 'node:http';
import { systemClock, type Clock } from '../clock.js';
import { Deadline } from '../deadline.js';
import { CancelledError } from '../errors.js';
import { getRemainingMsFromHeaders } from '../headers.js';

/** How a server derives a request's deadline. */
export interface RequestContextOptions {
  /** Deadline of requests that carry no deadline header, in milliseconds. Default 30 000. */
  defaultTimeoutMs?: number;
  /** Upper bound on a caller's deadline, in milliseconds, so no caller can pin a slot for hours. Default 300 000. */
  maxTimeoutMs?: number;
  clock?: Clock;
}

/** What a handler receives. */
export interface RequestContext {
  /** The caller's deadline; pass it (or its signal) to every downstream call. */
  readonly deadline: Deadline;
  /** Aborts when the deadline passes or the caller disconnects. Same as `deadline.signal`. */
  readonly signal: AbortSignal;
}

/**
 * Returns the time the caller left for this request: its deadline header, or the default
 * timeout when it sent none, capped by `maxTimeoutMs`.
 */
export function getRequestTimeoutMs(request: IncomingMessage, options: RequestContextOptions = {}): number {
  const remainingMs = getRemainingMsFromHeaders(request.headers) ?? options.defaultTimeoutMs ?? 30_000;
  return Math.min(remainingMs, options.maxTimeoutMs ?? 300_000);
}

/**
 * Creates the request's context from its deadline headers (`x-faultline-deadline-ms`,
 * `grpc-timeout`, `x-envoy-expected-rq-timeout-ms`) and ties it to the connection: if the
 * response closes before it finished, the caller has gone and the signal aborts with
 * {@link CancelledError}. The context releases its timer when the response closes.
 */
export function createRequestContext(
  request: IncomingMessage,
  response: ServerResponse,
  options: RequestContextOptions = {},
  timeoutMs: number = getRequestTimeoutMs(request, options),
): RequestContext {
  const callerGone = new AbortController();
  const deadline = Deadline.after(timeoutMs, {
    clock: options.clock ?? systemClock,
    signals: [callerGone.signal],
  });
  response.once('close', () => {
    if (!response.writableFinished) callerGone.abort(new CancelledError('The caller closed the connection'));
    deadline.dispose();
  });
  return { deadline, signal: deadline.signal };
}
