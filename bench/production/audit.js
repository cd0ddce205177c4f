#!/usr/bin/env node
// Re-scores the precision audits under audit/<round>/ (bench/production/README.md, "Precision
// audits"): production services nobody here had read, every finding of the rules judged true,
// false or debatable after it was seen. Each audited repository is materialised from its local
// mirror into .e2e/audit/, its service roots are linted as the audit linted them, and today's
// findings are matched to the judged ones by rule, path and line:
// - a judged finding still reported keeps its verdict (precision counts tp / (tp + fp));
// - a judged finding no longer reported is listed as gone (a false positive fixed, or a true one lost);
// - a finding nobody judged is listed as new, to be judged before it counts.
//
// Usage: node bench/production/audit.js [--write] [--plugin <file>] [--reuse] [--only <owner/name,…>]
//   --write  writes audit/RESULTS.md and audit/results.json
//   --only   re-scores only these repositories' audits (a spot check after a fix; not with --write)
//   --reuse  re-scores the findings the last run kept in .e2e/audit-findings.json (same rules),
//            without linting again: for verdicts added since that run
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
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
const write = args.includes('--write');
const only = args.includes('--only') ? new Set(args[args.indexOf('--only') + 1].split(',')) : undefined;
if (only && write)
  throw new Error('--only re-scores part of the audits: it cannot --write the results of all.');
const pluginFile = args.includes('--plugin')
  ? path.resolve(args[args.indexOf('--plugin') + 1])
  : path.join(root, 'rules/dist/index.js');

const plugin = (await import(pluginFile)).default;
const rules = {};
for (const { rule, config } of Object.values(CATEGORIES)) {
  const setting = plugin.configs[config].rules[`faultline/${rule}`];
  if (!setting) throw new Error(`${rule} is not in the ${config} configuration of ${pluginFile}.`);
  rules[`faultline/${rule}`] = setting;
}

/** Every finding of the category rules in the audit's roots, as `rule path:line`. */
async function lint(audit) {
  const cwd = materialise(audit.repo, audit.commit, path.join(root, '.e2e', 'audit'));
  const files = auditFiles(audit, cwd);
  const eslint = productionEslint(cwd, plugin, rules);
  const results = await eslint.lintFiles(files.map(file => path.join(cwd, file)));
  // A `.js` file of a CommonJS package that does not parse as a module (`package` as a name) is
  // parsed as the package's own configuration would: as a script.
  const script = productionEslint(cwd, plugin, rules, { commonjs: true });
  for (const [index, result] of results.entries())
    if (result.filePath.endsWith('.js') && result.messages.some(message => message.fatal))
      [results[index]] = await script.lintFiles([result.filePath]);
  const findings = [];
  for (const result of results) {
    const file = path.relative(cwd, result.filePath).split(path.sep).join('/');
    for (const message of result.messages) {
      if (message.fatal || !message.ruleId)
        throw new Error(
          `${audit.repo} ${file}:${message.line}: ${message.message} (a parse failure or a crash)`,
        );
      if (message.ruleId.startsWith('faultline/'))
        findings.push({
          rule: message.ruleId.slice('faultline/'.length),
          path: file,
          line: message.line,
          message: message.message,
        });
    }
  }
  return { files: files.length, findings };
}

const rounds = readdirSync(auditDir, { withFileTypes: true })
  .filter(entry => entry.isDirectory())
  .map(entry => entry.name)
  .sort();
// The findings of each service, kept for `--reuse` (the lint is the slow part; verdicts change).
const findingsFile = path.join(root, '.e2e', 'audit-findings.json');
const kept = args.includes('--reuse') ? JSON.parse(readFileSync(findingsFile, 'utf8')) : {};
const linted = new Map(Object.entries(kept));
const perRule = {};
const gone = [];
const fresh = [];
const rows = [];
const tally = rule =>
  (perRule[rule] ??= { tp: 0, fp: 0, debatable: 0, goneTp: 0, goneFp: 0, goneDebatable: 0, new: 0 });
