// Keycloak's admin client (`@keycloak/keycloak-admin-client`): every resource call
// (`kc.users.find()`, `kc.roles.findOneByName()`) and `kc.auth()` is one HTTP request to Keycloak.
// Its bound changed twice (read from the published packages' lib/client.js, lib/resources/agent.js
// and lib/utils/auth.js):
// - up to 21.0.x the requests are axios calls made with the client's `requestConfig`
//   (`ConnectionConfig.requestConfig?: AxiosRequestConfig`, spread into each request and into the
//   token request), so `requestConfig: { timeout }` bounds them; axios's default is none;
// - from 21.1 the requests are fetch calls made with `requestOptions` (a `RequestInit`, spread into
//   each fetch): nothing bounds a request, and a signal put there would be one signal for the
//   client's whole life (26.x types it `Omit<RequestInit, "signal">`);
// - 26.5.1 added `timeout` (ms) to `ConnectionConfig`: each request and the token request get
//   `signal: AbortSignal.timeout(timeout)` (client.js `auth`, agent.js `requestWithParams`).
//   26.5.0 has none. `setConfig` does not change it.
// Reported where the client is made, in the form the declared version understands.
import { type ClientFamily, NONE, call, factory } from '../build.js';
import type { JudgeInput, VersionFacts } from '../facts.js';
import {
  getPath,
  getProp,
  isFalsyNone,
  isNoneValue,
  judgeTimeoutProp,
  missingOrUnknown,
} from '../summary.js';
import type { Verdict } from '../types.js';
import { rangeIsAtLeast } from '../values.js';

/**
 * Which request layer the declared version has; undefined when no version is declared or the
 * range admits versions on both sides of 26.5.1 (`^26.0.0`: either key may bound it).
 */
function eraOf(facts: VersionFacts): 'axios' | 'fetch' | 'timeout' | undefined {
  const range = facts.declared?.range;
  if (range === undefined) return undefined;
  if (rangeIsAtLeast(range, [26, 5, 1]) === true) return 'timeout';
  if (rangeIsAtLeast(range, [21, 1, 0]) === false) return 'axios';
  // A range that cannot reach 26.5.1 and admits 21.1 or later (`^21.0.0`) installs its highest
  // version, a fetch-based one: no option bounds a request there.
  if (rangeIsAtLeast(range, [26, 5, 1]) === false) return 'fetch';
  return undefined;
}

const FETCH_LIMITATION =
  '@keycloak/keycloak-admin-client from 21.1 to 26.5.0 sends its requests with fetch and has no option that bounds one (`requestOptions` is spread into every request, so a signal there would abort them all once it fires)';

const FETCH_FIX =
  'race each call against a timer (a timeout wrapper), or upgrade to @keycloak/keycloak-admin-client 26.5.1 or later and set `timeout` (ms)';

const AXIOS_FIX = 'set `requestConfig: { timeout: ms }` in the client config';

function decideKeycloak(input: JudgeInput): Verdict {
  const options = input.options;
  const era = eraOf(input);
  const written = (path: readonly string[]) =>
    options.kind === 'object' ? getPath(options, path) : undefined;
  if (era === 'fetch') {
    // Whatever the options hold, no request is bounded: say so where a later version's key is written.
    const ignored = written(['timeout']);
    if (ignored) return { status: 'ignored', key: 'timeout', at: ignored.at };
    return { status: 'missing', limitation: FETCH_LIMITATION };
  }
  if (options.kind === 'absent')
    return { status: 'missing', detail: era === 'axios' ? 'requestConfig.timeout' : 'timeout' };
  if (options.kind !== 'object') return { status: 'unknown' };
  const paths: string[][] =
    era === 'axios'
      ? [['requestConfig', 'timeout']]
      : era === 'timeout'
        ? [['timeout']]
        : [['timeout'], ['requestConfig', 'timeout']];
  for (const path of paths) {
    // `timeout: 0` arms no signal (the client tests it for truth); axios reads 0 as none.
    const verdict = judgeTimeoutProp(
      written(path),
      path.join('.'),
      path.length === 1 ? isFalsyNone : isNoneValue,
    );
    if (verdict) return verdict;
  }
  // Before 21.1 the client has no `timeout` of its own: one written there is ignored.
  const early = era === 'axios' ? written(['timeout']) : undefined;
  if (early) return { status: 'ignored', key: 'timeout', at: early.at };
  // `requestConfig: config`: the team's own axios config may hold the bound.
  const nested = era === 'timeout' ? undefined : getProp(options, 'requestConfig');
  const opaque =
    options.hasSpread || (nested !== undefined && (nested.value.kind !== 'object' || nested.value.hasSpread));
  return missingOrUnknown(opaque, paths[0]!.join('.'));
}

const CLIENT = factory('keycloak', 'keycloak', { at: 0 });

export const keycloakFamily: ClientFamily = {
  family: {
    id: 'keycloak',
    label: 'Keycloak admin',
    reportAt: 'construction',
    fix: 'set `timeout` (ms, per request; @keycloak/keycloak-admin-client 26.5.1 or later) in the client config',
    versionPackages: ['@keycloak/keycloak-admin-client', 'keycloak-admin'],
  },
  modules: {
    '@keycloak/keycloak-admin-client': { '': CLIENT, KeycloakAdminClient: CLIENT },
    // The package's name before Keycloak adopted it (axios-based, `requestConfig`).
    'keycloak-admin': { '': CLIENT, KeycloakAdminClient: CLIENT },
  },
  instances: {
    keycloak: {
      members: {},
      any: call('keycloak', NONE),
      anyDepth: 3,
      // Configuration and token bookkeeping: no request.
      except: [
        'setConfig',
        'setAccessToken',
        'getAccessToken',
        'registerTokenProvider',
        'getRequestOptions',
        'getRequestConfig',
        'getGlobalRequestArgOptions',
        'baseUrl',
        'realmName',
        'accessToken',
        'refreshToken',
        'scope',
        'timeout',
      ],
    },
  },
  types: [
    {
      names: ['KeycloakAdminClient'],
      modules: ['@keycloak/keycloak-admin-client', 'keycloak-admin'],
      packages: ['/@keycloak/keycloak-admin-client/', '/keycloak-admin/'],
      instance: 'keycloak',
      family: 'keycloak',
    },
  ],
  decide: decideKeycloak,
  fixFor: facts => {
    const era = eraOf(facts);
    if (era === 'fetch') return FETCH_FIX;
    if (era === 'axios') return AXIOS_FIX;
    return undefined;
  },
};
