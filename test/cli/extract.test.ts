// `faultline extract` and `faultline new` from the command line, in-process: every bad input gets
// one clear message (what, where, how to fix), exit 2 and nothing written; missing required values
// are asked for on a terminal and are usage errors elsewhere; --json is machine-readable.
import fs from 'node:fs';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { runCli } from '../../packages/cli/src/cli.js';
import { copyExamples } from '../e2e/helpers.js';

let repo: string;
const serviceDir = (): string => path.join(repo, 'examples/services/pricing');

function memory(isTTY = false): { write(chunk: string): boolean; text: string; isTTY: boolean } {
  return {
    text: '',
    isTTY,
    write(chunk: string) {
      this.text += chunk;
      return true;
    },
  };
}

async function cli(
  args: string[],
  options: { prompt?: (question: string) => Promise<string | undefined> } = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = memory();
  const stderr = memory();
  const code = await runCli(args, { stdout, stderr, cwd: repo, env: { NO_COLOR: '1' }, ...options });
  return { code, stdout: stdout.text, stderr: stderr.text };
}

beforeAll(async () => {
  repo = await copyExamples('faultline-cli-extract');
});
afterAll(() => {
  if (repo) fs.rmSync(repo, { recursive: true, force: true });
});

const library = 'examples/packages/shared';

