// Server-side deduplication by idempotency key: one run per key while it runs and for the TTL
// after, errors replayed like results, old keys dropped past the bound.
import { describe, expect, it } from 'vitest';

import { IdempotencyStore } from '../../packages/runtime/src/server/idempotency-store.js';
import { ManualClock } from '../../packages/runtime/src/testing.js';

describe('IdempotencyStore', () => {
  it('runs the work once for concurrent calls with the same key, and gives each the same outcome', async () => {
    const store = new IdempotencyStore({ clock: new ManualClock() });
    let runs = 0;
    let finish: (value: string) => void = () => undefined;
    const work = (): Promise<string> => {
      runs++;
      return new Promise(resolve => (finish = resolve));
    };
    const first = store.run('key-1', work);
    const retry = store.run('key-1', work);
    await Promise.resolve();
    finish('charged');
    expect(await Promise.all([first, retry])).toEqual(['charged', 'charged']);
    expect(runs).toBe(1);
  });

  it('replays a finished outcome until the TTL passes, then runs again', async () => {
    const clock = new ManualClock();
    const store = new IdempotencyStore({ clock, ttlMs: 1000 });
    let runs = 0;
    const work = (): number => ++runs;
    expect(await store.run('k', work)).toBe(1);
    await clock.advance(999);
    expect(await store.run('k', work)).toBe(1);
    await clock.advance(2);
    expect(await store.run('k', work)).toBe(2);
  });

  it('replays an error as the error, and keeps keys apart', async () => {
    const store = new IdempotencyStore({ clock: new ManualClock() });
    const failure = new Error('card declined');
    await expect(store.run('a', () => Promise.reject(failure))).rejects.toBe(failure);
    await expect(store.run('a', () => 'ran again')).rejects.toBe(failure);
    expect(await store.run('b', () => 'other')).toBe('other');
  });

  it('drops the oldest keys past its bound', async () => {
    const store = new IdempotencyStore({ clock: new ManualClock(), maxEntries: 2 });
    await store.run('a', () => 1);
    await store.run('b', () => 2);
    await store.run('c', () => 3);
    expect(store.size).toBe(2);
    expect(await store.run('a', () => 'again')).toBe('again');
  });

  it('refuses options that cannot work', () => {
    expect(() => new IdempotencyStore({ ttlMs: 0 })).toThrow(RangeError);
    expect(() => new IdempotencyStore({ maxEntries: 0 })).toThrow(RangeError);
  });
});
