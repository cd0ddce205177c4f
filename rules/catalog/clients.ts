// Which calls are remote, per client library, with the real option names. Facts come from each
// package's own source; see docs/research/client-timeouts.md and ../shared/research/lint-anchors.md.
import { LIBRARY_INSTANCES, LIBRARY_MODULES } from './libraries.js';
import type { Family, FamilyId, InstanceKind, InstanceTable, Locator, MemberTable, Role } from './types.js';

export const FAMILIES: Readonly<Record<FamilyId, Family>> = {
  fetch: {
    id: 'fetch',
    label: 'fetch',
    reportAt: 'call',
    fix: 'pass `signal: AbortSignal.timeout(ms)` in the init (or `AbortSignal.any([signal, AbortSignal.timeout(ms)])` to keep a caller’s signal)',
    suggestion: 'signal',
  },
  axios: {
    id: 'axios',
    label: 'axios',
    reportAt: 'call',
    fix: 'set `timeout` (ms) or `signal: AbortSignal.timeout(ms)` in the request config, or `timeout` in `axios.create({...})`',
    suggestion: 'timeout',
  },
  got: {
    id: 'got',
    label: 'got',
    reportAt: 'call',
    fix: 'set `timeout: { request: ms }` in the options or in `got.extend({...})`',
    suggestion: 'got-timeout',
  },
  ky: {
    id: 'ky',
    label: 'ky',
    reportAt: 'call',
    fix: 'keep ky’s 10 s default or set a finite `timeout` (ms)',
  },
  superagent: {
    id: 'superagent',
    label: 'superagent',
    reportAt: 'call',
    fix: 'add `.timeout({ response: ms, deadline: ms })` to the request chain',
  },
  undici: {
    id: 'undici',
    label: 'undici',
    reportAt: 'call',
    fix: 'use a finite `headersTimeout`/`bodyTimeout` (undici’s defaults are 300 s) or pass `signal: AbortSignal.timeout(ms)`',
  },
  http: {
    id: 'http',
    label: 'node:http',
    reportAt: 'call',
    fix: "pass `signal: AbortSignal.timeout(ms)` in the options, or set `timeout` and destroy the request in its handler: `req.on('timeout', () => req.destroy())`",
  },
  grpc: {
    id: 'grpc',
    label: 'gRPC',
    reportAt: 'call',
    fix: 'pass call options with `deadline: Date.now() + ms`',
  },
  aws: {
    id: 'aws',
    label: 'AWS SDK',
    reportAt: 'construction',
    fix: 'give the client `requestHandler: { connectionTimeout: ms, requestTimeout: ms, throwOnRequestTimeout: true }`, or pass `{ abortSignal: AbortSignal.timeout(ms) }` to every `send`',
  },
  pg: {
    id: 'pg',
    label: 'pg',
    reportAt: 'construction',
    fix: 'set `query_timeout` or `statement_timeout`, and `connectionTimeoutMillis`, in the config',
  },
  ioredis: {
    id: 'ioredis',
    label: 'ioredis',
    reportAt: 'construction',
    fix: 'set `commandTimeout` (ms) in the options',
  },
  'node-redis': {
    id: 'node-redis',
    label: 'node-redis',
    reportAt: 'construction',
    fix: 'set `socket: { socketTimeout: ms }` (and keep `connectTimeout` finite)',
  },
  mongodb: {
    id: 'mongodb',
    label: 'mongodb',
    reportAt: 'construction',
    fix: 'set `socketTimeoutMS` (and `waitQueueTimeoutMS`) in the options or the connection string',
  },
  octokit: {
    id: 'octokit',
    label: 'Octokit',
    reportAt: 'construction',
    fix: 'give it `request: { fetch }` with a fetch that adds `AbortSignal.timeout(ms)`, or pass `request: { signal: AbortSignal.timeout(ms) }` per call (`request.timeout` is ignored since Octokit moved to fetch)',
  },
  slack: {
    id: 'slack',
    label: 'Slack WebClient',
    reportAt: 'construction',
    fix: 'set `timeout` (ms) in the WebClient options',
  },
  stripe: {
    id: 'stripe',
    label: 'Stripe',
    reportAt: 'construction',
    fix: 'keep Stripe’s 80 s default or set a positive `timeout` (ms)',
  },
  openai: {
    id: 'openai',
    label: 'OpenAI',
    reportAt: 'construction',
    fix: 'keep the SDK’s 10 min default or set a finite `timeout` (ms)',
  },
  twilio: {
    id: 'twilio',
    label: 'Twilio',
    reportAt: 'construction',
    fix: 'keep Twilio’s 30 s default',
  },
  anthropic: {
    id: 'anthropic',
    label: 'Anthropic',
    reportAt: 'construction',
    fix: 'keep the SDK’s 10 min default or set a finite `timeout` (ms)',
  },
  elasticsearch: {
    id: 'elasticsearch',
    label: 'Elasticsearch',
    reportAt: 'construction',
    fix: "set `requestTimeout` (ms or a duration such as `'30s'`) in the client options",
  },
  custom: {
    id: 'custom',
    label: 'client',
    reportAt: 'call',
    fix: 'pass one of the bounding options configured in `settings.faultline.clients`',
  },
};

