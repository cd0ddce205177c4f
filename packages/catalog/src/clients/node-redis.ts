// node-redis (`redis`, `@redis/client`): bounded by `socket.socketTimeout`, which only node-redis
// 5.1.0 and later have. Read at redis/node-redis@2a92b2e (tags redis@4.7.1, redis@5.0.1, redis@5.1.0):
// - 5.1.0 added it (f3d1d33, "feat(client): expose socketTimeout option", #2965): `socketTimeout?:
//   number` in packages/client/lib/client/socket.ts:29, armed after connecting at :262-266, where the
//   socket is destroyed with a SocketTimeoutError. redis@5.0.0 and 5.0.1 have no such option.
// - node-redis 4 (`redis@4`, which depends on `@redis/client@1`: redis@4.7.1 has 1.6.1) has none:
//   its socket options (packages/client/lib/client/socket.ts:8-31) are `connectTimeout` (default
//   5000, :56), `noDelay`, `keepAlive` and `reconnectStrategy`, plus node's connect options; once
//   connected it calls `socket.setTimeout(0)` (:194-196), so even a `timeout` given to
//   `net.connect` is cleared. Client options (lib/client/index.ts:54-70) bound the queue's length
//   (`commandsQueueMaxLength`) or refuse commands while disconnected (`disableOfflineQueue`), not
//   time. A per-command `signal` (`commandOptions({ signal })`) only takes a command out of the
//   queue still waiting to be written (lib/client/commands-queue.ts:123-135 removes it from
//   `#waitingToBeSent`); node-redis 5's docs say the same of its `withAbortSignal` and command
//   `timeout` (docs/command-options.md, "Abort Signal", "Timeout"). node-redis 3 had only
//   `connect_timeout` (README.md:193 at v3.1.2).
// So a project that declares node-redis 4 or older is told that no option bounds a command, and a
// `socket.socketTimeout` it sets there is ignored.
import { type ClientFamily, NONE, REDIS_NON_COMMANDS, call, factory } from '../build.js';
import type { JudgeInput, VersionFacts } from '../facts.js';
import { getPath, getProp, judgeTimeoutProp, missingOrUnknown } from '../summary.js';
import type { MemberTable, Verdict } from '../types.js';
import { rangeIsAtLeast } from '../values.js';

const NODE_REDIS_MODULE: MemberTable = {
  // v3 also took (port, host, options): the options are the last object.
  createClient: factory('node-redis', 'node-redis', { lastObject: true }),
  createCluster: factory('node-redis', 'node-redis', { at: 0 }),
};

/** True when the declared node-redis has no `socket.socketTimeout` (before 5.1.0: `redis@4`, `@redis/client@1`). */
function beforeSocketTimeout(facts: VersionFacts): boolean {
  // `redis` and `@redis/client` share version numbers from 5.0 on; `@redis/client` 1.x is node-redis 4.
  return facts.declared !== undefined && rangeIsAtLeast(facts.declared.range, [5, 1, 0]) === false;
}

const V4_LIMITATION =
  'node-redis before 5.1 has no option that bounds a command once it is sent (`socket.connectTimeout` bounds only connecting, and a `signal` given with `commandOptions({ signal })` only cancels a command not yet written to the socket)';

const V4_FIX =
  'race each command against a timer (a timeout wrapper), or upgrade to node-redis 5.1 or later and set `socket: { socketTimeout: ms }`';

function decideNodeRedis(input: JudgeInput): Verdict {
  let options = input.options;
  const defaults = getProp(options, 'defaults');
  if (defaults) options = defaults.value;
  if (beforeSocketTimeout(input)) {
    // The option that bounds a node-redis 5 client does nothing here: say so where it is written.
    // Whatever else the options hold (even ones not visible), none bounds a command (as mysql2).
    const ignored = options.kind === 'object' ? getPath(options, ['socket', 'socketTimeout']) : undefined;
    if (ignored) return { status: 'ignored', key: 'socket.socketTimeout', at: ignored.at };
    return { status: 'missing', limitation: V4_LIMITATION };
  }
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
    versionPackages: ['redis', '@redis/client'],
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
  fixFor: facts => (beforeSocketTimeout(facts) ? V4_FIX : undefined),
};
