// Project facts across files: a process-wide axios default set in one module of a project bounds
// the axios calls of its other modules, under real ESLint; modules are re-read when they change.
// oxlint's JS plugins do not hand rules their parser, so there the facts are absent (documented
// in rules/docs/require-timeout.md) and only the file's own settings count.
import { mkdtemp, readFile, rm, utimes, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import plugin from '../../rules/index.js';
import { processConstructions, projectRemoteCalls } from '../../rules/util/project-calls.js';
import {
  parseModule,
  projectAxiosDefaults,
  projectConstructions,
  projectImplementations,
} from '../../rules/util/project-facts.js';
import { ROOT, lintWithEslint, lintWithOxlint } from '../helpers/engines.js';

const FIXTURE = path.join(ROOT, 'test/fixtures/project-defaults/with-bootstrap');
const RULES = { 'faultline/require-timeout': ['error', { checkTests: true }] as ['error', ...unknown[]] };

describe('process-wide axios defaults from another module', () => {
  it('bound the calls of the other modules under ESLint 10 and ESLint 9', async () => {
    const files = ['src/service.ts', 'packages/worker/src/job.ts'].map(file => path.join(FIXTURE, file));
    for (const engine of ['eslint', 'eslint9'] as const) {
      const findings = await lintWithEslint(engine, FIXTURE, files, RULES);
      // Only the nested package, a process of its own, keeps its finding.
      expect(findings.map(finding => `${finding.file}:${finding.line}:${finding.column}`)).toEqual([
        'packages/worker/src/job.ts:3:26',
      ]);
    }
  });

  it('bound them under oxlint too, whose JS plugins get espree: TypeScript modules are read with the project’s own parser', async () => {
    const findings = await lintWithOxlint(
      FIXTURE,
      ['src/service.ts', 'packages/worker/src/job.ts'].map(file => path.join(FIXTURE, file)),
      RULES,
    );
    expect(findings.map(finding => `${finding.file}:${finding.line}:${finding.column}`)).toEqual([
      'packages/worker/src/job.ts:3:26',
    ]);
  });
});

describe('workspace packages, linted from inside one package of the monorepo', () => {
  // `turbo lint` runs `eslint .` in each package, and an editor runs where the nearest config is:
  // the workspace package an app imports is read as it is when the lint runs at the root.
  const WORKSPACE = path.join(ROOT, 'test/fixtures/project-workspace');
  const file = path.join(WORKSPACE, 'apps/worker/src/save.ts');
  it('are followed the same from the app as from the root, under ESLint 10 and ESLint 9', async () => {
    for (const engine of ['eslint', 'eslint9'] as const)
      // From the app first: what the root's lint finds is kept for the life of the process.
      for (const cwd of [path.join(WORKSPACE, 'apps/worker'), WORKSPACE]) {
        const findings = await lintWithEslint(engine, cwd, [file], RULES);
        expect(
          findings.map(
            finding => `${path.relative(WORKSPACE, path.resolve(cwd, finding.file))}:${finding.line}`,
          ),
          `${engine} from ${path.relative(WORKSPACE, cwd) || 'the root'}`,
        ).toEqual(['apps/worker/src/save.ts:4']);
        expect(findings[0]?.message).toContain('packages/storage/src/files.ts:8');
      }
  });
});

describe('projectAxiosDefaults', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'faultline-project-'));
    await mkdir(path.join(dir, 'src'));
    await writeFile(path.join(dir, 'package.json'), '{ "name": "scratch" }');
    await writeFile(
      path.join(dir, 'src/service.ts'),
      `import axios from 'axios';\nexport const ping = () => axios.get('/');\n`,
    );
  });
  afterAll(async () => {
    vi.useRealTimers();
    await rm(dir, { recursive: true, force: true });
  });
  const context = (): Parameters<typeof projectAxiosDefaults>[0] => ({
    filename: path.join(dir, 'src/service.ts'),
    cwd: dir,
    languageOptions: { parser: tsParser },
  });

  it('reads a module that sets the default again once it changes', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    expect(projectAxiosDefaults(context())).toEqual([]);
    const main = path.join(dir, 'src/main.ts');
    await writeFile(main, `import axios from 'axios';\naxios.defaults.timeout = 5_000;\n`);
    // Within the refresh interval the listing is reused; new modules are looked for once a minute.
    expect(projectAxiosDefaults(context())).toEqual([]);
    vi.setSystemTime(Date.now() + 31_000);
    expect(projectAxiosDefaults(context())).toEqual([]);
    vi.setSystemTime(Date.now() + 61_000);
    expect(
      projectAxiosDefaults(context()).map(
        layer => layer.kind === 'object' && layer.props.get('timeout')?.value,
      ),
    ).toEqual([{ kind: 'number', value: 5000 }]);
    await writeFile(
      main,
      `import axios from 'axios';\naxios.defaults.timeout = 0; // none: reported where it is written\n`,
    );
    await utimes(main, new Date(), new Date(Date.now() + 60_000));
    vi.setSystemTime(Date.now() + 31_000);
    expect(projectAxiosDefaults(context())).toEqual([]);
  });

  it('gives nothing without a parser from the engine', () => {
    expect(projectAxiosDefaults({ filename: path.join(dir, 'src/service.ts'), cwd: dir })).toEqual([]);
  });
});

