import path from 'node:path';

import { RuleTester } from '@typescript-eslint/rule-tester';

import rule from '../../rules/require-signal-propagation.js';

const ruleTester = new RuleTester();
/** A project on disk (test/fixtures/project-calls) whose other modules the linted code calls. */
const HANDLER = path.join(import.meta.dirname, '../fixtures/project-calls/src/routes/handler.ts');

/** A team's client whose signal sits inside nested options: `request(path, { request: { signal } })`. */
const NESTED_SIGNAL = {
  module: '@acme/http',
  export: 'request',
  optionsArg: 1,
  timeoutKeys: ['request.timeout', 'request.signal'],
};

/** Shopify's CLI shape: the signal rides in `preferredBehaviour.useAbortSignal`, handed on inside an options const. */
const SIGNAL_HOLDER = `
type Behaviour = { useAbortSignal?: AbortSignal | boolean; retries?: number };
async function innerFetch(options: { url: string; behaviour: Behaviour }): Promise<Response> {
  const signal = options.behaviour.useAbortSignal instanceof AbortSignal ? options.behaviour.useAbortSignal : undefined;
  return fetch(options.url, { signal: signal ?? AbortSignal.timeout(5000) });
}
function requestMode(behaviour?: Behaviour): Behaviour {
  return { retries: 3, ...behaviour };
}
export async function shopFetch(url: string, preferredBehaviour?: Behaviour): Promise<Response> {
  const options = { url, behaviour: requestMode(preferredBehaviour) };
  console.log(preferredBehaviour?.useAbortSignal);
  return innerFetch(options);
}`;