const call = (family: FamilyId, options: Locator): Role => ({ role: 'call', family, options });
const factory = (
  instance: InstanceKind,
  family: FamilyId,
  options: Locator,
  inheritsFrom?: 'callee' | 'arg0',
): Role =>
  inheritsFrom
    ? { role: 'factory', instance, family, options, inheritsFrom }
    : { role: 'factory', instance, family, options };
const NONE: Locator = { none: true };

function verbs(family: FamilyId, names: readonly string[], options: Locator): Record<string, Role> {
  return Object.fromEntries(
    names.map(name => {
      const method = methodOfVerb(name);
      const role: Role = method ? { role: 'call', family, options, method } : call(family, options);
      return [name, role];
    }),
  );
}

const AXIOS_CALLS: MemberTable = {
  '': call('axios', { configOrUrl: true }),
  request: call('axios', { at: 0 }),
  ...verbs('axios', ['get', 'delete', 'head', 'options'], { at: 1 }),
  ...verbs('axios', ['post', 'put', 'patch', 'postForm', 'putForm', 'patchForm'], { at: 2 }),
};

/** The HTTP method a verb member sends (`post` → POST, `del` → DELETE, `patchForm` → PATCH). */
export function methodOfVerb(name: string): string | undefined {
  const verb = name.replace(/Form$/, '').toLowerCase();
  if (verb === 'del') return 'DELETE';
  return ['get', 'post', 'put', 'patch', 'delete', 'head', 'options'].includes(verb)
    ? verb.toUpperCase()
    : undefined;
}

const GOT_CALLS: MemberTable = {
  '': call('got', { configOrUrl: true }),
  ...verbs('got', ['get', 'post', 'put', 'patch', 'head', 'delete', 'stream', 'paginate'], {
    configOrUrl: true,
  }),
  extend: factory('got', 'got', { at: 0 }, 'callee'),
};

/** got also exports itself by name: `import { got } from 'got'`. */
const GOT_MODULE: MemberTable = {
  ...GOT_CALLS,
  ...Object.fromEntries(Object.entries(GOT_CALLS).map(([key, role]) => [key ? `got.${key}` : 'got', role])),
};

const KY_CALLS: MemberTable = {
  '': call('ky', { at: 1 }),
  ...verbs('ky', ['get', 'post', 'put', 'patch', 'head', 'delete'], { at: 1 }),
  create: factory('ky', 'ky', { at: 0 }),
  extend: factory('ky', 'ky', { at: 0 }, 'callee'),
};

const SUPERAGENT_VERBS = ['get', 'post', 'put', 'patch', 'del', 'delete', 'head', 'options'];
const SUPERAGENT_CALLS: MemberTable = {
  '': call('superagent', { chain: 'timeout' }),
  ...verbs('superagent', SUPERAGENT_VERBS, { chain: 'timeout' }),
  agent: factory('superagent-agent', 'superagent', NONE),
};

const FETCH_LIKE: MemberTable = {
  '': call('fetch', { at: 1 }),
  fetch: call('fetch', { at: 1 }),
  Request: factory('fetch-request', 'fetch', { at: 1 }),
};

