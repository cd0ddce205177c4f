import path from 'node:path';

import { RuleTester } from '@typescript-eslint/rule-tester';

import rule from '../../rules/no-cross-server-coordination.js';

const ruleTester = new RuleTester();
/** A project on disk whose lock classes live in other modules (it sits under test/, hence `checkTests`). */
const HANDLER = path.join(import.meta.dirname, '../fixtures/project-calls/src/routes/handler.ts');

ruleTester.run('no-cross-server-coordination', rule, {
  valid: [
    // Advisory locks that are not session locks waited on without bound, and SQL text in a message.
    `import { Pool } from 'pg';
const pool = new Pool({ statement_timeout: 5000 });
export const a = () => pool.query('SELECT pg_advisory_xact_lock(42)');
export const b = () => pool.query('SELECT pg_try_advisory_lock(42) AS ok');
export async function c(client: { query(sql: string): Promise<unknown> }) {
  await client.query("SET lock_timeout = '5s'");
  await client.query('SELECT pg_advisory_lock(7)');
}
export function d() { throw new Error('SELECT pg_advisory_lock(7) failed: the lock is held'); }
export const e = (conn: { query(sql: string): Promise<unknown> }) => conn.query("SELECT GET_LOCK('jobs', 10)");
export const f = (conn: { query(sql: string): Promise<unknown> }) => conn.query("EXEC sp_getapplock @Resource = 'jobs', @LockMode = 'Exclusive'");`,
    // A project class named like a lock that only serialises work in this process.
    {
      filename: HANDLER,
      code: `import { LocalMutexService } from '@/lib/local-mutex';
export class Digest {
  constructor(private readonly mutex: LocalMutexService) {}
  run() { return this.mutex.applyLock(async () => 1); }
}`,
      options: [{ checkTests: true }],
    },
    // The class defines its own withLock (nothing inherited).
    {
      filename: HANDLER,
      code: `import { ExclusiveRunner } from '@/lib/exclusive-runner';
export class Job extends ExclusiveRunner {
  protected async withLock(work: () => Promise<void>) { await work(); }
  async execute() { await this.withLock(async () => {}); }
}`,
      options: [{ checkTests: true }],
    },
    // SET NX as a dedupe marker, not a lock.
    `import Redis from 'ioredis'; const redis = new Redis({ commandTimeout: 100 }); export async function markProcessed(id: string) { return redis.set('processed:' + id, '1', 'NX', 'EX', 3600); }`,
    // A receiver the file cannot place, with Redis's arguments but a dedupe key or a refresh guard
    // that only limits how often one instance refreshes (Alto's); and a cache's `set` with an
    // expiry but no NX.
    `export class Dedupe {
  constructor(private readonly store: { redis: { set(...args: unknown[]): Promise<unknown> }; refreshGuardKey: string }) {}
  seen(id: string) { return this.store.redis.set('processed:' + id, '1', 'EX', 3600, 'NX'); }
  refresh(ms: number) { return this.store.redis.set(this.store.refreshGuardKey, '1', 'PX', ms, 'NX'); }
  cache(id: string, body: string) { return this.store.redis.set('page:' + id, body, 'EX', 60); }
}`,
    // SET without NX.
    `import Redis from 'ioredis'; const redis = new Redis({ commandTimeout: 100 }); export async function lockout(user: string) { return redis.set('lockout:' + user, '1', 'EX', 60); }`,
    // A row lock in one transaction on one database.
    `await client.query('SELECT * FROM jobs WHERE id = $1 FOR UPDATE', [id]);`,
    // An in-process mutex.
    `import { Mutex } from 'async-mutex'; const mutex = new Mutex(); await mutex.runExclusive(work);`,
    // Mentions in a log line are not SQL that runs.
    `logger.info('skipping the advisory path');`,
    {
      code: `await pool.query('SELECT pg_advisory_lock($1)', [42]);`,
      options: [{ allow: ['sql-advisory-lock'] }],
    },
    // A ZooKeeper node that is not ephemeral.
    `import zookeeper from 'node-zookeeper-client'; const zk = zookeeper.createClient('zk:2181'); zk.create('/config/app', Buffer.from('{}'), cb);`,
  ],
  invalid: [
    {
      code: `import { Pool } from 'pg';
const pool = new Pool({ statement_timeout: 5000 });
export const a = () => pool.query('SELECT pg_advisory_lock(42)');
export const b = (conn: { query(sql: string): Promise<unknown> }) => conn.query("SELECT GET_LOCK('jobs', -1)");`,
      errors: [
        { line: 3, column: 35, endLine: 3, endColumn: 64, messageId: 'distributedLock' },
        { line: 4, column: 81, endLine: 4, endColumn: 110, messageId: 'distributedLock' },
      ],
    },
    {
      code: `import Redlock from 'redlock'; import Redis from 'ioredis'; const redis = new Redis({ commandTimeout: 100 }); export const redlock = new Redlock([redis]);`,
      errors: [{ column: 138, endColumn: 145, endLine: 1, line: 1, messageId: 'distributedLock' }],
    },
    {
      code: `import Redis from 'ioredis'; const redis = new Redis({ commandTimeout: 100 }); export async function acquireLock(key: string, owner: string) { return redis.set('lock:' + key, owner, 'NX', 'PX', 30000); }`,
      errors: [{ column: 157, endColumn: 160, endLine: 1, line: 1, messageId: 'distributedLock' }],
    },
    {
      code: `import { createClient } from 'redis'; const client = createClient({ socket: { socketTimeout: 1000 } }); export const takeLeadership = () => client.set('leader', host, { NX: true, PX: 10000 });`,
      errors: [{ column: 148, endColumn: 151, endLine: 1, line: 1, messageId: 'distributedLock' }],
    },
    {
      // A client held in a field of a field, known only by the arguments only Redis takes (an
      // expiry and NX), with a key that names a lock (refly's sandbox lock, opencollective's mutex).
      code: `export class Sandboxes {
  constructor(private readonly cache: { redis: { set(...args: unknown[]): Promise<unknown> } }) {}
  async pause(id: string, owner: string) {
    const acquired = await this.cache.redis.set(\`lock:sandbox:\${id}\`, owner, 'PX', 10000, 'NX');
    return acquired === 'OK';
  }
  async mutex(key: string) {
    return this.cache.redis.set('mutex:' + key, '1', { NX: true, PX: 600000 });
  }
}`,
      errors: [
        { column: 45, endColumn: 48, endLine: 4, line: 4, messageId: 'distributedLock' },
        { column: 29, endColumn: 32, endLine: 8, line: 8, messageId: 'distributedLock' },
      ],
    },
    {
      code: `
import { Etcd3 } from 'etcd3';
const etcd = new Etcd3();
await etcd.lock('jobs/nightly').do(run);
await etcd.election('scheduler').campaign('node-1');
`,
      errors: [
        { column: 12, endColumn: 16, endLine: 4, line: 4, messageId: 'distributedLock' },
        { column: 12, endColumn: 20, endLine: 5, line: 5, messageId: 'leaderElection' },
      ],
    },
    // The same lock taken again in the same function (a second try after a short wait) is one site.
    {
      code: `
import { Etcd3 } from 'etcd3';
const etcd = new Etcd3();
export async function nightly() {
  const first = await etcd.lock('jobs/nightly').acquire().catch(() => undefined);
  if (!first) await etcd.lock('jobs/nightly').acquire();
}
`,
      errors: [{ column: 28, endColumn: 32, endLine: 5, line: 5, messageId: 'distributedLock' }],
    },
    {
      code: `import Consul from 'consul'; const consul = new Consul(); consul.lock({ key: 'jobs/nightly' });`,
      errors: [{ column: 66, endColumn: 70, endLine: 1, line: 1, messageId: 'distributedLock' }],
    },
    {
      code: `import zookeeper from 'node-zookeeper-client'; const zk = zookeeper.createClient('zk:2181'); zk.create('/locks/job-', zookeeper.CreateMode.EPHEMERAL_SEQUENTIAL, cb);`,
      errors: [{ column: 97, endColumn: 103, endLine: 1, line: 1, messageId: 'distributedLock' }],
    },
    {
      code: `await pool.query('SELECT pg_advisory_lock($1)', [42]);`,
      errors: [{ column: 18, endColumn: 47, endLine: 1, line: 1, messageId: 'distributedLock' }],
    },
    {
      code: `await db.query(\`XA START 'tx-\${id}'\`);`,
      errors: [{ column: 16, endColumn: 37, endLine: 1, line: 1, messageId: 'twoPhaseCommit' }],
    },
    {
      code: `await db.query("PREPARE TRANSACTION 'tx-1'");`,
      errors: [{ column: 16, endColumn: 44, endLine: 1, line: 1, messageId: 'twoPhaseCommit' }],
    },
    {
      code: `import { lock } from '@acme/mutex';`,
      options: [
        { modules: [{ name: '@acme/mutex', message: 'route the job to its partition owner instead' }] },
      ],
      errors: [{ column: 22, endColumn: 35, endLine: 1, line: 1, messageId: 'restrictedModule' }],
    },
    // A pool given a lock class: only the method that takes the lock is a lock.
    {
      filename: HANDLER,
      code: `import { SandboxPool } from '@/lib/sandbox-pool';
export class Runner {
  constructor(private readonly pool: SandboxPool) {}
  async run() { const id = await this.pool.acquire(); await this.pool.acquireLock(id); }
}`,
      options: [{ checkTests: true }],
      errors: [{ column: 71, endColumn: 82, endLine: 4, line: 4, messageId: 'distributedLock' }],
    },
    // A service injected through the constructor whose class is given a Redlock wrapper of the project.
    {
      filename: HANDLER,
      code: `import { EventsLockService } from '@/lib/events-lock';
export class Digest {
  constructor(private readonly locks: EventsLockService) {}
  run() { return this.locks.applyLock('digest', async () => 1); }
}`,
      options: [{ checkTests: true }],
      errors: [{ column: 29, endColumn: 38, endLine: 4, line: 4, messageId: 'distributedLock' }],
    },
    // \`this.withLock\` inherited from a base class of the project that takes a Redis SET NX lock.
    {
      filename: HANDLER,
      code: `import { ExclusiveRunner } from '@/lib/exclusive-runner';
export class Job extends ExclusiveRunner {
  async execute() { await this.withLock(async () => {}); }
}`,
      options: [{ checkTests: true }],
      errors: [{ column: 32, endColumn: 40, endLine: 3, line: 3, messageId: 'distributedLock' }],
    },
  ],
});
