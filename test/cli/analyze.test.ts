// The CLI end to end: the built bin as a child process on fixtures and on examples/ (exit codes,
// stdout, --json validated against the schema, --graph), plus in-process runs for --help and the
// TTY progress display.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { runCli } from '../../packages/cli/src/cli.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const bin = path.join(root, 'packages/cli/dist/bin.js');
const run = promisify(execFile);
const schema = JSON.parse(
  fs.readFileSync(path.join(root, 'packages/cli/schema/analyze-report.schema.json'), 'utf8'),
) as object;
const validate = new Ajv2020({ allErrors: true, strict: true }).compile(schema);

async function faultline(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args], {
      cwd: root,
      env: { ...process.env, NO_COLOR: '1' },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

function memory(isTTY = false): {
  write(chunk: string): boolean;
  text: string;
  isTTY: boolean;
  columns: number;
} {
  return {
    text: '',
    isTTY,
    columns: 100,
    write(chunk: string) {
      this.text += chunk;
      return true;
    },
  };
}

let scratch: string;
beforeAll(() => {
  if (!fs.existsSync(bin)) throw new Error('build first: npx tsc -b packages/core packages/cli');
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'faultline-cli-'));
});
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

// Each case starts one or two Node processes that load a TypeScript program: generous timeouts
// keep them stable on a loaded 2-core machine.
describe('faultline analyze on examples/', { timeout: 90_000 }, () => {
  it('prints the report and exits 0', async () => {
    const result = await faultline(
      'analyze',
      'examples/packages/shared',
      '--export',
      'computeQuote,convert,buildSalesReport',
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      'computeQuote function (order: Order): Quote\n  verdict: extractable with changes',
    );
    expect(result.stdout).toContain('args[1]: (done: number) => void');
    expect(result.stdout).toContain('3 exports: 0 extractable, 2 extractable with changes, 1 blocked');
    expect(result.stdout).not.toContain('\u001b[');
    expect(result.stderr).toBe('');
  });

  it('prints JSON that validates against packages/cli/schema/analyze-report.schema.json', async () => {
    const result = await faultline(
      'analyze',
      'examples/packages/shared',
      '-e',
      'computeQuote',
      '-e',
      'convert,buildSalesReport,FLAGS,PricingError,Region',
      '--json',
    );
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as { schemaVersion: number; exports: { name: string }[] };
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
    expect(report.schemaVersion).toBe(1);
    expect(report.exports.map(analysis => analysis.name)).toEqual([
      'computeQuote',
      'convert',
      'buildSalesReport',
      'FLAGS',
      'PricingError',
      'Region',
    ]);
  });

  it('writes the closure as DOT and SVG with --graph', async () => {
    const target = path.join(scratch, 'plan.svg');
    const result = await faultline(
      'analyze',
      'examples/packages/shared',
      '-e',
      'computeQuote,convert',
      '--graph',
      target,
    );
    expect(result.code).toBe(0);
    expect(fs.readFileSync(path.join(scratch, 'plan.dot'), 'utf8')).toMatch(
      /^digraph closure \{[\s\S]*"examples\/packages\/shared\/src\/pricing.ts#computeQuote" -> "examples\/packages\/shared\/src\/tax.ts#taxFor";/,
    );
    expect(fs.readFileSync(target, 'utf8')).toMatch(/<svg[\s\S]*computeQuote[\s\S]*<\/svg>/);
  });

  it('exits 1 with --fail-on blocked when an export is blocked', async () => {
    expect(
      (
        await faultline(
          'analyze',
          'examples/packages/shared',
          '-e',
          'buildSalesReport',
          '--fail-on',
          'blocked',
        )
      ).code,
    ).toBe(1);
    expect(
      (await faultline('analyze', 'examples/packages/shared', '-e', 'computeQuote', '--fail-on', 'blocked'))
        .code,
    ).toBe(0);
  });

  it('exits 1 with --fail-on warning when a warning is found', async () => {
    expect(
      (await faultline('analyze', 'examples/packages/shared', '-e', 'computeQuote', '--fail-on', 'warning'))
        .code,
    ).toBe(1);
    expect(
      (await faultline('analyze', 'test/fixtures/analyze/hazards/lib', '-e', 'sum', '--fail-on', 'warning'))
        .code,
    ).toBe(0);
  });
});

describe('bad input: a clear message, exit code 2, nothing written', { timeout: 60_000 }, () => {
  const cases: [string, string[], string][] = [
    [
      'a folder with no package or tsconfig',
      ['test/fixtures/analyze/no-package'],
      'has no package.json and no tsconfig.json',
    ],
    [
      'a path that does not exist',
      ['test/fixtures/analyze/missing'],
      'test/fixtures/analyze/missing does not exist.',
    ],
    [
      'a tsconfig that cannot be read',
      ['test/fixtures/analyze/bad-tsconfig/tsconfig.json'],
      'bad-tsconfig/tsconfig.json:2: cannot read this tsconfig',
    ],
    [
      'an export that does not exist',
      ['examples/packages/shared', '-e', 'convrt'],
      '`convrt` is not exported by @acme/shared. Did you mean `convert`?',
    ],
    ['a path outside the repository', [os.tmpdir()], 'is outside the repository'],
  ];
  for (const [name, args, message] of cases) {
    it(`refuses ${name}`, async () => {
      const graph = path.join(scratch, `${name.replace(/\W+/g, '-')}.svg`);
      const result = await faultline(
        'analyze',
        ...args,
        ...(args.includes('-e') ? [] : ['-e', 'x']),
        '--graph',
        graph,
      );
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toContain(message);
      expect(result.stderr).not.toContain('    at ');
      expect(fs.existsSync(graph)).toBe(false);
    });
  }

  it('refuses a missing --export as a usage error', async () => {
    const result = await faultline('analyze', 'examples/packages/shared');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Missing required argument: export');
  });

  it('refuses an unknown option', async () => {
    const result = await faultline('analyze', 'examples/packages/shared', '-e', 'convert', '--frobnicate');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Unknown argument: frobnicate');
  });

  it('shows the stack trace only with --verbose', async () => {
    const result = await faultline('analyze', 'test/fixtures/analyze/no-package', '-e', 'x', '--verbose');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('    at ');
  });
});

describe('in-process', { timeout: 60_000 }, () => {
  it('prints --help for analyze', async () => {
    const stdout = memory();
    const stderr = memory();
    expect(await runCli(['analyze', '--help'], { stdout, stderr, cwd: root })).toBe(0);
    expect(stdout.text).toMatchSnapshot();
    expect(stderr.text).toBe('');
  });

  it('shows progress on a TTY and clears it before the report', async () => {
    const stdout = memory(true);
    const stderr = memory(true);
    expect(
      await runCli(['analyze', 'test/fixtures/analyze/hazards/lib', '-e', 'sum', '--no-color'], {
        stdout,
        stderr,
        cwd: root,
        env: {},
      }),
    ).toBe(0);
    expect(stderr.text).toContain('faultline: [1/1] analysing sum');
    expect(stderr.text.endsWith('\r\u001b[2K')).toBe(true);
    expect(stdout.text).toContain('sum (declared as pureAsync) function');
  });

  it('colours the report on a TTY and prints no progress when stderr is not one', async () => {
    const stdout = memory(true);
    const stderr = memory(false);
    expect(
      await runCli(['analyze', 'test/fixtures/analyze/hazards/lib', '-e', 'withCallback'], {
        stdout,
        stderr,
        cwd: root,
        env: {},
      }),
    ).toBe(0);
    expect(stdout.text).toContain('\u001b[31m');
    expect(stderr.text).toBe('');
  });
});
