import { readFileSync } from 'node:fs';
import path from 'node:path';

import { RuleTester } from '@typescript-eslint/rule-tester';

import rule from '../../rules/require-backoff.js';
import { ALSO_NO_JITTER } from '../../rules/util/retry/library-finding.js';

const ruleTester = new RuleTester();

/** Three tries of `base * 2 ** i` ms, jittered a little: under the 30 s cap when `base * 4` is. */
const threeTries = (
  base: number,
): string => `const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));
export async function flags() {
  for (let i = 0; i < 3; i++) {
    try {
      return await fetch(url, { signal: AbortSignal.timeout(1000) });
    } catch {
      await sleep(${base} * 2 ** i + Math.random() * 100);
    }
  }
}`;

/** A batch retried up to `attempt <= MAX`, leaving before its wait when `attempt === last`. */
const batchRetry = (last: string): string => `export async function batch(requests: unknown[]) {
  const MAX = 3;
  for (let attempt = 0; attempt <= MAX; attempt++) {
    try {
      return await fetch('https://graph.example.com/$batch', { method: 'POST', body: JSON.stringify(requests), signal: AbortSignal.timeout(5000) });
    } catch (err) {
      if (attempt === ${last}) throw err;
      const delay = 5000 * Math.pow(2, attempt) + Math.random() * 1000;
      await new Promise(resolve => setTimeout(resolve, delay));
    }
  }
}`;

/** An exported retry helper of a project whose one caller keeps its defaults (test/fixtures/project-requests). */
const RETRY_HELPER = path.join(import.meta.dirname, '../fixtures/project-requests/src/lib/retry-helper.ts');

/**
 * A retry helper whose attempt count and first wait are parameter defaults (`maxRetries = 2`), and
 * whose wait only the passes before the last reach (`if (attempt < maxRetries && …)`); `calls` are
 * appended (calls in the file that pass their own count). Not exported unless `exported`: the
 * callers of an exported helper in other modules are read only through project facts. The helper
 * is the project fixture's (its leading comment dropped, so that its wait is on line 13).
 */
const defaultsRetry = (retries: number, calls = '', exported = false): string =>
  `${readFileSync(RETRY_HELPER, 'utf8')
    .replace(/^(?:\/\/.*\n)+/, '')
    .replace(/^export /, exported ? 'export ' : '')
    .replace('maxRetries = 2,', `maxRetries = ${retries},`)}${calls}`;

/**
 * The uncapped-backoff finding on `defaultsRetry`'s wait, with its full-jitter suggestion; with
 * `longest`, the longest wait the attempt count allows.
 */
const defaultsUncapped = (code: string, longest?: string) => [
  {
    line: 13,
    column: 15,
    endLine: 13,
    endColumn: 65,
    ...(longest === undefined
      ? { messageId: 'uncappedBackoff' as const, data: { also: ', and it has no jitter either' } }
      : {
          messageId: 'longBackoff' as const,
          data: { longest, also: ', and it has no jitter either', cap: 30000, capText: '30 s' },
        }),
    suggestions: [
      {
        messageId: 'suggestFullJitter' as const,
        data: { cap: 30000 },
        output: code.replace(
          'setTimeout(resolve, delay)',
          'setTimeout(resolve, Math.random() * Math.min(30000, delay))',
        ),
      },
    ],
  },
];

/**
 * A start-up that reads local configuration, trying again 10 s after a failure, and then starts a
 * poll of a remote API; `before` is written before the \`try\` (re-run by every attempt).
 */
const startPoll = (before: string): string => `declare function readConfig(): Promise<{ interval: number }>;
const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));
async function poll(interval: number): Promise<void> {
  await fetch('https://api.example.com/state', { signal: AbortSignal.timeout(5000) });
  setTimeout(() => void poll(interval), interval);
}
export async function startPoll(): Promise<void> {
  let interval: number;
${before}  try {
    ({ interval } = await readConfig());
  } catch {
    await sleep(10_000);
    return startPoll();
  }
  return poll(interval);
}`;

/** A PUT retried while a guard on the count lets it wait; `stepped` moves the count before the wait. */
const guardedRetry = (
  stepped: boolean,
): string => `const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));
export async function send(body: string): Promise<Response> {
  for (let i = 0; i <= 8; i++) {
    try {
      return await fetch('https://api.example.com/x', { method: 'PUT', body, signal: AbortSignal.timeout(1000) });
    } catch (e) {
      if (i < 3) {
${stepped ? '        i++;\n' : ''}        await sleep(1000 * 2 ** (i * 4));
      } else throw e;
    }
  }
  throw new Error('unreachable');
}`;

/** A background service restarted after each failure, after `wait` ms, logging the failure or not. */
const restartLoop = (
  wait: string,
  logs: boolean,
): string => `declare const logger: { err(message: string): void };
class Common {
  static sleep$(ms: number): Promise<void> {
    return new Promise(resolve => { setTimeout(() => resolve(), ms); });
  }
}
export class Backend {
  async run(): Promise<void> {
    try {
      await fetch('https://lightning.example.com/sync', { method: 'POST', signal: AbortSignal.timeout(10_000) });
    } catch (e) {
${logs ? '      logger.err(`Exception in run. Restarting. Reason: ${String(e)}`);\n' : ''}      await Common.sleep$(${wait});
      void this.run();
    }
  }
}`;

/**
 * A request function patched to retry throttled requests: the loop goes round when the request's
 * callback rejects, which it does only `below` the attempt bound, or whatever the count (`null`).
 */
const throttledRetry = (below: string | null): string => `import { getRequestFn } from 'matrix-bot-sdk';
const originalRequest = getRequestFn();
const MAX_ATTEMPTS = 10;
export async function requestWithRetry(params: object): Promise<unknown> {
  let attempt = 1;
  while (true) {
    try {
      return await new Promise((resolve, reject) => {
        originalRequest(params, (err, res) => {
          if (${below === null ? '' : `${below} && `}err?.errcode === 'M_LIMIT_EXCEEDED') {
            reject(err);
          } else {
            resolve([err, res]);
          }
        });
      });
    } catch (err) {
      const waitMs = Math.random() * Math.min(30_000, 100 * 2 ** attempt);
      await new Promise(resolve => setTimeout(resolve, waitMs));
      attempt += 1;
    }
  }
}`;

/** A retry helper class whose wait a private method computes (`amount`) and a sleep method multiplies. */
const sleepAmountRetry = (amount: string): string => `import * as core from '@actions/core';
export class RetryHelper {
  constructor(private readonly maxAttempts = 3, private readonly minSeconds = 10, private readonly maxSeconds = 20) {}
  async execute<T>(action: () => Promise<T>): Promise<T> {
    let attempt = 1;
    while (attempt < this.maxAttempts) {
      try {
        return await action();
      } catch (err) {
        core.info(String(err));
      }
      const seconds = this.getSleepAmount();
      await this.sleep(seconds);
      attempt++;
    }
    return await action();
  }
  private getSleepAmount(): number {
    return ${amount};
  }
  private async sleep(seconds: number): Promise<void> {
    return new Promise(resolve => setTimeout(resolve, seconds * 1000));
  }
}`;

/**
 * A deploy re-run once with a debug option for a better error log: the self-call hands `options`
 * (the argument's object), and the catch re-runs only while `debug`, read from the options, is off.
 */
const debugRerun = (
  options: string,
  flag = 'opts.debug || false',
): string => `import { exec } from '@actions/exec';
async function deploy(args: string[], opts: { debug?: boolean; force?: boolean }): Promise<void> {
  const debug = ${flag};
  try {
    await exec('npx firebase-tools', [...args, debug ? '--debug' : '--json']);
  } catch (e) {
    if (!debug) {
      console.log('Retrying deploy with --debug for better error output');
      await deploy(args, ${options});
    } else {
      throw e;
    }
  }
}
export const run = (args: string[]) => deploy(args, {});`;

/**
 * A retry helper whose schedule lives in an options object's defaults (`options.maxAttempts ?? 3`),
 * or in a destructured options parameter's (`{ maxAttempts = 3, delayMs = 1000 } = {}`), called
 * once with `options` (none when empty).
 */
const optionsRetry = (
  options: string,
  destructured = false,
): string => `declare function send(): Promise<unknown>;
const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));
async function retry<T>(
  request: () => Promise<T>,
  ${destructured ? '{ maxAttempts = 3, delayMs = 1000 }: { maxAttempts?: number; delayMs?: number } = {}' : 'options: { maxAttempts?: number; delayMs?: number } = {}'},
): Promise<T> {
  ${destructured ? 'const attempts = maxAttempts;' : 'const attempts = options.maxAttempts ?? 3;'}
  ${destructured ? 'const base = delayMs;' : 'const base = options.delayMs ?? 1000;'}
  for (let attempt = 1; attempt <= attempts; attempt += 1) {
    try {
      return await request();
    } catch (error) {
      if (attempt === attempts) throw error;
      await sleep(base * 2 ** (attempt - 1));
    }
  }
  throw new Error('exhausted');
}
export const deliver = () => retry(send${options ? `, ${options}` : ''});`;

/**
 * A jittered retry helper whose attempt count is `options.maxAttempts ?? 3`, with `options`
 * defaulting to `defaults` and `before` run first, called once with no options.
 */
const jitteredOptionsRetry = (
  defaults: string,
  before: string,
): string => `declare function send(): Promise<unknown>;
const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));
async function retry<T>(request: () => Promise<T>, options: { maxAttempts?: number } = ${defaults}): Promise<T> {
${before}  const attempts = options.maxAttempts ?? 3;
  for (let attempt = 1; attempt <= attempts; attempt += 1) {
    try {
      return await request();
    } catch (error) {
      if (attempt === attempts) throw error;
      await sleep(Math.random() * 1000 * 2 ** (attempt - 1));
    }
  }
  throw new Error('exhausted');
}
export const deliver = () => retry(send);`;

/** A project on disk whose other modules the linted code imports (test/fixtures/project-calls). */
const HANDLER = path.join(import.meta.dirname, '../fixtures/project-calls/src/routes/handler.ts');

/** A recursive retry through a sleep a `let` holds for tests to swap; `bounded` tests the count after the wait. */
const swappableRetry = (bounded: boolean): string => `function defaultSleep(ms: number): Promise<void> {
  return new Promise(resolve => setTimeout(resolve, ms));
}
let sleep = defaultSleep;
export function withSleep(s: typeof sleep) {
  sleep = s;
}
export async function retryAndBackoff<T>(fn: () => Promise<T>, maxRetries = 12, retries = 0): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    const delay = Math.random() * Math.min(10_000, 2 ** retries * 50);
    const nextRetry = retries + 1;
    await sleep(delay);
${bounded ? '    if (nextRetry >= maxRetries) throw err;\n' : ''}    return await retryAndBackoff(fn, maxRetries, nextRetry);
  }
}`;

/**
 * A logged reconnect with no bound whose wait grows by 5 s a failure to `cap` (ms, as written),
 * computed in a private method (keeper-bots' Jito searcher). `connect` is on line 11, the sleep on 18.
 */
const linearReconnect = (cap: string): string => `import { searcherClient } from './jito';
import { logger } from './logger';
const RECONNECT_DELAY_MS = 5000;
const RECONNECT_CAP_MS = ${cap};
const sleepMs = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));
export class BundleSender {
  private attempts = 0;
  private backoff(): number {
    return Math.min(RECONNECT_DELAY_MS * this.attempts, RECONNECT_CAP_MS);
  }
  async connect(): Promise<void> {
    try {
      await searcherClient('https://block-engine.internal').getTipAccounts();
      this.attempts = 0;
    } catch (e) {
      logger.error('failed to connect, retrying', e);
      this.attempts++;
      await sleepMs(this.backoff());
      await this.connect();
    }
  }
}`;

/**
 * A reconnect with no bound that waits what `helper` (a field and its method) computes, logging
 * each failure or not. The failing call is on line 5.
 */
const reconnectLoop = ({ logs, helper }: { logs: boolean; helper: string }): string => {
  const [field, method] = helper.split('.');
  return `import { ReconnectBackoff } from './reconnect-backoff';
export class Client {
  private logger = console;
  private ${field} = new ReconnectBackoff();
  async reconnect(): Promise<unknown> {
    try {
      return await fetch('https://sync.example.com/accounts', { method: 'POST', signal: AbortSignal.timeout(5000) });
    } catch (err) {
${logs ? "      this.logger.warn({ msg: 'Failed to set up connection, will retry', err });\n" : ''}      return setTimeout(() => void this.reconnect(), this.${field}.${method}());
    }
  }
}`;
};

/** A team's wrapper over p-retry: `withRetries(fn, options)`, with its own defaults. */
const WITH_RETRIES = {
  module: '@acme/retry',
  export: 'withRetries',
  retryOptions: 'p-retry',
  optionsArg: 1,
  defaults: { maxTimeout: 10_000, randomize: true },
};
/** A local helper that runs exponential-backoff with the library's defaults and takes no options. */
const RETRY_CALL = { name: 'retryCall', retryOptions: 'exponential-backoff' };

/** A `while (true)` retry whose `continue` comes before the counter's step. */
const CONTINUE_BEFORE_STEP = `declare function fetchJson(url: string, o: object): Promise<unknown>;
declare function busy(): boolean;
const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));
export async function details(id: string) {
  let attempts = 0;
  while (true) {
    if (busy()) {
      await sleep(1000);
      continue;
    }
    attempts += 1;
    try {
      return await fetchJson('https://web/' + id, { signal: AbortSignal.timeout(16000) });
    } catch (err) {
      if (attempts < 2) await sleep(5000);
      else throw err;
    }
  }
}`;

/** s14's Capgo retry helper, in its shape: an injected sleep with an inline default. */
const SLEEP_WITH_DEFAULT = `export async function retry<T>(fn: () => Promise<T>, opts: { max?: number; base?: number; sleepFun?: (ms: number) => Promise<void> } = {}): Promise<T> {
  const max = opts.max ?? 5;
  const base = opts.base ?? 100;
  const sleeper = opts.sleepFun || ((ms: number) => new Promise<void>(r => setTimeout(r, ms)));
  let count = 0;
  for (;;) {
    try {
      return await fn();
    } catch (e) {
      if (count === max) throw e;
      await sleeper(base * 2 ** count);
    }
    count++;
  }
}

export const upload = (url: string) => retry(() => fetch(url, { signal: AbortSignal.timeout(5000) }));`;

/** Lodestar's gossip validation: one re-attempt after the unknown block turns up, gated by `retries++ < MAX`. */
const UNKNOWN_ROOT_RETRY = `declare function waitForBlock(root: string): Promise<boolean>;
declare function searchUnknownRoot(root: string): void;
class UnknownRootError extends Error {}
const MAX_UNKNOWN_ROOT_RETRIES = 1;
export async function validateRetryUnknownRoot<T>(fn: () => Promise<T>, root: string): Promise<T> {
  let unknownRootRetries = 0;
  while (true) {
    try {
      return await fn();
    } catch (e) {
      if (e instanceof UnknownRootError) {
        if (unknownRootRetries === 0) searchUnknownRoot(root);
        if (unknownRootRetries++ < MAX_UNKNOWN_ROOT_RETRIES) {
          const found = await waitForBlock(root);
          if (found) {
            continue;
          }
        }
      }
      throw e;
    }
  }
}`;

/** PM2's pm2.io login: each attempt asks the user again (promptly's callbacks) before it sends. */
const PROMPTED_LOGIN = `import promptly from 'promptly';
import axios from 'axios';
export function login(cb) {
  const retry = () => {
    promptly.prompt('Your username or email: ', (err, username) => {
      if (err) return retry();
      promptly.password('Your password: ', { replace: '*' }, (err2, password) => {
        if (err2) return retry();
        axios
          .post('https://id.example.com/login', { username, password }, { timeout: 5000 })
          .then(res => cb(null, res.data))
          .catch(error => {
            console.error(\`Failed to authenticate: \${error.message}\`);
            return retry();
          });
      });
    });
  };
  retry();
}`;

/** A publish retried after asking for a new one-time password (an awaited inquirer prompt). */
const PROMPTED_OTP = `import inquirer from 'inquirer';
declare function publish(otp: string): Promise<void>;
export async function publishWithOtp(): Promise<void> {
  const { otp } = await inquirer.prompt([{ type: 'input', name: 'otp', message: 'One-time password:' }]);
  try {
    await publish(otp);
  } catch (error) {
    console.warn('The one-time password was rejected', error);
    return publishWithOtp();
  }
}`;

/**
 * squid-sdk's RPC client: the wait is a field a method of the class rewrites after each failure
 * (from a growing schedule), so it is not judged constant; a field set only in the constructor is.
 */
const FIELD_SCHEDULE = `import { wait } from '@acme/util';
declare class Connection { connect(): Promise<void>; }
export class RpcClient {
  private backoffTime?: number;
  private errorsInRow = 0;
  private readonly schedule = [10, 100, 500, 2000, 10000, 20000];
  constructor(private readonly con: Connection, private readonly pauseMs = 1000) {}
  async waitForConnection(): Promise<void> {
    for (let attempt = 0; attempt < 10; attempt++) {
      if (this.backoffTime != null) {
        const pause = Math.max(this.backoffTime - Date.now(), 0);
        this.backoffTime = undefined;
        if (pause > 0) await wait(pause);
      }
      try {
        return await this.con.connect();
      } catch (err) {
        this.backoff();
      }
    }
  }
  private backoff(): void {
    this.errorsInRow += 1;
    const pause = this.schedule[Math.min(this.errorsInRow, this.schedule.length) - 1] ?? 20000;
    this.backoffTime = Date.now() + pause;
  }
  async connectFixed(): Promise<void> {
    for (let attempt = 0; attempt < 10; attempt++) {
      try {
        return await this.con.connect();
      } catch (err) {
        await wait(this.pauseMs);
      }
    }
  }
}`;

/** firebase-tools' container cleaner: three counted attempts waiting `100 ** (retry - 1)`. */
const COUNTED_CAP = `
export async function retry<Return>(func: () => Promise<Return>): Promise<Return> {
  const sleep = (ms: number): Promise<void> => new Promise(resolve => setTimeout(resolve, ms));
  const MAX_RETRIES = 3;
  const INITIAL_BACKOFF = 100;
  let retry = 0;
  while (true) {
    try {
      return await func();
    } catch (err) {
      retry += 1;
      if (retry >= MAX_RETRIES) throw new Error('Failed to clean up artifacts');
      await sleep(Math.pow(INITIAL_BACKOFF, retry - 1));
    }
  }
}
export const clean = () => retry(() => fetch('https://artifactregistry.googleapis.com/x', { method: 'DELETE', signal: AbortSignal.timeout(10000) }));`;

