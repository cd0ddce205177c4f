#!/usr/bin/env node
// Scores every rule on its evaluation corpus (and on its held-out corpus when present) and
// rewrites bench/<rule>/RESULTS*.md.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
for (const rule of readdirSync(path.join(root, 'bench/corpus')).sort()) {
  execFileSync(process.execPath, [path.join(root, 'bench/eval.js'), rule, '--write'], { stdio: 'inherit' });
  const heldout = path.join(root, 'bench/corpus-heldout', rule);
  if (existsSync(heldout) && readdirSync(heldout).some(entry => !entry.endsWith('.md'))) {
    execFileSync(process.execPath, [path.join(root, 'bench/eval.js'), rule, '--heldout', '--write'], {
      stdio: 'inherit',
    });
  }
}
