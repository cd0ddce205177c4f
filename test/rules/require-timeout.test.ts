import { readFileSync } from 'node:fs';
import path from 'node:path';

import { FAMILIES, RUNTIME_FETCH_HANG } from '@faultline/catalog';
import { RuleTester } from '@typescript-eslint/rule-tester';

import rule from '../../rules/require-timeout.js';

const PROJECTS = path.join(import.meta.dirname, '../fixtures/project-defaults');

const ruleTester = new RuleTester();
/** A project whose request wrapper (src/lib/http.ts) bounds its request only with the caller's timeout. */
const HANDLER = path.join(import.meta.dirname, '../fixtures/project-calls/src/routes/handler.ts');
/** How wrapperNeverBounded says to bound a fetch, or an axios request, in the wrapper itself. */
const FETCH_BOUND =
  '`signal: AbortSignal.timeout(ms)`, or `AbortSignal.any([signal, AbortSignal.timeout(ms)])` to keep a caller’s signal';
const AXIOS_BOUND = '`timeout: ms` in its config, or `timeout: options.timeout ?? ms` to keep a caller’s';
/** A fetch helper bounded only when given a timeout, which its one caller (webhooks.ts) always gives. */
const FETCH_TIMEOUT = path.join(import.meta.dirname, '../fixtures/project-calls/src/lib/fetch-timeout.ts');
/** A job that makes a mysql2 pool and runs a worker class that queries through it and also fetches. */
const RECONCILE = path.join(import.meta.dirname, '../fixtures/project-calls/src/jobs/reconcile.ts');
/** A Rush monorepo whose projects rush.json lists (test/fixtures/project-rush). */
const RUSH = path.join(import.meta.dirname, '../fixtures/project-rush');
/** A monorepo whose S3 client is made in a workspace package (test/fixtures/project-workspace). */
const WORKSPACE = path.join(import.meta.dirname, '../fixtures/project-workspace');
/** A package whose exported functions and methods are called from its other modules (test/fixtures/project-callers). */
const CALLERS = path.join(import.meta.dirname, '../fixtures/project-callers/src');
/** A project whose own modules send axios and fetch requests (test/fixtures/project-requests). */
const REQUESTS = path.join(import.meta.dirname, '../fixtures/project-requests');
/** Projects whose S3 client takes the options a function of another module returns (test/fixtures/project-written-options). */
const WRITTEN = path.join(import.meta.dirname, '../fixtures/project-written-options');
/** A project whose storage class passes on the abort signal it is given to the AWS SDK (test/fixtures/project-carried-bounds). */
const CARRIED = path.join(import.meta.dirname, '../fixtures/project-carried-bounds/src');
/** A service class around Keycloak's admin client, reached through typed options (test/fixtures/project-keycloak). */
const KEYCLOAK = path.join(import.meta.dirname, '../fixtures/project-keycloak');
/** Service classes whose client is a field with no type written (test/fixtures/project-field-client). */
const FIELD = path.join(import.meta.dirname, '../fixtures/project-field-client');
/** A client held in a module-level `let` assigned once at the top level (test/fixtures/project-held-client). */
const HELD = path.join(import.meta.dirname, '../fixtures/project-held-client');
/** A CommonJS package: modules bound with `require`, exported through `module.exports` (test/fixtures/project-commonjs). */
const COMMONJS = path.join(import.meta.dirname, '../fixtures/project-commonjs/src');

/** `jayson.Client.https(options)`: a static factory nested one level inside the module. */
const JAYSON = {
  module: 'jayson',
  export: 'Client.https',
  instanceFactory: true,
  methods: ['request'],
  timeoutKeys: ['timeout'],
};
/** `new Sdk(options).client.query(…)`: a getter that returns the client. */
const SDK_GETTER = { module: '@acme/sdk', export: 'Sdk', instanceFactory: true, methods: ['client.query'] };
/** `sdk.db.query(sql, options)` on an exported singleton. */
const SDK_SINGLETON = { module: '@acme/sdk', export: 'sdk', methods: ['db.query'], optionsArg: 1 };
/** A pool bounded by a key inside its nested `connection` options. */
const NESTED_KEY = {
  module: '@acme/pg',
  export: 'createPool',
  instanceFactory: true,
  methods: ['query'],
  optionsArg: 1,
  timeoutKeys: ['connection.statement_timeout'],
};

/** Alto's receipt cache: an ioredis client whose every command goes through a timeout helper. */
const TIMED_REDIS_CACHE = `import Redis from 'ioredis';
function asyncCallWithTimeout<T>(work: Promise<T>, limit: number): Promise<T> {
  let handle: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    handle = setTimeout(() => reject(new Error('timeout')), limit);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(handle));
}
export const createCache = (url: string) => {
  const redis = new Redis(url);
  redis.on('error', console.error);
  return {
    get: (key: string) => asyncCallWithTimeout(redis.get(key), 500),
    cache: async (entries: [string, string][]) => {
      const pipeline = redis.pipeline();
      for (const [k, v] of entries) pipeline.setex(k, 60, v);
      await asyncCallWithTimeout(pipeline.exec(), 500);
    },
    remove: (keys: string[]) => asyncCallWithTimeout(redis.del(...keys), 500),
  };
};`;

