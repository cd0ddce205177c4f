// The load generator and the clients under test, run by run.js in a child process pinned to
// core 1. Every scenario is open-loop except the throughput half of the overhead scenario.
import { Agent, request } from 'node:http';
import { createHttpClient } from '../../packages/runtime/dist/client/index.js';
import { abortableDispatcher, getDispatcher } from '../../packages/runtime/dist/client/undici.js';
import { Deadline } from '../../packages/runtime/dist/deadline.js';
import {
  createRng,
  mean,
  naiveFetch,
  openLoop,
  percentile,
  pRetryFetch,
  serveRpc,
  sleep,
  watchEventLoop,
} from './lib.js';

const DEADLINE_HEADER = 'x-faultline-deadline-ms';

/** A fetch that counts attempts per logical call, keyed by the x-bench-call header. */
function countingFetch() {
  const attempts = new Map();
  const impl = (url, init = {}) => {
    const headers = init.headers;
    const id = headers instanceof Headers ? headers.get('x-bench-call') : headers?.['x-bench-call'];
    attempts.set(id, (attempts.get(id) ?? 0) + 1);
    return fetch(url, init);
  };
  return { impl, attempts };
}

const agent = new Agent({ keepAlive: true, maxSockets: Number.POSITIVE_INFINITY });

// A plain timer rather than AbortSignal.timeout: on Node 20 every AbortSignal costs several
// microseconds, and the load generator must stay cheap at the top of the overload sweep.
function plainGet(url, headers, timeoutMs) {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent, headers }, res => {
      res.on('error', reject);
      res.on('end', () => {
        clearTimeout(timer);
        if (res.statusCode === 200) resolve();
        else reject(Object.assign(new Error(`HTTP ${res.statusCode}`), { status: res.statusCode }));
      });
      res.resume();
    });
    const timer = setTimeout(
      () => req.destroy(Object.assign(new Error('timed out'), { name: 'TimeoutError' })),
      timeoutMs,
    );
    req.on('error', error => {
      clearTimeout(timer);
      reject(error);
    });
    req.end();
  });
}

/** Makes a caller for one client kind; each returns a promise that resolves on success. */
function makeCaller(kind, url, fetchImpl, { timeoutMs, name }) {
  switch (kind) {
    case 'runtime': {
      const client = createHttpClient({ baseUrl: url, name, timeoutMs, fetch: fetchImpl });
      return headers => client.fetch('/', { headers });
    }
    case 'runtime-budget-only': {
      const client = createHttpClient({ baseUrl: url, name, timeoutMs, fetch: fetchImpl, breaker: false });
      return headers => client.fetch('/', { headers });
    }
    case 'naive':
      return headers => naiveFetch(fetchImpl, url, { headers });
    case 'p-retry':
      return headers => pRetryFetch(fetchImpl, url, { headers });
    case 'plain':
      // One attempt that gives up at the caller's timeout: the reference load for server
      // scenarios. node:http rather than fetch, because fetch would make the load generator's
      // own CPU the bottleneck at the rates the overload sweep needs.
      return headers => plainGet(url, headers, timeoutMs);
    default:
      throw new Error(`unknown client kind ${kind}`);
  }
}

/**
 * Outage scenario: every client kind calls its own dependency at `rate` while the dependencies
 * go down between outageStartAt and outageStartAt + outageMs (wall clock, shared with them).
 */
async function outage({ clients, rate, warmupMs, outageMs, afterMs, outageStartAt, timeoutMs, binMs }) {
  await sleep(outageStartAt - warmupMs - Date.now());
  const outageStart = performance.now() + (outageStartAt - Date.now());
  // all-or-nothing: the clients of one group are measured side by side; a failed measurement voids the run.
  const results = await Promise.all(
    clients.map(async ({ kind, url }, index) => {
      const counter = countingFetch();
      const call = makeCaller(kind, url, counter.impl, { timeoutMs, name: kind });
      const calls = [];
      const inFlight = [];
      let nextId = 0;
      await openLoop({
        rate,
        durationMs: warmupMs + outageMs + afterMs,
        seed: 100 + index,
        onArrival: scheduled => {
          const id = String(++nextId);
          const record = { id, t: scheduled - outageStart, isOk: false, endT: Number.NaN };
          calls.push(record);
          inFlight.push(
            call({ 'x-bench-call': id }).then(
              () => {
                record.isOk = true;
                record.endT = performance.now() - outageStart;
              },
              () => {
                record.endT = performance.now() - outageStart;
              },
            ),
          );
        },
      });
      // p-retry calls from late in the outage may still be sleeping; give them time to finish.
      await Promise.race([Promise.allSettled(inFlight), sleep(20_000)]);
      for (const record of calls) record.attempts = counter.attempts.get(record.id) ?? 0;
      return summariseOutage(kind, calls, { outageMs, afterMs, binMs });
    }),
  );
  return results;
}

