#!/usr/bin/env node
// bench/scale: the recommended faultline config over a large production repository with ESLint's
// own `--concurrency` (worker threads; each worker builds its own project facts): wall and CPU
// time at `--concurrency 1` (ESLint's "off": the main thread), `auto`, and 2 (two workers), and
// whether every run gives exactly the same findings.
//
// The repository is novu (pinned in mirror.js), materialised from its local mirror into
// bench/scale/.work/ (git-ignored). Each run is a fresh `eslint` process (the CLI, as CI runs it)
// under /usr/bin/time; runs of the modes are interleaved, round by round, so load on the shared
// machine falls on all alike; the machine load (`uptime`) is recorded before and after each run.
//
//   npm run bench:scale                       # build, measure, write RESULTS.md and results.json
//   node bench/scale/run.js [--rounds 2] [--write]
import { spawnSync, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import { REPOSITORIES, materialise } from './mirror.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const work = path.join(here, '.work');
const write = process.argv.includes('--write');
const roundsAt = process.argv.indexOf('--rounds');
const ROUNDS = roundsAt === -1 ? 2 : Number(process.argv[roundsAt + 1]);
const MODES = ['1', 'auto', '2'];
const NAME = 'novu';

fs.mkdirSync(work, { recursive: true });
const project = materialise(NAME, work);
const eslintBin = path.join(root, 'node_modules/eslint/bin/eslint.js');
const eslintVersion = JSON.parse(
  fs.readFileSync(path.join(root, 'node_modules/eslint/package.json'), 'utf8'),
).version;

// The config a team would write: the recommended rules over every TypeScript file, with the
// TypeScript parser and nothing else. Inline directives of the project's own config (rules we do
// not load) are ignored, so only faultline's findings are compared.
const config = path.join(work, 'eslint.config.mjs');
const url = file => pathToFileURL(file).href;
fs.writeFileSync(
  config,
  `import faultline from ${JSON.stringify(url(path.join(root, 'rules/dist/index.js')))};
import tsParser from ${JSON.stringify(url(path.join(root, 'node_modules/@typescript-eslint/parser/dist/index.js')))};

export default [
  { ignores: ['**/node_modules/**', '**/dist/**', '**/build/**', '**/*.d.ts'] },
  { files: ['**/*.{ts,tsx,mts,cts}'], languageOptions: { parser: tsParser } },
  faultline.configs.recommended,
  { linterOptions: { noInlineConfig: true, reportUnusedDisableDirectives: 'off' } },
];
`,
);

const uptime = () =>
  execFileSync('uptime', { encoding: 'utf8' })
    .trim()
    .replace(/^.*load average/, 'load average');

/** One lint of the whole repository: times from /usr/bin/time, and the findings. */
function lint(mode, round) {
  const out = path.join(work, `findings-${mode}-${round}.json`);
  const before = uptime();
  const result = spawnSync(
    '/usr/bin/time',
    [
      '-f',
      'TIME %e %U %S %M',
      process.execPath,
      eslintBin,
      '--config',
      config,
      '--concurrency',
      mode,
      '--format',
      'json',
      '--output-file',
      out,
      '--stats',
      '.',
    ],
    { cwd: project, encoding: 'utf8', maxBuffer: 1 << 28 },
  );
  const after = uptime();
  const timing = /TIME ([\d.]+) ([\d.]+) ([\d.]+) (\d+)/.exec(result.stderr ?? '');
  if (!timing || (result.status !== 0 && result.status !== 1))
    throw new Error(`eslint --concurrency ${mode} failed (exit ${result.status}):\n${result.stderr}`);
  const results = JSON.parse(fs.readFileSync(out, 'utf8'));
  const findings = [];
  let fatal = 0;
  for (const file of results)
    for (const message of file.messages) {
      if (message.fatal) fatal++;
      findings.push(
        `${path.relative(project, file.filePath)}:${message.line}:${message.column} ${message.ruleId} ${message.message}`,
      );
    }
  fs.rmSync(out);
  return {
    mode,
    round,
    wallS: Number(timing[1]),
    cpuS: Number(timing[2]) + Number(timing[3]),
    maxRssMb: Math.round(Number(timing[4]) / 1024),
    files: results.length,
    fatal,
    findings: findings.sort(),
    loadBefore: before,
    loadAfter: after,
  };
}

const runs = [];
for (let round = 0; round < ROUNDS; round++)
  for (const mode of round % 2 === 0 ? MODES : [...MODES].reverse()) {
    const run = lint(mode, round);
    console.log(
      `round ${round + 1} --concurrency ${mode}: ${run.wallS} s wall, ${run.cpuS.toFixed(1)} s CPU, ${run.files} files, ${run.findings.length} findings (${run.loadBefore})`,
    );
    runs.push(run);
  }

const reference = runs[0].findings;
const identical = runs.every(
  run => run.findings.length === reference.length && run.findings.every((f, i) => f === reference[i]),
);
const median = values => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const rows = MODES.map(mode => {
  const mine = runs.filter(run => run.mode === mode);
  return {
    mode,
    wallS: median(mine.map(run => run.wallS)),
    cpuS: median(mine.map(run => run.cpuS)),
    maxRssMb: Math.max(...mine.map(run => run.maxRssMb)),
    files: mine[0].files,
    findings: mine[0].findings.length,
  };
});
const base = rows[0];
const autoWorkers = (() => {
  const max = os.availableParallelism() >> 1;
  return max <= 1 ? 0 : max;
})();
const describeMode = mode =>
  mode === '1'
    ? '`--concurrency 1` (main thread)'
    : mode === 'auto'
      ? `\`--concurrency auto\` (${autoWorkers === 0 ? 'here: main thread, as ESLint runs at most half the cores as workers and never 1' : `${autoWorkers} workers`})`
      : `\`--concurrency ${mode}\` (${mode} worker threads)`;
const table = [
  '| run | wall time (s) | speed-up | CPU time (s) | peak RSS (MB) | files | findings |',
  '|---|---:|---:|---:|---:|---:|---:|',
  ...rows.map(
    row =>
      `| ${describeMode(row.mode)} | ${row.wallS.toFixed(1)} | ${(base.wallS / row.wallS).toFixed(2)}× | ${row.cpuS.toFixed(1)} | ${row.maxRssMb} | ${row.files} | ${row.findings} |`,
  ),
].join('\n');
console.log(table);
console.log(`identical findings in every run: ${identical}`);
if (!identical) process.exitCode = 1;

if (write) {
  const { repo, commit, what } = REPOSITORIES[NAME];
  const lines = [
    '# Scale: ESLint `--concurrency` on a large production repository',
    '',
    `Repository: [${repo}](https://github.com/${repo}) at \`${commit}\` (${what}), materialised from a local mirror at run time; its sources are not committed.`,
    `Every \`.ts/.tsx/.mts/.cts\` file outside \`node_modules\`, \`dist\`, \`build\` and \`.d.ts\` (${base.files} files), linted by the ESLint ${eslintVersion} CLI with the faultline recommended config and @typescript-eslint/parser (the config is written by run.js; the project's own inline directives are ignored).`,
    `Each run is a fresh \`eslint --concurrency N --format json .\` process under \`/usr/bin/time\`; ${ROUNDS} rounds, modes interleaved (reversed every other round); wall and CPU time (user + system, all threads) are medians, peak RSS the maximum.`,
    `Machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'} **shared with three other engineers' processes** (load averages per run below), Node ${process.version}, ${new Date().toISOString().slice(0, 10)}.`,
    'Rerun: `npm run bench:scale`.',
    '',
    table,
    '',
    `**Findings identical in every run: ${identical ? 'yes' : 'NO'}** (${reference.length} findings, compared as sorted \`file:line:column rule message\` lists; ${runs[0].fatal} parse errors).`,
    '',
    `On this 2-core machine ESLint's \`auto\` starts no worker (it uses at most half of \`os.availableParallelism()\`, and never a single worker), so \`auto\` is the main-thread run again, plus its file counting; \`--concurrency 2\` is the run with real worker threads, each building its own project facts. With two cores shared by four people, a speed-up here measures the machine more than ESLint: CPU time is the steadier number (workers add their own module loading and project facts, so CPU time grows while wall time falls on an idle machine).`,
    '',
    '| round | run | wall (s) | CPU (s) | load before | load after |',
    '|---:|---|---:|---:|---|---|',
    ...runs.map(
      run =>
        `| ${run.round + 1} | \`--concurrency ${run.mode}\` | ${run.wallS.toFixed(1)} | ${run.cpuS.toFixed(1)} | ${run.loadBefore} | ${run.loadAfter} |`,
    ),
    '',
  ];
  fs.writeFileSync(path.join(here, 'RESULTS.md'), lines.join('\n'));
  fs.writeFileSync(
    path.join(here, 'results.json'),
    JSON.stringify(
      {
        repo,
        commit,
        eslint: eslintVersion,
        node: process.version,
        cpus: os.cpus().length,
        rounds: ROUNDS,
        identical,
        findings: reference.length,
        rows,
        runs: runs.map(({ findings, ...run }) => ({ ...run, findings: findings.length })),
      },
      null,
      2,
    ) + '\n',
  );
}
