// SQL ORMs bounded where their connection is made: Sequelize and TypeORM. Neither gives a query a
// deadline of its own; on PostgreSQL both hand options to node-postgres, whose `statement_timeout`
// (server side) or `query_timeout` (client side) bounds every query.
// - Sequelize (sequelize/sequelize, src/dialects/postgres/connection-manager.js): `dialectOptions`
//   keys picked for `new pg.Client(…)` include `statement_timeout` and `query_timeout`; a URL's
//   query string becomes `dialectOptions`. MSSQL (tedious) has a 15 s `requestTimeout` by default.
// - TypeORM (typeorm/typeorm, src/driver/postgres/PostgresDriver.ts `createPool`): the pg Pool is
//   made from the credentials, `connectTimeoutMS` and `options.extra`, merged last, so
//   `extra: { statement_timeout }` bounds queries; `url` becomes pg's `connectionString`.
// The MySQL dialects of both have no connection-wide query timeout; they are not judged (the
// fix, a session `max_execution_time` set in a connect hook, is not one a reader can check).
// Local engines (SQLite, sql.js) are not remote. Only the construction is judged: models,
// repositories and query runners reach the database through it.
import { type ClientFamily, factory } from '../build.js';
import type { JudgeInput } from '../facts.js';
import { connectionStringHas, getProp, isNoneValue, isOpaque, showValue } from '../summary.js';
import type { Summary, Verdict } from '../types.js';

const PG_QUERY_KEYS = ['statement_timeout', 'query_timeout'];
const LOCAL = new Set([
  'sqlite',
  'better-sqlite3',
  'sqljs',
  'capacitor',
  'cordova',
  'expo',
  'nativescript',
  'react-native',
]);
const POSTGRES = new Set(['postgres', 'postgresql', 'cockroachdb']);

/** The dialect named in the options, or by a literal URL's scheme (`postgres://…`). */
function dialectOf(options: Summary, url: Summary | undefined, key: 'dialect' | 'type'): string | undefined {
  const named = getProp(options, key)?.value;
  if (named?.kind === 'string') return named.value.toLowerCase();
  if (named) return undefined;
  const scheme = url?.kind === 'string' ? /^([a-z0-9+-]+):/i.exec(url.value)?.[1] : undefined;
  return scheme?.toLowerCase();
}

/** PostgreSQL: a query bound among the pg options (`dialectOptions`, `extra`) or in the URL. */
function judgePgOptions(options: Summary, pgKey: string, url: Summary | undefined): Verdict {
  if (connectionStringHas(url, PG_QUERY_KEYS)) return { status: 'bounded' };
  const detail = `\`statement_timeout\`/\`query_timeout\` in \`${pgKey}\``;
  const pg = getProp(options, pgKey);
  if (!pg)
    return options.kind === 'object' && options.hasSpread
      ? { status: 'unknown' }
      : { status: 'missing', detail };
  if (pg.value.kind !== 'object') return { status: 'unknown' };
  for (const key of PG_QUERY_KEYS) {
    const prop = getProp(pg.value, key);
    if (!prop) continue;
    if (isNoneValue(prop.value) && prop.value.kind !== 'boolean')
      return { status: 'none', key, value: showValue(prop.value), at: prop.at };
    return { status: 'bounded' };
  }
  return pg.value.hasSpread ? { status: 'unknown' } : { status: 'missing', detail };
}

function decideSequelize(input: JudgeInput): Verdict {
  const options = input.options;
  const url = input.instance[0];
  if (options.kind !== 'object' && options.kind !== 'absent') return { status: 'unknown' };
  if (options.kind === 'object' && isOpaque(options) && !getProp(options, 'dialect'))
    return { status: 'unknown' };
  // A hook run on every new connection may set a session timeout.
  if (options.kind === 'object' && getProp(options, 'hooks')) return { status: 'unknown' };
  const dialect = dialectOf(options, url, 'dialect');
  if (dialect === undefined) return { status: 'unknown' };
  if (LOCAL.has(dialect)) return { status: 'bounded' };
  if (dialect === 'mssql') return { status: 'bounded' };
  if (!POSTGRES.has(dialect)) return { status: 'unknown' };
  return judgePgOptions(options, 'dialectOptions', url);
}

