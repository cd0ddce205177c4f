// The strangler fig on examples/, end to end with real processes: `faultline extract` writes the
// service, its client, the library's flag-routed shim and the consumers' rewritten call sites; the
// consumers still type-check and their own tests pass in every shim mode; the generated parity
// tests pass; with the service stopped, remote-with-local-fallback still answers and remote fails
// fast; shadow mode reports a mismatch planted by a wrong deployment; a 0 → 50 → 100 % rollout
// serves the expected share remotely and keeps each context key on one side; a second run changes
// nothing; bad input is refused with nothing written; rollback restores every byte.
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { ROOT } from '../helpers/engines.js';
import {
  copyExamples,
  linkWorkspace,
  lintGenerated,
  run,
  runBin,
  type StartedService,
  startService,
  type CliRun,
  runCliIn,
} from './helpers.js';

const EXPORTS = 'computeQuote,taxFor,summarizeOrders,convert';
const RATES = { USD: 1, EUR: 0.92, GBP: 0.79 };
const CHILD = path.join(ROOT, 'scripts/shim-traffic.mjs');

let repo: string;
let workspace: string;
let serviceDir: string;
let libraryDist: string;
let rates: http.Server;
let ratesUrl: string;
let service: StartedService | undefined;
/** Every file of the library and the apps before extract, by path: rollback must give them back. */
const before = new Map<string, Buffer>();

async function cli(...args: string[]): Promise<CliRun> {
  return runCliIn(repo, args);
}

function sourceFiles(dir: string, into: string[] = []): string[] {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist') continue;
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) sourceFiles(file, into);
    else into.push(file);
  }
  return into;
}

function tracked(): string[] {
  return ['packages/shared', 'apps/checkout', 'apps/backoffice'].flatMap(dir =>
    sourceFiles(path.join(workspace, dir)),
  );
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON from the child, read by path
async function child(env: Record<string, string>): Promise<Record<string, any>> {
  const ran = await run(process.execPath, [CHILD], {
    cwd: workspace,
    env: { LIBRARY_DIST: libraryDist, REDIS_URL: 'redis://127.0.0.1:9', LOG_LEVEL: 'silent', ...env },
    timeoutMs: 60_000,
  });
  const last = ran.stdout.trim().split('\n').pop() ?? '';
  if (ran.code !== 0 || !last.startsWith('{'))
    throw new Error(`the child failed (${ran.code}):\n${ran.stdout}\n${ran.stderr}`);
  return JSON.parse(last);
}

/** A loopback proxy in front of the service that counts the calls it forwards. */
async function countingProxy(
  target: string,
): Promise<{ url: string; count: () => number; close: () => void }> {
  let count = 0;
  const server = http.createServer((request, response) => {
    count++;
    const upstream = http.request(
      new URL(request.url ?? '/', target),
      { method: request.method, headers: request.headers },
      answer => {
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(response);
      },
    );
    upstream.on('error', () => response.writeHead(502).end());
    request.pipe(upstream);
  });
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    count: () => count,
    close: () => server.close(),
  };
}

beforeAll(async () => {
  repo = await copyExamples('faultline-e2e-shim');
  workspace = path.join(repo, 'examples');
  serviceDir = path.join(workspace, 'services/pricing');
  libraryDist = path.join(workspace, 'packages/shared/dist');
  for (const file of tracked()) before.set(file, fs.readFileSync(file));
  rates = http.createServer((_request, response) => response.end(JSON.stringify(RATES)));
  await new Promise<void>(resolve => rates.listen(0, '127.0.0.1', resolve));
  ratesUrl = `http://127.0.0.1:${(rates.address() as AddressInfo).port}/v1/latest`;

  linkWorkspace(workspace, '@acme/shared', path.join(workspace, 'packages/shared'));
  const extracted = await cli(
    'extract',
    'examples/packages/shared',
    '--export',
    EXPORTS,
    '--service',
    'pricing',
  );
  expect(extracted.stderr).toBe('');
  expect(extracted.code, extracted.stdout).toBe(0);
  linkWorkspace(workspace, '@acme/pricing-client', path.join(serviceDir, 'client'));
  // The build order a workspace build follows: the client, the library (its shim imports the client), the service.
  for (const project of ['services/pricing/client', 'packages/shared', 'services/pricing']) {
    const built = await runBin('tsc', ['-p', project], workspace);
    expect(built.stdout + built.stderr, project).toBe('');
  }
  service = await startService(serviceDir, { RATES_URL: ratesUrl, REDIS_URL: 'redis://127.0.0.1:9' });
}, 300_000);

