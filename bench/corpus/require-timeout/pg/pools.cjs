'use strict';

// CommonJS pg pools and clients. The bound belongs to the constructor: it needs
// (query_timeout or statement_timeout) AND connectionTimeoutMillis.
// Shapes adapted from BrunoFonttes/Restaurante-Challenge-v2 (src/app/config/database.ts),
// AhmadSaleh22/NodeAPI (db/pool.js), pslom/ticketpay-starter-v2 (api/pg-test.js) and
// public db/pool.js modules.

const { Pool, Client } = require('pg');
const pg = require('pg');
const dbConfigFromFile = require('./config/database.json');

// connectionTimeoutMillis only: queries can still hang.
const pool = new Pool({ // expect: require-timeout
  user: process.env.DBUSER,
  host: process.env.HOST,
  database: process.env.DATABASE,
  password: process.env.DBPASSWORD,
  port: process.env.PORT,
  max: 20,
  idleTimeoutMillis: 30000,
  connectionTimeoutMillis: 2000,
});

// The options are nested under an unknown key: pg ignores them.
const db_config = {
  connectionString: process.env.DATABASE_URL,
  connectionTimeoutMillis: 300,
  idleTimeoutMillis: 200,
  max: 20,
};
const nestedPool = new Pool({ // expect: require-timeout
  db_config,
});

const testPool = new Pool({ // expect: require-timeout
  connectionString: process.env.DATABASE_URL,
  ssl: { rejectUnauthorized: false },
  max: 1,
});

const boundedPool = new Pool({ // ok
  connectionString: process.env.DATABASE_URL,
  max: 10,
  connectionTimeoutMillis: 5000,
  statement_timeout: 15000,
});

const queryBoundedPool = new pg.Pool({ // ok
  connectionString: process.env.REPORTING_DATABASE_URL,
  connectionTimeoutMillis: 3000,
  query_timeout: 20000,
});

// statement_timeout only: connecting (and waiting for a pooled client) can hang.
const statementOnly = new pg.Pool({ // expect: require-timeout
  connectionString: process.env.DATABASE_URL,
  statement_timeout: 30000,
});

// Configuration loaded from a JSON file: opaque.
const configuredPool = new Pool(dbConfigFromFile); // ok

async function migrate() {
  const client = new Client({ connectionString: process.env.DATABASE_URL }); // expect: require-timeout
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock(42)');
  } finally {
    await client.end();
  }
}

async function healthcheck() {
  const client = new Client({ // ok
    connectionString: process.env.DATABASE_URL,
    connectionTimeoutMillis: 1000,
    query_timeout: 1000,
  });
  await client.connect();
  const { rows } = await client.query('SELECT 1 AS ok');
  await client.end();
  return rows[0].ok === 1;
}

// Environment-only configuration (PG* variables cannot carry these timeouts).
const envClient = new Client(); // expect: require-timeout

// query_timeout without a connect bound.
const readerPool = new Pool({ host: process.env.PGREADER, query_timeout: 5000 }); // expect: require-timeout

const listener = new Client({ // ok
  connectionString: process.env.DATABASE_URL,
  statement_timeout: Number(process.env.PG_STATEMENT_TIMEOUT_MS) || 10_000,
  connectionTimeoutMillis: 4_000,
});

module.exports = { pool, nestedPool, testPool, boundedPool, queryBoundedPool, statementOnly, configuredPool, migrate, healthcheck, envClient, readerPool, listener };
