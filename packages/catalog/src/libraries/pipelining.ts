// Clients that batch commands on their own: the commands a program issues in the same tick leave
// as one request. A fan-out over such commands is a handful of requests, not one per item.
//
// @upstash/redis (HTTP, one request per command otherwise): since 1.34.0 its `Redis` constructor
// sets `this.enableAutoPipelining = opts?.enableAutoPipelining ?? true` (upstash/redis-js
// pkg/redis.ts, commit ac6f459d "enable auto pipelining by default") and, when it is on, returns
// `createAutoPipelineProxy(this)` (platforms/nodejs.ts, cloudflare.ts, fastly.ts). The proxy
// (pkg/auto-pipeline.ts) queues each command on a pipeline, waits two microtasks and sends what
// gathered as one `pipeline.exec()`, at most 1,000 commands a request (1.38). A client made with a
// custom requester (`new Redis(requester)`) gets no proxy. Since 1.34.9 the proxy sends some
// commands on their own, one request each (`EXCLUDE_COMMANDS`: scans, `keys`, `hgetall`, `hkeys`,
// `lrange`, `smembers`, `zrange`, `xrange`…), and members that are not commands of a pipeline
// (`pipeline`, `multi`, `createScript`, `subscribe`…) are the client's own.
import type { Summary } from '../types.js';

export interface AutoPipelining {
  /** The modules the client class comes from (entry points of one package). */
  modules: readonly string[];
  /** How a client is made, as the path of the module member called: `Redis` (with `new`), `Redis.fromEnv`. */
  constructions: readonly string[];
  /** Where the construction's options are. */
  optionsAt: number;
  /** The option that turns batching on or off, and what it is when absent. */
  option: string;
  defaultOn: boolean;
  /** Option keys that make the argument something else than options (a custom requester's `request`). */
  notOptions: readonly string[];
  /** Namespaces of the client whose members are batched commands too (`redis.json.get`). */
  namespaces: readonly string[];
  /** Members called on the client that are not batched: each is a request of its own, or not a command. */
  unbatched: readonly string[];
}

export const AUTO_PIPELINING: readonly AutoPipelining[] = [
  {
    modules: [
      '@upstash/redis',
      '@upstash/redis/nodejs',
      '@upstash/redis/node',
      '@upstash/redis/cloudflare',
      '@upstash/redis/fastly',
    ],
    constructions: ['Redis', 'Redis.fromEnv'],
    optionsAt: 0,
    option: 'enableAutoPipelining',
    defaultOn: true,
    notOptions: ['request'],
    namespaces: ['json', 'functions'],
    unbatched: [
      // EXCLUDE_COMMANDS (1.34.9 and later): sent on their own.
      'scan',
      'keys',
      'flushdb',
      'flushall',
      'dbsize',
      'hscan',
      'hgetall',
      'hkeys',
      'lrange',
      'sscan',
      'smembers',
      'xrange',
      'xrevrange',
      'zscan',
      'zrange',
      'exec',
      // Members of the client that a pipeline does not have.
      'pipeline',
      'multi',
      'createScript',
      'use',
      'subscribe',
      'psubscribe',
      'search',
    ],
  },
];

function entryOf(module: string): AutoPipelining | undefined {
  return AUTO_PIPELINING.find(entry => entry.modules.includes(module));
}

/**
 * True when a construction (`path` of `module`, called with the options summarised) makes a
 * client that batches its commands: batching is on by default and the options are readable and
 * leave it on, or they turn it on with a literal `true`. Options the syntax cannot read (an
 * identifier, a spread, a computed value) may turn it off: false.
 */
export function makesAutoPipeliningClient(
  module: string,
  path: readonly string[],
  options: Summary,
): boolean {
  const entry = entryOf(module);
  if (!entry?.constructions.includes(path.join('.'))) return false;
  if (options.kind === 'absent') return entry.defaultOn;
  if (options.kind !== 'object' || options.hasSpread) return false;
  if (entry.notOptions.some(key => options.props.has(key))) return false;
  const set = options.props.get(entry.option);
  if (!set) return entry.defaultOn;
  return set.value.kind === 'boolean' && set.value.value;
}

/** The argument index of a construction's options, for a module that makes batching clients. */
export function autoPipeliningOptionsAt(module: string): number | undefined {
  return entryOf(module)?.optionsAt;
}

/**
 * True when calling `members` on a batching client of `module` (`['get']`, `['json', 'get']`)
 * sends a command that joins the batch, rather than a request of its own.
 */
export function isAutoPipelinedCommand(module: string, members: readonly string[]): boolean {
  const entry = entryOf(module);
  if (!entry) return false;
  const [first, second, ...rest] = members;
  if (first === undefined || rest.length > 0) return false;
  if (second !== undefined) return entry.namespaces.includes(first);
  return !entry.unbatched.includes(first) && !entry.namespaces.includes(first) && !first.startsWith('_');
}
