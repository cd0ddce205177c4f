// `faultline extract` on examples/, end to end with real processes: the generated service and
// client compile under strict tsc, pass faultline's recommended rules with no finding and the
// service's own tests; the service runs on loopback behind the client, and the client's results
// and errors equal the in-process calls'. Then the service under load (503 + Retry-After), bad
// requests (400 saying which field), SIGTERM (in-flight calls drain), and the writer's promises
// (a second run writes nothing, edits are conflicts, --force, --dry-run).
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import v8 from 'node:v8';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

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

let repo: string;
let workspace: string;
let serviceDir: string;
let ratesServer: http.Server;
let ratesUrl: string;
let ratesDelayMs = 0;
let ratesRequests = 0;

async function cli(...args: string[]): Promise<CliRun> {
  return runCliIn(repo, args);
}

beforeAll(async () => {
  repo = await copyExamples('faultline-e2e-extract');
  workspace = path.join(repo, 'examples');
  serviceDir = path.join(workspace, 'services/pricing');
  ratesServer = http.createServer((_request, response) => {
    ratesRequests++;
    setTimeout(() => response.end(JSON.stringify(RATES)), ratesDelayMs);
  });
  await new Promise<void>(resolve => ratesServer.listen(0, '127.0.0.1', resolve));
  ratesUrl = `http://127.0.0.1:${(ratesServer.address() as { port: number }).port}/v1/latest`;

  const library = await runBin('tsc', ['-p', 'packages/shared'], workspace);
  expect(library.stdout + library.stderr).toBe('');
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
  expect(extracted.code).toBe(0);
  linkWorkspace(workspace, '@acme/pricing-client', path.join(serviceDir, 'client'));
}, 240_000);

afterAll(async () => {
  await new Promise(resolve => ratesServer.close(resolve));
  if (repo) fs.rmSync(repo, { recursive: true, force: true });
});

