// `settings.faultline`: how a team teaches every rule about its own clients and helpers.
// Parsed and validated once per settings object; a malformed entry throws one error that names
// the entry and says how to fix it, before any traversal starts.
import { canonicalModule } from './modules.js';

/** A team's own client, described like a catalog entry. */
export interface ClientSetting {
  /** The import source, as written in `import … from '<module>'` or `require('<module>')`. */
  module: string;
  /**
   * The named export (`default` for the default export). Omitted: the module itself (default or
   * namespace). A dotted path reaches a nested static member: `Client.https` for `jayson.Client.https(…)`.
   */
  export?: string;
  /**
   * Members of the export (or of its instances) that make remote calls. Omitted: calling the export
   * itself is the remote call. A dotted path goes through a getter that returns a client:
   * `client.query` for `sdk.client.query(…)`.
   */
  methods?: string[];
  /** Zero-based position of the options argument of each remote call. */
  optionsArg: number;
  /**
   * Option keys that bound a call (a finite number, or a timed AbortSignal). A dotted path names a
   * key inside a nested options object: `connection.statement_timeout`.
   */
  timeoutKeys: string[];
  /** The export makes instances; `methods` are on the instance, and the factory's options bound every call. */
  instanceFactory: boolean;
  /** Position of the factory's options argument. */
  factoryOptionsArg: number;
  /** The client has a finite default: only an explicit "none" (0, null, false, Infinity) is reported. */
  boundedByDefault: boolean;
}

/** A function known by its import (`{ module, export }`) or, for local helpers, by its name. */
export interface FunctionRef {
  name?: string;
  module?: string;
  export?: string;
}

/** Option libraries whose schedule a team's retry wrapper can share (see `RetryWrapper.retryOptions`). */
export const RETRY_OPTION_LIBRARIES = [
  'p-retry',
  'async-retry',
  'node-retry',
  'exponential-backoff',
] as const;
export type RetryOptionLibrary = (typeof RETRY_OPTION_LIBRARIES)[number];

/** The option names each retry-option library understands, as a wrapper's `defaults` may use them. */
const RETRY_DEFAULT_KEYS: Readonly<Record<RetryOptionLibrary, readonly string[]>> = {
  'p-retry': ['retries', 'minTimeout', 'factor', 'maxTimeout', 'randomize', 'forever', 'maxRetryTime'],
  'async-retry': ['retries', 'minTimeout', 'factor', 'maxTimeout', 'randomize', 'forever', 'maxRetryTime'],
  'node-retry': ['retries', 'minTimeout', 'factor', 'maxTimeout', 'randomize', 'forever', 'maxRetryTime'],
  'exponential-backoff': ['numOfAttempts', 'startingDelay', 'timeMultiple', 'maxDelay', 'jitter'],
};

/**
 * A team's retry helper. Without `retryOptions` only its identity is known (require-idempotency-key
 * reads that); with it, require-backoff judges each call's schedule as the named library would run
 * it: the call's options at `optionsArg` (if any) over the wrapper's own `defaults`.
 */
export interface RetryWrapper extends FunctionRef {
  /** The library whose options (names and meaning) the wrapper takes or forwards. */
  retryOptions?: RetryOptionLibrary;
  /** Zero-based position of the options argument; omitted: the wrapper takes no options. */
  optionsArg?: number;
  /** What the wrapper passes when the caller gives nothing, in the library's option names. */
  defaults?: Readonly<Record<string, number | boolean | string>>;
}

export interface FaultlineSettings {
  clients: ClientSetting[];
  /** Calls whose arguments (a promise, or a function making the call) are bounded in time. */
  timeoutWrappers: FunctionRef[];
  /** `await sleep(ms)`-style helpers that wait (require-backoff). */
  sleepFunctions: FunctionRef[];
  /** Helpers that add randomness to a delay (require-backoff). */
  jitterFunctions: FunctionRef[];
  /** Functions that retry the function they are given (require-backoff, require-idempotency-key). */
  retryWrappers: RetryWrapper[];
  /** Concurrency limiters: a call passed through one of these is bounded (no-unbounded-fanout). */
  concurrencyLimiters: FunctionRef[];
  /** Header names that carry an idempotency key. */
  idempotencyHeaders: string[];
  /** Parameter/option names that carry an idempotency key. */
  idempotencyParams: string[];
  /** Retry configs that allow more attempts than this are reported as unbounded (require-backoff). */
  maxAttempts: number;
  /** A backoff whose longest wait stays under this many ms counts as capped (require-backoff). */
  maxDelayMs: number;
  /**
   * Every rule resolves a client instance by its declared type where syntax cannot (a parameter
   * typed with an interface, a value imported from far away). Needs typed linting.
   */
  resolveInstancesByType: boolean;
}