const HTTP_CALLS: MemberTable = {
  request: call('http', { httpArgs: true }),
  get: call('http', { httpArgs: true }),
};

const GRPC_MODULE: MemberTable = {
  loadPackageDefinition: { role: 'namespace', instance: 'grpc-package' },
  makeGenericClientConstructor: { role: 'namespace', instance: 'grpc-package' },
  makeClientConstructor: { role: 'namespace', instance: 'grpc-package' },
  load: { role: 'namespace', instance: 'grpc-package' },
  Client: factory('grpc-client', 'grpc', { at: 2 }),
};

const PG_MODULE: MemberTable = {
  Pool: factory('pg', 'pg', { at: 0 }),
  Client: factory('pg-client', 'pg', { at: 0 }),
  'native.Pool': factory('pg', 'pg', { at: 0 }),
  'native.Client': factory('pg-client', 'pg', { at: 0 }),
};

const IOREDIS_MODULE: MemberTable = {
  '': factory('ioredis', 'ioredis', { lastObject: true }),
  Redis: factory('ioredis', 'ioredis', { lastObject: true }),
  Cluster: factory('ioredis', 'ioredis', { at: 1 }),
  'Redis.Cluster': factory('ioredis', 'ioredis', { at: 1 }),
};

const NODE_REDIS_MODULE: MemberTable = {
  // v3 also took (port, host, options): the options are the last object.
  createClient: factory('node-redis', 'node-redis', { lastObject: true }),
  createCluster: factory('node-redis', 'node-redis', { at: 0 }),
};

const MONGODB_MODULE: MemberTable = {
  MongoClient: factory('mongodb', 'mongodb', { at: 1 }),
  'MongoClient.connect': factory('mongodb', 'mongodb', { at: 1 }),
};

const ALIAS: Role = { role: 'alias' };
const OCTOKIT_MODULE: MemberTable = {
  Octokit: factory('octokit', 'octokit', { at: 0 }),
  'Octokit.plugin': ALIAS,
  'Octokit.defaults': ALIAS,
};

/** Modules with exact names. */
const MODULES: Readonly<Record<string, MemberTable>> = {
  axios: { ...AXIOS_CALLS, create: factory('axios', 'axios', { at: 0 }) },
  got: GOT_MODULE,
  ky: KY_CALLS,
  'ky-universal': KY_CALLS,
  superagent: SUPERAGENT_CALLS,
  'node-fetch': FETCH_LIKE,
  'cross-fetch': FETCH_LIKE,
  'isomorphic-fetch': FETCH_LIKE,
  'isomorphic-unfetch': FETCH_LIKE,
  'make-fetch-happen': FETCH_LIKE,
  undici: {
    fetch: call('fetch', { at: 1 }),
    Request: factory('fetch-request', 'fetch', { at: 1 }),
    request: call('undici', { at: 1 }),
    stream: call('undici', { at: 1 }),
    pipeline: call('undici', { at: 1 }),
    Client: factory('undici-dispatcher', 'undici', { at: 1 }),
    Pool: factory('undici-dispatcher', 'undici', { at: 1 }),
    BalancedPool: factory('undici-dispatcher', 'undici', { at: 1 }),
    Agent: factory('undici-dispatcher', 'undici', { at: 0 }),
    ProxyAgent: factory('undici-dispatcher', 'undici', { at: 0 }),
    EnvHttpProxyAgent: factory('undici-dispatcher', 'undici', { at: 0 }),
  },
  'node:http': HTTP_CALLS,
  'node:https': HTTP_CALLS,
  '@grpc/grpc-js': GRPC_MODULE,
  grpc: GRPC_MODULE,
  pg: PG_MODULE,
  'pg-pool': { '': factory('pg', 'pg', { at: 0 }) },
  ioredis: IOREDIS_MODULE,
  redis: NODE_REDIS_MODULE,
  '@redis/client': NODE_REDIS_MODULE,
  mongodb: MONGODB_MODULE,
  '@aws-sdk/lib-dynamodb': {
    'DynamoDBDocumentClient.from': factory('aws-client', 'aws', NONE, 'arg0'),
    'DynamoDBDocument.from': factory('aws-client', 'aws', NONE, 'arg0'),
  },
  '@octokit/rest': OCTOKIT_MODULE,
  '@octokit/core': OCTOKIT_MODULE,
  octokit: { ...OCTOKIT_MODULE, App: factory('octokit', 'octokit', { at: 0 }) },
  '@slack/web-api': { WebClient: factory('slack', 'slack', { at: 1 }) },
  stripe: { '': factory('stripe', 'stripe', { at: 1 }), Stripe: factory('stripe', 'stripe', { at: 1 }) },
  openai: { '': factory('openai', 'openai', { at: 0 }), OpenAI: factory('openai', 'openai', { at: 0 }) },
  twilio: { '': factory('twilio', 'twilio', { at: 2 }), Twilio: factory('twilio', 'twilio', { at: 2 }) },
  '@anthropic-ai/sdk': {
    '': factory('anthropic', 'anthropic', { at: 0 }),
    Anthropic: factory('anthropic', 'anthropic', { at: 0 }),
  },
  '@elastic/elasticsearch': { Client: factory('elasticsearch', 'elasticsearch', { at: 0 }) },
};

