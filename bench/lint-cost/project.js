#!/usr/bin/env node
// Lint cost with project facts, on a real production service: the faultline recommended rules
// (project facts on, as they always are when ESLint gives rules its parser) against a parse-only
// ESLint run over the same files of novu's API, worker and their libraries, in their own folders,
// so project facts read the real project around each file (its package.json, its other modules).
// Bar (issue 12): recommended ≤ 1.10× parse-only.
//
// Every file is linted under every configuration back to back, in rotating order, so drift and
// background load hit all configurations alike. Two sums are reported: of each file's fastest pass
// (the intrinsic cost), and of every pass (which also carries what the fastest pass can hide:
// project facts re-listing a project once their 10 s cache expires, garbage collection).
// Usage: npm run build && node bench/lint-cost/project.js [--rounds 3] [--write]
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';

import { REPOSITORIES, materialise } from '../scale/mirror.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.join(here, '../..');
const roundsAt = process.argv.indexOf('--rounds');
const ROUNDS = roundsAt === -1 ? 3 : Number(process.argv[roundsAt + 1]);
const write = process.argv.includes('--write');
const NAME = 'novu';
const FOLDERS = ['apps/api/src', 'apps/worker/src', 'libs/application-generic/src', 'libs/dal/src'];
const TEST = /(\.(spec|test|e2e)\.ts$)|[\\/](__tests__|e2e|test|tests|__mocks__)[\\/]/;

const uptime = () =>
  execFileSync('uptime', { encoding: 'utf8' })
    .trim()
    .replace(/^.*load average/, 'load average');
const loadBefore = uptime();
mkdirSync(path.join(root, 'bench/scale/.work'), { recursive: true });
const project = materialise(NAME, path.join(root, 'bench/scale/.work'));
const plugin = (await import(path.join(root, 'rules/dist/index.js'))).default;

