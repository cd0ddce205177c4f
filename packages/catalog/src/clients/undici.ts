// undici: dispatchers default to finite headers/body timeouts (300 s); only an explicit none counts.
// Its `fetch` and `Request` belong to the fetch family.
import { type ClientFamily, NONE, call, factory } from '../build.js';
import type { DispatcherFacts, JudgeInput } from '../facts.js';
import { getProp, isNoneValue, isOpaque, judgeSignal, lookupLayers, showValue } from '../summary.js';
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
 * undici's default `headersTimeout` and `bodyTimeout` (300 s: `bodyTimeout != null ? bodyTimeout :
 * 300e3` in undici lib/dispatcher/client.js), which every fetch of Node already has. 0 sets no timer
 * (`if (delay)` in lib/dispatcher/client-h1.js); `connect.timeout` (default 10 s,
 * lib/core/connect.js) bounds only connecting.
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

/** The response timeouts a dispatcher must set for {@link dispatcherBoundsResponses}, in the order messages name them. */
const RESPONSE_TIMEOUTS = ['headersTimeout', 'bodyTimeout'] as const;

/**
 * Whether a request's own dispatcher (`fetch(url, { dispatcher: agent })`) bounds it: the same
 * decision as for the process-wide one ({@link dispatcherBoundsResponses}), so both agree on which
 * settings bound a request. When it does not, `missing` says why; a dispatcher the reader could not
 * see, a class undici's fetch is not known to bound with, or a timeout it cannot read as a number
 * is unknown, like options it cannot see into.
 */
export function judgeDispatcher(facts: DispatcherFacts): Verdict {
  const { made, options } = facts;
  if (made === undefined || !UNDICI_DISPATCHERS.has(made)) return { status: 'unknown' };
  const read = (key: string): number | undefined | 'unknown' => {
    const prop = getProp(options, key);
    if (!prop) return isOpaque(options) ? 'unknown' : undefined;
    const value = prop.value;
    if (value.kind === 'number') return value.value;
    // undici reads `null` and `undefined` as "use the default" (`!= null`).
    if (value.kind === 'null' || value.kind === 'undefined') return undefined;
    return 'unknown';
  };
  const ms = RESPONSE_TIMEOUTS.map(read);
  // A timeout turned off is the worst of the reasons, whatever the other one says.
  for (const [index, key] of RESPONSE_TIMEOUTS.entries()) {
    const value = ms[index];
    const prop = getProp(options, key);
    if (typeof value === 'number' && prop && isNoneValue(prop.value))
      return loose(
        `its dispatcher’s \`${key}: ${showValue(prop.value)}\` turns that timeout off`,
        'hangs forever',
      );
  }
  for (const [index, key] of RESPONSE_TIMEOUTS.entries()) {
    const value = ms[index];
    if (value === undefined) {
      const connect = getProp(options, 'connect') ?? getProp(options, 'connectTimeout');
      return loose(
        `its dispatcher leaves \`${key}\` at undici’s 300 s default${connect ? ' (its connect timeout bounds only connecting)' : ''}`,
        'waits 5 minutes or more',
      );
    }
    if (typeof value === 'number' && value >= UNDICI_DEFAULT_TIMEOUT_MS)
      return loose(
        `its dispatcher’s \`${key}: ${value}\` is no tighter than undici’s 300 s default`,
        'waits at least that long',
      );
  }
  if (ms.includes('unknown')) return { status: 'unknown' };
  const [headers, body] = ms as (number | undefined)[];
  return dispatcherBoundsResponses(made, headers, body) ? { status: 'bounded' } : { status: 'unknown' };
}

function loose(why: string, hang: string): Verdict {
  return { status: 'missing', dispatcher: { why, hang } };
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
      // `new RetryAgent(agent, retryOptions)`: its requests go through the agent it wraps.
      RetryAgent: factory('undici-dispatcher', 'undici', { at: 1 }, 'arg0'),
    },
  },
  instances: {
    'undici-dispatcher': {
      members: {
        request: call('undici', { at: 0 }),
        stream: call('undici', { at: 0 }),
        pipeline: call('undici', { at: 0 }),
        // `agent.compose(interceptors.retry())`: the interceptors wrap the agent's own dispatch.
        compose: factory('undici-dispatcher', 'undici', NONE, 'callee'),
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