function decideTypeorm(input: JudgeInput): Verdict {
  const options = input.options;
  if (options.kind !== 'object') return { status: 'unknown' };
  const type = dialectOf(options, undefined, 'type');
  if (type === undefined) return { status: 'unknown' };
  if (LOCAL.has(type) || type === 'mssql') return { status: 'bounded' };
  if (!POSTGRES.has(type)) return { status: 'unknown' };
  // Read replicas have credentials of their own; what bounds them is still `extra`.
  return judgePgOptions(options, 'extra', getProp(options, 'url')?.value);
}

export const sequelizeFamily: ClientFamily = {
  family: {
    id: 'sequelize',
    label: 'Sequelize',
    reportAt: 'construction',
    connectionString: true,
    fix: 'set `statement_timeout` (or `query_timeout`, ms) in `dialectOptions`',
  },
  modules: {
    sequelize: { Sequelize: factory('sequelize', 'sequelize', { lastObject: true }) },
    'sequelize-typescript': { Sequelize: factory('sequelize', 'sequelize', { lastObject: true }) },
    '@nestjs/sequelize': { 'SequelizeModule.forRoot': factory('sequelize', 'sequelize', { at: 0 }) },
  },
  instances: { sequelize: { members: {} } },
  decide: decideSequelize,
};

export const typeormFamily: ClientFamily = {
  family: {
    id: 'typeorm',
    label: 'TypeORM',
    reportAt: 'construction',
    fix: 'set `statement_timeout` (or `query_timeout`, ms) in `extra`, which TypeORM hands to the pg pool',
  },
  modules: {
    typeorm: {
      DataSource: factory('typeorm', 'typeorm', { at: 0 }),
      createConnection: factory('typeorm', 'typeorm', { at: 0 }),
    },
    '@nestjs/typeorm': { 'TypeOrmModule.forRoot': factory('typeorm', 'typeorm', { at: 0 }) },
  },
  instances: { typeorm: { members: {} } },
  decide: decideTypeorm,
};

/**
 * How a project names the engine of the data source an ORM runs on: the option key, the keys that
 * mark an object as that ORM's data-source options (not an entity column's `{ type: 'varchar' }`),
 * and the modules whose values (repositories, managers, models) reach that data source.
 */
export interface OrmDataSource {
  orm: 'typeorm' | 'sequelize';
  key: 'type' | 'dialect';
  configKeys: readonly string[];
  modules: readonly string[];
}

export const ORM_DATA_SOURCES: readonly OrmDataSource[] = [
  {
    orm: 'typeorm',
    key: 'type',
    configKeys: [
      'database',
      'host',
      'url',
      'entities',
      'autoLoadEntities',
      'synchronize',
      'migrations',
      'migrationsRun',
      'replication',
      'extra',
      'username',
    ],
    modules: ['typeorm', '@nestjs/typeorm'],
  },
  {
    orm: 'sequelize',
    key: 'dialect',
    configKeys: [
      'storage',
      'host',
      'database',
      'dialectOptions',
      'username',
      'pool',
      'models',
      'replication',
    ],
    modules: ['sequelize', 'sequelize-typescript', '@nestjs/sequelize'],
  },
];

/**
 * True when every data source a project configures for one ORM runs on an embedded engine
 * (SQLite, sql.js…): its queries are reads of a local file, not calls to another process. An
 * engine the project chooses at run time (`type: process.env.DB_TYPE`) is `null`, and one such
 * source, or none seen at all, leaves the ORM remote.
 */
export function ormRunsEmbedded(engines: readonly (string | null)[]): boolean {
  return engines.length > 0 && engines.every(engine => engine !== null && LOCAL.has(engine.toLowerCase()));
}
