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

// A class rather than an object of closures: one allocation per response on the hot path.
class BufferedResponse implements HttpResponse {
  readonly status: number;
  readonly statusText: string;
  readonly ok: boolean;
  readonly headers: Headers;
  readonly url: string;
  #body: ArrayBuffer;
  #isUsed = false;

  constructor(response: Response, body: ArrayBuffer) {
    this.status = response.status;
    this.statusText = response.statusText;
    this.ok = response.ok;
    this.headers = response.headers;
    this.url = response.url;
    this.#body = body;
  }

  get bodyUsed(): boolean {
    return this.#isUsed;
  }

  async bytes(): Promise<Uint8Array> {
    return new Uint8Array(this.#use());
  }

  async arrayBuffer(): Promise<ArrayBuffer> {
    return this.#use();
  }

  async text(): Promise<string> {
    return new TextDecoder().decode(this.#use());
  }

  async json<T = unknown>(): Promise<T> {
    const source = new TextDecoder().decode(this.#use());
    return (source === '' ? undefined : JSON.parse(source)) as T;
  }

  #use(): ArrayBuffer {
    this.#isUsed = true;
    return this.#body;
  }
}

/** Wraps a read body and the response it came from. */
export function createHttpResponse(response: Response, body: ArrayBuffer): HttpResponse {
  return new BufferedResponse(response, body);
}
