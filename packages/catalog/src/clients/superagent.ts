// superagent: no default deadline; `.timeout({ response, deadline })` along the request chain bounds it.
import { type ClientFamily, NONE, call, factory, verbs } from '../build.js';
import type { JudgeInput } from '../facts.js';
import type { MemberTable, Verdict } from '../types.js';

const SUPERAGENT_VERBS = ['get', 'post', 'put', 'patch', 'del', 'delete', 'head', 'options'];

const SUPERAGENT_CALLS: MemberTable = {
  '': call('superagent', { chain: 'timeout' }),
  ...verbs('superagent', SUPERAGENT_VERBS, { chain: 'timeout' }),
  agent: factory('superagent-agent', 'superagent', NONE),
};

/** Bounded when the reader saw `.timeout(…)` on the request; a reader that cannot tell passes options. */
function decideSuperagent(input: JudgeInput): Verdict {
  if (input.chainTimeout !== undefined)
    return input.chainTimeout ? { status: 'bounded' } : { status: 'missing' };
  return input.options.kind === 'absent' ? { status: 'missing' } : { status: 'bounded' };
}

export const superagentFamily: ClientFamily = {
  family: {
    id: 'superagent',
    label: 'superagent',
    reportAt: 'call',
    fix: 'add `.timeout({ response: ms, deadline: ms })` to the request chain',
  },
  modules: { superagent: SUPERAGENT_CALLS },
  instances: { 'superagent-agent': { members: verbs('superagent', SUPERAGENT_VERBS, { chain: 'timeout' }) } },
  decide: decideSuperagent,
};