afterAll(async () => {
  service?.child.kill('SIGKILL');
  rates?.close();
  if (repo) fs.rmSync(repo, { recursive: true, force: true });
});

describe('after faultline extract, the library and its consumers', () => {
  it('re-exports the extracted names from the shim, and the consumers await them', () => {
    const entry = fs.readFileSync(path.join(workspace, 'packages/shared/src/index.ts'), 'utf8');
    expect(entry).toContain(
      "export { computeQuote, convert, summarizeOrders, taxFor } from './pricing.shim.js';",
    );
    const cart = fs.readFileSync(path.join(workspace, 'apps/checkout/src/cart.ts'), 'utf8');
    expect(cart).toContain('await computeQuote(order)');
    const manifest = JSON.parse(
      fs.readFileSync(path.join(workspace, 'packages/shared/package.json'), 'utf8'),
    );
    expect(Object.keys(manifest.dependencies)).toEqual(
      expect.arrayContaining(['@acme/pricing-client', '@faultline/runtime', '@openfeature/server-sdk']),
    );
  });

  it("the shim passes faultline's recommended rules with no finding", async () => {
    const linted = await lintGenerated(path.join(workspace, 'packages/shared'), ['src/pricing.shim.ts']);
    expect(linted.files).toBe(1);
    expect(linted.findings).toEqual([]);
  });

  it('still type-check (strict tsc over both consumer apps)', async () => {
    for (const app of ['apps/checkout', 'apps/backoffice']) {
      const checked = await runBin('tsc', ['-p', app, '--noEmit'], workspace);
      expect(checked.stdout + checked.stderr, app).toBe('');
    }
  });

  it("pass the checkout's own tests in every shim mode, served where the mode says", async () => {
    const proxy = await countingProxy(service?.baseUrl ?? '');
    const setup = path.join(workspace, 'flags.setup.mjs');
    const config = path.join(workspace, 'flags.vitest.config.mjs');
    fs.writeFileSync(
      config,
      `export default { test: { root: ${JSON.stringify(path.join(workspace, 'apps/checkout'))}, include: ['test/**/*.test.ts'], setupFiles: ['test/rates-stub.ts', ${JSON.stringify(setup)}] } };\n`,
    );
    fs.writeFileSync(
      setup,
      [
        "import { InMemoryProvider, OpenFeature } from '@openfeature/server-sdk';",
        'await OpenFeature.setProviderAndWait(new InMemoryProvider({',
        "  'pricing.mode': { variants: { value: process.env.SHIM_MODE }, defaultVariant: 'value', disabled: false },",
        '}));',
        '',
      ].join('\n'),
    );
    try {
      for (const mode of ['local', 'shadow', 'remote-with-local-fallback', 'remote']) {
        const calls = proxy.count();
        const tests = await run(path.join(ROOT, 'node_modules/.bin/vitest'), ['run', '--config', config], {
          cwd: workspace,
          env: { SHIM_MODE: mode, PRICING_URL: proxy.url, REDIS_URL: 'redis://127.0.0.1:9' },
          timeoutMs: 120_000,
        });
        expect(tests.code, `${mode}:\n${tests.stdout}\n${tests.stderr}`).toBe(0);
        // vitest colours its summary.
        expect(tests.stdout.replace(/\u001b\[[0-9;]*m/g, '')).toMatch(/Tests\s+3 passed/);
        if (mode === 'local') expect(proxy.count() - calls, mode).toBe(0);
        else expect(proxy.count() - calls, mode).toBeGreaterThan(0);
      }
    } finally {
      proxy.close();
    }
  }, 300_000);
});

describe('the generated parity tests', () => {
  it('pass: the service answers as the library does for generated arguments', async () => {
    const tests = await runBin('vitest', ['run'], serviceDir, 180_000);
    expect(tests.code, tests.stdout + tests.stderr).toBe(0);
    expect(tests.stdout).toMatch(/parity\.test\.ts/);
  }, 200_000);
});

describe('shadow mode', () => {
  it('returns the local answer and reports the mismatch a wrong deployment plants', async () => {
    // A deployment that gets tax wrong: it answers every taxFor with 999.
    const wrong = http.createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ result: 999 }));
    });
    await new Promise<void>(resolve => wrong.listen(0, '127.0.0.1', resolve));
    try {
      const outcome = await child({
        SCENARIO: 'shadow',
        MODE: 'shadow',
        PRICING_URL: `http://127.0.0.1:${(wrong.address() as AddressInfo).port}`,
      });
      expect(outcome.value).toBe(525);
      expect(outcome.mismatches).toHaveLength(1);
      expect(JSON.stringify(outcome.mismatches[0])).toContain('taxFor');
      expect(JSON.stringify(outcome.mismatches[0])).toMatch(/525.*999/);
      expect(outcome.stats.shadowMismatches).toBe(1);
    } finally {
      wrong.close();
    }
  }, 60_000);
});

