// Pure bound checks: given what the code shows about a call's options (and the options its
// client was built with), decide whether the call has a deadline. No AST in here.
import type { FamilyId, Prop, Summary, Verdict } from './types.js';

const ABSENT: Summary = { kind: 'absent' };

/** Facts about a node:http request that only the caller's AST can see. */
export interface HttpFacts {
  /** A 'timeout' listener (or `setTimeout` callback) destroys or aborts the request. */
  destroysOnTimeout: boolean;
  /** `req.setTimeout(ms)` is called on the request. */
  setsTimeout: boolean;
  /** The request object leaves the function (returned, passed on), so someone else may bound it. */
  escapes: boolean;
}

export interface JudgeInput {
  /** The call's own options (absent for construction-level checks). */
  options: Summary;
  /** Options of the instance the call goes through, innermost (most specific) last. */
  instance: readonly Summary[];
  /** fetch: the `Request` object passed as input, if one was built with an init. */
  request?: Summary;
  http?: HttpFacts;
  /** got: insist on `timeout.request`, the total bound. */
  requireTotalTimeout?: boolean;
  /** custom clients: the option keys that bound a call. */
  keys?: readonly string[];
}

/** A property of an object summary, if the summary is an object that has it. */
export function getProp(summary: Summary, key: string): Prop | undefined {
  return summary.kind === 'object' ? summary.props.get(key) : undefined;
}

/** Reads `a.b.c` through nested object summaries. */
export function getPath(summary: Summary, path: readonly string[]): Prop | undefined {
  let current: Summary = summary;
  let prop: Prop | undefined;
  for (const key of path) {
    prop = getProp(current, key);
    if (!prop) return undefined;
    current = prop.value;
  }
  return prop;
}

/** True when the value turns a bound off: 0, negative, Infinity, null, undefined or false. */
export function isNoneValue(value: Summary): boolean {
  switch (value.kind) {
    case 'number':
      return !(value.value > 0) || !Number.isFinite(value.value);
    case 'null':
    case 'undefined':
      return true;
    case 'boolean':
      return !value.value;
    default:
      return false;
  }
}

/** Text of a none value for messages: `0`, `null`, `Infinity`. */
export function showValue(value: Summary): string {
  switch (value.kind) {
    case 'number':
      return String(value.value);
    case 'boolean':
      return String(value.value);
    case 'null':
      return 'null';
    case 'undefined':
      return 'undefined';
    default:
      return '…';
  }
}

/** True when the summary hides what its keys are (an opaque value or an object with a spread). */
function isOpaque(summary: Summary): boolean {
  return summary.kind === 'opaque' || (summary.kind === 'object' && summary.hasSpread);
}

/** The most specific setting of `key`: the call's options win over the instance's, innermost first. */
function lookup(input: JudgeInput, key: string): { prop: Prop | undefined; opaque: boolean } {
  const layers = [input.options, ...[...input.instance].reverse()];
  let opaque = false;
  for (const layer of layers) {
    const prop = getProp(layer, key);
    if (prop) return { prop, opaque };
    if (isOpaque(layer)) opaque = true;
  }
  return { prop: undefined, opaque };
}

type SignalJudgement = Verdict | undefined;

/** Judges a `signal` property: a timed signal bounds the call; an untimed local one does not. */
function judgeSignal(prop: Prop | undefined): SignalJudgement {
  if (!prop) return undefined;
  const value = prop.value;
  if (value.kind === 'signal') {
    if (value.timed === 'yes') return { status: 'bounded' };
    if (value.timed === 'unknown') return { status: 'unknown' };
    return { status: 'untimedSignal', at: prop.at ?? value.at, value: value.at };
  }
  if (value.kind === 'undefined' || value.kind === 'null' || value.kind === 'absent') return undefined;
  return { status: 'unknown' };
}

/** axios, superagent, Slack, Elasticsearch: any falsy value (0, null, undefined, false) means "no timeout". */
export function isFalsyNone(value: Summary): boolean {
  switch (value.kind) {
    case 'number':
      return value.value === 0 || Number.isNaN(value.value);
    case 'null':
    case 'undefined':
      return true;
    case 'boolean':
      return !value.value;
    case 'string':
      return value.value === '';
    default:
      return false;
  }
}

/** A numeric-ish timeout property: bounded, none, or absent. */
function judgeTimeoutProp(
  prop: Prop | undefined,
  key: string,
  isNone: (value: Summary) => boolean = isNoneValue,
): Verdict | undefined {
  if (!prop) return undefined;
  if (isNone(prop.value)) return { status: 'none', key, value: showValue(prop.value), at: prop.at };
  return { status: 'bounded' };
}

