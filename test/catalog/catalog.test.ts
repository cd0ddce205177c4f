// @faultline/catalog on its own: its decisions over plain facts, its declared-type table, and
// the promises the package makes (no dependencies; the plugin's load path stays light).
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

import {
  type CallFacts,
  type Summary,
  FAMILIES,
  SettingsError,
  canonicalModule,
  customInstanceRole,
  customModuleRole,
  decideBackoff,
  decideJobRetry,
  decideClientDeadline,
  decideDeadline,
  decideRetryOptions,
  decideRetryWrapper,
  dispatcherBoundsResponses,
  instanceOfDeclaredType,
  isAutoPipelinedCommand,
  listPageOf,
  lookupInstanceMember,
  familyFix,
  majorOfRange,
  rangeIsAtLeast,
  spanOfRange,
  versionsAreAtLeast,
  makesAutoPipeliningClient,
  ormRunsEmbedded,
  pageItemsAtMost,
  parseSettings,
} from '@faultline/catalog';
import { describe, expect, it } from 'vitest';

const ROOT = path.join(import.meta.dirname, '../..');
const ABSENT: Summary = { kind: 'absent' };
const object = (entries: Record<string, Summary>, hasSpread = false): Summary => ({
  kind: 'object',
  props: new Map(Object.entries(entries).map(([key, value]) => [key, { value }])),
  hasSpread,
});
const num = (value: number): Summary => ({ kind: 'number', value });

function facts(partial: Partial<CallFacts> & Pick<CallFacts, 'family'>): CallFacts {
  return {
    callee: { kind: 'unknown' },
    options: ABSENT,
    instance: [],
    wrappedByTimeout: false,
    ...partial,
  };
}

describe('decideDeadline', () => {
  it('reports a fetch without a signal as missing', () => {
    expect(decideDeadline(facts({ family: 'fetch' }))).toEqual({ status: 'missing' });
  });

  it('counts a timeout wrapper around a call that has no deadline of its own', () => {
    expect(decideDeadline(facts({ family: 'fetch', wrappedByTimeout: true }))).toEqual({ status: 'bounded' });
  });

  it('takes the instance layers into account, innermost last', () => {
    const verdict = decideDeadline(
      facts({ family: 'axios', instance: [object({ timeout: num(0) }), object({ timeout: num(5000) })] }),
    );
    expect(verdict).toEqual({ status: 'bounded' });
  });

  it('judges a construction-level call by its client, unless the call carries its own bound', () => {
    const client = {
      family: 'aws' as const,
      options: object({ region: { kind: 'string', value: 'eu-west-1' } }),
    };
    expect(decideDeadline(facts({ family: 'aws', client }))).toEqual({
      status: 'missing',
      detail: '`requestHandler` timeouts',
    });
    const perCall = object({ abortSignal: { kind: 'signal', timed: 'yes' } });
    expect(decideDeadline(facts({ family: 'aws', client, options: perCall }))).toEqual({ status: 'bounded' });
  });

  it('calls a construction-level call unknown when the client is not visible', () => {
    expect(decideDeadline(facts({ family: 'pg' }))).toEqual({ status: 'unknown' });
  });

  it('reports only explicit none values for a custom client bounded by default', () => {
    const custom = { keys: ['timeoutMs'], boundedByDefault: true };
    expect(decideDeadline(facts({ family: 'custom', custom }))).toEqual({ status: 'bounded' });
    expect(
      decideDeadline(facts({ family: 'custom', custom, options: object({ timeoutMs: num(0) }) })),
    ).toMatchObject({
      status: 'none',
      key: 'timeoutMs',
      value: '0',
    });
  });

  it('judges superagent by the .timeout() the reader saw on the chain', () => {
    expect(decideDeadline(facts({ family: 'superagent', chainTimeout: true }))).toEqual({
      status: 'bounded',
    });
    expect(decideDeadline(facts({ family: 'superagent', chainTimeout: false }))).toEqual({
      status: 'missing',
    });
  });
});

