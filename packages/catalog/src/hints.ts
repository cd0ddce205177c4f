// Names and modules that both provenance engines (the rules' ESTree one and core's TypeScript
// one) use to read intent the catalog tables cannot express: which globals matter, what names a
// URL or a timer, and which modules bound a promise.
export const GLOBAL_OBJECTS: ReadonlySet<string> = new Set(['globalThis', 'window', 'self', 'global']);

/** Globals the rules resolve (everything else undeclared is unknown). */
export const GLOBAL_ROOTS: ReadonlySet<string> = new Set([
  'fetch',
  'Request',
  'AbortSignal',
  'AbortController',
  'Promise',
  'setTimeout',
  'setInterval',
  'require',
  'process',
  'Math',
  'JSON',
  'Date',
  'crypto',
  'Bun',
  // Nuxt's and Nitro's global ofetch.
  '$fetch',
  ...GLOBAL_OBJECTS,
]);

/** Names that say "this is a URL": `url`, `apiUrl`, `endpoint`, `href`, `baseURL`, `uri`, `path`. */
export const URL_NAME =
  /(?:^|[a-z_])(?:url|uri|href|endpoint|link|path|route)s?$|^(?:url|uri|href|endpoint|link|path|route)/i;

/** Callee names that look like timers when racing: `Promise.race([call, timeout(5000)])`. */
export const TIMER_NAME = /timeout|deadline|timer|delay|sleep|wait|expire/i;

/**
 * Names of a package's function that races the promise it is handed against a timer
 * (`promiseTimeout(promise, ms)` from @drift-labs/sdk, `withTimeout(promise, ms)`): read as a
 * timeout wrapper when it is handed the promise and something more (the time), since the package's
 * code is not read.
 */
export const TIMEOUT_WRAPPER_NAME =
  /^(?:with|promise|race|run)Timeout$|^(?:promise|race|run)With(?:Timeout|Deadline)$|^withDeadline$/i;

/** Modules whose default (or named) export bounds the promise it is given. */
export const TIMEOUT_WRAPPER_MODULES: Readonly<Record<string, readonly string[]>> = {
  'p-timeout': ['', 'pTimeout'],
  'promise-timeout': ['timeout'],
  'async-timeout': [''],
};

/** Packages that provide an `AbortController` (polyfills) besides the global one. */
export const ABORT_CONTROLLER_MODULES: ReadonlySet<string> = new Set([
  'node-abort-controller',
  'abort-controller',
  'abortcontroller-polyfill/dist/cjs-ponyfill',
  'abortcontroller-polyfill',
]);
