// AWS SDK v3 service clients (`@aws-sdk/client-*`): the bound lives in the client's request handler,
// @smithy/node-http-handler, whose `requestTimeout` changed meaning in 4.4.0. Read at
// smithy-lang/smithy-typescript@6815d3e (tags @smithy/node-http-handler@2.0.2, @4.3.0, @4.4.0):
// - before 4.4.0, `requestTimeout` (and `socketTimeout`, its deprecated alias:
//   `requestTimeout: requestTimeout ?? socketTimeout`, src/node-http-handler.ts:81 at 2.0.2, :134 at
//   4.3.0) is a socket idle timeout that destroys the request and rejects with a TimeoutError
//   (src/set-socket-timeout.ts, armed at src/node-http-handler.ts:168 at 2.0.2, :291 at 4.3.0).
//   `throwOnRequestTimeout` does not exist there.
// - 4.4.0 (CHANGELOG.md "## 4.4.0": 761d89c, "undeprecate socketTimeout") split them:
//   `requestTimeout` bounds the whole request but only logs a warning unless `throwOnRequestTimeout:
//   true` (src/set-request-timeout.ts:13-31; packages/types/src/http/httpHandlerInitialization.ts:
//   34-47), and `socketTimeout` is the idle timeout that rejects (src/set-socket-timeout.ts).
// - `@aws-sdk/client-*` up to 3.722.x depend on @smithy/node-http-handler 3.x or older (before 3.363.0,
//   on @aws-sdk/node-http-handler), 3.723.0 to 3.908.0 on `^4.0.0` to `^4.3.0` (a fresh install
//   may take 4.4.0 or later, a lockfile may keep an older one), 3.910.0 and later on `^4.4.1`
//   (client-s3 and client-sqs manifests on the npm registry; every client is released together).
// So the decision reads the lockfile's @smithy/node-http-handler first, then a declared
// @smithy/node-http-handler, then the declared client's range; with none of them it keeps the
// 4.4.0 reading, and the message says what the older handlers do.
import { type ClientFamily, NONE, call, factory } from '../build.js';
import type { JudgeInput, VersionFacts } from '../facts.js';
import { getProp, isNoneValue, isOpaque, showValue } from '../summary.js';
import type { Role, Verdict } from '../types.js';
import { rangeIsAtLeast, versionsAreAtLeast } from '../values.js';

const AWS_PREFIX = '@aws-sdk/client-';

/** Factories of service clients: `S3Client`, and the aggregated `S3`. */
function lookupAwsClientModule(key: string): Role | undefined {
  // Commands are plain request descriptions; only the client sends them.
  if (key.endsWith('Command') || key.endsWith('Exception') || key.endsWith('Error') || key.includes('.'))
    return undefined;
  if (/^[A-Z]/.test(key)) return factory('aws-client', 'aws', { at: 0 });
  return undefined;
}

/**
 * Whether the project's request handler has `throwOnRequestTimeout` (@smithy/node-http-handler
 * 4.4.0 or later): true, false (an older one, whose `requestTimeout` aborts an idle request), or
 * undefined when what it declares and locks does not say.
 */
function hasThrowOption(facts: VersionFacts): boolean | undefined {
  if (facts.locked && facts.locked.length > 0) {
    const locked = versionsAreAtLeast(facts.locked, [4, 4, 0]);
    if (locked !== undefined) return locked;
  }
  const declared = facts.declared;
  if (!declared) return undefined;
  if (declared.pkg === '@smithy/node-http-handler') return rangeIsAtLeast(declared.range, [4, 4, 0]);
  // A client: from 3.910.0 it needs ^4.4.1; below 3.723.0 it cannot take a 4.x handler at all.
  if (rangeIsAtLeast(declared.range, [3, 910, 0]) === true) return true;
  if (rangeIsAtLeast(declared.range, [3, 723, 0]) === false) return false;
  return undefined;
}

const UNKNOWN_VERSION_NOTE =
  ' (it exists from @smithy/node-http-handler 4.4.0, which `@aws-sdk/client-*` 3.910.0 and later install; an older handler has no such option, and its `requestTimeout` already aborts a request idle that long)';

const BEFORE_4_4_FIX =
  'give the client `requestHandler: { connectionTimeout: ms, requestTimeout: ms }` (before @smithy/node-http-handler 4.4.0, `requestTimeout` aborts a request idle that long), or pass `{ abortSignal: AbortSignal.timeout(ms) }` to every `send`';

