import { describe, expect, it } from 'vitest';
import {
  getRemainingMsFromHeaders,
  parseGrpcTimeout,
  parseRetryAfter,
} from '../../packages/runtime/src/headers.js';

const NOW = Date.UTC(2026, 0, 1, 12, 0, 0);

describe('parseRetryAfter', () => {
  it('reports delta-seconds as milliseconds', () => {
    expect(parseRetryAfter('120', NOW)).toBe(120_000);
  });

  it('reports an IMF-fixdate as the milliseconds until that time', () => {
    expect(parseRetryAfter('Thu, 01 Jan 2026 12:00:30 GMT', NOW)).toBe(30_000);
  });

  it('reports an RFC 850 date as the milliseconds until that time', () => {
    expect(parseRetryAfter('Thursday, 01-Jan-26 12:00:05 GMT', NOW)).toBe(5_000);
  });

  it('reports an asctime date as UTC', () => {
    expect(parseRetryAfter('Thu Jan  1 12:00:02 2026', NOW)).toBe(2_000);
  });

  it('reports 0 for a date in the past', () => {
    expect(parseRetryAfter('Thu, 01 Jan 2026 11:59:00 GMT', NOW)).toBe(0);
  });

  it('reports undefined for fractional, negative or textual values', () => {
    expect([parseRetryAfter('1.5', NOW), parseRetryAfter('-1', NOW), parseRetryAfter('soon', NOW)]).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
  });

  it('reports undefined when the header is absent', () => {
    expect(parseRetryAfter(null, NOW)).toBeUndefined();
  });
});

describe('parseGrpcTimeout', () => {
  it('reports each unit converted to milliseconds', () => {
    expect(['2H', '3M', '4S', '250m', '5000u', '7000000n'].map(parseGrpcTimeout)).toEqual([
      7_200_000, 180_000, 4_000, 250, 5, 7,
    ]);
  });

  it('reports undefined for more than eight digits or an unknown unit', () => {
    expect([parseGrpcTimeout('123456789m'), parseGrpcTimeout('10s'), parseGrpcTimeout('m')]).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
  });
});

describe('getRemainingMsFromHeaders', () => {
  it('reports x-faultline-deadline-ms from node:http headers', () => {
    expect(getRemainingMsFromHeaders({ 'x-faultline-deadline-ms': '1500' })).toBe(1500);
  });

  it('reports x-faultline-deadline-ms from fetch Headers', () => {
    expect(getRemainingMsFromHeaders(new Headers({ 'X-Faultline-Deadline-Ms': '80' }))).toBe(80);
  });

  it('prefers x-faultline-deadline-ms over grpc-timeout', () => {
    expect(getRemainingMsFromHeaders({ 'x-faultline-deadline-ms': '100', 'grpc-timeout': '5S' })).toBe(100);
  });

  it('falls back to grpc-timeout and then to the Envoy header', () => {
    expect(getRemainingMsFromHeaders({ 'grpc-timeout': '2S' })).toBe(2000);
    expect(getRemainingMsFromHeaders({ 'x-envoy-expected-rq-timeout-ms': '700' })).toBe(700);
  });

  it('reports undefined for a malformed value rather than a zero deadline', () => {
    expect(getRemainingMsFromHeaders({ 'x-faultline-deadline-ms': '-5' })).toBeUndefined();
  });

  it('reports undefined when no deadline header is present', () => {
    expect(getRemainingMsFromHeaders({ host: 'example' })).toBeUndefined();
  });
});
