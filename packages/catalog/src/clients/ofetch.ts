// ofetch (unjs/ofetch, also `$fetch`, a global in Nuxt and Nitro): a fetch wrapper with no deadline by default. A finite
// `timeout` (ms; the request is aborted when it passes, `0` or none means no timer) or a timed
// `signal` bounds a call; `ofetch.create(defaults)` makes an instance whose defaults its calls
// inherit. `ofetch.native` is the global fetch, judged the same way.
import { type ClientFamily, RUNTIME_FETCH_HANG, call, factory } from '../build.js';
import type { JudgeInput } from '../facts.js';
import { judgeSignal, judgeTimeoutProp, lookupLayers, missingOrUnknown } from '../summary.js';
import type { MemberTable, Verdict } from '../types.js';

const OFETCH_CALLS: MemberTable = {
  '': call('ofetch', { at: 1 }),
  raw: call('ofetch', { at: 1 }),
  native: call('ofetch', { at: 1 }),
  create: factory('ofetch', 'ofetch', { at: 0 }, 'callee'),
};

/** `import { ofetch, $fetch } from 'ofetch'`: both names are the same function. */
const OFETCH_MODULE: MemberTable = Object.fromEntries(
  ['ofetch', '$fetch'].flatMap(name =>
    Object.entries(OFETCH_CALLS).map(([key, role]) => [key ? `${name}.${key}` : name, role]),
  ),
);

function decideOfetch(input: JudgeInput): Verdict {
  const signal = lookupLayers(input, 'signal');
  const bySignal = judgeSignal(signal.prop);
  if (bySignal?.status === 'bounded' || bySignal?.status === 'unknown') return bySignal;
  const timeout = lookupLayers(input, 'timeout');
  const byTimeout = judgeTimeoutProp(timeout.prop, 'timeout');
  if (byTimeout) return byTimeout;
  return bySignal ?? missingOrUnknown(timeout.opaque || signal.opaque);
}

export const ofetchFamily: ClientFamily = {
  family: {
    id: 'ofetch',
    label: 'ofetch',
    reportAt: 'call',
    hang: RUNTIME_FETCH_HANG,
    fix: 'set a finite `timeout` (ms) in the options (or `ofetch.create({ timeout })`), or pass `signal: AbortSignal.timeout(ms)`',
  },
  modules: { ofetch: OFETCH_MODULE },
  instances: { ofetch: { members: OFETCH_CALLS } },
  // Nuxt and Nitro make ofetch's `$fetch` a global: used without an import in server routes.
  globals: Object.fromEntries(
    Object.entries(OFETCH_CALLS)
      .filter(([key]) => key !== 'create')
      .map(([key, role]) => [key ? `$fetch.${key}` : '$fetch', role]),
  ),
  types: [
    { names: ['$Fetch'], modules: ['ofetch'], packages: ['/ofetch/'], instance: 'ofetch', family: 'ofetch' },
  ],
  decide: decideOfetch,
};
