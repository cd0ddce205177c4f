/**
 * The HTTP answer to a refused request, shared by the node:http wrapper and the Fastify plugin.
 */

import { ShedError } from '../errors.js';

/** Status, headers and JSON body to send for a refusal. */
export interface ShedResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/**
 * Maps a refusal to its response: 503 with `Retry-After` for overload, 504 without it when the
 * caller's deadline had already passed (retrying that request cannot help).
 */
export function getShedResponse(error: ShedError): ShedResponse {
  const body = JSON.stringify({
    error: error.reason === 'deadline' ? 'deadline exceeded' : 'overloaded',
    reason: error.reason,
  });
  const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8' };
  if (error.reason === 'deadline') return { status: 504, headers, body };
  headers['retry-after'] = String(error.retryAfterSeconds);
  return { status: 503, headers, body };
}
