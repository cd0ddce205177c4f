import { describe, expect, it } from 'vitest';
import {
  CircuitBreaker,
  type CircuitBreakerOptions,
} from '../../packages/runtime/src/client/circuit-breaker.js';
import { ManualClock } from '../../packages/runtime/src/testing.js';
import { ofType, recordEvents } from './helpers.js';

function setup(options: CircuitBreakerOptions = {}) {
  const clock = new ManualClock();
  const { events, onEvent } = recordEvents();
  const breaker = new CircuitBreaker({
    failureRatio: 0.5,
    minimumThroughput: 10,
    windowMs: 10_000,
    breakDurationMs: 5_000,
    halfOpenProbes: 3,
    name: 'users',
    clock,
    onEvent,
    ...options,
  });
  const record = (successes: number, failures: number): void => {
    for (let i = 0; i < successes; i++) breaker.tryAcquire()?.success();
    for (let i = 0; i < failures; i++) breaker.tryAcquire()?.failure();
  };
  return { clock, events, breaker, record };
}

describe('CircuitBreaker', () => {
  it('stays closed below the minimum throughput even when every call fails', () => {
    const { breaker, record } = setup();
    record(0, 9);
    expect(breaker.state).toBe('closed');
  });

  it('opens when the failure ratio reaches the threshold at the minimum throughput', () => {
    const { breaker, record } = setup();
    record(5, 5);
    expect(breaker.state).toBe('open');
  });

  it('stays closed while the failure ratio is below the threshold', () => {
    const { breaker, record } = setup();
    record(6, 4);
    expect(breaker.state).toBe('closed');
  });

  it('refuses permits while open and reports the time left in the break', async () => {
    const { breaker, record, clock } = setup();
    record(0, 10);
    await clock.advance(2_000);
    expect(breaker.tryAcquire()).toBeUndefined();
    expect(breaker.getRemainingOpenMs()).toBe(3_000);
  });

  it('turns half-open once the break duration has passed', async () => {
    const { breaker, record, clock } = setup();
    record(0, 10);
    await clock.advance(5_000);
    expect(breaker.state).toBe('halfOpen');
  });

  it('lets exactly halfOpenProbes probes through while half-open', async () => {
    const { breaker, record, clock } = setup();
    record(0, 10);
    await clock.advance(5_000);
    const permits = [1, 2, 3, 4].map(() => breaker.tryAcquire());
    expect(permits.map(permit => permit !== undefined)).toEqual([true, true, true, false]);
  });

  it('closes after every probe succeeds', async () => {
    const { breaker, record, clock } = setup();
    record(0, 10);
    await clock.advance(5_000);
    const probes = [1, 2, 3].map(() => breaker.tryAcquire());
    for (const probe of probes) probe?.success();
    expect(breaker.state).toBe('closed');
  });

  it('stays half-open while only some probes have succeeded', async () => {
    const { breaker, record, clock } = setup();
    record(0, 10);
    await clock.advance(5_000);
    breaker.tryAcquire()?.success();
    breaker.tryAcquire()?.success();
    expect(breaker.state).toBe('halfOpen');
  });

  it('reopens for a full break when a probe fails', async () => {
    const { breaker, record, clock } = setup();
    record(0, 10);
    await clock.advance(5_000);
    breaker.tryAcquire()?.failure();
    expect(breaker.state).toBe('open');
    expect(breaker.getRemainingOpenMs()).toBe(5_000);
  });

  it('gives a released probe slot to another caller', async () => {
    const { breaker, record, clock } = setup({ halfOpenProbes: 1 });
    record(0, 10);
    await clock.advance(5_000);
    breaker.tryAcquire()?.release();
    expect(breaker.tryAcquire()).toBeDefined();
  });

  it('ignores the outcome of a permit taken before the breaker changed state', async () => {
    const { breaker, record, clock } = setup();
    const early = breaker.tryAcquire();
    record(0, 10);
    await clock.advance(5_000);
    early?.failure();
    expect(breaker.state).toBe('halfOpen');
  });

  it('forgets failures that have left the sliding window', async () => {
    const { breaker, record, clock } = setup();
    record(0, 9);
    await clock.advance(10_000);
    record(0, 1);
    expect(breaker.state).toBe('closed');
  });

  it('starts from a clean window after closing', async () => {
    const { breaker, record, clock } = setup();
    record(0, 10);
    await clock.advance(5_000);
    record(3, 0);
    record(0, 1);
    expect(breaker.state).toBe('closed');
  });

  it('counts one outcome per permit', () => {
    const { breaker } = setup({ minimumThroughput: 2 });
    const permit = breaker.tryAcquire();
    permit?.failure();
    permit?.failure();
    expect(breaker.state).toBe('closed');
  });

  it('emits each state change with the client name', async () => {
    const { record, clock, events, breaker } = setup();
    record(0, 10);
    await clock.advance(5_000);
    void breaker.state;
    record(3, 0);
    expect(
      ofType(events, 'breakerStateChange').map(({ from, to, client }) => `${client}:${from}->${to}`),
    ).toEqual(['users:closed->open', 'users:open->halfOpen', 'users:halfOpen->closed']);
  });

  it('throws on a failure ratio outside (0, 1]', () => {
    expect(() => new CircuitBreaker({ failureRatio: 0 })).toThrow(RangeError);
  });
});
