// no-unbounded-fanout: fan-out that something other than the code bounds. A client that batches
// the commands of one tick into one request (@upstash/redis), an SDK list that answers one page
// whose size its server caps (Stripe), and a transaction handed to the project's own function.
import path from 'node:path';

import { RuleTester } from '@typescript-eslint/rule-tester';

import rule from '../../rules/no-unbounded-fanout.js';
import { overAnyCollection } from '../helpers/fanout-cases.js';

const ruleTester = new RuleTester();
/**
 * A project on disk (test/fixtures/project-calls): the clients and functions the linted code calls
 * live in its other modules. It sits under test/, so these cases turn `checkTests` on.
 */
const HANDLER = path.join(import.meta.dirname, '../fixtures/project-calls/src/routes/handler.ts');

ruleTester.run(
  'no-unbounded-fanout',
  rule,
  overAnyCollection({
    valid: [
      // @upstash/redis batches the commands of one tick into one request: a client imported from
      // another module, made with `new Redis({ url, token })`.
      {
        filename: HANDLER,
        code: `import { kv } from '@/lib/kv';
export const load = (keys: string[]) => Promise.all(keys.map(key => kv.get<string>(key)));`,
        options: [{ checkTests: true }],
      },
      // A connection declared with a database package's own type that stands for one pg connection
      // (an interface extending pg's PoolClient, a re-export of pg's Client), handed to the project's
      // function that queries: its queries wait for each other on that connection.
      {
        filename: HANDLER,
        code: `import type { PoolClient, SingleClient } from '@/lib/db-types';
import { getWorkspaces } from '@/lib/workspaces';
export const a = (orgs: string[], connection: PoolClient) => Promise.all(orgs.map(org => getWorkspaces(org, connection)));
export const b = (orgs: string[], connection: SingleClient) => Promise.all(orgs.map(org => getWorkspaces(org, connection)));`,
        options: [{ checkTests: true }],
      },
      // A function of the project that builds a gRPC service definition (a package definition is
      // loaded locally, no call goes out): registering services in turn fans nothing out.
      {
        filename: HANDLER,
        code: `import * as grpc from '@grpc/grpc-js';
import { serviceDefinition } from '@/lib/proto';
export function load(server: grpc.Server, services: { proto: string; name: string; handlers: grpc.UntypedServiceImplementation }[]) {
  services.forEach(service => server.addService(serviceDefinition(service.proto, service.name), service.handlers));
}`,
        options: [{ checkTests: true }],
      },
      // A method of an injected service of the project, handed the caller's knex transaction: its
      // queries wait for each other on the transaction's one connection.
      {
        filename: HANDLER,
        code: `import type { Knex } from 'knex';
import { UsersService } from '@/lib/users-service';
export class Explore {
  constructor(private readonly users: UsersService) {}
  async check(ids: string[], transaction: Knex.Transaction) {
    return Promise.all(ids.map(id => this.users.findOne(id, transaction)));
  }
}`,
        options: [{ checkTests: true }],
      },
      // The same made in this module with `Redis.fromEnv()`, its promise chained, and a JSON command.
      {
        filename: HANDLER,
        code: `import { Redis } from '@upstash/redis';
const redis = Redis.fromEnv();
export const load = (keys: string[]) =>
  Promise.all(keys.map(key => redis.get<string>(key).then(value => value ?? '')));
export const docs = (keys: string[]) => Promise.all(keys.map(key => redis.json.get(key)));`,
        options: [{ checkTests: true }],
      },
      // A client cached on globalThis, called through forEach; `enableAutoPipelining: true` said aloud.
      {
        filename: HANDLER,
        code: `import { sessions } from '@/lib/kv';
import { Redis } from '@upstash/redis';
const counters = new Redis({ url: 'https://kv', token: 't', enableAutoPipelining: true });
export function expireAll(ids: string[]) { ids.forEach(id => void sessions.expire('s:' + id, 60)); }
export const bump = (ids: string[]) => Promise.all(ids.map(async id => { await counters.incr('c:' + id); }));`,
        options: [{ checkTests: true }],
      },
      // A function of another module whose only remote call is a batched GET.
      {
        filename: HANDLER,
        code: `import { getJob } from '@/lib/job-store';
export const jobs = (ids: string[]) => Promise.all(ids.map(id => getJob(id)));`,
        options: [{ checkTests: true }],
      },
      // A method of the same class that sends one batched GET.
      {
        filename: HANDLER,
        code: `import { kv } from '@/lib/kv';
export class JobStore {
  async getJob(id: string) {
    const key = 'job:' + id;
    return kv.get<string>(key);
  }
  async getJobs(ids: string[]) {
    return Promise.all((ids as string[]).map((id: string) => this.getJob(id)));
  }
}`,
        options: [{ checkTests: true }],
      },
      // One page of a Stripe list: 10 subscriptions by default.
      `import Stripe from 'stripe';
const stripe = new Stripe('sk_test');
export async function withProducts(customer: string) {
  const subscriptions = await stripe.subscriptions.list({ customer });
  return Promise.all(subscriptions.data.map(sub => stripe.subscriptions.retrieve(sub.id)));
}`,
      // One page of at most 100, read inline, filtered, destructured, and a list under one object.
      `import Stripe from 'stripe';
const stripe = new Stripe('sk_test');
export async function sync(customer: string, invoiceId: string) {
  await Promise.all((await stripe.invoices.list({ customer, limit: 100 })).data.map(invoice => stripe.invoices.retrieve(invoice.id)));
  const page = await stripe.subscriptions.list({ customer, status: 'all' });
  await Promise.all(page.data.filter(sub => sub.status === 'active').map(sub => stripe.subscriptions.cancel(sub.id)));
  const { data: charges } = await stripe.charges.search({ query: "status:'failed'" });
  await Promise.all(charges.map(charge => stripe.refunds.create({ charge: charge.id })));
  const lines = await stripe.invoices.listLineItems(invoiceId, { limit: 50 });
  for (const line of lines.data) void stripe.products.retrieve(String(line.id));
}`,
      // Lists embedded in an object the file declares with Stripe's types: a webhook's subscription
      // (`as Stripe.Subscription`), and a customer typed through a local alias with its expanded
      // subscriptions, filtered, with an empty list as the fallback.
      `import Stripe from 'stripe';
const stripe = new Stripe('sk_test');
type CustomerWithSubscriptions = Stripe.Customer & { subscriptions: { data: Stripe.Subscription[] } };
export async function onEvent(event: Stripe.Event) {
  const subscription = event.data.object as Stripe.Subscription;
  return Promise.all(subscription.items.data.map(item => stripe.products.retrieve(String(item.plan.product))));
}
export async function upcoming(customer: CustomerWithSubscriptions) {
  const active = customer.subscriptions?.data.filter(sub => sub.status === 'active') ?? [];
  return Promise.all(active.map(sub => stripe.invoices.createPreview({ customer: customer.id, subscription: sub.id })));
}`,
      // The client imported from another module, where a getter makes it on first use.
      {
        filename: HANDLER,
        code: `import { stripe } from '@/lib/billing';
export async function cancelAll(customer: string) {
  const { data } = await stripe.subscriptions.list({ customer, limit: 20 });
  await Promise.all(data.map(sub => stripe.subscriptions.cancel(sub.id)));
}`,
        options: [{ checkTests: true }],
      },
      // A helper that runs in a transaction wherever it is used (given to `sequelize.transaction`, or
      // called with the caller's), and hands it on in the options of the project's own function.
      {
        filename: HANDLER,
        code: `import type { Transaction } from 'sequelize';
import { Order, sequelize } from '@/lib/models';
export const copyOrder = async (id: string, children: string[], options: { transaction?: Transaction } = {}) => {
  const copyInTransaction = async transaction => {
    await Order.create({ copiedFrom: id }, { transaction });
    await Promise.all(children.map(child => copyOrder(child, [], { transaction })));
  };
  return options.transaction ? copyInTransaction(options.transaction) : sequelize.transaction(copyInTransaction);
};`,
        options: [{ checkTests: true }],
      },
      // The same with a function declaration that only ever runs as a transaction's callback and
      // calls itself with the transaction it was given.
      {
        filename: HANDLER,
        code: `import { Order, sequelize } from '@/lib/models';
async function closeTree(t, ids: string[]) {
  await Promise.all(ids.map(id => Order.update({ status: 'closed' }, { where: { parentId: id }, transaction: t })));
  if (ids.length > 0) await closeTree(t, []);
}
export const closeAll = (ids: string[]) => sequelize.transaction(t => closeTree(t, ids));
export const closeSome = (ids: string[]) => sequelize.transaction(async function run(tx) { await closeTree(tx, ids); });`,
        options: [{ checkTests: true }],
      },
      // One pg connection runs one query at a time: a client checked out of the pool, one made
      // alone, and one a helper is handed (declared as pg's `PoolClient`), also at the end of a query
      // builder's chain.
      {
        filename: HANDLER,
        code: `import { Client, Pool, type PoolClient } from 'pg';
import { select } from '@/lib/db-types';
const pool = new Pool({ statement_timeout: 5000, connectionTimeoutMillis: 2000 });
export async function copy(ids: string[]) {
  const client = await pool.connect();
  try {
    await Promise.all(ids.map(id => client.query('insert into copies select * from items where id = $1', [id])));
  } finally {
    client.release();
  }
}
export async function report(ids: string[]) {
  const alone = new Client({ statement_timeout: 5000 });
  await alone.connect();
  return Promise.all(ids.map(id => alone.query('select * from items where id = $1', [id])));
}
export const rows = (ids: string[], connection: PoolClient) =>
  Promise.all(ids.map(id => connection.query('select * from items where id = $1', [id])));
export const built = (ids: string[], connection: PoolClient) => Promise.all(ids.map(id => select('items').where(id).load(connection)));`,
        options: [{ checkTests: true }],
      },
    ],
    invalid: [
      // Auto-pipelining turned off, a client given its own requester, and options the syntax
      // cannot read (they may turn it off).
      {
        filename: HANDLER,
        code: `import { customKv, plainKv } from '@/lib/kv';
import { Redis } from '@upstash/redis';
declare const config: { url: string; token: string };
const configured = new Redis(config);
export const a = (keys: string[]) => Promise.all(keys.map(key => plainKv.get(key)));
export const b = (keys: string[]) => Promise.all(keys.map(key => customKv.get(key)));
export const c = (keys: string[]) => Promise.all(keys.map(key => configured.get(key)));`,
        options: [{ checkTests: true }],
        errors: [
          { line: 5, column: 38, endLine: 5, endColumn: 49, messageId: 'unboundedFanout' },
          { line: 6, column: 38, endLine: 6, endColumn: 49, messageId: 'unboundedFanout' },
          { line: 7, column: 38, endLine: 7, endColumn: 49, messageId: 'unboundedFanout' },
        ],
      },
      // The same query builder's chain ending on the pool: each query gets its own connection.
      {
        filename: HANDLER,
        code: `import type { Pool } from 'pg';
import { select } from '@/lib/db-types';
export const built = (ids: string[], pool: Pool) => Promise.all(ids.map(id => select('items').where(id).load(pool)));`,
        options: [{ checkTests: true }],
        errors: [{ line: 3, column: 53, endLine: 3, endColumn: 64, messageId: 'unboundedFanout' }],
      },
      // The pool itself hands each query to its own connection.
      {
        code: `import { Pool } from 'pg';
const pool = new Pool({ statement_timeout: 5000, connectionTimeoutMillis: 2000 });
export const rows = (ids: string[]) => Promise.all(ids.map(id => pool.query('select * from items where id = $1', [id])));`,
        errors: [{ line: 3, column: 40, endLine: 3, endColumn: 51, messageId: 'unboundedFanout' }],
      },
      // The package's pool type hands each query its own connection.
      {
        filename: HANDLER,
        code: `import type { DbPool } from '@/lib/db-types';
import { getWorkspaces } from '@/lib/workspaces';
export const a = (orgs: string[], pool: DbPool) => Promise.all(orgs.map(org => getWorkspaces(org, pool)));`,
        options: [{ checkTests: true }],
        errors: [{ line: 3, column: 52, endLine: 3, endColumn: 63, messageId: 'unboundedFanout' }],
      },
      // Commands the client sends on their own (HGETALL, also inside a function of the project), a
      // transaction made on it, and a fan-out that also queries Prisma for each item.
      {
        filename: HANDLER,
        code: `import { kv } from '@/lib/kv';
import { getAuditedJob, getJob, jobHistory } from '@/lib/job-store';
import { getWorkspaces } from '@/lib/workspaces';
export const a = (keys: string[]) => Promise.all(keys.map(key => kv.hgetall(key)));
export const b = (ids: string[]) => Promise.all(ids.map(id => jobHistory(id)));
export const c = (ids: string[]) => Promise.all(ids.map(id => kv.multi().get(id).exec()));
export const d = (ids: string[]) => Promise.all(ids.map(id => getAuditedJob(id)));
export const e = (ids: string[]) => Promise.all(ids.map(async id => { await getJob(id); return getWorkspaces(id); }));`,
        options: [{ checkTests: true }],
        errors: [
          { line: 4, column: 38, endLine: 4, endColumn: 49, messageId: 'unboundedFanout' },
          { line: 5, column: 37, endLine: 5, endColumn: 48, messageId: 'unboundedFanout' },
          { line: 6, column: 37, endLine: 6, endColumn: 48, messageId: 'unboundedFanout' },
          { line: 7, column: 37, endLine: 7, endColumn: 48, messageId: 'unboundedFanout' },
          { line: 8, column: 37, endLine: 8, endColumn: 48, messageId: 'unboundedFanout' },
        ],
      },
      // Every page (`autoPagingToArray`, whatever the first page's size), a size above Stripe's cap
      // of 100, and the same list shape on a client the catalog does not know to page.
      {
        code: `import Stripe from 'stripe';
const stripe = new Stripe('sk_test');
declare const billing: { customers: { list(params: object): Promise<{ data: { id: string }[] }> } };
export async function sync() {
  const all = await stripe.customers.list({ limit: 10 }).autoPagingToArray({ limit: 10000 });
  await Promise.all(all.map(customer => stripe.customers.update(customer.id, { metadata: {} })));
  const big = await stripe.customers.list({ limit: 500 });
  await Promise.all(big.data.map(customer => stripe.customers.del(customer.id)));
  const other = await billing.customers.list({});
  await Promise.all(other.data.map(customer => stripe.customers.retrieve(customer.id)));
}`,
        errors: [
          { line: 6, column: 9, endLine: 6, endColumn: 20, messageId: 'unboundedFanout' },
          { line: 8, column: 9, endLine: 8, endColumn: 20, messageId: 'unboundedFanout' },
          { line: 10, column: 9, endLine: 10, endColumn: 20, messageId: 'unboundedFanout' },
        ],
      },
      // The same shapes on objects declared with types of another module, or with none.
      {
        code: `import Stripe from 'stripe';
import type { Billing } from './billing';
const stripe = new Stripe('sk_test');
export async function onEvent(subscription: Billing.Subscription, raw: any) {
  await Promise.all(subscription.items.data.map(item => stripe.products.retrieve(item.id)));
  await Promise.all(raw.items.data.map((item: { id: string }) => stripe.products.retrieve(item.id)));
}`,
        errors: [
          { line: 5, column: 9, endLine: 5, endColumn: 20, messageId: 'unboundedFanout' },
          { line: 6, column: 9, endLine: 6, endColumn: 20, messageId: 'unboundedFanout' },
        ],
      },
      // The same service handed a value not known to be a transaction, or nothing.
      {
        filename: HANDLER,
        code: `import { UsersService } from '@/lib/users-service';
export class Explore {
  constructor(private readonly users: UsersService) {}
  async check(ids: string[], trx: unknown) {
    await Promise.all(ids.map(id => this.users.findOne(id, trx)));
    await Promise.all(ids.map(id => this.users.findOne(id)));
  }
}`,
        options: [{ checkTests: true }],
        errors: [
          { line: 5, column: 11, endLine: 5, endColumn: 22, messageId: 'unboundedFanout' },
          { line: 6, column: 11, endLine: 6, endColumn: 22, messageId: 'unboundedFanout' },
        ],
      },
      // The same imported client, every page.
      {
        filename: HANDLER,
        code: `import { stripe } from '@/lib/billing';
export async function tagAll() {
  const customers = await stripe.customers.list().autoPagingToArray({ limit: 5000 });
  await Promise.all(customers.map(customer => stripe.customers.update(customer.id, { metadata: { tagged: 'yes' } })));
}`,
        options: [{ checkTests: true }],
        errors: [{ line: 4, column: 9, endLine: 4, endColumn: 20, messageId: 'unboundedFanout' }],
      },
      // A helper also called with what is not a transaction, and one also handed to a timer (it may
      // run with anything): their parameter is not a transaction.
      {
        filename: HANDLER,
        code: `import { Order, sequelize } from '@/lib/models';
export const copy = async (ids: string[], options: { transaction?: string } = {}) => {
  const run = async transaction => {
    await Promise.all(ids.map(id => Order.create({ copiedFrom: id }, { transaction })));
  };
  return options.transaction ? run(options.transaction) : sequelize.transaction(run);
};
export const close = async (ids: string[]) => {
  const run = async t => {
    await Promise.all(ids.map(id => Order.update({ status: 'closed' }, { where: { id }, transaction: t })));
  };
  setTimeout(run, 10);
  return sequelize.transaction(run);
};`,
        options: [{ checkTests: true }],
        errors: [
          { line: 4, column: 11, endLine: 4, endColumn: 22, messageId: 'unboundedFanout' },
          { line: 10, column: 11, endLine: 10, endColumn: 22, messageId: 'unboundedFanout' },
        ],
      },
    ],
  }),
);
