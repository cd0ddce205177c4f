/**
 * The HTTP answer to a refused request, shared by the node:http wrapper and the Fastify plugin.
 */

import { ShedError } from '../errors.js';

/** Status, headers and JSON body to send for a refusal. */
export interface ShedResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

// Refusals are the hot path of an overloaded server, so each distinct answer is built once.
const cache = new Map<string, ShedResponse>();

/**
 * Maps a refusal to its response: 503 with `Retry-After` for overload, 504 without it when the
 * caller's deadline had already passed (retrying that request cannot help).
 */
export function getShedResponse(error: ShedError): ShedResponse {
  const key = `${error.reason}:${error.retryAfterSeconds}`;
  let response = cache.get(key);
  if (response === undefined) {
    const isDeadline = error.reason === 'deadline';
    const body = JSON.stringify({
      error: isDeadline ? 'deadline exceeded' : 'overloaded',
      reason: error.reason,
    });
    const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8' };
    if (!isDeadline) headers['retry-after'] = String(error.retryAfterSeconds);
    response = Object.freeze({ status: isDeadline ? 504 : 503, headers: Object.freeze(headers), body });
    cache.set(key, response);
  }
  return response;
}
