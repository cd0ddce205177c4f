// ws (and isomorphic-ws, which is ws on Node): `new WebSocket(address, protocols?, options?)` opens
// the connection at once. Only `handshakeTimeout` (ms) bounds the opening handshake: ws hands it
// to http.request as `timeout` and aborts the handshake on the request's 'timeout' event. It has no
// default, and ws overwrites a `timeout` option with `handshakeTimeout` (`timeout: undefined` in
// initAsClient's options), so `timeout` does nothing. Without it, a server (or a proxy) that
// accepts the connection and never answers the upgrade leaves the socket CONNECTING: no 'open', no
// 'error', no 'close', so a reconnect that waits for 'close' never runs. A timer that ends the
// connection (`setTimeout(() => ws.terminate(), ms)`) bounds it by hand; readers say so
// (`JudgeInput.closedByTimer`); a socket a factory hands to a client library is that library's to
// watch (`JudgeInput.madeForLibrary`). Read in websockets/ws lib/websocket.js (initAsClient, abortHandshake).
import { type ClientFamily, call } from '../build.js';
import type { JudgeInput } from '../facts.js';
import { getProp, judgeTimeoutProp, missingOrUnknown } from '../summary.js';
import type { MemberTable, Verdict } from '../types.js';

const CONNECT = call('ws', { lastObject: true });
const WS_MODULE: MemberTable = { '': CONNECT, WebSocket: CONNECT, default: CONNECT };

function decideWs(input: JudgeInput): Verdict {
  if (input.closedByTimer) return { status: 'bounded' };
  // A socket factory handed to a client library: the library's dial timeout, not visible here.
  if (input.madeForLibrary) return { status: 'unknown' };
  const options = input.options;
  if (options.kind === 'absent') return { status: 'missing' };
  if (options.kind !== 'object') return { status: 'unknown' };
  const handshake = judgeTimeoutProp(getProp(options, 'handshakeTimeout'), 'handshakeTimeout');
  if (handshake) return handshake;
  const ignored = getProp(options, 'timeout');
  if (ignored && !options.hasSpread) return { status: 'ignored', key: 'timeout', at: ignored.at };
  return missingOrUnknown(options.hasSpread);
}

export const wsFamily: ClientFamily = {
  family: {
    id: 'ws',
    answersByEvents: true,
    label: 'ws',
    reportAt: 'call',
    fix: "pass `handshakeTimeout` (ms) in the options (`new WebSocket(url, { handshakeTimeout: 10_000 })`), or end the connection on a timer until it opens (`setTimeout(() => ws.terminate(), ms)`, cleared on 'open')",
    hang: 'stays connecting: no `open`, no `error`, no `close`, so nothing that waits for one of them (a reconnect on `close`) ever runs',
  },
  modules: { ws: WS_MODULE, 'isomorphic-ws': WS_MODULE },
  decide: decideWs,
};
