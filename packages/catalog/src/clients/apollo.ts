// Apollo Client: no request deadline of its own. Requests go through the client's `link`; given
// only `uri`, Apollo Client 3 builds `new HttpLink({ uri, credentials, headers })` itself
// (src/core/ApolloClient.ts, v3.14.1), whose fetch has no timer: the HTTP link aborts only on
// unsubscribe or a `signal` in `fetchOptions` (src/link/http/createHttpLink.ts). A `link` chain
// is not judged: a timeout link or a bounded `fetch` may sit anywhere in it. Apollo Client 4
// requires `link`, so only v3 clients made from `uri` are reported. Read at
// apollographql/apollo-client v3.14.1 and 4.2.12 (54084bc).
import { type ClientFamily, NONE, RUNTIME_FETCH_HANG, call, factory } from '../build.js';
import type { JudgeInput } from '../facts.js';
import { getProp } from '../summary.js';
import type { Verdict } from '../types.js';

function decideApollo(input: JudgeInput): Verdict {
  const options = input.options;
  if (options.kind !== 'object' || options.hasSpread || getProp(options, 'link'))
    return { status: 'unknown' };
  // Neither `uri` nor `link`: an empty link that sends nothing.
  if (!getProp(options, 'uri')) return { status: 'bounded' };
  return { status: 'missing', detail: '`link`' };
}

const APOLLO_MODULE = { ApolloClient: factory('apollo', 'apollo', { at: 0 }) };

export const apolloFamily: ClientFamily = {
  family: {
    id: 'apollo',
    label: 'Apollo',
    reportAt: 'construction',
    hang: RUNTIME_FETCH_HANG,
    fix: 'replace `uri` with a `link` that bounds each request, e.g. `new HttpLink({ uri, fetch: (url, init) => fetch(url, { ...init, signal: AbortSignal.timeout(ms) }) })`, or put a timeout link in front of it',
  },
  modules: { '@apollo/client': APOLLO_MODULE, '@apollo/client/core': APOLLO_MODULE },
  instances: {
    apollo: {
      members: {
        query: call('apollo', NONE),
        mutate: call('apollo', NONE),
        refetchQueries: call('apollo', NONE),
      },
    },
  },
  types: [
    {
      names: ['ApolloClient'],
      modules: ['@apollo/client', '@apollo/client/core'],
      packages: ['/@apollo/client/'],
      instance: 'apollo',
      family: 'apollo',
    },
  ],
  decide: decideApollo,
};
