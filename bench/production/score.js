#!/usr/bin/env node
// Precision and recall of the plugin's rules on production code (bench/production/README.md).
// For each repository of the chosen part: the whole tree at the pinned commit is materialised from
// the local mirror into .e2e/production/ (once; the rules' project facts read the files around the
// linted one), the selected files (select.js) are linted in place by real ESLint with every rule of
// the plugin at its default options and no settings, and the findings are matched to the labels
// (labels/<owner>+<name>.json) by path, category and line.
//
// Usage: node bench/production/score.js [--part dev|heldout|heldout2|heldout3|heldout4|heldout5|heldout6] [--write] [--record-baseline]
//   --write            writes RESULTS-<part>.md and results-<part>.json next to this script
//   --record-baseline  writes the raw findings to baseline-findings-<part>.json (run once, on the
//                      rules as they were before the recall work; later runs score them too)
//   --findings-only    with --record-baseline: record findings without scoring or printing them
//                      (used for the held-out part before its labels existed)
//   --plugin <file>    the plugin to run (default rules/dist/index.js), e.g. a build of an older commit
//   --plugin-commit <sha>  with --record-baseline: the commit that plugin was built from (default HEAD)
//   --merge-baseline   with --record-baseline: add the repositories not yet in the baseline file,
//                      keeping the findings already recorded (for repositories added later)
//   --crash-check      every part: lint every selected file, fail on a crash, a parse failure or a
//                      malformed report, and on labels that no longer match the selection; prints
//                      counts only, never a finding, so it may run while held-out parts stay unread
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { ESLint } from 'eslint';

import { CATEGORIES } from './categories.js';
import { productionEslint } from './eslint.js';
import { materialise } from './mirrors.js';
import { select } from './select.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.join(here, '..', '..');
const args = process.argv.slice(2);
const part = args.includes('--part') ? args[args.indexOf('--part') + 1] : 'dev';
const write = args.includes('--write');
const recordBaseline = args.includes('--record-baseline');
const findingsOnly = args.includes('--findings-only');
const pluginFile = args.includes('--plugin')
  ? path.resolve(args[args.indexOf('--plugin') + 1])
  : path.join(root, 'rules/dist/index.js');
const mergeBaseline = args.includes('--merge-baseline');
const crashCheck = args.includes('--crash-check');
const manifest = JSON.parse(readFileSync(path.join(here, 'repos.json'), 'utf8'));
// The parts are those repos.json names, so a part added there needs no change here.
const PARTS = [...new Set(manifest.repos.map(entry => entry.part))];
if (!PARTS.includes(part)) {
  console.error(`--part must be one of ${PARTS.join(', ')}, not ${part}`);
  process.exit(2);
}

const categoryOf = Object.fromEntries(
  Object.entries(CATEGORIES).map(([category, { rule }]) => [rule, category]),
);
/** A finding counts for a label on the label's line, one of its `also` lines, or up to NEAR lines below. */
const NEAR = 2;

const entries = crashCheck ? manifest.repos : manifest.repos.filter(entry => entry.part === part);

function labelsOf(entry) {
  const file = path.join(here, 'labels', `${entry.repo.replace('/', '+')}.json`);
  if (!existsSync(file))
    throw new Error(`No labels for ${entry.repo}: expected ${path.relative(root, file)}.`);
  const labels = JSON.parse(readFileSync(file, 'utf8'));
  if (labels.commit !== entry.commit) {
    throw new Error(
      `${path.relative(root, file)} labels commit ${labels.commit}, repos.json pins ${entry.commit}.`,
    );
  }
  for (const label of [...labels.hazards, ...labels.negatives]) {
    if (!CATEGORIES[label.category])
      throw new Error(`${path.relative(root, file)}: unknown category ${label.category}`);
    if (!labels.files.includes(label.path))
      throw new Error(`${path.relative(root, file)}: ${label.path} is not a selected file`);
  }
  return labels;
}

async function lint(plugin, entry, files) {
  const cwd = materialise(entry.repo, entry.commit, path.join(root, '.e2e', 'production'));
  const eslint = productionEslint(
    cwd,
    plugin,
    Object.fromEntries(Object.keys(plugin.rules).map(rule => [`faultline/${rule}`, 'error'])),
  );
  const results = await eslint.lintFiles(files.map(file => path.join(cwd, file)));
  const findings = [];
  for (const result of results) {
    const file = path.relative(cwd, result.filePath).split(path.sep).join('/');
    const lineCount = readFileSync(result.filePath, 'utf8').split(/\r\n|\r|\n/).length;
    for (const message of result.messages) {
      if (message.fatal)
        throw new Error(`${entry.repo} ${file}: ${message.message} (a parse failure or a crash)`);
      if (!message.ruleId?.startsWith('faultline/')) continue;
      // A report must be well formed, as in the node_modules crash corpus: a filled message and a
      // location inside the file.
      const endLine = message.endLine ?? message.line;
      if (
        message.message.includes('{{') ||
        message.message.trim() === '' ||
        message.line < 1 ||
        endLine > lineCount ||
        endLine < message.line
      )
        throw new Error(
          `${entry.repo} ${file}:${message.line}: malformed report from ${message.ruleId} (message "${message.message}", lines ${message.line}-${endLine} of ${lineCount})`,
        );
      findings.push({
        path: file,
        line: message.line,
        rule: message.ruleId.slice('faultline/'.length),
        message: message.message,
      });
    }
  }
  return findings;
}

