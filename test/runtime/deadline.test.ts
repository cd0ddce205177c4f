import { describe, expect, it } from 'vitest';
import { Deadline, getDeadline } from '../../packages/runtime/src/deadline.js';
import { DeadlineExceededError } from '../../packages/runtime/src/errors.js';
import { ManualClock } from '../../packages/runtime/src/testing.js';

describe('Deadline', () => {
  it('reports the milliseconds left as time passes', async () => {
    const clock = new ManualClock();
    const deadline = Deadline.after(500, { clock });
    await clock.advance(120);
    expect(deadline.remainingMs()).toBe(380);
  });

  it('aborts its signal with DeadlineExceededError at the expiry', async () => {
    const clock = new ManualClock();
    const deadline = Deadline.after(500, { clock });
    await clock.advance(500);
    expect(deadline.signal.reason).toBeInstanceOf(DeadlineExceededError);
  });

  it('keeps its signal live until the expiry', async () => {
    const clock = new ManualClock();
    const deadline = Deadline.after(500, { clock });
    await clock.advance(499);
    expect(deadline.isExpired()).toBe(false);
  });

  it('reports 0 rather than a negative number after the expiry', async () => {
    const clock = new ManualClock();
    const deadline = Deadline.after(10, { clock });
    await clock.advance(50);
    expect(deadline.remainingMs()).toBe(0);
  });

  it('aborts with the parent reason when a parent signal aborts', () => {
    const parent = new AbortController();
    const deadline = Deadline.after(1_000, { clock: new ManualClock(), signals: [parent.signal] });
    parent.abort('caller left');
    expect(deadline.signal.reason).toBe('caller left');
  });

  it('is aborted from the start when a parent already is', () => {
    const deadline = Deadline.after(1_000, {
      clock: new ManualClock(),
      signals: [AbortSignal.abort('gone')],
    });
    expect(deadline.signal.reason).toBe('gone');
  });

  it('stops following its parents once disposed', () => {
    const parent = new AbortController();
    const deadline = Deadline.after(1_000, { clock: new ManualClock(), signals: [parent.signal] });
    deadline.dispose();
    parent.abort('late');
    expect(deadline.signal.aborted).toBe(false);
  });

  it('cancels its timer once disposed', () => {
    const clock = new ManualClock();
    Deadline.after(1_000, { clock }).dispose();
    expect(clock.pendingTimers).toBe(0);
  });

  it('calls an onAbort listener with the reason once the deadline passes', async () => {
    const clock = new ManualClock();
    const deadline = Deadline.after(100, { clock });
    const reasons: unknown[] = [];
    deadline.onAbort(reason => reasons.push(reason));
    await clock.advance(100);
    expect(reasons).toEqual([deadline.signal.reason]);
  });

  it('does not call an onAbort listener that was unregistered', async () => {
    const clock = new ManualClock();
    const deadline = Deadline.after(100, { clock });
    let isCalled = false;
    const unregister = deadline.onAbort(() => (isCalled = true));
    unregister();
    await clock.advance(100);
    expect(isCalled).toBe(false);
  });

  it('is found again from its signal', () => {
    const deadline = Deadline.after(1_000, { clock: new ManualClock() });
    expect(getDeadline(deadline.signal)).toBe(deadline);
  });

  it('has no expiry when created with Infinity', () => {
    const clock = new ManualClock();
    const deadline = Deadline.after(Number.POSITIVE_INFINITY, { clock });
    expect([deadline.remainingMs(), clock.pendingTimers]).toEqual([Number.POSITIVE_INFINITY, 0]);
  });
});

describe('Deadline.resolve', () => {
  it('uses the fallback when the caller gives no deadline', () => {
    const deadline = Deadline.resolve({}, 10_000, new ManualClock());
    expect(deadline.remainingMs()).toBe(10_000);
  });

  it('uses an explicit number of milliseconds instead of the fallback, even a longer one', () => {
    const deadline = Deadline.resolve({ deadline: 30_000 }, 10_000, new ManualClock());
    expect(deadline.remainingMs()).toBe(30_000);
  });

  it('takes the remaining time of a Deadline given as input', async () => {
    const clock = new ManualClock();
    const incoming = Deadline.after(800, { clock });
    await clock.advance(300);
    expect(Deadline.resolve({ deadline: incoming }, 10_000, clock).remainingMs()).toBe(500);
  });

  it('takes the remaining time of a signal that a Deadline created', () => {
    const clock = new ManualClock();
    const incoming = Deadline.after(700, { clock });
    expect(Deadline.resolve({ signal: incoming.signal }, 10_000, clock).remainingMs()).toBe(700);
  });

  it('uses the fallback for a signal of unknown expiry but still follows it', () => {
    const controller = new AbortController();
    const deadline = Deadline.resolve({ signal: controller.signal }, 2_000, new ManualClock());
    controller.abort('stop');
    expect([deadline.remainingMs(), deadline.signal.reason]).toEqual([2_000, 'stop']);
  });

  it('expires at once for a deadline of 0 ms', () => {
    const deadline = Deadline.resolve({ deadline: 0 }, 10_000, new ManualClock());
    expect(deadline.signal.reason).toBeInstanceOf(DeadlineExceededError);
  });

  it('reports its state through aborted and reason before anyone asked for its signal', async () => {
    const clock = new ManualClock();
    const deadline = Deadline.after(100, { clock });
    expect([deadline.aborted, deadline.reason]).toEqual([false, undefined]);
    await clock.advance(100);
    expect(deadline.aborted).toBe(true);
    expect(deadline.reason).toBeInstanceOf(DeadlineExceededError);
  });

  it('hands out an already aborted signal, with the same reason, when asked after the expiry', async () => {
    const clock = new ManualClock();
    const deadline = Deadline.after(100, { clock });
    await clock.advance(100);
    expect(deadline.signal.aborted).toBe(true);
    expect(deadline.signal.reason).toBe(deadline.reason);
    expect(getDeadline(deadline.signal)).toBe(deadline);
  });

  it('follows a parent Deadline, or a signal made by one, and stops following it once disposed', () => {
    const clock = new ManualClock();
    const parent = new AbortController();
    const outer = Deadline.after(1_000, { clock, signals: [parent.signal] });
    const child = Deadline.after(500, { clock, signals: [outer] });
    const grandchild = Deadline.after(500, { clock, signals: [child.signal] });
    const detached = Deadline.after(500, { clock, signals: [outer] });
    detached.dispose();
    parent.abort('caller left');
    expect([child.reason, grandchild.reason, detached.aborted]).toEqual([
      'caller left',
      'caller left',
      false,
    ]);
  });
});
