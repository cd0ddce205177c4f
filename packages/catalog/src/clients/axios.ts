// axios: `timeout` (ms; 0, the default, means none) or a timed `signal`, per request or in `create`.
import { type ClientFamily, call, factory, verbs } from '../build.js';
import type { JudgeInput } from '../facts.js';
import { isFalsyNone, judgeSignal, judgeTimeoutProp, lookupLayers, missingOrUnknown } from '../summary.js';
import type { MemberTable, Verdict } from '../types.js';

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
  if (byTimeout?.status === 'bounded' || bySignal?.status === 'bounded') return { status: 'bounded' };
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
