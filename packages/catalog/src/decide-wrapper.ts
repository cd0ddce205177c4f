// Request wrappers of a project that bound their request only with what their caller gives them
// (`fetchJson(url, { timeout })` passing `signal: timeout ? AbortSignal.timeout(timeout) : undefined`
// to fetch), and the clients whose instances leave the file they are made in. A reader turns the
// wrapper's body and each call site into the plain facts below; these decisions say where the
// deadline comes from and whether a call gives it. The lint rules (ESTree) and `faultline analyze`
// (TypeScript) call the same functions, so both report the same call sites.
import { fetchFamily } from './clients/fetch.js';
import { decideClientDeadline } from './decide-deadline.js';
import type { ClientFacts } from './facts.js';
import type { FamilyId, Verdict } from './types.js';

/** Where a wrapper's deadline comes from: its parameter at `index`, or property `key` of it. */
export interface DeadlineCarrier {
  index: number;
  /** A property of an options parameter (`timeout` in `{ timeout }` or `options.timeout`). */
  key?: string;
  /** Another property that bounds the request as well (`signal`, spread into the request's options). */
  alsoKey?: string;
  /** The parameter's name, for a positional carrier. */
  name?: string;
  /** The request the wrapper makes, for the message (`fetch`). */
  request: string;
  /** The line of that request in the wrapper's file. */
  line: number;
}

/** The parameter a value reads the caller's deadline from (a carrier without its request). */
export type CarrierRef = Pick<DeadlineCarrier, 'index' | 'key' | 'name'>;

/**
 * A request a wrapper may hand its caller's deadline to: the runtime's fetch (or undici's,
 * node-fetch's, cross-fetch's), bounded by a `signal` in its init, or a call on axios' default
 * instance, bounded by `timeout` or `signal` in its config.
 */
export interface WrappedRequest {
  client: 'fetch' | 'axios';
  /** The request as a message names it (`fetch`, `axios.get`). */
  label: string;
  /** The argument its options are. */
  optionsAt: number;
  /**
   * The module also honours a `timeout` option (node-fetch 2 and the modules built on it,
   * make-fetch-happen's minipass-fetch): a caller's `timeout` bounds the request too.
   */
  timeoutKey?: true;
}

/** Fetch-compatible modules that take a `timeout` option too (node-fetch 2 and what is built on it). */
const TIMEOUT_FETCHES: ReadonlySet<string> = new Set([
  'node-fetch',
  'cross-fetch',
  'isomorphic-fetch',
  'isomorphic-unfetch',
  'make-fetch-happen',
]);

/** axios' default instance: the argument each request method takes its config at. */
const AXIOS_CONFIG_AT: Readonly<Record<string, number>> = {
  request: 0,
  get: 1,
  delete: 1,
  head: 1,
  options: 1,
  post: 2,
  put: 2,
  patch: 2,
  postForm: 2,
  putForm: 2,
  patchForm: 2,
};

/**
 * The request a callee is, as a reader resolved it (a global, or a module's member), for a call
 * with `argCount` arguments: what a request wrapper may bound with its caller's deadline. axios'
 * instances made with `create` are not: their own defaults decide.
 */
export function wrappedRequest(
  callee: { kind: string; module?: string; path: readonly string[] },
  argCount: number,
): WrappedRequest | undefined {
  const path = callee.path.join('.');
  if (callee.kind === 'global')
    return path === 'fetch' ? { client: 'fetch', label: 'fetch', optionsAt: 1 } : undefined;
  if (callee.kind !== 'module') return undefined;
  const module = callee.module ?? '';
  // undici's `fetch`, or a fetch-compatible module's (node-fetch, cross-fetch, isomorphic-fetch…),
  // default or named.
  if (module === 'undici' || Object.hasOwn(fetchFamily.modules ?? {}, module)) {
    if (path !== 'fetch' && (path !== '' || module === 'undici')) return undefined;
    return TIMEOUT_FETCHES.has(module)
      ? { client: 'fetch', label: 'fetch', optionsAt: 1, timeoutKey: true }
      : { client: 'fetch', label: 'fetch', optionsAt: 1 };
  }
  if (module !== 'axios') return undefined;
  // `axios(config)` or `axios(url, config)`.
  if (path === '') return { client: 'axios', label: 'axios', optionsAt: argCount >= 2 ? 1 : 0 };
  const at = AXIOS_CONFIG_AT[path];
  return at === undefined ? undefined : { client: 'axios', label: `axios.${path}`, optionsAt: at };
}

