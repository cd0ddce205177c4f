import { describe, expect, it } from 'vitest';
import { Policy, type AttemptContext, type PolicyOptions } from '../../packages/runtime/src/client/policy.js';
import { RetryBudget } from '../../packages/runtime/src/client/retry-budget.js';
import {
  AttemptTimeoutError,
  BreakerOpenError,
  BudgetExhaustedError,
  DeadlineExceededError,
  HttpStatusError,
} from '../../packages/runtime/src/errors.js';
import { ManualClock, scriptedRandom } from '../../packages/runtime/src/testing.js';
import { connectionRefused, ofType, recordEvents, statusError } from './helpers.js';

function setup(options: PolicyOptions = {}) {
  const clock = new ManualClock();
  const { events, onEvent } = recordEvents();
  let keys = 0;
  const policy = new Policy({
    name: 'users',
    clock,
    random: scriptedRandom([0.5]),
    onEvent,
    budget: false,
    breaker: false,
    newIdempotencyKey: () => `key-${++keys}`,
    ...options,
  });
  return { clock, events, policy };
}

/** An attempt function that fails with the given errors in turn, then returns `ok`. */
function failingThen(...failures: unknown[]) {
  const contexts: AttemptContext[] = [];
  const fn = (context: AttemptContext): Promise<string> => {
    contexts.push(context);
    const failure = failures[contexts.length - 1];
    return failure === undefined ? Promise.resolve('ok') : Promise.reject(failure);
  };
  return { fn, contexts };
}

/** An attempt function that never settles on its own and ignores its signal. */
function hanging(): { fn: (context: AttemptContext) => Promise<string>; contexts: AttemptContext[] } {
  const contexts: AttemptContext[] = [];
  return {
    contexts,
    fn: context => {
      contexts.push(context);
      return new Promise<string>(() => {});
    },
  };
}

