// The shim router against the real OpenFeature server SDK and its InMemoryProvider: modes, flag
// changes at run time, percentage rollout, shadow comparison and its bound, fallback and fail-fast.
// The remote side here is a hand-built client that throws the runtime's real errors; the
// integration test next to this one goes through a real HTTP server on loopback.
import { once } from 'node:events';
import {
  AsyncLocalStorageTransactionContextPropagator,
  InMemoryProvider,
  OpenFeature,
  type Client,
} from '@openfeature/server-sdk';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { BreakerOpenError } from '../../packages/runtime/src/errors.js';
import { RemoteUnavailableError } from '../../packages/runtime/src/shim/failures.js';
import {
  createShimRouter,
  type ShimEvent,
  type ShimFlagClient,
  type ShimMismatch,
  type ShimRouter,
  type ShimRouterOptions,
} from '../../packages/runtime/src/shim/router.js';
import { decodeError, encodeError } from '../../packages/runtime/src/wire.js';
import { statusError } from './helpers.js';

// OpenFeature's own Client must fit the structural interface the runtime declares.
const fitsTheInterface: (client: Client) => ShimFlagClient = client => client;

type Flags = ConstructorParameters<typeof InMemoryProvider>[0];

function flags(mode?: string, rollout?: number): NonNullable<Flags> {
  const config: NonNullable<Flags> = {};
  if (mode !== undefined)
    config['pricing.mode'] = { variants: { on: mode }, defaultVariant: 'on', disabled: false };
  if (rollout !== undefined)
    config['pricing.rollout'] = { variants: { on: rollout }, defaultVariant: 'on', disabled: false };
  return config;
}

let domainCount = 0;
const routers: ShimRouter<unknown>[] = [];

/** A provider in a domain of its own, so tests do not see each other's flags. */
async function provider(config: Flags): Promise<{ provider: InMemoryProvider; domain: string }> {
  const domain = `shim-test-${++domainCount}`;
  const inMemory = new InMemoryProvider(config);
  await OpenFeature.setProviderAndWait(domain, inMemory);
  return { provider: inMemory, domain };
}

interface Quote {
  sku: string;
  total: number;
}

class OutOfStockError extends Error {
  override name = 'OutOfStockError';
  constructor(readonly sku: string) {
    super(`${sku} is out of stock`);
  }
}

/** The library's function, synchronous like many shared helpers. */
function computeQuote(sku: string, quantity: number): Quote {
  if (sku === 'gone') throw new OutOfStockError(sku);
  return { sku, total: quantity * 10 };
}

/** A stand-in for the generated client: what it answers is set per test. */
function fakeClient(answer: (sku: string, quantity: number) => Promise<Quote>) {
  const calls: [string, number][] = [];
  return {
    calls,
    computeQuote(sku: string, quantity: number): Promise<Quote> {
      calls.push([sku, quantity]);
      return answer(sku, quantity);
    },
  };
}
type FakeClient = ReturnType<typeof fakeClient>;

const remoteAnswer = (sku: string, quantity: number): Promise<Quote> =>
  Promise.resolve({ sku, total: quantity * 10 });

async function setup(
  config: Flags,
  options: Partial<ShimRouterOptions<FakeClient>> = {},
  answer = remoteAnswer,
): Promise<{
  router: ShimRouter<FakeClient>;
  quote: (sku: string, quantity: number) => Promise<Quote>;
  client: FakeClient;
  provider: InMemoryProvider;
  events: ShimEvent[];
}> {
  const { provider: inMemory, domain } = await provider(config);
  const client = fakeClient(answer);
  const events: ShimEvent[] = [];
  const router = createShimRouter<FakeClient>({
    service: 'pricing',
    flags: () => OpenFeature.getClient(domain),
    remote: () => client,
    onEvent: event => events.push(event),
    ...options,
  });
  routers.push(router as ShimRouter<unknown>);
  await router.refresh();
  const quote = router.wrap('computeQuote', computeQuote, (remote, sku, quantity) =>
    remote.computeQuote(sku, quantity),
  );
  return { router, quote, client, provider: inMemory, events };
}

function deferred<T>(): {
  promise: Promise<T>;
  resolve: (value: T) => void;
  reject: (error: unknown) => void;
} {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((yes, no) => {
    resolve = yes;
    reject = no;
  });
  return { promise, resolve, reject };
}

