#!/usr/bin/env node
// What the faultline rules add to a parse-only ESLint run over real code (node_modules), next to
// a few ESLint core rules measured the same way. Every file is linted under every configuration
// back to back, in rotating order, so drift and background load hit all configurations alike.
// Usage: npm run build && node bench/lint-cost/run.js [--files 1500] [--rounds 3] [--write]
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '../..');
const arg = (name, fallback) => {
  const index = process.argv.indexOf(`--${name}`);
  return index === -1 ? fallback : Number(process.argv[index + 1]);
};
const FILES = arg('files', 1500);
const ROUNDS = arg('rounds', 3);
const write = process.argv.includes('--write');

const uptime = () =>
  execFileSync('uptime', { encoding: 'utf8' })
    .trim()
    .replace(/^.*load average/, 'load average');
const loadBefore = uptime();
const plugin = (await import(path.join(root, 'rules/dist/index.js'))).default;

function listCorpus(dir, out = []) {
  for (const entry of readdirSync(dir)) {
    const full = path.join(dir, entry);
    let stats;
    try {
      stats = statSync(full);
    } catch {
      continue;
    }
    if (stats.isDirectory()) listCorpus(full, out);
    else if (/\.(js|mjs|cjs|ts)$/.test(entry) && stats.size > 0 && stats.size <= 400_000) out.push(full);
  }
  return out;
}
const all = listCorpus(path.join(root, 'node_modules')).sort();
const step = all.length / Math.min(FILES, all.length);
const files = Array.from({ length: Math.min(FILES, all.length) }, (_, i) => all[Math.floor(i * step)]);
const inputs = files.map(file => ({
  text: readFileSync(file, 'utf8'),
  filename: path.join(root, 'corpus', path.relative(root, file).replaceAll('node_modules', 'nm')),
}));

const recommended = Object.keys(plugin.configs.recommended.rules);
const everyRule = Object.keys(plugin.configs.all.rules);
const CONFIGS = {
  'parse only (no rules)': {},
  'faultline/require-timeout': { 'faultline/require-timeout': 'error' },
  'faultline recommended': Object.fromEntries(recommended.map(id => [id, 'error'])),
  'faultline all': Object.fromEntries(everyRule.map(id => [id, 'error'])),
  'core: no-unused-vars': { 'no-unused-vars': 'error' },
  'core: no-undef': { 'no-undef': 'error' },
  'core: eqeqeq': { eqeqeq: 'error' },
  'core: no-shadow': { 'no-shadow': 'error' },
  'core: prefer-const': { 'prefer-const': 'error' },
};
const names = Object.keys(CONFIGS);
const configFor = rules => [
  {
    files: ['**/*.{js,mjs,cjs,ts}'],
    plugins: { faultline: plugin },
    rules,
    linterOptions: { noInlineConfig: true, reportUnusedDisableDirectives: 'off' },
  },
  { files: ['**/*.js'], languageOptions: { sourceType: 'module' } },
  { files: ['**/*.cjs'], languageOptions: { sourceType: 'commonjs' } },
  { files: ['**/*.ts'], languageOptions: { parser: tsParser } },
];
// Normalise each configuration once, as the ESLint CLI does, so the timing is the lint itself.
const { FlatConfigArray } = await import(
  path.join(root, 'node_modules/eslint/lib/config/flat-config-array.js')
);
const prepare = config => {
  const array = new FlatConfigArray(config, { basePath: root });
  array.normalizeSync();
  return array;
};
const configs = names.map(name => prepare(configFor(CONFIGS[name])));
const linter = new Linter({ cwd: root });

// Files that do not parse as modules are linted as scripts, decided once up front.
for (const input of inputs) {
  if (
    input.filename.endsWith('.js') &&
    linter.verify(input.text, configs[0], { filename: input.filename }).some(m => m.fatal)
  ) {
    input.script = true;
  }
}
const scriptConfigs = names.map(name =>
  prepare([...configFor(CONFIGS[name]), { files: ['**/*.js'], languageOptions: { sourceType: 'script' } }]),
);

