// ESLint's --concurrency (worker threads, each building its own project facts) gives exactly the
// findings of a main-thread run, on a generated project whose verdicts depend on project facts
// (a bootstrap module sets `axios.defaults.timeout` for every module). bench/scale measures the
// same property, with times, on a large production repository.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

import { ESLint } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';

import { generateProject } from '../../bench/editor/generate.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const dir = mkdtempSync(path.join(os.tmpdir(), 'faultline-concurrency-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('eslint --concurrency with project facts', { timeout: 180_000 }, () => {
  it('finds the same problems with two workers as on the main thread', async () => {
    const project = path.join(dir, 'project');
    const files = generateProject(project, 160);
    const config = path.join(dir, 'eslint.config.mjs');
    const url = (file: string): string => JSON.stringify(pathToFileURL(file).href);
    writeFileSync(
      config,
      `import faultline from ${url(path.join(ROOT, 'rules/dist/index.js'))};
import tsParser from ${url(path.join(ROOT, 'node_modules/@typescript-eslint/parser/dist/index.js'))};
export default [
  { files: ['**/*.ts'], languageOptions: { parser: tsParser } },
  faultline.configs.recommended,
];
`,
    );
    const lint = async (concurrency: number | 'off'): Promise<string[]> => {
      const eslint = new ESLint({ cwd: project, overrideConfigFile: config, concurrency });
      const results = await eslint.lintFiles(['src']);
      return results
        .flatMap(result =>
          result.messages.map(
            message => `${path.relative(project, result.filePath)}:${message.line} ${message.ruleId}`,
          ),
        )
        .sort();
    };
    const main = await lint('off');
    const workers = await lint(2);
    expect(workers).toEqual(main);
    // The bootstrap's default bounds every axios call of the project (project facts, read in each
    // worker): require-timeout reports exactly the bare status fetches, none of the axios calls.
    const expected = files
      .filter(file => file.includes('/features/'))
      .flatMap(file =>
        readFileSync(file, 'utf8')
          .split('\n')
          .flatMap((line, index) =>
            line.includes("fetch('https://status.internal/")
              ? [`${path.relative(project, file)}:${index + 1} faultline/require-timeout`]
              : [],
          ),
      )
      .sort();
    expect(expected.length).toBeGreaterThan(0);
    expect(main.filter(finding => finding.endsWith('faultline/require-timeout'))).toEqual(expected);
    expect(main.some(finding => finding.endsWith('faultline/require-backoff'))).toBe(true);
  });
});
