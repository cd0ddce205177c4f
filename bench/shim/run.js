#!/usr/bin/env node
// bench/shim: what the library shim (@faultline/runtime/shim) costs the caller.
//
// Bars (issue 10):
//  1. in `local` mode the shim adds ≤ 2 µs per call over calling the library function directly,
//     for a synchronous export (which the shim turns async: the caller now awaits) and for an
//     async one; median over rounds of the paired per-call difference;
//  2. `shadow` mode adds no latency to the caller beyond `local`: the remote call (a real service
//     on loopback, in another process, answering after ~20 ms) runs off the caller's path. Caller
//     latency per call, p50 and p99, in both modes; the bar is that no shadowed caller waited for
//     the service (shadow p99 below the service's fastest answer).
// Also measured, for the record: what one OpenFeature evaluation costs per call (why the shim
// caches flag values), the rollout path (context read + hash) and `per-call` evaluation.
// Flags come from the real OpenFeature server SDK with its InMemoryProvider.
//
//   npm run bench:shim                 # build, measure, write RESULTS.md and results.json
//   node bench/shim/run.js             # measure and print (after a build)
//   ROUNDS=n CALLS=n node bench/shim/run.js --write
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { InMemoryProvider, OpenFeature } from '@openfeature/server-sdk';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const write = process.argv.includes('--write');
const ROUNDS = Number(process.env.ROUNDS ?? 11);
const CALLS = Number(process.env.CALLS ?? 200_000);
const BLOCKS = Number(process.env.BLOCKS ?? 6);
const BLOCK_CALLS = Number(process.env.BLOCK_CALLS ?? 400);
const PACE_MS = 2;
const REMOTE_DELAY_MS = 20;
const LOCAL_BAR_NS = 2_000;

const dist = path.join(root, 'packages/runtime/dist');
if (!fs.existsSync(path.join(dist, 'shim/index.js'))) {
  process.stderr.write('bench/shim: build first (npm run build, or npx tsc -b packages/runtime).\n');
  process.exit(1);
}
const { createShimRouter, rolloutBucket } = await import(path.join(dist, 'shim/index.js'));
const { createHttpClient } = await import(path.join(dist, 'client/index.js'));

const log = message => process.stderr.write(`bench/shim: ${message}\n`);
const sorted = values => [...values].sort((a, b) => a - b);
const quantile = (values, q) => {
  const s = sorted(values);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
};
const median = values => quantile(values, 0.5);
const round = (value, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;
const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));

// The library function: a small, real computation, so the JIT cannot drop the call.
const input = {
  lines: Array.from({ length: 5 }, (_, index) => ({
    sku: `S-${index}`,
    quantity: index + 1,
    unitPrice: 12.5,
  })),
};
function computeQuote({ lines }) {
  let total = 0;
  for (const line of lines) total += line.quantity * line.unitPrice;
  return { lines: lines.length, total };
}
async function computeQuoteAsync(order) {
  return computeQuote(order);
}
// An async export that waits for one turn of the event loop, as one that does I/O would: the turn
// in which other work of the process (here: the shadow calls' answers) can run.
async function computeQuoteWithTurn(order) {
  await new Promise(resolve => setImmediate(resolve));
  return computeQuote(order);
}

function flagConfig(mode, rollout = 100) {
  return {
    'pricing.mode': { variants: { on: mode }, defaultVariant: 'on', disabled: false },
    'pricing.rollout': { variants: { on: rollout }, defaultVariant: 'on', disabled: false },
  };
}

async function setFlags(provider, router, mode, rollout = 100) {
  const state = router.stats();
  if (state.mode === mode && state.rollout === rollout) return;
  const changed = once(router.events, 'flagsChanged');
  provider.putConfiguration(flagConfig(mode, rollout));
  await changed;
}

// ---------------------------------------------------------------------------------------------
// 1. local-mode overhead

