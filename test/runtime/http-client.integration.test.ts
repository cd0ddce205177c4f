import { afterEach, describe, expect, it, vi } from 'vitest';
import { isConnectionError } from '../../packages/runtime/src/client/classify.js';
import { createHttpClient } from '../../packages/runtime/src/client/http-client.js';
import {
  BreakerOpenError,
  DeadlineExceededError,
  HttpStatusError,
} from '../../packages/runtime/src/errors.js';
import { closedPort, listen, readBody, sendJson, type Loopback } from './loopback.js';
import { ofType, recordEvents } from './helpers.js';

let servers: Loopback[] = [];
afterEach(async () => {
  await Promise.all(servers.map(server => server.close()));
  servers = [];
});

async function serve(...args: Parameters<typeof listen>): Promise<Loopback> {
  const server = await listen(...args);
  servers.push(server);
  return server;
}

describe('createHttpClient against a real server', () => {
  it('sends the time left before the deadline in x-faultline-deadline-ms', async () => {
    let header: string | undefined;
    const { url } = await serve((request, response) => {
      header = request.headers['x-faultline-deadline-ms'] as string;
      sendJson(response, 200, {});
    });
    await createHttpClient({ baseUrl: url }).fetch('/', { deadline: 5_000 });
    expect(Number(header)).toBeGreaterThan(4_000);
    expect(Number(header)).toBeLessThanOrEqual(5_000);
  });

  it('retries a 503 and resolves with the answer of the next attempt', async () => {
    let hits = 0;
    const { url } = await serve((_, response) => sendJson(response, ++hits === 1 ? 503 : 200, { hits }));
    const response = await createHttpClient({ baseUrl: url }).fetch('/');
    await expect(response.json()).resolves.toEqual({ hits: 2 });
  });

  it('sends the same Idempotency-Key with every attempt of a POST', async () => {
    const keys: (string | undefined)[] = [];
    const { url } = await serve((request, response) => {
      keys.push(request.headers['idempotency-key'] as string | undefined);
      sendJson(response, keys.length < 3 ? 503 : 201, {});
    });
    await createHttpClient({ baseUrl: url }).fetch('/orders', { method: 'POST', json: { item: 1 } });
    expect(new Set(keys).size).toBe(1);
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('sends no Idempotency-Key with a GET', async () => {
    let headers: Record<string, unknown> = {};
    const { url } = await serve((request, response) => {
      headers = request.headers;
      sendJson(response, 200, {});
    });
    await createHttpClient({ baseUrl: url }).fetch('/');
    expect(headers).not.toHaveProperty('idempotency-key');
  });

  it('waits at least as long as Retry-After asks before the next attempt', async () => {
    const arrivals: number[] = [];
    const { url } = await serve((_, response) => {
      arrivals.push(performance.now());
      if (arrivals.length === 1) sendJson(response, 503, {}, { 'retry-after': '1' });
      else sendJson(response, 200, {});
    });
    await createHttpClient({ baseUrl: url }).fetch('/');
    expect(arrivals[1]! - arrivals[0]!).toBeGreaterThanOrEqual(990);
  });

  it('retries a refused connection and rejects with the connection error when attempts run out', async () => {
    const { events, onEvent } = recordEvents();
    const client = createHttpClient({ baseUrl: await closedPort(), onEvent });
    const error = await client.fetch('/').catch((caught: unknown) => caught);
    expect(isConnectionError(error)).toBe(true);
    expect(ofType(events, 'attempt')).toHaveLength(3);
  });

  it('rejects with DeadlineExceededError and aborts the request when the server is too slow', async () => {
    let isClosedByClient = false;
    const { url } = await serve((_, response) => {
      response.on('close', () => (isClosedByClient = !response.writableFinished));
    });
    await expect(createHttpClient({ baseUrl: url }).fetch('/', { deadline: 150 })).rejects.toBeInstanceOf(
      DeadlineExceededError,
    );
    await vi.waitFor(() => expect(isClosedByClient).toBe(true));
  });

  it('resolves with a 404 response as fetch would', async () => {
    const { url } = await serve((_, response) => sendJson(response, 404, { error: 'nope' }));
    const response = await createHttpClient({ baseUrl: url }).fetch('/missing');
    expect(response.status).toBe(404);
  });

  it('rejects json() with HttpStatusError for a 404', async () => {
    const { url } = await serve((_, response) => sendJson(response, 404, { error: 'nope' }));
    await expect(createHttpClient({ baseUrl: url }).json('/missing')).rejects.toMatchObject({
      name: 'HttpStatusError',
      status: 404,
      bodyText: '{"error":"nope"}',
    });
  });

  it('sends a JSON body with json() and parses the JSON answer', async () => {
    const { url } = await serve(async (request, response) => {
      sendJson(response, 200, {
        echoed: JSON.parse(await readBody(request)),
        type: request.headers['content-type'],
      });
    });
    const answer = await createHttpClient({ baseUrl: url }).json('/echo', { method: 'PUT', json: { a: 1 } });
    expect(answer).toEqual({ echoed: { a: 1 }, type: 'application/json' });
  });

  it('rejects with HttpStatusError carrying the status once retries of a 503 run out', async () => {
    const { url } = await serve((_, response) => sendJson(response, 503, {}));
    const client = createHttpClient({ baseUrl: url, retry: { maxAttempts: 2, baseDelayMs: 5 } });
    await expect(client.fetch('/')).rejects.toBeInstanceOf(HttpStatusError);
  });

  it('fails fast with BreakerOpenError once the breaker opens, sending nothing more', async () => {
    let hits = 0;
    const { url } = await serve((_, response) => sendJson(response, 503, { hits: ++hits }));
    const client = createHttpClient({
      baseUrl: url,
      retry: { maxAttempts: 1 },
      breaker: { minimumThroughput: 3, failureRatio: 0.5 },
    });
    for (let i = 0; i < 3; i++) await client.fetch('/').catch(() => undefined);
    await expect(client.fetch('/')).rejects.toBeInstanceOf(BreakerOpenError);
    expect(hits).toBe(3);
  });

  it('hedges a slow GET and resolves with the faster answer', async () => {
    let hits = 0;
    const { url } = await serve((_, response) => {
      if (++hits === 1) return; // the first attempt hangs until the client gives up on it
      sendJson(response, 200, { hit: hits });
    });
    const client = createHttpClient({ baseUrl: url, hedge: { delayMs: 50 } });
    await expect((await client.fetch('/')).json()).resolves.toEqual({ hit: 2 });
  });

  it('appends the path to a base URL that has a path prefix', async () => {
    let path: string | undefined;
    const { url } = await serve((request, response) => {
      path = request.url;
      sendJson(response, 200, {});
    });
    await createHttpClient({ baseUrl: `${url}/api/` }).fetch('/v1/users?id=3');
    expect(path).toBe('/api/v1/users?id=3');
  });

  it('sends the default headers with every request', async () => {
    let header: string | undefined;
    const { url } = await serve((request, response) => {
      header = request.headers['x-tenant'] as string;
      sendJson(response, 200, {});
    });
    await createHttpClient({ baseUrl: url, headers: { 'X-Tenant': 'acme' } }).fetch('/');
    expect(header).toBe('acme');
  });

  it('reuses an Idempotency-Key header the caller set on every attempt', async () => {
    const keys: unknown[] = [];
    const { url } = await serve((request, response) => {
      keys.push(request.headers['idempotency-key']);
      sendJson(response, keys.length === 1 ? 503 : 200, {});
    });
    await createHttpClient({ baseUrl: url }).fetch('/', {
      method: 'POST',
      headers: { 'Idempotency-Key': 'abc' },
    });
    expect(keys).toEqual(['abc', 'abc']);
  });

  it('resolves json() with undefined for a 204', async () => {
    const { url } = await serve((_, response) => {
      response.writeHead(204);
      response.end();
    });
    await expect(createHttpClient({ baseUrl: url }).json('/', { method: 'DELETE' })).resolves.toBeUndefined();
  });
});

describe('createHttpClient stopping requests through undici rather than a signal', () => {
  // The global dispatcher exists once Node's fetch has run; every test below starts after that.
  async function warmUp(url: string): Promise<void> {
    await (await fetch(url, { signal: AbortSignal.timeout(5_000) })).arrayBuffer();
  }

  /** A server whose handler leaves the response hanging, recording whether the client hung up. */
  async function hangingServer(
    start: (response: import('node:http').ServerResponse) => void = () => {},
  ): Promise<{ url: string; closedByClient: () => boolean }> {
    let isClosedByClient = false;
    let isFirst = true;
    const { url } = await serve((_, response) => {
      if (isFirst) {
        isFirst = false;
        sendJson(response, 200, {});
        return;
      }
      response.on('close', () => (isClosedByClient = !response.writableFinished));
      start(response);
    });
    await warmUp(url);
    return { url, closedByClient: () => isClosedByClient };
  }

  it('hands the global fetch a dispatcher and no signal, and still closes the request at the deadline', async () => {
    const { url, closedByClient } = await hangingServer();
    const spy = vi.spyOn(globalThis, 'fetch');
    try {
      const client = createHttpClient({ baseUrl: url, retry: { maxAttempts: 1 } });
      await expect(client.fetch('/', { deadline: 150 })).rejects.toBeInstanceOf(DeadlineExceededError);
      const init = spy.mock.calls[0]?.[1] as (RequestInit & { dispatcher?: unknown }) | undefined;
      expect(init?.signal).toBeUndefined();
      expect(init?.dispatcher).toBeDefined();
    } finally {
      spy.mockRestore();
    }
    await vi.waitFor(() => expect(closedByClient()).toBe(true));
  });

  it('closes a response whose body stalls after the headers when the deadline passes', async () => {
    const { url, closedByClient } = await hangingServer(response => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.write('{"partial":');
    });
    const client = createHttpClient({ baseUrl: url, retry: { maxAttempts: 1 } });
    await expect(client.fetch('/', { deadline: 200 })).rejects.toBeInstanceOf(DeadlineExceededError);
    await vi.waitFor(() => expect(closedByClient()).toBe(true));
  });

  it("closes the request when the caller's signal aborts, and rejects with the caller's reason", async () => {
    const { url, closedByClient } = await hangingServer();
    const caller = new AbortController();
    const call = createHttpClient({ baseUrl: url }).fetch('/', { signal: caller.signal });
    setTimeout(() => caller.abort(new Error('user navigated away')), 100);
    await expect(call).rejects.toThrow('user navigated away');
    await vi.waitFor(() => expect(closedByClient()).toBe(true));
  });

  it('closes the attempt that lost a hedge race', async () => {
    let hits = 0;
    let isFirstAttemptClosed = false;
    const { url } = await serve((_, response) => {
      hits += 1;
      if (hits === 2) {
        // The first attempt (after the warm-up) hangs; the hedge, hit 3, answers.
        response.on('close', () => (isFirstAttemptClosed = !response.writableFinished));
        return;
      }
      sendJson(response, 200, { hit: hits });
    });
    await warmUp(url);
    const client = createHttpClient({ baseUrl: url, hedge: { delayMs: 50 } });
    await expect((await client.fetch('/')).json()).resolves.toEqual({ hit: 3 });
    await vi.waitFor(() => expect(isFirstAttemptClosed).toBe(true));
  });

  it('follows a redirect within the same deadline', async () => {
    const { url } = await serve((request, response) => {
      if (request.url === '/old') {
        response.writeHead(302, { location: '/new' });
        response.end();
      } else sendJson(response, 200, { path: request.url });
    });
    await warmUp(url);
    const response = await createHttpClient({ baseUrl: url }).fetch('/old');
    await expect(response.json()).resolves.toEqual({ path: '/new' });
  });

  it('hands a fetch given in the options the attempt signal instead', async () => {
    const { url } = await serve((_, response) => sendJson(response, 200, {}));
    const seen: (RequestInit & { dispatcher?: unknown })[] = [];
    const client = createHttpClient({
      baseUrl: url,
      fetch: (input, init) => {
        seen.push(init ?? {});
        return fetch(input, init);
      },
    });
    await client.fetch('/');
    expect(seen[0]?.signal).toBeInstanceOf(AbortSignal);
    expect(seen[0]?.dispatcher).toBeUndefined();
  });
});

describe('createHttpClient and the global fetch', () => {
  it('uses the global fetch of the moment, so one replaced after the client was made sees its requests', async () => {
    const { url } = await serve((_, response) => sendJson(response, 200, {}));
    const client = createHttpClient({ baseUrl: url });
    const spy = vi.spyOn(globalThis, 'fetch');
    try {
      await client.fetch('/later');
      expect(String(spy.mock.calls[0]?.[0])).toBe(`${url}/later`);
    } finally {
      spy.mockRestore();
    }
  });
});

describe('createHttpClient with bad options', () => {
  it('refuses a baseUrl that is not an absolute URL when the client is made, naming it', () => {
    expect(() => createHttpClient({ baseUrl: 'users.internal/api' })).toThrow(
      /baseUrl "users\.internal\/api" is not an absolute URL/,
    );
  });
});
