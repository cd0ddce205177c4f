#!/usr/bin/env node
// Regenerates the rule map in rules/index.ts from the rule files (one file per rule, named as the
// rule). CI runs this and fails on `git diff --exit-code`, so the map never drifts from the files.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'rules');
const NOT_RULES = new Set(['index.ts', 'create-rule.ts']);
const ids = readdirSync(root)
  .filter(file => file.endsWith('.ts') && !file.endsWith('.d.ts') && !NOT_RULES.has(file))
  .map(file => file.slice(0, -3))
  .sort();
const camel = id => id.replace(/-([a-z])/g, (_, letter) => letter.toUpperCase());
const block = [
  '// <generated-rules>',
  ...ids.map(id => `import ${camel(id)} from './${id}.js';`),
  '',
  'export const rules = {',
  ...ids.map(id => `  '${id}': ${camel(id)},`),
  '};',
  '// </generated-rules>',
].join('\n');
const file = path.join(root, 'index.ts');
const source = readFileSync(file, 'utf8');
const next = source.replace(/\/\/ <generated-rules>[\s\S]*?\/\/ <\/generated-rules>/, block);
if (next !== source) {
  writeFileSync(file, next);
  console.log(`rules/index.ts: ${ids.length} rules`);
}
