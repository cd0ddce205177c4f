#!/usr/bin/env node
// bench/extract: the two measured parts of issue 9.
//
// 1. Parity oracle. es-toolkit (toss/es-toolkit, pinned by commit), a TypeScript utility library
//    nobody here wrote, with a vitest spec next to each function. Six exports with concrete
//    signatures are extracted with `faultline extract` into a throwaway git repository under
//    bench/extract/.work/ (git-ignored, so fastify and @faultline/runtime resolve from this
//    repository's node_modules); the service and its client are built with tsc, the service is
//    started on 127.0.0.1, and the library's OWN spec files for those exports run through the
//    generated client after a mechanical transform (spec-transform.js: the import is redirected,
//    calls are awaited). The same transformed specs also run against the library in-process, to
//    show the transform itself changes no verdict. Nothing is tuned: a failure is a finding.
// 2. Timings. (a) `faultline extract` on examples/ (4 exports, fresh output each run): median wall
//    of RUNS runs, bar ≤ 5 s. (b) extract of three exports of es-toolkit (≥ 200 files) against
//    `faultline analyze` of the same exports on the same tsconfig, interleaved, bar ≤ 1.5×.
//    As bench/analyze: /usr/bin/time -v for wall and max RSS, one warm-up each, medians.
//
// The library's files are never committed: they are materialised at run time from the mirror
// (`git archive <commit>`), or, without it, from GitHub's tarball of the same commit.
//
//   node bench/extract/run.js            # measure and print
//   node bench/extract/run.js --write    # also write RESULTS.md and results.json
//   PART=parity|timing RUNS=7 node bench/extract/run.js
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { transformSpec } from './spec-transform.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const work = path.join(here, '.work');
const bin = path.join(root, 'packages/cli/dist/bin.js');
const tscBin = path.join(root, 'node_modules/typescript/bin/tsc');
const vitestBin = path.join(root, 'node_modules/vitest/vitest.mjs');

const LIBRARY = {
  repo: 'toss/es-toolkit',
  commit: 'a1918b04e0e46e70000e0b6b048f1aabaafc1afb',
  version: '1.51.0',
  mirror: '/work/.mirror/toss+es-toolkit/repo',
};
/** Exports under the parity oracle, and the spec that tests each (the library's own). */
const PARITY = {
  camelCase: 'src/string/camelCase.spec.ts',
  words: 'src/string/words.spec.ts',
  trim: 'src/string/trim.spec.ts',
  round: 'src/math/round.spec.ts',
  mean: 'src/math/mean.spec.ts',
  median: 'src/math/median.spec.ts',
};
const TIMED_EXPORTS = ['camelCase', 'trim', 'round'];
const EXAMPLE_EXPORTS = ['computeQuote', 'taxFor', 'summarizeOrders', 'convert'];
const RUNS = Number(process.env.RUNS ?? 7);
const PART = process.env.PART ?? 'all';
const write = process.argv.includes('--write');

const short = LIBRARY.commit.slice(0, 12);
const pristine = path.join(work, `es-toolkit-${short}`);
const built = path.join(work, `es-toolkit-${short}-build`);

// A fixed tsconfig, ours, so the input does not drift with the library's own (which also pulls in
// its 691 specs and scripts): every source file under src/, no specs.
const BENCH_TSCONFIG = {
  compilerOptions: {
    lib: ['ESNext', 'DOM'],
    target: 'ESNext',
    module: 'ESNext',
    moduleResolution: 'Bundler',
    allowImportingTsExtensions: true,
    noEmit: true,
    strict: true,
    skipLibCheck: true,
    types: ['node'],
  },
  include: ['src/**/*.ts'],
  exclude: ['src/**/*.spec.ts'],
};

const log = message => process.stdout.write(`${message}\n`);
const json = value => `${JSON.stringify(value, null, 2)}\n`;

/** Runs a command to completion; throws with its output when it fails. */
function sh(command, args, options = {}) {
  const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, ...options });
  if (result.status !== 0 && !options.allowFailure)
    throw new Error(
      `${command} ${args.join(' ')} exited ${result.status}:\n${result.stdout}\n${result.stderr}`,
    );
  return result;
}

