// The fetch client against undici's MockAgent installed as the global dispatcher, the usual way to
// test fetch code in Node: the client wraps whatever dispatcher fetch would use, so mocks must see
// requests exactly as they would without the runtime (bodies included) and deadlines must still
// stop them. Each test file runs in its own process, so the global dispatcher set here stays here.
import { getGlobalDispatcher, MockAgent, setGlobalDispatcher, type Dispatcher } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpClient } from '../../packages/runtime/src/client/http-client.js';
import { DeadlineExceededError } from '../../packages/runtime/src/errors.js';

let previous: Dispatcher;
let agent: MockAgent;
beforeAll(() => {
  previous = getGlobalDispatcher();
  agent = new MockAgent();
  agent.disableNetConnect();
  setGlobalDispatcher(agent);
});
afterAll(async () => {
  setGlobalDispatcher(previous);
  await agent.close();
});

describe('createHttpClient with undici MockAgent as the global dispatcher', () => {
  it('lets the mock match a POST on its JSON body, through a retry with the same Idempotency-Key', async () => {
    const keys: string[] = [];
    const pool = agent.get('http://orders.test');
    const match = {
      path: '/v1/orders',
      method: 'POST',
      body: JSON.stringify({ item: 1 }),
      headers: (headers: Record<string, string>) => {
        keys.push(headers['idempotency-key'] ?? '');
        return true;
      },
    };
    pool.intercept(match).reply(503, {});
    pool.intercept(match).reply(201, { id: 7 });
    const client = createHttpClient({ baseUrl: 'http://orders.test' });
    await expect(client.json('/v1/orders', { method: 'POST', json: { item: 1 } })).resolves.toEqual({
      id: 7,
    });
    // The mock asks once per interceptor it compares, so there are more readings than requests.
    expect(new Set(keys).size).toBe(1);
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    agent.assertNoPendingInterceptors();
  });

  it('stops a mocked answer that comes after the deadline', async () => {
    agent.get('http://slow.test').intercept({ path: '/' }).reply(200, {}).delay(2_000);
    const client = createHttpClient({ baseUrl: 'http://slow.test', retry: { maxAttempts: 1 } });
    const started = performance.now();
    await expect(client.fetch('/', { deadline: 100 })).rejects.toBeInstanceOf(DeadlineExceededError);
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});
