// The client catalog's vocabulary. Everything here is plain data: the ESLint rules build these
// shapes from ESTree nodes, and @faultline/core builds the same shapes from TypeScript nodes, so
// both halves of faultline judge a call with one body of knowledge.

/**
 * What the code shows about one value, reduced to what a bound check needs.
 * `at` fields carry the caller's node (ESTree or ts-morph) back out for reporting; the catalog
 * never looks inside them.
 */
export type Summary =
  | { kind: 'absent' }
  | { kind: 'opaque'; at?: unknown }
  | { kind: 'object'; props: Map<string, Prop>; hasSpread: boolean; at?: unknown }
  | { kind: 'number'; value: number; at?: unknown }
  | { kind: 'boolean'; value: boolean; at?: unknown }
  | { kind: 'null'; at?: unknown }
  | { kind: 'undefined'; at?: unknown }
  | { kind: 'string'; value: string; at?: unknown }
  /** An AbortSignal. `timed`: a timer aborts it (yes), nothing visible does (no), or it came from elsewhere. */
  | { kind: 'signal'; timed: 'yes' | 'no' | 'unknown'; at?: unknown }
  /** Present, but its value is not known statically (a member read, a call result, arithmetic…). */
  | { kind: 'value'; at?: unknown };

export interface Prop {
  value: Summary;
  /** The property node (key and value), for reports and fixes. */
  at?: unknown;
}

/** Where a call's options live, described so that each AST (ESTree, ts-morph) can locate them. */
export type Locator =
  /**
   * A fixed argument position. With `alone`, only when it is the only argument: more arguments are
   * a positional form that takes no options (`new OAuth2Client(clientId, clientSecret, redirectUri)`).
   */
  | { at: number; alone?: true }
  /** `axios(config)` / `axios(url, config)`, `got(opts)` / `got(url, opts)`. */
  | { configOrUrl: true }
  /** node:http `request(url?, options?, callback?)`: the first object literal, else an opaque options identifier. */
  | { httpArgs: true }
  /** ioredis `new Redis(port?, host?, options?)`: the last non-literal argument. */
  | { lastObject: true }
  /** gRPC stubs `(request, metadata?, options?, callback?)`: object arguments after the first. */
  | { grpcCall: true }
  /** superagent: a `.timeout(...)` call further along the method chain. */
  | { chain: 'timeout' }
  /** No options at all (the call has no way to carry a bound). */
  | { none: true };

/** Instance kinds: what a factory returns, and whose methods make remote calls. */
export type InstanceKind =
  | 'axios'
  | 'actions-http'
  | 'googleapis'
  | 'google-auth'
  | 'request'
  | 'minio'
  | 'postgres-js'
  | 'resend'
  | 'sendgrid'
  | 'got'
  | 'ky'
  | 'ofetch'
  | 'superagent-agent'
  | 'undici-dispatcher'
  | 'fetch-request'
  | 'pg'
  | 'pg-client'
  | 'pg-promise-lib'
  | 'pg-promise-db'
  | 'ioredis'
  | 'node-redis'
  | 'mongodb'
  | 'mongodb-db'
  | 'mongodb-collection'
  | 'mongoose-connection'
  | 'grpc-package'
  | 'grpc-client'
  | 'connect-client'
  | 'connect-callback-client'
  | 'connect-transport'
  | 'ssh2'
  | 'node-ssh'
  | 'solana'
  | 'aws-client'
  | 'octokit'
  | 'slack'
  | 'stripe'
  | 'openai'
  | 'twilio'
  | 'anthropic'
  | 'elasticsearch'
  | 'meilisearch'
  | 'keycloak'
  | 'simple-oauth2'
  | 'simple-oauth2-token'
  | 'supabase'
  | 'prisma'
  | 'sequelize'
  | 'typeorm'
  | 'mysql2'
  | 'knex'
  | 'drizzle'
  | 'graphql-request'
  | 'apollo'
  | 'jayson'
  | 'ethers'
  | 'viem'
  | 'viem-transport'
  | 'plaid'
  | 'plaid-configuration'
  | 'cockatiel-retry'
  | 'cockatiel-timeout'
  | 'retry-operation'
  | 'limiter'
  | 'redlock'
  | 'etcd'
  | 'consul'
  | 'zookeeper'
  | 'custom';

