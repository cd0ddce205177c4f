// Migration and cron locks taken in Postgres (TypeScript).
// Shapes adapted from the Kysely `MigrationLock` class returned by the code search (`await sql`select
// pg_advisory_lock(${this.#LOCK_ID})`.execute(this.db)` / `pg_advisory_unlock`), coder/coder
// (coderd/database/queries/lock.sql: `SELECT pg_advisory_xact_lock($1)` / `pg_try_advisory_xact_lock`),
// the postgres.js `acquireCronLock` (`sql`select pg_try_advisory_lock(${CRON_LOCK_KEY}) as locked``),
// and `SQLExecutor` helpers (`sql('SELECT pg_advisory_lock(%s) AS locked', options.lockId)`).

import { sql, type Kysely } from 'kysely';
import { Pool } from 'pg';
import postgres from 'postgres';
import { PrismaClient } from '@prisma/client';

const pool = new Pool({ connectionString: process.env.DATABASE_URL });
const pgsql = postgres(process.env.DATABASE_URL as string);
const prisma = new PrismaClient();
const CRON_LOCK_KEY = 9_991_337;

export class MigrationLock {
  #LOCK_ID = sql.lit(BigInt('3853314791062309107'));

  constructor(private db: Kysely<any>) {}

  async acquire() {
    await sql`select pg_advisory_lock(${this.#LOCK_ID})`.execute(this.db); // expect: no-cross-server-coordination
  }

  async release() {
    await sql`select pg_advisory_unlock(${this.#LOCK_ID})`.execute(this.db); // ok
  }
}

export async function acquireCronLock() {
  const rows = await pgsql<{ locked: boolean }[]>`select pg_try_advisory_lock(${CRON_LOCK_KEY}) as locked`; // expect: no-cross-server-coordination
  return Boolean(rows[0]?.locked);
}

export async function releaseCronLock() {
  await pgsql`select pg_advisory_unlock(${CRON_LOCK_KEY})`; // ok
}

// Transaction-scoped lock inside a Prisma interactive transaction.
export async function allocateInvoiceNumber(tenantId: string) {
  return prisma.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${tenantId}))`; // expect: no-cross-server-coordination
    const last = await tx.invoice.findFirst({ where: { tenantId }, orderBy: { number: 'desc' } });
    return (last?.number ?? 0) + 1;
  });
}

// Non-blocking transaction-scoped variant (coder/coder TryAcquireLock).
export async function tryAcquireLock(lockId: number) {
  const client = await pool.connect();
  try {
    await client.query('BEGIN'); // ok
    const { rows } = await client.query('SELECT pg_try_advisory_xact_lock($1) AS ok', [lockId]); // expect: no-cross-server-coordination
    return rows[0].ok as boolean;
  } finally {
    client.release();
  }
}

// A shared advisory lock; the SQL text is kept in a local const.
const SHARED_LOCK_SQL = 'SELECT pg_advisory_lock_shared(hashtext($1))'; // expect: no-cross-server-coordination

export async function withReadLock<T>(name: string, fn: () => Promise<T>) {
  const client = await pool.connect();
  try {
    await client.query(SHARED_LOCK_SQL, [name]);
    return await fn();
  } finally {
    await client.query('SELECT pg_advisory_unlock_all()'); // ok
    client.release();
  }
}

// Row locks inside one database transaction are not cross-server coordination.
export async function reserveSeat(seatId: string) {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const { rows } = await client.query('SELECT * FROM seats WHERE id = $1 FOR UPDATE', [seatId]); // ok
    if (rows[0].reserved) throw new Error('taken');
    await client.query('UPDATE seats SET reserved = true WHERE id = $1', [seatId]);
    await client.query('COMMIT'); // ok
  } finally {
    client.release();
  }
}

// A queue consumer that skips locked rows.
export async function nextJob() {
  const { rows } = await pool.query( // ok
    `SELECT id, payload FROM jobs
      WHERE state = 'ready'
      ORDER BY id
      FOR UPDATE SKIP LOCKED
      LIMIT 1`,
  );
  return rows[0];
}

// Monitoring advisory locks is not taking one.
export async function listAdvisoryLocks() {
  return (await pool.query("SELECT pid, objid FROM pg_locks WHERE locktype = 'advisory'")).rows; // ok
}

export function logWaiting(name: string) {
  console.debug(`waiting on pg_advisory_lock for ${name}`); // ok
}
