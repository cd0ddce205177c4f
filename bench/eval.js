#!/usr/bin/env node
// Precision and recall of one rule on its evaluation corpus (bench/corpus/<rule>/<family>/…),
// per family. Lines ending in `// expect: <rule>` must be reported; `// ok` lines are labelled
// negatives; a report anywhere else is a false positive too. Runs the built plugin through real
// ESLint. Usage: node bench/eval.js <rule> [--write]   (--write updates bench/<rule>/RESULTS.md)
import { existsSync, readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import tsParser from '@typescript-eslint/parser';
import { ESLint } from 'eslint';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const rule = process.argv[2];
const write = process.argv.includes('--write');
// `--heldout`: score the held-out corpus of verbatim third-party code (not committed; see its README).
const heldout = process.argv.includes('--heldout');
if (!rule) {
  console.error('Usage: node bench/eval.js <rule> [--write]');
  process.exit(2);
}
const corpus = path.join(root, heldout ? 'bench/corpus-heldout' : 'bench/corpus', rule);
if (!existsSync(corpus)) {
  console.error(`No corpus at ${path.relative(root, corpus)}.`);
  process.exit(2);
}
const plugin = (await import(path.join(root, 'rules/dist/index.js'))).default;
const ruleOptions = existsSync(path.join(corpus, 'options.json'))
  ? JSON.parse(readFileSync(path.join(corpus, 'options.json'), 'utf8'))
  : [];

const EXPECT = new RegExp(`//\\s*expect:\\s*${rule}\\b`);
const OK = /\/\/\s*ok\b/;
const families = readdirSync(corpus, { withFileTypes: true })
  .filter(entry => entry.isDirectory())
  .map(entry => entry.name)
  .sort();
const rows = [];
const misses = [];
for (const family of families) {
  const dir = path.join(corpus, family);
  const settingsFile = path.join(dir, 'settings.json');
  const settings = existsSync(settingsFile) ? JSON.parse(readFileSync(settingsFile, 'utf8')) : {};
  const eslint = new ESLint({
    cwd: dir,
    overrideConfigFile: true,
    overrideConfig: [
      {
        files: ['**/*.{js,mjs,cjs,ts,tsx}'],
        plugins: { faultline: plugin },
        settings,
        rules: { [`faultline/${rule}`]: ['error', ...ruleOptions] },
        linterOptions: { reportUnusedDisableDirectives: 'off' },
      },
      { files: ['**/*.{js,mjs}'], languageOptions: { sourceType: 'module' } },
      { files: ['**/*.cjs'], languageOptions: { sourceType: 'commonjs' } },
      {
        files: ['**/*.{ts,tsx}'],
        languageOptions: { parser: tsParser, parserOptions: { ecmaFeatures: { jsx: true } } },
      },
    ],
  });
  // Held-out files are real files from real repositories: lint each under the path it has there
  // (its header names it), so conventions tied to file names (`route.ts`, `*.test.ts`) apply.
  let results;
  if (heldout) {
    results = [];
    const files = readdirSync(dir, { recursive: true })
      .filter(file => /\.(js|mjs|cjs|ts|tsx)$/.test(String(file)))
      .sort();
    for (const file of files) {
      const full = path.join(dir, String(file));
      const text = readFileSync(full, 'utf8');
      const source = /^\/\/ Source: ([^\s]+) \S+ (\S+)/.exec(text);
      const original = source ? path.join(dir, source[1].replace('/', '__'), source[2]) : full;
      const [result] = await eslint.lintText(text, { filePath: original });
      results.push({ ...result, filePath: full });
    }
  } else {
    results = await eslint.lintFiles(['**/*.{js,mjs,cjs,ts,tsx}']);
  }
  let tp = 0,
    fp = 0,
    fn = 0,
    negatives = 0;
  for (const result of results) {
    const lines = readFileSync(result.filePath, 'utf8').split('\n');
    const fatal = result.messages.find(message => message.fatal);
    if (fatal) throw new Error(`${result.filePath}: ${fatal.message}`);
    const reported = new Set(
      result.messages.filter(message => message.ruleId === `faultline/${rule}`).map(message => message.line),
    );
    const file = path.relative(root, result.filePath);
    lines.forEach((text, index) => {
      const line = index + 1;
      const expected = EXPECT.test(text);
      if (OK.test(text)) negatives++;
      if (expected && reported.has(line)) tp++;
      else if (expected) {
        fn++;
        misses.push({ kind: 'missed', where: `${file}:${line}`, text: text.trim() });
      } else if (reported.has(line)) {
        fp++;
        misses.push({ kind: 'false positive', where: `${file}:${line}`, text: text.trim() });
      }
    });
  }
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  rows.push({ family, positives: tp + fn, negatives, tp, fp, fn, precision, recall });
}
const total = rows.reduce(
  (sum, row) => ({
    positives: sum.positives + row.positives,
    negatives: sum.negatives + row.negatives,
    tp: sum.tp + row.tp,
    fp: sum.fp + row.fp,
    fn: sum.fn + row.fn,
  }),
  { positives: 0, negatives: 0, tp: 0, fp: 0, fn: 0 },
);
const pct = value => `${(value * 100).toFixed(1)} %`;
const table = [
  '| family | positives | labelled negatives | TP | FP | FN | precision | recall |',
  '|---|---:|---:|---:|---:|---:|---:|---:|',
  ...rows.map(
    row =>
      `| ${row.family} | ${row.positives} | ${row.negatives} | ${row.tp} | ${row.fp} | ${row.fn} | ${pct(row.precision)} | ${pct(row.recall)} |`,
  ),
  `| **all** | ${total.positives} | ${total.negatives} | ${total.tp} | ${total.fp} | ${total.fn} | ${pct(total.tp / Math.max(1, total.tp + total.fp))} | ${pct(total.tp / Math.max(1, total.tp + total.fn))} |`,
].join('\n');
console.log(table);
for (const miss of misses) console.log(`${miss.kind}: ${miss.where}  ${miss.text}`);
const worstPrecision = Math.min(...rows.map(row => row.precision));
const worstRecall = Math.min(...rows.map(row => row.recall));
if (write) {
  mkdirSync(path.join(root, 'bench', rule), { recursive: true });
  const body = [
    `# \`${rule}\`: precision and recall on the evaluation corpus`,
    '',
    heldout
      ? `Corpus: \`bench/corpus-heldout/${rule}/\`: verbatim files from public repositories, labelled by someone who did not read the rule. The code itself is not committed (third-party, licences unchecked); its README lists every source file and commit so the corpus can be rebuilt. Rerun: \`npm run build && node bench/eval.js ${rule} --heldout --write\`.`
      : `Corpus: \`bench/corpus/${rule}/\` (see its README for the labels and sources). Rerun: \`npm run build && node bench/eval.js ${rule} --write\`.`,
    `Engine: ESLint ${ESLint.version}, the built plugin, default options${ruleOptions.length ? ` plus ${JSON.stringify(ruleOptions)}` : ''}, per-family settings from \`settings.json\`. Node ${process.version}, ${new Date().toISOString().slice(0, 10)}.`,
    '',
    table,
    '',
    `Lowest per-family precision: ${pct(worstPrecision)} (bar: ≥ 95 %). Lowest per-family recall: ${pct(worstRecall)} (bar: ≥ 90 %).`,
    '',
    misses.length
      ? '## Misses and false positives\n\n' +
        misses
          .map(miss => `- ${miss.kind}: \`${miss.where}\` — \`${miss.text.replace(/`/g, "'")}\``)
          .join('\n')
      : 'No misses and no false positives.',
    '',
  ].join('\n');
  const suffix = heldout ? '-heldout' : '';
  const file = path.join(root, 'bench', rule, `RESULTS${suffix}.md`);
  // A hand-written `## History` section (the blind first run, say) survives reruns.
  const previous = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const history = previous.indexOf('\n## History');
  writeFileSync(file, history === -1 ? body : `${body}${previous.slice(history + 1)}`);
  writeFileSync(
    path.join(root, 'bench', rule, `results${suffix}.json`),
    JSON.stringify(
      {
        rule,
        corpus: heldout ? 'heldout' : 'own',
        eslint: ESLint.version,
        node: process.version,
        rows,
        total,
      },
      null,
      2,
    ) + '\n',
  );
}
