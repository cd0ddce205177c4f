// no-unbounded-fanout by default ('data-sized'): a fan-out is reported over a collection known to be
// as large as the data (rows a query read, a request's input, what is made of them), not over a
// parameter, a field or a list of the configuration whose size nothing shows. The other suites test
// the rest of the rule over any collection (test/helpers/fanout-cases.ts).
import { RuleTester } from '@typescript-eslint/rule-tester';

import rule from '../../rules/no-unbounded-fanout.js';

const ruleTester = new RuleTester();

const NOT_DATA = `const hook = (url: string) => fetch(url, { method: 'POST', signal: AbortSignal.timeout(5000) });
export async function sendAll(urls: string[], config: { endpoints: string[] }) {
  await Promise.all(urls.map(url => hook(url)));
  await Promise.all(config.endpoints.map(url => hook(url)));
}
export class Deployer {
  constructor(private readonly sites: string[]) {}
  release() {
    return Promise.all(this.sites.map(site => hook('https://hosting.example.com/' + site)));
  }
}`;

const DATA = `import { PrismaClient } from '@prisma/client';
import { Body, Controller, Post } from '@nestjs/common';
import { Pool } from 'pg';
const prisma = new PrismaClient();
const pool = new Pool({ statement_timeout: 5000, connectionTimeoutMillis: 5000, query_timeout: 5000 });
const hook = (url: string) => fetch(url, { method: 'POST', signal: AbortSignal.timeout(5000) });
export async function notifyAll(orgId: string) {
  const hooks = await prisma.webhook.findMany({ where: { orgId } });
  await Promise.all(hooks.map(h => hook(h.url)));
  const { rows } = await pool.query('SELECT url FROM hooks');
  await Promise.all([...new Set(rows.map(r => r.url))].map(url => hook(url)));
  deliver(hooks.map(h => h.url));
}
function deliver(urls: string[]) {
  urls.forEach(url => void hook(url));
}
export async function route(req: { body: { urls: string[] } }) {
  await Promise.all(req.body.urls.filter(Boolean).map(url => hook(url)));
}
@Controller('hooks')
export class Hooks {
  @Post() async send(@Body() urls: string[]) {
    await Promise.all(urls.map(url => hook(url)));
  }
}
export const resolvers = {
  Mutation: {
    retry: (_: unknown, args: { ids: string[] }) => Promise.all(args.ids.map(id => hook('https://jobs.internal/' + id))),
  },
};`;