describe('faultline extract on the example library', () => {
  it('writes the service, its client, the manifests and a manifest of what it wrote', () => {
    for (const file of [
      'package.json',
      'src/server.ts',
      'src/main.ts',
      'src/wire.generated.ts',
      'test/service.test.ts',
      'openapi.json',
      'Dockerfile',
      'k8s/deployment.yaml',
      'k8s/service.yaml',
      'k8s/pdb.yaml',
      'k8s/hpa.yaml',
      'client/package.json',
      'client/src/index.ts',
      '.faultline/manifest.json',
    ])
      expect(fs.existsSync(path.join(serviceDir, file)), file).toBe(true);
    const manifest = JSON.parse(fs.readFileSync(path.join(serviceDir, 'client/package.json'), 'utf8')) as {
      name: string;
    };
    expect(manifest.name).toBe('@acme/pricing-client');
    // Both sides describe the wire identically.
    expect(fs.readFileSync(path.join(serviceDir, 'client/src/wire.generated.ts'), 'utf8')).toBe(
      fs.readFileSync(path.join(serviceDir, 'src/wire.generated.ts'), 'utf8'),
    );
  });

  it('compiles the service and the client under strict tsc', async () => {
    const service = await runBin('tsc', ['-p', '.'], serviceDir);
    expect(service.stdout + service.stderr).toBe('');
    expect(service.code).toBe(0);
    const client = await runBin('tsc', ['-p', 'client'], serviceDir);
    expect(client.stdout + client.stderr).toBe('');
    expect(client.code).toBe(0);
  }, 120_000);

  it("passes faultline's recommended rules with no finding", async () => {
    const lint = await lintGenerated(serviceDir, ['src/**/*.ts', 'client/src/**/*.ts', 'test/**/*.ts']);
    expect(lint.files).toBeGreaterThanOrEqual(5);
    expect(lint.findings).toEqual([]);
  });

  it("passes the service's own tests", async () => {
    const tests = await runBin('vitest', ['run', '--root', '.'], serviceDir, 120_000);
    expect(tests.code, tests.stdout + tests.stderr).toBe(0);
    expect(tests.stdout.replace(/\u001b\[[\d;]*m/g, '')).toMatch(/Tests\s+\d+ passed/);
  }, 150_000);
});

describe('the generated service on loopback', () => {
  let service: StartedService;
  beforeAll(async () => {
    service = await startService(serviceDir, { RATES_URL: ratesUrl });
  }, 30_000);
  afterAll(async () => {
    service.child.kill('SIGKILL');
    await service.exited;
  });

  it('answers through the client with results and errors equal to in-process calls', async () => {
    const child = await run(process.execPath, [path.join(import.meta.dirname, 'fixtures/parity-child.mjs')], {
      cwd: workspace,
      env: {
        LIBRARY_ENTRY: path.join(workspace, 'packages/shared/dist/index.js'),
        CLIENT_ENTRY: path.join(serviceDir, 'client/dist/index.js'),
        BASE_URL: service.baseUrl,
        RATES_URL: ratesUrl,
      },
    });
    expect(child.code, child.stderr).toBe(0);
    const results = v8.deserialize(Buffer.from(child.stdout, 'base64')) as {
      name: string;
      local: Record<string, unknown>;
      remote: Record<string, unknown>;
      remoteDefaultClasses: Record<string, unknown>;
    }[];
    expect(results).toHaveLength(11);
    for (const result of results) {
      expect(result.remote, `${result.name}`).toStrictEqual(result.local);
      // Without the library's classes the client rebuilds its own same-named ones.
      if ('value' in result.local) expect(result.remoteDefaultClasses).toStrictEqual(result.local);
      else
        expect(result.remoteDefaultClasses).toMatchObject({
          className: result.local.className,
          message: result.local.message,
          fields: result.local.fields,
        });
    }
    const thrown = results.filter(result => !('value' in result.local)).map(result => result.local.className);
    expect(thrown).toEqual(['PricingError', 'PricingError', 'Error']);
    const quote = results[0]?.remote.value as { validUntil: unknown };
    expect(quote.validUntil).toBeInstanceOf(Date);
    const summary = results[5]?.remote.value as { revenueByRegion: unknown; skus: unknown };
    expect(summary.revenueByRegion).toBeInstanceOf(Map);
    expect(summary.skus).toBeInstanceOf(Set);
  }, 60_000);

  it('answers an invalid request with 400 and says which field and why', async () => {
    const response = await fetch(`${service.baseUrl}/rpc/computeQuote`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        order: { id: 'x', region: 'mars', lines: [], placedAt: 'yesterday' },
        extra: true,
      }),
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as {
      error: { class: string; issues: { path: string; message: string }[] };
    };
    expect(body.error.class).toBe('ValidationError');
    const paths = body.error.issues.map(issue => issue.path);
    expect(paths).toEqual(expect.arrayContaining(['body', 'body/order/region', 'body/order/placedAt']));
    expect(body.error.issues.find(issue => issue.path === 'body')?.message).toMatch(/additional properties/);
  });

  it('answers 400, not 500, for a date shaped like ISO 8601 that does not exist', async () => {
    const response = await fetch(`${service.baseUrl}/rpc/computeQuote`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        order: { id: 'x', region: 'eu', lines: [], placedAt: '2026-02-30T00:00:00.000Z' },
      }),
    });
    const body = (await response.json()) as {
      error: { class: string; issues: { path: string; message: string }[] };
    };
    expect(response.status).toBe(400);
    expect(body.error.class).toBe('ValidationError');
    expect(body.error.issues).toEqual([
      { path: 'body/order', message: expect.stringMatching(/placedAt: expected a date-time that exists/) },
    ]);
  });

  it('refuses a body over its size limit with 413', async () => {
    // The service answers 413 from the content-length and closes the connection without reading the
    // body, so the client may still be writing it: the write can then fail (EPIPE, ECONNRESET) before
    // the answer is read. Only that transport race is tried again (three times at most); any answer
    // is asserted as it comes.
    const post = (): Promise<Response> =>
      fetch(`${service.baseUrl}/rpc/taxFor`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ region: 'eu', amountMinor: 1, padding: 'x'.repeat(1_100_000) }),
      });
    let response: Response | undefined;
    for (let attempt = 1; !response; attempt++) {
      try {
        response = await post();
      } catch (error) {
        const code = ((error as { cause?: { code?: string } }).cause ?? {}).code;
        if (attempt >= 3 || (code !== 'EPIPE' && code !== 'ECONNRESET')) throw error;
      }
    }
    expect(response.status).toBe(413);
  });

  it('answers /healthz and /readyz, and publishes its OpenAPI document', async () => {
    expect((await fetch(`${service.baseUrl}/healthz`)).status).toBe(200);
    expect(await (await fetch(`${service.baseUrl}/readyz`)).json()).toEqual({ status: 'ready' });
    const openapi = JSON.parse(fs.readFileSync(path.join(serviceDir, 'openapi.json'), 'utf8')) as {
      openapi: string;
      paths: Record<string, unknown>;
    };
    expect(openapi.openapi).toBe('3.1.0');
    expect(Object.keys(openapi.paths).sort()).toEqual([
      '/rpc/computeQuote',
      '/rpc/convert',
      '/rpc/summarizeOrders',
      '/rpc/taxFor',
    ]);
  });
});