/** A client family: one library's notion of a bound, and where we report a missing one. */
export type FamilyId =
  | 'fetch'
  | 'actions-http'
  | 'axios'
  | 'got'
  | 'ky'
  | 'ofetch'
  | 'superagent'
  | 'undici'
  | 'http'
  | 'grpc'
  | 'connect'
  | 'ssh2'
  | 'ws'
  | 'solana'
  | 'aws'
  | 'pg'
  | 'ioredis'
  | 'node-redis'
  | 'mongodb'
  | 'octokit'
  | 'slack'
  | 'stripe'
  | 'openai'
  | 'twilio'
  | 'anthropic'
  | 'ai-sdk'
  | 'googleapis'
  | 'google-auth'
  | 'resend'
  | 'sendgrid'
  | 'request'
  | 'minio'
  | 'postgres-js'
  | 'elasticsearch'
  | 'meilisearch'
  | 'keycloak'
  | 'simple-oauth2'
  | 'supabase'
  | 'prisma'
  | 'sequelize'
  | 'typeorm'
  | 'mysql2'
  | 'knex'
  | 'drizzle'
  | 'graphql-request'
  | 'apollo'
  | 'jayson'
  | 'ethers'
  | 'viem'
  | 'plaid'
  | 'custom';

/** What a member of a module or an instance does when called (or constructed with `new`). */
export type Role =
  /** Performs I/O with another process. */
  | { role: 'call'; family: FamilyId; options: Locator; method?: string }
  /** Returns an instance whose methods are remote calls; its options become the instance's defaults. */
  | {
      role: 'factory';
      instance: InstanceKind;
      family: FamilyId;
      options: Locator;
      inheritsFrom?: 'callee' | 'arg0' | 'arg1';
    }
  /** Returns a plain object whose properties are further namespaces/constructors (gRPC packages). */
  | { role: 'namespace'; instance: InstanceKind }
  /** Returns what its receiver is (`Octokit.plugin(…)` is still an Octokit class). */
  | { role: 'alias' }
  /** Runs `fnArg` now, retrying it: `pRetry(fn, opts)`. Without `fnArg` it configures retries of an instance (`axiosRetry(client, opts)`). */
  | { role: 'retry'; library: RetryLibrary; fnArg?: number; options: Locator }
  /** Builds a reusable policy (cockatiel `retry(…)`, `pLimit(n)`, `new Bottleneck(…)`); its `run` members take the work. */
  | { role: 'policy'; instance: InstanceKind; library: string; options: Locator }
  /** Runs the function at `fnArg` under the receiver policy (`policy.execute(fn)`, `limit(fn)`, `queue.add(fn)`). */
  | { role: 'run'; fnArg: number }
  /**
   * Maps a collection: with a concurrency option (`pMap(xs, fn, { concurrency })`, unlimited when it
   * is missing), with the bound built in (`async.mapLimit`), or with none at all (`async.map`).
   */
  | { role: 'mapLimited'; fnArg: number; options?: Locator; concurrencyKey?: string; unlimited?: boolean }
  /** Coordinates servers: a distributed lock, a leader election, or two-phase commit. */
  | { role: 'coordination'; kind: CoordinationKind; check: string }
  /** Waits: `setTimeout(ms)` from node:timers/promises, the `delay` package. */
  | { role: 'sleep'; arg: number };

export type RetryLibrary =
  'p-retry' | 'async-retry' | 'exponential-backoff' | 'axios-retry' | 'cockatiel' | 'node-retry' | 'custom';
export type CoordinationKind = 'lock' | 'election' | 'two-phase-commit';

export type MemberTable = Readonly<Record<string, Role>>;

/** Member tables of an instance kind; `*` matches any one member not listed in `except`. */
export interface InstanceTable {
  members: MemberTable;
  any?: Role;
  /** How many members deep `any` reaches: SDKs nest resources (`stripe.customers.create`). Default 1. */
  anyDepth?: number;
  /**
   * First members that `any` does not match (event emitter methods, configuration, builders). In a
   * table without `any`, members that send nothing (a URL built locally): a client used only
   * through them sends nothing.
   */
  except?: readonly string[];
  /** Members that read one page of a list the server caps (`stripe.customers.list()`). */
  pages?: ListPages;
}

/**
 * List reads of an SDK that return one page, whose size the server caps: `list(params)` answers
 * at most `max` items, `default` when the params do not set `sizeKey`. Only the items key of the
 * awaited answer is that page: what a method called on the list's promise returns
 * (`list().autoPagingToArray()`), or the promise iterated as it is, may be every page.
 */