/** Scores findings against labels: per category TP/FP/FN, and the list of each. */
export function score(findingsByRepo, labelsByRepo) {
  const rows = Object.fromEntries(
    Object.keys(CATEGORIES).map(category => [category, { tp: 0, fp: 0, fn: 0, hazards: 0 }]),
  );
  const detail = [];
  const unscored = [];
  for (const [repo, labels] of Object.entries(labelsByRepo)) {
    const findings = findingsByRepo[repo] ?? [];
    const matched = new Set();
    for (const finding of findings) {
      const category = categoryOf[finding.rule];
      if (!category) {
        unscored.push({ repo, ...finding });
        continue;
      }
      const exact = labels.hazards.findIndex(
        label =>
          label.path === finding.path &&
          label.category === category &&
          (label.line === finding.line || (label.also ?? []).includes(finding.line)),
      );
      const near =
        exact >= 0
          ? exact
          : labels.hazards.findIndex(
              label =>
                label.path === finding.path &&
                label.category === category &&
                finding.line > label.line &&
                finding.line <= label.line + NEAR,
            );
      if (near >= 0) {
        if (!matched.has(near)) rows[category].tp++;
        matched.add(near);
        detail.push({ kind: 'found', repo, ...finding });
      } else {
        rows[category].fp++;
        detail.push({ kind: 'false positive', repo, category, ...finding });
      }
    }
    labels.hazards.forEach((label, index) => {
      rows[label.category].hazards++;
      if (!matched.has(index)) {
        rows[label.category].fn++;
        detail.push({ kind: 'missed', repo, ...label });
      }
    });
  }
  return { rows, detail, unscored };
}

const pct = (num, den) => (den === 0 ? '–' : `${((num / den) * 100).toFixed(1)} %`);
export function table(rows, baselineRows) {
  const lines = [
    `| category | rule (config) | labelled hazards | TP | FP | FN | precision | recall |${baselineRows ? ' recall before | precision before |' : ''}`,
    `|---|---|---:|---:|---:|---:|---:|---:|${baselineRows ? '---:|---:|' : ''}`,
  ];
  const sum = { hazards: 0, tp: 0, fp: 0, fn: 0 };
  const sumBefore = { tp: 0, fp: 0, fn: 0 };
  for (const [category, { rule, config }] of Object.entries(CATEGORIES)) {
    const row = rows[category];
    for (const key of Object.keys(sum)) sum[key] += row[key];
    const before = baselineRows?.[category];
    if (before) for (const key of Object.keys(sumBefore)) sumBefore[key] += before[key];
    lines.push(
      `| ${category} | ${rule} (${config}) | ${row.hazards} | ${row.tp} | ${row.fp} | ${row.fn} | ${pct(row.tp, row.tp + row.fp)} | ${pct(row.tp, row.tp + row.fn)} |` +
        (before
          ? ` ${pct(before.tp, before.tp + before.fn)} | ${pct(before.tp, before.tp + before.fp)} |`
          : ''),
    );
  }
  lines.push(
    `| **all** | | ${sum.hazards} | ${sum.tp} | ${sum.fp} | ${sum.fn} | ${pct(sum.tp, sum.tp + sum.fp)} | ${pct(sum.tp, sum.tp + sum.fn)} |` +
      (baselineRows
        ? ` ${pct(sumBefore.tp, sumBefore.tp + sumBefore.fn)} | ${pct(sumBefore.tp, sumBefore.tp + sumBefore.fp)} |`
        : ''),
  );
  return lines.join('\n');
}

const plugin = (await import(pluginFile)).default;
const findingsByRepo = {};
const filesByRepo = {};
for (const entry of entries) {
  const { files } = select(entry);
  filesByRepo[entry.repo] = files.map(file => file.path);
  findingsByRepo[entry.repo] = await lint(plugin, entry, filesByRepo[entry.repo]);
}
if (crashCheck) {
  // The labels must still describe what the selection draws, for every part (score.js checks this
  // only for the part it scores).
  for (const entry of entries) {
    const labelled = [...labelsOf(entry).files].sort();
    const drawn = [...filesByRepo[entry.repo]].sort();
    if (JSON.stringify(labelled) !== JSON.stringify(drawn))
      throw new Error(
        `${entry.repo}: the labelled files differ from what select.js draws now:\n labelled ${labelled.join(', ')}\n drawn ${drawn.join(', ')}`,
      );
  }
  const parts = [...new Set(entries.map(entry => entry.part))];
  console.log(
    `Crash check: ${Object.values(filesByRepo).flat().length} files of ${entries.length} repositories (${parts.join(', ')}) linted with every rule, no crash, no parse failure, no malformed report; labels match the selection.`,
  );
  process.exit(0);
}
const head = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
const dirty =
  execFileSync('git', ['status', '--porcelain', '--', 'rules', 'packages/catalog'], {
    cwd: root,
    encoding: 'utf8',
  }).trim() !== '';
