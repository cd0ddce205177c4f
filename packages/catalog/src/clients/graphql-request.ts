// graphql-request (v6/v7, the `GraphQLClient` API): no deadline of its own; requests go through
// `fetch` (globalThis.fetch unless a `fetch` option replaces it). A `signal` bounds a request
// when a timer aborts it: per request only in the options form (`client.request({ document,
// variables, signal })`, `request({ url, document, signal })`), or for every request in the client
// config (`new GraphQLClient(url, { signal })`, which a per-request signal overrides). The
// positional form `request(document, variables, headers)` cannot take one.
// Read at jasonkuhrt/graphql-request@1260834 (branch graphql-request), src/legacy/classes/GraphQLClient.ts
// and src/legacy/functions/request.ts.
import { type ClientFamily, call, factory } from '../build.js';
import type { JudgeInput } from '../facts.js';
import { getProp, isOpaque, judgeSignal, lookupLayers } from '../summary.js';
import type { MemberTable, Verdict } from '../types.js';

const REQUESTS: MemberTable = {
  request: call('graphql-request', { at: 0 }),
  rawRequest: call('graphql-request', { at: 0 }),
  batchRequests: call('graphql-request', { at: 0 }),
};

function decideGraphqlRequest(input: JudgeInput): Verdict {
  // The client config is an instance layer of a call, and the options of its own construction.
  for (const layer of [input.options, ...input.instance]) {
    if (isOpaque(layer)) return { status: 'unknown' };
    // A custom fetch or a middleware that rewrites the request may add the deadline.
    if (getProp(layer, 'fetch') || getProp(layer, 'requestMiddleware')) return { status: 'unknown' };
  }
  const signal = judgeSignal(lookupLayers(input, 'signal').prop);
  return signal ?? { status: 'missing' };
}

export const graphqlRequestFamily: ClientFamily = {
  family: {
    id: 'graphql-request',
    label: 'graphql-request',
    reportAt: 'call',
    fix: 'use the options form with a timed signal (`request({ document, variables, signal: AbortSignal.timeout(ms) })`; the positional form cannot take one), or give the client a `fetch` that adds one',
  },
  modules: {
    'graphql-request': {
      ...REQUESTS,
      GraphQLClient: factory('graphql-request', 'graphql-request', { at: 1 }),
    },
  },
  instances: { 'graphql-request': { members: REQUESTS } },
  types: [
    {
      names: ['GraphQLClient'],
      modules: ['graphql-request'],
      packages: ['/graphql-request/'],
      instance: 'graphql-request',
      family: 'graphql-request',
    },
  ],
  decide: decideGraphqlRequest,
};
