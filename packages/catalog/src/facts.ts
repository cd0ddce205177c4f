// The plain facts a reader produces about one call. Each reader (ESTree in the lint rules,
// TypeScript nodes in `faultline analyze`) turns its AST into these shapes; the decisions in this
// package read nothing else, so both halves of faultline judge a call the same way.
import type { FamilyId, InstanceKind, Summary } from './types.js';

/** Facts about a node:http request that only the caller's AST can see. */
export interface HttpFacts {
  /** A 'timeout' listener (or `setTimeout` callback) destroys or aborts the request. */
  destroysOnTimeout: boolean;
  /** `req.setTimeout(ms)` is called on the request. */
  setsTimeout: boolean;
  /** The request object leaves the function (returned, passed on), so someone else may bound it. */
  escapes: boolean;
}

/**
 * What a reader found about the versions of a family's packages, for decisions and fixes that
 * depend on them (node-redis 4 has no `socket.socketTimeout`; `throwOnRequestTimeout` came with
 * @smithy/node-http-handler 4.4.0). Empty when nothing says: decisions and fixes then keep their
 * version-free form.
 */
export interface VersionFacts {
  /**
   * The major version of the family's package (`Family.versionPackages`) that the linted file's
   * package.json declares, when it says one: some defaults changed between majors.
   */
  packageMajor?: number;
  /**
   * The first of `Family.versionPackages` that the nearest package.json listing one declares, with
   * its range as written (`{ pkg: 'redis', range: '^4.6.13' }`).
   */
  declared?: { pkg: string; range: string };
  /** The versions of `Family.lockedPackage` that the project's lockfile resolves, every copy of it. */
  locked?: readonly string[];
}

/** What a family's bound check reads: the call's options and those of the instance it goes through. */
export interface JudgeInput extends VersionFacts {
  /** The call's own options (or, for construction-level families, the construction's options). */
  options: Summary;
  /** Options of the instance the call goes through, outermost first (innermost, most specific, last). */
  instance: readonly Summary[];
  /** fetch: the `Request` object passed as input, if one was built with an init. */
  request?: Summary;
  http?: HttpFacts;
  /** got: insist on `timeout.request`, the total bound. */
  requireTotalTimeout?: boolean;
  /** custom clients: the option keys that bound a call. */
  keys?: readonly string[];
  /** superagent, knex: a `.timeout(…)` call along the request's (query builder's) chain, or on the variable holding it. */
  chainTimeout?: boolean;
  /**
   * fetch: the call goes through the process's global undici dispatcher, and a module of the
   * project installs one whose response timeouts are set (`setGlobalDispatcher(new Agent({
   * headersTimeout, bodyTimeout }))`).
   */
  processDispatcher?: boolean;
  /**
   * fetch: the undici dispatcher the call's own init hands it (`{ dispatcher: agent }`), which the
   * request goes through instead of the process's. Global fetch and undici's `fetch` only.
   */
  dispatcher?: DispatcherFacts;
  /**
   * ws: a timer started where the connection is made ends it (`setTimeout(() => ws.terminate(),
   * ms)` on the variable or field it is held in), as a handshake timeout would.
   */
  closedByTimer?: boolean;
  /**
   * ws: the connection is what a function handed to another call returns (a socket factory given
   * to a client library, `setMetadata(SocketFactory, url => new WebSocket(url))`): that library
   * opens and watches it, with whatever dial timeout it has.
   */
  madeForLibrary?: boolean;
}

/**
 * An undici dispatcher as the reader followed it (a const, a class field, `.compose(…)`, the agent a
 * `RetryAgent` wraps): the class constructed and its options, or nothing (`made` undefined) when it
 * could not see where the dispatcher is made (a parameter, a call result, an option spread in).
 */
export interface DispatcherFacts {
  /** The undici class constructed (`Agent`, `ProxyAgent`…). */
  made?: string;
  /** The options given where it is made (`new Pool(origin, options)`: the second argument). */
  options: Summary;
}

/** Who is called: a module's member, a global, or a member of a client instance. */
export type CalleeIdentity =
  | { kind: 'module'; module: string; path: readonly string[] }
  | { kind: 'global'; path: readonly string[] }
  /** `declared`: known by a declared type (an injected client), not by a visible construction. */
  | { kind: 'instance'; instance: InstanceKind; path: readonly string[]; declared?: boolean }
  | { kind: 'unknown' };

/** A team's own client from `settings.faultline.clients`, as far as a decision needs it. */
export interface CustomClientFacts {
  keys: readonly string[];
  boundedByDefault: boolean;
}

/** The construction of a client whose bound lives where it is made (AWS, pg, Redis, Mongo…). */
export interface ClientFacts extends VersionFacts {
  family: FamilyId;
  /** The construction's options. */
  options: Summary;
  /** mongodb: the connection string passed first (its parameters may carry the bound). */
  connectionString?: Summary;
  /**
   * Defaults set on the instance after it is made, in its file (`client.defaults.timeout = n`, a
   * request interceptor that sets a timeout): each a layer under the construction's options.
   */
  later?: readonly Summary[];
  /**
   * Options of every call through this client that the reader can see, or undefined when the
   * reader does not collect them. A client whose every visible call passes its own bound is bounded.
   */
  perCallOptions?: readonly Summary[];
}

/** Everything a reader knows about one remote call that bears on its deadline. */
export interface CallFacts extends JudgeInput {
  family: FamilyId;
  callee: CalleeIdentity;
  /** The call's promise, or a function making it, is handed to a timeout wrapper or raced with a timer. */
  wrappedByTimeout: boolean;
  custom?: CustomClientFacts;
  /** For construction-level families: the client's construction, when the reader can see it. */
  client?: ClientFacts;
}
