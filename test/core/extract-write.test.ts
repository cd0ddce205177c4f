// The write stage on a temporary folder: create, identical (nothing written), update, conflict,
// force, dry run (diffs, nothing written), stale files deleted or kept, and the folders it refuses.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { CliError, InputError } from '../../packages/core/src/errors.js';
import {
  MANIFEST_PATH,
  WriteConflictError,
  commitFiles,
  writeFiles,
} from '../../packages/core/src/write/write-files.js';

let root: string;
const options = (
  extra: Partial<Parameters<typeof writeFiles>[1]> = {},
): Parameters<typeof writeFiles>[1] => ({
  root,
  outDir: 'services/pricing',
  generator: 'test',
  inputs: { exports: ['a'] },
  ...extra,
});
const read = (file: string): string => fs.readFileSync(path.join(root, file), 'utf8');

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'faultline-write-'));
  fs.writeFileSync(
    path.join(root, '.prettierrc.json'),
    JSON.stringify({ singleQuote: true, printWidth: 100 }),
  );
});
afterEach(() => {
  fs.rmSync(root, { recursive: true, force: true });
});

const files = [
  { path: 'services/pricing/src/a.ts', content: 'export const a = "x"' },
  { path: 'services/pricing/package.json', content: '{"name":"pricing"}' },
];