describe('the generated service under load and on shutdown', () => {
  it('sheds load past its limit at once with 503 and Retry-After', async () => {
    ratesDelayMs = 400;
    const service = await startService(serviceDir, {
      RATES_URL: ratesUrl,
      MAX_CONCURRENT: '1',
      MAX_QUEUE: '0',
    });
    try {
      const started = Date.now();
      const responses = await Promise.all(
        Array.from({ length: 6 }, (_, index) =>
          fetch(`${service.baseUrl}/rpc/convert`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ amountMinor: 100 + index, from: 'USD', to: 'EUR' }),
          }).then(async response => ({
            status: response.status,
            retryAfter: response.headers.get('retry-after'),
            at: Date.now() - started,
          })),
        ),
      );
      const shed = responses.filter(response => response.status === 503);
      expect(responses.filter(response => response.status === 200)).toHaveLength(1);
      expect(shed).toHaveLength(5);
      for (const response of shed) {
        expect(Number(response.retryAfter)).toBeGreaterThanOrEqual(1);
        // Refused at once, not after waiting for the slow call.
        expect(response.at).toBeLessThan(300);
      }
    } finally {
      ratesDelayMs = 0;
      service.child.kill('SIGKILL');
      await service.exited;
    }
  }, 30_000);

  it('drains the calls in flight on SIGTERM, then exits 0', async () => {
    ratesDelayMs = 800;
    const service = await startService(serviceDir, { RATES_URL: ratesUrl });
    try {
      const inFlight = fetch(`${service.baseUrl}/rpc/convert`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ amountMinor: 500, from: 'USD', to: 'GBP' }),
      });
      // SIGTERM once the call is in flight: the service has asked the rates service for its table.
      const before = ratesRequests;
      for (let waited = 0; ratesRequests === before && waited < 10_000; waited += 20)
        await new Promise(resolve => setTimeout(resolve, 20));
      expect(ratesRequests).toBeGreaterThan(before);
      service.child.kill('SIGTERM');
      const response = await inFlight;
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ result: Math.round((500 / RATES.USD) * RATES.GBP) });
      expect(await service.exited).toBe(0);
      await expect(fetch(`${service.baseUrl}/healthz`)).rejects.toThrow();
    } finally {
      ratesDelayMs = 0;
      service.child.kill('SIGKILL');
    }
  }, 30_000);
});

describe('re-running faultline extract', () => {
  const args = ['extract', 'examples/packages/shared', '--export', EXPORTS, '--service', 'pricing'];

  it('writes nothing when nothing changed, and says so', async () => {
    const before = fs.statSync(path.join(serviceDir, 'src/server.ts')).mtimeMs;
    const again = await cli(...args);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('nothing to write');
    expect(fs.statSync(path.join(serviceDir, 'src/server.ts')).mtimeMs).toBe(before);
  }, 60_000);

  it('prints the diff of every file with --dry-run and writes nothing', async () => {
    const manifest = fs.readFileSync(path.join(serviceDir, '.faultline/manifest.json'), 'utf8');
    const dry = await cli(
      'extract',
      'examples/packages/shared',
      '--export',
      'computeQuote,taxFor',
      '--service',
      'pricing',
      '--dry-run',
    );
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('--- a/examples/services/pricing/src/server.ts');
    expect(dry.stdout).toMatch(/^-.*summarizeOrders/m);
    expect(fs.readFileSync(path.join(serviceDir, '.faultline/manifest.json'), 'utf8')).toBe(manifest);
    expect(fs.readFileSync(path.join(serviceDir, 'src/server.ts'), 'utf8')).toContain('summarizeOrders');
  }, 60_000);

  it('refuses to overwrite a generated file a person edited (exit 1, nothing written), and does with --force', async () => {
    const server = path.join(serviceDir, 'src/server.ts');
    const client = path.join(serviceDir, 'client/src/index.ts');
    const edited = `${fs.readFileSync(server, 'utf8')}\n// a person's edit\n`;
    fs.writeFileSync(server, edited);
    const clientBefore = fs.readFileSync(client, 'utf8');
    const conflicted = await cli(
      'extract',
      'examples/packages/shared',
      '--export',
      'computeQuote,taxFor',
      '--service',
      'pricing',
    );
    expect(conflicted.code).toBe(1);
    expect(conflicted.stderr).toContain(
      'examples/services/pricing/src/server.ts: edited since faultline wrote it',
    );
    expect(fs.readFileSync(server, 'utf8')).toBe(edited);
    expect(fs.readFileSync(client, 'utf8')).toBe(clientBefore);

    const forced = await cli(...args, '--force');
    expect(forced.code).toBe(0);
    expect(fs.readFileSync(server, 'utf8')).not.toContain("a person's edit");
  }, 60_000);

  it('never touches a file a person added to the output folder', async () => {
    const added = path.join(serviceDir, 'src/extra.ts');
    fs.writeFileSync(added, 'export const mine = 1;\n');
    const again = await cli(
      'extract',
      'examples/packages/shared',
      '--export',
      'computeQuote',
      '--service',
      'pricing',
    );
    expect(again.code).toBe(0);
    expect(fs.readFileSync(added, 'utf8')).toBe('export const mine = 1;\n');
    const restored = await cli(...args);
    expect(restored.code).toBe(0);
  }, 60_000);
});

