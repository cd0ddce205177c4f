// Octokit runs on fetch with no timeout of its own: `request.signal` or a custom `request.fetch`
// bounds it; `request.timeout` still type-checks but has been ignored since the move to fetch.
import { type ClientFamily, NONE, RUNTIME_FETCH_HANG, call, factory } from '../build.js';
import type { JudgeInput } from '../facts.js';
import { getProp, isOpaque, judgeSignal, missingOrUnknown } from '../summary.js';
import type { MemberTable, Role, Verdict } from '../types.js';

const ALIAS: Role = { role: 'alias' };
const OCTOKIT_MODULE: MemberTable = {
  Octokit: factory('octokit', 'octokit', { at: 0 }),
  'Octokit.plugin': ALIAS,
  'Octokit.defaults': ALIAS,
};

function decideOctokit(input: JudgeInput): Verdict {
  const options = input.options;
  const request = getProp(options, 'request');
  if (request) {
    if (request.value.kind !== 'object') return { status: 'unknown' };
    const signal = judgeSignal(getProp(request.value, 'signal'));
    if (signal) return signal;
    if (getProp(request.value, 'fetch')) return { status: 'bounded' };
    const ignored = getProp(request.value, 'timeout');
    if (ignored) return { status: 'ignored', key: 'request.timeout', at: ignored.at };
    if (request.value.hasSpread) return { status: 'unknown' };
    return { status: 'missing', detail: '`request.signal` or a timed `request.fetch`' };
  }
  return missingOrUnknown(isOpaque(options), '`request.signal` or a timed `request.fetch`');
}

export const octokitFamily: ClientFamily = {
  family: {
    id: 'octokit',
    label: 'Octokit',
    reportAt: 'construction',
    hang: RUNTIME_FETCH_HANG,
    fix: 'give it `request: { fetch }` with a fetch that adds `AbortSignal.timeout(ms)`, or pass `request: { signal: AbortSignal.timeout(ms) }` per call (`request.timeout` is ignored since Octokit moved to fetch)',
  },
  modules: {
    '@octokit/rest': OCTOKIT_MODULE,
    '@octokit/core': OCTOKIT_MODULE,
    octokit: { ...OCTOKIT_MODULE, App: factory('octokit', 'octokit', { at: 0 }) },
    '@octokit/action': OCTOKIT_MODULE,
    // GitHub Actions' toolkit: `getOctokit(token, options)` makes an Octokit on fetch (a proxy
    // dispatcher when one is configured), with no deadline unless the options give one.
    '@actions/github': { getOctokit: factory('octokit', 'octokit', { at: 1 }) },
    // The toolkit's Octokit class itself (`new (GitHub.plugin(retry))(getOctokitOptions(token,
    // options))`): Octokit with the proxy-aware fetch of `getOctokit`, and no deadline either.
    '@actions/github/lib/utils': {
      GitHub: factory('octokit', 'octokit', { at: 0 }),
      'GitHub.plugin': ALIAS,
      'GitHub.defaults': ALIAS,
    },
  },
  instances: {
    octokit: {
      members: {},
      any: call('octokit', NONE),
      anyDepth: 4,
      except: ['hook', 'log', 'auth', 'paginate', 'plugin'],
    },
  },
  decide: decideOctokit,
};

/**
 * Library functions that build a client's options from the options they are handed (at the given
 * argument), adding none that bound it: `getOctokitOptions(token, options)` copies `options` and
 * adds the token's `auth`.
 */
export const OPTIONS_HELPERS: Readonly<Record<string, Readonly<Record<string, number>>>> = {
  '@actions/github/lib/utils': { getOctokitOptions: 1 },
};