describe('a fetch handed its own undici dispatcher', () => {
  const fetchWith = (made: string | undefined, options: Summary, init: Summary = ABSENT) =>
    decideDeadline(
      facts({ family: 'fetch', options: init, dispatcher: made ? { made, options } : { options } }),
    );

  it('bounds it exactly when the process-wide dispatcher with the same settings would', () => {
    const settings: [number | undefined, number | undefined][] = [
      [10_000, 10_000],
      [0, 10_000],
      [10_000, undefined],
      [600_000, 10_000],
      [299_999, 299_999],
      [300_000, 10_000],
    ];
    for (const [headersTimeout, bodyTimeout] of settings) {
      const options = object({
        ...(headersTimeout === undefined ? {} : { headersTimeout: num(headersTimeout) }),
        ...(bodyTimeout === undefined ? {} : { bodyTimeout: num(bodyTimeout) }),
      });
      const perRequest = fetchWith('Agent', options).status === 'bounded';
      expect(perRequest, `${headersTimeout}/${bodyTimeout}`).toBe(
        dispatcherBoundsResponses('Agent', headersTimeout, bodyTimeout),
      );
    }
  });

  it('says why a dispatcher is no deadline: a timeout turned off, left at the default, or looser', () => {
    expect(fetchWith('Agent', object({ headersTimeout: num(10_000), bodyTimeout: num(0) }))).toEqual({
      status: 'missing',
      dispatcher: { why: 'its dispatcher’s `bodyTimeout: 0` turns that timeout off', hang: 'hangs forever' },
    });
    expect(fetchWith('ProxyAgent', { kind: 'string', value: 'http://proxy:8080' })).toEqual({
      status: 'missing',
      dispatcher: {
        why: 'its dispatcher leaves `headersTimeout` at undici’s 300 s default',
        hang: 'waits 5 minutes or more',
      },
    });
    expect(fetchWith('Agent', object({ headersTimeout: num(5000), bodyTimeout: num(900_000) }))).toEqual({
      status: 'missing',
      dispatcher: {
        why: 'its dispatcher’s `bodyTimeout: 900000` is no tighter than undici’s 300 s default',
        hang: 'waits at least that long',
      },
    });
  });

  it('calls a dispatcher it cannot see, or timeouts it cannot read, unknown, like options it cannot see into', () => {
    expect(fetchWith(undefined, { kind: 'opaque' })).toEqual({ status: 'unknown' });
    expect(fetchWith('Agent', object({ headersTimeout: { kind: 'value' }, bodyTimeout: num(5000) }))).toEqual(
      {
        status: 'unknown',
      },
    );
    expect(fetchWith('Agent', object({ headersTimeout: num(5000) }, true))).toEqual({ status: 'unknown' });
    // An init with a spread may hold a signal.
    const spread = object({}, true);
    expect(fetchWith('Agent', object({ headersTimeout: num(0) }), spread)).toEqual({ status: 'unknown' });
  });

  it('judges the dispatcher instead of the process-wide one', () => {
    const loose = { made: 'Agent', options: object({ headersTimeout: num(0), bodyTimeout: num(0) }) };
    expect(
      decideDeadline(facts({ family: 'fetch', dispatcher: loose, processDispatcher: true })).status,
    ).toBe('missing');
  });
});

describe('decideClientDeadline', () => {
  it('leaves an ioredis client made for BullMQ (maxRetriesPerRequest null) to BullMQ, and asks others for commandTimeout', () => {
    const bullmq = decideClientDeadline({
      family: 'ioredis',
      options: object({ maxRetriesPerRequest: { kind: 'null' } }),
    });
    expect(bullmq.map(verdict => verdict.status)).toEqual(['unknown']);
    const plain = decideClientDeadline({
      family: 'ioredis',
      options: object({ maxRetriesPerRequest: { kind: 'number', value: 3 } }),
    });
    expect(plain.map(verdict => verdict.status)).toEqual(['missing']);
  });

  it('counts a client whose every visible call passes its own bound', () => {
    const timed = object({ abortSignal: { kind: 'signal', timed: 'yes' } });
    expect(decideClientDeadline({ family: 'aws', options: ABSENT, perCallOptions: [timed, timed] })).toEqual([
      { status: 'bounded' },
    ]);
    expect(
      decideClientDeadline({ family: 'aws', options: ABSENT, perCallOptions: [timed, ABSENT] })[0]?.status,
    ).toBe('missing');
  });

  it('judges Prisma by a literal datasource URL and leaves the usual env URL unknown', () => {
    expect(decideClientDeadline({ family: 'prisma', options: ABSENT })).toEqual([{ status: 'unknown' }]);
    const url = (value: string): Summary => object({ datasourceUrl: { kind: 'string', value } });
    expect(
      decideClientDeadline({ family: 'prisma', options: url('postgres://db/app?socket_timeout=10') }),
    ).toEqual([{ status: 'bounded' }]);
    expect(decideClientDeadline({ family: 'prisma', options: url('postgres://db/app') })[0]?.status).toBe(
      'missing',
    );
  });
});

