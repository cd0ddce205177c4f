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
});
