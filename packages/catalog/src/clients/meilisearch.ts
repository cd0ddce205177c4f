// Meilisearch (meilisearch-js): no request bound by default; `timeout` (ms, per HTTP request) in the
// client's config aborts each request (read from src/types/types.ts `Config.timeout`, which the
// library enforces with a timer). `requestInit` cannot carry a signal (its type omits it); a custom
// `httpClient` may bound requests itself. Reported where the client is made.
import { type ClientFamily, NONE, RUNTIME_FETCH_HANG, call, factory } from '../build.js';
import type { JudgeInput } from '../facts.js';
import { getProp, isFalsyNone, judgeRequiredTimeout } from '../summary.js';
import type { Verdict } from '../types.js';

function decideMeilisearch(input: JudgeInput): Verdict {
  // A custom fetch replacement is the team's own transport, and may carry the bound.
  if (getProp(input.options, 'httpClient')) return { status: 'unknown' };
  return judgeRequiredTimeout(input, ['timeout'], isFalsyNone);
}

const CLIENT = factory('meilisearch', 'meilisearch', { at: 0 });

export const meilisearchFamily: ClientFamily = {
  family: {
    id: 'meilisearch',
    label: 'Meilisearch',
    reportAt: 'construction',
    hang: RUNTIME_FETCH_HANG,
    fix: 'set `timeout` (ms, per request) in the client config',
  },
  modules: { meilisearch: { MeiliSearch: CLIENT, Meilisearch: CLIENT } },
  instances: {
    meilisearch: {
      members: {},
      any: call('meilisearch', NONE),
      anyDepth: 3,
      except: ['config', 'httpRequest'],
    },
  },
  decide: decideMeilisearch,
};