/** What a reader saw about one request (a `fetch`, an axios request) a wrapper makes. */
export interface WrapperRequestFacts {
  /** The request's line in the wrapper's file. */
  line: number;
  /** The client and how a message names it; fetch when absent. */
  client?: 'fetch' | 'axios';
  label?: string;
  /** A fetch whose module also honours a `timeout` option ({@link WrappedRequest.timeoutKey}). */
  timeoutKey?: true;
  /** Its options argument: none, an object literal, or anything else (built elsewhere). */
  options: 'absent' | 'object' | 'other';
  /** The object literal spreads something (the caller's options go out as they are). */
  hasSpread: boolean;
  /**
   * Its `signal` property: absent (`undefined`); bounded here or by a parameter default (`null`);
   * or the caller's parameter it reads its deadline from.
   */
  signal?: CarrierRef | null;
  /** Whether it has a `signal` property at all (for axios, a `signal` or a `timeout`). */
  hasSignal: boolean;
  /** It sits inside the branch of the wrapper's deadline guard (`if (options?.timeout) { … }`). */
  guarded: boolean;
  /**
   * Its options are a parameter of the wrapper handed on as they are (`fetch(url, init)`), or spread
   * from one with no `signal` or `timeout` beside it (`{ ...init, headers }`): that parameter's index.
   */
  passedThrough?: number;
}

/** A wrapper's requests, and the guard that bounds some of them only when the caller passes a deadline. */
export interface WrapperFacts {
  requests: readonly WrapperRequestFacts[];
  /** `if (options?.timeout)`, `if (timeout)` on a destructured option: the parameter and key tested. */
  guard?: { index: number; key: string };
}

/** Names of functions that may wrap a request: only functions called by such a name are looked into. */
const WRAPPER_NAME =
  /^(?:fetch|request|http|api|download|upload)(?:[A-Z0-9_]|$)|[a-z0-9](?:Fetch|Request|Http|Api|Json|Download|Upload|Webhook)/;

/** Option names that say "the caller's time budget" in a wrapper's deadline guard. */
const DEADLINE_KEY = /^(?:timeout|timeoutMs|timeoutMillis|deadline|deadlineMs|signal)$/;

/** True when a function called by this name may be a request wrapper (`fetchJson`, `apiRequest`, `request`). */
export function isRequestWrapperName(name: string): boolean {
  return WRAPPER_NAME.test(name);
}

/** True when an option name carries the caller's time budget (`timeout`, `deadlineMs`, `signal`). */
export function isDeadlineKey(key: string): boolean {
  return DEADLINE_KEY.test(key);
}

/**
 * Where a wrapper's deadline comes from, when it comes only from its caller: either every request
 * takes its `signal` from a parameter, or the wrapper bounds its request only inside a guard
 * (`if (options?.timeout)`) and otherwise sends the caller's options on as they are. Undefined when
 * the wrapper bounds its requests itself, never bounds one (its own file reports that), or builds
 * its options where they cannot be seen.
 */
export function decideDeadlineCarrier(facts: WrapperFacts): DeadlineCarrier | undefined {
  const requests = facts.requests;
  if (requests.length === 0) return undefined;
  const guarded = guardedCarrier(facts);
  if (guarded) return guarded;
  let found: DeadlineCarrier | undefined;
  for (const request of requests) {
    // The caller's init handed on as it is: bounded exactly when the caller's init has a signal
    // (an axios config: a timeout, or a signal).
    const carrier: Omit<DeadlineCarrier, 'request' | 'line'> | undefined =
      request.passedThrough !== undefined
        ? request.client === 'axios'
          ? { index: request.passedThrough, key: 'timeout', alsoKey: 'signal' }
          : request.timeoutKey
            ? { index: request.passedThrough, key: 'signal', alsoKey: 'timeout' }
            : { index: request.passedThrough, key: 'signal' }
        : // No options, or options built elsewhere: never bounded, or not ours to say; the wrapper's own file speaks.
          request.options === 'object' && request.hasSignal && request.signal
          ? request.signal
          : undefined;
    if (!carrier) return undefined;
    // Requests that take their deadline from different places: not one carrier to check calls against.
    if (found && (found.index !== carrier.index || found.key !== carrier.key)) return undefined;
    found ??= { ...carrier, request: request.label ?? 'fetch', line: request.line };
  }
  return found;
}

