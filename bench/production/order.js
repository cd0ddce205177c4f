#!/usr/bin/env node
// Checks that the rules' findings on a service do not depend on the order its files are linted in.
// Project facts keep answers across files for the life of the process (an editor's or a CI run's),
// and ESLint's `lintFiles` lints each file as its read completes, so the order differs from run to
// run: a finding that comes and goes with the order is a bug (issue 12, rounds o13 and p13). For
// every audited service (audit/<round>/*.json, the files audit.js lints), each order is linted in a
// fresh process, one file after another with `lintText` on the same ESLint as audit.js: first
// sorted, then `--orders` shuffles (seeded, so a difference can be replayed), and every finding
// (rule, path, line) of a shuffled order is compared with the sorted order's.
//
// Usage: node bench/production/order.js [--write] [--orders <n>] [--only <owner/name>] [--plugin <file>]
//   --write  writes audit/ORDER.md and audit/order.json
//   replay one order: node bench/production/order.js --child <round>/<file>.json --seed <n>
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { auditFiles } from './audit-files.js';
import { CATEGORIES } from './categories.js';
import { productionEslint } from './eslint.js';
import { materialise } from './mirrors.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.join(here, '..', '..');
const auditDir = path.join(here, 'audit');
const args = process.argv.slice(2);
const option = name => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const pluginFile = path.resolve(option('--plugin') ?? path.join(root, 'rules/dist/index.js'));

/** A seeded shuffle (seed 0: the sorted order itself). */
function ordered(files, seed) {
  const out = [...files];
  let state = seed >>> 0;
  const random = () => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32;
  if (seed !== 0)
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [out[i], out[j]] = [out[j], out[i]];
    }
  return out;
}

if (option('--child')) {
  // One order, in this process: prints the findings as JSON.
  const audit = JSON.parse(readFileSync(path.join(auditDir, option('--child')), 'utf8'));
  const plugin = (await import(pluginFile)).default;
  const rules = {};
  for (const { rule, config } of Object.values(CATEGORIES))
    rules[`faultline/${rule}`] = plugin.configs[config].rules[`faultline/${rule}`];
  const cwd = materialise(audit.repo, audit.commit, path.join(root, '.e2e', 'audit'));
  const eslint = productionEslint(cwd, plugin, rules);
  const findings = [];
  for (const file of ordered(auditFiles(audit, cwd), Number(option('--seed') ?? 0))) {
    const filePath = path.join(cwd, file);
    const [result] = await eslint.lintText(readFileSync(filePath, 'utf8'), { filePath });
    for (const message of result?.messages ?? [])
      if (message.ruleId?.startsWith('faultline/'))
        findings.push(`${message.ruleId.slice('faultline/'.length)} ${file}:${message.line}`);
  }
  process.stdout.write(JSON.stringify(findings.sort()));
  process.exit(0);
}

const orders = Number(option('--orders') ?? 2);
const only = option('--only');
const seen = new Set();
const rows = [];
for (const round of readdirSync(auditDir, { withFileTypes: true })
  .filter(entry => entry.isDirectory())
  .map(entry => entry.name)
  .sort()) {
  for (const name of readdirSync(path.join(auditDir, round))
    .filter(file => file.endsWith('.json'))
    .sort()) {
    const audit = JSON.parse(readFileSync(path.join(auditDir, round, name), 'utf8'));
    const key = `${audit.repo}@${audit.commit}:${audit.roots.join('|')}`;
    if (seen.has(key) || (only && audit.repo !== only)) continue;
    seen.add(key);
    const lint = seed =>
      new Set(
        JSON.parse(
          execFileSync(
            process.execPath,
            [
              fileURLToPath(import.meta.url),
              '--child',
              `${round}/${name}`,
              '--seed',
              String(seed),
              '--plugin',
              pluginFile,
            ],
            { maxBuffer: 256 * 1024 * 1024 },
          ).toString(),
        ),
      );
    const started = Date.now();
    const sorted = lint(0);
    const differences = [];
    for (let seed = 1; seed <= orders; seed++) {
      const shuffled = lint(seed);
      for (const finding of sorted)
        if (!shuffled.has(finding)) differences.push({ seed, only: 'sorted', finding });
      for (const finding of shuffled)
        if (!sorted.has(finding)) differences.push({ seed, only: 'shuffled', finding });
    }
    const row = { round, repo: audit.repo, findings: sorted.size, orders: orders + 1, differences };
    rows.push(row);
    console.error(
      `${round} ${audit.repo}: ${sorted.size} findings, ${differences.length} differ (${((Date.now() - started) / 1000).toFixed(0)} s)`,
    );
  }
}

const differing = rows.filter(row => row.differences.length > 0);
const lines = [
  '# Findings and file order',
  '',
  `Rules: ${path.relative(root, pluginFile)}; Node ${process.version}, ${os.cpus().length} cores, ${new Date().toISOString().slice(0, 10)}.`,
  `Every audited service (audit/<round>/*.json, the files audit.js lints) linted ${orders + 1} times, each in a fresh process, one file after another: sorted, then ${orders} seeded shuffles; a shuffled order's findings compared with the sorted order's.`,
  'Rerun: `node bench/production/order.js --write`; replay one order: `node bench/production/order.js --child <round>/<file>.json --seed <n>`.',
  '',
  `Services: ${rows.length}; findings in sorted order: ${rows.reduce((sum, row) => sum + row.findings, 0)}; services whose findings depend on the order: **${differing.length}**.`,
  '',
  '| round | repository | findings (sorted) | orders | findings that differ |',
  '|---|---|---:|---:|---:|',
  ...rows.map(
    row => `| ${row.round} | ${row.repo} | ${row.findings} | ${row.orders} | ${row.differences.length} |`,
  ),
  '',
  '## Differences',
  '',
  ...(differing.length === 0
    ? ['None.']
    : differing.flatMap(row =>
        row.differences.map(
          item => `- ${row.repo} seed ${item.seed}: only in the ${item.only} order: ${item.finding}`,
        ),
      )),
  '',
];
console.log(lines.join('\n'));
if (args.includes('--write')) {
  writeFileSync(path.join(auditDir, 'ORDER.md'), lines.join('\n'));
  writeFileSync(path.join(auditDir, 'order.json'), `${JSON.stringify(rows, null, 2)}\n`);
}
if (differing.length > 0) process.exitCode = 1;