// Per file and configuration, the fastest of the passes: the intrinsic cost, with the noise of
// garbage collection and of other processes on the machine left out. Totals sum those minima.
// Wall time is what the bars are about; CPU time (this process) is shown next to it because it
// is not inflated when another process takes the core.
const best = inputs.map(() => new Array(names.length).fill(Infinity));
const bestCpu = inputs.map(() => new Array(names.length).fill(Infinity));
const warm = inputs.slice(0, 200);
for (const input of warm)
  for (let c = 0; c < names.length; c++)
    linter.verify(input.text, (input.script ? scriptConfigs : configs)[c], { filename: input.filename });

let rotation = 0;
for (let round = 0; round < ROUNDS; round++) {
  inputs.forEach((input, index) => {
    const set = input.script ? scriptConfigs : configs;
    for (let k = 0; k < names.length; k++) {
      const c = (k + rotation) % names.length;
      const cpu = process.cpuUsage();
      const start = process.hrtime.bigint();
      linter.verify(input.text, set[c], { filename: input.filename });
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      const used = process.cpuUsage(cpu);
      const cpuMs = (used.user + used.system) / 1000;
      if (ms < best[index][c]) best[index][c] = ms;
      if (cpuMs < bestCpu[index][c]) bestCpu[index][c] = cpuMs;
    }
    rotation++;
  });
}
const wall = names.map((_, c) => best.reduce((sum, row) => sum + row[c], 0));
const cpuTotal = names.map((_, c) => bestCpu.reduce((sum, row) => sum + row[c], 0));

const loadAfter = uptime();
const base = wall[0];
const cpuBase = cpuTotal[0];
const rows = names.map((name, i) => ({
  name,
  ms: wall[i],
  overhead: i === 0 ? 0 : (wall[i] - base) / base,
  cpuMs: cpuTotal[i],
  cpuOverhead: i === 0 ? 0 : (cpuTotal[i] - cpuBase) / cpuBase,
}));
const pct = value => `${value >= 0 ? '+' : ''}${(value * 100).toFixed(1)} %`;
const table = [
  '| configuration | wall time (ms) | added to parse-only | CPU time (ms) | added to parse-only |',
  '|---|---:|---:|---:|---:|',
  ...rows.map(
    row =>
      `| ${row.name} | ${row.ms.toFixed(0)} | ${row.name.startsWith('parse') ? '—' : pct(row.overhead)} | ${row.cpuMs.toFixed(0)} | ${row.name.startsWith('parse') ? '—' : pct(row.cpuOverhead)} |`,
  ),
].join('\n');
console.log(table);
if (write) {
  const lines = [
    '# Lint cost on real code',
    '',
    `Corpus: ${inputs.length} \`.js/.mjs/.cjs/.ts\` files sampled evenly from this repository's \`node_modules\` (${all.length} candidates, ≤ 400 kB each),`,
    `linted in-process with ESLint ${Linter.version} (\`Linter#verify\`, espree for JS, @typescript-eslint/parser for TS), ${ROUNDS} passes; per file and configuration the fastest pass counts.`,
    'Every file is linted under every configuration back to back, in rotating order, so drift and background load fall on all alike.',
    `Machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'} (shared with three other engineers; load before ${loadBefore}, after ${loadAfter}), Node ${process.version}, ${new Date().toISOString().slice(0, 10)}.`,
    'The files sit under this repository (virtual paths below its root), so project facts are on: they list and read the repository as the project of every file, once per 10 s.',
    'Project facts on a production service, at real paths: RESULTS-project.md.',
    `Rerun: \`npm run build && node bench/lint-cost/run.js --files ${FILES} --rounds ${ROUNDS} --write\`.`,
    '',
    table,
    '',
    'Times are sums over files of the fastest pass of each file under each configuration. Bars (on wall time): `require-timeout` ≤ +5 %; all `recommended` rules together ≤ +10 %; `all` ≤ +15 %.',
    '',
  ];
  writeFileSync(path.join(root, 'bench/lint-cost/RESULTS.md'), lines.join('\n'));
  writeFileSync(
    path.join(root, 'bench/lint-cost/results.json'),
    JSON.stringify(
      {
        eslint: Linter.version,
        node: process.version,
        files: inputs.length,
        rounds: ROUNDS,
        loadBefore,
        loadAfter,
        rows,
      },
      null,
      2,
    ) + '\n',
  );
}
