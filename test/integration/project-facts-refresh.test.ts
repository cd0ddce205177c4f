// Project facts refresh a large project a slice per lint, so an editor's re-lint of one file
// never pays for checking every module at once (bench/editor): a change is seen once the sweep
// that follows the refresh interval has passed every module, within a few calls, and the old
// facts hold until then. New modules are looked for once a minute.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import tsParser from '@typescript-eslint/parser';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import { projectAxiosDefaults } from '../../rules/util/project-facts.js';

const MODULES = 3000;
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'faultline-sweep-'));
  await mkdir(path.join(dir, 'src'));
  await writeFile(path.join(dir, 'package.json'), '{ "name": "sweep" }');
  for (let i = 0; i < MODULES; i++)
    await writeFile(path.join(dir, `src/m${String(i).padStart(4, '0')}.ts`), `export const m${i} = ${i};\n`);
});
afterAll(async () => {
  vi.useRealTimers();
  await rm(dir, { recursive: true, force: true });
});

const context = (ast?: object): Parameters<typeof projectAxiosDefaults>[0] => ({
  filename: path.join(dir, 'src/m0000.ts'),
  cwd: dir,
  languageOptions: { parser: tsParser },
  ...(ast ? { sourceCode: { ast } } : {}),
});
/** The default timeouts project facts see, asked by a lint of `ast` (each call its own lint without one). */
const timeouts = (ast?: object): unknown[] =>
  projectAxiosDefaults(context(ast)).map(
    layer => layer.kind === 'object' && layer.props.get('timeout')?.value,
  );

describe('project facts of a large project', () => {
  it('see a new default after the refresh interval, within a few calls, never before', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    expect(timeouts()).toEqual([]); // the first read is whole
    // The last module in listing order starts setting the default.
    await writeFile(
      path.join(dir, `src/m${MODULES - 1}.ts`),
      `import axios from 'axios';\naxios.defaults.timeout = 7_000;\n`,
    );
    expect(timeouts()).toEqual([]); // within the interval: the listing is reused
    vi.setSystemTime(Date.now() + 31_000);
    // The first call after the interval checks a slice (a 4 ms budget cannot stat 3,000 modules):
    // the old facts hold until the sweep reaches the changed module.
    let calls = 1;
    let seen: unknown[] = timeouts();
    expect(seen).toEqual([]);
    while (seen.length === 0 && calls < 100) {
      seen = timeouts();
      calls++;
    }
    expect(seen).toEqual([{ kind: 'number', value: 7000 }]);
    // At least 64 modules are checked per call: never more calls than the slices of the project.
    expect(calls).toBeLessThanOrEqual(Math.ceil((MODULES + 1) / 64));
    // Once swept, the facts stay until the next interval.
    expect(timeouts()).toEqual([{ kind: 'number', value: 7000 }]);
  });

  it('look for new modules less often than they re-check known ones (the listing walks every folder)', async () => {
    const sweep = (): unknown[] => {
      let seen = timeouts();
      for (let calls = 0; calls < 100; calls++) seen = timeouts();
      return seen;
    };
    // A fresh listing first.
    vi.setSystemTime(Date.now() + 61_000);
    expect(sweep()).toEqual([{ kind: 'number', value: 7000 }]);
    await writeFile(
      path.join(dir, 'src/zz-bootstrap.ts'),
      `import axios from 'axios';\naxios.defaults.timeout = 9_000;\n`,
    );
    // After the refresh interval the known modules are re-checked, but the listing is not redone.
    vi.setSystemTime(Date.now() + 31_000);
    expect(sweep()).toEqual([{ kind: 'number', value: 7000 }]);
    // Once a minute the project is listed again, and the new module counts.
    vi.setSystemTime(Date.now() + 61_000);
    expect(sweep()).toEqual([
      { kind: 'number', value: 7000 },
      { kind: 'number', value: 9000 },
    ]);
  });

  it('take one slice per lint, however many times a lint asks', async () => {
    await writeFile(
      path.join(dir, `src/m${MODULES - 1}.ts`),
      `import axios from 'axios';\naxios.defaults.timeout = 11_000;\n`,
    );
    vi.setSystemTime(Date.now() + 31_000);
    // Every rule of one lint asks: the first question takes the lint's slice, the rest get the
    // facts as they were (a slice of 4 ms cannot stat 3,000 modules).
    const lint = {};
    for (let calls = 0; calls < 100; calls++)
      expect(timeouts(lint)).toEqual([
        { kind: 'number', value: 7000 },
        { kind: 'number', value: 9000 },
      ]);
    // The next lints carry the sweep on.
    let lints = 1;
    let seen = timeouts({});
    while (!JSON.stringify(seen).includes('11000') && lints < 100) {
      seen = timeouts({});
      lints++;
    }
    expect(seen).toEqual([
      { kind: 'number', value: 11_000 },
      { kind: 'number', value: 9000 },
    ]);
    expect(lints).toBeLessThanOrEqual(Math.ceil((MODULES + 1) / 64));
  });
});