const DEFAULTS: FaultlineSettings = {
  clients: [],
  timeoutWrappers: [],
  sleepFunctions: [],
  jitterFunctions: [],
  retryWrappers: [],
  concurrencyLimiters: [],
  idempotencyHeaders: ['Idempotency-Key', 'X-Idempotency-Key'],
  idempotencyParams: [
    'idempotencyKey',
    'idempotency_key',
    'ClientToken',
    'clientToken',
    'clientRequestToken',
  ],
  maxAttempts: 10,
  maxDelayMs: 30_000,
  resolveInstancesByType: false,
};

export class SettingsError extends Error {
  constructor(path: string, problem: string, fix: string) {
    super(`Invalid ESLint setting ${path}: ${problem}. ${fix}`);
    this.name = 'SettingsError';
    // ESLint and oxlint print `error.stack` of anything a rule throws. A trace through our parser
    // helps nobody who wrote the setting: the stack is the message alone, read when printed, so it
    // carries what ESLint appends to the message (the rule and the file being linted).
    Object.defineProperty(this, 'stack', { get: () => this.message, configurable: true });
  }
}

const describe = (value: unknown): string =>
  value === undefined ? 'nothing' : (JSON.stringify(value) ?? String(value));

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function expectKeys(path: string, value: Record<string, unknown>, allowed: readonly string[]): void {
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) {
      throw new SettingsError(path, `unknown key "${key}"`, `Allowed keys: ${allowed.join(', ')}.`);
    }
  }
}

function readString(path: string, value: unknown, required: boolean): string | undefined {
  if (value === undefined && !required) return undefined;
  if (typeof value !== 'string' || value.length === 0) {
    throw new SettingsError(
      path,
      `expected a non-empty string, got ${describe(value)}`,
      'Give the name as a string.',
    );
  }
  return value;
}

const MEMBER_PATH = /^[^.]+(\.[^.]+)*$/;

/** A name, or a dotted path of names (`Client.https`, `connection.statement_timeout`). */
function readMemberPath(path: string, value: unknown, required: boolean): string | undefined {
  const name = readString(path, value, required);
  if (name !== undefined && !MEMBER_PATH.test(name)) {
    throw new SettingsError(
      path,
      `"${name}" has an empty segment`,
      'Write a name or a dotted path with a name between every dot, for example "Client.https".',
    );
  }
  return name;
}

function readMemberPathList(path: string, value: unknown, fallback: string[]): string[] {
  const list = readStringList(path, value, fallback);
  list.forEach((name, index) => readMemberPath(`${path}[${index}]`, name, true));
  return list;
}

function readStringList(path: string, value: unknown, fallback: string[]): string[] {
  if (value === undefined) return fallback;
  if (!Array.isArray(value) || value.some(item => typeof item !== 'string' || item.length === 0)) {
    throw new SettingsError(
      path,
      `expected an array of non-empty strings, got ${describe(value)}`,
      'For example ["timeout", "signal"].',
    );
  }
  return value as string[];
}

function readIndex(path: string, value: unknown, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    throw new SettingsError(
      path,
      `expected a zero-based argument position (0, 1, 2…), got ${describe(value)}`,
      'Use an integer such as 1 for `request(url, options)`.',
    );
  }
  return value;
}

function readPositive(path: string, value: unknown, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw new SettingsError(
      path,
      `expected a positive number, got ${describe(value)}`,
      'For example 5 (attempts) or 30000 (ms).',
    );
  }
  return value;
}

