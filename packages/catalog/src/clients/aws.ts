// AWS SDK v3 service clients (`@aws-sdk/client-*`): the bound lives in the client's request handler.
import { type ClientFamily, NONE, call, factory } from '../build.js';
import type { JudgeInput } from '../facts.js';
import { getProp, isNoneValue, isOpaque, showValue } from '../summary.js';
import type { Role, Verdict } from '../types.js';

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
 * `requestTimeout` only logs a warning unless `throwOnRequestTimeout: true`
 * (@smithy/types httpHandlerInitialization.d.ts); `connectionTimeout` bounds only connecting.
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
    const throws = getProp(params, 'throwOnRequestTimeout');
    if (throws && throws.value.kind === 'boolean' && throws.value.value) return { status: 'bounded' };
    if (throws && throws.value.kind !== 'boolean') return { status: 'unknown' };
    return { status: 'doesNotAbort', key: 'requestTimeout', at: requestTimeout.at, how: 'aws' };
  }
  if (params.hasSpread) return { status: 'unknown' };
  return { status: 'missing', detail: '`requestHandler.requestTimeout`' };
}

export const awsFamily: ClientFamily = {
  family: {
    id: 'aws',
    label: 'AWS SDK',
    reportAt: 'construction',
    fix: 'give the client `requestHandler: { connectionTimeout: ms, requestTimeout: ms, throwOnRequestTimeout: true }`, or pass `{ abortSignal: AbortSignal.timeout(ms) }` to every `send`',
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
};
