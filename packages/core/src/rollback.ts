// `faultline rollback <service>`: undoes an extraction from its manifest, for a team that abandons
// it. Every file faultline edited outside the output folder (the library's shim, the codemod's call
// sites, package.json dependencies) gets its original bytes back, or is deleted when faultline
// created it; every generated file faultline wrote is deleted; then the manifest and the originals
// go. A file a person changed since faultline wrote it is a conflict: nothing is written unless
// `force`, so a rollback never destroys work silently. Same atomic temp + rename as the write stage.
import fs from 'node:fs';
import path from 'node:path';

import { findRepositoryRoot, isInside, relativeTo } from './analyze/input.js';
import { CliError, InputError, UsageError } from './errors.js';
import {
  commitFiles,
  type FileChange,
  MANIFEST_PATH,
  type Manifest,
  ORIGINALS_PATH,
  readManifest,
  readOptional,
  realPath,
  sha256,
  unifiedDiff,
} from './write/write-files.js';

export interface RollbackOptions {
  /** The service name given to `extract --service`. */
  service: string;
  /** The output folder (relative to `cwd`), when the search should not decide. */
  out?: string;
  root?: string;
  cwd?: string;
  /** Restore and delete files a person changed since faultline wrote them. */
  force?: boolean;
  dryRun?: boolean;
}

export interface RollbackReport {
  service: string;
  /** The output folder, repository-relative. */
  outDir: string;
  dryRun: boolean;
  /** `update`: restored to the original; `delete`: removed; `identical`: already as it was; `conflict`/`overwrite`: changed by a person. */
  changes: FileChange[];
  changed: boolean;
  root: string;
}

/** Files a person changed since faultline wrote them; nothing was rolled back. Exit code 1. */
export class RollbackConflictError extends CliError {
  override name = 'RollbackConflictError';
  override readonly exitCode = 1;
  readonly report: RollbackReport;

  constructor(report: RollbackReport) {
    const conflicts = report.changes.filter(change => change.kind === 'conflict');
    super(
      `${conflicts.length} file${conflicts.length === 1 ? ' was' : 's were'} changed since faultline wrote ${conflicts.length === 1 ? 'it' : 'them'}; nothing was rolled back:\n${conflicts
        .map(change => `  ${change.path}: ${change.reason}`)
        .join('\n')}\nSave your edits elsewhere, or pass --force to roll back over them.`,
    );
    this.report = report;
  }
}

const SKIPPED = new Set(['node_modules', '.git', 'dist', 'build', 'coverage', '.turbo', '.next']);

/** Output folders with a faultline manifest under `root` (outside node_modules), repository-relative. */
export function findManifests(root: string): { outDir: string; manifest: Manifest }[] {
  const found: { outDir: string; manifest: Manifest }[] = [];
  const walk = (dir: string, depth: number): void => {
    if (depth > 8) return;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    if (entries.some(entry => entry.name === '.faultline' && entry.isDirectory())) {
      const manifest = fs.existsSync(path.join(dir, MANIFEST_PATH)) ? readManifest(dir) : undefined;
      if (manifest) found.push({ outDir: relativeTo(root, dir), manifest });
    }
    for (const entry of entries)
      if (entry.isDirectory() && !SKIPPED.has(entry.name) && !entry.name.startsWith('.'))
        walk(path.join(dir, entry.name), depth + 1);
  };
  walk(root, 0);
  return found.sort((a, b) => a.outDir.localeCompare(b.outDir));
}

function serviceOf(manifest: Manifest): string | undefined {
  const service = manifest.inputs.service;
  return typeof service === 'string' ? service : undefined;
}

/**
 * Rolls an extraction back: restores every file faultline edited to its original, byte for byte,
 * deletes what it generated or created, then its manifest and originals. Throws
 * `RollbackConflictError` (exit 1, nothing written) when a person changed one of those files and
 * `force` is off, and `InputError` (exit 2) for a service with no manifest.
 */
