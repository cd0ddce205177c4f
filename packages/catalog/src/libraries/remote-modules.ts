// Modules whose calls talk to another process although the catalog does not yet model how their
// calls are bounded (no family: no deadline options, no defaults); mysql2, knex,
// graphql-request and Apollo Client have families of their own (clients/). Knowing only "this goes over
// the network" is enough where the question is how many calls run at once: a project function
// that queries MySQL through knex, fanned out over a collection, opens one connection per item.

/**
 * Database drivers, query builders, ORMs, caches, search, object stores, mailers and GraphQL clients, by module
 * name. Job queues are left out: adding a job is one quick write, and a job per item is how work is
 * meant to be spread. Embedded databases (better-sqlite3, sqlite3) are left out too: a file in this
 * process, not another process.
 */
export const REMOTE_ONLY_MODULES: readonly string[] = [
  // SQL drivers and query builders
  'mysql',
  'mariadb',
  'kysely',
  'drizzle-orm',
  'postgres',
  '@neondatabase/serverless',
  '@vercel/postgres',
  '@planetscale/database',
  '@libsql/client',
  'typeorm',
  'sequelize',
  '@mikro-orm/core',
  'mssql',
  'tedious',
  'oracledb',
  // document stores, caches, search, analytics
  'mongoose',
  'redis',
  '@upstash/redis',
  '@clickhouse/client',
  '@elastic/elasticsearch',
  'cassandra-driver',
  'memcached',
  // object storage over HTTP: every call is a request to the store
  '@vercel/blob',
  '@google-cloud/storage',
  '@azure/storage-blob',
  'minio',
  // mail and GraphQL
  'nodemailer',
  'urql',
];

const REMOTE_ONLY = new Set(REMOTE_ONLY_MODULES);

/** True for a module in {@link REMOTE_ONLY_MODULES}. */
export function isRemoteOnlyModule(module: string): boolean {
  return REMOTE_ONLY.has(module);
}

/**
 * The types, by module, whose values talk to the server (a connection, a query builder, a
 * repository), as opposed to the row and option types the same modules export (`Prisma.User`,
 * `FindOptions`). A field or parameter declared with one of them is a client.
 */
const REMOTE_ONLY_CLIENT_TYPES: Readonly<Record<string, readonly string[]>> = {
  kysely: ['Kysely', 'Transaction'],
  'drizzle-orm': ['PgDatabase', 'MySqlDatabase', 'BaseSQLiteDatabase'],
  typeorm: ['Repository', 'TreeRepository', 'MongoRepository', 'EntityManager', 'DataSource', 'QueryRunner'],
  sequelize: ['Sequelize', 'ModelStatic'],
  '@mikro-orm/core': ['EntityManager', 'EntityRepository', 'MikroORM'],
  mongoose: ['Model', 'Connection'],
  redis: ['RedisClientType', 'RedisClusterType'],
  '@upstash/redis': ['Redis'],
  '@clickhouse/client': ['ClickHouseClient'],
  '@elastic/elasticsearch': ['Client'],
  mssql: ['ConnectionPool', 'Request', 'Transaction'],
  'cassandra-driver': ['Client'],
  nodemailer: ['Transporter'],
};

/** True when the type `name` exported by `module` is a client of a remote-only library. */
export function isRemoteOnlyClientType(module: string, name: string): boolean {
  return REMOTE_ONLY_CLIENT_TYPES[module]?.includes(name) ?? false;
}

/**
 * Active-record base classes: a model class that extends one queries its table through static
 * methods (`Member.find({ where })`, `User.findAll()`, `Person.query()`), as a repository would.
 */
const ACTIVE_RECORD_BASES: Readonly<Record<string, readonly string[]>> = {
  typeorm: ['BaseEntity'],
  sequelize: ['Model'],
  'sequelize-typescript': ['Model'],
  objection: ['Model'],
};

/** Statics of those bases that build or describe a model and send nothing. */
const LOCAL_STATICS = new Set([
  'hasId',
  'getId',
  'target',
  'useDataSource',
  'getRepository',
  'build',
  'init',
  'associate',
  'hasOne',
  'hasMany',
  'belongsTo',
  'belongsToMany',
  'addHook',
  'addScope',
  'scope',
  'bindKnex',
  'fromJson',
  'fromDatabaseJson',
  'relatedQuery',
]);

/** TypeORM's `Entity.create({…})` and `merge` only build an entity; Sequelize's `create` inserts. */
const TYPEORM_LOCAL_STATICS = new Set(['create', 'merge']);

/** True when `name` exported by `module` is an active-record base and its static `method` queries the database. */
export function isActiveRecordQuery(module: string, name: string, method: string): boolean {
  if (!(ACTIVE_RECORD_BASES[module]?.includes(name) ?? false)) return false;
  return !LOCAL_STATICS.has(method) && !(module === 'typeorm' && TYPEORM_LOCAL_STATICS.has(method));
}
