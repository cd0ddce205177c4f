import { afterEach, describe, expect, it, vi } from 'vitest';
import { createHttpClient } from '../../packages/runtime/src/client/http-client.js';
import { CancelledError, DeadlineExceededError } from '../../packages/runtime/src/errors.js';
import {
  withResilience,
  type NodeHttpResilienceOptions,
  type ResilientHandler,
} from '../../packages/runtime/src/node-http.js';
import { listen, sendJson, type Loopback } from './loopback.js';

let servers: Loopback[] = [];
afterEach(async () => {
  await Promise.all(servers.map(server => server.close()));
  servers = [];
});

async function serve(handler: ResilientHandler, options: NodeHttpResilienceOptions = {}): Promise<string> {
  const server = await listen(withResilience(handler, options));
  servers.push(server);
  return server.url;
}

/** A handler that holds every request until `release()` is called. */
function holding() {
  const waiting: (() => void)[] = [];
  const handler: ResilientHandler = (_, response) =>
    new Promise<void>(resolve =>
      waiting.push(() => {
        sendJson(response, 200, { ok: true });
        resolve();
      }),
    );
  return { handler, waiting, release: () => waiting.splice(0).forEach(done => done()) };
}

describe('withResilience on node:http', () => {
  it('gives the handler the deadline the caller sent', async () => {
    let remaining = 0;
    const url = await serve((_, response, context) => {
      remaining = context.deadline.remainingMs();
      sendJson(response, 200, {});
    });
    await fetch(url, { headers: { 'x-faultline-deadline-ms': '3000' }, signal: AbortSignal.timeout(5_000) });
    expect(remaining).toBeGreaterThan(2_500);
    expect(remaining).toBeLessThanOrEqual(3_000);
  });

  it('uses the default timeout when the caller sends no deadline', async () => {
    let remaining = 0;
    const url = await serve(
      (_, response, context) => {
        remaining = context.deadline.remainingMs();
        sendJson(response, 200, {});
      },
      { defaultTimeoutMs: 1_234 },
    );
    await fetch(url, { signal: AbortSignal.timeout(5_000) });
    expect(remaining).toBeGreaterThan(1_000);
    expect(remaining).toBeLessThanOrEqual(1_234);
  });

  it('answers 503 with Retry-After at once when every slot and queue place is taken', async () => {
    const { handler, waiting, release } = holding();
    const url = await serve(handler, { admission: { maxConcurrent: 1, maxQueue: 0, retryAfterSeconds: 2 } });
    const first = fetch(url, { signal: AbortSignal.timeout(5_000) });
    await vi.waitFor(() => expect(waiting).toHaveLength(1));
    const refused = await fetch(url, { signal: AbortSignal.timeout(5_000) });
    release();
    await first;
    expect([refused.status, refused.headers.get('retry-after'), await refused.json()]).toEqual([
      503,
      '2',
      { error: 'overloaded', reason: 'queueFull' },
    ]);
  });

  it('reports each refusal to onEvent as a shed event', async () => {
    const { handler, waiting, release } = holding();
    const events: unknown[] = [];
    const url = await serve(handler, {
      admission: { maxConcurrent: 1, maxQueue: 0 },
      onEvent: event => events.push(event),
    });
    const first = fetch(url, { signal: AbortSignal.timeout(5_000) });
    await vi.waitFor(() => expect(waiting).toHaveLength(1));
    await fetch(url, { signal: AbortSignal.timeout(5_000) });
    release();
    await first;
    expect(events).toEqual([
      { type: 'shed', server: 'server', reason: 'queueFull', inFlight: 1, queued: 0, retryAfterSeconds: 1 },
    ]);
  });

  it('queues a request while the slot is busy and serves it once the slot frees', async () => {
    const { handler, waiting, release } = holding();
    const url = await serve(handler, { admission: { maxConcurrent: 1, maxQueue: 1, queueTimeoutMs: 5_000 } });
    const first = fetch(url, { signal: AbortSignal.timeout(5_000) });
    await vi.waitFor(() => expect(waiting).toHaveLength(1));
    const second = fetch(url, { signal: AbortSignal.timeout(5_000) });
    await new Promise(resolve => setTimeout(resolve, 50));
    release();
    await vi.waitFor(() => expect(waiting).toHaveLength(1));
    release();
    expect([(await first).status, (await second).status]).toEqual([200, 200]);
  });

  it('frees the slot when the response ends', async () => {
    const url = await serve((_, response) => sendJson(response, 200, {}), {
      admission: { maxConcurrent: 1, maxQueue: 0 },
    });
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++)
      statuses.push((await fetch(url, { signal: AbortSignal.timeout(5_000) })).status);
    expect(statuses).toEqual([200, 200, 200]);
  });

  it('answers 504 without running the handler when the deadline has already passed', async () => {
    let isRun = false;
    const url = await serve((_, response) => {
      isRun = true;
      sendJson(response, 200, {});
    });
    const response = await fetch(url, {
      headers: { 'x-faultline-deadline-ms': '0' },
      signal: AbortSignal.timeout(5_000),
    });
    expect([response.status, isRun]).toEqual([504, false]);
  });

  it('aborts the handler signal with CancelledError when the caller disconnects', async () => {
    let reason: unknown;
    let isStarted = false;
    const url = await serve(
      (_, __, context) =>
        new Promise<void>(resolve => {
          isStarted = true;
          context.signal.addEventListener('abort', () => {
            reason = context.signal.reason;
            resolve();
          });
        }),
    );
    const controller = new AbortController();
    const request = fetch(url, { signal: controller.signal }).catch(() => undefined);
    await vi.waitFor(() => expect(isStarted).toBe(true));
    controller.abort();
    await request;
    await vi.waitFor(() => expect(reason).toBeInstanceOf(CancelledError));
  });

  it('aborts the handler signal at the caller deadline and answers 504 when the handler gives up', async () => {
    let reason: unknown;
    const url = await serve(
      (_, __, context) =>
        new Promise<void>((_, reject) => {
          context.signal.addEventListener('abort', () => {
            reason = context.signal.reason;
            reject(context.signal.reason);
          });
        }),
    );
    const response = await fetch(url, {
      headers: { 'x-faultline-deadline-ms': '100' },
      signal: AbortSignal.timeout(5_000),
    });
    expect([response.status, reason instanceof DeadlineExceededError]).toEqual([504, true]);
  });

  it('lets exempt requests through while admission control is refusing others', async () => {
    const { handler, waiting, release } = holding();
    const url = await serve(
      (request, response, context) =>
        request.url === '/health' ? sendJson(response, 200, {}) : handler(request, response, context),
      { admission: { maxConcurrent: 1, maxQueue: 0 }, isExempt: request => request.url === '/health' },
    );
    const first = fetch(url, { signal: AbortSignal.timeout(5_000) });
    await vi.waitFor(() => expect(waiting).toHaveLength(1));
    const health = await fetch(`${url}/health`, { signal: AbortSignal.timeout(5_000) });
    release();
    await first;
    expect(health.status).toBe(200);
  });

  it('answers 500 and reports the error when the handler throws', async () => {
    const errors: unknown[] = [];
    const failure = new Error('handler bug');
    const url = await serve(
      () => {
        throw failure;
      },
      { onError: error => errors.push(error) },
    );
    const response = await fetch(url, { signal: AbortSignal.timeout(5_000) });
    expect([response.status, errors]).toEqual([500, [failure]]);
  });

  it('passes the shrinking deadline on to the next service', async () => {
    const seen: Record<string, number> = {};
    const downstream = await serve((request, response) => {
      seen.downstream = Number(request.headers['x-faultline-deadline-ms']);
      sendJson(response, 200, {});
    });
    const client = createHttpClient({ baseUrl: downstream });
    const upstream = await serve(async (request, response, context) => {
      seen.upstream = Number(request.headers['x-faultline-deadline-ms']);
      await new Promise(resolve => setTimeout(resolve, 50));
      await client.fetch('/', { deadline: context.deadline });
      sendJson(response, 200, {});
    });
    await createHttpClient({ baseUrl: upstream }).fetch('/', { deadline: 2_000 });
    expect(seen.upstream).toBeLessThanOrEqual(2_000);
    expect(seen.downstream).toBeLessThanOrEqual(seen.upstream! - 40);
  });
});
