import { ts } from 'ts-morph';
import { describe, expect, it } from 'vitest';

import { analyzeSignature } from '../../packages/core/src/analyze/wire-types.js';
import { memoryContext } from './analyze-helpers.js';

function findings(source: string, name = 'f'): { code: string; path: string; type: string }[] {
  const { ctx, file } = memoryContext({ 'index.ts': source });
  const symbol = ctx.checker
    .getSymbolAtLocation(file('index.ts'))
    ?.exports?.get(ts.escapeLeadingUnderscores(name));
  if (!symbol) throw new Error(`no export ${name}`);
  const signature = ctx.checker.getTypeOfSymbol(symbol).getCallSignatures()[0];
  if (!signature) throw new Error('not a function');
  return analyzeSignature(ctx, signature, false).findings.map(finding => ({
    code: finding.code,
    path: finding.path,
    type: finding.type,
  }));
}

describe('wire types', () => {
  it('reports a callback property with its type path', () => {
    expect(
      findings(
        'export async function f(options: { onProgress: (n: number) => void; label?: string }): Promise<void> {}',
      ),
    ).toEqual([{ code: 'FL101', path: 'args[0].onProgress', type: '(n: number) => void' }]);
  });

  it('unwraps the returned promise and walks Map keys and values', () => {
    expect(
      findings(
        'export async function f(): Promise<{ totals: Map<string, bigint> }> { return { totals: new Map() }; }',
      ),
    ).toEqual([
      { code: 'FL203', path: 'result.totals', type: 'Map<string, bigint>' },
      { code: 'FL202', path: 'result.totals<value>', type: 'bigint' },
    ]);
  });

  it('reports a promise nested in the result data', () => {
    expect(
      findings(
        'export async function f(): Promise<{ later: Promise<number> }> { return { later: Promise.resolve(1) }; }',
      ).map(finding => finding.code),
    ).toEqual(['FL105']);
  });

  it('reports class instances with methods but not plain interfaces', () => {
    const source =
      'export class Session { user = "u"; refresh(): void {} }\nexport interface Plain { user: string }\nexport async function f(a: Session, b: Plain): Promise<void> {}';
    expect(findings(source)).toEqual([{ code: 'FL102', path: 'args[0]', type: 'Session' }]);
  });

  it('reports a required property that may be undefined, not an optional one', () => {
    expect(
      findings('export async function f(a: { x: string | undefined; y?: string }): Promise<void> {}'),
    ).toEqual([{ code: 'FL206', path: 'args[0].x', type: 'string | undefined' }]);
  });

  it('walks array elements and stops on recursive types', () => {
    const source =
      'export interface Node { at: Date; children: Node[] }\nexport async function f(tree: Node): Promise<void> {}';
    expect(findings(source)).toEqual([{ code: 'FL201', path: 'args[0].at', type: 'Date' }]);
  });

  it('says a type it cannot resolve is unknown, rather than reporting any', () => {
    const { ctx, file } = memoryContext({
      'index.ts':
        'import type { Missing } from "./nowhere";\nexport async function f(a: Missing): Promise<void> {}',
    });
    const symbol = ctx.checker
      .getSymbolAtLocation(file('index.ts'))
      ?.exports?.get(ts.escapeLeadingUnderscores('f'));
    const signature = symbol ? ctx.checker.getTypeOfSymbol(symbol).getCallSignatures()[0] : undefined;
    if (!signature) throw new Error('no signature');
    const shape = analyzeSignature(ctx, signature, false);
    expect(shape.findings).toEqual([]);
    expect(shape.unknowns.map(unknown => unknown.code)).toEqual(['FL905']);
  });

  it('warns about any and unknown', () => {
    expect(
      findings('export async function f(a: any, b: unknown): Promise<void> {}').map(
        finding => `${finding.code} ${finding.path}`,
      ),
    ).toEqual(['FL107 args[0]', 'FL108 args[1]']);
  });

  it('walks a mapped type over an array-constrained generic as an array, not as an object of methods', () => {
    expect(
      findings(
        'export function f<T extends readonly number[]>(items: T): { -readonly [P in keyof T]: T[number] } { return items as never; }',
      ),
    ).toEqual([]);
  });

  it('reports the element of a mapped array type', () => {
    expect(
      findings(
        'export function f<T extends readonly Date[]>(items: T): { -readonly [P in keyof T]: T[number] } { return items as never; }',
      ),
    ).toEqual([
      { code: 'FL201', path: 'args[0][]', type: 'Date' },
      { code: 'FL201', path: 'result[]', type: 'Date' },
    ]);
  });

  it('reports a Date subclass, a Date interface and Readonly<Date> once each as a Date', () => {
    const source = [
      'export class UTCDate extends Date { utc(): number { return 1; } }',
      'export interface ZonedDate extends Date { zone?: string }',
      'export function f(a: UTCDate | number | string, b: ZonedDate | number, c: Readonly<Date>): void {}',
    ].join('\n');
    expect(findings(source)).toEqual([
      { code: 'FL201', path: 'args[0]', type: 'UTCDate' },
      { code: 'FL201', path: 'args[1]', type: 'ZonedDate' },
      { code: 'FL201', path: 'args[2]', type: 'Date' },
    ]);
  });

  it('writes symbol-keyed and non-identifier properties as a reader would, not as TypeScript names them', () => {
    const source = [
      'const tag = Symbol("tag");',
      'export interface Bag { [Symbol.iterator](): Iterator<number>; [tag]: () => void; "on-change": () => void; size: number }',
      'export function f(bag: Bag): void {}',
    ].join('\n');
    expect(findings(source).map(finding => finding.path)).toEqual([
      'args[0]["on-change"]',
      'args[0][Symbol.iterator]',
      'args[0][tag]',
    ]);
  });

  it('reports an object of many methods once, not once per method', () => {
    const source =
      'export interface Logger { debug(m: string): void; info(m: string): void; warn(m: string): void; error(m: string): void; child(): Logger }\nexport function f(log: Logger): void {}';
    expect(findings(source)).toEqual([{ code: 'FL101', path: 'args[0]', type: 'Logger' }]);
  });

  it('reports an Iterable as something consumed over time', () => {
    expect(findings('export function f(): Iterable<number> { return [1]; }')).toEqual([
      { code: 'FL104', path: 'result', type: 'Iterable<number>' },
    ]);
  });

  it('does not report the symbol in a property-key union (keyof a loose record), but a lone symbol still', () => {
    expect(
      findings(
        'export function f<T extends Record<string, unknown>, K extends keyof T>(obj: T, keys: readonly K[], key: PropertyKey, tag: symbol): void {}',
      ).map(finding => `${finding.code} ${finding.path}`),
    ).toEqual(['FL108 args[0][string]', 'FL103 args[3]']);
  });
});
