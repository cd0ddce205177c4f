// mysql2: no query has a deadline unless it passes its own `timeout` (ms) in the options form,
// `query({ sql, timeout }, values)` / `execute({ sql, timeout }, values)`
// (node-mysql2 lib/commands/query.js: `this.timeout = options.timeout`, an inactivity timer armed
// only when it is set). No option of `createConnection`/`createPool` sets a default one:
// `connectTimeout` (default 10 000 ms, lib/connection_config.js) bounds only connecting, and a
// pool waits for a free connection without limit (`waitForConnections`, `queueLimit: 0`).
// Read at sidorares/node-mysql2@928c3c5.
import { type ClientFamily, NONE, call, factory } from '../build.js';
import type { MemberTable, Verdict } from '../types.js';

const MYSQL2_MODULE: MemberTable = {
  createConnection: factory('mysql2', 'mysql2', { at: 0 }),
  connect: factory('mysql2', 'mysql2', { at: 0 }),
  createPool: factory('mysql2', 'mysql2', { at: 0 }),
};

/**
 * Whatever the options, no query through the client is bounded; the client is bounded only when
 * every visible query passes its own `timeout` (judged by the caller from the per-call options).
 */
function decideMysql2(): Verdict {
  return { status: 'missing' };
}

export const mysql2Family: ClientFamily = {
  family: {
    id: 'mysql2',
    answersByEvents: true,
    label: 'mysql2',
    reportAt: 'construction',
    fix: 'pass `timeout` (ms) with each query (`query({ sql, timeout }, values)`), or wrap each query in a deadline helper',
    limitation:
      'mysql2 has no connection- or pool-wide query timeout (`connectTimeout` bounds only connecting)',
  },
  modules: { mysql2: MYSQL2_MODULE, 'mysql2/promise': MYSQL2_MODULE },
  instances: {
    mysql2: {
      members: {
        query: call('mysql2', { at: 0 }),
        execute: call('mysql2', { at: 0 }),
        ping: call('mysql2', NONE),
        beginTransaction: call('mysql2', NONE),
        commit: call('mysql2', NONE),
        rollback: call('mysql2', NONE),
        // A pooled connection and the promise wrapper are the same client.
        getConnection: factory('mysql2', 'mysql2', NONE, 'callee'),
        promise: factory('mysql2', 'mysql2', NONE, 'callee'),
      },
    },
  },
  types: [
    {
      names: ['Pool', 'Connection', 'PoolConnection'],
      modules: ['mysql2', 'mysql2/promise'],
      packages: ['/mysql2/'],
      instance: 'mysql2',
      family: 'mysql2',
    },
  ],
  decide: decideMysql2,
};
