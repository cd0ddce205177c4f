// A deterministic 2,000-file TypeScript service for the editor-latency benchmark: a bootstrap
// module that sets `axios.defaults.timeout`, HTTP wrappers and clients in their own files, a retry
// helper, a lock class, and feature modules that import each other and call through all of them,
// so project facts and every recommended rule have real work in every file.
import fs from 'node:fs';
import path from 'node:path';

/** Writes the project into `dir` (emptied first); returns the source files, bootstrap first. */
export function generateProject(dir, count = 2000) {
  fs.rmSync(dir, { recursive: true, force: true });
  const files = new Map();
  files.set(
    'package.json',
    JSON.stringify({ name: 'editor-bench-service', private: true, type: 'module' }, null, 2),
  );
  files.set(
    'src/bootstrap.ts',
    `import axios from 'axios';
import { startServer } from './server.js';

// Every axios call of the process is bounded by this default.
axios.defaults.timeout = 10_000;
axios.defaults.headers.common['user-agent'] = 'editor-bench';

export async function main(): Promise<void> {
  await startServer(Number(process.env.PORT ?? 3000));
}
`,
  );
  files.set(
    'src/server.ts',
    `import http from 'node:http';

export function startServer(port: number): Promise<void> {
  return new Promise(resolve => http.createServer((_req, res) => res.end('ok')).listen(port, resolve));
}
`,
  );
  files.set(
    'src/lib/retry.ts',
    `export interface RetryOptions { attempts?: number; baseMs?: number }

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

/** Retries work with exponential backoff and full jitter. */
export async function retry<T>(work: () => Promise<T>, { attempts = 5, baseMs = 100 }: RetryOptions = {}): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (attempt >= attempts) throw error;
      await sleep(Math.random() * Math.min(10_000, baseMs * 2 ** attempt));
    }
  }
}
`,
  );
  files.set(
    'src/lib/lock.ts',
    `import Redis from 'ioredis';

const redis = new Redis(process.env.REDIS_URL ?? 'redis://localhost:6379', { commandTimeout: 2_000 });

export class Lock {
  constructor(private readonly key: string) {}
  async acquire(ttlMs: number): Promise<boolean> {
    return (await redis.set(this.key, '1', 'PX', ttlMs, 'NX')) === 'OK';
  }
  async release(): Promise<void> {
    await redis.del(this.key);
  }
}
`,
  );
  const WRAPPERS = 40;
  for (let w = 0; w < WRAPPERS; w++) {
    files.set(
      `src/http/client-${w}.ts`,
      w % 2 === 0
        ? `import axios from 'axios';

const api = axios.create({ baseURL: process.env.SERVICE_${w}_URL });

export async function getJson${w}<T>(path: string, signal?: AbortSignal): Promise<T> {
  const response = await api.get<T>(path, { signal });
  return response.data;
}

export async function postJson${w}<T>(path: string, body: unknown): Promise<T> {
  const response = await axios.post<T>(\`\${process.env.SERVICE_${w}_URL}\${path}\`, body);
  return response.data;
}
`
        : `export interface FetchOptions { timeoutMs?: number; signal?: AbortSignal }

export async function fetchJson${w}<T>(url: string, options: FetchOptions = {}): Promise<T> {
  const signal = options.signal ?? AbortSignal.timeout(options.timeoutMs ?? 5_000);
  const response = await fetch(url, { signal });
  if (!response.ok) throw new Error(\`\${url}: \${response.status}\`);
  return (await response.json()) as T;
}
`,
    );
  }
  const fixed = files.size - 1;
  const modules = count - fixed;
  for (let i = 0; i < modules; i++) {
    const w = i % WRAPPERS;
    const imports = [`import axios from 'axios';`, `import { retry } from '../../lib/retry.js';`];
    if (w % 2 === 0) imports.push(`import { getJson${w}, postJson${w} } from '../../http/client-${w}.js';`);
    else imports.push(`import { fetchJson${w} } from '../../http/client-${w}.js';`);
    if (i % 7 === 0) imports.push(`import { Lock } from '../../lib/lock.js';`);
    const deps = [1, 2].map(k => (i * 31 + k * 17) % modules).filter(d => d !== i);
    for (const d of deps) imports.push(`import { load${d} } from '../${group(d)}/module-${d}.js';`);
    const body = [
      `export interface Item${i} { id: string; value: number; updatedAt: string }`,
      '',
      `/** Loads item ${i} with what it depends on. */`,
      `export async function load${i}(id: string, signal?: AbortSignal): Promise<Item${i}> {`,
      w % 2 === 0
        ? `  const item = await getJson${w}<Item${i}>(\`/items/\${id}\`, signal);`
        : `  const item = await fetchJson${w}<Item${i}>(\`https://svc-${w}.internal/items/\${id}\`, { signal });`,
      ...deps.map(d => `  if (item.value > ${d}) await load${d}(id, signal);`),
      '  return item;',
      '}',
      '',
      `export async function sync${i}(ids: string[]): Promise<number> {`,
      `  const { data } = await axios.get<{ count: number }>('https://inventory.internal/count/${i}');`,
      `  const items = await Promise.all(ids.slice(0, 10).map(id => load${i}(id)));`,
      `  for (const item of items) await retry(() => axios.put(\`https://inventory.internal/items/\${item.id}\`, item), { attempts: 4 });`,
      w % 2 === 0 ? `  await postJson${w}('/synced', { count: items.length });` : '',
      '  return data.count + items.length;',
      '}',
    ];
    // Some hazards, as real code has them: a status call with no deadline, a retry without backoff.
    if (i % 10 === 0)
      body.push(
        '',
        `export async function status${i}(): Promise<boolean> {`,
        `  const response = await fetch('https://status.internal/${i}');`,
        '  return response.ok;',
        '}',
      );
    if (i % 13 === 0)
      body.push(
        '',
        `export async function push${i}(item: Item${i}): Promise<void> {`,
        '  for (let attempt = 0; attempt < 3; attempt++) {',
        '    try {',
        `      await axios.post('https://events.internal/${i}', item);`,
        '      return;',
        '    } catch {',
        '      // try again at once',
        '    }',
        '  }',
        '}',
      );
    if (i % 7 === 0)
      body.push(
        '',
        `export async function exclusive${i}(id: string): Promise<void> {`,
        `  const lock = new Lock('item-${i}:' + id);`,
        '  if (!(await lock.acquire(30_000))) return;',
        '  try {',
        `    await sync${i}([id]);`,
        '  } finally {',
        '    await lock.release();',
        '  }',
        '}',
      );
    files.set(`src/features/${group(i)}/module-${i}.ts`, [...imports, '', ...body, ''].join('\n'));
  }
  for (const [name, text] of files) {
    const full = path.join(dir, name);
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(full, text);
  }
  return [...files.keys()].filter(name => name.endsWith('.ts')).map(name => path.join(dir, name));
}

function group(i) {
  return `group-${String(Math.floor(i / 50)).padStart(2, '0')}`;
}
