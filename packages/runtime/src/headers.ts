/**
 * Header names and the wire format of deadlines and Retry-After.
 */

/** Request header carrying the caller's remaining time in whole milliseconds. */
export const DEADLINE_HEADER = 'x-faultline-deadline-ms';

/** Request header carrying the idempotency key of a non-idempotent request (IETF httpapi draft). */
export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key';

// Also understood on the way in, so services behind Envoy or called by gRPC-style clients
// get a deadline without the caller adopting our header.
const ENVOY_TIMEOUT_HEADER = 'x-envoy-expected-rq-timeout-ms';
const GRPC_TIMEOUT_HEADER = 'grpc-timeout';

const GRPC_UNIT_MS: Record<string, number> = {
  H: 3_600_000,
  M: 60_000,
  S: 1000,
  m: 1,
  u: 0.001,
  n: 0.000001,
};

/** A header bag: Fetch `Headers` or node:http's `IncomingHttpHeaders`. */
export type HeaderSource = Headers | Record<string, string | string[] | undefined>;

function readHeader(headers: HeaderSource, name: string): string | undefined {
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * Reads the caller's remaining time in milliseconds from `x-faultline-deadline-ms`, then
 * `grpc-timeout` (e.g. `250m`, `3S`), then `x-envoy-expected-rq-timeout-ms`. Returns undefined
 * when none is present or the value is malformed, so a bad header never shortens work by accident.
 */
export function getRemainingMsFromHeaders(headers: HeaderSource): number | undefined {
  const own = readHeader(headers, DEADLINE_HEADER);
  if (own !== undefined) return parseMilliseconds(own);
  const grpc = readHeader(headers, GRPC_TIMEOUT_HEADER);
  if (grpc !== undefined) return parseGrpcTimeout(grpc);
  const envoy = readHeader(headers, ENVOY_TIMEOUT_HEADER);
  if (envoy !== undefined) return parseMilliseconds(envoy);
  return undefined;
}

function parseMilliseconds(value: string): number | undefined {
  const trimmed = value.trim();
  return /^\d{1,12}$/.test(trimmed) ? Number(trimmed) : undefined;
}

/** Parses a gRPC `grpc-timeout` value (at most 8 digits and a unit) into milliseconds. */
export function parseGrpcTimeout(value: string): number | undefined {
  const match = /^(\d{1,8})([HMSmun])$/.exec(value.trim());
  if (match === null) return undefined;
  const [, digits, unit] = match;
  const factor = GRPC_UNIT_MS[unit ?? ''];
  return factor === undefined ? undefined : Number(digits) * factor;
}

/**
 * Converts a `Retry-After` value into milliseconds from now. It accepts delta-seconds (`120`)
 * and HTTP dates (`Wed, 21 Oct 2015 07:28:00 GMT`); a date in the past gives 0. Returns
 * undefined for anything else, so a malformed header falls back to ordinary backoff.
 */
export function parseRetryAfter(value: string | null | undefined, nowWallMs: number): number | undefined {
  if (value === null || value === undefined) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = parseHttpDate(trimmed);
  if (at === undefined) return undefined;
  return Math.max(0, at - nowWallMs);
}

/**
 * Parses the three HTTP date forms of RFC 9110 (IMF-fixdate, RFC 850, asctime) as UTC.
 * Requiring their shape keeps `Date.parse` from accepting values like "1.5" or "soon".
 */
function parseHttpDate(value: string): number | undefined {
  let text: string;
  if (/^[A-Za-z]{3,9}, .+ GMT$/.test(value)) text = value;
  else if (/^[A-Za-z]{3} [A-Za-z]{3} [ \d]\d \d\d:\d\d:\d\d \d{4}$/.test(value)) text = `${value} GMT`;
  else return undefined;
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : at;
}