// A barrel too wide for one file's reading budget: the first file to ask reads what it may and
// finds nothing; that miss is the budget's, not the answer, so the next file reads on and finds it.
describe('a barrel wider than one file may read', () => {
  let dir: string;
  const FANOUT = {
    'faultline/no-unbounded-fanout': ['error', { collections: 'any' }] as ['error', ...unknown[]],
  };
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'faultline-barrel-'));
    await mkdir(path.join(dir, 'src/lib'), { recursive: true });
    await writeFile(path.join(dir, 'package.json'), '{ "name": "barrel" }');
    const names = Array.from({ length: 100 }, (_, i) => `m${String(i).padStart(3, '0')}`);
    for (const name of names.slice(0, -1))
      await writeFile(path.join(dir, `src/lib/${name}.ts`), `export const ${name} = () => '${name}';\n`);
    await writeFile(
      path.join(dir, `src/lib/${names.at(-1)}.ts`),
      'export async function getUser(id: string) {\n  return (await fetch(`https://users.internal/${id}`, { signal: AbortSignal.timeout(2000) })).json();\n}\n',
    );
    await writeFile(
      path.join(dir, 'src/lib/index.ts'),
      names.map(name => `export * from './${name}';\n`).join(''),
    );
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });
  const lint = (file: string): (string | null | undefined)[] =>
    new Linter({ cwd: dir })
      .verify(
        "import { getUser } from './lib';\nexport const all = (ids: string[]) => Promise.all(ids.map(id => getUser(id)));\n",
        [
          {
            files: ['**/*.ts'],
            plugins: { faultline: plugin },
            languageOptions: { parser: tsParser },
            rules: FANOUT,
          },
        ],
        path.join(dir, file),
      )
      .map(message => message.ruleId);

  it('is read on by the next file', () => {
    const first = lint('src/a.ts');
    expect(lint('src/b.ts')).toEqual(['faultline/no-unbounded-fanout']);
    expect(lint('src/c.ts')).toEqual(['faultline/no-unbounded-fanout']);
    expect(first.length).toBeLessThanOrEqual(1);
  });
});

