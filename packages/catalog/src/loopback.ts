// Requests to this machine: a URL fixed in the code to a loopback host (`http://localhost:8080/app`,
// `` `http://0.0.0.0:${port}` ``, `http://127.0.0.1/…`, `http://[::1]/…`). Such a request reaches a
// process of the same host (the service itself, or a helper process started beside it), not a
// server across the network that can stop answering while this one goes on: require-timeout does
// not report a missing deadline on one, and `faultline analyze` reports it as what it is for a
// library carved into a service, a process the service will no longer run beside.
//
// A reader turns the request's URL into text ({@link RequestUrlFacts}): the parts it can read as
// written, {@link UNREAD_PART} for each part it cannot. A URL the environment can change
// (`process.env.API_URL ?? 'http://localhost'`) is not read, so it is not fixed; a sidecar proxy's
// API (Dapr's `/v1.0/invoke/…`) forwards to remote services, so it stays remote.

/** The families whose calls take a URL (or node:http's host options) as their first argument. */
export const URL_FAMILIES: ReadonlySet<string> = new Set([
  'fetch',
  'axios',
  'got',
  'ky',
  'ofetch',
  'superagent',
  'undici',
  'http',
]);

/** What a reader writes for a part of the URL it cannot read (`` `http://0.0.0.0:${port}` `` → `http://0.0.0.0:\0`). */
export const UNREAD_PART = '\u0000';

/** Keys of a request's options object that carry its URL. */
export const URL_OPTION_KEYS: ReadonlySet<string> = new Set(['url', 'uri']);
/** Keys that carry the base a path is sent to (axios, got, ky, ofetch). */
export const BASE_OPTION_KEYS: ReadonlySet<string> = new Set(['baseURL', 'baseUrl', 'prefixUrl', 'origin']);
/** Keys of node:http's request options that name the host. */
export const HOST_OPTION_KEYS: ReadonlySet<string> = new Set(['host', 'hostname']);
/** node:http's (and undici's) option that sends the request over a Unix socket or a named pipe. */
export const SOCKET_OPTION_KEYS: ReadonlySet<string> = new Set(['socketPath']);

/** A loopback host at the start of a URL. */
const LOOPBACK =
  /^(?:https?|wss?):\/\/(?:localhost|127(?:\.\d{1,3}){3}|0\.0\.0\.0|\[(?:0{0,4}:){2,7}0{0,3}1\])(?=[:/?#]|$)/i;
/** A sidecar proxy's API on loopback, which forwards to other services: Dapr's building blocks. */
const SIDECAR = /^[^/]*\/\/[^/]*\/v1\.0(?:-alpha1|-beta1)?\//;
/** A loopback host alone, as node:http's `host` option names it. */
const LOOPBACK_HOST = /^(?:localhost|127(?:\.\d{1,3}){3}|0\.0\.0\.0|::1|\[::1\])$/i;
/** A URL with a scheme, not a path. */
const ABSOLUTE = /^[a-z][a-z\d+.-]*:/i;

/** The URL's text names a host of this machine, and not a sidecar proxy's API. */
export function isLoopbackText(text: string | undefined): boolean {
  return text !== undefined && LOOPBACK.test(text) && !SIDECAR.test(text);
}

/** What a reader saw of the URL a request is sent to. Texts are undefined where the start cannot be read. */
export interface RequestUrlFacts {
  /**
   * node:http's options name a host (`{ host: 'localhost', port, path }`): its text, or undefined
   * when it cannot be read. Absent: no host option.
   */
  host?: { text: string | undefined };
  /**
   * node:http's options send the request over a Unix socket or a named pipe (`{ socketPath, path }`):
   * a file of this machine, whatever the path.
   */
  socketPath?: boolean;
  /** The URL itself (the first argument, or the `url` of an options object), as far as it is read. */
  url: string | undefined;
  /** Whether a URL is written at all: one that cannot be read is not a path. */
  urlWritten: boolean;
  /** The base given beside a path, or where the instance it goes through was made (`baseURL`). */
  base: string | undefined;
}

/**
 * The request goes to this machine: its URL is fixed to a loopback host, or it is a path and the
 * base given beside it or to its instance is (`axios.post('batch', body, { baseURL: LOCAL_API })`).
 * Returns what names the host (`http://localhost:8080/app`, `127.0.0.1`), undefined when it is not
 * a loopback request.
 */
export function loopbackTarget(facts: RequestUrlFacts): string | undefined {
  if (facts.socketPath && !facts.host) return 'a local socket';
  if (facts.host) return LOOPBACK_HOST.test(facts.host.text ?? '') ? facts.host.text : undefined;
  if (facts.url !== undefined && ABSOLUTE.test(facts.url))
    return isLoopbackText(facts.url) ? facts.url : undefined;
  // A URL that cannot be read may be anything; a path (or no URL): the base decides.
  if (facts.url === undefined && facts.urlWritten) return undefined;
  return isLoopbackText(facts.base) ? facts.base : undefined;
}

/** The host and port a loopback target names, for a message (`localhost:8080`, `0.0.0.0:…`). */
export function loopbackHost(target: string): string {
  const match = /^[a-z]+:\/\/([^/?#]*)/i.exec(target);
  return (match?.[1] ?? target).replaceAll(UNREAD_PART, '…');
}
