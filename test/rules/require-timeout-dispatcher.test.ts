// require-timeout on a fetch bounded by its own undici dispatcher (`fetch(url, { dispatcher })`):
// the dispatcher is followed to where it is made and judged as a process-wide one is
// (`dispatcherBoundsResponses`: `headersTimeout` and `bodyTimeout` both set, above 0 and under
// undici's 300 s defaults). One it cannot see is treated like options it cannot see into.
import path from 'node:path';

import { FAMILIES } from '@faultline/catalog';
import { RuleTester } from '@typescript-eslint/rule-tester';

import rule from '../../rules/require-timeout.js';

const ruleTester = new RuleTester();
/** Projects that install a process-wide dispatcher, or export agents for single requests (test/fixtures/project-dispatcher). */
const DISPATCHERS = path.join(import.meta.dirname, '../fixtures/project-dispatcher');

ruleTester.run('require-timeout (per-request undici dispatcher)', rule, {
  valid: [
    `import { Agent } from 'undici';
const agent = new Agent({ headersTimeout: 10_000, bodyTimeout: 10_000, connect: { timeout: 5_000 } });
export const load = (url: string) => fetch(url, { dispatcher: agent });`,
    `import { Agent } from 'undici';
export const load = (url: string) => fetch(url, { dispatcher: new Agent({ headersTimeout: 5000, bodyTimeout: 5000 }) });`,
    `import { Agent } from 'undici';
export class Client {
  private dispatcher = new Agent({ headersTimeout: 5000, bodyTimeout: 5000 });
  get(url: string) {
    return fetch(url, { dispatcher: this.dispatcher });
  }
}`,
    `import { Agent } from 'undici';
export class Client {
  private readonly agent: Agent;
  constructor() {
    this.agent = new Agent({ headersTimeout: 5000, bodyTimeout: 5000 });
  }
  get(url: string) {
    return fetch(url, { dispatcher: this.agent });
  }
}`,
    // Interceptors wrap the agent's own dispatch; a RetryAgent sends through the agent it wraps.
    `import { Agent, RetryAgent, interceptors } from 'undici';
const agent = new Agent({ headersTimeout: 5000, bodyTimeout: 5000 });
const retrying = agent.compose(interceptors.retry({ maxRetries: 2 }));
const wrapped = new RetryAgent(agent, { maxRetries: 2 });
export const load = (url: string) => fetch(url, { dispatcher: retrying });
export const reload = (url: string) => fetch(url, { dispatcher: wrapped });`,
    // undici's own fetch, through a Pool and a ProxyAgent.
    `import { Pool, ProxyAgent, fetch } from 'undici';
const pool = new Pool('https://api.example.com', { headersTimeout: 5000, bodyTimeout: 5000 });
const proxy = new ProxyAgent({ uri: 'http://proxy.internal:8080', headersTimeout: 5000, bodyTimeout: 5000 });
export const load = (path: string) => fetch(new URL(path, 'https://api.example.com'), { dispatcher: pool });
export const viaProxy = (url: string) => fetch(url, { dispatcher: proxy });`,
    // A dispatcher it cannot see (a parameter, an injected one, one in a spread): like options it
    // cannot see into, not reported unless `reportOpaqueOptions` is on.
    `export const load = (url: string, dispatcher: import('undici').Dispatcher) => fetch(url, { dispatcher });`,
    `import type { Dispatcher } from 'undici';
export class Client {
  constructor(private readonly dispatcher: Dispatcher) {}
  get(url: string) {
    return fetch(url, { dispatcher: this.dispatcher });
  }
}`,
    `export const load = (url: string, baseInit: RequestInit, dispatcher: unknown) => fetch(url, { ...baseInit, dispatcher });`,
    // undici's request keeps its family's finite defaults: only an explicit "none" is reported.
    `import { Agent, request } from 'undici';
const agent = new Agent({ headersTimeout: 900_000, bodyTimeout: 900_000 });
export const load = (url: string) => request(url, { dispatcher: agent });`,
    {
      // Project facts: a bounded agent (and a RetryAgent wrapping it) exported by another module.
      filename: path.join(DISPATCHERS, 'per-request/src/client.ts'),
      code: `import { boundedAgent, retryingAgent } from './agents';
export const status = () => fetch('https://status.example.com/ping', { dispatcher: boundedAgent });
export const retried = () => fetch('https://status.example.com/ping', { dispatcher: retryingAgent });`,
      options: [{ checkTests: true }],
    },
    {
      // A bounded dispatcher of the request's own takes the place of a lenient process-wide one.
      filename: path.join(DISPATCHERS, 'lenient/src/client.ts'),
      code: `import { Agent } from 'undici';
const agent = new Agent({ headersTimeout: 30_000, bodyTimeout: 30_000 });
export const load = (url: string) => fetch(url, { dispatcher: agent });`,
      options: [{ checkTests: true }],
    },
  ],
  invalid: [
    {
      code: `import { Agent } from 'undici';
const agent = new Agent({ headersTimeout: 0, bodyTimeout: 10_000 });
export const load = (url: string) => fetch(url, { dispatcher: agent });`,
      errors: [
        { column: 27, endColumn: 44, endLine: 2, line: 2, messageId: 'noneDeadline' },
        {
          column: 38,
          data: {
            callee: 'fetch',
            fix: FAMILIES.fetch.fix,
            why: 'its dispatcher’s `headersTimeout: 0` turns that timeout off',
            hang: 'hangs forever',
          },
          endColumn: 43,
          endLine: 3,
          line: 3,
          messageId: 'dispatcherWithoutDeadline',
          suggestions: [
            {
              messageId: 'suggestSignal',
              output: `import { Agent } from 'undici';
const agent = new Agent({ headersTimeout: 0, bodyTimeout: 10_000 });
export const load = (url: string) => fetch(url, { signal: AbortSignal.timeout(10000), dispatcher: agent });`,
            },
          ],
        },
      ],
    },
    {
      code: `import { Agent } from 'undici';
export const load = (url: string) => fetch(url, { dispatcher: new Agent({ headersTimeout: 600_000, bodyTimeout: 10_000 }) });`,
      errors: [
        {
          column: 38,
          data: {
            callee: 'fetch',
            fix: FAMILIES.fetch.fix,
            why: 'its dispatcher’s `headersTimeout: 600000` is no tighter than undici’s 300 s default',
            hang: 'waits at least that long',
          },
          endColumn: 43,
          endLine: 2,
          line: 2,
          messageId: 'dispatcherWithoutDeadline',
          suggestions: [
            {
              messageId: 'suggestSignal',
              output: `import { Agent } from 'undici';
export const load = (url: string) => fetch(url, { signal: AbortSignal.timeout(10000), dispatcher: new Agent({ headersTimeout: 600_000, bodyTimeout: 10_000 }) });`,
            },
          ],
        },
      ],
    },
    {
      // `connect.timeout` bounds only connecting; the body timeout stays at undici's default.
      code: `import { Agent } from 'undici';
const agent = new Agent({ headersTimeout: 5000, connect: { timeout: 1000 } });
export const load = (url: string) => fetch(url, { dispatcher: agent });`,
      errors: [
        {
          column: 38,
          data: {
            callee: 'fetch',
            fix: FAMILIES.fetch.fix,
            why: 'its dispatcher leaves `bodyTimeout` at undici’s 300 s default (its connect timeout bounds only connecting)',
            hang: 'waits 5 minutes or more',
          },
          endColumn: 43,
          endLine: 3,
          line: 3,
          messageId: 'dispatcherWithoutDeadline',
          suggestions: [
            {
              messageId: 'suggestSignal',
              output: `import { Agent } from 'undici';
const agent = new Agent({ headersTimeout: 5000, connect: { timeout: 1000 } });
export const load = (url: string) => fetch(url, { signal: AbortSignal.timeout(10000), dispatcher: agent });`,
            },
          ],
        },
      ],
    },
    {
      code: `import { ProxyAgent } from 'undici';
const proxy = new ProxyAgent('http://proxy.internal:8080');
export const load = (url: string) => fetch(url, { dispatcher: proxy });`,
      errors: [
        {
          column: 38,
          endColumn: 43,
          endLine: 3,
          line: 3,
          messageId: 'dispatcherWithoutDeadline',
          suggestions: [
            {
              messageId: 'suggestSignal',
              output: `import { ProxyAgent } from 'undici';
const proxy = new ProxyAgent('http://proxy.internal:8080');
export const load = (url: string) => fetch(url, { signal: AbortSignal.timeout(10000), dispatcher: proxy });`,
            },
          ],
        },
      ],
    },
    {
      // undici's own fetch, through a class field whose body timeout is turned off.
      code: `import { Agent, fetch } from 'undici';
export class Feed {
  private readonly dispatcher = new Agent({ headersTimeout: 5000, bodyTimeout: 0 });
  load(url: string) {
    return fetch(url, { dispatcher: this.dispatcher });
  }
}`,
      errors: [
        { column: 67, endColumn: 81, endLine: 3, line: 3, messageId: 'noneDeadline' },
        {
          column: 12,
          endColumn: 17,
          endLine: 5,
          line: 5,
          messageId: 'dispatcherWithoutDeadline',
          suggestions: [
            {
              messageId: 'suggestSignal',
              output: `import { Agent, fetch } from 'undici';
export class Feed {
  private readonly dispatcher = new Agent({ headersTimeout: 5000, bodyTimeout: 0 });
  load(url: string) {
    return fetch(url, { signal: AbortSignal.timeout(10000), dispatcher: this.dispatcher });
  }
}`,
            },
          ],
        },
      ],
    },
    {
      // A RetryAgent is judged by the agent it wraps.
      code: `import { Agent, RetryAgent } from 'undici';
const agent = new RetryAgent(new Agent({ headersTimeout: 5000 }), { maxRetries: 2 });
export const load = (url: string) => fetch(url, { dispatcher: agent });`,
      errors: [
        {
          column: 38,
          endColumn: 43,
          endLine: 3,
          line: 3,
          messageId: 'dispatcherWithoutDeadline',
          suggestions: [
            {
              messageId: 'suggestSignal',
              output: `import { Agent, RetryAgent } from 'undici';
const agent = new RetryAgent(new Agent({ headersTimeout: 5000 }), { maxRetries: 2 });
export const load = (url: string) => fetch(url, { signal: AbortSignal.timeout(10000), dispatcher: agent });`,
            },
          ],
        },
      ],
    },
    {
      code: `export const load = (url: string, dispatcher: unknown) => fetch(url, { dispatcher });`,
      options: [{ reportOpaqueOptions: true }],
      errors: [{ column: 59, endColumn: 64, endLine: 1, line: 1, messageId: 'opaqueOptions' }],
    },
    {
      // A loose dispatcher of the request's own takes the place of the bounded process-wide one.
      filename: path.join(DISPATCHERS, 'bounded/src/client.ts'),
      code: `import { Agent } from 'undici';
const slow = new Agent({ headersTimeout: 900_000, bodyTimeout: 900_000 });
export const load = (url: string) => fetch(url, { dispatcher: slow });`,
      options: [{ checkTests: true }],
      errors: [
        {
          column: 38,
          endColumn: 43,
          endLine: 3,
          line: 3,
          messageId: 'dispatcherWithoutDeadline',
          suggestions: [
            {
              messageId: 'suggestSignal',
              output: `import { Agent } from 'undici';
const slow = new Agent({ headersTimeout: 900_000, bodyTimeout: 900_000 });
export const load = (url: string) => fetch(url, { signal: AbortSignal.timeout(10000), dispatcher: slow });`,
            },
          ],
        },
      ],
    },
    {
      // Project facts: a ten-minute agent exported by another module.
      filename: path.join(DISPATCHERS, 'per-request/src/client.ts'),
      code: `import { slowAgent } from './agents';
export const report = () => fetch('https://reports.example.com/export', { dispatcher: slowAgent });`,
      options: [{ checkTests: true }],
      errors: [
        {
          column: 29,
          endColumn: 34,
          endLine: 2,
          line: 2,
          messageId: 'dispatcherWithoutDeadline',
          suggestions: [
            {
              messageId: 'suggestSignal',
              output: `import { slowAgent } from './agents';
export const report = () => fetch('https://reports.example.com/export', { signal: AbortSignal.timeout(10000), dispatcher: slowAgent });`,
            },
          ],
        },
      ],
    },
  ],
});
