// The path a release takes: `faultline extract` in a fresh git repository outside this one, with
// @faultline/runtime installed from its packed tarball (`npm pack`) and everything else from the
// npm registry, then built, tested, started and called through the generated client.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { ROOT } from '../helpers/engines.js';
import { run, startService } from './helpers.js';

let repo: string;
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

beforeAll(async () => {
  repo = fs.mkdtempSync(path.join(os.tmpdir(), 'faultline-outside-'));
  fs.cpSync(path.join(ROOT, 'test/fixtures/extract-outside'), repo, { recursive: true });
  expect((await run('git', ['init', '-q'], { cwd: repo })).code).toBe(0);
}, 30_000);

afterAll(() => {
  if (repo) fs.rmSync(repo, { recursive: true, force: true });
});

describe('faultline extract in a repository of its own', () => {
  it('generates, installs from the registry and a packed runtime, builds, tests, starts and answers', async () => {
    const packed = await run(npm, ['pack', '--pack-destination', repo, '--silent'], {
      cwd: path.join(ROOT, 'packages/runtime'),
    });
    expect(packed.code, packed.stderr).toBe(0);
    const tarball = path.join(repo, packed.stdout.trim().split('\n').pop() as string);
    expect(fs.existsSync(tarball)).toBe(true);

    const extracted = await run(
      process.execPath,
      [
        path.join(ROOT, 'packages/cli/dist/bin.js'),
        'extract',
        'packages/geometry',
        '--export',
        // countParts takes a recursive type: the service's own tests must stay finite on it.
        'bounds,quadrants,countParts',
        '--service',
        'geometry',
        // The geometry library declares its exports in its entry, where a shim cannot take their
        // place (refused with that reason); this test is about the service and client outside
        // this repository.
        '--no-shim',
      ],
      { cwd: repo },
    );
    expect(extracted.code, extracted.stderr).toBe(0);
    expect(fs.existsSync(path.join(repo, 'services/geometry/src/server.ts'))).toBe(true);

    // Until @faultline/runtime is on the registry, the packed tarball stands in for it.
    const manifest = JSON.parse(fs.readFileSync(path.join(repo, 'package.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    manifest.overrides = { '@faultline/runtime': `file:${tarball}` };
    fs.writeFileSync(path.join(repo, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    const installed = await run(npm, ['install', '--no-audit', '--no-fund'], {
      cwd: repo,
      timeoutMs: 300_000,
    });
    expect(installed.code, installed.stderr).toBe(0);
    expect(fs.realpathSync(path.join(repo, 'node_modules/@faultline/runtime'))).not.toContain(ROOT);

    for (const workspace of ['@demo/geometry', '@demo/geometry-service', '@demo/geometry-client']) {
      const built = await run(npm, ['run', 'build', '--workspace', workspace], { cwd: repo });
      expect(built.code, `${workspace}: ${built.stdout}${built.stderr}`).toBe(0);
    }
    const tested = await run(npm, ['test', '--workspace', '@demo/geometry-service'], {
      cwd: repo,
      timeoutMs: 180_000,
    });
    expect(tested.code, tested.stdout + tested.stderr).toBe(0);

    const serviceDir = path.join(repo, 'services/geometry');
    const service = await startService(serviceDir, {});
    try {
      const client = (await import(path.join(serviceDir, 'client/dist/index.js'))) as {
        createGeometryClient: (options: { baseUrl: string }) => {
          bounds(points: { x: number; y: number }[]): Promise<unknown>;
          quadrants(
            points: { x: number; y: number }[],
            at: Date,
          ): Promise<{ counts: Map<string, number>; at: Date }>;
        };
        GeometryError: new (...args: never[]) => Error;
      };
      const geometry = client.createGeometryClient({ baseUrl: service.baseUrl });
      const points = [
        { x: 1, y: 2 },
        { x: -3, y: 5 },
        { x: 4, y: -1 },
      ];
      expect(await geometry.bounds(points)).toStrictEqual({ min: { x: -3, y: -1 }, max: { x: 4, y: 5 } });
      const at = new Date('2026-12-04T00:00:00.000Z');
      expect(await geometry.quadrants(points, at)).toStrictEqual({
        counts: new Map([
          ['EN', 1],
          ['WN', 1],
          ['ES', 1],
        ]),
        at,
      });
      const failure = await geometry.bounds([]).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(client.GeometryError);
      expect(failure).toMatchObject({ message: 'bounds of no points', points: 0 });
    } finally {
      service.child.kill('SIGTERM');
      expect(await service.exited).toBe(0);
    }
  }, 600_000);
});
