// Libraries that are not clients but shape how remote calls behave: retry libraries (with their
// real defaults, read from each package's source), concurrency limiters, timers, and the
// coordination libraries (locks, elections) that make servers agree.
import type { InstanceKind, InstanceTable, MemberTable, Role, RetryLibrary } from './types.js';

/**
 * Defaults of retry libraries when the user passes nothing, as the libraries define them.
 * Delays in ms; `Infinity` means no bound. Sources: p-retry 7.1.1 index.js L165-169,
 * async-retry 1.3.3 lib/index.js (randomize defaults to true) over retry 0.13.1 lib/retry.js,
 * exponential-backoff 3.1.3 dist/options.js, axios-retry 4.5.0 dist/esm/index.js L56-80,
 * cockatiel 4.0.0 dist/Policy.js L233 and backoff/ExponentialBackoff.js.
 */
export interface RetryDefaults {
  attempts: number;
  /** First delay, growth factor, cap: what an omitted option means. */
  firstDelay: number;
  factor: number;
  cap: number;
  jitter: boolean;
}

export const RETRY_DEFAULTS: Readonly<Record<Exclude<RetryLibrary, 'custom'>, RetryDefaults>> = {
  'p-retry': { attempts: 11, firstDelay: 1000, factor: 2, cap: Infinity, jitter: false },
  'async-retry': { attempts: 11, firstDelay: 1000, factor: 2, cap: Infinity, jitter: true },
  'node-retry': { attempts: 11, firstDelay: 1000, factor: 2, cap: Infinity, jitter: false },
  'exponential-backoff': { attempts: 10, firstDelay: 100, factor: 2, cap: Infinity, jitter: false },
  'axios-retry': { attempts: 4, firstDelay: 0, factor: 1, cap: 0, jitter: false },
  cockatiel: { attempts: Infinity, firstDelay: 0, factor: 1, cap: 0, jitter: false },
};

const retry = (library: RetryLibrary, fnArg: number | undefined, optionsAt: number): Role =>
  fnArg === undefined
    ? { role: 'retry', library, options: { at: optionsAt } }
    : { role: 'retry', library, fnArg, options: { at: optionsAt } };
const policy = (instance: InstanceKind, library: string, optionsAt: number): Role => ({
  role: 'policy',
  instance,
  library,
  options: { at: optionsAt },
});
const run = (fnArg: number): Role => ({ role: 'run', fnArg });
const lock = (check: string): Role => ({ role: 'coordination', kind: 'lock', check });