/** The library's tree at the pinned commit, unpacked once into .work/. */
function materialise(dir) {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  if (fs.existsSync(LIBRARY.mirror)) {
    const archive = execFileSync('git', ['--git-dir', LIBRARY.mirror, 'archive', LIBRARY.commit], {
      maxBuffer: 1024 * 1024 * 1024,
    });
    execFileSync('tar', ['x', '-C', dir], { input: archive });
  } else {
    const tarball = path.join(work, `es-toolkit-${short}.tar.gz`);
    sh('curl', [
      '-fsSL',
      '-o',
      tarball,
      `https://codeload.github.com/${LIBRARY.repo}/tar.gz/${LIBRARY.commit}`,
    ]);
    sh('tar', ['xzf', tarball, '-C', dir, '--strip-components=1']);
  }
  fs.writeFileSync(path.join(dir, 'tsconfig.bench.json'), json(BENCH_TSCONFIG));
}

/**
 * The library built as a package, for the service's `import … from 'es-toolkit'` (wrap mode). Its
 * package.json exports point at src/*.ts and its sources import with `.ts` extensions or none, which
 * Node 20 cannot run; its own build (tsdown) bundles. So esbuild bundles src/index.ts into one ES
 * module, tsc writes the declarations, and a manifest naming both stands in for the published one.
 */
async function prepare() {
  if (!fs.existsSync(path.join(pristine, 'tsconfig.bench.json'))) materialise(pristine);
  if (fs.existsSync(path.join(built, 'package.json'))) return;
  log(`building ${LIBRARY.repo}@${short} (esbuild bundle, tsc declarations; once)`);
  fs.rmSync(built, { recursive: true, force: true });
  const { build } = await import('esbuild');
  await build({
    entryPoints: [path.join(pristine, 'src/index.ts')],
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    outfile: path.join(built, 'dist/index.js'),
    logLevel: 'warning',
  });
  const tsconfig = path.join(pristine, 'tsconfig.build.json');
  fs.writeFileSync(
    tsconfig,
    json({
      compilerOptions: {
        ...BENCH_TSCONFIG.compilerOptions,
        allowImportingTsExtensions: false,
        noEmit: false,
        rewriteRelativeImportExtensions: true,
        declaration: true,
        emitDeclarationOnly: true,
        rootDir: 'src',
        outDir: path.relative(pristine, path.join(built, 'dist')),
      },
      include: BENCH_TSCONFIG.include,
      exclude: BENCH_TSCONFIG.exclude,
    }),
  );
  sh(process.execPath, [tscBin, '-p', tsconfig], { cwd: pristine });
  fs.writeFileSync(
    path.join(built, 'package.json'),
    json({
      name: 'es-toolkit',
      version: LIBRARY.version,
      type: 'module',
      exports: { '.': { types: './dist/index.d.ts', default: './dist/index.js' } },
    }),
  );
}

/** A fresh git repository under .work/ holding a copy of the pristine library. */
function freshRepository(name) {
  const repo = path.join(work, name);
  fs.rmSync(repo, { recursive: true, force: true });
  fs.mkdirSync(repo, { recursive: true });
  fs.cpSync(pristine, path.join(repo, 'es-toolkit'), {
    recursive: true,
    filter: source => !source.endsWith('tsconfig.build.json'),
  });
  sh('git', ['init', '-q'], { cwd: repo });
  return repo;
}