function missingOrUnknown(opaque: boolean, detail?: string): Verdict {
  if (opaque) return { status: 'unknown' };
  return detail ? { status: 'missing', detail } : { status: 'missing' };
}

function judgeFetch(input: JudgeInput): Verdict {
  const signal = lookup(input, 'signal');
  const fromInit = judgeSignal(signal.prop);
  if (fromInit) return fromInit;
  if (input.request) {
    if (isOpaque(input.request)) return { status: 'unknown' };
    const fromRequest = judgeSignal(getProp(input.request, 'signal'));
    if (fromRequest) return fromRequest;
  }
  return missingOrUnknown(signal.opaque);
}

function judgeAxios(input: JudgeInput): Verdict {
  const timeout = lookup(input, 'timeout');
  // axios: "If set to 0 (default) a timeout is not created"; Infinity is an error, not "none".
  const byTimeout = judgeTimeoutProp(timeout.prop, 'timeout', isFalsyNone);
  const signal = lookup(input, 'signal');
  const bySignal = judgeSignal(signal.prop);
  if (byTimeout?.status === 'bounded' || bySignal?.status === 'bounded') return { status: 'bounded' };
  if (bySignal?.status === 'unknown') return bySignal;
  if (byTimeout) return byTimeout;
  if (bySignal) return bySignal;
  return missingOrUnknown(timeout.opaque || signal.opaque);
}

const GOT_PHASES = ['lookup', 'socket', 'connect', 'secureConnect', 'send', 'response', 'read', 'request'];

function judgeGot(input: JudgeInput): Verdict {
  const signal = lookup(input, 'signal');
  const bySignal = judgeSignal(signal.prop);
  if (bySignal?.status === 'bounded' || bySignal?.status === 'unknown') return bySignal;
  const timeout = lookup(input, 'timeout');
  const value = timeout.prop?.value;
  if (timeout.prop && value) {
    if (value.kind === 'object') {
      const phases = input.requireTotalTimeout ? ['request'] : GOT_PHASES;
      const set = phases.map(phase => value.props.get(phase)).filter((p): p is Prop => p !== undefined);
      const finite = set.find(p => !isNoneValue(p.value));
      if (finite) return { status: 'bounded' };
      const none = set[0];
      if (none)
        return {
          status: 'none',
          key: `timeout.${[...value.props.entries()].find(([, p]) => p === none)?.[0] ?? 'request'}`,
          value: showValue(none.value),
          at: none.at,
        };
      if (value.hasSpread) return { status: 'unknown' };
      return (
        bySignal ?? { status: 'missing', detail: input.requireTotalTimeout ? 'timeout.request' : undefined }
      );
    }
    const byNumber = judgeTimeoutProp(timeout.prop, 'timeout');
    if (byNumber) return byNumber;
  }
  return bySignal ?? missingOrUnknown(timeout.opaque || signal.opaque);
}

/** ky defaults to 10 s: only an explicit `timeout: false` turns it off (`0` times out at once). */
function judgeKy(input: JudgeInput): Verdict {
  const timeout = lookup(input, 'timeout');
  const value = timeout.prop?.value;
  if (timeout.prop && value?.kind === 'boolean' && !value.value) {
    const signal = judgeSignal(lookup(input, 'signal').prop);
    if (signal?.status === 'bounded' || signal?.status === 'unknown') return signal;
    return { status: 'none', key: 'timeout', value: showValue(timeout.prop.value), at: timeout.prop.at };
  }
  return { status: 'bounded' };
}

/** undici's dispatchers default to finite headers/body timeouts (300 s): only an explicit none counts. */
function judgeUndici(input: JudgeInput): Verdict {
  for (const key of ['headersTimeout', 'bodyTimeout', 'connectTimeout']) {
    const { prop } = lookup(input, key);
    if (prop && isNoneValue(prop.value)) {
      const signal = judgeSignal(lookup(input, 'signal').prop);
      if (signal?.status === 'bounded' || signal?.status === 'unknown') return signal;
      return { status: 'none', key, value: showValue(prop.value), at: prop.at };
    }
  }
  return { status: 'bounded' };
}

function judgeHttp(input: JudgeInput): Verdict {
  const facts = input.http ?? { destroysOnTimeout: false, setsTimeout: false, escapes: false };
  const bySignal = judgeSignal(getProp(input.options, 'signal'));
  if (bySignal && bySignal.status !== 'untimedSignal') return bySignal;
  const timeout = getProp(input.options, 'timeout');
  if (timeout && isNoneValue(timeout.value)) {
    return { status: 'none', key: 'timeout', value: showValue(timeout.value), at: timeout.at };
  }
  if (timeout || facts.setsTimeout) {
    if (facts.destroysOnTimeout || facts.escapes) return { status: 'bounded' };
    return { status: 'doesNotAbort', key: 'timeout', at: timeout?.at, how: 'http' };
  }
  if (facts.destroysOnTimeout) return { status: 'bounded' };
  if (bySignal) return bySignal;
  if (facts.escapes) return { status: 'unknown' };
  return missingOrUnknown(isOpaque(input.options));
}

