// Rollout buckets must be the same in every process and every version: these vectors pin them.
import { describe, expect, it } from 'vitest';

import { fnv1a32, rolloutBucket } from '../../packages/runtime/src/shim/bucket.js';

describe('fnv1a32', () => {
  it('matches the published FNV-1a 32-bit vectors', () => {
    expect(fnv1a32('')).toBe(0x811c9dc5);
    expect(fnv1a32('a')).toBe(0xe40c292c);
    expect(fnv1a32('foobar')).toBe(0xbf9cf968);
  });

  it('hashes the UTF-8 bytes of text outside ASCII, surrogate pairs included', () => {
    const text = 'é✓😀';
    let expected = 0x811c9dc5;
    for (const byte of Buffer.from(text, 'utf8')) expected = Math.imul(expected ^ byte, 0x01000193) >>> 0;
    expect(fnv1a32(text)).toBe(expected);
    expect(fnv1a32(text)).toBe(0xf4e91169);
  });

  it('hashes a lone surrogate as U+FFFD, as TextEncoder encodes it', () => {
    expect(fnv1a32('a\ud800b')).toBe(fnv1a32('a\ufffdb'));
  });
});

describe('rolloutBucket', () => {
  it('puts a key in a fixed bucket for a fixed flag key', () => {
    expect(rolloutBucket('pricing.rollout', 'user-1')).toBe(85.31);
    expect(rolloutBucket('pricing.rollout', 'tenant-42')).toBe(47.79);
  });

  it('puts the same key in different buckets under different flags', () => {
    expect(rolloutBucket('pricing.rollout', 'user-1')).not.toBe(rolloutBucket('billing.rollout', 'user-1'));
  });

  it('spreads keys evenly over [0, 100)', () => {
    const buckets = Array.from({ length: 10_000 }, (_, index) =>
      rolloutBucket('pricing.rollout', `user-${index}`),
    );
    expect(Math.min(...buckets)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...buckets)).toBeLessThan(100);
    const tenths = new Array<number>(10).fill(0);
    for (const bucket of buckets) tenths[Math.floor(bucket / 10)]!++;
    // 1 000 expected per tenth; 4 standard deviations (± 120) of a binomial(10 000, 0.1).
    for (const count of tenths) expect(Math.abs(count - 1_000)).toBeLessThan(120);
  });
});
