// ioredis: commands wait forever unless `commandTimeout` (or `socketTimeout`) is set. A client made
// with `maxRetriesPerRequest: null` is a BullMQ connection, whose commands must be able to wait.
// Both options are newer than ioredis itself (redis/ioredis CHANGELOG.md): `commandTimeout` came in
// 4.25.0 ("added commandTimeout option", 56f0272, #1320) and `socketTimeout` in 5.4.0 (673ac77; 5.4.2
// fixes "Connection instability when using socketTimeout parameter", #1937). A project that declares
// an older ioredis is told so: before 4.25 no option bounds a command, and either key is ignored.
import { type ClientFamily, NONE, REDIS_NON_COMMANDS, call, factory } from '../build.js';
import type { JudgeInput, VersionFacts } from '../facts.js';
import { getProp, isNoneValue, missingOrUnknown, showValue } from '../summary.js';
import type { Verdict } from '../types.js';
import { rangeIsAtLeast } from '../values.js';

/** The declared ioredis is entirely below `version` (false when unknown or possibly at or above it). */
function declaredBelow(facts: VersionFacts, version: [number, number, number]): boolean {
  return facts.declared !== undefined && rangeIsAtLeast(facts.declared.range, version) === false;
}

const BEFORE_COMMAND_TIMEOUT_LIMITATION =
  'ioredis before 4.25 has no option that bounds a command (`commandTimeout` came in 4.25.0; `connectTimeout` bounds only connecting)';

const BEFORE_COMMAND_TIMEOUT_FIX =
  'race each command against a timer (a timeout wrapper), or upgrade to ioredis 4.25 or later and set `commandTimeout` (ms)';

function decideIoredis(input: JudgeInput): Verdict {
  let options = input.options;
  // Cluster: the per-node options live under `redisOptions`.
  const nested = getProp(options, 'redisOptions');
  if (nested) options = nested.value;
  // `maxRetriesPerRequest: null` is what BullMQ requires of the connections it is given (its
  // workers block on Redis on purpose, and a command timeout would break them): a queue's
  // connection, judged by BullMQ's rules rather than a client's, and not reported.
  const retries =
    options.kind === 'object'
      ? (getProp(input.options, 'maxRetriesPerRequest') ?? getProp(options, 'maxRetriesPerRequest'))
      : undefined;
  if (retries && retries.value.kind === 'null') return { status: 'unknown' };
  if (declaredBelow(input, [4, 25, 0])) {
    // Whatever the options hold, no command is bounded: say so where a newer key is written.
    for (const key of ['commandTimeout', 'socketTimeout']) {
      const written = options.kind === 'object' ? getProp(options, key) : undefined;
      if (written) return { status: 'ignored', key, at: written.at };
    }
    return { status: 'missing', limitation: BEFORE_COMMAND_TIMEOUT_LIMITATION };
  }
  if (options.kind === 'absent' || options.kind === 'string' || options.kind === 'number')
    return { status: 'missing', detail: 'commandTimeout' };
  if (options.kind !== 'object') return { status: 'unknown' };
  // `commandTimeout: 0` times out at once (only a non-number means none); `socketTimeout` destroys the socket.
  const timeout = getProp(options, 'commandTimeout');
  if (timeout && (timeout.value.kind === 'null' || timeout.value.kind === 'undefined')) {
    return { status: 'none', key: 'commandTimeout', value: showValue(timeout.value), at: timeout.at };
  }
  if (timeout) return { status: 'bounded' };
  const socket = getProp(options, 'socketTimeout');
  if (socket && declaredBelow(input, [5, 4, 0]))
    return { status: 'ignored', key: 'socketTimeout', at: socket.at };
  if (socket && !isNoneValue(socket.value)) return { status: 'bounded' };
  return missingOrUnknown(options.hasSpread, 'commandTimeout');
}

export const ioredisFamily: ClientFamily = {
  family: {
    id: 'ioredis',
    label: 'ioredis',
    reportAt: 'construction',
    fix: 'set `commandTimeout` (ms) in the options',
    versionPackages: ['ioredis'],
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
  fixFor: facts => (declaredBelow(facts, [4, 25, 0]) ? BEFORE_COMMAND_TIMEOUT_FIX : undefined),
};
