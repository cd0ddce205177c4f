// The versions of packages a linted file's package declares, for catalog families whose defaults
// or options changed between versions (`Family.versionPackages`, `Family.lockedPackage`). The
// catalog decides from them (pure); this reads them from the file system for the rules. Read from
// the nearest package.json up the tree that lists the package (dependencies, devDependencies,
// peerDependencies, optionalDependencies), and from the nearest lockfile up the tree, each once per
// file for the life of the process, re-read when it changes.
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';

import { type FamilyId, type VersionFacts, FAMILIES, majorOfRange } from '@faultline/catalog';

const FIELDS = ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'];
/** Per package.json: its modification time and its declared ranges by package name. */
const manifests = new Map<string, { mtimeMs: number; ranges: Map<string, string> } | null>();

function rangesOf(file: string): Map<string, string> | undefined {
  let mtimeMs: number;
  try {
    mtimeMs = statSync(file).mtimeMs;
  } catch {
    manifests.set(file, null);
    return undefined;
  }
  const known = manifests.get(file);
  if (known && known.mtimeMs === mtimeMs) return known.ranges;
  const ranges = new Map<string, string>();
  try {
    const manifest = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    for (const field of FIELDS) {
      const entries = manifest[field];
      if (!entries || typeof entries !== 'object') continue;
      for (const [name, range] of Object.entries(entries as Record<string, unknown>))
        if (typeof range === 'string' && !ranges.has(name)) ranges.set(name, range);
    }
  } catch {
    // An unreadable manifest declares nothing.
  }
  manifests.set(file, { mtimeMs, ranges });
  return ranges;
}

/** The first of `packages` that `ranges` lists (a name ending in `*` by prefix, `module` first). */
function firstListed(
  ranges: Map<string, string>,
  packages: readonly string[],
  module: string | undefined,
): { pkg: string; range: string } | undefined {
  for (const pkg of packages) {
    if (!pkg.endsWith('*')) {
      const range = ranges.get(pkg);
      if (range !== undefined) return { pkg, range };
      continue;
    }
    const prefix = pkg.slice(0, -1);
    const own = module?.startsWith(prefix) ? ranges.get(module) : undefined;
    if (own !== undefined && module) return { pkg: module, range: own };
    for (const [name, range] of ranges) if (name.startsWith(prefix)) return { pkg: name, range };
  }
  return undefined;
}

/**
 * The first of `packages` declared by the nearest package.json above `filename` that lists any of
 * them, with its range as written; a name ending in `*` matches by prefix, `module` (the client's
 * own module) before any other.
 */
export function declaredRange(
  filename: string,
  packages: readonly string[],
  module?: string,
): { pkg: string; range: string } | undefined {
  const start = path.dirname(path.resolve(filename));
  // Every axios call of a file asks: the answer is kept per folder for a while (DECLARED_TTL_MS).
  const key = `${start}\0${packages.join('\0')}\0${module ?? ''}`;
  const now = Date.now();
  const known = declaredAnswers.get(key);
  if (known && now - known.checkedAt < DECLARED_TTL_MS) return known.found;
  const found = declaredRangeUncached(start, packages, module);
  declaredAnswers.set(key, { checkedAt: now, found });
  return found;
}

/** How long a folder's answer to {@link declaredRange} is trusted before the manifests are read again. */
const DECLARED_TTL_MS = 30_000;
const declaredAnswers = new Map<
  string,
  { checkedAt: number; found: { pkg: string; range: string } | undefined }
>();

