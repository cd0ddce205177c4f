// ESM/TypeScript pg setup: default-import destructuring, connection strings, and a
// repository class. Shapes adapted from public `import pkg from "pg"; const { Pool } = pkg;`
// modules, `import { Pool } from 'pg'` env-config modules, and `new Pool({ connectionString,
// max, idleTimeoutMillis, statement_timeout })` configurations.

import pkg from 'pg';
import { Pool, Client, type PoolConfig } from 'pg';
import { env } from './config/env.js';

const { Pool: PgPool } = pkg;

export const pool = new PgPool({ // expect: require-timeout
  connectionString: process.env.DATABASE_STRING,
  max: 20,
  idleTimeoutMillis: 30000,
  connectionTimeoutMillis: 2000,
});

export const analytics = new Pool({ // expect: require-timeout
  connectionString: env.DATABASE_URL,
  max: 15,
  idleTimeoutMillis: 30_000,
  statement_timeout: 60_000,
});

// A literal connection string that sets statement_timeout through `options`.
export const reporting = new Pool({ // ok
  connectionString: 'postgres://report:report@db.internal:5432/reports?options=-c%20statement_timeout%3D5000',
  connectionTimeoutMillis: 2_000,
});

export const reportingNoConnectBound = new Pool({ // expect: require-timeout
  connectionString: 'postgres://report:report@db.internal:5432/reports?options=-c%20statement_timeout%3D5000',
});

export const localDev = new Client('postgres://localhost:5432/dev'); // expect: require-timeout

// Local const config resolved by the rule.
const primaryConfig: PoolConfig = {
  host: env.PGHOST,
  database: env.PGDATABASE,
  connectionTimeoutMillis: 2_000,
  statement_timeout: 10_000,
  query_timeout: 12_000,
};
export const primary = new Pool(primaryConfig); // ok

const replicaConfig: PoolConfig = {
  host: env.PGREPLICA,
  database: env.PGDATABASE,
  max: 40,
};
export const replica = new Pool(replicaConfig); // expect: require-timeout

// Spread of a shared config: opaque.
export const worker = new Pool({ ...primaryConfig, max: 2 }); // ok

export class UserRepository {
  private readonly db: Pool;

  constructor(connectionString: string) {
    this.db = new Pool({ connectionString, max: 5 }); // expect: require-timeout
  }

  async byId(id: string) {
    const { rows } = await this.db.query('SELECT * FROM users WHERE id = $1', [id]);
    return rows[0];
  }

  async search(term: string) {
    const { rows } = await this.db.query({ text: 'SELECT * FROM users WHERE name ILIKE $1', values: [`%${term}%`], query_timeout: 2000 });
    return rows;
  }
}

export class AuditRepository {
  private readonly db: Pool;

  constructor(connectionString: string) {
    this.db = new Pool({ connectionString, connectionTimeoutMillis: 1500, query_timeout: 5000 }); // ok
  }

  async record(event: string) {
    await this.db.query('INSERT INTO audit(event) VALUES ($1)', [event]);
  }
}
