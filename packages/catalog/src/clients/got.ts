// got: `timeout: { request: ms }` (or any phase), or a timed `signal`; `got.extend` inherits.
import { type ClientFamily, call, factory, verbs } from '../build.js';
import type { JudgeInput } from '../facts.js';
import {
  isNoneValue,
  judgeSignal,
  judgeTimeoutProp,
  lookupLayers,
  missingOrUnknown,
  showValue,
} from '../summary.js';
import type { MemberTable, Prop, Verdict } from '../types.js';

const GOT_CALLS: MemberTable = {
  '': call('got', { configOrUrl: true }),
  ...verbs('got', ['get', 'post', 'put', 'patch', 'head', 'delete', 'stream', 'paginate'], {
    configOrUrl: true,
  }),
  // The stream API's verbs: `got.stream.post(url, { body })`.
  ...Object.fromEntries(
    Object.entries(
      verbs('got', ['get', 'post', 'put', 'patch', 'head', 'delete'], { configOrUrl: true }),
    ).map(([verb, role]) => [`stream.${verb}`, role]),
  ),
  extend: factory('got', 'got', { at: 0 }, 'callee'),
};

/** got also exports itself by name: `import { got } from 'got'`. */
const GOT_MODULE: MemberTable = {
  ...GOT_CALLS,
  ...Object.fromEntries(Object.entries(GOT_CALLS).map(([key, role]) => [key ? `got.${key}` : 'got', role])),
};

const GOT_PHASES = ['lookup', 'socket', 'connect', 'secureConnect', 'send', 'response', 'read', 'request'];

function decideGot(input: JudgeInput): Verdict {
  const signal = lookupLayers(input, 'signal');
  const bySignal = judgeSignal(signal.prop);
  if (bySignal?.status === 'bounded' || bySignal?.status === 'unknown') return bySignal;
  const timeout = lookupLayers(input, 'timeout');
  const value = timeout.prop?.value;
  if (timeout.prop && value) {
    if (value.kind === 'object') {
      const phases = input.requireTotalTimeout ? ['request'] : GOT_PHASES;
      const set = phases.map(phase => value.props.get(phase)).filter((p): p is Prop => p !== undefined);
      const finite = set.find(p => !isNoneValue(p.value));
      if (finite) return { status: 'bounded' };
      const none = set[0];
      if (none)
        return {
          status: 'none',
          key: `timeout.${[...value.props.entries()].find(([, p]) => p === none)?.[0] ?? 'request'}`,
          value: showValue(none.value),
          at: none.at,
        };
      if (value.hasSpread) return { status: 'unknown' };
      return (
        bySignal ?? { status: 'missing', detail: input.requireTotalTimeout ? 'timeout.request' : undefined }
      );
    }
    const byNumber = judgeTimeoutProp(timeout.prop, 'timeout');
    if (byNumber) return byNumber;
  }
  return bySignal ?? missingOrUnknown(timeout.opaque || signal.opaque);
}

export const gotFamily: ClientFamily = {
  family: {
    id: 'got',
    label: 'got',
    reportAt: 'call',
    fix: 'set `timeout: { request: ms }` in the options or in `got.extend({...})`',
    suggestion: 'got-timeout',
  },
  modules: { got: GOT_MODULE },
  instances: { got: { members: GOT_CALLS } },
  types: [{ names: ['Got'], modules: ['got'], packages: ['/got/'], instance: 'got', family: 'got' }],
  decide: decideGot,
};
