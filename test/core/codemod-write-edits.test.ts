// The write stage's edits of files outside the output folder (the codemod's call sites, the
// library's shim): all or nothing, originals kept once in the manifest's folder, conflicts when a
// file changed since it was planned or since faultline wrote it, force, dry-run diffs, and
// readOriginals for a re-run of extract.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { InputError } from '../../packages/core/src/errors.js';
import {
  type ExternalEdit,
  MANIFEST_PATH,
  ORIGINALS_PATH,
  readOriginals,
  WriteConflictError,
  writeFiles,
} from '../../packages/core/src/write/write-files.js';

let root: string;
const OUT = 'services/pricing';
const options = (
  edits: ExternalEdit[],
  extra: Partial<Parameters<typeof writeFiles>[1]> = {},
): Parameters<typeof writeFiles>[1] => ({
  root,
  outDir: OUT,
  generator: 'test',
  inputs: { service: 'pricing' },
  edits,
  ...extra,
});
const read = (file: string): string => fs.readFileSync(path.join(root, file), 'utf8');
const write = (file: string, content: string): void => {
  fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  fs.writeFileSync(path.join(root, file), content);
};
const sha = (text: string): string => createHash('sha256').update(text).digest('hex');
const manifest = (): { files: Record<string, string>; edits?: Record<string, unknown> } =>
  JSON.parse(read(`${OUT}/${MANIFEST_PATH}`)) as { files: Record<string, string> };

const CART = 'apps/checkout/src/cart.ts';
// Trailing whitespace and CRLF: the original must come back byte for byte.
const ORIGINAL = 'export function total(): number {  \r\n  return quote().total;\r\n}\r\n';
const REWRITTEN =
  'export async function total(): Promise<number> {  \r\n  return (await quote()).total;\r\n}\r\n';
const generated = [{ path: `${OUT}/src/index.ts`, content: "export const a = 'x';\n" }];

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'faultline-edits-'));
  write(CART, ORIGINAL);
});
afterEach(() => {
  fs.rmSync(root, { recursive: true, force: true });
});

