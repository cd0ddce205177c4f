/**
 * The runtime half of the strangler-fig shim that `faultline extract` writes into a library: each
 * extracted export becomes `router.wrap(name, local, remote)`, a function with the same parameters
 * that routes every call by an OpenFeature flag to the library (`local`), to both with the
 * library's answer returned (`shadow`), to the service (`remote`), or to the service with the
 * library as a fallback when the service fails (`remote-with-local-fallback`).
 *
 * Flag values are cached, not evaluated per call: an OpenFeature evaluation is asynchronous and
 * runs hooks and context merging (tens of microseconds per call, measured in bench/shim), while
 * the shim sits on every call of a hot shared function and must add at most 2 µs in `local`
 * mode. See docs/runtime.md ("The library shim") for what is cached and when it is read again.
 */

import { EventEmitter } from 'node:events';
import { systemRandom, type Random } from '../clock.js';
import { isWireDomainError } from '../wire.js';
import { rolloutBucket } from './bucket.js';
import { diffValues, type ShimDifference } from './diff.js';
import { isInfrastructureFailure, RemoteUnavailableError } from './failures.js';
import { register } from './registry.js';

/** Where calls go. `local` is the default: nothing changes until the flag moves. */
export type ShimMode = 'local' | 'shadow' | 'remote' | 'remote-with-local-fallback';

/** Every mode, in the order traffic usually moves through them. */
export const SHIM_MODES: readonly ShimMode[] = ['local', 'shadow', 'remote-with-local-fallback', 'remote'];

/** An evaluation context: OpenFeature's `EvaluationContext`, structurally. */
export type ShimEvaluationContext = Readonly<Record<string, unknown>>;

/**
 * The part of an OpenFeature server `Client` the shim uses (`OpenFeature.getClient()` fits as it
 * is), so the runtime imports nothing from OpenFeature. Any provider the team runs works behind it.
 */
export interface ShimFlagClient {
  getStringValue(flagKey: string, defaultValue: string, context?: ShimEvaluationContext): Promise<string>;
  getNumberValue(flagKey: string, defaultValue: number, context?: ShimEvaluationContext): Promise<number>;
  /**
   * Subscribes to provider events (`PROVIDER_READY`, `PROVIDER_CONFIGURATION_CHANGED`,
   * `PROVIDER_STALE`). The details are OpenFeature's `EventDetails`; the shim reads only
   * `flagsChanged` from them.
   */
  addHandler?(eventType: string, handler: (details?: unknown) => unknown): void;
  removeHandler?(eventType: string, handler: (details?: unknown) => unknown): void;
}

/** The outcome of one side of a call. */
export type ShimOutcome = { ok: true; value: unknown } | { ok: false; error: unknown };

/** A shadow call whose two answers differ; given to `onMismatch`. */
export interface ShimMismatch {
  service: string;
  operation: string;
  /** The arguments of the call (copies when `shadow.snapshot` is on). */
  args: readonly unknown[];
  /** What the library answered; this is what the caller got. */
  local: ShimOutcome;
  /** What the service answered. */
  remote: ShimOutcome;
  differences: ShimDifference[];
}

/** Why the service's failure was noticed: served locally instead, passed on, or seen in a shadow call. */
export type ShimFailureAction = 'fallback' | 'unavailable' | 'shadow';

/** The service failed for infrastructure reasons; given to `onRemoteFailure`. */
export interface ShimRemoteFailure {
  service: string;
  operation: string;
  mode: ShimMode;
  action: ShimFailureAction;
  error: unknown;
}

/** A shadow call's answers differed. `first` is the first difference's text. */
export interface ShimMismatchEvent {
  type: 'mismatch';
  service: string;
  operation: string;
  differences: number;
  first: string;
}

/** The service failed for infrastructure reasons. `error` is the error's name. */
export interface ShimRemoteFailureEvent {
  type: 'remoteFailure';
  service: string;
  operation: string;
  mode: ShimMode;
  action: ShimFailureAction;
  error: string;
}

/** A shadow call was not made because `shadow.maxInFlight` shadow calls were already running. */
export interface ShimShadowDroppedEvent {
  type: 'shadowDropped';
  service: string;
  operation: string;
  inFlight: number;
}