describe('faultline extract: bad input (exit 2, nothing written)', () => {
  it('an export the library does not have, with the closest names', async () => {
    const result = await cli(['extract', library, '--export', 'computeQuot', '--service', 'pricing']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      '`computeQuot` is not exported by @acme/shared. Did you mean `computeQuote`',
    );
    expect(fs.existsSync(serviceDir())).toBe(false);
  }, 60_000);

  it('a blocked export without --allow-blocked, with the reasons and the ways out', async () => {
    const result = await cli([
      'extract',
      library,
      '--export',
      'computeQuote,buildSalesReport',
      '--service',
      'pricing',
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('an export cannot become a route:\n  buildSalesReport:\n    - FL101');
    expect(result.stderr).toContain('pass --allow-blocked to generate the rest');
    expect(fs.existsSync(serviceDir())).toBe(false);
  }, 60_000);

  it('an invalid service name, before any analysis', async () => {
    const started = Date.now();
    const result = await cli([
      'extract',
      library,
      '--export',
      'computeQuote',
      '--service',
      'Pricing_Service',
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('the service name `Pricing_Service` is not valid: use lowercase letters');
    expect(Date.now() - started).toBeLessThan(1500);
    expect(fs.existsSync(path.join(repo, 'examples/services'))).toBe(false);
  });

  it('an output folder outside the repository', async () => {
    const result = await cli([
      'extract',
      library,
      '-e',
      'computeQuote',
      '-s',
      'pricing',
      '--out',
      '../outside',
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /the output folder \.\.\/outside is outside the repository .*: choose a folder inside it with --out/,
    );
  });

  it('an output folder that exists and was not made by faultline', async () => {
    fs.mkdirSync(path.join(repo, 'theirs'), { recursive: true });
    fs.writeFileSync(path.join(repo, 'theirs/keep.txt'), 'theirs\n');
    const result = await cli(['extract', library, '-e', 'taxFor', '-s', 'pricing', '--out', 'theirs']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      'theirs exists and was not made by faultline (no .faultline/manifest.json)',
    );
    expect(fs.readdirSync(path.join(repo, 'theirs'))).toEqual(['keep.txt']);
  }, 60_000);

  it('a broken --templates folder, naming the template and the line', async () => {
    const templates = path.join(repo, 'my-templates/service');
    fs.mkdirSync(templates, { recursive: true });
    fs.writeFileSync(
      path.join(templates, 'README.md.hbs'),
      '# {{service.packageName}}\n\n{{#if operations}\n',
    );
    const result = await cli([
      'extract',
      library,
      '-e',
      'taxFor',
      '-s',
      'pricing',
      '--templates',
      'my-templates',
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/my-templates\/service\/README\.md\.hbs:3: Parse error/);
    expect(fs.existsSync(serviceDir())).toBe(false);
  }, 60_000);

  it('a missing --service without a terminal to ask on', async () => {
    const result = await cli(['extract', library, '--export', 'taxFor']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('missing --service: Service name (pass --service).');
  });
});

describe('faultline extract: prompts and --json', () => {
  it('asks for what is missing on a terminal', async () => {
    const questions: string[] = [];
    const answers: Record<string, string> = {
      'Which exports (comma-separated)?': 'taxFor',
      'Service name?': 'pricing',
    };
    const result = await cli(['extract', library, '--dry-run'], {
      prompt: async question => {
        questions.push(question);
        return answers[question];
      },
    });
    expect(questions).toEqual(['Which exports (comma-separated)?', 'Service name?']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      'faultline extract (dry run: nothing written) → examples/services/pricing',
    );
    expect(fs.existsSync(serviceDir())).toBe(false);
  }, 60_000);

  it('prints a machine-readable summary of what would be written', async () => {
    const result = await cli([
      'extract',
      library,
      '-e',
      'taxFor,computeQuote',
      '-s',
      'pricing',
      '--dry-run',
      '--json',
    ]);
    expect(result.code).toBe(0);
    const summary = JSON.parse(result.stdout) as {
      dryRun: boolean;
      service: { package: string; dir: string };
      operations: { name: string; route: string; idempotent: boolean; errors: string[] }[];
      files: { path: string; change: string }[];
      shim: { file: string; nowAsync: string[] };
      codemod: { files: number; unsafe: unknown[] };
    };
    expect(summary.dryRun).toBe(true);
    expect(summary.service).toMatchObject({
      package: '@acme/pricing-service',
      dir: 'examples/services/pricing',
    });
    expect(summary.operations).toEqual([
      { name: 'computeQuote', route: '/rpc/computeQuote', idempotent: true, errors: ['PricingError'] },
      { name: 'taxFor', route: '/rpc/taxFor', idempotent: true, errors: [] },
    ]);
    const generated = summary.files.filter(file => file.path.startsWith('examples/services/pricing/'));
    expect(generated.every(file => file.change === 'create')).toBe(true);
    expect(summary.files.map(file => file.path)).toContain('examples/services/pricing/k8s/deployment.yaml');
    // The library's shim (new), its entry and package.json, and the consumers' call sites (edited).
    expect(summary.shim).toMatchObject({
      file: 'examples/packages/shared/src/pricing.shim.ts',
      nowAsync: ['computeQuote', 'taxFor'],
    });
    const outside = summary.files.filter(file => !file.path.startsWith('examples/services/pricing/'));
    expect(outside).toEqual(
      expect.arrayContaining([
        { path: 'examples/packages/shared/src/pricing.shim.ts', change: 'create' },
        { path: 'examples/packages/shared/src/index.ts', change: 'update' },
        { path: 'examples/packages/shared/package.json', change: 'update' },
        { path: 'examples/apps/checkout/src/cart.ts', change: 'update' },
      ]),
    );
    expect(summary.codemod.files).toBeGreaterThan(0);
  }, 60_000);
});

describe('faultline extract --json on failure', () => {
  it('prints a machine-readable failure on stdout as well as the message on stderr', async () => {
    const result = await cli([
      'extract',
      library,
      '--export',
      'computeQuote,buildSalesReport',
      '--service',
      'pricing',
      '--json',
    ]);
    expect(result.code).toBe(2);
    expect(JSON.parse(result.stdout)).toMatchObject({
      ok: false,
      error: {
        name: 'BlockedExportError',
        exitCode: 2,
        message: expect.stringContaining('buildSalesReport'),
      },
    });
    expect(result.stderr).toContain('cannot become a route');
  }, 60_000);
});

describe('faultline new', () => {
  it('refuses an invalid name with exit 2', async () => {
    const result = await cli(['new', 'My Service']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('the service name `My Service` is not valid');
  });

  it('plans an empty service with one example route', async () => {
    const result = await cli(['new', 'orders', '--dry-run', '--json']);
    expect(result.code).toBe(0);
    const summary = JSON.parse(result.stdout) as {
      operations: { route: string }[];
      files: { path: string }[];
    };
    expect(summary.operations.map(operation => operation.route)).toEqual(['/rpc/greet']);
    expect(summary.files.map(file => file.path)).toContain('services/orders/src/handlers.ts');
  });

  it('lists every option in its help', async () => {
    const result = await cli(['new', '--help']);
    expect(result.code).toBe(0);
    for (const option of ['--out', '--dry-run', '--force', '--templates', '--json'])
      expect(result.stdout).toContain(option);
    const extract = await cli(['extract', '--help']);
    for (const option of [
      '--export',
      '--service',
      '--mode',
      '--allow-blocked',
      '--idempotent',
      '--dry-run',
      '--force',
      '--templates',
      '--json',
    ])
      expect(extract.stdout).toContain(option);
  });
});