describe('faultline extract --mode move', () => {
  const movedDir = (): string => path.join(workspace, 'services/quotes');

  it('refuses a second shim in a library that already routes exports to another service', async () => {
    const refused = await cli(
      'extract',
      'examples/packages/shared',
      '--export',
      'computeQuote,summarizeOrders',
      '--service',
      'quotes',
      '--mode',
      'move',
    );
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(
      'examples/packages/shared already routes exports to the pricing service by a shim',
    );
    expect(fs.existsSync(movedDir())).toBe(false);
  }, 60_000);

  it('copies the closure into the service, which compiles, passes its tests and serves without the library', async () => {
    // The library already has the pricing shim: this second extraction reads through it (to the
    // library's own code) and writes only the service and its client.
    const moved = await cli(
      'extract',
      'examples/packages/shared',
      '--export',
      'computeQuote,summarizeOrders',
      '--service',
      'quotes',
      '--mode',
      'move',
      '--no-shim',
    );
    expect(moved.stderr).toBe('');
    expect(moved.code).toBe(0);
    expect(fs.readdirSync(path.join(movedDir(), 'src/lib')).sort()).toEqual([
      'errors.ts',
      'pricing.ts',
      'summary.ts',
      'tax.ts',
    ]);
    const manifest = JSON.parse(fs.readFileSync(path.join(movedDir(), 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
    };
    expect(manifest.dependencies).not.toHaveProperty('@acme/shared');
    for (const project of ['.', 'client']) {
      const built = await runBin('tsc', ['-p', project], movedDir());
      expect(built.stdout + built.stderr, project).toBe('');
    }
    const tests = await runBin('vitest', ['run'], movedDir(), 120_000);
    expect(tests.code, tests.stdout + tests.stderr).toBe(0);

    const service = await startService(movedDir(), {});
    try {
      const { createQuotesClient, PricingError } = (await import(
        path.join(movedDir(), 'client/dist/index.js')
      )) as {
        createQuotesClient: (options: { baseUrl: string }) => {
          computeQuote(order: unknown): Promise<{ totalMinor: number; validUntil: Date }>;
        };
        PricingError: new (...args: never[]) => Error;
      };
      const client = createQuotesClient({ baseUrl: service.baseUrl });
      const order = {
        id: 'o-1',
        region: 'eu',
        lines: [
          { sku: 'tea', quantity: 2, unitPriceMinor: 450 },
          { sku: 'mug', quantity: 1, unitPriceMinor: 1200 },
        ],
        placedAt: new Date('2026-03-01T10:00:00.000Z'),
      };
      expect(await client.computeQuote(order)).toStrictEqual({
        orderId: 'o-1',
        subtotalMinor: 2100,
        discountMinor: 0,
        taxMinor: 441,
        totalMinor: 2541,
        validUntil: new Date('2026-03-01T10:15:00.000Z'),
      });
      const failure = await client
        .computeQuote({ ...order, lines: [{ sku: 'x', quantity: 0, unitPriceMinor: 1 }] })
        .catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(PricingError);
      expect(failure).toMatchObject({ message: 'quantity must be positive', sku: 'x' });
    } finally {
      service.child.kill('SIGTERM');
      expect(await service.exited).toBe(0);
    }
  }, 180_000);
});
