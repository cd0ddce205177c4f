// Module specifiers as the catalog knows them: `http` and `node:http` are one module, and deep
// imports of a package (`axios/index.js`) are the package.

const NODE_BUILTINS = new Set([
  'http',
  'https',
  'http2',
  'net',
  'tls',
  'dns',
  'timers',
  'timers/promises',
  'child_process',
  'fs',
  'fs/promises',
  'events',
  'util',
]);

/** Entry points that stand for their package (a few libraries publish their main export under a path). */
const DEEP_IMPORT_ALIASES: Readonly<Record<string, string>> = {
  'axios/index.js': 'axios',
  'axios/dist/node/axios.cjs': 'axios',
  'got/dist/source/index.js': 'got',
  'ioredis/built/index.js': 'ioredis',
  'pg/lib/index.js': 'pg',
  'node-fetch/lib/index.js': 'node-fetch',
  '@redis/client/dist/index.js': '@redis/client',
};

/**
 * Returns the canonical name of a module specifier: builtins carry the `node:` prefix, a few
 * known deep imports map to their package. Relative specifiers are returned unchanged, except a
 * limiter copied into the project ({@link vendoredLimiter}).
 */
export function canonicalModule(specifier: string): string {
  if (specifier.startsWith('node:')) return specifier;
  if (NODE_BUILTINS.has(specifier)) return `node:${specifier}`;
  if (specifier.startsWith('.')) return vendoredLimiter(specifier) ?? specifier;
  return DEEP_IMPORT_ALIASES[specifier] ?? specifier;
}

/** Limiters projects copy into their own tree and import by a relative path (`../utils/p-limit`). */
const VENDORED_LIMITERS = new Set(['p-limit', 'p-queue', 'p-map', 'p-all', 'promise-limit']);

/**
 * `../utils/p-limit`, `./vendor/p-limit/index.js`: a copy of a limiter kept in the project, whose
 * API is the package's. Only limiters: a local module named like a client is the project's own.
 */
function vendoredLimiter(specifier: string): string | undefined {
  const segments = specifier.replace(/\.[cm]?[jt]s$/, '').split('/');
  if (segments[segments.length - 1] === 'index') segments.pop();
  const name = segments[segments.length - 1] ?? '';
  return VENDORED_LIMITERS.has(name) ? name : undefined;
}
