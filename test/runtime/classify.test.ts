import { describe, expect, it } from 'vitest';
import { classifyError, isConnectionError } from '../../packages/runtime/src/client/classify.js';
import { AttemptTimeoutError, DeadlineExceededError } from '../../packages/runtime/src/errors.js';
import { connectionRefused, statusError } from './helpers.js';

const idempotent = { isIdempotent: true };
const nonIdempotent = { isIdempotent: false };

describe('classifyError', () => {
  it('retries 502, 503 and 504 and counts them against the dependency', () => {
    expect([502, 503, 504].map(status => classifyError(statusError(status), idempotent))).toEqual([
      { isRetryable: true, isDependencyFailure: true, status: 502 },
      { isRetryable: true, isDependencyFailure: true, status: 503 },
      { isRetryable: true, isDependencyFailure: true, status: 504 },
    ]);
  });

  it('retries a 503 with Retry-After without counting it against the dependency', () => {
    expect(classifyError(statusError(503, 1_000), idempotent)).toEqual({
      isRetryable: true,
      isDependencyFailure: false,
      status: 503,
      retryAfterMs: 1_000,
    });
  });

  it('retries a 429 without counting it against the dependency', () => {
    expect(classifyError(statusError(429), idempotent)).toMatchObject({
      isRetryable: true,
      isDependencyFailure: false,
    });
  });

  it('counts a 500 against the dependency without retrying it', () => {
    expect(classifyError(statusError(500), idempotent)).toMatchObject({
      isRetryable: false,
      isDependencyFailure: true,
    });
  });

  it('neither retries nor counts a 4xx', () => {
    expect(classifyError(statusError(409), idempotent)).toMatchObject({
      isRetryable: false,
      isDependencyFailure: false,
    });
  });

  it('retries a refused connection even for a non-idempotent call', () => {
    expect(classifyError(connectionRefused(), nonIdempotent)).toEqual({
      isRetryable: true,
      isDependencyFailure: true,
    });
  });

  it('retries an attempt timeout only for an idempotent call', () => {
    const timeout = new AttemptTimeoutError('slow');
    expect([
      classifyError(timeout, idempotent).isRetryable,
      classifyError(timeout, nonIdempotent).isRetryable,
    ]).toEqual([true, false]);
  });

  it('retries a transport headers timeout only for an idempotent call', () => {
    const error = new TypeError('fetch failed', {
      cause: Object.assign(new Error('t'), { code: 'UND_ERR_HEADERS_TIMEOUT' }),
    });
    expect([
      classifyError(error, idempotent).isRetryable,
      classifyError(error, nonIdempotent).isRetryable,
    ]).toEqual([true, false]);
  });

  it('never retries a passed deadline', () => {
    expect(classifyError(new DeadlineExceededError('late'), idempotent).isRetryable).toBe(false);
  });

  it('neither retries nor counts an unknown error', () => {
    expect(classifyError(new RangeError('bug'), idempotent)).toEqual({
      isRetryable: false,
      isDependencyFailure: false,
    });
  });
});

describe('isConnectionError', () => {
  it('finds the code inside an AggregateError cause, as happy-eyeballs connects produce', () => {
    const inner = Object.assign(new Error('x'), { code: 'ECONNREFUSED' });
    expect(isConnectionError(new TypeError('fetch failed', { cause: new AggregateError([inner]) }))).toBe(
      true,
    );
  });

  it('reports false for an error without a code', () => {
    expect(isConnectionError(new Error('plain'))).toBe(false);
  });
});