function summariseOutage(kind, calls, { outageMs, afterMs, binMs }) {
  const during = calls.filter(c => c.t >= 0 && c.t < outageMs);
  const before = calls.filter(c => c.t < 0);
  const attemptsDuring = during.reduce((sum, c) => sum + c.attempts, 0);
  const bins = [];
  for (let start = outageMs; start < outageMs + afterMs; start += binMs) {
    const inBin = calls.filter(c => c.t >= start && c.t < start + binMs);
    bins.push({ t: start - outageMs, calls: inBin.length, ok: inBin.filter(c => c.isOk).length });
  }
  // Recovered from the first bin after which every bin has at least 99 % successful calls.
  let recoveredAt = Number.NaN;
  for (let i = bins.length - 1; i >= 0; i--) {
    const bin = bins[i];
    if (bin.calls > 0 && bin.ok / bin.calls < 0.99) break;
    recoveredAt = bin.t;
  }
  return {
    kind,
    callsDuringOutage: during.length,
    attemptsPerCallDuringOutage: attemptsDuring / during.length,
    maxAttemptsPerCall: Math.max(...during.map(c => c.attempts)),
    successBeforeOutage: before.filter(c => c.isOk).length / before.length,
    recoveryMs: recoveredAt,
    bins,
  };
}

/** Overload scenario: `kind` clients at `rate` against one server for `durationMs`; the first `warmupMs` is not counted. */
async function overload({ url, kind, rate, durationMs, warmupMs, timeoutMs, seed }) {
  const counter = countingFetch();
  const call = makeCaller(kind, url, counter.impl, { timeoutMs, name: kind });
  const calls = [];
  const inFlight = [];
  let nextId = 0;
  const eventLoop = watchEventLoop();
  const { start } = await openLoop({
    rate,
    durationMs,
    seed,
    onArrival: scheduled => {
      const id = String(++nextId);
      const record = { id, t: scheduled, status: 'pending', latencyMs: Number.NaN };
      calls.push(record);
      inFlight.push(
        call({ 'x-bench-call': id, [DEADLINE_HEADER]: String(timeoutMs) }).then(
          () => {
            record.status = 'ok';
            record.latencyMs = performance.now() - scheduled;
          },
          error => {
            record.latencyMs = performance.now() - scheduled;
            const isTimeout =
              error?.name === 'TimeoutError' ||
              error?.name === 'AbortError' ||
              error?.name === 'DeadlineExceededError';
            record.status = error?.status ?? (isTimeout ? 'timeout' : 'error');
          },
        ),
      );
    },
  });
  await Promise.race([Promise.allSettled(inFlight), sleep(timeoutMs + 3_000)]);
  const loadEventLoopDelay = eventLoop.stop();
  const counted = calls.filter(c => c.t - start >= warmupMs);
  const seconds = (durationMs - warmupMs) / 1000;
  const ok = counted.filter(c => c.status === 'ok');
  const good = ok.filter(c => c.latencyMs <= timeoutMs);
  const refused = counted.filter(c => c.status === 503);
  const attempts = counted.reduce((sum, c) => sum + (counter.attempts.get(c.id) ?? 0), 0);
  return {
    kind,
    offeredRps: counted.length / seconds,
    goodputRps: good.length / seconds,
    successRatio: good.length / counted.length,
    attemptsPerCall: attempts / counted.length,
    acceptedP50Ms: percentile(
      ok.map(c => c.latencyMs),
      50,
    ),
    acceptedP99Ms: percentile(
      ok.map(c => c.latencyMs),
      99,
    ),
    refusals: refused.length,
    refusalP50Ms: percentile(
      refused.map(c => c.latencyMs),
      50,
    ),
    refusalP99Ms: percentile(
      refused.map(c => c.latencyMs),
      99,
    ),
    timeouts: counted.filter(c => c.status === 'timeout').length,
    otherFailures: counted.filter(c => c.status !== 'ok' && c.status !== 503 && c.status !== 'timeout')
      .length,
    loadEventLoopDelay,
  };
}