describe('SQL, GraphQL, JSON-RPC, blockchain and finance families', () => {
  const str = (value: string): Summary => ({ kind: 'string', value });

  it('says a mysql2 client cannot take a client-wide bound, unless every visible query passes one', () => {
    const limitation =
      'mysql2 has no connection- or pool-wide query timeout (`connectTimeout` bounds only connecting)';
    expect(
      decideClientDeadline({ family: 'mysql2', options: object({ connectTimeout: num(5000) }) }),
    ).toEqual([{ status: 'missing', limitation }]);
    // Even options faultline cannot see into hold no query bound: mysql2 has no such option.
    expect(decideClientDeadline({ family: 'mysql2', options: { kind: 'opaque' } })[0]?.status).toBe(
      'missing',
    );
    const timed = object({ sql: str('SELECT 1'), timeout: num(2000) });
    expect(decideClientDeadline({ family: 'mysql2', options: ABSENT, perCallOptions: [timed] })).toEqual([
      { status: 'bounded' },
    ]);
  });

  it('judges knex by its dialect: PostgreSQL by the connection, MySQL never, SQLite always', () => {
    const knex = (client: string, connection?: Summary): Summary =>
      object(connection ? { client: str(client), connection } : { client: str(client) });
    const decide = (options: Summary) => decideClientDeadline({ family: 'knex', options })[0];
    expect(decide(knex('pg', object({ host: str('db'), statement_timeout: num(5000) })))).toEqual({
      status: 'bounded',
    });
    expect(decide(knex('postgresql', object({ host: str('db') })))?.status).toBe('missing');
    expect(decide(knex('pg', object({ query_timeout: num(0) })))?.status).toBe('none');
    expect(decide(knex('pg', str('postgres://db/app?statement_timeout=5000')))?.status).toBe('bounded');
    // `config.db`, a function: the connection may hold the bound.
    expect(decide(knex('pg', { kind: 'value' }))?.status).toBe('unknown');
    expect(decide(knex('mysql2', object({ host: str('db') })))).toEqual({
      status: 'missing',
      limitation: 'knex’s MySQL dialects have no connection-wide query timeout',
    });
    expect(decide(knex('better-sqlite3'))?.status).toBe('bounded');
    // No connection: knex only builds SQL text for another client to run.
    expect(decide(knex('pg'))).toEqual({ status: 'bounded' });
    expect(decide(knex('oracledb', object({})))).toEqual({ status: 'unknown' });
    expect(decide({ kind: 'opaque' })).toEqual({ status: 'unknown' });
  });

  it('counts knex’s .timeout(ms) along the query chain as the query’s own bound', () => {
    const client = {
      family: 'knex' as const,
      options: object({ client: str('pg'), connection: object({}) }),
    };
    expect(decideDeadline(facts({ family: 'knex', client, chainTimeout: false }))?.status).toBe('missing');
    expect(decideDeadline(facts({ family: 'knex', client, chainTimeout: true }))).toEqual({
      status: 'bounded',
    });
  });

  it('judges drizzle only when it makes the driver itself', () => {
    const decide = (options: Summary) => decideClientDeadline({ family: 'drizzle', options })[0];
    expect(decide({ kind: 'opaque' })).toEqual({ status: 'unknown' });
    expect(decide(object({ client: { kind: 'value' } }))).toEqual({ status: 'unknown' });
    expect(decide(str('postgres://db/app'))?.status).toBe('missing');
    expect(decide(str('postgres://db/app?statement_timeout=5000'))).toEqual({ status: 'bounded' });
    expect(decide(object({ connection: object({ uri: str('mysql://db/app') }) }))).toMatchObject({
      status: 'missing',
      limitation: expect.stringContaining('mysql2'),
    });
  });

  it('judges graphql-request calls by a timed signal, per call or in the client config', () => {
    const signal = (timed: 'yes' | 'no'): Summary => ({ kind: 'signal', timed });
    const decide = (options: Summary, instance: Summary[] = [ABSENT]) =>
      decideDeadline(facts({ family: 'graphql-request', options, instance }));
    expect(decide(str('query { a }'))).toEqual({ status: 'missing' });
    expect(decide(object({ document: str('query { a }'), signal: signal('yes') }))).toEqual({
      status: 'bounded',
    });
    expect(decide(object({ document: str('query { a }'), signal: signal('no') }))?.status).toBe(
      'untimedSignal',
    );
    expect(decide(str('query { a }'), [object({ signal: signal('yes') })])).toEqual({ status: 'bounded' });
    expect(decide(str('query { a }'), [object({ fetch: { kind: 'value' } })])).toEqual({ status: 'unknown' });
    expect(decide({ kind: 'opaque' })).toEqual({ status: 'unknown' });
  });

  it('reports an Apollo Client made from a uri, and leaves a link chain alone', () => {
    const decide = (options: Summary) => decideClientDeadline({ family: 'apollo', options })[0];
    expect(decide(object({ uri: str('https://api/graphql') }))).toEqual({
      status: 'missing',
      detail: '`link`',
    });
    expect(decide(object({ link: { kind: 'value' } }))).toEqual({ status: 'unknown' });
  });

  it('judges jayson by `timeout` in the HTTP client options', () => {
    const decide = (options: Summary) => decideClientDeadline({ family: 'jayson', options })[0];
    expect(decide(str('http://rpc.internal:8545'))?.status).toBe('missing');
    expect(decide(object({ host: str('rpc'), timeout: num(5000) }))).toEqual({ status: 'bounded' });
    expect(decide(object({ host: str('rpc'), timeout: num(0) }))?.status).toBe('none');
    expect(decide(object({ host: str('rpc') }, true))).toEqual({ status: 'unknown' });
  });

  it('never reports ethers, and viem only for a transport timeout of 0 or less', () => {
    expect(decideClientDeadline({ family: 'ethers', options: object({ timeout: num(0) }) })).toEqual([
      { status: 'bounded' },
    ]);
    expect(decideClientDeadline({ family: 'viem', options: ABSENT })).toEqual([{ status: 'bounded' }]);
    expect(decideClientDeadline({ family: 'viem', options: object({ timeout: num(0) }) })[0]?.status).toBe(
      'none',
    );
    expect(decideClientDeadline({ family: 'viem', options: object({ timeout: num(20_000) }) })).toEqual([
      { status: 'bounded' },
    ]);
  });

  it('judges Plaid by baseOptions.timeout with axios’s none values', () => {
    const decide = (options: Summary) => decideClientDeadline({ family: 'plaid', options })[0];
    expect(decide(object({ basePath: str('https://sandbox.plaid.com') }))?.status).toBe('missing');
    expect(decide(object({ baseOptions: object({ timeout: num(10_000) }) }))).toEqual({ status: 'bounded' });
    expect(decide(object({ baseOptions: object({ timeout: num(0) }) }))?.status).toBe('none');
    expect(decide({ kind: 'opaque' })).toEqual({ status: 'unknown' });
  });

  it('knows the new clients by their module members and declared types', () => {
    expect(lookupInstanceMember('knex', ['raw'])).toMatchObject({ role: 'call', family: 'knex' });
    expect(lookupInstanceMember('knex', ['destroy'])).toBeUndefined();
    expect(lookupInstanceMember('mysql2', ['end'])).toBeUndefined();
    expect(lookupInstanceMember('drizzle', ['select'])).toBeUndefined();
    expect(instanceOfDeclaredType('mysql2/promise', ['Pool'])).toEqual({
      instance: 'mysql2',
      family: 'mysql2',
    });
    expect(instanceOfDeclaredType('knex', ['Knex'])).toEqual({ instance: 'knex', family: 'knex' });
    expect(instanceOfDeclaredType('graphql-request', ['GraphQLClient'])).toEqual({
      instance: 'graphql-request',
      family: 'graphql-request',
    });
  });
});