ruleTester.run('require-timeout', rule, {
  valid: [
    // A helper that hands its caller's config on to axios' default instance, in a project whose
    // bootstrap sets `axios.defaults.timeout`, or in a module that sets axios' defaults itself: the
    // request is bounded whatever the caller gives.
    {
      filename: path.join(PROJECTS, 'with-bootstrap/src/uploads.ts'),
      code: `import axios, { type AxiosRequestConfig } from 'axios';
export async function uploadFile(url: string, body: Buffer, options: AxiosRequestConfig = {}) {
  return axios.put(url, body, { ...options });
}
export const sync = (body: Buffer) => uploadFile('https://files.example.com/a', body);`,
      options: [{ checkTests: true }],
    },
    `import axios, { type AxiosRequestConfig } from 'axios';
axios.defaults.timeout = 10_000;
export async function uploadFile(url: string, body: Buffer, options: AxiosRequestConfig = {}) {
  return axios.put(url, body, { ...options });
}
export const sync = (body: Buffer) => uploadFile('https://files.example.com/a', body);`,
    // An instance's requests are not read as a wrapper's: the instance's own defaults decide.
    `import axios, { type AxiosRequestConfig } from 'axios';
const http = axios.create({ baseURL: 'https://files.example.com', timeout: 5000 });
export async function uploadFile(url: string, body: Buffer, options: AxiosRequestConfig = {}) {
  return http.put(url, body, { ...options });
}
export const sync = (body: Buffer) => uploadFile('/a', body);`,
    // A `.finally` that only logs: nothing waits for the ping.
    `export class Pinger {
  private async ping() {
    await fetch('https://queue.internal/ping');
  }
  start() {
    this.ping().finally(() => console.log('pinged'));
  }
}`,
    // Nobody waits, across the package: a default export started without `await` in another
    // module's callback, and a named export called only with `void` (also through a namespace).
    ...['migrate.ts', 'notify.ts'].map(file => ({
      filename: path.join(CALLERS, file),
      code: readFileSync(path.join(CALLERS, file), 'utf8'),
      options: [{ checkTests: true }] as const,
    })),
    // A request that settles a promise executor (`.then(() => resolve()).catch(reject)`): the
    // new promise waits for it, and nobody waits for that one.
    `import axios from 'axios';
function remove(name) {
  return new Promise((resolve, reject) => {
    axios.delete('https://gw.internal/functions', { data: { name } }).then(() => resolve()).catch(reject);
  });
}
export function cleanup(name) {
  remove(name).catch(error => console.error(error));
}`,
    // A chain dropped with its continuations: `.then(…)` handlers that answer nobody (a cache write,
    // a log line, another dropped call, also on a parameter), settled by `.catch` or a second handler.
    `const cache = new Map<string, number>();
export function trackActivity(sessionId: string) {
  fetch('https://analytics.example.com/t', { method: 'POST', body: sessionId })
    .then(response => {
      if (response.ok) cache.set(sessionId, Date.now());
    })
    .catch(() => {});
  void fetch('https://analytics.example.com/u').then(response => response.json());
}
export function refresh(log: { info(message: string): void }, into: Map<string, number>, req: { log: typeof log }) {
  fetch('https://analytics.example.com/v').then(response => log.info(String(response.status))).catch(() => {});
  fetch('https://analytics.example.com/w').then(response => into.set('w', response.status)).catch(() => {});
  fetch('https://analytics.example.com/x').then(() => req.log.info('x')).catch(() => {});
}`,
    // Nothing waits for a request whose promise is dropped where it is made: `void`, or a statement
    // that settles its own rejection.
    `void fetch('https://telemetry.example.com/boot', { method: 'POST' });`,
    // A statement of its own with no callback (fire and forget, or an await forgotten): nothing waits.
    `import { generateText } from 'ai';
export function boot(model: never) {
  generateText({ model, prompt: 'y' });
}`,
    // Code that runs only outside production: a development branch, the other branch of a
    // production check, a guard that says not production.
    `if (process.env.NODE_ENV === 'development') {
  app.get('/gcs/*', async ctx => {
    const response = await fetch(process.env.GCP_STORAGE_EMULATOR_HOST + ctx.req.path);
    return new Response(response.body);
  });
}
export const seed = () => (process.env.NODE_ENV === 'production' ? undefined : fetch('http://localhost:4000/seed'));
export async function mock(url: string) {
  if (!(process.env['NODE_ENV'] === 'production' || !url)) await fetch(url);
  return process.env.NODE_ENV !== 'production' && fetch(url);
}`,
    // A configuration's copy of NODE_ENV, compared with an enum of environments.
    `import { Environment } from './config';
declare const container: { config: { NODE_ENV: Environment } };
if (container.config.NODE_ENV !== Environment.Production) {
  app.post('/__test__/set-session', async () => fetch('https://discord.com/api/users/@me'));
}`,
    // Browser code: a client module, a module of React client hooks, a module that reads the page's
    // document. A request there holds up one user's tab, not a service.
    `'use client';
import axios from 'axios';
export const load = () => axios.get('https://api.example.com/me');`,
    `import { useEffect, useState } from 'react';
export function useProfile(url: string) {
  const [profile, setProfile] = useState<unknown>();
  useEffect(() => { void fetch(url).then(r => r.json()).then(setProfile); }, [url]);
  return profile;
}
export const send = (url: string) => fetch(url, { method: 'POST' });`,
    `export function getErrorCookie() { return document.cookie.match(/jackson_error=([^;]*)/)?.[1]; }
export const fetcher = async (url: string) => (await fetch(url)).json();`,
    // A helper's bare fetch that runs only without a timeout, and no caller leaves it out: in the
    // file (an inner helper), or in the other modules of the project (webhooks.ts hands one).
    `async function fetchTimeout(input: string, init?: { timeout: number }) {
  if (!init) return await fetch(input);
  return await fetch(input, { signal: AbortSignal.timeout(init.timeout) });
}
export const hook = (url: string) => fetchTimeout(url, { timeout: 10000 });`,
    {
      filename: FETCH_TIMEOUT,
      code: readFileSync(FETCH_TIMEOUT, 'utf8'),
      options: [{ checkTests: true }],
    },
    // node:http over a Unix socket or a named pipe (\`socketPath\`, no host): a process of this machine.
    `import http from 'node:http';
export function send(socketPath: string) {
  http.request({ path: '/', method: 'POST', socketPath }, response => response.resume()).end();
}
export function session(socketPath: string, filePath: string) {
  return new Promise((resolve, reject) => {
    const opts = { path: '/session?filePath=' + encodeURIComponent(filePath), socketPath, method: 'GET' };
    const req = http.request(opts, res => resolve(res.statusCode));
    req.on('error', reject);
    req.end();
  });
}`,
    // A page's script that reads its own address: browser code too.
    `const baseUrl = location.origin + '/config';
export async function loadConfig() { return (await fetch(baseUrl)).json(); }`,
    // A grpc-js Metadata stored away, not handed to a call with a callback: no gRPC call.
    `import { Metadata } from '@grpc/grpc-js';
const byCall = new Map<string, Metadata>();
export function remember(id: string) {
  const metadata = new Metadata();
  byCall.set(id, metadata);
  return metadata;
}`,
    // A timer drops what its callback returns: a callback, a private method or a function of the
    // file handed to one (bound or not) holds nobody up.
    `export class Reader {
  private timer?: NodeJS.Timeout;
  start() {
    this.timer = setInterval(this.trim.bind(this), 60_000);
    setTimeout(async () => {
      await fetch('https://api.example.com/refresh');
    }, 1000);
    setInterval(refresh, 6 * 3600_000);
  }
  private async trim() {
    await fetch('https://api.example.com/trim', { method: 'POST' });
  }
}
async function refresh() {
  const response = await fetch('https://api.example.com/domains');
  return response.json();
}`,
    // So does a job scheduler: node-schedule, node-cron and cron's CronJob drop what the job returns.
    `import schedule from 'node-schedule';
import cron from 'node-cron';
import { CronJob } from 'cron';
export function start() {
  schedule.scheduleJob('0 */4 * * *', async () => {
    await fetch('https://geo.example.com/mmdb');
  });
  cron.schedule('0 * * * *', async () => {
    await fetch('https://usage.example.com/reset');
  });
  return new CronJob('0 * * * *', async () => {
    await fetch('https://usage.example.com/flush');
  });
}`,
    // node:http answers on the request it returns: a request thrown away with no callback is heard
    // by nobody (\`await\` on a ClientRequest returns at once: it is not a promise).
    `import http from 'node:http';
import https from 'node:https';
export async function mockSend(url: URL, body: string) {
  if (url.protocol === 'http:') await http.get(url);
  else await https.get(url);
  https.request(url, { method: 'POST' }).end(body);
  https.get(url);
}`,
    // Companion's cloud controller: the request is awaited through a `.then` continuation that only
    // parses it, in private methods the constructor starts without waiting and hands to a timer.
    `export class CloudController {
  #interval: ReturnType<typeof setInterval>;
  constructor(private token: string) {
    this.#handleCloudInfrastructureRefresh();
    this.#interval = setInterval(this.#handlePeriodicRefresh.bind(this), 3600e3 * 24);
  }
  async #handleCloudInfrastructureRefresh(): Promise<void> {
    try {
      const body = await fetch('https://cloud.example.com/regions', { method: 'GET' }).then(async r => r.json());
      console.log(body);
    } catch (e) {
      console.error(e);
    }
  }
  async #handlePeriodicRefresh(): Promise<void> {
    if (this.token) await this.#handleCloudInfrastructureRefresh();
  }
}`,
    // ... or awaited only inside a function whose own promise nobody waits for: an async IIFE run
    // as a statement, an async forEach callback, a map whose promises are dropped or given to a
    // Promise.all nobody waits for, a private method and a function of the file called only so.
    `import axios from 'axios';
export function startTracer() {
  (async () => {
    try {
      const { data } = await axios.get('http://169.254.169.254/latest/meta-data/local-ipv4');
      process.env.TRACER_HOST = data;
    } catch {}
  })();
}`,
    `export function pingAll(ids: string[]) {
  ids.forEach(async id => {
    await fetch('https://status.example.com/' + id);
  });
  ids.map(async id => {
    await fetch('https://hooks.example.com/' + id, { method: 'POST' });
  });
  void Promise.all(ids.map(id => fetch('https://audit.example.com/' + id)));
}`,
    // A Promise.all of two arrays of promises settles at once: it waits for none of them.
    `export async function linkAll(events: string[], others: string[]) {
  await Promise.all([
    events.map(async id => {
      await fetch('https://events.example.com/' + id, { method: 'PUT' });
    }),
    others.map(async id => {
      await fetch('https://events.example.com/' + id, { method: 'DELETE' });
    }),
  ]);
}`,
    `export class ContextWindowFinder {
  constructor() {
    this.#pull().catch(error => console.error(error));
  }
  async #pull() {
    const response = await fetch('https://models.example.com/map.json');
    return response.json();
  }
}`,
    `async function checkForUpdate() {
  const response = await fetch('https://static.example.com/latest.json');
  return response.json();
}
export function boot() {
  void checkForUpdate();
  setInterval(() => void checkForUpdate(), 86_400_000);
}`,
    // An async IIFE's promise raced against a timer: the caller waits at most the timer.
    `export async function init(url: string) {
  let response: Response | undefined;
  const work = (async () => {
    while (!response) {
      try {
        response = await fetch(url);
      } catch {}
    }
  })();
  const timer = new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timed out')), 120_000));
  await Promise.race([work, timer]);
}`,
    `export function track(event: object) {
  fetch('https://telemetry.example.com/e', { method: 'POST', body: JSON.stringify(event) }).catch(() => undefined);
}`,
    {
      // ioredis 4.25 and later bound a command by `commandTimeout`.
      filename: path.join(import.meta.dirname, '../fixtures/package-versions/ioredis-v4/src/cache.ts'),
      code: `import Redis from 'ioredis'; export const redis = new Redis({ commandTimeout: 5000 });`,
      options: [{ checkTests: true }],
    },
    // Handed to a request context's waitUntil, which runs it after the response and cancels it at
    // the platform's limit: nobody waits for it (Workers' ctx.waitUntil, an async IIFE given to it,
    // Supabase's EdgeRuntime.waitUntil, and a helper of the file that hands its parameter on).
    `declare const EdgeRuntime: { waitUntil(p: Promise<unknown>): void };
export default {
  async fetch(request: Request, env: unknown, ctx: { waitUntil(p: Promise<unknown>): void }) {
    ctx.waitUntil(fetch('https://analytics.example.com/hit', { method: 'POST' }));
    ctx.waitUntil((async () => { await fetch('https://audit.example.com/log', { method: 'POST' }); })());
    EdgeRuntime.waitUntil(fetch('https://audit.example.com/edge', { method: 'POST' }));
    return new Response('ok');
  },
};`,
    `function runLater(c: { executionCtx: { waitUntil(p: Promise<unknown>): void } }, work: Promise<unknown>) {
  c.executionCtx.waitUntil(work);
}
async function notify(text: string) {
  await fetch('https://hooks.example.com/notify', { method: 'POST', body: text });
}
export async function handler(c: any) {
  runLater(c, notify('deployed'));
  runLater(c, (async () => { await fetch('https://hooks.example.com/later', { method: 'POST' }); })());
  return c.json({ ok: true });
}`,
    // Options from a local function that returns a bounded literal.
    `const bounded = () => ({ signal: AbortSignal.timeout(5000) });
export const d = (id: string) => fetch('https://api.dub.co/links/' + id, bounded());`,
    // A construction-level client whose every call the file bounds on its own (a timeout helper
    // around each command, and around a pipeline's exec): no call can hang on it.
    TIMED_REDIS_CACHE,
    // The team's own timeout helpers: in this file (a timer settling the helper's promise, or a
    // race with a timer), and in another module of the project.
    `function promiseTimeout<T>(promise: Promise<T>, time: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('timed out')), time);
    promise.then(resolve, reject).finally(() => clearTimeout(timer));
  });
}
export const names = () => promiseTimeout(fetch('https://rpc.example.com/providers'), 2000);`,
    `const raced = <T>(work: () => Promise<T>, limit: number) =>
  Promise.race([work(), new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timeout')), limit))]);
export const names = () => raced(() => fetch('https://rpc.example.com/providers'), 2000);`,
    {
      filename: HANDLER,
      code: `import { promiseTimeout, asyncCallWithTimeout } from '@/lib/promise-timeout';
export const names = () => promiseTimeout(fetch('https://rpc.example.com/providers'), 2000);
export const status = async (id: string) => asyncCallWithTimeout(fetch('https://bundler.internal/ops/' + id), 500);`,
      options: [{ checkTests: true }],
    },
    // A request wrapper given its deadline; one whose deadline has a default; a spread that may carry it.
    {
      filename: HANDLER,
      code: `import { fetchJson } from '@/lib/http';
export const load = (id: string) => fetchJson('https://users.internal/users/' + id, { timeout: 2000 });
export const again = (id: string, options: object) => fetchJson('https://users.internal/users/' + id, { ...options });`,
      options: [{ checkTests: true }],
    },
    `async function fetchBounded(url: string, { timeout = 5000 }: { timeout?: number } = {}) { return fetch(url, { signal: AbortSignal.timeout(timeout) }); }
export const load = () => fetchBounded('/f');`,
    // An exported instance with a deadline, and one whose options come from elsewhere.
    `import axios from 'axios'; export const http = axios.create({ baseURL: 'https://billing.internal', timeout: 5000 });`,
    `import axios from 'axios'; import { options } from './config'; export const http = axios.create({ ...options, baseURL: 'https://billing.internal' });`,
    // A got instance with a deadline, and one extended from it (it inherits the deadline).
    `import got from 'got'; const base = got.extend({ timeout: { request: 5000 } }); export const gh = base.extend({ prefixUrl: 'https://api.github.com' });`,
    // ky's instances carry its 10 s default.
    `import ky from 'ky'; export const api = ky.create({ prefixUrl: 'https://billing.internal' });`,
    // A local instance whose calls are judged where they are made.
    `import axios from 'axios'; const http = axios.create({ baseURL: 'https://billing.internal' }); export const ping = () => http.get('/ping', { timeout: 1000 });`,
    // SendGrid: a timeout set on the mail service, here or (project facts) in another module.
    `const sgMail = require('@sendgrid/mail');
sgMail.setApiKey(process.env.SENDGRID_API_KEY);
sgMail.setTimeout(10_000);
export const notify = (to: string) => sgMail.send({ to, from: 'team@example.com', subject: 'Hi', text: '' });`,
    {
      filename: path.join(PROJECTS, 'with-bootstrap/src/mail.ts'),
      code: `import sgMail from '@sendgrid/mail';
export const notify = (to: string) => sgMail.send({ to, from: 'team@example.com', subject: 'Hi', text: '' });`,
      options: [{ checkTests: true }],
    },
    // googleapis: an API given an auth client whose transporter has a timeout sends through it.
    `import { google } from 'googleapis';
const auth = new google.auth.OAuth2({ clientId, clientSecret, transporterOptions: { timeout: 10_000 } });
const drive = google.drive({ version: 'v3', auth });
export const list = () => drive.files.list({});`,
    // google-auth-library: a timeout for the client's transporter; options built elsewhere are not judged.
    `import { OAuth2Client } from 'google-auth-library';
export const client = new OAuth2Client({ clientId, clientSecret, transporterOptions: { timeout: 10_000 } });
export const exchange = (code: string) => client.getToken(code);
export const other = (config: object) => new OAuth2Client(config);`,
    // request: a timeout in the options, or in `request.defaults({ timeout })`.
    `import request from 'request';
const timed = request.defaults({ timeout: 3000 });
export const a = (cb: () => void) => request.get('https://example.com', { timeout: 5000 }, cb);
export const b = (cb: () => void) => timed.post({ url: 'https://example.com', json: {} }, cb);`,
    `import rp from 'request-promise-native'; export const load = (uri: string) => rp({ uri, timeout: 2000, json: true });`,
    // postgres.js: the server cancels a longer statement (`statement_timeout` sent at start-up).
    `import postgres from 'postgres';
export const sql = postgres(process.env.DATABASE_URL!, { connection: { statement_timeout: 10_000 } });
export const legacy = postgres({ host: 'db', connection: { options: '-c statement_timeout=5s' } });`,
    // pg-promise: `pgPromise(initOptions)` configures the library; the database is bounded by pg's config.
    `import pgPromise from 'pg-promise';
const pgp = pgPromise({ capSQL: true });
export const db = pgp({ host: 'db', statement_timeout: 5000, connectionTimeoutMillis: 2000 });`,
    // A callback-style request raced against its own timer: the timer sets the flag the response
    // callback tests, so whoever waits has an answer within 15 s.
    `import request from 'request';
export function checkHealth(url: string, callback: (ok: boolean) => void) {
  let called = false;
  setTimeout(() => {
    if (called) return;
    called = true;
    callback(false);
  }, 15_000);
  request(url, (error: unknown, response: unknown, body: string) => {
    if (called) return;
    called = true;
    callback(!error && body === 'ok');
  });
}`,
    // A MinIO client that names its region, kept only to presign: it sends nothing.
    `import { Client } from 'minio';
const signer = new Client({ endPoint: 's3.internal', accessKey: 'a', secretKey: 'b', region: 'us-east-1' });
export const link = (key: string) => signer.presignedGetObject('media', key, 3600);`,
    // A custom transport may time its requests out.
    `import { Client } from 'minio'; import { transport } from './transport'; export const storage = new Client({ endPoint: 's3.internal', accessKey: 'a', secretKey: 'b', transport });`,
    // got's stream API, with a total timeout.
    `import got from 'got'; export const upload = (url: string, body: Buffer) => got.stream.post(url, { body, timeout: { request: 60_000 } });`,
    // @actions/http-client: `socketTimeout` in the request options (its third argument) bounds each wait.
    `import { HttpClient } from '@actions/http-client'; export const http = new HttpClient('setup-thing', [], { socketTimeout: 30_000 });`,
    `import { HttpClient } from '@actions/http-client'; export const http = (options: object) => new HttpClient('setup-thing', [], { ...options });`,
    // Made only to read its proxy agent: it sends nothing.
    `import { HttpClient } from '@actions/http-client'; export const agentFor = (url: string) => new HttpClient().getAgent(url);`,
    // Resend: every call of the file passes a signal.
    `import { Resend } from 'resend';
const resend = new Resend(process.env.RESEND_API_KEY);
export const welcome = (to: string) =>
  resend.emails.send({ from: 'team@example.com', to, subject: 'Hi', html: '' }, { signal: AbortSignal.timeout(5000) });`,
    // googleapis: a timeout in the API's options, in the call's options, or for the whole process
    // (here, and in the project's bootstrap); an auth client is no API.
    `import { google } from 'googleapis';
const drive = google.drive({ version: 'v3', auth, timeout: 10_000 });
export const list = (q: string) => drive.files.list({ q });
const sheets = google.sheets({ version: 'v4', auth });
export const read = (spreadsheetId: string) => sheets.spreadsheets.values.get({ spreadsheetId, range: 'A1:B2' }, { timeout: 5000 });
export const oauth = new google.auth.OAuth2({ clientId, clientSecret: secret, transporterOptions: { timeout: 5000 } });`,
    `const { google } = require('googleapis');
google.options({ timeout: 10_000 });
export const gmail = google.gmail({ version: 'v1' });`,
    {
      filename: path.join(PROJECTS, 'with-bootstrap/src/drive.ts'),
      code: `import { google } from 'googleapis';
const drive = google.drive({ version: 'v3' });
export const list = (q: string) => drive.files.list({ q });
export const sheets = google.sheets({ version: 'v4' });`,
      options: [{ checkTests: true }],
    },
    // Instances that leave the file, bounded after they are made: a default timeout set on the
    // instance, and a request interceptor that sets one.
    `import axios from 'axios';
export function billingClient() {
  const client = axios.create({ baseURL: 'https://billing.internal' });
  client.defaults.timeout = 5000;
  return client;
}
export const api = axios.create({ baseURL: 'https://billing.internal' });
api.interceptors.request.use(config => {
  config.timeout = 5000;
  return config;
});`,
    {
      // Project facts: the project's bootstrap (src/main.ts) sets `axios.defaults.timeout` for the whole process.
      filename: path.join(PROJECTS, 'with-bootstrap/src/service.ts'),
      code: `import axios from 'axios';
export async function start() { await axios.get('https://status.example.com/ping'); }`,
      options: [{ checkTests: true }],
    },
    {
      // ... nor through an instance another module makes from it: the callers are not told of it.
      filename: path.join(PROJECTS, 'with-bootstrap/src/caller.ts'),
      code: `import { fetchPartner } from './partners';
export async function show(id: string) { return fetchPartner(id); }`,
      options: [{ checkTests: true }],
    },
    // Project facts: the bootstrap installs an undici dispatcher with headers and body timeouts; the
    // global fetch (and undici's own) of every module goes through it.
    {
      filename: path.join(import.meta.dirname, '../fixtures/project-dispatcher/bounded/src/client.ts'),
      code: `import { fetch as undiciFetch } from 'undici';
export const status = async () => (await fetch('https://status.example.com/ping')).json();
export const health = () => undiciFetch('https://health.example.com');`,
      options: [{ checkTests: true }],
    },
    // An injected client (constructor parameter property): its configuration is not visible, so its calls are not reported.
    `
import type { AxiosInstance } from 'axios';
export class Api {
  constructor(private readonly http: AxiosInstance) {}
  ping() { return this.http.get('/ping'); }
}
`,
    // A subclass of a client class that passes its caller's options to `super`: the options are not visible.
    `
import { S3Client, type S3ClientConfig } from '@aws-sdk/client-s3';
class Storage extends S3Client {
  constructor(options: S3ClientConfig) { super(options); }
}
export const storage = new Storage(loadConfig());
`,
    // fetch
    `await fetch(url, { signal: AbortSignal.timeout(5000) });`,
    `await fetch(url, { signal: AbortSignal.any([parent, AbortSignal.timeout(5000)]) });`,
    `
const controller = new AbortController();
const timer = setTimeout(() => controller.abort(), 5000);
await fetch(url, { signal: controller.signal });
`,
    // A signal handed in by the caller: the caller owns the deadline.
    `export async function load(url: string, signal: AbortSignal) { return fetch(url, { signal }); }`,
    `
const request = new Request(url, { signal: AbortSignal.timeout(2000) });
await fetch(request);
`,
    // Opaque options are not reported by default.
    `export const get = (url: string, init: RequestInit) => fetch(url, init);`,
    `await fetch(url, { ...defaults, method: 'POST' });`,
    // A local function called fetch is not fetch.
    `
function fetch(key: string) { return cache.get(key); }
fetch('a');
`,
    `import fetch from './local-fetch.js'; await fetch('/x');`,
    `import { fetch } from 'undici'; await fetch(url, { signal: AbortSignal.timeout(1000) });`,
    // axios
    `import axios from 'axios'; await axios.get(url, { timeout: 5000 });`,
    `import axios from 'axios'; await axios.post(url, body, { timeout: 5000 });`,
    `import axios from 'axios'; await axios({ url, method: 'get', timeout: 5000 });`,
    `import axios from 'axios'; await axios(url, { signal: AbortSignal.timeout(5000) });`,
    `
import axios from 'axios';
const api = axios.create({ baseURL, timeout: 5000 });
await api.get('/users');
await api.post('/users', user);
`,
    `
import axios from 'axios';
const api = axios.create({ baseURL });
api.defaults.timeout = 2500;
await api.get('/users');
`,
    `
import axios from 'axios';
axios.defaults.timeout = 2500;
await axios.get('/users');
`,
    `
import axios from 'axios';
const api = axios.create({ baseURL });
api.interceptors.request.use(config => { config.timeout = 3000; return config; });
await api.get('/users');
`,
    `
const axios = require('axios');
class Users {
  constructor() { this.http = axios.create({ timeout: 1000 }); }
  list() { return this.http.get('/users'); }
}
`,
    `
import axios from 'axios';
const options = { timeout: 4000 };
await axios.get(url, options);
`,
    // An object with a get method is not axios.
    `const store = new Map(); store.get('x');`,
    // got, ky, superagent
    `import got from 'got'; await got(url, { timeout: { request: 10000 } });`,
    `import got from 'got'; const client = got.extend({ timeout: { response: 2000 } }); await client.get('x');`,
    `import ky from 'ky'; await ky.get(url).json();`,
    `import ky from 'ky'; await ky.post(url, { json: body, timeout: 5000 });`,
    `import request from 'superagent'; await request.get(url).timeout({ response: 5000, deadline: 10000 });`,
    `
import request from 'superagent';
const req = request.post(url).send(body);
req.timeout(5000);
await req;
`,
    // undici: finite defaults, so only an explicit "none" is reported
    `import { request } from 'undici'; await request(url);`,
    `import { Agent, setGlobalDispatcher } from 'undici'; setGlobalDispatcher(new Agent({ connectTimeout: 5000 }));`,
    // node:http
    `
import https from 'node:https';
const req = https.request(url, { timeout: 5000 }, res => res.resume());
req.on('timeout', () => req.destroy(new Error('timeout')));
req.end();
`,
    `
const http = require('http');
const req = http.get(url, res => res.resume());
req.setTimeout(5000, () => req.abort());
`,
    `import http from 'http'; http.get(url, { signal: AbortSignal.timeout(5000) }, onResponse);`,
    // Destroyed by the 'abort' listener of a controller a timer aborts, or of \`AbortSignal.timeout\`.
    `
import https from 'node:https';
const controller = new AbortController();
setTimeout(() => controller.abort(), 5000);
const req = https.request(url, res => res.resume());
controller.signal.addEventListener('abort', () => req.destroy(), { once: true });
req.end();
`,
    `
import https from 'node:https';
const signal = AbortSignal.timeout(5000);
const req = https.request(url, res => res.resume());
signal.onabort = () => req.destroy();
req.end();
`,
    // follow-redirects with the timeout handled as node:http's is.
    `
import { https } from 'follow-redirects';
const req = https.request(url, { timeout: 5000 }, res => res.resume());
req.on('timeout', () => req.destroy(new Error('timeout')));
req.end();
`,
    // The request leaves the function: whoever receives it sets the bound.
    `import http from 'node:http'; export function open(url: string) { return http.request(url); }`,
    // gRPC
    `
import * as grpc from '@grpc/grpc-js';
const proto = grpc.loadPackageDefinition(definition) as any;
const client = new proto.routeguide.RouteGuide(address, grpc.credentials.createInsecure());
client.getFeature(point, { deadline: Date.now() + 2000 }, callback);
`,
    `
import * as grpc from '@grpc/grpc-js';
const { Greeter } = grpc.loadPackageDefinition(definition).helloworld as any;
const client = new Greeter(address, credentials, { 'grpc.service_config': '{"methodConfig":[{"name":[{}],"timeout":"2s"}]}' });
client.sayHello({ name }, callback);
`,
    // AWS SDK v3
    `
import { S3Client } from '@aws-sdk/client-s3';
import { NodeHttpHandler } from '@smithy/node-http-handler';
const s3 = new S3Client({ requestHandler: new NodeHttpHandler({ connectionTimeout: 1000, requestTimeout: 5000, throwOnRequestTimeout: true }) });
`,
    `
import { DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';
const ddb = new DynamoDBClient({ region });
await ddb.send(new GetItemCommand(input), { abortSignal: AbortSignal.timeout(2000) });
`,
    // pg, redis, mongodb: the bound belongs to the client
    `import { Pool } from 'pg'; const pool = new Pool({ connectionString, statement_timeout: 5000, connectionTimeoutMillis: 2000 });`,
    `import pg from 'pg'; const client = new pg.Client({ query_timeout: 5000, connectionTimeoutMillis: 2000 });`,
    `import Redis from 'ioredis'; const redis = new Redis(6379, 'cache', { commandTimeout: 500 });`,
    `import { createClient } from 'redis'; const client = createClient({ url, socket: { socketTimeout: 5000 } });`,
    `import { MongoClient } from 'mongodb'; const client = new MongoClient(uri, { socketTimeoutMS: 30000 });`,
    `import { MongoClient } from 'mongodb'; const client = new MongoClient('mongodb://db/app?socketTimeoutMS=30000');`,
    // A page-relative URL: a server's fetch cannot take one, so this runs in a browser.
    `export const remove = (id: string) => fetch('/api/tags/' + id, { method: 'DELETE' });`,
    `const BASE_PATH = '/api/v3/tags';
async function request(url: string, init: RequestInit) { return fetch(url, { cache: 'no-store', ...init }); }
export const rename = (id: string, name: string) => request(\`\${BASE_PATH}/\${id}\`, { method: 'PATCH', body: name });`,
    // A URL fixed to this machine: the request reaches a process of the same host, not a server
    // across the network.
    `await fetch('http://localhost:8080/health');`,
    `const port = 8888; export const online = () => fetch(\`http://0.0.0.0:\${port}/status\`);`,
    `import axios from 'axios';
const LOCAL = 'http://127.0.0.1:3000/app';
export async function me(token: string) {
  const serverUrl = LOCAL;
  return axios.get(serverUrl + '/users/me', { headers: { token } });
}`,
    `import http from 'node:http';
export async function ping() {
  const req = http.request({ host: '127.0.0.1', port: 9901, path: '/ready' }, res => res.resume());
  req.end();
}`,
    `import axios from 'axios';
const LOCAL = 'http://[::1]:8080/app';
export const batch = (requests: unknown[]) => axios.post('batch', { requests }, { baseURL: LOCAL });`,
    // The options, with the loopback base, held in a const.
    `import axios from 'axios';
const LOCAL = 'http://localhost:8080/app';
export async function batch(requests: unknown[]) {
  const parseConfig = { baseURL: LOCAL, headers: { 'X-Parse-Application-Id': 'app' } };
  return axios.post('batch', { requests }, parseConfig);
}`,
    `export class CollectorApi {
  endpoint: string;
  constructor() { this.endpoint = \`http://0.0.0.0:\${CollectorApi.port()}\`; }
  static port() { return Number(process.env.COLLECTOR_PORT ?? 8888); }
  async accepts() { return (await fetch(\`\${this.endpoint}/accepts\`)).json(); }
}`,
    // A client made with a loopback base is not reported where it is made, though it leaves the file.
    `import axios from 'axios'; export const localApi = axios.create({ baseURL: 'http://localhost:3000' });`,
    // A container health-check script: each check is a function of the file called once with a URL
    // of this machine (Ackee's healthcheck.js).
    {
      filename: 'healthcheck.js',
      code: `const fetch = require('node-fetch');
const config = require('./utils/config');
const checkServer = async url => {
  const response = await fetch(url);
  if (!response.ok) throw new Error('unhealthy');
};
const check = () => Promise.all([checkServer(\`http://localhost:\${config.port}\`)]);
check().then(() => process.exit(0), () => process.exit(1));`,
    },
    // A project rush.json places outside the monorepo's folder (`../project-requests`) is not read.
    {
      filename: path.join(RUSH, 'services/bot/pod/src/outside.ts'),
      code: readFileSync(path.join(RUSH, 'services/bot/pod/src/outside.ts'), 'utf8'),
      options: [{ checkTests: true }],
    },
    // axios before 0.22: `timeout` bounds the request.
    {
      filename: path.join(import.meta.dirname, '../fixtures/package-versions/axios-old/src/client.ts'),
      code: `import axios from 'axios'; export const load = (url: string) => axios.get(url, { timeout: 5000 });`,
      options: [{ checkTests: true }],
    },
    {
      filename: path.join(import.meta.dirname, '../fixtures/package-versions/axios-old/src/client.ts'),
      code: `import axios from 'axios'; const api = axios.create({ timeout: 5000 }); export const load = (id: string) => api.get(id, { signal: AbortSignal.timeout(5000) });`,
      options: [{ checkTests: true }],
    },
    // Meilisearch: `timeout` in the config bounds every request; a custom httpClient is the team's own transport.
    `import { MeiliSearch } from 'meilisearch'; export const search = new MeiliSearch({ host, apiKey, timeout: 5000 });`,
    `import { Meilisearch } from 'meilisearch'; export const search = new Meilisearch({ host, httpClient: timedFetch });`,
    // Supabase: a client given its own fetch (which can add the deadline) is the team's transport.
    `import { createClient } from '@supabase/supabase-js'; export const db = createClient(url, key, { global: { fetch: timedFetch } });`,
    // mongoose hands its options to the driver's MongoClient.
    `import mongoose from 'mongoose'; await mongoose.connect(uri, { socketTimeoutMS: 45000, bufferCommands: false });`,
    `import { createConnection } from 'mongoose'; export const reports = createConnection('mongodb://db/reports?socketTimeoutMS=30000');`,
    // Options from elsewhere: not reported by default.
    `import { Pool } from 'pg'; export const pool = new Pool(config);`,
    // Vendor SDKs with finite defaults
    `import Stripe from 'stripe'; const stripe = new Stripe(key);`,
    `import OpenAI from 'openai'; const openai = new OpenAI();`,
    // Timeout wrappers
    `import pTimeout from 'p-timeout'; await pTimeout(fetch(url), { milliseconds: 5000 });`,
    `await Promise.race([fetch(url), new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 5000))]);`,
    {
      code: `await withTimeout(() => fetch(url), 5000);`,
      settings: { faultline: { timeoutWrappers: ['withTimeout'] } },
    },
    {
      code: `
import { withDeadline } from '@acme/resilience';
await withDeadline(async () => {
  const response = await fetch(url);
  return response.json();
}, 5000);
`,
      settings: { faultline: { timeoutWrappers: [{ module: '@acme/resilience', export: 'withDeadline' }] } },
    },
    // Team clients taught through settings
    {
      code: `import { request } from '@acme/http'; await request('/users', { timeout: 2000 });`,
      settings: { faultline: { clients: [{ module: '@acme/http', export: 'request', optionsArg: 1 }] } },
    },
    {
      code: `import { createClient } from '@acme/http'; const api = createClient({ timeout: 1000 }); await api.get('/users');`,
      settings: {
        faultline: {
          clients: [
            {
              module: '@acme/http',
              export: 'createClient',
              instanceFactory: true,
              methods: ['get'],
              optionsArg: 1,
            },
          ],
        },
      },
    },
    // A nested static factory (`jayson.Client.https`) whose construction carries the bound
    {
      code: `import jayson from 'jayson'; const rpc = jayson.Client.https({ host, timeout: 5000 }); await rpc.request('add', [1, 2]);`,
      settings: { faultline: { clients: [JAYSON] } },
    },
    // A getter that returns the client (`sdk.client`), on an instance made with a bound
    {
      code: `import { Sdk } from '@acme/sdk'; const sdk = new Sdk({ timeout: 2000 }); await sdk.client.query('select 1');`,
      settings: { faultline: { clients: [SDK_GETTER] } },
    },
    // The same getter on a module-level singleton, with the per-call bound
    {
      code: `import { sdk } from '@acme/sdk'; await sdk.db.query('select 1', { timeout: 1000 });`,
      settings: { faultline: { clients: [SDK_SINGLETON] } },
    },
    // A bound inside a nested options object (`connection.statement_timeout`)
    {
      code: `import { createPool } from '@acme/pg'; const pool = createPool({ connection: { statement_timeout: 5000 } }); await pool.query(sql);`,
      settings: { faultline: { clients: [NESTED_KEY] } },
    },
    // The nested options come from elsewhere: not visible, not reported
    {
      code: `import { createPool } from '@acme/pg'; const pool = createPool({ connection: config.connection }); await pool.query(sql);`,
      settings: { faultline: { clients: [NESTED_KEY] } },
    },
    // ky: 0 times out at once; only `false` turns ky's 10 s default off.
    `import ky from 'ky'; await ky.get(url, { timeout: 0 });`,
    `import { S3Client } from '@aws-sdk/client-s3'; const s3 = new S3Client({ requestHandler: { socketTimeout: 10000 } });`,
    `import Redis from 'ioredis'; const redis = new Redis({ socketTimeout: 5000 });`,
    `import { Octokit } from '@octokit/rest'; const octokit = new Octokit({ request: { fetch: timedFetch } });`,
    // Twilio's 30 s default cannot be turned off.
    `import twilio from 'twilio'; const client = twilio(sid, token, { timeout: 0 });`,
    `import got from 'got'; import pTimeout from 'p-timeout'; await pTimeout(got(url).json(), { milliseconds: 2000 });`,
    `
const timer = new Promise((_, reject) => setTimeout(reject, 3000, new Error('timeout')));
await Promise.race([fetch(url), timer]);
`,
    `
const { AbortController } = require('node-abort-controller');
const controller = new AbortController();
setTimeout(() => controller.abort(), 1000);
await fetch(url, { signal: controller.signal });
`,
    // Test files call local servers on purpose; they are skipped unless checkTests is on.
    { filename: 'src/__tests__/api.test.ts', code: `await fetch(url);` },
    // So are the helpers tests share (`test-utils/`, `test-utilities/`, `test-helpers/`).
    { filename: 'source/test-utilities/create-test-server.ts', code: `await fetch(url);` },
    { filename: 'src/test-helpers/seed.ts', code: `await fetch(url);` },
    // And a module of them beside the code (`testing-utils.ts`, `testHelpers.ts`).
    { filename: 'src/testing-utils.ts', code: `await fetch(url);` },
    { filename: 'src/api/testHelpers.ts', code: `await fetch(url);` },
    // And a folder of them named with underscores (`_test/`, `__test__/`).
    { filename: 'packages/core/src/_test/setup.ts', code: `await fetch(url);` },
    // mysql2: a pool whose every visible query passes its own `timeout`.
    `import mysql from 'mysql2/promise'; const pool = mysql.createPool({ host: 'db' }); export const one = (id: string) => pool.query({ sql: 'SELECT * FROM t WHERE id = ?', timeout: 2000 }, [id]);`,
    // knex: `statement_timeout` in the PostgreSQL connection.
    `import knex from 'knex'; export const db = knex({ client: 'pg', connection: { host: 'db', statement_timeout: 5000 } });`,
    // knex: the bound in a literal connection URL.
    `import knex from 'knex'; export const db = knex({ client: 'postgresql', connection: 'postgres://db/app?options=-c%20statement_timeout%3D5000' });`,
    // knex: SQLite is a file in this process.
    `import knex from 'knex'; export const db = knex({ client: 'better-sqlite3', connection: { filename: './app.db' } });`,
    // knex: a config from another module is not visible.
    `import knex from 'knex'; import config from './knexfile'; export const db = knex(config);`,
    // knex: a hook on every new connection may set a session timeout.
    `import knex from 'knex'; export const db = knex({ client: 'pg', connection: process.env.DATABASE_URL, pool: { afterCreate: (conn, done) => conn.query('SET statement_timeout = 5000', done) } });`,
    // knex: every visible query carries `.timeout(ms)` along its chain.
    `import knex from 'knex'; const db = knex({ client: 'pg', connection: { host: 'db' } }); export const user = (id: number) => db('users').where({ id }).first().timeout(1000, { cancel: true });`,
    // drizzle over a bounded pg pool: drizzle calls are the driver's.
    `import { drizzle } from 'drizzle-orm/node-postgres'; import { Pool } from 'pg'; const pool = new Pool({ host: 'db', query_timeout: 5000, connectionTimeoutMillis: 2000 }); export const db = drizzle(pool);`,
    // drizzle over a driver made elsewhere.
    `import { drizzle } from 'drizzle-orm/node-postgres'; export const db = drizzle({ client: pool });`,
    // drizzle from a URL read from the environment: its parameters are not visible.
    `import { drizzle } from 'drizzle-orm/node-postgres'; export const db = drizzle(process.env.DATABASE_URL!);`,
    // graphql-request: a timed signal in the client config.
    `import { GraphQLClient } from 'graphql-request'; const client = new GraphQLClient(endpoint, { signal: AbortSignal.timeout(5000) }); export const viewer = () => client.request('query { viewer { id } }');`,
    // graphql-request: a custom fetch may bound every request.
    `import { GraphQLClient } from 'graphql-request'; const client = new GraphQLClient(endpoint, { fetch: fetchWithTimeout }); export const viewer = () => client.request('query { viewer { id } }');`,
    // graphql-request: the options form with a timed signal.
    `import { GraphQLClient } from 'graphql-request'; const client = new GraphQLClient(endpoint); export const viewer = () => client.request({ document: 'query { viewer { id } }', signal: AbortSignal.timeout(5000) });`,
    // graphql-request: the module's options form.
    `import { request } from 'graphql-request'; export const viewer = () => request({ url: 'https://api/graphql', document: 'query { viewer { id } }', signal: AbortSignal.timeout(5000) });`,
    // Apollo Client with a link: a timeout link or a bounded fetch may be in it.
    `import { ApolloClient, HttpLink, InMemoryCache } from '@apollo/client'; export const client = new ApolloClient({ link: new HttpLink({ uri: 'https://api/graphql' }), cache: new InMemoryCache() });`,
    // jayson: `timeout` in the HTTP client options.
    `import jayson from 'jayson'; export const rpc = jayson.Client.http({ host: 'rpc.internal', port: 8545, timeout: 5000 });`,
    // ethers v6: FetchRequest's 300 s default.
    `import { JsonRpcProvider } from 'ethers'; const provider = new JsonRpcProvider(url); export const head = () => provider.getBlockNumber();`,
    // ethers v5: 120 s unless a positive `timeout` replaces it (0 keeps the default).
    `import { ethers } from 'ethers'; const provider = new ethers.providers.JsonRpcProvider({ url, timeout: 0 }); export const balance = (a: string) => provider.getBalance(a);`,
    // viem: the http transport's 10 s default.
    `import { createPublicClient, http } from 'viem'; const chain = createPublicClient({ transport: http(url) }); export const head = () => chain.getBlockNumber();`,
    // Plaid: `baseOptions.timeout` in the Configuration.
    `import { Configuration, PlaidApi } from 'plaid'; export const plaid = new PlaidApi(new Configuration({ basePath, baseOptions: { timeout: 10000 } }));`,
    // Plaid: every visible call passes axios options with a timeout.
    `import { Configuration, PlaidApi } from 'plaid'; const plaid = new PlaidApi(new Configuration({ basePath })); export const item = (token: string) => plaid.itemGet({ access_token: token }, { timeout: 5000 });`,
    // An exported graphql-request client whose fetch adds the deadline.
    `import { GraphQLClient } from 'graphql-request'; export const billing = new GraphQLClient('https://billing/graphql', { fetch: timedFetch });`,
    // Redis connections kept for subscriptions wait for messages by design: handed to a pub/sub
    // adapter as its subscriber, named for it, or used here only to subscribe and listen.
    `import Redis from 'ioredis';
import { createAdapter } from '@socket.io/redis-adapter';
const url = process.env.REDIS_URL;
export const io = (pub: Redis) => createAdapter(pub, other);
const other = new Redis(url);
export function createSubscriber() { return new Redis(url); }
const listener = new Redis(url);
listener.psubscribe('events:*');
listener.on('pmessage', () => {});`,
    // The publisher of a Socket.IO adapter, used for nothing else: it only broadcasts.
    `import { createAdapter } from '@socket.io/redis-adapter';
import { createClient } from 'redis';
export async function adapter(host: string) {
  const pubClient = createClient({ socket: { host, port: 6379 } });
  const subClient = pubClient.duplicate();
  pubClient.on('error', () => {});
  await Promise.all([pubClient.connect(), subClient.connect()]);
  return createAdapter(pubClient, subClient);
}`,
    // The subscriber made where it is handed to the pub/sub engine.
    `import Redis from 'ioredis';
import { RedisPubSub } from 'graphql-redis-subscriptions';
export const pubsub = new RedisPubSub({
  publisher: new Redis({ host: 'redis', commandTimeout: 2000 }),
  subscriber: new Redis({ host: 'redis' }),
});`,
    // ofetch: a finite timeout on the call or the instance, or a timed signal.
    `import { ofetch, $fetch } from 'ofetch';
export const b = (url: string) => $fetch(url, { method: 'POST', timeout: 5000 });
const timed = ofetch.create({ baseURL: 'https://api.example.com', timeout: 3000 });
export const d = () => timed('/users', { method: 'GET' });
export const f = (url: string) => ofetch.raw(url, { signal: AbortSignal.timeout(1000) });`,
    // @elastic/elasticsearch before 9.0 timed requests out after 30 s by default: the package.json says 8.
    {
      filename: path.join(import.meta.dirname, '../fixtures/package-versions/search-v8/src/search.ts'),
      code: `import { Client } from '@elastic/elasticsearch'; export const es = new Client({ node: 'http://es:9200' });`,
      options: [{ checkTests: true }],
    },
    // Keycloak's admin client: `timeout` from 26.5.1; `requestConfig.timeout` when it was axios-based
    // (up to 21.0); either where the declared range spans 26.5.1.
    {
      filename: path.join(import.meta.dirname, '../fixtures/package-versions/keycloak-v26/src/admin.ts'),
      code: `import KcAdminClient from '@keycloak/keycloak-admin-client'; export const kc = new KcAdminClient({ baseUrl, realmName: 'app', timeout: 10_000 });`,
      options: [{ checkTests: true }],
    },
    {
      filename: path.join(import.meta.dirname, '../fixtures/package-versions/keycloak-v20/src/admin.ts'),
      code: `import KcAdminClient from '@keycloak/keycloak-admin-client'; export const kc = new KcAdminClient({ baseUrl, requestConfig: { timeout: 10_000 } });`,
      options: [{ checkTests: true }],
    },
    ...[
      `import KcAdminClient from '@keycloak/keycloak-admin-client'; export const kc = new KcAdminClient({ baseUrl, timeout: 10_000 });`,
      `import KcAdminClient from '@keycloak/keycloak-admin-client'; export const kc = new KcAdminClient({ baseUrl, requestConfig: { timeout: 10_000 } });`,
      // Configuration and token bookkeeping send nothing.
      `import KcAdminClient from '@keycloak/keycloak-admin-client'; export const kc = new KcAdminClient({ baseUrl, timeout: 10_000 }); kc.setConfig({ realmName: 'app' }); kc.setAccessToken(token);`,
    ].map(code => ({
      filename: path.join(import.meta.dirname, '../fixtures/package-versions/keycloak-span/src/admin.ts'),
      code,
      options: [{ checkTests: true }] as const,
    })),
    // An axios instance bounded by its request interceptor: its module's callers are not told of it.
    {
      filename: path.join(HELD, 'unbounded/src/controllers/billing.ts'),
      code: readFileSync(path.join(HELD, 'unbounded/src/controllers/billing.ts'), 'utf8'),
      options: [{ checkTests: true }] as const,
    },
    // Beside a BullMQ connection (not reported), calls from another module may go through it.
    {
      filename: path.join(import.meta.dirname, '../fixtures/project-redis-env/with-queue/src/use.ts'),
      code: readFileSync(
        path.join(import.meta.dirname, '../fixtures/project-redis-env/with-queue/src/use.ts'),
        'utf8',
      ),
      options: [{ checkTests: true }] as const,
    },
    // ioredis clients made from the environment with `commandTimeout`, beside a BullMQ connection.
    ...['redis.ts', 'use.ts'].map(file => ({
      filename: path.join(import.meta.dirname, '../fixtures/project-redis-env/bounded/src', file),
      code: readFileSync(
        path.join(import.meta.dirname, '../fixtures/project-redis-env/bounded/src', file),
        'utf8',
      ),
      options: [{ checkTests: true }] as const,
    })),
    // The held client is bounded: neither its direct calls nor the helper's are reported.
    ...[
      'controllers/actions.ts',
      'controllers/aliases.ts',
      'controllers/batches.ts',
      'controllers/billing.ts',
      'controllers/cache.ts',
      'controllers/getters.ts',
      'controllers/hooks.ts',
      'controllers/limits.ts',
      'controllers/partners.ts',
      'services/api.ts',
      'services/db.ts',
      'services/redis.ts',
      'services/shared-pool.ts',
      'services/tokens.ts',
    ].map(file => ({
      filename: path.join(HELD, 'bounded/src', file),
      code: readFileSync(path.join(HELD, 'bounded/src', file), 'utf8'),
      options: [{ checkTests: true }] as const,
    })),
    // Service classes whose client field is made with `commandTimeout`: nothing is reported.
    ...[
      'routes/session.ts',
      'services/session-store.ts',
      'services/rate-limiter.js',
      'services/quota.ts',
    ].map(file => ({
      filename: path.join(FIELD, 'bounded/src', file),
      code: readFileSync(path.join(FIELD, 'bounded/src', file), 'utf8'),
      options: [{ checkTests: true }] as const,
    })),
    // A project whose Keycloak service sets `timeout`, and whose axios call does: nothing is reported.
    ...[
      'handlers/update-group.ts',
      'handlers/list-roles.ts',
      'handlers/rename-group.ts',
      'workers/delete-organization.ts',
      'services/keycloak.ts',
      'services/authentication.ts',
      'auth-utils.ts',
    ].map(file => ({
      filename: path.join(KEYCLOAK, 'bounded/src', file),
      code: readFileSync(path.join(KEYCLOAK, 'bounded/src', file), 'utf8'),
      options: [{ checkTests: true }] as const,
    })),
    // node-fetch before 3.0 took `timeout` (ms) in the init: the package.json says 2.
    {
      filename: path.join(import.meta.dirname, '../fixtures/package-versions/fetch-v2/src/purge.ts'),
      code: `import fetch from 'node-fetch'; export const purge = (url: string) => fetch(url, { method: 'POST', timeout: 5000 });`,
      options: [{ checkTests: true }],
    },
    // mongodb from 4.13.0 interrupts operations in flight when its monitor loses the server: the
    // lockfile's 4.17.2 (under mongoose 6), and a declared mongoose 8 (driver 6), need no socketTimeoutMS.
    {
      filename: path.join(import.meta.dirname, '../fixtures/package-versions/mongodb-locked/src/db.ts'),
      code: `import { MongoClient } from 'mongodb'; export const client = new MongoClient(process.env.MONGO_URL as string);`,
      options: [{ checkTests: true }],
    },
    {
      filename: path.join(import.meta.dirname, '../fixtures/package-versions/mongoose-v8/src/db.ts'),
      code: `import mongoose from 'mongoose'; export const connect = () => mongoose.connect(process.env.MONGO_URL as string, { family: 4 });`,
      options: [{ checkTests: true }],
    },
    // @smithy/node-http-handler before 4.4.0 (the lockfile's 2.0.5): `requestTimeout` alone aborts an idle request.
    {
      filename: path.join(import.meta.dirname, '../fixtures/package-versions/aws-locked-npm/src/storage.ts'),
      code: `import { S3Client } from '@aws-sdk/client-s3'; export const s3 = new S3Client({ requestHandler: { connectionTimeout: 1000, requestTimeout: 5000 } });`,
      options: [{ checkTests: true }],
    },
    // The same from a yarn lockfile (4.0.3, below 4.4.0), though the declared client (^3.750.0) could take either.
    {
      filename: path.join(import.meta.dirname, '../fixtures/package-versions/aws-locked-yarn/src/storage.ts'),
      code: `import { S3Client } from '@aws-sdk/client-s3'; export const s3 = new S3Client({ requestHandler: { requestTimeout: 5000 } });`,
      options: [{ checkTests: true }],
    },
    // A client pinned below 3.723.0 (no lockfile) cannot take a 4.x handler: `requestTimeout` aborts.
    {
      filename: path.join(import.meta.dirname, '../fixtures/package-versions/aws-pinned-old/src/storage.ts'),
      code: `import { DynamoDBClient } from '@aws-sdk/client-dynamodb'; export const db = new DynamoDBClient({ requestHandler: { requestTimeout: 3000 } });`,
      options: [{ checkTests: true }],
    },
    // Sequelize on PostgreSQL with `statement_timeout` in `dialectOptions`.
    `import { Sequelize } from 'sequelize'; export const db = new Sequelize('app', 'user', 'pw', { dialect: 'postgres', dialectOptions: { statement_timeout: 10000 } });`,
    // Sequelize: the bound in a literal URL's query string (it becomes `dialectOptions`).
    `import { Sequelize } from 'sequelize'; export const db = new Sequelize('postgres://db/app?statement_timeout=5000');`,
    // Sequelize: the dialect cannot be seen (a URL from the environment).
    `import { Sequelize } from 'sequelize'; export const db = new Sequelize(process.env.DATABASE_URL);`,
    // Sequelize: MySQL has no connection-wide query timeout to ask for; SQLite is local.
    `import { Sequelize } from 'sequelize'; export const a = new Sequelize('mysql://db/app'); export const b = new Sequelize({ dialect: 'sqlite', storage: './app.db' });`,
    // ws: a socket factory handed to a client library, which opens and watches the socket.
    `import WebSocket from 'ws';
import { setMetadata } from '@acme/platform';
setMetadata('socketFactory', (url: string) => new WebSocket(url, { headers: { 'user-agent': 'svc' } }));`,
    // Sequelize: a connect hook may set a session timeout.
    `import { Sequelize } from 'sequelize'; export const db = new Sequelize(url, { dialect: 'postgres', hooks: { afterConnect: c => c.query('SET statement_timeout = 5000') } });`,
    // TypeORM on PostgreSQL with `statement_timeout` in `extra`, handed to the pg pool.
    `import { DataSource } from 'typeorm'; export const source = new DataSource({ type: 'postgres', url: process.env.DATABASE_URL, extra: { statement_timeout: 15000 } });`,
    // TypeORM: options spread from elsewhere may hold `extra`.
    `import { DataSource } from 'typeorm'; import base from './ormconfig'; export const source = new DataSource({ ...base, type: 'postgres' });`,
    // knex without a connection only builds SQL text for another client to run.
    `import knex from 'knex'; const qb = knex({ client: 'pg' }); export const sql = (id: number) => qb('users').where({ id }).toQuery();`,
    // A method of this class that overrides the inherited one is judged by its own body, not the base's;
    // a method of an abstract class reached on another object is not followed (the subclass handed in
    // may override it, as this one does).
    {
      filename: HANDLER,
      code: `import { SocialBase } from '../lib/social-base';
export class Bounded extends SocialBase {
  readonly name = 'bounded';
  override async fetch(url: string, options: RequestInit = {}) {
    return fetch(url, { ...options, signal: AbortSignal.timeout(5000) });
  }
  token() {
    return this.fetch('https://id.example.com/token', { method: 'POST' });
  }
}
export const viaOther = (provider: SocialBase) => provider.fetch('https://x.example.com', { method: 'POST' });`,
      options: [{ checkTests: true }],
    },
    // Connect: a per-call `timeoutMs`, a transport's `defaultTimeoutMs`, a transport handed in (its
    // default is not visible), a transport with interceptors, a client known only by its declared type.
    `import { createClient } from '@connectrpc/connect';
import { createGrpcTransport, createConnectTransport } from '@connectrpc/connect-node';
const users = createClient(UserService, createGrpcTransport({ baseUrl, httpVersion: '2' }));
export const get = (id: string) => users.getUser({ id }, { timeoutMs: 2000 });
const bounded = createClient(UserService, createConnectTransport({ baseUrl, httpVersion: '1.1', defaultTimeoutMs: 5000 }));
export const find = (id: string) => bounded.getUser({ id });
export const viaHanded = (transport: Transport, id: string) => createClient(UserService, transport).getUser({ id });
const intercepted = createClient(UserService, createGrpcTransport({ baseUrl, httpVersion: '2', interceptors: [deadline] }));
export const viaInterceptor = (id: string) => intercepted.getUser({ id });
export const viaDeclared = (client: Client<typeof UserService>, id: string) => client.getUser({ id });`,
    // ssh2 and node-ssh: a connection with SSH keepalives fails its commands when the server stops
    // answering; a command is judged by the connection it runs on.
    `import { Client } from 'ssh2';
import { NodeSSH } from 'node-ssh';
export function run(host: string, command: string, done: () => void) {
  const conn = new Client();
  conn.on('ready', () => conn.exec(command, done)).connect({ host, username: 'deploy', keepaliveInterval: 10_000 });
}
export async function deploy(host: string, config: ConnectConfig, ssh: NodeSSH) {
  await new NodeSSH().connect(config);
  return ssh.execCommand('docker ps');
}`,
    // A client known by its declared type, where every one the project makes is bounded, or the
    // call carries its own bound.
    {
      filename: HANDLER,
      code: `import type { Client } from '@elastic/elasticsearch';
import type { Connection, PublicKey } from '@solana/web3.js';
import pTimeout from 'p-timeout';
export class Lookup {
  constructor(private readonly es: Client, private readonly solana: Connection) {}
  find(id: string) { return this.es.get({ index: 'users', id }); }
  balance(key: PublicKey) { return pTimeout(this.solana.getBalance(key), { milliseconds: 2000 }); }
}`,
      options: [{ checkTests: true }],
    },
    // A project method that bounds its own call to the unbounded client.
    {
      filename: HANDLER,
      code: `import { SolanaChain } from '@/lib/solana-chain';
export async function slot() {
  const chain = await SolanaChain.getInstance();
  return chain.slot();
}`,
      options: [{ checkTests: true }],
    },
    // Calls into the project's functions whose requests are bounded where they are sent, where the
    // client is made, or by the init the caller passes.
    {
      filename: path.join(REQUESTS, 'src/routes/bounded.ts'),
      code: `import { BoundedApi } from '../lib/bounded-api.js';
import { RenderApi } from '../lib/render-api.js';
import { pingBounded, pingWith } from '../lib/health.js';
const render = new RenderApi('key');
export async function handle(base: string) {
  await new BoundedApi().services();
  await render.resume('srv-1');
  await pingBounded(base);
  await pingWith(base, { signal: AbortSignal.timeout(1000) });
}`,
      options: [{ checkTests: true }],
    },
    // AWS clients kept only to presign URLs send nothing: a module const and a private field.
    `import { S3Client, GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { createPresignedPost } from '@aws-sdk/s3-presigned-post';
const s3 = new S3Client({ region: 'eu-west-1' });
export const downloadUrl = (key: string) => getSignedUrl(s3, new GetObjectCommand({ Bucket: 'b', Key: key }));
export const uploadForm = (key: string) => createPresignedPost(s3, { Bucket: 'b', Key: key });
export class Storage {
  private readonly client = new S3Client({ region: 'eu-west-1' });
  uploadUrl(key: string) {
    return getSignedUrl(this.client, new PutObjectCommand({ Bucket: 'b', Key: key }), { expiresIn: 600 });
  }
}`,
    // The presigner imported under another name, and a client made by a function of the file whose
    // callers only presign with it.
    `import { S3Client, GetObjectCommand } from '@aws-sdk/client-s3';
import { getSignedUrl as presign } from '@aws-sdk/s3-request-presigner';
function makeS3Client() {
  return new S3Client({ region: process.env.REGION });
}
export async function downloadUrl(key: string) {
  const client = makeS3Client();
  return presign(client, new GetObjectCommand({ Bucket: 'b', Key: key }), { expiresIn: 160 });
}`,
    // The workspace package's function that bounds its own send; and an app that reaches the
    // package's files without depending on it (the client is not its process's).
    {
      filename: path.join(WORKSPACE, 'apps/worker/src/job.ts'),
      code: `import { readFile } from '@acme/storage';
export const load = (key: string) => readFile(key);`,
      options: [{ checkTests: true }],
    },
    {
      filename: path.join(WORKSPACE, 'apps/cli/src/upload.ts'),
      code: `import { createFile } from '../../../packages/storage/src/files';
export const upload = (key: string) => createFile(key, 'body');`,
      options: [{ checkTests: true }],
    },
    // A request handler spread in only when configured: the deadline may be there, so it is not judged.
    `import { S3Client } from '@aws-sdk/client-s3';
const timeoutMs = Number(process.env.S3_TIMEOUT_MS);
export const s3 = new S3Client({ region: 'auto', ...(timeoutMs ? { requestHandler: { socketTimeout: timeoutMs } } : {}) });`,
    // The project's only S3 client takes its options from a function of another module, and they
    // bound it: neither where it is made nor the storage class it is injected into is reported.
    ...['server.ts', 'storage.ts'].map(file => ({
      filename: path.join(WRITTEN, 'bounded/src', file),
      code: readFileSync(path.join(WRITTEN, 'bounded/src', file), 'utf8'),
      options: [{ checkTests: true }] as const,
    })),
    // Methods that reach the client only through a bounded method of their class, or through
    // themselves (a recursion that must end), and one two classes down through the bounded one.
    {
      filename: HANDLER,
      code: `import { SolanaChain } from '@/lib/solana-chain';
import type { SolanaWallet } from '@/lib/solana-wallet';
export async function slot(wallet: SolanaWallet) {
  const chain = await SolanaChain.getInstance();
  await wallet.quiet();
  return [await chain.guarded(), await chain.settle()];
}`,
      options: [{ checkTests: true }],
    },
    // A BullMQ connection: `maxRetriesPerRequest: null` is what BullMQ requires of it, and its
    // workers' commands must be able to wait.
    `import Redis from 'ioredis'; const redis = new Redis({ host, maxRetriesPerRequest: null });`,
    `import Redis from 'ioredis'; export const connection = new Redis(url, { maxRetriesPerRequest: null });`,
    // The AI SDK: a total timeout, a timed abortSignal, or the caller's signal (not judged here).
    `import { generateText, streamText } from 'ai'; export const a = (model: never) => generateText({ model, prompt: 'x', timeout: 60_000 });`,
    `import { generateText } from 'ai'; export const a = (model: never) => generateText({ model, prompt: 'x', abortSignal: AbortSignal.timeout(5000) });`,
    `import { streamText } from 'ai'; export const a = (model: never, signal: AbortSignal) => streamText({ model, prompt: 'x', abortSignal: signal });`,
  ],
  invalid: [
    {
      // The worker's queries go through the pool made here (reported here, where it is made); the
      // fetch it also sends with no deadline is this call's to report.
      filename: RECONCILE,
      code: readFileSync(RECONCILE, 'utf8'),
      options: [{ checkTests: true }],
      errors: [
        { line: 6, column: 16, endLine: 6, endColumn: 32, messageId: 'clientCannotBound' },
        { line: 8, column: 9, endLine: 8, endColumn: 23, messageId: 'projectRequestWithoutDeadline' },
      ],
    },
    {
      // The same helper called without a timeout in its own file: that call sends the bare fetch.
      filename: FETCH_TIMEOUT,
      code: `${readFileSync(FETCH_TIMEOUT, 'utf8')}export const ping = (url: string) => fetchTimeout(url);\n`,
      options: [{ checkTests: true }],
      errors: [
        {
          line: 4,
          column: 27,
          endLine: 4,
          endColumn: 32,
          messageId: 'missingDeadline',
          suggestions: [
            {
              messageId: 'suggestSignal',
              output: `${readFileSync(FETCH_TIMEOUT, 'utf8').replace('await fetch(input);', 'await fetch(input, { signal: AbortSignal.timeout(10000) });')}export const ping = (url: string) => fetchTimeout(url);\n`,
            },
          ],
        },
      ],
    },
    {
      // The same client with one command left unbounded: reported where it is made.
      code: TIMED_REDIS_CACHE.replace(
        'remove: (keys: string[]) => asyncCallWithTimeout(redis.del(...keys), 500),',
        'remove: (keys: string[]) => redis.del(...keys),',
      ),
      errors: [{ column: 21, endColumn: 26, endLine: 10, line: 10, messageId: 'missingClientDeadline' }],
    },
    (() => {
      // A `.then` continuation that answers the response the function was given: the client
      // waits, though the function's own promise is dropped.
      const code = `export function route(req: unknown, res: { json(x: unknown): void }) {
  load(res);
}
function load(res: { json(x: unknown): void }) {
  return fetch('https://api.example.com/a').then(r => res.json(r.status));
}`;
      return {
        code,
        errors: [
          {
            line: 5,
            column: 10,
            endLine: 5,
            endColumn: 15,
            messageId: 'missingDeadline' as const,
            suggestions: [
              {
                messageId: 'suggestSignal' as const,
                output: code.replace(
                  "fetch('https://api.example.com/a')",
                  "fetch('https://api.example.com/a', { signal: AbortSignal.timeout(10000) })",
                ),
              },
            ],
          },
        ],
      };
    })(),
    (() => {
      // A helper of the project that runs the work from its timer delays it; it bounds nothing.
      const code = `import { later } from '@/lib/promise-timeout';
export const names = () => later(() => fetch('https://rpc.example.com/providers'), 2000);`;
      return {
        filename: HANDLER,
        code,
        options: [{ checkTests: true }],
        errors: [
          {
            line: 2,
            column: 40,
            endLine: 2,
            endColumn: 45,
            messageId: 'missingDeadline' as const,
            suggestions: [
              {
                messageId: 'suggestSignal' as const,
                output: code.replace(
                  "fetch('https://rpc.example.com/providers')",
                  "fetch('https://rpc.example.com/providers', { signal: AbortSignal.timeout(10000) })",
                ),
              },
            ],
          },
        ],
      };
    })(),
    (() => {
      // The same in this file; and a helper that only waits (a sleep) is handed no work to bound.
      const code = `function later<T>(work: () => Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    setTimeout(() => work().then(resolve, reject), ms);
  });
}
const pause = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));
export const names = () => later(() => fetch('https://rpc.example.com/a'), 2000);
export const after = async () => { await pause(1000); return fetch('https://rpc.example.com/b'); };`;
      const signal = (url: string) => ({
        messageId: 'suggestSignal' as const,
        output: code.replace(`fetch('${url}')`, `fetch('${url}', { signal: AbortSignal.timeout(10000) })`),
      });
      return {
        code,
        errors: [
          {
            line: 7,
            column: 40,
            endLine: 7,
            endColumn: 45,
            messageId: 'missingDeadline' as const,
            suggestions: [signal('https://rpc.example.com/a')],
          },
          {
            line: 8,
            column: 62,
            endLine: 8,
            endColumn: 67,
            messageId: 'missingDeadline' as const,
            suggestions: [signal('https://rpc.example.com/b')],
          },
        ],
      };
    })(),
    (() => {
      // A `.then(…)` continuation that answers someone waits for the request, though the chain is a
      // statement: a response (\`res.json\`, \`ctx.body =\`, handed to a helper or a local
      // function), a callback, a resolver handed by name, a readiness mark. At a module's top level
      // the process waits for the chain.
      const code = `void fetch('https://api.example.com/boot').then(r => console.log(r.status)).catch(() => {});
export function route(req: unknown, res: { json(x: unknown): void }, next: (e: unknown) => void) {
  fetch('https://api.example.com/a').then(r => res.json(r.status)).catch(next);
}
export function koa(ctx: { body?: unknown }) {
  fetch('https://api.example.com/b').then(r => { ctx.body = r.status; }).catch(() => {});
}
export function legacy(done: (error: unknown, value?: unknown) => void) {
  fetch('https://api.example.com/c').then(done, done);
}
declare function send(res: unknown, body: unknown): void;
export function viaHelper(req: unknown, res: { json(x: unknown): void }) {
  const reply = (body: unknown) => res.json(body);
  fetch('https://api.example.com/d').then(r => send(res, r.status)).catch(() => {});
  fetch('https://api.example.com/e').then(reply).catch(() => {});
}
export class Flags {
  private markReady = () => {};
  load() {
    fetch('https://api.example.com/f').then(() => this.markReady());
  }
}`;
      const signal = (url: string) => ({
        messageId: 'suggestSignal' as const,
        output: code.replace(`fetch('${url}')`, `fetch('${url}', { signal: AbortSignal.timeout(10000) })`),
      });
      const at = (line: number) => ({
        line,
        column: 3,
        endLine: line,
        endColumn: 8,
        messageId: 'missingDeadline' as const,
      });
      return {
        code,
        errors: [
          {
            line: 1,
            column: 6,
            endLine: 1,
            endColumn: 11,
            messageId: 'missingDeadline' as const,
            suggestions: [signal('https://api.example.com/boot')],
          },
          { ...at(3), suggestions: [signal('https://api.example.com/a')] },
          { ...at(6), suggestions: [signal('https://api.example.com/b')] },
          { ...at(9), suggestions: [signal('https://api.example.com/c')] },
          { ...at(14), suggestions: [signal('https://api.example.com/d')] },
          { ...at(15), suggestions: [signal('https://api.example.com/e')] },
          {
            line: 20,
            column: 5,
            endLine: 20,
            endColumn: 10,
            messageId: 'missingDeadline' as const,
            suggestions: [signal('https://api.example.com/f')],
          },
        ],
      };
    })(),
    (() => {
      // A field default the constructor (or a method) may replace is not a URL fixed to this
      // machine: an SDK client made with `new Sdk({ base })` sends where it is told.
      const code = `export class Sdk {
  private base = 'http://localhost:3000';
  constructor(options?: { base?: string }) { if (options?.base) this.base = options.base; }
  async users() { return (await fetch(\`\${this.base}/users\`)).json(); }
}`;
      return {
        code,
        errors: [
          {
            line: 4,
            messageId: 'missingDeadline' as const,
            suggestions: [
              {
                messageId: 'suggestSignal' as const,
                output: code.replace(
                  'fetch(`${this.base}/users`)',
                  'fetch(`${this.base}/users`, { signal: AbortSignal.timeout(10000) })',
                ),
              },
            ],
          },
        ],
      };
    })(),
    (() => {
      // An instance made with a loopback base: a path goes to this machine; an absolute URL does not.
      const code = `import axios from 'axios';
const api = axios.create({ baseURL: 'http://127.0.0.1:8080/api' });
export const me = () => api.get('/users/me');
export const remote = () => api.get('https://billing.example.com/v1/invoices');`;
      return {
        code,
        errors: [
          {
            line: 4,
            column: 29,
            endLine: 4,
            endColumn: 36,
            messageId: 'missingDeadline' as const,
            suggestions: [
              {
                messageId: 'suggestTimeout' as const,
                output: code.replace(
                  "api.get('https://billing.example.com/v1/invoices')",
                  "api.get('https://billing.example.com/v1/invoices', { timeout: 10000 })",
                ),
              },
            ],
          },
        ],
      };
    })(),
    (() => {
      // Tasks handed to helpers of the class that call them, started with \`void\`: the pool that
      // keeps count of what runs waits for its task (a hung one holds the slot); the retry helper's
      // caller drops its promise, so nobody waits for the refresh.
      const code = `export class WorkspaceWorker {
  private running = 0;
  async exec(op: () => Promise<void>): Promise<void> {
    this.running++;
    await op().finally(() => {
      this.running--;
    });
  }
  async retry(op: () => Promise<void>): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await op();
      } catch (error) {
        if (attempt >= 3) throw error;
      }
    }
  }
  start(ids: string[]): void {
    for (const id of ids) {
      void this.exec(async () => {
        await this.notify(id);
      });
      void this.retry(async () => {
        await this.refresh(id);
      });
    }
  }
  private async notify(id: string): Promise<void> {
    await fetch(\`https://transactor.internal/manage/\${id}\`, { method: 'PUT' });
  }
  private async refresh(id: string): Promise<void> {
    await fetch(\`https://cache.internal/refresh/\${id}\`, { method: 'POST' });
  }
}`;
      return {
        code,
        errors: [
          {
            line: 29,
            column: 11,
            endLine: 29,
            endColumn: 16,
            messageId: 'missingDeadline' as const,
            suggestions: [
              {
                messageId: 'suggestSignal' as const,
                output: code.replace(
                  "{ method: 'PUT' }",
                  "{ signal: AbortSignal.timeout(10000), method: 'PUT' }",
                ),
              },
            ],
          },
        ],
      };
    })(),
    (() => {
      // The same executor, and a caller that waits for its promise.
      const code = `import axios from 'axios';
function remove(name) {
  return new Promise((resolve, reject) => {
    axios.delete('https://gw.internal/functions', { data: { name } }).then(() => resolve()).catch(reject);
  });
}
export async function cleanup(name) {
  await remove(name);
}`;
      return {
        code,
        errors: [
          {
            line: 4,
            column: 5,
            endLine: 4,
            endColumn: 17,
            messageId: 'missingDeadline' as const,
            suggestions: [
              {
                messageId: 'suggestTimeout' as const,
                output: code.replace('{ data: { name } }', '{ timeout: 10000, data: { name } }'),
              },
            ],
          },
        ],
      };
    })(),
    // Not fixed to this machine: the environment may name any host; a sidecar proxy's API forwards
    // to other services; hosts that only begin like a loopback one.
    ...[
      "process.env.API_URL ?? 'http://localhost:3000'",
      "'http://localhost:3500/v1.0/invoke/orders/method/new'",
      '`http://127.0.0.1:${port}/v1.0/state/cart`',
      "'http://localhost.example.com/health'",
      "'http://127.0.0.1.nip.io/health'",
      "'http://10.0.0.1:8080/health'",
      "base + '/health'",
    ].map(url => {
      const code = `declare const port: number; declare const base: string;
export const check = () => fetch(${url});`;
      return {
        code,
        errors: [
          {
            line: 2,
            column: 28,
            endLine: 2,
            endColumn: 33,
            messageId: 'missingDeadline' as const,
            suggestions: [
              {
                messageId: 'suggestSignal' as const,
                output: code.replace(
                  `fetch(${url})`,
                  `fetch(${url}, { signal: AbortSignal.timeout(10000) })`,
                ),
              },
            ],
          },
        ],
      };
    }),
    {
      // Options held in a const whose base is not this machine.
      code: `import axios from 'axios';
const REMOTE = 'https://api.example.com/app';
export async function batch(requests: unknown[]) {
  const parseConfig = { baseURL: REMOTE, headers: { 'X-App': 'app' } };
  return axios.post('batch', { requests }, parseConfig);
}`,
      errors: [{ line: 5, column: 10, endLine: 5, endColumn: 20, messageId: 'missingDeadline' }],
    },
    {
      // \`read().finally(() => loop())\`: the next round of the loop waits for this read to settle.
      code: `export class Reader {
  private shouldRun = true;
  private async readQueue() {
    await fetch('https://queue.internal/next');
  }
  start() {
    let loop: () => void;
    loop = () => {
      if (!this.shouldRun) return;
      this.readQueue().finally(() => loop());
    };
    loop();
  }
}`,
      errors: [
        {
          line: 4,
          column: 11,
          endLine: 4,
          endColumn: 16,
          messageId: 'missingDeadline',
          suggestions: [
            {
              messageId: 'suggestSignal',
              output: `export class Reader {
  private shouldRun = true;
  private async readQueue() {
    await fetch('https://queue.internal/next', { signal: AbortSignal.timeout(10000) });
  }
  start() {
    let loop: () => void;
    loop = () => {
      if (!this.shouldRun) return;
      this.readQueue().finally(() => loop());
    };
    loop();
  }
}`,
            },
          ],
        },
      ],
    },
    {
      // Called with \`void\`, but its namespace is handed on whole: callers elsewhere may wait.
      filename: path.join(CALLERS, 'escape.ts'),
      code: readFileSync(path.join(CALLERS, 'escape.ts'), 'utf8'),
      options: [{ checkTests: true }],
      errors: [
        {
          line: 4,
          column: 9,
          endLine: 4,
          endColumn: 14,
          messageId: 'missingDeadline',
          suggestions: [
            {
              messageId: 'suggestSignal',
              output: readFileSync(path.join(CALLERS, 'escape.ts'), 'utf8').replace(
                "{ method: 'POST' }",
                "{ signal: AbortSignal.timeout(10000), method: 'POST' }",
              ),
            },
          ],
        },
      ],
    },
    {
      // Across files, nobody waits for `importFollow`: its one caller is a module-private function
      // whose calls feed an `allSettled` a timer drops. An exported function awaits `importPost`.
      filename: path.join(CALLERS, 'imports.ts'),
      code: readFileSync(path.join(CALLERS, 'imports.ts'), 'utf8'),
      options: [{ checkTests: true }],
      errors: [
        {
          line: 8,
          column: 9,
          endLine: 8,
          endColumn: 14,
          messageId: 'missingDeadline',
          suggestions: [
            {
              messageId: 'suggestSignal',
              output: readFileSync(path.join(CALLERS, 'imports.ts'), 'utf8').replace(
                "{ method: 'PUT' }",
                "{ signal: AbortSignal.timeout(10000), method: 'PUT' }",
              ),
            },
          ],
        },
      ],
    },
    {
      // Awaited by a caller in another module of the package.
      filename: path.join(CALLERS, 'refresh.ts'),
      code: readFileSync(path.join(CALLERS, 'refresh.ts'), 'utf8'),
      options: [{ checkTests: true }],
      errors: [
        {
          line: 3,
          column: 9,
          endLine: 3,
          endColumn: 14,
          messageId: 'missingDeadline',
          suggestions: [
            {
              messageId: 'suggestSignal',
              output: readFileSync(path.join(CALLERS, 'refresh.ts'), 'utf8').replace(
                "{ method: 'POST' }",
                "{ signal: AbortSignal.timeout(10000), method: 'POST' }",
              ),
            },
          ],
        },
      ],
    },
    {
      // A public method called only as \`void this.send(…)\` and named nowhere else is left alone,
      // and so is one whose name another module only declares and calls with \`void\`; one whose
      // name another module calls is not.
      filename: path.join(CALLERS, 'speaker.ts'),
      code: readFileSync(path.join(CALLERS, 'speaker.ts'), 'utf8'),
      options: [{ checkTests: true }],
      errors: [
        {
          line: 14,
          column: 11,
          endLine: 14,
          endColumn: 16,
          messageId: 'missingDeadline',
          suggestions: [
            {
              messageId: 'suggestSignal',
              output: readFileSync(path.join(CALLERS, 'speaker.ts'), 'utf8').replace(
                "'https://platform.internal/cache', { method: 'POST' }",
                "'https://platform.internal/cache', { signal: AbortSignal.timeout(10000), method: 'POST' }",
              ),
            },
          ],
        },
      ],
    },
    {
      // NestJS event listeners: the one whose event the package only \`emit\`s (EventEmitter2
      // returns at once) holds nobody up; the one whose event an awaited \`emitAsync\` sends does.
      filename: path.join(CALLERS, 'listeners.ts'),
      code: readFileSync(path.join(CALLERS, 'listeners.ts'), 'utf8'),
      options: [{ checkTests: true }],
      errors: [
        {
          line: 14,
          column: 11,
          endLine: 14,
          endColumn: 16,
          messageId: 'missingDeadline',
          suggestions: [
            {
              messageId: 'suggestSignal',
              output: readFileSync(path.join(CALLERS, 'listeners.ts'), 'utf8').replace(
                "{ method: 'DELETE' }",
                "{ signal: AbortSignal.timeout(10000), method: 'DELETE' }",
              ),
            },
          ],
        },
        // A listener of an event named by a constant, and one of a wildcard: either may be awaited.
        ...[
          [24, '`https://ledger.example/orders/${order.id}`'],
          [29, '`https://ledger.example/audit/${order.id}`'],
        ].map(([line, url]) => ({
          line: line as number,
          column: 11,
          endLine: line as number,
          endColumn: 16,
          messageId: 'missingDeadline' as const,
          suggestions: [
            {
              messageId: 'suggestSignal' as const,
              output: readFileSync(path.join(CALLERS, 'listeners.ts'), 'utf8').replace(
                `${url as string}, { method: 'POST' }`,
                `${url as string}, { signal: AbortSignal.timeout(10000), method: 'POST' }`,
              ),
            },
          ],
        })),
      ],
    },
    {
      // A configuration's NODE_ENV: its production branch, and an environment that is not named
      // as development or test (staging runs production traffic's code).
      code: `import { Environment } from './config';
declare const config: { NODE_ENV: Environment };
export async function load(url: string) {
  if (config.NODE_ENV === Environment.Production) await fetch(url);
  if (config.NODE_ENV !== Environment.Staging) await fetch(url);
}`,
      errors: [
        {
          line: 4,
          column: 57,
          endLine: 4,
          endColumn: 62,
          messageId: 'missingDeadline',
          suggestions: [
            {
              messageId: 'suggestSignal',
              output: `import { Environment } from './config';
declare const config: { NODE_ENV: Environment };
export async function load(url: string) {
  if (config.NODE_ENV === Environment.Production) await fetch(url, { signal: AbortSignal.timeout(10000) });
  if (config.NODE_ENV !== Environment.Staging) await fetch(url);
}`,
            },
          ],
        },
        {
          line: 5,
          column: 54,
          endLine: 5,
          endColumn: 59,
          messageId: 'missingDeadline',
          suggestions: [
            {
              messageId: 'suggestSignal',
              output: `import { Environment } from './config';
declare const config: { NODE_ENV: Environment };
export async function load(url: string) {
  if (config.NODE_ENV === Environment.Production) await fetch(url);
  if (config.NODE_ENV !== Environment.Staging) await fetch(url, { signal: AbortSignal.timeout(10000) });
}`,
            },
          ],
        },
      ],
    },
    {
      // Production code: the production branch, and a check that is not about NODE_ENV.
      code: `export async function load(url: string) {
  if (process.env.NODE_ENV === 'production') await fetch(url);
  if (process.env.APP_ENV === 'development') await fetch(url);
}`,
      errors: [
        {
          line: 2,
          column: 52,
          endLine: 2,
          endColumn: 57,
          messageId: 'missingDeadline',
          suggestions: [
            {
              messageId: 'suggestSignal',
              output: `export async function load(url: string) {
  if (process.env.NODE_ENV === 'production') await fetch(url, { signal: AbortSignal.timeout(10000) });
  if (process.env.APP_ENV === 'development') await fetch(url);
}`,
            },
          ],
        },
        {
          line: 3,
          column: 52,
          endLine: 3,
          endColumn: 57,
          messageId: 'missingDeadline',
          suggestions: [
            {
              messageId: 'suggestSignal',
              output: `export async function load(url: string) {
  if (process.env.NODE_ENV === 'production') await fetch(url);
  if (process.env.APP_ENV === 'development') await fetch(url, { signal: AbortSignal.timeout(10000) });
}`,
            },
          ],
        },
      ],
    },
    {
      // A timer in a Promise's executor can settle that promise with what its callback waits for:
      // whoever awaits the promise waits for the request.
      code: `export const later = (url: string) =>
  new Promise(resolve => setTimeout(async () => resolve(await fetch(url)), 1000));`,
      errors: [
        {
          line: 2,
          column: 63,
          endLine: 2,
          endColumn: 68,
          messageId: 'missingDeadline',
          suggestions: [
            {
              messageId: 'suggestSignal',
              output: `export const later = (url: string) =>
  new Promise(resolve => setTimeout(async () => resolve(await fetch(url, { signal: AbortSignal.timeout(10000) })), 1000));`,
            },
          ],
        },
      ],
    },
    {
      // Something else waits for the method too: a timer is not its only user.
      code: `export class Reader {
  start() {
    setInterval(this.trim.bind(this), 60_000);
  }
  async stop() {
    await this.trim();
  }
  private async trim() {
    await fetch('https://api.example.com/trim', { method: 'POST' });
  }
}`,
      errors: [
        {
          line: 9,
          column: 11,
          endLine: 9,
          endColumn: 16,
          messageId: 'missingDeadline',
          suggestions: [
            {
              messageId: 'suggestSignal',
              output: `export class Reader {
  start() {
    setInterval(this.trim.bind(this), 60_000);
  }
  async stop() {
    await this.trim();
  }
  private async trim() {
    await fetch('https://api.example.com/trim', { signal: AbortSignal.timeout(10000), method: 'POST' });
  }
}`,
            },
          ],
        },
      ],
    },
    {
      // A gRPC stub typed with a generated interface (\`ISyncingClient\`): the grpc-js Metadata it is
      // handed says it is a gRPC call; without call options it has no deadline.
      code: `import { Metadata } from '@grpc/grpc-js';
import type { ISyncingClient } from '@acme/grpc';
export class SyncProxy {
  constructor(private readonly syncingClient: ISyncingClient) {}
  sync(request: object, onReply: () => void) {
    const metadata = new Metadata();
    this.syncingClient.syncItems(request, metadata, onReply);
    this.syncingClient.syncItems(request, metadata, { deadline: Date.now() + 5000 }, onReply);
    this.syncingClient.syncItems(request, { user: 'u' }, onReply);
  }
}`,
      errors: [{ line: 7, column: 5, endLine: 7, endColumn: 33, messageId: 'missingDeadline' }],
    },
    {
      // A server module that drives a browser: the function handed to \`page.evaluate\` runs in the
      // page, the module on the server.
      code: `import axios from 'axios';
export async function enrich(page: { evaluate<T>(fn: () => T): Promise<T> }, url: string) {
  const title = await page.evaluate(() => document.title);
  return axios.post(url, { title });
}`,
      errors: [
        {
          line: 4,
          column: 10,
          endLine: 4,
          endColumn: 20,
          messageId: 'missingDeadline',
          suggestions: [
            {
              messageId: 'suggestTimeout',
              output: `import axios from 'axios';
export async function enrich(page: { evaluate<T>(fn: () => T): Promise<T> }, url: string) {
  const title = await page.evaluate(() => document.title);
  return axios.post(url, { title }, { timeout: 10000 });
}`,
            },
          ],
        },
      ],
    },
    {
      // Isomorphic code that only asks whether a page exists, a type import of React, and React's
      // \`cache\` (a server component's helper) are no sign of browser code.
      code: `import type { useState } from 'react';
import { cache } from 'react';
export type State = ReturnType<typeof useState>;
export const load = cache(async (id: string) => {
  if (typeof document !== 'undefined') return null;
  const res = await fetch('https://api.example.com/items/' + id);
  return res.json();
});`,
      errors: [
        {
          column: 21,
          endColumn: 26,
          endLine: 6,
          line: 6,
          messageId: 'missingDeadline',
          suggestions: [
            {
              messageId: 'suggestSignal',
              output: `import type { useState } from 'react';
import { cache } from 'react';
export type State = ReturnType<typeof useState>;
export const load = cache(async (id: string) => {
  if (typeof document !== 'undefined') return null;
  const res = await fetch('https://api.example.com/items/' + id, { signal: AbortSignal.timeout(10000) });
  return res.json();
});`,
            },
          ],
        },
      ],
    },
    {
      // An async IIFE nothing races (awaited as it is), or raced against another request.
      code: `import { generateText } from 'ai';
export async function init(model: never, other: Promise<unknown>) {
  const work = (async () => {
    await generateText({ model, prompt: 'x' });
  })();
  await work;
  const raced = (async () => generateText({ model, prompt: 'y' }))();
  await Promise.race([raced, other]);
}`,
      errors: [
        { column: 11, endColumn: 23, endLine: 4, line: 4, messageId: 'missingDeadline' },
        { column: 30, endColumn: 42, endLine: 7, line: 7, messageId: 'missingDeadline' },
      ],
    },
    {
      // Something waits for these: a continuation of the answer, and a listener on the request a
      // client that answers through events returns (node:http).
      code: `import { generateText } from 'ai';
import https from 'node:https';
export function boot(model: never, save: (text: unknown) => void, url: string) {
  void generateText({ model, prompt: 'x' }).then(save);
  https.get(url).on('response', save);
}`,
      errors: [
        { column: 8, endColumn: 20, endLine: 4, line: 4, messageId: 'missingDeadline' },
        { column: 3, endColumn: 12, endLine: 5, line: 5, messageId: 'missingDeadline' },
      ],
    },
    {
      // Something waits for these functions: an IIFE awaited, a private method awaited once, a
      // function exported, a map handed to an awaited Promise.all.
      code: `import { generateText } from 'ai';
export async function boot(model: never, ids: string[]) {
  await (async () => {
    await generateText({ model, prompt: 'a' });
  })();
  await Promise.all(ids.map(async id => generateText({ model, prompt: id })));
}
export class Summaries {
  constructor(private readonly model: never) {
    this.#warm().catch(() => undefined);
  }
  async load() {
    return this.#warm();
  }
  async #warm() {
    return generateText({ model: this.model, prompt: 'w' });
  }
}
export async function refresh(model: never) {
  await generateText({ model, prompt: 'r' });
}
void refresh(0 as never);`,
      errors: [
        { column: 11, endColumn: 23, endLine: 4, line: 4, messageId: 'missingDeadline' },
        { column: 41, endColumn: 53, endLine: 6, line: 6, messageId: 'missingDeadline' },
        { column: 12, endColumn: 24, endLine: 16, line: 16, messageId: 'missingDeadline' },
        { column: 9, endColumn: 21, endLine: 20, line: 20, messageId: 'missingDeadline' },
      ],
    },
    {
      // Started at a module's top level (a script's main, an IIFE, a forEach): the process, and
      // whoever runs it, waits for it.
      code: `import { generateText } from 'ai';
async function main(model: never) {
  console.log(await generateText({ model, prompt: 'm' }));
}
main(0 as never).catch(error => {
  console.error(error);
  process.exit(1);
});
(async () => {
  await generateText({ model: 0 as never, prompt: 'i' });
})();
['a', 'b'].forEach(async prompt => {
  await generateText({ model: 0 as never, prompt });
});
generateText({ model: 0 as never, prompt: 's' });`,
      errors: [
        { column: 21, endColumn: 33, endLine: 3, line: 3, messageId: 'missingDeadline' },
        { column: 9, endColumn: 21, endLine: 10, line: 10, messageId: 'missingDeadline' },
        { column: 9, endColumn: 21, endLine: 13, line: 13, messageId: 'missingDeadline' },
        { column: 1, endColumn: 13, endLine: 15, line: 15, messageId: 'missingDeadline' },
      ],
    },
    {
      // A statement that hands the call a callback: the callback waits for the answer.
      code: `import { generateText } from 'ai';
async function summarize(model: never, done: (text: unknown) => void) {
  done(await generateText({ model, prompt: 's' }));
}
export function run(model: never) {
  summarize(model, text => console.log(text));
}`,
      errors: [{ column: 14, endColumn: 26, endLine: 3, line: 3, messageId: 'missingDeadline' }],
    },
    {
      // The AI SDK with no deadline, and with a timeout between stream chunks only.
      code: `import { generateText, embed } from 'ai';
export const a = (model: never) => generateText({ model, prompt: 'x' });
export const b = (model: never) => embed({ model, value: 'x', timeout: { chunkMs: 100 } });`,
      errors: [
        { column: 36, endColumn: 48, endLine: 2, line: 2, messageId: 'missingDeadline' },
        { column: 36, endColumn: 41, endLine: 3, line: 3, messageId: 'missingDeadline' },
      ],
    },
    // A wrapper whose other request takes nothing from its caller is unbounded in itself: reported there, not at each call.
    {
      code: `export async function fetchStatus(url: string, options?: { timeout?: number }) {
  if (options?.timeout) return fetch(url, { signal: AbortSignal.timeout(options.timeout) });
  return fetch(url, { method: 'GET' });
}
export const a = () => fetchStatus('https://status.example.com');`,
      errors: [
        {
          line: 3,
          column: 10,
          endLine: 3,
          endColumn: 15,
          messageId: 'missingDeadline',
          suggestions: [
            {
              messageId: 'suggestSignal',
              output: `export async function fetchStatus(url: string, options?: { timeout?: number }) {
  if (options?.timeout) return fetch(url, { signal: AbortSignal.timeout(options.timeout) });
  return fetch(url, { signal: AbortSignal.timeout(10000), method: 'GET' });
}
export const a = () => fetchStatus('https://status.example.com');`,
            },
          ],
        },
      ],
    },
    // A wrapper that bounds its request only when the caller passes `timeout` (a `signal` in the options also goes through).
    {
      code: `export async function fetchWithOptionalTimeout(url: string, options?: RequestInit & { timeout?: number }) {
  if (options?.timeout) {
    const { timeout, ...rest } = options;
    return fetch(url, { ...rest, signal: AbortSignal.timeout(timeout) });
  }
  return fetch(url, { ...options });
}
export const a = () => fetchWithOptionalTimeout('https://a.example.com');
export const b = () => fetchWithOptionalTimeout('https://b.example.com', { headers: {} });
export const c = () => fetchWithOptionalTimeout('https://c.example.com', { timeout: 1000 });
export const d = (signal: AbortSignal) => fetchWithOptionalTimeout('https://d.example.com', { signal });`,
      errors: [
        { line: 8, column: 24, endLine: 8, endColumn: 48, messageId: 'wrapperWithoutDeadline' },
        { line: 9, column: 24, endLine: 9, endColumn: 48, messageId: 'wrapperWithoutDeadline' },
      ],
    },
    // Options from a local function that returns one literal without a deadline, as a whole or spread.
    {
      code: `const getOptions = () => ({ headers: { Authorization: 'Bearer x' } });
function jsonOptions(body: unknown) {
  return { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
}
export const a = (id: string) => fetch('https://api.dub.co/links/' + id, getOptions());
export const c = (body: unknown) => fetch('https://api.dub.co/links', jsonOptions(body));`,
      errors: [
        { line: 5, column: 34, endLine: 5, endColumn: 39, messageId: 'missingDeadline' },
        { line: 6, column: 37, endLine: 6, endColumn: 42, messageId: 'missingDeadline' },
      ],
    },
    // A callee chosen between http and https is node:http either way.
    {
      code: `import http from 'node:http';
import https from 'node:https';
export function proxy(url: URL, secure: boolean) {
  const req = (secure ? https : http).request(url, res => res.resume());
  req.end();
}`,
      errors: [{ line: 4, column: 15, endLine: 4, endColumn: 46, messageId: 'missingDeadline' }],
    },
    // A request wrapper of another module, bounded only by the timeout its caller gives, called without one.
    {
      filename: HANDLER,
      code: `import { fetchJson } from '@/lib/http';
export const load = (id: string) => fetchJson('https://users.internal/users/' + id, { headers: { accept: 'application/json' } });`,
      options: [{ checkTests: true }],
      errors: [
        {
          line: 2,
          column: 37,
          endLine: 2,
          endColumn: 46,
          messageId: 'wrapperWithoutDeadline',
          data: { callee: 'fetchJson', key: 'timeout', request: 'fetch', where: '../lib/http.ts:24' },
        },
      ],
    },
    // A method inherited from a base class of the project (two levels up, in another module) that
    // hands the caller's init to fetch as it is: bounded only when the caller's init has a signal.
    {
      filename: HANDLER,
      code: `import { OAuthBase } from '../lib/social-base';
export class KickProvider extends OAuthBase {
  readonly name = 'kick';
  readonly scopes = ['chat:write'];
  token(code: string) {
    return this.fetch('https://id.kick.com/oauth/token', { method: 'POST', body: code });
  }
  chat(text: string, signal: AbortSignal) {
    return this.fetch('https://api.kick.com/public/v1/chat', { method: 'POST', body: text, signal });
  }
  user(init: RequestInit) {
    return this.fetch('https://api.kick.com/public/v1/users', init);
  }
}`,
      options: [{ checkTests: true }],
      errors: [
        {
          line: 6,
          column: 12,
          endLine: 6,
          endColumn: 22,
          messageId: 'wrapperWithoutDeadline',
          data: { callee: 'this.fetch', key: 'signal', request: 'fetch', where: '../lib/social-base.ts:8' },
        },
      ],
    },
    // A wrapper that hands its init on as it is, in one file; one that adds a timeout beside it is bounded.
    {
      code: `async function api(path: string, init?: RequestInit) {
  return fetch('https://api.example.com' + path, init);
}
async function timed(path: string, init: RequestInit = {}) {
  return fetch('https://api.example.com' + path, { ...init, signal: AbortSignal.timeout(5000) });
}
export const a = () => api('/a');
export const b = () => api('/b', { method: 'DELETE' });
export const c = (signal: AbortSignal) => api('/c', { signal });
export const d = () => timed('/d', { method: 'DELETE' });`,
      errors: [
        {
          line: 7,
          column: 24,
          endLine: 7,
          endColumn: 27,
          messageId: 'wrapperWithoutDeadline',
          data: { callee: 'api', key: 'signal', request: 'fetch', where: 'line 2' },
        },
        {
          line: 8,
          column: 24,
          endLine: 8,
          endColumn: 27,
          messageId: 'wrapperWithoutDeadline',
          data: { callee: 'api', key: 'signal', request: 'fetch', where: 'line 2' },
        },
      ],
    },
    // A wrapper that hands its caller's init on through locals (a rest of the options, a copy with
    // headers, a helper that adds TLS): a call without a signal is reported, one with a signal is not.
    {
      code: `declare function withTls(init: RequestInit): RequestInit;
export async function httpFetch(url: string, options?: RequestInit & { userAgent?: string }) {
  const { userAgent, ...requestInit } = options ?? {};
  const fetchOptions: RequestInit = withTls({ ...requestInit, headers: { 'user-agent': userAgent ?? 'x' } });
  return await fetch(url, fetchOptions);
}
export const put = () => httpFetch('https://persist.internal/r', { method: 'PUT' });
export const get = (signal: AbortSignal) => httpFetch('https://persist.internal/s', { signal });`,
      errors: [
        {
          line: 7,
          column: 26,
          endLine: 7,
          endColumn: 35,
          messageId: 'wrapperWithoutDeadline',
          data: { callee: 'httpFetch', key: 'signal', request: 'fetch', where: 'line 5' },
        },
      ],
    },
    // The same in one file, with the caller's signal as the only deadline: the wrapper is not
    // exported, so every caller is here, and none gives one; the request itself is unbounded.
    {
      code: `async function fetchWithSignal(url: string, signal?: AbortSignal) { return fetch(url, { signal }); }
export const load = () => fetchWithSignal('https://d.example.com');
export const reload = () => fetchWithSignal('https://d.example.com');`,
      errors: [
        {
          line: 1,
          column: 76,
          endLine: 1,
          endColumn: 81,
          messageId: 'wrapperNeverBounded',
          data: {
            request: 'fetch',
            key: 'signal',
            callee: 'fetchWithSignal',
            count: '2',
            bound: FETCH_BOUND,
          },
        },
      ],
    },
    // Exported, it may be given a signal elsewhere: each call here that gives none is reported.
    {
      code: `export async function fetchWithSignal(url: string, signal?: AbortSignal) { return fetch(url, { signal }); }
export const load = () => fetchWithSignal('https://d.example.com');`,
      errors: [
        {
          line: 2,
          column: 27,
          endLine: 2,
          endColumn: 42,
          messageId: 'wrapperWithoutDeadline',
          data: { callee: 'fetchWithSignal', key: 'signal', request: 'fetch', where: 'line 1' },
        },
      ],
    },
    // A private method that hands its init on, called only without a signal (its retry passes the init on).
    {
      code: `export class HttpClient {
  async get(url: string) {
    return this.doFetch(url);
  }
  async post(url: string, body: unknown) {
    return this.doFetch(url, { method: 'POST', body: JSON.stringify(body) });
  }
  private async doFetch(url: string, options: RequestInit = {}, attempt = 0): Promise<Response> {
    const response = await fetch('https://api.example.com' + url, { ...options, headers: { accept: 'application/json' } });
    if (response.status === 503 && attempt < 1) return this.doFetch(url, options, attempt + 1);
    return response;
  }
}`,
      errors: [
        {
          line: 9,
          column: 28,
          endLine: 9,
          endColumn: 33,
          messageId: 'wrapperNeverBounded',
          data: { request: 'fetch', key: 'signal', callee: 'this.doFetch', count: '2', bound: FETCH_BOUND },
        },
      ],
    },
    // Nuxt's and Nitro's global \`$fetch\` (ofetch), used without an import; a route of the server
    // itself (\`$fetch('/api/session')\`) is called without a request and is not reported.
    {
      code: `export default defineEventHandler(async () => {
  await $fetch('/api/session');
  return $fetch('https://api.github.com/user', { headers: { accept: 'application/json' } });
});`,
      errors: [
        { line: 3, column: 10, endLine: 3, endColumn: 16, messageId: 'missingDeadline', suggestions: [] },
      ],
    },
    // An SDK client made with the handler a field of its class is given once, in the constructor:
    // judged by that handler's options.
    {
      code: `import { STSClient, GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { NodeHttpHandler } from '@smithy/node-http-handler';
export class Credentials {
  private requestHandler?: NodeHttpHandler;
  constructor(proxy?: string) {
    if (proxy) this.requestHandler = new NodeHttpHandler({ connectionTimeout: 1000 });
  }
  whoami() {
    return new STSClient({ requestHandler: this.requestHandler }).send(new GetCallerIdentityCommand({}));
  }
}`,
      errors: [
        {
          line: 9,
          column: 16,
          endLine: 9,
          endColumn: 25,
          messageId: 'missingClientDeadline',
          suggestions: [],
        },
      ],
    },
    // Other modules that export the runtime's fetch: node-fetch-native, @whatwg-node/fetch.
    {
      code: `import nativeFetch from 'node-fetch-native';
import { fetch } from '@whatwg-node/fetch';
export const a = () => nativeFetch('https://status.example.com/ping');
export const b = () => fetch('https://status.example.com/ping', { method: 'HEAD' });`,
      errors: [
        {
          line: 3,
          column: 24,
          endLine: 3,
          endColumn: 35,
          messageId: 'missingDeadline',
          suggestions: [
            {
              messageId: 'suggestSignal',
              output: `import nativeFetch from 'node-fetch-native';
import { fetch } from '@whatwg-node/fetch';
export const a = () => nativeFetch('https://status.example.com/ping', { signal: AbortSignal.timeout(10000) });
export const b = () => fetch('https://status.example.com/ping', { method: 'HEAD' });`,
            },
          ],
        },
        {
          line: 4,
          column: 24,
          endLine: 4,
          endColumn: 29,
          messageId: 'missingDeadline',
          suggestions: [
            {
              messageId: 'suggestSignal',
              output: `import nativeFetch from 'node-fetch-native';
import { fetch } from '@whatwg-node/fetch';
export const a = () => nativeFetch('https://status.example.com/ping');
export const b = () => fetch('https://status.example.com/ping', { signal: AbortSignal.timeout(10000), method: 'HEAD' });`,
            },
          ],
        },
      ],
    },
    // Started at another module's top level with only a \`.catch\` (\`run().catch(…)\` in an entry
    // module): the process, and whoever runs it, waits for it.
    {
      filename: path.join(CALLERS, 'action.ts'),
      code: readFileSync(path.join(CALLERS, 'action.ts'), 'utf8'),
      options: [{ checkTests: true }],
      errors: [
        {
          line: 4,
          column: 26,
          endLine: 4,
          endColumn: 31,
          messageId: 'missingDeadline',
          suggestions: [
            {
              messageId: 'suggestSignal',
              output: readFileSync(path.join(CALLERS, 'action.ts'), 'utf8').replace(
                "fetch('https://get.example.com/latest-version')",
                "fetch('https://get.example.com/latest-version', { signal: AbortSignal.timeout(10000) })",
              ),
            },
          ],
        },
      ],
    },
    // An 'abort' listener of a caller's signal destroys the request, but nothing says the signal is ever aborted.
    {
      code: `import https from 'node:https';
export function open(url: string, signal: AbortSignal) {
  const req = https.request(url, res => res.resume());
  signal.addEventListener('abort', () => req.destroy());
  req.end();
}`,
      errors: [
        { line: 3, column: 15, endLine: 3, endColumn: 28, messageId: 'missingDeadline', suggestions: [] },
      ],
    },
    // A helper that hands its caller's config on to axios' default instance, called only here and
    // never with a timeout or a signal: the request itself is unbounded.
    {
      code: `import axios, { type AxiosRequestConfig } from 'axios';
async function download(url: string, options: AxiosRequestConfig = {}) {
  return (await axios.get(url, { ...options, responseType: 'stream' })).data;
}
export const install = (url: string) => download(url, { headers: { accept: 'application/gzip' } });`,
      errors: [
        {
          line: 3,
          column: 17,
          endLine: 3,
          endColumn: 26,
          messageId: 'wrapperNeverBounded',
          data: { request: 'axios.get', key: 'timeout', callee: 'download', count: '1', bound: AXIOS_BOUND },
        },
      ],
    },
    // The same helper exported: each call here that gives neither is reported; one with a signal is not.
    {
      filename: path.join(PROJECTS, 'without-bootstrap/src/uploads.ts'),
      code: `import axios, { type AxiosRequestConfig } from 'axios';
export async function uploadFile(url: string, body: Buffer, options: AxiosRequestConfig = {}) {
  return axios.put(url, body, { ...options });
}
export const sync = (body: Buffer) => uploadFile('https://files.example.com/a', body);
export const syncNow = (body: Buffer, signal: AbortSignal) => uploadFile('https://files.example.com/b', body, { signal });`,
      options: [{ checkTests: true }],
      errors: [
        {
          line: 5,
          column: 39,
          endLine: 5,
          endColumn: 49,
          messageId: 'wrapperWithoutDeadline',
          data: { callee: 'uploadFile', key: 'timeout', request: 'axios.put', where: 'line 3' },
        },
      ],
    },
    // A CommonJS fetch wrapper of the project over isomorphic-fetch, required as the module itself;
    // isomorphic-fetch (node-fetch 2 on Node) honours a \`timeout\` as well as a signal.
    {
      filename: path.join(REQUESTS, 'src/routes/status.js'),
      code: `const fetch = require('../lib/proxied-fetch.js');
exports.report = (url, body) => fetch(url, { method: 'POST', body: JSON.stringify(body) });
exports.bounded = url => fetch(url, { signal: AbortSignal.timeout(5000) });
exports.timed = url => fetch(url, { timeout: 5000 });`,
      options: [{ checkTests: true }],
      errors: [
        {
          line: 2,
          column: 33,
          endLine: 2,
          endColumn: 38,
          messageId: 'wrapperWithoutDeadline',
          data: { callee: 'fetch', key: 'signal', request: 'fetch', where: '../lib/proxied-fetch.js:9' },
        },
      ],
    },
    // A method of a class of the project that hands its caller's init to fetch, called on an
    // instance declared with the class (a NestJS injection): the call without a signal is
    // reported; one with a signal, or raced against a timer, is not.
    {
      filename: path.join(REQUESTS, 'src/routes/prices.ts'),
      code: `import { FetchService } from '../lib/fetch.service';
export class PriceResolver {
  constructor(private readonly fetchService: FetchService) {}
  price = () => this.fetchService.fetchWithProxy('https://prices.example.com/btc');
  bounded = () => this.fetchService.fetchWithProxy('https://prices.example.com/eth', { signal: AbortSignal.timeout(5000) });
  raced = () =>
    Promise.race([
      this.fetchService.fetchWithProxy('https://prices.example.com/sol'),
      new Promise((_, reject) => setTimeout(() => reject(new Error('timed out')), 5000)),
    ]);
}`,
      options: [{ checkTests: true }],
      errors: [
        {
          line: 4,
          column: 17,
          endLine: 4,
          endColumn: 49,
          messageId: 'wrapperWithoutDeadline',
          data: {
            callee: 'this.fetchService.fetchWithProxy',
            key: 'signal',
            request: 'fetch',
            where: '../lib/fetch.service.ts:7',
          },
        },
      ],
    },
    // A wrapper of this file: its caller raced against a timer is bounded like the one that gives a
    // signal; the one that does neither is reported.
    {
      filename: path.join(REQUESTS, 'src/routes/raced.ts'),
      code: `async function fetchJson(url: string, init?: RequestInit) {
  return (await fetch(url, init)).json();
}
export const quote = () =>
  Promise.race([fetchJson('https://quotes.example.com'), new Promise((_, reject) => setTimeout(reject, 5000))]);
export const bounded = () => fetchJson('https://quotes.example.com/b', { signal: AbortSignal.timeout(5000) });
export const slow = () => fetchJson('https://quotes.example.com/c');`,
      options: [{ checkTests: true }],
      errors: [
        {
          line: 7,
          column: 27,
          endLine: 7,
          endColumn: 36,
          messageId: 'wrapperWithoutDeadline',
          data: { callee: 'fetchJson', key: 'signal', request: 'fetch', where: 'line 2' },
        },
      ],
    },
    // Imported from another module of the project, directly or through a function of the project
    // that calls it with no timeout (the axios request it reaches is named).
    {
      filename: path.join(REQUESTS, 'src/routes/downloads.ts'),
      code: `import { downloadFile, fetchAvatar } from '../lib/downloads.js';
export const fetchLogo = () => downloadFile('https://cdn.example.com/logo.png', { headers: { accept: 'image/png' } });
export const fetchIcon = () => downloadFile('https://cdn.example.com/icon.png', { timeout: 5000 });
export const avatar = async (url: string) => await fetchAvatar(url);`,
      options: [{ checkTests: true }],
      errors: [
        {
          line: 2,
          column: 32,
          endLine: 2,
          endColumn: 44,
          messageId: 'wrapperWithoutDeadline',
          data: {
            callee: 'downloadFile',
            key: 'timeout',
            request: 'axios.get',
            where: '../lib/downloads.ts:7',
          },
        },
        {
          line: 4,
          column: 52,
          endLine: 4,
          endColumn: 63,
          messageId: 'projectRequestWithoutDeadline',
          data: {
            callee: 'fetchAvatar',
            inner: 'downloadFile',
            at: '../lib/downloads.ts:12',
            label: 'axios',
            hang: 'hangs forever',
            fix: FAMILIES.axios.fix,
          },
        },
      ],
    },
    {
      // No module of this project sets a default; its test setup does not count for the service.
      filename: path.join(PROJECTS, 'without-bootstrap/src/service.ts'),
      code: `import axios from 'axios';
export const ping = () => axios.get('https://status.example.com/ping');`,
      options: [{ checkTests: true }],
      errors: [
        {
          column: 27,
          endColumn: 36,
          endLine: 2,
          line: 2,
          messageId: 'missingDeadline',
          suggestions: [
            {
              messageId: 'suggestTimeout',
              output: `import axios from 'axios';
export const ping = () => axios.get('https://status.example.com/ping', { timeout: 10000 });`,
            },
          ],
        },
      ],
    },
    {
      // A dispatcher that bounds only the connection (and turns the body timeout off) bounds no
      // response, nor does one looser than undici's 300 s defaults; node-fetch does not go through
      // undici's dispatcher at all.
      filename: path.join(import.meta.dirname, '../fixtures/project-dispatcher/connect-only/src/client.ts'),
      code: `export const status = () => fetch('https://status.example.com/ping');`,
      options: [{ checkTests: true }],
      errors: [
        {
          column: 29,
          endColumn: 34,
          endLine: 1,
          line: 1,
          messageId: 'missingDeadline',
          suggestions: [
            {
              messageId: 'suggestSignal',
              output: `export const status = () => fetch('https://status.example.com/ping', { signal: AbortSignal.timeout(10000) });`,
            },
          ],
        },
      ],
    },
    {
      filename: path.join(import.meta.dirname, '../fixtures/project-dispatcher/lenient/src/client.ts'),
      code: `export const status = () => fetch('https://status.example.com/ping');`,
      options: [{ checkTests: true }],
      errors: [
        {
          column: 29,
          endColumn: 34,
          endLine: 1,
          line: 1,
          messageId: 'missingDeadline',
          suggestions: [
            {
              messageId: 'suggestSignal',
              output: `export const status = () => fetch('https://status.example.com/ping', { signal: AbortSignal.timeout(10000) });`,
            },
          ],
        },
      ],
    },
    {
      filename: path.join(import.meta.dirname, '../fixtures/project-dispatcher/bounded/src/client.ts'),
      code: `import nodeFetch from 'node-fetch';
export const status = () => nodeFetch('https://status.example.com/ping');`,
      options: [{ checkTests: true }],
      errors: [
        {
          column: 29,
          endColumn: 38,
          endLine: 2,
          line: 2,
          messageId: 'missingDeadline',
          suggestions: [
            {
              messageId: 'suggestSignal',
              output: `import nodeFetch from 'node-fetch';
export const status = () => nodeFetch('https://status.example.com/ping', { signal: AbortSignal.timeout(10000) });`,
            },
          ],
        },
      ],
    },
    {
      // A nested package is a process of its own: the parent's bootstrap does not reach it.
      filename: path.join(PROJECTS, 'with-bootstrap/packages/worker/src/job.ts'),
      code: `import axios from 'axios';
export const run = () => axios.get('https://jobs.example.com/next');`,
      options: [{ checkTests: true }],
      errors: [
        {
          column: 26,
          endColumn: 35,
          endLine: 2,
          line: 2,
          messageId: 'missingDeadline',
          suggestions: [
            {
              messageId: 'suggestTimeout',
              output: `import axios from 'axios';
export const run = () => axios.get('https://jobs.example.com/next', { timeout: 10000 });`,
            },
          ],
        },
      ],
    },
    {
      // googleapis: a test setup's `google.options({ timeout })` configures the test process, not the service.
      filename: path.join(PROJECTS, 'without-bootstrap/src/drive.ts'),
      code: `import { google } from 'googleapis';
const drive = google.drive({ version: 'v3' });
export const list = (q: string) => drive.files.list({ q });
export const sheets = google.sheets({ version: 'v4' });`,
      options: [{ checkTests: true }],
      errors: [
        { column: 36, endColumn: 52, endLine: 3, line: 3, messageId: 'missingDeadline' },
        { column: 23, endColumn: 36, endLine: 4, line: 4, messageId: 'missingClientDeadline' },
      ],
    },
    {
      // The file's own "none" wins over the project's default.
      filename: path.join(PROJECTS, 'with-bootstrap/src/service.ts'),
      code: `import axios from 'axios';
axios.defaults.timeout = 0;
export const ping = () => axios.get('https://status.example.com/ping');`,
      options: [{ checkTests: true }],
      errors: [{ column: 1, endColumn: 27, endLine: 2, line: 2, messageId: 'noneDeadline' }],
    },
    {
      // An injected axios instance whose call turns the deadline off explicitly.
      code: `
import { type AxiosInstance } from 'axios';
export class Api {
  constructor(private http: AxiosInstance) {}
  ping() { return this.http.get('/ping', { timeout: 0 }); }
}
`,
      errors: [{ column: 44, endColumn: 54, endLine: 5, line: 5, messageId: 'noneDeadline' }],
    },
    {
      // A field typed with a type alias of the client type, assigned from a constructor parameter.
      code: `
import axios from 'axios';
type Http = axios.AxiosInstance;
export class Api {
  private http: Http;
  constructor(http: Http) { this.http = http; }
  ping() { return this.http.get('/ping', { timeout: null }); }
}
`,
      errors: [{ column: 44, endColumn: 57, endLine: 7, line: 7, messageId: 'noneDeadline' }],
    },
    {
      // A subclass of a client class is the client: its `super(...)` options are the construction's.
      code: `
import { S3Client } from '@aws-sdk/client-s3';
class Storage extends S3Client {
  constructor() { super({ region: 'eu-west-1' }); }
}
export const storage = new Storage();
`,
      errors: [{ column: 28, endColumn: 35, endLine: 6, line: 6, messageId: 'missingClientDeadline' }],
    },
    {
      // Without a constructor, the subclass's own arguments reach the client.
      code: `
import Redis from 'ioredis';
class Cache extends Redis {}
export const cache = new Cache({ host: 'cache' });
`,
      errors: [{ column: 26, endColumn: 31, endLine: 4, line: 4, messageId: 'missingClientDeadline' }],
    },
    {
      code: 'await fetch(url);',
      errors: [
        {
          column: 7,
          endColumn: 12,
          endLine: 1,
          line: 1,
          messageId: 'missingDeadline',
          suggestions: [
            {
              messageId: 'suggestSignal',
              output: 'await fetch(url, { signal: AbortSignal.timeout(10000) });',
            },
          ],
        },
      ],
    },
    {
      code: `await fetch(url, { method: 'POST', body });`,
      errors: [
        {
          column: 7,
          endColumn: 12,
          endLine: 1,
          line: 1,
          messageId: 'missingDeadline',
          suggestions: [
            {
              messageId: 'suggestSignal',
              output: `await fetch(url, { signal: AbortSignal.timeout(10000), method: 'POST', body });`,
            },
          ],
        },
      ],
    },
    {
      code: 'await globalThis.fetch(url, {});',
      errors: [
        {
          column: 7,
          endColumn: 23,
          endLine: 1,
          line: 1,
          messageId: 'missingDeadline',
          suggestions: [
            {
              messageId: 'suggestSignal',
              output: 'await globalThis.fetch(url, { signal: AbortSignal.timeout(10000) });',
            },
          ],
        },
      ],
    },
    {
      code: `
const controller = new AbortController();
button.onclick = () => controller.abort();
await fetch(url, { signal: controller.signal });
`,
      errors: [
        {
          column: 20,
          endColumn: 45,
          endLine: 4,
          line: 4,
          messageId: 'untimedSignal',
          suggestions: [
            {
              messageId: 'suggestAnySignal',
              output: `
const controller = new AbortController();
button.onclick = () => controller.abort();
await fetch(url, { signal: AbortSignal.any([controller.signal, AbortSignal.timeout(10000)]) });
`,
            },
          ],
        },
      ],
    },
    {
      code: 'await fetch(url, { signal: new AbortController().signal });',
      errors: [
        {
          column: 20,
          endColumn: 56,
          endLine: 1,
          line: 1,
          messageId: 'untimedSignal',
          suggestions: [
            {
              messageId: 'suggestAnySignal',
              output:
                'await fetch(url, { signal: AbortSignal.any([new AbortController().signal, AbortSignal.timeout(10000)]) });',
            },
          ],
        },
      ],
    },
    {
      code: `
const request = new Request(url, { method: 'POST' });
await fetch(request);
`,
      errors: [
        {
          column: 7,
          endColumn: 12,
          endLine: 3,
          line: 3,
          messageId: 'missingDeadline',
          suggestions: [
            {
              messageId: 'suggestSignal',
              output: `
const request = new Request(url, { method: 'POST' });
await fetch(request, { signal: AbortSignal.timeout(10000) });
`,
            },
          ],
        },
      ],
    },
    {
      code: `import fetch from 'node-fetch'; const response = await fetch(url);`,
      errors: [
        {
          column: 56,
          endColumn: 61,
          endLine: 1,
          line: 1,
          messageId: 'missingDeadline',
          suggestions: [
            {
              messageId: 'suggestSignal',
              output: `import fetch from 'node-fetch'; const response = await fetch(url, { signal: AbortSignal.timeout(10000) });`,
            },
          ],
        },
      ],
    },
    {
      // A server component (no client hooks, no 'use client'): its fetch runs on the server.
      filename: 'users.tsx',
      code: `
import { Suspense } from 'react';
export default async function Users() {
  const users = await fetch('https://api.example.com/users').then(r => r.json());
  return <Suspense><ul>{users.length}</ul></Suspense>;
}
`,
      errors: [
        {
          column: 23,
          endColumn: 28,
          endLine: 4,
          line: 4,
          messageId: 'missingDeadline',
          suggestions: [
            {
              messageId: 'suggestSignal',
              output: `
import { Suspense } from 'react';
export default async function Users() {
  const users = await fetch('https://api.example.com/users', { signal: AbortSignal.timeout(10000) }).then(r => r.json());
  return <Suspense><ul>{users.length}</ul></Suspense>;
}
`,
            },
          ],
        },
      ],
    },
    {
      code: `import axios from 'axios'; await axios.get(url);`,
      errors: [
        {
          column: 34,
          endColumn: 43,
          endLine: 1,
          line: 1,
          messageId: 'missingDeadline',
          suggestions: [
            {
              messageId: 'suggestTimeout',
              output: `import axios from 'axios'; await axios.get(url, { timeout: 10000 });`,
            },
          ],
        },
      ],
    },
    {
      code: `import axios from 'axios'; await axios.post(url, { timeout: 5000 });`,
      errors: [
        {
          column: 34,
          endColumn: 44,
          endLine: 1,
          line: 1,
          messageId: 'missingDeadline',
          suggestions: [
            {
              messageId: 'suggestTimeout',
              output: `import axios from 'axios'; await axios.post(url, { timeout: 5000 }, { timeout: 10000 });`,
            },
          ],
        },
      ],
    },
    {
      code: `import axios from 'axios'; await axios.post(url);`,
      errors: [
        {
          column: 34,
          endColumn: 44,
          endLine: 1,
          line: 1,
          messageId: 'missingDeadline',
          suggestions: [
            {
              messageId: 'suggestTimeout',
              output: `import axios from 'axios'; await axios.post(url, undefined, { timeout: 10000 });`,
            },
          ],
        },
      ],
    },
    {
      code: `import axios from 'axios'; await axios({ url, method: 'get' });`,
      errors: [
        {
          column: 34,
          endColumn: 39,
          endLine: 1,
          line: 1,
          messageId: 'missingDeadline',
          suggestions: [
            {
              messageId: 'suggestTimeout',
              output: `import axios from 'axios'; await axios({ timeout: 10000, url, method: 'get' });`,
            },
          ],
        },
      ],
    },
    {
      code: `import axios from 'axios'; await axios.get(url, { timeout: 0 });`,
      errors: [{ column: 51, endColumn: 61, endLine: 1, line: 1, messageId: 'noneDeadline' }],
    },
    {
      code: `
import axios from 'axios';
const api = axios.create({ baseURL });
export const listUsers = () => api.get('/users');
`,
      errors: [
        {
          column: 32,
          endColumn: 39,
          endLine: 4,
          line: 4,
          messageId: 'missingDeadline',
          suggestions: [
            {
              messageId: 'suggestTimeout',
              output: `
import axios from 'axios';
const api = axios.create({ baseURL });
export const listUsers = () => api.get('/users', { timeout: 10000 });
`,
            },
          ],
        },
      ],
    },
    {
      code: `
import axios from 'axios';
const api = axios.create({ baseURL, timeout: 0 });
await api.get('/users');
await api.delete('/users/1');
`,
      errors: [{ column: 37, endColumn: 47, endLine: 3, line: 3, messageId: 'noneDeadline' }],
    },
    {
      code: `
const axios = require('axios');
class Users {
  constructor() { this.http = axios.create({ baseURL }); }
  list() { return this.http.get('/users'); }
}
`,
      errors: [
        {
          column: 19,
          endColumn: 32,
          endLine: 5,
          line: 5,
          messageId: 'missingDeadline',
          suggestions: [
            {
              messageId: 'suggestTimeout',
              output: `
const axios = require('axios');
class Users {
  constructor() { this.http = axios.create({ baseURL }); }
  list() { return this.http.get('/users', { timeout: 10000 }); }
}
`,
            },
          ],
        },
      ],
    },
    {
      code: `
import axios from 'axios';
axios.defaults.timeout = 0;
`,
      errors: [{ column: 1, endColumn: 27, endLine: 3, line: 3, messageId: 'noneDeadline' }],
    },
    {
      code: `import { default as http } from 'axios'; await http.put(url, body, { headers });`,
      errors: [
        {
          column: 48,
          endColumn: 56,
          endLine: 1,
          line: 1,
          messageId: 'missingDeadline',
          suggestions: [
            {
              messageId: 'suggestTimeout',
              output: `import { default as http } from 'axios'; await http.put(url, body, { timeout: 10000, headers });`,
            },
          ],
        },
      ],
    },
    {
      code: `import got from 'got'; await got(url).json();`,
      errors: [
        {
          column: 30,
          endColumn: 33,
          endLine: 1,
          line: 1,
          messageId: 'missingDeadline',
          suggestions: [
            {
              messageId: 'suggestGotTimeout',
              output: `import got from 'got'; await got(url, { timeout: { request: 10000 } }).json();`,
            },
          ],
        },
      ],
    },
    {
      code: `import got from 'got'; await got.post(url, { json: body });`,
      errors: [
        {
          column: 30,
          endColumn: 38,
          endLine: 1,
          line: 1,
          messageId: 'missingDeadline',
          suggestions: [
            {
              messageId: 'suggestGotTimeout',
              output: `import got from 'got'; await got.post(url, { timeout: { request: 10000 }, json: body });`,
            },
          ],
        },
      ],
    },
    {
      // got's stream API: `got.stream.post(url, options)`, in a dynamically imported got too.
      code: `export async function upload(url: string, body: NodeJS.ReadableStream) {
  const { default: got } = await import('got');
  return got.stream.post(url, { body, throwHttpErrors: false });
}`,
      errors: [
        {
          column: 10,
          endColumn: 25,
          endLine: 3,
          line: 3,
          messageId: 'missingDeadline',
          suggestions: [
            {
              messageId: 'suggestGotTimeout',
              output: `export async function upload(url: string, body: NodeJS.ReadableStream) {
  const { default: got } = await import('got');
  return got.stream.post(url, { timeout: { request: 10000 }, body, throwHttpErrors: false });
}`,
            },
          ],
        },
      ],
    },
    {
      code: `import got from 'got'; const client = got.extend({ prefixUrl }); await client.get('users');`,
      errors: [
        {
          column: 72,
          endColumn: 82,
          endLine: 1,
          line: 1,
          messageId: 'missingDeadline',
          suggestions: [
            {
              messageId: 'suggestGotTimeout',
              output: `import got from 'got'; const client = got.extend({ prefixUrl }); await client.get('users', { timeout: { request: 10000 } });`,
            },
          ],
        },
      ],
    },
    {
      code: `import got from 'got'; await got(url, { timeout: { request: 0 } });`,
      errors: [{ column: 52, endColumn: 62, endLine: 1, line: 1, messageId: 'noneDeadline' }],
    },
    {
      code: `import ky from 'ky'; await ky.get(url, { timeout: false });`,
      errors: [{ column: 42, endColumn: 56, endLine: 1, line: 1, messageId: 'noneDeadline' }],
    },
    {
      code: `import request from 'superagent'; const res = await request.get(url).set('Accept', 'application/json');`,
      errors: [{ column: 53, endColumn: 64, endLine: 1, line: 1, messageId: 'missingDeadline' }],
    },
    {
      code: `import { request } from 'undici'; await request(url, { headersTimeout: 0 });`,
      errors: [{ column: 56, endColumn: 73, endLine: 1, line: 1, messageId: 'noneDeadline' }],
    },
    {
      code: `import { Agent, setGlobalDispatcher } from 'undici'; setGlobalDispatcher(new Agent({ bodyTimeout: 0 }));`,
      errors: [{ column: 86, endColumn: 100, endLine: 1, line: 1, messageId: 'noneDeadline' }],
    },
    {
      code: `import https from 'node:https'; https.get(url, res => res.pipe(out));`,
      errors: [{ column: 33, endColumn: 42, endLine: 1, line: 1, messageId: 'missingDeadline' }],
    },
    {
      // Returned from a Promise executor, as its body or by a \`return\`: nothing reads it there.
      code: `import https from 'node:https';
export const fetchRanges = (url: string) => new Promise(resolve => https.get(url, res => resolve(res)));
export function version(url: string) {
  return new Promise((resolve, reject) => {
    return https.get(url, res => resolve(res)).on('error', reject);
  });
}`,
      errors: [
        { column: 68, endColumn: 77, endLine: 2, line: 2, messageId: 'missingDeadline' },
        { column: 12, endColumn: 21, endLine: 5, line: 5, messageId: 'missingDeadline' },
      ],
    },
    {
      // follow-redirects: node's request API, as a default import's member or destructured.
      code: `import followRedirects from 'follow-redirects';
const { https } = require('follow-redirects');
followRedirects.http.get(url, res => res.pipe(out));
const req = https.request(url, { method: 'POST' }, onResponse);
req.end();`,
      errors: [
        { column: 1, endColumn: 25, endLine: 3, line: 3, messageId: 'missingDeadline' },
        { column: 13, endColumn: 26, endLine: 4, line: 4, messageId: 'missingDeadline' },
      ],
    },
    {
      code: `
const http = require('http');
const req = http.request({ host, path, timeout: 5000 }, onResponse);
req.end();
`,
      errors: [{ column: 40, endColumn: 53, endLine: 3, line: 3, messageId: 'timeoutDoesNotAbort' }],
    },
    {
      code: `
import http from 'http';
const req = http.get(url, onResponse);
req.setTimeout(5000);
`,
      errors: [{ column: 13, endColumn: 21, endLine: 3, line: 3, messageId: 'timeoutDoesNotAbort' }],
    },
    {
      code: `
const grpc = require('@grpc/grpc-js');
const proto = grpc.loadPackageDefinition(packageDefinition);
const client = new proto.routeguide.RouteGuide('localhost:50051', grpc.credentials.createInsecure());
client.getFeature(point, (err, feature) => {});
`,
      errors: [{ column: 1, endColumn: 18, endLine: 5, line: 5, messageId: 'missingDeadline' }],
    },
    {
      // got's own defaults have no deadline: an instance extended from got itself, made to be used elsewhere.
      code: `import got from 'got'; export const gh = got.extend({ prefixUrl: 'https://api.github.com' });`,
      errors: [{ column: 42, endColumn: 52, endLine: 1, line: 1, messageId: 'missingClientDeadline' }],
    },
    {
      // Handed to a function of another module of the project (inline, or through a const): its
      // calls are made there, where the construction is not visible.
      code: `const got = require('got').default;
const { auth: { retrieveToken }, secrets } = require('./index');
export async function run(prefixUrl: string) {
  const token = await retrieveToken(got.extend({ prefixUrl }));
  const client = got.extend({ prefixUrl, headers: { 'x-vault-token': token } });
  return secrets.read(client);
}`,
      errors: [
        { column: 37, endColumn: 47, endLine: 4, line: 4, messageId: 'missingClientDeadline' },
        { column: 18, endColumn: 28, endLine: 5, line: 5, messageId: 'missingClientDeadline' },
      ],
    },
    {
      code: `import { S3Client } from '@aws-sdk/client-s3'; export const s3 = new S3Client({ region: 'eu-west-1' });`,
      errors: [{ column: 70, endColumn: 78, endLine: 1, line: 1, messageId: 'missingClientDeadline' }],
    },
    {
      // An endpoint spread in only when configured (MinIO, R2): the spread adds no timeout either way.
      code: `import { S3Client } from '@aws-sdk/client-s3';
const endpoint = process.env.S3_ENDPOINT;
export const s3 = new S3Client({ region: 'auto', ...(endpoint ? { endpoint, forcePathStyle: true } : {}) });`,
      errors: [{ column: 23, endColumn: 31, endLine: 3, line: 3, messageId: 'missingClientDeadline' }],
    },
    {
      // A client made by a function of the file, one of whose callers sends through it.
      code: `import { S3Client, GetObjectCommand } from '@aws-sdk/client-s3';
import { getSignedUrl as presign } from '@aws-sdk/s3-request-presigner';
function makeS3Client() {
  return new S3Client({ region: process.env.REGION });
}
export const downloadUrl = (key: string) => presign(makeS3Client(), new GetObjectCommand({ Bucket: 'b', Key: key }));
export async function read(key: string) {
  const client = makeS3Client();
  return client.send(new GetObjectCommand({ Bucket: 'b', Key: key }));
}`,
      errors: [{ line: 4, column: 14, endLine: 4, endColumn: 22, messageId: 'missingClientDeadline' }],
    },
    {
      // Presigning and sending through one client: the sends can hang.
      code: `import { S3Client, PutObjectCommand } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
const s3 = new S3Client({ region: 'eu-west-1' });
export const uploadUrl = (key: string) => getSignedUrl(s3, new PutObjectCommand({ Bucket: 'b', Key: key }));
export const upload = (key: string, body: string) => s3.send(new PutObjectCommand({ Bucket: 'b', Key: key, Body: body }));`,
      errors: [{ line: 3, column: 16, endLine: 3, endColumn: 24, messageId: 'missingClientDeadline' }],
    },
    {
      code: `
import { S3Client } from '@aws-sdk/client-s3';
const s3 = new S3Client({ requestHandler: { requestTimeout: 5000 } });
`,
      errors: [{ column: 45, endColumn: 65, endLine: 3, line: 3, messageId: 'requestTimeoutDoesNotAbort' }],
    },
    {
      code: `import { Pool } from 'pg'; export const pool = new Pool({ connectionString: process.env.DATABASE_URL });`,
      errors: [{ column: 52, endColumn: 56, endLine: 1, line: 1, messageId: 'missingClientDeadline' }],
    },
    {
      code: `const { Pool } = require('pg'); const pool = new Pool({ statement_timeout: 5000 });`,
      errors: [{ column: 50, endColumn: 54, endLine: 1, line: 1, messageId: 'missingClientDeadline' }],
    },
    {
      code: `import Redis from 'ioredis'; export const redis = new Redis(process.env.REDIS_URL);`,
      errors: [{ column: 55, endColumn: 60, endLine: 1, line: 1, messageId: 'missingClientDeadline' }],
    },
    {
      code: `import { createClient } from 'redis'; const client = createClient({ url });`,
      errors: [{ column: 54, endColumn: 66, endLine: 1, line: 1, messageId: 'missingClientDeadline' }],
    },
    {
      // The global fetch in a dependency object, in a file that imports no client.
      code: `const DEPS = { fetch, delayTime: 1000 };
export const ask = (url: string) => DEPS.fetch(url, { method: 'POST' });`,
      errors: [
        {
          line: 2,
          column: 37,
          endLine: 2,
          endColumn: 47,
          messageId: 'missingDeadline',
          suggestions: [
            {
              messageId: 'suggestSignal',
              output: `const DEPS = { fetch, delayTime: 1000 };
export const ask = (url: string) => DEPS.fetch(url, { signal: AbortSignal.timeout(10000), method: 'POST' });`,
            },
          ],
        },
      ],
    },
    {
      // A dependency object (\`const DEPS = { fetch }\`, swapped in tests): its member is node-fetch.
      code: `import fetch from 'node-fetch';
export const DEPS = { fetch, delayTime: 1000 };
export const ask = (url: string) => DEPS.fetch(url, { method: 'POST' });`,
      errors: [
        {
          line: 3,
          column: 37,
          endLine: 3,
          endColumn: 47,
          messageId: 'missingDeadline',
          suggestions: [
            {
              messageId: 'suggestSignal',
              output: `import fetch from 'node-fetch';
export const DEPS = { fetch, delayTime: 1000 };
export const ask = (url: string) => DEPS.fetch(url, { signal: AbortSignal.timeout(10000), method: 'POST' });`,
            },
          ],
        },
      ],
    },
    {
      // Closing the connection is no command (node-redis 3 promisified: \`quitAsync\`, \`end\`); a read is.
      code: `import { createClient } from 'redis';
const client = createClient({ url });
export const stop = () => { void client.quitAsync(); client.end(true); };
export const read = (key: string) => client.getAsync(key);`,
      errors: [{ line: 2, column: 16, endLine: 2, endColumn: 28, messageId: 'missingClientDeadline' }],
    },
    {
      // A Socket.IO adapter's publisher that also serves the app's own commands.
      code: `import { createAdapter } from '@socket.io/redis-adapter';
import { createClient } from 'redis';
const pubClient = createClient({ url });
export const adapter = createAdapter(pubClient, pubClient.duplicate());
export const seen = (id: string) => pubClient.get(id);`,
      errors: [{ column: 19, endColumn: 31, endLine: 3, line: 3, messageId: 'missingClientDeadline' }],
    },
    {
      code: `import { MongoClient } from 'mongodb'; const client = new MongoClient(uri, { timeoutMS: 5000 });`,
      errors: [{ column: 78, endColumn: 93, endLine: 1, line: 1, messageId: 'ignoredTimeout' }],
    },
    {
      // simple-oauth2: token requests go through @hapi/wreck with no timeout unless the grant's
      // config sets \`http.timeout\` or the call's httpOptions a \`timeout\` (also for a token it
      // makes). The parity fixture of both readers (test/fixtures/parity/simple-oauth2.ts).
      code: readFileSync(path.join(import.meta.dirname, '../fixtures/parity/simple-oauth2.ts'), 'utf8'),
      errors: [
        { line: 6, column: 23, endLine: 6, endColumn: 38, messageId: 'missingDeadline' },
        { line: 14, column: 10, endLine: 14, endColumn: 23, messageId: 'missingDeadline' },
      ],
    },
    (() => {
      // At a module's top level a repeating schedule (node-cron, cron's CronJob, \`setInterval\`) runs
      // each tick on its own and nobody waits for it, as inside a function; a one-shot timer there
      // is part of the script the process runs to its end.
      const code = `import cron from 'node-cron';
import { CronJob } from 'cron';
cron.schedule('0 * * * *', async () => {
  await fetch('https://status.example.com/hourly');
});
new CronJob('*/5 * * * *', async () => {
  await fetch('https://status.example.com/five');
}).start();
setInterval(async () => {
  await fetch('https://status.example.com/tick');
}, 60_000);
setTimeout(async () => {
  await fetch('https://status.example.com/once');
}, 10);`;
      return {
        code,
        errors: [
          {
            line: 13,
            column: 9,
            endLine: 13,
            endColumn: 14,
            messageId: 'missingDeadline' as const,
            suggestions: [
              {
                messageId: 'suggestSignal' as const,
                output: code.replace(
                  "fetch('https://status.example.com/once')",
                  "fetch('https://status.example.com/once', { signal: AbortSignal.timeout(10000) })",
                ),
              },
            ],
          },
        ],
      };
    })(),
    {
      // A promise wrapper of request.js (request-promise) answers through its promise: a call
      // written as a statement of its own is dropped. request.js's own call answers its callback.
      code: `import rp from 'request-promise';
import request from 'request';
export function refresh(ids: string[]) {
  ids.forEach(id => {
    rp({ url: \`http://charts.internal/chart/\${id}/query\`, method: 'POST', json: true });
  });
}
export function ping(ids: string[]) {
  ids.forEach(id => {
    request({ url: \`http://charts.internal/ping/\${id}\` }, () => undefined);
  });
}`,
      errors: [{ line: 10, column: 5, endLine: 10, endColumn: 12, messageId: 'missingDeadline' }],
    },
    (() => {
      // A callback of a promise chain is waited for by whoever waits for the chain: nobody, in an
      // hourly schedule (Reservoir's lock-guarded queue retry); the caller of an exported handler.
      const code = `import cron from 'node-cron';
declare const redlock: { acquire(keys: string[], ttl: number): Promise<unknown> };
async function retryQueue(queue: string) {
  await fetch(\`http://rabbit.internal:15672/api/queues/%2F/\${queue}\`);
}
cron.schedule('0 * * * *', async () =>
  await redlock
    .acquire(['retry-lock'], 3_600_000)
    .then(async () => {
      await retryQueue('bids');
    })
    .catch(() => undefined),
);
export async function handler(queue: string) {
  return redlock.acquire([queue], 1000).then(() => fetch(\`http://rabbit.internal/api/\${queue}\`));
}`;
      return {
        code,
        errors: [
          {
            line: 15,
            column: 52,
            endLine: 15,
            endColumn: 57,
            messageId: 'missingDeadline' as const,
            suggestions: [
              {
                messageId: 'suggestSignal' as const,
                output: code.replace(
                  'fetch(`http://rabbit.internal/api/${queue}`)',
                  'fetch(`http://rabbit.internal/api/${queue}`, { signal: AbortSignal.timeout(10000) })',
                ),
              },
            ],
          },
        ],
      };
    })(),
    {
      // A chain's callback that answers the request (\`res.json\`) is waited for by the client,
      // though the chain itself ends in a \`.catch(next)\` and is dropped.
      code: `declare const app: { get(path: string, h: (req: any, res: any, next: any) => void): void };
declare const db: { find(id: string): Promise<{ url: string }> };
app.get('/a/:id', (req, res, next) => {
  db.find(req.params.id)
    .then(async user => {
      const r = await fetch(user.url);
      res.json(await r.json());
    })
    .catch(next);
});`,
      errors: [
        {
          line: 6,
          column: 23,
          endLine: 6,
          endColumn: 28,
          messageId: 'missingDeadline',
          suggestions: [
            {
              messageId: 'suggestSignal',
              output: `declare const app: { get(path: string, h: (req: any, res: any, next: any) => void): void };
declare const db: { find(id: string): Promise<{ url: string }> };
app.get('/a/:id', (req, res, next) => {
  db.find(req.params.id)
    .then(async user => {
      const r = await fetch(user.url, { signal: AbortSignal.timeout(10000) });
      res.json(await r.json());
    })
    .catch(next);
});`,
            },
          ],
        },
      ],
    },
    {
      // No monitor bounds a load-balanced MongoDB client, whatever the driver's version.
      filename: path.join(import.meta.dirname, '../fixtures/package-versions/mongodb-locked/src/db.ts'),
      code: `import { MongoClient } from 'mongodb'; export const client = new MongoClient(process.env.MONGO_URL as string, { loadBalanced: true });`,
      options: [{ checkTests: true }],
      errors: [{ column: 66, endColumn: 77, endLine: 1, line: 1, messageId: 'missingClientDeadline' }],
    },
    {
      // googleapis' auth client in the positional form takes no options: made so, it is reported
      // where it is made when it leaves the file.
      code: `import { google } from 'googleapis';
export const oauth = new google.auth.OAuth2(clientId, secret);`,
      errors: [{ line: 2, column: 26, endLine: 2, endColumn: 44, messageId: 'missingClientDeadline' }],
    },
    {
      // An auth client held only to build the consent URL (\`generateAuthUrl\`) sends nothing; one
      // that also exchanges a code, or is handed to an API, is reported where it is made.
      code: `import { google } from 'googleapis';
declare const config: { id: string; secret: string; redirect: string };
export function consentUrl() {
  const oauth2Client = new google.auth.OAuth2(config.id, config.secret, config.redirect);
  return oauth2Client.generateAuthUrl({ access_type: 'offline', scope: ['email'] });
}
export async function exchange(code: string) {
  const oauth2Client = new google.auth.OAuth2(config.id, config.secret, config.redirect);
  const url = oauth2Client.generateAuthUrl({ scope: ['email'] });
  const { tokens } = await oauth2Client.getToken(code);
  return { url, tokens };
}
export function handed() {
  const oauth2Client = new google.auth.OAuth2(config.id, config.secret, config.redirect);
  oauth2Client.setCredentials({ refresh_token: 'x' });
  return google.drive({ version: 'v3', auth: oauth2Client });
}`,
      errors: [
        { line: 8, column: 28, endLine: 8, endColumn: 46, messageId: 'missingClientDeadline' },
        { line: 14, column: 28, endLine: 14, endColumn: 46, messageId: 'missingClientDeadline' },
        { line: 16, column: 10, endLine: 16, endColumn: 22, messageId: 'missingClientDeadline' },
      ],
    },
    (() => {
      // caprover's feature flags: the chain is dropped, but a \`.then\` after its \`.catch\` starts
      // the next round only once the request settles, so a request that hangs stops the refresh.
      const code = `export class FeatureFlags {
  private flags: unknown;
  constructor() {
    this.refresh();
  }
  private refresh() {
    Promise.resolve()
      .then(() => fetch('https://flags.example.com/v2/featureflags'))
      .then(res => res.json())
      .then(data => {
        this.flags = data;
      })
      .catch(error => console.error(error))
      .then(() => {
        setTimeout(() => this.refresh(), 3_600_000);
      });
  }
}`;
      return {
        code,
        errors: [
          {
            line: 8,
            column: 19,
            endLine: 8,
            endColumn: 24,
            messageId: 'missingDeadline' as const,
            suggestions: [
              {
                messageId: 'suggestSignal' as const,
                output: code.replace(
                  "fetch('https://flags.example.com/v2/featureflags')",
                  "fetch('https://flags.example.com/v2/featureflags', { signal: AbortSignal.timeout(10000) })",
                ),
              },
            ],
          },
        ],
      };
    })(),
    {
      // A client whose every use is a member its catalog entry does not list at all (an ORM's
      // \`define\`, mongoose's \`model\`) is not known to send nothing: only members listed as
      // local (\`generateAuthUrl\`) make it so.
      code: `import { Sequelize } from 'sequelize';
import mongoose from 'mongoose';
const sequelize = new Sequelize('app', 'u', 'p', { dialect: 'postgres' });
export const User = sequelize.define('User', {});
const conn = mongoose.createConnection('mongodb://db/app');
export const Order = conn.model('Order', new mongoose.Schema({}));`,
      errors: [
        { line: 3, column: 23, endLine: 3, endColumn: 32, messageId: 'missingClientDeadline' },
        { line: 5, column: 14, endLine: 5, endColumn: 39, messageId: 'missingClientDeadline' },
      ],
    },
    {
      code: `import { MongoClient } from 'mongodb'; const client = new MongoClient(uri);`,
      errors: [{ column: 59, endColumn: 70, endLine: 1, line: 1, messageId: 'missingClientDeadline' }],
    },
    // Before 4.13.0 (a declared 3.6.5) nothing but socketTimeoutMS ends an operation on a silent server.
    {
      filename: path.join(import.meta.dirname, '../fixtures/package-versions/mongodb-old/src/db.ts'),
      code: `import { MongoClient } from 'mongodb'; export const client = new MongoClient(process.env.MONGO_URL as string);`,
      options: [{ checkTests: true }],
      errors: [{ column: 66, endColumn: 77, endLine: 1, line: 1, messageId: 'missingClientDeadline' }],
    },
    // A newer driver whose monitor has no bound (`connectTimeoutMS: 0`) never notices the silence either.
    {
      filename: path.join(import.meta.dirname, '../fixtures/package-versions/mongodb-locked/src/db.ts'),
      code: `import { MongoClient } from 'mongodb'; export const client = new MongoClient(process.env.MONGO_URL as string, { connectTimeoutMS: 0 });`,
      options: [{ checkTests: true }],
      errors: [{ column: 66, endColumn: 77, endLine: 1, line: 1, messageId: 'missingClientDeadline' }],
    },
    {
      code: `import { Meilisearch } from 'meilisearch';
export const search = new Meilisearch({ host: process.env.MEILI_ADDR as string, apiKey: process.env.MEILI_KEY });`,
      errors: [{ column: 27, endColumn: 38, endLine: 2, line: 2, messageId: 'missingClientDeadline' }],
    },
    // Supabase: every call is a fetch with no deadline, and the client has no timeout option.
    {
      code: `import { createClient } from '@supabase/supabase-js';
export const db = createClient(process.env.SUPABASE_URL as string, process.env.SUPABASE_KEY as string, { global: { headers: { 'x-app': 'api' } } });`,
      errors: [{ column: 19, endColumn: 31, endLine: 2, line: 2, messageId: 'missingClientDeadline' }],
    },
    // mongoose's connection made without socketTimeoutMS (the driver's default is none), options in a local.
    {
      code: `import mongoose, { ConnectOptions } from 'mongoose';
const options: ConnectOptions = { bufferCommands: false, autoIndex: true };
export const connect = () => mongoose.connect(process.env.MONGODB_URI as string, options);`,
      errors: [{ column: 30, endColumn: 46, endLine: 3, line: 3, messageId: 'missingClientDeadline' }],
    },
    {
      code: 'await Promise.race([fetch(primary), fetch(secondary)]);',
      errors: [
        {
          column: 21,
          endColumn: 26,
          endLine: 1,
          line: 1,
          messageId: 'missingDeadline',
          suggestions: [
            {
              messageId: 'suggestSignal',
              output:
                'await Promise.race([fetch(primary, { signal: AbortSignal.timeout(10000) }), fetch(secondary)]);',
            },
          ],
        },
        {
          column: 37,
          endColumn: 42,
          endLine: 1,
          line: 1,
          messageId: 'missingDeadline',
          suggestions: [
            {
              messageId: 'suggestSignal',
              output:
                'await Promise.race([fetch(primary), fetch(secondary, { signal: AbortSignal.timeout(10000) })]);',
            },
          ],
        },
      ],
    },
    {
      code: `import { request } from '@acme/http'; await request('/users');`,
      errors: [{ column: 45, endColumn: 52, endLine: 1, line: 1, messageId: 'missingDeadline' }],
      settings: { faultline: { clients: [{ module: '@acme/http', export: 'request', optionsArg: 1 }] } },
    },
    {
      code: `import { createClient } from '@acme/http'; const api = createClient({ baseUrl }); await api.post('/users', body, { retries: 2 });`,
      errors: [{ column: 89, endColumn: 97, endLine: 1, line: 1, messageId: 'missingDeadline' }],
      settings: {
        faultline: {
          clients: [
            {
              module: '@acme/http',
              export: 'createClient',
              instanceFactory: true,
              methods: ['get', 'post'],
              optionsArg: 2,
            },
          ],
        },
      },
    },
    {
      code: `import jayson from 'jayson'; const rpc = jayson.Client.https({ host }); await rpc.request('add', [1, 2]);`,
      errors: [{ column: 79, endColumn: 90, endLine: 1, line: 1, messageId: 'missingDeadline' }],
      settings: { faultline: { clients: [JAYSON] } },
    },
    {
      code: `import { Sdk } from '@acme/sdk'; const sdk = new Sdk({}); const client = sdk.client; await client.query('select 1');`,
      errors: [{ column: 92, endColumn: 104, endLine: 1, line: 1, messageId: 'missingDeadline' }],
      settings: { faultline: { clients: [SDK_GETTER] } },
    },
    {
      code: `import { sdk } from '@acme/sdk'; await sdk.db.query('select 1');`,
      errors: [{ column: 40, endColumn: 52, endLine: 1, line: 1, messageId: 'missingDeadline' }],
      settings: { faultline: { clients: [SDK_SINGLETON] } },
    },
    {
      code: `import { createPool } from '@acme/pg'; const pool = createPool({ connection: { host } }); await pool.query(sql);`,
      errors: [{ column: 97, endColumn: 107, endLine: 1, line: 1, messageId: 'missingDeadline' }],
      settings: { faultline: { clients: [NESTED_KEY] } },
    },
    {
      code: `import { createPool } from '@acme/pg'; const pool = createPool({ connection: { statement_timeout: 0 } }); await pool.query(sql);`,
      errors: [{ column: 80, endColumn: 100, endLine: 1, line: 1, messageId: 'noneDeadline' }],
      settings: { faultline: { clients: [NESTED_KEY] } },
    },
    {
      code: 'await fetch(url, init);',
      options: [{ reportOpaqueOptions: true }],
      errors: [{ column: 7, endColumn: 12, endLine: 1, line: 1, messageId: 'opaqueOptions' }],
    },
    {
      code: 'await fetch(url);',
      options: [{ suggestedTimeoutMs: 2500 }],
      errors: [
        {
          column: 7,
          endColumn: 12,
          endLine: 1,
          line: 1,
          messageId: 'missingDeadline',
          suggestions: [
            {
              messageId: 'suggestSignal',
              output: 'await fetch(url, { signal: AbortSignal.timeout(2500) });',
            },
          ],
        },
      ],
    },

    {
      code: `import { Octokit } from '@octokit/rest'; export const octokit = new Octokit({ auth, request: { timeout: 5000 } });`,
      errors: [{ column: 96, endColumn: 109, endLine: 1, line: 1, messageId: 'ignoredTimeout' }],
    },
    {
      code: `import { Octokit } from '@octokit/core'; const MyOctokit = Octokit.plugin(retry); export const octokit = new MyOctokit({ auth });`,
      errors: [{ column: 110, endColumn: 119, endLine: 1, line: 1, messageId: 'missingClientDeadline' }],
    },
    {
      // A client built on fetch says how long its calls wait: as long as the runtime's fetch.
      code: `import { Octokit } from '@octokit/rest'; export const octokit = new Octokit({ auth: process.env.GITHUB_TOKEN });`,
      errors: [
        {
          column: 69,
          data: {
            client: 'Octokit client',
            fix: FAMILIES.octokit.fix,
            hang: RUNTIME_FETCH_HANG,
            what: '`request.signal` or a timed `request.fetch`',
          },
          endColumn: 76,
          endLine: 1,
          line: 1,
          messageId: 'missingClientDeadline',
        },
      ],
    },
    {
      // The toolkit's Octokit class, with a plugin, given its options by \`getOctokitOptions(token,
      // options)\`, which hands them on: with no \`request.signal\` it has no deadline.
      code: `import { GitHub, getOctokitOptions } from '@actions/github/lib/utils';
import { retry } from '@octokit/plugin-retry';
export const octokit = new (GitHub.plugin(retry))(getOctokitOptions(process.env.GITHUB_TOKEN ?? ''));
export const bounded = new GitHub(getOctokitOptions(process.env.GITHUB_TOKEN ?? '', { request: { signal: AbortSignal.timeout(10_000) } }));
export const unknown = (options: object) => new GitHub(getOctokitOptions(process.env.GITHUB_TOKEN ?? '', options));`,
      errors: [{ line: 3, column: 29, endLine: 3, endColumn: 49, messageId: 'missingClientDeadline' }],
    },
    {
      // GitHub Actions' toolkit makes the Octokit (\`getOctokit(token, options)\`); options with a
      // \`request.signal\` bound it.
      code: `import * as github from '@actions/github';
export const octokit = github.getOctokit(process.env.GITHUB_TOKEN ?? '');
export const bounded = github.getOctokit(process.env.GITHUB_TOKEN ?? '', { request: { signal: AbortSignal.timeout(10_000) } });`,
      errors: [
        {
          line: 2,
          column: 24,
          endLine: 2,
          endColumn: 41,
          messageId: 'missingClientDeadline',
          data: {
            client: 'Octokit client',
            fix: FAMILIES.octokit.fix,
            hang: RUNTIME_FETCH_HANG,
            what: '\`request.signal\` or a timed \`request.fetch\`',
          },
        },
      ],
    },
    {
      // A label that names a client already is not followed by "client" again.
      code: `import { WebClient } from '@slack/web-api'; export const slack = new WebClient(process.env.SLACK_TOKEN);`,
      errors: [
        {
          column: 70,
          endColumn: 79,
          endLine: 1,
          line: 1,
          messageId: 'missingClientDeadline',
          data: {
            hang: 'hangs forever',
            client: 'Slack WebClient',
            what: '`timeout`',
            fix: FAMILIES.slack.fix,
          },
        },
      ],
    },
    {
      code: `import { Client } from '@elastic/elasticsearch'; export const search = new Client({ node: 'http://search:9200' });`,
      errors: [{ column: 76, endColumn: 82, endLine: 1, line: 1, messageId: 'missingClientDeadline' }],
    },
    {
      code: `import Stripe from 'stripe'; export const stripe = new Stripe(key, { timeout: 0 });`,
      errors: [{ column: 70, endColumn: 80, endLine: 1, line: 1, messageId: 'noneDeadline' }],
    },
    {
      code: `const redis = require('redis'); const client = redis.createClient(6379, 'cache', { auth_pass: password });`,
      errors: [{ column: 48, endColumn: 66, endLine: 1, line: 1, messageId: 'missingClientDeadline' }],
    },
    {
      code: `
import { Agent } from 'undici';
const options = { headersTimeout: 0, bodyTimeout: 0 };
export const agent = new Agent(options);
`,
      errors: [
        { column: 19, endColumn: 36, endLine: 3, line: 3, messageId: 'noneDeadline' },
        { column: 38, endColumn: 52, endLine: 3, line: 3, messageId: 'noneDeadline' },
      ],
    },
    {
      code: `
import { credentials, loadPackageDefinition, Metadata } from '@grpc/grpc-js';
const { payments } = loadPackageDefinition(definition) as any;
const stub = new payments.Payments(address, credentials.createInsecure());
const metadata = new Metadata();
stub.refund(request, metadata, callback);
const chat = stub.chat({ deadline: Infinity });
`,
      errors: [
        { column: 1, endColumn: 12, endLine: 6, line: 6, messageId: 'missingDeadline' },
        { column: 26, endColumn: 44, endLine: 7, line: 7, messageId: 'noneDeadline' },
      ],
    },
    {
      code: `
const controller = new AbortController();
const signal = controller.signal;
await fetch(url, { signal });
`,
      errors: [
        {
          column: 20,
          endColumn: 26,
          endLine: 4,
          line: 4,
          messageId: 'untimedSignal',
          suggestions: [
            {
              messageId: 'suggestAnySignal',
              output: `
const controller = new AbortController();
const signal = controller.signal;
await fetch(url, { signal: AbortSignal.any([signal, AbortSignal.timeout(10000)]) });
`,
            },
          ],
        },
      ],
    },
    {
      filename: 'src/__tests__/api.test.ts',
      code: 'await fetch(url);',
      options: [{ checkTests: true }],
      errors: [
        {
          column: 7,
          endColumn: 12,
          endLine: 1,
          line: 1,
          messageId: 'missingDeadline',
          suggestions: [
            {
              messageId: 'suggestSignal',
              output: 'await fetch(url, { signal: AbortSignal.timeout(10000) });',
            },
          ],
        },
      ],
    },
    {
      // An exported axios instance made without a deadline: its calls are in other files.
      code: `import axios from 'axios';
export const http = axios.create({ baseURL: 'https://billing.internal' });`,
      errors: [{ column: 21, endColumn: 33, endLine: 2, line: 2, messageId: 'missingClientDeadline' }],
    },
    {
      // A factory function that returns an unbounded instance.
      code: `import axios from 'axios';
export function billingClient(token: string) {
  return axios.create({ baseURL: 'https://billing.internal', headers: { authorization: token } });
}`,
      errors: [{ column: 10, endColumn: 22, endLine: 3, line: 3, messageId: 'missingClientDeadline' }],
    },
    {
      // Exported by name at the end of the module.
      code: `import axios from 'axios';
const api = axios.create({ baseURL: 'https://billing.internal' });
export { api };`,
      errors: [{ column: 13, endColumn: 25, endLine: 2, line: 2, messageId: 'missingClientDeadline' }],
    },
    {
      // googleapis sends through gaxios, whose timeout defaults to none: at a call through an API
      // made here, where an API leaves the file, and where a call turns the timeout off.
      code: `import { google } from 'googleapis';
import { drive as driveApi } from '@googleapis/drive';
const drive = google.drive({ version: 'v3', auth });
export const list = (q: string) => drive.files.list({ q });
export function mailbox(auth: string) {
  return google.gmail({ version: 'v1', auth });
}
export const files = driveApi({ version: 'v3', auth });
export const get = (fileId: string) => drive.files.get({ fileId }, { timeout: 0 });`,
      errors: [
        { column: 36, endColumn: 52, endLine: 4, line: 4, messageId: 'missingDeadline' },
        { column: 10, endColumn: 22, endLine: 6, line: 6, messageId: 'missingClientDeadline' },
        { column: 22, endColumn: 30, endLine: 8, line: 8, messageId: 'missingClientDeadline' },
        { column: 70, endColumn: 80, endLine: 9, line: 9, messageId: 'noneDeadline' },
      ],
    },
    {
      // An API known by its declared type: its options are not visible, so only a call that turns
      // the timeout off is reported.
      code: `import { drive_v3, gmail_v1 } from 'googleapis';
export class Files {
  constructor(private readonly drive: drive_v3.Drive, private readonly gmail: gmail_v1.Gmail) {}
  list() { return this.drive.files.list({}, { timeout: 0 }); }
  send() { return this.gmail.users.messages.send({ userId: 'me' }); }
}`,
      errors: [{ column: 47, endColumn: 57, endLine: 4, line: 4, messageId: 'noneDeadline' }],
    },
    {
      // SendGrid's mail service posts through axios with no timeout unless one is set on it.
      filename: path.join(PROJECTS, 'without-bootstrap/src/mail.ts'),
      code: `import sgMail from '@sendgrid/mail';
sgMail.setApiKey(process.env.SENDGRID_API_KEY!);
export const notify = (to: string) => sgMail.send({ to, from: 'team@example.com', subject: 'Hi', text: '' });`,
      options: [{ checkTests: true }],
      errors: [{ column: 39, endColumn: 50, endLine: 3, line: 3, messageId: 'missingDeadline' }],
    },
    {
      // Resend sends with the global fetch and has no timeout option: reported where it is made,
      // unless every call in the file passes a signal (the SDK hands a call's options to fetch).
      code: `import { Resend } from 'resend';
const resend = new Resend(process.env.RESEND_API_KEY);
export const welcome = (to: string) => resend.emails.send({ from: 'team@example.com', to, subject: 'Hi', html: '' });
export const verify = (payload: string) => resend.webhooks.verify({ payload });`,
      errors: [{ column: 20, endColumn: 26, endLine: 2, line: 2, messageId: 'clientCannotBound' }],
    },
    {
      // request sends with no timeout unless its options set one; a callback named as one (`cb`,
      // `done`) holds no options. 0 turns the timeout off.
      code: `import request from 'request';
export function load(url: string, cb: () => void) {
  request.get(url, cb);
}
export const save = (done: () => void) => request({ uri: 'https://example.com', method: 'POST', timeout: 0 }, done);`,
      errors: [
        { column: 3, endColumn: 14, endLine: 3, line: 3, messageId: 'missingDeadline' },
        { column: 97, endColumn: 107, endLine: 5, line: 5, messageId: 'noneDeadline' },
      ],
    },
    {
      // pg-promise makes a pg pool from the connection it is given: judged as pg is, where it is made.
      code: `const pgp = require('pg-promise')();
const db = pgp({ host: 'db', database: 'app' });
exports.count = () => db.one('select count(*) from users');`,
      errors: [{ column: 12, endColumn: 15, endLine: 2, line: 2, messageId: 'missingClientDeadline' }],
    },
    {
      // postgres.js bounds connecting (30 s by default), never a query: reported where it is made.
      code: `import postgres from 'postgres';
export const sql = postgres(process.env.DATABASE_URL!, { max: 10, idle_timeout: 20 });
export const off = postgres({ host: 'db', connection: { statement_timeout: 0 } });`,
      errors: [
        { column: 20, endColumn: 28, endLine: 2, line: 2, messageId: 'missingClientDeadline' },
        { column: 57, endColumn: 77, endLine: 3, line: 3, messageId: 'noneDeadline' },
      ],
    },
    {
      // Made and used at once through a member the catalog does not list as local: it may send
      // (TypeORM's `initialize` connects), so the construction is judged.
      code: `import { DataSource } from 'typeorm';
export const init = async () => { await new DataSource({ type: 'postgres', host: 'db' }).initialize(); };`,
      errors: [{ line: 2, column: 45, endLine: 2, endColumn: 55, messageId: 'missingClientDeadline' }],
    },
    {
      // @actions/http-client fails a request only after three minutes of silence on its socket
      // (`socketTimeout || 3 * 60000`): reported where it is made, with no request options or with
      // a `socketTimeout` of 0, which keeps that default.
      code: `import * as httpm from '@actions/http-client';
export async function latest(url: string) {
  const http = new httpm.HttpClient('setup-thing');
  return (await http.getJson<{ tag: string }>(url)).result;
}
export const zero = new httpm.HttpClient('setup-thing', [], { socketTimeout: 0 });`,
      errors: [
        {
          column: 20,
          endColumn: 36,
          endLine: 3,
          line: 3,
          messageId: 'missingClientDeadline',
          data: {
            client: '@actions/http-client HttpClient',
            what: '`socketTimeout` in its request options',
            hang: 'waits three minutes for each silence on the socket before it fails, and a response that trickles holds it for as long as the data keeps coming',
            fix: 'pass `{ socketTimeout: ms }` as its third argument (`new HttpClient(userAgent, handlers, { socketTimeout: 30_000 })`), and race calls that must finish by a deadline against a timer',
          },
        },
        { column: 25, endColumn: 41, endLine: 6, line: 6, messageId: 'missingClientDeadline' },
      ],
    },
    {
      // minio-js sets no timeout and takes none: reported where the client is made, with that
      // limitation. Presigning without a region asks the server for the bucket's region first.
      code: `import * as Minio from 'minio';
const storage = new Minio.Client({ endPoint: 's3.internal', accessKey: 'a', secretKey: 'b' });
export const put = (key: string, body: Buffer) => storage.putObject('media', key, body);
const signer = new Minio.Client({ endPoint: 's3.internal', accessKey: 'a', secretKey: 'b' });
export const link = (key: string) => signer.presignedGetObject('media', key);`,
      errors: [
        { column: 21, endColumn: 33, endLine: 2, line: 2, messageId: 'clientCannotBound' },
        { column: 20, endColumn: 32, endLine: 4, line: 4, messageId: 'clientCannotBound' },
      ],
    },
    {
      // Only the sends hand their options to fetch: a signal given to a read goes nowhere.
      code: `import { Resend } from 'resend';
const resend = new Resend(process.env.RESEND_API_KEY);
export const contact = (id: string) => resend.contacts.get(id, { signal: AbortSignal.timeout(5000) } as never);`,
      errors: [{ column: 20, endColumn: 26, endLine: 2, line: 2, messageId: 'clientCannotBound' }],
    },
    {
      // google-auth-library's clients exchange and refresh tokens through their own transporter:
      // the positional form takes no options, and an options object without `transporterOptions`
      // gives it no timeout.
      code: `import { google } from 'googleapis';
import { OAuth2Client, JWT } from 'google-auth-library';
const oauth = new google.auth.OAuth2(process.env.GOOGLE_CLIENT_ID, process.env.GOOGLE_CLIENT_SECRET, redirectUri);
export const exchange = (code: string) => oauth.getToken(code);
export const verifier = new OAuth2Client({ clientId });
export const service = new JWT({ email, key, scopes });`,
      errors: [
        { column: 19, endColumn: 37, endLine: 3, line: 3, messageId: 'missingClientDeadline' },
        { column: 29, endColumn: 41, endLine: 5, line: 5, messageId: 'missingClientDeadline' },
        { column: 28, endColumn: 31, endLine: 6, line: 6, messageId: 'missingClientDeadline' },
      ],
    },
    {
      // A factory that configures the instance before it returns it.
      code: `import axios from 'axios';
export function billingClient(token: string) {
  const client = axios.create({ baseURL: 'https://billing.internal', headers: { authorization: token } });
  client.interceptors.response.use(response => response);
  return client;
}`,
      errors: [{ column: 18, endColumn: 30, endLine: 3, line: 3, messageId: 'missingClientDeadline' }],
    },
    {
      // Made on first use by a getter (also through `??=`), and by a getter that returns a module const.
      code: `import axios, { type AxiosInstance } from 'axios';
let api: AxiosInstance | undefined;
export function getApi() {
  if (!api) api = axios.create({ baseURL: process.env.API_URL });
  return api;
}
let cached: AxiosInstance | undefined;
export const getCached = () => (cached ??= axios.create({ baseURL: process.env.API_URL }));
const shared = axios.create({ baseURL: process.env.API_URL });
export function getShared() {
  return shared!;
}`,
      errors: [
        { column: 19, endColumn: 31, endLine: 4, line: 4, messageId: 'missingClientDeadline' },
        { column: 44, endColumn: 56, endLine: 8, line: 8, messageId: 'missingClientDeadline' },
        { column: 16, endColumn: 28, endLine: 9, line: 9, messageId: 'missingClientDeadline' },
      ],
    },
    {
      // mysql2 has no pool-wide query timeout: the pool is reported where it is made.
      code: `import mysql from 'mysql2/promise'; export const pool = mysql.createPool({ host: 'db', user: 'app' });`,
      errors: [{ column: 57, endColumn: 73, endLine: 1, line: 1, messageId: 'clientCannotBound' }],
    },
    {
      // mysql2: a connection whose query passes no `timeout`.
      code: `import { createConnection } from 'mysql2'; const db = createConnection('mysql://db/app'); export const one = (id: string) => db.query('SELECT * FROM t WHERE id = ?', [id]);`,
      errors: [{ column: 55, endColumn: 71, endLine: 1, line: 1, messageId: 'clientCannotBound' }],
    },
    {
      // knex on PostgreSQL without `statement_timeout`/`query_timeout`.
      code: `import knex from 'knex'; export const db = knex({ client: 'pg', connection: { host: 'db', user: 'app' } });`,
      errors: [{ column: 44, endColumn: 48, endLine: 1, line: 1, messageId: 'missingClientDeadline' }],
    },
    {
      // knex on MySQL: no connection-wide query timeout exists.
      code: `import { knex } from 'knex'; export const db = knex({ client: 'mysql2', connection: process.env.DATABASE_URL });`,
      errors: [{ column: 48, endColumn: 52, endLine: 1, line: 1, messageId: 'clientCannotBound' }],
    },
    {
      // knex: `statement_timeout: 0` turns the bound off.
      code: `import knex from 'knex'; export const db = knex({ client: 'pg', connection: { host: 'db', statement_timeout: 0 } });`,
      errors: [{ column: 91, endColumn: 111, endLine: 1, line: 1, messageId: 'noneDeadline' }],
    },
    {
      // A connection that also sends commands is not a subscriber, whatever else it does.
      code: `import Redis from 'ioredis'; const conn = new Redis(process.env.REDIS_URL); conn.subscribe('x'); export const get = (k: string) => conn.get(k);`,
      errors: [{ line: 1, column: 47, endLine: 1, endColumn: 52, messageId: 'missingClientDeadline' }],
    },
    {
      // A readonly class field that turns the deadline off (`this.OFF`, `Limits.NONE`).
      code: `import axios from 'axios';
class Limits { static readonly NONE = 0; }
export class Importer {
  private readonly OFF = 0;
  private readonly TIMEOUT_MS = 3000;
  off(url: string) { return axios.get(url, { timeout: this.OFF }); }
  none(url: string) { return axios.get(url, { timeout: Limits.NONE }); }
  bounded(url: string) { return axios.get(url, { timeout: this.TIMEOUT_MS }); }
}`,
      errors: [
        { line: 6, column: 46, endLine: 6, endColumn: 63, messageId: 'noneDeadline' },
        { line: 7, column: 47, endLine: 7, endColumn: 67, messageId: 'noneDeadline' },
      ],
    },
    {
      // ofetch has no default timeout; `timeout: 0` sets no timer.
      code: `import { ofetch } from 'ofetch';
export const a = (url: string) => ofetch(url);
const api = ofetch.create({ baseURL: 'https://api.example.com' });
export const c = () => api('/users');
export const e = (url: string) => ofetch(url, { timeout: 0 });`,
      errors: [
        { line: 2, column: 35, endLine: 2, endColumn: 41, messageId: 'missingDeadline' },
        { line: 4, column: 24, endLine: 4, endColumn: 27, messageId: 'missingDeadline' },
        { line: 5, column: 49, endLine: 5, endColumn: 59, messageId: 'noneDeadline' },
      ],
    },
    {
      // @elastic/elasticsearch 9 has no default request timeout.
      filename: path.join(import.meta.dirname, '../fixtures/package-versions/search-v9/src/search.ts'),
      code: `import { Client } from '@elastic/elasticsearch'; export const es = new Client({ node: 'http://es:9200' });`,
      options: [{ checkTests: true }],
      errors: [{ line: 1, column: 72, endLine: 1, endColumn: 78, messageId: 'missingClientDeadline' }],
    },
    {
      // node-fetch 3 ignores `timeout`; in node-fetch 2, `timeout: 0` turns it off.
      filename: path.join(import.meta.dirname, '../fixtures/package-versions/fetch-v3/src/purge.ts'),
      code: `import fetch from 'node-fetch'; export const purge = (url: string) => fetch(url, { method: 'POST', timeout: 5000 });`,
      options: [{ checkTests: true }],
      errors: [
        {
          line: 1,
          column: 71,
          endLine: 1,
          endColumn: 76,
          messageId: 'missingDeadline',
          suggestions: [
            {
              messageId: 'suggestSignal',
              output: `import fetch from 'node-fetch'; export const purge = (url: string) => fetch(url, { signal: AbortSignal.timeout(10000), method: 'POST', timeout: 5000 });`,
            },
          ],
        },
      ],
    },
    {
      filename: path.join(import.meta.dirname, '../fixtures/package-versions/fetch-v2/src/purge.ts'),
      code: `import fetch from 'node-fetch';
export const purge = (url: string) => fetch(url, { method: 'POST', timeout: 0 });`,
      options: [{ checkTests: true }],
      errors: [{ line: 2, column: 68, endLine: 2, endColumn: 78, messageId: 'noneDeadline' }],
    },
    {
      // node-redis 4 has no `socket.socketTimeout`: the message says no option bounds a command.
      filename: path.join(import.meta.dirname, '../fixtures/package-versions/redis-v4/src/cache.ts'),
      code: `import { createClient } from 'redis'; export const client = createClient({ url: process.env.REDIS_URL });`,
      options: [{ checkTests: true }],
      errors: [
        {
          line: 1,
          column: 61,
          endLine: 1,
          endColumn: 73,
          messageId: 'clientCannotBound',
          data: {
            client: 'node-redis client',
            limitation:
              'node-redis before 5.1 has no option that bounds a command once it is sent (`socket.connectTimeout` bounds only connecting, and a `signal` given with `commandOptions({ signal })` only cancels a command not yet written to the socket)',
            fix: 'race each command against a timer (a timeout wrapper), or upgrade to node-redis 5.1 or later and set `socket: { socketTimeout: ms }`',
          },
        },
      ],
    },
    {
      // A node-redis 5 option set under node-redis 4 is ignored.
      filename: path.join(import.meta.dirname, '../fixtures/package-versions/redis-v4/src/cache.ts'),
      code: `import { createClient } from 'redis'; export const client = createClient({ socket: { socketTimeout: 5000 } });`,
      options: [{ checkTests: true }],
      errors: [
        {
          line: 1,
          column: 86,
          endLine: 1,
          endColumn: 105,
          messageId: 'ignoredTimeout',
          data: {
            key: 'socket.socketTimeout',
            label: 'node-redis',
            fix: 'race each command against a timer (a timeout wrapper), or upgrade to node-redis 5.1 or later and set `socket: { socketTimeout: ms }`',
          },
        },
      ],
    },
    {
      // `@redis/client` 1.x is node-redis 4's client.
      filename: path.join(import.meta.dirname, '../fixtures/package-versions/redis-client-v1/src/cache.ts'),
      code: `import { createClient } from '@redis/client'; export const client = createClient({ socket: { connectTimeout: 5000 } });`,
      options: [{ checkTests: true }],
      errors: [{ line: 1, column: 69, endLine: 1, endColumn: 81, messageId: 'clientCannotBound' }],
    },
    {
      // ioredis before 4.25 has no `commandTimeout`: no option bounds a command, and one written is ignored.
      filename: path.join(import.meta.dirname, '../fixtures/package-versions/ioredis-old/src/cache.ts'),
      code: `import Redis from 'ioredis'; export const redis = new Redis(process.env.REDIS_URL);`,
      options: [{ checkTests: true }],
      errors: [
        {
          line: 1,
          column: 55,
          endLine: 1,
          endColumn: 60,
          messageId: 'clientCannotBound',
          data: {
            client: 'ioredis client',
            limitation:
              'ioredis before 4.25 has no option that bounds a command (`commandTimeout` came in 4.25.0; `connectTimeout` bounds only connecting)',
            fix: 'race each command against a timer (a timeout wrapper), or upgrade to ioredis 4.25 or later and set `commandTimeout` (ms)',
          },
        },
      ],
    },
    {
      filename: path.join(import.meta.dirname, '../fixtures/package-versions/ioredis-old/src/cache.ts'),
      code: `import Redis from 'ioredis'; export const redis = new Redis({ commandTimeout: 5000 });`,
      options: [{ checkTests: true }],
      errors: [
        {
          line: 1,
          column: 63,
          endLine: 1,
          endColumn: 83,
          messageId: 'ignoredTimeout',
          data: {
            key: 'commandTimeout',
            label: 'ioredis',
            fix: 'race each command against a timer (a timeout wrapper), or upgrade to ioredis 4.25 or later and set `commandTimeout` (ms)',
          },
        },
      ],
    },
    {
      // axios before 0.22 never reads `signal` (it came in 0.22.0): a signal alone bounds nothing.
      filename: path.join(import.meta.dirname, '../fixtures/package-versions/axios-old/src/client.ts'),
      code: `import axios from 'axios'; export const load = (url: string) => axios.get(url, { signal: AbortSignal.timeout(5000) });`,
      options: [{ checkTests: true }],
      errors: [
        {
          line: 1,
          column: 82,
          endLine: 1,
          endColumn: 115,
          messageId: 'ignoredTimeout',
          data: {
            key: 'signal',
            label: 'axios',
            fix: 'set `timeout` (ms) in the request config or in `axios.create({...})`: axios before 0.22 has no `signal` (it came in 0.22.0), or upgrade axios',
          },
        },
      ],
    },
    {
      // The same through an instance axios made in this file: its calls are axios 0.21's too.
      filename: path.join(import.meta.dirname, '../fixtures/package-versions/axios-old/src/client.ts'),
      code: `import axios from 'axios'; const api = axios.create({ baseURL: 'https://api.example.com' }); export const load = (id: string) => api.get(id, { signal: AbortSignal.timeout(5000) });`,
      options: [{ checkTests: true }],
      errors: [
        {
          line: 1,
          column: 144,
          endLine: 1,
          endColumn: 177,
          messageId: 'ignoredTimeout',
          data: {
            key: 'signal',
            label: 'axios',
            fix: 'set `timeout` (ms) in the request config or in `axios.create({...})`: axios before 0.22 has no `signal` (it came in 0.22.0), or upgrade axios',
          },
        },
      ],
    },
    {
      // ioredis 4.25–5.3 has `commandTimeout` but no `socketTimeout` (5.4.0): that one is ignored.
      filename: path.join(import.meta.dirname, '../fixtures/package-versions/ioredis-v4/src/cache.ts'),
      code: `import Redis from 'ioredis'; export const redis = new Redis({ socketTimeout: 5000 });`,
      options: [{ checkTests: true }],
      errors: [
        {
          line: 1,
          column: 63,
          endLine: 1,
          endColumn: 82,
          messageId: 'ignoredTimeout',
          data: { key: 'socketTimeout', label: 'ioredis', fix: 'set `commandTimeout` (ms) in the options' },
        },
      ],
    },
    {
      // The promises spread into the combinator's list are waited for.
      code: `export async function linkAll(events: string[]) {
  await Promise.all([
    ...events.map(async id => {
      await fetch('https://events.example.com/' + id, { method: 'PUT' });
    }),
  ]);
}`,
      errors: [
        {
          line: 4,
          column: 13,
          endLine: 4,
          endColumn: 18,
          messageId: 'missingDeadline',
          suggestions: [
            {
              messageId: 'suggestSignal',
              output: `export async function linkAll(events: string[]) {
  await Promise.all([
    ...events.map(async id => {
      await fetch('https://events.example.com/' + id, { signal: AbortSignal.timeout(10000), method: 'PUT' });
    }),
  ]);
}`,
            },
          ],
        },
      ],
    },
    {
      // A client held in a module-level `let` assigned once at the top level and exported: a direct
      // call on the imported binding is judged like a call through an injected client; one whose
      // promise is dropped is not reported.
      filename: path.join(HELD, 'unbounded/src/controllers/actions.ts'),
      code: readFileSync(path.join(HELD, 'unbounded/src/controllers/actions.ts'), 'utf8'),
      options: [{ checkTests: true }],
      errors: [
        { line: 4, column: 24, endLine: 4, endColumn: 33, messageId: 'projectCallWithoutDeadline' },
        { line: 5, column: 9, endLine: 5, endColumn: 18, messageId: 'injectedClientWithoutDeadline' },
      ],
    },
    {
      // The exported client reached through a namespace import and through a local const that
      // holds it; and a helper of the project that calls it through a namespace import.
      filename: path.join(HELD, 'unbounded/src/controllers/aliases.ts'),
      code: readFileSync(path.join(HELD, 'unbounded/src/controllers/aliases.ts'), 'utf8'),
      options: [{ checkTests: true }],
      errors: [
        { line: 6, column: 10, endLine: 6, endColumn: 25, messageId: 'injectedClientWithoutDeadline' },
        { line: 11, column: 9, endLine: 11, endColumn: 22, messageId: 'injectedClientWithoutDeadline' },
        {
          line: 15,
          column: 9,
          endLine: 15,
          endColumn: 15,
          messageId: 'projectCallWithoutDeadline',
          data: {
            callee: 'revoke',
            inner: 'store.redis.del',
            at: '../services/tokens.ts:4',
            label: 'ioredis',
            where: '../services/redis.ts:5',
            fix: FAMILIES.ioredis.fix,
          },
        },
        // Read from the namespace into consts, here and in the helper.
        { line: 21, column: 9, endLine: 21, endColumn: 21, messageId: 'injectedClientWithoutDeadline' },
        { line: 22, column: 10, endLine: 22, endColumn: 20, messageId: 'injectedClientWithoutDeadline' },
        { line: 26, column: 9, endLine: 26, endColumn: 18, messageId: 'projectCallWithoutDeadline' },
      ],
    },
    {
      // Clients made from the environment (a URL with a default, a non-null host, `String(…)`): an
      // address, not options, so each has no `commandTimeout`.
      filename: path.join(import.meta.dirname, '../fixtures/project-redis-env/unbounded/src/redis.ts'),
      code: readFileSync(
        path.join(import.meta.dirname, '../fixtures/project-redis-env/unbounded/src/redis.ts'),
        'utf8',
      ),
      options: [{ checkTests: true }],
      errors: [
        { line: 3, column: 26, endLine: 3, endColumn: 31, messageId: 'missingClientDeadline' },
        { line: 4, column: 29, endLine: 4, endColumn: 34, messageId: 'missingClientDeadline' },
        { line: 5, column: 26, endLine: 5, endColumn: 31, messageId: 'missingClientDeadline' },
      ],
    },
    {
      // Beside a BullMQ connection, the three are reported where they are made; it is not.
      filename: path.join(import.meta.dirname, '../fixtures/project-redis-env/with-queue/src/redis.ts'),
      code: readFileSync(
        path.join(import.meta.dirname, '../fixtures/project-redis-env/with-queue/src/redis.ts'),
        'utf8',
      ),
      options: [{ checkTests: true }],
      errors: [
        { line: 3, column: 26, endLine: 3, endColumn: 31, messageId: 'missingClientDeadline' },
        { line: 4, column: 29, endLine: 4, endColumn: 34, messageId: 'missingClientDeadline' },
        { line: 5, column: 26, endLine: 5, endColumn: 31, messageId: 'missingClientDeadline' },
      ],
    },
    {
      // Their calls from another module.
      filename: path.join(import.meta.dirname, '../fixtures/project-redis-env/unbounded/src/use.ts'),
      code: readFileSync(
        path.join(import.meta.dirname, '../fixtures/project-redis-env/unbounded/src/use.ts'),
        'utf8',
      ),
      options: [{ checkTests: true }],
      errors: [
        {
          line: 4,
          column: 10,
          endLine: 4,
          endColumn: 19,
          messageId: 'injectedClientWithoutDeadline',
          data: {
            callee: 'cache.get',
            label: 'ioredis',
            where: 'redis.ts:3 and 2 more',
            fix: FAMILIES.ioredis.fix,
          },
        },
        { line: 8, column: 10, endLine: 8, endColumn: 26, messageId: 'injectedClientWithoutDeadline' },
      ],
    },
    {
      // Two clients made in one module: a message names the one the call goes through first.
      filename: path.join(import.meta.dirname, '../fixtures/project-two-clients/src/jobs.ts'),
      code: readFileSync(
        path.join(import.meta.dirname, '../fixtures/project-two-clients/src/jobs.ts'),
        'utf8',
      ),
      options: [{ checkTests: true }],
      errors: [
        {
          line: 4,
          column: 10,
          endLine: 4,
          endColumn: 20,
          messageId: 'injectedClientWithoutDeadline',
          data: {
            callee: 'queue.lpop',
            label: 'ioredis',
            where: 'redis.ts:4 and 1 more',
            fix: FAMILIES.ioredis.fix,
          },
        },
        {
          line: 8,
          column: 10,
          endLine: 8,
          endColumn: 27,
          messageId: 'injectedClientWithoutDeadline',
          data: {
            callee: 'getQueue().lindex',
            label: 'ioredis',
            where: 'redis.ts:4 and 1 more',
            fix: FAMILIES.ioredis.fix,
          },
        },
        {
          line: 12,
          column: 10,
          endLine: 12,
          endColumn: 19,
          messageId: 'injectedClientWithoutDeadline',
          data: {
            callee: 'cache.get',
            label: 'ioredis',
            where: 'redis.ts:3 and 1 more',
            fix: FAMILIES.ioredis.fix,
          },
        },
      ],
    },
    {
      // Redis batches sent by `exec`: a pipeline held in a const, a `multi()` chain, on an injected
      // client and on one another module exports. A RegExp's `exec` and a batch of something
      // else are not commands.
      filename: path.join(HELD, 'unbounded/src/controllers/batches.ts'),
      code: readFileSync(path.join(HELD, 'unbounded/src/controllers/batches.ts'), 'utf8'),
      options: [{ checkTests: true }],
      errors: [
        {
          line: 11,
          column: 11,
          endLine: 11,
          endColumn: 24,
          messageId: 'injectedClientWithoutDeadline',
          data: {
            callee: 'pipeline.exec',
            label: 'ioredis',
            where: '../services/redis.ts:5',
            fix: FAMILIES.ioredis.fix,
          },
        },
        { line: 15, column: 12, endLine: 15, endColumn: 62, messageId: 'injectedClientWithoutDeadline' },
        { line: 20, column: 10, endLine: 20, endColumn: 38, messageId: 'injectedClientWithoutDeadline' },
        // A const that holds the getter's client, and a pipeline started on the getter's.
        { line: 33, column: 10, endLine: 33, endColumn: 39, messageId: 'injectedClientWithoutDeadline' },
        { line: 39, column: 10, endLine: 39, endColumn: 23, messageId: 'injectedClientWithoutDeadline' },
        // Blocking reads (`brpop(key, 0)`, `xread('BLOCK', 0, …)`) wait by design; a plain read does
        // not, nor one that blocks a written, finite time.
        { line: 50, column: 10, endLine: 50, endColumn: 21, messageId: 'injectedClientWithoutDeadline' },
        { line: 55, column: 10, endLine: 55, endColumn: 21, messageId: 'injectedClientWithoutDeadline' },
      ],
    },
    {
      // A batch of a client this file makes: the client is reported where it is made, once.
      code: `import Redis from 'ioredis';
const redis = new Redis(process.env.REDIS_URL);
export const bump = (key: string) => redis.multi().incr(key).exec();`,
      errors: [{ line: 2, column: 19, endLine: 2, endColumn: 24, messageId: 'missingClientDeadline' }],
    },
    {
      // The pool a getter of another module makes on first use and returns: called in the chain
      // (also to check a connection out), or held in a const. A getter of something else (a Map)
      // and a parameter that shadows the getter are not clients.
      filename: path.join(HELD, 'unbounded/src/controllers/getters.ts'),
      code: readFileSync(path.join(HELD, 'unbounded/src/controllers/getters.ts'), 'utf8'),
      options: [{ checkTests: true }],
      errors: [
        {
          line: 6,
          column: 10,
          endLine: 6,
          endColumn: 25,
          messageId: 'injectedClientWithoutDeadline',
          data: {
            callee: 'getPool().query',
            label: 'pg',
            where: '../services/db.ts:7 and 1 more',
            fix: FAMILIES.pg.fix,
          },
        },
        { line: 10, column: 24, endLine: 10, endColumn: 41, messageId: 'injectedClientWithoutDeadline' },
        { line: 20, column: 10, endLine: 20, endColumn: 20, messageId: 'injectedClientWithoutDeadline' },
        // A chain broken before its dot is named on one line.
        {
          line: 33,
          column: 10,
          endLine: 34,
          endColumn: 11,
          messageId: 'injectedClientWithoutDeadline',
          data: {
            callee: 'getPool().query',
            label: 'pg',
            where: '../services/db.ts:7 and 1 more',
            fix: FAMILIES.pg.fix,
          },
        },
        // A getter that keeps its pool on the global object, made through a local const.
        {
          line: 38,
          column: 9,
          endLine: 38,
          endColumn: 30,
          messageId: 'injectedClientWithoutDeadline',
          data: {
            callee: 'getSharedPool().query',
            label: 'pg',
            where: '../services/shared-pool.ts:10 and 1 more',
            fix: FAMILIES.pg.fix,
          },
        },
        // A getter a namespace import holds.
        { line: 42, column: 10, endLine: 42, endColumn: 28, messageId: 'injectedClientWithoutDeadline' },
      ],
    },
    {
      // The client given in an options object declared with an interface: destructured where it is
      // received, or read into a const.
      filename: path.join(HELD, 'unbounded/src/controllers/limits.ts'),
      code: readFileSync(path.join(HELD, 'unbounded/src/controllers/limits.ts'), 'utf8'),
      options: [{ checkTests: true }],
      errors: [
        { line: 4, column: 10, endLine: 4, endColumn: 20, messageId: 'injectedClientWithoutDeadline' },
        { line: 9, column: 9, endLine: 9, endColumn: 18, messageId: 'injectedClientWithoutDeadline' },
      ],
    },
    {
      // Methods of classes whose client is a field with no type written, made where the class
      // makes it (a field initializer; a constructor assignment in a JavaScript class).
      filename: path.join(FIELD, 'unbounded/src/routes/session.ts'),
      code: readFileSync(path.join(FIELD, 'unbounded/src/routes/session.ts'), 'utf8'),
      options: [{ checkTests: true }],
      errors: [
        {
          line: 9,
          column: 9,
          endLine: 9,
          endColumn: 20,
          messageId: 'projectCallWithoutDeadline',
          data: {
            callee: 'limiter.hit',
            inner: 'this.redis.incr',
            at: '../services/rate-limiter.js:9',
            label: 'ioredis',
            where: '../services/quota.ts:13 and 2 more',
            fix: FAMILIES.ioredis.fix,
          },
        },
        { line: 10, column: 10, endLine: 10, endColumn: 20, messageId: 'projectCallWithoutDeadline' },
        { line: 14, column: 9, endLine: 14, endColumn: 19, messageId: 'projectCallWithoutDeadline' },
        // A field given the client passed in, or one made when none is: the one made has no deadline.
        { line: 20, column: 10, endLine: 20, endColumn: 19, messageId: 'projectCallWithoutDeadline' },
      ],
    },
    {
      filename: path.join(FIELD, 'unbounded/src/services/rate-limiter.js'),
      code: readFileSync(path.join(FIELD, 'unbounded/src/services/rate-limiter.js'), 'utf8'),
      options: [{ checkTests: true }],
      errors: [{ line: 5, column: 22, endLine: 5, endColumn: 27, messageId: 'missingClientDeadline' }],
    },
    {
      // Requests through an axios instance the module makes once with no timeout, by a verb and
      // called as a function: the callers of its functions wait as long.
      filename: path.join(HELD, 'unbounded/src/controllers/partners.ts'),
      code: readFileSync(path.join(HELD, 'unbounded/src/controllers/partners.ts'), 'utf8'),
      options: [{ checkTests: true }],
      errors: [
        {
          line: 4,
          column: 25,
          endLine: 4,
          endColumn: 37,
          messageId: 'projectRequestWithoutDeadline',
          data: {
            callee: 'fetchPartner',
            inner: 'api.get',
            at: '../services/api.ts:7',
            label: 'axios',
            hang: 'hangs forever',
            fix: FAMILIES.axios.fix,
          },
        },
        { line: 5, column: 9, endLine: 5, endColumn: 22, messageId: 'projectRequestWithoutDeadline' },
      ],
    },
    {
      // Instances bounded after they are made, as far as the module shows or may (an interceptor
      // written apart, a project helper handed the instance, a `let` assigned again), are not told
      // of; one with only a header default, a response interceptor and axios-retry is.
      filename: path.join(HELD, 'unbounded/src/controllers/vendors.ts'),
      code: readFileSync(path.join(HELD, 'unbounded/src/controllers/vendors.ts'), 'utf8'),
      options: [{ checkTests: true }],
      errors: [
        { line: 6, column: 25, endLine: 6, endColumn: 33, messageId: 'projectRequestWithoutDeadline' },
      ],
    },
    {
      // A helper that deletes the key only after the read failed: the caller is told of the read,
      // on the path always taken.
      filename: path.join(HELD, 'unbounded/src/controllers/cache.ts'),
      code: readFileSync(path.join(HELD, 'unbounded/src/controllers/cache.ts'), 'utf8'),
      options: [{ checkTests: true }],
      errors: [
        {
          line: 4,
          column: 10,
          endLine: 4,
          endColumn: 19,
          messageId: 'projectCallWithoutDeadline',
          data: {
            callee: 'readFresh',
            inner: 'redis.get',
            at: '../services/redis.ts:21',
            label: 'ioredis',
            where: '../services/redis.ts:5',
            fix: FAMILIES.ioredis.fix,
          },
        },
      ],
    },
    {
      // Assigned again by a function of its module: the binding's client is not read from the
      // module, so the direct call is not judged (the helper's call is, by its declared type).
      filename: path.join(HELD, 'reassigned/src/controllers/actions.ts'),
      code: readFileSync(path.join(HELD, 'reassigned/src/controllers/actions.ts'), 'utf8'),
      options: [{ checkTests: true }],
      errors: [{ line: 4, column: 24, endLine: 4, endColumn: 33, messageId: 'projectCallWithoutDeadline' }],
    },
    {
      // Keycloak's admin client 26.5.1 and later: `timeout` (ms) per request, missing here.
      filename: path.join(import.meta.dirname, '../fixtures/package-versions/keycloak-v26/src/admin.ts'),
      code: `import KcAdminClient from '@keycloak/keycloak-admin-client'; export const kc = new KcAdminClient({ baseUrl: process.env.KC_URL, realmName: 'app' });`,
      options: [{ checkTests: true }],
      errors: [
        {
          line: 1,
          column: 84,
          endLine: 1,
          endColumn: 97,
          messageId: 'missingClientDeadline',
          data: {
            hang: 'hangs forever',
            client: 'Keycloak admin client',
            what: '`timeout`',
            fix: FAMILIES.keycloak.fix,
          },
        },
      ],
    },
    {
      // `timeout: 0` arms no signal.
      filename: path.join(import.meta.dirname, '../fixtures/package-versions/keycloak-v26/src/admin.ts'),
      code: `import KcAdminClient from '@keycloak/keycloak-admin-client'; export const kc = new KcAdminClient({ timeout: 0 });`,
      options: [{ checkTests: true }],
      errors: [{ line: 1, column: 100, endLine: 1, endColumn: 110, messageId: 'noneDeadline' }],
    },
    {
      // From 21.1 to 26.5.0 it sends with fetch and no option bounds a request.
      filename: path.join(import.meta.dirname, '../fixtures/package-versions/keycloak-v24/src/admin.ts'),
      code: `import KcAdminClient from '@keycloak/keycloak-admin-client'; export const kc = new KcAdminClient({ baseUrl: process.env.KC_URL });`,
      options: [{ checkTests: true }],
      errors: [
        {
          line: 1,
          column: 84,
          endLine: 1,
          endColumn: 97,
          messageId: 'clientCannotBound',
          data: {
            client: 'Keycloak admin client',
            limitation:
              '@keycloak/keycloak-admin-client from 21.1 to 26.5.0 sends its requests with fetch and has no option that bounds one (`requestOptions` is spread into every request, so a signal there would abort them all once it fires)',
            fix: 'race each call against a timer (a timeout wrapper), or upgrade to @keycloak/keycloak-admin-client 26.5.1 or later and set `timeout` (ms)',
          },
        },
      ],
    },
    {
      // ... and a `timeout` written there is ignored.
      filename: path.join(import.meta.dirname, '../fixtures/package-versions/keycloak-v24/src/admin.ts'),
      code: `import KcAdminClient from '@keycloak/keycloak-admin-client'; export const kc = new KcAdminClient({ baseUrl, timeout: 10_000 });`,
      options: [{ checkTests: true }],
      errors: [{ line: 1, column: 109, endLine: 1, endColumn: 124, messageId: 'ignoredTimeout' }],
    },
    {
      // Up to 21.0 it was axios-based: `requestConfig.timeout`, not `timeout`.
      filename: path.join(import.meta.dirname, '../fixtures/package-versions/keycloak-v20/src/admin.ts'),
      code: `import KcAdminClient from '@keycloak/keycloak-admin-client'; export const kc = new KcAdminClient({ baseUrl, timeout: 10_000 });`,
      options: [{ checkTests: true }],
      errors: [{ line: 1, column: 109, endLine: 1, endColumn: 124, messageId: 'ignoredTimeout' }],
    },
    {
      filename: path.join(import.meta.dirname, '../fixtures/package-versions/keycloak-v20/src/admin.ts'),
      code: `import KcAdminClient from '@keycloak/keycloak-admin-client'; export const kc = new KcAdminClient();`,
      options: [{ checkTests: true }],
      errors: [
        {
          line: 1,
          column: 84,
          endLine: 1,
          endColumn: 97,
          messageId: 'missingClientDeadline',
          data: {
            hang: 'hangs forever',
            client: 'Keycloak admin client',
            what: '`requestConfig.timeout`',
            fix: 'set `requestConfig: { timeout: ms }` in the client config',
          },
        },
      ],
    },
    {
      // A service class around the client: its handlers call the class's methods through an options
      // interface, and the client's nested resources through the class's field ...
      filename: path.join(KEYCLOAK, 'unbounded/src/handlers/update-group.ts'),
      code: readFileSync(path.join(KEYCLOAK, 'unbounded/src/handlers/update-group.ts'), 'utf8'),
      options: [{ checkTests: true }],
      errors: [
        // An interface's one implementation, two classes down to a bare `axios({ url, method })`.
        { line: 4, column: 9, endLine: 4, endColumn: 40, messageId: 'projectRequestWithoutDeadline' },
        { line: 5, column: 9, endLine: 5, endColumn: 47, messageId: 'projectCallWithoutDeadline' },
        { line: 6, column: 15, endLine: 6, endColumn: 45, messageId: 'projectCallWithoutDeadline' },
        { line: 8, column: 10, endLine: 8, endColumn: 47, messageId: 'injectedClientWithoutDeadline' },
      ],
    },
    {
      // ... also when the options are destructured where they are received, or read into consts
      // first (`const keycloak = opts.keycloakClient`, `const { client } = keycloak`,
      // `const { keycloakClient } = this.opts`); the synchronous `realmOf` is no remote call.
      filename: path.join(KEYCLOAK, 'unbounded/src/handlers/rename-group.ts'),
      code: readFileSync(path.join(KEYCLOAK, 'unbounded/src/handlers/rename-group.ts'), 'utf8'),
      options: [{ checkTests: true }],
      errors: [
        { line: 5, column: 9, endLine: 5, endColumn: 42, messageId: 'projectCallWithoutDeadline' },
        { line: 6, column: 10, endLine: 6, endColumn: 45, messageId: 'injectedClientWithoutDeadline' },
        { line: 12, column: 9, endLine: 12, endColumn: 36, messageId: 'projectCallWithoutDeadline' },
        { line: 13, column: 10, endLine: 13, endColumn: 35, messageId: 'injectedClientWithoutDeadline' },
        { line: 22, column: 11, endLine: 22, endColumn: 43, messageId: 'injectedClientWithoutDeadline' },
      ],
    },
    {
      // ... and a worker through a constructor parameter typed with an object type.
      filename: path.join(KEYCLOAK, 'unbounded/src/workers/delete-organization.ts'),
      code: readFileSync(path.join(KEYCLOAK, 'unbounded/src/workers/delete-organization.ts'), 'utf8'),
      options: [{ checkTests: true }],
      errors: [
        { line: 12, column: 11, endLine: 12, endColumn: 55, messageId: 'projectCallWithoutDeadline' },
        { line: 13, column: 25, endLine: 13, endColumn: 68, messageId: 'injectedClientWithoutDeadline' },
      ],
    },
    {
      filename: path.join(KEYCLOAK, 'unbounded/src/services/authentication.ts'),
      code: readFileSync(path.join(KEYCLOAK, 'unbounded/src/services/authentication.ts'), 'utf8'),
      options: [{ checkTests: true }],
      errors: [
        { line: 12, column: 24, endLine: 12, endColumn: 50, messageId: 'projectRequestWithoutDeadline' },
      ],
    },
    {
      filename: path.join(KEYCLOAK, 'unbounded/src/services/keycloak.ts'),
      code: readFileSync(path.join(KEYCLOAK, 'unbounded/src/services/keycloak.ts'), 'utf8'),
      options: [{ checkTests: true }],
      errors: [
        { line: 7, column: 23, endLine: 7, endColumn: 42, messageId: 'missingClientDeadline' },
        { line: 28, column: 26, endLine: 28, endColumn: 45, messageId: 'missingClientDeadline' },
      ],
    },
    {
      // An SDK's nested resource on a client another module makes and exports.
      filename: path.join(KEYCLOAK, 'unbounded/src/handlers/list-roles.ts'),
      code: readFileSync(path.join(KEYCLOAK, 'unbounded/src/handlers/list-roles.ts'), 'utf8'),
      options: [{ checkTests: true }],
      errors: [
        { line: 4, column: 10, endLine: 4, endColumn: 26, messageId: 'injectedClientWithoutDeadline' },
      ],
    },
    {
      // A wrapper that passes its caller's config to `axios(config)` is the caller's to bound; one
      // that sends `axios(url)` is a bare request. A subscription waits for messages by design.
      filename: path.join(HELD, 'unbounded/src/controllers/hooks.ts'),
      code: readFileSync(path.join(HELD, 'unbounded/src/controllers/hooks.ts'), 'utf8'),
      options: [{ checkTests: true }],
      errors: [{ line: 6, column: 9, endLine: 6, endColumn: 16, messageId: 'projectRequestWithoutDeadline' }],
    },
    {
      // `^21.0.0` cannot reach 26.5.1 and installs a fetch-based 21.1: no option bounds it.
      filename: path.join(import.meta.dirname, '../fixtures/package-versions/keycloak-v21span/src/admin.ts'),
      code: `import KcAdminClient from '@keycloak/keycloak-admin-client'; export const kc = new KcAdminClient({ baseUrl, timeout: 10_000 });`,
      options: [{ checkTests: true }],
      errors: [{ line: 1, column: 109, endLine: 1, endColumn: 124, messageId: 'ignoredTimeout' }],
    },
    {
      // node-redis 5 has `socket.socketTimeout`: the fix names it.
      filename: path.join(import.meta.dirname, '../fixtures/package-versions/redis-v5/src/cache.ts'),
      code: `import { createClient } from 'redis'; export const client = createClient({ url: process.env.REDIS_URL });`,
      options: [{ checkTests: true }],
      errors: [
        {
          line: 1,
          column: 61,
          endLine: 1,
          endColumn: 73,
          messageId: 'missingClientDeadline',
          data: {
            hang: 'hangs forever',
            client: 'node-redis client',
            what: '`socket.socketTimeout`',
            fix: 'set `socket: { socketTimeout: ms }` (and keep `connectTimeout` finite)',
          },
        },
      ],
    },
    {
      // A handler before 4.4.0 (the npm lockfile's 2.0.5): the fix leaves out `throwOnRequestTimeout`.
      filename: path.join(import.meta.dirname, '../fixtures/package-versions/aws-locked-npm/src/storage.ts'),
      code: `import { S3Client } from '@aws-sdk/client-s3'; export const s3 = new S3Client({ region: 'eu-west-1' });`,
      options: [{ checkTests: true }],
      errors: [
        {
          line: 1,
          column: 70,
          endLine: 1,
          endColumn: 78,
          messageId: 'missingClientDeadline',
          data: {
            hang: 'hangs forever',
            client: 'AWS SDK client',
            what: '`requestHandler` timeouts',
            fix: 'give the client `requestHandler: { connectionTimeout: ms, requestTimeout: ms }` (before @smithy/node-http-handler 4.4.0, `requestTimeout` aborts a request idle that long), or pass `{ abortSignal: AbortSignal.timeout(ms) }` to every `send`',
          },
        },
      ],
    },
    {
      // A handler from 4.4.0 on (the pnpm lockfile's 4.4.5): `requestTimeout` alone only warns.
      filename: path.join(import.meta.dirname, '../fixtures/package-versions/aws-locked-pnpm/src/storage.ts'),
      code: `import { S3Client } from '@aws-sdk/client-s3'; export const s3 = new S3Client({ requestHandler: { requestTimeout: 5000 } });`,
      options: [{ checkTests: true }],
      errors: [
        {
          line: 1,
          column: 99,
          endLine: 1,
          endColumn: 119,
          messageId: 'requestTimeoutDoesNotAbort',
          data: { note: '' },
        },
      ],
    },
    {
      // A client from 3.910.0 on needs a 4.4.0 handler or later: the fix names `throwOnRequestTimeout` alone.
      filename: path.join(import.meta.dirname, '../fixtures/package-versions/aws-v3-910/src/storage.ts'),
      code: `import { S3Client } from '@aws-sdk/client-s3'; export const s3 = new S3Client({ region: 'eu-west-1' });`,
      options: [{ checkTests: true }],
      errors: [
        {
          line: 1,
          column: 70,
          endLine: 1,
          endColumn: 78,
          messageId: 'missingClientDeadline',
          data: {
            hang: 'hangs forever',
            client: 'AWS SDK client',
            what: '`requestHandler` timeouts',
            fix: 'give the client `requestHandler: { connectionTimeout: ms, requestTimeout: ms, throwOnRequestTimeout: true }`, or pass `{ abortSignal: AbortSignal.timeout(ms) }` to every `send`',
          },
        },
      ],
    },
    {
      // A client range (^3.750.0) that may install either handler, no lockfile: the message says what each does.
      filename: path.join(import.meta.dirname, '../fixtures/package-versions/aws-unknown/src/storage.ts'),
      code: `import { S3Client } from '@aws-sdk/client-s3';
export const s3 = new S3Client({ region: 'eu-west-1' });
export const timed = new S3Client({ requestHandler: { requestTimeout: 5000 } });`,
      options: [{ checkTests: true }],
      errors: [
        {
          line: 2,
          column: 23,
          endLine: 2,
          endColumn: 31,
          messageId: 'missingClientDeadline',
          data: {
            hang: 'hangs forever',
            client: 'AWS SDK client',
            what: '`requestHandler` timeouts',
            fix: 'give the client `requestHandler: { connectionTimeout: ms, requestTimeout: ms, throwOnRequestTimeout: true }` (`throwOnRequestTimeout` needs @smithy/node-http-handler 4.4.0 or later, installed by `@aws-sdk/client-*` 3.910.0 and later; with an older one, leave it out: `requestTimeout` alone aborts), or pass `{ abortSignal: AbortSignal.timeout(ms) }` to every `send`',
          },
        },
        {
          line: 3,
          column: 55,
          endLine: 3,
          endColumn: 75,
          messageId: 'requestTimeoutDoesNotAbort',
          data: {
            note: ' (it exists from @smithy/node-http-handler 4.4.0, which `@aws-sdk/client-*` 3.910.0 and later install; an older handler has no such option, and its `requestTimeout` already aborts a request idle that long)',
          },
        },
      ],
    },
    {
      // Sequelize on PostgreSQL without a query bound.
      code: `import { Sequelize } from 'sequelize'; export const db = new Sequelize(process.env.DATABASE_URL, { dialect: 'postgres', pool: { acquire: 30000 } });`,
      errors: [{ column: 62, endColumn: 71, endLine: 1, line: 1, messageId: 'missingClientDeadline' }],
    },
    {
      // sequelize-typescript: `query_timeout: 0` turns the bound off.
      code: `import { Sequelize } from 'sequelize-typescript'; export const db = new Sequelize({ dialect: 'postgres', dialectOptions: { query_timeout: 0 } });`,
      errors: [{ column: 124, endColumn: 140, endLine: 1, line: 1, messageId: 'noneDeadline' }],
    },
    {
      // TypeORM's DataSource on PostgreSQL without a query bound in `extra`.
      code: `import { DataSource } from 'typeorm'; export const source = new DataSource({ type: 'postgres', host: 'db' });`,
      errors: [{ column: 65, endColumn: 75, endLine: 1, line: 1, messageId: 'missingClientDeadline' }],
    },
    {
      // NestJS's TypeOrmModule.forRoot makes the DataSource from the same options.
      code: `import { TypeOrmModule } from '@nestjs/typeorm'; export const db = TypeOrmModule.forRoot({ type: 'postgres', host: 'db' });`,
      errors: [{ column: 68, endColumn: 89, endLine: 1, line: 1, messageId: 'missingClientDeadline' }],
    },
    {
      // drizzle makes a pg pool from a URL without a query bound.
      code: `import { drizzle } from 'drizzle-orm/node-postgres'; export const db = drizzle('postgres://db/app');`,
      errors: [{ column: 72, endColumn: 79, endLine: 1, line: 1, messageId: 'missingClientDeadline' }],
    },
    {
      // drizzle makes a mysql2 pool, which cannot take a query bound.
      code: `import { drizzle } from 'drizzle-orm/mysql2'; export const db = drizzle({ connection: { uri: 'mysql://db/app' } });`,
      errors: [{ column: 65, endColumn: 72, endLine: 1, line: 1, messageId: 'clientCannotBound' }],
    },
    {
      // graphql-request's positional form cannot take a signal.
      code: `import { GraphQLClient } from 'graphql-request'; const client = new GraphQLClient('https://api/graphql'); export const viewer = () => client.request('query { viewer { id } }');`,
      errors: [{ column: 135, endColumn: 149, endLine: 1, line: 1, messageId: 'missingDeadline' }],
    },
    {
      // graphql-request's module-level request.
      code: `import { request } from 'graphql-request'; export const viewer = () => request('https://api/graphql', 'query { viewer { id } }');`,
      errors: [{ column: 72, endColumn: 79, endLine: 1, line: 1, messageId: 'missingDeadline' }],
    },
    {
      // graphql-request: a signal no timer aborts.
      code: `import { GraphQLClient } from 'graphql-request'; const client = new GraphQLClient('https://api/graphql'); export const viewer = () => client.request({ document: 'query { viewer { id } }', signal: new AbortController().signal });`,
      errors: [
        {
          column: 189,
          endColumn: 225,
          endLine: 1,
          line: 1,
          messageId: 'untimedSignal',
          suggestions: [
            {
              messageId: 'suggestAnySignal',
              output: `import { GraphQLClient } from 'graphql-request'; const client = new GraphQLClient('https://api/graphql'); export const viewer = () => client.request({ document: 'query { viewer { id } }', signal: AbortSignal.any([new AbortController().signal, AbortSignal.timeout(10000)]) });`,
            },
          ],
        },
      ],
    },
    {
      // Apollo Client 3 made from `uri`: its own HttpLink has no deadline.
      code: `import { ApolloClient, InMemoryCache } from '@apollo/client'; export const client = new ApolloClient({ uri: 'https://api/graphql', cache: new InMemoryCache() });`,
      errors: [{ column: 89, endColumn: 101, endLine: 1, line: 1, messageId: 'missingClientDeadline' }],
    },
    {
      // jayson HTTP client without `timeout`.
      code: `import jayson from 'jayson'; export const rpc = jayson.Client.http({ host: 'rpc.internal', port: 8545 });`,
      errors: [{ column: 49, endColumn: 67, endLine: 1, line: 1, messageId: 'missingClientDeadline' }],
    },
    {
      // jayson: `timeout: 0` is no socket timeout.
      code: `import jayson from 'jayson/promise'; export const rpc = jayson.client.https({ host: 'rpc.internal', timeout: 0 });`,
      errors: [{ column: 101, endColumn: 111, endLine: 1, line: 1, messageId: 'noneDeadline' }],
    },
    {
      // viem: a transport `timeout` of 0 turns the 10 s default off.
      code: `import { createPublicClient, http } from 'viem'; export const chain = createPublicClient({ transport: http(url, { timeout: 0 }) });`,
      errors: [{ column: 115, endColumn: 125, endLine: 1, line: 1, messageId: 'noneDeadline' }],
    },
    {
      // Plaid: axios options without `timeout`.
      code: `import { Configuration, PlaidApi } from 'plaid'; export const plaid = new PlaidApi(new Configuration({ basePath, baseOptions: { headers } }));`,
      errors: [{ column: 88, endColumn: 101, endLine: 1, line: 1, messageId: 'missingClientDeadline' }],
    },
    {
      // Plaid: `timeout: 0` is axios's none.
      code: `import { Configuration, PlaidApi } from 'plaid'; export const plaid = new PlaidApi(new Configuration({ basePath, baseOptions: { timeout: 0 } }));`,
      errors: [{ column: 129, endColumn: 139, endLine: 1, line: 1, messageId: 'noneDeadline' }],
    },
    {
      // An exported graphql-request client without a deadline: its calls are in other files.
      code: `import { GraphQLClient } from 'graphql-request';
export const billing = new GraphQLClient('https://billing/graphql', { headers: { authorization: token } });`,
      errors: [{ column: 28, endColumn: 41, endLine: 2, line: 2, messageId: 'missingClientDeadline' }],
    },
    {
      // Connect: a transport with no `defaultTimeoutMs` and calls with no `timeoutMs`, v1 and v2 names.
      code: `
import { createPromiseClient, createCallbackClient } from '@bufbuild/connect';
import { createGrpcTransport } from '@bufbuild/connect-node';
const transport = createGrpcTransport({ baseUrl, httpVersion: '2' });
const users = createPromiseClient(UserService, transport);
export const get = (id: string) => users.getUser({ id }, { headers });
const callbacks = createCallbackClient(UserService, transport);
export const watch = (id: string, done: () => void) => callbacks.getUser({ id }, done, {});
export const unset = (id: string) => users.getUser({ id }, { timeoutMs: undefined });
`,
      errors: [
        { column: 36, endColumn: 49, endLine: 6, line: 6, messageId: 'missingDeadline' },
        { column: 56, endColumn: 73, endLine: 8, line: 8, messageId: 'missingDeadline' },
        { column: 38, endColumn: 51, endLine: 9, line: 9, messageId: 'missingDeadline' },
      ],
    },
    {
      // ws: only \`handshakeTimeout\` bounds the opening handshake; ws overwrites \`timeout\`. A timer
      // that terminates the connection bounds it by hand; the global WebSocket is not ws.
      code: `
import WebSocket from 'ws';
export function connect(url: string) {
  const feed = new WebSocket(url, { headers: { authorization: 'Bearer x' } });
  const legacy = new WebSocket(url, { timeout: 5000 });
  const bounded = new WebSocket(url, { handshakeTimeout: 10_000 });
  const timed = new WebSocket(url);
  const timer = setTimeout(() => timed.terminate(), 10_000);
  timed.on('open', () => clearTimeout(timer));
  const browser = new globalThis.WebSocket(url);
  return [feed, legacy, bounded, timed, browser];
}
`,
      errors: [
        {
          line: 4,
          column: 20,
          endLine: 4,
          endColumn: 29,
          messageId: 'missingDeadline',
          data: { callee: 'WebSocket', fix: FAMILIES.ws.fix, hang: FAMILIES.ws.hang },
        },
        {
          line: 5,
          column: 39,
          endLine: 5,
          endColumn: 52,
          messageId: 'ignoredTimeout',
          data: { key: 'timeout', label: 'ws', fix: FAMILIES.ws.fix },
        },
      ],
    },
    {
      // ssh2 bounds only the handshake: with no keepalive, a command on a dead connection waits forever.
      code: `
import { Client } from 'ssh2';
import { NodeSSH } from 'node-ssh';
export function run(host: string, command: string, done: () => void) {
  const conn = new Client();
  conn.on('ready', () => conn.exec(command, done)).connect({ host, username: 'deploy', privateKey });
}
export async function deploy(host: string) {
  const ssh = new NodeSSH();
  await ssh.connect({ host, username: 'deploy', keepaliveInterval: 0 });
  return ssh.execCommand('docker ps');
}
`,
      errors: [
        { column: 3, endColumn: 59, endLine: 6, line: 6, messageId: 'missingDeadline' },
        { column: 49, endColumn: 69, endLine: 10, line: 10, messageId: 'noneDeadline' },
      ],
    },
    {
      // A Solana connection known by its declared type: the project's only one has no deadline.
      filename: HANDLER,
      code: `import type { Connection, PublicKey } from '@solana/web3.js';
export class Balances {
  constructor(private readonly connection: Connection) {}
  balance(key: PublicKey) { return this.connection.getBalance(key); }
  subscribe(key: PublicKey) { return this.connection.onAccountChange(key, () => undefined); }
}`,
      options: [{ checkTests: true }],
      errors: [
        {
          column: 36,
          data: {
            callee: 'this.connection.getBalance',
            fix: FAMILIES.solana.fix,
            label: 'Solana',
            where: '../lib/solana.ts:5',
          },
          endColumn: 62,
          endLine: 4,
          line: 4,
          messageId: 'injectedClientWithoutDeadline',
        },
      ],
    },
    {
      // A singleton made by a static method declared to return its class: its field reaches the
      // project's unbounded connection, and its method calls that connection with no deadline.
      filename: HANDLER,
      code: `import type { PublicKey } from '@solana/web3.js';
import { SolanaChain } from '@/lib/solana-chain';
export async function balance(key: PublicKey) {
  const chain = await SolanaChain.getInstance();
  await chain.latest();
  return chain.connection.getBalance(key);
}`,
      options: [{ checkTests: true }],
      errors: [
        {
          column: 9,
          data: {
            at: '../lib/solana-chain.ts:20',
            callee: 'chain.latest',
            fix: FAMILIES.solana.fix,
            inner: 'this.connection.getLatestBlockhash',
            label: 'Solana',
            where: '../lib/solana.ts:5',
          },
          endColumn: 21,
          endLine: 5,
          line: 5,
          messageId: 'projectCallWithoutDeadline',
        },
        { column: 10, endColumn: 37, endLine: 6, line: 6, messageId: 'injectedClientWithoutDeadline' },
      ],
    },
    {
      // Calls into the project's functions that send a request with no deadline: a method of a
      // class whose axios instance is made without a timeout, a fetch with no signal, and the same
      // fetch two levels down. The requests themselves are reported in their own module.
      filename: path.join(REQUESTS, 'src/routes/handler.ts'),
      code: readFileSync(path.join(REQUESTS, 'src/routes/handler.ts'), 'utf8'),
      options: [{ checkTests: true }],
      errors: [
        {
          line: 12,
          column: 9,
          endLine: 12,
          endColumn: 24,
          messageId: 'projectRequestWithoutDeadline',
          data: {
            callee: 'render.services',
            inner: 'this.http.get',
            at: '../lib/render-api.ts:11',
            label: 'axios',
            hang: 'hangs forever',
            fix: FAMILIES.axios.fix,
          },
        },
        {
          line: 15,
          column: 9,
          endLine: 15,
          endColumn: 13,
          messageId: 'projectRequestWithoutDeadline',
          data: {
            callee: 'ping',
            inner: 'fetch',
            at: '../lib/health.ts:3',
            label: 'fetch',
            hang: FAMILIES.fetch.hang,
            fix: FAMILIES.fetch.fix,
          },
        },
        { line: 18, column: 9, endLine: 18, endColumn: 25, messageId: 'projectRequestWithoutDeadline' },
        // A URL in a variable is still a URL; an axios request written out with no config timeout.
        { line: 22, column: 9, endLine: 22, endColumn: 14, messageId: 'projectRequestWithoutDeadline' },
        { line: 24, column: 9, endLine: 24, endColumn: 17, messageId: 'projectRequestWithoutDeadline' },
        // Not readFile({ storageKey }) or generate(base, false): their request is sent only for a
        // URL, or only when waited for. resolveNotion's guard (the URL's host) the call cannot settle.
        { line: 28, column: 9, endLine: 28, endColumn: 22, messageId: 'projectRequestWithoutDeadline' },
        // A cache in front, a guard that throws, a request in either branch: every input sends.
        { line: 31, column: 9, endLine: 31, endColumn: 19, messageId: 'projectRequestWithoutDeadline' },
        { line: 32, column: 9, endLine: 32, endColumn: 22, messageId: 'projectRequestWithoutDeadline' },
        { line: 33, column: 9, endLine: 33, endColumn: 13, messageId: 'projectRequestWithoutDeadline' },
        // Through a batch of one (`processFiles([request])`, a loop over it): only the URL.
        { line: 36, column: 9, endLine: 36, endColumn: 19, messageId: 'projectRequestWithoutDeadline' },
        // Options defaulting to `{}`: only the call that accepts web input reaches the fetch.
        { line: 40, column: 9, endLine: 40, endColumn: 18, messageId: 'projectRequestWithoutDeadline' },
      ],
    },
    {
      // Calls into a client class of the project whose methods send through the project's fetch
      // wrapper (bounded only by the init its caller gives) with no signal: the client held in a
      // destructured parameter typed beside it, a parameter, a constructor parameter property, an
      // instance another module exports, and a static method of the class. Its methods that pass a
      // signal are not reported.
      filename: path.join(REQUESTS, 'src/routes/telemetry.ts'),
      code: readFileSync(path.join(REQUESTS, 'src/routes/telemetry.ts'), 'utf8'),
      options: [{ checkTests: true }],
      errors: [
        {
          line: 6,
          column: 9,
          endLine: 6,
          endColumn: 36,
          messageId: 'projectRequestWithoutDeadline',
          data: {
            callee: 'persistClient.postTelemetry',
            inner: 'httpFetch',
            at: '../lib/persist-client.ts:9',
            label: 'fetch',
            hang: FAMILIES.fetch.hang,
            fix: FAMILIES.fetch.fix,
          },
        },
        { line: 12, column: 10, endLine: 12, endColumn: 30, messageId: 'projectRequestWithoutDeadline' },
        { line: 18, column: 11, endLine: 18, endColumn: 37, messageId: 'projectRequestWithoutDeadline' },
        { line: 23, column: 41, endLine: 23, endColumn: 62, messageId: 'projectRequestWithoutDeadline' },
        { line: 26, column: 29, endLine: 26, endColumn: 49, messageId: 'projectRequestWithoutDeadline' },
      ],
    },
    {
      // Calls into an object of functions another module exports (a "service object"): a method,
      // a shorthand and a renamed function of its module, an arrow, and the default export's
      // method. Not the method that passes a deadline, nor one a later spread may replace.
      filename: path.join(REQUESTS, 'src/routes/ai.ts'),
      code: readFileSync(path.join(REQUESTS, 'src/routes/ai.ts'), 'utf8'),
      options: [{ checkTests: true }],
      errors: [
        {
          line: 5,
          column: 16,
          endLine: 5,
          endColumn: 33,
          messageId: 'projectRequestWithoutDeadline',
          data: {
            callee: 'aiService.extract',
            inner: 'fetch',
            at: '../lib/ai-service.ts:15',
            label: 'fetch',
            hang: FAMILIES.fetch.hang,
            fix: FAMILIES.fetch.fix,
          },
        },
        { line: 9, column: 16, endLine: 9, endColumn: 35, messageId: 'projectRequestWithoutDeadline' },
        { line: 13, column: 16, endLine: 13, endColumn: 32, messageId: 'projectRequestWithoutDeadline' },
        { line: 17, column: 16, endLine: 17, endColumn: 34, messageId: 'projectRequestWithoutDeadline' },
        { line: 29, column: 16, endLine: 29, endColumn: 30, messageId: 'projectRequestWithoutDeadline' },
        // A default export called by the name its importer gives it.
        { line: 33, column: 9, endLine: 33, endColumn: 16, messageId: 'projectRequestWithoutDeadline' },
      ],
    },
    {
      // Calls into functions of the project that call a library bounded at the call with no
      // deadline: the AI SDK, got, node-fetch. Not those that pass one, ky's (whose options name
      // `timeout`), a Request handed on (it may carry a signal), undici's `request` (finite
      // defaults) nor undici's own fetch (the process's dispatcher may bound it).
      filename: path.join(REQUESTS, 'src/routes/llm.ts'),
      code: readFileSync(path.join(REQUESTS, 'src/routes/llm.ts'), 'utf8'),
      options: [{ checkTests: true }],
      errors: [
        {
          line: 4,
          column: 9,
          endLine: 4,
          endColumn: 17,
          messageId: 'projectRequestWithoutDeadline',
          data: {
            callee: 'parsePdf',
            inner: 'generateText',
            at: '../lib/llm.ts:12',
            label: 'AI SDK',
            hang: FAMILIES['ai-sdk'].hang,
            fix: FAMILIES['ai-sdk'].fix,
          },
        },
        { line: 6, column: 9, endLine: 6, endColumn: 13, messageId: 'projectRequestWithoutDeadline' },
        {
          line: 7,
          column: 9,
          endLine: 7,
          endColumn: 14,
          messageId: 'projectRequestWithoutDeadline',
          data: {
            callee: 'rates',
            inner: 'got',
            at: '../lib/llm.ts:26',
            label: 'got',
            hang: FAMILIES.got.hang ?? 'hangs forever',
            fix: FAMILIES.got.fix,
          },
        },
        { line: 10, column: 9, endLine: 10, endColumn: 15, messageId: 'projectRequestWithoutDeadline' },
      ],
    },
    {
      // Calls into functions of the project that send through request-promise (the `request`
      // library) with no `timeout`; not the one whose options set it.
      filename: path.join(REQUESTS, 'src/routes/legacy.ts'),
      code: readFileSync(path.join(REQUESTS, 'src/routes/legacy.ts'), 'utf8'),
      options: [{ checkTests: true }],
      errors: [
        {
          line: 4,
          column: 22,
          endLine: 4,
          endColumn: 29,
          messageId: 'projectRequestWithoutDeadline',
          data: {
            callee: 'getJson',
            inner: 'rp',
            at: '../lib/legacy-http.ts:6',
            label: 'request.js',
            hang: FAMILIES.request.hang ?? 'hangs forever',
            fix: FAMILIES.request.fix,
          },
        },
        { line: 5, column: 21, endLine: 5, endColumn: 28, messageId: 'projectRequestWithoutDeadline' },
      ],
    },
    {
      // The request named is the one on the path always taken (the token fetched before each
      // call), not the refresh sent only in the `catch` after a failure.
      filename: path.join(REQUESTS, 'src/routes/vendor.ts'),
      code: readFileSync(path.join(REQUESTS, 'src/routes/vendor.ts'), 'utf8'),
      options: [{ checkTests: true }],
      errors: [
        {
          line: 5,
          column: 16,
          endLine: 5,
          endColumn: 33,
          messageId: 'projectRequestWithoutDeadline',
          data: {
            callee: 'api.createCompany',
            inner: 'fetch',
            at: '../lib/vendor.ts:7',
            label: 'fetch',
            hang: FAMILIES.fetch.hang,
            fix: FAMILIES.fetch.fix,
          },
        },
      ],
    },
    {
      // A task handed to a project helper that gives it to the platform's waitUntil is not waited
      // for; one handed to a helper that returns it is.
      filename: path.join(REQUESTS, 'src/routes/alerts.ts'),
      code: readFileSync(path.join(REQUESTS, 'src/routes/alerts.ts'), 'utf8'),
      options: [{ checkTests: true }],
      errors: [
        { line: 8, column: 27, endLine: 8, endColumn: 37, messageId: 'projectRequestWithoutDeadline' },
      ],
    },
    {
      // Requests to a URL fixed to this machine (a loopback address a module of the project
      // exports, a class field) are not reported; the remote search beside them is.
      filename: path.join(REQUESTS, 'src/routes/local.ts'),
      code: readFileSync(path.join(REQUESTS, 'src/routes/local.ts'), 'utf8'),
      options: [{ checkTests: true }],
      errors: [
        { line: 15, column: 10, endLine: 15, endColumn: 26, messageId: 'projectRequestWithoutDeadline' },
      ],
    },
    (() => {
      // Next.js after() and Vercel's waitUntil keep the invocation (billed by duration) running
      // until its maxDuration: still reported. So is a helper that awaits what it is given.
      const code = `import { after } from 'next/server';
import { waitUntil } from '@vercel/functions';
async function later(work: Promise<unknown>) { await work; }
export async function POST() {
  after(fetch('https://api.example.com/x'));
  waitUntil(fetch('https://api.example.com/y'));
  await later(fetch('https://api.example.com/z'));
  return Response.json({ ok: true });
}`;
      const error = (url: string, line: number, column: number) => ({
        line,
        column,
        endLine: line,
        endColumn: column + 5,
        messageId: 'missingDeadline' as const,
        suggestions: [
          {
            messageId: 'suggestSignal' as const,
            output: code.replace(
              `fetch('${url}')`,
              `fetch('${url}', { signal: AbortSignal.timeout(10000) })`,
            ),
          },
        ],
      });
      return {
        code,
        errors: [
          error('https://api.example.com/x', 5, 9),
          error('https://api.example.com/y', 6, 13),
          error('https://api.example.com/z', 7, 15),
        ],
      };
    })(),
    {
      // CommonJS: functions of other modules bound with `require` (whole or destructured),
      // exported with `exports.a =`, `module.exports.a =`, `module.exports = { … }` and
      // `module.exports = async function fetcher(…)`. Not `api.ping()`, whose fetch has a deadline.
      filename: path.join(COMMONJS, 'routes.js'),
      code: readFileSync(path.join(COMMONJS, 'routes.js'), 'utf8'),
      options: [{ checkTests: true }],
      errors: [
        {
          line: 9,
          column: 9,
          endLine: 9,
          endColumn: 20,
          messageId: 'projectRequestWithoutDeadline',
          data: {
            callee: 'mailer.send',
            inner: 'axios.post',
            at: 'mailer.js:4',
            label: 'axios',
            hang: 'hangs forever',
            fix: FAMILIES.axios.fix,
          },
        },
        { line: 10, column: 9, endLine: 10, endColumn: 13, messageId: 'projectRequestWithoutDeadline' },
        { line: 11, column: 9, endLine: 11, endColumn: 22, messageId: 'projectRequestWithoutDeadline' },
        { line: 12, column: 9, endLine: 12, endColumn: 20, messageId: 'projectRequestWithoutDeadline' },
        { line: 13, column: 9, endLine: 13, endColumn: 16, messageId: 'projectRequestWithoutDeadline' },
        { line: 14, column: 9, endLine: 14, endColumn: 16, messageId: 'projectRequestWithoutDeadline' },
        // The same module under another name.
        { line: 15, column: 9, endLine: 15, endColumn: 17, messageId: 'projectRequestWithoutDeadline' },
      ],
    },
    {
      // Clients a CommonJS module makes and exports (`module.exports = { redis }`, `module.exports =
      // new Redis(url)`), required whole, destructured, and through a helper that requires them.
      filename: path.join(COMMONJS, 'store/users.js'),
      code: readFileSync(path.join(COMMONJS, 'store/users.js'), 'utf8'),
      options: [{ checkTests: true }],
      errors: [
        { line: 8, column: 22, endLine: 8, endColumn: 41, messageId: 'injectedClientWithoutDeadline' },
        { line: 9, column: 9, endLine: 9, endColumn: 21, messageId: 'injectedClientWithoutDeadline' },
        { line: 10, column: 25, endLine: 10, endColumn: 35, messageId: 'injectedClientWithoutDeadline' },
        {
          line: 11,
          column: 42,
          endLine: 11,
          endColumn: 48,
          messageId: 'projectCallWithoutDeadline',
          data: {
            callee: 'cached',
            inner: 'store.redis.get',
            at: 'cache.js:5',
            label: 'ioredis',
            where: 'queue.js:4 and 1 more',
            fix: FAMILIES.ioredis.fix,
          },
        },
      ],
    },
    {
      // `module.exports = { processItem, fetchItem }`: runner.js, which binds them with `require`,
      // drops the promise of `processItem` (nobody waits: not reported) and returns `fetchItem`'s.
      filename: path.join(COMMONJS, 'worker.js'),
      code: readFileSync(path.join(COMMONJS, 'worker.js'), 'utf8'),
      options: [{ checkTests: true }],
      errors: [
        {
          line: 7,
          column: 26,
          endLine: 7,
          endColumn: 31,
          messageId: 'missingDeadline',
          suggestions: [
            {
              messageId: 'suggestSignal',
              output: readFileSync(path.join(COMMONJS, 'worker.js'), 'utf8').replace(
                'fetch(`https://items.internal/${id}`);\n  return response.json();\n}\n\nmodule',
                'fetch(`https://items.internal/${id}`, { signal: AbortSignal.timeout(10000) });\n  return response.json();\n}\n\nmodule',
              ),
            },
          ],
        },
      ],
    },
    {
      // A client call made only for some inputs, through two classes of the project (r14's
      // MonitoRSS feed-requests): `Svc#save` uploads only `if (options?.upload)`. `preview` passes
      // options that leave `upload` out (not reported); `debug` passes it (reported).
      filename: path.join(path.dirname(HANDLER), '../guarded/ctrl.ts'),
      code: readFileSync(path.join(path.dirname(HANDLER), '../guarded/ctrl.ts'), 'utf8'),
      options: [{ checkTests: true }],
      errors: [{ line: 13, column: 18, endLine: 13, endColumn: 31, messageId: 'projectCallWithoutDeadline' }],
    },
    {
      // The wrapper call itself, in the client's module: reported there as a call that gives none.
      filename: path.join(REQUESTS, 'src/lib/persist-client.ts'),
      code: readFileSync(path.join(REQUESTS, 'src/lib/persist-client.ts'), 'utf8'),
      options: [{ checkTests: true }],
      errors: [
        { line: 9, column: 28, endLine: 9, endColumn: 37, messageId: 'wrapperWithoutDeadline' },
        { line: 31, column: 19, endLine: 31, endColumn: 28, messageId: 'wrapperWithoutDeadline' },
      ],
    },
    {
      // A Rush monorepo: the workspace packages rush.json lists are read. The report request is
      // reported at the call; the usage fetch, retried through the workspace's `withRetry` by a
      // function started only with `void`, is not.
      filename: path.join(RUSH, 'services/bot/pod/src/billing.ts'),
      code: readFileSync(path.join(RUSH, 'services/bot/pod/src/billing.ts'), 'utf8'),
      options: [{ checkTests: true }],
      errors: [
        { line: 16, column: 10, endLine: 16, endColumn: 21, messageId: 'projectRequestWithoutDeadline' },
      ],
    },
    {
      // A method that passes on the signal it is given (`{ abortSignal: data.abortSignal }`) bounds
      // only the calls that give one: reported where none is given (left out, or `undefined`), not
      // where the call gives its own, passes on its caller's, or calls a method bounded in itself.
      filename: path.join(CARRIED, 'dual.ts'),
      code: readFileSync(path.join(CARRIED, 'dual.ts'), 'utf8'),
      options: [{ checkTests: true }],
      errors: [
        {
          column: 11,
          data: {
            at: 'store.ts:9',
            callee: 'this.primary.deleteObject',
            fix: FAMILIES.aws.fix,
            inner: 'this.s3Client.send',
            label: FAMILIES.aws.label,
            where: 'build.ts:7',
          },
          endColumn: 36,
          endLine: 10,
          line: 10,
          messageId: 'projectCallWithoutBound',
        },
        { column: 11, endColumn: 30, endLine: 12, line: 12, messageId: 'projectCallWithoutBound' },
        { column: 11, endColumn: 38, endLine: 15, line: 15, messageId: 'projectCallWithoutBound' },
      ],
    },
    {
      // One level further up: `passOn` hands its own signal on, so only the call that gives none is reported.
      filename: path.join(CARRIED, 'caller.ts'),
      code: readFileSync(path.join(CARRIED, 'caller.ts'), 'utf8'),
      options: [{ checkTests: true }],
      errors: [{ column: 9, endColumn: 20, endLine: 4, line: 4, messageId: 'projectCallWithoutBound' }],
    },
    {
      // The same project with options that set no request timeout: reported where the client is
      // made, from the options the other module returns, naming where they are written ...
      filename: path.join(WRITTEN, 'unbounded/src/server.ts'),
      code: readFileSync(path.join(WRITTEN, 'unbounded/src/server.ts'), 'utf8'),
      options: [{ checkTests: true }],
      errors: [
        {
          column: 22,
          data: {
            fix: FAMILIES.aws.fix,
            client: `${FAMILIES.aws.label} client`,
            hang: 'hangs forever',
            what: '`requestHandler` timeouts (its options are written at config.ts:10)',
          },
          endColumn: 30,
          endLine: 8,
          line: 8,
          messageId: 'missingClientDeadline',
        },
      ],
    },
    {
      // ... and at the call of the class it is injected into, naming where the client is made.
      filename: path.join(WRITTEN, 'unbounded/src/storage.ts'),
      code: readFileSync(path.join(WRITTEN, 'unbounded/src/storage.ts'), 'utf8'),
      options: [{ checkTests: true }],
      errors: [
        {
          column: 11,
          data: {
            callee: 'this.s3.send',
            fix: FAMILIES.aws.fix,
            label: FAMILIES.aws.label,
            where: 'server.ts:8',
          },
          endColumn: 23,
          endLine: 10,
          line: 10,
          messageId: 'injectedClientWithoutDeadline',
        },
      ],
    },
    {
      // A client made in a workspace package the app depends on, held by a module-level const
      // (made only when configured), and sent through by the package's function.
      filename: path.join(WORKSPACE, 'apps/worker/src/job.ts'),
      code: `import { createFile } from '@acme/storage';
export const save = (key: string) => createFile(key, 'body');
// Nothing waits for these: a dropped promise holds no caller up.
export function drop(key: string) {
  void createFile(key, 'a');
  createFile(key, 'b').catch(() => undefined);
}`,
      options: [{ checkTests: true }],
      errors: [
        {
          column: 38,
          data: {
            at: '../../../packages/storage/src/files.ts:8',
            callee: 'createFile',
            fix: FAMILIES.aws.fix,
            inner: 's3Client.send',
            label: FAMILIES.aws.label,
            where: '../../../packages/storage/src/s3-client.ts:5',
          },
          endColumn: 48,
          endLine: 2,
          line: 2,
          messageId: 'projectCallWithoutDeadline',
        },
      ],
    },
    {
      // The unbounded call is found through the project's own calls: a method of the class that
      // calls another of its methods, and a class whose field is that class (two classes down).
      filename: HANDLER,
      code: `import { SolanaChain } from '@/lib/solana-chain';
import type { SolanaWallet } from '@/lib/solana-wallet';
export async function refresh(wallet: SolanaWallet) {
  const chain = await SolanaChain.getInstance();
  await chain.confirm();
  return wallet.refresh();
}`,
      options: [{ checkTests: true }],
      errors: [
        {
          column: 9,
          data: {
            at: '../lib/solana-chain.ts:20',
            callee: 'chain.confirm',
            fix: FAMILIES.solana.fix,
            inner: 'this.connection.getLatestBlockhash',
            label: 'Solana',
            where: '../lib/solana.ts:5',
          },
          endColumn: 22,
          endLine: 5,
          line: 5,
          messageId: 'projectCallWithoutDeadline',
        },
        {
          column: 10,
          data: {
            at: '../lib/solana-chain.ts:20',
            callee: 'wallet.refresh',
            fix: FAMILIES.solana.fix,
            inner: 'this.connection.getLatestBlockhash',
            label: 'Solana',
            where: '../lib/solana.ts:5',
          },
          endColumn: 24,
          endLine: 6,
          line: 6,
          messageId: 'projectCallWithoutDeadline',
        },
      ],
    },
  ],
});