// Calls into the project's own modules: a fan-out over a function that queries the database in
// another module is found under ESLint 10 and 9; under oxlint (no parser for rules) it is not, as
// rules/docs/no-unbounded-fanout.md says.
describe('project calls', () => {
  const PROJECT = path.join(ROOT, 'test/fixtures/project-calls');
  const FANOUT = {
    'faultline/no-unbounded-fanout': ['error', { checkTests: true, collections: 'any' }] as [
      'error',
      ...unknown[],
    ],
  };
  let file: string;
  beforeAll(async () => {
    file = path.join(PROJECT, 'src/routes/fan-out.ts');
    await writeFile(
      file,
      `import { getWorkspaces } from '@/lib/workspaces';\nexport const all = (orgs: string[]) => Promise.all(orgs.map(org => getWorkspaces(org)));\n`,
    );
  });
  afterAll(async () => {
    await rm(file, { force: true });
  });

  it('are followed under ESLint 10 and ESLint 9', async () => {
    for (const engine of ['eslint', 'eslint9'] as const) {
      const findings = await lintWithEslint(engine, PROJECT, [file], FANOUT);
      expect(findings.map(finding => `${finding.file}:${finding.line}`)).toEqual(['src/routes/fan-out.ts:2']);
    }
  });

  it('are followed under oxlint too (TypeScript modules read with the project’s own parser)', async () => {
    const findings = await lintWithOxlint(PROJECT, [file], FANOUT);
    expect(findings.map(finding => `${finding.file}:${finding.line}`)).toEqual(['src/routes/fan-out.ts:2']);
  });

  it('give nothing without a parser from the engine', () => {
    expect(projectRemoteCalls({ filename: file, cwd: PROJECT, sourceCode: { ast: {} } })).toBeUndefined();
  });
});

// The clients a project makes, judged from the syntax of their construction: a URL-only ioredis
// client has no command timeout, one with `commandTimeout` is bounded, and options handed in are
// not judged; a Solana connection made with a commitment only has no deadline. Calls through a
// client known by its declared type are judged by these (require-timeout, injected clients).
describe('projectConstructions', () => {
  let project: string;
  beforeAll(async () => {
    project = await mkdtemp(path.join(tmpdir(), 'faultline-constructions-'));
    await mkdir(path.join(project, 'src'));
    await writeFile(path.join(project, 'package.json'), '{ "name": "constructions" }');
    await writeFile(
      path.join(project, 'src/redis.ts'),
      `import Redis from 'ioredis';\nexport const cache = new Redis(process.env.REDIS_URL as string);\nexport const queue = new Redis(url, { commandTimeout: 2000 });\nexport const handed = (options: object) => new Redis(options);\n`,
    );
    await writeFile(
      path.join(project, 'src/chain.ts'),
      `import * as web3 from '@solana/web3.js';\nexport const connection = new web3.Connection(url, 'confirmed');\n`,
    );
    await writeFile(path.join(project, 'src/plain.ts'), `export const answer = new Map([[1, 2]]);\n`);
  });
  afterAll(async () => {
    await rm(project, { recursive: true, force: true });
  });

  it('records each client a module makes, and whether the catalog finds it unbounded', () => {
    const index = projectConstructions({
      filename: path.join(project, 'src/plain.ts'),
      cwd: project,
      languageOptions: { parser: tsParser },
    });
    const show = (kind: 'ioredis' | 'solana'): string[] =>
      (index.get(kind) ?? []).map(
        made => `${path.basename(made.file)}:${made.line} ${made.module} ${made.unbounded}`,
      );
    expect(show('ioredis')).toEqual([
      'redis.ts:2 ioredis true',
      'redis.ts:3 ioredis false',
      'redis.ts:4 ioredis false',
    ]);
    expect(show('solana')).toEqual(['chain.ts:2 @solana/web3.js true']);
    expect([...index.keys()].sort()).toEqual(['ioredis', 'solana']);
  });

  it('gives nothing without a parser from the engine', () => {
    expect(projectConstructions({ filename: path.join(project, 'src/plain.ts'), cwd: project }).size).toBe(0);
  });
});