describe('decideBackoff and decideRetryOptions', () => {
  it('reports a growing, uncapped, unjittered wait once, saying both', () => {
    expect(
      decideBackoff({
        delay: 'growing',
        exponential: true,
        capped: false,
        jitter: false,
        staysUnderCap: false,
        bounded: true,
      }),
    ).toEqual([{ problem: 'uncappedBackoff', noJitterToo: true }]);
  });

  it('says how long an uncapped wait grows when the retry’s own bound lets the reader compute it', () => {
    const schedule = {
      delay: 'growing',
      exponential: true,
      capped: false,
      jitter: true,
      staysUnderCap: false,
      bounded: true,
      longestWaitMs: 60_000,
    } as const;
    expect(decideBackoff(schedule)).toEqual([
      { problem: 'uncappedBackoff', noJitterToo: false, longestMs: 60_000 },
    ]);
    // Under the cap: only a missing jitter would be reported.
    expect(decideBackoff({ ...schedule, staysUnderCap: true, longestWaitMs: 2000 })).toEqual([]);
  });

  it('asks a logged unbounded retry for a bound only when its wait is short and not itself reported', () => {
    const reconnect = {
      delay: 'growing',
      exponential: true,
      capped: true,
      jitter: true,
      staysUnderCap: false,
      bounded: false,
    } as const;
    // Exponential to a cap, logged: patient.
    expect(decideBackoff({ ...reconnect, reportsFailure: true })).toEqual([]);
    // Silent: unbounded, whatever the wait.
    expect(decideBackoff(reconnect)).toEqual([{ problem: 'unboundedRetry', why: '' }]);
    expect(decideBackoff({ ...reconnect, delay: 'constant', jitter: false }).map(f => f.problem)).toEqual([
      'constantDelay',
      'unboundedRetry',
    ]);
    // Logged, its wait reported as uncapped or constant: the fix asked for (capped exponential
    // backoff with jitter) makes it patient, so no bound is asked for as well.
    expect(decideBackoff({ ...reconnect, capped: false, reportsFailure: true }).map(f => f.problem)).toEqual([
      'uncappedBackoff',
    ]);
    expect(
      decideBackoff({ ...reconnect, delay: 'constant', jitter: false, reportsFailure: true }).map(
        f => f.problem,
      ),
    ).toEqual(['constantDelay']);
    // Logged, but a short jittered constant wait or a linear one nobody asks to change: a bound is
    // still asked for (it may hammer the service every few milliseconds for ever).
    expect(decideBackoff({ ...reconnect, delay: 'constant', reportsFailure: true })).toEqual([
      { problem: 'unboundedRetry', why: '' },
    ]);
    expect(decideBackoff({ ...reconnect, exponential: false, reportsFailure: true })).toEqual([
      { problem: 'unboundedRetry', why: '' },
    ]);
    // A constant wait as long as a capped backoff's longest, jittered and logged: patient.
    expect(decideBackoff({ ...reconnect, delay: 'constant', longWait: true, reportsFailure: true })).toEqual(
      [],
    );
    // No wait at all, or a wait the reader cannot judge: a bound is still asked for.
    expect(decideBackoff({ ...reconnect, delay: 'none', reportsFailure: true }).map(f => f.problem)).toEqual([
      'noDelay',
      'unboundedRetry',
    ]);
    expect(decideBackoff({ ...reconnect, delay: 'unknown', reportsFailure: true })).toEqual([
      { problem: 'unboundedRetry', why: '' },
    ]);
    expect(decideBackoff({ ...reconnect, delay: 'constant', bounded: true, attempts: 3 })).toEqual([]);
    // A wait a backoff helper computes, unseen: patient when the failures are logged, not otherwise.
    const helper = { ...reconnect, delay: 'unknown', backoffHelper: true } as const;
    expect(decideBackoff({ ...helper, reportsFailure: true })).toEqual([]);
    expect(decideBackoff(helper)).toEqual([{ problem: 'unboundedRetry', why: '' }]);
  });

  it('judges job queue retry options by their real defaults', () => {
    const fixed = object({
      attempts: num(5),
      backoff: object({ type: { kind: 'string', value: 'fixed' }, delay: num(100) }),
    });
    expect(decideJobRetry('bullmq', fixed).map(f => f.problem)).toEqual(['constantDelay']);
    expect(decideJobRetry('bullmq', object({ attempts: num(5) })).map(f => f.problem)).toEqual(['noDelay']);
    expect(decideJobRetry('bullmq', object({ attempts: num(1) }))).toEqual([]);
    const exponential = object({
      attempts: num(9),
      backoff: object({ type: { kind: 'string', value: 'exponential' }, delay: num(100) }),
    });
    expect(decideJobRetry('bullmq', exponential)).toEqual([]);
    expect(decideJobRetry('pg-boss', object({ retryLimit: num(3) })).map(f => f.problem)).toEqual([
      'noDelay',
    ]);
    expect(
      decideJobRetry('pg-boss', object({ retryLimit: num(3), retryDelay: num(5) })).map(f => f.problem),
    ).toEqual(['constantDelay']);
    expect(
      decideJobRetry(
        'pg-boss',
        object({ retryLimit: num(3), retryDelay: num(5), retryBackoff: { kind: 'boolean', value: true } }),
      ),
    ).toEqual([]);
  });

  it('reads the major version a dependency range pins, and none from a range that names none', () => {
    const majors = ['^8.12.0', '~7.17.14', '8.x', '>=7 <9', '9', 'npm:@elastic/elasticsearch@^8.1.0'].map(
      majorOfRange,
    );
    expect(majors).toEqual([8, 7, 8, 7, 9, 8]);
    for (const range of ['*', 'latest', 'workspace:*', 'catalog:', 'file:../search', 'github:elastic/x'])
      expect(majorOfRange(range)).toBeUndefined();
  });

  it('reads the versions a dependency range admits, with its ceiling when it has one', () => {
    expect(spanOfRange('^4.2.0')).toEqual({ lowest: [4, 2, 0], below: [5, 0, 0] });
    expect(spanOfRange('~3.500.1')).toEqual({ lowest: [3, 500, 1], below: [3, 501, 0] });
    expect(spanOfRange('^0.21.1')).toEqual({ lowest: [0, 21, 1], below: [0, 22, 0] });
    expect(spanOfRange('3.490.0')).toEqual({ lowest: [3, 490, 0], below: [3, 490, 1] });
    expect(spanOfRange('>=4.4.0')).toEqual({ lowest: [4, 4, 0] });
    expect(spanOfRange('>= 4 < 5.1')).toEqual({ lowest: [4, 0, 0], below: [5, 1, 0] });
    expect(spanOfRange('4.x')).toEqual({ lowest: [4, 0, 0], below: [5, 0, 0] });
    expect(spanOfRange('^4 || ^5.1.0')).toEqual({ lowest: [4, 0, 0], below: [6, 0, 0] });
    expect(spanOfRange('npm:@redis/client@^1.6.0')).toEqual({ lowest: [1, 6, 0], below: [2, 0, 0] });
    for (const range of ['*', 'latest', 'workspace:^4.0.0', 'catalog:', 'file:../redis'])
      expect(spanOfRange(range)).toBeUndefined();
  });

  it('says whether every version a range or a lockfile admits is at least a version, and undefined when they straddle it', () => {
    expect([rangeIsAtLeast('^3.940.0', [3, 910, 0]), rangeIsAtLeast('~3.500.0', [3, 723, 0])]).toEqual([
      true,
      false,
    ]);
    expect(rangeIsAtLeast('^3.750.0', [3, 910, 0])).toBeUndefined();
    expect(rangeIsAtLeast('^4.7.0', [5, 1, 0])).toBe(false);
    expect([
      versionsAreAtLeast(['4.4.5'], [4, 4, 0]),
      versionsAreAtLeast(['2.0.5', '4.0.3'], [4, 4, 0]),
    ]).toEqual([true, false]);
    expect(versionsAreAtLeast(['2.0.5', '4.4.1'], [4, 4, 0])).toBeUndefined();
  });

  it('words a fix for the declared versions, and keeps the family’s fix when they say nothing', () => {
    expect(familyFix('node-redis')).toBe(FAMILIES['node-redis'].fix);
    expect(familyFix('node-redis', { declared: { pkg: 'redis', range: '^5.8.2' } })).toBe(
      FAMILIES['node-redis'].fix,
    );
    expect(familyFix('node-redis', { declared: { pkg: '@redis/client', range: '^1.6.0' } })).toMatch(
      /^race each command against a timer .* upgrade to node-redis 5\.1 or later/,
    );
    expect(familyFix('aws')).toBe(FAMILIES.aws.fix);
    expect(familyFix('aws', { locked: ['2.0.5'] })).not.toContain('throwOnRequestTimeout');
    expect(familyFix('aws', { declared: { pkg: '@aws-sdk/client-s3', range: '^3.940.0' } })).toContain(
      'throwOnRequestTimeout: true }`, or pass',
    );
  });

  it('judges an Elasticsearch client without requestTimeout by the declared major (30 s default before 9)', () => {
    const options: Summary = { kind: 'object', props: new Map(), hasSpread: false };
    const decide = (packageMajor?: number) =>
      decideClientDeadline({
        family: 'elasticsearch',
        options,
        ...(packageMajor === undefined ? {} : { packageMajor }),
      })[0]?.status;
    expect([decide(7), decide(8), decide(9), decide()]).toEqual(['bounded', 'bounded', 'missing', 'missing']);
  });

  it('accepts a single re-attempt, at once or not', () => {
    const once = {
      exponential: false,
      capped: false,
      jitter: false,
      staysUnderCap: false,
      bounded: true,
      attempts: 2,
    };
    expect(decideBackoff({ ...once, delay: 'constant' })).toEqual([]);
    expect(decideBackoff({ ...once, delay: 'none' })).toEqual([]);
    expect(decideBackoff({ ...once, delay: 'none', attempts: 3 })).toEqual([{ problem: 'noDelay' }]);
    expect(decideBackoff({ ...once, delay: 'constant', attempts: 3 })).toEqual([
      { problem: 'constantDelay' },
    ]);
  });

  it('reports p-retry defaults (1 s doubling, uncapped, 11 attempts) as uncapped and unjittered', () => {
    const findings = decideRetryOptions('p-retry', ABSENT, 'anchor', { maxAttempts: 10, maxDelayMs: 30_000 });
    expect(findings).toEqual([
      {
        problem: 'uncappedBackoff',
        at: 'anchor',
        noJitterToo: true,
        longestMs: 512_000,
        capKey: 'maxTimeout',
      },
    ]);
  });

  it('reads exponential-backoff as waiting startingDelay before its second attempt, unless delayFirstAttempt', () => {
    const limits = { maxAttempts: 10, maxDelayMs: 30_000 };
    // Ten attempts of 100 ms doubling: nine waits, the last 25.6 s (under the cap); no jitter by default.
    expect(decideRetryOptions('exponential-backoff', ABSENT, 'anchor', limits)).toEqual([
      { problem: 'noJitter', at: 'anchor' },
    ]);
    // Waiting before the first attempt too, the tenth waits 51.2 s.
    expect(
      decideRetryOptions(
        'exponential-backoff',
        object({ delayFirstAttempt: { kind: 'boolean', value: true } }),
        'anchor',
        limits,
      ),
    ).toEqual([
      { problem: 'uncappedBackoff', at: 'anchor', noJitterToo: true, longestMs: 51_200, capKey: 'maxDelay' },
    ]);
  });

  it('accepts exponential-backoff options with a cap and full jitter', () => {
    const options = object({
      numOfAttempts: num(5),
      startingDelay: num(100),
      maxDelay: num(5000),
      jitter: { kind: 'string', value: 'full' },
    });
    expect(
      decideRetryOptions('exponential-backoff', options, 'anchor', { maxAttempts: 10, maxDelayMs: 30_000 }),
    ).toEqual([]);
  });
});