export async function rollbackService(options: RollbackOptions): Promise<RollbackReport> {
  const cwd = path.resolve(options.cwd ?? process.cwd());
  const root = path.resolve(options.root ?? findRepositoryRoot(cwd));
  let outDir: string;
  let manifest: Manifest;
  if (options.out !== undefined) {
    const absolute = path.resolve(cwd, options.out);
    if (!isInside(root, absolute) || absolute === root)
      throw new InputError(`the output folder ${options.out} is outside the repository ${root}.`);
    const read = readManifest(absolute);
    if (!read)
      throw new InputError(
        `${relativeTo(root, absolute)} has no ${MANIFEST_PATH}: it was not made by faultline, or was rolled back already.`,
      );
    if (serviceOf(read) !== options.service)
      throw new InputError(
        `${relativeTo(root, absolute)} holds the service ${serviceOf(read) ?? '(none)'}, not ${options.service}.`,
      );
    outDir = relativeTo(root, absolute);
    manifest = read;
  } else {
    const all = findManifests(root);
    const matching = all.filter(entry => serviceOf(entry.manifest) === options.service);
    if (matching.length === 0) {
      const known = all
        .filter(entry => serviceOf(entry.manifest) !== undefined)
        .map(entry => `${serviceOf(entry.manifest)} (${entry.outDir})`);
      throw new InputError(
        `no extraction of a service named ${options.service} in ${root}: ${known.length > 0 ? `the services with a manifest are ${known.join(', ')}` : `no folder has a ${MANIFEST_PATH}`}.`,
      );
    }
    if (matching.length > 1)
      throw new UsageError(
        `the service ${options.service} was generated into ${matching.map(entry => entry.outDir).join(' and ')}: name one with --out.`,
      );
    ({ outDir, manifest } = matching[0] as { outDir: string; manifest: Manifest });
  }
  const absoluteOut = path.resolve(root, outDir);
  if (!isInside(realPath(root), realPath(absoluteOut)))
    throw new InputError(`the output folder ${outDir} leads outside the repository ${root}.`);

  const changes: FileChange[] = [];
  const restores = new Map<string, Buffer>();
  const deletes: string[] = [];
  const force = options.force === true;
  const conflict = (file: string, reason: string, diff: string): void => {
    changes.push({ path: file, kind: force ? 'overwrite' : 'conflict', reason, diff });
  };

  for (const [key, record] of Object.entries(manifest.edits ?? {}).sort(([a], [b]) => a.localeCompare(b))) {
    const absolute = path.resolve(root, key);
    if (!isInside(root, absolute) || !isInside(realPath(root), realPath(absolute)))
      throw new InputError(`${outDir}/${MANIFEST_PATH} names ${key}, outside the repository: not touched.`);
    const onDisk = readOptional(absolute);
    let original: Buffer | undefined;
    if (record.original !== null) {
      const kept = path.join(absoluteOut, ORIGINALS_PATH, key);
      if (!fs.existsSync(kept) || sha256(fs.readFileSync(kept, 'utf8')) !== record.original)
        throw new InputError(
          `the original of ${key} is missing from ${outDir}/${ORIGINALS_PATH} (or does not match the manifest): restore it from version control and run rollback again.`,
        );
      original = fs.readFileSync(kept);
    }
    const originalText = original?.toString('utf8');
    if (onDisk === originalText) {
      changes.push({ path: key, kind: 'identical' });
      continue;
    }
    const diff = unifiedDiff(key, onDisk, originalText);
    if (onDisk === undefined || sha256(onDisk) !== record.written) {
      conflict(
        key,
        onDisk === undefined ? 'deleted since faultline edited it' : 'edited since faultline edited it',
        diff,
      );
      if (!force) continue;
    } else changes.push({ path: key, kind: original === undefined ? 'delete' : 'update', diff });
    if (original === undefined) deletes.push(absolute);
    else restores.set(absolute, original);
  }
  for (const [key, hash] of Object.entries(manifest.files).sort(([a], [b]) => a.localeCompare(b))) {
    const absolute = path.resolve(absoluteOut, key);
    const file = relativeTo(root, absolute);
    if (!isInside(absoluteOut, absolute)) continue;
    const onDisk = readOptional(absolute);
    if (onDisk === undefined) continue;
    const diff = unifiedDiff(file, onDisk, undefined);
    if (sha256(onDisk) !== hash) {
      conflict(file, 'edited since faultline wrote it', diff);
      if (!force) continue;
    } else changes.push({ path: file, kind: 'delete', diff });
    deletes.push(absolute);
  }
  const report: RollbackReport = {
    service: options.service,
    outDir,
    dryRun: options.dryRun === true,
    changes,
    changed: changes.some(change => change.kind !== 'identical'),
    root,
  };
  if (changes.some(change => change.kind === 'conflict')) throw new RollbackConflictError(report);
  if (options.dryRun) return report;

  commitFiles(restores, deletes, 'could not restore the originals');
  // The manifest and the originals last: an interrupted rollback can be run again.
  fs.rmSync(path.join(absoluteOut, ORIGINALS_PATH), { recursive: true, force: true });
  fs.rmSync(path.join(absoluteOut, MANIFEST_PATH), { force: true });
  // Folders left empty by the deletions go too; a folder with a person's file stays.
  const emptied = new Set<string>([path.join(absoluteOut, '.faultline')]);
  for (const absolute of deletes)
    for (let dir = path.dirname(absolute); isInside(absoluteOut, dir); dir = path.dirname(dir))
      emptied.add(dir);
  for (const dir of [...emptied].sort((a, b) => b.length - a.length))
    if (fs.existsSync(dir) && fs.readdirSync(dir).length === 0) fs.rmdirSync(dir);
  return report;
}
