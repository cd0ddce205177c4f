/**
 * A fetch-based HTTP client built on {@link Policy}. Each attempt carries the time left in
 * `x-faultline-deadline-ms` and, for non-idempotent methods, the call's `Idempotency-Key`.
 * The body is read inside the attempt, so the deadline bounds the whole exchange rather than
 * only the wait for headers.
 */

import { DEADLINE_HEADER, IDEMPOTENCY_KEY_HEADER, parseRetryAfter } from '../headers.js';
import { HttpStatusError } from '../errors.js';
import { createHttpResponse, type HttpResponse } from './http-response.js';
import { Policy, type AttemptContext, type CallOptions, type PolicyOptions } from './policy.js';
import { abortableDispatcher, getDispatcher } from './undici.js';

/** Options of {@link createHttpClient}: the policy's options plus transport settings. */
export interface HttpClientOptions extends PolicyOptions {
  /**
   * Base URL that request paths are appended to (`http://users/api` + `/v1/x` gives
   * `http://users/api/v1/x`); a path that is itself an absolute URL is used as it is.
   */
  baseUrl: string | URL;
  /** An existing policy to share; when given, the policy options in this object are ignored. */
  policy?: Policy;
  /** Headers sent with every request. */
  headers?: Record<string, string>;
  /**
   * The fetch implementation. Default: the global `fetch`, read at each request, which the client
   * stops at the deadline through undici's dispatcher rather than an AbortSignal (see
   * `undici.ts`); a fetch given here receives the attempt's `signal` instead.
   */
  fetch?: typeof fetch;
}

/** A request: fetch's `RequestInit` (its `signal` replaced by the policy's) plus per-call options. */
export interface HttpRequestOptions extends Omit<RequestInit, 'signal' | 'body' | 'headers'>, CallOptions {
  /** Request headers, as a plain object or a fetch `Headers`. */
  headers?: Record<string, string> | Headers;
  /** A body for fetch. Prefer `json` for JSON. */
  body?: RequestInit['body'];
  /** A value sent as a JSON body with `content-type: application/json`. */
  json?: unknown;
}

/** A client for one dependency; see {@link createHttpClient}. */
export interface HttpClient {
  readonly policy: Policy;
  /**
   * Sends a request under the policy and resolves with the response, its body already read
   * within the deadline. 429 and 5xx answers reject with {@link HttpStatusError} once the policy
   * stops retrying; other statuses resolve, as with fetch.
   */
  fetch(path: string, options?: HttpRequestOptions): Promise<HttpResponse>;
  /** Like {@link HttpClient.fetch}, then parses JSON; any non-2xx status rejects with {@link HttpStatusError}. */
  json<T = unknown>(path: string, options?: HttpRequestOptions): Promise<T>;
}

// RFC 9110 §9.2.2 idempotent methods. POST and PATCH get an idempotency key instead.
const IDEMPOTENT_METHODS = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE', 'TRACE']);
const MAX_ERROR_BODY = 1024;
// Members of HttpRequestOptions that are the client's, not fetch's.
const CALL_OPTION_NAMES = new Set([
  'deadline',
  'signal',
  'idempotent',
  'idempotencyKey',
  'operation',
  'json',
  'headers',
]);
const ABSOLUTE_URL = /^[a-z][a-z\d+.-]*:/i;