export const LIBRARY_MODULES: Readonly<Record<string, MemberTable>> = {
  // Retry libraries
  'p-retry': { '': retry('p-retry', 0, 1), pRetry: retry('p-retry', 0, 1) },
  'async-retry': { '': retry('async-retry', 0, 1) },
  'exponential-backoff': { backOff: retry('exponential-backoff', 0, 1) },
  'axios-retry': { '': retry('axios-retry', undefined, 1), axiosRetry: retry('axios-retry', undefined, 1) },
  retry: { operation: policy('retry-operation', 'node-retry', 0) },
  cockatiel: {
    retry: policy('cockatiel-retry', 'cockatiel', 1),
    timeout: policy('cockatiel-timeout', 'cockatiel', 0),
    wrap: policy('cockatiel-retry', 'cockatiel', 0),
  },
  // Timers
  'node:timers/promises': {
    setTimeout: { role: 'sleep', arg: 0 },
    'scheduler.wait': { role: 'sleep', arg: 0 },
  },
  delay: { '': { role: 'sleep', arg: 0 } },
  // Concurrency limiters
  'p-limit': { '': policy('limiter', 'p-limit', 0), pLimit: policy('limiter', 'p-limit', 0) },
  'p-map': {
    '': { role: 'mapLimited', fnArg: 1, options: { at: 2 }, concurrencyKey: 'concurrency' },
    pMap: { role: 'mapLimited', fnArg: 1, options: { at: 2 }, concurrencyKey: 'concurrency' },
  },
  'p-all': { '': { role: 'mapLimited', fnArg: 0, options: { at: 1 }, concurrencyKey: 'concurrency' } },
  'p-queue': { '': policy('limiter', 'p-queue', 0), PQueue: policy('limiter', 'p-queue', 0) },
  bottleneck: { '': policy('limiter', 'bottleneck', 0), Bottleneck: policy('limiter', 'bottleneck', 0) },
  async: {
    mapLimit: { role: 'mapLimited', fnArg: 2 },
    eachLimit: { role: 'mapLimited', fnArg: 2 },
    forEachLimit: { role: 'mapLimited', fnArg: 2 },
    mapSeries: { role: 'mapLimited', fnArg: 1 },
    eachSeries: { role: 'mapLimited', fnArg: 1 },
    parallelLimit: { role: 'mapLimited', fnArg: 0 },
    map: { role: 'mapLimited', fnArg: 1, unlimited: true },
    each: { role: 'mapLimited', fnArg: 1, unlimited: true },
    forEach: { role: 'mapLimited', fnArg: 1, unlimited: true },
    parallel: { role: 'mapLimited', fnArg: 0, unlimited: true },
  },
  'promise-limit': { '': policy('limiter', 'promise-limit', 0) },
  // Coordination
  redlock: { '': policy('redlock', 'redlock', 1), Redlock: policy('redlock', 'redlock', 1) },
  '@sesamecare-oss/redlock': {
    '': policy('redlock', 'redlock', 1),
    Redlock: policy('redlock', 'redlock', 1),
  },
  'redis-lock': { '': lock('redis-lock') },
  warlock: { '': lock('warlock') },
  'live-mutex': { Client: lock('live-mutex') },
  etcd3: { Etcd3: policy('etcd', 'etcd3', 0) },
  consul: { '': policy('consul', 'consul', 0), Consul: policy('consul', 'consul', 0) },
  'node-zookeeper-client': { createClient: policy('zookeeper', 'zookeeper', 1) },
  zookeeper: { '': policy('zookeeper', 'zookeeper', 0), ZooKeeper: policy('zookeeper', 'zookeeper', 0) },
};

export const LIBRARY_INSTANCES: Readonly<
  Record<
    | 'cockatiel-retry'
    | 'cockatiel-timeout'
    | 'retry-operation'
    | 'limiter'
    | 'redlock'
    | 'etcd'
    | 'consul'
    | 'zookeeper',
    InstanceTable
  >
> = {
  'cockatiel-retry': { members: { execute: run(0) } },
  'cockatiel-timeout': { members: { execute: run(0) } },
  'retry-operation': { members: { attempt: run(0) } },
  // `limit(fn)` (p-limit), `queue.add(fn)` (p-queue), `limiter.schedule(fn)` / `wrap(fn)` (Bottleneck)
  limiter: {
    members: { '': run(0), add: run(0), addAll: run(0), schedule: run(0), wrap: run(0), submit: run(0) },
  },
  redlock: {
    members: {
      acquire: lock('redlock'),
      lock: lock('redlock'),
      using: lock('redlock'),
    },
  },
  etcd: {
    members: {
      lock: lock('etcd-lock'),
      election: { role: 'coordination', kind: 'election', check: 'etcd-election' },
      namespace: policy('etcd', 'etcd3', 0),
    },
  },
  consul: {
    members: {
      lock: lock('consul-lock'),
      'session.create': lock('consul-session'),
    },
  },
  // Lock and election recipes create ephemeral nodes; the rule looks at the create mode.
  zookeeper: {
    members: {
      create: lock('zookeeper'),
      mkdirp: lock('zookeeper'),
      transaction: policy('zookeeper', 'zookeeper', 0),
      multi: policy('zookeeper', 'zookeeper', 0),
    },
  },
};
