// drizzle-orm: no deadline of its own; queries run on the driver it wraps. `drizzle(pool)` and
// `drizzle({ client })` inherit a driver made elsewhere, which its own family judges where it is
// made, so drizzle calls are never reported. Only when drizzle makes the driver itself from a URL
// or a `connection` config (drizzle-orm/node-postgres and drizzle-orm/mysql2 `drizzle(url)`,
// `drizzle({ connection })`, https://orm.drizzle.team/docs/get-started-postgresql) is the
// construction judged: node-postgres by `statement_timeout`/`query_timeout` as pg is, mysql2
// never bounded (it has only a per-query `timeout`).
import { type ClientFamily, factory } from '../build.js';
import type { JudgeInput } from '../facts.js';
import { connectionStringHas, getProp, isNoneValue } from '../summary.js';
import type { Summary, Verdict } from '../types.js';

const PG_QUERY_KEYS = ['statement_timeout', 'query_timeout'];
const MYSQL_LIMITATION = 'drizzle’s mysql2 driver has no connection- or pool-wide query timeout';

function decideConnection(connection: Summary): Verdict {
  if (connection.kind === 'string') {
    if (/^mysql/i.test(connection.value)) return { status: 'missing', limitation: MYSQL_LIMITATION };
    return connectionStringHas(connection, PG_QUERY_KEYS)
      ? { status: 'bounded' }
      : { status: 'missing', detail: '`statement_timeout`/`query_timeout` in the connection' };
  }
  if (connection.kind !== 'object') return { status: 'unknown' };
  // mysql2 names its URL `uri`, node-postgres `connectionString`.
  if (getProp(connection, 'uri')) return { status: 'missing', limitation: MYSQL_LIMITATION };
  if (connectionStringHas(getProp(connection, 'connectionString')?.value, PG_QUERY_KEYS))
    return { status: 'bounded' };
  for (const key of PG_QUERY_KEYS) {
    const prop = getProp(connection, key);
    if (prop) return isNoneValue(prop.value) ? { status: 'unknown' } : { status: 'bounded' };
  }
  if (connection.hasSpread) return { status: 'unknown' };
  // Host and credentials only: either driver, and neither bounds a query from these.
  return { status: 'missing' };
}

function decideDrizzle(input: JudgeInput): Verdict {
  const options = input.options;
  // A driver passed in, a URL read from the environment, a config from elsewhere: not visible here.
  if (options.kind === 'string') return decideConnection(options);
  if (options.kind !== 'object' || options.hasSpread || getProp(options, 'client'))
    return { status: 'unknown' };
  const connection = getProp(options, 'connection');
  return connection ? decideConnection(connection.value) : { status: 'unknown' };
}

const DRIZZLE_MODULE = { drizzle: factory('drizzle', 'drizzle', { at: 0 }) };

export const drizzleFamily: ClientFamily = {
  family: {
    id: 'drizzle',
    label: 'drizzle',
    reportAt: 'construction',
    fix: 'create the driver yourself with a bound (node-postgres: `statement_timeout`/`query_timeout`; mysql2: a per-query `timeout`) and pass it as `client`, or wrap each query in a deadline helper',
  },
  modules: { 'drizzle-orm/node-postgres': DRIZZLE_MODULE, 'drizzle-orm/mysql2': DRIZZLE_MODULE },
  // Queries through the database object run on the driver; the driver's construction is what is judged.
  instances: { drizzle: { members: {} } },
  decide: decideDrizzle,
};
