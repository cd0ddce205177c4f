// What `faultline --help` and `--version` do at startup: print the CLI's own version (not the
// version of the package.json nearest the user's cwd) and never load the analysis (ts-morph,
// TypeScript), which a command loads only when it runs. The time is measured in bench/cli-startup.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { runCli } from '../../packages/cli/src/cli.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const launcher = path.join(root, 'packages/cli/bin/faultline.js');
const preload = path.join(root, 'test/fixtures/cli-startup/loaded-modules.mjs');
const { version } = JSON.parse(fs.readFileSync(path.join(root, 'packages/cli/package.json'), 'utf8')) as {
  version: string;
};
const run = promisify(execFile);

let project: string;
beforeAll(() => {
  // A user's project with its own version: yargs' default would print this one.
  project = fs.mkdtempSync(path.join(os.tmpdir(), 'faultline-startup-'));
  fs.writeFileSync(path.join(project, 'package.json'), '{ "name": "app", "version": "9.9.9" }\n');
});
afterAll(() => fs.rmSync(project, { recursive: true, force: true }));

/** Runs the committed launcher (what npm links as `faultline`) and lists the CommonJS modules it loaded. */
async function faultline(cwd: string, ...args: string[]): Promise<{ stdout: string; loaded: string[] }> {
  const { stdout, stderr } = await run(process.execPath, ['--import', preload, launcher, ...args], { cwd });
  const marker = stderr.lastIndexOf('loaded-modules:');
  return { stdout, loaded: JSON.parse(stderr.slice(marker + 'loaded-modules:'.length)) as string[] };
}

const isAnalysis = (file: string): boolean =>
  /[\\/]node_modules[\\/](?:typescript|ts-morph|@ts-morph)[\\/]/.test(file);

function memory(): { write(chunk: string): boolean; text: string } {
  return {
    text: '',
    write(chunk: string) {
      this.text += chunk;
      return true;
    },
  };
}

describe('faultline startup', { timeout: 90_000 }, () => {
  it('prints the version of @faultline/cli in-process', async () => {
    const stdout = memory();
    expect(await runCli(['--version'], { stdout, stderr: memory(), cwd: project })).toBe(0);
    expect(stdout.text).toBe(`${version}\n`);
  });

  it('prints the version of @faultline/cli from another project and loads no analysis', async () => {
    const result = await faultline(project, '--version');
    expect(result.stdout).toBe(`${version}\n`);
    expect(result.loaded.filter(isAnalysis)).toEqual([]);
  });

  it('runs as `npx faultline` in this repository (npm linked the committed launcher)', async () => {
    const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key)));
    expect(fs.realpathSync(path.join(root, 'node_modules/.bin/faultline'))).toBe(launcher);
    const { stdout } = await run('npx', ['--no-install', 'faultline', '--version'], { cwd: root, env });
    expect(stdout).toBe(`${version}\n`);
  });

  it('prints --help without loading the analysis', async () => {
    const result = await faultline(project, '--help');
    expect(result.stdout).toContain('faultline analyze <library>');
    expect(result.loaded.filter(isAnalysis)).toEqual([]);
  });

  it.each(['', 'analyze', 'extract', 'new', 'rollback'])(
    'prints the stored help of `faultline %s --help` exactly as the argument parser does',
    async command => {
      const args = command ? [command, '--help'] : ['--help'];
      const live = memory();
      const stdout = Object.assign(live, { columns: 100 });
      expect(await runCli(args, { stdout, stderr: memory(), env: {} })).toBe(0);
      const stored = await faultline(project, ...args);
      expect(stored.stdout).toBe(live.text);
    },
  );

  it('loads the analysis once a command runs', async () => {
    const result = await faultline(
      root,
      'analyze',
      'test/fixtures/analyze/hazards/lib',
      '-e',
      'sum',
      '--no-color',
    );
    expect(result.stdout).toContain('sum (declared as pureAsync) function');
    expect(result.loaded.filter(isAnalysis).length).toBeGreaterThan(0);
  });
});
