// `faultline drift` from the command line, in-process, on a copy of examples/: right after extract
// the library's API matches the committed openapi.json; a compatible change is listed with exit 0;
// a breaking change names the operation, the field and what changed, with exit 1 (and --json says
// the same); the library read is the one before the shim; bad input exits 2.
import fs from 'node:fs';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { copyExamples, type CliRun, runCliIn } from '../e2e/helpers.js';

let repo: string;

async function cli(...args: string[]): Promise<CliRun> {
  return runCliIn(repo, args);
}

function edit(file: string, from: string, to: string): () => void {
  const absolute = path.join(repo, file);
  const original = fs.readFileSync(absolute, 'utf8');
  if (!original.includes(from)) throw new Error(`${file} has no ${from}`);
  fs.writeFileSync(absolute, original.replace(from, to));
  return () => fs.writeFileSync(absolute, original);
}

beforeAll(async () => {
  repo = await copyExamples('faultline-cli-drift');
  const extracted = await cli(
    'extract',
    'examples/packages/shared',
    '-e',
    'computeQuote,taxFor',
    '-s',
    'pricing',
  );
  expect(extracted.code, extracted.stderr).toBe(0);
}, 120_000);
afterAll(() => {
  if (repo) fs.rmSync(repo, { recursive: true, force: true });
});

describe('faultline drift', () => {
  it('says the API matches right after extract (the shim in the entry does not count)', async () => {
    const result = await cli('drift', 'pricing');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("the library's API matches examples/services/pricing/openapi.json");
  }, 60_000);

  it('lists a compatible change and exits 0', async () => {
    const restore = edit(
      'examples/packages/shared/src/pricing.ts',
      '  coupon?: string;',
      '  coupon?: string;\n  note?: string;',
    );
    try {
      const result = await cli('drift', 'pricing');
      expect(result.code).toBe(0);
      expect(result.stdout).toContain('compatible: computeQuote request order.note: added as optional');
    } finally {
      restore();
    }
  }, 60_000);

  it('fails on a breaking change, naming the operation, the field and how it changed', async () => {
    const restore = edit(
      'examples/packages/shared/src/pricing.ts',
      '  unitPriceMinor: number;',
      '  unitPriceMinor: string;',
    );
    try {
      const result = await cli('drift', 'pricing');
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('would break the clients already deployed');
      expect(result.stderr).toContain(
        'breaking: computeQuote request order.lines[].unitPriceMinor: type changed from number to string',
      );
      const json = await cli('drift', 'pricing', '--json');
      expect(json.code).toBe(1);
      const report = JSON.parse(json.stdout) as {
        ok: boolean;
        breaking: number;
        changes: { path: string }[];
      };
      expect(report.ok).toBe(false);
      expect(report.breaking).toBeGreaterThan(0);
      expect(report.changes.map(change => change.path)).toContain('order.lines[].unitPriceMinor');
    } finally {
      restore();
    }
  }, 60_000);

  it('refuses a service faultline did not generate, naming the ones it did (exit 2)', async () => {
    const result = await cli('drift', 'billing');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('no service named billing');
    expect(result.stderr).toContain('pricing');
  });
});
