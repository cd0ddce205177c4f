// undici: dispatchers default to finite headers/body timeouts (300 s); only an explicit none counts.
// Its `fetch` and `Request` belong to the fetch family.
import { type ClientFamily, call, factory } from '../build.js';
import type { JudgeInput } from '../facts.js';
import { isNoneValue, judgeSignal, lookupLayers, showValue } from '../summary.js';
import type { Verdict } from '../types.js';

/** Dispatcher options whose "none" value turns a finite default off. */
export const UNDICI_TIMEOUT_KEYS: readonly string[] = ['headersTimeout', 'bodyTimeout', 'connectTimeout'];

function decideUndici(input: JudgeInput): Verdict {
  for (const key of UNDICI_TIMEOUT_KEYS) {
    const { prop } = lookupLayers(input, key);
    if (prop && isNoneValue(prop.value)) {
      const signal = judgeSignal(lookupLayers(input, 'signal').prop);
      if (signal?.status === 'bounded' || signal?.status === 'unknown') return signal;
      return { status: 'none', key, value: showValue(prop.value), at: prop.at };
    }
  }
  return { status: 'bounded' };
}

export const undiciFamily: ClientFamily = {
  family: {
    id: 'undici',
    label: 'undici',
    reportAt: 'call',
    fix: 'use a finite `headersTimeout`/`bodyTimeout` (undici’s defaults are 300 s) or pass `signal: AbortSignal.timeout(ms)`',
  },
  modules: {
    undici: {
      fetch: call('fetch', { at: 1 }),
      Request: factory('fetch-request', 'fetch', { at: 1 }),
      request: call('undici', { at: 1 }),
      stream: call('undici', { at: 1 }),
      pipeline: call('undici', { at: 1 }),
      Client: factory('undici-dispatcher', 'undici', { at: 1 }),
      Pool: factory('undici-dispatcher', 'undici', { at: 1 }),
      BalancedPool: factory('undici-dispatcher', 'undici', { at: 1 }),
      Agent: factory('undici-dispatcher', 'undici', { at: 0 }),
      ProxyAgent: factory('undici-dispatcher', 'undici', { at: 0 }),
      EnvHttpProxyAgent: factory('undici-dispatcher', 'undici', { at: 0 }),
    },
  },
  instances: {
    'undici-dispatcher': {
      members: {
        request: call('undici', { at: 0 }),
        stream: call('undici', { at: 0 }),
        pipeline: call('undici', { at: 0 }),
      },
    },
  },
  types: [
    {
      names: ['Dispatcher', 'Pool', 'Client', 'Agent', 'BalancedPool', 'ProxyAgent'],
      modules: ['undici', 'undici-types'],
      packages: ['/undici/', '/undici-types/'],
      instance: 'undici-dispatcher',
      family: 'undici',
    },
  ],
  decide: decideUndici,
};