describe('declared types', () => {
  it('knows type-only client names and client classes used as types', () => {
    expect(instanceOfDeclaredType('axios', ['AxiosInstance'])).toEqual({
      instance: 'axios',
      family: 'axios',
    });
    expect(instanceOfDeclaredType('ioredis', ['Redis'])).toEqual({ instance: 'ioredis', family: 'ioredis' });
    expect(instanceOfDeclaredType('ioredis', [])).toEqual({ instance: 'ioredis', family: 'ioredis' });
    expect(instanceOfDeclaredType('@aws-sdk/client-s3', ['S3Client'])).toEqual({
      instance: 'aws-client',
      family: 'aws',
    });
    expect(instanceOfDeclaredType('@prisma/client', ['PrismaClient'])).toEqual({
      instance: 'prisma',
      family: 'prisma',
    });
    expect(instanceOfDeclaredType('@nestjs/axios', ['HttpService'])).toEqual({
      instance: 'axios',
      family: 'axios',
    });
    expect(instanceOfDeclaredType('@aws-sdk/client-s3', ['GetObjectCommand'])).toBeUndefined();
    expect(instanceOfDeclaredType('axios', ['AxiosRequestConfig'])).toBeUndefined();
  });

  it('treats closing a Redis connection as no remote call', () => {
    expect(lookupInstanceMember('ioredis', ['quit'])).toBeUndefined();
    for (const member of ['QUIT', 'end', 'quitAsync', 'endAsync', 'disconnectAsync'])
      expect(lookupInstanceMember('node-redis', [member])).toBeUndefined();
    expect(lookupInstanceMember('node-redis', ['getAsync'])?.role).toBe('call');
    expect(lookupInstanceMember('ioredis', ['get'])?.role).toBe('call');
  });
});