/** The cached mode or rollout changed. */
export interface ShimFlagsChangedEvent {
  type: 'flagsChanged';
  service: string;
  mode: ShimMode;
  rollout: number;
  previousMode: ShimMode;
  previousRollout: number;
  /**
   * What made the shim read the flags: `initial`, `ready`, `configurationChanged`, `stale`,
   * `interval`, `refresh` or `configure`.
   */
  reason: string;
}

/** A flag held a value the shim cannot use; the shim used `local` (mode) or 0 (rollout) instead. */
export interface ShimFlagInvalidEvent {
  type: 'flagInvalid';
  service: string;
  flag: string;
  value: string;
}

/** Reading the flags failed (the flag client threw); the shim kept the values it had. */
export interface ShimFlagErrorEvent {
  type: 'flagError';
  service: string;
  error: string;
}

/**
 * Everything the shim reports. Like the runtime's other events, each is a flat object of strings
 * and numbers plus a `type`, ready to be the attributes of an OpenTelemetry counter or the labels
 * of a prom-client counter.
 */
export type ShimEvent =
  | ShimMismatchEvent
  | ShimRemoteFailureEvent
  | ShimShadowDroppedEvent
  | ShimFlagsChangedEvent
  | ShimFlagInvalidEvent
  | ShimFlagErrorEvent;

/** Options of shadow mode. */
export interface ShimShadowOptions {
  /**
   * Shadow calls running at once at most, across the router's operations; a call over the limit
   * is served locally without its shadow call, counted in `shadowDropped` and reported. Default 64.
   */
  maxInFlight?: number;
  /**
   * Compare copies (`structuredClone`) of the arguments and of the library's answer taken at call
   * time, instead of the live objects when the service answers. Turn it on when callers or the
   * library mutate them; it costs a copy of each on the caller's path. Default `false`.
   */
  snapshot?: boolean;
  /** Compares the two answers (values, or errors). Default {@link diffValues}. */
  compare?: (local: unknown, remote: unknown) => ShimDifference[];
}

/** Options of {@link createShimRouter}; everything but `service` can be changed with `configure`. */
export interface ShimRouterOptions<Remote> {
  /** The service's name, e.g. `pricing`: the prefix of the default flag keys and a field of every event. */
  service: string;
  /** Makes the service's client; called once, on the first call that needs it. */
  remote: () => Remote;
  /**
   * The flag client (e.g. `() => OpenFeature.getClient('faultline')`), read once when the router
   * starts or is reconfigured. Without one, every call is local unless `mode` is set.
   */
  flags?: ShimFlagClient | (() => ShimFlagClient | undefined);
  /**
   * The evaluation context of the current call, read only when it is needed: for bucketing while
   * the rollout is strictly between 0 and 100, and for every call in `per-call` evaluation.
   */
  context?: () => ShimEvaluationContext | undefined;
  /** The string flag holding the mode. Default `<service>.mode`. */
  modeFlag?: string;
  /** The number flag holding the rollout percentage, 0–100. Default `<service>.rollout`; absent: 100. */
  rolloutFlag?: string;
  /** The context attribute that keeps a caller on one side of the rollout. Default `targetingKey`. */
  bucketBy?: string;
  /**
   * Calls whose context has no `bucketBy` attribute: `random` draws a side per call with the
   * rollout's probability; `local` keeps them local until the rollout reaches 100. Default `random`.
   */
  withoutKey?: 'random' | 'local';
  /**
   * `cached` (default): the flags are evaluated without a per-call context when the router starts,
   * on the provider's ready, configuration-changed and stale events, and at most
   * `refreshIntervalMs` after the last evaluation, on the next call; the rollout bucket is
   * computed locally from the call's context. `per-call`: both flags are evaluated for every
   * call with its context (tens of microseconds a call, see bench/shim), for providers that
   * target by context.
   */
  evaluation?: 'cached' | 'per-call';
  /**
   * In `cached` evaluation, how old the cached values may get before a call reads them again.
   * Default 10 000 ms; `Infinity` relies on provider events alone.
   */
  refreshIntervalMs?: number;
  /** A fixed mode that overrides the mode flag (for tests and drills). */
  mode?: ShimMode | undefined;
  /** A fixed rollout percentage that overrides the rollout flag. */
  rollout?: number | undefined;
  shadow?: ShimShadowOptions;
  /** Which errors of a remote call mean the service failed. Default {@link isInfrastructureFailure}. */
  isInfrastructureFailure?: (error: unknown) => boolean;
  /** Receives every {@link ShimEvent}; a listener that throws is ignored. */
  onEvent?: (event: ShimEvent) => void;
  /** Receives each shadow mismatch with both answers and the differences. */
  onMismatch?: (mismatch: ShimMismatch) => void;
  /** Receives each infrastructure failure of the service, with the error. */
  onRemoteFailure?: (failure: ShimRemoteFailure) => void;
  /** Milliseconds for the refresh interval. Default `performance.now`. */
  now?: () => number;
  /** Draws sides for calls without a key. Default `Math.random`. */
  random?: Random;
}