async function measureLocal() {
  const provider = new InMemoryProvider(flagConfig('local'));
  await OpenFeature.setProviderAndWait('bench-local', provider);
  const flagClient = OpenFeature.getClient('bench-local');
  const noRemote = () => {
    throw new Error('the local-mode benchmark must not reach the service');
  };
  const router = createShimRouter({ service: 'pricing', flags: () => flagClient, remote: noRemote });
  await router.refresh();
  const shimSync = router.wrap('computeQuote', computeQuote, noRemote);
  const shimAsync = router.wrap('computeQuoteAsync', computeQuoteAsync, noRemote);

  // A key outside a 50 % rollout of `remote`: the call reads the context and hashes the key.
  const outsideKey = Array.from({ length: 100 }, (_, index) => `tenant-${index}`).find(
    key => rolloutBucket('pricing.rollout', key) >= 50,
  );
  const providerRollout = new InMemoryProvider(flagConfig('remote', 50));
  await OpenFeature.setProviderAndWait('bench-rollout', providerRollout);
  const context = { targetingKey: outsideKey };
  const rolloutRouter = createShimRouter({
    service: 'pricing',
    flags: () => OpenFeature.getClient('bench-rollout'),
    context: () => context,
    remote: noRemote,
  });
  await rolloutRouter.refresh();
  const shimBucketed = rolloutRouter.wrap('computeQuote', computeQuote, noRemote);

  const perCallRouter = createShimRouter({
    service: 'pricing',
    flags: () => flagClient,
    context: () => context,
    evaluation: 'per-call',
    remote: noRemote,
  });
  const shimPerCall = perCallRouter.wrap('computeQuote', computeQuote, noRemote);

  let sink = 0;
  const variants = {
    directSync: async n => {
      for (let i = 0; i < n; i++) sink += computeQuote(input).total;
    },
    awaitSync: async n => {
      for (let i = 0; i < n; i++) sink += (await computeQuote(input)).total;
    },
    shimSync: async n => {
      for (let i = 0; i < n; i++) sink += (await shimSync(input)).total;
    },
    directAsync: async n => {
      for (let i = 0; i < n; i++) sink += (await computeQuoteAsync(input)).total;
    },
    shimAsync: async n => {
      for (let i = 0; i < n; i++) sink += (await shimAsync(input)).total;
    },
    shimBucketed: async n => {
      for (let i = 0; i < n; i++) sink += (await shimBucketed(input)).total;
    },
  };
  // Slow variants run fewer calls per round.
  const slow = {
    openFeatureEvaluation: async n => {
      for (let i = 0; i < n; i++) {
        const [mode, rollout] = await Promise.all([
          flagClient.getStringValue('pricing.mode', 'local', context),
          flagClient.getNumberValue('pricing.rollout', 100, context),
        ]);
        sink += mode.length + rollout;
      }
    },
    shimPerCall: async n => {
      for (let i = 0; i < n; i++) sink += (await shimPerCall(input)).total;
    },
  };
  const slowCalls = Math.max(1_000, Math.floor(CALLS / 50));
  const time = async (fn, n) => {
    const started = process.hrtime.bigint();
    await fn(n);
    return Number(process.hrtime.bigint() - started) / n;
  };

  const perRound = Object.fromEntries(
    [...Object.keys(variants), ...Object.keys(slow)].map(name => [name, []]),
  );
  log(`local mode: ${ROUNDS} rounds of ${CALLS} calls per variant (2 warm-up rounds)`);
  for (let roundIndex = -2; roundIndex < ROUNDS; roundIndex++) {
    for (const [name, fn] of Object.entries(variants)) {
      const ns = await time(fn, CALLS);
      if (roundIndex >= 0) perRound[name].push(ns);
    }
    for (const [name, fn] of Object.entries(slow)) {
      const ns = await time(fn, slowCalls);
      if (roundIndex >= 0) perRound[name].push(ns);
    }
  }
  const paired = (a, b) => perRound[a].map((value, index) => value - perRound[b][index]);
  const stats = router.stats().total;
  if (stats.remote !== 0 || stats.local === 0) throw new Error('the local benchmark did not stay local');
  const bucketedStats = rolloutRouter.stats().total;
  if (bucketedStats.remote !== 0) throw new Error('the rollout benchmark key was not outside the rollout');
  router.close();
  rolloutRouter.close();
  perCallRouter.close();
  return {
    sink,
    callsPerRound: CALLS,
    slowCallsPerRound: slowCalls,
    medianNsPerCall: Object.fromEntries(
      Object.entries(perRound).map(([name, values]) => [name, round(median(values))]),
    ),
    overheadNs: {
      sync: round(median(paired('shimSync', 'directSync'))),
      syncOverAwait: round(median(paired('shimSync', 'awaitSync'))),
      async: round(median(paired('shimAsync', 'directAsync'))),
      bucketed: round(median(paired('shimBucketed', 'directSync'))),
      perCall: round(median(paired('shimPerCall', 'directSync'))),
    },
    overheadRangeNs: {
      sync: [
        round(Math.min(...paired('shimSync', 'directSync'))),
        round(Math.max(...paired('shimSync', 'directSync'))),
      ],
      async: [
        round(Math.min(...paired('shimAsync', 'directAsync'))),
        round(Math.max(...paired('shimAsync', 'directAsync'))),
      ],
    },
    perRound,
  };
}

