// Concurrency limiters: work run through one of these is bounded in how much runs at once.
import { policy, run } from '../build.js';
import type { InstanceTable, MemberTable } from '../types.js';

export const LIMITER_MODULES: Readonly<Record<string, MemberTable>> = {
  'p-limit': { '': policy('limiter', 'p-limit', 0), pLimit: policy('limiter', 'p-limit', 0) },
  'p-map': {
    '': { role: 'mapLimited', fnArg: 1, options: { at: 2 }, concurrencyKey: 'concurrency' },
    pMap: { role: 'mapLimited', fnArg: 1, options: { at: 2 }, concurrencyKey: 'concurrency' },
  },
  'p-all': { '': { role: 'mapLimited', fnArg: 0, options: { at: 1 }, concurrencyKey: 'concurrency' } },
  'p-queue': { '': policy('limiter', 'p-queue', 0), PQueue: policy('limiter', 'p-queue', 0) },
  bottleneck: { '': policy('limiter', 'bottleneck', 0), Bottleneck: policy('limiter', 'bottleneck', 0) },
  async: {
    mapLimit: { role: 'mapLimited', fnArg: 2 },
    eachLimit: { role: 'mapLimited', fnArg: 2 },
    forEachLimit: { role: 'mapLimited', fnArg: 2 },
    mapSeries: { role: 'mapLimited', fnArg: 1 },
    eachSeries: { role: 'mapLimited', fnArg: 1 },
    parallelLimit: { role: 'mapLimited', fnArg: 0 },
    map: { role: 'mapLimited', fnArg: 1, unlimited: true },
    each: { role: 'mapLimited', fnArg: 1, unlimited: true },
    forEach: { role: 'mapLimited', fnArg: 1, unlimited: true },
    parallel: { role: 'mapLimited', fnArg: 0, unlimited: true },
  },
  'promise-limit': { '': policy('limiter', 'promise-limit', 0) },
};

export const LIMITER_INSTANCES: Readonly<Record<'limiter', InstanceTable>> = {
  // `limit(fn)` (p-limit), `queue.add(fn)` (p-queue), `limiter.schedule(fn)` / `wrap(fn)` (Bottleneck)
  limiter: {
    members: { '': run(0), add: run(0), addAll: run(0), schedule: run(0), wrap: run(0), submit: run(0) },
  },
};
