// The repository root without git: a project unpacked from a tarball or not yet in git is rooted
// at its npm/yarn/pnpm workspace root, so a library in a sibling workspace is inside it and the
// other workspaces are found as consumers. Real folders in a temp dir (no .git above os.tmpdir()).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { analyzeLibrary } from '../../packages/core/src/index.js';
import { findRepositoryRoot } from '../../packages/core/src/analyze/input.js';

let base: string;
beforeEach(() => {
  base = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'faultline-root-')));
});
afterEach(() => fs.rmSync(base, { recursive: true, force: true }));

function write(file: string, text: string): void {
  fs.mkdirSync(path.dirname(path.join(base, file)), { recursive: true });
  fs.writeFileSync(path.join(base, file), text);
}

/** A monorepo with a library and an app that imports it; `manifest` declares the workspaces. */
function monorepo(manifest: (files: typeof write) => void): void {
  manifest(write);
  write(
    'packages/lib/package.json',
    '{ "name": "@acme/lib", "version": "1.0.0", "types": "src/index.ts" }\n',
  );
  write('packages/lib/src/index.ts', 'export function double(n: number): number {\n  return n * 2;\n}\n');
  write('packages/app/package.json', '{ "name": "@acme/app", "dependencies": { "@acme/lib": "1.0.0" } }\n');
  write(
    'packages/app/src/main.ts',
    "import { double } from '@acme/lib';\n\nexport const four = double(2);\n",
  );
}

describe('the repository root without .git', () => {
  it('is the npm workspace root above the current folder', () => {
    monorepo(files => files('package.json', '{ "private": true, "workspaces": ["packages/*"] }\n'));
    expect(fs.existsSync(path.join(base, '.git'))).toBe(false);
    expect(findRepositoryRoot(path.join(base, 'packages/app/src'))).toBe(base);
  });

  it('is the yarn workspace root (workspaces.packages)', () => {
    monorepo(files =>
      files('package.json', '{ "private": true, "workspaces": { "packages": ["packages/*"] } }\n'),
    );
    expect(findRepositoryRoot(path.join(base, 'packages/app'))).toBe(base);
  });

  it('is the pnpm workspace root', () => {
    monorepo(files => {
      files('package.json', '{ "private": true }\n');
      files('pnpm-workspace.yaml', "packages:\n  - 'packages/*'\n");
    });
    expect(findRepositoryRoot(path.join(base, 'packages/app'))).toBe(base);
  });

  it('is the current folder when there is no workspace either', () => {
    write('package.json', '{ "name": "solo" }\n');
    expect(findRepositoryRoot(base)).toBe(base);
  });

  it('analyses a sibling workspace from inside another one and finds its consumers', () => {
    monorepo(files => files('package.json', '{ "private": true, "workspaces": ["packages/*"] }\n'));
    const report = analyzeLibrary({
      library: '../lib',
      exports: ['double'],
      cwd: path.join(base, 'packages/app'),
    });
    expect(report.library.root).toBe('packages/lib');
    expect(report.consumers.map(consumer => consumer.name)).toEqual(['@acme/app']);
  });
});

describe('the repository root with .git', () => {
  it('stays the git root when a workspace root is nested below it', () => {
    monorepo(files => files('tools/package.json', '{ "private": true, "workspaces": ["x/*"] }\n'));
    fs.mkdirSync(path.join(base, '.git'));
    expect(findRepositoryRoot(path.join(base, 'tools'))).toBe(base);
  });
});
