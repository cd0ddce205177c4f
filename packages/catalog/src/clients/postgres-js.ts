// postgres.js (`postgres`): `postgres(url?, options?)` makes a pool of connections whose queries
// (tagged templates, `sql.unsafe`, `sql.begin`) have no client-side deadline: its options bound
// connecting (`connect_timeout`, 30 s by default) and idle connections (`idle_timeout`), never a
// query (src/index.js `parseOptions`, 3.4). What it sends at start-up as `connection` parameters
// does: `connection: { statement_timeout: ms }` makes the server cancel a statement that runs
// longer (also written as `options: '-c statement_timeout=…'`). Reported where it is made.
import { type ClientFamily, call, factory, NONE } from '../build.js';
import type { JudgeInput } from '../facts.js';
import { getPath, isNoneValue, isOpaque, showValue } from '../summary.js';
import type { Verdict } from '../types.js';

function decidePostgresJs(input: JudgeInput): Verdict {
  const options = input.options;
  const statement = getPath(options, ['connection', 'statement_timeout']);
  if (statement)
    return isNoneValue(statement.value)
      ? {
          status: 'none',
          key: 'connection.statement_timeout',
          value: showValue(statement.value),
          at: statement.at,
        }
      : { status: 'bounded' };
  const startup = getPath(options, ['connection', 'options'])?.value;
  if (startup?.kind === 'string' && startup.value.includes('statement_timeout')) return { status: 'bounded' };
  if (startup && startup.kind !== 'string') return { status: 'unknown' };
  const connection = getPath(options, ['connection'])?.value;
  if (isOpaque(options) || (connection !== undefined && isOpaque(connection))) return { status: 'unknown' };
  return { status: 'missing', detail: 'connection.statement_timeout' };
}

const QUERY = call('postgres-js', NONE);

export const postgresJsFamily: ClientFamily = {
  family: {
    id: 'postgres-js',
    label: 'postgres.js',
    reportAt: 'construction',
    fix: 'set `connection: { statement_timeout: ms }` in its options (the server then cancels a longer statement; `connect_timeout` already bounds connecting). postgres.js has no client-side query timeout: where a server or network that stops answering must not hold a caller, race the query against a timer and `cancel()` it',
  },
  modules: { postgres: { '': factory('postgres-js', 'postgres-js', { configOrUrl: true }) } },
  instances: {
    'postgres-js': { members: { unsafe: QUERY, begin: QUERY, file: QUERY, reserve: QUERY, notify: QUERY } },
  },
  types: [
    {
      names: ['Sql'],
      modules: ['postgres'],
      packages: ['/postgres/'],
      instance: 'postgres-js',
      family: 'postgres-js',
    },
  ],
  decide: decidePostgresJs,
};