for (const round of rounds) {
  for (const name of readdirSync(path.join(auditDir, round))
    .filter(file => file.endsWith('.json'))
    .sort()) {
    const audit = JSON.parse(readFileSync(path.join(auditDir, round, name), 'utf8'));
    if (only && !only.has(audit.repo)) continue;
    const key = `${audit.repo}@${audit.commit}:${audit.roots.join('|')}`;
    if (!linted.has(key)) linted.set(key, await lint(audit));
    const { files, findings } = linted.get(key);
    const judged = new Map(
      audit.findings.map(finding => [`${finding.rule} ${finding.path}:${finding.line}`, finding]),
    );
    const notJudged = new Set(
      (audit.notJudged ?? []).map(finding => `${finding.rule} ${finding.path}:${finding.line}`),
    );
    const now = new Set(findings.map(finding => `${finding.rule} ${finding.path}:${finding.line}`));
    for (const [at, finding] of judged) {
      const counts = tally(finding.rule);
      if (now.has(at)) counts[finding.verdict] += 1;
      else {
        counts[`gone${finding.verdict === 'tp' ? 'Tp' : finding.verdict === 'fp' ? 'Fp' : 'Debatable'}`] += 1;
        gone.push({ round, repo: audit.repo, at, verdict: finding.verdict, why: finding.why });
      }
    }
    for (const finding of findings) {
      const at = `${finding.rule} ${finding.path}:${finding.line}`;
      if (judged.has(at) || notJudged.has(at)) continue;
      tally(finding.rule).new += 1;
      fresh.push({ round, repo: audit.repo, at, message: finding.message.slice(0, 200) });
    }
    rows.push({
      round,
      repo: audit.repo,
      commit: audit.commit.slice(0, 12),
      files,
      findings: findings.length,
    });
  }
}

if (!args.includes('--reuse') && !only) {
  mkdirSync(path.dirname(findingsFile), { recursive: true });
  writeFileSync(findingsFile, JSON.stringify(Object.fromEntries(linted)));
}

const percent = (part, whole) => (whole === 0 ? '–' : `${((100 * part) / whole).toFixed(1)} %`);
const lines = [
  '# Precision audits, re-scored',
  '',
  `Rules: ${path.relative(root, pluginFile)}; rerun: \`node bench/production/audit.js --write\`. Findings judged after they were seen (not blind); see README.md, "Precision audits".`,
  '',
  '| rule | tp | fp | debatable | precision (debatable left out) | tp gone | fp gone | debatable gone | new, not judged |',
  '|---|---:|---:|---:|---:|---:|---:|---:|---:|',
  ...Object.entries(perRule)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(
      ([rule, c]) =>
        `| ${rule} | ${c.tp} | ${c.fp} | ${c.debatable} | ${percent(c.tp, c.tp + c.fp)} | ${c.goneTp} | ${c.goneFp} | ${c.goneDebatable} | ${c.new} |`,
    ),
  '',
  '| round | repository | commit | files | findings now |',
  '|---|---|---|---:|---:|',
  ...rows.map(row => `| ${row.round} | ${row.repo} | ${row.commit} | ${row.files} | ${row.findings} |`),
  '',
  '## Judged findings no longer reported',
  '',
  ...(gone.length === 0
    ? ['None.']
    : gone.map(
        item => `- ${item.round} ${item.repo} ${item.at} (was ${item.verdict}): ${item.why.slice(0, 160)}`,
      )),
  '',
  '## New findings, not judged yet',
  '',
  ...(fresh.length === 0
    ? ['None.']
    : fresh.map(item => `- ${item.round} ${item.repo} ${item.at}: ${item.message}`)),
  '',
];
console.log(lines.join('\n'));
if (write) {
  writeFileSync(path.join(auditDir, 'RESULTS.md'), lines.join('\n'));
  writeFileSync(
    path.join(auditDir, 'results.json'),
    `${JSON.stringify({ perRule, rows, gone, fresh }, null, 2)}\n`,
  );
}
