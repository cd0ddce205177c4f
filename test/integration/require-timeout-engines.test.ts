import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { ROOT, lintWithEslint, lintWithOxlint } from '../helpers/engines.js';

const cwd = path.join(ROOT, 'test/fixtures/require-timeout');
const files = ['esm.js', 'module.mjs', 'common.cjs', 'service.ts', 'widget.tsx', 'client-widget.tsx'];
const rules = { 'faultline/require-timeout': ['error', { checkTests: true }] as ['error', ...unknown[]] };

/** Where each fixture file must be reported, as `file:line:column`. */
const expected = [
  'common.cjs:4:18',
  'common.cjs:13:24',
  'esm.js:6:23',
  'esm.js:7:39',
  'module.mjs:3:33',
  'service.ts:5:26',
  'service.ts:6:28',
  'service.ts:9:26',
  'widget.tsx:7:90',
];

describe('require-timeout on real linters', () => {
  it('reports the same places under ESLint 10 on .js, .mjs, .cjs, .ts and .tsx', async () => {
    const findings = await lintWithEslint('eslint', cwd, files, rules);
    expect(findings.map(f => `${f.file}:${f.line}:${f.column}`)).toEqual(expected);
    expect(new Set(findings.map(f => f.rule))).toEqual(new Set(['faultline/require-timeout']));
  });

  it('reports the same findings under ESLint 9 as under ESLint 10', async () => {
    const [ten, nine] = await Promise.all([
      lintWithEslint('eslint', cwd, files, rules),
      lintWithEslint('eslint9', cwd, files, rules),
    ]);
    expect(nine).toEqual(ten);
  });

  it('reports the same findings under oxlint jsPlugins as under ESLint', async () => {
    const [eslint, oxlint] = await Promise.all([
      lintWithEslint('eslint', cwd, files, rules),
      lintWithOxlint(cwd, files, rules),
    ]);
    expect(oxlint).toEqual(eslint);
  });
});
