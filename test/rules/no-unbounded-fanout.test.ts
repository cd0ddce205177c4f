import path from 'node:path';

import { RuleTester } from '@typescript-eslint/rule-tester';

import rule from '../../rules/no-unbounded-fanout.js';
import { overAnyCollection } from '../helpers/fanout-cases.js';

const ruleTester = new RuleTester();
/**
 * A project on disk (test/fixtures/project-calls): the functions the linted code calls live in its
 * other modules. It sits under test/, so these cases turn `checkTests` on.
 */
const HANDLER = path.join(import.meta.dirname, '../fixtures/project-calls/src/routes/handler.ts');
const BASEURL_WORKER = path.join(import.meta.dirname, '../fixtures/project-baseurl/workers/webhooks.ts');

ruleTester.run(
  'no-unbounded-fanout',
  rule,
  overAnyCollection({
    valid: [
      // A field of the class that holds a short literal list, never changed.
      `export class Webhooks {
  private readonly HOOKS = ['clicked', 'delivered', 'opened'];
  private endpoints = { eu: 'https://eu.example.com', us: 'https://us.example.com' };
  install(domain: string) {
    return Promise.all(this.HOOKS.map(type => fetch(domain + '/hooks/' + type, { method: 'PUT', signal: AbortSignal.timeout(5000) })));
  }
  ping() {
    return Promise.all(Object.values(this.endpoints).map(url => fetch(url, { signal: AbortSignal.timeout(5000) })));
  }
}`,
      // An entry of a literal table a class field holds, read with computed keys: every list in it is short.
      `export class AttachmentGuard {
  private permissionMap: Record<string, Record<string, [string, string][]>> = {
    read: { avatar: [['user', 'read']], setting: [['setting', 'read'], ['attachment', 'read']] },
    create: { avatar: [['user', 'update']], message: [['message', 'create'], ['attachment', 'create']] },
  };
  async allowed(action: string, ref: string, userId: string) {
    const permissions = this.permissionMap[action][ref];
    const checks = await Promise.all(
      permissions.map(([model, permission]) => fetch(\`https://acl.internal/\${userId}/\${model}/\${permission}\`)),
    );
    return checks.every(check => check.ok);
  }
}`,
      // A list the deployment's settings module holds (operator-sized, like an environment list).
      `import Settings from '@overleaf/settings';
export async function clearCache(path: string) {
  await Promise.all(
    Settings.apis.clsiCache.instances.map(({ url }: { url: string }) =>
      fetch(new URL(path, url), { method: 'DELETE', signal: AbortSignal.timeout(5000) }),
    ),
  );
}`,
      `import Settings from '../settings.js';
export async function warm() {
  await Promise.all(Settings.cache.peers.map(({ url }: { url: string }) => fetch(url, { signal: AbortSignal.timeout(2000) })));
}`,
      // A utility library's map over local work.
      `import _ from 'lodash'; export const names = (ids: string[]) => Promise.all(_.map(ids, async id => id.trim()));`,
      // Project calls: a project function that only computes is local work.
      {
        filename: HANDLER,
        code: `import { formatName } from '@/lib/workspaces';
export const names = (xs: string[]) => Promise.all(xs.map(async x => formatName(x)));`,
        options: [{ checkTests: true }],
      },
      // A method of a project class that only computes is local work.
      {
        filename: HANDLER,
        code: `import { UsersService } from '@/lib/users-service';
export class Names {
  constructor(private readonly users: UsersService) {}
  all(ids: string[]) { return Promise.all(ids.map(async id => this.users.format(id))); }
}`,
        options: [{ checkTests: true }],
      },
      // Through DI tokens: a local method of the one class that implements an interface, a
      // concrete method of an abstract class, and an interface implemented twice (which one runs is
      // not visible, so it says nothing).
      {
        filename: HANDLER,
        code: `import { Inject } from '@nestjs/common';
import { BalancesApi, IChainsRepository, type IPricesApi } from '@/chains/chains.repository.interface';
export class Portfolio {
  constructor(
    @Inject(IChainsRepository) private readonly chains: IChainsRepository,
    private readonly prices: IPricesApi,
    private readonly balances: BalancesApi,
  ) {}
  labels(ids: string[]) { return Promise.all(ids.map(async id => this.chains.label(id))); }
  values(tokens: string[]) { return Promise.all(tokens.map(token => this.prices.getPrice(token))); }
  describe(addresses: string[]) { return Promise.all(addresses.map(async address => this.balances.describe(address))); }
}`,
        options: [{ checkTests: true }],
      },
      // A function wrapped by a limiter in its module runs through the limiter.
      {
        filename: HANDLER,
        code: `import { throttled } from '@/lib/limited';
export const load = (urls: string[]) => Promise.all(urls.map(url => throttled(url)));`,
        options: [{ checkTests: true }],
      },
      // Value and query helpers of client libraries send nothing: ethers' and viem's unit helpers,
      // drizzle-orm's and typeorm's query builders, mongoose's ObjectId.
      {
        filename: HANDLER,
        code: `import { BigNumber, ethers } from 'ethers';
import { parseUnits } from 'viem';
import { eq, is } from 'drizzle-orm';
import { In } from 'typeorm';
import mongoose from 'mongoose';
export function amounts(tokens: { address: string; amount: string }[], out: Record<string, unknown>) {
  tokens.forEach(token => { out[token.address] = BigNumber.from(token.amount); });
  tokens.forEach(token => { out[token.address] = parseUnits(token.amount, 18); });
  tokens.forEach(token => { out[token.address] = ethers.utils.formatUnits(token.amount, 18); });
  tokens.forEach(token => { if (is(token, Object)) out[token.address] = eq(token, token.address); });
  tokens.forEach(token => { out[token.address] = [In([token.address]), mongoose.Types.ObjectId(token.address)]; });
}`,
        options: [{ checkTests: true }],
      },
      // The chains an indexer is configured for, and the regions a service runs in: whoever deploys
      // it lists a handful.
      `export async function heads(config: { chains: { rpcUrl: string }[] }, chainIds: number[]) {
  await Promise.all(config.chains.map(chain => fetch(chain.rpcUrl, { method: 'POST', signal: AbortSignal.timeout(5000) })));
  await Promise.all(chainIds.map(id => fetch('https://rpc.example.com/' + id, { signal: AbortSignal.timeout(5000) })));
}`,
      // Every query runs on the transaction: the builder's own method hands its callback the same
      // transaction, whose one connection takes the queries in turn.
      {
        filename: HANDLER,
        code: `import type { QB } from '@/lib/query-builder';
export async function createTriggers(qb: QB, tables: string[]) {
  await qb.transaction(async tx => {
    await Promise.all(tables.map(table => tx.wrap({ label: 'create_trigger' }, (inner: QB) => inner.execute('create trigger t_' + table))));
  });
}`,
        options: [{ checkTests: true }],
      },
      // Active-record statics that only build or describe a model send nothing (TypeORM's \`create\`,
      // a static of the project's own that computes).
      {
        filename: HANDLER,
        code: `import { Member } from '@/models/member';
export const build = (guildIds: string[]) => Promise.all(guildIds.map(async guild_id => Member.create({ guild_id })));
export const names = (guildIds: string[]) => Promise.all(guildIds.map(async guild_id => Member.describe(guild_id)));`,
        options: [{ checkTests: true }],
      },
      // Registering a route wraps its handler in a closure that calls out later, per request.
      {
        filename: HANDLER,
        code: `import { registerRoute } from '@/lib/route-wrappers';
type Handler = (url: string) => Promise<unknown>;
export function start(handlers: Handler[], routes: Handler[]) {
  handlers.forEach(handler => registerRoute(routes, handler));
}`,
        options: [{ checkTests: true }],
      },
      // A module that is not there says nothing.
      {
        filename: HANDLER,
        code: `import { getThings } from '../lib/missing';
export const load = (ids: string[]) => Promise.all(ids.map(id => getThings(id)));`,
        options: [{ checkTests: true }],
      },
      // A project call fanned out with a bound.
      {
        filename: HANDLER,
        code: `import pMap from 'p-map';
import { getWorkspaces } from '@/lib/workspaces';
export const load = (orgs: string[]) => pMap(orgs, org => getWorkspaces(org), { concurrency: 4 });`,
        options: [{ checkTests: true }],
      },
      // A field typed with the project's own interface is not a client the catalog knows.
      `
interface UserClient { get(id: string): Promise<unknown> }
export class Users {
  constructor(private readonly users: UserClient) {}
  loadAll(ids: string[]) { return Promise.all(ids.map(id => this.users.get(id))); }
}
`,
      // Saltcorn's remote view queries: the callback stores one function per query (in an object, a
      // property or a const it never calls); nothing is sent per item now.
      `export function remoteQueries(queryObj: Record<string, unknown>, base: string) {
  const queries: Record<string, (...args: unknown[]) => Promise<unknown>> = {};
  Object.entries(queryObj).forEach(([k]) => {
    queries[k] = async (...args: unknown[]) => {
      const res = await fetch(\`\${base}/api/viewQuery/\${k}\`, { method: 'POST', body: JSON.stringify(args) });
      return res.json();
    };
  });
  Object.keys(queryObj).forEach(k => {
    const load = () => fetch(\`\${base}/api/view/\${k}\`);
    registry.push({ name: k, load, reload: () => fetch(\`\${base}/api/reload/\${k}\`) });
  });
  return queries;
}
declare const registry: { name: string; load: () => unknown; reload: () => unknown }[];`,
      {
        // The same through a client of the project: the callback stores a function per item.
        filename: HANDLER,
        code: `import chainApi from '@/lib/chain-api';
export function trackers(ids: string[]) {
  const track: Record<string, () => unknown> = {};
  ids.forEach(id => {
    track[id] = () => chainApi.trackUsage(id);
  });
  return track;
}`,
        options: [{ checkTests: true }],
      },
      // The fetch runs in a click handler, later, not per item now.
      `forms.forEach(form => { form.addEventListener('click', async () => { await fetch('/read', { method: 'POST', signal: AbortSignal.timeout(1000) }); }); });`,
      `import pLimit from 'p-limit'; import axios from 'axios'; const limit = pLimit(8); export const load = (ids: string[]) => Promise.all(ids.map(id => limit(() => axios.get('/u/' + id, { timeout: 1000 }))));`,
      `import pMap from 'p-map'; import axios from 'axios'; export const load = (ids: string[]) => pMap(ids, id => axios.get('/u/' + id, { timeout: 1000 }), { concurrency: 8 });`,
      // A short literal list.
      `await Promise.all(['eu', 'us', 'ap'].map(region => fetch('https://' + region + '.example.com', { signal: AbortSignal.timeout(1000) })));`,
      // Sequential: each call is awaited before the next starts.
      `for (const id of ids) { results.push(await fetch('/u/' + id, { signal: AbortSignal.timeout(1000) })); }`,
      // Thunks are collected, not started.
      `const jobs = []; for (const id of ids) jobs.push(() => fetch('/u/' + id, { signal: AbortSignal.timeout(1000) }));`,
      // Local work.
      'await Promise.all(files.map(file => parse(file)));',
      {
        code: `await Promise.all(ids.map(id => runLimited(() => fetch('/u/' + id, { signal: AbortSignal.timeout(1000) }))));`,
        settings: { faultline: { concurrencyLimiters: ['runLimited'] } },
      },
      // A window of a fixed size (`slice(i, i + N)`), handed to a private method by its only caller.
      `import axios from 'axios';
const http = axios.create({ timeout: 1000 });
const BUNDLE = 20;
export class Scanner {
  private items: string[] = [];
  async loop() {
    for (let start = 0; start < this.items.length; start += BUNDLE) await this.process(this.items.slice(start, start + BUNDLE));
  }
  private async process(slicedItems: string[]) { await Promise.all(slicedItems.map(id => http.get('/x/' + id))); }
}
export async function windows(ids: string[]) {
  for (let i = 0; i < ids.length; i += 100) await Promise.all(ids.slice(i, i + 100).map(id => http.get('/y/' + id)));
}`,
      // A window built from the counter of a loop that steps by a batch (\`start += CONCURRENCY\`).
      `import axios from 'axios';
import { CONCURRENCY } from './limits';
const http = axios.create({ timeout: 1000 });
export async function resolve(data: string[]) {
  const values: unknown[] = new Array(data.length);
  for (let start = 0; start < data.length; start += CONCURRENCY) {
    const end = Math.min(start + CONCURRENCY, data.length);
    await Promise.all(
      Array.from({ length: end - start }, (_, offset) => start + offset).map(async i => {
        values[i] = await http.get('/v/' + data[i]);
      }),
    );
  }
  return values;
}`,
      // One page of rows: a query capped by `.limit(20)` or Prisma's `take`, and a page of an API listing.
      `import axios from 'axios';
import knex from 'knex';
const db = knex({ client: 'pg', connection: { host: 'db', statement_timeout: 1000 } });
const http = axios.create({ timeout: 1000 });
export async function notes() {
  const rows = await db('notes').select('id').limit(20);
  await Promise.all(rows.map(row => http.get('/n/' + row.id)));
}
export async function users(prisma: { user: { findMany(q: object): Promise<{ id: string }[]> } }) {
  const found = await prisma.user.findMany({ take: 25 });
  await Promise.all(found.map(user => http.post('/z', user)));
}
export async function listing(api: { list(q: object): Promise<{ items: string[] }> }) {
  const page = await api.list({ pageSize: 50 });
  await Promise.all(page.items.map(id => http.get('/i/' + id)));
}
export class Scanner {
  constructor(private readonly plex: { contents(id: string, q: object): Promise<{ items: string[] }> }, private readonly bundleSize = 20) {}
  async scan(id: string, start: number) {
    const response = await this.plex.contents(id, { size: this.bundleSize, offset: start });
    await Promise.all(response.items.map(item => http.get('/m/' + item)));
  }
}`,
      // A Redis range read of at most 20 ids, written out or as `LIMIT - 1`.
      `import { Redis } from 'ioredis';
const redis = new Redis({ commandTimeout: 1000 });
const LIMIT = 20;
export async function recent() {
  const ids = await redis.zrange('recent', 0, 19);
  await Promise.all(ids.map(id => fetch('https://api.internal/' + id, { signal: AbortSignal.timeout(1000) })));
  const more = await redis.lrange('queue', 0, LIMIT - 1);
  await Promise.all(more.map(id => fetch('https://api.internal/' + id, { signal: AbortSignal.timeout(1000) })));
}`,
      // Through a shared queue or limiter made elsewhere (imported, or a field), named as one.
      `import { aiQueue } from './ai-queue';
export const label = (threads: string[]) =>
  Promise.all(threads.map(id => aiQueue.add(() => fetch('https://ai.internal/' + id, { signal: AbortSignal.timeout(1000) }))));
export class Sync {
  constructor(private readonly limiter: { schedule<T>(fn: () => Promise<T>): Promise<T> }) {}
  run(ids: string[]) {
    return Promise.all(ids.map(id => this.limiter.schedule(() => fetch('https://s.internal/' + id, { signal: AbortSignal.timeout(1000) }))));
  }
}`,
      // A batch from a chunking helper is bounded.
      `for (const chunk of chunks) await Promise.all(chunk.map(id => fetch('/u/' + id, { signal: AbortSignal.timeout(1000) })));`,
      // The size was checked against a limit before the fan-out, and a larger list turned away.
      `const MAX_INVITES = 20;
export async function invite(invites: { email: string }[], current: number) {
  if (current + invites.length > MAX_INVITES) throw new Error('too many');
  return Promise.allSettled(invites.map(({ email }) => fetch('/invite/' + email, { method: 'POST', signal: AbortSignal.timeout(1000) })));
}`,
      `export async function load(body: { ids: string[] }) {
  if (limits.maxIds < body.ids.length) return { error: 'too many ids' };
  return Promise.all(body.ids.map(id => fetch('/u/' + id, { signal: AbortSignal.timeout(1000) })));
}`,
      // A collection named for a small fixed domain: a provider's regions.
      `export async function check(input: { regions: string[] }) {
  return Promise.allSettled(input.regions.map(region => fetch('https://checker/' + region, { method: 'POST', signal: AbortSignal.timeout(60_000) })));
}`,
      // A getter of a project singleton that also talks to a server reads memory: not a remote call.
      {
        filename: HANDLER,
        code: `import memPool from '@/lib/mempool';
export function broadcast(clients: Set<{ send(message: unknown): void }>) {
  clients.forEach(client => {
    client.send({ size: memPool.getSize() });
  });
}`,
        options: [{ checkTests: true }],
      },
      // ... also when the singleton is what a factory of its module returns, one of two classes whose
      // getters are both synchronous.
      {
        filename: HANDLER,
        code: `import chainApi from '@/lib/chain-api';
export function broadcast(clients: Set<{ send(message: unknown): void }>) {
  clients.forEach(client => {
    client.send({ health: chainApi.getHealthStatus() });
  });
}`,
        options: [{ checkTests: true }],
      },
      // A limiter the project keeps a copy of (`../utils/p-limit`) limits as the package does.
      `import pLimit from '../utils/p-limit';
import PQueue from './vendor/p-queue/index.js';
const limit = pLimit(8);
const queue = new PQueue({ concurrency: 4 });
export const load = (ids: string[]) => Promise.all(ids.map(id => limit(() => fetch('https://api.internal/' + id, { signal: AbortSignal.timeout(1000) }))));
export const save = (ids: string[]) => Promise.all(ids.map(id => queue.add(() => fetch('https://api.internal/' + id, { method: 'PUT', signal: AbortSignal.timeout(1000) }))));`,
      // Lists configuration sizes: an environment variable's items (split, parsed as JSON, with a
      // default), a short list with such lists spread in, and what Promise.all makes of them.
      `export async function probe() {
  const hosts = process.env.HOSTS?.split(',') ?? [];
  const names = ['core', ...(process.env.EXTRA_PLUGINS || 'a,b').split(','), ...JSON.parse(process.env.API_PLUGINS ?? '[]')];
  await Promise.all(hosts.map(host => fetch('https://' + host + '/health', { signal: AbortSignal.timeout(1000) })));
  const targets = await Promise.all(names.map(async name => name + '.internal'));
  await Promise.all(targets.map(target => fetch('https://' + target, { signal: AbortSignal.timeout(1000) })));
}`,
      // The same list returned by a function of another module of the project (through project
      // facts), directly and filtered by another function there.
      {
        filename: HANDLER,
        code: `import { getPlugins, uiPlugins } from '@/lib/plugins';
export async function ready() {
  const plugins = await getPlugins();
  await Promise.all(plugins.map(name => fetch('https://' + name + '.internal/health', { signal: AbortSignal.timeout(1000) })));
  await Promise.all((await uiPlugins()).map(name => fetch('https://' + name + '.internal/ui', { signal: AbortSignal.timeout(1000) })));
}`,
        options: [{ checkTests: true }],
      },
      // Configuration, not data: a constant by naming convention, and a member of a config object.
      `import { WEBHOOKS } from './secrets';
export function notify(payload: string) {
  WEBHOOKS.forEach(hook => void fetch(hook.url, { method: 'POST', body: payload, signal: AbortSignal.timeout(5000) }));
}
export class Model {
  constructor(private readonly config: { indexesToRemove: string[] }, private readonly db: { dropIndex(name: string): Promise<void> }) {}
  async migrate() {
    await Promise.all(this.config.indexesToRemove.map(name => fetch('https://db.internal/drop/' + name, { method: 'POST', signal: AbortSignal.timeout(5000) })));
  }
}`,
      // A transaction's client named like the shared one: its queries run one after another on
      // the transaction's connection, whatever the parameter is called.
      {
        filename: HANDLER,
        code: `import { prisma } from '@/lib/db';
export const rename = (ids: string[]) =>
  prisma.$transaction(async prisma => Promise.all(ids.map(id => prisma.user.update({ where: { id }, data: { name: 'x' } }))));`,
        options: [{ checkTests: true }],
      },
      // Sequelize: every call passes the transaction its callback was given (`{ transaction }`,
      // `{ transaction: t }`, an options const), so the queries wait for each other on its connection.
      {
        filename: HANDLER,
        code: `import * as models from '@/lib/models';
import { Order, sequelize } from '@/lib/models';
export const close = (items: { id: string }[]) =>
  sequelize.transaction(async transaction => {
    await Promise.all(items.map(item => Order.update({ status: 'closed' }, { where: { id: item.id }, transaction })));
    await Promise.all(items.map(item => sequelize.query('UPDATE lines SET closed = true WHERE order_id = ?', { replacements: [item.id], transaction })));
  });
export const copy = (items: { id: string }[]) =>
  sequelize.transaction({ isolationLevel: 'SERIALIZABLE' }, async t => {
    const options = { transaction: t };
    await Promise.all(items.map(item => models.Order.create({ id: item.id }, { transaction: t })));
    await Promise.all(items.map(item => Order.create({ id: item.id }, options)));
  });`,
        options: [{ checkTests: true }],
      },
      // Sequelize: an unmanaged transaction (`await sequelize.transaction()`), and a helper given one
      // as a parameter declared with Sequelize's `Transaction`.
      {
        filename: HANDLER,
        code: `import type { Transaction } from 'sequelize';
import { Order, sequelize } from '@/lib/models';
export async function archive(items: { id: string }[]) {
  const t = await sequelize.transaction();
  await Promise.all(items.map(item => Order.update({ status: 'archived' }, { where: { id: item.id }, transaction: t })));
  await t.commit();
}
export async function reopen(items: { id: string }[], transaction?: Transaction | null) {
  await Promise.all(items.map(item => Order.update({ status: 'open' }, { where: { id: item.id }, transaction })));
}`,
        options: [{ checkTests: true }],
      },
      // TypeORM: the callback's EntityManager (with an isolation level first), and helpers given the
      // transaction's EntityManager or its QueryRunner, whose `manager` runs on the runner's connection.
      {
        filename: HANDLER,
        code: `import type { EntityManager, QueryRunner } from 'typeorm';
import { dataSource } from '@/lib/models';
export const saveAll = (items: object[]) =>
  dataSource.transaction('SERIALIZABLE', async (manager: EntityManager) => {
    await Promise.all(items.map(item => manager.getRepository('Order').save(item)));
  });
export const insertAll = (manager: EntityManager, items: object[]) => Promise.all(items.map(item => manager.save(item)));
export const removeAll = (queryRunner: QueryRunner, items: object[]) =>
  Promise.all(items.map(item => queryRunner.manager.remove(item)));`,
        options: [{ checkTests: true }],
      },
      // knex: queries that chain `.transacting(trx)`, with the callback's transaction, an awaited
      // `db.transaction()`, or a helper's `Knex.Transaction`, fanned out by map, p-map, forEach or pushes.
      `import knex, { type Knex } from 'knex';
import pMap from 'p-map';
const db = knex({ client: 'pg', connection: { host: 'db', statement_timeout: 1000 } });
export const close = (ids: string[]) =>
  db.transaction(async trx => {
    await Promise.all(ids.map(id => db('orders').where({ id }).update({ status: 'closed' }).transacting(trx)));
    await pMap(ids, id => db('lines').where({ order_id: id }).del().transacting(trx));
  });
export async function archive(ids: string[]) {
  const trx = await db.transaction();
  ids.forEach(id => void db('orders').transacting(trx).where({ id }).update({ status: 'archived' }));
  const pending = [];
  for (const id of ids) pending.push(db('audit').insert({ id }).transacting(trx));
  await Promise.all(pending);
  await trx.commit();
}
export const reopen = (trx: Knex.Transaction, ids: string[]) =>
  Promise.all(ids.map(id => db('orders').where({ id }).update({ status: 'open' }).transacting(trx)));`,
      // A method that a transaction decorator runs in one transaction (Vendure's \`@Transaction()\`,
      // typeorm-transactional's \`@Transactional()\`): the project's query functions it fans out to
      // wait for each other on the transaction's connection.
      {
        filename: HANDLER,
        code: `import { Transaction } from '../lib/transaction.decorator';
import { Transactional } from 'typeorm-transactional';
import { getWorkspaces } from '@/lib/workspaces';
export class WorkspaceResolver {
  @Transaction()
  async refreshAll(orgs: string[]) { return Promise.all(orgs.map(org => getWorkspaces(org))); }
  @Transactional({ propagation: 'REQUIRED' })
  refreshEach = async (orgs: string[]) => { for (const org of orgs) void getWorkspaces(org).then(() => undefined); await Promise.all(orgs.map(async org => { await getWorkspaces(org); })); };
}`,
        options: [{ checkTests: true }],
      },
      // A list a function of this file returns, made with a constant length: seven keys, seven reads.
      `import { Redis } from 'ioredis';
const redis = new Redis({ commandTimeout: 1000 });
const DAYS = 7;
function weeklyDays(now: Date) {
  return Array.from({ length: DAYS }, (_, offset) => new Date(now.getTime() - offset * 86_400_000).toISOString());
}
function weeklyKeys(userId: string, now: Date) {
  const days = weeklyDays(now);
  return days.map(day => \`usage:\${userId}:\${day}\`);
}
async function weeklyTotal(keys: string[]) {
  return Promise.all(keys.map(key => redis.hgetall(key)));
}
export const total = (userId: string) => {
  const keys = weeklyKeys(userId, new Date());
  return weeklyTotal(keys);
};
export const regions = () => Promise.all(Array.from(['eu', 'us']).map(region => redis.get(region)));`,
      // The loop waits for what it pushed every tenth item: at most ten requests run at once.
      `export async function refresh(sources: string[]) {
  const promises: Promise<Response>[] = [];
  for (let i = 0; i < sources.length; i++) {
    promises.push(fetch('https://registry/' + sources[i], { signal: AbortSignal.timeout(5000) }));
    if (i % 10 === 0) {
      await Promise.all(promises);
      promises.length = 0;
    }
  }
  await Promise.all(promises);
}
export async function sync(ids: string[]) {
  const batch: Promise<Response>[] = [];
  for (const id of ids) {
    batch.push(fetch('https://api/u/' + id, { signal: AbortSignal.timeout(5000) }));
    if (batch.length >= 20) await Promise.allSettled(batch.splice(0));
  }
  await Promise.allSettled(batch);
}`,
      // kysely: a helper given the transaction (\`Transaction<DB>\`) calls on it.
      {
        filename: HANDLER,
        code: `import type { Transaction } from 'kysely';
export const touch = (trx: Transaction<Record<string, never>>, ids: string[]) =>
  Promise.all(ids.map(id => trx.updateTable('orders').where('id', '=', id).execute()));`,
        options: [{ checkTests: true }],
      },
      // An import whose resolution probes a path under a file (`http.ts/…`, ENOTDIR): not the project's, and no crash.
      {
        filename: HANDLER,
        code: `import { send } from '../lib/http.ts/send';
export const all = (ids: string[]) => Promise.all(ids.map(id => send(id)));`,
        options: [{ checkTests: true }],
      },
      // A crawl that fans out over the children it found, but first returns once its shared budget
      // (handed down to every recursive call) is spent: the whole walk makes a bounded number of calls.
      `export async function crawl(url: string, seen: Set<string>): Promise<number> {
  if (seen.size >= 20) return 0;
  seen.add(url);
  const text = await (await fetch(url, { signal: AbortSignal.timeout(5000) })).text();
  const children = text.split('\\n');
  return (await Promise.all(children.map(child => crawl(child, seen)))).reduce((a, b) => a + b, 0);
}`,
    ],
    invalid: [
      {
        // A module's export that sends (Vercel Blob's \`put\`) is still a remote call, and so is a query
        // run per item outside the transaction.
        filename: HANDLER,
        code: `import { put } from '@vercel/blob';
import type { QB } from '@/lib/query-builder';
export function upload(files: { name: string; body: string }[]) {
  files.forEach(file => { void put(file.name, file.body, { access: 'public' }); });
}
export async function dropTriggers(qb: QB, tables: string[]) {
  await Promise.all(tables.map(table => qb.wrap({ label: 'drop_trigger' }, (inner: QB) => inner.execute('drop trigger t_' + table))));
}`,
        options: [{ checkTests: true }],
        errors: [
          { line: 4, column: 3, endLine: 4, endColumn: 16, messageId: 'unboundedForEach' },
          { line: 7, column: 9, endLine: 7, endColumn: 20, messageId: 'unboundedFanout' },
        ],
      },
      {
        // A model's active-record query through the project's base over TypeORM's \`BaseEntity\`, and
        // its own static method that runs one; and a call of the closure a route wrapper returns.
        filename: HANDLER,
        code: `import { Member } from '@/models/member';
import { warmRoute } from '@/lib/route-wrappers';
export const sync = (guildIds: string[]) => Promise.all(guildIds.map(guild_id => Member.find({ where: { guild_id } })));
export const load = (guildIds: string[]) => Promise.all(guildIds.map(guild_id => Member.findInGuild(guild_id)));
export const warm = (handlers: ((url: string) => Promise<unknown>)[]) => Promise.all(handlers.map(handler => warmRoute(handler)));`,
        options: [{ checkTests: true }],
        errors: [
          { line: 3, column: 45, endLine: 3, endColumn: 56, messageId: 'unboundedFanout' },
          { line: 4, column: 45, endLine: 4, endColumn: 56, messageId: 'unboundedFanout' },
          { line: 5, column: 74, endLine: 5, endColumn: 85, messageId: 'unboundedFanout' },
        ],
      },
      {
        // Its method that reaches the server (through a private method) is one.
        filename: HANDLER,
        code: `import memPool from '@/lib/mempool';
export const refreshAll = (ids: string[]) => Promise.all(ids.map(() => memPool.refresh()));`,
        options: [{ checkTests: true }],
        errors: [{ line: 2, column: 46, endLine: 2, endColumn: 57, messageId: 'unboundedFanout' }],
      },
      {
        // The factory-made singleton's remote method is one (its classes' methods are async).
        filename: HANDLER,
        code: `import chainApi from '@/lib/chain-api';
export const loadAll = (hashes: string[]) => Promise.all(hashes.map(hash => chainApi.getBlock(hash)));`,
        options: [{ checkTests: true }],
        errors: [{ line: 2, column: 46, endLine: 2, endColumn: 57, messageId: 'unboundedFanout' }],
      },
      {
        // A forEach that keeps each promise (to await them together) is a fan-out all at once, not
        // an unawaited one: the message says so.
        code: `import axios from 'axios';
export function list(urls: string[]) {
  const promises: Promise<unknown>[] = [];
  urls.forEach(url => {
    const p = axios.get(url, { timeout: 5000 }).catch(() => []);
    promises.push(p);
  });
  return Promise.all(promises);
}`,
        errors: [{ line: 4, column: 3, endLine: 4, endColumn: 15, messageId: 'unboundedFanout' }],
      },
      {
        // A method typed `void` may still send a request it does not wait for: not taken as synchronous.
        filename: HANDLER,
        code: `import chainApi from '@/lib/chain-api';
export function trackAll(ids: string[]) {
  ids.forEach(id => chainApi.trackUsage(id));
}`,
        options: [{ checkTests: true }],
        errors: [{ line: 3, column: 3, endLine: 3, endColumn: 14, messageId: 'unboundedForEach' }],
      },
      {
        // A local module is not a limiter because it limits: only a copy named as one counts.
        code: `import limitAll from '../utils/limit-all';
const limit = limitAll(8);
export const load = (ids: string[]) => Promise.all(ids.map(id => limit(() => fetch('https://api.internal/' + id, { signal: AbortSignal.timeout(1000) }))));`,
        errors: [{ line: 3, column: 40, endLine: 3, endColumn: 51, messageId: 'unboundedFanout' }],
      },
      {
        // Data spread into a short list, and a function of the project that returns rows of a table
        // with a literal first: as many items as the data has.
        filename: HANDLER,
        code: `import { pendingCleanups, tenantNames } from '@/lib/plugins';
export async function warm(ids: string[]) {
  const keys = ['core', ...(process.env.EXTRA?.split(',') ?? []), ...ids];
  await Promise.all(keys.map(key => fetch('https://cache.internal/' + key, { signal: AbortSignal.timeout(1000) })));
  const tenants = await tenantNames();
  await Promise.all(tenants.map(name => fetch('https://' + name + '.internal', { signal: AbortSignal.timeout(1000) })));
  const urls = await pendingCleanups();
  await Promise.allSettled(urls.map(url => fetch(url, { method: 'DELETE', signal: AbortSignal.timeout(1000) })));
  // An empty list or object made here and filled from the data.
  const found: string[] = [];
  for (const key of keys) found.push(key);
  const byId: Record<string, string> = {};
  for (const key of keys) byId[key] = key;
  await Promise.all(found.map(id => fetch('https://cache.internal/' + id, { signal: AbortSignal.timeout(1000) })));
  await Promise.all(Object.keys(byId).map(id => fetch('https://cache.internal/' + id, { signal: AbortSignal.timeout(1000) })));
}`,
        options: [{ checkTests: true }],
        errors: [
          { line: 4, column: 9, endLine: 4, endColumn: 20, messageId: 'unboundedFanout' },
          { line: 6, column: 9, endLine: 6, endColumn: 20, messageId: 'unboundedFanout' },
          { line: 8, column: 9, endLine: 8, endColumn: 27, messageId: 'unboundedFanout' },
          { line: 14, column: 9, endLine: 14, endColumn: 20, messageId: 'unboundedFanout' },
          { line: 15, column: 9, endLine: 15, endColumn: 20, messageId: 'unboundedFanout' },
        ],
      },
      {
        // Object stores over HTTP: one request to the store per item, all at once (known as remote
        // through project facts, which need the file's real path).
        filename: HANDLER,
        code: `import { del } from '@vercel/blob';
import { Storage } from '@google-cloud/storage';
const storage = new Storage();
export async function cleanup(urls: string[], names: string[]) {
  await Promise.allSettled(urls.map(async url => { await del(url); }));
  await Promise.all(names.map(name => storage.bucket('exports').file(name).delete()));
}`,
        options: [{ checkTests: true }],
        errors: [
          { line: 5, column: 9, endLine: 5, endColumn: 27, messageId: 'unboundedFanout' },
          { line: 6, column: 9, endLine: 6, endColumn: 20, messageId: 'unboundedFanout' },
        ],
      },
      {
        // A limiter made for each item limits nothing.
        code: `import { makeQueue } from './queues';
export const label = (threads: string[]) =>
  Promise.all(threads.map(id => { const queue = makeQueue(); return queue.add(() => fetch('https://ai.internal/' + id, { signal: AbortSignal.timeout(1000) })); }));`,
        errors: [{ line: 3, column: 3, endLine: 3, endColumn: 14, messageId: 'unboundedFanout' }],
      },
      {
        // The whole sorted set (`0, -1`) is not a page.
        code: `import { Redis } from 'ioredis';
const redis = new Redis({ commandTimeout: 1000 });
export async function all() {
  const ids = await redis.zrange('recent', 0, -1);
  await Promise.all(ids.map(id => fetch('https://api.internal/' + id, { signal: AbortSignal.timeout(1000) })));
}`,
        errors: [{ line: 5, column: 9, endLine: 5, endColumn: 20, messageId: 'unboundedFanout' }],
      },
      {
        // Data under a name that is neither a constant nor configuration: a request body's list.
        code: `export async function notify(body: { Webhooks: string[]; config_ids: string[] }) {
  await Promise.all(body.Webhooks.map(url => fetch(url, { method: 'POST', signal: AbortSignal.timeout(5000) })));
  await Promise.all(body.config_ids.map(id => fetch('https://c.internal/' + id, { signal: AbortSignal.timeout(5000) })));
}`,
        errors: [
          { line: 2, column: 9, endLine: 2, endColumn: 20, messageId: 'unboundedFanout' },
          { line: 3, column: 9, endLine: 3, endColumn: 20, messageId: 'unboundedFanout' },
        ],
      },
      {
        // A page whose size is read from a variable not named as one, or is larger than a batch.
        code: `import axios from 'axios';
const http = axios.create({ timeout: 1000 });
export async function scan(api: { list(q: object): Promise<{ items: string[] }> }, n: number) {
  const page = await api.list({ size: n });
  await Promise.all(page.items.map(id => http.get('/i/' + id)));
  const big = await api.list({ size: 1000 });
  await Promise.all(big.items.map(id => http.get('/i/' + id)));
}
export async function files(api: { list(q: object): Promise<{ items: string[] }> }, query: { pageSize: number }) {
  const { pageSize } = query;
  const page = await api.list({ take: pageSize });
  await Promise.all(page.items.map(id => http.get('/f/' + id)));
}`,
        errors: [
          { line: 5, column: 9, endLine: 5, endColumn: 20, messageId: 'unboundedFanout' },
          { line: 7, column: 9, endLine: 7, endColumn: 20, messageId: 'unboundedFanout' },
          { line: 12, column: 9, endLine: 12, endColumn: 20, messageId: 'unboundedFanout' },
        ],
      },
      {
        // A loop that steps by two reads one item's own list at the counter: the step bounds nothing.
        code: `import axios from 'axios';
const http = axios.create({ timeout: 1000 });
export async function pairs(groups: { members: string[] }[]) {
  for (let i = 0; i < groups.length; i += 2) await Promise.all(groups[i].members.map(id => http.get('/m/' + id)));
}`,
        errors: [{ line: 4, column: 52, endLine: 4, endColumn: 63, messageId: 'unboundedFanout' }],
      },
      // Through a field declared with a service class of the project whose method queries Prisma,
      // and through a parameter declared with a wrapper whose field is a kysely instance.
      {
        filename: HANDLER,
        code: `import { type Database, UsersService } from '@/lib/users-service';
export class Team {
  constructor(private readonly users: UsersService) {}
  members(ids: string[]) { return Promise.all(ids.map(id => this.users.findOne(id))); }
  groups(groups: string[][]) { return Promise.all(groups.map(group => this.users.findMany(group))); }
}
export const likes = (db: Database, uris: string[]) =>
  Promise.all(uris.map(async uri => db.db.selectFrom('like').where('subject', '=', uri).execute()));`,
        options: [{ checkTests: true }],
        errors: [
          { line: 4, column: 35, endLine: 4, endColumn: 46, messageId: 'unboundedFanout' },
          { line: 5, column: 39, endLine: 5, endColumn: 50, messageId: 'unboundedFanout' },
          { line: 8, column: 3, endLine: 8, endColumn: 14, messageId: 'unboundedFanout' },
        ],
      },
      // Through DI tokens: an interface whose one implementation in the project fetches, and an
      // abstract class whose one subclass calls a Solana connection.
      {
        filename: HANDLER,
        code: `import { Inject } from '@nestjs/common';
import { BalancesApi, IChainsRepository } from '@/chains/chains.repository.interface';
export class Portfolio {
  constructor(
    @Inject(IChainsRepository) private readonly chains: IChainsRepository,
    private readonly balances: BalancesApi,
  ) {}
  chainsOf(ids: string[]) { return Promise.all(ids.map(id => this.chains.getChain(id))); }
  balancesOf(addresses: string[]) { return Promise.all(addresses.map(address => this.balances.getBalance(address))); }
}`,
        options: [{ checkTests: true }],
        errors: [
          { line: 8, column: 36, endLine: 8, endColumn: 47, messageId: 'unboundedFanout' },
          { line: 9, column: 44, endLine: 9, endColumn: 55, messageId: 'unboundedFanout' },
        ],
      },
      // A function of the project found through the tsconfig's baseUrl (`'network'`), whose request
      // goes through fetch imported from node-fetch.
      {
        filename: BASEURL_WORKER,
        code: `import { fetchWithProxy } from 'network';
export async function deliver(webhooks: { url: string }[], body: string) {
  await Promise.allSettled(webhooks.map(webhook => fetchWithProxy(webhook.url, { method: 'POST', body })));
}`,
        options: [{ checkTests: true }],
        errors: [{ line: 3, column: 9, endLine: 3, endColumn: 27, messageId: 'unboundedFanout' }],
      },
      // A client of another module known only by its declared type (`export const supabase: SupabaseClient = new Proxy(…)`).
      {
        filename: HANDLER,
        code: `import { supabase } from '../lib/supabase';
export const touchAll = (ids: string[]) => Promise.all(ids.map(id => supabase.from('jobs').update({ seen: true }).eq('id', id)));`,
        options: [{ checkTests: true }],
        errors: [{ line: 2, column: 44, endLine: 2, endColumn: 55, messageId: 'unboundedFanout' }],
      },
      // The same crawl without the budget: every level fans out over all of its children.
      {
        code: `export async function crawl(url: string, seen: Set<string>): Promise<number> {
  if (seen.has(url)) return 0;
  seen.add(url);
  const text = await (await fetch(url, { signal: AbortSignal.timeout(5000) })).text();
  const children = text.split('\\n');
  return (await Promise.all(children.map(child => crawl(child, seen)))).reduce((a, b) => a + b, 0);
}`,
        errors: [{ line: 6, column: 17, endLine: 6, endColumn: 28, messageId: 'unboundedFanout' }],
      },
      // A budget checked, but a direct call per child beside the recursion is not bounded by it.
      {
        code: `export async function crawl(url: string, seen: Set<string>): Promise<number> {
  if (seen.size >= 20) return 0;
  seen.add(url);
  const text = await (await fetch(url, { signal: AbortSignal.timeout(5000) })).text();
  const children = text.split('\\n');
  await Promise.all(children.map(child => fetch(child, { method: 'HEAD', signal: AbortSignal.timeout(5000) })));
  return 0;
}`,
        errors: [{ line: 6, column: 9, endLine: 6, endColumn: 20, messageId: 'unboundedFanout' }],
      },
      // Utility libraries' mappers: lodash, remeda (through values of mapValues), ramda (callback first).
      {
        code: `import _ from 'lodash';
import * as R from 'remeda';
import { map } from 'ramda';
export const a = (ids: string[]) => Promise.all(_.map(ids, id => fetch('/u/' + id, { signal: AbortSignal.timeout(1000) })));
export const b = (groups: Record<string, string[]>) => Promise.all(R.values(R.mapValues(groups, (ids, key) => fetch('/g/' + key, { method: 'POST', signal: AbortSignal.timeout(1000) }))));
export const c = (ids: string[]) => Promise.all(map(id => fetch('/u/' + id, { signal: AbortSignal.timeout(1000) }), ids));`,
        errors: [
          { line: 4, column: 37, endLine: 4, endColumn: 48, messageId: 'unboundedFanout' },
          { line: 5, column: 56, endLine: 5, endColumn: 67, messageId: 'unboundedFanout' },
          { line: 6, column: 37, endLine: 6, endColumn: 48, messageId: 'unboundedFanout' },
        ],
      },
      // A page of 500 rows is data-sized; a private method also called with the whole list is not windowed.
      {
        code: `import axios from 'axios';
import knex from 'knex';
const db = knex({ client: 'pg', connection: { host: 'db', statement_timeout: 1000 } });
const http = axios.create({ timeout: 1000 });
export async function notes() {
  const rows = await db('notes').select('id').limit(500);
  await Promise.all(rows.map(row => http.get('/n/' + row.id)));
}
export class Scanner {
  async run(all: string[]) { await this.process(all.slice(0, 20)); await this.process(all); }
  private async process(items: string[]) { await Promise.all(items.map(id => http.get('/x/' + id))); }
}`,
        errors: [
          { line: 7, column: 9, endLine: 7, endColumn: 20, messageId: 'unboundedFanout' },
          { line: 11, column: 50, endLine: 11, endColumn: 61, messageId: 'unboundedFanout' },
        ],
      },
      // The list of all chunks is as long as the data.
      {
        code: `export const insertAll = (chunks: string[][]) => Promise.all(chunks.map(chunk => fetch('/insert', { method: 'POST', body: JSON.stringify(chunk), signal: AbortSignal.timeout(1000) })));`,
        errors: [{ line: 1, column: 50, endLine: 1, endColumn: 61, messageId: 'unboundedFanout' }],
      },
      // A guard that only logs does not bound the list; nor does one that comes after the fan-out.
      {
        code: `export async function invite(invites: string[]) {
  if (invites.length > 100) console.warn('many invites');
  const sent = await Promise.all(invites.map(email => fetch('/invite/' + email, { method: 'POST', signal: AbortSignal.timeout(1000) })));
  if (invites.length > 100) throw new Error('too many');
  return sent;
}`,
        errors: [{ line: 3, column: 22, endLine: 3, endColumn: 33, messageId: 'unboundedFanout' }],
      },
      // A guard on another collection bounds nothing here; groups are data, not a fixed domain.
      {
        code: `export async function importAll(groups: string[], tags: string[]) {
  if (tags.length > 10) throw new Error('too many tags');
  return Promise.all(groups.map(group => fetch('https://api-ssl.bitly.com/v4/groups/' + group, { signal: AbortSignal.timeout(5000) })));
}`,
        errors: [{ line: 3, column: 10, endLine: 3, endColumn: 21, messageId: 'unboundedFanout' }],
      },
      {
        // A client injected through a typed constructor parameter, kept in a field.
        code: `
import type { AxiosInstance } from 'axios';
export class Users {
  private http: AxiosInstance;
  constructor(http: AxiosInstance) { this.http = http; }
  loadAll(ids: string[]) { return Promise.all(ids.map(id => this.http.get(\`/users/\${id}\`))); }
}
`,
        errors: [{ column: 35, endColumn: 46, endLine: 6, line: 6, messageId: 'unboundedFanout' }],
      },
      {
        code: `
const promises = [];
for (const symbol of symbols.slice(0, 100)) {
  const promise = fetch('https://api.example.com/price?symbol=' + symbol, { signal: AbortSignal.timeout(1000) }).then(res => res.json());
  promises.push(promise);
}
await Promise.all(promises);`,
        errors: [{ column: 3, endColumn: 16, endLine: 5, line: 5, messageId: 'unboundedFanout' }],
      },
      {
        code: `import axios from 'axios'; export const load = (ids: string[]) => Promise.all(ids.map(id => axios.get('/u/' + id, { timeout: 1000 })));`,
        errors: [{ column: 67, endColumn: 78, endLine: 1, line: 1, messageId: 'unboundedFanout' }],
      },
      {
        code: `ids.forEach(id => fetch('/ping/' + id, { signal: AbortSignal.timeout(1000) }));`,
        errors: [{ column: 1, endColumn: 12, endLine: 1, line: 1, messageId: 'unboundedForEach' }],
      },
      {
        // A function the callback keeps in a const and then calls: sent per item, now.
        code: `ids.forEach(id => { const ping = () => fetch('/ping/' + id, { signal: AbortSignal.timeout(1000) }); void ping(); });`,
        errors: [{ column: 1, endColumn: 12, endLine: 1, line: 1, messageId: 'unboundedForEach' }],
      },
      {
        code: `
import got from 'got';
export async function load(ids: string[]) {
  const pending = [];
  for (const id of ids) pending.push(got('https://api/u/' + id, { timeout: { request: 1000 } }).json());
  return Promise.all(pending);
}`,
        errors: [{ column: 25, endColumn: 37, endLine: 5, line: 5, messageId: 'unboundedFanout' }],
      },
      // A field list changed in place, or reassigned, is data.
      {
        code: `export class Webhooks {
  private hooks = ['clicked'];
  private targets: string[] = [];
  add(type: string) { this.hooks.push(type); this.targets = [type]; }
  async install(domain: string) {
    await Promise.all(this.hooks.map(type => fetch(domain + type, { signal: AbortSignal.timeout(5000) })));
    await Promise.all(this.targets.map(url => fetch(url, { signal: AbortSignal.timeout(5000) })));
  }
}`,
        errors: [
          { column: 11, endColumn: 22, endLine: 6, line: 6, messageId: 'unboundedFanout' },
          { column: 11, endColumn: 22, endLine: 7, line: 7, messageId: 'unboundedFanout' },
        ],
      },
      // Pushed promises that settle their own failure still run all at once.
      {
        code: `
import got from 'got';
export async function load(ids: string[]) {
  const pending = [];
  for (const id of ids)
    pending.push(new Promise(resolve => { got('https://api/u/' + id, { timeout: { request: 1000 } }).json().then(resolve).catch(() => resolve(null)); }));
  return Promise.all(pending);
}`,
        errors: [{ column: 5, endColumn: 17, endLine: 6, line: 6, messageId: 'unboundedFanout' }],
      },
      {
        code: `import pMap from 'p-map'; import axios from 'axios'; export const load = (ids: string[]) => pMap(ids, id => axios.get('/u/' + id, { timeout: 1000 }));`,
        errors: [{ column: 93, endColumn: 97, endLine: 1, line: 1, messageId: 'unboundedFanout' }],
      },
      {
        code: `import pLimit from 'p-limit'; import axios from 'axios'; export const load = (ids: string[]) => Promise.all(ids.map(id => pLimit(2)(() => axios.get('/u/' + id, { timeout: 1000 }))));`,
        errors: [{ column: 97, endColumn: 108, endLine: 1, line: 1, messageId: 'unboundedFanout' }],
      },
      {
        code: `import async from 'async'; import axios from 'axios'; export const load = (ids: string[]) => async.map(ids, async (id: string) => axios.get('/u/' + id, { timeout: 1000 }));`,
        errors: [{ column: 94, endColumn: 103, endLine: 1, line: 1, messageId: 'unboundedFanout' }],
      },
      // A transaction decorator binds queries, not HTTP requests; a method without one fans out.
      {
        filename: HANDLER,
        code: `import { Transaction } from '../lib/transaction.decorator';
import { getWorkspaces } from '@/lib/workspaces';
export class WorkspaceResolver {
  @Transaction()
  async notifyAll(urls: string[]) { return Promise.all(urls.map(url => fetch(url, { signal: AbortSignal.timeout(5000) }))); }
  @Cache()
  async refreshAll(orgs: string[]) { return Promise.all(orgs.map(org => getWorkspaces(org))); }
}`,
        options: [{ checkTests: true }],
        errors: [
          { column: 44, endColumn: 55, endLine: 5, line: 5, messageId: 'unboundedFanout' },
          { column: 45, endColumn: 56, endLine: 7, line: 7, messageId: 'unboundedFanout' },
        ],
      },
      // A length the caller chooses, and a function of this file returning its caller's list, are data.
      {
        code: `import { Redis } from 'ioredis';
const redis = new Redis({ commandTimeout: 1000 });
function keysFor(ids: string[]) { return ids.map(id => 'user:' + id); }
export const load = (count: number) => Promise.all(Array.from({ length: count }, (_, i) => redis.get('slot:' + i)));
export const users = (ids: string[]) => Promise.all(keysFor(ids).map(key => redis.get(key)));`,
        errors: [
          { column: 40, endColumn: 51, endLine: 4, line: 4, messageId: 'unboundedFanout' },
          { column: 41, endColumn: 52, endLine: 5, line: 5, messageId: 'unboundedFanout' },
        ],
      },
      // Waiting for another list inside the loop does not bound the pushed one.
      {
        code: `export async function refresh(sources: string[], done: Promise<void>[]) {
  const promises: Promise<Response>[] = [];
  for (const source of sources) {
    promises.push(fetch('https://registry/' + source, { signal: AbortSignal.timeout(5000) }));
    await Promise.all(done);
  }
  await Promise.all(promises);
}`,
        errors: [{ column: 5, endColumn: 18, endLine: 4, line: 4, messageId: 'unboundedFanout' }],
      },
      // Project calls: a function of another module (through a tsconfig \`paths\` alias) that queries Prisma.
      {
        filename: HANDLER,
        code: `import { getWorkspaces } from '@/lib/workspaces';
export const all = (orgs: string[]) => Promise.all(orgs.map(org => getWorkspaces(org)));`,
        options: [{ checkTests: true }],
        errors: [{ column: 40, endColumn: 51, endLine: 2, line: 2, messageId: 'unboundedFanout' }],
      },
      // The same through a re-export (\`export * from './workspaces'\`).
      {
        filename: HANDLER,
        code: `import { getWorkspaces } from '../lib';
export const all = (orgs: string[]) => Promise.all(orgs.map(async org => { try { return await getWorkspaces(org); } catch { return []; } }));`,
        options: [{ checkTests: true }],
        errors: [{ column: 40, endColumn: 51, endLine: 2, line: 2, messageId: 'unboundedFanout' }],
      },
      // The shared client itself, outside a transaction.
      {
        filename: HANDLER,
        code: `import { prisma } from '@/lib/db';
export const rename = (ids: string[]) => Promise.all(ids.map(id => prisma.user.update({ where: { id }, data: { name: 'x' } })));`,
        options: [{ checkTests: true }],
        errors: [{ line: 2, column: 42, endLine: 2, endColumn: 53, messageId: 'unboundedFanout' }],
      },
      // Inside a transaction, one call on it and one on the shared client: the second fans out to the pool.
      {
        filename: HANDLER,
        code: `import { Order, sequelize } from '@/lib/models';
export const close = (items: { id: string }[]) =>
  sequelize.transaction(async transaction => {
    await Promise.all(items.map(async item => {
      await Order.update({ status: 'closed' }, { where: { id: item.id }, transaction });
      await sequelize.query('INSERT INTO audit (order_id) VALUES (?)', { replacements: [item.id] });
    }));
  });`,
        options: [{ checkTests: true }],
        errors: [{ line: 4, column: 11, endLine: 4, endColumn: 22, messageId: 'unboundedFanout' }],
      },
      // Named like a transaction but not one: an untyped parameter, a local `Transaction` type, and
      // the result of a managed transaction (what its callback returned).
      {
        filename: HANDLER,
        code: `import { Order, sequelize } from '@/lib/models';
interface Transaction { id: string }
export async function a(items: { id: string }[], transaction: unknown) {
  await Promise.all(items.map(item => Order.create({ id: item.id }, { transaction })));
}
export async function b(items: { id: string }[], transaction: Transaction) {
  await Promise.all(items.map(item => Order.create({ id: item.id }, { transaction })));
}
export async function c(items: { id: string }[]) {
  const transaction = await sequelize.transaction(async () => items.length);
  await Promise.all(items.map(item => Order.create({ id: item.id }, { transaction })));
}`,
        options: [{ checkTests: true }],
        errors: [
          { line: 4, column: 9, endLine: 4, endColumn: 20, messageId: 'unboundedFanout' },
          { line: 7, column: 9, endLine: 7, endColumn: 20, messageId: 'unboundedFanout' },
          { line: 11, column: 9, endLine: 11, endColumn: 20, messageId: 'unboundedFanout' },
        ],
      },
      // TypeORM: an injected EntityManager is the shared one, and `manager.connection` leads back to
      // the data source.
      {
        filename: HANDLER,
        code: `import type { EntityManager } from 'typeorm';
export class Orders {
  constructor(private readonly manager: EntityManager) {}
  saveAll(items: object[]) { return Promise.all(items.map(item => this.manager.save(item))); }
}
export const insertAll = (manager: EntityManager, items: object[]) =>
  Promise.all(items.map(item => manager.connection.manager.save(item)));`,
        options: [{ checkTests: true }],
        errors: [
          { line: 4, column: 37, endLine: 4, endColumn: 48, messageId: 'unboundedFanout' },
          { line: 7, column: 3, endLine: 7, endColumn: 14, messageId: 'unboundedFanout' },
        ],
      },
      // knex: a query on the shared instance inside the transaction's callback (no `.transacting`),
      // and `.transacting` given a parameter that is only named like a transaction.
      {
        code: `import knex from 'knex';
const db = knex({ client: 'pg', connection: { host: 'db', statement_timeout: 1000 } });
export const close = (ids: string[]) =>
  db.transaction(async trx => {
    await Promise.all(ids.map(id => db('orders').where({ id }).update({ status: 'closed' })));
    await trx('audit').insert({ ids });
  });
export const reopen = (trx: unknown, ids: string[]) =>
  Promise.all(ids.map(id => db('orders').where({ id }).update({ status: 'open' }).transacting(trx)));`,
        errors: [
          { line: 5, column: 11, endLine: 5, endColumn: 22, messageId: 'unboundedFanout' },
          { line: 9, column: 3, endLine: 9, endColumn: 14, messageId: 'unboundedFanout' },
        ],
      },
      // A wrapper class around a Redis client, exported inside an object.
      {
        filename: HANDLER,
        code: `import redis from '../lib/redis';
export const teams = (ids: string[]) => Promise.all(ids.map(async id => redis.client.get('team:' + id)));`,
        options: [{ checkTests: true }],
        errors: [{ column: 41, endColumn: 52, endLine: 2, line: 2, messageId: 'unboundedFanout' }],
      },
      // A workspace package whose main points at dist/: its source queries MySQL.
      {
        filename: HANDLER,
        code: `import { findUser } from '@fixture/db';
export function warm(ids: string[]) { ids.forEach(id => findUser(id)); }`,
        options: [{ checkTests: true }],
        errors: [{ column: 39, endColumn: 50, endLine: 2, line: 2, messageId: 'unboundedForEach' }],
      },
    ],
  }),
);
