// A malformed `settings.faultline` as a user meets it on the command line: the real `eslint` (10
// and 9) and `oxlint` binaries print our one message (what, where, how to fix) and no stack trace,
// and exit non-zero. ESLint's own "Oops! Something went wrong!" header stays: it prints it for
// every exception a plugin throws.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { PLUGIN_DIST, ROOT } from '../helpers/engines.js';

const run = promisify(execFile);
const MESSAGE =
  'Invalid ESLint setting settings.faultline.clients[0].optionsArg: expected a zero-based argument position (0, 1, 2…), got "1". Use an integer such as 1 for `request(url, options)`.';
const SETTINGS = { faultline: { clients: [{ module: '@acme/http', optionsArg: '1' }] } };

let project: string;
beforeAll(() => {
  project = fs.mkdtempSync(path.join(os.tmpdir(), 'faultline-settings-'));
  fs.writeFileSync(path.join(project, 'a.js'), "await fetch('https://example.com');\n");
  fs.writeFileSync(path.join(project, 'b.js'), "await fetch('https://example.org');\n");
  fs.writeFileSync(
    path.join(project, 'eslint.config.js'),
    `import faultline from ${JSON.stringify(pathToFileURL(PLUGIN_DIST).href)};\n` +
      `export default [faultline.configs.recommended, { settings: ${JSON.stringify(SETTINGS)} }];\n`,
  );
  fs.writeFileSync(
    path.join(project, '.oxlintrc.json'),
    JSON.stringify({
      jsPlugins: [{ name: 'faultline', specifier: PLUGIN_DIST }],
      rules: { 'faultline/require-timeout': 'error' },
      settings: SETTINGS,
    }),
  );
});
afterAll(() => fs.rmSync(project, { recursive: true, force: true }));

async function cli(bin: string, ...args: string[]): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [path.join(ROOT, bin), ...args], { cwd: project });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, output: failed.stdout + failed.stderr };
  }
}

const STACK_FRAME = /^\s+at /m;

describe('a malformed settings.faultline on the command line', { timeout: 60_000 }, () => {
  it.each([
    ['ESLint 10', 'node_modules/eslint/bin/eslint.js'],
    ['ESLint 9', 'node_modules/eslint9/bin/eslint.js'],
  ])('%s prints the message once, the rule and the file, and no stack trace', async (_name, bin) => {
    const result = await cli(bin, '.');
    expect(result.code).toBe(2);
    expect(result.output.split(MESSAGE)).toHaveLength(2);
    expect(result.output).toMatch(/Error while loading rule 'faultline\/[a-z-]+': Invalid ESLint setting/);
    // Which file ESLint lints first (a.js, b.js or the config itself) varies between runs.
    expect(result.output).toMatch(/Occurred while linting .*\.js/);
    expect(result.output).not.toMatch(STACK_FRAME);
  });

  it('oxlint prints the message and the file, and no stack trace', async () => {
    const result = await cli('node_modules/oxlint/bin/oxlint', '-c', '.oxlintrc.json', 'a.js');
    expect(result.code).toBe(1);
    expect(result.output).toContain(MESSAGE);
    expect(result.output).toMatch(/File path: .*a\.js/);
    expect(result.output).not.toMatch(STACK_FRAME);
  });
});