function judgeGrpc(input: JudgeInput): Verdict {
  const deadline = lookup(input, 'deadline');
  if (deadline.prop) {
    // grpc-js: the default deadline is Infinity; 0 is 1970, which fails at once rather than waiting.
    const value = deadline.prop.value;
    if (
      value.kind === 'null' ||
      value.kind === 'undefined' ||
      (value.kind === 'number' && value.value === Infinity)
    ) {
      return { status: 'none', key: 'deadline', value: showValue(deadline.prop.value), at: deadline.prop.at };
    }
    return { status: 'bounded' };
  }
  // A channel-wide default from the service config: `{"methodConfig":[{"timeout":"5s",…}]}`.
  for (const layer of input.instance) {
    const config = getProp(layer, 'grpc.service_config');
    if (config) {
      if (config.value.kind === 'string') {
        if (/"timeout"\s*:/.test(config.value.value)) return { status: 'bounded' };
      } else {
        return { status: 'unknown' };
      }
    }
  }
  return missingOrUnknown(deadline.opaque);
}

/**
 * AWS SDK v3: `requestTimeout` only logs a warning unless `throwOnRequestTimeout: true`
 * (@smithy/types httpHandlerInitialization.d.ts); `connectionTimeout` bounds only connecting.
 */
function judgeAws(input: JudgeInput): Verdict {
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

/** A literal connection string that carries a key (`?statement_timeout=…`, `&socketTimeoutMS=…`). */
function connectionStringHas(value: Summary | undefined, keys: readonly string[]): boolean {
  return value?.kind === 'string' && keys.some(key => value.value.includes(key));
}

function judgePg(input: JudgeInput): Verdict {
  const config = input.options;
  if (config.kind === 'string') {
    return connectionStringHas(config, ['statement_timeout', 'query_timeout'])
      ? { status: 'bounded' }
      : { status: 'missing' };
  }
  if (isOpaque(config)) return { status: 'unknown' };
  const queryKeys = ['query_timeout', 'statement_timeout'];
  for (const key of [...queryKeys, 'connectionTimeoutMillis']) {
    const prop = getProp(config, key);
    if (prop && isNoneValue(prop.value) && prop.value.kind !== 'boolean') {
      return { status: 'none', key, value: showValue(prop.value), at: prop.at };
    }
  }
  const queryBound =
    queryKeys.some(key => {
      const prop = getProp(config, key);
      return prop !== undefined && !isNoneValue(prop.value);
    }) || connectionStringHas(getProp(config, 'connectionString')?.value, queryKeys);
  const connectProp = getProp(config, 'connectionTimeoutMillis');
  const connectBound = connectProp !== undefined && !isNoneValue(connectProp.value);
  const missing = [
    ...(queryBound ? [] : ['`query_timeout`/`statement_timeout`']),
    ...(connectBound ? [] : ['`connectionTimeoutMillis`']),
  ];
  if (missing.length === 0) return { status: 'bounded' };
  return { status: 'missing', detail: missing.join(' and ') };
}

function judgeIoredis(input: JudgeInput): Verdict {
  let options = input.options;
  // Cluster: the per-node options live under `redisOptions`.
  const nested = getProp(options, 'redisOptions');
  if (nested) options = nested.value;
  if (options.kind === 'absent' || options.kind === 'string' || options.kind === 'number')
    return { status: 'missing', detail: 'commandTimeout' };
  if (options.kind !== 'object') return { status: 'unknown' };
  const retries = getProp(input.options, 'maxRetriesPerRequest') ?? getProp(options, 'maxRetriesPerRequest');
  if (retries && retries.value.kind === 'null')
    return { status: 'waitsForever', key: 'maxRetriesPerRequest', at: retries.at };
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

function judgeNodeRedis(input: JudgeInput): Verdict {
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

function judgeMongo(input: JudgeInput): Verdict {
  const options = input.options;
  const uri = input.instance[0];
  for (const key of ['socketTimeoutMS', 'waitQueueTimeoutMS']) {
    const prop = getProp(options, key);
    if (prop && isNoneValue(prop.value))
      return { status: 'none', key, value: showValue(prop.value), at: prop.at };
  }
  const socket = getProp(options, 'socketTimeoutMS');
  if (socket) return { status: 'bounded' };
  if (connectionStringHas(uri, ['socketTimeoutMS'])) return { status: 'bounded' };
  if (isOpaque(options)) return { status: 'unknown' };
  const ignored = getProp(options, 'timeoutMS');
  if (ignored) return { status: 'ignored', key: 'timeoutMS', at: ignored.at };
  return { status: 'missing', detail: 'socketTimeoutMS' };
}

/** SDKs whose default has no bound: a finite `timeout` (at the given path) is required. */
function judgeRequiredTimeout(
  input: JudgeInput,
  path: readonly string[],
  isNone: (value: Summary) => boolean = isNoneValue,
): Verdict {
  const options = input.options;
  const prop = getPath(options, path);
  const verdict = judgeTimeoutProp(prop, path.join('.'), isNone);
  if (verdict) return verdict;
  return missingOrUnknown(isOpaque(options), path.join('.'));
}

/** SDKs with a finite default: only an explicit none value (at the given path) is a problem. */
function judgeFiniteDefault(
  input: JudgeInput,
  path: readonly string[],
  isNone: (value: Summary) => boolean,
): Verdict {
  const prop = getPath(input.options, path);
  if (prop && isNone(prop.value))
    return { status: 'none', key: path.join('.'), value: showValue(prop.value), at: prop.at };
  return { status: 'bounded' };
}

/**
 * Octokit runs on fetch with no timeout of its own: `request.signal` or a custom `request.fetch`
 * bounds it; `request.timeout` still type-checks but has been ignored since the move to fetch.
 */
function judgeOctokit(input: JudgeInput): Verdict {
  const options = input.options;
  const request = getProp(options, 'request');
  if (request) {
    if (request.value.kind !== 'object') return { status: 'unknown' };
    const signal = judgeSignal(getProp(request.value, 'signal'));
    if (signal) return signal;
    if (getProp(request.value, 'fetch')) return { status: 'bounded' };
    const ignored = getProp(request.value, 'timeout');
    if (ignored) return { status: 'ignored', key: 'request.timeout', at: ignored.at };
    if (request.value.hasSpread) return { status: 'unknown' };
    return { status: 'missing', detail: '`request.signal` or a timed `request.fetch`' };
  }
  return missingOrUnknown(isOpaque(options), '`request.signal` or a timed `request.fetch`');
}

function judgeCustom(input: JudgeInput): Verdict {
  const keys = input.keys ?? ['timeout', 'signal'];
  let opaque = false;
  for (const key of keys) {
    const found = lookup(input, key);
    opaque ||= found.opaque;
    if (!found.prop) continue;
    if (found.prop.value.kind === 'signal') {
      const verdict = judgeSignal(found.prop);
      if (verdict) return verdict;
      continue;
    }
    return judgeTimeoutProp(found.prop, key) ?? { status: 'bounded' };
  }
  return missingOrUnknown(opaque);
}

/**
 * Decides whether a call (or, for construction-level families, a client construction) has a
 * deadline. The same function serves the lint rule and the extraction analysis.
 */
export function judge(family: FamilyId, input: JudgeInput): Verdict {
  switch (family) {
    case 'fetch':
      return judgeFetch(input);
    case 'axios':
      return judgeAxios(input);
    case 'got':
      return judgeGot(input);
    case 'ky':
      return judgeKy(input);
    case 'undici':
      return judgeUndici(input);
    case 'http':
      return judgeHttp(input);
    case 'grpc':
      return judgeGrpc(input);
    case 'aws':
      return judgeAws(input);
    case 'pg':
      return judgePg(input);
    case 'ioredis':
      return judgeIoredis(input);
    case 'node-redis':
      return judgeNodeRedis(input);
    case 'mongodb':
      return judgeMongo(input);
    case 'octokit':
      return judgeOctokit(input);
    case 'slack':
      return judgeRequiredTimeout(input, ['timeout'], isFalsyNone);
    case 'elasticsearch':
      return judgeRequiredTimeout(input, ['requestTimeout'], isFalsyNone);
    case 'stripe':
      // Only a constructor `timeout: 0` disables Stripe's 80 s; null, false and Infinity fall back to it.
      return judgeFiniteDefault(input, ['timeout'], value => value.kind === 'number' && value.value <= 0);
    case 'twilio':
    case 'openai':
    case 'anthropic':
      // Finite defaults (30 s, 10 min) that no value turns off.
      return { status: 'bounded' };
    case 'superagent':
      return input.options.kind === 'absent' ? { status: 'missing' } : { status: 'bounded' };
    case 'custom':
      return judgeCustom(input);
  }
}

export { ABSENT };