const GLOBALS: MemberTable = {
  fetch: call('fetch', { at: 1 }),
  Request: factory('fetch-request', 'fetch', { at: 1 }),
  'Bun.sleep': { role: 'sleep', arg: 0 },
};

const REDIS_NON_COMMANDS = [
  'on',
  'once',
  'off',
  'emit',
  'addListener',
  'removeListener',
  'removeAllListeners',
  'listeners',
  'duplicate',
  'pipeline',
  'multi',
  'defineCommand',
  'disconnect',
  'status',
  'options',
  'isOpen',
  'isReady',
  'createBuiltinCommand',
  'nodes',
  'withTypeMapping',
  'withCommandOptions',
  'legacy',
  'destroy',
  'close',
];

const INSTANCES: Readonly<Record<InstanceKind, InstanceTable>> = {
  axios: { members: AXIOS_CALLS },
  got: { members: GOT_CALLS },
  ky: { members: KY_CALLS },
  'superagent-agent': { members: verbs('superagent', SUPERAGENT_VERBS, { chain: 'timeout' }) },
  'undici-dispatcher': {
    members: {
      request: call('undici', { at: 0 }),
      stream: call('undici', { at: 0 }),
      pipeline: call('undici', { at: 0 }),
    },
  },
  'fetch-request': { members: {} },
  pg: {
    members: { query: call('pg', { at: 0 }), connect: call('pg', NONE) },
  },
  'pg-client': {
    members: { query: call('pg', { at: 0 }), connect: call('pg', NONE) },
  },
  ioredis: { members: {}, any: call('ioredis', NONE), except: REDIS_NON_COMMANDS },
  'node-redis': { members: {}, any: call('node-redis', NONE), except: REDIS_NON_COMMANDS },
  mongodb: {
    members: {
      connect: call('mongodb', NONE),
      db: factory('mongodb-db', 'mongodb', NONE, 'callee'),
    },
  },
  'mongodb-db': {
    members: {
      collection: factory('mongodb-collection', 'mongodb', NONE, 'callee'),
      command: call('mongodb', NONE),
      listCollections: call('mongodb', NONE),
      createCollection: call('mongodb', NONE),
      dropCollection: call('mongodb', NONE),
      stats: call('mongodb', NONE),
    },
  },
  'mongodb-collection': {
    members: verbs(
      'mongodb',
      [
        'find',
        'findOne',
        'aggregate',
        'insertOne',
        'insertMany',
        'updateOne',
        'updateMany',
        'replaceOne',
        'deleteOne',
        'deleteMany',
        'countDocuments',
        'estimatedDocumentCount',
        'distinct',
        'findOneAndUpdate',
        'findOneAndReplace',
        'findOneAndDelete',
        'bulkWrite',
        'createIndex',
        'createIndexes',
        'dropIndex',
        'watch',
      ],
      NONE,
    ),
  },
  // A loaded package definition: any property is a nested package or a service constructor.
  'grpc-package': {
    members: { '': factory('grpc-client', 'grpc', { at: 2 }) },
    any: { role: 'namespace', instance: 'grpc-package' },
  },
  'grpc-client': {
    members: {
      makeUnaryRequest: call('grpc', { grpcCall: true }),
      makeClientStreamRequest: call('grpc', { grpcCall: true }),
      makeServerStreamRequest: call('grpc', { grpcCall: true }),
      makeBidiStreamRequest: call('grpc', { grpcCall: true }),
    },
    any: call('grpc', { grpcCall: true }),
    except: ['close', 'getChannel', 'waitForReady', 'constructor', 'bind', 'call', 'apply'],
  },
  'aws-client': {
    members: { send: call('aws', { at: 1 }) },
    any: call('aws', { at: 1 }),
    except: ['destroy', 'middlewareStack', 'config', 'constructor'],
  },
  octokit: {
    members: {},
    any: call('octokit', NONE),
    anyDepth: 4,
    except: ['hook', 'log', 'auth', 'paginate', 'plugin'],
  },
  slack: {
    members: {},
    any: call('slack', NONE),
    anyDepth: 4,
    except: ['on', 'once', 'emit', 'token', 'slackApiUrl'],
  },
  stripe: {
    members: {},
    any: call('stripe', NONE),
    anyDepth: 4,
    except: ['on', 'off', 'once', 'webhooks', 'errors'],
  },
  openai: {
    members: {},
    any: call('openai', NONE),
    anyDepth: 4,
    except: ['withOptions', 'apiKey', 'baseURL'],
  },
  twilio: { members: {}, any: call('twilio', NONE), anyDepth: 4, except: ['webhook', 'validateRequest'] },
  anthropic: {
    members: {},
    any: call('anthropic', NONE),
    anyDepth: 4,
    except: ['withOptions', 'apiKey', 'baseURL'],
  },
  elasticsearch: {
    members: {},
    any: call('elasticsearch', NONE),
    anyDepth: 3,
    except: [
      'on',
      'once',
      'emit',
      'child',
      'close',
      'diagnostic',
      'helpers',
      'transport',
      'connectionPool',
      'name',
    ],
  },
  custom: { members: {} },
  ...LIBRARY_INSTANCES,
};

