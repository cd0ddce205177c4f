// Connect-ES (@connectrpc/connect, formerly @bufbuild/connect): a client made with
// `createClient(Service, transport)` (`createPromiseClient` in v1) sends every call through its
// transport. Neither has a deadline by default: a call is bounded by `timeoutMs` (or a timed
// `signal`) in its call options, or by the transport's `defaultTimeoutMs`
// (CommonTransportOptions); 0 or less aborts at once (createDeadlineSignal), so only an absent,
// `undefined` or `null` value leaves a call unbounded. An
// interceptor may set the deadline itself, so a transport with `interceptors` is not judged. A
// transport that is not visible (handed in, made in another module) is not judged either.
import { type ClientFamily, NONE, call, factory } from '../build.js';
import type { JudgeInput } from '../facts.js';
import { getProp, isOpaque, judgeSignal, judgeTimeoutProp } from '../summary.js';
import type { MemberTable, Summary, Verdict } from '../types.js';

const isUnset = (value: Summary): boolean => value.kind === 'undefined' || value.kind === 'null';

/** The transport is the client's second argument; its options are the client's defaults. */
const CLIENT = factory('connect-client', 'connect', NONE, 'arg1');
const CALLBACK_CLIENT = factory('connect-callback-client', 'connect', NONE, 'arg1');
const TRANSPORT = factory('connect-transport', 'connect', { at: 0 });

const CONNECT_MODULE: MemberTable = {
  createClient: CLIENT,
  createPromiseClient: CLIENT,
  createCallbackClient: CALLBACK_CLIENT,
};
const TRANSPORT_MODULE: MemberTable = {
  createConnectTransport: TRANSPORT,
  createGrpcTransport: TRANSPORT,
  createGrpcWebTransport: TRANSPORT,
};

function decideConnect(input: JudgeInput): Verdict {
  const options = input.options;
  // An unset per-call value leaves the transport's default in force.
  const perCall = getProp(options, 'timeoutMs');
  if (perCall && !isUnset(perCall.value)) return { status: 'bounded' };
  const signal = judgeSignal(getProp(options, 'signal'));
  if (signal) return signal;
  if (isOpaque(options)) return { status: 'unknown' };
  const transports = input.instance.filter(layer => layer.kind !== 'absent');
  // The transport was handed in or made elsewhere: its `defaultTimeoutMs` cannot be seen.
  if (transports.length === 0) return { status: 'unknown' };
  for (const layer of transports) {
    const verdict = judgeTimeoutProp(getProp(layer, 'defaultTimeoutMs'), 'defaultTimeoutMs', isUnset);
    if (verdict) return verdict;
    if (getProp(layer, 'interceptors') || isOpaque(layer) || layer.kind !== 'object')
      return { status: 'unknown' };
  }
  return {
    status: 'missing',
    detail: '`timeoutMs` in the call options or `defaultTimeoutMs` on the transport',
  };
}

export const connectFamily: ClientFamily = {
  family: {
    id: 'connect',
    answersByEvents: true,
    label: 'Connect',
    reportAt: 'call',
    fix: 'pass `{ timeoutMs }` in the call options, or set `defaultTimeoutMs` on the transport',
  },
  modules: {
    '@connectrpc/connect': CONNECT_MODULE,
    '@bufbuild/connect': CONNECT_MODULE,
    '@connectrpc/connect-node': TRANSPORT_MODULE,
    '@connectrpc/connect-web': TRANSPORT_MODULE,
    '@bufbuild/connect-node': TRANSPORT_MODULE,
    '@bufbuild/connect-web': TRANSPORT_MODULE,
  },
  instances: {
    // Every method of a client is one RPC: `(request, options?)`.
    'connect-client': { members: {}, any: call('connect', { at: 1 }) },
    // A callback client: `(request, callback, options?)`.
    'connect-callback-client': { members: {}, any: call('connect', { at: 2 }) },
    'connect-transport': { members: {} },
  },
  types: [
    {
      names: ['Client', 'PromiseClient'],
      modules: ['@connectrpc/connect', '@bufbuild/connect'],
      packages: ['/@connectrpc/connect/', '/@bufbuild/connect/'],
      instance: 'connect-client',
      family: 'connect',
    },
  ],
  decide: decideConnect,
};
