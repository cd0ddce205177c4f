// fetch (the global, node-fetch, cross-fetch…): bounded only by an AbortSignal that a timer aborts.
// node-fetch before 3 also takes `timeout` (ms) in the init: "req/res timeout in ms, it resets on
// redirect. 0 to disable (OS limit applies)" (node-fetch 2.x README, "Options"); 3.0 removed it.
import { type ClientFamily, call, factory } from '../build.js';
import type { JudgeInput } from '../facts.js';
import {
  getProp,
  isNoneValue,
  isOpaque,
  judgeSignal,
  lookupLayers,
  missingOrUnknown,
  showValue,
} from '../summary.js';
import type { MemberTable, Verdict } from '../types.js';
import { judgeDispatcher } from './undici.js';

/** What fetch-compatible modules export: `fetch` (also as default) and `Request`. */
export const FETCH_LIKE: MemberTable = {
  '': call('fetch', { at: 1 }),
  fetch: call('fetch', { at: 1 }),
  Request: factory('fetch-request', 'fetch', { at: 1 }),
};

function decideFetch(input: JudgeInput): Verdict {
  const signal = lookupLayers(input, 'signal');
  const fromInit = judgeSignal(signal.prop);
  if (fromInit) return fromInit;
  if (input.request) {
    if (isOpaque(input.request)) return { status: 'unknown' };
    const fromRequest = judgeSignal(getProp(input.request, 'signal'));
    if (fromRequest) return fromRequest;
  }
  // A dispatcher of the call's own replaces the process's for this request, and is judged the same
  // way. Options that may hold a signal (a spread) leave a loose one unknown.
  if (input.dispatcher) {
    const verdict = judgeDispatcher(input.dispatcher);
    return verdict.status === 'missing' && signal.opaque ? { status: 'unknown' } : verdict;
  }
  // The global fetch when the process's dispatcher bounds headers and body: a silent server is
  // given up on after those timeouts.
  if (input.processDispatcher) return { status: 'bounded' };
  // node-fetch 1 and 2 (the reader says which the package declares, for calls of node-fetch only).
  if (input.packageMajor !== undefined && input.packageMajor < 3) {
    const timeout = getProp(input.options, 'timeout');
    if (timeout && isNoneValue(timeout.value) && timeout.value.kind !== 'boolean')
      return { status: 'none', key: 'timeout', value: showValue(timeout.value), at: timeout.at };
    if (timeout) return { status: 'bounded' };
  }
  return missingOrUnknown(signal.opaque);
}

export const fetchFamily: ClientFamily = {
  family: {
    id: 'fetch',
    label: 'fetch',
    reportAt: 'call',
    hang: 'waits until the runtime gives up, if it ever does (Node’s built-in fetch: 5 minutes with no response headers, and a body that trickles holds it longer; node-fetch and browsers: never)',
    fix: 'pass `signal: AbortSignal.timeout(ms)` in the init (or `AbortSignal.any([signal, AbortSignal.timeout(ms)])` to keep a caller’s signal)',
    suggestion: 'signal',
    versionPackages: ['node-fetch'],
  },
  modules: {
    'node-fetch': FETCH_LIKE,
    'cross-fetch': FETCH_LIKE,
    'isomorphic-fetch': FETCH_LIKE,
    'isomorphic-unfetch': FETCH_LIKE,
    'make-fetch-happen': FETCH_LIKE,
    'node-fetch-native': FETCH_LIKE,
    '@whatwg-node/fetch': FETCH_LIKE,
  },
  instances: { 'fetch-request': { members: {} } },
  globals: {
    fetch: call('fetch', { at: 1 }),
    Request: factory('fetch-request', 'fetch', { at: 1 }),
    'Bun.sleep': { role: 'sleep', arg: 0 },
  },
  decide: decideFetch,
};
