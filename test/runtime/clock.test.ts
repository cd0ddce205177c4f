import { describe, expect, it } from 'vitest';
import { sleep } from '../../packages/runtime/src/clock.js';
import { ManualClock } from '../../packages/runtime/src/testing.js';

describe('sleep', () => {
  it('resolves once the clock has advanced by the delay', async () => {
    const clock = new ManualClock();
    let isDone = false;
    void sleep(clock, 100).then(() => (isDone = true));
    await clock.advance(99);
    expect(isDone).toBe(false);
    await clock.advance(1);
    expect(isDone).toBe(true);
  });

  it('rejects with the signal reason when the signal aborts while sleeping', async () => {
    const clock = new ManualClock();
    const controller = new AbortController();
    const slept = sleep(clock, 1_000, controller.signal);
    controller.abort('stop');
    await expect(slept).rejects.toBe('stop');
  });

  it('cancels its timer when the signal aborts', async () => {
    const clock = new ManualClock();
    const controller = new AbortController();
    const slept = sleep(clock, 1_000, controller.signal).catch(() => undefined);
    controller.abort();
    await slept;
    expect(clock.pendingTimers).toBe(0);
  });

  it('rejects at once when the signal is already aborted', async () => {
    await expect(sleep(new ManualClock(), 1_000, AbortSignal.abort('early'))).rejects.toBe('early');
  });
});
