// node:http / node:https: `timeout` only emits an event; a timed `signal`, or a 'timeout' handler
// that destroys the request, is what aborts it. The reader supplies the handler facts.
import { type ClientFamily, call } from '../build.js';
import type { JudgeInput } from '../facts.js';
import { getProp, isNoneValue, isOpaque, judgeSignal, missingOrUnknown, showValue } from '../summary.js';
import type { MemberTable, Verdict } from '../types.js';

const HTTP_CALL = call('http', { httpArgs: true });
const HTTP_CALLS: MemberTable = { request: HTTP_CALL, get: HTTP_CALL };

function decideHttp(input: JudgeInput): Verdict {
  const facts = input.http ?? { destroysOnTimeout: false, setsTimeout: false, escapes: false };
  const bySignal = judgeSignal(getProp(input.options, 'signal'));
  if (bySignal && bySignal.status !== 'untimedSignal') return bySignal;
  const timeout = getProp(input.options, 'timeout');
  if (timeout && isNoneValue(timeout.value)) {
    return { status: 'none', key: 'timeout', value: showValue(timeout.value), at: timeout.at };
  }
  if (timeout || facts.setsTimeout) {
    if (facts.destroysOnTimeout || facts.escapes) return { status: 'bounded' };
    return { status: 'doesNotAbort', key: 'timeout', at: timeout?.at, how: 'http' };
  }
  if (facts.destroysOnTimeout) return { status: 'bounded' };
  if (bySignal) return bySignal;
  if (facts.escapes) return { status: 'unknown' };
  return missingOrUnknown(isOpaque(input.options));
}

export const httpFamily: ClientFamily = {
  family: {
    id: 'http',
    answersByEvents: true,
    answersOnRequest: true,
    label: 'node:http',
    reportAt: 'call',
    fix: "pass `signal: AbortSignal.timeout(ms)` in the options, or set `timeout` and destroy the request in its handler: `req.on('timeout', () => req.destroy())`",
  },
  modules: {
    'node:http': HTTP_CALLS,
    'node:https': HTTP_CALLS,
    // follow-redirects: drop-in `http`/`https` with node's request API and options (`timeout`
    // only emits an event there too; it sets no deadline of its own).
    'follow-redirects': {
      'http.request': HTTP_CALL,
      'http.get': HTTP_CALL,
      'https.request': HTTP_CALL,
      'https.get': HTTP_CALL,
    },
  },
  decide: decideHttp,
};
