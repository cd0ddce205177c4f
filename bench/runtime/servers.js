// The systems under test, run by run.js in child processes pinned to core 0. Each role starts
// its servers on 127.0.0.1, reports their URLs, and answers `stats` requests over IPC.
import { createServer } from 'node:http';
import { createHttpClient } from '../../packages/runtime/dist/client/index.js';
import { withResilience } from '../../packages/runtime/dist/node-http.js';
import { Capacity, naiveFetch, percentile, pRetryFetch, serveRpc, watchEventLoop, work } from './lib.js';

const JSON_HEADERS = { 'content-type': 'application/json' };

function listen(handler) {
  const server = createServer(handler);
  server.keepAliveTimeout = 60_000;
  return new Promise(resolve =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ server, url: `http://127.0.0.1:${server.address().port}` }),
    ),
  );
}

function reply(response, status, body) {
  if (response.headersSent || response.destroyed) return;
  response.writeHead(status, JSON_HEADERS);
  response.end(JSON.stringify(body));
}

/** Outage scenario: one dependency per client under test, each down (503) between two wall-clock instants. */
async function dependencies({ count, slots, serviceMs, outageStartAt, outageEndAt }) {
  const stats = [];
  const urls = [];
  for (let i = 0; i < count; i++) {
    const capacity = new Capacity(slots, serviceMs);
    const counts = { total: 0, duringOutage: 0, ok: 0, unavailable: 0 };
    stats.push(counts);
    const { url } = await listen(async (_, response) => {
      const now = Date.now();
      counts.total += 1;
      if (now >= outageStartAt && now < outageEndAt) {
        counts.duringOutage += 1;
        counts.unavailable += 1;
        reply(response, 503, { error: 'down' });
        return;
      }
      await capacity.use();
      counts.ok += 1;
      reply(response, 200, { ok: true });
    });
    urls.push(url);
  }
  return { urls, stats: () => stats };
}

/**
 * Overload scenario: a service whose every request needs the simulated dependency. `naive` is a
 * plain node:http server; `deadline` is the runtime wrapper with admission control off (the
 * handler still stops for callers that gave up); `admission` is the full runtime wrapper.
 */
async function overload({ variant, slots, serviceMs, admission }) {
  const capacity = new Capacity(slots, serviceMs);
  const eventLoop = watchEventLoop();
  const counts = { requests: 0, served: 0, shed: 0, abandoned: 0 };
  let handler;
  if (variant === 'naive') {
    handler = async (_, response) => {
      counts.requests += 1;
      await capacity.use();
      counts.served += 1;
      reply(response, 200, { ok: true });
    };
  } else {
    handler = withResilience(
      async (_, response, context) => {
        counts.requests += 1;
        try {
          await capacity.use(context.signal);
        } catch {
          counts.abandoned += 1;
          reply(response, 504, { error: 'deadline exceeded' });
          return;
        }
        counts.served += 1;
        reply(response, 200, { ok: true });
      },
      {
        admission:
          variant === 'admission'
            ? { ...admission, onEvent: event => event.type === 'shed' && (counts.shed += 1) }
            : false,
      },
    );
  }
  // How long the server takes to answer a refusal: from the request reaching the handler to the
  // 503 being handed to the socket ('finish'). Measured here because at the client the same
  // refusal also includes any stall of either event loop.
  const refusalAnswerMs = [];
  const timed = (request, response) => {
    const start = process.hrtime.bigint();
    response.once('finish', () => {
      if (response.statusCode === 503) refusalAnswerMs.push(Number(process.hrtime.bigint() - start) / 1e6);
    });
    return handler(request, response);
  };
  const { url } = await listen(timed);
  return {
    urls: [url],
    stats: () => ({
      ...counts,
      refusalServerP50Ms: percentile(refusalAnswerMs, 50),
      refusalServerP99Ms: percentile(refusalAnswerMs, 99),
      refusalServerMaxMs: percentile(refusalAnswerMs, 100),
      dependencyCompleted: capacity.completed,
      dependencyMaxQueue: capacity.maxQueue,
      eventLoopDelay: eventLoop.stop(),
    }),
  };
}

/**
 * Deadline-chain scenario: service `name` does `units` units of work, then calls `nextUrl` (if
 * any). C's units come from the request. Every unit finished after the caller's give-up instant
 * (propagated as bench instrumentation in x-bench-giveup-at) is counted as wasted.
 */
async function chain({ variant, name, nextUrl, units, unitMs }) {
  const counts = { requests: 0, units: 0, unitsAfterGiveUp: 0, downstreamCalls: 0 };
  const unitsFor = request => (name === 'C' ? Number(request.headers['x-bench-c-units']) : units);
  const onUnit = giveUpAt => () => {
    counts.units += 1;
    if (Date.now() > giveUpAt) counts.unitsAfterGiveUp += 1;
  };
  const benchHeaders = request => ({
    'x-bench-giveup-at': request.headers['x-bench-giveup-at'],
    'x-bench-c-units': request.headers['x-bench-c-units'],
  });

  let handler;
  if (variant === 'runtime') {
    const client = nextUrl ? createHttpClient({ baseUrl: nextUrl, name: `${name}->next` }) : undefined;
    handler = withResilience(
      async (request, response, context) => {
        counts.requests += 1;
        const giveUpAt = Number(request.headers['x-bench-giveup-at']);
        const isComplete = await work(unitsFor(request), unitMs, context.signal, onUnit(giveUpAt));
        if (!isComplete) return reply(response, 504, { error: 'deadline exceeded' });
        if (client) {
          counts.downstreamCalls += 1;
          await client.fetch('/', { deadline: context.deadline, headers: benchHeaders(request) });
        }
        reply(response, 200, { ok: true });
      },
      // The wrapper answers handler errors itself (504 for a passed deadline); nothing to add.
      { admission: false },
    );
  } else {
    const call = variant === 'naive' ? naiveFetch : pRetryFetch;
    handler = async (request, response) => {
      counts.requests += 1;
      const giveUpAt = Number(request.headers['x-bench-giveup-at']);
      await work(unitsFor(request), unitMs, undefined, onUnit(giveUpAt));
      if (nextUrl) {
        counts.downstreamCalls += 1;
        await call(fetch, nextUrl, { headers: benchHeaders(request) }).catch(() => undefined);
      }
      reply(response, 200, { ok: true });
    };
  }
  const { url } = await listen(handler);
  return { urls: [url], stats: () => counts };
}

/** Overhead scenario: the smallest useful JSON endpoint. */
async function hello() {
  let requests = 0;
  const body = JSON.stringify({ ok: true });
  const { url } = await listen((_, response) => {
    requests += 1;
    response.writeHead(200, { 'content-type': 'application/json', 'content-length': String(body.length) });
    response.end(body);
  });
  return { urls: [url], stats: () => ({ requests }) };
}

const roles = { dependencies, overload, chain, hello };
let started;
serveRpc({
  async start(message) {
    started = await roles[message.role](message.config);
    return { urls: started.urls };
  },
  stats: () => started.stats(),
});