// Options the construction does not write inline: a const of the module, what a function of the
// module returns, or what a function or const of another module of the project gives. Those of
// another module are judged when the process's index is asked (processConstructions).
describe('constructions with options written elsewhere', () => {
  let project: string;
  beforeAll(async () => {
    project = await mkdtemp(path.join(tmpdir(), 'faultline-written-options-'));
    await mkdir(path.join(project, 'src'));
    await writeFile(path.join(project, 'package.json'), '{ "name": "written-options" }');
    await writeFile(
      path.join(project, 'src/config.ts'),
      [
        `export function s3Config(opts: { region?: string; url: string }) {`,
        `  if (!opts.region) throw new Error('region');`,
        `  const config = { region: opts.region, endpoint: opts.url };`,
        `  return config;`,
        `}`,
        `export const boundedConfig = () => ({ region: 'eu', requestHandler: { socketTimeout: 5000, connectionTimeout: 1000 } });`,
        `export function spreadConfig(base: object) { return { ...base, region: 'eu' }; }`,
        `export const redisOptions = { host: 'cache', port: 6379 };`,
        `export let letOptions = { region: 'eu' };`,
        `export const changedLater: { region: string; requestHandler?: object } = { region: 'eu' };`,
        `changedLater.requestHandler = { socketTimeout: 5_000 };`,
        `export const pgOptions = { connectionString: 'postgres://db/app?statement_timeout=5000', connectionTimeoutMillis: 2_000 };`,
        ``,
      ].join('\n'),
    );
    await writeFile(
      path.join(project, 'src/made.ts'),
      [
        `import { S3Client } from '@aws-sdk/client-s3';`,
        `import Redis from 'ioredis';`,
        `import { inspect } from 'node:util';`,
        `import { merge } from 'lodash-es';`,
        `import { Pool } from 'pg';`,
        `import { boundedConfig, changedLater, letOptions, pgOptions, redisOptions, s3Config, spreadConfig } from './config.js';`,
        `export const imported = new S3Client(s3Config({ url: 'https://s3' }));`,
        `export function local() {`,
        `  const options = { region: 'eu' };`,
        `  return new S3Client(options);`,
        `}`,
        `export function changed(handler: object) {`,
        `  const options = { region: 'eu' };`,
        `  Object.assign(options, { requestHandler: handler });`,
        `  return new S3Client(options);`,
        `}`,
        `export const bounded = new S3Client(boundedConfig());`,
        `export const spread = new S3Client(spreadConfig({}));`,
        `export const cache = new Redis(redisOptions);`,
        `function either(fast: boolean) {`,
        `  if (fast) return { region: 'eu', requestHandler: { socketTimeout: 1000 } };`,
        `  return { region: 'eu' };`,
        `}`,
        `export const chosen = new S3Client(either(true));`,
        `function plain() {`,
        `  return { region: 'eu' };`,
        `}`,
        `export const fromLocal = new S3Client(plain());`,
        `export const endpoint = new S3Client({ region: 'eu', ...(process.env.E ? { endpoint: process.env.E } : {}) });`,
        `export const maybe = new S3Client({ region: 'eu', ...(process.env.F && { requestHandler: { socketTimeout: 1 } }) });`,
        `export const fromLet = new S3Client(letOptions);`,
        `export const fromChanged = new S3Client(changedLater);`,
        `export function merged(extra: object) {`,
        `  const options = { region: 'eu' };`,
        `  merge(options, extra);`,
        `  return new S3Client(options);`,
        `}`,
        `export const pool = new Pool(pgOptions);`,
        `export function inspected() {`,
        `  const options = { region: 'eu' };`,
        `  console.log(inspect(options));`,
        `  return new S3Client(options);`,
        `}`,
        ``,
      ].join('\n'),
    );
  });
  afterAll(async () => {
    await rm(project, { recursive: true, force: true });
  });

  const show = (index: ReturnType<typeof projectConstructions>): string[] =>
    [...index.values()]
      .flat()
      .map(made => `${made.line} ${made.unbounded}${made.pending ? ' pending' : ''}`)
      .sort((a, b) => parseInt(a) - parseInt(b));

  it('judges options of the module where it makes the client, and marks those of another module', () => {
    const context = {
      filename: path.join(project, 'src/made.ts'),
      cwd: project,
      languageOptions: { parser: tsParser },
    };
    expect(show(projectConstructions(context))).toEqual([
      '7 false pending',
      '10 true',
      '15 false',
      '17 false pending',
      '18 false pending',
      '19 false pending',
      '24 false',
      '28 true',
      '29 true',
      '30 false',
      '31 false pending',
      '32 false pending',
      '36 false',
      '38 false pending',
      '42 true',
    ]);
  });

  it('judges the options another module writes when the process is asked, and asked again', () => {
    const context = {
      filename: path.join(project, 'src/made.ts'),
      cwd: project,
      languageOptions: { parser: tsParser },
    };
    const first = show(processConstructions(context));
    // The second answer comes from the process's cached index, judged the same.
    expect(show(processConstructions(context))).toEqual(first);
    expect(first).toEqual([
      '7 true pending',
      '10 true',
      '15 false',
      '17 false pending',
      '18 false pending',
      '19 true pending',
      '24 false',
      '28 true',
      '29 true',
      '30 false',
      // An exported `let`, a const its module changes, a const handed to `merge` before the
      // construction, and a pg config whose connection string sets `statement_timeout`.
      '31 false pending',
      '32 false pending',
      '36 false',
      '38 false pending',
      '42 true',
    ]);
  });
});