/** Lets setImmediate callbacks and the promise jobs after them run. */
const turn = (): Promise<void> => new Promise(resolve => setImmediate(resolve));

afterEach(() => {
  for (const router of routers.splice(0)) router.close();
});

describe('createShimRouter: local by default', () => {
  it('serves every call locally when no flag client is configured, and never makes the remote client', async () => {
    const remote = vi.fn(() => fakeClient(remoteAnswer));
    const router = createShimRouter({ service: 'pricing', remote });
    routers.push(router as ShimRouter<unknown>);
    const quote = router.wrap('computeQuote', computeQuote, (client, sku: string, quantity: number) =>
      client.computeQuote(sku, quantity),
    );
    await expect(quote('A-1', 2)).resolves.toEqual({ sku: 'A-1', total: 20 });
    await router.refresh();
    await expect(quote('A-1', 3)).resolves.toEqual({ sku: 'A-1', total: 30 });
    expect(remote).not.toHaveBeenCalled();
    expect(router.stats()).toMatchObject({ mode: 'local', total: { local: 2, remote: 0 } });
  });

  it('serves locally when the provider has no such flags', async () => {
    const { quote, client, router } = await setup({});
    await quote('A-1', 1);
    expect(client.calls).toEqual([]);
    expect(router.stats()).toMatchObject({ mode: 'local', rollout: 100 });
  });

  it('returns a promise from a synchronous export, and rejects rather than throws', async () => {
    const { quote } = await setup(flags('local'));
    const answer = quote('A-1', 1);
    expect(answer).toBeInstanceOf(Promise);
    let thrown: unknown;
    let rejected: Promise<Quote> | undefined;
    try {
      rejected = quote('gone', 1);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeUndefined();
    await expect(rejected).rejects.toBeInstanceOf(OutOfStockError);
  });

  it('types the wrapped export from the library function, with the generated client’s trailing options', async () => {
    // The shape the generated shim uses: the client's method takes the same arguments plus options.
    const generatedClient = {
      computeQuote: (sku: string, quantity: number, _options?: { deadline?: number }): Promise<Quote> =>
        Promise.resolve({ sku, total: quantity * 10 }),
    };
    const router = createShimRouter({ service: 'pricing', mode: 'remote', remote: () => generatedClient });
    routers.push(router as ShimRouter<unknown>);
    const quote = router.wrap('computeQuote', computeQuote, (client, ...args) =>
      client.computeQuote(...args),
    );
    const typed: (sku: string, quantity: number) => Promise<Quote> = quote;
    await expect(typed('A-1', 4)).resolves.toEqual({ sku: 'A-1', total: 40 });
  });

  it('passes an async export’s promise through', async () => {
    const { router } = await setup(flags('local'));
    const local = async (n: number): Promise<number> => n * 2;
    const double = router.wrap('double', local, (_client, n) => Promise.resolve(n * 2));
    await expect(double(21)).resolves.toBe(42);
    expect(double.name).toBe('double');
  });
});

describe('createShimRouter: modes from the flag', () => {
  it('sends calls to the service in remote mode and makes the client once', async () => {
    const remote = vi.fn(() => fakeClient(remoteAnswer));
    const { domain } = await provider(flags('remote'));
    const router = createShimRouter({
      service: 'pricing',
      flags: () => OpenFeature.getClient(domain),
      remote,
    });
    routers.push(router as ShimRouter<unknown>);
    await router.refresh();
    const quote = router.wrap('computeQuote', computeQuote, (client, sku: string, quantity: number) =>
      client.computeQuote(sku, quantity),
    );
    await quote('A-1', 1);
    await quote('A-2', 2);
    expect(remote).toHaveBeenCalledTimes(1);
    expect(router.stats().operations.computeQuote).toMatchObject({ local: 0, remote: 2 });
  });

  it('follows a flag change at run time, through the provider’s configuration-changed event', async () => {
    const { quote, client, router, provider: inMemory, events } = await setup(flags('local'));
    await quote('A-1', 1);
    expect(client.calls).toHaveLength(0);

    const changed = once(router.events, 'flagsChanged');
    await inMemory.putConfiguration(flags('remote'));
    await changed;
    await quote('A-1', 1);
    expect(client.calls).toHaveLength(1);
    expect(events).toContainEqual({
      type: 'flagsChanged',
      service: 'pricing',
      mode: 'remote',
      rollout: 100,
      previousMode: 'local',
      previousRollout: 100,
      reason: 'configurationChanged',
    });

    const back = once(router.events, 'flagsChanged');
    await inMemory.putConfiguration(flags('local'));
    await back;
    await quote('A-1', 1);
    expect(client.calls).toHaveLength(1);
    expect(router.stats().total).toMatchObject({ local: 2, remote: 1 });
  });

  it('picks up a provider set after the router was made, through its ready event', async () => {
    const domain = `shim-test-${++domainCount}`;
    const client = fakeClient(remoteAnswer);
    const router = createShimRouter({
      service: 'pricing',
      flags: () => OpenFeature.getClient(domain),
      remote: () => client,
    });
    routers.push(router as ShimRouter<unknown>);
    await router.refresh();
    expect(router.stats().mode).toBe('local');
    const changed = once(router.events, 'flagsChanged');
    await OpenFeature.setProviderAndWait(domain, new InMemoryProvider(flags('remote')));
    const [event] = (await changed) as [ShimEvent];
    expect(event).toMatchObject({ mode: 'remote', reason: 'ready' });
  });

  it('reads the flags again on the next call once refreshIntervalMs has passed, for providers without events', async () => {
    let mode = 'local';
    let time = 0;
    const eventless: ShimFlagClient = {
      getStringValue: async () => mode,
      getNumberValue: async (_key, fallback) => fallback,
    };
    const client = fakeClient(remoteAnswer);
    const router = createShimRouter({
      service: 'pricing',
      flags: eventless,
      remote: () => client,
      refreshIntervalMs: 1_000,
      now: () => time,
    });
    const quote = router.wrap('computeQuote', computeQuote, (remote, sku, quantity) =>
      remote.computeQuote(sku, quantity),
    );
    await router.refresh();
    mode = 'remote';
    time = 999;
    await quote('A-1', 1);
    await turn();
    expect(router.stats().mode).toBe('local');
    time = 1_000;
    await quote('A-1', 1); // This call starts the read and is still served with the old value.
    await turn();
    expect(router.stats().mode).toBe('remote');
    await quote('A-1', 1);
    expect(client.calls).toHaveLength(1);
  });

  it('treats an unknown mode as local and reports it once', async () => {
    const { quote, client, events, router } = await setup(flags('sideways'));
    await quote('A-1', 1);
    await router.refresh();
    expect(client.calls).toHaveLength(0);
    expect(events.filter(event => event.type === 'flagInvalid')).toEqual([
      { type: 'flagInvalid', service: 'pricing', flag: 'pricing.mode', value: 'sideways' },
    ]);
  });

  it('uses flag keys given in the options', async () => {
    const { domain } = await provider({
      'shim.pricing': { variants: { on: 'remote' }, defaultVariant: 'on', disabled: false },
    });
    const router = createShimRouter({
      service: 'pricing',
      flags: () => OpenFeature.getClient(domain),
      modeFlag: 'shim.pricing',
      remote: () => fakeClient(remoteAnswer),
    });
    routers.push(router as ShimRouter<unknown>);
    await expect(router.refresh()).resolves.toEqual({ mode: 'remote', rollout: 100 });
  });

  it('lets configure() fix the mode at once, and go back to the flag', async () => {
    const { quote, client, router } = await setup(flags('local'));
    router.configure({ mode: 'remote' });
    await quote('A-1', 1);
    expect(client.calls).toHaveLength(1);
    router.configure({ mode: undefined });
    await router.refresh();
    await quote('A-1', 1);
    expect(client.calls).toHaveLength(1);
  });

  it('evaluates per call with the call’s context when asked, so provider targeting applies', async () => {
    const { domain } = await provider({
      'pricing.mode': {
        variants: { local: 'local', remote: 'remote' },
        defaultVariant: 'local',
        disabled: false,
        contextEvaluator: context => (context.targetingKey === 'beta-tenant' ? 'remote' : 'local'),
      },
    });
    let targetingKey = 'beta-tenant';
    const client = fakeClient(remoteAnswer);
    const router = createShimRouter({
      service: 'pricing',
      flags: () => OpenFeature.getClient(domain),
      context: () => ({ targetingKey }),
      evaluation: 'per-call',
      remote: () => client,
    });
    routers.push(router as ShimRouter<unknown>);
    const quote = router.wrap('computeQuote', computeQuote, (remote, sku, quantity) =>
      remote.computeQuote(sku, quantity),
    );
    await quote('A-1', 1);
    targetingKey = 'other-tenant';
    await quote('A-2', 1);
    expect(client.calls).toEqual([['A-1', 1]]);
  });

  it('rejects invalid options with the option’s name', () => {
    const remote = () => ({});
    expect(() => createShimRouter({ service: '', remote })).toThrow(/`service` must be the service name/);
    expect(() => createShimRouter({ service: 'pricing' } as ShimRouterOptions<unknown>)).toThrow(
      /`remote` must be a function/,
    );
    expect(() => createShimRouter({ service: 'pricing', remote, mode: 'sideways' as never })).toThrow(
      /`mode` "sideways" is not one of local, shadow/,
    );
    expect(() => createShimRouter({ service: 'pricing', remote, rollout: 150 })).toThrow(/`rollout` 150/);
    expect(() => createShimRouter({ service: 'pricing', remote, shadow: { maxInFlight: -1 } })).toThrow(
      /shadow.maxInFlight/,
    );
  });

  it('still answers when an event listener throws', async () => {
    const {
      quote,
      router,
      provider: inMemory,
    } = await setup(flags('local'), {
      onEvent: () => {
        throw new Error('broken metrics');
      },
    });
    router.events.on('flagsChanged', () => {
      throw new Error('broken listener');
    });
    const changed = vi.waitFor(() => expect(router.stats().mode).toBe('remote'));
    await inMemory.putConfiguration(flags('remote'));
    await changed;
    await expect(quote('A-1', 1)).resolves.toEqual({ sku: 'A-1', total: 10 });
  });

  it('stops following the provider once closed', async () => {
    const added: string[] = [];
    const removed: string[] = [];
    const client: ShimFlagClient = {
      getStringValue: async (_key, fallback) => fallback,
      getNumberValue: async (_key, fallback) => fallback,
      addHandler: eventType => added.push(eventType),
      removeHandler: eventType => removed.push(eventType),
    };
    const router = createShimRouter({ service: 'pricing', flags: client, remote: () => ({}) });
    expect(added).toEqual(['PROVIDER_READY', 'PROVIDER_CONFIGURATION_CHANGED', 'PROVIDER_STALE']);
    router.close();
    expect(removed).toEqual(added);
  });
});

describe('createShimRouter: percentage rollout', () => {
  const KEYS = Array.from({ length: 2_000 }, (_, index) => `user-${index}`);

  async function sidesAt(rollout: number): Promise<Map<string, boolean>> {
    let targetingKey = '';
    const { quote, client } = await setup(flags('remote', rollout), { context: () => ({ targetingKey }) });
    const sides = new Map<string, boolean>();
    for (const key of KEYS) {
      targetingKey = key;
      for (let call = 0; call < 3; call++) {
        const before = client.calls.length;
        await quote('A-1', 1);
        const isRemote = client.calls.length > before;
        // The same key lands on the same side on every call.
        if (sides.has(key)) expect(sides.get(key)).toBe(isRemote);
        sides.set(key, isRemote);
      }
    }
    return sides;
  }

  const share = (sides: Map<string, boolean>): number =>
    [...sides.values()].filter(Boolean).length / sides.size;

  it('serves 0 %, about 50 % and 100 % of keys remotely, each key always on one side', async () => {
    expect(share(await sidesAt(0))).toBe(0);
    const half = await sidesAt(50);
    // 4 standard deviations of a binomial(2 000, 0.5) share: ± 4.5 %.
    expect(Math.abs(share(half) - 0.5)).toBeLessThan(0.045);
    expect(share(await sidesAt(100))).toBe(1);
  });

  it('only adds keys as the rollout grows', async () => {
    const at30 = await sidesAt(30);
    const at50 = await sidesAt(50);
    for (const [key, isRemote] of at30) if (isRemote) expect(at50.get(key)).toBe(true);
    expect(Math.abs(share(at30) - 0.3)).toBeLessThan(0.045);
  });

  it('buckets by OpenFeature’s transaction context, as the generated shim reads it', async () => {
    OpenFeature.setTransactionContextPropagator(new AsyncLocalStorageTransactionContextPropagator());
    const { quote, client } = await setup(flags('remote', 50), {
      context: () => ({ ...OpenFeature.getContext(), ...OpenFeature.getTransactionContext() }),
    });
    const remoteKeys = new Set<string>();
    for (const key of KEYS.slice(0, 200)) {
      const before = client.calls.length;
      await OpenFeature.setTransactionContext({ targetingKey: key }, () => quote('A-1', 1));
      if (client.calls.length > before) remoteKeys.add(key);
    }
    const expected = await sidesAt(50);
    expect([...remoteKeys].sort()).toEqual(
      KEYS.slice(0, 200)
        .filter(key => expected.get(key))
        .sort(),
    );
  });

  it('buckets by another attribute when told to', async () => {
    let context: Record<string, unknown> = {};
    const { quote, client } = await setup(flags('remote', 50), {
      context: () => context,
      bucketBy: 'tenant',
    });
    const sides = new Map<string, boolean>();
    for (const tenant of ['t-1', 't-2', 't-3', 't-4', 't-5', 't-6']) {
      for (const user of ['u-1', 'u-2', 'u-3']) {
        context = { targetingKey: user, tenant };
        const before = client.calls.length;
        await quote('A-1', 1);
        const isRemote = client.calls.length > before;
        if (sides.has(tenant)) expect(sides.get(tenant)).toBe(isRemote);
        sides.set(tenant, isRemote);
      }
    }
    expect(sides.size).toBe(6);
  });

  it('draws a side per call for calls without a key, or keeps them local when told to', async () => {
    const draws = [0.1, 0.9, 0.2, 0.8];
    const random = () => draws.shift()!;
    const { quote, client } = await setup(flags('remote', 50), { random });
    for (let call = 0; call < 4; call++) await quote('A-1', 1);
    expect(client.calls).toHaveLength(2);

    const keepLocal = await setup(flags('remote', 50), { withoutKey: 'local' });
    for (let call = 0; call < 4; call++) await keepLocal.quote('A-1', 1);
    expect(keepLocal.client.calls).toHaveLength(0);
  });

  it('treats a rollout outside 0–100 as 0 and reports it', async () => {
    const { quote, client, events } = await setup(flags('remote', 250));
    await quote('A-1', 1);
    expect(client.calls).toHaveLength(0);
    expect(events).toContainEqual({
      type: 'flagInvalid',
      service: 'pricing',
      flag: 'pricing.rollout',
      value: '250',
    });
  });
});

describe('createShimRouter: shadow', () => {
  it('returns the library’s answer at once and calls the service off the caller’s path', async () => {
    const slow = deferred<Quote>();
    const { quote, client, router } = await setup(flags('shadow'), {}, () => slow.promise);
    const answer = quote('A-1', 2);
    // Not even started synchronously: the caller's turn of the event loop is the library's alone.
    expect(client.calls).toHaveLength(0);
    await expect(answer).resolves.toEqual({ sku: 'A-1', total: 20 });
    await turn();
    expect(client.calls).toHaveLength(1);
    expect(router.stats()).toMatchObject({
      shadowInFlight: 1,
      total: { local: 1, shadowed: 1, shadowMatches: 0 },
    });
    slow.resolve({ sku: 'A-1', total: 20 });
    await vi.waitFor(() => expect(router.stats().total.shadowMatches).toBe(1));
    expect(router.stats().shadowInFlight).toBe(0);
  });

  it('reports a mismatch with the differing path through the hook, the emitter and onEvent', async () => {
    const mismatches: ShimMismatch[] = [];
    const { quote, router, events } = await setup(
      flags('shadow'),
      { onMismatch: mismatch => mismatches.push(mismatch) },
      async (sku, quantity) => ({ sku, total: quantity * 10 + 1 }),
    );
    const emitted = once(router.events, 'mismatch');
    await expect(quote('A-1', 12)).resolves.toEqual({ sku: 'A-1', total: 120 });
    const [event, detail] = (await emitted) as [ShimEvent, ShimMismatch];
    expect(event).toEqual({
      type: 'mismatch',
      service: 'pricing',
      operation: 'computeQuote',
      differences: 1,
      first: 'total: 120 → 121',
    });
    expect(events).toContainEqual(event);
    expect(detail).toBe(mismatches[0]);
    expect(detail).toMatchObject({
      args: ['A-1', 12],
      local: { ok: true, value: { sku: 'A-1', total: 120 } },
      remote: { ok: true, value: { sku: 'A-1', total: 121 } },
      differences: [{ path: 'total', local: '120', remote: '121', text: 'total: 120 → 121' }],
    });
    expect(router.stats().total).toMatchObject({ shadowMismatches: 1, shadowMatches: 0 });
  });

  it('compares errors: the same domain error from both sides matches, another message does not', async () => {
    const wire = (error: Error) => decodeError(encodeError(error, error.name).error, OutOfStockError);
    const { quote, router } = await setup(flags('shadow'), {}, sku =>
      Promise.reject(wire(new OutOfStockError(sku === 'gone' ? sku : 'other'))),
    );
    await expect(quote('gone', 1)).rejects.toBeInstanceOf(OutOfStockError);
    await vi.waitFor(() => expect(router.stats().total.shadowMatches).toBe(1));
    const emitted = once(router.events, 'mismatch');
    await expect(quote('A-1', 1)).resolves.toEqual({ sku: 'A-1', total: 10 });
    const [event] = (await emitted) as [ShimEvent];
    expect(event).toMatchObject({ first: '(value): {…} → OutOfStockError: other is out of stock' });
  });

  it('reports the service’s failure as a remote failure, not a mismatch', async () => {
    const { quote, router, events } = await setup(flags('shadow'), {}, () =>
      Promise.reject(new BreakerOpenError('open', { retryAfterMs: 1_000 })),
    );
    await expect(quote('A-1', 1)).resolves.toEqual({ sku: 'A-1', total: 10 });
    await vi.waitFor(() => expect(router.stats().total.shadowRemoteFailures).toBe(1));
    expect(router.stats().total.shadowMismatches).toBe(0);
    expect(events).toContainEqual({
      type: 'remoteFailure',
      service: 'pricing',
      operation: 'computeQuote',
      mode: 'shadow',
      action: 'shadow',
      error: 'BreakerOpenError',
    });
  });

  it('bounds shadow calls in flight: the excess is dropped and counted, never queued', async () => {
    const pending: ReturnType<typeof deferred<Quote>>[] = [];
    const { quote, router, client, events } = await setup(
      flags('shadow'),
      { shadow: { maxInFlight: 2 } },
      () => {
        const one = deferred<Quote>();
        pending.push(one);
        return one.promise;
      },
    );
    const answers = await Promise.all([1, 2, 3, 4, 5].map(quantity => quote('A-1', quantity)));
    expect(answers.map(answer => answer.total)).toEqual([10, 20, 30, 40, 50]);
    await turn();
    expect(client.calls).toHaveLength(2);
    expect(router.stats()).toMatchObject({
      shadowInFlight: 2,
      total: { local: 5, shadowed: 2, shadowDropped: 3 },
    });
    expect(events.filter(event => event.type === 'shadowDropped')).toHaveLength(3);
    expect(events).toContainEqual({
      type: 'shadowDropped',
      service: 'pricing',
      operation: 'computeQuote',
      inFlight: 2,
    });

    for (const one of pending) one.resolve({ sku: 'A-1', total: 0 });
    await vi.waitFor(() => expect(router.stats().shadowInFlight).toBe(0));
    await quote('A-1', 6);
    await turn();
    expect(client.calls).toHaveLength(3);
  });

  it('compares copies taken at call time when snapshot is on', async () => {
    const slow = deferred<Quote>();
    const { router } = await setup(flags('shadow'), { shadow: { snapshot: true } }, () => slow.promise);
    const quote = router.wrap(
      'quoteOrder',
      (order: { sku: string; quantity: number }) => ({ sku: order.sku, total: order.quantity * 10 }),
      (_client, order) => {
        expect(order.quantity).toBe(1); // The copy, not the caller's object changed below.
        return slow.promise;
      },
    );
    const order = { sku: 'A-1', quantity: 1 };
    const answer = await quote(order);
    answer.total = 999; // The caller changes the answer and its input before the service answers.
    order.quantity = 5;
    await turn();
    slow.resolve({ sku: 'A-1', total: 10 });
    await vi.waitFor(() => expect(router.stats().operations.quoteOrder?.shadowMatches).toBe(1));
  });
});

describe('createShimRouter: remote-with-local-fallback', () => {
  it('serves locally when the service is shed (503) and reports the failure', async () => {
    const failures: unknown[] = [];
    const { quote, router, events } = await setup(
      flags('remote-with-local-fallback'),
      { onRemoteFailure: failure => failures.push(failure) },
      () => Promise.reject(statusError(503, 1_000)),
    );
    await expect(quote('A-1', 3)).resolves.toEqual({ sku: 'A-1', total: 30 });
    expect(router.stats().total).toMatchObject({ fallback: 1, remote: 0, local: 0 });
    expect(events).toContainEqual({
      type: 'remoteFailure',
      service: 'pricing',
      operation: 'computeQuote',
      mode: 'remote-with-local-fallback',
      action: 'fallback',
      error: 'HttpStatusError',
    });
    expect(failures).toHaveLength(1);
  });

  it('rethrows a domain error from the service without calling the library', async () => {
    const library = vi.fn(computeQuote);
    const { router } = await setup(flags('remote-with-local-fallback'));
    const rebuilt = decodeError(
      encodeError(new OutOfStockError('A-1'), 'OutOfStockError').error,
      OutOfStockError,
    );
    const quote = router.wrap('computeQuote', library, () => Promise.reject(rebuilt));
    await expect(quote('A-1', 1)).rejects.toBe(rebuilt);
    expect(library).not.toHaveBeenCalled();
    expect(router.stats().total).toMatchObject({ fallback: 0, remote: 1 });
  });

  it('rethrows an error that is not the service failing (a bug in the remote function)', async () => {
    const { router } = await setup(flags('remote-with-local-fallback'));
    const quote = router.wrap('computeQuote', computeQuote, () => {
      throw new TypeError('client.computeQuote is not a function');
    });
    await expect(quote('A-1', 1)).rejects.toThrow(TypeError);
  });

  it('serves locally when the service client cannot be made', async () => {
    const { router } = await setup(flags('remote-with-local-fallback'), {
      remote: () => {
        throw Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
      },
    });
    const quote = router.wrap('computeQuote', computeQuote, (client, sku: string, quantity: number) =>
      client.computeQuote(sku, quantity),
    );
    await expect(quote('A-1', 1)).resolves.toEqual({ sku: 'A-1', total: 10 });
  });
});

describe('createShimRouter: remote', () => {
  it('fails with RemoteUnavailableError naming the service, the operation and the cause', async () => {
    const cause = new BreakerOpenError('open', { retryAfterMs: 1_000 });
    const { quote, router, events } = await setup(flags('remote'), {}, () => Promise.reject(cause));
    const error = await quote('A-1', 1).then(
      () => undefined,
      (failure: unknown) => failure,
    );
    expect(error).toBeInstanceOf(RemoteUnavailableError);
    expect(error).toMatchObject({ service: 'pricing', operation: 'computeQuote', cause });
    expect((error as Error).message).toMatch(
      /^pricing\.computeQuote: the pricing service did not answer \(BreakerOpenError: open\)\. .*"pricing\.mode" to "remote-with-local-fallback"/,
    );
    expect(router.stats().total).toMatchObject({ unavailable: 1, remote: 0 });
    expect(events).toContainEqual(expect.objectContaining({ type: 'remoteFailure', action: 'unavailable' }));
  });

  it('rethrows domain errors as they are', async () => {
    const rebuilt = decodeError(
      encodeError(new OutOfStockError('A-1'), 'OutOfStockError').error,
      OutOfStockError,
    );
    const { quote } = await setup(flags('remote'), {}, () => Promise.reject(rebuilt));
    await expect(quote('A-1', 1)).rejects.toBe(rebuilt);
  });
});

describe('createShimRouter: stats', () => {
  it('counts per operation and in total, and resets', async () => {
    const { quote, router } = await setup(flags('local'));
    const other = router.wrap(
      'other',
      () => 1,
      () => Promise.resolve(1),
    );
    await quote('A-1', 1);
    await quote('A-1', 1);
    await other();
    const stats = router.stats();
    expect(stats.operations.computeQuote?.local).toBe(2);
    expect(stats.operations.other?.local).toBe(1);
    expect(stats.total.local).toBe(3);
    router.resetStats();
    expect(router.stats().total.local).toBe(0);
    await other();
    expect(router.stats().operations.other?.local).toBe(1);
  });
});

void fitsTheInterface;
