#!/usr/bin/env node
// `npm run demo`: the whole story on the bundled example monorepo (examples/). Lints it with the
// plugin's recommended config (examples/eslint.config.js), analyses the shared library, extracts
// four exports into a service (with the library's flag-routed shim and the consumers' call sites
// rewritten), starts it, moves traffic 0 → 50 → 100 % by the flag, stops it and shows the fallback
// serving, then rolls everything back. The working tree is left as it was found.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { ESLint } from 'eslint';

const started = performance.now();
const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const examples = path.join(root, 'examples');
const { default: faultline } = await import(path.join(root, 'rules/dist/index.js'));

// examples/eslint.config.js is the configuration a team would write: the recommended rules.
const eslint = new ESLint({ cwd: examples });
const results = await eslint.lintFiles(['**/*.ts']);
const formatter = await eslint.loadFormatter('stylish');
process.stdout.write(`faultline: linting examples/ (${results.length} files) with the recommended rules\n`);
process.stdout.write(await formatter.format(results));

const counts = new Map();
for (const result of results)
  for (const message of result.messages) counts.set(message.ruleId, (counts.get(message.ruleId) ?? 0) + 1);
process.stdout.write('\nFindings per rule:\n');
for (const rule of Object.keys(faultline.configs.recommended.rules))
  process.stdout.write(`  ${rule.padEnd(44)} ${counts.get(rule) ?? 0}\n`);
if (results.some(result => result.messages.some(message => message.fatal))) process.exitCode = 2;

// Then the extraction analysis of the example's shared library (issue 5): which exports can become
// a service, and what stands in the way.
const { runCli } = await import(path.join(root, 'packages/cli/dist/index.js'));
process.stdout.write(
  '\nfaultline analyze examples/packages/shared --export computeQuote,convert,buildSalesReport\n\n',
);
const analyzeExit = await runCli(
  ['analyze', 'examples/packages/shared', '--export', 'computeQuote,convert,buildSalesReport'],
  { stdout: process.stdout, stderr: process.stderr, cwd: root },
);
if (analyzeExit !== 0) process.exitCode = analyzeExit;

// Then the extraction and the move of traffic. It runs on a copy of examples/ (its own git
// repository under the ignored .e2e/ folder), so the working tree is left as it was found: extract
// writes the service, its client, the library's flag-routed shim and the consumers' awaited call
// sites; the service starts on loopback; the flag moves traffic 0 % → 50 % → 100 %; the service
// stops and the fallback serves; rollback restores every byte.
const { spawn, spawnSync } = await import('node:child_process');
const fs = await import('node:fs');
const demoRoot = path.join(root, '.e2e');
fs.mkdirSync(demoRoot, { recursive: true });
const repo = fs.mkdtempSync(path.join(demoRoot, 'demo-'));
const workspace = path.join(repo, 'examples');
const serviceDir = path.join(workspace, 'services/pricing');
const tsc = path.join(root, 'node_modules/typescript/bin/tsc');
const step = message =>
  process.stdout.write(`\n› [${((performance.now() - started) / 1000).toFixed(1)} s] ${message}\n`);
const show = (label, value) => process.stdout.write(`  ${label.padEnd(34)} ${value}\n`);
const link = (name, target) => {
  const at = path.join(workspace, 'node_modules', name);
  fs.mkdirSync(path.dirname(at), { recursive: true });
  fs.symlinkSync(path.relative(path.dirname(at), target), at, 'dir');
};
/** Runs tsc on the projects at once (each in its own process) and fails if any fails. */
const tscAll = (...projects) =>
  Promise.all(
    projects.map(
      ([project, ...flags]) =>
        new Promise((resolve, reject) =>
          spawn(process.execPath, [tsc, '-p', project, ...flags], { cwd: workspace, stdio: 'inherit' }).on(
            'exit',
            code =>
              code === 0 ? resolve() : reject(new Error(`tsc -p ${project} ${flags.join(' ')} failed`)),
          ),
        ),
    ),
  );
