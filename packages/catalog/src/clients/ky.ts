// ky: a 10 s default; only an explicit `timeout: false` turns it off (`0` times out at once).
import { type ClientFamily, call, factory, verbs } from '../build.js';
import type { JudgeInput } from '../facts.js';
import { judgeSignal, lookupLayers, showValue } from '../summary.js';
import type { MemberTable, Verdict } from '../types.js';

const KY_CALLS: MemberTable = {
  '': call('ky', { at: 1 }),
  ...verbs('ky', ['get', 'post', 'put', 'patch', 'head', 'delete'], { at: 1 }),
  create: factory('ky', 'ky', { at: 0 }),
  extend: factory('ky', 'ky', { at: 0 }, 'callee'),
};

function decideKy(input: JudgeInput): Verdict {
  const timeout = lookupLayers(input, 'timeout');
  const value = timeout.prop?.value;
  if (timeout.prop && value?.kind === 'boolean' && !value.value) {
    const signal = judgeSignal(lookupLayers(input, 'signal').prop);
    if (signal?.status === 'bounded' || signal?.status === 'unknown') return signal;
    return { status: 'none', key: 'timeout', value: showValue(timeout.prop.value), at: timeout.prop.at };
  }
  return { status: 'bounded' };
}

export const kyFamily: ClientFamily = {
  family: {
    id: 'ky',
    label: 'ky',
    reportAt: 'call',
    fix: 'keep ky’s 10 s default or set a finite `timeout` (ms)',
  },
  modules: { ky: KY_CALLS, 'ky-universal': KY_CALLS },
  instances: { ky: { members: KY_CALLS } },
  types: [{ names: ['KyInstance'], modules: ['ky'], packages: ['/ky/'], instance: 'ky', family: 'ky' }],
  decide: decideKy,
};
