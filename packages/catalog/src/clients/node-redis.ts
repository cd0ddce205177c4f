// node-redis (`redis`, `@redis/client`): bounded by `socket.socketTimeout`.
import { type ClientFamily, NONE, REDIS_NON_COMMANDS, call, factory } from '../build.js';
import type { JudgeInput } from '../facts.js';
import { getProp, judgeTimeoutProp, missingOrUnknown } from '../summary.js';
import type { MemberTable, Verdict } from '../types.js';

const NODE_REDIS_MODULE: MemberTable = {
  // v3 also took (port, host, options): the options are the last object.
  createClient: factory('node-redis', 'node-redis', { lastObject: true }),
  createCluster: factory('node-redis', 'node-redis', { at: 0 }),
};

function decideNodeRedis(input: JudgeInput): Verdict {
  let options = input.options;
  const defaults = getProp(options, 'defaults');
  if (defaults) options = defaults.value;
  if (options.kind === 'absent') return { status: 'missing', detail: 'socket.socketTimeout' };
  if (options.kind !== 'object') return { status: 'unknown' };
  const socket = getProp(options, 'socket');
  if (!socket) return missingOrUnknown(options.hasSpread, 'socket.socketTimeout');
  if (socket.value.kind !== 'object') return { status: 'unknown' };
  const verdict = judgeTimeoutProp(getProp(socket.value, 'socketTimeout'), 'socket.socketTimeout');
  if (verdict) return verdict;
  return missingOrUnknown(socket.value.hasSpread || options.hasSpread, 'socket.socketTimeout');
}

export const nodeRedisFamily: ClientFamily = {
  family: {
    id: 'node-redis',
    label: 'node-redis',
    reportAt: 'construction',
    fix: 'set `socket: { socketTimeout: ms }` (and keep `connectTimeout` finite)',
  },
  modules: { redis: NODE_REDIS_MODULE, '@redis/client': NODE_REDIS_MODULE },
  instances: { 'node-redis': { members: {}, any: call('node-redis', NONE), except: REDIS_NON_COMMANDS } },
  types: [
    {
      names: ['RedisClientType', 'RedisClusterType'],
      modules: ['redis', '@redis/client'],
      packages: ['/@redis/client/', '/redis/'],
      instance: 'node-redis',
      family: 'node-redis',
    },
  ],
  decide: decideNodeRedis,
};
