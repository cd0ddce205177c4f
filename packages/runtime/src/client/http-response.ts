/**
 * The fetch client's answer: a fully read response with the reading methods of a fetch Response.
 * It is a plain object rather than a `Response` because constructing a `Response` around a buffer
 * costs tens of microseconds on Node 20, more than the rest of the policy together.
 */

/** A buffered HTTP response; its body was read within the call's deadline. */
export interface HttpResponse {
  readonly status: number;
  readonly statusText: string;
  /** Whether the status is in the range 200–299. */
  readonly ok: boolean;
  readonly headers: Headers;
  /** The final URL, after redirects. */
  readonly url: string;
  /** Whether a reading method has been called, as on a fetch Response. */
  readonly bodyUsed: boolean;
  /** The body as bytes. */
  bytes(): Promise<Uint8Array>;
  arrayBuffer(): Promise<ArrayBuffer>;
  text(): Promise<string>;
  /** Parses the body as JSON; an empty body gives `undefined`. */
  json<T = unknown>(): Promise<T>;
}

/** Wraps a read body and the response it came from. */
export function createHttpResponse(response: Response, body: ArrayBuffer): HttpResponse {
  let bodyUsed = false;
  const use = (): ArrayBuffer => {
    bodyUsed = true;
    return body;
  };
  const text = (): string => new TextDecoder().decode(use());
  return {
    status: response.status,
    statusText: response.statusText,
    ok: response.ok,
    headers: response.headers,
    url: response.url,
    get bodyUsed() {
      return bodyUsed;
    },
    bytes: async () => new Uint8Array(use()),
    arrayBuffer: async () => use(),
    text: async () => text(),
    json: async <T>() => {
      const source = text();
      return (source === '' ? undefined : JSON.parse(source)) as T;
    },
  };
}
