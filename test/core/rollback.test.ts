// `rollbackService`: the library and its consumers restored byte for byte from the manifest's
// originals (CRLF, trailing whitespace, a byte order mark), files faultline created and generated
// deleted, a person's edits never destroyed without force, and clear errors for what is not there.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { InputError } from '../../packages/core/src/errors.js';
import { RollbackConflictError, rollbackService } from '../../packages/core/src/rollback.js';
import { MANIFEST_PATH, writeFiles } from '../../packages/core/src/write/write-files.js';

let root: string;
const OUT = 'services/pricing';
const CART = 'apps/checkout/src/cart.ts';
const SHARED = 'packages/shared/src/index.ts';
const PKG = 'apps/checkout/package.json';
const NEW = 'packages/shared/src/pricing-shim.ts';
const ORIGINALS: Record<string, Buffer> = {
  [CART]: Buffer.from('export function total(): number {  \r\n  return quote().total;\r\n}\r\n\r\n'),
  [SHARED]: Buffer.from("\uFEFFexport { quote } from './quote.js';\t\n"),
  [PKG]: Buffer.from('{\n  "name": "@acme/checkout"\n}\n'),
};
const bytes = (file: string): Buffer => fs.readFileSync(path.join(root, file));
const exists = (file: string): boolean => fs.existsSync(path.join(root, file));
const write = (file: string, content: string | Buffer): void => {
  fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  fs.writeFileSync(path.join(root, file), content);
};

/** An extraction as the lead's extract writes it: generated files plus edits of the library and a consumer. */
async function extract(service = 'pricing', outDir = OUT, withEdits = true): Promise<void> {
  await writeFiles(
    [
      { path: `${outDir}/src/server.ts`, content: "export const server = 'x';\n" },
      { path: `${outDir}/package.json`, content: '{ "name": "pricing" }\n' },
    ],
    {
      root,
      outDir,
      generator: 'faultline extract',
      inputs: { library: 'packages/shared', exports: ['quote'], service },
      edits: !withEdits
        ? []
        : [
            {
              path: CART,
              before: ORIGINALS[CART]?.toString(),
              after:
                'export async function total(): Promise<number> {  \r\n  return (await quote()).total;\r\n}\r\n\r\n',
            },
            {
              path: SHARED,
              before: ORIGINALS[SHARED]?.toString(),
              after: "\uFEFFexport { quote } from './pricing-shim.js';\t\n",
            },
            {
              path: PKG,
              before: ORIGINALS[PKG]?.toString(),
              after: '{\n  "name": "@acme/checkout",\n  "x": 1\n}\n',
            },
            { path: NEW, before: undefined, after: 'export async function quote() {}\n' },
          ],
    },
  );
}

beforeEach(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'faultline-rollback-'));
  for (const [file, content] of Object.entries(ORIGINALS)) write(file, content);
  await extract();
});
afterEach(() => {
  fs.rmSync(root, { recursive: true, force: true });
});

describe('rollbackService', () => {
  it('restores every edited file byte for byte and deletes what faultline created or generated', async () => {
    expect(bytes(CART).equals(ORIGINALS[CART] as Buffer)).toBe(false);
    const report = await rollbackService({ service: 'pricing', root, cwd: root });
    expect(report.changes.map(change => [change.path, change.kind])).toEqual([
      [PKG, 'update'],
      [CART, 'update'],
      [SHARED, 'update'],
      [NEW, 'delete'],
      [`${OUT}/package.json`, 'delete'],
      [`${OUT}/src/server.ts`, 'delete'],
    ]);
    for (const [file, content] of Object.entries(ORIGINALS)) expect(bytes(file).equals(content)).toBe(true);
    expect(exists(NEW)).toBe(false);
    expect(exists(OUT)).toBe(false);
  });

  it('keeps a file a person added to the output folder, and the folder around it', async () => {
    write(`${OUT}/NOTES.md`, 'mine\n');
    await rollbackService({ service: 'pricing', root, cwd: root });
    expect(fs.readdirSync(path.join(root, OUT))).toEqual(['NOTES.md']);
  });

  it('refuses when a person changed a generated or an edited file since: exit 1, listed, nothing written', async () => {
    write(CART, 'my own rewrite\n');
    write(`${OUT}/src/server.ts`, 'edited\n');
    const error = await rollbackService({ service: 'pricing', root, cwd: root }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(RollbackConflictError);
    expect((error as RollbackConflictError).exitCode).toBe(1);
    expect((error as RollbackConflictError).message).toBe(
      [
        '2 files were changed since faultline wrote them; nothing was rolled back:',
        `  ${CART}: edited since faultline edited it`,
        `  ${OUT}/src/server.ts: edited since faultline wrote it`,
        'Save your edits elsewhere, or pass --force to roll back over them.',
      ].join('\n'),
    );
    expect(bytes(CART).toString()).toBe('my own rewrite\n');
    expect(exists(NEW)).toBe(true);
    expect(bytes(SHARED).equals(ORIGINALS[SHARED] as Buffer)).toBe(false);
    expect(exists(`${OUT}/${MANIFEST_PATH}`)).toBe(true);
  });

  it('rolls back over a person’s changes with force', async () => {
    write(CART, 'my own rewrite\n');
    const report = await rollbackService({ service: 'pricing', root, cwd: root, force: true });
    expect(report.changes.find(change => change.path === CART)?.kind).toBe('overwrite');
    for (const [file, content] of Object.entries(ORIGINALS)) expect(bytes(file).equals(content)).toBe(true);
    expect(exists(OUT)).toBe(false);
  });

  it('prints diffs on a dry run and changes nothing', async () => {
    const report = await rollbackService({ service: 'pricing', root, cwd: root, dryRun: true });
    expect(report.changes.find(change => change.path === NEW)?.diff).toBe(
      [`--- a/${NEW}`, '+++ /dev/null', '@@ -1,1 +0,0 @@', '-export async function quote() {}', ''].join(
        '\n',
      ),
    );
    expect(exists(NEW)).toBe(true);
    expect(exists(`${OUT}/${MANIFEST_PATH}`)).toBe(true);
  });

  it('counts a file already back to its original as identical', async () => {
    write(PKG, ORIGINALS[PKG] as Buffer);
    const report = await rollbackService({ service: 'pricing', root, cwd: root });
    expect(report.changes.find(change => change.path === PKG)?.kind).toBe('identical');
  });

  it('names the services that have manifests when asked for an unknown one (exit 2)', async () => {
    await extract('rates', 'services/rates', false);
    const error = await rollbackService({ service: 'pricnig', root, cwd: root }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).exitCode).toBe(2);
    expect((error as InputError).message).toBe(
      `no extraction of a service named pricnig in ${root}: the services with a manifest are pricing (services/pricing), rates (services/rates).`,
    );
  });

  it('takes the output folder from --out, and refuses one that holds another service', async () => {
    await expect(rollbackService({ service: 'rates', out: OUT, root, cwd: root })).rejects.toThrow(
      `${OUT} holds the service pricing, not rates.`,
    );
    const report = await rollbackService({ service: 'pricing', out: OUT, root, cwd: root });
    expect(report.outDir).toBe(OUT);
  });
});