describe('fan-out bounded by the client or the server', () => {
  it('says an @upstash/redis client batches unless its readable options turn that off', () => {
    expect(makesAutoPipeliningClient('@upstash/redis', ['Redis'], object({ url: { kind: 'value' } }))).toBe(
      true,
    );
    expect(makesAutoPipeliningClient('@upstash/redis', ['Redis', 'fromEnv'], ABSENT)).toBe(true);
    expect(
      makesAutoPipeliningClient(
        '@upstash/redis',
        ['Redis'],
        object({ enableAutoPipelining: { kind: 'boolean', value: true } }),
      ),
    ).toBe(true);
    expect(
      makesAutoPipeliningClient(
        '@upstash/redis',
        ['Redis'],
        object({ enableAutoPipelining: { kind: 'boolean', value: false } }),
      ),
    ).toBe(false);
    expect(
      makesAutoPipeliningClient(
        '@upstash/redis',
        ['Redis'],
        object({ enableAutoPipelining: { kind: 'value' } }),
      ),
    ).toBe(false);
    expect(
      makesAutoPipeliningClient('@upstash/redis', ['Redis'], object({ url: { kind: 'value' } }, true)),
    ).toBe(false);
    expect(makesAutoPipeliningClient('@upstash/redis', ['Redis'], { kind: 'opaque' })).toBe(false);
    expect(
      makesAutoPipeliningClient('@upstash/redis', ['Redis'], object({ request: { kind: 'value' } })),
    ).toBe(false);
    expect(makesAutoPipeliningClient('ioredis', ['Redis'], ABSENT)).toBe(false);
  });

  it('tells the commands an auto-pipelining client batches from those it sends on their own', () => {
    expect(isAutoPipelinedCommand('@upstash/redis', ['get'])).toBe(true);
    expect(isAutoPipelinedCommand('@upstash/redis', ['json', 'get'])).toBe(true);
    expect(isAutoPipelinedCommand('@upstash/redis', ['hgetall'])).toBe(false);
    expect(isAutoPipelinedCommand('@upstash/redis', ['zrange'])).toBe(false);
    expect(isAutoPipelinedCommand('@upstash/redis', ['multi'])).toBe(false);
    expect(isAutoPipelinedCommand('@upstash/redis', ['json'])).toBe(false);
  });

  it('knows Stripe list reads as one page of 10 by default and at most 100', () => {
    const page = listPageOf('stripe', ['subscriptions', 'list']);
    expect(page?.paramsAt).toBe(0);
    expect(listPageOf('stripe', ['invoices', 'listLineItems'])?.paramsAt).toBe(1);
    expect(listPageOf('stripe', ['subscriptions', 'retrieve'])).toBeUndefined();
    expect(listPageOf('stripe', ['v2', 'core', 'events', 'list'])).toBeUndefined();
    const pages = page!.pages;
    expect(pageItemsAtMost(pages, ABSENT)).toBe(10);
    expect(pageItemsAtMost(pages, object({ customer: { kind: 'value' } }))).toBe(10);
    expect(pageItemsAtMost(pages, object({ limit: num(100) }))).toBe(100);
    expect(pageItemsAtMost(pages, object({ limit: { kind: 'value' } }))).toBe(100);
    expect(pageItemsAtMost(pages, object({ limit: num(500) }))).toBeUndefined();
  });
});

