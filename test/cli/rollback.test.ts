// `faultline rollback` from the command line, in-process, on a copy of examples/ where the codemod
// rewrote the consumers (through the write stage, as extract does): a dry run prints diffs, an
// unknown service exits 2 naming the known ones, a person's edit exits 1 and writes nothing, --json
// is machine-readable, --force rolls back over it, and the examples come back byte for byte.
import fs from 'node:fs';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { planAsyncCodemod, writeFiles } from '../../packages/core/src/index.js';
import { copyExamples, type CliRun, runCliIn } from '../e2e/helpers.js';
import { ROOT } from '../helpers/engines.js';

let repo: string;
const CART = 'examples/apps/checkout/src/cart.ts';

async function cli(args: string[]): Promise<CliRun> {
  return runCliIn(repo, args);
}

/** Every file under a folder, relative path → bytes. */
function snapshot(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const walk = (current: string): void => {
    for (const entry of fs.readdirSync(current, { withFileTypes: true })) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) walk(full);
      else files.set(path.relative(dir, full), fs.readFileSync(full));
    }
  };
  walk(dir);
  return files;
}

beforeAll(async () => {
  repo = await copyExamples('faultline-cli-rollback');
  const plan = planAsyncCodemod({
    root: repo,
    library: { name: '@acme/shared', dir: 'examples/packages/shared' },
    exports: ['computeQuote', 'taxFor'],
  });
  await writeFiles([{ path: 'examples/services/pricing/src/main.ts', content: 'export {};\n' }], {
    root: repo,
    outDir: 'examples/services/pricing',
    generator: 'faultline extract',
    inputs: { library: 'examples/packages/shared', exports: ['computeQuote', 'taxFor'], service: 'pricing' },
    edits: plan.edits,
  });
}, 60_000);
afterAll(() => {
  if (repo) fs.rmSync(repo, { recursive: true, force: true });
});

describe('faultline rollback', () => {
  it('prints the diffs with --dry-run and changes nothing', async () => {
    const result = await cli(['rollback', 'pricing', '--dry-run']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      'faultline rollback pricing (dry run: nothing changed) ← examples/services/pricing\n',
    );
    expect(result.stdout).toContain('\n-  const quote = await computeQuote(order);\n');
    expect(result.stdout).toContain('\n+  const quote = computeQuote(order);\n');
    expect(result.stdout).toContain(`  restore   ${CART}\n`);
    expect(result.stdout).toContain('  delete    examples/services/pricing/src/main.ts\n');
    expect(fs.readFileSync(path.join(repo, CART), 'utf8')).toContain('await computeQuote(order)');
  });

  it('exits 2 for an unknown service, naming the services that have manifests', async () => {
    const result = await cli(['rollback', 'pricnig']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      `faultline: no extraction of a service named pricnig in ${repo}: the services with a manifest are pricing (examples/services/pricing).\n`,
    );
  });

  it('exits 1 and writes nothing when a person changed a file since, with --json too', async () => {
    const cart = path.join(repo, CART);
    const rewritten = fs.readFileSync(cart, 'utf8');
    fs.writeFileSync(cart, `${rewritten}// reviewed\n`);
    const before = snapshot(path.join(repo, 'examples'));
    const result = await cli(['rollback', 'pricing']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`  ${CART}: edited since faultline edited it\n`);
    const json = await cli(['rollback', 'pricing', '--json']);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toMatchObject({
      ok: false,
      error: { name: 'RollbackConflictError', exitCode: 1 },
      files: expect.arrayContaining([
        { path: CART, change: 'conflict', reason: 'edited since faultline edited it' },
      ]) as unknown,
    });
    expect(snapshot(path.join(repo, 'examples'))).toEqual(before);
  });

  it('rolls back over it with --force and restores the examples byte for byte', async () => {
    const result = await cli(['rollback', 'pricing', '--force', '--json']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ ok: true, command: 'rollback', service: 'pricing' });
    expect(snapshot(path.join(repo, 'examples'))).toEqual(snapshot(path.join(ROOT, 'examples')));
  });
});
