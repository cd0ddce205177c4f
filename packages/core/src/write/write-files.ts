// The write stage, the only code that touches the disk. Every generated file goes through one
// virtual tree: formatted with Prettier (the repository's own config), compared with the disk and
// with the manifest of what faultline wrote last time, and only then written, all or nothing:
// - identical on disk: nothing to do, so a re-run with no change writes nothing;
// - on disk as faultline last wrote it: updated;
// - changed by a person since (or there before and not ours): a conflict; nothing is written
//   unless `force` is set;
// - in the manifest but no longer generated, and untouched: deleted; if edited, left alone.
// Files a person added are never touched. `.faultline/manifest.json` in the output folder records
// each file's hash. Writes are atomic: every file goes to a temporary file in its own folder
// first, and the renames happen once every temporary file exists.
// Edits of existing files outside the output folder (the codemod's call sites, the library's shim)
// go through the same tree. Each is planned from the disk content it names (`before`); the manifest
// records the hash of the original and of what was written, and the original bytes are kept once,
// at the first run, under `.faultline/originals/`, so `faultline rollback` can restore them.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

import { createTwoFilesPatch } from 'diff';
import * as prettier from 'prettier';

import { CliError, InputError } from '../errors.js';
import type { RenderedFile } from '../render/render.js';

export const MANIFEST_PATH = '.faultline/manifest.json';
const MANIFEST_VERSION = 1;

export interface Manifest {
  version: typeof MANIFEST_VERSION;
  generator: string;
  /** What was asked for, so a person can see how to regenerate (`extract … --export a,b`). */
  inputs: Record<string, unknown>;
  /** Output-relative path → sha256 of the content faultline wrote. */
  files: Record<string, string>;
  /** Files outside the output folder that faultline edited (or created), by repository-relative path. */
  edits?: Record<string, EditRecord>;
}

/** What faultline knows about a file it edited outside the output folder. */
export interface EditRecord {
  /** sha256 of the file before faultline first edited it; null when faultline created it. */
  original: string | null;
  /** sha256 of what faultline last wrote. */
  written: string;
}

/**
 * A change to a file outside the output folder: the codemod's rewrite of a consumer, the shim in
 * the library, a dependency added to a package.json.
 */
export interface ExternalEdit {
  /** Repository-relative path. */
  path: string;
  /** The disk content the edit was planned from; undefined for a new file. */
  before: string | undefined;
  after: string;
  /** Format with Prettier (for generated new files only; edits of a person's file keep its formatting). */
  format?: boolean;
}

/** Where the original bytes of edited files are kept, inside the output folder. */
export const ORIGINALS_PATH = '.faultline/originals';

export type ChangeKind = 'create' | 'update' | 'identical' | 'conflict' | 'overwrite' | 'delete' | 'kept';

export interface FileChange {
  /** Repository-relative path. */
  path: string;
  kind: ChangeKind;
  /** Why, for conflicts and kept files. */
  reason?: string;
  /** Unified diff from the disk to the new content (dry runs and conflicts). */
  diff?: string;
}

export interface WriteReport {
  outDir: string;
  dryRun: boolean;
  changes: FileChange[];
  /** True when something was (or, in a dry run, would be) written or deleted. */
  changed: boolean;
}

export interface WriteOptions {
  /** The repository root: output outside it is refused. */
  root: string;
  /** The output folder, relative to the root. */
  outDir: string;
  dryRun?: boolean;
  force?: boolean;
  generator: string;
  inputs: Record<string, unknown>;
  /** Files outside the output folder to change, each planned from what was on disk. */
  edits?: readonly ExternalEdit[];
}

/** Files a person changed since faultline wrote them; nothing was written. Exit code 1. */
export class WriteConflictError extends CliError {
  override name = 'WriteConflictError';
  override readonly exitCode = 1;
  readonly report: WriteReport;