describe('writeFiles: edits outside the output folder', () => {
  it('edits the file, records both hashes and keeps the original bytes once', async () => {
    const report = await writeFiles(generated, options([{ path: CART, before: ORIGINAL, after: REWRITTEN }]));
    expect(report.changes.map(change => [change.path, change.kind])).toEqual([
      [`${OUT}/src/index.ts`, 'create'],
      [CART, 'update'],
    ]);
    expect(read(CART)).toBe(REWRITTEN);
    expect(manifest().edits).toEqual({ [CART]: { original: sha(ORIGINAL), written: sha(REWRITTEN) } });
    expect(read(`${OUT}/${ORIGINALS_PATH}/${CART}`)).toBe(ORIGINAL);
  });

  it('records a new file with a null original and formats it when asked', async () => {
    await writeFiles(
      generated,
      options([
        {
          path: 'packages/shared/src/shim.ts',
          before: undefined,
          after: 'export const b = "y"',
          format: true,
        },
      ]),
    );
    expect(read('packages/shared/src/shim.ts')).toBe('export const b = "y";\n');
    expect(manifest().edits).toEqual({
      'packages/shared/src/shim.ts': { original: null, written: sha('export const b = "y";\n') },
    });
    expect(fs.existsSync(path.join(root, OUT, ORIGINALS_PATH, 'packages/shared/src/shim.ts'))).toBe(false);
  });

  it('is identical on a re-run whose disk already holds what it wrote, and keeps the first original', async () => {
    await writeFiles(generated, options([{ path: CART, before: ORIGINAL, after: REWRITTEN }]));
    const again = await writeFiles(generated, options([{ path: CART, before: REWRITTEN, after: REWRITTEN }]));
    expect(again.changed).toBe(false);
    expect(again.changes.map(change => change.kind)).toEqual(['identical', 'identical']);
    // A later rewrite of a file it edited: updated, and the original stays the first one.
    const third = `${REWRITTEN}// more\r\n`;
    const report = await writeFiles(generated, options([{ path: CART, before: REWRITTEN, after: third }]));
    expect(report.changes.find(change => change.path === CART)?.kind).toBe('update');
    expect(manifest().edits).toEqual({ [CART]: { original: sha(ORIGINAL), written: sha(third) } });
    expect(read(`${OUT}/${ORIGINALS_PATH}/${CART}`)).toBe(ORIGINAL);
  });

  it('keeps the record of a file not edited this run while it holds what faultline wrote', async () => {
    await writeFiles(generated, options([{ path: CART, before: ORIGINAL, after: REWRITTEN }]));
    const report = await writeFiles(generated, options([]));
    expect(report.changes.find(change => change.path === CART)?.kind).toBe('identical');
    // The manifest is not rewritten (nothing changed), so the record stays.
    expect(manifest().edits).toEqual({ [CART]: { original: sha(ORIGINAL), written: sha(REWRITTEN) } });
    expect(readOriginals(root, OUT)).toEqual({ [CART]: ORIGINAL });
  });

  it('refuses an edit whose file changed since it was planned: exit 1, nothing written', async () => {
    write(CART, `${ORIGINAL}// a person's line\n`);
    const error = await writeFiles(
      generated,
      options([{ path: CART, before: ORIGINAL, after: REWRITTEN }]),
    ).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(WriteConflictError);
    expect((error as WriteConflictError).exitCode).toBe(1);
    expect((error as WriteConflictError).message).toContain(
      `${CART}: changed on disk since the edit was planned`,
    );
    expect(read(CART)).toBe(`${ORIGINAL}// a person's line\n`);
    expect(fs.existsSync(path.join(root, OUT))).toBe(false);
  });

  it('refuses to re-edit a file a person changed since faultline edited it, unless forced', async () => {
    await writeFiles(generated, options([{ path: CART, before: ORIGINAL, after: REWRITTEN }]));
    const edited = `${REWRITTEN}// a person's line\n`;
    write(CART, edited);
    const next = `${edited}// faultline's\n`;
    await expect(
      writeFiles(generated, options([{ path: CART, before: edited, after: next }])),
    ).rejects.toThrow(`${CART}: edited since faultline edited it`);
    expect(read(CART)).toBe(edited);
    const forced = await writeFiles(
      generated,
      options([{ path: CART, before: edited, after: next }], { force: true }),
    );
    expect(forced.changes.find(change => change.path === CART)?.kind).toBe('overwrite');
    expect(read(CART)).toBe(next);
    expect(manifest().edits).toEqual({ [CART]: { original: sha(ORIGINAL), written: sha(next) } });
  });

  it('prints unified diffs on a dry run and writes nothing', async () => {
    const report = await writeFiles(
      generated,
      options([{ path: CART, before: ORIGINAL, after: REWRITTEN }], { dryRun: true }),
    );
    expect(report.changes.find(change => change.path === CART)?.diff).toBe(
      [
        `--- a/${CART}`,
        `+++ b/${CART}`,
        '@@ -1,3 +1,3 @@',
        '-export function total(): number {  \r',
        '-  return quote().total;\r',
        '+export async function total(): Promise<number> {  \r',
        '+  return (await quote()).total;\r',
        ' }\r',
        '',
      ].join('\n'),
    );
    expect(read(CART)).toBe(ORIGINAL);
    expect(fs.existsSync(path.join(root, OUT))).toBe(false);
  });

  it('is all or nothing: a conflict on one edit keeps every other file as it was', async () => {
    write('apps/other.ts', 'a\n');
    await expect(
      writeFiles(
        generated,
        options([
          { path: CART, before: ORIGINAL, after: REWRITTEN },
          { path: 'apps/other.ts', before: 'b\n', after: 'c\n' },
        ]),
      ),
    ).rejects.toBeInstanceOf(WriteConflictError);
    expect(read(CART)).toBe(ORIGINAL);
    expect(read('apps/other.ts')).toBe('a\n');
  });

  it('refuses edits outside the repository, through a symbolic link, or inside the output folder', async () => {
    await expect(
      writeFiles(generated, options([{ path: '../outside.ts', before: undefined, after: 'x' }])),
    ).rejects.toThrow(InputError);
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'faultline-outside-'));
    fs.symlinkSync(outside, path.join(root, 'linked'), 'dir');
    await expect(
      writeFiles(generated, options([{ path: 'linked/x.ts', before: undefined, after: 'x' }])),
    ).rejects.toThrow('is outside the repository');
    expect(fs.readdirSync(outside)).toEqual([]);
    fs.rmSync(outside, { recursive: true, force: true });
    await expect(
      writeFiles(generated, options([{ path: `${OUT}/src/x.ts`, before: undefined, after: 'x' }])),
    ).rejects.toThrow('is inside the output folder');
  });

  it('readOriginals leaves out files a person changed since and files faultline created', async () => {
    await writeFiles(
      generated,
      options([
        { path: CART, before: ORIGINAL, after: REWRITTEN },
        { path: 'packages/shared/src/shim.ts', before: undefined, after: 'export {};\n' },
      ]),
    );
    expect(readOriginals(root, OUT)).toEqual({ [CART]: ORIGINAL });
    write(CART, 'changed\n');
    expect(readOriginals(root, OUT)).toEqual({});
    expect(readOriginals(root, 'services/none')).toEqual({});
  });
});