if (recordBaseline) {
  const out = path.join(here, `baseline-findings-${part}.json`);
  const pluginCommit = args.includes('--plugin-commit') ? args[args.indexOf('--plugin-commit') + 1] : head;
  let record = {
    commit: pluginCommit,
    dirty,
    eslint: ESLint.version,
    recorded: new Date().toISOString(),
    findings: findingsByRepo,
  };
  if (mergeBaseline && existsSync(out)) {
    const previous = JSON.parse(readFileSync(out, 'utf8'));
    if (previous.commit !== pluginCommit)
      throw new Error(
        `${out} was recorded at ${previous.commit}; merging findings of ${pluginCommit} would mix two baselines.`,
      );
    const added = Object.fromEntries(
      Object.entries(findingsByRepo).filter(([repo]) => !(repo in previous.findings)),
    );
    record = {
      ...previous,
      findings: { ...previous.findings, ...added },
      added: { repos: Object.keys(added), recorded: record.recorded },
    };
  }
  writeFileSync(out, `${JSON.stringify(record, null, 2)}\n`);
  console.log(
    `Recorded ${Object.values(findingsByRepo).flat().length} findings to ${path.relative(root, out)}.`,
  );
  if (findingsOnly) process.exit(0);
}

const labelsByRepo = {};
for (const entry of entries) {
  const labels = labelsOf(entry);
  const selected = filesByRepo[entry.repo];
  if (JSON.stringify([...labels.files].sort()) !== JSON.stringify([...selected].sort())) {
    throw new Error(
      `${entry.repo}: the labelled files differ from what select.js draws now:\n labelled ${labels.files.join(', ')}\n drawn ${selected.join(', ')}`,
    );
  }
  labelsByRepo[entry.repo] = labels;
}
const now = score(findingsByRepo, labelsByRepo);
const baselineFile = path.join(here, `baseline-findings-${part}.json`);
const baseline = existsSync(baselineFile) ? JSON.parse(readFileSync(baselineFile, 'utf8')) : undefined;
const before = baseline ? score(baseline.findings, labelsByRepo) : undefined;

const report = table(now.rows, before?.rows);
console.log(report);
for (const item of now.detail.filter(item => item.kind !== 'found')) {
  console.log(
    `${item.kind}: [${item.category}] ${item.repo} ${item.path}:${item.line}  ${item.why ?? item.message}`,
  );
}
for (const item of now.unscored)
  console.log(`not scored (${item.rule}): ${item.repo} ${item.path}:${item.line}`);

if (write) {
  const json = {
    part,
    commit: head,
    dirty,
    eslint: ESLint.version,
    node: process.version,
    date: new Date().toISOString().slice(0, 10),
    repos: entries.map(entry => ({
      repo: entry.repo,
      commit: entry.commit,
      files: filesByRepo[entry.repo].length,
    })),
    now: now.rows,
    baseline: before ? { commit: baseline.commit, rows: before.rows } : null,
    detail: now.detail,
    unscored: now.unscored,
  };
  writeFileSync(path.join(here, `results-${part}.json`), `${JSON.stringify(json, null, 2)}\n`);
  const md = [
    `# Production corpus, ${part} part: precision and recall per category`,
    '',
    `Repositories: ${entries.map(entry => `${entry.repo}@${entry.commit.slice(0, 12)}`).join(', ')} (${Object.values(filesByRepo).flat().length} files, see README.md for the selection and labels/ for every label).`,
    `Plugin at ${head.slice(0, 12)}${dirty ? ' (with uncommitted rule changes)' : ''}, every rule on at its defaults, no settings; ESLint ${ESLint.version}, Node ${process.version}, ${json.date}.`,
    before
      ? `"Before": the findings of the rules at ${baseline.commit.slice(0, 12)} (recorded in \`${path.basename(baselineFile)}\`), scored against the same labels.`
      : '',
    `Rerun: \`npm run build && node bench/production/score.js --part ${part} --write\`.`,
    '',
    report,
    '',
    '## Misses and false positives',
    '',
    ...now.detail
      .filter(item => item.kind !== 'found')
      .map(
        item =>
          `- ${item.kind}: [${item.category}] ${item.repo} \`${item.path}:${item.line}\`: ${item.why ?? item.message}`,
      ),
    ...now.unscored.map(
      item => `- not scored (${item.rule}, no labelled category): ${item.repo} \`${item.path}:${item.line}\``,
    ),
    '',
  ].join('\n');
  writeFileSync(path.join(here, `RESULTS-${part}.md`), md);
}