/**
 * keeper-bots' supervisor: an async function whose try starts the bot without awaiting it, so its
 * catch (a fixed 15 s wait, then itself again) sees only synchronous throws. `awaited` awaits it.
 */
const unawaitedAttempt = (awaited: boolean): string => `
import { connectAsync } from 'mqtt';
const sleepMs = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));
async function runBot(): Promise<void> {
  await fetch('https://api.mainnet-beta.solana.com', { method: 'POST', signal: AbortSignal.timeout(5000) });
}
export async function recursiveTryCatch(f: () => Promise<void>): Promise<void> {
  try {
    ${awaited ? 'await ' : ''}f();
  } catch (e) {
    console.error(e);
    await sleepMs(15000);
    await recursiveTryCatch(f);
  }
}
recursiveTryCatch(() => runBot());
export async function backOffConnect(url: string, retryCount = 0): Promise<unknown> {
  try {
    return ${awaited ? 'await ' : ''}connectAsync(url, { connectTimeout: 10000 }, false);
  } catch (error) {
    if (retryCount > 3) throw error;
    await sleepMs(100);
    return backOffConnect(url, retryCount + 1);
  }
}
export async function waitForBroker(url: string): Promise<void> {
  for (;;) {
    try {
      ${awaited ? 'await ' : ''}connectAsync(url, { connectTimeout: 10000 }, false);
      return;
    } catch {
      await sleepMs(2000);
    }
  }
}`;

/**
 * Retries meant to go on for the life of the process: a socket opened again 5 s after it closes, a
 * loop that connects until the broker answers, a Pub/Sub consumer that runs on after a success too
 * and waits a backoff helper's delay after a failure, a chat client that connects, joins and then
 * registers its handlers; `createMarker` is a one-shot request retried the same way, which is asked
 * for a bound.
 */
const SUPERVISORS = `
import WebSocket from 'ws';
import { connectAsync } from 'mqtt';
const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));
export function openFeed(url: string): void {
  const socket = new WebSocket(url, { handshakeTimeout: 10000 });
  socket.on('message', data => console.log(String(data)));
  socket.on('close', () => {
    setTimeout(() => openFeed(url), 5000);
  });
}
export async function connectBroker(url: string) {
  while (true) {
    try {
      return await connectAsync(url, { connectTimeout: 10000 });
    } catch (err) {
      console.error(err);
      await sleep(2000);
    }
  }
}
export class Subscription {
  private failures = 0;
  constructor(private readonly pull: () => Promise<number>, private readonly backoffMs: (n: number) => number) {}
  startLoop(): void {
    this.pull()
      .then(() => {
        this.failures = 0;
        setImmediate(() => this.startLoop());
      })
      .catch(err => {
        console.error(err);
        this.failures++;
        setTimeout(() => this.startLoop(), this.backoffMs(this.failures));
      });
  }
}
export async function createMarker(description: string): Promise<void> {
  try {
    await fetch('https://api.twitch.tv/helix/streams/markers', { method: 'POST', body: description, signal: AbortSignal.timeout(5000) });
  } catch {
    await sleep(1000);
    return createMarker(description);
  }
}
export class Chat {
  private timer?: NodeJS.Timeout;
  constructor(private readonly chat: { connect(): Promise<void>; join(channel: string): Promise<void>; on(event: string, fn: () => void): void }) {}
  async initClient(channel: string): Promise<void> {
    try {
      await this.chat.connect();
      await this.chat.join(channel);
      this.loadListeners();
    } catch {
      this.timer = setTimeout(() => this.initClient(channel), 10000);
    }
  }
  private loadListeners(): void {
    this.chat.on('message', () => void fetch('https://api.twitch.tv/helix/chat', { signal: AbortSignal.timeout(5000) }));
  }
}`;

/**
 * github-readme-stats' retryer: after an answer that failed it calls itself with the next token
 * (``process.env[`PAT_${retries + 1}`]``); `token` is the expression each attempt sends.
 */
const tokenRotation = (token: string): string => `
import axios from 'axios';
const RETRIES = Object.keys(process.env).filter(key => /PAT_\\d*$/.test(key)).length;
export const retryer = async (variables: object, retries = 0): Promise<unknown> => {
  if (retries > RETRIES) throw new Error('Downtime due to GitHub API rate limiting');
  try {
    return await axios.post('https://api.github.com/graphql', variables, {
      headers: { authorization: 'bearer ' + ${token} },
      timeout: 10000,
    });
  } catch (err) {
    if (!(err as { response?: unknown }).response) throw err;
    retries++;
    return retryer(variables, retries);
  }
};`;

/**
 * Shapes a review of the nineteenth session's changes found them silencing or misreading: each
 * is still reported (the top-level loop, whose `fetch` is not awaited, is not, as in a function).
 */
const REVIEWED = {
  poolQuery: `import { Pool } from 'pg';
const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));
const pool = new Pool({ statement_timeout: 5000, connectionTimeoutMillis: 5000 });
export async function bump(id: string) {
  for (let attempt = 0; ; attempt++) {
    try {
      const client = await pool.connect();
      try {
        await client.query('UPDATE counters SET n = n + 1 WHERE id = $1', [id]);
      } finally {
        client.release();
      }
      return;
    } catch {
      await sleep(Math.random() * Math.min(30000, 100 * 2 ** attempt));
    }
  }
}`,
  lazyConnect: `import { createClient } from 'redis';
const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));
const client = createClient({ socket: { connectTimeout: 5000 }, commandsQueueMaxLength: 100 });
export async function read(key: string): Promise<string | null> {
  for (let attempt = 0; ; attempt++) {
    try {
      if (!client.isOpen) await client.connect();
      return await client.get(key);
    } catch {
      await sleep(Math.random() * Math.min(30000, 100 * 2 ** attempt));
    }
  }
}`,
  answerBeforeTry: `const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));
export async function load(url: string): Promise<Response> {
  const res = await fetch(url, { signal: AbortSignal.timeout(5000) });
  try {
    if (!res.ok) throw new Error('status ' + res.status);
    return res;
  } catch {
    await sleep(1000);
    return load(url);
  }
}`,
  countedKeys: `declare const metrics: Record<string, number>;
const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));
export async function send(url: string, body: string, attempt = 0): Promise<Response> {
  try {
    return await fetch(url, { method: 'POST', body, signal: AbortSignal.timeout(5000) });
  } catch {
    metrics['retry_' + attempt] = (metrics['retry_' + attempt] ?? 0) + 1;
    await sleep(Number(process.env[\`RETRY_DELAY_\${attempt}\`] ?? 1000));
    return send(url, body, attempt + 1);
  }
}`,
  endlessTokens: `import axios from 'axios';
export const retryer = async (variables: object, retries = 0): Promise<unknown> => {
  try {
    return await axios.post('https://api.github.com/graphql', variables, {
      headers: { authorization: 'bearer ' + process.env[\`PAT_\${retries + 1}\`] },
      timeout: 10000,
    });
  } catch {
    return retryer(variables, retries + 1);
  }
};`,
  nextPage: `export class Feed {
  constructor(private readonly http: { get(url: string): Promise<{ next?: string }> }) {}
  page(cursor: string): void {
    this.http
      .get('https://feed.example.com/items?cursor=' + cursor)
      .then(res => {
        if (res.next) setImmediate(() => this.page(res.next as string));
      })
      .catch(() => {
        setTimeout(() => this.page(cursor), 1000);
      });
  }
}`,
  responseEnd: `import https from 'node:https';
export function download(url: string, done: (body: string) => void): void {
  https.get(url, { timeout: 5000 }, res => {
    let body = '';
    res.on('data', chunk => (body += chunk));
    res.on('end', () => {
      if (res.statusCode !== 200) setTimeout(() => download(url, done), 1000);
      else done(body);
    });
  }).on('timeout', function (this: { destroy(): void }) { this.destroy(); });
}`,
  topLevel: `const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));
for (;;) {
  try {
    fetch('https://status.example.com', { signal: AbortSignal.timeout(5000) });
    break;
  } catch {
    await sleep(1000);
  }
}
export {};`,
};

