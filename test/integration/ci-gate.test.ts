// The CI recipes from the README, run exactly as written: a lint gate with `--max-warnings 0`,
// and a SARIF report for code scanning, validated against the SARIF 2.1.0 JSON schema.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

import AjvDraft04 from 'ajv-draft-04';
import { describe, expect, it } from 'vitest';

import { ROOT } from '../helpers/engines.js';

const run = promisify(execFile);
const ESLINT = path.join(ROOT, 'node_modules/eslint/bin/eslint.js');
const SCHEMA = path.join(ROOT, 'node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');

async function eslint(
  cwd: string,
  args: string[],
): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [ESLINT, ...args], {
      cwd,
      maxBuffer: 16 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failure = error as { code: number; stdout: string; stderr: string };
    return { code: failure.code, stdout: failure.stdout, stderr: failure.stderr };
  }
}

describe('CI gate: npx eslint . --max-warnings 0', () => {
  it('fails the job (exit 1) on the example monorepo, naming each rule', async () => {
    const result = await eslint(path.join(ROOT, 'examples'), ['.', '--max-warnings', '0']);
    expect(result.code).toBe(1);
    for (const rule of [
      'require-timeout',
      'require-backoff',
      'no-cross-server-coordination',
      'require-signal-propagation',
    ]) {
      expect(result.stdout).toContain(`faultline/${rule}`);
    }
    // The examples turn on `recommended`, which leaves the `strict` rules out.
    for (const rule of ['prefer-partial-availability', 'no-unbounded-fanout', 'require-idempotency-key'])
      expect(result.stdout).not.toContain(`faultline/${rule}`);
  });

  it('passes the job (exit 0) on code that bounds and propagates its calls', async () => {
    const result = await eslint(path.join(ROOT, 'test/fixtures/ci-clean'), ['.', '--max-warnings', '0']);
    expect(result).toMatchObject({ code: 0, stdout: '' });
  });
});

describe('CI gate: SARIF for code scanning', () => {
  it('writes SARIF 2.1.0 that validates against the schema, one result per finding', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'faultline-sarif-'));
    try {
      const output = path.join(dir, 'faultline.sarif');
      const result = await eslint(path.join(ROOT, 'examples'), [
        '.',
        '--format',
        '@microsoft/eslint-formatter-sarif',
        '--output-file',
        output,
      ]);
      expect(result.code).toBe(1);
      const sarif = JSON.parse(await readFile(output, 'utf8')) as {
        version: string;
        runs: {
          tool: { driver: { rules: { id: string; helpUri: string }[] } };
          results: {
            ruleId: string;
            locations: {
              physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } };
            }[];
          }[];
        }[];
      };
      // The published schema has one pattern that is only valid without the `u` flag (`^[a-zA-Z]{2}|…]?$`).
      // ajv-draft-04 is CommonJS with a default export; NodeNext sees the module object.
      const Ajv = ((AjvDraft04 as unknown as { default?: typeof AjvDraft04 }).default ??
        AjvDraft04) as unknown as new (options: object) => {
        compile(schema: object): { (data: unknown): boolean; errors?: unknown[] | null };
      };
      const validate = new Ajv({
        strict: false,
        allErrors: true,
        unicodeRegExp: false,
        logger: false,
      }).compile(JSON.parse(await readFile(SCHEMA, 'utf8')));
      expect(validate.errors ?? []).toEqual([]);
      expect(validate(sarif), JSON.stringify(validate.errors)).toBe(true);
      expect(sarif.version).toBe('2.1.0');
      const run0 = sarif.runs[0];
      // One per finding of the recommended rules on the example.
      expect(run0?.results.length).toBe(14);
      for (const finding of run0?.results ?? []) {
        expect(finding.ruleId).toMatch(/^faultline\//);
        expect(finding.locations[0]?.physicalLocation.region.startLine).toBeGreaterThan(0);
        expect(finding.locations[0]?.physicalLocation.artifactLocation.uri).toMatch(/^file:\/\/.*\.ts$/);
      }
      for (const rule of run0?.tool.driver.rules ?? [])
        expect(rule.helpUri).toBe(
          `https://github.com/faultline-dev/faultline/blob/main/rules/docs/${rule.id.replace('faultline/', '')}.md`,
        );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
