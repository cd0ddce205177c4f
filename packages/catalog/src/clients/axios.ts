// axios: `timeout` (ms; 0, the default, means none) or a timed `signal`, per request or in `create`.
// `signal` came in 0.22.0 ("added AbortController support", #3305 in axios/axios's CHANGELOG; the
// http adapter of v0.21.4 never reads `config.signal`, v0.22.0's does): a project that declares an
// older axios is told its signal is ignored.
import { type ClientFamily, call, factory, verbs } from '../build.js';
import type { JudgeInput } from '../facts.js';
import { isFalsyNone, judgeSignal, judgeTimeoutProp, lookupLayers, missingOrUnknown } from '../summary.js';
import type { MemberTable, Verdict } from '../types.js';
import { rangeIsAtLeast } from '../values.js';

/** The first axios whose requests read `signal`. */
const SIGNAL_SINCE: [number, number, number] = [0, 22, 0];

const BEFORE_SIGNAL_FIX =
  'set `timeout` (ms) in the request config or in `axios.create({...})`: axios before 0.22 has no `signal` (it came in 0.22.0), or upgrade axios';

const AXIOS_CALLS: MemberTable = {
  '': call('axios', { configOrUrl: true }),
  request: call('axios', { at: 0 }),
  ...verbs('axios', ['get', 'delete', 'head', 'options'], { at: 1 }),
  ...verbs('axios', ['post', 'put', 'patch', 'postForm', 'putForm', 'patchForm'], { at: 2 }),
};

function decideAxios(input: JudgeInput): Verdict {
  const timeout = lookupLayers(input, 'timeout');
  // axios: "If set to 0 (default) a timeout is not created"; Infinity is an error, not "none".
  const byTimeout = judgeTimeoutProp(timeout.prop, 'timeout', isFalsyNone);
  const signal = lookupLayers(input, 'signal');
  const bySignal = judgeSignal(signal.prop);
  if (byTimeout?.status === 'bounded') return { status: 'bounded' };
  if (bySignal?.status === 'bounded') {
    // Every axios the project declares predates `signal`: the request never reads it.
    if (signal.prop && input.declared && rangeIsAtLeast(input.declared.range, SIGNAL_SINCE) === false)
      return { status: 'ignored', key: 'signal', at: signal.prop.at, fix: BEFORE_SIGNAL_FIX };
    return { status: 'bounded' };
  }
  if (bySignal?.status === 'unknown') return bySignal;
  if (byTimeout) return byTimeout;
  if (bySignal) return bySignal;
  return missingOrUnknown(timeout.opaque || signal.opaque);
}

export const axiosFamily: ClientFamily = {
  family: {
    id: 'axios',
    label: 'axios',
    reportAt: 'call',
    fix: 'set `timeout` (ms) or `signal: AbortSignal.timeout(ms)` in the request config, or `timeout` in `axios.create({...})`',
    suggestion: 'timeout',
    versionPackages: ['axios'],
  },
  modules: { axios: { ...AXIOS_CALLS, create: factory('axios', 'axios', { at: 0 }) } },
  instances: { axios: { members: AXIOS_CALLS } },
  types: [
    {
      names: ['AxiosInstance', 'AxiosStatic', 'Axios'],
      modules: ['axios'],
      packages: ['/axios/'],
      instance: 'axios',
      family: 'axios',
    },
    // NestJS wraps an axios instance with the same verbs (returning Observables).
    {
      names: ['HttpService'],
      modules: ['@nestjs/axios'],
      packages: ['/@nestjs/axios/'],
      instance: 'axios',
      family: 'axios',
    },
  ],
  decide: decideAxios,
};