// The classes behind an interface or abstract class (a DI token), read from class heads without
// parsing: generics, several clauses, qualified names; test files are not the project's.
describe('projectImplementations', () => {
  let project: string;
  beforeAll(async () => {
    project = await mkdtemp(path.join(tmpdir(), 'faultline-implementations-'));
    await mkdir(path.join(project, 'src/__tests__'), { recursive: true });
    await writeFile(path.join(project, 'package.json'), '{ "name": "implementations" }');
    await writeFile(
      path.join(project, 'src/repos.ts'),
      [
        'export class ChainsRepository implements IChainsRepository {}',
        'export class Cache<T extends { id: string }> extends Base<Map<string, T>> implements ICache<T>, ns.Disposable {',
        '}',
        'export default class extends Anonymous {}',
      ].join('\n'),
    );
    await writeFile(
      path.join(project, 'src/__tests__/fake.ts'),
      'export class FakeChains implements IChainsRepository {}\n',
    );
  });
  afterAll(async () => {
    await rm(project, { recursive: true, force: true });
  });

  it('lists each class by the types it extends or implements', () => {
    const context = {
      filename: path.join(project, 'src/repos.ts'),
      cwd: project,
      languageOptions: { parser: tsParser },
    };
    const show = (type: string): string[] =>
      projectImplementations(context, type).map(
        found => `${path.relative(project, found.file)} ${found.cls}`,
      );
    expect(show('IChainsRepository')).toEqual(['src/repos.ts ChainsRepository']);
    expect(show('Base')).toEqual(['src/repos.ts Cache']);
    expect(show('ICache')).toEqual(['src/repos.ts Cache']);
    expect(show('Disposable')).toEqual(['src/repos.ts Cache']);
    expect(show('Anonymous')).toEqual([]);
    expect(projectImplementations({ filename: context.filename, cwd: project }, 'IChainsRepository')).toEqual(
      [],
    );
  });
});

