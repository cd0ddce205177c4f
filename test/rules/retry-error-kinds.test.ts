// outageKind and requiredKinds: which error kinds a retry goes round on, and whether an outage
// raises them. require-backoff leaves alone a retry whose failure handler lets only kinds no
// outage raises go round again.
import tsParser from '@typescript-eslint/parser';
import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';

import { type Node, setParents } from '../../rules/util/ast.js';
import { outageKind, requiredKinds } from '../../rules/util/retry/error-kinds.js';

describe('outageKind', () => {
  it.each([
    'ECONNRESET',
    'ETIMEDOUT',
    '503',
    '429',
    '0',
    '14',
    'UNKNOWN',
    'P1001',
    '57P01',
    'isRetryable',
    'RedisConnectionError',
    'ThrottlingException',
    'ProvisionedThroughputExceededException',
    'socket hang up',
    'fetch failed',
    'AxiosError',
    'Error',
    'isNetworkError',
  ])('%s is an outage’s', kind => expect(outageKind(kind)).toBe(true));

  it.each([
    'MetaFileExpiredError',
    'isDataConsistencyError',
    '410',
    '404',
    'ENOENT',
    'EOTP',
    'one-time pass',
    'Unknown argument "distinct"',
    'nonce too low',
    'UnknownRootError',
    'LockError',
    'generateBatch',
  ])('%s is not', kind => expect(outageKind(kind)).toBe(false));
});

describe('requiredKinds', () => {
  const test = (source: string): Node => {
    const program = tsParser.parse(`if (${source}) {}`, {
      range: true,
      loc: true,
    }) as unknown as TSESTree.Program;
    setParents(program as unknown as Node);
    return (program.body[0] as TSESTree.IfStatement).test as Node;
  };

  it.each([
    ['err instanceof MetaFileExpiredError', true, ['MetaFileExpiredError']],
    ['!(err instanceof ValidationError)', true, undefined],
    ['!(err instanceof ValidationError)', false, ['ValidationError']],
    ["err.code !== 'P2002'", false, ['P2002']],
    ["err.code !== 'P2002'", true, undefined],
    ['err?.response?.status === 410', true, ['410']],
    ['err.response.status >= 500', true, undefined],
    ['isA(err) && attempt < 3', true, ['isA']],
    ['isA(err) || attempt < 3', true, undefined],
    ['isA(err) || isB(err)', true, ['isA', 'isB']],
    ['attempt >= max || !isRetryable(err)', false, ['isRetryable']],
    ["['ECONNRESET', 'EPIPE'].includes(err.code)", true, ['ECONNRESET', 'EPIPE']],
    ['RETRYABLE_CODES.includes(err.code)', true, ['RETRYABLE_CODES']],
    ["err.message.includes('nonce too low')", true, ['nonce too low']],
    ['/one-time pass/.test(String(err))', true, ['one-time pass']],
    ['other instanceof MetaFileExpiredError', true, undefined],
    ['log(err)', true, undefined],
  ] as const)('%s (holds: %s) requires %j', (source, holds, kinds) =>
    expect(requiredKinds(test(source), 'err', holds)).toEqual(kinds),
  );
});
