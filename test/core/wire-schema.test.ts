// The exact wire description `extract` builds its schemas and codecs from: each kind of type a
// signature can hold, named types as definitions (recursion ends at a reference), and what
// cannot be described reported with its path and why.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { ts } from 'ts-morph';
import { describe, expect, it } from 'vitest';

import { analyzeLibrary } from '../../packages/core/src/analyze/analyze-library.js';
import { describeSignature, type WireSignature } from '../../packages/core/src/analyze/wire-schema.js';
import { toJsonSchema } from '../../packages/core/src/plan/json-schema.js';
import { memoryContext } from './analyze-helpers.js';

function describeExport(source: string, name = 'f', thrown: string[] = []): WireSignature {
  const { ctx, file } = memoryContext({ 'index.ts': source });
  const entry = file('index.ts');
  const symbol = ctx.checker.getSymbolAtLocation(entry)?.exports?.get(ts.escapeLeadingUnderscores(name));
  if (!symbol) throw new Error(`no export ${name}`);
  const signature = ctx.checker.getTypeOfSymbol(symbol).getCallSignatures()[0];
  if (!signature) throw new Error('not a function');
  return describeSignature(ctx, signature, symbol, thrown, entry);
}

describe('describeSignature', () => {
  it('describes primitives, literals, optional parameters and the awaited result', () => {
    const wire = describeExport(
      "export async function f(a: string, b: 1 | 2, c: boolean, d?: number | null): Promise<'ok' | undefined> { return 'ok'; }",
    );
    expect(wire.parameters).toEqual([
      { name: 'a', type: { kind: 'string' }, optional: false, rest: false, signal: false },
      {
        name: 'b',
        type: {
          kind: 'union',
          members: [
            { kind: 'literal', value: 1 },
            { kind: 'literal', value: 2 },
          ],
        },
        optional: false,
        rest: false,
        signal: false,
      },
      { name: 'c', type: { kind: 'boolean' }, optional: false, rest: false, signal: false },
      {
        name: 'd',
        type: { kind: 'union', members: [{ kind: 'null' }, { kind: 'number' }] },
        optional: true,
        rest: false,
        signal: false,
      },
    ]);
    expect(wire.result).toEqual({
      kind: 'union',
      members: [{ kind: 'undefined' }, { kind: 'literal', value: 'ok' }],
    });
    expect(wire.returnsPromise).toBe(true);
    expect(wire.problems).toEqual([]);
  });

  it('describes Date, bigint, Map, Set, binary data, tuples and records', () => {
    const wire = describeExport(
      'export function f(x: { at: Date; n: bigint; m: ReadonlyMap<string, Set<number>>; b: Uint8Array; t: [number, string?]; r: Record<string, Date> }): void {}',
    );
    expect(wire.parameters[0]?.type).toEqual({
      kind: 'object',
      properties: [
        { name: 'at', type: { kind: 'date' }, optional: false },
        { name: 'n', type: { kind: 'bigint' }, optional: false },
        {
          name: 'm',
          type: { kind: 'map', key: { kind: 'string' }, value: { kind: 'set', items: { kind: 'number' } } },
          optional: false,
        },
        { name: 'b', type: { kind: 'binary', flavor: 'Uint8Array' }, optional: false },
        {
          name: 't',
          type: {
            kind: 'tuple',
            items: [
              { kind: 'number' },
              { kind: 'union', members: [{ kind: 'undefined' }, { kind: 'string' }] },
            ],
            required: 1,
          },
          optional: false,
        },
        {
          name: 'r',
          type: { kind: 'object', properties: [], additional: { kind: 'date' } },
          optional: false,
        },
      ],
    });
    expect(wire.result).toEqual({ kind: 'undefined' });
  });

  it('keeps named interfaces, aliases and enums as definitions, and ends recursion at a reference', () => {
    const wire = describeExport(`
      /** A node of a tree. */
      export interface Tree { label: string; children: Tree[] }
      export type Color = 'red' | 'green';
      export enum Size { Small = 's', Large = 'l' }
      export function f(tree: Tree, color: Color, size: Size): Tree { return tree; }
    `);
    expect(wire.parameters.map(parameter => parameter.type)).toEqual([
      { kind: 'ref', name: 'Tree' },
      { kind: 'ref', name: 'Color' },
      {
        kind: 'union',
        members: [
          { kind: 'literal', value: 's' },
          { kind: 'literal', value: 'l' },
        ],
      },
    ]);
    expect(wire.definitions).toEqual({
      Tree: {
        kind: 'object',
        properties: [
          { name: 'label', type: { kind: 'string' }, optional: false },
          {
            name: 'children',
            type: { kind: 'array', items: { kind: 'ref', name: 'Tree' } },
            optional: false,
          },
        ],
      },
      Color: {
        kind: 'union',
        members: [
          { kind: 'literal', value: 'red' },
          { kind: 'literal', value: 'green' },
        ],
      },
    });
    expect(wire.docs).toEqual({ Tree: 'A node of a tree.' });
    expect(toJsonSchema({ kind: 'ref', name: 'Tree' }, wire.definitions, { refPrefix: '#/$defs/' })).toEqual({
      $ref: '#/$defs/Tree',
    });
    expect(toJsonSchema(wire.definitions.Tree as never, wire.definitions, { refPrefix: '#/$defs/' })).toEqual(
      {
        type: 'object',
        properties: {
          label: { type: 'string' },
          children: { type: 'array', items: { $ref: '#/$defs/Tree' } },
        },
        required: ['label', 'children'],
        additionalProperties: false,
      },
    );
  });

  it('turns an AbortSignal parameter into the call deadline instead of data', () => {
    // The in-memory project has no DOM or Node types: this one is a real project with lib DOM.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'faultline-signal-'));
    try {
      fs.mkdirSync(path.join(dir, 'src'));
      fs.writeFileSync(
        path.join(dir, 'src/index.ts'),
        'export async function f(id: string, signal?: AbortSignal): Promise<number> { return id.length; }\n',
      );
      fs.writeFileSync(
        path.join(dir, 'package.json'),
        JSON.stringify({ name: 'signals', exports: './src/index.ts' }),
      );
      fs.writeFileSync(
        path.join(dir, 'tsconfig.json'),
        JSON.stringify({
          compilerOptions: { strict: true, target: 'ES2022', lib: ['ES2022', 'DOM'], types: [] },
        }),
      );
      const report = analyzeLibrary({ library: '.', exports: ['f'], wire: true, cwd: dir, root: dir });
      expect(report.exports[0]?.wire?.parameters[1]).toEqual({
        name: 'signal',
        type: { kind: 'unknown' },
        optional: true,
        rest: false,
        signal: true,
      });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reports what cannot cross with its path and why', () => {
    const wire = describeExport(`
      export class Cart { items: string[] = []; total(): number { return 0; } }
      export function f(onDone: () => void, cart: Cart, data: any, tag: symbol): Promise<Map<string, Promise<number>>> { return null!; }
    `);
    expect(wire.problems.map(problem => [problem.path, problem.reason])).toEqual([
      ['args[0]', 'a function cannot cross the network'],
      ['args[1]', 'an instance of class Cart cannot cross the network (its prototype is lost)'],
      ['args[2]', '`any` says nothing about what crosses'],
      ['args[3]', 'a symbol cannot cross the network'],
      ['result<value>', 'a promise nested in data cannot cross the network'],
    ]);
  });

  it('lists the thrown error classes with their public fields and how the entry exports them', () => {
    const wire = describeExport(
      `export class QuoteError extends Error { readonly retryable = false; constructor(message: string, readonly sku: string, private secret: string) { super(message); } }
       export function f(): number { throw new QuoteError('x', 'y', 'z'); }`,
      'f',
      ['QuoteError'],
    );
    expect(wire.errors).toEqual([
      {
        name: 'QuoteError',
        fields: [
          { name: 'retryable', type: { kind: 'literal', value: false } },
          { name: 'sku', type: { kind: 'string' } },
        ],
        exportedAs: 'QuoteError',
        location: { file: 'lib/index.ts', line: 1, column: 1 },
      },
    ]);
  });
});
