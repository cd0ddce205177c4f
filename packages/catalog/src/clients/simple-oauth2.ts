// simple-oauth2 (4 and later): its token requests go through @hapi/wreck, whose `timeout` (ms) is
// unset by default, so a token endpoint that stops answering holds `getToken`, `refresh` and
// `revoke` forever (lib/client/client.js: `Wreck.defaults(config.http)`, then each request's
// `httpOptions` over it). The bound is `http: { timeout }` in the grant's config, or `timeout` in a
// call's own `httpOptions` (the last argument of `getToken(params, httpOptions)`,
// `refresh(params, httpOptions)`, `revoke(type, httpOptions)`, `revokeAll(httpOptions)`). Reported
// at the call. Seen as a miss in two audits (Peppermint's OAuth callback, nango's token refresh).
import { type ClientFamily, NONE, call, factory } from '../build.js';
import type { JudgeInput } from '../facts.js';
import { getPathOrOpaque, isNoneValue, isOpaque, judgeTimeoutProp, missingOrUnknown } from '../summary.js';
import type { MemberTable, Verdict } from '../types.js';

function decideSimpleOauth2(input: JudgeInput): Verdict {
  let opaque = isOpaque(input.options);
  const own = getPathOrOpaque(input.options, ['timeout']);
  const verdict = judgeTimeoutProp(own.prop, 'timeout', isNoneValue);
  if (verdict) return verdict;
  // The grant's config, innermost first: `http.timeout`.
  for (const layer of [...input.instance].reverse()) {
    const found = getPathOrOpaque(layer, ['http', 'timeout']);
    const judged = judgeTimeoutProp(found.prop, 'http.timeout', isNoneValue);
    if (judged) return judged;
    if (found.opaque || isOpaque(layer)) opaque = true;
  }
  return missingOrUnknown(opaque, 'http.timeout');
}

const GRANT = factory('simple-oauth2', 'simple-oauth2', { at: 0 });

export const simpleOauth2Family: ClientFamily = {
  family: {
    id: 'simple-oauth2',
    label: 'simple-oauth2',
    reportAt: 'call',
    fix: 'set `http: { timeout: ms }` in the grant’s config (or `timeout` in the call’s `httpOptions`)',
  },
  modules: {
    'simple-oauth2': {
      AuthorizationCode: GRANT,
      ClientCredentials: GRANT,
      ResourceOwnerPassword: GRANT,
    },
  },
  instances: {
    'simple-oauth2': {
      members: {
        getToken: call('simple-oauth2', { at: 1 }),
        createToken: factory('simple-oauth2-token', 'simple-oauth2', NONE, 'callee'),
      } satisfies MemberTable,
    },
    'simple-oauth2-token': {
      members: {
        refresh: call('simple-oauth2', { at: 1 }),
        revoke: call('simple-oauth2', { at: 1 }),
        revokeAll: call('simple-oauth2', { at: 0 }),
      },
    },
  },
  types: [
    {
      names: ['AuthorizationCode', 'ClientCredentials', 'ResourceOwnerPassword'],
      modules: ['simple-oauth2'],
      packages: ['/simple-oauth2/'],
      instance: 'simple-oauth2',
      family: 'simple-oauth2',
    },
    {
      names: ['AccessToken'],
      modules: ['simple-oauth2'],
      packages: ['/simple-oauth2/'],
      instance: 'simple-oauth2-token',
      family: 'simple-oauth2',
    },
  ],
  decide: decideSimpleOauth2,
};