/** Runs scripts/shim-traffic.mjs (a process of its own) and returns its JSON outcome. */
const traffic = env => {
  const ran = spawnSync(process.execPath, [path.join(root, 'scripts/shim-traffic.mjs')], {
    cwd: workspace,
    env: {
      ...process.env,
      LIBRARY_DIST: path.join(workspace, 'packages/shared/dist'),
      REDIS_URL: 'redis://127.0.0.1:9',
      ...env,
    },
    encoding: 'utf8',
  });
  const last = ran.stdout.trim().split('\n').pop() ?? '';
  if (ran.status !== 0 || !last.startsWith('{'))
    throw new Error(`traffic failed:\n${ran.stdout}${ran.stderr}`);
  return JSON.parse(last);
};
let service;
try {
  fs.cpSync(examples, workspace, { recursive: true });
  spawnSync('git', ['init', '-q'], { cwd: repo });
  link('@acme/shared', path.join(workspace, 'packages/shared'));

  const exports = 'computeQuote,taxFor,summarizeOrders,convert';
  step(`faultline extract examples/packages/shared --export ${exports} --service pricing`);
  const extractExit = await runCli(
    [
      'extract',
      'examples/packages/shared',
      '--export',
      exports,
      '--service',
      'pricing',
      '--progress',
      'false',
    ],
    { stdout: process.stdout, stderr: process.stderr, cwd: repo },
  );
  if (extractExit !== 0) throw new Error(`faultline extract exited ${extractExit}`);
  step('what changed in the consumers (apps/checkout/src/cart.ts)');
  const diff = spawnSync(
    'git',
    [
      'diff',
      '--no-index',
      '--',
      path.join(examples, 'apps/checkout/src/cart.ts'),
      'apps/checkout/src/cart.ts',
    ],
    {
      cwd: workspace,
      encoding: 'utf8',
    },
  );
  process.stdout.write(
    diff.stdout
      .split('\n')
      .filter(line => /^[-+](?![-+])/.test(line))
      .map(line => `  ${line}`)
      .join('\n') + '\n',
  );

  step(
    'building the client, the library (with its shim) and the service (tsc, strict), and checking the consumers type-check',
  );
  link('@acme/pricing-client', path.join(serviceDir, 'client'));
  // In dependency order: the client, the library (its shim imports the client), then the service
  // and the two consumer apps together.
  await tscAll(['services/pricing/client']);
  await tscAll(['packages/shared']);
  await tscAll(['services/pricing'], ['apps/checkout', '--noEmit'], ['apps/backoffice', '--noEmit']);

  step('starting the service on 127.0.0.1');
  const net = await import('node:net');
  const port = await new Promise(resolve => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port: free } = probe.address();
      probe.close(() => resolve(free));
    });
  });
  const http = await import('node:http');
  const rates = http.createServer((_request, response) =>
    response.end(JSON.stringify({ USD: 1, EUR: 0.92 })),
  );
  await new Promise(resolve => rates.listen(0, '127.0.0.1', resolve));
  service = spawn(process.execPath, ['dist/main.js'], {
    cwd: serviceDir,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'silent',
      REDIS_URL: 'redis://127.0.0.1:9',
      RATES_URL: `http://127.0.0.1:${rates.address().port}/v1/latest`,
    },
    stdio: 'ignore',
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  for (let attempt = 0; ; attempt++) {
    const ready = await fetch(`${baseUrl}/readyz`, { signal: AbortSignal.timeout(500) }).then(
      response => response.ok,
      () => false,
    );
    if (ready) break;
    if (attempt >= 12) throw new Error('the service did not become ready');
    await new Promise(resolve => setTimeout(resolve, Math.random() * Math.min(2000, 50 * 2 ** attempt)));
  }
  show('ready at', baseUrl);

  step(
    'moving traffic with the flags: pricing.mode = remote, pricing.rollout = 0 → 50 → 100 (200 customers, each called twice)',
  );
  const rollout = traffic({ SCENARIO: 'rollout', ROLLOUTS: '0,50,100', KEYS: '200', PRICING_URL: baseUrl });
  for (const { rollout: percent, remote, local, switched } of rollout.steps)
    show(
      `rollout ${String(percent).padStart(3)} %`,
      `${remote} customers served remotely, ${local} locally, ${switched} switched sides`,
    );

  step('shadow mode: the library answers, the service is compared off the caller’s path');
  const shadow = traffic({ SCENARIO: 'call', MODE: 'shadow', PRICING_URL: baseUrl });
  show('computeQuote(order)', `total ${shadow.totalMinor} in ${shadow.ms.toFixed(1)} ms (served locally)`);

  step('stopping the service (SIGTERM: it drains, then exits)');
  const exited = new Promise(resolve => service.once('exit', code => resolve(code)));
  service.kill('SIGTERM');
  show('exit code', String(await exited));
  service = undefined;
  rates.close();
  const fallback = traffic({ SCENARIO: 'call', MODE: 'remote-with-local-fallback', PRICING_URL: baseUrl });
  show(
    'remote-with-local-fallback',
    `total ${fallback.totalMinor}: answered locally (${fallback.stats.fallback} fallback) in ${fallback.ms.toFixed(0)} ms`,
  );
  const remote = traffic({ SCENARIO: 'call', MODE: 'remote', PRICING_URL: baseUrl });
  show('remote', `${remote.class} after ${remote.ms.toFixed(0)} ms: ${remote.message}`);

  step('faultline rollback pricing (the extraction abandoned: every byte restored)');
  const rollbackExit = await runCli(['rollback', 'pricing'], {
    stdout: process.stdout,
    stderr: process.stderr,
    cwd: repo,
  });
  if (rollbackExit !== 0) throw new Error(`faultline rollback exited ${rollbackExit}`);
  const same = [
    'packages/shared/src/index.ts',
    'packages/shared/package.json',
    'apps/checkout/src/cart.ts',
  ].every(file =>
    fs.readFileSync(path.join(workspace, file)).equals(fs.readFileSync(path.join(examples, file))),
  );
  show('library and consumers as before', same ? 'yes, byte for byte' : 'NO');
  if (!same) throw new Error('rollback did not restore the files');

  step(`summary (${((performance.now() - started) / 1000).toFixed(1)} s)`);
  const half = rollout.steps.find(entry => entry.rollout === 50);
  show('service', 'pricing: 4 routes, typed client, shim, parity tests, k8s manifests');
  show(
    'traffic at 50 %',
    `${half.remote} of ${half.remote + half.local} customers remote, none switched sides`,
  );
  show('service down', `fallback answered; remote failed fast in ${remote.ms.toFixed(0)} ms`);
  show('rollback', 'restored byte for byte');
} catch (error) {
  process.stderr.write(`demo: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
} finally {
  if (service) service.kill('SIGKILL');
  fs.rmSync(repo, { recursive: true, force: true });
}
