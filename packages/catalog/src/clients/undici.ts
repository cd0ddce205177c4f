// undici: dispatchers default to finite headers/body timeouts (300 s); only an explicit none counts.
// Its `fetch` and `Request` belong to the fetch family.
import { type ClientFamily, call, factory } from '../build.js';
import type { JudgeInput } from '../facts.js';
import { isNoneValue, judgeSignal, lookupLayers, showValue } from '../summary.js';
import type { Verdict } from '../types.js';

/** Dispatcher options whose "none" value turns a finite default off. */
export const UNDICI_TIMEOUT_KEYS: readonly string[] = ['headersTimeout', 'bodyTimeout', 'connectTimeout'];

/** undici's dispatchers that take `headersTimeout` and `bodyTimeout` (`new Agent({ … })`). */
export const UNDICI_DISPATCHERS: ReadonlySet<string> = new Set([
  'Agent',
  'Pool',
  'Client',
  'ProxyAgent',
  'EnvHttpProxyAgent',
  'RetryAgent',
]);

/**
 * undici's default `headersTimeout` and `bodyTimeout` (300 s, undici lib/dispatcher/client.js),
 * which every fetch of Node already has.
 */
export const UNDICI_DEFAULT_TIMEOUT_MS = 300_000;

/**
 * A process-wide dispatcher (`setGlobalDispatcher(new Agent({ headersTimeout, bodyTimeout }))`)
 * bounds every request of the global fetch when both of its response timeouts are numbers tighter
 * than undici's defaults. One left out stays at the default, 0 turns it off, a value of 300 s or
 * more is no tighter than what every fetch already has, and one the reader cannot read as a number
 * is not known: none counts. `dispatcher` is the class constructed (`Agent`).
 */
export function dispatcherBoundsResponses(
  dispatcher: string,
  headersTimeout: number | undefined,
  bodyTimeout: number | undefined,
): boolean {
  const tight = (ms: number | undefined): boolean =>
    ms !== undefined && ms > 0 && ms < UNDICI_DEFAULT_TIMEOUT_MS;
  return UNDICI_DISPATCHERS.has(dispatcher) && tight(headersTimeout) && tight(bodyTimeout);
}

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