// Calls into the project's functions that send a fetch or axios request with no deadline
// (require-timeout's projectRequestWithoutDeadline): reported at the call under ESLint 10 and 9,
// absent under oxlint (no parser for rules), and read again once the called function changes.
describe('project requests', () => {
  const PROJECT = path.join(ROOT, 'test/fixtures/project-requests');
  const handler = path.join(PROJECT, 'src/routes/handler.ts');

  it('are reported at the call under ESLint 10 and ESLint 9', async () => {
    for (const engine of ['eslint', 'eslint9'] as const) {
      const findings = await lintWithEslint(engine, PROJECT, [handler], RULES);
      expect(findings.map(finding => `${finding.file}:${finding.line}:${finding.column}`)).toEqual([
        'src/routes/handler.ts:12:9',
        'src/routes/handler.ts:15:9',
        'src/routes/handler.ts:18:9',
        'src/routes/handler.ts:22:9',
        'src/routes/handler.ts:24:9',
        // Not readFile or generate (lines 27, 29): their request is sent only for inputs these
        // calls do not give (a URL, `wait`). resolveNotion's guard asks the URL something the
        // call cannot settle (its host): the call may reach the request.
        'src/routes/handler.ts:28:9',
        'src/routes/handler.ts:31:9',
        'src/routes/handler.ts:32:9',
        'src/routes/handler.ts:33:9',
        // Through a batch of one: only the call that passes a URL.
        'src/routes/handler.ts:36:9',
        // Options defaulting to `{}`: only the call that accepts web input.
        'src/routes/handler.ts:40:9',
      ]);
    }
  });

  it('are reported the same under oxlint (TypeScript modules read with the project’s own parser)', async () => {
    const eslint = await lintWithEslint('eslint', PROJECT, [handler], RULES);
    const oxlint = await lintWithOxlint(PROJECT, [handler], RULES);
    expect(oxlint.map(finding => `${finding.file}:${finding.line}:${finding.column}`)).toEqual(
      eslint.map(finding => `${finding.file}:${finding.line}:${finding.column}`),
    );
    expect(oxlint.length).toBeGreaterThan(0);
  });

  describe('once the called function changes', () => {
    let dir: string;
    beforeAll(async () => {
      dir = await mkdtemp(path.join(tmpdir(), 'faultline-requests-'));
      await mkdir(path.join(dir, 'src/lib'), { recursive: true });
      await writeFile(path.join(dir, 'package.json'), '{ "name": "requests" }');
      await writeFile(
        path.join(dir, 'src/lib/health.ts'),
        'export async function ping(url: string) {\n  return (await fetch(url, { signal: AbortSignal.timeout(2000) })).ok;\n}\n',
      );
      await writeFile(
        path.join(dir, 'src/use.ts'),
        "import { ping } from './lib/health.js';\nexport const check = async (url: string) => { await ping(url); };\n",
      );
    });
    afterAll(async () => {
      vi.useRealTimers();
      await rm(dir, { recursive: true, force: true });
    });

    it('reports the call when the request loses its deadline', async () => {
      vi.useFakeTimers({ toFake: ['Date'] });
      const file = path.join(dir, 'src/use.ts');
      const linter = new Linter({ cwd: dir });
      const lint = (): (string | null | undefined)[] =>
        linter
          .verify(
            "import { ping } from './lib/health.js';\nexport const check = async (url: string) => { await ping(url); };\n",
            [
              {
                files: ['**/*.ts'],
                plugins: { faultline: plugin },
                languageOptions: { parser: tsParser },
                rules: RULES,
              },
            ],
            file,
          )
          .map(message => message.messageId);
      expect(lint()).toEqual([]);
      const health = path.join(dir, 'src/lib/health.ts');
      await writeFile(
        health,
        'export async function ping(url: string) {\n  return (await fetch(url)).ok;\n}\n',
      );
      await utimes(health, new Date(), new Date(Date.now() + 60_000));
      vi.setSystemTime(Date.now() + 31_000);
      expect(lint()).toEqual(['projectRequestWithoutDeadline']);
    });
  });

  describe('in a project that sets axios.defaults.timeout', () => {
    const dirs: string[] = [];
    afterAll(async () => {
      for (const dir of dirs) await rm(dir, { recursive: true, force: true });
    });
    /** A project whose bootstrap sets the default and calls the same request as a route does. */
    async function project(): Promise<string> {
      const dir = await mkdtemp(path.join(tmpdir(), 'faultline-defaults-'));
      dirs.push(dir);
      await mkdir(path.join(dir, 'src/lib'), { recursive: true });
      await writeFile(path.join(dir, 'package.json'), '{ "name": "defaults" }');
      await writeFile(
        path.join(dir, 'src/lib/api.ts'),
        "import axios from 'axios';\nexport async function load(url: string) {\n  return (await axios.get(url)).data;\n}\n",
      );
      await writeFile(
        path.join(dir, 'src/main.ts'),
        "import axios from 'axios';\nimport { load } from './lib/api.js';\naxios.defaults.timeout = 5000;\nexport const boot = async () => { await load('https://config.internal/'); };\n",
      );
      await writeFile(
        path.join(dir, 'src/route.ts'),
        "import { load } from './lib/api.js';\nexport const route = async () => { await load('https://items.internal/'); };\n",
      );
      return dir;
    }
    const lint = async (dir: string, file: string): Promise<(string | null | undefined)[]> =>
      new Linter({ cwd: dir })
        .verify(
          await readFile(path.join(dir, file), 'utf8'),
          [
            {
              files: ['**/*.ts'],
              plugins: { faultline: plugin },
              languageOptions: { parser: tsParser },
              rules: RULES,
            },
          ],
          path.join(dir, file),
        )
        .map(message => message.messageId);

    // The setting module does not count its own default for its own requests, but the request
    // it calls in another module runs under it all the same: no report in either, whichever is
    // linted first.
    it('reports neither caller, the bootstrap linted first', async () => {
      const dir = await project();
      expect(await lint(dir, 'src/main.ts')).toEqual([]);
      expect(await lint(dir, 'src/route.ts')).toEqual([]);
    });

    it('reports neither caller, the route linted first', async () => {
      const dir = await project();
      expect(await lint(dir, 'src/route.ts')).toEqual([]);
      expect(await lint(dir, 'src/main.ts')).toEqual([]);
    });
  });
});

