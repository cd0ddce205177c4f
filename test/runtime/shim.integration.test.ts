// The shim against a real service on loopback, through the runtime's fetch client built the way the
// generated client builds it (a 422 carries a library error, rebuilt with decodeError): fallback
// when the service sheds, is gone or is slower than the deadline; fail-fast in remote mode; domain
// errors passed through; shadow reporting a mismatch while the caller gets the library's answer.
import { once } from 'node:events';
import { InMemoryProvider, OpenFeature } from '@openfeature/server-sdk';
import { afterEach, describe, expect, it } from 'vitest';

import { createHttpClient } from '../../packages/runtime/src/client/http-client.js';
import { DeadlineExceededError, HttpStatusError } from '../../packages/runtime/src/errors.js';
import { RemoteUnavailableError } from '../../packages/runtime/src/shim/failures.js';
import {
  createShimRouter,
  type ShimEvent,
  type ShimMismatch,
  type ShimMode,
  type ShimRouter,
} from '../../packages/runtime/src/shim/router.js';
import {
  decodeError,
  encodeError,
  isWireDomainError,
  type WireErrorBody,
} from '../../packages/runtime/src/wire.js';
import { closedPort, listen, readBody, sendJson, type Loopback } from './loopback.js';

class OutOfStockError extends Error {
  override name = 'OutOfStockError';
  constructor(readonly sku: string) {
    super(`${sku} is out of stock`);
  }
}

interface Quote {
  sku: string;
  total: number;
}

/** The library's export. */
function computeQuote(sku: string, quantity: number): Quote {
  if (sku === 'gone') throw new OutOfStockError(sku);
  return { sku, total: quantity * 10 };
}

/** The service: the same logic behind HTTP, with a twist per test. */
type Behaviour = (request: { sku: string; quantity: number }) => {
  status: number;
  body: unknown;
  delayMs?: number;
};

const honest: Behaviour = ({ sku, quantity }) => {
  try {
    return { status: 200, body: { result: computeQuote(sku, quantity) } };
  } catch (error) {
    return { status: 422, body: encodeError(error as Error, 'OutOfStockError') };
  }
};

/** A client shaped like the generated one: POST per operation, 422 → the library's error class. */
function createPricingClient(baseUrl: string, timeoutMs: number) {
  const http = createHttpClient({ baseUrl, name: 'pricing', timeoutMs });
  return {
    async computeQuote(sku: string, quantity: number): Promise<Quote> {
      const response = await http.fetch('/computeQuote', {
        method: 'POST',
        json: { sku, quantity },
        idempotent: true,
        operation: 'computeQuote',
      });
      const payload = await response.json<{ result: Quote } & WireErrorBody>();
      if (response.status === 200) return payload.result;
      if (response.status === 422) throw decodeError(payload.error, OutOfStockError);
      throw new Error(`unexpected ${response.status}`);
    },
  };
}

const servers: Loopback[] = [];
const routers: ShimRouter<unknown>[] = [];
let domainCount = 0;

afterEach(async () => {
  for (const router of routers.splice(0)) router.close();
  await Promise.all(servers.splice(0).map(server => server.close()));
});

async function service(behaviour: Behaviour): Promise<string> {
  const server = await listen(async (request, response) => {
    const input = JSON.parse(await readBody(request)) as { sku: string; quantity: number };
    const { status, body, delayMs = 0 } = behaviour(input);
    const timer = setTimeout(() => sendJson(response, status, body), delayMs);
    response.on('close', () => clearTimeout(timer));
  });
  servers.push(server);
  return server.url;
}

async function shim(mode: ShimMode, baseUrl: string, timeoutMs = 5_000) {
  const domain = `shim-integration-${++domainCount}`;
  await OpenFeature.setProviderAndWait(
    domain,
    new InMemoryProvider({
      'pricing.mode': { variants: { on: mode }, defaultVariant: 'on', disabled: false },
    }),
  );
  const events: ShimEvent[] = [];
  const router = createShimRouter({
    service: 'pricing',
    flags: () => OpenFeature.getClient(domain),
    remote: () => createPricingClient(baseUrl, timeoutMs),
    onEvent: event => events.push(event),
  });
  routers.push(router as ShimRouter<unknown>);
  await router.refresh();
  const quote = router.wrap('computeQuote', computeQuote, (client, sku, quantity) =>
    client.computeQuote(sku, quantity),
  );
  return { router, quote, events };
}

const failureOf = (promise: Promise<unknown>): Promise<unknown> =>
  promise.then(
    () => undefined,
    (error: unknown) => error,
  );

