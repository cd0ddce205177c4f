// knex: no query deadline by default. A query is bounded by `.timeout(ms, { cancel })` on its
// builder (lib/query/querybuilder.js `timeout(ms, { cancel } = {})`), or, on PostgreSQL, by
// `statement_timeout`/`query_timeout` in `connection`, which knex hands to `new pg.Client(...)`
// (lib/dialects/postgres/index.js). `acquireConnectionTimeout` (default 60 000 ms,
// lib/client.js `DEFAULT_ACQUIRE_TIMEOUT`) bounds only waiting for a pooled connection. The MySQL
// dialects take no connection-wide query timeout (mysql2 has none). Read at knex/knex@e25d54b.
import { type ClientFamily, call, factory } from '../build.js';
import type { JudgeInput } from '../facts.js';
import { connectionStringHas, getProp, isNoneValue, showValue } from '../summary.js';
import type { Verdict } from '../types.js';

/** Dialect names and aliases (lib/dialects/index.js, lib/constants.js) that speak to PostgreSQL. */
const POSTGRES_CLIENTS = new Set([
  'pg',
  'postgres',
  'postgresql',
  'pgnative',
  'pg-native',
  'cockroachdb',
  'redshift',
]);
const MYSQL_CLIENTS = new Set(['mysql', 'mysql2', 'mariadb', 'mariasql']);
const LOCAL_CLIENTS = new Set(['sqlite3', 'sqlite', 'better-sqlite3']);
const PG_QUERY_KEYS = ['statement_timeout', 'query_timeout'];

function decideKnex(input: JudgeInput): Verdict {
  const config = input.options;
  if (config.kind !== 'object' || config.hasSpread) return { status: 'unknown' };
  const client = getProp(config, 'client')?.value;
  if (client?.kind !== 'string') return { status: 'unknown' };
  // SQLite is a file in this process, not another process.
  if (LOCAL_CLIENTS.has(client.value)) return { status: 'bounded' };
  // A hook run on every new connection may set a session timeout (`SET statement_timeout`).
  const pool = getProp(config, 'pool')?.value;
  if (pool && (pool.kind !== 'object' || pool.hasSpread || getProp(pool, 'afterCreate')))
    return { status: 'unknown' };
  const connection = getProp(config, 'connection');
  // No connection: knex used only to build SQL text (`knex({ client: 'pg' })…toQuery()`).
  if (!connection) return { status: 'bounded' };
  // Whatever `connection` holds, mysql/mysql2 have no option that bounds every query.
  if (MYSQL_CLIENTS.has(client.value)) {
    return {
      status: 'missing',
      limitation: 'knex’s MySQL dialects have no connection-wide query timeout',
    };
  }
  if (!POSTGRES_CLIENTS.has(client.value)) return { status: 'unknown' };
  const detail = '`statement_timeout`/`query_timeout` in `connection`';
  const value = connection.value;
  // A literal URL can be searched; anything else (`config.db`, a function) may hold the bound.
  if (value.kind === 'string')
    return connectionStringHas(value, PG_QUERY_KEYS) ? { status: 'bounded' } : { status: 'missing', detail };
  if (value.kind !== 'object') return { status: 'unknown' };
  for (const key of PG_QUERY_KEYS) {
    const prop = getProp(value, key);
    if (!prop) continue;
    if (isNoneValue(prop.value) && prop.value.kind !== 'boolean')
      return { status: 'none', key, value: showValue(prop.value), at: prop.at };
    return { status: 'bounded' };
  }
  if (connectionStringHas(getProp(value, 'connectionString')?.value, PG_QUERY_KEYS))
    return { status: 'bounded' };
  if (value.hasSpread) return { status: 'unknown' };
  return { status: 'missing', detail };
}

export const knexFamily: ClientFamily = {
  family: {
    id: 'knex',
    label: 'knex',
    reportAt: 'construction',
    fix: 'on PostgreSQL set `statement_timeout` (or `query_timeout`) in `connection`; otherwise add `.timeout(ms, { cancel: true })` to each query',
  },
  modules: {
    knex: { '': factory('knex', 'knex', { at: 0 }), knex: factory('knex', 'knex', { at: 0 }) },
  },
  instances: {
    // `knex('users')…`, `knex.raw(sql)`, `knex.select(…)`, `knex.transaction(…)`: every query
    // builder runs when awaited; `.timeout(…)` along its chain bounds it.
    knex: {
      members: { '': call('knex', { chain: 'timeout' }) },
      any: call('knex', { chain: 'timeout' }),
      except: [
        'destroy',
        'initialize',
        'client',
        'fn',
        'ref',
        'schema',
        'migrate',
        'seed',
        'userParams',
        'withUserParams',
        'context',
        'isTransaction',
        'transactionProvider',
        'on',
        'once',
        'off',
        'emit',
        'addListener',
        'removeListener',
        'removeAllListeners',
        'listeners',
        'setMaxListeners',
        'constructor',
        'bind',
        'call',
        'apply',
      ],
    },
  },
  types: [{ names: ['Knex'], modules: ['knex'], packages: ['/knex/'], instance: 'knex', family: 'knex' }],
  decide: decideKnex,
};