describe('Policy', () => {
  it('resolves with the value of a successful first attempt', async () => {
    const { policy } = setup();
    await expect(policy.execute(async () => 42)).resolves.toBe(42);
  });

  it('retries a 503 after the full-jitter delay of the first retry', async () => {
    const { policy, clock } = setup();
    const { fn, contexts } = failingThen(statusError(503));
    const result = policy.execute(fn, { idempotent: true });
    await clock.advance(49);
    expect(contexts).toHaveLength(1);
    await clock.advance(1);
    await expect(result).resolves.toBe('ok');
  });

  it('waits twice as long before the second retry as before the first', async () => {
    const { policy, clock, events } = setup();
    const { fn } = failingThen(statusError(502), statusError(504));
    const result = policy.execute(fn, { idempotent: true });
    await clock.advance(1_000);
    await expect(result).resolves.toBe('ok');
    expect(ofType(events, 'retry').map(event => event.delayMs)).toEqual([50, 100]);
  });

  it('retries a refused connection', async () => {
    const { policy, clock } = setup();
    const { fn } = failingThen(connectionRefused());
    const result = policy.execute(fn, { idempotent: true });
    await clock.advance(50);
    await expect(result).resolves.toBe('ok');
  });

  it('retries a 429', async () => {
    const { policy, clock } = setup();
    const { fn, contexts } = failingThen(statusError(429));
    const result = policy.execute(fn, { idempotent: true });
    await clock.advance(50);
    await expect(result).resolves.toBe('ok');
    expect(contexts).toHaveLength(2);
  });

  it('does not retry a 500', async () => {
    const { policy, clock } = setup();
    const { fn, contexts } = failingThen(statusError(500));
    const assertion = expect(policy.execute(fn, { idempotent: true })).rejects.toMatchObject({ status: 500 });
    await clock.advance(1_000);
    await assertion;
    expect(contexts).toHaveLength(1);
  });

  it('does not retry an error it does not know', async () => {
    const { policy } = setup();
    const { fn, contexts } = failingThen(new Error('bug'));
    await expect(policy.execute(fn, { idempotent: true })).rejects.toThrow('bug');
    expect(contexts).toHaveLength(1);
  });

  it('rejects with the last failure after maxAttempts attempts', async () => {
    const { policy, clock } = setup({ retry: { maxAttempts: 3 } });
    const last = statusError(503);
    const { fn, contexts } = failingThen(statusError(503), statusError(503), last, undefined);
    const assertion = expect(policy.execute(fn, { idempotent: true })).rejects.toBe(last);
    await clock.advance(5_000);
    await assertion;
    expect(contexts).toHaveLength(3);
  });

  it('makes a single attempt when maxAttempts is 1', async () => {
    const { policy } = setup({ retry: { maxAttempts: 1 } });
    const { fn, contexts } = failingThen(statusError(503));
    await expect(policy.execute(fn, { idempotent: true })).rejects.toBeInstanceOf(HttpStatusError);
    expect(contexts).toHaveLength(1);
  });

  it('rejects at the deadline even when the attempt ignores its signal', async () => {
    const { policy, clock } = setup();
    const assertion = expect(policy.execute(hanging().fn, { deadline: 300 })).rejects.toBeInstanceOf(
      DeadlineExceededError,
    );
    await clock.advance(300);
    await assertion;
  });

  it('aborts the attempt signal at the deadline', async () => {
    const { policy, clock } = setup();
    const { fn, contexts } = hanging();
    const assertion = expect(policy.execute(fn, { deadline: 300 })).rejects.toThrow();
    await clock.advance(300);
    await assertion;
    expect(contexts[0]?.signal.reason).toBeInstanceOf(DeadlineExceededError);
  });

  it('applies the policy timeout to calls that bring no deadline', async () => {
    const { policy, clock } = setup({ timeoutMs: 2_000 });
    const assertion = expect(policy.execute(hanging().fn)).rejects.toBeInstanceOf(DeadlineExceededError);
    await clock.advance(2_000);
    await assertion;
  });

  it('tells the attempt how much time is left', async () => {
    const { policy, clock } = setup();
    const { fn, contexts } = failingThen(statusError(503));
    const result = policy.execute(fn, { deadline: 1_000, idempotent: true });
    await clock.advance(50);
    await result;
    expect(contexts.map(context => context.remainingMs())).toEqual([950, 950]);
  });

  it('gives up at once when the backoff would end past the deadline', async () => {
    const { policy, clock } = setup({ random: scriptedRandom([1]) });
    const { fn, contexts } = failingThen(statusError(503), statusError(503));
    const failure = statusError(503);
    const result = policy.execute(
      async context => {
        await fn(context).catch(() => {
          throw failure;
        });
        return 'ok';
      },
      { deadline: 150, idempotent: true },
    );
    const assertion = expect(result).rejects.toMatchObject({ name: 'DeadlineExceededError', cause: failure });
    await clock.advance(100);
    await assertion;
    expect([contexts.length, clock.now()]).toEqual([2, 100]);
  });

  it('waits at least as long as Retry-After asks', async () => {
    const { policy, clock, events } = setup({ random: scriptedRandom([0.5, 0]) });
    const { fn, contexts } = failingThen(statusError(503, 2_000));
    const result = policy.execute(fn, { idempotent: true });
    await clock.advance(1_999);
    expect(contexts).toHaveLength(1);
    await clock.advance(1);
    await expect(result).resolves.toBe('ok');
    expect(ofType(events, 'retry')[0]).toMatchObject({ delayMs: 2_000, isRetryAfter: true });
  });

  it('spreads Retry-After by up to a fifth on top', async () => {
    const { policy, clock, events } = setup({ random: scriptedRandom([0.5, 1]) });
    const result = policy.execute(failingThen(statusError(429, 1_000)).fn, { idempotent: true });
    await clock.advance(1_200);
    await result;
    expect(ofType(events, 'retry')[0]?.delayMs).toBe(1_200);
  });

  it('keeps the backoff when it is longer than Retry-After', async () => {
    const { policy, clock, events } = setup({ random: scriptedRandom([1, 0]) });
    const result = policy.execute(failingThen(statusError(503, 0)).fn, { idempotent: true });
    await clock.advance(100);
    await result;
    expect(ofType(events, 'retry')[0]).toMatchObject({ delayMs: 100, isRetryAfter: false });
  });

  it('gives up at once when Retry-After is longer than the time left', async () => {
    const { policy, clock } = setup();
    const failure = statusError(503, 5_000);
    const assertion = expect(
      policy.execute(failingThen(failure).fn, { deadline: 1_000, idempotent: true }),
    ).rejects.toMatchObject({ name: 'DeadlineExceededError', cause: failure });
    await clock.advance(0);
    await assertion;
  });

  it('retries a timed-out attempt of an idempotent call', async () => {
    const { policy, clock } = setup({ attemptTimeoutMs: 100 });
    let calls = 0;
    const result = policy.execute(
      () => (++calls === 1 ? new Promise<string>(() => {}) : Promise.resolve('second')),
      { idempotent: true },
    );
    await clock.advance(150);
    await expect(result).resolves.toBe('second');
  });

  it('does not retry a timed-out attempt of a non-idempotent call', async () => {
    const { policy, clock } = setup({ attemptTimeoutMs: 100 });
    const { fn, contexts } = hanging();
    const assertion = expect(policy.execute(fn)).rejects.toBeInstanceOf(AttemptTimeoutError);
    await clock.advance(1_000);
    await assertion;
    expect(contexts).toHaveLength(1);
  });

  it('retries a 503 of a non-idempotent call with the same idempotency key', async () => {
    const { policy, clock } = setup();
    const { fn, contexts } = failingThen(statusError(503), statusError(503));
    const result = policy.execute(fn);
    await clock.advance(1_000);
    await result;
    expect(contexts.map(context => context.idempotencyKey)).toEqual(['key-1', 'key-1', 'key-1']);
  });

  it('generates a new idempotency key for each call', async () => {
    const { policy } = setup();
    const { fn, contexts } = failingThen();
    await policy.execute(fn);
    await policy.execute(fn);
    expect(contexts.map(context => context.idempotencyKey)).toEqual(['key-1', 'key-2']);
  });

  it('uses the idempotency key the caller gives', async () => {
    const { policy } = setup();
    const { fn, contexts } = failingThen();
    await policy.execute(fn, { idempotencyKey: 'order-17' });
    expect(contexts[0]?.idempotencyKey).toBe('order-17');
  });

  it('sends no idempotency key with an idempotent call', async () => {
    const { policy } = setup();
    const { fn, contexts } = failingThen();
    await policy.execute(fn, { idempotent: true });
    expect(contexts[0]?.idempotencyKey).toBeUndefined();
  });

  it('rejects with the caller reason and aborts the attempt when the caller cancels', async () => {
    const { policy, clock } = setup();
    const { fn, contexts } = hanging();
    const controller = new AbortController();
    const assertion = expect(policy.execute(fn, { signal: controller.signal })).rejects.toBe('user left');
    await clock.advance(10);
    controller.abort('user left');
    await assertion;
    expect(contexts[0]?.signal.reason).toBe('user left');
  });

  it('rejects without an attempt when the caller signal is already aborted', async () => {
    const { policy } = setup();
    const { fn, contexts } = hanging();
    await expect(policy.execute(fn, { signal: AbortSignal.abort('early') })).rejects.toBe('early');
    expect(contexts).toHaveLength(0);
  });

  it('emits attempt events with the client, operation, attempt number and outcome', async () => {
    const { policy, clock, events } = setup();
    const result = policy.execute(failingThen(statusError(503)).fn, {
      idempotent: true,
      operation: 'GET /users',
    });
    await clock.advance(50);
    await result;
    expect(ofType(events, 'attempt').map(({ durationMs: _, ...rest }) => rest)).toEqual([
      {
        type: 'attempt',
        client: 'users',
        operation: 'GET /users',
        attempt: 1,
        isHedge: false,
        outcome: 'failure',
        status: 503,
        error: 'HttpStatusError',
      },
      {
        type: 'attempt',
        client: 'users',
        operation: 'GET /users',
        attempt: 2,
        isHedge: false,
        outcome: 'success',
      },
    ]);
  });

  it('emits a retry event naming the status and the delay', async () => {
    const { policy, clock, events } = setup();
    const result = policy.execute(failingThen(statusError(503)).fn, { idempotent: true });
    await clock.advance(50);
    await result;
    expect(ofType(events, 'retry')).toEqual([
      { type: 'retry', client: 'users', attempt: 2, delayMs: 50, reason: '503', isRetryAfter: false },
    ]);
  });

  it('completes the call even when an event listener throws', async () => {
    const { clock } = setup();
    const policy = new Policy({
      clock,
      budget: false,
      onEvent: () => {
        throw new Error('broken exporter');
      },
    });
    await expect(policy.execute(async () => 'fine')).resolves.toBe('fine');
  });

  it('leaves no timer behind after a call', async () => {
    const { policy, clock } = setup();
    await policy.execute(async () => 'done');
    expect(clock.pendingTimers).toBe(0);
  });
});

