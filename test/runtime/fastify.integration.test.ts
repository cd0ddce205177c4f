import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CancelledError } from '../../packages/runtime/src/errors.js';
import { fastifyResilience, type FastifyResilienceOptions } from '../../packages/runtime/src/fastify.js';

let apps: FastifyInstance[] = [];
afterEach(async () => {
  await Promise.all(apps.map(app => app.close()));
  apps = [];
});

async function start(
  options: FastifyResilienceOptions,
  routes: (app: FastifyInstance) => void,
): Promise<string> {
  const app = Fastify({ forceCloseConnections: true });
  apps.push(app);
  await app.register(fastifyResilience, options);
  routes(app);
  return app.listen({ port: 0, host: '127.0.0.1' });
}

describe('fastifyResilience', () => {
  it('decorates each request with the caller deadline', async () => {
    let remaining = 0;
    const url = await start({}, app =>
      app.get('/', async request => {
        remaining = request.deadline.remainingMs();
        return {};
      }),
    );
    await fetch(url, { headers: { 'x-faultline-deadline-ms': '2500' }, signal: AbortSignal.timeout(5_000) });
    expect(remaining).toBeGreaterThan(2_000);
    expect(remaining).toBeLessThanOrEqual(2_500);
  });

  it('answers 503 with Retry-After when every slot and queue place is taken', async () => {
    const waiting: (() => void)[] = [];
    const url = await start({ admission: { maxConcurrent: 1, maxQueue: 0, retryAfterSeconds: 4 } }, app =>
      app.get('/', () => new Promise(resolve => waiting.push(() => resolve({ ok: true })))),
    );
    const first = fetch(url, { signal: AbortSignal.timeout(5_000) });
    await vi.waitFor(() => expect(waiting).toHaveLength(1));
    const refused = await fetch(url, { signal: AbortSignal.timeout(5_000) });
    waiting.splice(0).forEach(done => done());
    await first;
    expect([refused.status, refused.headers.get('retry-after'), await refused.json()]).toEqual([
      503,
      '4',
      { error: 'overloaded', reason: 'queueFull' },
    ]);
  });

  it('queues a request while the slot is busy and serves it once the slot frees', async () => {
    const waiting: (() => void)[] = [];
    const url = await start({ admission: { maxConcurrent: 1, maxQueue: 1, queueTimeoutMs: 5_000 } }, app =>
      app.get('/', () => new Promise(resolve => waiting.push(() => resolve({ ok: true })))),
    );
    const first = fetch(url, { signal: AbortSignal.timeout(5_000) });
    await vi.waitFor(() => expect(waiting).toHaveLength(1));
    const second = fetch(url, { signal: AbortSignal.timeout(5_000) });
    await new Promise(resolve => setTimeout(resolve, 50));
    waiting.splice(0).forEach(done => done());
    await vi.waitFor(() => expect(waiting).toHaveLength(1));
    waiting.splice(0).forEach(done => done());
    expect([(await first).status, (await second).status]).toEqual([200, 200]);
  });

  it('frees the slot once the reply is sent', async () => {
    const url = await start({ admission: { maxConcurrent: 1, maxQueue: 0 } }, app =>
      app.get('/', async () => ({})),
    );
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++)
      statuses.push((await fetch(url, { signal: AbortSignal.timeout(5_000) })).status);
    expect(statuses).toEqual([200, 200, 200]);
  });

  it('answers 504 without running the handler when the deadline has already passed', async () => {
    let isRun = false;
    const url = await start({}, app =>
      app.get('/', async () => {
        isRun = true;
        return {};
      }),
    );
    const response = await fetch(url, {
      headers: { 'x-faultline-deadline-ms': '0' },
      signal: AbortSignal.timeout(5_000),
    });
    expect([response.status, isRun]).toEqual([504, false]);
  });

  it('aborts request.deadline.signal with CancelledError when the caller disconnects', async () => {
    let reason: unknown;
    let isStarted = false;
    const url = await start({}, app =>
      app.get(
        '/',
        request =>
          new Promise(resolve => {
            isStarted = true;
            request.deadline.signal.addEventListener('abort', () => {
              reason = request.deadline.signal.reason;
              resolve({});
            });
          }),
      ),
    );
    const controller = new AbortController();
    const request = fetch(url, { signal: controller.signal }).catch(() => undefined);
    await vi.waitFor(() => expect(isStarted).toBe(true));
    controller.abort();
    await request;
    await vi.waitFor(() => expect(reason).toBeInstanceOf(CancelledError));
  });

  it('lets exempt routes through while admission control is refusing others', async () => {
    const waiting: (() => void)[] = [];
    const url = await start(
      { admission: { maxConcurrent: 1, maxQueue: 0 }, isExempt: request => request.url === '/health' },
      app => {
        app.get('/', () => new Promise(resolve => waiting.push(() => resolve({}))));
        app.get('/health', async () => ({ ok: true }));
      },
    );
    const first = fetch(url, { signal: AbortSignal.timeout(5_000) });
    await vi.waitFor(() => expect(waiting).toHaveLength(1));
    const health = await fetch(`${url}/health`, { signal: AbortSignal.timeout(5_000) });
    waiting.splice(0).forEach(done => done());
    await first;
    expect(health.status).toBe(200);
  });

  it('applies to routes registered in child contexts', async () => {
    let remaining = 0;
    const url = await start({}, app => {
      void app.register(async child => {
        child.get('/child', async request => {
          remaining = request.deadline.remainingMs();
          return {};
        });
      });
    });
    await fetch(`${url}/child`, {
      headers: { 'x-faultline-deadline-ms': '900' },
      signal: AbortSignal.timeout(5_000),
    });
    expect(remaining).toBeGreaterThan(0);
  });
});
