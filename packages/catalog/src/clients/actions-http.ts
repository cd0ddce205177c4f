// GitHub Actions' HTTP client (`@actions/http-client`, under @actions/tool-cache, @actions/cache and
// many actions): `new HttpClient(userAgent?, handlers?, requestOptions?)`. Every request is sent
// through node:http(s) with `req.setTimeout(socketTimeout || 3 * 60000, …)`, which fails it after
// that long with no data on the socket (requestRawWithCallback, 2.x to 4.x): an idle timeout, three
// minutes unless `requestOptions.socketTimeout` sets another, and no deadline on the whole request,
// which a response that trickles holds open. There is no signal. Reported where the client is made.
import { type ClientFamily, NONE, call, factory } from '../build.js';
import type { JudgeInput } from '../facts.js';
import { getProp, isOpaque } from '../summary.js';
import type { Verdict } from '../types.js';

const DETAIL = '`socketTimeout` in its request options';

function decideActionsHttp(input: JudgeInput): Verdict {
  const options = input.options;
  const socketTimeout = getProp(options, 'socketTimeout');
  if (socketTimeout) {
    const value = socketTimeout.value;
    // `socketTimeout || 3 * 60000`: 0 (or nothing) keeps the three-minute default.
    if ((value.kind === 'number' && value.value === 0) || value.kind === 'null' || value.kind === 'undefined')
      return { status: 'missing', detail: DETAIL };
    return { status: 'bounded' };
  }
  if (options.kind === 'absent') return { status: 'missing', detail: DETAIL };
  if (isOpaque(options) || (options.kind === 'object' && options.hasSpread)) return { status: 'unknown' };
  return { status: 'missing', detail: DETAIL };
}

export const actionsHttpFamily: ClientFamily = {
  family: {
    id: 'actions-http',
    label: '@actions/http-client HttpClient',
    reportAt: 'construction',
    hang: 'waits three minutes for each silence on the socket before it fails, and a response that trickles holds it for as long as the data keeps coming',
    fix: 'pass `{ socketTimeout: ms }` as its third argument (`new HttpClient(userAgent, handlers, { socketTimeout: 30_000 })`), and race calls that must finish by a deadline against a timer',
  },
  modules: { '@actions/http-client': { HttpClient: factory('actions-http', 'actions-http', { at: 2 }) } },
  instances: {
    'actions-http': {
      members: {},
      any: call('actions-http', NONE),
      anyDepth: 1,
      // Configuration and local work.
      except: ['dispose', 'getAgent', 'getAgentDispatcher', 'requestOptions', 'userAgent', 'handlers'],
    },
  },
  types: [
    {
      names: ['HttpClient'],
      modules: ['@actions/http-client'],
      packages: ['/@actions/http-client/'],
      instance: 'actions-http',
      family: 'actions-http',
    },
  ],
  decide: decideActionsHttp,
};