describe('Policy with a retry budget', () => {
  it('rejects with BudgetExhaustedError when the budget has no token left', async () => {
    const clock = new ManualClock();
    const budget = new RetryBudget({ ratio: 0, minRetriesPerSecond: 0, clock });
    const { policy } = setup({ budget });
    const failure = statusError(503);
    await expect(policy.execute(failingThen(failure).fn, { idempotent: true })).rejects.toMatchObject({
      name: 'BudgetExhaustedError',
      cause: failure,
    });
  });

  it('emits budgetExhausted for a refused retry', async () => {
    const { policy, events } = setup({ budget: { ratio: 0, minRetriesPerSecond: 0 } });
    await expect(
      policy.execute(failingThen(statusError(503)).fn, { idempotent: true }),
    ).rejects.toBeInstanceOf(BudgetExhaustedError);
    expect(ofType(events, 'budgetExhausted')).toEqual([
      { type: 'budgetExhausted', client: 'users', purpose: 'retry' },
    ]);
  });

  it('limits retries across calls to ratio times the calls plus the floor', async () => {
    const { policy, clock } = setup({ budget: { ratio: 0.1, minRetriesPerSecond: 0.5, ttlMs: 10_000 } });
    let attempts = 0;
    const calls: Promise<unknown>[] = [];
    for (let i = 0; i < 100; i++) {
      calls.push(
        policy
          .execute(
            () => {
              attempts += 1;
              return Promise.reject(statusError(503));
            },
            { idempotent: true },
          )
          .catch(() => undefined),
      );
    }
    await clock.advance(1_000);
    await Promise.allSettled(calls);
    expect(attempts).toBe(100 + 10 + 5);
  });

  it('deposits once per call, not once per attempt', async () => {
    const clock = new ManualClock();
    const budget = new RetryBudget({ ratio: 0.5, minRetriesPerSecond: 0, clock });
    const { policy } = setup({ budget, clock });
    const result = expect(
      policy.execute(failingThen(statusError(503)).fn, { idempotent: true }),
    ).rejects.toBeInstanceOf(BudgetExhaustedError);
    await clock.advance(0);
    await result;
  });
});

