// What an expression denotes, as both provenance engines (ESTree in the rules, TypeScript in
// core) describe it, and how member access extends it. `O` is each engine's own record of where
// an instance was made.
import { lookupInstanceMember } from './registry.js';
import { GLOBAL_OBJECTS } from './hints.js';
import type { FamilyId, InstanceKind, Role } from './types.js';

export type CatalogValue<O> =
  | { kind: 'module'; module: string; path: readonly string[] }
  | { kind: 'global'; path: readonly string[] }
  | { kind: 'instance'; instance: InstanceKind; family?: FamilyId; path: readonly string[]; origin: O }
  | { kind: 'unknown' };

const UNKNOWN = { kind: 'unknown' } as const;

/**
 * The value of `value.a.b…`: module paths skip ES-interop `default`, `globalThis.x` is the global
 * `x`, and a namespace instance (a loaded gRPC package) stays a namespace however deep the access.
 * `lookup` may override the catalog for instances (a team's own clients).
 */
export function extendValue<O>(
  value: CatalogValue<O>,
  names: readonly string[],
  lookup: (
    instance: InstanceKind,
    path: readonly string[],
    origin: O,
  ) => Role | undefined = lookupInstanceMember,
): CatalogValue<O> {
  if (names.length === 0 || value.kind === 'unknown') return value;
  switch (value.kind) {
    case 'module': {
      const path = [...value.path];
      for (const name of names) {
        if (path.length === 0 && name === 'default') continue;
        path.push(name);
      }
      return { kind: 'module', module: value.module, path };
    }
    case 'global': {
      const path = [...value.path];
      for (const name of names) {
        if (path.length === 1 && GLOBAL_OBJECTS.has(path[0] as string)) path.length = 0;
        path.push(name);
      }
      return { kind: 'global', path };
    }
    case 'instance': {
      let current: CatalogValue<O> = value;
      for (const name of names) {
        if (current.kind !== 'instance') return UNKNOWN;
        const path: string[] = [...current.path, name];
        const role = lookup(current.instance, path, current.origin);
        current =
          role?.role === 'namespace'
            ? {
                kind: 'instance',
                instance: role.instance,
                ...(current.family ? { family: current.family } : {}),
                path: [],
                origin: current.origin,
              }
            : { ...current, path };
      }
      return current;
    }
  }
}

/** http and https are one client family; everything else is itself. */
function clientModule(module: string): string {
  return module === 'node:https' ? 'node:http' : module;
}

/** Two values that are the same client: equal modules and paths (http and https as one), or the same kind of instance. */
export function isSameClient<O>(a: CatalogValue<O>, b: CatalogValue<O>): boolean {
  if (a.kind === 'module' && b.kind === 'module')
    return clientModule(a.module) === clientModule(b.module) && a.path.join('.') === b.path.join('.');
  if (a.kind === 'instance' && b.kind === 'instance')
    return a.instance === b.instance && a.path.join('.') === b.path.join('.');
  return false;
}

/**
 * The client a callee chosen between two values is: `(secure ? https : http)` is node:http either
 * way, `mod.default ?? mod` (or `||`) is the module. Two different clients, or `&&`, are unknown.
 * Both readers call this with the values of the two operands, so they agree on every choice.
 */
export function chosenClient<O>(
  operator: '?:' | '??' | '||' | '&&',
  left: CatalogValue<O>,
  right: CatalogValue<O>,
): CatalogValue<O> {
  if (operator === '&&') return UNKNOWN;
  if (isSameClient(left, right)) return left;
  if (operator === '?:') return UNKNOWN;
  // Module interop picks one of the two: `imported.default || imported`.
  if (
    left.kind === 'module' &&
    right.kind === 'module' &&
    left.module === right.module &&
    left.path.length === 1 &&
    left.path[0] === 'default' &&
    right.path.length === 0
  )
    return right;
  return UNKNOWN;
}

/**
 * The major version a package.json dependency range pins (`^8.12.0`, `~7.17.14`, `8.x`, `>=7 <9`
 * gives its lowest bound's major), or undefined when it names none (`*`, `latest`, `workspace:*`,
 * `catalog:`, a URL or a path).
 */
export function majorOfRange(range: string): number | undefined {
  const match = /^\s*(?:npm:(?:@[^@/]+\/)?[^@]+@)?(?:[\^~]|>=?|=)?\s*v?(\d+)(?:[.\s]|$|x)/i.exec(range);
  return match ? Number(match[1]) : undefined;
}

/** A version as its three numbers (a pre-release tag is dropped: `5.0.0-next.1` is 5.0.0). */
export type Version = readonly [major: number, minor: number, patch: number];

/**
 * The versions a dependency range admits: the lowest, and `below`, the first version above them
 * all, when the range has a ceiling (`^4.2.0` admits 4.2.0 up to, not including, 5.0.0; `~3.500.0`
 * up to 3.501.0; `^0.21.1` up to 0.22.0; `>=4` has none).
 */
export interface VersionSpan {
  lowest: Version;
  below?: Version;
}

