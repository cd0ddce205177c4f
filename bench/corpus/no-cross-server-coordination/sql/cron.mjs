// Cron jobs (ESM) that use MySQL named locks and knex-run Postgres advisory locks.
// Shapes adapted from the `withLock(lockName, timeoutSeconds, callback)` MySQL helper and the
// `MySqlLock.tryAcquire` class (`pool.execute('SELECT GET_LOCK(?, ?) AS ok', [lockName, t])`)
// returned by the code search, and n8j1s/node-mysql-semaphore (README).

import mysql from 'mysql2/promise';
import knexFactory from 'knex';

const pool = mysql.createPool(process.env.MYSQL_URL);
const knex = knexFactory({ client: 'pg', connection: process.env.DATABASE_URL });

export class MySqlLock {
  static async tryAcquire(name, timeoutSec = 0) {
    const lockName = String(name || '').slice(0, 64);
    const [rows] = await pool.execute('SELECT GET_LOCK(?, ?) AS ok', [lockName, timeoutSec]); // expect: no-cross-server-coordination
    return rows && rows[0] ? Number(rows[0].ok) === 1 : false;
  }

  static async release(name) {
    await pool.execute('SELECT RELEASE_LOCK(?)', [String(name).slice(0, 64)]); // ok
  }

  static async isFree(name) {
    const [rows] = await pool.query('SELECT IS_FREE_LOCK(?) AS free', [name]); // ok
    return rows[0].free === 1;
  }
}

export async function withLock(lockName, timeoutSeconds, callback) {
  const conn = await pool.getConnection();
  try {
    const [rows] = await conn.query(`SELECT GET_LOCK('${lockName}', ${timeoutSeconds}) AS acquired`); // expect: no-cross-server-coordination
    if (rows[0].acquired !== 1) return { acquired: false };
    return { acquired: true, result: await callback(conn) };
  } finally {
    conn.release();
  }
}

export async function exclusiveRollup(run) {
  const { rows } = await knex.raw('select pg_try_advisory_lock(?) as locked', [4242]); // expect: no-cross-server-coordination
  if (!rows[0].locked) return false;
  try {
    await run();
  } finally {
    await knex.raw('select pg_advisory_unlock(?)', [4242]); // ok
  }
  return true;
}

export async function lockTable() {
  await knex.raw('LOCK TABLE rollups IN SHARE ROW EXCLUSIVE MODE'); // ok
}

export function logSkip(job) {
  console.log(`${job}: another instance holds the lock, skipping`); // ok
}