describe('Policy with a circuit breaker', () => {
  const breaker = { minimumThroughput: 2, failureRatio: 0.5, breakDurationMs: 5_000, halfOpenProbes: 1 };

  it('rejects with BreakerOpenError without calling the function while open', async () => {
    const { policy } = setup({ breaker, retry: { maxAttempts: 1 } });
    for (let i = 0; i < 2; i++) await policy.execute(failingThen(statusError(503)).fn).catch(() => undefined);
    const { fn, contexts } = failingThen();
    await expect(policy.execute(fn)).rejects.toBeInstanceOf(BreakerOpenError);
    expect(contexts).toHaveLength(0);
  });

  it('reports how long until the breaker probes again', async () => {
    const { policy, clock } = setup({ breaker, retry: { maxAttempts: 1 } });
    for (let i = 0; i < 2; i++) await policy.execute(failingThen(statusError(503)).fn).catch(() => undefined);
    await clock.advance(1_000);
    await expect(policy.execute(failingThen().fn)).rejects.toMatchObject({ retryAfterMs: 4_000 });
  });

  it('stops retrying when the breaker opens during the call', async () => {
    const { policy, clock } = setup({ breaker });
    const failure = statusError(503);
    const first = policy.execute(failingThen(statusError(503), failure).fn, { idempotent: true });
    const assertion = expect(first).rejects.toMatchObject({ name: 'BreakerOpenError', cause: failure });
    await clock.advance(1_000);
    await assertion;
  });

  it('keeps the breaker closed while the server sheds with 503 and Retry-After', async () => {
    const { policy } = setup({ breaker, retry: { maxAttempts: 1 } });
    for (let i = 0; i < 3; i++)
      await policy.execute(failingThen(statusError(503, 1_000)).fn).catch(() => undefined);
    expect(policy.breaker?.state).toBe('closed');
  });

  it('does not count a 4xx answer against the dependency', async () => {
    const { policy } = setup({ breaker, retry: { maxAttempts: 1 } });
    for (let i = 0; i < 3; i++) await policy.execute(failingThen(statusError(404)).fn).catch(() => undefined);
    expect(policy.breaker?.state).toBe('closed');
  });

  it('lets a probe through after the break and closes on its success', async () => {
    const { policy, clock } = setup({ breaker, retry: { maxAttempts: 1 } });
    for (let i = 0; i < 2; i++) await policy.execute(failingThen(statusError(503)).fn).catch(() => undefined);
    await clock.advance(5_000);
    await expect(policy.execute(failingThen().fn)).resolves.toBe('ok');
    expect(policy.breaker?.state).toBe('closed');
  });

  it('counts an attempt cut off by the deadline as a failure', async () => {
    const { policy, clock } = setup({ breaker: { ...breaker, minimumThroughput: 1 } });
    const assertion = expect(policy.execute(hanging().fn, { deadline: 100 })).rejects.toThrow();
    await clock.advance(100);
    await assertion;
    expect(policy.breaker?.state).toBe('open');
  });

  it('does not count an attempt the caller cancelled', async () => {
    const { policy, clock } = setup({ breaker: { ...breaker, minimumThroughput: 1 } });
    const controller = new AbortController();
    const assertion = expect(policy.execute(hanging().fn, { signal: controller.signal })).rejects.toBe('bye');
    controller.abort('bye');
    await clock.advance(0);
    await assertion;
    expect(policy.breaker?.state).toBe('closed');
  });
});