describe('a rollout by percentage', () => {
  it('serves 0 %, about 50 % and 100 % of context keys remotely, each key always on one side', async () => {
    const outcome = await child({
      SCENARIO: 'rollout',
      ROLLOUTS: '0,50,100',
      KEYS: '400',
      PRICING_URL: service?.baseUrl ?? '',
    });
    const [none, half, all] = outcome.steps;
    expect(none.remote).toBe(0);
    // 400 keys at 50 %: the standard deviation is 10; four of them either side.
    expect(half.remote, JSON.stringify(outcome)).toBeGreaterThan(160);
    expect(half.remote).toBeLessThan(240);
    expect(all.remote).toBe(400);
    for (const step of outcome.steps) expect(step.switched).toBe(0);
  }, 120_000);
});

describe('with the service stopped', () => {
  let stoppedUrl: string;
  beforeAll(async () => {
    stoppedUrl = service?.baseUrl ?? '';
    service?.child.kill('SIGTERM');
    await service?.exited;
    service = undefined;
  });

  it('remote-with-local-fallback still answers, locally', async () => {
    const outcome = await child({
      SCENARIO: 'call',
      MODE: 'remote-with-local-fallback',
      PRICING_URL: stoppedUrl,
    });
    expect(outcome).toMatchObject({ ok: true, totalMinor: 3025 });
    expect(outcome.stats.fallback).toBe(1);
  }, 60_000);

  it('remote fails fast with a clear, typed error, well under the deadline', async () => {
    const outcome = await child({ SCENARIO: 'call', MODE: 'remote', PRICING_URL: stoppedUrl });
    expect(outcome.ok).toBe(false);
    expect(outcome.class).toBe('RemoteUnavailableError');
    expect(outcome.message).toMatch(/pricing/);
    // The client's deadline is 10 s; refused connections are known at once.
    expect(outcome.ms).toBeLessThan(2_000);
  }, 60_000);
});

describe('running faultline again, and bad input', () => {
  it('a second run changes nothing: the codemod finds every call site already rewritten', async () => {
    const again = await cli(
      'extract',
      'examples/packages/shared',
      '--export',
      EXPORTS,
      '--service',
      'pricing',
      '--json',
    );
    expect(again.code, again.stdout + again.stderr).toBe(0);
    const summary = JSON.parse(again.stdout);
    expect(summary.changed).toBe(false);
    expect(summary.files.filter((file: { change: string }) => file.change !== 'identical')).toEqual([]);
  }, 120_000);

  it('a library entry edited since extraction is a conflict: exit 1, listed, nothing written', async () => {
    const entry = path.join(workspace, 'packages/shared/src/index.ts');
    const original = fs.readFileSync(entry);
    fs.appendFileSync(entry, '// a person was here\n');
    const conflicted = await cli(
      'extract',
      'examples/packages/shared',
      '--export',
      EXPORTS,
      '--service',
      'pricing',
    );
    expect(conflicted.code, conflicted.stderr).toBe(1);
    expect(conflicted.stderr).toContain('examples/packages/shared/src/index.ts');
    expect(fs.readFileSync(entry, 'utf8').endsWith('// a person was here\n')).toBe(true);
    const rollback = await cli('rollback', 'pricing');
    expect(rollback.code).toBe(1);
    expect(rollback.stderr).toContain('examples/packages/shared/src/index.ts');
    fs.writeFileSync(entry, original);
  }, 120_000);

  it('rollback of an unknown service says which services it knows (exit 2)', async () => {
    const unknown = await cli('rollback', 'billing');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/billing/);
    expect(unknown.stderr).toMatch(/pricing/);
  });

  it('rollback restores the library and the consumers byte for byte and removes what extract made', async () => {
    const rolledBack = await cli('rollback', 'pricing');
    expect(rolledBack.code, rolledBack.stdout + rolledBack.stderr).toBe(0);
    const after = tracked();
    expect(after.map(file => path.relative(workspace, file)).sort()).toEqual(
      [...before.keys()].map(file => path.relative(workspace, file)).sort(),
    );
    for (const [file, bytes] of before) expect(fs.readFileSync(file).equals(bytes), file).toBe(true);
    expect(fs.existsSync(path.join(serviceDir, 'src/server.ts'))).toBe(false);
  }, 120_000);
});