describe('settings.faultline', () => {
  it('names the bad entry and the fix', () => {
    expect(() => parseSettings({ clients: [{ module: 1 }] })).toThrow(SettingsError);
    expect(() => parseSettings({ clients: [{ module: 1 }] })).toThrow(
      /settings\.faultline\.clients\[0\]\.module/,
    );
  });
});

describe('settings.faultline member paths and retry wrappers', () => {
  it('accepts dotted paths for a client export, methods and timeout keys', () => {
    const settings = parseSettings({
      clients: [
        {
          module: 'jayson',
          export: 'Client.https',
          instanceFactory: true,
          methods: ['request', 'client.query'],
          timeoutKeys: ['connection.statement_timeout'],
        },
      ],
    });
    expect(settings.clients[0]).toMatchObject({
      export: 'Client.https',
      methods: ['request', 'client.query'],
      timeoutKeys: ['connection.statement_timeout'],
    });
  });

  it('names a dotted path with an empty segment and how to write it', () => {
    expect(() => parseSettings({ clients: [{ module: 'jayson', export: 'Client..https' }] })).toThrow(
      'Invalid ESLint setting settings.faultline.clients[0].export: "Client..https" has an empty segment. Write a name or a dotted path with a name between every dot, for example "Client.https".',
    );
    expect(() => parseSettings({ clients: [{ module: 'pg', timeoutKeys: ['connection.'] }] })).toThrow(
      /settings\.faultline\.clients\[0\]\.timeoutKeys\[0\]: "connection\." has an empty segment/,
    );
  });

  it('gives a module member path the role its client entry describes', () => {
    const [jayson, singleton] = parseSettings({
      clients: [
        { module: 'jayson', export: 'Client.https', instanceFactory: true, methods: ['request'] },
        { module: '@acme/sdk', export: 'sdk', methods: ['db.query'], optionsArg: 1 },
      ],
    }).clients;
    const clients = [jayson!, singleton!];
    expect(customModuleRole(clients, 'jayson', ['Client', 'https'])?.role.role).toBe('factory');
    expect(customModuleRole(clients, 'jayson', ['Client'])).toBeUndefined();
    expect(customModuleRole(clients, '@acme/sdk', ['sdk', 'db', 'query'])?.role).toEqual({
      role: 'call',
      family: 'custom',
      options: { at: 1 },
    });
    expect(customModuleRole(clients, '@acme/sdk', ['sdk', 'db'])).toBeUndefined();
    expect(customInstanceRole(jayson!, ['request'])?.role).toBe('call');
    expect(customInstanceRole(jayson!, ['close'])).toBeUndefined();
  });

  it('reads a retry wrapper that says whose options it takes, with its defaults', () => {
    const settings = parseSettings({
      retryWrappers: [
        'withRetries',
        {
          module: '@acme/retry',
          export: 'retry',
          retryOptions: 'p-retry',
          optionsArg: 1,
          defaults: { retries: 3, randomize: true },
        },
      ],
    });
    expect(settings.retryWrappers).toEqual([
      { name: 'withRetries' },
      {
        module: '@acme/retry',
        export: 'retry',
        retryOptions: 'p-retry',
        optionsArg: 1,
        defaults: { retries: 3, randomize: true },
      },
    ]);
  });

  it('names a retry wrapper entry that cannot be read and the fix', () => {
    expect(() => parseSettings({ retryWrappers: [{ name: 'retry', retryOptions: 'bull' }] })).toThrow(
      'Invalid ESLint setting settings.faultline.retryWrappers[0].retryOptions: expected the library whose retry options the wrapper takes, got "bull". Use one of "p-retry", "async-retry", "node-retry", "exponential-backoff".',
    );
    expect(() => parseSettings({ retryWrappers: [{ name: 'retry', optionsArg: 1 }] })).toThrow(
      /retryWrappers\[0\]\.optionsArg: describes options, but the wrapper does not say whose options they are\. Add "retryOptions"/,
    );
    expect(() =>
      parseSettings({
        retryWrappers: [{ name: 'retry', retryOptions: 'exponential-backoff', defaults: { retries: 3 } }],
      }),
    ).toThrow(
      'settings.faultline.retryWrappers[0].defaults: unknown key "retries". Allowed keys: numOfAttempts, startingDelay, timeMultiple, maxDelay, jitter.',
    );
    expect(() =>
      parseSettings({
        retryWrappers: [{ name: 'retry', retryOptions: 'p-retry', defaults: { retries: [3] } }],
      }),
    ).toThrow(
      'settings.faultline.retryWrappers[0].defaults.retries: expected a number, boolean or string, got [3]',
    );
    // Only retry wrappers describe options.
    expect(() => parseSettings({ sleepFunctions: [{ name: 'pause', retryOptions: 'p-retry' }] })).toThrow(
      'settings.faultline.sleepFunctions[0]: unknown key "retryOptions". Allowed keys: module, export, name.',
    );
  });

  it('judges a retry wrapper call over its defaults as the library would run it', () => {
    const wrapper = { name: 'retry', retryOptions: 'p-retry' as const, defaults: { maxTimeout: 5000 } };
    const limits = { maxAttempts: 10, maxDelayMs: 30_000 };
    // p-retry does not randomise by default, and the wrapper's defaults do not either.
    expect(decideRetryWrapper(wrapper, { kind: 'absent' }, 'call', limits)).toEqual([
      { problem: 'noJitter', at: 'call' },
    ]);
    const jittered = object({ randomize: { kind: 'boolean', value: true } });
    expect(decideRetryWrapper(wrapper, jittered, 'call', limits)).toEqual([]);
    // A call that asks for more attempts than the settings allow, written by the caller.
    expect(
      decideRetryWrapper(
        wrapper,
        object({ retries: num(20), randomize: { kind: 'boolean', value: true } }),
        'call',
        limits,
      ),
    ).toMatchObject([{ problem: 'unboundedRetry' }]);
    expect(decideRetryWrapper({ name: 'retry' }, { kind: 'absent' }, 'call', limits)).toEqual([]);
    expect(decideRetryWrapper(wrapper, { kind: 'opaque' }, 'call', limits)).toEqual([]);
  });
});