function guardedCarrier(facts: WrapperFacts): DeadlineCarrier | undefined {
  const guard = facts.guard;
  if (!guard) return undefined;
  // The requests outside the guarded branch go out without a signal of their own.
  const unguarded = facts.requests.filter(request => !request.guarded);
  const first = unguarded[0];
  if (!first) return undefined;
  for (const request of unguarded) {
    // The caller's options go out as they are (a spread): with a `signal` when the caller gives one.
    // A request that takes nothing from the caller is never bounded; its own file reports it.
    if (request.options !== 'object' || !request.hasSpread || request.hasSignal) return undefined;
  }
  return {
    index: guard.index,
    key: guard.key,
    ...(guard.key === 'signal' ? {} : { alsoKey: 'signal' }),
    request: first.label ?? 'fetch',
    line: first.line,
  };
}

/** What a call to a wrapper passes where the carrier is. */
export type WrapperArgument =
  | { kind: 'absent' }
  /** The identifier `undefined`. */
  | { kind: 'undefined' }
  /** An object literal: its written keys, and whether a spread or a computed key may carry any other. */
  | { kind: 'object'; keys: readonly string[]; open: boolean }
  /** Anything else: a variable, a call, a literal. */
  | { kind: 'other' };

/** A call to a request wrapper, as far as its deadline goes. */
export interface WrapperCallFacts {
  carrier: DeadlineCarrier;
  /** The call spreads its arguments (`fetchJson(...args)`): they may carry anything. */
  spreadArguments: boolean;
  /** The argument at the carrier's index. */
  argument: WrapperArgument;
}

/** Does this call give the wrapper its deadline? Spreads and non-literal options may carry it. */
export function givesDeadline(facts: WrapperCallFacts): boolean {
  if (facts.spreadArguments) return true;
  const { argument, carrier } = facts;
  if (argument.kind === 'absent') return false;
  if (carrier.key === undefined) return argument.kind !== 'undefined';
  if (argument.kind !== 'object') return true;
  return (
    argument.open ||
    argument.keys.some(
      key => key === carrier.key || (carrier.alsoKey !== undefined && key === carrier.alsoKey),
    )
  );
}

/**
 * Call-level families whose instances carry a default deadline (`axios.create({ timeout })`,
 * `got.extend`, `ky.create`, `new GraphQLClient(url, { signal })`).
 */
export const INSTANCE_DEADLINE_FAMILIES: ReadonlySet<FamilyId> = new Set<FamilyId>([
  'axios',
  'got',
  'ky',
  'graphql-request',
  'googleapis',
]);

/**
 * A construction of a call-level client worth judging where it is made: a family whose instances
 * carry a deadline, made from the module itself (`got.extend` off `got`, not `instance.extend`,
 * which inherits the instance's deadline). Readers check this before reading anything costlier.
 */
export function isEscapingClientCandidate(family: FamilyId, fromInstance: boolean): boolean {
  return INSTANCE_DEADLINE_FAMILIES.has(family) && !fromInstance;
}

/** A client construction whose instance may leave the file it is made in. */
export interface EscapingClientFacts {
  family: FamilyId;
  /** Made from another instance (`instance.extend({…})`): it inherits that instance's deadline. */
  fromInstance: boolean;
  /** The instance is exported, or returned from a function: its calls are made in other files. */
  leavesFile: boolean;
  /** A process-wide default (`axios.defaults.timeout = …`, `google.options({ timeout })`) is set by another module of the project. */
  processDefault: boolean;
  /** The construction, with the options of the calls through it that the reader sees. */
  client: ClientFacts;
  /**
   * The base its paths are sent to is fixed to this machine (`baseURL: 'http://localhost:3000'`,
   * see loopback.ts): its calls are not remote calls, so it is not reported either.
   */
  loopbackBase?: boolean;
}

/**
 * A client made without a deadline (`axios.create({ baseURL })`, `got.extend({ prefixUrl })`) whose
 * instance leaves the file: its calls are made elsewhere, where the construction is not visible,
 * so it is reported where it is made. Returns the missing deadlines to report (none otherwise).
 * Options that cannot be seen (an identifier, a spread) are not reported.
 */
export function decideEscapingClient(facts: EscapingClientFacts): Verdict[] {
  if (!isEscapingClientCandidate(facts.family, facts.fromInstance) || !facts.leavesFile) return [];
  const options = facts.client.options;
  if (options.kind === 'opaque' || (options.kind === 'object' && options.hasSpread)) return [];
  if (facts.processDefault) return [];
  if (facts.loopbackBase) return [];
  return decideClientDeadline(facts.client).filter(verdict => verdict.status === 'missing');
}
