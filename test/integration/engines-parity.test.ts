// Every rule gives the same findings under ESLint 10, ESLint 9 and oxlint's jsPlugins, on each
// rule's evaluation corpus (hundreds of real-world call shapes in .js/.mjs/.cjs/.ts/.tsx).
import { readdirSync } from 'node:fs';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { ROOT, lintWithEslint, lintWithOxlint } from '../helpers/engines.js';

const RULES = [
  'require-timeout',
  'require-backoff',
  'no-cross-server-coordination',
  'prefer-partial-availability',
  'require-signal-propagation',
  'no-unbounded-fanout',
  'require-idempotency-key',
];

function corpusFiles(rule: string): { cwd: string; files: string[] } {
  const cwd = path.join(ROOT, 'bench/corpus', rule);
  const files = readdirSync(cwd, { recursive: true, withFileTypes: true })
    .filter(entry => entry.isFile() && /\.(js|mjs|cjs|ts|tsx)$/.test(entry.name))
    .map(entry => path.relative(cwd, path.join(entry.parentPath, entry.name)))
    .sort();
  return { cwd, files };
}

describe.each(RULES)('%s on real linters', rule => {
  // Fan-outs over any collection (not only data-sized ones), so that the corpus gives many.
  const options =
    rule === 'no-unbounded-fanout' ? { checkTests: true, collections: 'any' } : { checkTests: true };
  const rules = { [`faultline/${rule}`]: ['error', options] as ['error', ...unknown[]] };

  it('reports the same findings under oxlint jsPlugins as under ESLint 10', async () => {
    const { cwd, files } = corpusFiles(rule);
    const [eslint, oxlint] = await Promise.all([
      lintWithEslint('eslint', cwd, files, rules),
      lintWithOxlint(cwd, files, rules),
    ]);
    expect(eslint.length).toBeGreaterThan(20);
    expect(oxlint).toEqual(eslint);
  });

  it('reports the same findings under ESLint 9 as under ESLint 10', async () => {
    const { cwd, files } = corpusFiles(rule);
    const [ten, nine] = await Promise.all([
      lintWithEslint('eslint', cwd, files, rules),
      lintWithEslint('eslint9', cwd, files, rules),
    ]);
    expect(nine).toEqual(ten);
  });
});
