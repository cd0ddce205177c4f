import { describe, expect, it } from 'vitest';
import { RetryBudget } from '../../packages/runtime/src/client/retry-budget.js';
import { ManualClock } from '../../packages/runtime/src/testing.js';

function spend(budget: RetryBudget, tries: number): number {
  let granted = 0;
  for (let i = 0; i < tries; i++) if (budget.tryWithdraw()) granted += 1;
  return granted;
}

describe('RetryBudget', () => {
  it('reports the floor of minRetriesPerSecond times the window before any call', () => {
    const budget = new RetryBudget({
      ratio: 0.1,
      minRetriesPerSecond: 1,
      ttlMs: 10_000,
      clock: new ManualClock(),
    });
    expect(budget.getBalance()).toBe(10);
  });

  it('grants ratio times the calls plus the floor, then refuses', () => {
    const budget = new RetryBudget({
      ratio: 0.1,
      minRetriesPerSecond: 1,
      ttlMs: 10_000,
      clock: new ManualClock(),
    });
    for (let i = 0; i < 200; i++) budget.recordCall();
    expect(spend(budget, 100)).toBe(30);
  });

  it('refuses a retry when less than one token is left', () => {
    const budget = new RetryBudget({ ratio: 0.1, minRetriesPerSecond: 0, clock: new ManualClock() });
    for (let i = 0; i < 9; i++) budget.recordCall();
    expect(budget.tryWithdraw()).toBe(false);
  });

  it('grants a retry once ten calls earned a whole token at ratio 0.1', () => {
    const budget = new RetryBudget({ ratio: 0.1, minRetriesPerSecond: 0, clock: new ManualClock() });
    for (let i = 0; i < 10; i++) budget.recordCall();
    expect(budget.tryWithdraw()).toBe(true);
  });

  it('returns spent tokens once the retries leave the window', async () => {
    const clock = new ManualClock();
    const budget = new RetryBudget({ ratio: 0, minRetriesPerSecond: 1, ttlMs: 10_000, clock });
    expect(spend(budget, 20)).toBe(10);
    await clock.advance(10_000);
    expect(spend(budget, 20)).toBe(10);
  });

  it('forgets deposits older than the window', async () => {
    const clock = new ManualClock();
    const budget = new RetryBudget({ ratio: 0.5, minRetriesPerSecond: 0, ttlMs: 1_000, clock });
    for (let i = 0; i < 10; i++) budget.recordCall();
    await clock.advance(1_000);
    expect(budget.getBalance()).toBe(0);
  });

  it('keeps deposits that are still inside the window', async () => {
    const clock = new ManualClock();
    const budget = new RetryBudget({ ratio: 0.5, minRetriesPerSecond: 0, ttlMs: 1_000, clock });
    for (let i = 0; i < 10; i++) budget.recordCall();
    await clock.advance(850);
    expect(budget.getBalance()).toBe(5);
  });

  it('throws on a negative ratio', () => {
    expect(() => new RetryBudget({ ratio: -1 })).toThrow(RangeError);
  });
});