describe('Policy with hedging', () => {
  it('sends a hedge after the hedge delay and resolves with the first answer', async () => {
    const { policy, clock, events } = setup({ hedge: { delayMs: 100 } });
    const contexts: AttemptContext[] = [];
    const result = policy.execute(
      context => {
        contexts.push(context);
        return context.isHedge ? Promise.resolve('hedge') : new Promise<string>(() => {});
      },
      { idempotent: true },
    );
    await clock.advance(100);
    await expect(result).resolves.toBe('hedge');
    expect(ofType(events, 'hedge')).toEqual([{ type: 'hedge', client: 'users', attempt: 2, delayMs: 100 }]);
  });

  it('aborts the slower attempt once the hedge answers', async () => {
    const { policy, clock } = setup({ hedge: { delayMs: 100 } });
    const contexts: AttemptContext[] = [];
    const result = policy.execute(
      context => {
        contexts.push(context);
        return context.isHedge ? Promise.resolve('hedge') : new Promise<string>(() => {});
      },
      { idempotent: true },
    );
    await clock.advance(100);
    await result;
    expect(contexts[0]?.signal.aborted).toBe(true);
  });

  it('sends no hedge when the first attempt answers before the delay', async () => {
    const { policy, clock, events } = setup({ hedge: { delayMs: 100 } });
    const result = policy.execute(failingThen().fn, { idempotent: true });
    await clock.advance(500);
    await result;
    expect(ofType(events, 'hedge')).toHaveLength(0);
  });

  it('never hedges a non-idempotent call', async () => {
    const { policy, clock } = setup({ hedge: { delayMs: 100 } });
    const { fn, contexts } = hanging();
    const assertion = expect(policy.execute(fn, { deadline: 1_000 })).rejects.toThrow();
    await clock.advance(1_000);
    await assertion;
    expect(contexts).toHaveLength(1);
  });

  it('sends at most maxHedges hedges', async () => {
    const { policy, clock } = setup({ hedge: { delayMs: 100, maxHedges: 1 }, retry: { maxAttempts: 5 } });
    const { fn, contexts } = hanging();
    const assertion = expect(policy.execute(fn, { deadline: 1_000, idempotent: true })).rejects.toThrow();
    await clock.advance(1_000);
    await assertion;
    expect(contexts).toHaveLength(2);
  });

  it('pays for hedges from the retry budget and skips them when it is empty', async () => {
    const { policy, clock, events } = setup({
      hedge: { delayMs: 100 },
      budget: { ratio: 0, minRetriesPerSecond: 0 },
    });
    const { fn, contexts } = hanging();
    const assertion = expect(policy.execute(fn, { deadline: 1_000, idempotent: true })).rejects.toThrow();
    await clock.advance(1_000);
    await assertion;
    expect([contexts.length, ofType(events, 'budgetExhausted')[0]?.purpose]).toEqual([1, 'hedge']);
  });

  it('waits for a running hedge instead of retrying when the other attempt fails', async () => {
    const { policy, clock } = setup({ hedge: { delayMs: 100 } });
    const contexts: AttemptContext[] = [];
    let rejectFirst: (error: unknown) => void = () => {};
    let resolveHedge: (value: string) => void = () => {};
    const result = policy.execute(
      context => {
        contexts.push(context);
        if (context.isHedge) return new Promise<string>(resolve => (resolveHedge = resolve));
        return new Promise<string>((_, reject) => (rejectFirst = reject));
      },
      { idempotent: true },
    );
    await clock.advance(100);
    rejectFirst(statusError(503));
    await clock.advance(1_000);
    expect(contexts).toHaveLength(2);
    resolveHedge('late hedge');
    await expect(result).resolves.toBe('late hedge');
  });
});
