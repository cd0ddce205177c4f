import { describe, expect, it } from 'vitest';

import { Units, buildClosure } from '../../packages/core/src/analyze/closure.js';
import { closestNames, resolveExports } from '../../packages/core/src/analyze/exports.js';
import { UnknownExportError } from '../../packages/core/src/errors.js';
import { memoryContext } from './analyze-helpers.js';

const FILES = {
  'index.ts':
    "export * from './a';\nexport { internal as renamed } from './c';\nexport type { Shape } from './types';",
  'a.ts':
    "import { b } from './b';\nimport type { Shape } from './types';\nexport function a(shape: Shape): number { return b(shape.n); }",
  'b.ts':
    "import { a } from './a';\nconst FACTOR = 2;\nexport function b(n: number): number { return n > 0 ? n * FACTOR : a({ n: 1 }); }",
  'c.ts':
    "import * as helpers from './helpers';\nexport function internal(): number { return helpers.one(); }",
  'helpers.ts': 'export function one(): number { return 1; }\nexport function unused(): number { return 0; }',
  'types.ts': 'export interface Shape { n: number; kind?: Kind }\nexport type Kind = "x" | "y";',
};

function closureOf(name: string): { ids: string[]; edges: string[] } {
  const { ctx, file } = memoryContext(FILES);
  const [resolved] = resolveExports(ctx.checker, file('index.ts'), [name], 'lib');
  const closure = buildClosure(ctx, new Units(ctx), resolved?.declarations ?? []);
  return {
    ids: closure.units.map(unit => unit.id),
    edges: [...closure.edges].flatMap(([from, to]) => [...to].map(target => `${from} -> ${target}`)),
  };
}

describe('closure', () => {
  it('follows calls, consts and types across files, through a circular import', () => {
    expect(closureOf('a').ids).toEqual([
      'lib/a.ts#a',
      'lib/types.ts#Shape',
      'lib/b.ts#b',
      'lib/types.ts#Kind',
      'lib/b.ts#FACTOR',
    ]);
  });

  it('records the circular edge once in each direction', () => {
    const { edges } = closureOf('a');
    expect(edges).toContain('lib/a.ts#a -> lib/b.ts#b');
    expect(edges).toContain('lib/b.ts#b -> lib/a.ts#a');
  });

  it('resolves an aliased re-export and takes only the namespace members used', () => {
    expect(closureOf('renamed').ids).toEqual(['lib/c.ts#internal', 'lib/helpers.ts#one']);
  });

  it('suggests the closest exported names for an unknown export', () => {
    const { ctx, file } = memoryContext(FILES);
    expect(() => resolveExports(ctx.checker, file('index.ts'), ['renamd'], 'lib')).toThrow(
      UnknownExportError,
    );
    expect(() => resolveExports(ctx.checker, file('index.ts'), ['renamd'], 'lib')).toThrow(
      '`renamd` is not exported by lib. Did you mean `renamed`?',
    );
  });

  it('says what dynamic code it cannot follow', () => {
    const { ctx, file } = memoryContext({
      'index.ts':
        '// require is not declared here: an undeclared require is the global one.\nexport function load(name: string): unknown { return require(name) ?? eval(name); }',
    });
    const [resolved] = resolveExports(ctx.checker, file('index.ts'), ['load'], 'lib');
    const closure = buildClosure(ctx, new Units(ctx), resolved?.declarations ?? []);
    expect(
      closure.unknowns.map(
        unknown => `${unknown.code} ${unknown.location?.line}:${unknown.location?.column}`,
      ),
    ).toEqual(['FL906 2:54', 'FL906 2:71']);
  });

  it('ranks names that contain the wanted one first', () => {
    expect(closestNames('quote', ['computeQuote', 'convert', 'taxFor'])).toEqual(['computeQuote']);
  });
});
