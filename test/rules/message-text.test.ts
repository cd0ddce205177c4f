// How a call's callee is written in a message: on one line, and short enough to read, keeping the
// method it ends with.
import { describe, expect, it } from 'vitest';

import { oneLine, shortCallee } from '../../rules/util/ast.js';

describe('oneLine', () => {
  it('joins a chain broken before its dots and collapses other white space', () => {
    expect(oneLine('supabaseAdmin(c)\n      .from')).toBe('supabaseAdmin(c).from');
    expect(oneLine('client\n  ?.rpc')).toBe('client?.rpc');
    expect(oneLine('send(a,\n     b)')).toBe('send(a, b)');
  });
});

describe('shortCallee', () => {
  it('keeps a short callee as written', () => {
    expect(shortCallee('redis.get')).toBe('redis.get');
    expect(shortCallee('getPool()\n    .query')).toBe('getPool().query');
  });

  it('drops the arguments of a long chain before cutting it, so the method stays', () => {
    expect(shortCallee('createSlackClient(channel.accessToken).chat.postMessage')).toBe(
      'createSlackClient(…).chat.postMessage',
    );
    expect(shortCallee('foo(bar(baz(1, 2), 3), 4).x.y.zzzzzzzzzzzzzzzzzzzzzzz')).toBe(
      'foo(…).x.y.zzzzzzzzzzzzzzzzzzzzzzz',
    );
  });

  it('keeps a grouping parenthesis, which holds no arguments', () => {
    expect(shortCallee("(protocol === 'https' ? https : http).request")).toBe(
      "…col === 'https' ? https : http).request",
    );
    expect(shortCallee('(await getClient(tenantIdentifier, regionName)).listAll')).toBe(
      '(await getClient(…)).listAll',
    );
  });

  it('cuts the start at a member, not inside a name', () => {
    expect(shortCallee('this.someVeryLongServiceName.anotherVeryLongClientField.hgetall')).toBe(
      '….anotherVeryLongClientField.hgetall',
    );
  });

  it('cuts the start when the chain is still too long, never the method', () => {
    const short = shortCallee('this.redisClient.multi().incr(key).expire(key, 60).exec');
    expect(short).toBe('….multi().incr(…).expire(…).exec');
    expect(short.length).toBeLessThanOrEqual(40);
    expect(shortCallee('this.someVeryLongServiceName.anotherVeryLongClientField.someMethodName')).toMatch(
      /^….*\.someMethodName$/,
    );
  });
});
