// `faultline new` end to end: an empty service in a fresh repository compiles under strict tsc,
// passes faultline's recommended rules and its own tests, starts on loopback and answers its
// example operation through its generated client, errors included.
import fs from 'node:fs';
import path from 'node:path';

import tsParser from '@typescript-eslint/parser';
import { ESLint, type Linter } from 'eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { runCli } from '../../packages/cli/src/cli.js';
import faultline from '../../rules/index.js';
import { ROOT } from '../helpers/engines.js';
import { run, runBin, startService } from './helpers.js';

let repo: string;
let serviceDir: string;

beforeAll(async () => {
  fs.mkdirSync(path.join(ROOT, '.e2e'), { recursive: true });
  repo = fs.mkdtempSync(path.join(ROOT, '.e2e', 'faultline-e2e-new-'));
  expect((await run('git', ['init', '-q'], { cwd: repo })).code).toBe(0);
  fs.writeFileSync(
    path.join(repo, 'package.json'),
    JSON.stringify({ name: 'acme', private: true, workspaces: ['services/*'] }),
  );
  const out = { text: '', write: (chunk: string) => ((out.text += chunk), true) };
  const err = { text: '', write: (chunk: string) => ((err.text += chunk), true) };
  const code = await runCli(['new', 'orders'], {
    stdout: out,
    stderr: err,
    cwd: repo,
    env: { NO_COLOR: '1' },
  });
  expect(err.text).toBe('');
  expect(code).toBe(0);
  serviceDir = path.join(repo, 'services/orders');
}, 60_000);

afterAll(() => {
  if (repo) fs.rmSync(repo, { recursive: true, force: true });
});

describe('faultline new orders', () => {
  it('compiles under strict tsc, service and client', async () => {
    for (const project of ['.', 'client']) {
      const result = await runBin('tsc', ['-p', project], serviceDir);
      expect(result.stdout + result.stderr, project).toBe('');
    }
  }, 120_000);

  it("passes faultline's recommended rules with no finding", async () => {
    const eslint = new ESLint({
      cwd: serviceDir,
      ignore: false,
      overrideConfigFile: true,
      overrideConfig: [
        { files: ['**/*.ts'], languageOptions: { parser: tsParser } },
        faultline.configs.recommended as unknown as Linter.Config,
      ],
    });
    const results = await eslint.lintFiles(['src/**/*.ts', 'client/src/**/*.ts', 'test/**/*.ts']);
    expect(
      results.flatMap(result =>
        result.messages.map(message => `${result.filePath}:${message.line} ${message.message}`),
      ),
    ).toEqual([]);
  });

  it('passes its own tests', async () => {
    const tests = await runBin('vitest', ['run'], serviceDir, 120_000);
    expect(tests.code, tests.stdout + tests.stderr).toBe(0);
  }, 150_000);

  it('answers its example operation through its client, and rebuilds its errors', async () => {
    const service = await startService(serviceDir, {});
    try {
      const { createOrdersClient, GreetingError } = (await import(
        path.join(serviceDir, 'client/dist/index.js')
      )) as {
        createOrdersClient: (options: { baseUrl: string }) => {
          greet(request: { name: string; language?: 'en' | 'fr' }): Promise<{ message: string; at: Date }>;
        };
        GreetingError: new (...args: never[]) => Error;
      };
      const client = createOrdersClient({ baseUrl: service.baseUrl });
      const greeting = await client.greet({ name: 'Ada', language: 'fr' });
      expect(greeting.message).toBe('Bonjour, Ada !');
      expect(greeting.at).toBeInstanceOf(Date);
      const failure = await client.greet({ name: '  ' }).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(GreetingError);
      expect(failure).toMatchObject({
        message: 'name must not be blank',
        field: 'name',
        name: 'GreetingError',
      });
    } finally {
      service.child.kill('SIGTERM');
      expect(await service.exited).toBe(0);
    }
  }, 60_000);
});
