// Names and modules that both provenance engines (the rules' ESTree one and core's TypeScript
// one) use to read intent the catalog tables cannot express: which globals matter, what names a
// URL or a timer, which modules bound a promise, and which declared types are client instances.
import type { FamilyId, InstanceKind } from './types.js';

export const GLOBAL_OBJECTS: ReadonlySet<string> = new Set(['globalThis', 'window', 'self', 'global']);

/** Globals the rules resolve (everything else undeclared is unknown). */
export const GLOBAL_ROOTS: ReadonlySet<string> = new Set([
  'fetch',
  'Request',
  'AbortSignal',
  'AbortController',
  'Promise',
  'setTimeout',
  'setInterval',
  'require',
  'process',
  'Math',
  'JSON',
  'Date',
  'crypto',
  'Bun',
  ...GLOBAL_OBJECTS,
]);

/** Names that say "this is a URL": `url`, `apiUrl`, `endpoint`, `href`, `baseURL`, `uri`, `path`. */
export const URL_NAME =
  /(?:^|[a-z_])(?:url|uri|href|endpoint|link|path|route)s?$|^(?:url|uri|href|endpoint|link|path|route)/i;

/** Callee names that look like timers when racing: `Promise.race([call, timeout(5000)])`. */
export const TIMER_NAME = /timeout|deadline|timer|delay|sleep|wait|expire/i;

/** Modules whose default (or named) export bounds the promise it is given. */
export const TIMEOUT_WRAPPER_MODULES: Readonly<Record<string, readonly string[]>> = {
  'p-timeout': ['', 'pTimeout'],
  'promise-timeout': ['timeout'],
  'async-timeout': [''],
};

/** Packages that provide an `AbortController` (polyfills) besides the global one. */
export const ABORT_CONTROLLER_MODULES: ReadonlySet<string> = new Set([
  'node-abort-controller',
  'abort-controller',
  'abortcontroller-polyfill/dist/cjs-ponyfill',
  'abortcontroller-polyfill',
]);

/** Declared types that identify a client instance when its construction is not visible. */
export const TYPE_INSTANCES: readonly {
  names: readonly string[];
  packages: readonly string[];
  instance: InstanceKind;
  family: FamilyId;
}[] = [
  {
    names: ['AxiosInstance', 'AxiosStatic', 'Axios'],
    packages: ['/axios/'],
    instance: 'axios',
    family: 'axios',
  },
  { names: ['Got'], packages: ['/got/'], instance: 'got', family: 'got' },
  { names: ['KyInstance'], packages: ['/ky/'], instance: 'ky', family: 'ky' },
  {
    names: ['Dispatcher', 'Pool', 'Client', 'Agent', 'BalancedPool', 'ProxyAgent'],
    packages: ['/undici/', '/undici-types/'],
    instance: 'undici-dispatcher',
    family: 'undici',
  },
  {
    names: ['Pool', 'Client', 'PoolClient'],
    packages: ['/pg/', '/@types/pg/', '/pg-pool/'],
    instance: 'pg',
    family: 'pg',
  },
  { names: ['Redis', 'Cluster'], packages: ['/ioredis/'], instance: 'ioredis', family: 'ioredis' },
  { names: ['MongoClient'], packages: ['/mongodb/'], instance: 'mongodb', family: 'mongodb' },
  { names: ['Db'], packages: ['/mongodb/'], instance: 'mongodb-db', family: 'mongodb' },
  { names: ['Collection'], packages: ['/mongodb/'], instance: 'mongodb-collection', family: 'mongodb' },
  { names: ['Client'], packages: ['/@grpc/grpc-js/'], instance: 'grpc-client', family: 'grpc' },
  {
    names: ['Client'],
    packages: ['/@smithy/smithy-client/', '/@aws-sdk/smithy-client/'],
    instance: 'aws-client',
    family: 'aws',
  },
];
