/**
 * A fetch-based HTTP client built on {@link Policy}. Each attempt carries the time left in
 * `x-faultline-deadline-ms` and, for non-idempotent methods, the call's `Idempotency-Key`.
 * The body is read inside the attempt, so the deadline bounds the whole exchange rather than
 * only the wait for headers.
 */

import { DEADLINE_HEADER, IDEMPOTENCY_KEY_HEADER, parseRetryAfter } from '../headers.js';
import { HttpStatusError } from '../errors.js';
import { Policy, type AttemptContext, type CallOptions, type PolicyOptions } from './policy.js';

/** Options of {@link createHttpClient}: the policy's options plus transport settings. */
export interface HttpClientOptions extends PolicyOptions {
  /** Base URL that request paths are resolved against. */
  baseUrl: string | URL;
  /** An existing policy to share; when given, the policy options in this object are ignored. */
  policy?: Policy;
  /** Headers sent with every request. */
  headers?: ConstructorParameters<typeof Headers>[0];
  /** The fetch implementation. Default: the global `fetch`. */
  fetch?: typeof fetch;
}

/** A request: fetch's `RequestInit` (its `signal` replaced by the policy's) plus per-call options. */
export interface HttpRequestOptions extends Omit<RequestInit, 'signal' | 'body'>, CallOptions {
  /** A body for fetch. Prefer `json` for JSON. */
  body?: RequestInit['body'];
  /** A value sent as a JSON body with `content-type: application/json`. */
  json?: unknown;
}

/** A client for one dependency; see {@link createHttpClient}. */
export interface HttpClient {
  readonly policy: Policy;
  /**
   * Sends a request under the policy and resolves with a fully buffered Response. 429 and 5xx
   * answers reject with {@link HttpStatusError} once the policy stops retrying; other statuses
   * resolve, as with fetch.
   */
  fetch(path: string, options?: HttpRequestOptions): Promise<Response>;
  /** Like {@link HttpClient.fetch}, then parses JSON; any non-2xx status rejects with {@link HttpStatusError}. */
  json<T = unknown>(path: string, options?: HttpRequestOptions): Promise<T>;
}

// RFC 9110 §9.2.2 idempotent methods. POST and PATCH get an idempotency key instead.
const IDEMPOTENT_METHODS = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE', 'TRACE']);
const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);
const MAX_ERROR_BODY = 1024;

/** Creates an HTTP client for one dependency, with its own retry budget and circuit breaker. */
export function createHttpClient(options: HttpClientOptions): HttpClient {
  const policy = options.policy ?? new Policy(options);
  const baseUrl = new URL(options.baseUrl);
  const defaultHeaders = new Headers(options.headers);
  const fetchImpl = options.fetch ?? globalThis.fetch;

  const send = (path: string, request: HttpRequestOptions, isJson: boolean): Promise<Response> => {
    const { deadline, signal, idempotent, idempotencyKey, operation, json, ...init } = request;
    const method = (init.method ?? 'GET').toUpperCase();
    const url = new URL(path, baseUrl);
    const headers = new Headers(defaultHeaders);
    new Headers(init.headers).forEach((value, name) => headers.set(name, value));
    let body = init.body;
    if (json !== undefined) {
      body = JSON.stringify(json);
      if (!headers.has('content-type')) headers.set('content-type', 'application/json');
    }
    if (isJson && !headers.has('accept')) headers.set('accept', 'application/json');
    const callOptions: CallOptions = {
      idempotent: idempotent ?? IDEMPOTENT_METHODS.has(method),
      operation: operation ?? method,
    };
    if (deadline !== undefined) callOptions.deadline = deadline;
    if (signal !== undefined) callOptions.signal = signal;
    const key = idempotencyKey ?? headers.get(IDEMPOTENCY_KEY_HEADER) ?? undefined;
    if (key !== undefined) callOptions.idempotencyKey = key;

    const attempt = async (context: AttemptContext): Promise<Response> => {
      const attemptHeaders = new Headers(headers);
      attemptHeaders.set(DEADLINE_HEADER, String(Math.floor(context.remainingMs())));
      if (context.idempotencyKey !== undefined)
        attemptHeaders.set(IDEMPOTENCY_KEY_HEADER, context.idempotencyKey);
      const response = await fetchImpl(url, {
        ...init,
        method,
        body,
        headers: attemptHeaders,
        signal: context.signal,
      });
      const buffer = await response.arrayBuffer();
      if (response.status === 429 || response.status >= 500 || (isJson && !response.ok)) {
        throw toStatusError(response, buffer, method, url, policy.clock.wallTime());
      }
      const hasBody = !NULL_BODY_STATUSES.has(response.status) && buffer.byteLength > 0;
      return new Response(hasBody ? buffer : null, {
        status: response.status,
        statusText: response.statusText,
        headers: response.headers,
      });
    };
    return policy.execute(attempt, callOptions);
  };

  return {
    policy,
    fetch: (path, request = {}) => send(path, request, false),
    async json<T>(path: string, request: HttpRequestOptions = {}): Promise<T> {
      const text = await (await send(path, request, true)).text();
      // An empty 2xx body (204, or 200 with nothing) reads as undefined rather than a parse error.
      return (text === '' ? undefined : JSON.parse(text)) as T;
    },
  };
}

function toStatusError(
  response: Response,
  buffer: ArrayBuffer,
  method: string,
  url: URL,
  nowWallMs: number,
): HttpStatusError {
  const bodyText = new TextDecoder().decode(buffer.slice(0, MAX_ERROR_BODY));
  const statusText = response.statusText === '' ? '' : ` ${response.statusText}`;
  return new HttpStatusError(`HTTP ${response.status}${statusText} from ${method} ${url.href}`, {
    status: response.status,
    headers: response.headers,
    bodyText,
    retryAfterMs: parseRetryAfter(response.headers.get('retry-after'), nowWallMs),
  });
}