describe('writeFiles', () => {
  it('creates files formatted with the repository prettier config, and records their hashes', async () => {
    const report = await writeFiles(files, options());
    expect(report.changes.map(change => [change.path, change.kind])).toEqual([
      ['services/pricing/package.json', 'create'],
      ['services/pricing/src/a.ts', 'create'],
    ]);
    expect(read('services/pricing/src/a.ts')).toBe("export const a = 'x';\n");
    const manifest = JSON.parse(read(`services/pricing/${MANIFEST_PATH}`)) as {
      files: Record<string, string>;
    };
    expect(Object.keys(manifest.files)).toEqual(['package.json', 'src/a.ts']);
  });

  it('writes nothing on a second run with the same input, and says so', async () => {
    await writeFiles(files, options());
    const before = fs.statSync(path.join(root, 'services/pricing/src/a.ts')).mtimeMs;
    const report = await writeFiles(files, options());
    expect(report.changed).toBe(false);
    expect(report.changes.every(change => change.kind === 'identical')).toBe(true);
    expect(fs.statSync(path.join(root, 'services/pricing/src/a.ts')).mtimeMs).toBe(before);
  });

  it('updates a file faultline wrote and nobody changed', async () => {
    await writeFiles(files, options());
    const report = await writeFiles(
      [{ path: 'services/pricing/src/a.ts', content: 'export const a = "y"' }, files[1] as (typeof files)[0]],
      options(),
    );
    expect(report.changes.find(change => change.path.endsWith('a.ts'))?.kind).toBe('update');
    expect(read('services/pricing/src/a.ts')).toBe("export const a = 'y';\n");
  });

  it('refuses to overwrite a file a person edited: lists it, writes nothing (exit 1)', async () => {
    await writeFiles(files, options());
    fs.writeFileSync(path.join(root, 'services/pricing/src/a.ts'), "export const a = 'mine';\n");
    const next = [
      { path: 'services/pricing/src/a.ts', content: 'export const a = "y"' },
      { path: 'services/pricing/package.json', content: '{"name":"pricing","version":"2"}' },
    ];
    const attempt = writeFiles(next, options());
    await expect(attempt).rejects.toBeInstanceOf(WriteConflictError);
    await expect(writeFiles(next, options())).rejects.toThrow(
      /services\/pricing\/src\/a\.ts: edited since faultline wrote it[\s\S]*--force/,
    );
    expect(read('services/pricing/src/a.ts')).toBe("export const a = 'mine';\n");
    expect(read('services/pricing/package.json')).not.toContain('"2"');
    const forced = await writeFiles(next, options({ force: true }));
    expect(forced.changes.find(change => change.path.endsWith('a.ts'))?.kind).toBe('overwrite');
    expect(read('services/pricing/src/a.ts')).toBe("export const a = 'y';\n");
  });

  it('prints the diff of every file in a dry run and writes nothing', async () => {
    const report = await writeFiles(files, options({ dryRun: true }));
    expect(report.dryRun).toBe(true);
    expect(report.changes.find(change => change.path.endsWith('a.ts'))?.diff).toContain(
      "+export const a = 'x';",
    );
    expect(fs.existsSync(path.join(root, 'services'))).toBe(false);
  });

  it('deletes a file it no longer generates when untouched, and keeps it when edited', async () => {
    await writeFiles(
      [
        ...files,
        { path: 'services/pricing/src/b.ts', content: 'export const b = 1' },
        { path: 'services/pricing/src/c.ts', content: 'export const c = 1' },
      ],
      options(),
    );
    fs.writeFileSync(path.join(root, 'services/pricing/src/c.ts'), 'export const c = 2;\n');
    const report = await writeFiles(files, options());
    expect(
      report.changes.filter(change => change.kind !== 'identical').map(change => [change.path, change.kind]),
    ).toEqual([
      ['services/pricing/src/b.ts', 'delete'],
      ['services/pricing/src/c.ts', 'kept'],
    ]);
    expect(fs.existsSync(path.join(root, 'services/pricing/src/b.ts'))).toBe(false);
    expect(read('services/pricing/src/c.ts')).toBe('export const c = 2;\n');
  });

  it('never touches a file a person added', async () => {
    await writeFiles(files, options());
    fs.writeFileSync(path.join(root, 'services/pricing/src/mine.ts'), 'mine\n');
    await writeFiles(files.slice(0, 1), options());
    expect(read('services/pricing/src/mine.ts')).toBe('mine\n');
  });

  it('refuses an output folder outside the repository, and one that exists and is not ours', async () => {
    await expect(writeFiles(files, options({ outDir: '../elsewhere' }))).rejects.toThrow(
      /outside the repository/,
    );
    // A symbolic link in the repository that leads out of it is outside too, and nothing is written there.
    const elsewhere = fs.mkdtempSync(path.join(os.tmpdir(), 'faultline-elsewhere-'));
    fs.symlinkSync(elsewhere, path.join(root, 'link'), 'dir');
    await expect(
      writeFiles(
        files.map(file => ({ ...file, path: file.path.replace('services', 'link') })),
        options({ outDir: 'link/pricing' }),
      ),
    ).rejects.toThrow(/outside the repository/);
    expect(fs.readdirSync(elsewhere)).toEqual([]);
    fs.rmSync(elsewhere, { recursive: true, force: true });
    fs.mkdirSync(path.join(root, 'services/pricing'), { recursive: true });
    fs.writeFileSync(path.join(root, 'services/pricing/index.ts'), 'theirs\n');
    await expect(writeFiles(files, options())).rejects.toThrow(InputError);
    await expect(writeFiles(files, options())).rejects.toThrow(/exists and was not made by faultline/);
    expect(read('services/pricing/index.ts')).toBe('theirs\n');
  });

  it('refuses a manifest it cannot read, and says how to recover', async () => {
    await writeFiles(files, options());
    fs.writeFileSync(path.join(root, `services/pricing/${MANIFEST_PATH}`), '{ broken');
    await expect(writeFiles(files, options())).rejects.toThrow(
      /manifest cannot be read .*restore it from version control/,
    );
  });

  it('leaves no temporary file behind', async () => {
    await writeFiles(files, options());
    const all = fs.readdirSync(path.join(root, 'services/pricing'), { recursive: true }).map(String);
    expect(all.filter(name => name.includes('.tmp'))).toEqual([]);
  });
});

describe('commitFiles', () => {
  it('changes nothing when one file cannot be written: no file renamed, no temporary file left', () => {
    fs.writeFileSync(path.join(root, 'blocker'), 'a file where a folder would go');
    const first = path.join(root, 'first.txt');
    expect(() =>
      commitFiles(
        [
          [first, 'one'],
          [path.join(root, 'blocker', 'second.txt'), 'two'],
        ],
        [],
        'could not write the generated files',
      ),
    ).toThrow(CliError);
    expect(fs.existsSync(first)).toBe(false);
    expect(fs.readdirSync(root).filter(name => name.includes('.faultline-'))).toEqual([]);
  });

  it('renames every file into place in the order given, then deletes', () => {
    const stale = path.join(root, 'stale.txt');
    fs.writeFileSync(stale, 'old');
    commitFiles([[path.join(root, 'a', 'b.txt'), Buffer.from('bytes')]], [stale], 'could not write');
    expect(fs.readFileSync(path.join(root, 'a', 'b.txt'), 'utf8')).toBe('bytes');
    expect(fs.existsSync(stale)).toBe(false);
  });
});
