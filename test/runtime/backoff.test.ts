import { describe, expect, it } from 'vitest';
import { fullJitterBackoff } from '../../packages/runtime/src/client/backoff.js';
import { scriptedRandom } from '../../packages/runtime/src/testing.js';

describe('fullJitterBackoff', () => {
  it('reports the window doubling from the base for each retry', () => {
    const random = scriptedRandom([0.5]);
    const delays = [0, 1, 2, 3].map(retry =>
      fullJitterBackoff(retry, { baseDelayMs: 100, maxDelayMs: 10_000 }, random),
    );
    expect(delays).toEqual([50, 100, 200, 400]);
  });

  it('reports the window capped at maxDelayMs once doubling passes it', () => {
    const random = scriptedRandom([0.5]);
    const delays = [6, 7, 8, 60].map(retry =>
      fullJitterBackoff(retry, { baseDelayMs: 100, maxDelayMs: 10_000 }, random),
    );
    expect(delays).toEqual([3200, 5000, 5000, 5000]);
  });

  it('reports a zero delay when the draw is 0, which full jitter allows', () => {
    expect(fullJitterBackoff(3, {}, scriptedRandom([0]))).toBe(0);
  });

  it('reports delays just under the window when the draw approaches 1', () => {
    expect(fullJitterBackoff(1, { baseDelayMs: 100 }, scriptedRandom([0.999]))).toBeCloseTo(199.8, 6);
  });

  it('reports the defaults as a 100 ms base and a 10 s cap', () => {
    const random = scriptedRandom([1]);
    expect(fullJitterBackoff(0, {}, random)).toBe(100);
    expect(fullJitterBackoff(20, {}, random)).toBe(10_000);
  });
});