ruleTester.run('no-unbounded-fanout (data-sized collections)', rule, {
  valid: [
    // A parameter of an exported function, a list of the configuration and a field: their size is
    // not known to be the data's.
    NOT_DATA,
    // A plain parameter that happens to be called \`input\` is no procedure's input.
    `const hook = (url: string) => fetch(url, { method: 'POST', signal: AbortSignal.timeout(5000) });
export const other = async (input: { urls: string[] }) => Promise.all(input.urls.map(url => hook(url)));`,
    // A store's read of the configuration or the deployment (\`getAllChains\`, \`listPlugins\`), a
    // list method that is not awaited, a variable given only parameters, and a destructured key of
    // a request that is not its input (\`headers\`).
    `const hook = (url: string) => fetch(url, { method: 'POST', signal: AbortSignal.timeout(5000) });
interface Store { getAllChains(): Promise<string[]>; listPlugins(): Promise<string[]>; listNames(): string[] }
export async function start(store: Store, urls: string[], fallback: string[], req: { headers: { hosts: string[] } }) {
  const chains = await store.getAllChains();
  await Promise.all(chains.map(c => hook(c)));
  await Promise.all((await store.listPlugins()).map(p => hook(p)));
  await Promise.all(store.listNames().map(n => hook(n)));
  let targets = urls;
  if (targets.length === 0) targets = fallback.filter(Boolean);
  await Promise.all(targets.map(t => hook(t)));
  const { headers } = req;
  await Promise.all(headers.hosts.map(h => hook(h)));
}`,
  ],
  invalid: [
    {
      // The same over any collection (the option): the parameter and the field are reported.
      code: NOT_DATA,
      options: [{ collections: 'any' }],
      errors: [
        { line: 3, column: 9, endLine: 3, endColumn: 20, messageId: 'unboundedFanout' },
        { line: 9, column: 12, endLine: 9, endColumn: 23, messageId: 'unboundedFanout' },
      ],
    },
    {
      // Rows a Prisma read and a pg query gave (also through a Set of them), a module-private
      // function handed such rows, a request's body, a \`@Body()\` parameter, a resolver's \`args\`.
      code: DATA,
      errors: [
        { line: 9, column: 9, endLine: 9, endColumn: 20, messageId: 'unboundedFanout' },
        { line: 11, column: 9, endLine: 11, endColumn: 20, messageId: 'unboundedFanout' },
        { line: 15, column: 3, endLine: 15, endColumn: 15, messageId: 'unboundedForEach' },
        { line: 18, column: 9, endLine: 18, endColumn: 20, messageId: 'unboundedFanout' },
        { line: 23, column: 11, endLine: 23, endColumn: 22, messageId: 'unboundedFanout' },
        { line: 28, column: 53, endLine: 28, endColumn: 64, messageId: 'unboundedFanout' },
      ],
    },
    {
      // tRPC's procedure input, destructured from its first parameter.
      code: `const hook = (url: string) => fetch(url, { method: 'POST', signal: AbortSignal.timeout(5000) });
export const procedure = async ({ input }: { input: { urls: string[] } }) => Promise.all(input.urls.map(url => hook(url)));`,
      errors: [{ line: 2, column: 78, endLine: 2, endColumn: 89, messageId: 'unboundedFanout' }],
    },
    {
      // What a list request answered, read through \`.json()\`.
      code: `const hook = (url: string) => fetch(url, { method: 'POST', signal: AbortSignal.timeout(5000) });
export async function importGroups(token: string) {
  const { groups } = await (await fetch('https://api-ssl.bitly.com/v4/groups', { headers: { token }, signal: AbortSignal.timeout(5000) })).json();
  await Promise.all(groups.map((g: { guid: string }) => hook('https://api-ssl.bitly.com/v4/groups/' + g.guid)));
  const res = await fetch('https://api.example.com/items', { signal: AbortSignal.timeout(5000) });
  const items: string[] = await res.json();
  await Promise.all(items.map(id => hook('https://api.example.com/items/' + id)));
}`,
      errors: [
        { line: 4, column: 9, endLine: 4, endColumn: 20, messageId: 'unboundedFanout' },
        { line: 7, column: 9, endLine: 7, endColumn: 20, messageId: 'unboundedFanout' },
      ],
    },
    {
      // A request's input taken by destructuring (\`const { body } = req\`, a \`let\` given another
      // value after the fan-out), a variable re-given a list made of itself, the element of a list of
      // reads, rows reduced into a new list, and a store's awaited read of every row.
      code: `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
const hook = (url: string) => fetch(url, { method: 'POST', signal: AbortSignal.timeout(5000) });
interface Store { getAllRooms(): Promise<{ id: string }[]> }
export async function pay(req: { body: { ids: string[] }; query: Record<string, string[] | string> }, store: Store) {
  const { body } = req;
  await Promise.all(body.ids.map(id => hook(id)));
  let { channel } = req.query;
  const ids = new Set(channel instanceof Array ? channel : [channel]);
  await Promise.all([...ids].map(id => hook(id)));
  channel = [...ids];
  let rows = await prisma.hook.findMany();
  rows = rows.filter(row => row.active);
  await Promise.all(rows.map(row => hook(row.url)));
  const [members, roles] = await Promise.all([prisma.member.findMany(), Promise.resolve(['admin'])]);
  await Promise.all(members.map(m => hook(m.url)));
  await Promise.all(roles.map(r => hook(r)));
  const unique = rows.reduce((acc, row) => (acc.includes(row.url) ? acc : [...acc, row.url]), [] as string[]);
  await Promise.all(unique.map(url => hook(url)));
  const rooms = await store.getAllRooms();
  await Promise.all(rooms.map(room => hook(room.id)));
}`,
      errors: [
        { line: 7, column: 9, endLine: 7, endColumn: 20, messageId: 'unboundedFanout' },
        { line: 10, column: 9, endLine: 10, endColumn: 20, messageId: 'unboundedFanout' },
        { line: 14, column: 9, endLine: 14, endColumn: 20, messageId: 'unboundedFanout' },
        { line: 16, column: 9, endLine: 16, endColumn: 20, messageId: 'unboundedFanout' },
        { line: 19, column: 9, endLine: 19, endColumn: 20, messageId: 'unboundedFanout' },
        { line: 21, column: 9, endLine: 21, endColumn: 20, messageId: 'unboundedFanout' },
      ],
    },
  ],
});
