// Supabase (supabase-js): every call is a fetch with no deadline; the client has no timeout option.
// What bounds it is a `global.fetch` that adds one (`(input, init) => fetch(input, { ...init, signal:
// AbortSignal.timeout(ms) })`), or `.abortSignal(signal)` on each query. Reported where the client is
// made, unless it is given its own fetch.
import { type ClientFamily, NONE, RUNTIME_FETCH_HANG, call, factory } from '../build.js';
import type { JudgeInput } from '../facts.js';
import { getPath, isOpaque, missingOrUnknown } from '../summary.js';
import type { Verdict } from '../types.js';

function decideSupabase(input: JudgeInput): Verdict {
  if (getPath(input.options, ['global', 'fetch'])) return { status: 'unknown' };
  return missingOrUnknown(isOpaque(input.options), '`global.fetch` that adds `AbortSignal.timeout(ms)`');
}

export const supabaseFamily: ClientFamily = {
  family: {
    id: 'supabase',
    label: 'Supabase',
    reportAt: 'construction',
    hang: RUNTIME_FETCH_HANG,
    fix: 'give it `global: { fetch: (input, init) => fetch(input, { ...init, signal: AbortSignal.timeout(ms) }) }`, or call `.abortSignal(AbortSignal.timeout(ms))` on each query',
  },
  modules: { '@supabase/supabase-js': { createClient: factory('supabase', 'supabase', { at: 2 }) } },
  instances: {
    supabase: {
      members: {},
      any: call('supabase', NONE),
      anyDepth: 3,
      // Realtime channels are subscriptions, not requests.
      except: ['channel', 'removeChannel', 'removeAllChannels', 'getChannels', 'realtime'],
    },
  },
  types: [
    {
      names: ['SupabaseClient'],
      modules: ['@supabase/supabase-js'],
      packages: ['/@supabase/supabase-js/'],
      instance: 'supabase',
      family: 'supabase',
    },
  ],
  decide: decideSupabase,
};