/** Counters of one operation (or, in `total`, of all of them). */
export interface ShimCounts {
  /** Calls the library answered because of the mode or the rollout (shadow calls included). */
  local: number;
  /** Calls the service answered (its result, or an error the service returned). */
  remote: number;
  /** Calls the library answered because the service failed (`remote-with-local-fallback`). */
  fallback: number;
  /** Calls that failed with {@link RemoteUnavailableError} (`remote`). */
  unavailable: number;
  /** Shadow calls made. */
  shadowed: number;
  /** Shadow calls whose answers matched. */
  shadowMatches: number;
  /** Shadow calls whose answers differed. */
  shadowMismatches: number;
  /** Shadow calls the service failed to answer. */
  shadowRemoteFailures: number;
  /** Shadow calls not made because `shadow.maxInFlight` were running. */
  shadowDropped: number;
}

/** A snapshot of the router's state and stats. */
export interface ShimStats {
  service: string;
  /** The cached mode (in `per-call` evaluation: the value last read without a per-call context). */
  mode: ShimMode;
  /** The rollout percentage in force. */
  rollout: number;
  /** Shadow calls running now. */
  shadowInFlight: number;
  operations: Record<string, ShimCounts>;
  total: ShimCounts;
}

/** The mode and rollout in force. */
export interface ShimFlagState {
  mode: ShimMode;
  rollout: number;
}

/** Routes calls of one library's extracted exports; see {@link createShimRouter}. */
export interface ShimRouter<Remote> {
  readonly service: string;
  /**
   * Emits every {@link ShimEvent} under its `type` (`mismatch`, `remoteFailure`, `shadowDropped`,
   * `flagsChanged`, `flagInvalid`, `flagError`); `mismatch` and `remoteFailure` listeners also
   * receive the {@link ShimMismatch} or {@link ShimRemoteFailure} as a second argument.
   */
  readonly events: EventEmitter;
  /**
   * Returns `local` routed by the flags: a function with the same parameters that returns a
   * promise of `local`'s result (also when `local` is synchronous). `remote` calls the service's
   * client with the same arguments, e.g. `(client, ...args) => client.computeQuote(...args)`.
   */
  wrap<Args extends unknown[], Result>(
    operation: string,
    local: (...args: Args) => Result,
    remote: (client: Remote, ...args: Args) => Promise<Awaited<Result>> | Awaited<Result>,
  ): (...args: Args) => Promise<Awaited<Result>>;
  /** The counters and the mode and rollout in force, read synchronously. */
  stats(): ShimStats;
  /** Sets every counter to zero. */
  resetStats(): void;
  /** Reads the flags now (without a per-call context) and resolves with the values in force after it. */
  refresh(): Promise<ShimFlagState>;
  /** Changes options (not `service`); the flags are read again. */
  configure(options: Partial<Omit<ShimRouterOptions<Remote>, 'service'>>): void;
  /** Unsubscribes from the flag client's events. Calls still work, with the values last read. */
  close(): void;
}

