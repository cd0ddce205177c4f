// mapConcurrent: what the codemod writes in place of `items.map(f)` once f is a remote call.
import { describe, expect, it } from 'vitest';

import { mapConcurrent } from '../../packages/runtime/src/index.js';

/** A promise with its resolve and reject, to finish calls in any order. */
function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void; reject: (error: Error) => void } {
  let resolve!: (value: T) => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<T>((yes, no) => {
    resolve = yes;
    reject = no;
  });
  return { promise, resolve, reject };
}

describe('mapConcurrent', () => {
  it('keeps the order of the items, whatever order the calls finish in', async () => {
    const calls = [deferred<string>(), deferred<string>(), deferred<string>()];
    const result = mapConcurrent(
      ['a', 'b', 'c'],
      3,
      (_item, index) => (calls[index] as { promise: Promise<string> }).promise,
    );
    calls[2]?.resolve('C');
    calls[0]?.resolve('A');
    calls[1]?.resolve('B');
    expect(await result).toEqual(['A', 'B', 'C']);
  });

  it('has at most `limit` calls in flight', async () => {
    let running = 0;
    let most = 0;
    const result = await mapConcurrent(
      Array.from({ length: 20 }, (_, index) => index),
      4,
      async item => {
        running++;
        most = Math.max(most, running);
        await new Promise(resolve => setTimeout(resolve, 1));
        running--;
        return item * 2;
      },
    );
    expect(most).toBe(4);
    expect(result).toEqual(Array.from({ length: 20 }, (_, index) => index * 2));
  });

  it('passes the index and the items, as map does, and takes any iterable', async () => {
    expect(
      await mapConcurrent(new Set(['x', 'y']), 2, (item, index, items) => `${item}${index}/${items.length}`),
    ).toEqual(['x0/2', 'y1/2']);
  });

  it('rejects with the first error and starts no call after it', async () => {
    const started: number[] = [];
    const failing = mapConcurrent([0, 1, 2, 3, 4], 1, async item => {
      started.push(item);
      if (item === 1) throw new Error('rates down');
      return item;
    });
    await expect(failing).rejects.toThrow('rates down');
    expect(started).toEqual([0, 1]);
  });

  it('resolves to an empty array for no items', async () => {
    expect(await mapConcurrent([], 8, () => 1)).toEqual([]);
  });

  it('refuses a limit that is not a whole number ≥ 1', async () => {
    await expect(mapConcurrent([1], 0, item => item)).rejects.toThrow(RangeError);
    await expect(mapConcurrent([1], 1.5, item => item)).rejects.toThrow(
      'limit must be a whole number ≥ 1, got 1.5',
    );
  });
});
