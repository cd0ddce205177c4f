// The versions of packages a linted file's package declares, for catalog families whose defaults
// changed between majors (`Family.versionPackage`). The catalog decides from the major (pure); this
// reads it from the file system for the rules. Read from the nearest package.json up the tree
// that lists the package (dependencies, devDependencies, peerDependencies, optionalDependencies),
// once per folder for the life of the process, re-read when a package.json changes.
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';

import { majorOfRange } from '@faultline/catalog';

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

/**
 * The major version of `pkg` declared by the nearest package.json above `filename` that lists it,
 * or undefined when none does or its range names no version (`*`, `workspace:*`, `catalog:`).
 */
export function declaredMajor(filename: string, pkg: string): number | undefined {
  let dir = path.dirname(path.resolve(filename));
  for (;;) {
    const range = rangesOf(path.join(dir, 'package.json'))?.get(pkg);
    if (range !== undefined) return majorOfRange(range);
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}