const sourceFiles = dir =>
  sh('find', [
    path.join(dir, 'src'),
    '-name',
    '*.ts',
    '-not',
    '-name',
    '*.spec.ts',
    '-not',
    '-name',
    '*.d.ts',
  ])
    .stdout.trim()
    .split('\n').length;

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Starts `node dist/main.js` of the generated service on loopback and waits for /readyz. */
async function startService(dir) {
  const port = await freePort();
  const child = spawn(process.execPath, ['dist/main.js'], {
    cwd: dir,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', chunk => (output += chunk));
  child.stderr.on('data', chunk => (output += chunk));
  const exited = new Promise(resolve => child.on('exit', resolve));
  const baseUrl = `http://127.0.0.1:${port}`;
  const started = Date.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the service exited (${child.exitCode}):\n${output}`);
    try {
      const response = await fetch(`${baseUrl}/readyz`, { signal: AbortSignal.timeout(500) });
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() - started > 30_000) {
      child.kill('SIGKILL');
      throw new Error(`the service did not become ready in 30 s:\n${output}`);
    }
    await new Promise(resolve => setTimeout(resolve, 100));
  }
  return { child, baseUrl, exited, output: () => output };
}

/** Runs the transformed specs with vitest against one target; the per-test results by export. */
function runSpecs(dir, target, env) {
  const outputFile = path.join(dir, `vitest-${target}.json`);
  const result = sh(
    process.execPath,
    [
      vitestBin,
      'run',
      '--root',
      dir,
      '--config',
      path.join(dir, 'vitest.config.mjs'),
      '--reporter=json',
      '--outputFile',
      outputFile,
    ],
    { cwd: dir, env: { ...process.env, ...env, PARITY_TARGET: target }, allowFailure: true },
  );
  if (!fs.existsSync(outputFile))
    throw new Error(`vitest wrote no report (${result.status}):\n${result.stderr}`);
  const report = JSON.parse(fs.readFileSync(outputFile, 'utf8'));
  const byExport = {};
  for (const file of report.testResults) {
    const name = path.basename(file.name, '.spec.ts');
    if (file.assertionResults.length === 0)
      throw new Error(`${file.name} ran no test (${file.status}): ${file.message ?? ''}`);
    byExport[name] = {
      run: file.assertionResults.length,
      passed: file.assertionResults.filter(test => test.status === 'passed').length,
      failed: file.assertionResults.filter(test => test.status === 'failed').length,
      failures: file.assertionResults
        .filter(test => test.status === 'failed')
        .map(test => ({
          case: test.fullName,
          why: (test.failureMessages[0] ?? '')
            .replace(/\u001b\[[\d;]*m/g, '')
            .split('\n')
            .filter(line => !/^\s+at /.test(line))
            .slice(0, 6)
            .join('\n')
            .trim(),
        })),
    };
  }
  return byExport;
}

async function parity() {
  const repo = freshRepository('parity');
  const exports = Object.keys(PARITY);
  const service = 'es-toolkit-parity';
  log(`\nparity: ${LIBRARY.repo}@${short}, exports ${exports.join(', ')}`);
  const extracted = sh(
    process.execPath,
    [
      bin,
      'extract',
      'es-toolkit/tsconfig.bench.json',
      '--export',
      exports.join(','),
      '--service',
      service,
      '--json',
      '--no-progress',
    ],
    { cwd: repo },
  );
  const summary = JSON.parse(extracted.stdout);
  const serviceDir = path.join(repo, 'services', service);
  if (!fs.existsSync(path.join(serviceDir, 'src/server.ts')))
    throw new Error(`extract wrote no service at ${serviceDir}:\n${extracted.stdout}`);
  // The service imports 'es-toolkit' (wrap mode): the compiled library, as a workspace would link it.
  fs.mkdirSync(path.join(repo, 'node_modules'), { recursive: true });
  fs.symlinkSync(built, path.join(repo, 'node_modules/es-toolkit'), 'dir');
  for (const project of ['.', 'client']) {
    const compiled = sh(process.execPath, [tscBin, '-p', project], { cwd: serviceDir, allowFailure: true });
    if (compiled.status !== 0)
      throw new Error(
        `tsc -p ${project} in the generated service failed:\n${compiled.stdout}${compiled.stderr}`,
      );
  }
  const clientEntry = path.join(serviceDir, 'client/dist/index.js');
  const client = await import(clientEntry);
  const factory = Object.keys(client).find(name => /^create\w+Client$/.test(name));
  if (!factory)
    throw new Error(`the generated client exports no create…Client: ${Object.keys(client).join(', ')}`);

  // The transformed specs and the module they import the functions under test from.
  const specs = path.join(repo, 'parity');
  fs.mkdirSync(specs);
  const transforms = {};
  for (const [name, spec] of Object.entries(PARITY)) {
    const specFile = path.join(repo, 'es-toolkit', spec);
    const outFile = path.join(specs, `${name}.spec.ts`);
    const result = transformSpec(fs.readFileSync(specFile, 'utf8'), {
      specFile,
      outFile,
      exports: [name],
      target: './target.ts',
    });
    fs.writeFileSync(outFile, result.text);
    transforms[name] = { spec, awaitedCalls: result.calls };
  }
  const libraryIndex = path
    .relative(specs, path.join(repo, 'es-toolkit/src/index.ts'))
    .split(path.sep)
    .join('/');
  fs.writeFileSync(
    path.join(specs, 'target.ts'),
    `// Written by bench/extract/run.js: the functions under test, from the library in-process
// (PARITY_TARGET=local) or from the generated client calling the service (PARITY_TARGET=remote).
if (process.env.PARITY_TARGET === 'remote' && !process.env.PARITY_BASE_URL) throw new Error('PARITY_BASE_URL is not set');
// PARITY_TARGET=control answers every call with undefined: a negative control showing that the
// transformed assertions do fail when the answers are wrong.
const impl: Record<string, (...args: unknown[]) => unknown> =
  process.env.PARITY_TARGET === 'remote'
    ? (await import(${JSON.stringify(clientEntry)})).${factory}({ baseUrl: process.env.PARITY_BASE_URL })
    : process.env.PARITY_TARGET === 'control'
      ? new Proxy({}, { get: () => async () => undefined })
      : await import(${JSON.stringify(`./${libraryIndex}`)});
${exports.map(name => `export const ${name} = (...args: unknown[]) => impl.${name}!(...args);`).join('\n')}
`,
  );
  fs.writeFileSync(
    path.join(specs, 'vitest.config.mjs'),
    `export default { test: { include: ['*.spec.ts'] } };\n`,
  );

  const local = runSpecs(specs, 'local', {});
  const control = runSpecs(specs, 'control', {});
  const started = await startService(serviceDir);
  let remote;
  const wire = [];
  try {
    remote = runSpecs(specs, 'remote', { PARITY_BASE_URL: started.baseUrl });
    // What two of the cases look like on the wire, to show the calls really crossed it.
    for (const [operation, body] of [
      ['mean', { nums: [] }],
      ['round', { value: 1.2345, precision: 3.1 }],
    ]) {
      const response = await fetch(`${started.baseUrl}/rpc/${operation}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(10_000),
      });
      wire.push({ operation, request: body, status: response.status, response: await response.text() });
    }
  } finally {
    started.child.kill('SIGTERM');
    await started.exited;
  }
  const perExport = Object.fromEntries(
    exports.map(name => [
      name,
      {
        ...transforms[name],
        local: local[name],
        remote: remote[name],
        control: { run: control[name].run, failed: control[name].failed },
      },
    ]),
  );
  for (const [name, result] of Object.entries(perExport))
    log(
      `  ${name.padEnd(10)} ${result.remote.run} cases: remote ${result.remote.passed} passed, ${result.remote.failed} failed; local ${result.local.passed}/${result.local.run} passed; control ${result.control.failed}/${result.control.run} failed`,
    );
  for (const call of wire)
    log(
      `  wire: POST /rpc/${call.operation} ${JSON.stringify(call.request)} → ${call.status} ${call.response}`,
    );
  return {
    library: { ...LIBRARY, mirror: undefined, files: sourceFiles(pristine) },
    exports,
    mode: 'wrap',
    operations: summary.operations,
    filesWritten: summary.files.length,
    perExport,
    wire,
    totals: {
      run: exports.reduce((total, name) => total + perExport[name].remote.run, 0),
      passed: exports.reduce((total, name) => total + perExport[name].remote.passed, 0),
      failed: exports.reduce((total, name) => total + perExport[name].remote.failed, 0),
      localPassed: exports.reduce((total, name) => total + perExport[name].local.passed, 0),
      controlFailed: exports.reduce((total, name) => total + perExport[name].control.failed, 0),
    },
  };
}

