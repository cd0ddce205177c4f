// request (`request`, deprecated since 2020 and still in many services), the promise wrappers built
// on it (request-promise, request-promise-native, request-promise-any) and its maintained forks
// (postman-request, @cypress/request): no deadline unless the options set one. `timeout` (ms)
// bounds the wait for the connection and for the response headers, and then each wait for data
// (request.js 2.88: a connect timer and a response timer, then `req.setTimeout(timeout)`,
// ESOCKETTIMEDOUT); a timeout of 0 sets none. `request.defaults(options)` returns a request
// function whose calls inherit those options. There is no `signal`. A call answers through the
// callback it is handed (or the request stream it returns), so one written as a statement of its
// own is still heard; a promise wrapper's call (request-promise) answers through its promise, and
// one written as a statement of its own is dropped.
import { type ClientFamily, call, factory, verbs } from '../build.js';
import type { JudgeInput } from '../facts.js';
import { isFalsyNone, judgeTimeoutProp, lookupLayers, missingOrUnknown } from '../summary.js';
import type { MemberTable, Verdict } from '../types.js';

/** `request(uri, options?, callback?)` or `request(options, callback?)`, and its verbs. */
const OPTIONS = { httpArgs: true } as const;

const REQUEST_CALLS: MemberTable = {
  '': call('request', OPTIONS),
  ...verbs('request', ['get', 'head', 'post', 'put', 'patch', 'del', 'delete'], OPTIONS),
  defaults: factory('request', 'request', { at: 0 }, 'callee'),
};

function decideRequest(input: JudgeInput): Verdict {
  const timeout = lookupLayers(input, 'timeout');
  return judgeTimeoutProp(timeout.prop, 'timeout', isFalsyNone) ?? missingOrUnknown(timeout.opaque);
}

export const requestFamily: ClientFamily = {
  family: {
    id: 'request',
    label: 'request.js',
    reportAt: 'call',
    fix: 'set `timeout` (ms) in the options, or once for every call with `request.defaults({ timeout })`',
    answersByEvents: true,
    promiseModules: ['request-promise', 'request-promise-native', 'request-promise-any'],
  },
  modules: Object.fromEntries(
    [
      'request',
      'request-promise',
      'request-promise-native',
      'request-promise-any',
      'postman-request',
      '@cypress/request',
    ].map(module => [module, REQUEST_CALLS]),
  ),
  instances: { request: { members: REQUEST_CALLS } },
  decide: decideRequest,
};