const FROM_4_4_FIX =
  'give the client `requestHandler: { connectionTimeout: ms, requestTimeout: ms, throwOnRequestTimeout: true }`, or pass `{ abortSignal: AbortSignal.timeout(ms) }` to every `send`';

/** When the handler's version is not known: the 4.4.0 fix, and what to leave out with an older one. */
const UNKNOWN_VERSION_FIX =
  'give the client `requestHandler: { connectionTimeout: ms, requestTimeout: ms, throwOnRequestTimeout: true }` (`throwOnRequestTimeout` needs @smithy/node-http-handler 4.4.0 or later, installed by `@aws-sdk/client-*` 3.910.0 and later; with an older one, leave it out: `requestTimeout` alone aborts), or pass `{ abortSignal: AbortSignal.timeout(ms) }` to every `send`';

/**
 * From @smithy/node-http-handler 4.4.0, `requestTimeout` only logs a warning unless
 * `throwOnRequestTimeout: true`; before it, `requestTimeout` aborts an idle request (see the top of
 * this file). `connectionTimeout` bounds only connecting.
 */
function decideAws(input: JudgeInput): Verdict {
  const config = input.options;
  if (isOpaque(config) && !getProp(config, 'requestHandler')) return { status: 'unknown' };
  const handler = getProp(config, 'requestHandler');
  if (!handler) return { status: 'missing', detail: '`requestHandler` timeouts' };
  const params = handler.value;
  if (params.kind !== 'object') return { status: 'unknown' };
  // `socketTimeout` (idle) destroys the socket; `connectionTimeout` bounds only connecting.
  const socketTimeout = getProp(params, 'socketTimeout');
  if (socketTimeout && !isNoneValue(socketTimeout.value)) return { status: 'bounded' };
  const requestTimeout = getProp(params, 'requestTimeout');
  if (requestTimeout) {
    if (isNoneValue(requestTimeout.value)) {
      return {
        status: 'none',
        key: 'requestTimeout',
        value: showValue(requestTimeout.value),
        at: requestTimeout.at,
      };
    }
    const throwOption = hasThrowOption(input);
    if (throwOption === false) return { status: 'bounded' };
    const throws = getProp(params, 'throwOnRequestTimeout');
    if (throws && throws.value.kind === 'boolean' && throws.value.value) return { status: 'bounded' };
    if (throws && throws.value.kind !== 'boolean') return { status: 'unknown' };
    return {
      status: 'doesNotAbort',
      key: 'requestTimeout',
      at: requestTimeout.at,
      how: 'aws',
      ...(throwOption === undefined ? { note: UNKNOWN_VERSION_NOTE } : {}),
    };
  }
  if (params.hasSpread) return { status: 'unknown' };
  return { status: 'missing', detail: '`requestHandler.requestTimeout`' };
}

export const awsFamily: ClientFamily = {
  family: {
    id: 'aws',
    label: 'AWS SDK',
    reportAt: 'construction',
    fix: UNKNOWN_VERSION_FIX,
    versionPackages: ['@smithy/node-http-handler', `${AWS_PREFIX}*`],
    lockedPackage: '@smithy/node-http-handler',
  },
  modules: {
    '@aws-sdk/lib-dynamodb': {
      'DynamoDBDocumentClient.from': factory('aws-client', 'aws', NONE, 'arg0'),
      'DynamoDBDocument.from': factory('aws-client', 'aws', NONE, 'arg0'),
    },
  },
  instances: {
    'aws-client': {
      members: { send: call('aws', { at: 1 }) },
      any: call('aws', { at: 1 }),
      except: ['destroy', 'middlewareStack', 'config', 'constructor'],
    },
  },
  types: [
    {
      names: ['Client'],
      modules: ['@smithy/smithy-client', '@aws-sdk/smithy-client'],
      packages: ['/@smithy/smithy-client/', '/@aws-sdk/smithy-client/'],
      instance: 'aws-client',
      family: 'aws',
    },
    {
      names: ['DynamoDBDocumentClient', 'DynamoDBDocument'],
      modules: ['@aws-sdk/lib-dynamodb'],
      packages: ['/@aws-sdk/lib-dynamodb/'],
      instance: 'aws-client',
      family: 'aws',
    },
  ],
  modulePrefix: { prefix: AWS_PREFIX, lookup: lookupAwsClientModule },
  decide: decideAws,
  fixFor: facts => {
    const throwOption = hasThrowOption(facts);
    return throwOption === false ? BEFORE_4_4_FIX : throwOption === true ? FROM_4_4_FIX : undefined;
  },
};