/** Runs node with args under /usr/bin/time -v: wall seconds, max RSS in MiB, exit code. */
function measure(args, cwd) {
  const result = spawnSync('/usr/bin/time', ['-v', process.execPath, ...args], {
    cwd,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const wall = /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)/.exec(
    result.stderr,
  );
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(result.stderr);
  if (!wall || !rss) throw new Error(`cannot read /usr/bin/time output:\n${result.stderr.slice(-2000)}`);
  if (result.status !== 0)
    throw new Error(
      `${args.join(' ')} exited ${result.status}:\n${result.stdout}\n${result.stderr.slice(-3000)}`,
    );
  const seconds = Number(wall[1] ?? 0) * 3600 + Number(wall[2]) * 60 + Number(wall[3]);
  const user = /User time \(seconds\): ([\d.]+)/.exec(result.stderr);
  const system = /System time \(seconds\): ([\d.]+)/.exec(result.stderr);
  const cpuSeconds = Number(user?.[1] ?? NaN) + Number(system?.[1] ?? NaN);
  return { seconds, cpuSeconds, rssMiB: Number(rss[1]) / 1024 };
}

const median = values => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const stats = runs => ({
  medianSeconds: Number(median(runs.map(run => run.seconds)).toFixed(2)),
  medianCpuSeconds: Number(median(runs.map(run => run.cpuSeconds)).toFixed(2)),
  cpuRuns: runs.map(run => Number(run.cpuSeconds.toFixed(2))),
  maxRssMiB: Math.round(Math.max(...runs.map(run => run.rssMiB))),
  runs: runs.map(run => run.seconds),
});

/** Where one in-process extract spends its time, stage by stage (ms; one run, see stages.js). */
function stages(cwd, library, exports, service) {
  const result = sh(
    process.execPath,
    [path.join(here, 'stages.js'), cwd, library, exports.join(','), service],
    {
      cwd,
    },
  );
  const breakdown = JSON.parse(result.stdout);
  log(`  stages (ms, one in-process run): ${JSON.stringify(breakdown)}`);
  return breakdown;
}

function timings() {
  const loads = [];
  // (a) the example library, in its own repository as the end-to-end test has it.
  const exampleRepo = path.join(work, 'timing-example');
  fs.rmSync(exampleRepo, { recursive: true, force: true });
  fs.mkdirSync(exampleRepo, { recursive: true });
  fs.cpSync(path.join(root, 'examples'), path.join(exampleRepo, 'examples'), { recursive: true });
  sh('git', ['init', '-q'], { cwd: exampleRepo });
  const exampleOut = path.join(exampleRepo, 'examples/services/pricing');
  const exampleArgs = [
    bin,
    'extract',
    'examples/packages/shared',
    '--export',
    EXAMPLE_EXPORTS.join(','),
    '--service',
    'pricing',
    '--json',
    '--no-progress',
  ];
  log(
    `\ntiming (a): faultline extract on examples/ (${EXAMPLE_EXPORTS.join(', ')}), ${RUNS} runs, fresh output each`,
  );
  const example = [];
  for (let run = -1; run < RUNS; run++) {
    fs.rmSync(exampleOut, { recursive: true, force: true });
    const result = measure(exampleArgs, exampleRepo);
    if (!fs.existsSync(path.join(exampleOut, '.faultline/manifest.json')))
      throw new Error('extract wrote no manifest');
    if (run < 0) continue; // warm-up
    example.push(result);
    loads.push(Number(os.loadavg()[0].toFixed(2)));
    log(
      `  run ${run + 1}: ${result.seconds.toFixed(2)} s (cpu ${result.cpuSeconds.toFixed(2)} s) ${result.rssMiB.toFixed(0)} MiB, load ${os.loadavg()[0].toFixed(1)}`,
    );
  }

  fs.rmSync(exampleOut, { recursive: true, force: true });
  const exampleStages = stages(exampleRepo, 'examples/packages/shared', EXAMPLE_EXPORTS, 'pricing');

  // (b) es-toolkit: extract against analyze of the same exports, same tsconfig, interleaved.
  const repo = freshRepository('timing-large');
  const files = sourceFiles(path.join(repo, 'es-toolkit'));
  const tsconfig = 'es-toolkit/tsconfig.bench.json';
  const largeOut = path.join(repo, 'services/es-toolkit-timed');
  const analyzeArgs = [
    bin,
    'analyze',
    tsconfig,
    '--export',
    TIMED_EXPORTS.join(','),
    '--json',
    '--no-progress',
  ];
  const extractArgs = [
    bin,
    'extract',
    tsconfig,
    '--export',
    TIMED_EXPORTS.join(','),
    '--service',
    'es-toolkit-timed',
    '--json',
    '--no-progress',
  ];
  log(
    `\ntiming (b): ${LIBRARY.repo}@${short} (${files} .ts files), exports ${TIMED_EXPORTS.join(', ')}, ${RUNS} interleaved runs each`,
  );
  const analyze = [];
  const extract = [];
  for (let run = -1; run < RUNS; run++) {
    const a = measure(analyzeArgs, repo);
    fs.rmSync(largeOut, { recursive: true, force: true });
    const e = measure(extractArgs, repo);
    if (!fs.existsSync(path.join(largeOut, '.faultline/manifest.json')))
      throw new Error('extract wrote no manifest');
    if (run < 0) continue; // warm-up of both
    analyze.push(a);
    loads.push(Number(os.loadavg()[0].toFixed(2)));
    extract.push(e);
    log(
      `  run ${run + 1}: analyze ${a.seconds.toFixed(2)} s (cpu ${a.cpuSeconds.toFixed(2)}) ${a.rssMiB.toFixed(0)} MiB · extract ${e.seconds.toFixed(2)} s (cpu ${e.cpuSeconds.toFixed(2)}) ${e.rssMiB.toFixed(0)} MiB, load ${os.loadavg()[0].toFixed(1)}`,
    );
  }
  fs.rmSync(largeOut, { recursive: true, force: true });
  const largeStages = stages(repo, tsconfig, TIMED_EXPORTS, 'es-toolkit-timed');
  const large = {
    files,
    exports: TIMED_EXPORTS,
    tsconfig: 'bench/extract/.work/timing-large/es-toolkit/tsconfig.bench.json',
    analyze: stats(analyze),
    extract: stats(extract),
  };
  large.ratio = Number((large.extract.medianSeconds / large.analyze.medianSeconds).toFixed(2));
  large.pairedRatios = extract.map((run, index) => Number((run.seconds / analyze[index].seconds).toFixed(2)));
  large.cpuRatio = Number((large.extract.medianCpuSeconds / large.analyze.medianCpuSeconds).toFixed(2));
  const exampleStats = { exports: EXAMPLE_EXPORTS, ...stats(example), stages: exampleStages };
  large.stages = largeStages;
  return {
    example: { ...exampleStats, bar: exampleStats.medianSeconds <= 5 },
    large: { ...large, bar: large.ratio <= 1.5 },
    loadSamples: loads,
  };
}

fs.mkdirSync(work, { recursive: true });
const loadAtStart = os.loadavg().map(value => Number(value.toFixed(2)));
await prepare();
const previous = fs.existsSync(path.join(here, 'results.json'))
  ? JSON.parse(fs.readFileSync(path.join(here, 'results.json'), 'utf8'))
  : {};
const results = { ...previous };
if (PART === 'all' || PART === 'parity') results.parity = await parity();
if (PART === 'all' || PART === 'timing') results.timing = timings();
// A part not run now keeps its last result; each part says when it ran.
for (const part of ['parity', 'timing'])
  if (PART === 'all' || PART === part) results[part].ranAt = new Date().toISOString();
results.date = new Date().toISOString().slice(0, 10);
results.machine = {
  parts: PART,
  cpus: os.cpus().length,
  cpu: os.cpus()[0]?.model ?? 'unknown',
  memoryGiB: Math.round(os.totalmem() / 2 ** 30),
  node: process.version,
  loadAtStart,
  loadAverage: os.loadavg().map(value => Number(value.toFixed(2))),
};
if (results.timing) {
  const { example, large } = results.timing;
  log(
    `\nextract on examples/: median ${example.medianSeconds.toFixed(2)} s (bar ≤ 5 s: ${example.bar ? 'met' : 'MISSED'}), peak ${example.maxRssMiB} MiB`,
  );
  log(
    `es-toolkit: analyze median ${large.analyze.medianSeconds.toFixed(2)} s, extract median ${large.extract.medianSeconds.toFixed(2)} s, ratio ${large.ratio}× (bar ≤ 1.5×: ${large.bar ? 'met' : 'MISSED'})`,
  );
}
if (write) {
  fs.writeFileSync(path.join(here, 'results.json'), json(results));
  fs.writeFileSync(path.join(here, 'RESULTS.md'), (await import('./report.js')).renderReport(results));
  log('wrote bench/extract/RESULTS.md and results.json');
}
