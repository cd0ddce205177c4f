// pg (node-postgres): no query bound by default; `query_timeout`/`statement_timeout` and
// `connectionTimeoutMillis` in the pool or client config. pg-promise runs its queries on a pg pool
// made from the connection it is given (`pgp(cn)`: a connection string or pg's config), judged the
// same way; `pgPromise(initOptions)` itself only configures the library.
import { type ClientFamily, NONE, call, factory } from '../build.js';
import type { JudgeInput } from '../facts.js';
import { connectionStringHas, getProp, isNoneValue, isOpaque, showValue } from '../summary.js';
import type { MemberTable, Verdict } from '../types.js';

const PG_MODULE: MemberTable = {
  Pool: factory('pg', 'pg', { at: 0 }),
  Client: factory('pg-client', 'pg', { at: 0 }),
  'native.Pool': factory('pg', 'pg', { at: 0 }),
  'native.Client': factory('pg-client', 'pg', { at: 0 }),
};

function decidePg(input: JudgeInput): Verdict {
  const config = input.options;
  if (config.kind === 'string') {
    return connectionStringHas(config, ['statement_timeout', 'query_timeout'])
      ? { status: 'bounded' }
      : { status: 'missing' };
  }
  if (isOpaque(config)) return { status: 'unknown' };
  const queryKeys = ['query_timeout', 'statement_timeout'];
  for (const key of [...queryKeys, 'connectionTimeoutMillis']) {
    const prop = getProp(config, key);
    if (prop && isNoneValue(prop.value) && prop.value.kind !== 'boolean') {
      return { status: 'none', key, value: showValue(prop.value), at: prop.at };
    }
  }
  const queryBound =
    queryKeys.some(key => {
      const prop = getProp(config, key);
      return prop !== undefined && !isNoneValue(prop.value);
    }) || connectionStringHas(getProp(config, 'connectionString')?.value, queryKeys);
  const connectProp = getProp(config, 'connectionTimeoutMillis');
  const connectBound = connectProp !== undefined && !isNoneValue(connectProp.value);
  const missing = [
    ...(queryBound ? [] : ['`query_timeout`/`statement_timeout`']),
    ...(connectBound ? [] : ['`connectionTimeoutMillis`']),
  ];
  if (missing.length === 0) return { status: 'bounded' };
  return { status: 'missing', detail: missing.join(' and ') };
}

const PG_MEMBERS: MemberTable = { query: call('pg', { at: 0 }), connect: call('pg', NONE) };

/** pg-promise's Database: its query methods, tasks and transactions, and a connection of its own. */
const PG_PROMISE_DB: MemberTable = Object.fromEntries(
  [
    'query',
    'none',
    'one',
    'many',
    'oneOrNone',
    'manyOrNone',
    'any',
    'result',
    'multi',
    'multiResult',
    'func',
    'proc',
    'map',
    'each',
    'stream',
    'task',
    'taskIf',
    'tx',
    'txIf',
    'connect',
  ].map(name => [name, call('pg', NONE)]),
);

export const pgFamily: ClientFamily = {
  family: {
    id: 'pg',
    label: 'pg',
    reportAt: 'construction',
    fix: 'set `query_timeout` or `statement_timeout`, and `connectionTimeoutMillis`, in the config',
  },
  modules: {
    pg: PG_MODULE,
    'pg-pool': { '': factory('pg', 'pg', { at: 0 }) },
    // `pgPromise(initOptions)` returns the library, not a client: nothing to judge there.
    'pg-promise': { '': factory('pg-promise-lib', 'pg', NONE, 'callee') },
  },
  instances: {
    pg: { members: PG_MEMBERS },
    'pg-client': { members: PG_MEMBERS },
    'pg-promise-lib': { members: { '': factory('pg-promise-db', 'pg', { at: 0 }) } },
    'pg-promise-db': { members: PG_PROMISE_DB },
  },
  types: [
    {
      names: ['Pool', 'Client', 'PoolClient'],
      modules: ['pg', 'pg-pool'],
      packages: ['/pg/', '/@types/pg/', '/pg-pool/'],
      instance: 'pg',
      family: 'pg',
    },
    {
      names: ['IDatabase'],
      modules: ['pg-promise'],
      packages: ['/pg-promise/'],
      instance: 'pg-promise-db',
      family: 'pg',
    },
  ],
  decide: decidePg,
};