// ---------------------------------------------------------------------------------------------
// 2. shadow-mode caller latency

async function startServer() {
  const child = spawn(process.execPath, [path.join(here, 'server.js')], {
    env: { ...process.env, DELAY_MS: String(REMOTE_DELAY_MS) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const [chunk] = await once(child.stdout, 'data');
  return { url: String(chunk).trim(), stop: () => child.kill('SIGTERM') };
}

async function measureShadow() {
  const server = await startServer();
  try {
    const http = createHttpClient({ baseUrl: server.url, name: 'pricing', timeoutMs: 2_000 });
    const remoteQuote = async order =>
      (await http.json('/computeQuote', { method: 'POST', json: { args: [order] }, idempotent: true }))
        .result;

    // The service on its own, as the caller would wait for it in `remote` mode.
    const remoteMs = [];
    for (let i = 0; i < 20; i++) await remoteQuote(input);
    for (let i = 0; i < 200; i++) {
      const started = process.hrtime.bigint();
      await remoteQuote(input);
      remoteMs.push(Number(process.hrtime.bigint() - started) / 1e6);
    }

    const provider = new InMemoryProvider(flagConfig('local'));
    await OpenFeature.setProviderAndWait('bench-shadow', provider);
    const scenarios = [
      { id: 'sync', label: 'synchronous export', local: computeQuote, snapshot: false },
      {
        id: 'syncSnapshot',
        label: 'synchronous export, `shadow.snapshot: true`',
        local: computeQuote,
        snapshot: true,
      },
      {
        id: 'turn',
        label: 'async export that waits one event-loop turn',
        local: computeQuoteWithTurn,
        snapshot: false,
      },
    ];
    const results = [];
    for (const scenario of scenarios) {
      const router = createShimRouter({
        service: 'pricing',
        flags: () => OpenFeature.getClient('bench-shadow'),
        remote: () => ({ computeQuote: remoteQuote }),
        shadow: { snapshot: scenario.snapshot },
      });
      await router.refresh();
      const quote = router.wrap('computeQuote', scenario.local, (client, order) =>
        client.computeQuote(order),
      );
      const latencyUs = { local: [], shadow: [] };
      log(
        `shadow, ${scenario.label}: ${BLOCKS} blocks of ${BLOCK_CALLS} calls per mode, one call every ${PACE_MS} ms`,
      );
      // Warm-up in both modes.
      for (const mode of ['local', 'shadow']) {
        await setFlags(provider, router, mode);
        for (let i = 0; i < 100; i++) {
          await quote(input);
          await sleep(PACE_MS);
        }
      }
      while (router.stats().shadowInFlight > 0) await sleep(5);
      router.resetStats();
      for (let block = 0; block < BLOCKS; block++) {
        for (const mode of ['local', 'shadow']) {
          await setFlags(provider, router, mode);
          for (let i = 0; i < BLOCK_CALLS; i++) {
            const started = process.hrtime.bigint();
            await quote(input);
            latencyUs[mode].push(Number(process.hrtime.bigint() - started) / 1e3);
            await sleep(PACE_MS);
          }
          // Let the last shadow calls finish before the local block, so each block sees only its own work.
          while (router.stats().shadowInFlight > 0) await sleep(5);
        }
      }
      const stats = router.stats().total;
      router.close();
      const summary = mode => ({
        p50Us: round(quantile(latencyUs[mode], 0.5), 2),
        p99Us: round(quantile(latencyUs[mode], 0.99), 2),
        maxUs: round(Math.max(...latencyUs[mode]), 2),
      });
      results.push({
        id: scenario.id,
        label: scenario.label,
        local: summary('local'),
        shadow: summary('shadow'),
        calls: latencyUs.local.length,
        shadowed: stats.shadowed,
        shadowMatches: stats.shadowMatches,
        shadowMismatches: stats.shadowMismatches,
        shadowRemoteFailures: stats.shadowRemoteFailures,
        shadowDropped: stats.shadowDropped,
        samplesUs: latencyUs,
      });
    }
    return {
      remote: {
        delayMs: REMOTE_DELAY_MS,
        p50Ms: round(quantile(remoteMs, 0.5), 2),
        p99Ms: round(quantile(remoteMs, 0.99), 2),
        minMs: round(Math.min(...remoteMs), 2),
      },
      scenarios: results,
    };
  } finally {
    server.stop();
  }
}

// ---------------------------------------------------------------------------------------------

const loadBefore = os.loadavg();
const local = await measureLocal();
const shadow = await measureShadow();
const loadAfter = os.loadavg();

const cpus = os.cpus();
const machine = `${cpus.length} × ${cpus[0]?.model.trim() ?? 'unknown CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
const loadText = values => values.map(value => value.toFixed(2)).join(' / ');
const verdict = ok => (ok ? 'met' : 'missed');
const localMet = local.overheadNs.sync <= LOCAL_BAR_NS && local.overheadNs.async <= LOCAL_BAR_NS;
const shadowMet = shadow.scenarios.every(scenario => scenario.shadow.p99Us / 1e3 < shadow.remote.minMs);
const us = ns => round(ns / 1e3, 3);
const signedUs = ns => `${ns < 0 ? '−' : '+'}${us(Math.abs(ns))}`;
const m = local.medianNsPerCall;

const localTable = [
  '| call | median per call | shim overhead (median of paired rounds) | bar ≤ 2 µs |',
  '|---|---|---|---|',
  `| synchronous export, called directly | ${us(m.directSync)} µs | — | |`,
  `| the same, awaited (what any async export costs its caller) | ${us(m.awaitSync)} µs | — | |`,
  `| synchronous export through the shim, awaited | ${us(m.shimSync)} µs | **${signedUs(local.overheadNs.sync)} µs** (${signedUs(local.overheadNs.syncOverAwait)} µs over the bare await) | ${verdict(local.overheadNs.sync <= LOCAL_BAR_NS)} |`,
  `| async export, called directly and awaited | ${us(m.directAsync)} µs | — | |`,
  `| async export through the shim | ${us(m.shimAsync)} µs | **${signedUs(local.overheadNs.async)} µs** | ${verdict(local.overheadNs.async <= LOCAL_BAR_NS)} |`,
  `| \`remote\` at a 50 % rollout, key outside it (context read + FNV-1a bucket, served locally) | ${us(m.shimBucketed)} µs | ${signedUs(local.overheadNs.bucketed)} µs | |`,
  `| one OpenFeature evaluation of both flags with a context (not in the shim's cached path) | ${us(m.openFeatureEvaluation)} µs | — | |`,
  `| \`evaluation: 'per-call'\` (both flags evaluated on every call) | ${us(m.shimPerCall)} µs | ${signedUs(local.overheadNs.perCall)} µs | |`,
].join('\n');

const shadowTable = [
  '| library export | `local` p50 | `local` p99 | `shadow` p50 | `shadow` p99 | shadow − local, p50 | shadow calls made / matched / dropped | no caller waited for the service |',
  '|---|---|---|---|---|---|---|---|',
  ...shadow.scenarios.map(
    scenario =>
      `| ${scenario.label} | ${scenario.local.p50Us} µs | ${scenario.local.p99Us} µs | ${scenario.shadow.p50Us} µs | ${scenario.shadow.p99Us} µs | ${round(scenario.shadow.p50Us - scenario.local.p50Us, 2)} µs | ${scenario.shadowed} / ${scenario.shadowMatches} / ${scenario.shadowDropped} | ${verdict(scenario.shadow.p99Us / 1e3 < shadow.remote.minMs)} |`,
  ),
].join('\n');

const report = `${localTable}\n\nservice on loopback: p50 ${shadow.remote.p50Ms} ms, p99 ${shadow.remote.p99Ms} ms, fastest ${shadow.remote.minMs} ms\n\n${shadowTable}\n\nload average before ${loadText(loadBefore)}, after ${loadText(loadAfter)}\n`;
process.stdout.write(report);

if (write) {
  const date = new Date().toISOString().slice(0, 10);
  const { perRound, sink, ...localResult } = local;
  void sink;
  fs.writeFileSync(
    path.join(here, 'results.json'),
    `${JSON.stringify(
      {
        date,
        machine,
        loadBefore,
        loadAfter,
        rounds: ROUNDS,
        barLocalNs: LOCAL_BAR_NS,
        local: { ...localResult, perRoundNsPerCall: perRound },
        shadow: {
          ...shadow,
          scenarios: shadow.scenarios.map(({ samplesUs: _samples, ...scenario }) => scenario),
        },
        verdicts: { local: verdict(localMet), shadow: verdict(shadowMet) },
      },
      null,
      2,
    )}\n`,
  );
  fs.writeFileSync(
    path.join(here, 'RESULTS.md'),
    `# bench/shim — results

What the library shim (\`@faultline/runtime/shim\`) costs the caller, with flags from the real
OpenFeature server SDK (\`InMemoryProvider\`). Reproduce with \`npm run bench:shim\`
(\`ROUNDS\`, \`CALLS\`, \`BLOCKS\`, \`BLOCK_CALLS\` change the counts).

- **Machine** (${date}): ${machine}; load average ${loadText(loadBefore)} before and
  ${loadText(loadAfter)} after (the two cores are shared with other work).
- **Verdicts**: local-mode overhead ≤ 2 µs: **${verdict(localMet)}**; shadow adds no wait for the
  service to the caller: **${verdict(shadowMet)}**.

## 1. \`local\` mode: overhead per call

${ROUNDS} rounds (after 2 warm-up rounds) of ${CALLS.toLocaleString('en')} sequential calls per
variant, in one process; the overhead is the median over rounds of the per-round difference
between the shimmed call and the direct call of the same export (the slow OpenFeature rows run
${local.slowCallsPerRound.toLocaleString('en')} calls a round). The library function sums five
order lines.

${localTable}

Overhead range over rounds: synchronous ${us(local.overheadRangeNs.sync[0])}–${us(local.overheadRangeNs.sync[1])} µs,
async ${us(local.overheadRangeNs.async[0])}–${us(local.overheadRangeNs.async[1])} µs.

Reading: an OpenFeature evaluation costs tens of microseconds per call (it is asynchronous and
runs hooks and context merging), so the shim does not evaluate per call by default. It caches
the mode and the rollout, reads them again on the provider's ready, configuration-changed and
stale events and at most 10 s after the last read (on the next call), and computes the rollout
bucket itself; in \`local\` mode a call costs one comparison, one counter and the library call,
plus the promise a synchronous export now returns (the second row is that promise alone).
\`evaluation: 'per-call'\` is there for providers that target by context, at the cost in the last
row.

## 2. \`shadow\` mode: caller latency

A real service in a child process on loopback answers every call after ${shadow.remote.delayMs} ms
(through the runtime's fetch client, as a generated client calls it). One caller makes one call
every ${PACE_MS} ms (about ${Math.round(1000 / PACE_MS)} calls/s, so about ${Math.round(shadow.remote.p50Ms / PACE_MS)}
shadow calls are in flight); ${BLOCKS} blocks of ${BLOCK_CALLS} calls alternate between \`local\`
and \`shadow\` (the flag moved through the provider between blocks). Latency is measured around
\`await quote(order)\`.

${shadowTable}

The service alone, as a caller waits for it in \`remote\` mode: p50 ${shadow.remote.p50Ms} ms,
p99 ${shadow.remote.p99Ms} ms, fastest ${shadow.remote.minMs} ms. The bar holds when even the
p99 of shadowed callers stays below the service's fastest answer.

Reading: the shim starts the service call from a later turn of the event loop (\`setImmediate\`),
so not even its synchronous part (encoding, handing the request to the socket) runs before the
caller resumes; the caller waits for the library alone, and no p99 comes near the service's
${shadow.remote.minMs} ms. What shadow mode does add on the caller's path is a few microseconds of
bookkeeping (the in-flight check, counters, scheduling the service call; a single call after an
idle pause runs with cold caches, which is why this is larger than the same path in a hot loop)
and, with \`shadow.snapshot\`, a \`structuredClone\` of the arguments and of the answer. The
shadow calls' own work (their answers, the comparison) runs in the same process between callers'
turns, so an export that itself waits for the event loop (third row) can find that work in its
way: that is its p99.
`,
  );
}
