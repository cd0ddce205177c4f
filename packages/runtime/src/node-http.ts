/**
 * Resilience for a plain node:http server: admission control, the caller's deadline as an
 * AbortSignal, and refusals answered at once with 503 + Retry-After.
 */

import type { IncomingMessage, ServerResponse } from 'node:http';
import { DeadlineExceededError, ShedError } from './errors.js';
import { createRequestContext, getRequestTimeoutMs, type RequestContext } from './server/request-context.js';
import { getAdmissionController, type ServerResilienceOptions } from './server/server-options.js';
import { getShedResponse } from './server/shed-response.js';

/** A request handler that also receives the request's deadline and signal. */
export type ResilientHandler = (
  request: IncomingMessage,
  response: ServerResponse,
  context: RequestContext,
) => void | Promise<void>;

/** Options of {@link withResilience}. */
export interface NodeHttpResilienceOptions extends ServerResilienceOptions {
  /** Called with errors the handler threw or rejected with; the wrapper already answered 500 or 504. */
  onError?: (error: unknown, request: IncomingMessage) => void;
}

/**
 * Wraps a handler for `http.createServer`: each request gets a context whose signal aborts at
 * the caller's deadline or when the caller disconnects; admission control refuses what cannot
 * start in time with 503 + Retry-After (504 when the deadline had already passed); the slot is
 * released when the response closes; a handler error becomes a 500 (504 for a passed deadline).
 */
export function withResilience(
  handler: ResilientHandler,
  options: NodeHttpResilienceOptions = {},
): (request: IncomingMessage, response: ServerResponse) => void {
  const admission = getAdmissionController(options);

  const run = (request: IncomingMessage, response: ServerResponse, context: RequestContext): void => {
    let result: void | Promise<void>;
    try {
      result = handler(request, response, context);
    } catch (error) {
      fail(error, request, response);
      return;
    }
    if (result instanceof Promise) result.catch((error: unknown) => fail(error, request, response));
  };

  const fail = (error: unknown, request: IncomingMessage, response: ServerResponse): void => {
    options.onError?.(error, request);
    if (response.headersSent) {
      response.destroy();
      return;
    }
    if (response.destroyed) return;
    const status = error instanceof DeadlineExceededError ? 504 : 500;
    response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
    response.end(JSON.stringify({ error: status === 504 ? 'deadline exceeded' : 'internal error' }));
  };

  const refuse = (error: ShedError, response: ServerResponse): void => {
    const shed = getShedResponse(error);
    response.writeHead(shed.status, shed.headers);
    response.end(shed.body);
  };

  return (request, response) => {
    const timeoutMs = getRequestTimeoutMs(request, options);
    if (admission === undefined || options.isExempt?.(request) === true) {
      run(request, response, createRequestContext(request, response, options, timeoutMs));
      return;
    }
    // Decided before anything is allocated for the request, so a refusal costs next to nothing
    // and an overloaded server answers its excess at once.
    const decision = admission.tryAdmit(timeoutMs);
    if (decision instanceof ShedError) {
      refuse(decision, response);
      return;
    }
    const context = createRequestContext(request, response, options, timeoutMs);
    if (decision !== undefined) {
      response.once('close', decision);
      run(request, response, context);
      return;
    }
    admission.admit({ deadline: context.deadline, signal: context.signal }).then(
      release => {
        response.once('close', release);
        run(request, response, context);
      },
      (error: unknown) => {
        if (response.destroyed) return;
        if (error instanceof ShedError) refuse(error, response);
        // The deadline passed or the caller left while queued: nobody is waiting for a proper answer.
        else fail(error, request, response);
      },
    );
  };
}