export interface ListPages {
  /** The last member of the call, and the argument its params are at (`list(params)`, `listLineItems(id, params)`). */
  methods: readonly { name: RegExp; paramsAt: number }[];
  /** How many members the path has at least (`stripe.customers.list`: a resource, then the method). */
  minDepth: number;
  /** First members under which lists follow other rules (Stripe's `v2` API pages differently). */
  notUnder?: readonly string[];
  sizeKey: string;
  default: number;
  max: number;
  /** The member read on the awaited answer that holds the page's items (`data`). */
  itemsKey: string;
  /**
   * Modules whose types name the API's objects (`Stripe.Subscription` from `stripe`): a list
   * embedded in such an object (`subscription.items.data`, an expanded `customer.subscriptions`)
   * is sent one page at a time too, so its items key holds at most `max` items.
   */
  typesFrom?: readonly string[];
}

/**
 * The verdict of a bound check. `at` is the node to report on, when not the call itself; `fix`,
 * the family's fix worded for the versions the project declares, when that differs from `Family.fix`.
 */
export type Verdict =
  | { status: 'bounded' }
  | { status: 'unknown' }
  /**
   * `limitation`: why no option where the client is made can bound its calls (overrides the
   * family's). `dispatcher`: the call's own undici dispatcher does not bound it: why, and what a call that is
   * never answered then does, as clauses for messages ("its dispatcher’s `headersTimeout: 0` turns
   * that timeout off", "hangs forever"). `fix`: the fix worded for the client version the project has.
   */
  | {
      status: 'missing';
      detail?: string;
      limitation?: string;
      dispatcher?: { why: string; hang: string };
      fix?: string;
    }
  | { status: 'none'; key: string; value: string; at?: unknown; fix?: string }
  /** `note`: what the advice depends on, as the end of a sentence, when the version is not known. */
  | { status: 'doesNotAbort'; key: string; at?: unknown; how: 'http' | 'aws'; note?: string }
  /** `at`: the `signal` property; `value`: its value node (what a fix replaces). */
  | { status: 'untimedSignal'; at?: unknown; value?: unknown }
  /** The option looks like a bound but the library ignores it (mongodb `timeoutMS`, Octokit `request.timeout`). */
  | { status: 'ignored'; key: string; at?: unknown; fix?: string };

export interface Family {
  id: FamilyId;
  /** Human name used in messages. */
  label: string;
  /** Report a missing bound at each call, or once where the client is constructed. */
  reportAt: 'call' | 'construction';
  /** The fix, as the end of a sentence: "Pass `signal: AbortSignal.timeout(ms)` in the init." */
  fix: string;
  /**
   * What a call with no deadline does when the server stops answering, as the end of a sentence
   * ("this call … hangs forever"), when the library's own defaults make that untrue.
   */
  hang?: string;
  /** Which autofix suggestion applies. */
  suggestion?: 'signal' | 'timeout' | 'got-timeout';
  /**
   * Set when the library has no option where the client is made that bounds its calls (mysql2
   * has only a per-query `timeout`): why, as a clause for messages. A client of such a family is
   * reported where it is made unless every visible call carries its own bound, and the message
   * says what to do instead of naming a missing option.
   */
  limitation?: string;
  /**
   * The first argument where the client is made may be a connection string whose parameters carry
   * the bound (`new MongoClient('mongodb://…?socketTimeoutMS=…')`): readers hand it to the decision.
   */
  connectionString?: boolean;
  /**
   * The packages whose declared version the decision and the fix read (`VersionFacts.declared`,
   * `packageMajor`), for a library whose defaults or options changed between versions
   * (@elastic/elasticsearch dropped its 30 s default in 9; node-redis 4 has no `socketTimeout`).
   * The first one the nearest package.json lists counts; a name ending in `*` matches by prefix
   * (`@aws-sdk/client-*`), the client's own module first.
   */
  versionPackages?: readonly string[];
  /**
   * A package, usually not declared by the project, whose installed versions decide which options
   * exist: the reader hands the versions the project's lockfile resolves (`VersionFacts.locked`).
   */
  lockedPackage?: string;
  /**
   * Its calls answer through callbacks or events (`https.get(url, onResponse)`, ssh2's `ready`,
   * a gRPC unary call's callback), not only through a promise: a call written as a statement of its
   * own is still waited for by its listeners.
   */
  answersByEvents?: boolean;
  /**
   * Modules of a family that answers through events whose calls answer through a promise instead
   * (request-promise over request): a call of theirs written as a statement of its own is dropped.
   */
  promiseModules?: readonly string[];
  /**
   * Its calls answer on the request object they return (node:http's ClientRequest, through its
   * `response` event) or through the callback they are handed: a request whose value is thrown away
   * with no callback (`await https.get(url);`: a ClientRequest is not a promise) is heard by nobody.
   */
  answersOnRequest?: boolean;
}