ruleTester.run('require-backoff', rule, {
  valid: [
    // At a module's top level, as in an async function: the catch never sees the unawaited fetch fail.
    REVIEWED.topLevel,
    // Each pass sends the next token: a walk through the credentials, not a retry.
    tokenRotation('process.env[`PAT_${retries + 1}`]'),
    tokenRotation("process.env['PAT_' + retries]"),
    // A try in an async function that never waits: its catch cannot see the remote work fail, so
    // neither the recursion nor the loop around it retries anything.
    unawaitedAttempt(false),
    // Z-Wave JS UI's Zniffer: a timer starts the init of a local serial device again after it
    // fails; the function talks to no other process, so no service sees the attempts.
    `import { Zniffer } from 'zwave-js';
export class ZnifferManager {
  private restartTimeout?: ReturnType<typeof setTimeout>;
  constructor(private readonly zniffer: Zniffer) {}
  private async init() {
    try {
      await this.zniffer.init();
    } catch (error) {
      console.info('Retrying in 5s...', error);
      this.restartTimeout = setTimeout(() => {
        this.init().catch(() => {});
      }, 5000);
    }
  }
}`,
    // The person at the terminal paces each attempt: the retry sits in a prompt's callback, or the
    // function awaits a prompt before it sends.
    { filename: 'cli-auth.js', code: PROMPTED_LOGIN },
    PROMPTED_OTP,
    // One re-attempt at most: the only way round is a `continue` gated by `retries++ < 1`.
    UNKNOWN_ROOT_RETRY,
    // Companion's data channel: the loop retries a connection to the host's Unix socket (a path),
    // local work whatever the function is called.
    `import net from 'node:net';
export async function connectDataChannel(socketPath: string): Promise<net.Socket> {
  let lastError: unknown = null;
  for (let attempt = 0; attempt < 10; attempt++) {
    if (attempt > 0) await new Promise(resolve => setTimeout(resolve, 100));
    try {
      return await connectOnce(socketPath);
    } catch (e) {
      lastError = e;
    }
  }
  throw new Error(\`Failed to connect to host data channel: \${String(lastError)}\`);
}
async function connectOnce(socketPath: string): Promise<net.Socket> {
  return new Promise<net.Socket>((resolve, reject) => {
    const socket = net.connect(socketPath);
    socket.once('error', err => { socket.destroy(); reject(err); });
    socket.once('connect', () => resolve(socket));
  });
}`,
    `import { $ } from 'execa';
import { setTimeout } from 'node:timers/promises';
async function deleteWifiConnections() {
  const connections = await $\`nmcli --terse connection\`;
  for (const uuid of connections.stdout.split('\\n')) await $\`nmcli connection delete \${uuid}\`;
}
export async function connectToWiFiNetwork(ssid: string) {
  try {
    await $\`nmcli device wifi connect \${ssid}\`;
  } finally {
    await deleteWifiConnections();
  }
}
export async function restoreWiFi(ssid: string): Promise<void> {
  while (true) {
    try {
      await connectToWiFiNetwork(ssid);
      break;
    } catch (error) {
      console.error('Failed to restore WiFi connection, retrying in 1 minute', error);
      await setTimeout(1000 * 60);
    }
  }
}`,
    `type Options = { retries: number; factor: number; minTimeout: number; maxTimeout: number; randomize: boolean };
function calculateDelay(attempt: number, options: Options) {
  const random = options.randomize ? Math.random() + 1 : 1;
  let timeout = Math.round(random * options.minTimeout * options.factor ** (attempt - 1));
  timeout = Math.min(timeout, options.maxTimeout);
  return timeout;
}
async function onAttemptFailure(error: unknown, attempt: number, options: Options) {
  if (attempt > options.retries) throw error;
  const finalDelay = calculateDelay(attempt, options);
  await new Promise<void>(resolve => {
    setTimeout(resolve, finalDelay);
  });
}
export async function pRetry<T>(input: (attempt: number) => Promise<T>, options: Options): Promise<T> {
  let attemptNumber = 0;
  while (attemptNumber < options.retries + 1) {
    attemptNumber++;
    try {
      return await input(attemptNumber);
    } catch (error) {
      await onAttemptFailure(error, attemptNumber, options);
    }
  }
  throw new Error('Retry attempts exhausted');
}`,
    // A poll for work another process finishes: the loop leaves when the job's state says it is
    // complete, not when a call succeeds.
    `export async function convert(url: string, headers: Record<string, string>) {
  for (let attempt = 0; attempt < 10; attempt++) {
    const resp = await fetch(url, { headers, signal: AbortSignal.timeout(5000) });
    const result = await resp.json();
    if (result.status === 'complete' && result.markdown !== undefined) {
      return result.markdown;
    }
    await new Promise(resolve => setTimeout(resolve, 2000));
  }
}`,
    // A token refreshed every 30 minutes, and 15 minutes after a failed refresh: the failure's wait
    // is past any backoff's cap, so it is a periodic task, not a retry storm.
    `import { OAuth2Client } from 'google-auth-library';
export class Tokens {
  private timer?: NodeJS.Timeout;
  constructor(private readonly client: OAuth2Client) {}
  private async refreshToken(): Promise<void> {
    try {
      clearTimeout(this.timer);
      await this.client.refreshAccessToken();
      this.timer = setTimeout(() => {
        void this.refreshToken();
      }, 30 * 60 * 1000);
    } catch (err) {
      this.timer = setTimeout(() => {
        void this.refreshToken();
      }, 15 * 60 * 1000);
      throw err;
    }
  }
}`,
    // A fallback: the self-call turns off the option (or flag) that guards it, so the second run
    // takes the other path and does not come back.
    `export async function build(url: string, options: { fromHistory?: boolean }): Promise<unknown> {
  if (options.fromHistory) {
    try {
      return await fetch(url + '/history', { signal: AbortSignal.timeout(1000) });
    } catch {
      return build(url, { ...options, fromHistory: false });
    }
  }
  return fetch(url, { signal: AbortSignal.timeout(1000) });
}
export async function get(url: string, useCache: boolean): Promise<unknown> {
  if (useCache) {
    try {
      return await fetch(url + '/cache', { signal: AbortSignal.timeout(1000) });
    } catch {
      return get(url, false);
    }
  }
  return fetch(url, { signal: AbortSignal.timeout(1000) });
}`,
    // A counter declared before the loop and stepped once a pass, before the guard that lets the
    // loop go round again (or leave it): two attempts in all, a single re-attempt.
    `declare function fetchJson(url: string, o: object): Promise<unknown>;
const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));
export async function details(id: string) {
  let attempts = 0;
  while (true) {
    attempts += 1;
    try {
      return await fetchJson('https://web/' + id, { signal: AbortSignal.timeout(16000) });
    } catch (err) {
      if (err instanceof TypeError) {
        throw err;
      } else if (attempts < 2) {
        await sleep(5000);
      } else {
        throw err;
      }
    }
  }
}`,
    // At most one re-attempt whichever way a choice of small numbers goes (r14's zigbee2mqtt
    // availability check: `const attempts = available ? 2 : 1`).
    `const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));
export async function ping(url: string, available: boolean) {
  const attempts = available ? 2 : 1;
  for (let i = 1; i <= attempts; i++) {
    try {
      await fetch(url, { signal: AbortSignal.timeout(1000) });
      break;
    } catch {
      if (i !== attempts) {
        await sleep(3000);
      }
    }
  }
}`,
    // Counting down from a constant, the bound in a conjunction with what may be retried.
    `declare function isRetryable(e: unknown): boolean;
const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));
const MAX_ATTEMPTS = 2;
export async function callWithRetries(fn: () => Promise<unknown>) {
  let remainingAttempts = MAX_ATTEMPTS;
  while (true) {
    try {
      return await fn();
    } catch (err) {
      remainingAttempts--;
      if (remainingAttempts > 0 && isRetryable(err)) {
        await sleep(10);
        continue;
      } else {
        throw err;
      }
    }
  }
}`,
    // A supervisor that starts its local worker process again after it exits: no other service
    // sees the attempts.
    `import child_process from 'child_process';
export class Receivers {
  children = new Set<unknown>();
  closing = false;
  spawnReceiver() {
    const child = child_process.fork(__dirname + '/receiver.js', ['--id=1'], { env: process.env });
    child.on('close', () => {
      this.children.delete(child);
      if (!this.closing) setTimeout(() => this.spawnReceiver(), 5 * 1000).unref();
    });
    this.children.add(child);
  }
}`,
    // A periodic task: it schedules its next run after a success too, and no sooner after a
    // failure; the failure only moves the next run.
    `import { MongoClient } from 'mongodb';
const client = new MongoClient('mongodb://db', { socketTimeoutMS: 5000 });
export class Queue {
  private timer?: NodeJS.Timeout;
  checkGarbage() {
    clearTimeout(this.timer);
    this.clearGarbage()
      .then(() => {
        this.timer = setTimeout(() => this.checkGarbage(), 60 * 1000);
      })
      .catch(() => {
        this.timer = setTimeout(() => this.checkGarbage(), 5 * 60 * 1000);
      });
  }
  async clearGarbage() {
    await client.db().collection('files').deleteMany({ expired: true });
  }
}`,
    // Two attempts in all, counted from a readonly class field (`this.MAX_RETRIES`).
    `import axios from 'axios';
const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));
export class Importer {
  private readonly MAX_RETRIES = 2;
  private readonly RETRY_DELAY = 1000;
  static readonly TIMEOUT = 0;
  async load(url: string) {
    for (let attempt = 1; attempt <= this.MAX_RETRIES; attempt++) {
      try {
        return await axios.get(url, { timeout: 5000 });
      } catch (e) {
        if (attempt === this.MAX_RETRIES) throw e;
        await sleep(this.RETRY_DELAY * attempt);
      }
    }
  }
}`,
    // Bounded by a time budget read into a local (`waitedMs`): it goes round only while the budget
    // holds, and logs and returns otherwise.
    `const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));
export async function waitFor(prisma: any, id: string, budgetMs: number) {
  const startedAt = Date.now();
  let attemptCount = 0;
  while (true) {
    attemptCount += 1;
    const row = await prisma.message.findFirst({ where: { id } });
    if (row) return row;
    const waitedMs = Date.now() - startedAt;
    if (budgetMs && waitedMs < budgetMs) {
      await sleep(Math.random() * Math.min(2000, 250 * 2 ** attemptCount));
      continue;
    }
    console.warn('not found', { attemptCount });
    return null;
  }
}`,
    // A poll, not a retry: it leaves when the row turns up (another request writes it), not when an
    // answer reads as a success, so its constant interval is how a poll should wait.
    `
const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));
export async function waitFor(prisma: any, id: string, budgetMs: number) {
  const startedAt = Date.now();
  let attemptCount = 0;
  while (true) {
    attemptCount += 1;
    const row = await prisma.message.findFirst({ where: { id } });
    if (row) return row;
    if (budgetMs && Date.now() - startedAt < budgetMs) {
      await sleep(250);
      continue;
    }
    return null;
  }
}`,
    // A poll for a value another request writes: 60 reads 250 ms apart, leaving when it turns up.
    `import { redis } from './redis';
const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));
export async function waitForResult(code: string) {
  for (let attempt = 0; attempt < 60; attempt++) {
    const stored = await redis.get('oauth:' + code);
    if (stored !== null) return JSON.parse(stored);
    await sleep(250);
  }
  return undefined;
}`,
    // p-retry awaits `onFailedAttempt` before the next attempt: its capped, jittered sleep is the backoff.
    `import pRetry from 'p-retry';
const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));
export const op = (url: string) => pRetry(() => fetch(url, { signal: AbortSignal.timeout(1000) }), {
  retries: 3,
  minTimeout: 0,
  onFailedAttempt: async error => { await sleep(Math.min(60_000, 2000 * 2 ** error.attemptNumber) * Math.random()); },
});`,
    // A Promise executor's `resolve` is not work handed in: this loop waits for a local registration.
    `import delay from 'delay';
export const register = (scheduler: { register(name: string): boolean }, name: string) =>
  new Promise<void>((resolve, reject) => {
    (async () => {
      for (let attempt = 0; attempt < 5; attempt++) {
        if (scheduler.register(name)) return resolve();
        await delay(10_000);
      }
      reject(new Error('not registered'));
    })();
  });`,
    // A single re-attempt, even at once, cannot fall into lockstep waves; it at most doubles the load.
    `
export async function load(url: string, retried = false): Promise<Response> {
  try {
    return await fetch(url, { signal: AbortSignal.timeout(2000) });
  } catch (error) {
    if (!retried) return load(url, true);
    throw error;
  }
}`,
    // A poll: a failed answer leaves the loop, a pending one waits and asks again.
    `
export async function waitForVideo(taskId: string) {
  let attempts = 0;
  while (true) {
    if (attempts++ >= 180) throw new Error('timed out');
    const data = await (await fetch('/record-info?taskId=' + taskId, { signal: AbortSignal.timeout(30000) })).json();
    if (data.code !== 200) throw new Error('failed');
    if (data.done) return data;
  }
}`,
    // An injected sleep, and a project helper that sleeps under another name, with sound schedules.
    `
export async function retryCheck({ check, sleep }: { check: () => Promise<boolean>; sleep: (ms: number) => Promise<void> }) {
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      if (await check()) return true;
    } catch {}
    await sleep(Math.random() * Math.min(10_000, 100 * 2 ** attempt));
  }
  return false;
}`,
    {
      filename: HANDLER,
      code: `import { timer } from '@/lib/timer';
export async function load(url: string) {
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      return await fetch(url, { signal: AbortSignal.timeout(1000) });
    } catch {
      await timer(Math.random() * Math.min(10_000, 100 * 2 ** attempt));
    }
  }
  throw new Error('gave up');
}`,
      options: [{ checkTests: true }],
    },
    // A Retry-After hint with a sound fallback schedule.
    `
const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));
export async function load(url: string) {
  for (let attempt = 0; attempt < 5; attempt++) {
    const res = await fetch(url, { signal: AbortSignal.timeout(1000) });
    if (res.ok) return res;
    const retryAfter = res.headers.get('retry-after');
    await sleep(retryAfter ? Number(retryAfter) * 1000 : Math.random() * Math.min(10_000, 100 * 2 ** attempt));
  }
  throw new Error('gave up');
}`,
    // Job queues: an exponential schedule, a jittered fixed wait, a single retry, a custom strategy.
    `import { Queue } from 'bullmq';
export const q = new Queue('mail', { defaultJobOptions: { attempts: 10, backoff: { type: 'exponential', delay: 5000 } } });
export const r = new Queue('sms', { defaultJobOptions: { attempts: 4, backoff: { type: 'fixed', delay: 1000, jitter: 0.5 } } });
export const s = new Queue('push', { defaultJobOptions: { attempts: 2, backoff: 1000 } });
export const t = new Queue('hook', { defaultJobOptions: { attempts: 5, backoff: { type: 'decorrelated', delay: 1000 } } });`,
    `import PgBoss from 'pg-boss';
export const send = (boss: PgBoss) => boss.send('mail', {}, { retryLimit: 5, retryDelay: 30, retryBackoff: true });`,
    // Job options kept per queue and spread into defaults that set the backoff: each queue's
    // `attempts` is retried on that exponential schedule.
    `import Queue from 'bull';
const JOB_OPTIONS: Record<string, object> = {
  'refresh-features': { removeOnFail: 100, attempts: 3 },
  'project-notification': { removeOnFail: 100, attempts: 3 },
};
export const getQueue = (name: string) =>
  new Queue(name, {
    defaultJobOptions: { attempts: 11, backoff: { type: 'exponential', delay: 3000 }, ...(JOB_OPTIONS[name] ?? {}) },
  });`,
    // `attempts` outside job options, in a file without a queue.
    `export const policy = { attempts: 5, windowMs: 60_000 };`,
    `import { Queue } from 'bullmq';
export const metrics = { attempts: 3, name: 'not a job' };`,
    // One retry, guarded by a flag the self-call sets: a fixed wait before a single retry is sound.
    `
import OpenAI from 'openai';
export const complete = async ({ apiKey, messages, isRetrying }: { apiKey: string; messages: string[]; isRetrying?: boolean }): Promise<unknown> => {
  try {
    return await new OpenAI({ apiKey, timeout: 30_000 }).chat.completions.create({ model: 'm', messages: [] });
  } catch (error) {
    if (!isRetrying) {
      await new Promise(resolve => setTimeout(resolve, 3000));
      return complete({ apiKey, messages, isRetrying: true });
    }
    throw error;
  }
};`,
    // A smaller request after a failure (the first message trimmed) is not the same request again.
    `
import OpenAI from 'openai';
export const complete = async ({ apiKey, messages }: { apiKey: string; messages: string[] }): Promise<unknown> => {
  if (messages.length === 0) return undefined;
  try {
    return await new OpenAI({ apiKey, timeout: 30_000 }).chat.completions.create({ model: 'm', messages: [] });
  } catch {
    return complete({ apiKey, messages: messages.slice(1) });
  }
};`,
    // Draining in pages until nothing is left: not a retry (the function's name has "tries" inside "Entries").
    `
export const cleanupRedundantEntries = async () => {
  let deleted = 0;
  while (true) {
    const res = await fetch('https://db.internal/entries?stale=1', { method: 'DELETE', signal: AbortSignal.timeout(5000) });
    const { count } = await res.json();
    deleted += count;
    if (count === 0) break;
  }
  return deleted;
};`,
    // An expired token is refreshed and the call made again: the retry fixes the failure; no outage to wait out.
    `
class RefreshToken extends Error {}
export class Analytics {
  async load(id: string, token: string, refreshed = false): Promise<unknown> {
    try {
      return await (await fetch('https://api.social.example/analytics/' + id, { headers: { authorization: token }, signal: AbortSignal.timeout(5000) })).json();
    } catch (e) {
      if (e instanceof RefreshToken && !refreshed) return this.load(id, await newToken(), true);
      throw e;
    }
  }
}`,
    // Trying alternatives: each pass sends a new candidate (a taken username, a used discount code).
    `
export async function uniqueUsername(base: string) {
  let username = base + '-' + Math.random().toString(36).slice(2, 6);
  let retries = 0;
  while (retries <= 3) {
    const taken = await (await fetch('https://users.internal/by-name/' + username, { signal: AbortSignal.timeout(1000) })).json();
    if (!taken) return username;
    username = base + '-' + Math.random().toString(36).slice(2, 6);
    retries++;
  }
  return null;
}`,
    // Optimistic concurrency: only a lost race (a duplicate key) goes round again, at once by design.
    `
export async function createWithVersionRetry<R>(op: () => Promise<R>): Promise<R> {
  let lastErr: unknown;
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      return await op();
    } catch (err) {
      if (!isDuplicateKeyError(err)) throw err;
      lastErr = err;
    }
  }
  throw lastErr;
}`,
    // The retried method catches and logs every error of its own: the loop never goes round.
    `
const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));
export class Store {
  constructor(private readonly db: { query(sql: string): Promise<unknown> }) {}
  async init() {
    while (true) {
      try {
        await this.indexNamespace();
        break;
      } catch (err) {
        console.error(err);
        await sleep(1000);
        continue;
      }
    }
  }
  private async indexNamespace() {
    try {
      await fetch('https://index.internal/run', { method: 'POST', signal: AbortSignal.timeout(5000) });
    } catch (err) {
      console.error('index failed', err);
    }
  }
}`,
    // A queue drain: after a failed hand-off the function calls itself to take the next job.
    `
const queue: { id: string; url: string }[] = [];
function dispatch(): void {
  const job = queue.shift();
  if (!job) return;
  try {
    void fetch(job.url, { method: 'POST', signal: AbortSignal.timeout(1000) });
  } catch {
    setTimeout(() => undefined, 1000);
    dispatch();
  }
}
export const enqueue = (job: { id: string; url: string }) => { queue.push(job); dispatch(); };`,
    // The same written the other way round: a conflict goes round again, anything else is thrown.
    `
export async function restore(id: string, update: (current: unknown) => Promise<void>) {
  const maxAttempts = 3;
  for (let attempt = 1; ; attempt++) {
    const current = await (await fetch('https://docs.internal/' + id, { signal: AbortSignal.timeout(1000) })).json();
    if (!current) return;
    try {
      await update(current);
      return;
    } catch (e) {
      if (e instanceof CasConflictError && attempt < maxAttempts) continue;
      throw e;
    }
  }
}`,
    // A timer that calls the function again with the flag that guards it turned off: one more
    // attempt, then none (sogeBot's chat message).
    `
import axios from 'axios';
export async function message(channel: string, text: string, retry = true) {
  try {
    await axios.post('https://chat.internal/' + channel, { text }, { timeout: 5000 });
  } catch (e) {
    if (retry) {
      setTimeout(() => message(channel, text, false), 5000);
    } else {
      console.error(e);
    }
  }
}`,
    // Only a timeout goes round again, at most five times: each attempt that goes round has already
    // waited out its timeout, so the retry does not hammer (Kudu's client; the error read through a
    // local of its text, and an \`indexOf\` comparison).
    `
declare const webClient: { sendRequest(request: unknown): Promise<unknown> };
export async function beginRequest(request: unknown) {
  let retryCount = 5;
  while (retryCount >= 0) {
    try {
      return await webClient.sendRequest(request);
    } catch (exception) {
      const exceptionString: string = String(exception);
      if (retryCount > 0 && exceptionString.indexOf('Request timeout') != -1) {
        retryCount -= 1;
        continue;
      }
      throw exception;
    }
  }
}`,
    // The same as a recursion on an errno code (firebase-tools' account export).
    `
declare const api: { post(path: string, body: unknown): Promise<{ body: { users: unknown[] } }> };
export async function exportUsers(options: { timeoutRetryCount: number }): Promise<unknown> {
  try {
    return await api.post('/accounts:batchGet', {});
  } catch (err: any) {
    if (err.original?.code === 'ETIMEDOUT') {
      options.timeoutRetryCount++;
      if (options.timeoutRetryCount > 5) return err;
      return exportUsers(options);
    }
    throw err;
  }
}`,
    // Only an answer of one kind goes round again (a cache entry that expired between listing and
    // reading), everything else is thrown: not an outage retry.
    `
class MetaFileExpiredError extends Error {}
export async function latestResult(id: string) {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await (await fetch('https://cache.internal/' + id, { signal: AbortSignal.timeout(1000) })).json();
    } catch (err) {
      if (err instanceof MetaFileExpiredError) {
        continue;
      }
      throw err;
    }
  }
  return undefined;
}`,
    // The same written as if/else: a block the node does not serve yet is waited for, other errors leave.
    `
declare function isDataConsistencyError(err: unknown): boolean;
const wait = (ms: number) => new Promise(r => setTimeout(r, ms));
export async function onHead(height: number) {
  for (let i = 0; i < 3; i++) {
    try {
      return await fetch('https://node.internal/block/' + height, { signal: AbortSignal.timeout(1000) });
    } catch (err) {
      if (isDataConsistencyError(err)) {
        await wait(100);
      } else {
        throw err;
      }
    }
  }
  return undefined;
}`,
    // A recursion that calls itself again only when the server dropped the sync token (410 Gone):
    // the full resync the protocol prescribes, not a retry of a failing server.
    `
export async function eventsSync(calendarId: string, syncToken?: string): Promise<void> {
  try {
    await fetch('https://calendar.example.com/' + calendarId + '?syncToken=' + syncToken, { signal: AbortSignal.timeout(5000) });
  } catch (err: any) {
    if (err?.response?.status === 410) {
      await eventsSync(calendarId);
      return;
    }
    console.error('sync failed', err);
  }
}`,
    // A feature detection: the query runs again without the argument the server said it lacks.
    `
let useDistinct = true;
export async function getData(from: number): Promise<unknown> {
  try {
    return await fetch('https://dictionary.example.com/?distinct=' + useDistinct + '&from=' + from, { signal: AbortSignal.timeout(5000) });
  } catch (err) {
    if (JSON.stringify(err).includes('Unknown argument "distinct"')) {
      useDistinct = false;
      return getData(from);
    }
    return undefined;
  }
}`,
    // Only a one-time-password error leads to the call again, written in a \`.catch\` callback.
    `
export function publish(otp?: string): Promise<void> {
  return fetch('https://registry.example.com/pkg', { method: 'PUT', headers: { 'npm-otp': otp ?? '' }, signal: AbortSignal.timeout(5000) })
    .then(() => undefined)
    .catch(err => {
      if (/one-time pass/.test(String(err))) return publish(String(Date.now()));
      throw err;
    });
}`,
    // A bisection of a failed batch: each self-call gets half of the values (kept in a const), and
    // one value ends it; it looks for the row that fails, it does not retry.
    `
export const recoverBatchError = async <T>(values: T[]): Promise<{ status: string }> => {
  try {
    await fetch('https://db.internal/batch', { method: 'POST', body: JSON.stringify(values), signal: AbortSignal.timeout(5000) });
    return { status: 'success' };
  } catch (error) {
    if (values.length === 1) return { status: 'error' };
    const left = values.slice(0, Math.floor(values.length / 2));
    const right = values.slice(Math.floor(values.length / 2));
    const resultLeft = await recoverBatchError(left);
    if (resultLeft.status === 'error') return resultLeft;
    return recoverBatchError(right);
  }
};`,
    // A switch to another method: the handler turns a flag off, and the function, called again,
    // tests it first and takes the other way (one receipt per transaction) before the failed call.
    `
let isBlockReceipts = true;
export const syncReceipts = async (hashes: string[]): Promise<unknown[]> => {
  if (isBlockReceipts === false) {
    const receipts = [];
    for (const hash of hashes) receipts.push(await fetch('https://rpc.internal/receipt/' + hash, { signal: AbortSignal.timeout(5000) }));
    return receipts;
  }
  try {
    return [await fetch('https://rpc.internal/blockReceipts', { signal: AbortSignal.timeout(5000) })];
  } catch (error) {
    isBlockReceipts = false;
    return syncReceipts(hashes);
  }
};`,
    // A supervisor that forks its own child again after it exits: the completion callback it is
    // handed (\`return callback()\` when the child already runs) is no work done for it.
    {
      filename: 'builtin-zone-mta.js',
      code: `
const { fork } = require('./fork');
const path = require('path');
let zoneMtaProcess = null;
let restartCount = 0;
const restartBackoff = [0, 30, 60, 300];
let restartBackoffIdx = 0;
function restart(callback) {
  if (zoneMtaProcess) return callback();
  zoneMtaProcess = fork(path.join(__dirname, 'index.js'), ['--config=x'], { cwd: __dirname });
  zoneMtaProcess.on('message', msg => { if (msg && msg.type === 'started' && callback) return callback(); });
  zoneMtaProcess.on('close', (code, signal) => {
    zoneMtaProcess = null;
    restartCount += 1;
    const backoffTimeout = restartBackoff[restartBackoffIdx] * 1000;
    if (restartBackoffIdx < restartBackoff.length - 1) restartBackoffIdx += 1;
    setTimeout(restart, backoffTimeout, callback);
  });
}
module.exports.spawn = cb => restart(cb);`,
    },
    // A poll of a server this process just started on this machine (its admin server booting):
    // local work, whatever the loop does.
    `
export async function discover(port: number): Promise<Response> {
  const url = \`http://127.0.0.1:\${port}/__/functions.yaml\`;
  while (true) {
    try {
      return await fetch(url, { signal: AbortSignal.timeout(1000) });
    } catch (err: any) {
      if (['ECONNREFUSED', 'ECONNRESET'].includes(err?.cause?.code)) continue;
      throw err;
    }
  }
}`,
    // A randomised wait, bounded: clients that failed together do not retry together.
    `
const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));
export async function get(url: string): Promise<Response> {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await fetch(url, { signal: AbortSignal.timeout(5000) });
    } catch {
      await sleep(1000 + Math.random() * 4000);
    }
  }
  throw new Error('gave up');
}`,
    // A compare-and-swap loop: re-read, recompute, write conditioned on what was read.
    `
export async function casUpdate(id: string) {
  for (let attempt = 0; attempt < 5; attempt++) {
    const current = await (await fetch('https://docs.internal/' + id, { signal: AbortSignal.timeout(1000) })).json();
    const written = await (await fetch('https://docs.internal/' + id, { method: 'PUT', body: JSON.stringify({ ...current, n: current.n + 1, ifVersion: current.version }), signal: AbortSignal.timeout(1000) })).json();
    if (written.applied) return written;
  }
  return undefined;
}`,
    // A loop that leaves on a state other than the answer's outcome polls; it does not retry.
    `
export async function waitForExport(id: string) {
  let i = 0;
  while (i++ < 30) {
    try {
      const job = await (await fetch('https://exports.internal/' + id, { signal: AbortSignal.timeout(2000) })).json();
      if (job.state === 'done') break;
    } catch {
      await new Promise(resolve => setTimeout(resolve, 1000));
    }
  }
}`,
    // @octokit/plugin-retry's defaults (3 retries, 1 s, 4 s, 9 s) and a count whose last wait stays under the cap.
    `import { Octokit } from '@octokit/rest';
import { retry } from '@octokit/plugin-retry';
const GitHub = Octokit.plugin(retry);
export const a = new GitHub({ auth: token, retry: { doNotRetry: [404] } });
export const b = new GitHub({ auth: token, retry: { retries: 4 } });
export const c = new GitHub({ auth: token, retry: { enabled: false, retryAfterBaseValue: 0 } });`,
    // A fallback path (in a catch) that calls the function once per child it found: a tree walk, not a retry.
    `
export async function crawlSitemap(url: string, seen: Set<string>): Promise<number> {
  if (seen.has(url)) return 0;
  seen.add(url);
  const text = await (await fetch(url, { signal: AbortSignal.timeout(5000) })).text();
  try {
    return fastParse(text).length;
  } catch {
    const children = slowParse(text);
    const counts = await Promise.all(children.map(child => crawlSitemap(child, seen)));
    for (const nested of nestedIndexes(text)) await crawlSitemap(nested, seen);
    return counts.reduce((a, b) => a + b, 0);
  }
}`,
    // Two passes: one retry after a fixed wait.
    `
export async function load(url: string) {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      return await fetch(url, { signal: AbortSignal.timeout(2000) });
    } catch {
      await new Promise(resolve => setTimeout(resolve, 500));
    }
  }
  throw new Error('unreachable');
}`,
    // The same flag-exit loop with a capped, jittered exponential wait between attempts.
    `
import { db } from './db';
import { setTimeout as sleep } from 'node:timers/promises';
export async function provision(userId: string) {
  let assigned = false;
  for (let attempt = 1; attempt <= 3 && !assigned; attempt++) {
    try {
      await db.$transaction(async tx => tx.membership.create({ data: { userId } }));
      assigned = true;
    } catch {
      await sleep(Math.random() * Math.min(10_000, 100 * 2 ** attempt));
    }
  }
}`,
    // A loop over rows that creates each one is not a retry.
    `
import { db } from './db';
export async function importAll(rows: { id: string }[]) {
  for (const row of rows) {
    try {
      await db.user.createMany({ data: [row] });
    } catch (error) {
      console.error(error);
    }
  }
}`,
    // Bun.sleep waits; capped and jittered.
    `
export async function withBackoff<T>(fn: () => Promise<T>, retries = 3): Promise<T> {
  let attempt = 0;
  while (true) {
    try {
      return await fn();
    } catch (error) {
      attempt += 1;
      if (attempt > retries) throw error;
      await Bun.sleep(Math.min(250 * 2 ** attempt, 3000) + Math.floor(Math.random() * 120));
    }
  }
}`,
    // Trying alternatives in turn (indexing a list) is not retrying.
    `
function run(parsers: Parser[], index = 0): Promise<Result> {
  return parse(parsers[index]).catch((error: Error) => {
    index++;
    if (index === parsers.length) throw error;
    return run(parsers, index);
  });
}`,
    `const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));
export async function send(body: object) {
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      return await fetch(url, { method: 'PUT', body: JSON.stringify(body), signal: AbortSignal.timeout(1000) });
    } catch (error) {
      if (attempt === 4) throw error;
      await sleep(Math.random() * Math.min(10_000, 100 * 2 ** attempt));
    }
  }
}`,
    // Three attempts of 100 * 2 ** i never wait longer than the cap.
    threeTries(100),
    // \`i < 3\` waits at most with \`i = 2\` (28 s, under the 30 s cap); a pass that leaves before its
    // wait (\`if (attempt === MAX) throw\`) does not wait at all, so the longest wait is 21 s.
    threeTries(7000),
    batchRetry('MAX'),
    // A sleep held in a \`let\` a test may swap, and an attempt count carried in the self-call's
    // argument through a const (\`const nextRetry = retries + 1\`) and tested after the wait.
    swappableRetry(true),
    // A reconnect loop whose wait a backoff helper computes (\`this.reconnectBackoff.nextDelay()\`)
    // and that logs each failure: a supervisor of a connection that must come back, not a storm.
    reconnectLoop({ logs: true, helper: 'reconnectBackoff.nextDelay' }),
    // What runs after the \`try\` (the poll, once the configuration is read) runs on success only:
    // the attempt reads local configuration, which no other service sees.
    startPoll(''),
    // Iterating over a collection is not a retry.
    `
for (const mirror of mirrors) {
  try {
    return await fetch(mirror, { signal: AbortSignal.timeout(1000) });
  } catch {}
}`,
    // A polling loop goes round on success too.
    `
while (running) {
  try {
    const jobs = await fetch(queueUrl, { signal: AbortSignal.timeout(1000) });
    handle(jobs);
  } catch (error) {
    log(error);
  }
  await sleep(1000);
}`,
    `import pRetry from 'p-retry'; await pRetry(run, { retries: 4, maxTimeout: 10_000, randomize: true });`,
    `import retry from 'async-retry'; await retry(run, { retries: 3, maxTimeout: 5_000 });`,
    `import { backOff } from 'exponential-backoff'; await backOff(run, { maxDelay: 5_000, jitter: 'full' });`,
    // Its defaults wait 100 ms doubling between ten attempts: the last of nine waits is 25.6 s.
    `import { backOff } from 'exponential-backoff'; await backOff(run, { jitter: 'full' });`,
    `import axiosRetry from 'axios-retry'; axiosRetry(client, { retries: 3, retryDelay: axiosRetry.exponentialDelay });`,
    // The library's jittered helper called from a function of ours, with its own factor: at most 2^3 · 500 ms · 1.2.
    `import axiosRetry, { exponentialDelay } from 'axios-retry'; axiosRetry(client, { retries: 3, retryDelay: (count, error) => { return exponentialDelay(count, error, 500); } });`,
    `import { retry, handleAll, ExponentialBackoff } from 'cockatiel'; export const policy = retry(handleAll, { maxAttempts: 3, backoff: new ExponentialBackoff() });`,
    // ioredis: capped and jittered.
    `import Redis from 'ioredis'; const redis = new Redis({ commandTimeout: 500, retryStrategy: times => Math.min(times * 100, 2000) + Math.random() * 100 });`,
    // Nothing is retried, so the jitter does not matter.
    `import Redlock from 'redlock'; export const lock = new Redlock([redis], { retryCount: 0, retryJitter: 0 });`,
    // got jitters (noise) and two retries stay short.
    `import got from 'got'; export const client = got.extend({ retry: { limit: 2 } });`,
    {
      code: `
for (let attempt = 0; attempt < 4; attempt++) {
  try {
    return await fetch(url, { signal: AbortSignal.timeout(1000) });
  } catch {
    await pause(withJitter(Math.min(5000, 200 * 2 ** attempt)));
  }
}`,
      settings: { faultline: { sleepFunctions: ['pause'], jitterFunctions: ['withJitter'] } },
    },
    // A team's retry wrapper whose defaults cap and jitter the backoff
    {
      code: `import { withRetries } from '@acme/retry'; await withRetries(run, { retries: 3 });`,
      settings: { faultline: { retryWrappers: [WITH_RETRIES] } },
    },
    // A retry wrapper named without its schedule: nothing to judge it by
    {
      code: `await withRetries(run, { retries: 100 });`,
      settings: { faultline: { retryWrappers: ['withRetries'] } },
    },
    // A fallback, not a retry: the self-call leaves out the parameter whose presence guards it
    // (`hasSender` holds only with a sender), so the second call rethrows.
    `import axios from 'axios';
export class Bridge {
  async lookup(room: string, sender?: string): Promise<unknown> {
    const hasSender = sender !== null && sender !== undefined;
    try {
      return await axios.get('https://chat.internal/rooms/' + room, { timeout: 5000, params: { sender } });
    } catch (err) {
      if (hasSender) return await this.lookup(room);
      throw err;
    }
  }
}`,
    // A retry library around work that talks to no other process (a local command, the file
    // system): no herd to spread, no service to spare.
    `import pRetry from 'p-retry';
import { $ } from 'execa';
import { rm } from 'node:fs/promises';
async function runScript(name: string) {
  await $\`./scripts/\${name}.sh\`;
}
export const install = () => pRetry(() => runScript('install'), { retries: 2 });
export const unmount = (id: string) => pRetry(() => $\`umount /dev/\${id}\`, { retries: 5, minTimeout: 500, factor: 1 });
export const clean = (dir: string) => pRetry(() => rm(dir, { recursive: true }), { retries: 3 });`,
    // Options the wrapper's reader cannot see into
    {
      code: `import { withRetries } from '@acme/retry'; await withRetries(run, options);`,
      settings: { faultline: { retryWrappers: [{ ...WITH_RETRIES, defaults: {} }] } },
    },
    // The request's callback fails the attempt only below the bound, and the loop goes round only
    // when it fails: bounded (mjolnir's and Draupnir's throttled-request retry).
    throttledRetry('attempt < MAX_ATTEMPTS'),
    // The wait a private method draws at random, handed to a sleep method that multiplies it:
    // jittered (actions/checkout's retry helper).
    sleepAmountRetry('Math.floor(Math.random() * (this.maxSeconds - this.minSeconds + 1)) + this.minSeconds'),
    // Re-run once with the option that turns the re-run off (action-hosting-deploy's debug run).
    debugRerun('{ debug: true, force: opts.force }'),
    debugRerun('{ ...opts, debug: true }'),
    // Sent again only with a one-time password the user types (npm's EOTP), the work read inside
    // a Promise executor: not an outage retry (lerna's otplease).
    `declare function promptForOtp(): Promise<string>;
export function attempt(fn: (opts: object) => Promise<unknown>, opts: object): Promise<unknown> {
  return new Promise(resolve => {
    resolve(fn(opts));
  }).catch(err => {
    if (err.code !== 'EOTP') throw err;
    return promptForOtp().then(otp => attempt(fn, { ...opts, otp }));
  });
}`,
  ],
  invalid: [
    {
      // A constant power beside the count (\`attempt * 10_000 + 2 ** 2\`) is no power of the count:
      // the wait grows in proportion, and only its jitter is asked for.
      code: `const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));
export async function load(url: string) {
  for (let attempt = 0; attempt < 10; attempt++) {
    try {
      return await fetch(url, { signal: AbortSignal.timeout(1000) });
    } catch {
      await sleep(attempt * 10_000 + 2 ** 2);
    }
  }
}`,
      errors: [{ line: 7, column: 13, endLine: 7, endColumn: 45, messageId: 'noJitter' }],
    },
    (() => {
      // The same through Math's wrappers, a timer's wait, a class field, and \`1000 * 2 ^ n\` (which
      // parses as \`(1000 * 2) ^ n\`); a value named for an attempt is no wait.
      const code = `export function capped(attempt: number) {
  const delay = Math.min(1000 * (2 ^ attempt), 30000);
  return delay;
}
export function unparenthesised(attempt: number) {
  const delay = 1000 * 2 ^ attempt;
  return delay;
}
export function timer(fn: () => void, attempt: number) {
  setTimeout(fn, Math.min(100 * (2 ^ attempt), 30_000));
}
export class Poller {
  count = 0;
  retryDelay = 2 ^ this.count;
}
export const attemptHash = (seed: number) => 2 ^ seed;`;
      const at = (line: number, column: number, text: string) => ({
        line,
        column,
        endLine: line,
        endColumn: column + text.length,
        messageId: 'xorDelay' as const,
        data: { text },
        suggestions: [
          {
            messageId: 'suggestPower' as const,
            output: ((): string => {
              const lines = code.split('\n');
              const row = lines[line - 1] as string;
              lines[line - 1] =
                row.slice(0, column - 1) + text.replace('^', '**') + row.slice(column - 1 + text.length);
              return lines.join('\n');
            })(),
          },
        ],
      });
      return {
        code,
        errors: [
          at(2, 34, '2 ^ attempt'),
          at(6, 17, '1000 * 2 ^ attempt'),
          at(10, 34, '2 ^ attempt'),
          at(14, 16, '2 ^ this.count'),
        ],
      };
    })(),
    (() => {
      // Reservoir's RabbitMQ job handler: \`(2 ^ (retryCount - 1)) * delay\` is XOR, not a power. A
      // wait is named so (a variable, a returning function, a property, a sleep's argument); a bit
      // mask (\`flags\`) is not one.
      const code = `export class Handler {
  backoff = { type: 'exponential', delay: 1000 };
  getBackoffDelay(retryCount: number) {
    let delay = 0;
    delay = (2 ^ (retryCount - 1)) * this.backoff.delay;
    return delay;
  }
}
export const retryDelay = (attempt: number) => 100 * (2 ^ attempt);
export const flags = (mask: number) => 2 ^ mask;
export const options = { backoffMs: (n: number) => 2 ^ n };
const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));
export async function poll(attempt: number) {
  await sleep(500 * (2 ^ attempt));
}`;
      const power = (text: string) => ({
        messageId: 'suggestPower' as const,
        output: code.replace(text, text.replace('^', '**')),
      });
      return {
        code,
        errors: [
          {
            line: 5,
            column: 14,
            endLine: 5,
            endColumn: 34,
            messageId: 'xorDelay' as const,
            data: { text: '2 ^ (retryCount - 1)' },
            suggestions: [power('2 ^ (retryCount - 1)')],
          },
          {
            line: 9,
            column: 55,
            endLine: 9,
            endColumn: 66,
            messageId: 'xorDelay' as const,
            data: { text: '2 ^ attempt' },
            suggestions: [power('100 * (2 ^ attempt)')],
          },
          {
            line: 11,
            column: 52,
            endLine: 11,
            endColumn: 57,
            messageId: 'xorDelay' as const,
            data: { text: '2 ^ n' },
            suggestions: [power('(n: number) => 2 ^ n')],
          },
          {
            line: 14,
            column: 22,
            endLine: 14,
            endColumn: 33,
            messageId: 'xorDelay' as const,
            data: { text: '2 ^ attempt' },
            suggestions: [power('500 * (2 ^ attempt)')],
          },
        ],
      };
    })(),
    {
      // A pool's connect borrows a client for the query: the loop retries the query, not a connection.
      code: REVIEWED.poolQuery,
      errors: [{ line: 5, column: 3, endLine: 5, endColumn: 6, messageId: 'unboundedRetry' }],
    },
    {
      // Connecting on the way to a command: the retry is of the command.
      code: REVIEWED.lazyConnect,
      errors: [{ line: 5, column: 3, endLine: 5, endColumn: 6, messageId: 'unboundedRetry' }],
    },
    {
      // The request is made before the try, whose block judges its answer: the catch sees that failure.
      code: REVIEWED.answerBeforeTry,
      errors: [{ line: 8, column: 11, endLine: 8, endColumn: 22, messageId: 'constantDelay' }],
    },
    {
      // A count's key written in the failure path, and a wait read from a key built from the count: no alternatives.
      code: REVIEWED.countedKeys,
      errors: [{ line: 3, column: 23, endLine: 3, endColumn: 27, messageId: 'unboundedRetry' }],
    },
    {
      // The next token every pass, but no last one: it never stops, and at once.
      code: REVIEWED.endlessTokens,
      errors: [
        { line: 2, column: 14, endLine: 2, endColumn: 21, messageId: 'noDelay' },
        { line: 2, column: 14, endLine: 2, endColumn: 21, messageId: 'unboundedRetry' },
      ],
    },
    {
      // A success path that asks for the next page: pagination, not a loop that runs on.
      code: REVIEWED.nextPage,
      errors: [
        { line: 3, column: 3, endLine: 3, endColumn: 7, messageId: 'unboundedRetry' },
        { line: 10, column: 9, endLine: 10, endColumn: 50, messageId: 'constantDelay' },
      ],
    },
    {
      // A download retried from the response's 'end': a bad answer, not a lost connection (and the body text is no counter).
      code: REVIEWED.responseEnd,
      errors: [
        { line: 2, column: 17, endLine: 2, endColumn: 25, messageId: 'unboundedRetry' },
        { line: 7, column: 35, endLine: 7, endColumn: 78, messageId: 'constantDelay' },
      ],
    },
    // The same token every pass: the same request again, at once.
    {
      code: tokenRotation('process.env.PAT_1'),
      errors: [{ line: 4, column: 14, endLine: 4, endColumn: 21, messageId: 'noDelay' }],
    },
    // A reconnect and a consumer loop are asked for a wait, not a bound; the one-shot request for both.
    {
      code: SUPERVISORS,
      errors: [
        { line: 9, column: 5, endLine: 9, endColumn: 42, messageId: 'constantDelay' },
        { line: 18, column: 13, endLine: 18, endColumn: 24, messageId: 'constantDelay' },
        { line: 38, column: 23, endLine: 38, endColumn: 35, messageId: 'unboundedRetry' },
        { line: 42, column: 11, endLine: 42, endColumn: 22, messageId: 'constantDelay' },
        { line: 55, column: 20, endLine: 55, endColumn: 69, messageId: 'constantDelay' },
      ],
    },
    // The same attempts awaited: each catch now sees the remote work fail, and retries it (the loop
    // that connects until the broker answers is asked for a backoff, not a bound).
    {
      code: unawaitedAttempt(true),
      errors: [
        { line: 12, column: 11, endLine: 12, endColumn: 25, messageId: 'constantDelay' },
        {
          line: 22,
          column: 11,
          endLine: 22,
          endColumn: 23,
          messageId: 'constantDelay',
          suggestions: [
            {
              messageId: 'suggestFullJitter',
              data: { cap: 30000 },
              output: unawaitedAttempt(true).replace(
                'sleepMs(100)',
                'sleepMs(Math.random() * Math.min(30000, 100 * 2 ** retryCount))',
              ),
            },
          ],
        },
        { line: 32, column: 13, endLine: 32, endColumn: 26, messageId: 'constantDelay' },
      ],
    },
    // Only a timeout goes round, but for ever: the bound is asked for, the wait is not (the
    // attempt waits out its timeout).
    {
      code: `
export async function status(url: string) {
  for (;;) {
    try {
      return await fetch(url, { signal: AbortSignal.timeout(5000) });
    } catch (err) {
      if ((err as Error).name === 'TimeoutError') continue;
      throw err;
    }
  }
}`,
      errors: [
        { line: 3, column: 3, endLine: 3, endColumn: 6, messageId: 'unboundedRetry', data: { why: '' } },
      ],
    },
    // A predicate that lets other failures through beside the timeout goes round at once on them.
    {
      code: `
declare function isTimeoutOrNetworkError(err: unknown): boolean;
export async function status(url: string) {
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      return await fetch(url, { signal: AbortSignal.timeout(5000) });
    } catch (err) {
      if (isTimeoutOrNetworkError(err)) continue;
      throw err;
    }
  }
}`,
      errors: [{ line: 4, column: 3, endLine: 4, endColumn: 6, messageId: 'noDelay' }],
    },
    // A signal made before the loop: once it aborts, every attempt fails at once with its timeout.
    {
      code: `
export async function status(url: string) {
  const signal = AbortSignal.timeout(5000);
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      return await fetch(url, { signal });
    } catch (err) {
      if ((err as Error).name === 'TimeoutError') continue;
      throw err;
    }
  }
}`,
      errors: [{ line: 4, column: 3, endLine: 4, endColumn: 6, messageId: 'noDelay' }],
    },
    // A refused connection goes round too, at once: that one fails fast.
    {
      code: `
export async function status(url: string) {
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      return await fetch(url, { signal: AbortSignal.timeout(5000) });
    } catch (err: any) {
      if (err.code === 'ETIMEDOUT' || err.code === 'ECONNREFUSED') continue;
      throw err;
    }
  }
}`,
      errors: [{ line: 3, column: 3, endLine: 3, endColumn: 6, messageId: 'noDelay' }],
    },
    {
      // Logged, but waiting a jittered 10–20 ms nobody asks to change: it may hammer the service
      // for ever, so a bound is asked for.
      code: `declare const log: { warn(message: string, error: unknown): void };
const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));
export async function poll(url: string): Promise<Response> {
  while (true) {
    try {
      return await fetch(url, { signal: AbortSignal.timeout(5000) });
    } catch (error) {
      log.warn('poll failed, retrying', error);
      await sleep(10 + Math.random() * 10);
    }
  }
}`,
      errors: [{ line: 4, column: 3, endLine: 4, endColumn: 8, messageId: 'unboundedRetry' }],
    },
    {
      // A command may talk to another machine (\`curl\`, \`git push\`): still work.
      code: `import { exec } from 'node:child_process';
export function pushB() {
  while (true) {
    try {
      exec('curl -sf https://api.example.com/deploy');
      return;
    } catch (e) {}
  }
}`,
      errors: [
        { line: 3, column: 3, endLine: 3, endColumn: 8, messageId: 'noDelay' },
        { line: 3, column: 3, endLine: 3, endColumn: 8, messageId: 'unboundedRetry' },
      ],
    },
    {
      // An injected sleep whose default computes its own wait from the attempt it is handed: read
      // there, as a direct call of it would be.
      code: `// the local default computes its wait from the attempt it is handed
const wait = (attempt: number) => new Promise<void>(resolve => setTimeout(resolve, 1000 * 2 ** attempt));
export async function retryTransient<T>(
  request: () => Promise<T>,
  options: { wait?: (attempt: number) => Promise<void> } = {},
): Promise<T> {
  const waitForRetry = options.wait ?? wait;
  for (let attempt = 1; attempt <= 9; attempt += 1) {
    try {
      return await request();
    } catch (error) {
      if (attempt === 9) throw error;
      await waitForRetry(attempt);
    }
  }
  throw new Error('exhausted');
}`,
      errors: [{ line: 13, column: 13, endLine: 13, endColumn: 34, messageId: 'longBackoff' }],
    },
    ...[
      // The options parameter's own default sets 50 attempts, and a call leaves the options out.
      jitteredOptionsRetry('{ maxAttempts: 50 }', ''),
      // The function writes the option before reading it: its default is not the schedule.
      jitteredOptionsRetry(
        '{}',
        '  options.maxAttempts = options.maxAttempts ?? Number(process.env.ATTEMPTS);\n',
      ),
    ].map((code, index) => ({
      code,
      errors: [
        {
          line: index === 0 ? 10 : 11,
          column: 13,
          endLine: index === 0 ? 10 : 11,
          endColumn: 61,
          messageId: index === 0 ? ('longBackoff' as const) : ('uncappedBackoff' as const),
          suggestions: [
            {
              messageId: 'suggestFullJitter' as const,
              output: code.replace(
                'sleep(Math.random() * 1000 * 2 ** (attempt - 1))',
                'sleep(Math.random() * Math.min(30000, Math.random() * 1000 * 2 ** (attempt - 1)))',
              ),
            },
          ],
        },
      ],
    })),
    {
      // A count test under an \`||\` does not bound the loop: the callback rejects whatever the count.
      code: throttledRetry('err?.retry || attempt < MAX_ATTEMPTS'),
      errors: [{ line: 6, column: 3, endLine: 6, endColumn: 8, messageId: 'unboundedRetry' }],
    },
    {
      // \`opts.debug && false\` is always false: the flag never turns the re-run off.
      code: debugRerun('{ debug: true }', 'opts.debug && false'),
      errors: [
        { line: 2, column: 16, endLine: 2, endColumn: 22, messageId: 'noDelay' },
        { line: 2, column: 16, endLine: 2, endColumn: 22, messageId: 'unboundedRetry' },
      ],
    },
    (() => {
      // An injected sleep whose default is a function of the file (`options.wait ?? wait`) waits:
      // the report is on the wait, not "at once".
      const code = `const wait = (ms: number) => new Promise<void>(resolve => setTimeout(resolve, ms));
export async function retryTransient<T>(
  request: () => Promise<T>,
  options: { maxAttempts?: number; wait?: (ms: number) => Promise<void> } = {},
): Promise<T> {
  const maxAttempts = options.maxAttempts ?? 3;
  const waitForRetry = options.wait ?? wait;
  for (let attempt = 1; attempt <= maxAttempts; attempt += 1) {
    try {
      return await request();
    } catch (error) {
      if (attempt === maxAttempts) throw error;
      await waitForRetry(1000 * Math.pow(2, attempt - 1));
    }
  }
  throw new Error('exhausted');
}`;
      return {
        code,
        errors: [
          {
            line: 13,
            column: 13,
            endLine: 13,
            endColumn: 58,
            messageId: 'uncappedBackoff' as const,
            data: { also: ALSO_NO_JITTER },
            suggestions: [
              {
                messageId: 'suggestFullJitter' as const,
                data: { cap: 30_000 },
                output: code.replace(
                  '1000 * Math.pow(2, attempt - 1)',
                  'Math.random() * Math.min(30000, 1000 * Math.pow(2, attempt - 1))',
                ),
              },
            ],
          },
        ],
      };
    })(),
    // The options' defaults are the schedule: three attempts wait 1 s and 2 s, under the cap; only
    // the missing jitter is reported.
    ...[optionsRetry(''), optionsRetry('{ maxAttempts: 4 }'), optionsRetry('', true)].map(code => ({
      code,
      errors: [{ line: 14, column: 13, endLine: 14, endColumn: 45, messageId: 'noJitter' as const }],
    })),
    (() => {
      // A caller asks for twelve attempts: the wait grows to 17 min.
      const code = optionsRetry('{ maxAttempts: 12 }');
      return {
        code,
        errors: [
          {
            line: 14,
            column: 13,
            endLine: 14,
            endColumn: 45,
            messageId: 'longBackoff' as const,
            data: { longest: '17 min', also: ALSO_NO_JITTER, cap: 30_000, capText: '30 s' },
            suggestions: [
              {
                messageId: 'suggestFullJitter' as const,
                data: { cap: 30_000 },
                output: code.replace(
                  'sleep(base * 2 ** (attempt - 1))',
                  'sleep(Math.random() * Math.min(30000, base * 2 ** (attempt - 1)))',
                ),
              },
            ],
          },
        ],
      };
    })(),
    {
      // The options spread after the flag may turn it back off: not known to run once.
      code: debugRerun('{ debug: true, ...opts }'),
      errors: [
        { line: 2, column: 16, endLine: 2, endColumn: 22, messageId: 'noDelay' },
        { line: 2, column: 16, endLine: 2, endColumn: 22, messageId: 'unboundedRetry' },
      ],
    },
    {
      // Sent again at once on a dropped connection, the work read inside a Promise executor.
      code: `declare function promptForOtp(): Promise<string>;
export function attempt(fn: (opts: object) => Promise<unknown>, opts: object): Promise<unknown> {
  return new Promise(resolve => {
    resolve(fn(opts));
  }).catch(err => {
    if (err.code !== 'ECONNRESET') throw err;
    return promptForOtp().then(otp => attempt(fn, { ...opts, otp }));
  });
}`,
      errors: [
        { line: 2, column: 17, endLine: 2, endColumn: 24, messageId: 'noDelay' },
        { line: 2, column: 17, endLine: 2, endColumn: 24, messageId: 'unboundedRetry' },
      ],
    },
    {
      // The same helper without the random draw: the caller's value reaches the timer unchanged.
      code: sleepAmountRetry('this.minSeconds'),
      errors: [
        {
          line: 13,
          column: 13,
          endLine: 13,
          endColumn: 32,
          messageId: 'constantDelay',
        },
      ],
    },
    {
      // The callback rejects whatever the count: nothing bounds the loop.
      code: throttledRetry(null),
      errors: [{ line: 6, column: 3, endLine: 6, endColumn: 8, messageId: 'unboundedRetry' }],
    },
    {
      // The wait is reached only while `i < 3`: at most 1000 * 2 ** 8 ms (4.3 min), not at `i = 8`.
      code: guardedRetry(false),
      errors: [
        {
          line: 8,
          column: 15,
          endLine: 8,
          endColumn: 41,
          messageId: 'longBackoff',
          data: { longest: '4.3 min', also: ', and it has no jitter either', cap: 30000, capText: '30 s' },
          suggestions: [
            {
              messageId: 'suggestFullJitter',
              data: { cap: 30000 },
              output: guardedRetry(false).replace(
                'sleep(1000 * 2 ** (i * 4))',
                'sleep(Math.random() * Math.min(30000, 1000 * 2 ** (i * 4)))',
              ),
            },
          ],
        },
      ],
    },
    {
      // A count stepped between the guard and the wait is not the one tested: the loop's bound decides.
      code: guardedRetry(true),
      errors: [
        {
          line: 9,
          column: 15,
          endLine: 9,
          endColumn: 41,
          messageId: 'longBackoff',
          data: {
            longest: 'more than a year',
            also: ', and it has no jitter either',
            cap: 30000,
            capText: '30 s',
          },
          suggestions: [
            {
              messageId: 'suggestFullJitter',
              data: { cap: 30000 },
              output: guardedRetry(true).replace(
                'sleep(1000 * 2 ** (i * 4))',
                'sleep(Math.random() * Math.min(30000, 1000 * 2 ** (i * 4)))',
              ),
            },
          ],
        },
      ],
    },
    {
      // A catch that goes on after scheduling the attempt: what follows the \`try\` runs on failed
      // attempts too, and it sends a request.
      code: `declare function readConfig(): Promise<string>;
let config = '{}';
export async function start(): Promise<void> {
  try {
    config = await readConfig();
  } catch {
    setTimeout(() => void start(), 1000);
    config = '{}';
  }
  await fetch('https://api.example.com/register', { method: 'POST', body: config, signal: AbortSignal.timeout(5000) });
}`,
      errors: [
        { line: 3, column: 23, endLine: 3, endColumn: 28, messageId: 'unboundedRetry' },
        { line: 7, column: 5, endLine: 7, endColumn: 41, messageId: 'constantDelay' },
      ],
    },
    {
      // A request before the \`try\` is sent again by every attempt.
      code: startPoll(
        "  await fetch('https://api.example.com/hello', { signal: AbortSignal.timeout(5000) });\n",
      ),
      errors: [
        { line: 7, column: 23, endLine: 7, endColumn: 32, messageId: 'unboundedRetry' },
        { line: 13, column: 11, endLine: 13, endColumn: 24, messageId: 'constantDelay' },
      ],
    },
    {
      // A helper's defaults bound it: with \`maxRetries = 2\` the last wait is 1000 * 2 ** 1 ms (the
      // pass at \`attempt === maxRetries\` throws instead), under the cap; only the jitter is missing.
      code: defaultsRetry(2),
      errors: [{ line: 13, column: 15, endLine: 13, endColumn: 65, messageId: 'noJitter' }],
    },
    {
      // A call in the file passes 12 attempts: the last waits 1000 * 2 ** 11 ms.
      code: defaultsRetry(
        2,
        'export const sync = (send: () => Promise<void>) => retryWithBackoff(send, () => true, 12);',
      ),
      errors: defaultsUncapped(
        defaultsRetry(
          2,
          'export const sync = (send: () => Promise<void>) => retryWithBackoff(send, () => true, 12);',
        ),
        '34 min',
      ),
    },
    {
      // Calls in the file that keep the default, or pass a small count, leave it under the cap.
      code: defaultsRetry(
        2,
        'export const sync = (send: () => Promise<void>) => retryWithBackoff(send, () => true, 3);\nexport const ping = (send: () => Promise<void>) => retryWithBackoff(send, () => true);',
      ),
      errors: [{ line: 13, column: 15, endLine: 13, endColumn: 65, messageId: 'noJitter' }],
    },
    {
      // A default of 10 attempts: the last wait is 1000 * 2 ** 9 ms, past the cap.
      code: defaultsRetry(10),
      errors: defaultsUncapped(defaultsRetry(10), '8.5 min'),
    },
    {
      // A count the file passes from elsewhere cannot be read: the growth is not known to stop.
      code: defaultsRetry(
        2,
        'export const sync = (send: () => Promise<void>, n: number) => retryWithBackoff(send, () => true, n);',
      ),
      errors: defaultsUncapped(
        defaultsRetry(
          2,
          'export const sync = (send: () => Promise<void>, n: number) => retryWithBackoff(send, () => true, n);',
        ),
      ),
    },
    {
      // Exported, with its one caller in another module of the project keeping the defaults (project
      // facts): the longest wait is 2 s, so only the jitter is missing.
      filename: RETRY_HELPER,
      code: readFileSync(RETRY_HELPER, 'utf8'),
      options: [{ checkTests: true }],
      errors: [{ line: 15, column: 15, endLine: 15, endColumn: 65, messageId: 'noJitter' }],
    },
    {
      // Exported: its callers in other modules may pass a larger count, and without project facts
      // (RuleTester gives none) they cannot be read, so the defaults are not trusted.
      code: defaultsRetry(2, '', true),
      errors: defaultsUncapped(defaultsRetry(2, '', true)),
    },
    {
      // A service restarted a minute after each failure, which it logs: the outage is reported each
      // time, so no bound is asked for; the constant wait still falls into lockstep.
      code: restartLoop('1000 * 60', true),
      errors: [{ line: 13, column: 13, endLine: 13, endColumn: 37, messageId: 'constantDelay' }],
    },
    {
      // Restarted after a second, logged: the wait is what is asked to change. Backing off to a cap
      // with jitter, as the message says, leaves a loop that needs no bound either.
      code: restartLoop('1000', true),
      errors: [{ line: 13, column: 13, endLine: 13, endColumn: 32, messageId: 'constantDelay' }],
    },
    {
      // A minute, but nothing says it failed: the outage is hidden.
      code: restartLoop('1000 * 60', false),
      errors: [
        { line: 8, column: 9, endLine: 8, endColumn: 12, messageId: 'unboundedRetry' },
        { line: 12, column: 13, endLine: 12, endColumn: 37, messageId: 'constantDelay' },
      ],
    },
    (() => {
      // A sleep destructured from a `require` of another module waits (Artillery's Lambda handler):
      // the retry waits a constant 2.5 s, not "at once".
      const code = `const { sleep } = require('./helpers');
async function ping(url) {
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      return await fetch(url, { signal: AbortSignal.timeout(1000) });
    } catch (err) {
      await sleep(2500);
    }
  }
}
module.exports = { ping };`;
      return {
        filename: 'handler.js',
        code,
        errors: [
          {
            line: 7,
            column: 13,
            endLine: 7,
            endColumn: 24,
            messageId: 'constantDelay' as const,
            suggestions: [
              {
                messageId: 'suggestFullJitter' as const,
                output: code.replace(
                  'sleep(2500)',
                  'sleep(Math.random() * Math.min(30000, 2500 * 2 ** attempt))',
                ),
              },
            ],
          },
        ],
      };
    })(),
    {
      // maxun's persistence flush: the field the class rewrites is the attempt counter, so the wait
      // grows with it (capped, exponential) and only its missing jitter is reported.
      code: `import axios from 'axios';
export class Persistence {
  private retryCount = 0;
  private readonly maxRetries = 5;
  private buffer: string[] = [];
  async flush(): Promise<void> {
    const batch = this.buffer.splice(0);
    try {
      await axios.post('https://store.internal/items', batch, { timeout: 5000 });
      this.retryCount = 0;
    } catch (error) {
      console.error('flush failed', error);
      if (this.retryCount < this.maxRetries) {
        this.buffer.unshift(...batch);
        this.retryCount++;
        const backoffDelay = Math.min(5000 * Math.pow(2, this.retryCount), 30000);
        setTimeout(() => void this.flush(), backoffDelay);
      }
    }
  }
}`,
      errors: [{ line: 17, column: 9, endLine: 17, endColumn: 58, messageId: 'noJitter' }],
    },
    {
      code: FIELD_SCHEDULE,
      errors: [
        {
          line: 32,
          column: 15,
          endLine: 32,
          endColumn: 33,
          messageId: 'constantDelay',
          suggestions: [
            {
              messageId: 'suggestFullJitter',
              output: FIELD_SCHEDULE.replace(
                'await wait(this.pauseMs);',
                'await wait(Math.random() * Math.min(30000, this.pauseMs * 2 ** attempt));',
              ),
            },
          ],
        },
      ],
    },
    {
      // The same shapes with no prompt: the attempts go round at once, forever.
      filename: 'cli-auth.js',
      code: PROMPTED_LOGIN.replace(
        "promptly.prompt('Your username or email: ', ",
        'readCredentials(',
      ).replace("promptly.password('Your password: ', { replace: '*' }, ", 'readSecret('),
      errors: [
        { line: 4, column: 9, endLine: 4, endColumn: 14, messageId: 'noDelay' },
        { line: 4, column: 9, endLine: 4, endColumn: 14, messageId: 'unboundedRetry' },
      ],
    },
    {
      code: PROMPTED_OTP.replace(
        "import inquirer from 'inquirer';",
        'declare function loadSettings(): Promise<{ otp: string }>;',
      ).replace(
        "await inquirer.prompt([{ type: 'input', name: 'otp', message: 'One-time password:' }])",
        'await loadSettings()',
      ),
      errors: [
        { line: 3, column: 23, endLine: 3, endColumn: 37, messageId: 'noDelay' },
        { line: 3, column: 23, endLine: 3, endColumn: 37, messageId: 'unboundedRetry' },
      ],
    },
    {
      // Five re-attempts at once through the same gate, on a failed request rather than on a block
      // not seen yet: bounded, but with no wait between them.
      code: UNKNOWN_ROOT_RETRY.replace(
        'MAX_UNKNOWN_ROOT_RETRIES = 1',
        'MAX_UNKNOWN_ROOT_RETRIES = 5',
      ).replace('e instanceof UnknownRootError', 'e instanceof FetchError'),
      errors: [{ line: 7, column: 3, endLine: 7, endColumn: 8, messageId: 'noDelay' }],
    },
    (() => {
      // The same loop connecting to a host over the network: a retry of a remote connection.
      const code = `import net from 'node:net';
export async function connectUpstream(options: { host: string; port: number }): Promise<net.Socket> {
  for (let attempt = 0; attempt < 10; attempt++) {
    try {
      return await connectOnce(options);
    } catch {
      await new Promise(resolve => setTimeout(resolve, 100));
    }
  }
  throw new Error('unreachable');
}
async function connectOnce(options: { host: string; port: number }): Promise<net.Socket> {
  return new Promise<net.Socket>((resolve, reject) => {
    const socket = net.connect(options);
    socket.once('error', reject);
    socket.once('connect', () => resolve(socket));
  });
}`;
      return {
        code,
        errors: [
          {
            line: 7,
            column: 13,
            endLine: 7,
            endColumn: 61,
            messageId: 'constantDelay' as const,
            suggestions: [
              {
                messageId: 'suggestFullJitter' as const,
                output: code.replace(
                  'await new Promise(resolve => setTimeout(resolve, 100));',
                  'await new Promise(resolve => setTimeout(resolve, Math.random() * Math.min(30000, 100 * 2 ** attempt)));',
                ),
              },
            ],
          },
        ],
      };
    })(),
    (() => {
      // The same loop around a function of this file that also asks a service: a retry, reported.
      const code = `import { $ } from 'execa';
import { setTimeout } from 'node:timers/promises';
export async function connectToWiFiNetwork(ssid: string) {
  await $\`nmcli device wifi connect \${ssid}\`;
  await fetch('https://api.example.com/online', { signal: AbortSignal.timeout(5000) });
}
export async function restoreWiFi(ssid: string): Promise<void> {
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      await connectToWiFiNetwork(ssid);
      break;
    } catch (error) {
      console.error('Failed to restore WiFi connection, retrying in 1 minute', error);
      await setTimeout(1000);
    }
  }
}`;
      return {
        code,
        errors: [
          {
            line: 14,
            column: 13,
            endLine: 14,
            endColumn: 29,
            messageId: 'constantDelay' as const,
            suggestions: [
              {
                messageId: 'suggestFullJitter' as const,
                output: code.replace(
                  'await setTimeout(1000);',
                  'await setTimeout(Math.random() * Math.min(30000, 1000 * 2 ** attempt));',
                ),
              },
            ],
          },
        ],
      };
    })(),
    {
      // A retry judged by status in a function named for it, leaving on success or past the count in
      // one test (\`res.status === 200 || iterationCount > maxRetries\`), whose wait doubles to a cap:
      // the wait it grows is no alternative it tries. No jitter.
      code: `export async function fetchWithRetries(url: string, maxRetries = 5) {
  let sleepMs = 250;
  let iterationCount = 0;
  while (true) {
    iterationCount++;
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(10_000) });
      if (res.status === 200 || iterationCount > maxRetries) {
        return res;
      }
    } catch (err) {
      if (iterationCount > maxRetries) {
        throw err;
      }
    }
    console.warn(\`Failed fetching. Retrying in \${sleepMs}ms...\`);
    await new Promise((resolve) => setTimeout(resolve, sleepMs));
    sleepMs = Math.min(sleepMs * 2, 10_000);
  }
}`,
      errors: [{ line: 17, column: 11, endLine: 17, endColumn: 65, messageId: 'noJitter', suggestions: [] }],
    },
    {
      // The same reconnect without logging its failures, and one whose wait a helper not named for a
      // backoff computes: no bound, reported.
      code: reconnectLoop({ logs: false, helper: 'reconnectBackoff.nextDelay' }),
      errors: [
        { line: 5, column: 9, endLine: 5, endColumn: 18, messageId: 'unboundedRetry', suggestions: [] },
      ],
    },
    {
      code: reconnectLoop({ logs: true, helper: 'pacer.next' }),
      errors: [
        { line: 5, column: 9, endLine: 5, endColumn: 18, messageId: 'unboundedRetry', suggestions: [] },
      ],
    },
    {
      // The same without the test of the count: the swappable sleep waits, but nothing ends it.
      code: swappableRetry(false),
      errors: [
        { line: 8, column: 23, endLine: 8, endColumn: 38, messageId: 'unboundedRetry', suggestions: [] },
      ],
    },
    {
      // A guard that leaves at a pass the loop never reaches (\`MAX + 1\`): the last pass still waits
      // 5000 * 2 ** 3 ms and more, past the 30 s cap.
      code: batchRetry('MAX + 1'),

      errors: [
        {
          line: 9,
          column: 13,
          endLine: 9,
          endColumn: 63,
          messageId: 'longBackoff',
          data: { longest: '41 s', also: '', cap: 30000, capText: '30 s' },
          suggestions: [
            {
              messageId: 'suggestFullJitter',
              data: { cap: 30000 },
              output: batchRetry('MAX + 1').replace(
                'setTimeout(resolve, delay)',
                'setTimeout(resolve, Math.random() * Math.min(30000, delay))',
              ),
            },
          ],
        },
      ],
    },
    {
      // The failure handler waits a delay it computes from the attempt it is handed: the growth is
      // read inside the helper (uncapped, no jitter), not taken from its first argument (the error).
      code: `declare function send(): Promise<void>;
async function onFailure(error: unknown, attempt: number) {
  console.warn(error);
  await new Promise(resolve => setTimeout(resolve, 500 * 2 ** attempt));
}
export async function run() {
  for (let i = 0; i < 5; i++) {
    try {
      return await send();
    } catch (error) {
      await onFailure(error, i);
    }
  }
}`,
      errors: [
        { line: 11, column: 13, endLine: 11, endColumn: 32, messageId: 'uncappedBackoff', suggestions: [] },
      ],
    },
    {
      // The same handler waiting a constant second: constant, and no edit offered inside the
      // helper that all its callers share.
      code: `declare function send(): Promise<void>;
async function onFailure(error: unknown) {
  console.warn(error);
  await new Promise(resolve => setTimeout(resolve, 1000));
}
export async function run() {
  for (let i = 0; i < 5; i++) {
    try {
      return await send();
    } catch (error) {
      await onFailure(error);
    }
  }
}`,
      errors: [
        { line: 11, column: 13, endLine: 11, endColumn: 29, messageId: 'constantDelay', suggestions: [] },
      ],
    },
    {
      // A project's sleep helper marked with `$` (`Common.sleep$`) is a wait: the restart waits a
      // constant minute (reported as such, not as a retry that goes round at once).
      code: `import axios from 'axios';
import { Common } from './common';
export class Backend {
  async run(): Promise<void> {
    try {
      await axios.get('https://node.internal/status', { timeout: 5000 });
    } catch (e) {
      await Common.sleep$(1000 * 60);
      void this.run();
    }
  }
}`,
      errors: [
        { line: 4, column: 9, endLine: 4, endColumn: 12, messageId: 'unboundedRetry' },
        { line: 8, column: 13, endLine: 8, endColumn: 37, messageId: 'constantDelay', suggestions: [] },
      ],
    },
    {
      // The wait doubles through the recursive call's argument, capped at five minutes: a capped
      // exponential backoff, reported for its missing jitter and, since nothing logs the failure,
      // its missing bound; not as a constant wait.
      code: `import axios from 'axios';
const MAX = 300;
export class Bot {
  async start(falloff: number): Promise<void> {
    try {
      await axios.post('https://discord.internal/login', {}, { timeout: 5000 });
    } catch (err) {
      const next = Math.min(falloff * 2, MAX);
      await new Promise(resolve => setTimeout(resolve, next * 1000));
      return this.start(next);
    }
  }
}`,
      errors: [
        { line: 4, column: 9, endLine: 4, endColumn: 14, messageId: 'unboundedRetry' },
        { line: 9, column: 13, endLine: 9, endColumn: 69, messageId: 'noJitter' },
      ],
    },
    {
      // The same reconnect loop logging each failure: it backs off to a cap and reports the outage,
      // so going on until the service comes back is not reported; the missing jitter still is.
      code: `import axios from 'axios';
import { log } from './log';
const MAX = 300;
export class Bot {
  async start(falloff: number): Promise<void> {
    try {
      await axios.post('https://discord.internal/login', {}, { timeout: 5000 });
    } catch (err) {
      const next = Math.min(falloff * 2, MAX);
      log.error('login failed, retrying in ' + next + ' s', err);
      await new Promise(resolve => setTimeout(resolve, next * 1000));
      return this.start(next);
    }
  }
}`,
      errors: [{ line: 11, column: 13, endLine: 11, endColumn: 69, messageId: 'noJitter' }],
    },
    {
      // A logged reconnect whose wait grows linearly to a cap as long as a capped backoff's longest
      // (30 s): after a few failures it waits that long every time, so it is not asked for a bound;
      // the missing jitter still is.
      code: linearReconnect('30_000'),
      errors: [{ line: 18, column: 13, endLine: 18, endColumn: 36, messageId: 'noJitter' }],
    },
    {
      // A logged reconnect whose wait grows linearly to a cap of 2 s: still asked for a bound, and for jitter.
      code: linearReconnect('2_000'),
      errors: [
        { line: 11, column: 9, endLine: 11, endColumn: 16, messageId: 'unboundedRetry', data: { why: '' } },
        { line: 18, column: 13, endLine: 18, endColumn: 36, messageId: 'noJitter' },
      ],
    },
    {
      // A logged loop whose wait creeps towards a long cap, 10 ms a step: a hundred attempts in the
      // first minute, so it is still asked for a bound.
      code: `import { logger } from './logger';
const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));
export async function connect(url: string) {
  for (let attempts = 0; ; attempts++) {
    try {
      return await fetch(url, { signal: AbortSignal.timeout(5000) });
    } catch (err) {
      logger.error('connect failed', err);
      await sleep(Math.min(10 * attempts + Math.random() * 10, 30_000));
    }
  }
}`,
      errors: [
        { line: 4, column: 3, endLine: 4, endColumn: 6, messageId: 'unboundedRetry', data: { why: '' } },
      ],
    },
    {
      // \`time.msleep(ms)\` (joplin's) is a wait: a constant one, within a deadline.
      code: `import time from '@joplin/lib/time';
import { connect } from './db';
export async function waitForConnection() {
  const start = Date.now();
  while (true) {
    try {
      return await connect();
    } catch (error) {
      if (Date.now() - start > 30000) throw error;
    }
    await time.msleep(1000);
  }
}`,
      errors: [{ line: 11, column: 11, endLine: 11, endColumn: 28, messageId: 'constantDelay' }],
    },
    {
      // A sleep through a const that holds an injected sleep or an inline default (s14's Capgo
      // files/retry.ts): the loop waits, doubling, so it is judged by that wait (no cap, no
      // jitter), not reported as retrying at once.
      code: SLEEP_WITH_DEFAULT,
      errors: [
        {
          line: 11,
          column: 13,
          endLine: 11,
          endColumn: 39,
          messageId: 'uncappedBackoff',
          suggestions: [
            {
              messageId: 'suggestFullJitter',
              output: SLEEP_WITH_DEFAULT.replace(
                'sleeper(base * 2 ** count)',
                'sleeper(Math.random() * Math.min(30000, base * 2 ** count))',
              ),
            },
          ],
        },
      ],
    },
    {
      // A \`continue\` before the counter's step goes round without counting: not two attempts.
      code: CONTINUE_BEFORE_STEP,
      errors: [
        {
          line: 15,
          column: 31,
          endLine: 15,
          endColumn: 42,
          messageId: 'constantDelay',
          suggestions: [
            {
              messageId: 'suggestFullJitter',
              output: CONTINUE_BEFORE_STEP.replace(
                'if (attempts < 2) await sleep(5000);',
                'if (attempts < 2) await sleep(Math.random() * Math.min(30000, 5000 * 2 ** attempts));',
              ),
            },
          ],
        },
      ],
    },
    {
      // Leaving on an HTTP status is the outcome of the call: a retry on a constant wait.
      code: `export async function send(url: string) {
  for (let attempt = 0; attempt < 10; attempt++) {
    const resp = await fetch(url, { method: 'POST', signal: AbortSignal.timeout(5000) });
    if (resp.status === 200) return resp;
    await new Promise(resolve => setTimeout(resolve, 2000));
  }
}`,
      errors: [
        {
          line: 5,
          column: 11,
          endLine: 5,
          endColumn: 60,
          messageId: 'constantDelay',
          suggestions: [
            {
              messageId: 'suggestFullJitter',
              output: `export async function send(url: string) {
  for (let attempt = 0; attempt < 10; attempt++) {
    const resp = await fetch(url, { method: 'POST', signal: AbortSignal.timeout(5000) });
    if (resp.status === 200) return resp;
    await new Promise(resolve => setTimeout(resolve, Math.random() * Math.min(30000, 2000 * 2 ** attempt)));
  }
}`,
            },
          ],
        },
      ],
    },
    {
      // The option it turns off guards nothing: every failure runs it again, at once.
      code: `export async function load(url: string, options: { cached?: boolean }): Promise<unknown> {
  try {
    return await fetch(url, { signal: AbortSignal.timeout(1000) });
  } catch {
    return load(url, { ...options, cached: false });
  }
}`,
      errors: [
        { line: 1, column: 23, endLine: 1, endColumn: 27, messageId: 'noDelay' },
        { line: 1, column: 23, endLine: 1, endColumn: 27, messageId: 'unboundedRetry' },
      ],
    },
    {
      // Five attempts: the loop is bounded by the guard whose other branch throws, but its wait is constant.
      code: `declare function fetchJson(url: string, o: object): Promise<unknown>;
const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));
const FIVE = 5;
export async function five(id: string) {
  let attempts = 0;
  while (true) {
    attempts++;
    try {
      return await fetchJson('https://web/' + id, { signal: AbortSignal.timeout(16000) });
    } catch (err) {
      if (attempts < FIVE) await sleep(5000);
      else throw err;
    }
  }
}`,
      errors: [
        {
          line: 11,
          column: 34,
          endLine: 11,
          endColumn: 45,
          messageId: 'constantDelay',
          suggestions: [
            {
              messageId: 'suggestFullJitter',
              output: `declare function fetchJson(url: string, o: object): Promise<unknown>;
const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));
const FIVE = 5;
export async function five(id: string) {
  let attempts = 0;
  while (true) {
    attempts++;
    try {
      return await fetchJson('https://web/' + id, { signal: AbortSignal.timeout(16000) });
    } catch (err) {
      if (attempts < FIVE) await sleep(Math.random() * Math.min(30000, 5000 * 2 ** attempts));
      else throw err;
    }
  }
}`,
            },
          ],
        },
      ],
    },
    {
      // A reconnect after the connection closes: the attempt is a connect to another service. Its
      // wait is asked to back off; a bound is not (it is meant to go on for the life of the process).
      code: `import child_process from 'child_process';
export class Link {
  socket?: { on(event: string, fn: () => void): void };
  open() {
    child_process.execSync('true');
    this.socket = connect('wss://feed.example.com');
    this.socket.on('close', () => setTimeout(() => this.open(), 5 * 1000));
  }
}`,
      errors: [{ line: 7, column: 35, endLine: 7, endColumn: 74, messageId: 'constantDelay' }],
    },
    {
      // Sooner after a failure than after a success: the failure path is a retry. The task runs on
      // after a success too, so no bound is asked for, only a backoff.
      code: `import { MongoClient } from 'mongodb';
const client = new MongoClient('mongodb://db', { socketTimeoutMS: 5000 });
export class Queue {
  private timer?: NodeJS.Timeout;
  checkGarbage() {
    this.clearGarbage()
      .then(() => {
        this.timer = setTimeout(() => this.checkGarbage(), 60 * 1000);
      })
      .catch(() => {
        this.timer = setTimeout(() => this.checkGarbage(), 1000);
      });
  }
  async clearGarbage() {
    await client.db().collection('files').deleteMany({ expired: true });
  }
}`,
      errors: [{ line: 11, column: 22, endLine: 11, endColumn: 65, messageId: 'constantDelay' }],
    },
    {
      // A recursive retry whose counter starts undefined, steps through a const, and is tested
      // through a const (\`retryAttempt && retryAttempt > 2\`): bounded (not \`unboundedRetry\`),
      // at a constant 50 ms.
      code: `import axios from 'axios';
export class Proxy {
  constructor(private timer: { sleep(ms: number): Promise<void> }) {}
  async call(url: string, retryAttempt?: number): Promise<unknown> {
    try {
      return await axios.get(url, { timeout: 1000 });
    } catch (error) {
      const tooManyRetryAttempts = retryAttempt && retryAttempt > 2;
      if (!tooManyRetryAttempts) {
        await this.timer.sleep(50);
        const nextRetryAttempt = retryAttempt ? retryAttempt + 1 : 1;
        return this.call(url, nextRetryAttempt);
      }
      throw error;
    }
  }
  async validate(dto: { url: string; retryAttempt?: number }): Promise<unknown> {
    try {
      return await axios.post(dto.url, {}, { timeout: 1000 });
    } catch (error) {
      const tooManyRetryAttempts = dto.retryAttempt && dto.retryAttempt > 2;
      if (!tooManyRetryAttempts) {
        await this.timer.sleep(50);
        const nextRetryAttempt = dto.retryAttempt ? dto.retryAttempt + 1 : 1;
        return this.validate({ url: dto.url, retryAttempt: nextRetryAttempt });
      }
      throw error;
    }
  }
}`,
      // The suggestion steps an optional counter from 0; a counter read off an argument
      // (\`dto.retryAttempt\`) is no variable to write in the delay, so none is offered there.
      errors: [
        {
          line: 10,
          column: 15,
          endLine: 10,
          endColumn: 35,
          messageId: 'constantDelay',
          suggestions: [
            {
              messageId: 'suggestFullJitter',
              output: `import axios from 'axios';
export class Proxy {
  constructor(private timer: { sleep(ms: number): Promise<void> }) {}
  async call(url: string, retryAttempt?: number): Promise<unknown> {
    try {
      return await axios.get(url, { timeout: 1000 });
    } catch (error) {
      const tooManyRetryAttempts = retryAttempt && retryAttempt > 2;
      if (!tooManyRetryAttempts) {
        await this.timer.sleep(Math.random() * Math.min(30000, 50 * 2 ** (retryAttempt ?? 0)));
        const nextRetryAttempt = retryAttempt ? retryAttempt + 1 : 1;
        return this.call(url, nextRetryAttempt);
      }
      throw error;
    }
  }
  async validate(dto: { url: string; retryAttempt?: number }): Promise<unknown> {
    try {
      return await axios.post(dto.url, {}, { timeout: 1000 });
    } catch (error) {
      const tooManyRetryAttempts = dto.retryAttempt && dto.retryAttempt > 2;
      if (!tooManyRetryAttempts) {
        await this.timer.sleep(50);
        const nextRetryAttempt = dto.retryAttempt ? dto.retryAttempt + 1 : 1;
        return this.validate({ url: dto.url, retryAttempt: nextRetryAttempt });
      }
      throw error;
    }
  }
}`,
            },
          ],
        },
        { line: 23, column: 15, endLine: 23, endColumn: 35, messageId: 'constantDelay', suggestions: [] },
      ],
    },
    {
      // The retried method lets its failure out: the loop goes round, at a constant pause.
      code: `
const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));
export class Store {
  constructor(private readonly db: { query(sql: string): Promise<unknown> }) {}
  async init() {
    while (true) {
      try {
        await this.indexNamespace();
        break;
      } catch (err) {
        await sleep(1000);
      }
    }
  }
  private async indexNamespace() {
    try {
      await fetch('https://index.internal/run', { method: 'POST', signal: AbortSignal.timeout(5000) });
    } catch (err) {
      throw new Error('index failed', { cause: err });
    }
  }
}`,
      errors: [
        { line: 6, column: 5, endLine: 6, endColumn: 10, messageId: 'unboundedRetry' },
        { line: 11, column: 15, endLine: 11, endColumn: 26, messageId: 'constantDelay' },
      ],
    },
    {
      // A failed job put back on the queue and tried again after a fixed pause: a retry.
      code: `
const queue: string[] = [];
async function drain(): Promise<void> {
  const url = queue.shift();
  if (!url) return;
  try {
    await fetch(url, { method: 'POST', signal: AbortSignal.timeout(1000) });
  } catch {
    queue.unshift(url);
    setTimeout(drain, 5000);
  }
}
export const add = (url: string) => { queue.push(url); void drain(); };`,
      errors: [
        { line: 3, column: 16, endLine: 3, endColumn: 21, messageId: 'unboundedRetry' },
        { line: 10, column: 5, endLine: 10, endColumn: 28, messageId: 'constantDelay' },
      ],
    },
    {
      // Any error but one goes round again at once: not a conflict-only retry.
      code: `
export async function save(id: string, update: () => Promise<void>) {
  for (let attempt = 1; attempt <= 5; attempt++) {
    try {
      await fetch('https://docs.internal/' + id, { method: 'PUT', signal: AbortSignal.timeout(1000) });
      return;
    } catch (e) {
      if (!(e instanceof ValidationError) && attempt < 5) continue;
      throw e;
    }
  }
}`,
      errors: [{ line: 3, column: 3, endLine: 3, endColumn: 6, messageId: 'noDelay' }],
    },
    {
      // The kinds that go round again are an outage's (a reset connection, a 503): still a retry.
      code: `
export async function save(id: string) {
  for (let attempt = 1; attempt <= 5; attempt++) {
    try {
      await fetch('https://docs.internal/' + id, { method: 'PUT', signal: AbortSignal.timeout(1000) });
      return;
    } catch (e: any) {
      if (['ECONNRESET', 'EPIPE'].includes(e.code) || e.response?.status === 503) continue;
      throw e;
    }
  }
}`,
      errors: [{ line: 3, column: 3, endLine: 3, endColumn: 6, messageId: 'noDelay' }],
    },
    {
      // \`err instanceof Error\` names no kind, and \`isRetryable(err)\` names an outage's: both retry outages.
      code: `
declare function isRetryable(err: unknown): boolean;
export async function send(n: number): Promise<unknown> {
  for (;;) {
    try {
      return await fetch('https://queue.internal/' + n, { method: 'POST', signal: AbortSignal.timeout(1000) });
    } catch (err) {
      if (err instanceof Error) continue;
      throw err;
    }
  }
}
export async function publish(n: number): Promise<void> {
  try {
    await fetch('https://queue.internal/' + n, { method: 'POST', signal: AbortSignal.timeout(1000) });
  } catch (err) {
    if (!isRetryable(err)) throw err;
    return publish(n);
  }
}`,
      errors: [
        { line: 4, column: 3, endLine: 4, endColumn: 6, messageId: 'noDelay' },
        { line: 4, column: 3, endLine: 4, endColumn: 6, messageId: 'unboundedRetry' },
        { line: 13, column: 23, endLine: 13, endColumn: 30, messageId: 'noDelay' },
        { line: 13, column: 23, endLine: 13, endColumn: 30, messageId: 'unboundedRetry' },
      ],
    },
    {
      // The flag the handler sets does not lead away from the failed call: still a retry.
      code: `
export class Conn {
  private connected = true;
  async connect(): Promise<void> {
    if (this.connected) return;
    try {
      await fetch('https://broker.internal/connect', { signal: AbortSignal.timeout(5000) });
      this.connected = true;
    } catch {
      this.connected = false;
      return this.connect();
    }
  }
}`,
      errors: [
        { line: 4, column: 9, endLine: 4, endColumn: 16, messageId: 'noDelay' },
        { line: 4, column: 9, endLine: 4, endColumn: 16, messageId: 'unboundedRetry' },
      ],
    },
    {
      // A helper that awaits the function it is handed, whatever it is called: still a retry.
      code: `
export async function withRetry<T>(callback: () => Promise<T>): Promise<T> {
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      return await callback();
    } catch (err) {
      console.warn('attempt failed', err);
    }
  }
  throw new Error('gave up');
}
export const load = () => withRetry(() => fetch('https://api.example.com/x', { signal: AbortSignal.timeout(5000) }));`,
      errors: [{ line: 3, column: 3, endLine: 3, endColumn: 6, messageId: 'noDelay' }],
    },
    {
      // Counted attempts bound the growth: three attempts waiting \`100 ** (retry - 1)\` never pass
      // the cap, so only the missing jitter is reported (with twelve doubling waits, the cap is).
      code: COUNTED_CAP,
      errors: [{ line: 13, column: 13, endLine: 13, endColumn: 56, messageId: 'noJitter' }],
    },
    // zone-mta's bounce hook: a power of the count (`Math.pow(retries, 2) * 1000`), not the count as
    // the power, is no exponential backoff. Its longest wait is judged when its bound gives one:
    // three attempts wait 9 s at most (only the jitter is asked for); twelve wait minutes before the
    // last. A shift by a constant (`retry << 2`) multiplies the count: only the jitter is asked for.
    ...['Math.pow(retry, 2) * 1000', 'retry ** 2 * 1000'].map(wait => ({
      code: COUNTED_CAP.replace('Math.pow(INITIAL_BACKOFF, retry - 1)', wait),
      errors: [
        { line: 13, column: 13, endLine: 13, endColumn: 20 + wait.length, messageId: 'noJitter' as const },
      ],
    })),
    ...['Math.pow(retry, 2) * 1000', 'retry ** 2 * 1000'].map(wait => ({
      code: COUNTED_CAP.replace('const MAX_RETRIES = 3;', 'const MAX_RETRIES = 12;').replace(
        'Math.pow(INITIAL_BACKOFF, retry - 1)',
        wait,
      ),
      errors: [
        {
          line: 13,
          column: 13,
          endLine: 13,
          endColumn: 20 + wait.length,
          messageId: 'longBackoff' as const,
          data: { longest: '2.4 min', also: ', and it has no jitter either', cap: 30000, capText: '30 s' },
          suggestions: [
            {
              messageId: 'suggestFullJitter' as const,
              output: COUNTED_CAP.replace('const MAX_RETRIES = 3;', 'const MAX_RETRIES = 12;').replace(
                'Math.pow(INITIAL_BACKOFF, retry - 1)',
                `Math.random() * Math.min(30000, ${wait})`,
              ),
            },
          ],
        },
      ],
    })),
    {
      code: COUNTED_CAP.replace('const MAX_RETRIES = 3;', 'const MAX_RETRIES = 12;').replace(
        'Math.pow(INITIAL_BACKOFF, retry - 1)',
        '(retry << 2) * 4000',
      ),
      errors: [{ line: 13, column: 13, endLine: 13, endColumn: 39, messageId: 'noJitter' as const }],
    },
    (() => {
      const code = COUNTED_CAP.replace('const MAX_RETRIES = 3;', 'const MAX_RETRIES = 12;').replace(
        'Math.pow(INITIAL_BACKOFF, retry - 1)',
        '1000 * 2 ** retry',
      );
      return {
        code,
        errors: [
          {
            line: 13,
            column: 13,
            endLine: 13,
            endColumn: 37,
            messageId: 'longBackoff' as const,
            data: { longest: '68 min', also: ', and it has no jitter either', cap: 30000, capText: '30 s' },
            suggestions: [
              {
                messageId: 'suggestFullJitter' as const,
                output: code.replace(
                  'sleep(1000 * 2 ** retry)',
                  'sleep(Math.random() * Math.min(30000, 1000 * 2 ** retry))',
                ),
              },
            ],
          },
        ],
      };
    })(),
    {
      // The same poll of another host is a retry of a remote service.
      code: `
export async function remote(host: string): Promise<Response> {
  const url = \`https://\${host}/__/functions.yaml\`;
  while (true) {
    try {
      return await fetch(url, { signal: AbortSignal.timeout(1000) });
    } catch (err: any) {
      if (['ECONNREFUSED', 'ECONNRESET'].includes(err?.cause?.code)) continue;
      throw err;
    }
  }
}`,
      errors: [
        { line: 4, column: 3, endLine: 4, endColumn: 8, messageId: 'noDelay' },
        { line: 4, column: 3, endLine: 4, endColumn: 8, messageId: 'unboundedRetry' },
      ],
    },
    {
      // A randomised wait without a bound: not in lockstep, but it goes on forever.
      code: `
const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));
export async function poll(url: string): Promise<Response> {
  for (;;) {
    try {
      return await fetch(url, { signal: AbortSignal.timeout(5000) });
    } catch {
      await sleep(1000 + Math.random() * 4000);
    }
  }
}`,
      errors: [{ line: 4, column: 3, endLine: 4, endColumn: 6, messageId: 'unboundedRetry' }],
    },
    // A retry that goes round only while its time budget holds, and returns otherwise, is bounded;
    // its fixed wait is still reported.
    {
      code: `
const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));
export async function send(url: string, budgetMs: number) {
  const startedAt = Date.now();
  let attemptCount = 0;
  while (true) {
    attemptCount += 1;
    const res = await fetch(url, { method: 'POST', signal: AbortSignal.timeout(1000) });
    if (res.ok) return res;
    if (Date.now() - startedAt < budgetMs) {
      await sleep(250);
      continue;
    }
    return null;
  }
}`,
      errors: [
        {
          line: 11,
          column: 13,
          endLine: 11,
          endColumn: 23,
          messageId: 'constantDelay',
          suggestions: [
            {
              messageId: 'suggestFullJitter',
              output: `
const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));
export async function send(url: string, budgetMs: number) {
  const startedAt = Date.now();
  let attemptCount = 0;
  while (true) {
    attemptCount += 1;
    const res = await fetch(url, { method: 'POST', signal: AbortSignal.timeout(1000) });
    if (res.ok) return res;
    if (Date.now() - startedAt < budgetMs) {
      await sleep(Math.random() * Math.min(30000, 250 * 2 ** attemptCount));
      continue;
    }
    return null;
  }
}`,
            },
          ],
        },
      ],
    },

    // A sleep in p-retry's onFailedAttempt adds to p-retry's own waits: neither is jittered.
    {
      code: `import pRetry from 'p-retry';
const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));
export const op = (url: string) =>
  pRetry(() => fetch(url, { signal: AbortSignal.timeout(1000) }), {
    retries: 3,
    onFailedAttempt: async error => { await sleep(Math.min(10_000, 1000 * 2 ** error.attemptNumber)); },
  });`,
      errors: [{ line: 4, column: 3, endLine: 4, endColumn: 9, messageId: 'noJitter' }],
    },
    // Retried by the answer's outcome: `if (error) { wait } else { break }` after a counter stepped in
    // the loop's own condition (`i++ <= 10`, which bounds it); the same constant wait in the catch.
    {
      code: `
export async function logJob(row: object) {
  let i = 0;
  while (i++ <= 10) {
    try {
      const { error } = await (await fetch('https://db.internal/jobs', { method: 'POST', body: JSON.stringify(row), signal: AbortSignal.timeout(1000) })).json();
      if (error) {
        await new Promise<void>(resolve => setTimeout(() => resolve(), 75));
      } else {
        break;
      }
    } catch {
      await new Promise<void>(resolve => setTimeout(() => resolve(), 75));
    }
  }
}`,
      errors: [{ line: 13, column: 13, endLine: 13, endColumn: 74, messageId: 'constantDelay' }],
    },
    // @octokit/plugin-retry: no wait between attempts, a last wait past the cap (8² s), too many attempts.
    {
      code: `import { Octokit } from '@octokit/rest';
import { retry } from '@octokit/plugin-retry';
const GitHub = Octokit.plugin(retry);
export const a = new GitHub({ auth: token, retry: { retryAfterBaseValue: 0 } });
export const b = new GitHub({ auth: token, retry: { retries: 8 } });
export const d = new GitHub({ auth: token, retry: { retries: 50 } });`,
      errors: [
        { line: 4, column: 53, endLine: 4, endColumn: 75, messageId: 'noDelay' },
        { line: 5, column: 53, endLine: 5, endColumn: 63, messageId: 'uncappedBackoff' },
        { line: 6, column: 53, endLine: 6, endColumn: 64, messageId: 'unboundedRetry' },
      ],
    },
    // A project helper that sleeps under another name: its constant wait is seen.
    {
      filename: HANDLER,
      code: `import { timer } from '@/lib/timer';
export async function load(url: string) {
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      return await fetch(url, { signal: AbortSignal.timeout(1000) });
    } catch {
      await timer(1000);
    }
  }
  throw new Error('gave up');
}`,
      options: [{ checkTests: true }],
      errors: [
        {
          line: 7,
          column: 13,
          endLine: 7,
          endColumn: 24,
          messageId: 'constantDelay',
          suggestions: [
            {
              messageId: 'suggestFullJitter',
              output: `import { timer } from '@/lib/timer';
export async function load(url: string) {
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      return await fetch(url, { signal: AbortSignal.timeout(1000) });
    } catch {
      await timer(Math.random() * Math.min(30000, 1000 * 2 ** attempt));
    }
  }
  throw new Error('gave up');
}`,
            },
          ],
        },
      ],
    },
    // A retry helper is found by what it does (calls the function it is given), not by the parameter's name.
    {
      code: `const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));
export async function withRetries<T>(thing: () => Promise<T>): Promise<T> {
  for (let i = 0; i < 5; i++) {
    try {
      return await thing();
    } catch {
      await sleep(1000);
    }
  }
  throw new Error('gave up');
}`,
      errors: [
        {
          line: 7,
          column: 13,
          endLine: 7,
          endColumn: 24,
          messageId: 'constantDelay',
          suggestions: [
            {
              messageId: 'suggestFullJitter',
              output: `const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));
export async function withRetries<T>(thing: () => Promise<T>): Promise<T> {
  for (let i = 0; i < 5; i++) {
    try {
      return await thing();
    } catch {
      await sleep(Math.random() * Math.min(30000, 1000 * 2 ** i));
    }
  }
  throw new Error('gave up');
}`,
            },
          ],
        },
      ],
    },
    // The Retry-After hint does not hide a constant fallback; a fixed list of delays does not jitter.
    {
      code: `
const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));
const DELAYS = [1000, 2000, 4000, 8000];
export async function load(url: string) {
  for (let attempt = 0; attempt < 5; attempt++) {
    const res = await fetch(url, { signal: AbortSignal.timeout(1000) });
    if (res.ok) return res;
    const retryAfter = res.headers.get('retry-after');
    const delay = retryAfter ? Number(retryAfter) * 1000 : 1000;
    await sleep(delay);
  }
  throw new Error('gave up');
}
export async function send(url: string) {
  for (let attempt = 0; attempt < 4; attempt++) {
    try {
      return await fetch(url, { method: 'POST', signal: AbortSignal.timeout(1000) });
    } catch {
      await sleep(DELAYS[attempt]);
    }
  }
  throw new Error('gave up');
}`,
      errors: [
        {
          line: 10,
          column: 11,
          endLine: 10,
          endColumn: 23,
          messageId: 'constantDelay',
          suggestions: [
            {
              messageId: 'suggestFullJitter',
              output: `
const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));
const DELAYS = [1000, 2000, 4000, 8000];
export async function load(url: string) {
  for (let attempt = 0; attempt < 5; attempt++) {
    const res = await fetch(url, { signal: AbortSignal.timeout(1000) });
    if (res.ok) return res;
    const retryAfter = res.headers.get('retry-after');
    const delay = retryAfter ? Number(retryAfter) * 1000 : Math.random() * Math.min(30000, 1000 * 2 ** attempt);
    await sleep(delay);
  }
  throw new Error('gave up');
}
export async function send(url: string) {
  for (let attempt = 0; attempt < 4; attempt++) {
    try {
      return await fetch(url, { method: 'POST', signal: AbortSignal.timeout(1000) });
    } catch {
      await sleep(DELAYS[attempt]);
    }
  }
  throw new Error('gave up');
}`,
            },
          ],
        },
        { line: 19, column: 13, endLine: 19, endColumn: 35, messageId: 'noJitter' },
      ],
    },
    // Job options kept per queue in a file that sets no backoff to merge them into.
    {
      code: `import Queue from 'bull';
const JOB_OPTIONS: Record<string, object> = { 'refresh-features': { removeOnFail: 100, attempts: 3 } };
export const getQueue = (name: string) => new Queue(name, { defaultJobOptions: { ...(JOB_OPTIONS[name] ?? {}) } });`,
      errors: [{ line: 2, column: 88, endLine: 2, endColumn: 99, messageId: 'jobNoDelay' }],
    },
    // Job queues that retry at once or on a fixed wait.
    {
      code: `import { Queue } from 'bullmq';
export const q = new Queue('mail', { defaultJobOptions: { attempts: 5 } });
export const r = new Queue('sms', { defaultJobOptions: { attempts: 5, backoff: { type: 'fixed', delay: 2000 } } });
export const add = (queue: Queue) => queue.add('push', {}, { attempts: 3, backoff: 1000 });`,
      errors: [
        { line: 2, column: 59, endLine: 2, endColumn: 70, messageId: 'jobNoDelay' },
        { line: 3, column: 71, endLine: 3, endColumn: 110, messageId: 'jobConstantDelay' },
        { line: 4, column: 75, endLine: 4, endColumn: 88, messageId: 'jobConstantDelay' },
      ],
    },
    {
      code: `import PgBoss from 'pg-boss';
export async function send(boss: PgBoss) {
  await boss.send('mail', {}, { retryLimit: 5 });
  await boss.send('mail', {}, { retryLimit: 5, retryDelay: 30 });
}`,
      errors: [
        { line: 3, column: 33, endLine: 3, endColumn: 46, messageId: 'jobNoDelay' },
        { line: 4, column: 48, endLine: 4, endColumn: 62, messageId: 'jobConstantDelay' },
      ],
    },
    // Three passes with a fixed wait: lockstep retries.
    {
      code: `
export async function load(url: string) {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await fetch(url, { signal: AbortSignal.timeout(2000) });
    } catch {
      await new Promise(resolve => setTimeout(resolve, 500));
    }
  }
  throw new Error('gave up');
}`,
      errors: [
        {
          line: 7,
          column: 13,
          endLine: 7,
          endColumn: 61,
          messageId: 'constantDelay',
          suggestions: [
            {
              messageId: 'suggestFullJitter',
              output: `
export async function load(url: string) {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await fetch(url, { signal: AbortSignal.timeout(2000) });
    } catch {
      await new Promise(resolve => setTimeout(resolve, Math.random() * Math.min(30000, 500 * 2 ** attempt)));
    }
  }
  throw new Error('gave up');
}`,
            },
          ],
        },
      ],
    },
    // A flag that the self-call does not set bounds nothing.
    {
      code: `
export async function load(url: string, verbose = false): Promise<Response> {
  try {
    return await fetch(url, { signal: AbortSignal.timeout(2000) });
  } catch {
    if (!verbose) {
      await new Promise(resolve => setTimeout(resolve, 500));
      return load(url, verbose);
    }
    throw new Error('failed');
  }
}`,
      errors: [
        { line: 2, column: 23, endLine: 2, endColumn: 27, messageId: 'unboundedRetry' },
        { line: 7, column: 13, endLine: 7, endColumn: 61, messageId: 'constantDelay' },
      ],
    },
    {
      code: `
const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));
export async function withRetry(method: () => Promise<Response>, maxAttempts = 3, delay = 1000) {
  let attempt = 1;
  while (attempt <= maxAttempts) {
    const response = await method();
    if (response.ok) return response;
    await sleep(delay);
    attempt++;
  }
  throw new Error('failed');
}`,
      errors: [
        {
          column: 11,
          endColumn: 23,
          endLine: 8,
          line: 8,
          messageId: 'constantDelay',
          suggestions: [
            {
              messageId: 'suggestFullJitter',
              output: `
const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));
export async function withRetry(method: () => Promise<Response>, maxAttempts = 3, delay = 1000) {
  let attempt = 1;
  while (attempt <= maxAttempts) {
    const response = await method();
    if (response.ok) return response;
    await sleep(Math.random() * Math.min(30000, delay * 2 ** attempt));
    attempt++;
  }
  throw new Error('failed');
}`,
            },
          ],
        },
      ],
    },
    {
      code: `
const exponentialDelay = (attempt: number) => 2 ** attempt * 100;
export async function load(url: string) {
  for (let i = 0; i < 8; i++) {
    try {
      return await fetch(url, { signal: AbortSignal.timeout(1000) });
    } catch {
      await new Promise(resolve => setTimeout(resolve, exponentialDelay(i + 1)));
    }
  }
}`,
      errors: [
        {
          column: 13,
          endColumn: 81,
          endLine: 8,
          line: 8,
          messageId: 'uncappedBackoff',
          suggestions: [
            {
              messageId: 'suggestFullJitter',
              output: `
const exponentialDelay = (attempt: number) => 2 ** attempt * 100;
export async function load(url: string) {
  for (let i = 0; i < 8; i++) {
    try {
      return await fetch(url, { signal: AbortSignal.timeout(1000) });
    } catch {
      await new Promise(resolve => setTimeout(resolve, Math.random() * Math.min(30000, exponentialDelay(i + 1))));
    }
  }
}`,
            },
          ],
        },
      ],
    },
    {
      code: `
export async function load() {
  while (true) {
    try {
      return await fetch(url, { signal: AbortSignal.timeout(1000) });
    } catch {}
  }
}`,
      errors: [
        { column: 3, endColumn: 8, endLine: 3, line: 3, messageId: 'noDelay' },
        { column: 3, endColumn: 8, endLine: 3, line: 3, messageId: 'unboundedRetry' },
      ],
    },
    {
      code: `const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));
import axios from 'axios';
export async function send(body: object) {
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      return await axios.put(url, body, { timeout: 1000 });
    } catch {
      await sleep(1000);
    }
  }
}`,
      errors: [
        {
          column: 13,
          endColumn: 24,
          endLine: 8,
          line: 8,
          messageId: 'constantDelay',
          suggestions: [
            {
              messageId: 'suggestFullJitter',
              output: `const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));
import axios from 'axios';
export async function send(body: object) {
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      return await axios.put(url, body, { timeout: 1000 });
    } catch {
      await sleep(Math.random() * Math.min(30000, 1000 * 2 ** attempt));
    }
  }
}`,
            },
          ],
        },
      ],
    },
    {
      code: `const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));
export async function load() {
  let delay = 100;
  for (let attempt = 1; attempt <= 20; attempt++) {
    try {
      return await fetch(url, { signal: AbortSignal.timeout(1000) });
    } catch {
      await sleep(delay);
      delay *= 2;
    }
  }
}`,
      errors: [
        {
          column: 13,
          endColumn: 25,
          endLine: 8,
          line: 8,
          messageId: 'uncappedBackoff',
          suggestions: [
            {
              messageId: 'suggestFullJitter',
              output: `const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));
export async function load() {
  let delay = 100;
  for (let attempt = 1; attempt <= 20; attempt++) {
    try {
      return await fetch(url, { signal: AbortSignal.timeout(1000) });
    } catch {
      await sleep(Math.random() * Math.min(30000, delay));
      delay *= 2;
    }
  }
}`,
            },
          ],
        },
      ],
    },
    {
      code: `const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));
export async function load() {
  for (let attempt = 1; attempt <= 5; attempt++) {
    try {
      return await fetch(url, { signal: AbortSignal.timeout(1000) });
    } catch {
      await sleep(Math.min(10000, 100 * 2 ** attempt));
    }
  }
}`,
      errors: [{ column: 13, endColumn: 55, endLine: 7, line: 7, messageId: 'noJitter' }],
    },
    {
      code: `
async function connect(retries = 5) {
  try {
    return await fetch(url, { signal: AbortSignal.timeout(1000) });
  } catch (error) {
    if (retries <= 0) throw error;
    return connect(retries - 1);
  }
}`,
      errors: [{ column: 16, endColumn: 23, endLine: 2, line: 2, messageId: 'noDelay' }],
    },
    {
      // A reconnect (the attempt connects): asked for a backoff, not a bound.
      code: `import amqp from 'amqplib';
async function connect() {
  const conn = await amqp.connect('amqp://broker');
  conn.on('error', () => setTimeout(connect, 5000));
}`,
      errors: [{ column: 26, endColumn: 51, endLine: 4, line: 4, messageId: 'constantDelay' }],
    },
    {
      code: `import { withRetries } from '@acme/retry'; await withRetries(run, { retries: 3, randomize: false });`,
      errors: [{ column: 81, endColumn: 97, endLine: 1, line: 1, messageId: 'noJitter' }],
      settings: { faultline: { retryWrappers: [WITH_RETRIES] } },
    },
    {
      code: `import { withRetries } from '@acme/retry'; await withRetries(run, { minTimeout: 0 });`,
      errors: [{ column: 69, endColumn: 82, endLine: 1, line: 1, messageId: 'noDelay' }],
      settings: { faultline: { retryWrappers: [WITH_RETRIES] } },
    },
    {
      code: `import { withRetries } from '@acme/retry'; await withRetries(run, { retries: 3 });`,
      errors: [{ column: 50, endColumn: 61, endLine: 1, line: 1, messageId: 'noJitter' }],
      settings: { faultline: { retryWrappers: [{ ...WITH_RETRIES, defaults: {} }] } },
    },
    {
      // exponential-backoff's defaults: nine waits of 100 ms doubling (25.6 s at most), no jitter.
      code: `await retryCall(() => fetch(url, { signal: AbortSignal.timeout(1000) }));`,
      errors: [{ column: 7, endColumn: 16, endLine: 1, line: 1, messageId: 'noJitter' }],
      settings: { faultline: { retryWrappers: [RETRY_CALL] } },
    },
    {
      code: `await retryForever(run);`,
      errors: [{ column: 7, endColumn: 19, endLine: 1, line: 1, messageId: 'unboundedRetry' }],
      settings: {
        faultline: {
          retryWrappers: [
            {
              name: 'retryForever',
              retryOptions: 'p-retry',
              defaults: { forever: true, maxTimeout: 5000, randomize: true },
            },
          ],
        },
      },
    },
    {
      // p-retry's defaults: ten retries of 1 s doubling, the last after 8.5 minutes, no jitter.
      code: `import pRetry from 'p-retry'; await pRetry(() => fetch(url, { signal: AbortSignal.timeout(1000) }));`,
      errors: [
        {
          column: 37,
          endColumn: 43,
          endLine: 1,
          line: 1,
          messageId: 'longLibraryBackoff',
          data: {
            longest: '8.5 min',
            also: ', and it has no jitter either',
            capKey: 'maxTimeout',
            cap: 30000,
            capText: '30 s',
          },
        },
      ],
    },
    {
      // A tag that is not a local command may be a query: the retry is judged.
      code: `import pRetry from 'p-retry'; import { sql } from './db'; await pRetry(() => sql\`select 1\`, { retries: 3 });`,
      errors: [{ column: 65, endColumn: 71, endLine: 1, line: 1, messageId: 'noJitter' }],
    },
    {
      code: `import pRetry from 'p-retry'; await pRetry(run, { retries: Infinity, minTimeout: 0 });`,
      errors: [
        { column: 51, endColumn: 68, endLine: 1, line: 1, messageId: 'unboundedRetry' },
        { column: 70, endColumn: 83, endLine: 1, line: 1, messageId: 'noDelay' },
      ],
    },
    {
      // Eleven attempts of 100 ms doubling: the tenth wait is 51.2 s.
      code: `import { backOff } from 'exponential-backoff'; await backOff(run, { jitter: 'full', numOfAttempts: 11 });`,
      errors: [
        {
          column: 54,
          endColumn: 61,
          endLine: 1,
          line: 1,
          messageId: 'longLibraryBackoff',
          data: { longest: '51.2 s', also: '', capKey: 'maxDelay', cap: 30000, capText: '30 s' },
        },
      ],
    },
    {
      // botpress's Zoom client: three attempts, 20 s then 40 s (exponential-backoff does not wait
      // before the first), no jitter.
      code: `import { backOff } from 'exponential-backoff'; await backOff(run, { numOfAttempts: 3, startingDelay: 20000 });`,
      errors: [
        {
          column: 54,
          endColumn: 61,
          endLine: 1,
          line: 1,
          messageId: 'longLibraryBackoff',
          data: {
            longest: '40 s',
            also: ', and it has no jitter either',
            capKey: 'maxDelay',
            cap: 30000,
            capText: '30 s',
          },
        },
      ],
    },
    {
      code: `import axiosRetry from 'axios-retry'; axiosRetry(client, { retries: 3 });`,
      errors: [{ column: 39, endColumn: 49, endLine: 1, line: 1, messageId: 'noDelay' }],
    },
    {
      // The jittered helper wrapped in a function of ours grows past 30 s with its factor (2^6 · 1 s): a cap is missing, not jitter.
      code: `import axiosRetry, { exponentialDelay } from 'axios-retry'; axiosRetry(client, { retries: 6, retryDelay: (count, error) => exponentialDelay(count, error, 1000) });`,
      errors: [{ column: 94, endColumn: 160, endLine: 1, line: 1, messageId: 'uncappedBackoff' }],
    },
    {
      code: `import axiosRetry from 'axios-retry'; axiosRetry(client, { retries: 3, retryDelay: retryCount => retryCount * 1000 });`,
      errors: [{ column: 72, endColumn: 115, endLine: 1, line: 1, messageId: 'noJitter' }],
    },
    {
      code: `import { retry, handleAll } from 'cockatiel'; export const policy = retry(handleAll, {});`,
      errors: [
        { column: 69, endColumn: 74, endLine: 1, line: 1, messageId: 'unboundedRetry' },
        { column: 69, endColumn: 74, endLine: 1, line: 1, messageId: 'noDelay' },
      ],
    },
    {
      code: `import { retry, handleAll, ConstantBackoff } from 'cockatiel'; export const policy = retry(handleAll, { maxAttempts: 3, backoff: new ConstantBackoff(500) });`,
      errors: [{ column: 121, endColumn: 154, endLine: 1, line: 1, messageId: 'constantDelay' }],
    },
    {
      code: `import Redis from 'ioredis'; const redis = new Redis({ commandTimeout: 500, retryStrategy: times => Math.min(times * 50, 2000) });`,
      errors: [{ column: 77, endColumn: 127, endLine: 1, line: 1, messageId: 'noJitter' }],
    },
    {
      code: `import Redlock from 'redlock'; export const lock = new Redlock([redis], { retryCount: -1, retryJitter: 0 });`,
      errors: [
        { column: 75, endColumn: 89, endLine: 1, line: 1, messageId: 'unboundedRetry' },
        { column: 91, endColumn: 105, endLine: 1, line: 1, messageId: 'noJitter' },
      ],
    },
    {
      code: `import ky from 'ky'; export const api = ky.create({ retry: { limit: 3 } });`,
      errors: [{ column: 41, endColumn: 50, endLine: 1, line: 1, messageId: 'noJitter' }],
    },
    {
      code: `import got from 'got'; export const api = got.extend({ retry: { limit: 10 } });`,
      errors: [{ column: 43, endColumn: 53, endLine: 1, line: 1, messageId: 'uncappedBackoff' }],
    },
    {
      code: `
import * as grpc from '@grpc/grpc-js';
export const options = {
  'grpc.service_config': JSON.stringify({ methodConfig: [{ name: [{}], retryPolicy: { maxAttempts: 4, initialBackoff: '0.2s', backoffMultiplier: 2, retryableStatusCodes: ['UNAVAILABLE'] } }] }),
};`,
      errors: [{ column: 72, endColumn: 188, endLine: 4, line: 4, messageId: 'uncappedBackoff' }],
    },
    {
      code: `import { S3Client } from '@aws-sdk/client-s3'; import { ConfiguredRetryStrategy } from '@smithy/util-retry'; export const s3 = new S3Client({ maxAttempts: 30, retryStrategy: new ConfiguredRetryStrategy(4, 1000), requestHandler: { socketTimeout: 5000 } });`,
      errors: [
        { column: 143, endColumn: 158, endLine: 1, line: 1, messageId: 'unboundedRetry' },
        { column: 160, endColumn: 211, endLine: 1, line: 1, messageId: 'constantDelay' },
      ],
    },
    {
      // A retry loop that exits through a flag, around a database transaction of the project's
      // own client (not a client the catalog knows): the retried work is found from what it does.
      code: `
import { db } from './db';
export async function provision(userId: string) {
  const MAX_ATTEMPTS = 3;
  let assigned = false;
  for (let attempt = 1; attempt <= MAX_ATTEMPTS && !assigned; attempt++) {
    try {
      await db.$transaction(async tx => tx.membership.create({ data: { userId } }));
      assigned = true;
    } catch (error) {
      if (attempt === MAX_ATTEMPTS) console.error(error);
    }
  }
}`,
      errors: [{ column: 3, endColumn: 6, endLine: 6, line: 6, messageId: 'noDelay' }],
    },
  ],
});