describe('the shim against a real service on loopback', () => {
  it('serves from the service in remote mode', async () => {
    let hits = 0;
    const url = await service(input => {
      hits++;
      return { status: 200, body: { result: { sku: input.sku, total: 7 } } };
    });
    const { quote, router } = await shim('remote', url);
    await expect(quote('A-1', 2)).resolves.toEqual({ sku: 'A-1', total: 7 });
    expect(hits).toBe(1);
    expect(router.stats().total.remote).toBe(1);
  });

  it('falls back to the library when the service sheds with 503', async () => {
    const url = await service(() => ({
      status: 503,
      body: { error: { class: 'ShedError', message: 'queue full' } },
    }));
    const { quote, router, events } = await shim('remote-with-local-fallback', url);
    await expect(quote('A-1', 2)).resolves.toEqual({ sku: 'A-1', total: 20 });
    expect(router.stats().total).toMatchObject({ fallback: 1, remote: 0 });
    expect(events).toContainEqual(
      expect.objectContaining({ type: 'remoteFailure', action: 'fallback', error: 'HttpStatusError' }),
    );
  });

  it('falls back to the library when the service is gone (connection refused)', async () => {
    const { quote, router } = await shim('remote-with-local-fallback', await closedPort());
    await expect(quote('A-1', 2)).resolves.toEqual({ sku: 'A-1', total: 20 });
    expect(router.stats().total.fallback).toBe(1);
  });

  it('falls back to the library when the service is slower than the deadline', async () => {
    const url = await service(input => ({ ...honest(input), delayMs: 2_000 }));
    const failures: unknown[] = [];
    const { quote, router } = await shim('remote-with-local-fallback', url, 150);
    router.configure({ onRemoteFailure: failure => failures.push(failure.error) });
    await expect(quote('A-1', 2)).resolves.toEqual({ sku: 'A-1', total: 20 });
    expect(failures).toHaveLength(1);
    expect(failures[0]).toBeInstanceOf(DeadlineExceededError);
  });

  it('passes the library’s own error through from the service instead of falling back', async () => {
    let hits = 0;
    const url = await service(input => {
      hits++;
      return honest(input);
    });
    const { quote, router } = await shim('remote-with-local-fallback', url);
    const error = await failureOf(quote('gone', 1));
    expect(error).toBeInstanceOf(OutOfStockError);
    expect(error).toMatchObject({ sku: 'gone', message: 'gone is out of stock' });
    expect(isWireDomainError(error)).toBe(true);
    expect(hits).toBe(1);
    expect(router.stats().total).toMatchObject({ remote: 1, fallback: 0 });
  });

  it('fails with RemoteUnavailableError in remote mode when the service is gone, without waiting for the deadline', async () => {
    const { quote, router } = await shim('remote', await closedPort(), 10_000);
    const error = await failureOf(quote('A-1', 1));
    expect(error).toBeInstanceOf(RemoteUnavailableError);
    expect(error).toMatchObject({ service: 'pricing', operation: 'computeQuote' });
    // It ended on the refused connection, not on the 10 s deadline.
    const cause = (error as RemoteUnavailableError).cause;
    expect(cause).not.toBeInstanceOf(DeadlineExceededError);
    expect(String((cause as Error).cause)).toMatch(/ECONNREFUSED/);
    expect(router.stats().total.unavailable).toBe(1);
  });

  it('fails with RemoteUnavailableError in remote mode when the service sheds', async () => {
    const url = await service(() => ({
      status: 503,
      body: { error: { class: 'ShedError', message: 'full' } },
    }));
    const { quote } = await shim('remote', url);
    const error = await failureOf(quote('A-1', 1));
    expect(error).toBeInstanceOf(RemoteUnavailableError);
    expect((error as RemoteUnavailableError).cause).toBeInstanceOf(HttpStatusError);
  });

  it('in shadow mode answers from the library while the service is still working, then reports its mismatch', async () => {
    let answered = false;
    const url = await service(input => ({
      status: 200,
      body: { result: { sku: input.sku, total: input.quantity * 10 + 1 } },
      delayMs: 100,
    }));
    const { quote, router } = await shim('shadow', url);
    router.events.on('mismatch', () => (answered = true));
    const mismatch = once(router.events, 'mismatch');
    await expect(quote('A-1', 12)).resolves.toEqual({ sku: 'A-1', total: 120 });
    expect(answered).toBe(false);
    const [event, detail] = (await mismatch) as [ShimEvent, ShimMismatch];
    expect(event).toMatchObject({ type: 'mismatch', first: 'total: 120 → 121' });
    expect(detail.remote).toEqual({ ok: true, value: { sku: 'A-1', total: 121 } });
    expect(router.stats().total).toMatchObject({ local: 1, shadowed: 1, shadowMismatches: 1 });
  });

  it('in shadow mode counts a service that is gone as a remote failure', async () => {
    const { quote, router } = await shim('shadow', await closedPort());
    await expect(quote('A-1', 1)).resolves.toEqual({ sku: 'A-1', total: 10 });
    await once(router.events, 'remoteFailure');
    expect(router.stats().total).toMatchObject({ shadowRemoteFailures: 1, shadowMismatches: 0 });
  });
});