ruleTester.run('require-signal-propagation', rule, {
  valid: [
    // A parameter named \`signal\` whose declared type is no AbortSignal (botpress's chat
    // webhook emitter: the signal is the payload it posts).
    `import axios from 'axios';
import type { Signal } from './typings';
const client = axios.create({ baseURL: 'https://hooks.example.com', timeout: 5000 });
export async function emit(channel: string, signal: Signal): Promise<void> {
  await client.post('/' + channel, signal);
}
export async function count(signal: string) {
  return fetch('https://metrics.example.com/' + signal, { signal: AbortSignal.timeout(5000) }).then(r => r.json()).then(() => fetch('https://metrics.example.com/ack'));
}`,
    // The signal is set on the options object after it is made (\`fetchOptions.signal = options.signal\`).
    {
      filename: HANDLER,
      code: `import { request } from 'undici';
export async function send(options: { signal?: AbortSignal; compress?: boolean }) {
  const fetchOptions: RequestInit = { method: 'GET' };
  if (options.signal) fetchOptions.signal = options.signal;
  const undiciOptions: Record<string, unknown> = { method: 'GET' };
  if (fetchOptions.signal) undiciOptions.signal = fetchOptions.signal;
  if (options.compress === false) return request('https://api.example.com', undiciOptions);
  return fetch('https://api.example.com', fetchOptions);
}`,
      options: [{ checkTests: true }],
    },
    // Express's Request has no signal: only the fetch API's does.
    `import type { Request } from 'express';
export async function proxy(req: Request) { return fetch('https://upstream.internal' + req.url, { signal: AbortSignal.timeout(5000) }); }`,
    // A deadline that is read, passed on whole, or taken by a function that calls nothing remote.
    `export async function a(id: string, timeoutMs: number) { return fetch('/x/' + id, { signal: AbortSignal.timeout(timeoutMs) }); }
export async function b(id: string, options: { timeoutMs?: number }) { return fetch('/x/' + id, { signal: AbortSignal.timeout(options.timeoutMs ?? 1000) }); }
export async function c(id: string, options: { timeoutMs?: number }) { await fetch('/x/' + id, { signal: AbortSignal.timeout(1000) }); return forward(options); }
export function d(timeout: number) { return timeout * 2; }
export async function e(id: string, { ttl }: { ttl: number }) { return fetch('/x/' + id, { signal: AbortSignal.timeout(1000) }); }
declare function forward(o: object): unknown;`,
    // Project functions: the signal is passed on; a function whose calls take no signal; a request's signal.
    {
      filename: HANDLER,
      code: `import { getJson, countUsers } from '@/lib/http';
export async function load(id: string, signal: AbortSignal) {
  const user = await getJson('/users/' + id, { signal });
  return { user, total: await countUsers() };
}`,
      options: [{ checkTests: true }],
    },
    {
      filename: HANDLER,
      code: `import { getUser } from '@/lib/http';
export async function GET(request: Request) { return Response.json(await getUser('1')); }`,
      options: [{ checkTests: true }],
    },
    // The options' signal is passed on.
    `export async function load(url: string, opts: { signal?: AbortSignal }) { return fetch(url, { signal: opts.signal }); }`,
    // An options object without a signal brings none.
    `export async function load(url: string, opts?: { retries?: number }) { return fetch(url, { signal: AbortSignal.timeout(1000) }); }`,
    // A route handler that passes the request signal on.
    {
      filename: 'app/api/weather/route.ts',
      code: `export async function GET(req) { const response = await fetch('https://weather.example.com/today', { signal: req.signal }); return Response.json(await response.json()); }`,
    },
    `export async function load(id: string, signal: AbortSignal) { return fetch('/users/' + id, { signal }); }`,
    `export async function load(id: string, signal: AbortSignal) { return fetch('/users/' + id, { signal: AbortSignal.any([signal, AbortSignal.timeout(5000)]) }); }`,
    // A controller wired to the caller’s signal.
    `
export async function load(url: string, signal: AbortSignal) {
  const controller = new AbortController();
  signal.addEventListener('abort', () => controller.abort());
  setTimeout(() => controller.abort(), 5000);
  return fetch(url, { signal: controller.signal });
}`,
    // An explicit opt-out.
    `export async function audit(entry: object, signal: AbortSignal) { return fetch('/audit', { method: 'POST', body: JSON.stringify(entry), signal: undefined }); }`,
    // No signal in scope.
    `export async function load(id: string) { return fetch('/users/' + id, { signal: AbortSignal.timeout(5000) }); }`,
    // Opaque options may carry it.
    'export async function load(url: string, init: RequestInit, signal: AbortSignal) { return fetch(url, init); }',
    `import axios from 'axios'; export const queryFn = ({ signal }: { signal: AbortSignal }) => axios.get('/todos', { signal, timeout: 5000 });`,
    'export async function GET(request: Request) { return fetch(upstream, { signal: request.signal }); }',
    // A destructured `request` declared with another library's type (proxy-chain's options, whose
    // `request` is a node:http IncomingMessage) carries no signal to pass on.
    `import type { PrepareRequestFunctionOpts } from 'proxy-chain';
export const passthrough = ({ request, hostname }: PrepareRequestFunctionOpts) => async () => fetch('http://' + hostname + request.url);`,
    // A team's client given the signal under a nested options key
    {
      code: `import { request } from '@acme/http'; export async function load(signal: AbortSignal) { return request('/x', { request: { signal } }); }`,
      settings: { faultline: { clients: [NESTED_SIGNAL] } },
    },
    // Signals carried by a declared type, passed on: a queue job's (a type in another module of
    // the project), LangChain's call options, a client method that takes the signal in its options.
    {
      filename: HANDLER,
      code: `import type { DequeuedJob } from '@/lib/queueing';
import { NemoClient } from '@/lib/nemo-client';
export async function run(job: DequeuedJob<string>, client: NemoClient) {
  await client.health({ signal: job.abortSignal });
  return fetch('https://search.internal/index', { method: 'POST', signal: job.abortSignal });
}`,
      options: [{ checkTests: true }],
    },
    `import { BaseChatModel } from '@langchain/core/language_models/chat_models';
export class Model extends BaseChatModel {
  async _call(prompt: string, options: this['ParsedCallOptions']) {
    return fetch('https://llm.internal/v1/complete', { method: 'POST', body: prompt, signal: options.signal });
  }
}`,
    // A job type of the project without a signal brings none, and a client passed alongside it is no carrier.
    {
      filename: HANDLER,
      code: `import type { JobMeta } from '@/lib/queueing';
export async function run(job: JobMeta) {
  return fetch('https://search.internal/' + job.id, { signal: AbortSignal.timeout(5000) });
}`,
      options: [{ checkTests: true }],
    },
    // A type with an index signature may carry the signal: a function taking it is not reported as unable to.
    {
      filename: HANDLER,
      code: `import type { ICommonObject } from '@/lib/queueing';
async function transcribe(upload: string, options: ICommonObject) {
  return fetch('https://stt.internal/v1/transcribe', { method: 'POST', body: upload });
}
export async function run(upload: string, signal: AbortSignal) {
  return transcribe(upload, { chatId: '1' });
}`,
      options: [{ checkTests: true }],
    },
    // A library type the catalog does not know is not assumed to carry a signal.
    `import type { Job } from 'bullmq';
export async function run(job: Job) { return fetch('https://search.internal/' + job.id, { signal: AbortSignal.timeout(5000) }); }`,
    // The object that holds the signal is handed on whole (inside the options const), so the
    // signal travels with it: the callee turns \`behaviour.useAbortSignal\` into the request's signal.
    {
      filename: HANDLER,
      code: SIGNAL_HOLDER,
      options: [{ checkTests: true }],
    },
  ],
  invalid: [
    (() => {
      // A signal's declared type wrapped in a generic (a local alias, NonNullable, Readonly) or a
      // type parameter constrained to AbortSignal is still an AbortSignal.
      const code = `type Maybe<T> = T | null | undefined;
export async function a(id: string, signal: Maybe<AbortSignal>) {
  return fetch('https://catalog.internal/a/' + id, { method: 'GET' });
}
export async function b(id: string, signal: NonNullable<RequestInit['signal']>) {
  return fetch('https://catalog.internal/b/' + id, { method: 'GET' });
}
export async function c<S extends AbortSignal>(id: string, signal: S) {
  return fetch('https://catalog.internal/c/' + id, { method: 'GET' });
}
export async function d(id: string, abortSignal?: Readonly<AbortSignal>) {
  return fetch('https://catalog.internal/d/' + id, { method: 'GET' });
}`;
      const at = (line: number, name: string, letter: string) => ({
        line,
        column: 10,
        endLine: line,
        endColumn: 15,
        messageId: 'signalNotPassed' as const,
        suggestions: [
          {
            messageId: 'suggestPassSignal' as const,
            output: code.replace(
              `'https://catalog.internal/${letter}/' + id, { method: 'GET' }`,
              `'https://catalog.internal/${letter}/' + id, { ${name === 'signal' ? 'signal' : `signal: ${name}`}, method: 'GET' }`,
            ),
          },
        ],
      });
      return {
        code,
        errors: [
          at(3, 'signal', 'a'),
          at(6, 'signal', 'b'),
          at(9, 'signal', 'c'),
          at(12, 'abortSignal', 'd'),
        ],
      };
    })(),
    (() => {
      // A \`signal\` declared with a type alias of this file that is an AbortSignal is one.
      const code = `type Cancel = AbortSignal | undefined;
export async function load(id: string, signal: Cancel) {
  return fetch('https://catalog.internal/items/' + id, { method: 'GET' });
}`;
      return {
        code,
        errors: [
          {
            line: 3,
            column: 10,
            endLine: 3,
            endColumn: 15,
            messageId: 'signalNotPassed' as const,
            suggestions: [
              {
                messageId: 'suggestPassSignal' as const,
                output: code.replace("{ method: 'GET' }", "{ signal, method: 'GET' }"),
              },
            ],
          },
        ],
      };
    })(),
    {
      // The same, with the holder left behind: nothing carries the signal on. (A file of the
      // project: the signal member is read off its parameter's type as ESLint gives it, by path.)
      filename: HANDLER,
      code: SIGNAL_HOLDER.replace('requestMode(preferredBehaviour)', 'requestMode()'),
      options: [{ checkTests: true }],
      errors: [{ line: 13, column: 10, endLine: 13, endColumn: 20, messageId: 'signalNotAccepted' }],
    },
    (() => {
      // A parameter whose type, written in this file, has a member declared as an AbortSignal
      // (whatever its name): that member is the signal in scope. The second passes its own.
      const code = `interface Job {
  id: string;
  abortSignal: AbortSignal;
}
export async function runJob(job: Job) {
  await fetch(\`https://search.internal/index/\${job.id}\`, { method: 'POST' });
}
export async function runTask(task: { id: string; cancel?: AbortSignal }) {
  await fetch(\`https://search.internal/delete/\${task.id}\`, { method: 'DELETE', signal: task.cancel });
}`;
      return {
        code,
        errors: [
          {
            line: 6,
            column: 9,
            endLine: 6,
            endColumn: 14,
            messageId: 'signalNotPassed' as const,
            suggestions: [
              {
                messageId: 'suggestPassSignal' as const,
                output: code.replace("{ method: 'POST' }", "{ signal: job.abortSignal, method: 'POST' }"),
              },
            ],
          },
        ],
      };
    })(),
    // A queue job's signal, declared in another module of the project (through \`extends\` and an intersection).
    {
      filename: HANDLER,
      code: `import type { DequeuedJob, RetriedJob } from '@/lib/queueing';
export async function index(job: DequeuedJob<string>) {
  return fetch('https://search.internal/index', { method: 'POST', body: job.data });
}
export async function remove(job: RetriedJob<string>) {
  return fetch('https://search.internal/' + job.id, { method: 'DELETE' });
}`,
      options: [{ checkTests: true }],
      errors: [
        {
          line: 3,
          column: 10,
          endLine: 3,
          endColumn: 15,
          messageId: 'signalNotPassed',
          suggestions: [
            {
              messageId: 'suggestPassSignal',
              output: `import type { DequeuedJob, RetriedJob } from '@/lib/queueing';
export async function index(job: DequeuedJob<string>) {
  return fetch('https://search.internal/index', { signal: job.abortSignal, method: 'POST', body: job.data });
}
export async function remove(job: RetriedJob<string>) {
  return fetch('https://search.internal/' + job.id, { method: 'DELETE' });
}`,
            },
          ],
        },
        {
          line: 6,
          column: 10,
          endLine: 6,
          endColumn: 15,
          messageId: 'signalNotPassed',
          suggestions: [
            {
              messageId: 'suggestPassSignal',
              output: `import type { DequeuedJob, RetriedJob } from '@/lib/queueing';
export async function index(job: DequeuedJob<string>) {
  return fetch('https://search.internal/index', { method: 'POST', body: job.data });
}
export async function remove(job: RetriedJob<string>) {
  return fetch('https://search.internal/' + job.id, { signal: job.abortSignal, method: 'DELETE' });
}`,
            },
          ],
        },
      ],
    },
    // A graphile-worker task's helpers carry \`abortSignal\` (the catalog knows the type; destructured here).
    {
      code: `import type { JobHelpers } from 'graphile-worker';
export async function task(payload: { url: string }, { abortSignal }: JobHelpers) {
  await fetch(payload.url, { method: 'POST' });
}`,
      errors: [
        {
          line: 3,
          column: 9,
          endLine: 3,
          endColumn: 14,
          messageId: 'signalNotPassed',
          suggestions: [
            {
              messageId: 'suggestPassSignal',
              output: `import type { JobHelpers } from 'graphile-worker';
export async function task(payload: { url: string }, { abortSignal }: JobHelpers) {
  await fetch(payload.url, { signal: abortSignal, method: 'POST' });
}`,
            },
          ],
        },
      ],
    },
    // LangChain's call options carry the caller's signal; the project's client class cannot take it,
    // whether it is handed in (a parameter) or held (a field).
    {
      filename: HANDLER,
      code: `import { BaseChatModel } from '@langchain/core/language_models/chat_models';
import type { RunnableConfig } from '@langchain/core/runnables';
import { NemoClient } from '@/lib/nemo-client';
export class Model extends BaseChatModel {
  client: NemoClient;
  _generate(messages: string[], options: this['ParsedCallOptions']) {
    const generate = async (messages: string[], client: NemoClient) => client.chat(messages);
    return generate(messages, this.client);
  }
  async check(config?: RunnableConfig) {
    await this.client.health({});
    return this.client.chat([]);
  }
}`,
      options: [{ checkTests: true }],
      errors: [
        { line: 7, column: 72, endLine: 7, endColumn: 83, messageId: 'signalNotAccepted' },
        { line: 11, column: 11, endLine: 11, endColumn: 29, messageId: 'signalNotForwarded' },
        { line: 12, column: 12, endLine: 12, endColumn: 28, messageId: 'signalNotAccepted' },
      ],
    },
    // A Connect client takes the caller's signal in its call options.
    {
      code: `import { createClient } from '@connectrpc/connect';
export async function profile(transport: Transport, id: string, signal: AbortSignal) {
  return createClient(UserService, transport).getUser({ id }, { headers });
}`,
      errors: [
        {
          line: 3,
          column: 10,
          endLine: 3,
          endColumn: 54,
          messageId: 'signalNotPassed',
          suggestions: [
            {
              messageId: 'suggestPassSignal',
              output: `import { createClient } from '@connectrpc/connect';
export async function profile(transport: Transport, id: string, signal: AbortSignal) {
  return createClient(UserService, transport).getUser({ id }, { signal, headers });
}`,
            },
          ],
        },
      ],
    },
    // A deadline handed in and dropped: replaced by a constant, destructured and ignored, unread in the options.
    {
      code: `import axios from 'axios';
const DEFAULT_TIMEOUT = 5000;
export async function getUser(id: string, timeoutMs: number) {
  return axios.get('/users/' + id, { timeout: DEFAULT_TIMEOUT });
}
export async function getOrder(id: string, { timeout, retries }: { timeout: number; retries: number }) {
  console.log(retries);
  return fetch('/orders/' + id, { signal: AbortSignal.timeout(3000) });
}
export async function getInvoice(id: string, options: { timeoutMs?: number; headers?: Record<string, string> }) {
  return fetch('/invoices/' + id, { headers: options.headers, signal: AbortSignal.timeout(3000) });
}`,
      errors: [
        {
          line: 3,
          column: 43,
          endLine: 3,
          endColumn: 52,
          messageId: 'deadlineDropped',
          data: { name: 'timeoutMs' },
        },
        {
          line: 6,
          column: 46,
          endLine: 6,
          endColumn: 53,
          messageId: 'deadlineDropped',
          data: { name: 'timeout' },
        },
        {
          line: 10,
          column: 46,
          endLine: 10,
          endColumn: 53,
          messageId: 'deadlineDropped',
          data: { name: 'options.timeoutMs' },
        },
      ],
    },
    // A project function that takes a signal, called without ours; one that cannot take it at all.
    {
      filename: HANDLER,
      code: `import { getJson, getUser } from '@/lib/http';
export async function load(id: string, signal: AbortSignal) {
  const profile = await getJson('/profiles/' + id, { headers: { accept: 'application/json' } });
  return { profile, user: await getUser(id) };
}`,
      options: [{ checkTests: true }],
      errors: [
        { line: 3, column: 25, endLine: 3, endColumn: 32, messageId: 'signalNotForwarded' },
        { line: 4, column: 33, endLine: 4, endColumn: 40, messageId: 'signalNotAccepted' },
      ],
    },
    // The same within one file.
    {
      code: `import axios from 'axios';
async function getUser(id: string) { return (await axios.get('/users/' + id, { timeout: 5000 })).data; }
export async function load(id: string, signal: AbortSignal) { return getUser(id); }`,
      errors: [{ line: 3, column: 70, endLine: 3, endColumn: 77, messageId: 'signalNotAccepted' }],
    },
    {
      // The nested key is where the team's client reads its signal; no fix is offered for a nested key.
      code: `import { request } from '@acme/http'; export async function load(signal: AbortSignal) { return request('/x', { request: { retries: 2 } }); }`,
      errors: [
        { column: 96, endColumn: 103, endLine: 1, line: 1, messageId: 'signalNotPassed', suggestions: [] },
      ],
      settings: { faultline: { clients: [NESTED_SIGNAL] } },
    },
    {
      // An injected AWS client (a constructor parameter property typed S3Client) makes remote calls too.
      code: `
import { GetObjectCommand, type S3Client } from '@aws-sdk/client-s3';
export class Files {
  constructor(private readonly s3: S3Client) {}
  async read(key: string, signal: AbortSignal) {
    return this.s3.send(new GetObjectCommand({ Bucket: 'b', Key: key }));
  }
}
`,
      errors: [
        {
          column: 12,
          endColumn: 24,
          endLine: 6,
          line: 6,
          messageId: 'signalNotPassed',
          suggestions: [
            {
              messageId: 'suggestPassSignal',
              output: `
import { GetObjectCommand, type S3Client } from '@aws-sdk/client-s3';
export class Files {
  constructor(private readonly s3: S3Client) {}
  async read(key: string, signal: AbortSignal) {
    return this.s3.send(new GetObjectCommand({ Bucket: 'b', Key: key }), { abortSignal: signal });
  }
}
`,
            },
          ],
        },
      ],
    },
    {
      // Inside a subclass of a client class, \`this\` is the client.
      code: `
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
export class Storage extends S3Client {
  async read(key: string, signal: AbortSignal) {
    return this.send(new GetObjectCommand({ Bucket: 'b', Key: key }));
  }
}
`,
      errors: [
        {
          column: 12,
          endColumn: 21,
          endLine: 5,
          line: 5,
          messageId: 'signalNotPassed',
          suggestions: [
            {
              messageId: 'suggestPassSignal',
              output: `
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
export class Storage extends S3Client {
  async read(key: string, signal: AbortSignal) {
    return this.send(new GetObjectCommand({ Bucket: 'b', Key: key }), { abortSignal: signal });
  }
}
`,
            },
          ],
        },
      ],
    },
    {
      filename: 'app/api/weather/route.ts',
      code: `export async function GET(req) { const response = await fetch('https://weather.example.com/today'); return Response.json(await response.json()); }`,
      errors: [
        {
          column: 57,
          endColumn: 62,
          endLine: 1,
          line: 1,
          messageId: 'signalNotPassed',
          suggestions: [
            {
              messageId: 'suggestPassSignal',
              output: `export async function GET(req) { const response = await fetch('https://weather.example.com/today', { signal: req.signal }); return Response.json(await response.json()); }`,
            },
          ],
        },
      ],
    },
    {
      code: `export async function load(id: string, signal: AbortSignal) { return fetch('/users/' + id); }`,
      errors: [
        {
          column: 70,
          endColumn: 75,
          endLine: 1,
          line: 1,
          messageId: 'signalNotPassed',
          suggestions: [
            {
              messageId: 'suggestPassSignal',
              output: `export async function load(id: string, signal: AbortSignal) { return fetch('/users/' + id, { signal }); }`,
            },
          ],
        },
      ],
    },
    {
      code: `import axios from 'axios'; export async function load(id: string, signal: AbortSignal) { return axios.get('/users/' + id, { timeout: 5000 }); }`,
      errors: [
        {
          column: 97,
          endColumn: 106,
          endLine: 1,
          line: 1,
          messageId: 'signalNotPassed',
          suggestions: [
            {
              messageId: 'suggestPassSignal',
              output: `import axios from 'axios'; export async function load(id: string, signal: AbortSignal) { return axios.get('/users/' + id, { signal, timeout: 5000 }); }`,
            },
          ],
        },
      ],
    },
    {
      code: `import axios from 'axios'; export async function ping(signal: AbortSignal) { return axios.get('/ping', { signal: AbortSignal.timeout(5000) }); }`,
      errors: [
        {
          column: 106,
          endColumn: 139,
          endLine: 1,
          line: 1,
          messageId: 'freshSignal',
          suggestions: [
            {
              messageId: 'suggestCombine',
              output: `import axios from 'axios'; export async function ping(signal: AbortSignal) { return axios.get('/ping', { signal: AbortSignal.any([signal, AbortSignal.timeout(5000)]) }); }`,
            },
          ],
        },
      ],
    },
    // A SvelteKit endpoint's `request`, declared with its event type.
    {
      code: "import type { RequestEvent } from '@sveltejs/kit'; export async function GET({ request }: RequestEvent) { return fetch(upstream); }",
      errors: [
        {
          column: 114,
          endColumn: 119,
          endLine: 1,
          line: 1,
          messageId: 'signalNotPassed',
          suggestions: [
            {
              messageId: 'suggestPassSignal',
              output:
                "import type { RequestEvent } from '@sveltejs/kit'; export async function GET({ request }: RequestEvent) { return fetch(upstream, { signal: request.signal }); }",
            },
          ],
        },
      ],
    },
    // A Remix/React Router loader's `request`, declared with its args type.
    {
      code: "import type { LoaderFunctionArgs } from 'react-router'; export async function loader({ request }: LoaderFunctionArgs) { return fetch(upstream); }",
      errors: [
        {
          column: 128,
          endColumn: 133,
          endLine: 1,
          line: 1,
          messageId: 'signalNotPassed',
          suggestions: [
            {
              messageId: 'suggestPassSignal',
              output:
                "import type { LoaderFunctionArgs } from 'react-router'; export async function loader({ request }: LoaderFunctionArgs) { return fetch(upstream, { signal: request.signal }); }",
            },
          ],
        },
      ],
    },
    {
      code: 'export async function GET(request: Request) { const response = await fetch(upstream); return response; }',
      errors: [
        {
          column: 70,
          endColumn: 75,
          endLine: 1,
          line: 1,
          messageId: 'signalNotPassed',
          suggestions: [
            {
              messageId: 'suggestPassSignal',
              output:
                'export async function GET(request: Request) { const response = await fetch(upstream, { signal: request.signal }); return response; }',
            },
          ],
        },
      ],
    },
    {
      code: `
async function fetchOrders(userId: string, { signal }: { signal?: AbortSignal } = {}) {
  return fetch('/orders/' + userId, { signal });
}
export async function page(userId: string, signal: AbortSignal) {
  return fetchOrders(userId);
}`,
      errors: [{ column: 10, endColumn: 21, endLine: 6, line: 6, messageId: 'signalNotForwarded' }],
    },
    {
      code: `import { S3Client, HeadObjectCommand } from '@aws-sdk/client-s3'; const s3 = new S3Client({ requestHandler: { socketTimeout: 5000 } }); export const exists = (key: string, signal: AbortSignal) => s3.send(new HeadObjectCommand({ Bucket: 'b', Key: key }), { abortSignal: new AbortController().signal });`,
      errors: [
        {
          column: 257,
          endColumn: 298,
          endLine: 1,
          line: 1,
          messageId: 'freshSignal',
          suggestions: [
            {
              messageId: 'suggestCombine',
              output: `import { S3Client, HeadObjectCommand } from '@aws-sdk/client-s3'; const s3 = new S3Client({ requestHandler: { socketTimeout: 5000 } }); export const exists = (key: string, signal: AbortSignal) => s3.send(new HeadObjectCommand({ Bucket: 'b', Key: key }), { abortSignal: AbortSignal.any([signal, new AbortController().signal]) });`,
            },
          ],
        },
      ],
    },
    {
      // The signal arrives inside an options object typed inline: \`options.signal\` is in scope.
      code: `export async function load(url: string, options?: { signal?: AbortSignal; retries?: number }) {
  return fetch(url, { method: 'GET' });
}`,
      errors: [
        {
          column: 10,
          endColumn: 15,
          endLine: 2,
          line: 2,
          messageId: 'signalNotPassed',
          suggestions: [
            {
              messageId: 'suggestPassSignal',
              data: { signal: 'options?.signal' },
              output: `export async function load(url: string, options?: { signal?: AbortSignal; retries?: number }) {
  return fetch(url, { signal: options?.signal, method: 'GET' });
}`,
            },
          ],
        },
      ],
    },
    {
      // Typed by a local interface.
      code: `interface LoadOptions { signal?: AbortSignal }
export async function load(url: string, opts: LoadOptions) {
  return fetch(url);
}`,
      errors: [
        {
          column: 10,
          endColumn: 15,
          endLine: 3,
          line: 3,
          messageId: 'signalNotPassed',
          suggestions: [
            {
              messageId: 'suggestPassSignal',
              data: { signal: 'opts.signal' },
              output: `interface LoadOptions { signal?: AbortSignal }
export async function load(url: string, opts: LoadOptions) {
  return fetch(url, { signal: opts.signal });
}`,
            },
          ],
        },
      ],
    },
    {
      // Typed elsewhere, but read as \`options?.signal\` by one call and dropped by the next.
      code: `import type { Options } from './types';
export async function both(urls: string[], options: Options) {
  const first = await fetch(urls[0], { signal: options?.signal });
  const second = await fetch(urls[1], { method: 'GET' });
  return [first, second];
}`,
      errors: [
        {
          column: 24,
          endColumn: 29,
          endLine: 4,
          line: 4,
          messageId: 'signalNotPassed',
          suggestions: [
            {
              messageId: 'suggestPassSignal',
              data: { signal: 'options.signal' },
              output: `import type { Options } from './types';
export async function both(urls: string[], options: Options) {
  const first = await fetch(urls[0], { signal: options?.signal });
  const second = await fetch(urls[1], { signal: options.signal, method: 'GET' });
  return [first, second];
}`,
            },
          ],
        },
      ],
    },
  ],
});