/** Deadline-chain scenario: requests to A that the caller abandons after `giveUpMs`. */
async function chain({ url, rate, durationMs, giveUpMs, slowFraction, fastUnits, slowUnits, seed }) {
  const rng = createRng(seed);
  const calls = [];
  const inFlight = [];
  await openLoop({
    rate,
    durationMs,
    seed,
    onArrival: scheduled => {
      const record = { isOk: false };
      calls.push(record);
      const headers = {
        [DEADLINE_HEADER]: String(giveUpMs),
        'x-bench-giveup-at': String(Date.now() + giveUpMs),
        'x-bench-c-units': String(rng() < slowFraction ? slowUnits : fastUnits),
      };
      inFlight.push(
        fetch(url, { headers, signal: AbortSignal.timeout(giveUpMs) })
          .then(async response => {
            await response.arrayBuffer();
            record.isOk = response.status === 200 && performance.now() - scheduled <= giveUpMs;
          })
          .catch(() => undefined),
      );
    },
  });
  await Promise.allSettled(inFlight);
  return { calls: calls.length, ok: calls.filter(c => c.isOk).length };
}

// The ways of making the same GET that the overhead scenario compares. `raw` is a bare fetch with
// no deadline (the baseline); `timeout` is the least a call needs to pass faultline's
// require-timeout rule; `manual` is a hand-written deadline (AbortController, timer, deadline
// header); `transport` is what the runtime client does around fetch without the policy (a
// Deadline, undici's abort captured through the dispatcher, the deadline header); `policy` is the
// runtime client with every default on.
function overheadModes(url) {
  const client = createHttpClient({ baseUrl: url, name: 'overhead' });
  return {
    // eslint-disable-next-line faultline/require-timeout -- the issue's baseline is a raw fetch without a deadline
    raw: () => fetch(url),
    timeout: () => fetch(url, { signal: AbortSignal.timeout(10_000) }),
    manual: async () => {
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), 10_000);
      try {
        const response = await fetch(url, {
          signal: controller.signal,
          headers: { [DEADLINE_HEADER]: '10000' },
        });
        await response.arrayBuffer();
        return response;
      } finally {
        clearTimeout(timer);
      }
    },
    transport: async () => {
      const deadline = Deadline.after(10_000);
      // The global dispatcher exists once fetch has run; the warm-up's raw calls come first.
      const { dispatcher, dispose } = abortableDispatcher(getDispatcher(undefined), deadline);
      try {
        // Bounded by the Deadline through the dispatcher, as in the runtime client.
        const response = await fetch(url, {
          dispatcher,
          headers: { [DEADLINE_HEADER]: String(Math.floor(deadline.remainingMs())) },
        });
        await response.arrayBuffer();
        return response;
      } finally {
        dispose();
        deadline.dispose();
      }
    },
    policy: () => client.fetch('/'),
  };
}

/** Overhead, throughput half: `concurrency` closed-loop workers for `durationMs`; also CPU time per request. */
async function overheadThroughput({ url, mode, concurrency, durationMs }) {
  const call = overheadModes(url)[mode];
  let count = 0;
  const end = performance.now() + durationMs;
  const cpuBefore = process.cpuUsage();
  const worker = async () => {
    while (performance.now() < end) {
      const response = await call();
      if (!response.bodyUsed) await response.arrayBuffer();
      count += 1;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const cpu = process.cpuUsage(cpuBefore);
  return { mode, rps: count / (durationMs / 1000), cpuUsPerRequest: (cpu.user + cpu.system) / count };
}

/** Overhead, latency half: open-loop at a rate well below what the client core can do. */
async function overheadLatency({ url, mode, rate, durationMs, seed }) {
  const call = overheadModes(url)[mode];
  const latencies = [];
  const inFlight = [];
  await openLoop({
    rate,
    durationMs,
    seed,
    onArrival: scheduled => {
      inFlight.push(
        call().then(async response => {
          if (!response.bodyUsed) await response.arrayBuffer();
          latencies.push(performance.now() - scheduled);
        }),
      );
    },
  });
  await Promise.allSettled(inFlight);
  return {
    mode,
    meanMs: mean(latencies),
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
  };
}

serveRpc({ outage, overload, chain, overheadThroughput, overheadLatency });