function readBoolean(path: string, value: unknown): boolean {
  if (value === undefined) return false;
  if (typeof value !== 'boolean')
    throw new SettingsError(path, `expected true or false, got ${describe(value)}`, 'Use a boolean.');
  return value;
}

function readClient(path: string, value: unknown): ClientSetting {
  if (!isRecord(value)) {
    throw new SettingsError(
      path,
      `expected an object, got ${describe(value)}`,
      'For example { "module": "@acme/http", "export": "request", "optionsArg": 1, "timeoutKeys": ["timeout"] }.',
    );
  }
  expectKeys(path, value, [
    'module',
    'export',
    'methods',
    'optionsArg',
    'timeoutKeys',
    'instanceFactory',
    'factoryOptionsArg',
    'boundedByDefault',
  ]);
  const instanceFactory = readBoolean(`${path}.instanceFactory`, value.instanceFactory);
  const methods =
    value.methods === undefined ? undefined : readMemberPathList(`${path}.methods`, value.methods, []);
  if (instanceFactory && !methods) {
    throw new SettingsError(
      `${path}.methods`,
      'an instance factory needs the instance methods that make remote calls',
      'List them, for example ["get", "post"].',
    );
  }
  const client: ClientSetting = {
    module: canonicalModule(readString(`${path}.module`, value.module, true) as string),
    optionsArg: readIndex(`${path}.optionsArg`, value.optionsArg, 0),
    timeoutKeys: readMemberPathList(`${path}.timeoutKeys`, value.timeoutKeys, ['timeout', 'signal']),
    instanceFactory,
    factoryOptionsArg: readIndex(`${path}.factoryOptionsArg`, value.factoryOptionsArg, 0),
    boundedByDefault: readBoolean(`${path}.boundedByDefault`, value.boundedByDefault),
  };
  const exportName = readMemberPath(`${path}.export`, value.export, false);
  if (exportName !== undefined && exportName !== 'default') client.export = exportName;
  if (methods) client.methods = methods;
  return client;
}

function readFunctionRef(path: string, value: unknown, extraKeys: readonly string[] = []): FunctionRef {
  if (typeof value === 'string' && value.length > 0) return { name: value };
  if (isRecord(value)) {
    expectKeys(path, value, ['module', 'export', 'name', ...extraKeys]);
    const ref: FunctionRef = {};
    const module = readString(`${path}.module`, value.module, false);
    const name = readString(`${path}.name`, value.name, false);
    const exportName = readString(`${path}.export`, value.export, false);
    if (!module && !name) {
      throw new SettingsError(
        path,
        'needs a "module" (with an optional "export") or a "name"',
        'For example { "module": "@acme/time", "export": "withTimeout" } or "withTimeout".',
      );
    }
    if (module) ref.module = canonicalModule(module);
    if (name) ref.name = name;
    if (exportName && exportName !== 'default') ref.export = exportName;
    return ref;
  }
  throw new SettingsError(
    path,
    `expected a function name or { module, export }, got ${describe(value)}`,
    'For example "withTimeout" or { "module": "p-timeout" }.',
  );
}

function readRetryWrapper(path: string, value: unknown): RetryWrapper {
  const ref: RetryWrapper = readFunctionRef(path, value, ['retryOptions', 'optionsArg', 'defaults']);
  if (!isRecord(value)) return ref;
  const library = value.retryOptions;
  if (library === undefined) {
    for (const key of ['optionsArg', 'defaults'])
      if (value[key] !== undefined)
        throw new SettingsError(
          `${path}.${key}`,
          'describes options, but the wrapper does not say whose options they are',
          `Add "retryOptions": one of ${RETRY_OPTION_LIBRARIES.map(name => `"${name}"`).join(', ')}.`,
        );
    return ref;
  }
  if (!RETRY_OPTION_LIBRARIES.includes(library as RetryOptionLibrary)) {
    throw new SettingsError(
      `${path}.retryOptions`,
      `expected the library whose retry options the wrapper takes, got ${describe(library)}`,
      `Use one of ${RETRY_OPTION_LIBRARIES.map(name => `"${name}"`).join(', ')}.`,
    );
  }
  ref.retryOptions = library as RetryOptionLibrary;
  if (value.optionsArg !== undefined) ref.optionsArg = readIndex(`${path}.optionsArg`, value.optionsArg, 0);
  if (value.defaults !== undefined) {
    const defaults = value.defaults;
    const allowed = RETRY_DEFAULT_KEYS[ref.retryOptions];
    if (!isRecord(defaults))
      throw new SettingsError(
        `${path}.defaults`,
        `expected an object of option values, got ${describe(defaults)}`,
        `For example { "${allowed[0]}": 3, "${allowed[3]}": 10000 }.`,
      );
    expectKeys(`${path}.defaults`, defaults, allowed);
    for (const [key, option] of Object.entries(defaults))
      if (typeof option !== 'number' && typeof option !== 'boolean' && typeof option !== 'string')
        throw new SettingsError(
          `${path}.defaults.${key}`,
          `expected a number, boolean or string, got ${describe(option)}`,
          'Write the value the wrapper passes to the library.',
        );
    ref.defaults = defaults as Record<string, number | boolean | string>;
  }
  return ref;
}

