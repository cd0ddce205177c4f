// undici dispatchers and requests in a TypeScript service. undici's headers/body
// timeouts default to 300 s and connect to 10 s, so only an explicit 0 (or null) is reported.
// Shapes adapted from a benchmark `Undici` class (new Pool(url, { connections, pipelining,
// headersTimeout: 0, ... })), a global-dispatcher setup module, and an LLM proxy
// ("0 bodyTimeout disables it (we handle with AbortController per request)").

import { Agent, Client, Pool, request, setGlobalDispatcher, type Dispatcher } from 'undici';

export class UndiciBench {
  private pool: Pool;

  constructor(url: string | URL) {
    this.pool = new Pool(url, {
      connections: 100,
      pipelining: 10,
      keepAliveMaxTimeout: 600e3,
      headersTimeout: 0, // expect: require-timeout
    });
  }

  send(body: string) {
    return this.pool.request({ path: '/', method: 'POST', body });
  }
}

// Keys that are not undici options (copied from another client's config).
export const legacyPool = new Pool('http://localhost:3001', { // ok
  connections: 100,
  pipelining: 10,
  requestTimeout: 0,
  socketTimeout: 0,
});

const agentOptions: Agent.Options = {
  headersTimeout: 0, // expect: require-timeout
  bodyTimeout: 0, // expect: require-timeout
};

const dispatcher: Dispatcher = new Agent(agentOptions);
setGlobalDispatcher(dispatcher);

export const llmAgent = new Agent({
  keepAliveTimeout: 10_000,
  keepAliveMaxTimeout: 60_000,
  headersTimeout: 300_000,
  bodyTimeout: 0, // expect: require-timeout
});

export const tunedAgent = new Agent({ // ok
  keepAliveTimeout: 10_000,
  headersTimeout: 2_500,
  bodyTimeout: 4_000,
  pipelining: 1,
});

export const slowAgent = new Agent({ // ok
  headersTimeout: 900_000,
  bodyTimeout: 900_000,
  connect: { timeout: 900_000 },
  autoSelectFamily: true,
});

export const originClient = new Client('https://origin.internal', { // ok
  keepAliveTimeout: 4_000,
});

export const noConnectDeadline = new Client('https://origin.internal', {
  connectTimeout: 0, // expect: require-timeout
});

export async function getJson(url: string) {
  const { statusCode, body } = await request(url); // ok
  if (statusCode !== 200) throw new Error(`status ${statusCode}`);
  return body.json();
}

export async function postEvent(url: string, event: object) {
  const { body } = await request(url, { // ok
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(event),
    headersTimeout: 5_000,
  });
  return body.text();
}

export async function streamCompletion(url: string, prompt: string) {
  const { body } = await request(url, {
    method: 'POST',
    body: JSON.stringify({ prompt, stream: true }),
    bodyTimeout: 0, // expect: require-timeout
  });
  return body;
}

export async function waitForHeaders(url: string) {
  const { headers } = await request(url, {
    method: 'HEAD',
    headersTimeout: null, // expect: require-timeout
  });
  return headers;
}

export async function withCallerSignal(url: string, signal: AbortSignal) {
  const { body } = await request(url, { signal }); // ok
  return body.json();
}
