import { RuleTester } from '@typescript-eslint/rule-tester';

import rule from '../../rules/prefer-partial-availability.js';

const ruleTester = new RuleTester();

ruleTester.run('prefer-partial-availability', rule, {
  valid: [
    // Each item catches its own failure: its remote call, through a function of the file, sits in a
    // try that does not rethrow, so one failing item cannot fail the rest.
    `import path from 'node:path';
async function downloadFile(url: string, target: string) {
  const response = await fetch(url, { signal: AbortSignal.timeout(5000) });
  return [target, await response.text()];
}
export async function download(services: { name: string; address: string }[], directory: string) {
  await Promise.all(
    services.map(async service => {
      const url = \`\${service.address}/plugin.js\`;
      const target = path.resolve(directory, \`\${service.name}.js\`);
      try {
        await downloadFile(url, target);
      } catch (e) {
        console.error(e);
      }
    }),
  );
}`,
    // Results folded into one answer (a maximum, a sum) need every part; side effects whose failure
    // is handled on the spot lose no answer.
    `import axios from 'axios';
const http = axios.create({ timeout: 1000 });
export async function newest(users: string[]) {
  return Math.max(...(await Promise.all(users.map(u => http.get(\`/u/\${u}\`).then(r => r.data.ts)))));
}
export async function total(users: string[]) {
  const counts = await Promise.all(users.map(u => http.get(\`/c/\${u}\`).then(r => r.data.n)));
  return counts.reduce((a, b) => a + b, 0);
}
export async function clear(keys: string[]) {
  try {
    await Promise.all(keys.map(k => http.delete(\`/k/\${k}\`)));
  } catch (e) {
    console.error(e);
  }
}
export async function clear2(keys: string[]) {
  await Promise.all(keys.map(k => http.delete(\`/k/\${k}\`))).catch(console.error);
}`,
    // The same maximum written as a loop over the results: it only reassigns an accumulator.
    `import axios from 'axios';
const http = axios.create({ timeout: 1000 });
export async function lastPlayed(users: string[]) {
  let latest: number | undefined;
  const responses = await Promise.all(users.map(u => http.get(\`/u/\${u}\`)));
  for (const response of responses) {
    const at = Number(response.data.lastPlayed);
    if (!Number.isNaN(at) && (latest === undefined || at > latest)) latest = at;
  }
  return latest;
}`,
    // Every remote call of the callback sits in a try whose catch does not rethrow.
    `export async function shorten(links: string[]) {
  return Promise.all(links.map(async link => {
    const id = link.trim();
    try {
      return await fetch('https://kutt.it/api/v2/links/' + id, { signal: AbortSignal.timeout(5000) });
    } catch {
      return undefined;
    }
  }));
}`,
    // The same pushed promises, settled one by one.
    `
export async function runEverywhere(regions: string[], url: string) {
  const results = [];
  for (const region of regions) {
    const result = fetch(url + '/' + region, { signal: AbortSignal.timeout(5000) });
    results.push(result);
  }
  return Promise.allSettled(results);
}`,
    'const settled = await Promise.allSettled([fetch(a, { signal: AbortSignal.timeout(1000) }), fetch(b, { signal: AbortSignal.timeout(1000) })]);',
    'const first = await Promise.any([fetch(a, { signal: AbortSignal.timeout(1000) }), fetch(b, { signal: AbortSignal.timeout(1000) })]);',
    // A race against a timer is a timeout, not fan-in.
    `import { setTimeout } from 'node:timers/promises'; await Promise.race([fetch(a, { signal: AbortSignal.timeout(1000) }), setTimeout(2000).then(() => { throw new Error('timeout'); })]);`,
    // Pushed promises that each settle their own failure: the executor resolves in the call's .catch.
    `import OpenAI from 'openai';
const openai = new OpenAI({ timeout: 60_000 });
export async function embed(chunks: string[][]) {
  const requests: Promise<{ data: unknown; error: unknown }>[] = [];
  for (const chunk of chunks) {
    requests.push(
      new Promise(resolve => {
        openai.embeddings
          .create({ model: 'text-embedding-3-small', input: chunk })
          .then(result => resolve({ data: result.data, error: null }))
          .catch(error => resolve({ data: [], error }));
      }),
    );
  }
  return Promise.all(requests);
}`,
    // Each element handles its own failure.
    `import axios from 'axios'; await Promise.all([axios.get('/a', { timeout: 1000 }).catch(() => null), axios.get('/b', { timeout: 1000 }).catch(() => null)]);`,
    // Local work only.
    `import { readFile } from 'node:fs/promises'; await Promise.all([readFile('a'), readFile('b')]);`,
    // The documented opt-out.
    `
// all-or-nothing: an invoice is wrong without every line
const lines = await Promise.all(order.lines.map(line => fetch(line.priceUrl, { signal: AbortSignal.timeout(1000) })));`,
    // By default a fixed list is not judged: on production code its parts are nearly always all needed.
    `
import axios from 'axios';
async function getUser(id: string) { return axios.get('/users/' + id, { timeout: 1000 }); }
async function getOrders(id: string) { return axios.get('/orders/' + id, { timeout: 1000 }); }
export const page = (id: string) => Promise.all([getUser(id), getOrders(id)]);
`,
    // An expression body whose helper catches its own failure (the helper is followed, and so is its try).
    `
async function checkUrl(target: string): Promise<boolean> {
  try {
    const response = await fetch(target, { method: 'HEAD', signal: AbortSignal.timeout(3000) });
    return response.ok;
  } catch {
    return false;
  }
}
export const check = (urls: string[]) => Promise.all(urls.map(async url => ({ url, ok: await checkUrl(url) })));
`,
    // A single promise is not fan-out.
    'await Promise.all([fetch(a, { signal: AbortSignal.timeout(1000) })]);',
    // A clean-up: the results are thrown away, every call removes something and nothing is kept.
    // The other deletes complete when one rejects, and the rejection is how the caller learns of
    // it (allSettled would hide it), here rethrown with context.
    `export async function rethrow(keys: string[]) {
  try {
    await Promise.all(keys.map(k => fetch('/k/' + k, { method: 'DELETE', signal: AbortSignal.timeout(1000) })));
  } catch (e) {
    throw new Error('clear failed', { cause: e });
  }
}`,
    // The same through the class's own method, named for what it does (it reads first), and an
    // SDK command named for it.
    `export class Store {
  async delete(key: string) {
    const found = await fetch('/k/' + key, { signal: AbortSignal.timeout(1000) });
    if (found.ok) await fetch('/k/' + key, { method: 'DELETE', signal: AbortSignal.timeout(1000) });
  }
  async deleteMany(keys: string[]) {
    await Promise.all(keys.map(key => this.delete(key)));
  }
}`,
    `import { DynamoDBClient, DeleteItemCommand } from '@aws-sdk/client-dynamodb';
const client = new DynamoDBClient({ requestHandler: { requestTimeout: 2000 } });
export async function drop(keys: string[]) {
  await Promise.all(keys.map(key => client.send(new DeleteItemCommand({ TableName: 't', Key: { k: { S: key } } }), { abortSignal: AbortSignal.timeout(2000) })));
}`,
    `export async function clear(keys: string[]) {
  await Promise.all(keys.map(k => fetch('/k/' + k, { method: 'DELETE', signal: AbortSignal.timeout(1000) })));
}`,
  ],
  invalid: [
    {
      // The same with a call outside the try: that one can fail them all.
      code: `import path from 'node:path';
async function downloadFile(url: string, target: string) {
  const response = await fetch(url, { signal: AbortSignal.timeout(5000) });
  return [target, await response.text()];
}
export async function strict(services: { name: string; address: string }[], directory: string) {
  await Promise.all(
    services.map(async service => {
      const url = \`\${service.address}/plugin.js\`;
      await downloadFile(url, directory);
      try {
        await downloadFile(url, directory);
      } catch (e) {
        console.error(e);
      }
    }),
  );
}`,
      errors: [
        {
          line: 7,
          column: 9,
          endLine: 7,
          endColumn: 20,
          messageId: 'allOrNothing',
          suggestions: [
            {
              messageId: 'suggestAllSettled',
              output: `import path from 'node:path';
async function downloadFile(url: string, target: string) {
  const response = await fetch(url, { signal: AbortSignal.timeout(5000) });
  return [target, await response.text()];
}
export async function strict(services: { name: string; address: string }[], directory: string) {
  await Promise.allSettled(
    services.map(async service => {
      const url = \`\${service.address}/plugin.js\`;
      await downloadFile(url, directory);
      try {
        await downloadFile(url, directory);
      } catch (e) {
        console.error(e);
      }
    }),
  );
}`,
            },
          ],
        },
      ],
    },
    {
      // Thrown away, but not a clean-up: a check triggered in each region is partial work.
      code: `export async function trigger(regions: string[]) {
  await Promise.all(regions.map(region => fetch('/check/' + region, { method: 'POST', signal: AbortSignal.timeout(1000) })));
}`,
      errors: [
        {
          line: 2,
          column: 9,
          endLine: 2,
          endColumn: 20,
          messageId: 'allOrNothing',
          suggestions: [
            {
              messageId: 'suggestAllSettled',
              output: `export async function trigger(regions: string[]) {
  await Promise.allSettled(regions.map(region => fetch('/check/' + region, { method: 'POST', signal: AbortSignal.timeout(1000) })));
}`,
            },
          ],
        },
      ],
    },
    {
      // Thrown away, but each call stores what it gets: still a fan-in of answers.
      code: `export async function loadAll(keys: string[]) {
  const out: Record<string, unknown> = {};
  await Promise.all(keys.map(async k => { out[k] = await (await fetch('/k/' + k, { signal: AbortSignal.timeout(1000) })).json(); }));
  return out;
}`,
      errors: [
        {
          line: 3,
          column: 9,
          endLine: 3,
          endColumn: 20,
          messageId: 'allOrNothing',
          suggestions: [
            {
              messageId: 'suggestAllSettled',
              output: `export async function loadAll(keys: string[]) {
  const out: Record<string, unknown> = {};
  await Promise.allSettled(keys.map(async k => { out[k] = await (await fetch('/k/' + k, { signal: AbortSignal.timeout(1000) })).json(); }));
  return out;
}`,
            },
          ],
        },
      ],
    },
    {
      code: `export async function loadAll(ids: string[], rows: unknown[]) {
  await Promise.all(ids.map(async id => rows.push(await fetch('/r/' + id, { signal: AbortSignal.timeout(1000) }))));
}`,
      errors: [
        {
          line: 2,
          column: 9,
          endLine: 2,
          endColumn: 20,
          messageId: 'allOrNothing',
          suggestions: [
            {
              messageId: 'suggestAllSettled',
              output: `export async function loadAll(ids: string[], rows: unknown[]) {
  await Promise.allSettled(ids.map(async id => rows.push(await fetch('/r/' + id, { signal: AbortSignal.timeout(1000) }))));
}`,
            },
          ],
        },
      ],
    },
    {
      // A loop that collects the results into a list, rather than folding them: a partial list serves.
      code: `import axios from 'axios';
const http = axios.create({ timeout: 1000 });
export async function histories(users: string[]) {
  const records: unknown[] = [];
  const responses = await Promise.all(users.map(u => http.get(\`/u/\${u}\`)));
  for (const response of responses) records.push(response.data);
  return records;
}`,
      errors: [
        {
          line: 5,
          column: 27,
          endLine: 5,
          endColumn: 38,
          messageId: 'allOrNothing',
          suggestions: [
            {
              messageId: 'suggestAllSettled',
              output: `import axios from 'axios';
const http = axios.create({ timeout: 1000 });
export async function histories(users: string[]) {
  const records: unknown[] = [];
  const responses = await Promise.allSettled(users.map(u => http.get(\`/u/\${u}\`)));
  for (const response of responses) records.push(response.data);
  return records;
}`,
            },
          ],
        },
      ],
    },
    {
      // A try around the whole fan-in does not make one element's failure its own.
      code: `export async function load(a: string, b: string) {
  try {
    return await Promise.all([fetch(a, { signal: AbortSignal.timeout(1000) }), fetch(b, { signal: AbortSignal.timeout(1000) })]);
  } catch {
    return null;
  }
}`,
      options: [{ fixedLists: true }],
      errors: [
        {
          line: 3,
          column: 18,
          endLine: 3,
          endColumn: 29,
          messageId: 'allOrNothing',
          suggestions: [
            {
              messageId: 'suggestAllSettled',
              output: `export async function load(a: string, b: string) {
  try {
    return await Promise.allSettled([fetch(a, { signal: AbortSignal.timeout(1000) }), fetch(b, { signal: AbortSignal.timeout(1000) })]);
  } catch {
    return null;
  }
}`,
            },
          ],
        },
      ],
    },
    // A catch that rethrows still fails the whole answer.
    {
      code: `export async function shorten(links: string[]) {
  return Promise.all(links.map(async link => {
    const id = link.trim();
    try {
      return await fetch('https://kutt.it/api/v2/links/' + id, { signal: AbortSignal.timeout(5000) });
    } catch (error) {
      console.error(error);
      throw error;
    }
  }));
}`,
      errors: [
        {
          line: 2,
          column: 10,
          endLine: 2,
          endColumn: 21,
          messageId: 'allOrNothing',
          suggestions: [
            {
              messageId: 'suggestAllSettled',
              output: `export async function shorten(links: string[]) {
  return Promise.allSettled(links.map(async link => {
    const id = link.trim();
    try {
      return await fetch('https://kutt.it/api/v2/links/' + id, { signal: AbortSignal.timeout(5000) });
    } catch (error) {
      console.error(error);
      throw error;
    }
  }));
}`,
            },
          ],
        },
      ],
    },
    {
      // A DI factory's parameter typed with the client class (through a type alias).
      code: `
import Redis from 'ioredis';
type Cache = Redis;
export const both = (redis: Cache) => Promise.all([redis.get('a'), redis.get('b')]);
`,
      options: [{ fixedLists: true }],
      errors: [
        {
          column: 39,
          endColumn: 50,
          endLine: 4,
          line: 4,
          messageId: 'allOrNothing',
          suggestions: [
            {
              messageId: 'suggestAllSettled',
              output: `
import Redis from 'ioredis';
type Cache = Redis;
export const both = (redis: Cache) => Promise.allSettled([redis.get('a'), redis.get('b')]);
`,
            },
          ],
        },
      ],
    },
    {
      code: 'const [x, y] = await Promise.all([fetch(a, { signal: AbortSignal.timeout(1000) }), fetch(b, { signal: AbortSignal.timeout(1000) })]);',
      options: [{ fixedLists: true }],
      errors: [
        {
          column: 22,
          endColumn: 33,
          endLine: 1,
          line: 1,
          messageId: 'allOrNothing',
          suggestions: [
            {
              messageId: 'suggestAllSettled',
              output:
                'const [x, y] = await Promise.allSettled([fetch(a, { signal: AbortSignal.timeout(1000) }), fetch(b, { signal: AbortSignal.timeout(1000) })]);',
            },
          ],
        },
      ],
    },
    {
      code: `import axios from 'axios'; export const loadAll = (ids: string[]) => Promise.all(ids.map(id => axios.get('/users/' + id, { timeout: 1000 })));`,
      errors: [
        {
          column: 70,
          endColumn: 81,
          endLine: 1,
          line: 1,
          messageId: 'allOrNothing',
          suggestions: [
            {
              messageId: 'suggestAllSettled',
              output: `import axios from 'axios'; export const loadAll = (ids: string[]) => Promise.allSettled(ids.map(id => axios.get('/users/' + id, { timeout: 1000 })));`,
            },
          ],
        },
      ],
    },
    {
      code: `
import axios from 'axios';
async function getUser(id: string) { return axios.get('/users/' + id, { timeout: 1000 }); }
async function getOrders(id: string) { return axios.get('/orders/' + id, { timeout: 1000 }); }
export const page = (id: string) => Promise.all([getUser(id), getOrders(id)]);
`,
      options: [{ fixedLists: true }],
      errors: [
        {
          column: 37,
          endColumn: 48,
          endLine: 5,
          line: 5,
          messageId: 'allOrNothing',
          suggestions: [
            {
              messageId: 'suggestAllSettled',
              output: `
import axios from 'axios';
async function getUser(id: string) { return axios.get('/users/' + id, { timeout: 1000 }); }
async function getOrders(id: string) { return axios.get('/orders/' + id, { timeout: 1000 }); }
export const page = (id: string) => Promise.allSettled([getUser(id), getOrders(id)]);
`,
            },
          ],
        },
      ],
    },
    {
      code: `import { readFile } from 'node:fs/promises'; const [template, data] = await Promise.all([readFile('t.html', 'utf8'), fetch(url, { signal: AbortSignal.timeout(1000) })]);`,
      options: [{ fixedLists: true }],
      errors: [
        {
          column: 77,
          endColumn: 88,
          endLine: 1,
          line: 1,
          messageId: 'allOrNothing',
          suggestions: [
            {
              messageId: 'suggestAllSettled',
              output: `import { readFile } from 'node:fs/promises'; const [template, data] = await Promise.allSettled([readFile('t.html', 'utf8'), fetch(url, { signal: AbortSignal.timeout(1000) })]);`,
            },
          ],
        },
      ],
    },
    {
      code: 'await Promise.race([fetch(primary, { signal: AbortSignal.timeout(1000) }), fetch(secondary, { signal: AbortSignal.timeout(1000) })]);',
      errors: [
        {
          column: 7,
          endColumn: 19,
          endLine: 1,
          line: 1,
          messageId: 'raceFailsFast',
          suggestions: [
            {
              messageId: 'suggestAny',
              output:
                'await Promise.any([fetch(primary, { signal: AbortSignal.timeout(1000) }), fetch(secondary, { signal: AbortSignal.timeout(1000) })]);',
            },
          ],
        },
      ],
    },
    {
      code: `
import { Pool } from 'pg';
const replicas = [new Pool({ host: 'a', statement_timeout: 1000, connectionTimeoutMillis: 1000 }), new Pool({ host: 'b', statement_timeout: 1000, connectionTimeoutMillis: 1000 })];
export const readFastest = (sql: string) => Promise.race(replicas.map(pool => pool.query(sql)));
`,
      errors: [
        {
          column: 45,
          endColumn: 57,
          endLine: 4,
          line: 4,
          messageId: 'raceFailsFast',
          suggestions: [
            {
              messageId: 'suggestAny',
              output: `
import { Pool } from 'pg';
const replicas = [new Pool({ host: 'a', statement_timeout: 1000, connectionTimeoutMillis: 1000 }), new Pool({ host: 'b', statement_timeout: 1000, connectionTimeoutMillis: 1000 })];
export const readFastest = (sql: string) => Promise.any(replicas.map(pool => pool.query(sql)));
`,
            },
          ],
        },
      ],
    },
    {
      // Promises made in a loop, kept in a variable, then pushed: one region's failure fails all.
      code: `
export async function runEverywhere(regions: string[], url: string) {
  const results = [];
  for (const region of regions) {
    const result = fetch(url + '/' + region, { signal: AbortSignal.timeout(5000) });
    results.push(result);
  }
  return Promise.all(results);
}`,
      errors: [
        {
          column: 10,
          endColumn: 21,
          endLine: 8,
          line: 8,
          messageId: 'allOrNothing',
          suggestions: [
            {
              messageId: 'suggestAllSettled',
              output: `
export async function runEverywhere(regions: string[], url: string) {
  const results = [];
  for (const region of regions) {
    const result = fetch(url + '/' + region, { signal: AbortSignal.timeout(5000) });
    results.push(result);
  }
  return Promise.allSettled(results);
}`,
            },
          ],
        },
      ],
    },
  ],
});