/** Factories of AWS SDK v3 service clients (`@aws-sdk/client-*`): `S3Client`, and the aggregated `S3`. */
function lookupAwsClientModule(key: string): Role | undefined {
  // Commands are plain request descriptions; only the client sends them.
  if (key.endsWith('Command') || key.endsWith('Exception') || key.endsWith('Error') || key.includes('.'))
    return undefined;
  if (/^[A-Z]/.test(key)) return factory('aws-client', 'aws', { at: 0 });
  return undefined;
}

/** True when the catalog knows this (canonical) module. */
export function isKnownModule(module: string): boolean {
  return module in MODULES || module in LIBRARY_MODULES || module.startsWith('@aws-sdk/client-');
}

/** The role of `module.path…` (path after any `default`), if the catalog knows it. */
export function lookupModuleMember(module: string, path: readonly string[]): Role | undefined {
  const key = path.join('.');
  const table = MODULES[module] ?? LIBRARY_MODULES[module];
  if (table) return table[key];
  if (module.startsWith('@aws-sdk/client-')) return lookupAwsClientModule(key);
  return undefined;
}

/** The role of a global (`fetch`, `Request`), reached directly or through `globalThis`/`window`. */
export function lookupGlobal(path: readonly string[]): Role | undefined {
  return GLOBALS[path.join('.')];
}

/** The role of `instance.path…` for an instance of the given kind. */
export function lookupInstanceMember(kind: InstanceKind, path: readonly string[]): Role | undefined {
  const table = INSTANCES[kind];
  const key = path.join('.');
  const exact = table.members[key];
  if (exact) return exact;
  // A computed member (`stub[method]`) matches only where any member would.
  const head = path[0] ?? '';
  if (
    table.any &&
    path.length >= 1 &&
    path.length <= (table.anyDepth ?? 1) &&
    !table.except?.includes(head) &&
    !head.startsWith('_')
  ) {
    return table.any;
  }
  return undefined;
}
