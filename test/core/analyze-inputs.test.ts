// Inputs real repositories have: a solution-style tsconfig (`"files": []` with references),
// namespace re-exports (`export * as geometry`) named whole or dotted, an anonymous default export.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { beforeAll, describe, expect, it } from 'vitest';

import { type AnalysisReport, UnknownExportError, analyzeLibrary } from '../../packages/core/src/index.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const fixture = 'test/fixtures/analyze/solution';

describe('a solution-style library', { timeout: 60_000 }, () => {
  let report: AnalysisReport;
  beforeAll(() => {
    report = analyzeLibrary({
      library: fixture,
      exports: ['geometry', 'geometry.inner.perimeter', 'default', 'slug'],
      cwd: root,
      root,
    });
  });

  it('follows the project references to the config that compiles the entry', () => {
    expect(report.library.tsconfig).toBe(`${fixture}/tsconfig.lib.json`);
    expect(report.problems).toEqual([]);
    expect(report.exports.map(analysis => `${analysis.name}: ${analysis.verdict.complete}`)).toEqual([
      'geometry.area: true',
      'geometry.inner.perimeter: true',
      'default: true',
      'slug: true',
    ]);
  });

  it('analyses the runtime members of a namespace re-export, and accepts dotted names', () => {
    const area = report.exports[0];
    expect(area).toMatchObject({
      name: 'geometry.area',
      kind: 'function',
      declaration: {
        name: 'area',
        location: { file: `${fixture}/src/geometry/index.ts`, line: 3, column: 1 },
      },
      signature: '(width: number, height: number): number',
    });
    expect(area?.closure.declarations.map(declaration => `${declaration.name}:${declaration.kind}`)).toEqual([
      'area:function',
    ]);
    expect(area?.hazards.map(hazard => hazard.code)).toEqual(['FL801']);
  });

  it('follows calls through the namespace to each member', () => {
    expect(
      report.exports
        .slice(0, 2)
        .map(analysis =>
          analysis.ripple.callSites.map(
            site =>
              `${site.location.file.slice(fixture.length + 1)}:${site.location.line}:${site.location.column} ${site.change}`,
          ),
        ),
    ).toEqual([['src/uses.ts:4:10 await'], ['src/uses.ts:4:32 await']]);
  });

  it('names an anonymous default export as a function, not unknown', () => {
    const fallback = report.exports[2];
    expect(fallback?.kind).toBe('function');
    expect(
      fallback?.closure.declarations.map(declaration => `${declaration.name}:${declaration.kind}`),
    ).toEqual(['default:function']);
  });

  it('refuses an unknown member of a namespace with the closest members', () => {
    expect(() => analyzeLibrary({ library: fixture, exports: ['geometry.aera'], cwd: root, root })).toThrow(
      new UnknownExportError('geometry.aera', '@fx/solution', ['geometry.area']),
    );
  });
});