const VERSION_TOKEN =
  /^(<=|>=|<|>|=|\^|~>?)?v?(\d+)(?:\.(\d+|[x*]))?(?:\.(\d+|[x*]))?(?:[-+][0-9a-z.+-]*)?$/i;

function compareVersions(a: Version, b: Version): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}

/** One comparator set of a range (`>=1.2.0 <2`, `^4.4.1`, `1.x`): its span, or undefined. */
function spanOfSet(set: string): VersionSpan | undefined {
  let lowest: Version = [0, 0, 0];
  let below: Version | undefined;
  const tokens = set
    .replace(/(<=|>=|<|>|=|\^|~>?)\s+/g, '$1')
    .trim()
    .split(/\s+/);
  if (tokens.length === 3 && tokens[1] === '-') {
    const [from, to] = [spanOfSet(tokens[0] as string), spanOfSet(tokens[2] as string)];
    return from && to ? { lowest: from.lowest, ...(to.below ? { below: to.below } : {}) } : undefined;
  }
  for (const token of tokens) {
    if (token === '*' || token === 'x' || token === '') continue;
    const match = VERSION_TOKEN.exec(token);
    if (!match) return undefined;
    const op = match[1] ?? '';
    const major = Number(match[2]);
    const minor = match[3] === undefined || /[x*]/i.test(match[3]) ? undefined : Number(match[3]);
    const patch = match[4] === undefined || /[x*]/i.test(match[4]) ? undefined : Number(match[4]);
    const at: Version = [major, minor ?? 0, patch ?? 0];
    // The first version past what the token names when read as "this version" (`1.2` is 1.2.x).
    const past: Version =
      minor === undefined
        ? [major + 1, 0, 0]
        : patch === undefined
          ? [major, minor + 1, 0]
          : [major, minor, patch + 1];
    let from: Version | undefined;
    let to: Version | undefined;
    if (op === '^') {
      from = at;
      to =
        major > 0 || minor === undefined
          ? [major + 1, 0, 0]
          : minor > 0 || patch === undefined
            ? [0, minor + 1, 0]
            : [0, 0, (patch ?? 0) + 1];
    } else if (op.startsWith('~')) {
      from = at;
      to = minor === undefined ? [major + 1, 0, 0] : [major, minor + 1, 0];
    } else if (op === '>=') from = at;
    else if (op === '>') from = past;
    else if (op === '<') to = at;
    else if (op === '<=') to = past;
    else {
      from = at;
      to = past;
    }
    if (from && compareVersions(from, lowest) > 0) lowest = from;
    if (to && (!below || compareVersions(to, below) < 0)) below = to;
  }
  return below ? { lowest, below } : { lowest };
}

/**
 * The versions a package.json dependency range admits, or undefined when it names none (`*`,
 * `latest`, `workspace:*`, `catalog:`, a URL or a path). Alternatives (`^4 || ^5`) span from the
 * lowest of them to the highest ceiling.
 */
export function spanOfRange(range: string): VersionSpan | undefined {
  const bare = range.trim().replace(/^npm:(?:@[^@/]+\/)?[^@]+@/, '');
  if (bare === '' || bare === '*' || /^[a-z]+:/i.test(bare) || !/\d/.test(bare)) return undefined;
  let span: VersionSpan | undefined;
  for (const set of bare.split('||')) {
    const one = spanOfSet(set);
    if (!one) return undefined;
    if (!span) span = one;
    else
      span = {
        lowest: compareVersions(one.lowest, span.lowest) < 0 ? one.lowest : span.lowest,
        ...(one.below && span.below
          ? { below: compareVersions(one.below, span.below) > 0 ? one.below : span.below }
          : {}),
      };
  }
  return span;
}

/** The version a lockfile or a plain version string names (`4.4.1`, `5.0.0-next.1`), or undefined. */
export function parseVersion(text: string): Version | undefined {
  const match = /^v?(\d+)\.(\d+)\.(\d+)/.exec(text.trim());
  return match ? [Number(match[1]), Number(match[2]), Number(match[3])] : undefined;
}

/**
 * Whether every version a range admits is at least `version`: true when its lowest is, false when
 * its ceiling is at or below it, undefined when it admits versions on both sides (or names none).
 */
export function rangeIsAtLeast(range: string, version: Version): boolean | undefined {
  const span = spanOfRange(range);
  if (!span) return undefined;
  if (compareVersions(span.lowest, version) >= 0) return true;
  if (span.below && compareVersions(span.below, version) <= 0) return false;
  return undefined;
}

/**
 * Whether every version a lockfile resolves is at least `version` (true), every one is below it
 * (false), or they fall on both sides (undefined: which copy a client loads is not known).
 */
export function versionsAreAtLeast(versions: readonly string[], version: Version): boolean | undefined {
  let above = 0;
  let under = 0;
  for (const text of versions) {
    const parsed = parseVersion(text);
    if (!parsed) return undefined;
    if (compareVersions(parsed, version) >= 0) above++;
    else under++;
  }
  if (above > 0 && under === 0) return true;
  if (under > 0 && above === 0) return false;
  return undefined;
}
