#!/usr/bin/env node
// `npm run demo`: lints the bundled example monorepo (examples/) with the plugin's recommended
// config (examples/eslint.config.js) and prints the findings and a count per rule; analyses the
// shared library; then extracts four of its exports into a service, starts it and calls it
// through its generated client. The working tree is left as it was found.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { ESLint } from 'eslint';

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

// Then the extraction itself (issue 9): the pricing exports become a service and a typed client.
// It runs on a copy of examples/ (its own git repository under the ignored .e2e/ folder), so the
// working tree is left as it was found; the service is started on loopback and called through
// its generated client, then stopped with SIGTERM (it drains and exits).
const { spawn, spawnSync } = await import('node:child_process');
const fs = await import('node:fs');
const demoRoot = path.join(root, '.e2e');
fs.mkdirSync(demoRoot, { recursive: true });
const repo = fs.mkdtempSync(path.join(demoRoot, 'demo-'));
const tsc = path.join(root, 'node_modules/typescript/bin/tsc');
const step = message => process.stdout.write(`\n› ${message}\n`);
let service;
try {
  fs.cpSync(examples, path.join(repo, 'examples'), { recursive: true });
  spawnSync('git', ['init', '-q'], { cwd: repo });
  step('building the example library (tsc), as its workspace build would');
  spawnSync(process.execPath, [tsc, '-p', 'examples/packages/shared'], { cwd: repo, stdio: 'inherit' });
  const link = path.join(repo, 'examples/node_modules/@acme/shared');
  fs.mkdirSync(path.dirname(link), { recursive: true });
  fs.symlinkSync('../../packages/shared', link, 'dir');

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
  const serviceDir = path.join(repo, 'examples/services/pricing');
  step('compiling the generated service and client (tsc, strict)');
  for (const project of ['.', 'client']) {
    const built = spawnSync(process.execPath, [tsc, '-p', project], { cwd: serviceDir, stdio: 'inherit' });
    if (built.status !== 0) throw new Error(`tsc -p ${project} failed`);
  }

  step('starting the service on 127.0.0.1 and calling it through its client');
  const net = await import('node:net');
  const port = await new Promise(resolve => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port: free } = probe.address();
      probe.close(() => resolve(free));
    });
  });
  service = spawn(process.execPath, ['dist/main.js'], {
    cwd: serviceDir,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'silent',
      REDIS_URL: 'redis://127.0.0.1:9',
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
  const { createPricingClient, PricingError } = await import(path.join(serviceDir, 'client/dist/index.js'));
  const pricing = createPricingClient({ baseUrl, timeoutMs: 2000 });
  const placedAt = new Date('2026-03-01T10:00:00.000Z');
  const order = {
    id: 'o-1',
    region: 'eu',
    lines: [
      { sku: 'tea', quantity: 2, unitPriceMinor: 450 },
      { sku: 'mug', quantity: 1, unitPriceMinor: 1200 },
    ],
    placedAt,
  };
  const show = (label, value) => process.stdout.write(`  ${label.padEnd(34)} ${value}\n`);
  const quote = await pricing.computeQuote(order);
  show(
    'computeQuote(order)',
    `total ${quote.totalMinor}, valid until ${quote.validUntil.toISOString()} (a Date)`,
  );
  show('taxFor("us-ca", 10000)', String(await pricing.taxFor('us-ca', 10000)));
  const summary = await pricing.summarizeOrders([order, { ...order, id: 'o-2', region: 'uk' }]);
  show(
    'summarizeOrders([...])',
    `revenue ${[...summary.revenueByRegion].map(([region, total]) => `${region}=${total}n`).join(', ')} (a Map of bigint), ${summary.skus.size} SKUs (a Set)`,
  );
  const failure = await pricing
    .computeQuote({ ...order, lines: [{ sku: 'broken', quantity: -1, unitPriceMinor: 1 }] })
    .catch(error => error);
  show(
    'computeQuote(bad order)',
    `${failure.name} "${failure.message}" sku=${failure.sku} (instanceof PricingError: ${failure instanceof PricingError})`,
  );
  const invalid = await fetch(`${baseUrl}/rpc/taxFor`, {
    signal: AbortSignal.timeout(2000),
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ region: 'mars', amountMinor: 1 }),
  });
  show(
    'POST /rpc/taxFor {region:"mars"}',
    `${invalid.status} ${JSON.stringify((await invalid.json()).error.issues)}`,
  );
  step('stopping the service (SIGTERM: it drains in-flight calls, then exits)');
  const exited = new Promise(resolve => service.once('exit', code => resolve(code)));
  service.kill('SIGTERM');
  show('exit code', String(await exited));
  service = undefined;
} catch (error) {
  process.stderr.write(`demo: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
} finally {
  if (service) service.kill('SIGKILL');
  fs.rmSync(repo, { recursive: true, force: true });
}
