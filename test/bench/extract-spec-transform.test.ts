// The spec transform of bench/extract: a library's own vitest spec, rewritten so the functions
// under test come from another module and are awaited. Checked on its text and by running the
// result: the transformed spec must pass against a correct async implementation and fail against
// a wrong one.
import { describe, expect, it } from 'vitest';

import { transformSpec } from '../../bench/extract/spec-transform.js';

const SPEC = `import { describe, expect, it } from 'vitest';
import { round } from './round';
import { table } from '../_internal/table.ts';

describe('round', () => {
  it('rounds', () => {
    expect(round(1.5)).toBe(2);
    const twice = round(round(1.44, 1));
    expect(twice).toBe(1);
  });

  it('throws on a bad precision', function () {
    expect(() => round(1, 0.5)).toThrow('Precision must be an integer.');
  });

  it('uses other imports', () => {
    expect(table.length + round(0)).toBe(table.length);
  });
});
`;

const options = {
  specFile: '/lib/src/math/round.spec.ts',
  outFile: '/work/parity/round.spec.ts',
  exports: ['round'],
  target: './target.ts',
};

describe('the bench/extract spec transform', () => {
  it('redirects the import, re-points the others, awaits every call and makes the callbacks async', () => {
    const result = transformSpec(SPEC, options);
    expect(result.calls).toBe(5);
    expect(result.imports).toEqual(['round']);
    expect(result.text).toContain(`import { round } from './target.ts';`);
    expect(result.text).toContain(`import { table } from '../../lib/src/_internal/table.ts';`);
    expect(result.text).toContain(`it('rounds', async () => {`);
    expect(result.text).toContain('expect((await round(1.5))).toBe(2);');
    expect(result.text).toContain('const twice = (await round((await round(1.44, 1))));');
    expect(result.text).toContain(`it('throws on a bad precision', async function () {`);
    expect(result.text).toContain(
      "await expect((async () => (await round(1, 0.5)))()).rejects.toThrow('Precision must be an integer.');",
    );
    expect(result.text).toContain('expect(table.length + (await round(0))).toBe(table.length);');
  });

  it('refuses what it cannot rewrite soundly, with the line', () => {
    expect(() =>
      transformSpec(
        `import { it, expect } from 'vitest';\nimport { f } from './f';\nit('x', () => {\n  expect([1].map(f)).toEqual([1]);\n});\n`,
        { ...options, exports: ['f'] },
      ),
    ).toThrow(/round\.spec\.ts:4: f is used as a value/);
    expect(() =>
      transformSpec(
        `import { it, expect } from 'vitest';\nimport { f } from './f';\nit('x', () => {\n  expect(() => f()).not.toThrow();\n});\n`,
        { ...options, exports: ['f'] },
      ),
    ).toThrow(/checked other than by toThrow/);
    expect(() => transformSpec(`import { g } from './g';\n`, { ...options, exports: ['f'] })).toThrow(
      /imports none of f/,
    );
    expect(() => transformSpec(`import { f, helper } from './f';\n`, { ...options, exports: ['f'] })).toThrow(
      /also imports other names/,
    );
  });

  it('yields a spec that passes against a correct async implementation and fails against a wrong one', async () => {
    const { text } = transformSpec(SPEC, options);
    // The transformed tests, run against two implementations with vitest's own expect; the
    // imports are replaced by parameters.
    const body = text.replace(/^import .*$/gm, '');
    const run = async (round: (value: number, precision?: number) => Promise<number>): Promise<string[]> => {
      const tests: [string, () => unknown][] = [];
      new Function('describe', 'it', 'expect', 'round', 'table', body)(
        (_name: string, fn: () => void) => fn(),
        (name: string, fn: () => unknown) => tests.push([name, fn]),
        expect,
        round,
        [1, 2, 3],
      );
      const failures: string[] = [];
      for (const [name, fn] of tests) {
        try {
          await fn();
        } catch {
          failures.push(name);
        }
      }
      return failures;
    };
    const correct = async (value: number, precision = 0): Promise<number> => {
      if (!Number.isInteger(precision)) throw new Error('Precision must be an integer.');
      const factor = 10 ** precision;
      return Math.round(value * factor) / factor;
    };
    expect(await run(correct)).toEqual([]);
    expect(await run(async value => value)).toEqual(['rounds', 'throws on a bad precision']);
  });
});
