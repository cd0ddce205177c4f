// Which Redis reads wait for data by design and for ever (not asked for a command deadline), and
// which wait a written, finite time (a call like any other).
import { parse } from '@typescript-eslint/parser';
import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';

import { isBlockingCommand } from '../../rules/util/subscriber.js';

function blocking(code: string): boolean {
  const program = parse(code);
  const statement = program.body.at(-1) as TSESTree.ExpressionStatement;
  const call = statement.expression as TSESTree.CallExpression;
  const callee = call.callee as TSESTree.MemberExpression;
  // The file's consts, as the rule's model reads them.
  const constant = (name: TSESTree.Identifier) => {
    for (const each of program.body)
      if (each.type === 'VariableDeclaration' && each.kind === 'const')
        for (const declarator of each.declarations)
          if (declarator.id.type === 'Identifier' && declarator.id.name === name.name)
            return declarator.init ?? undefined;
    return undefined;
  };
  return isBlockingCommand((callee.property as TSESTree.Identifier).name, call.arguments, constant);
}

describe('isBlockingCommand', () => {
  it('takes a read that waits for ever, or for a wait not written as a number, as by design', () => {
    expect(blocking(`redis.brpop('jobs', 0)`)).toBe(true);
    expect(blocking(`redis.BLMOVE('a', 'b', 'LEFT', 'RIGHT', 0)`)).toBe(true);
    expect(blocking(`redis.blmpop(0, 1, 'jobs', 'LEFT')`)).toBe(true);
    expect(blocking(`redis.xread('BLOCK', 0, 'STREAMS', 'events', '$')`)).toBe(true);
    expect(blocking(`redis.xreadgroup('GROUP', 'g', 'c', 'BLOCK', '0', 'STREAMS', 'events', '>')`)).toBe(
      true,
    );
    expect(blocking(`client.xRead({ key: 'events', id: '$' }, { BLOCK: 0 })`)).toBe(true);
    expect(blocking(`client.brPop('jobs', waitSeconds)`)).toBe(true);
  });

  it('takes a read that waits a written, finite time, or does not block, as a call like any other', () => {
    expect(blocking(`redis.xread('BLOCK', 10000, 'STREAMS', 'events', '$')`)).toBe(false);
    expect(blocking(`const WAIT = 10000; redis.xread('BLOCK', WAIT, 'STREAMS', 'events', '$')`)).toBe(false);
    expect(blocking(`const FOREVER = 0; redis.brpop('jobs', FOREVER)`)).toBe(true);
    expect(blocking(`redis.brpop('jobs', 5)`)).toBe(false);
    expect(blocking(`client.xRead({ key: 'events', id: '$' }, { BLOCK: 5000 })`)).toBe(false);
    expect(blocking(`client.xRead({ key: 'events', id: '0' }, { COUNT: 10 })`)).toBe(false);
    expect(blocking(`redis.xread('COUNT', 10, 'STREAMS', 'events', '0')`)).toBe(false);
    expect(blocking(`redis.get('jobs')`)).toBe(false);
  });
});