/** Creates an HTTP client for one dependency, with its own retry budget and circuit breaker. */
export function createHttpClient(options: HttpClientOptions): HttpClient {
  const policy = options.policy ?? new Policy(options);
  const base = String(options.baseUrl).replace(/\/+$/, '');
  if (!URL.canParse(base)) {
    // Caught here, once, rather than as a fetch failure on every call.
    throw new TypeError(
      `createHttpClient: baseUrl ${JSON.stringify(String(options.baseUrl))} is not an absolute URL; give one such as "http://users.internal/api"`,
    );
  }
  const defaultHeaders = copyHeaders({}, options.headers);
  // The global fetch is looked up at each attempt, not here, so that whatever replaces it later
  // (msw, a test spy, an instrumentation library) sees this client's requests too.
  const givenFetch = options.fetch;
  const canUseDispatcher = options.fetch === undefined;

  const send = (path: string, request: HttpRequestOptions, isJson: boolean): Promise<HttpResponse> => {
    // One headers object and one fetch options object per call, updated before each attempt: fetch
    // copies both before it returns, so attempts (hedges included) never see each other's values.
    // Every allocation here costs twice on a loopback call: once to make, once more in the
    // garbage collector, whose scavenges copy undici's many live objects each time they run.
    const headers: Record<string, string> = copyHeaders(defaultHeaders, request.headers);
    const fetchInit: RequestInit = {};
    for (const name in request) {
      if (!CALL_OPTION_NAMES.has(name))
        (fetchInit as Record<string, unknown>)[name] = request[name as keyof HttpRequestOptions];
    }
    const method = (request.method ?? 'GET').toUpperCase();
    const url = ABSOLUTE_URL.test(path) ? path : `${base}${path.startsWith('/') ? '' : '/'}${path}`;
    if (request.json !== undefined) {
      try {
        fetchInit.body = JSON.stringify(request.json);
      } catch (error) {
        return Promise.reject(error);
      }
      headers['content-type'] ??= 'application/json';
    }
    if (isJson) headers.accept ??= 'application/json';
    // Only what differs from fetch's defaults: undici converts every member present, even `body: undefined`.
    if (method === 'GET') delete fetchInit.method;
    else fetchInit.method = method;
    if (fetchInit.body === undefined || fetchInit.body === null) delete fetchInit.body;
    fetchInit.headers = headers;
    // undici's own option, typed by @types/node with undici's classes; ours is structural.
    const undiciInit = fetchInit as { dispatcher?: unknown };
    const givenDispatcher = undiciInit.dispatcher;

    const callOptions: CallOptions = {
      idempotent: request.idempotent ?? IDEMPOTENT_METHODS.has(method),
      operation: request.operation ?? method,
    };
    if (request.deadline !== undefined) callOptions.deadline = request.deadline;
    if (request.signal !== undefined) callOptions.signal = request.signal;
    const key = request.idempotencyKey ?? headers[IDEMPOTENCY_KEY_HEADER];
    if (key !== undefined) callOptions.idempotencyKey = key;

    const attempt = async (context: AttemptContext): Promise<HttpResponse> => {
      headers[DEADLINE_HEADER] = String(Math.floor(context.remainingMs()));
      if (context.idempotencyKey !== undefined) headers[IDEMPOTENCY_KEY_HEADER] = context.idempotencyKey;
      const target = canUseDispatcher ? getDispatcher(givenDispatcher) : undefined;
      let stopListening: (() => void) | undefined;
      if (target === undefined) {
        fetchInit.signal = context.signal;
      } else {
        const abortable = abortableDispatcher(target, context);
        undiciInit.dispatcher = abortable.dispatcher;
        stopListening = abortable.dispose;
      }
      try {
        const response = await (givenFetch ?? globalThis.fetch)(url, fetchInit);
        const buffer = await response.arrayBuffer();
        if (response.status === 429 || response.status >= 500 || (isJson && !response.ok)) {
          throw toStatusError(response, buffer, method, url, policy.clock.wallTime());
        }
        return createHttpResponse(response, buffer);
      } finally {
        stopListening?.();
      }
    };
    return policy.execute(attempt, callOptions);
  };

  return {
    policy,
    fetch: (path, request = {}) => send(path, request, false),
    async json<T>(path: string, request: HttpRequestOptions = {}): Promise<T> {
      return (await send(path, request, true)).json<T>();
    },
  };
}

// Copies `first` and then `second` into a new plain object with lower-case names, by assignment
// rather than spreading (see the note on fetch options above).
function copyHeaders(
  first: Record<string, string>,
  second: Record<string, string> | Headers | undefined,
): Record<string, string> {
  const result: Record<string, string> = {};
  for (const name in first) result[name] = first[name]!;
  if (second instanceof Headers) second.forEach((value, name) => (result[name] = value));
  else if (second !== undefined) for (const name in second) result[name.toLowerCase()] = second[name]!;
  return result;
}

function toStatusError(
  response: Response,
  buffer: ArrayBuffer,
  method: string,
  url: string,
  nowWallMs: number,
): HttpStatusError {
  const bodyText = new TextDecoder().decode(buffer.slice(0, MAX_ERROR_BODY));
  const statusText = response.statusText === '' ? '' : ` ${response.statusText}`;
  return new HttpStatusError(`HTTP ${response.status}${statusText} from ${method} ${url}`, {
    status: response.status,
    headers: response.headers,
    bodyText,
    retryAfterMs: parseRetryAfter(response.headers.get('retry-after'), nowWallMs),
  });
}