const PROVIDER_EVENTS: readonly [string, string][] = [
  ['PROVIDER_READY', 'ready'],
  ['PROVIDER_CONFIGURATION_CHANGED', 'configurationChanged'],
  ['PROVIDER_STALE', 'stale'],
];
const DEFAULT_MAX_IN_FLIGHT = 64;
const DEFAULT_REFRESH_INTERVAL_MS = 10_000;

function emptyCounts(): ShimCounts {
  return {
    local: 0,
    remote: 0,
    fallback: 0,
    unavailable: 0,
    shadowed: 0,
    shadowMatches: 0,
    shadowMismatches: 0,
    shadowRemoteFailures: 0,
    shadowDropped: 0,
  };
}

function isShimMode(value: unknown): value is ShimMode {
  return typeof value === 'string' && (SHIM_MODES as readonly string[]).includes(value);
}

function validate<Remote>(options: Partial<ShimRouterOptions<Remote>>, where: string): void {
  const fail = (message: string): never => {
    throw new TypeError(`${where}: ${message}`);
  };
  if ('remote' in options && typeof options.remote !== 'function')
    fail(
      '`remote` must be a function that makes the service client, e.g. () => createPricingClient({ baseUrl })',
    );
  if (options.mode !== undefined && !isShimMode(options.mode))
    fail(`\`mode\` ${JSON.stringify(options.mode)} is not one of ${SHIM_MODES.join(', ')}`);
  if (options.rollout !== undefined && !(options.rollout >= 0 && options.rollout <= 100))
    fail(`\`rollout\` ${String(options.rollout)} is not a percentage between 0 and 100`);
  for (const key of ['modeFlag', 'rolloutFlag', 'bucketBy'] as const)
    if (options[key] !== undefined && (typeof options[key] !== 'string' || options[key] === ''))
      fail(`\`${key}\` must be a non-empty string`);
  if (options.withoutKey !== undefined && options.withoutKey !== 'random' && options.withoutKey !== 'local')
    fail('`withoutKey` must be "random" or "local"');
  if (
    options.evaluation !== undefined &&
    options.evaluation !== 'cached' &&
    options.evaluation !== 'per-call'
  )
    fail('`evaluation` must be "cached" or "per-call"');
  if (options.refreshIntervalMs !== undefined && !(options.refreshIntervalMs > 0))
    fail('`refreshIntervalMs` must be a positive number of milliseconds (Infinity: provider events only)');
  const maxInFlight = options.shadow?.maxInFlight;
  if (maxInFlight !== undefined && !(Number.isInteger(maxInFlight) && maxInFlight >= 0))
    fail('`shadow.maxInFlight` must be an integer >= 0');
}

function errorName(error: unknown): string {
  if (typeof error === 'object' && error !== null) {
    const name = (error as { name?: unknown }).name;
    if (typeof name === 'string' && name !== '') return name;
  }
  return typeof error;
}

function describeError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const text = `${errorName(error)}: ${message}`;
  return text.length > 200 ? `${text.slice(0, 199)}…` : text;
}

const toSuccess = (value: unknown): ShimOutcome => ({ ok: true, value });
const toFailure = (error: unknown): ShimOutcome => ({ ok: false, error });

function cloneOrSame<T>(value: T): T {
  try {
    return structuredClone(value);
  } catch {
    // Functions, class instances with private state and the like cannot be copied: compare them live.
    return value;
  }
}

/** The key a context carries for bucketing, or undefined when it carries none. */
function bucketKey(context: ShimEvaluationContext | undefined, attribute: string): string | undefined {
  const value = context?.[attribute];
  if (typeof value === 'string') return value === '' ? undefined : value;
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  return undefined;
}

/**
 * Creates the router a generated library shim routes its exports through:
 *
 * ```ts
 * const router = createShimRouter({
 *   service: 'pricing',
 *   flags: () => OpenFeature.getClient('faultline'),
 *   context: () => ({ ...OpenFeature.getContext(), ...OpenFeature.getTransactionContext() }),
 *   remote: () => createPricingClient({ baseUrl: process.env.PRICING_URL ?? 'http://pricing' }),
 * });
 * export const computeQuote = router.wrap('computeQuote', computeQuoteLocal, (client, ...args) =>
 *   client.computeQuote(...args),
 * );
 * ```
 *
 * The mode comes from the string flag `<service>.mode` (`local` when absent or invalid) and the
 * share of callers it applies to from the number flag `<service>.rollout` (100 when absent); the
 * rest are served locally. A caller's side is fixed by hashing its context's `targetingKey` with
 * the rollout flag's key. Throws a TypeError naming the option when an option is invalid.
 */
