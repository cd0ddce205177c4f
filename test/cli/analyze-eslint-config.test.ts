// `faultline analyze` reads settings.faultline from the project's ESLint config (the built bin, as
// a user runs it): the team's client is judged, --no-eslint-config skips the config, and a
// malformed entry exits 2 with the setting, the config file and the fix, writing nothing to stdout.
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const bin = path.join(root, 'packages/cli/dist/bin.js');
const fixture = path.join(root, 'test/fixtures/analyze-settings');
const run = promisify(execFile);
let broken: string;

async function faultline(
  cwd: string,
  ...args: string[]
): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args], {
      cwd,
      env: { ...process.env, NO_COLOR: '1' },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

beforeAll(() => {
  if (!existsSync(bin)) throw new Error('build first: npx tsc -b packages/core packages/cli');
  // Inside the repository, so that the project's ESLint (this repository's) resolves from it.
  broken = mkdtempSync(path.join(root, 'test/fixtures/.analyze-settings-cli-'));
  cpSync(fixture, broken, { recursive: true });
  const config = path.join(broken, 'eslint.config.js');
  writeFileSync(
    config,
    readFileSync(config, 'utf8').replace("{ name: 'withDeadline' }", "{ nme: 'withDeadline' }"),
  );
});
afterAll(() => rmSync(broken, { recursive: true, force: true }));

describe('faultline analyze and the project ESLint config', { timeout: 90_000 }, () => {
  it('judges the team client from settings.faultline, and not with --no-eslint-config', async () => {
    const args = ['analyze', '.', '-e', 'chargeOrder', '--json'];
    const withConfig = await faultline(fixture, ...args);
    expect(withConfig.code).toBe(0);
    const codes = (stdout: string): string[] =>
      (JSON.parse(stdout) as { exports: { hazards: { code: string }[] }[] }).exports.flatMap(entry =>
        entry.hazards.map(hazard => hazard.code),
      );
    expect(codes(withConfig.stdout)).toContain('FL502');
    const without = await faultline(fixture, ...args, '--no-eslint-config');
    expect(without.code).toBe(0);
    expect(codes(without.stdout)).not.toContain('FL502');
  });

  it('exits 2 on a malformed settings.faultline entry, saying where and how to fix it', async () => {
    const result = await faultline(broken, 'analyze', '.', '-e', 'chargeOrder');
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(
      'eslint.config.js: Invalid ESLint setting settings.faultline.timeoutWrappers[0]: unknown key "nme".',
    );
    expect(result.stderr).toContain('Allowed keys:');
    // Skipping the config skips its error too.
    expect((await faultline(broken, 'analyze', '.', '-e', 'chargeOrder', '--no-eslint-config')).code).toBe(0);
  });
});
