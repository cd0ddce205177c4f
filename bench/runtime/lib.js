// Shared pieces of the runtime benchmark: a seeded PRNG, an open-loop arrival scheduler, a
// simulated dependency of fixed capacity, the two baseline clients, statistics and the tiny
// RPC used between the orchestrator and its pinned child processes.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import pRetry from 'p-retry';

/** mulberry32: a small seeded PRNG, so every run offers the same arrival pattern. */
export function createRng(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Open-loop load: Poisson arrivals at `rate` per second for `durationMs`, issued on schedule
 * whether or not earlier requests have finished (no coordinated omission). `onArrival` receives
 * the scheduled time (performance.now() units) so latency is measured from when the request was
 * due, not from when the event loop got round to it.
 */
export function openLoop({ rate, durationMs, seed = 1, onArrival }) {
  const rng = createRng(seed);
  const arrivals = [];
  for (let t = 0; ;) {
    t += -Math.log(1 - rng()) * (1000 / rate);
    if (t >= durationMs) break;
    arrivals.push(t);
  }
  const start = performance.now();
  let next = 0;
  return new Promise(resolve => {
    const tick = () => {
      const now = performance.now() - start;
      while (next < arrivals.length && arrivals[next] <= now) onArrival(start + arrivals[next++]);
      if (next >= arrivals.length) resolve({ issued: arrivals.length, start });
      else setTimeout(tick, Math.max(0, Math.min(1, arrivals[next] - now)));
    };
    tick();
  });
}

/**
 * A dependency with fixed capacity: `slots` concurrent uses of `serviceMs` each, so capacity is
 * slots / serviceMs per millisecond. Excess work waits in an unbounded FIFO, as callers of a
 * connection pool do. A waiter whose signal aborts leaves the queue; without a signal it stays.
 */
export class Capacity {
  constructor(slots, serviceMs) {
    this.slots = slots;
    this.serviceMs = serviceMs;
    this.busy = 0;
    this.queue = [];
    this.completed = 0;
    this.maxQueue = 0;
  }

  use(signal) {
    return new Promise((resolve, reject) => {
      const job = { resolve, reject, signal, isGone: false };
      if (signal) {
        if (signal.aborted) return reject(signal.reason);
        job.onAbort = () => {
          job.isGone = true;
          reject(signal.reason);
        };
        signal.addEventListener('abort', job.onAbort, { once: true });
      }
      this.queue.push(job);
      this.maxQueue = Math.max(this.maxQueue, this.queue.length);
      this.#pump();
    });
  }

  #pump() {
    while (this.busy < this.slots && this.queue.length > 0) {
      const job = this.queue.shift();
      if (job.isGone) continue;
      job.signal?.removeEventListener('abort', job.onAbort);
      this.busy += 1;
      setTimeout(() => {
        this.busy -= 1;
        this.completed += 1;
        job.resolve();
        this.#pump();
      }, this.serviceMs);
    }
  }
}

const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));

/**
 * The naive baseline: up to 3 immediate retries on any failure and no deadline. (No signal on
 * purpose: this is the code faultline's lint rules exist to flag.)
 */
export async function naiveFetch(fetchImpl, url, init = {}) {
  let lastError;
  // The naive baseline retries at once on purpose.
  // eslint-disable-next-line faultline/require-backoff -- the immediate retries are what this baseline measures
  for (let attempt = 0; attempt < 4; attempt++) {
    try {
      const response = await fetchImpl(url, init);
      const body = await response.arrayBuffer();
      if (response.status < 500 && response.status !== 429) return { status: response.status, body };
      lastError = new Error(`HTTP ${response.status}`);
    } catch (error) {
      lastError = error;
    }
  }
  throw lastError;
}

/** The p-retry baseline with p-retry's defaults (10 retries, 1 s doubling, no cap, no jitter). */
export function pRetryFetch(fetchImpl, url, init = {}) {
  // eslint-disable-next-line faultline/require-backoff -- p-retry's own defaults are what this baseline measures
  return pRetry(async () => {
    const response = await fetchImpl(url, init);
    const body = await response.arrayBuffer();
    if (response.status >= 500 || response.status === 429) throw new Error(`HTTP ${response.status}`);
    return { status: response.status, body };
  });
}

/** Percentile of an array of numbers (nearest rank); NaN for an empty array. */
export function percentile(values, p) {
  if (values.length === 0) return Number.NaN;
  const sorted = Float64Array.from(values).sort();
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank];
}

export function mean(values) {
  return values.length === 0 ? Number.NaN : values.reduce((a, b) => a + b, 0) / values.length;
}

export function median(values) {
  return percentile(values, 50);
}

/** Simulated work in units of `unitMs` timer waits, stopping early when `signal` aborts. */
export async function work(units, unitMs, signal, onUnit) {
  for (let i = 0; i < units; i++) {
    if (signal?.aborted) return false;
    await sleep(unitMs);
    onUnit();
  }
  return true;
}

/**
 * Child side of the RPC: `handlers[cmd](message)` answers each request; the result goes back
 * with the request's id. The child exits when the orchestrator goes away.
 */
export function serveRpc(handlers) {
  process.on('message', async message => {
    try {
      const result = await handlers[message.cmd](message);
      process.send({ id: message.id, result });
    } catch (error) {
      process.send({ id: message.id, error: String(error?.stack ?? error) });
    }
  });
  process.on('disconnect', () => process.exit(0));
}

/**
 * Starts measuring this process's event-loop delay; `stop()` returns p50/p99/max in ms. A high
 * delay means the process could not run when it should have: the machine, not the code under test.
 */
export function watchEventLoop() {
  const histogram = monitorEventLoopDelay({ resolution: 5 });
  histogram.enable();
  return {
    stop() {
      histogram.disable();
      const ms = ns => Math.round(ns / 1e4) / 100;
      return {
        p50Ms: ms(histogram.percentile(50)),
        p99Ms: ms(histogram.percentile(99)),
        maxMs: ms(histogram.max),
      };
    },
  };
}

export { sleep };
