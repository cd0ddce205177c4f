import { describe, expect, it } from 'vitest';
import { ShedError } from '../../packages/runtime/src/errors.js';
import { getShedResponse } from '../../packages/runtime/src/server/shed-response.js';

describe('getShedResponse', () => {
  it('answers overload with 503 and Retry-After', () => {
    const response = getShedResponse(new ShedError('full', { reason: 'queueFull', retryAfterSeconds: 2 }));
    expect(response).toEqual({
      status: 503,
      headers: { 'content-type': 'application/json; charset=utf-8', 'retry-after': '2' },
      body: '{"error":"overloaded","reason":"queueFull"}',
    });
  });

  it('answers a passed deadline with 504 and no Retry-After', () => {
    const response = getShedResponse(new ShedError('late', { reason: 'deadline', retryAfterSeconds: 1 }));
    expect([response.status, response.headers['retry-after']]).toEqual([504, undefined]);
  });
});