  constructor(report: WriteReport) {
    const conflicts = report.changes.filter(change => change.kind === 'conflict');
    super(
      `${conflicts.length} generated file${conflicts.length === 1 ? ' was' : 's were'} changed since faultline wrote ${conflicts.length === 1 ? 'it' : 'them'}; nothing was written:\n${conflicts
        .map(change => `  ${change.path}: ${change.reason}`)
        .join(
          '\n',
        )}\nKeep your edits by moving them out of generated files, or pass --force to overwrite them.`,
    );
    this.report = report;
  }
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

function isInside(root: string, target: string): boolean {
  const relative = path.relative(root, target);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/** Where a path really is: its nearest existing ancestor with symbolic links resolved, plus the rest. */
export function realPath(target: string): string {
  let existing = target;
  while (!fs.existsSync(existing) && path.dirname(existing) !== existing) existing = path.dirname(existing);
  return path.join(fs.realpathSync(existing), path.relative(existing, target));
}

/** Formats a file with Prettier and the configuration that applies at its path; other files pass unchanged. */
export async function formatFile(absolutePath: string, content: string): Promise<string> {
  const info = await prettier.getFileInfo(absolutePath, { resolveConfig: false });
  if (info.ignored || info.inferredParser === null) return content.endsWith('\n') ? content : `${content}\n`;
  const config = (await prettier.resolveConfig(absolutePath, { editorconfig: true })) ?? {};
  return prettier.format(content, { ...config, filepath: absolutePath });
}

/** Reads the manifest of an output folder (absolute path), or undefined when it has none. */
export function readManifest(absoluteOut: string): Manifest | undefined {
  const file = path.join(absoluteOut, MANIFEST_PATH);
  if (!fs.existsSync(file)) return undefined;
  try {
    const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as Manifest;
    if (parsed.version !== MANIFEST_VERSION || typeof parsed.files !== 'object')
      throw new Error('unknown version');
    if (parsed.edits !== undefined && (typeof parsed.edits !== 'object' || parsed.edits === null))
      throw new Error('`edits` is not an object');
    return parsed;
  } catch (error) {
    throw new InputError(
      `${file}: faultline's manifest cannot be read (${(error as Error).message}); restore it from version control, or delete the output folder to generate afresh.`,
    );
  }
}

/** Reads a file that may not exist. */
export function readOptional(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

export function unifiedDiff(file: string, before: string | undefined, after: string | undefined): string {
  return createTwoFilesPatch(
    before === undefined ? '/dev/null' : `a/${file}`,
    after === undefined ? '/dev/null' : `b/${file}`,
    before ?? '',
    after ?? '',
    undefined,
    undefined,
    { context: 3 },
  )
    .split('\n')
    .slice(1)
    .join('\n');
}

/**
 * Compares the rendered files with the disk and the manifest and, unless this is a dry run or a
 * conflict stands, writes them atomically. Throws `WriteConflictError` (nothing written) when a
 * person changed a generated file and `force` is off, and `InputError` for an output folder
 * outside the repository or one that exists and was not made by faultline.
 */
export async function writeFiles(
  files: readonly RenderedFile[],
  options: WriteOptions,
): Promise<WriteReport> {
  const root = path.resolve(options.root);
  const absoluteOut = path.resolve(root, options.outDir);
  // Compared where they really are: a symbolic link inside the repository must not lead out of it.
  if (
    !isInside(root, absoluteOut) ||
    absoluteOut === root ||
    !isInside(realPath(root), realPath(absoluteOut))
  )
    throw new InputError(
      `the output folder ${options.outDir} is outside the repository ${root}: choose a folder inside it with --out.`,
    );
  const manifest = readManifest(absoluteOut);
  if (!manifest && fs.existsSync(absoluteOut)) {
    const entries = fs.readdirSync(absoluteOut);
    if (entries.length > 0)
      throw new InputError(
        `${path.relative(root, absoluteOut) || '.'} exists and was not made by faultline (no ${MANIFEST_PATH}): choose another folder with --out, or empty it.`,
      );
  }
  const plannedEdits: (ExternalEdit & { key: string; absolute: string })[] = [];
  for (const edit of options.edits ?? []) {
    const absolute = path.resolve(root, edit.path);
    const key = path.relative(root, absolute).split(path.sep).join('/');
    if (
      path.isAbsolute(edit.path) ||
      !isInside(root, absolute) ||
      absolute === root ||
      !isInside(realPath(root), realPath(absolute))
    )
      throw new InputError(
        `${edit.path} is outside the repository ${root}: faultline edits files inside it only.`,
      );
    if (isInside(absoluteOut, absolute))
      throw new InputError(
        `${edit.path} is inside the output folder ${options.outDir}: generated files are written as files, not edits.`,
      );
    if (plannedEdits.some(planned => planned.key === key))
      throw new InputError(`${edit.path} is edited twice in one run: merge the edits.`);
    plannedEdits.push({ ...edit, key, absolute });
  }
  // Everything is rendered and formatted before the disk is looked at.
  const formatted = new Map<string, string>();
  for (const file of files) {
    const absolute = path.resolve(root, file.path);
    if (!isInside(absoluteOut, absolute))
      throw new InputError(`${file.path} would be written outside ${options.outDir}.`);
    formatted.set(file.path, await formatFile(absolute, file.content));
  }

  const outRelative = (file: string): string =>
    path.relative(absoluteOut, path.resolve(root, file)).split(path.sep).join('/');
  const changes: FileChange[] = [];
  const writes = new Map<string, string | Buffer>();
  const deletes: string[] = [];
  const nextManifest: Manifest = {
    version: MANIFEST_VERSION,
    generator: options.generator,
    inputs: options.inputs,
    files: {},
  };
  for (const [file, content] of [...formatted].sort(([a], [b]) => a.localeCompare(b))) {
    const absolute = path.resolve(root, file);
    const key = outRelative(file);
    const onDisk = readOptional(absolute);
    const recorded = manifest?.files[key];
    nextManifest.files[key] = sha256(content);
    if (onDisk === undefined) {
      changes.push({ path: file, kind: 'create', diff: unifiedDiff(file, undefined, content) });
      writes.set(absolute, content);
    } else if (onDisk === content) {
      changes.push({ path: file, kind: 'identical' });
    } else if (recorded !== undefined && recorded === sha256(onDisk)) {
      changes.push({ path: file, kind: 'update', diff: unifiedDiff(file, onDisk, content) });
      writes.set(absolute, content);
    } else {
      const reason =
        recorded === undefined
          ? 'it exists and faultline did not write it'
          : 'edited since faultline wrote it';
      changes.push({
        path: file,
        kind: options.force ? 'overwrite' : 'conflict',
        reason,
        diff: unifiedDiff(file, onDisk, content),
      });
      if (options.force) writes.set(absolute, content);
    }
  }
  for (const [key, hash] of Object.entries(manifest?.files ?? {}).sort(([a], [b]) => a.localeCompare(b))) {
    const file = path.posix.join(options.outDir.split(path.sep).join('/'), key);
    if (formatted.has(file)) continue;
    const absolute = path.resolve(absoluteOut, key);
    const onDisk = readOptional(absolute);
    if (onDisk === undefined) continue;
    if (sha256(onDisk) === hash) {
      changes.push({ path: file, kind: 'delete', diff: unifiedDiff(file, onDisk, undefined) });
      deletes.push(absolute);
    } else {
      changes.push({
        path: file,
        kind: 'kept',
        reason: 'no longer generated, but edited since: left in place',
      });
    }
  }
  // Files outside the output folder.
  const editRecords: Record<string, EditRecord> = { ...(manifest?.edits ?? {}) };
  const edited = new Set<string>();
  for (const edit of [...plannedEdits].sort((a, b) => a.key.localeCompare(b.key))) {
    const { key, absolute } = edit;
    edited.add(key);
    const after = edit.format ? await formatFile(absolute, edit.after) : edit.after;
    const onDisk = readOptional(absolute);
    const recorded = manifest?.edits?.[key];
    const diff = (): string => unifiedDiff(key, onDisk, after);
    if (onDisk === after) {
      if (recorded) editRecords[key] = { ...recorded, written: sha256(after) };
      changes.push({ path: key, kind: 'identical' });
      continue;
    }
    if (recorded) {
      const ours = onDisk !== undefined && sha256(onDisk) === recorded.written;
      const reason = !ours
        ? onDisk === undefined
          ? 'deleted since faultline edited it'
          : 'edited since faultline edited it'
        : edit.before !== onDisk
          ? 'changed on disk since the edit was planned'
          : undefined;
      if (reason !== undefined && !options.force) {
        changes.push({ path: key, kind: 'conflict', reason, diff: diff() });
        continue;
      }
      changes.push({
        path: key,
        kind: reason === undefined ? 'update' : 'overwrite',
        ...(reason === undefined ? {} : { reason }),
        diff: diff(),
      });
      editRecords[key] = { original: recorded.original, written: sha256(after) };
      writes.set(absolute, after);
      continue;
    }
    // First edit of this file: what is on disk now is the original to keep.
    const planned = onDisk === edit.before;
    if (!planned && !options.force) {
      changes.push({
        path: key,
        kind: 'conflict',
        reason:
          edit.before === undefined
            ? 'it exists and faultline did not write it'
            : onDisk === undefined
              ? 'deleted on disk since the edit was planned'
              : 'changed on disk since the edit was planned',
        diff: diff(),
      });
      continue;
    }
    changes.push({
      path: key,
      kind: onDisk === undefined ? 'create' : planned ? 'update' : 'overwrite',
      ...(planned ? {} : { reason: 'changed on disk since the edit was planned' }),
      diff: diff(),
    });
    editRecords[key] = { original: onDisk === undefined ? null : sha256(onDisk), written: sha256(after) };
    writes.set(absolute, after);
    if (onDisk !== undefined)
      writes.set(path.join(absoluteOut, ORIGINALS_PATH, key), fs.readFileSync(absolute));
  }
  for (const [key, record] of Object.entries(manifest?.edits ?? {}).sort(([a], [b]) => a.localeCompare(b))) {
    if (edited.has(key)) continue;
    // Not edited this run (the codemod finds nothing to do on code it already rewrote): still ours.
    const onDisk = readOptional(path.resolve(root, key));
    if (onDisk !== undefined && sha256(onDisk) === record.written)
      changes.push({ path: key, kind: 'identical' });
    else
      changes.push({
        path: key,
        kind: 'kept',
        reason: 'edited by faultline earlier and changed since: left as it is',
      });
  }
  if (Object.keys(editRecords).length > 0) nextManifest.edits = editRecords;

  const changed = writes.size > 0 || deletes.length > 0;
  const report: WriteReport = { outDir: options.outDir, dryRun: options.dryRun === true, changes, changed };
  if (changes.some(change => change.kind === 'conflict')) throw new WriteConflictError(report);
  if (options.dryRun || !changed) return report;

  const manifestFile = path.join(absoluteOut, MANIFEST_PATH);
  writes.set(manifestFile, `${JSON.stringify(nextManifest, null, 2)}\n`);
  // The manifest goes last, so an interrupted run is seen as "edited" rather than "ours".
  commitFiles(
    [...writes].sort(([a], [b]) => Number(a === manifestFile) - Number(b === manifestFile)),
    deletes,
    'could not write the generated files',
  );
  return report;
}

/**
 * Writes every file to a temporary sibling first and renames them into place only when all were
 * written, in the order given; then deletes. A failure before the renames removes the temporary
 * files and throws a CliError saying nothing was changed.
 */
export function commitFiles(
  writes: Iterable<readonly [absolute: string, content: string | Uint8Array]>,
  deletes: Iterable<string>,
  what: string,
): void {
  const temporary: [string, string][] = [];
  try {
    for (const [absolute, content] of writes) {
      fs.mkdirSync(path.dirname(absolute), { recursive: true });
      const temp = path.join(
        path.dirname(absolute),
        `.${path.basename(absolute)}.faultline-${process.pid}.tmp`,
      );
      fs.writeFileSync(temp, content);
      temporary.push([temp, absolute]);
    }
  } catch (error) {
    for (const [temp] of temporary) fs.rmSync(temp, { force: true });
    throw new CliError(`${what} (${(error as Error).message}); nothing was changed.`, { cause: error });
  }
  for (const [temp, absolute] of temporary) fs.renameSync(temp, absolute);
  for (const absolute of deletes) fs.rmSync(absolute, { force: true });
}

/**
 * The originals of the files an output folder's manifest records as edited (repository-relative
 * path → content before faultline's first edit), for the files whose disk content is still what
 * faultline wrote (with `includeChanged`, also for files a person changed since). A re-run of
 * `extract` reads the library through them, so it analyses the library as it was before the shim
 * (and a person's later edit of a shimmed file is reported as a conflict, not misread as the
 * library's API). Files faultline created (no original) are left out.
 */
export function readOriginals(
  root: string,
  outDir: string,
  options: { includeChanged?: boolean } = {},
): Record<string, string> {
  const absoluteRoot = path.resolve(root);
  const absoluteOut = path.resolve(absoluteRoot, outDir);
  const manifest = readManifest(absoluteOut);
  const originals: Record<string, string> = {};
  for (const [key, record] of Object.entries(manifest?.edits ?? {}).sort(([a], [b]) => a.localeCompare(b))) {
    if (record.original === null) continue;
    const onDisk = readOptional(path.resolve(absoluteRoot, key));
    if (onDisk === undefined || (sha256(onDisk) !== record.written && !options.includeChanged)) continue;
    const original = readOptional(path.join(absoluteOut, ORIGINALS_PATH, key));
    if (original !== undefined && sha256(original) === record.original) originals[key] = original;
  }
  return originals;
}