function list(dir, out = []) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules') list(full, out);
    } else if (/\.ts$/.test(entry.name) && !entry.name.endsWith('.d.ts') && !TEST.test(full)) out.push(full);
  }
  return out;
}
const files = FOLDERS.flatMap(folder => list(path.join(project, folder))).sort();
const inputs = files.map(filename => ({ filename, text: readFileSync(filename, 'utf8') }));
const withAxios = inputs.filter(input =>
  /from ['"]axios['"]|require\(['"]axios['"]\)/.test(input.text),
).length;

const recommended = Object.keys(plugin.configs.recommended.rules);
const CONFIGS = {
  'parse only (no rules)': {},
  'faultline recommended (project facts on)': Object.fromEntries(recommended.map(id => [id, 'error'])),
  // For scale: one ESLint core rule on the same files, and typescript-eslint's parse of them.
  'core: no-unused-vars': { 'no-unused-vars': 'error' },
  // The floor: what ESLint itself adds for one configured rule that does nothing at all.
  'reference: one rule with no listeners': { 'reference/nothing': 'error' },
};
const reference = { rules: { nothing: { meta: { type: 'problem', schema: [] }, create: () => ({}) } } };
const names = Object.keys(CONFIGS);
const { FlatConfigArray } = await import(
  path.join(root, 'node_modules/eslint/lib/config/flat-config-array.js')
);
const configs = names.map(name => {
  const array = new FlatConfigArray(
    [
      {
        files: ['**/*.ts'],
        plugins: { faultline: plugin, reference },
        languageOptions: { parser: tsParser },
        rules: CONFIGS[name],
        linterOptions: { noInlineConfig: true, reportUnusedDisableDirectives: 'off' },
      },
    ],
    { basePath: project },
  );
  array.normalizeSync();
  return array;
});
const linter = new Linter({ cwd: project });

const best = inputs.map(() => new Array(names.length).fill(Infinity));
const total = new Array(names.length).fill(0);
const cpuTotal = new Array(names.length).fill(0);
let findings = 0;
for (const input of inputs.slice(0, 100))
  for (const config of configs) linter.verify(input.text, config, { filename: input.filename });
let rotation = 0;
for (let round = 0; round < ROUNDS; round++) {
  inputs.forEach((input, index) => {
    for (let k = 0; k < names.length; k++) {
      const c = (k + rotation) % names.length;
      const cpu = process.cpuUsage();
      const start = process.hrtime.bigint();
      const messages = linter.verify(input.text, configs[c], { filename: input.filename });
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      const used = process.cpuUsage(cpu);
      if (round === 0 && names[c].startsWith('faultline'))
        findings += messages.filter(m => m.ruleId?.startsWith('faultline/')).length;
      total[c] += ms;
      cpuTotal[c] += (used.user + used.system) / 1000;
      if (ms < best[index][c]) best[index][c] = ms;
    }
    rotation++;
  });
}
const fastest = names.map((_, c) => best.reduce((sum, row) => sum + row[c], 0));
const loadAfter = uptime();
const rows = names.map((name, c) => ({
  name,
  fastestMs: fastest[c],
  fastestRatio: fastest[c] / fastest[0],
  allPassesMs: total[c],
  allPassesRatio: total[c] / total[0],
  cpuMs: cpuTotal[c],
  cpuRatio: cpuTotal[c] / cpuTotal[0],
}));
const x = value => `${value.toFixed(3)}×`;
const table = [
  '| configuration | fastest pass per file, summed (ms) | × parse-only | every pass, summed (ms) | × parse-only | CPU, every pass (ms) | × parse-only |',
  '|---|---:|---:|---:|---:|---:|---:|',
  ...rows.map(
    row =>
      `| ${row.name} | ${row.fastestMs.toFixed(0)} | ${x(row.fastestRatio)} | ${row.allPassesMs.toFixed(0)} | ${x(row.allPassesRatio)} | ${row.cpuMs.toFixed(0)} | ${x(row.cpuRatio)} |`,
  ),
].join('\n');
console.log(table);
console.log(`${inputs.length} files, ${withAxios} import axios, ${findings} faultline findings`);
if (write) {
  const { repo, commit, what } = REPOSITORIES[NAME];
  const bar = rows[1].fastestRatio <= 1.1 && rows[1].allPassesRatio <= 1.1;
  const lines = [
    '# Lint cost with project facts, on a production service',
    '',
    `Project: [${repo}](https://github.com/${repo}) at \`${commit}\` (${what}), materialised from a local mirror into \`bench/scale/.work/\` at run time (sources not committed).`,
    `Files: every non-test \`.ts\` file under ${FOLDERS.map(f => `\`${f}\``).join(', ')}: ${inputs.length} files (${withAxios} import axios, so project facts look for \`axios.defaults\` across their project), linted at their real paths so project facts read the real projects around them.`,
    `Linted in-process with ESLint ${Linter.version} (\`Linter#verify\`, @typescript-eslint/parser), ${ROUNDS} passes, configurations rotated per file; ${findings} faultline findings per pass.`,
    `Machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, shared with three other engineers; Node ${process.version}, ${new Date().toISOString().slice(0, 10)}. Load: before ${loadBefore}; after ${loadAfter}.`,
    'Rerun: `npm run bench:lint-cost` (also reruns the node_modules sample in RESULTS.md).',
    '',
    table,
    '',
    `Bar (issue 12): recommended with project facts ≤ 1.10× parse-only, on both sums: **${bar ? 'met' : 'NOT met'}**.`,
    '',
    "Where the time goes (CPU profiles of the recommended configuration over these files, 2026-12-04, after this round's changes): garbage collection about 25 % of all samples against about 17 % for parse-only, code inside the faultline rules about 6 % with all it calls, of which project facts are about 2 % (parsing the project modules a file's calls reach, once per module for the life of the process, and re-listing a project every 10 s). An empty rule (the \`reference\` row) already costs ESLint 2.5–4 %: a rule context per file, and a traversal that is no longer free. This round removed allocations the rules made per file (module resolutions cached per folder, file probes without exceptions, per-file caches as Maps, no WeakMaps keyed by the AST, the test-file check once per file) and the search of every function body for \`options.signal\` in files that never say \`signal\`; two runs after it gave 1.18× and 1.20× (1.19× before), so its effect is within the noise of this shared machine. The rest is spread thin over the rules' own work; the bar is not met. 2026-12-05: the signal carried by a parameter's declared type (project types read for an AbortSignal member) first cost 1.39× here; reading them only where they can matter, sharing the answers across files and parsing a module for them only when its text could declare one brought it back to 1.25× (fastest pass) and 1.19× (every pass). 2026-12-05, later: judging injected clients by the clients the project makes (every project is now read once for the clients its modules make, where before only projects that use axios were read) and following calls into the project's classes brought it to 1.26× (fastest pass) and 1.30× (every pass, which holds the first read of each project); re-checking a project's modules every 30 s instead of 10 s and looking for new ones every minute took back about 0.03 of that. 2026-12-05, sixth round: counting the clients made in the workspace packages a project depends on (novu's API and worker now see the AWS clients of \`libs/application-generic\`, so every call of theirs into the project is asked about) first cost 1.87×; sharing across files what a barrel's \`export *\` gives and which modules are worth reading, not counting barrels as a reason to read the modules that import them, trusting module reads for 30 s and not following calls into packages that make no such client brought it to 1.36–1.45× (fastest pass) over four runs that day (the run then recorded included). Without the workspace packages it measured 1.30× on the same machine: that is the price of the monorepo case, paid in every file of a package that depends on one making a deadline-less client. Nesting calls three levels and following DI tokens to their implementation cost about 0.06 (A/B). A/B profiles also show that rules' per-file state kept past the file (now dropped when the file's last rule is done) was not what doubles the minor garbage collections against parse-only; the traversal ESLint does once any rule listens, and the rules' own allocations, are. 2026-12-05, seventh round (the table above, on a quieter machine): Sequelize, TypeORM and ofetch in the catalog, the fixes from the precision audits (bench/production/audit/), and a cache of the types an \`export *\` list gives: 1.32× (fastest pass) and 1.34× (every pass). A/B runs of this round's build against the build at its start, interleaved per file over 600 of these files, measured within noise of each other (1.20–1.30× both). 2026-12-05, eighth round: calls into project functions that send a fetch or axios request with no deadline (a name index of the project's functions) first cost 1.45× (fastest pass) and 1.42× (every pass); a CPU profile then showed require-timeout's lookups through novu's barrels (\`export *\` lists of hundreds of modules, each re-resolved for every type name a file asks about, and misses past the second level never kept) at about a fifth of all the rules' time. Resolving a barrel's list once per version of the barrel and keeping every miss not cut short by a bound brought it to 1.33× (fastest pass) and 1.37× (every pass; the table above). The bar is not met. 2026-12-05, tenth round (the table above, rerun after this session's precision fixes on a quieter machine, load 0.6–1.6): 1.30× (fastest pass) and 1.41× (every pass). The every-pass sum holds each project's first read, to which this session added two cheap text tests per module (the ORM engines a module names, a global undici dispatcher) and a parse of the few modules that pass them; the rules' per-file work changed only where a finding is about to be reported (who waits for a call) or a fan-out's collection is judged. Runs on this machine have moved by ±0.05 between consecutive runs of one build (the ninth round's two runs: 1.29× and 1.38×), so this round's change is within that noise. The bar is not met. 2026-12-05, eleventh round: this session's rule changes (a view of the rule context that drops reports in development-only code, the browser-module test of require-timeout, transaction decorators, drained batches and small lists returned by local functions in no-unbounded-fanout, gRPC stubs recognised by their Metadata) measured no cost in an A/B run interleaved per file over all 1462 files against the build at its start (\`c87ef52\`): 1.264× against 1.268× (fastest pass), 1.332× against 1.337× (every pass), on a machine loaded by another engineer's audit (load 2.0–2.8); a plain run of this script under that load gave 1.40× and 1.48× (no-unused-vars: 1.14×, against 1.11× on the quiet machine of the table above), so the table is left as it was measured. The bar is not met. 2026-12-06, twelfth round: this session's changes (calls into project client classes through the project's own fetch wrapper, instances other modules export followed to their class, a name index that sees type arguments, who waits asked across the package's modules just before a report, guarded retry counters, fallbacks, job-state polls, inline pub/sub subscribers) measured no added cost in an A/B run interleaved per file over all 1462 files against the build at its start (\`7af686e\`), on a machine loaded by two helpers' audits: 1.264× against 1.343× (fastest pass), 1.377× against 1.454× (every pass). The table is left as it was measured. The bar is not met. 2026-12-06, thirteenth round: a CPU profile showed a fifth of require-timeout's project work in \`stat\` calls of module resolution (a dozen candidate files probed per specifier, again whenever the 30 s trust expired) and a re-read of a workspace package's package.json for every folder importing it; probes now read each folder's listing once per period, and package entries are kept as long. An A/B run interleaved per file over all 1462 files, on a machine loaded by an audit re-score, measured that change (with who-waits through functions of the importing module) at 1.309× against 1.363× (fastest pass) and 1.384× against 1.404× (every pass), against the build after this round's first commit (\`1c8429c\`). The round's last build (\`c713b46\`: also answers no longer depending on file order, a module budget that counts every module a question visits (250, from 60 newly read), static and instance methods followed) against the same base: 1.287× against 1.311× (fastest pass), 1.289× against 1.286× (every pass). The table is left as it was measured. The bar is not met. 2026-12-06, fourteenth round: project modules were parsed with the parser's `parseForESLint`, which also builds tokens, comments and a whole scope analysis that project facts never read; they are now parsed as a tree alone by the parser's own typescript-estree (2.1× faster, half the memory a kept module holds), and the tsconfig and package.json files every new folder asks for are read once per period instead of once per folder. On novu that is 420 modules parsed once per process; the live heap after a full collection went from 115 MB to 90 MB (parse-only: 47 MB). A/B interleaved per file over all 1462 files against the build at the start of the round (`ec57e09`), run twice: every pass 1.313× against 1.366× and 1.319× against 1.438×; fastest pass 1.295× against 1.294× and 1.289× against 1.311× (the change pays in the first read of each project, which only the every-pass sum holds). A steady-state CPU profile (passes 2 and 3, after every project is read) puts the remaining gap at about 44 % more minor garbage collection, 25 % more time in ESLint itself (the traversal and code path analysis it runs once any rule is on) and 30 % in the rules' own code, spread thin (no function above 0.5 % of samples); the rules allocate 4 % of all bytes allocated, but the files' trees live longer. Measured in separate processes rather than interleaved, one rule with no listeners at all already costs 1.25–1.45× over parse-only here (ESLint's traversal and its garbage), which the interleaved `reference` row does not show: the interleaved sums favour every configuration with rules alike. The bar is not met. At the end of the round (`10daa45`: also the per-request undici dispatcher, fix texts that follow the declared client version and requests handed to `waitUntil`), an A/B run against `ec57e09` on a quiet machine (load 0.1): fastest pass 1.246× against 1.244×, every pass 1.308× against 1.415×. 2026-12-06, fifteenth round: requests to a URL fixed to this machine (the URL read only for a call about to be reported), who waits through promise executors, helpers that call what they are given and public methods of the same name elsewhere, Rush monorepos, two bounded fan-out shapes, axios's version read for its `signal`, and a same-file type's AbortSignal member. A/B runs interleaved per file over all 1462 files against the build at the start of the round (`4320c8c`): midway (`9f34cec`, load 1.6–1.9) fastest pass 1.222× against 1.224×, every pass 1.224× against 1.239×; at the end (`51808bb`, load 1.0, run twice) fastest pass 1.244× against 1.215× and 1.262× against 1.241×, every pass 1.289× against 1.277× and 1.309× against 1.365×: within the ±0.05 these runs move between consecutive runs of one build. The table above is the plain run that followed. The bar is not met.",
    '',
  ];
  writeFileSync(path.join(here, 'RESULTS-project.md'), lines.join('\n'));
  writeFileSync(
    path.join(here, 'results-project.json'),
    JSON.stringify(
      {
        repo,
        commit,
        eslint: Linter.version,
        node: process.version,
        files: inputs.length,
        withAxios,
        findings,
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
