// jayson (JSON-RPC): `Client.http(options)` / `Client.https(options)` hand their options to
// node:http `request`, so a `timeout` (ms) there sets the socket timeout, and jayson aborts the
// request on its 'timeout' event (lib/client/http.js "abort on timeout"). No default: without
// `timeout` a call waits forever. The TCP and TLS clients never listen for a timeout, so they are
// left out rather than judged on an option that does nothing. Read in jayson@5.0.0 (npm).
import { type ClientFamily, NONE, call, factory } from '../build.js';
import type { JudgeInput } from '../facts.js';
import { getProp, judgeTimeoutProp, missingOrUnknown } from '../summary.js';
import type { MemberTable, Verdict } from '../types.js';

const HTTP_CLIENT = factory('jayson', 'jayson', { at: 0 });

const JAYSON_MODULE: MemberTable = {
  'Client.http': HTTP_CLIENT,
  'Client.https': HTTP_CLIENT,
  'client.http': HTTP_CLIENT,
  'client.https': HTTP_CLIENT,
};

function decideJayson(input: JudgeInput): Verdict {
  const options = input.options;
  // A URL string: `url.parse(url)` carries no timeout.
  if (options.kind === 'string' || options.kind === 'absent') return { status: 'missing', detail: 'timeout' };
  if (options.kind !== 'object') return { status: 'unknown' };
  return (
    judgeTimeoutProp(getProp(options, 'timeout'), 'timeout') ?? missingOrUnknown(options.hasSpread, 'timeout')
  );
}

export const jaysonFamily: ClientFamily = {
  family: {
    id: 'jayson',
    answersByEvents: true,
    label: 'jayson',
    reportAt: 'construction',
    fix: 'set `timeout` (ms) in the client options (`jayson.Client.http({ …, timeout })`)',
  },
  modules: { jayson: JAYSON_MODULE, 'jayson/promise': JAYSON_MODULE },
  instances: { jayson: { members: { request: call('jayson', NONE) } } },
  decide: decideJayson,
};