function declaredRangeUncached(
  start: string,
  packages: readonly string[],
  module: string | undefined,
): { pkg: string; range: string } | undefined {
  let dir = start;
  for (;;) {
    const ranges = rangesOf(path.join(dir, 'package.json'));
    const found = ranges && firstListed(ranges, packages, module);
    if (found) return found;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/**
 * The major version of `pkg` declared by the nearest package.json above `filename` that lists it,
 * or undefined when none does or its range names no version (`*`, `workspace:*`, `catalog:`).
 */
export function declaredMajor(filename: string, pkg: string): number | undefined {
  const found = declaredRange(filename, [pkg]);
  return found ? majorOfRange(found.range) : undefined;
}

// ---------------------------------------------------------------- lockfiles

const LOCKFILES = ['package-lock.json', 'npm-shrinkwrap.json', 'pnpm-lock.yaml', 'yarn.lock', 'bun.lock'];

/**
 * Per lockfile: its modification time and the versions found per package. The text is not kept
 * (a lockfile can be megabytes): a package asked for later reads the file again.
 */
const lockfiles = new Map<string, { mtimeMs: number; versions: Map<string, string[]> }>();

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/**
 * The versions of `pkg` a lockfile's text resolves, by the shape each format gives them: npm's
 * `"node_modules/pkg": { "version": "x" }` (and v1's `"pkg": { "version": "x" }`), pnpm's and
 * bun's `pkg@x` keys (pnpm 5's `/pkg/x`), yarn's `pkg@range:` entry followed by `version "x"`.
 * Text search only: a lockfile can be megabytes, and this runs on an editor's lint path.
 */
function versionsIn(text: string, pkg: string): string[] {
  const name = escapeRegExp(pkg);
  const version = String.raw`(\d+\.\d+\.\d+)`;
  const patterns = [
    new RegExp(String.raw`${name}":\s*\{\s*"version":\s*"${version}`, 'g'),
    new RegExp(String.raw`['"/]${name}[@/]${version}`, 'g'),
    new RegExp(String.raw`${name}@[^\n]*:\r?\n\s+version:?\s+"?${version}`, 'g'),
  ];
  const found = new Set<string>();
  for (const pattern of patterns) for (const match of text.matchAll(pattern)) found.add(match[1] as string);
  return [...found];
}

/**
 * The versions of `pkg` that the nearest lockfile above `filename` resolves (every copy), or
 * undefined when there is no lockfile or it lists none.
 */
export function lockedVersions(filename: string, pkg: string): string[] | undefined {
  const file = nearestLockfile(path.dirname(path.resolve(filename)));
  if (!file) return undefined;
  const mtimeMs = statSync(file, { throwIfNoEntry: false })?.mtimeMs;
  if (mtimeMs === undefined) return undefined;
  let known = lockfiles.get(file);
  if (!known || known.mtimeMs !== mtimeMs) lockfiles.set(file, (known = { mtimeMs, versions: new Map() }));
  let versions = known.versions.get(pkg);
  if (!versions) {
    let text = '';
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      // An unreadable lockfile resolves nothing.
    }
    known.versions.set(pkg, (versions = versionsIn(text, pkg)));
  }
  return versions.length > 0 ? versions : undefined;
}

/** How long the nearest lockfile of a folder is trusted before the folders up the tree are probed again. */
const LOCKFILE_TTL_MS = 30_000;
/** Per folder: its nearest lockfile (null: none up the tree), and when that was found. */
const nearestLockfiles = new Map<string, { checkedAt: number; file: string | null }>();

/**
 * The nearest lockfile at or above `dir`, found by probes that throw nothing (a missing file is
 * the common case on the way up), kept per folder for LOCKFILE_TTL_MS: every AWS call of a file asks.
 */
function nearestLockfile(dir: string): string | undefined {
  const now = Date.now();
  const known = nearestLockfiles.get(dir);
  if (known && now - known.checkedAt < LOCKFILE_TTL_MS) return known.file ?? undefined;
  let found: string | null = null;
  for (let at = dir; found === null;) {
    for (const name of LOCKFILES) {
      const file = path.join(at, name);
      if (statSync(file, { throwIfNoEntry: false })?.isFile()) {
        found = file;
        break;
      }
    }
    const parent = path.dirname(at);
    if (parent === at) break;
    at = parent;
  }
  nearestLockfiles.set(dir, { checkedAt: now, file: found });
  return found ?? undefined;
}

/**
 * What the catalog reads about the versions of `family`'s packages for a file: the declared range
 * of the first of its `versionPackages` (`module`, the client's own module, first), and the
 * versions of its `lockedPackage` the lockfile resolves. Empty for a family that reads none.
 */
export function versionFacts(filename: string, family: FamilyId, module?: string): VersionFacts {
  const { versionPackages, lockedPackage } = FAMILIES[family];
  const facts: VersionFacts = {};
  const declared = versionPackages ? declaredRange(filename, versionPackages, module) : undefined;
  if (declared) {
    facts.declared = declared;
    const major = majorOfRange(declared.range);
    if (major !== undefined) facts.packageMajor = major;
  }
  const locked = lockedPackage ? lockedVersions(filename, lockedPackage) : undefined;
  if (locked) facts.locked = locked;
  return facts;
}
