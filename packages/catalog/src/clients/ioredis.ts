// ioredis: commands wait forever unless `commandTimeout` (or `socketTimeout`) is set. A client made
// with `maxRetriesPerRequest: null` is a BullMQ connection, whose commands must be able to wait.
import { type ClientFamily, NONE, REDIS_NON_COMMANDS, call, factory } from '../build.js';
import type { JudgeInput } from '../facts.js';
import { getProp, isNoneValue, missingOrUnknown, showValue } from '../summary.js';
import type { Verdict } from '../types.js';

function decideIoredis(input: JudgeInput): Verdict {
  let options = input.options;
  // Cluster: the per-node options live under `redisOptions`.
  const nested = getProp(options, 'redisOptions');
  if (nested) options = nested.value;
  if (options.kind === 'absent' || options.kind === 'string' || options.kind === 'number')
    return { status: 'missing', detail: 'commandTimeout' };
  if (options.kind !== 'object') return { status: 'unknown' };
  // `maxRetriesPerRequest: null` is what BullMQ requires of the connections it is given (its
  // workers block on Redis on purpose, and a command timeout would break them): a queue's
  // connection, judged by BullMQ's rules rather than a client's, and not reported.
  const retries = getProp(input.options, 'maxRetriesPerRequest') ?? getProp(options, 'maxRetriesPerRequest');
  if (retries && retries.value.kind === 'null') return { status: 'unknown' };
  // `commandTimeout: 0` times out at once (only a non-number means none); `socketTimeout` destroys the socket.
  const timeout = getProp(options, 'commandTimeout');
  if (timeout && (timeout.value.kind === 'null' || timeout.value.kind === 'undefined')) {
    return { status: 'none', key: 'commandTimeout', value: showValue(timeout.value), at: timeout.at };
  }
  if (timeout) return { status: 'bounded' };
  const socket = getProp(options, 'socketTimeout');
  if (socket && !isNoneValue(socket.value)) return { status: 'bounded' };
  return missingOrUnknown(options.hasSpread, 'commandTimeout');
}

export const ioredisFamily: ClientFamily = {
  family: {
    id: 'ioredis',
    label: 'ioredis',
    reportAt: 'construction',
    fix: 'set `commandTimeout` (ms) in the options',
  },
  modules: {
    ioredis: {
      '': factory('ioredis', 'ioredis', { lastObject: true }),
      Redis: factory('ioredis', 'ioredis', { lastObject: true }),
      Cluster: factory('ioredis', 'ioredis', { at: 1 }),
      'Redis.Cluster': factory('ioredis', 'ioredis', { at: 1 }),
    },
  },
  instances: { ioredis: { members: {}, any: call('ioredis', NONE), except: REDIS_NON_COMMANDS } },
  types: [
    {
      names: ['Redis', 'Cluster'],
      modules: ['ioredis'],
      packages: ['/ioredis/'],
      instance: 'ioredis',
      family: 'ioredis',
    },
  ],
  decide: decideIoredis,
};