describe('parseModule', () => {
  const text = '// a comment\nexport const ping = (x: number) => fetch(`/${x}`);\n';
  const context = (parser: unknown) => ({
    filename: path.join(ROOT, 'src/a.ts'),
    cwd: ROOT,
    languageOptions: { parser },
  });
  type Parsed =
    { type: string; tokens?: unknown; comments?: unknown; body: { parent?: unknown }[] } | undefined;

  it("parses typescript-eslint's modules as a tree alone: no tokens, no comments, parents set", () => {
    const program = parseModule(tsParser, context(tsParser), path.join(ROOT, 'src/a.ts'), text) as Parsed;
    expect(program?.type).toBe('Program');
    // parseForESLint would also build tokens, comments and a scope analysis nobody reads.
    expect(program?.tokens).toBeUndefined();
    expect(program?.comments).toBeUndefined();
    expect(program?.body[0]?.parent).toBe(program);
  });

  it('uses any other parser as it is (a look-alike with another version too)', () => {
    const calls: string[] = [];
    const other = {
      meta: { name: 'typescript-eslint/parser', version: '0.0.1' },
      parseForESLint: (code: string, options: Record<string, unknown>) => {
        calls.push(String(options.filePath));
        return tsParser.parseForESLint(code, options);
      },
    };
    const program = parseModule(other, context(other), path.join(ROOT, 'src/b.ts'), text) as Parsed;
    expect(calls).toEqual([path.join(ROOT, 'src/b.ts')]);
    expect(program?.tokens).toBeDefined();
  });

  it('gives nothing for a module its parser cannot read', () => {
    expect(parseModule(tsParser, context(tsParser), path.join(ROOT, 'src/c.ts'), 'export const = ;')).toBe(
      undefined,
    );
  });
});