describe('the package', () => {
  it('imports nothing outside itself', () => {
    const dist = path.join(ROOT, 'packages/catalog/dist');
    const files = readdirSync(dist, { recursive: true, encoding: 'utf8' }).filter(file =>
      file.endsWith('.js'),
    );
    expect(files.length).toBeGreaterThan(20);
    const outside = files.flatMap(file =>
      [
        ...readFileSync(path.join(dist, file), 'utf8').matchAll(
          /^(?:import|export)\b[^;]*?\bfrom\s+'([^']+)'/gm,
        ),
      ]
        .map(match => match[1] as string)
        .filter(specifier => !specifier.startsWith('./') && !specifier.startsWith('../'))
        .map(specifier => `${file}: ${specifier}`),
    );
    expect(outside).toEqual([]);
    const manifest = JSON.parse(readFileSync(path.join(ROOT, 'packages/catalog/package.json'), 'utf8'));
    expect(manifest.dependencies).toBeUndefined();
  });

  it('keeps the plugin load path free of the TypeScript compiler, ts-morph and handlebars', () => {
    const script = `
      const { createRequire } = await import('node:module');
      await import(${JSON.stringify(path.join(ROOT, 'rules/dist/index.js'))});
      const require = createRequire(import.meta.url);
      const loaded = Object.keys(require('node:module')._cache);
      process.stdout.write(JSON.stringify(loaded));
    `;
    const loaded: string[] = JSON.parse(
      execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' }),
    );
    expect(loaded.some(file => file.includes('@typescript-eslint'))).toBe(true);
    expect(
      loaded.filter(file => /node_modules[\\/](typescript|ts-morph|handlebars)[\\/]/.test(file)),
    ).toEqual([]);
  });
});

describe('ormRunsEmbedded', () => {
  it('calls an ORM local only when every data source the project configures is an embedded engine', () => {
    expect(ormRunsEmbedded(['better-sqlite3'])).toBe(true);
    expect(ormRunsEmbedded(['sqlite', 'sqljs', 'SQLite'])).toBe(true);
    // None seen, one chosen at run time, or one server among them: its queries may leave the process.
    expect(ormRunsEmbedded([])).toBe(false);
    expect(ormRunsEmbedded(['sqlite', null])).toBe(false);
    expect(ormRunsEmbedded(['better-sqlite3', 'postgres'])).toBe(false);
    expect(ormRunsEmbedded(['mssql'])).toBe(false);
  });
});

describe('canonicalModule', () => {
  it('maps builtins, deep imports and limiters copied into a project', () => {
    expect(canonicalModule('http')).toBe('node:http');
    expect(canonicalModule('axios/index.js')).toBe('axios');
    expect(canonicalModule('../utils/p-limit')).toBe('p-limit');
    expect(canonicalModule('./vendor/p-queue/index.js')).toBe('p-queue');
    // A local module named like a client stays the project's own.
    expect(canonicalModule('./axios')).toBe('./axios');
    expect(canonicalModule('../utils/limit-all')).toBe('../utils/limit-all');
  });
});
