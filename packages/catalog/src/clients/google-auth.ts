// google-auth-library (`new OAuth2Client(…)`, `new JWT(…)`, `new UserRefreshClient(…)`, and the same
// classes under googleapis' `google.auth`): token exchanges and refreshes (`getToken`,
// `refreshAccessToken`, `getAccessToken`), `request`/`fetch` and revocations go through the auth
// client's own gaxios transporter, whose `timeout` defaults to 0 (none). The client's options can
// give that transporter defaults: `transporterOptions: { timeout }` (AuthClientOptions, "Provides
// default options to the transporter"); the positional form, `new OAuth2Client(clientId,
// clientSecret, redirectUri)`, takes none. A googleapis API's own `timeout` does not reach the token
// refresh its auth client runs before a request.
import { type ClientFamily, NONE, call, factory } from '../build.js';
import type { JudgeInput } from '../facts.js';
import { getPathOrOpaque, isFalsyNone, judgeTimeoutProp, missingOrUnknown } from '../summary.js';
import type { MemberTable, Role, Verdict } from '../types.js';

function decideGoogleAuth(input: JudgeInput): Verdict {
  const options = input.options;
  // A client ID written first (a string, an environment read): the positional form, with no options.
  if (options.kind === 'absent' || options.kind === 'string' || options.kind === 'value')
    return { status: 'missing', detail: 'transporterOptions.timeout' };
  if (options.kind !== 'object') return { status: 'unknown' };
  const found = getPathOrOpaque(options, ['transporterOptions', 'timeout']);
  return (
    judgeTimeoutProp(found.prop, 'transporterOptions.timeout', isFalsyNone) ??
    missingOrUnknown(found.opaque || options.hasSpread, 'transporterOptions.timeout')
  );
}

/** An auth client: its options (an object, or a client ID written first) give its transporter's defaults. */
export const AUTH_CLIENT: Role = factory('google-auth', 'google-auth', { at: 0, alone: true });
/**
 * The clients whose own options carry `transporterOptions` (`GoogleAuth` hands its clients theirs
 * through `clientOptions`, and is left out).
 */
const CLASSES = ['OAuth2Client', 'JWT', 'UserRefreshClient'];

/** What sends a request through the auth client's transporter. */
const SENDS: MemberTable = Object.fromEntries(
  [
    'getToken',
    'refreshAccessToken',
    'getAccessToken',
    'request',
    'fetch',
    'revokeToken',
    'revokeCredentials',
    'getTokenInfo',
    'verifyIdToken',
    'authorize',
    'fetchIdToken',
  ].map(name => [name, call('google-auth', NONE)]),
);

export const googleAuthFamily: ClientFamily = {
  family: {
    id: 'google-auth',
    label: 'google-auth-library',
    reportAt: 'construction',
    fix: 'make it with an options object that gives its transporter a timeout (google-auth-library 9.2 and later): `new OAuth2Client({ clientId, clientSecret, redirectUri, transporterOptions: { timeout: 10_000 } })`, which also bounds the googleapis requests sent through it',
  },
  // googleapis' `google.auth.OAuth2` and its kin are listed with googleapis' own module (googleapis.ts).
  modules: { 'google-auth-library': Object.fromEntries(CLASSES.map(name => [name, AUTH_CLIENT])) },
  instances: {
    'google-auth': {
      members: SENDS,
      // Built or set locally: a client used only through these sends nothing.
      except: ['generateAuthUrl', 'generateCodeVerifierAsync', 'setCredentials', 'on'],
    },
  },
  types: [
    {
      names: CLASSES,
      modules: ['google-auth-library'],
      packages: ['/google-auth-library/'],
      instance: 'google-auth',
      family: 'google-auth',
    },
  ],
  decide: decideGoogleAuth,
};
