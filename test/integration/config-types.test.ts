// The plugin's configs type-check where users put them: `defineConfig([...])` in eslint.config.ts,
// a `// @ts-check` eslint.config.js, `Linter.Config[]` and `ESLint.Plugin`, against the types of
// ESLint 10 (the workspace's `eslint`) and ESLint 9 (the `eslint9` alias, through tsconfig paths).
// Runs the real tsc on test/fixtures/config-types against the built plugin's declarations.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';

import { describe, expect, it } from 'vitest';

import { ROOT } from '../helpers/engines.js';

const run = promisify(execFile);
const FIXTURE = path.join(ROOT, 'test/fixtures/config-types');
const TSC = path.join(ROOT, 'node_modules/typescript/bin/tsc');

async function typecheck(project: string): Promise<{ code: number; output: string }> {
  try {
    const { stdout } = await run(process.execPath, [TSC, '-p', path.join(FIXTURE, project)], {
      cwd: FIXTURE,
    });
    return { code: 0, output: stdout };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, output: `${failed.stdout}${failed.stderr}` };
  }
}

function majorOf(packageDir: string): number {
  const { version } = JSON.parse(fs.readFileSync(path.join(ROOT, packageDir, 'package.json'), 'utf8')) as {
    version: string;
  };
  return Number(version.split('.')[0]);
}

describe('config types', { timeout: 120_000 }, () => {
  it('type-checks every config against ESLint 10 types', async () => {
    expect(majorOf('node_modules/eslint')).toBe(10);
    expect(await typecheck('tsconfig.json')).toEqual({ code: 0, output: '' });
  });

  it('type-checks every config against ESLint 9 types', async () => {
    expect(majorOf('node_modules/eslint9')).toBe(9);
    expect(await typecheck('tsconfig.eslint9.json')).toEqual({ code: 0, output: '' });
  });
});