function readList<T>(path: string, value: unknown, read: (path: string, item: unknown) => T): T[] {
  if (value === undefined) return [];
  if (!Array.isArray(value))
    throw new SettingsError(path, `expected an array, got ${describe(value)}`, 'Wrap the entries in [ ].');
  return value.map((item, index) => read(`${path}[${index}]`, item));
}

const KEYS = [
  'clients',
  'timeoutWrappers',
  'sleepFunctions',
  'jitterFunctions',
  'retryWrappers',
  'concurrencyLimiters',
  'idempotencyHeaders',
  'idempotencyParams',
  'maxAttempts',
  'maxDelayMs',
  'resolveInstancesByType',
] as const;

const readRef = (path: string, value: unknown): FunctionRef => readFunctionRef(path, value);

/** Validates raw `settings.faultline`; throws a SettingsError naming the first bad entry. */
export function parseSettings(raw: unknown): FaultlineSettings {
  if (raw === undefined) return DEFAULTS;
  const root = 'settings.faultline';
  if (!isRecord(raw))
    throw new SettingsError(
      root,
      `expected an object, got ${describe(raw)}`,
      'See the README section "Teaching the rules about your code".',
    );
  expectKeys(root, raw, KEYS);
  return {
    clients: readList(`${root}.clients`, raw.clients, readClient),
    timeoutWrappers: readList(`${root}.timeoutWrappers`, raw.timeoutWrappers, readRef),
    sleepFunctions: readList(`${root}.sleepFunctions`, raw.sleepFunctions, readRef),
    jitterFunctions: readList(`${root}.jitterFunctions`, raw.jitterFunctions, readRef),
    retryWrappers: readList(`${root}.retryWrappers`, raw.retryWrappers, readRetryWrapper),
    concurrencyLimiters: readList(`${root}.concurrencyLimiters`, raw.concurrencyLimiters, readRef),
    idempotencyHeaders: readStringList(
      `${root}.idempotencyHeaders`,
      raw.idempotencyHeaders,
      DEFAULTS.idempotencyHeaders,
    ),
    idempotencyParams: readStringList(
      `${root}.idempotencyParams`,
      raw.idempotencyParams,
      DEFAULTS.idempotencyParams,
    ),
    maxAttempts: readPositive(`${root}.maxAttempts`, raw.maxAttempts, DEFAULTS.maxAttempts),
    maxDelayMs: readPositive(`${root}.maxDelayMs`, raw.maxDelayMs, DEFAULTS.maxDelayMs),
    resolveInstancesByType: readBoolean(`${root}.resolveInstancesByType`, raw.resolveInstancesByType),
  };
}

const cache = new WeakMap<object, FaultlineSettings>();

/** The parsed `settings.faultline` of a lint context, validated once per settings object. */
export function getSettings(settings: Readonly<Record<string, unknown>> | undefined): FaultlineSettings {
  const raw = settings?.faultline;
  if (raw === undefined) return DEFAULTS;
  if (typeof raw === 'object' && raw !== null) {
    const hit = cache.get(raw);
    if (hit) return hit;
    const parsed = parseSettings(raw);
    cache.set(raw, parsed);
    return parsed;
  }
  return parseSettings(raw);
}
