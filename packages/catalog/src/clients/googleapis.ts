// googleapis (`google.drive({ version: 'v3', auth })`, and the packages of one API each,
// `@googleapis/drive`): every API method sends through gaxios, whose `timeout` "Defaults to 0"
// (gaxios README: none), and googleapis sets none of its own. A request is bounded by a finite
// `timeout` (ms) or a `signal`, given to the API's constructor (its options are the defaults of
// every call), to one call as its second argument (`drive.files.list(params, { timeout })`), or
// process-wide with `google.options({ timeout })`. gaxios retries a request that got no answer,
// but each attempt waits as long as the server does.
import { type ClientFamily, type DeclaredType, call, factory } from '../build.js';
import type { JudgeInput } from '../facts.js';
import { AUTH_CLIENT } from './google-auth.js';
import { isFalsyNone, judgeSignal, judgeTimeoutProp, lookupLayers, missingOrUnknown } from '../summary.js';
import type { MemberTable, Role, Verdict } from '../types.js';

function decideGoogleapis(input: JudgeInput): Verdict {
  const timeout = lookupLayers(input, 'timeout');
  // gaxios: a timeout of 0 (its default) sets no timer.
  const byTimeout = judgeTimeoutProp(timeout.prop, 'timeout', isFalsyNone);
  const signal = lookupLayers(input, 'signal');
  const bySignal = judgeSignal(signal.prop);
  if (byTimeout?.status === 'bounded' || bySignal?.status === 'bounded') return { status: 'bounded' };
  if (bySignal?.status === 'unknown') return bySignal;
  if (byTimeout) return byTimeout;
  if (bySignal) return bySignal;
  return missingOrUnknown(timeout.opaque || signal.opaque);
}

/** An API's factory: its options (`{ version, auth, timeout }`, or the version alone) are the defaults of its calls. */
const API: Role = factory('googleapis', 'googleapis', { at: 0 });

/**
 * The APIs of `google` that services call most (googleapis exports a factory per API, some 300;
 * the rest are read the same way through their own packages, `@googleapis/<api>`).
 */
const APIS = [
  'admin',
  'analytics',
  'analyticsadmin',
  'analyticsdata',
  'androidpublisher',
  'bigquery',
  'blogger',
  'calendar',
  'chat',
  'civicinfo',
  'classroom',
  'cloudbuild',
  'cloudfunctions',
  'cloudresourcemanager',
  'cloudscheduler',
  'compute',
  'container',
  'content',
  'customsearch',
  'dns',
  'docs',
  'drive',
  'driveactivity',
  'drivelabels',
  'firebase',
  'firestore',
  'fitness',
  'forms',
  'gmail',
  'groupssettings',
  'iam',
  'identitytoolkit',
  'indexing',
  'keep',
  'language',
  'licensing',
  'logging',
  'meet',
  'monitoring',
  'mybusinessaccountmanagement',
  'mybusinessbusinessinformation',
  'oauth2',
  'people',
  'photoslibrary',
  'playintegrity',
  'pubsub',
  'reseller',
  'run',
  'script',
  'searchconsole',
  'secretmanager',
  'sheets',
  'slides',
  'speech',
  'sqladmin',
  'storage',
  'tagmanager',
  'tasks',
  'texttospeech',
  'translate',
  'vault',
  'vision',
  'webmasters',
  'youtube',
  'youtubeAnalytics',
  'youtubereporting',
];

/** `google.<api>` of googleapis' `google` object, and its auth clients (`google.auth.OAuth2`, google-auth.ts). */
const GOOGLE: MemberTable = {
  ...Object.fromEntries(APIS.map(name => [`google.${name}`, API])),
  ...Object.fromEntries(
    ['OAuth2', 'JWT', 'UserRefreshClient'].map(name => [`google.auth.${name}`, AUTH_CLIENT]),
  ),
};

/** What a package of one API exports besides its factory (`auth`, the versioned namespaces, `AuthPlus`). */
const NOT_API = /^(?:auth|AuthPlus|.*_v\d.*|VERSIONS)$/;

/**
 * The class of each API (`drive_v3.Drive`, `gmail_v1.Gmail`): a field or parameter declared with
 * it is an API whose options are not visible (only a call's own options are judged).
 */
const API_TYPES: DeclaredType = {
  names: APIS.map(name => name.charAt(0).toUpperCase() + name.slice(1)),
  modules: ['googleapis', ...APIS.map(name => `@googleapis/${name}`)],
  packages: ['/googleapis/', '/@googleapis/'],
  instance: 'googleapis',
  family: 'googleapis',
};

export const googleapisFamily: ClientFamily = {
  family: {
    id: 'googleapis',
    label: 'googleapis',
    reportAt: 'call',
    fix: 'set `timeout` (ms) in the API’s options (`google.drive({ version, auth, timeout })`), in the call’s options (its second argument), process-wide with `google.options({ timeout })`, or in the transporter options of the auth client it is given',
  },
  modules: { googleapis: GOOGLE },
  // The factory a package of one API exports under the API's name (`drive` of `@googleapis/drive`).
  modulePrefix: {
    prefix: '@googleapis/',
    lookup: key => (/^[a-z][A-Za-z0-9]*$/.test(key) && !NOT_API.test(key) ? API : undefined),
  },
  instances: {
    googleapis: {
      members: {},
      // `drive.files.list(params, options)`, `gmail.users.messages.attachments.get(params, options)`.
      any: call('googleapis', { at: 1 }),
      anyDepth: 5,
      except: ['context'],
    },
  },
  types: [API_TYPES],
  decide: decideGoogleapis,
};
