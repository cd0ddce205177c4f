import { describe, expect, it } from 'vitest';
import { Deadline } from '../../packages/runtime/src/deadline.js';
import { gatherWithin } from '../../packages/runtime/src/server/gather-within.js';
import { ManualClock } from '../../packages/runtime/src/testing.js';
import { ofType, recordEvents } from './helpers.js';

function after<T>(clock: ManualClock, ms: number, value: T): Promise<T> {
  return new Promise(resolve => clock.setTimer(() => resolve(value), ms));
}

describe('gatherWithin', () => {
  it('returns every result and no missing part when all finish in time', async () => {
    const clock = new ManualClock();
    const gathered = gatherWithin(
      100,
      { a: () => after(clock, 10, 1), b: () => after(clock, 20, 'two') },
      { clock },
    );
    await clock.advance(20);
    await expect(gathered).resolves.toEqual({
      results: { a: 1, b: 'two' },
      missing: [],
      errors: {},
      isPartial: false,
    });
  });

  it('resolves as soon as the last part finishes, before the deadline', async () => {
    const clock = new ManualClock();
    let isResolved = false;
    void gatherWithin(1_000, { a: () => after(clock, 10, 1) }, { clock }).then(() => (isResolved = true));
    await clock.advance(10);
    expect(isResolved).toBe(true);
  });

  it('returns the ready parts and names the late ones when the deadline passes', async () => {
    const clock = new ManualClock();
    const gathered = gatherWithin(
      100,
      { fast: () => after(clock, 10, 'f'), slow: () => after(clock, 500, 's') },
      { clock },
    );
    await clock.advance(100);
    await expect(gathered).resolves.toEqual({
      results: { fast: 'f' },
      missing: ['slow'],
      errors: {},
      isPartial: true,
    });
  });

  it('aborts the signal of the parts still running at the deadline', async () => {
    const clock = new ManualClock();
    let slowSignal: AbortSignal | undefined;
    const gathered = gatherWithin(
      100,
      {
        slow: signal => {
          slowSignal = signal;
          return after(clock, 500, 's');
        },
      },
      { clock },
    );
    await clock.advance(100);
    await gathered;
    expect(slowSignal?.aborted).toBe(true);
  });

  it('reports a failed part in errors and in missing without rejecting', async () => {
    const clock = new ManualClock();
    const failure = new Error('shard down');
    const gathered = gatherWithin(
      100,
      { ok: () => after(clock, 5, 1), bad: () => Promise.reject(failure) },
      { clock },
    );
    await clock.advance(5);
    await expect(gathered).resolves.toEqual({
      results: { ok: 1 },
      missing: ['bad'],
      errors: { bad: failure },
      isPartial: true,
    });
  });

  it('reports a part that throws synchronously as failed', async () => {
    const failure = new Error('sync');
    const gathered = await gatherWithin(100, {
      bad: () => {
        throw failure;
      },
    });
    expect(gathered.errors).toEqual({ bad: failure });
  });

  it('follows a Deadline given as the limit', async () => {
    const clock = new ManualClock();
    const deadline = Deadline.after(50, { clock });
    const gathered = gatherWithin(deadline, { slow: () => after(clock, 500, 's') }, { clock });
    await clock.advance(50);
    await expect(gathered).resolves.toMatchObject({ missing: ['slow'] });
  });

  it('returns at once with everything missing when the limit signal is already aborted', async () => {
    await expect(gatherWithin(AbortSignal.abort(), { a: () => Promise.resolve(1) })).resolves.toMatchObject({
      missing: ['a'],
      isPartial: true,
    });
  });

  it('emits a partial event counting missing and failed parts', async () => {
    const clock = new ManualClock();
    const { events, onEvent } = recordEvents();
    const gathered = gatherWithin(
      100,
      { a: () => after(clock, 500, 1), b: () => Promise.reject(new Error('x')), c: () => after(clock, 1, 3) },
      { clock, onEvent, name: 'search' },
    );
    await clock.advance(100);
    await gathered;
    expect(ofType(events, 'partial')).toEqual([
      { type: 'partial', name: 'search', total: 3, missing: 2, failed: 1 },
    ]);
  });
});