export function createShimRouter<Remote>(options: ShimRouterOptions<Remote>): ShimRouter<Remote> {
  if (typeof options.service !== 'string' || options.service === '')
    throw new TypeError('createShimRouter: `service` must be the service name, e.g. "pricing"');
  if (typeof options.remote !== 'function')
    throw new TypeError(
      'createShimRouter: `remote` must be a function that makes the service client, e.g. () => createPricingClient({ baseUrl })',
    );
  validate(options, 'createShimRouter');
  const service = options.service;
  let settings: ShimRouterOptions<Remote> = { ...options };
  const events = new EventEmitter();
  const counts: Record<string, ShimCounts> = Object.create(null) as Record<string, ShimCounts>;

  // Settings read on every call, kept in plain variables so the local path reads no option objects.
  let modeFlag = '';
  let rolloutFlag = '';
  let bucketBy = 'targetingKey';
  let keylessRandom = true;
  let isPerCall = false;
  let refreshIntervalMs = DEFAULT_REFRESH_INTERVAL_MS;
  let maxInFlight = DEFAULT_MAX_IN_FLIGHT;
  let now: () => number = () => performance.now();
  let random: Random = systemRandom;
  let isInfrastructure: (error: unknown) => boolean = isInfrastructureFailure;

  // The cached flag values, and when they are next read again.
  let mode: ShimMode = 'local';
  let rollout = 100;
  let nextRefreshAt = Number.POSITIVE_INFINITY;
  let generation = 0;
  let flagClient: ShimFlagClient | undefined;
  let unsubscribe = (): void => {};
  let isSubscribing = false;
  let shadowInFlight = 0;
  let remoteClient: { value: Remote } | undefined;
  // The last invalid value reported per flag, so a steady bad value is reported once, not per call.
  const reportedInvalid = new Map<string, string>();

  const emit = (event: ShimEvent, detail?: ShimMismatch | ShimRemoteFailure): void => {
    try {
      settings.onEvent?.(event);
    } catch {
      // A broken metrics hook must never change what a call returns.
    }
    try {
      if (detail === undefined) events.emit(event.type, event);
      else events.emit(event.type, event, detail);
    } catch {
      // As above.
    }
  };

  const countsOf = (operation: string): ShimCounts => (counts[operation] ??= emptyCounts());

  const parseMode = (value: unknown): ShimMode => {
    if (isShimMode(value)) {
      reportedInvalid.delete(modeFlag);
      return value;
    }
    reportInvalid(modeFlag, value);
    return 'local';
  };

  const parseRollout = (value: unknown): number => {
    if (typeof value === 'number' && value >= 0 && value <= 100) {
      reportedInvalid.delete(rolloutFlag);
      return value;
    }
    reportInvalid(rolloutFlag, value);
    return 0;
  };

  function reportInvalid(flag: string, value: unknown): void {
    const text = typeof value === 'string' ? value : String(value);
    if (reportedInvalid.get(flag) === text) return;
    reportedInvalid.set(flag, text);
    emit({ type: 'flagInvalid', service, flag, value: text });
  }

  /** Evaluates both flags (the overrides win), with `context` or none. */
  const evaluate = async (context: ShimEvaluationContext | undefined): Promise<ShimFlagState> => {
    const client = flagClient;
    const fixedMode = settings.mode;
    const fixedRollout = settings.rollout;
    const [modeValue, rolloutValue] = await Promise.all([
      fixedMode ?? client?.getStringValue(modeFlag, 'local', context) ?? 'local',
      fixedRollout ?? client?.getNumberValue(rolloutFlag, 100, context) ?? 100,
    ]);
    return { mode: parseMode(modeValue), rollout: parseRollout(rolloutValue) };
  };

  const apply = (state: ShimFlagState, reason: string): void => {
    if (state.mode === mode && state.rollout === rollout) return;
    const previous = { mode, rollout };
    mode = state.mode;
    rollout = state.rollout;
    emit({
      type: 'flagsChanged',
      service,
      mode,
      rollout,
      previousMode: previous.mode,
      previousRollout: previous.rollout,
      reason,
    });
  };

  /** Reads the flags again; only the latest of overlapping reads is applied. */
  const refreshCache = async (reason: string): Promise<ShimFlagState> => {
    const mine = ++generation;
    nextRefreshAt = now() + refreshIntervalMs;
    try {
      const state = await evaluate(undefined);
      if (mine === generation) apply(state, reason);
    } catch (error) {
      emit({ type: 'flagError', service, error: errorName(error) });
    }
    return { mode, rollout };
  };

  const startRefresh = (reason: string): void => {
    void refreshCache(reason);
  };

  const connect = (): void => {
    unsubscribe();
    unsubscribe = () => {};
    flagClient = undefined;
    const source = settings.flags;
    try {
      flagClient = typeof source === 'function' ? source() : source;
    } catch (error) {
      emit({ type: 'flagError', service, error: errorName(error) });
    }
    const client = flagClient;
    if (client?.addHandler !== undefined) {
      const handlers = PROVIDER_EVENTS.map(([eventType, reason]) => {
        const handler = (details?: unknown): void => {
          // OpenFeature runs a READY handler at once when the provider is already ready; the
          // read that follows connect() covers that.
          if (isSubscribing) return;
          const changed = (details as { flagsChanged?: unknown } | undefined)?.flagsChanged;
          // A provider that names the changed flags lets the shim skip changes to other flags.
          if (Array.isArray(changed) && !changed.includes(modeFlag) && !changed.includes(rolloutFlag)) return;
          // From the next turn: OpenFeature 1.x emits READY to a domain's clients before it marks
          // the provider ready, and an evaluation made in the handler still gets the default.
          if (!isPerCall) setImmediate(startRefresh, reason);
        };
        return [eventType, handler] as const;
      });
      isSubscribing = true;
      try {
        for (const [eventType, handler] of handlers) client.addHandler(eventType, handler);
      } finally {
        isSubscribing = false;
      }
      unsubscribe = () => {
        for (const [eventType, handler] of handlers) client.removeHandler?.(eventType, handler);
      };
    }
  };

  const readSettings = (): void => {
    modeFlag = settings.modeFlag ?? `${service}.mode`;
    rolloutFlag = settings.rolloutFlag ?? `${service}.rollout`;
    bucketBy = settings.bucketBy ?? 'targetingKey';
    keylessRandom = (settings.withoutKey ?? 'random') === 'random';
    isPerCall = settings.evaluation === 'per-call';
    refreshIntervalMs = settings.refreshIntervalMs ?? DEFAULT_REFRESH_INTERVAL_MS;
    maxInFlight = settings.shadow?.maxInFlight ?? DEFAULT_MAX_IN_FLIGHT;
    now = settings.now ?? (() => performance.now());
    random = settings.random ?? systemRandom;
    isInfrastructure = settings.isInfrastructureFailure ?? isInfrastructureFailure;
    // Overrides take effect at once, not after the asynchronous read below.
    if (settings.mode !== undefined || settings.rollout !== undefined)
      apply({ mode: settings.mode ?? mode, rollout: settings.rollout ?? rollout }, 'configure');
  };

  const start = (reason: string): void => {
    readSettings();
    connect();
    startRefresh(reason);
  };

  /** Whether a call with this state and context goes to the mode's side rather than local. */
  const isInRollout = (percent: number, context: ShimEvaluationContext | undefined): boolean => {
    if (percent >= 100) return true;
    if (percent <= 0) return false;
    const key = bucketKey(context, bucketBy);
    if (key === undefined) return keylessRandom && random() * 100 < percent;
    return rolloutBucket(rolloutFlag, key) < percent;
  };

  const getRemote = (): Remote => {
    if (remoteClient === undefined) remoteClient = { value: settings.remote() };
    return remoteClient.value;
  };

  const reportFailure = (
    operation: string,
    callMode: ShimMode,
    action: ShimFailureAction,
    error: unknown,
  ): void => {
    const failure: ShimRemoteFailure = { service, operation, mode: callMode, action, error };
    try {
      settings.onRemoteFailure?.(failure);
    } catch {
      // A broken hook must never change what a call returns.
    }
    emit(
      { type: 'remoteFailure', service, operation, mode: callMode, action, error: errorName(error) },
      failure,
    );
  };

  function wrap<Args extends unknown[], Result>(
    operation: string,
    local: (...args: Args) => Result,
    remote: (client: Remote, ...args: Args) => Promise<Awaited<Result>> | Awaited<Result>,
  ): (...args: Args) => Promise<Awaited<Result>> {
    if (typeof operation !== 'string' || operation === '')
      throw new TypeError(`${service} shim: wrap() needs the operation's name as its first argument`);
    if (typeof local !== 'function' || typeof remote !== 'function')
      throw new TypeError(`${service} shim: wrap('${operation}', local, remote) needs two functions`);
    type Answer = Awaited<Result>;
    // Looked up once: `resetStats` zeroes counters in place.
    const stats = countsOf(operation);

    const callLocal = (thisArg: unknown, args: Args): Promise<Answer> => {
      try {
        // A native promise passes through Promise.resolve unchanged: no extra ticks for async exports.
        return Promise.resolve(local.apply(thisArg, args)) as Promise<Answer>;
      } catch (error) {
        // A synchronous export that throws rejects, as the async function the shim stands for would.
        return Promise.reject(error as Error);
      }
    };

    const callRemote = (args: Args): Promise<Answer> => {
      try {
        return Promise.resolve(remote(getRemote(), ...args));
      } catch (error) {
        return Promise.reject(error as Error);
      }
    };

    const viaRemote = (thisArg: unknown, args: Args, callMode: ShimMode): Promise<Answer> =>
      callRemote(args).then(
        value => {
          stats.remote++;
          return value;
        },
        (error: unknown) => {
          if (isWireDomainError(error) || !isInfrastructure(error)) {
            // The service's own answer (a domain error), or a bug: the caller gets it as it is.
            stats.remote++;
            throw error;
          }
          if (callMode === 'remote-with-local-fallback') {
            stats.fallback++;
            reportFailure(operation, callMode, 'fallback', error);
            return callLocal(thisArg, args);
          }
          stats.unavailable++;
          reportFailure(operation, callMode, 'unavailable', error);
          throw new RemoteUnavailableError(
            `${service}.${operation}: the ${service} service did not answer (${describeError(error)}). ` +
              `The shim is in "remote" mode, which does not fall back to the library; set the flag ` +
              `"${modeFlag}" to "remote-with-local-fallback" to serve from the library while the service is down.`,
            { service, operation, cause: error },
          );
        },
      );

    const viaShadow = (thisArg: unknown, args: Args): Promise<Answer> => {
      stats.local++;
      if (shadowInFlight >= maxInFlight) {
        // Push back rather than queue: a shadow call that cannot start now is not made at all.
        stats.shadowDropped++;
        emit({ type: 'shadowDropped', service, operation, inFlight: shadowInFlight });
        return callLocal(thisArg, args);
      }
      const shadowOptions = settings.shadow;
      const snapshot = shadowOptions?.snapshot === true;
      const compare = shadowOptions?.compare ?? diffValues;
      const remoteArgs = snapshot ? cloneOrSame(args) : args;
      const answer = callLocal(thisArg, args);
      shadowInFlight++;
      stats.shadowed++;
      // A snapshot handler is registered before the caller's own, so it copies the answer before
      // the caller can change it; without one, even that waits for the next turn.
      const snapshotOutcome = snapshot
        ? answer.then(
            (value): ShimOutcome => ({ ok: true, value: cloneOrSame(value) }),
            (error: unknown): ShimOutcome => ({ ok: false, error }),
          )
        : undefined;
      // The service is called from a later turn of the event loop: not even the synchronous part
      // of sending a request (encoding, opening the socket) runs before the caller gets its answer.
      setImmediate(() => {
        const localOutcome = snapshotOutcome ?? answer.then(toSuccess, toFailure);
        const remoteOutcome = callRemote(remoteArgs).then(toSuccess, toFailure);
        void Promise.all([localOutcome, remoteOutcome])
          .then(([localSide, remoteSide]) => {
            if (
              !remoteSide.ok &&
              !isWireDomainError(remoteSide.error) &&
              isInfrastructure(remoteSide.error)
            ) {
              stats.shadowRemoteFailures++;
              reportFailure(operation, 'shadow', 'shadow', remoteSide.error);
              return;
            }
            let differences: ShimDifference[];
            try {
              differences = compare(
                localSide.ok ? localSide.value : localSide.error,
                remoteSide.ok ? remoteSide.value : remoteSide.error,
              );
            } catch (error) {
              const text = `(compare failed: ${describeError(error)})`;
              differences = [{ path: '', local: '', remote: '', text }];
            }
            if (differences.length === 0) {
              stats.shadowMatches++;
              return;
            }
            stats.shadowMismatches++;
            const mismatch: ShimMismatch = {
              service,
              operation,
              args: remoteArgs,
              local: localSide,
              remote: remoteSide,
              differences,
            };
            try {
              settings.onMismatch?.(mismatch);
            } catch {
              // A broken hook must never change what a call returns.
            }
            emit(
              {
                type: 'mismatch',
                service,
                operation,
                differences: differences.length,
                first: differences[0]!.text,
              },
              mismatch,
            );
          })
          .finally(() => {
            shadowInFlight--;
          });
      });
      return answer;
    };

    const route = (
      thisArg: unknown,
      args: Args,
      callMode: ShimMode,
      percent: number,
      context: ShimEvaluationContext | undefined,
    ): Promise<Answer> => {
      if (callMode === 'local' || !isInRollout(percent, context)) {
        stats.local++;
        return callLocal(thisArg, args);
      }
      if (callMode === 'shadow') return viaShadow(thisArg, args);
      return viaRemote(thisArg, args, callMode);
    };

    const shimmed = function (this: unknown, ...args: Args): Promise<Answer> {
      if (isPerCall) {
        const context = settings.context?.();
        return evaluate(context).then(
          state => route(this, args, state.mode, state.rollout, context),
          (error: unknown) => {
            emit({ type: 'flagError', service, error: errorName(error) });
            return route(this, args, 'local', 0, context);
          },
        );
      }
      if (now() >= nextRefreshAt) startRefresh('interval');
      // The hot path: one comparison, one counter, the library call.
      if (mode === 'local') {
        stats.local++;
        return callLocal(this, args);
      }
      const context = rollout > 0 && rollout < 100 ? settings.context?.() : undefined;
      return route(this, args, mode, rollout, context);
    };
    Object.defineProperty(shimmed, 'name', { value: operation });
    return shimmed;
  }

  const sum = (): ShimCounts => {
    const total = emptyCounts();
    for (const operation of Object.keys(counts)) {
      const one = counts[operation]!;
      for (const key of Object.keys(total) as (keyof ShimCounts)[]) total[key] += one[key];
    }
    return total;
  };

  start('initial');

  const router: ShimRouter<Remote> = {
    service,
    events,
    wrap,
    stats: () => ({
      service,
      mode,
      rollout,
      shadowInFlight,
      operations: Object.fromEntries(Object.entries(counts).map(([name, one]) => [name, { ...one }])),
      total: sum(),
    }),
    resetStats: () => {
      for (const operation of Object.keys(counts)) Object.assign(counts[operation]!, emptyCounts());
    },
    refresh: () => refreshCache('refresh'),
    configure: changes => {
      validate(changes, `${service} shim configure()`);
      if ('remote' in changes) remoteClient = undefined;
      settings = { ...settings, ...changes, service };
      start('configure');
    },
    close: () => {
      unsubscribe();
      unsubscribe = () => {};
    },
  };
  register(router);
  return router;
}
