// Which failures of a remote call let the shim serve from the library, and which are the service's
// real answer. Errors are the runtime's own, made the way the policy and the fetch client make them.
import { describe, expect, it } from 'vitest';

import {
  AttemptTimeoutError,
  BreakerOpenError,
  BudgetExhaustedError,
  CancelledError,
  DeadlineExceededError,
  ShedError,
} from '../../packages/runtime/src/errors.js';
import { isInfrastructureFailure, RemoteUnavailableError } from '../../packages/runtime/src/shim/failures.js';
import { decodeError, encodeError, isWireDomainError } from '../../packages/runtime/src/wire.js';
import { connectionRefused, statusError } from './helpers.js';

class OutOfStockError extends Error {
  override name = 'OutOfStockError';
  code = 'ECONNREFUSED'; // A domain error whose fields happen to look like a network failure.
  constructor(readonly sku: string) {
    super(`${sku} is out of stock`);
  }
}

function fromTheWire(error: Error): Error {
  return decodeError(encodeError(error, error.name).error, error.constructor as typeof Error);
}

describe('isWireDomainError', () => {
  it('marks errors rebuilt by decodeError, and only those', () => {
    const original = new OutOfStockError('A-1');
    const decoded = fromTheWire(original);
    expect(decoded).toBeInstanceOf(OutOfStockError);
    expect(isWireDomainError(decoded)).toBe(true);
    expect(isWireDomainError(original)).toBe(false);
    expect(isWireDomainError(new Error('x'))).toBe(false);
    expect(isWireDomainError('x')).toBe(false);
    expect(isWireDomainError(null)).toBe(false);
  });

  it('keeps the mark out of the error’s enumerable fields', () => {
    const decoded = fromTheWire(new OutOfStockError('A-1'));
    expect(Object.keys(decoded)).not.toContainEqual(expect.stringContaining('faultline'));
    expect(encodeError(decoded, 'OutOfStockError')).toEqual(
      encodeError(new OutOfStockError('A-1'), 'OutOfStockError'),
    );
  });
});

describe('isInfrastructureFailure', () => {
  it.each([
    ['a refused connection', connectionRefused()],
    [
      'a reset connection',
      new TypeError('fetch failed', { cause: Object.assign(new Error('reset'), { code: 'ECONNRESET' }) }),
    ],
    ['a transport timeout', Object.assign(new Error('headers timeout'), { code: 'UND_ERR_HEADERS_TIMEOUT' })],
    ['a 503 (shed)', statusError(503, 1_000)],
    ['a 500', statusError(500)],
    ['a 429', statusError(429)],
    ['an open breaker', new BreakerOpenError('open', { retryAfterMs: 5_000 })],
    ['a passed deadline', new DeadlineExceededError('deadline')],
    ['an attempt timeout', new AttemptTimeoutError('attempt')],
    ['a spent retry budget', new BudgetExhaustedError('budget')],
    ['a shed request', new ShedError('shed', { reason: 'queueFull', retryAfterSeconds: 1 })],
    ['AbortSignal.timeout()', new DOMException('timed out', 'TimeoutError')],
    [
      'another copy of the runtime’s errors (by name)',
      Object.assign(new Error('open'), { name: 'BreakerOpenError' }),
    ],
    [
      'the shim’s own error',
      new RemoteUnavailableError('down', { service: 's', operation: 'o', cause: null }),
    ],
  ])('is true for %s', (_, error) => {
    expect(isInfrastructureFailure(error)).toBe(true);
  });

  it.each([
    [
      'a domain error from the wire, even with a network-looking code',
      fromTheWire(new OutOfStockError('A-1')),
    ],
    ['a 4xx', statusError(404)],
    ['the caller’s cancellation', new CancelledError('gone')],
    ['an AbortError', new DOMException('aborted', 'AbortError')],
    ['a bug', new TypeError('cannot read properties of undefined')],
    ['a thrown string', 'boom'],
    ['undefined', undefined],
  ])('is false for %s', (_, error) => {
    expect(isInfrastructureFailure(error)).toBe(false);
  });
});
