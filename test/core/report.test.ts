// Reports are pure: a report in, text out. A small hand-made report keeps these exact.
import { describe, expect, it } from 'vitest';

import { decideVerdict } from '../../packages/core/src/analyze/verdict.js';
import {
  type AnalysisReport,
  type Hazard,
  closureDot,
  formatReport,
  hasFindingAtLeast,
  renderSvg,
} from '../../packages/core/src/index.js';

const at = (line: number): { file: string; line: number; column: number } => ({
  file: 'lib/src/a.ts',
  line,
  column: 1,
});

const report: AnalysisReport = {
  schemaVersion: 1,
  tool: { name: 'faultline', version: '0.1.0' },
  library: {
    name: '@x/lib',
    version: '1.0.0',
    root: 'lib',
    files: 2,
    entries: ['lib/src/index.ts'],
    language: 'typescript',
  },
  consumers: [{ name: '@x/app', root: 'app', files: 1 }],
  exports: [
    {
      name: 'report',
      kind: 'function',
      declaration: { name: 'report', location: at(3) },
      signature: '(onDone: () => void): Promise<void>',
      isAsync: true,
      closure: {
        declarations: [
          { id: 'lib/src/a.ts#report', name: 'report', kind: 'function', location: at(3), typeOnly: false },
          { id: 'lib/src/a.ts#cache', name: 'cache', kind: 'variable', location: at(1), typeOnly: false },
        ],
        files: ['lib/src/a.ts'],
        externals: [
          {
            name: 'node:fs',
            kind: 'builtin',
            specifiers: ['node:fs'],
            usedBy: ['lib/src/a.ts#report'],
            typeOnly: false,
          },
        ],
        edges: [
          { from: 'lib/src/a.ts#report', to: 'lib/src/a.ts#cache' },
          { from: 'lib/src/a.ts#report', to: 'pkg:node:fs' },
        ],
      },
      hazards: [
        {
          code: 'FL101',
          name: 'function-value',
          severity: 'error',
          message: 'args[0] is a function.',
          location: at(3),
          path: 'args[0]',
          type: '() => void',
        },
      ],
      ripple: { applies: false, functions: [], callSites: [], perPackage: [] },
      chattiness: [],
      unknowns: [],
      verdict: {
        status: 'blocked',
        reasons: ['FL101 a function crosses the network: args[0] (lib/src/a.ts:3)'],
        complete: true,
      },
    },
  ],
  problems: [],
  summary: { extractable: 0, 'extractable-with-changes': 0, blocked: 1 },
};

describe('reports', () => {
  it('formats the verdict, the closure and each hazard with its path, without colour', () => {
    const text = formatReport(report);
    expect(text).toContain(
      'report function (onDone: () => void): Promise<void>\n  verdict: blocked\n    - FL101 a function crosses the network: args[0] (lib/src/a.ts:3)',
    );
    expect(text).toContain(
      '    error FL101 function-value  lib/src/a.ts:3:1\n      args[0]: () => void\n      args[0] is a function.',
    );
    expect(text).toContain('    external: node:fs');
    expect(text).not.toContain('\u001b[');
  });

  it('colours on request', () => {
    expect(formatReport(report, { color: true })).toContain('\u001b[31m');
  });

  it('draws the closure as DOT, the export outlined in its verdict colour', () => {
    const dot = closureDot(report);
    expect(dot).toContain(
      '"lib/src/a.ts#report" [label="report\\nfunction", fillcolor="#fff3cd", penwidth=2.5, color="#c62828", fontname="Helvetica-Bold"];',
    );
    expect(dot).toContain('"pkg:node:fs" [label="node:fs", shape=box, fillcolor="#e3f2fd"];');
    expect(dot).toContain('"lib/src/a.ts#report" -> "lib/src/a.ts#cache";');
  });

  it('draws a legend and the consumer packages with their call sites', () => {
    const [only] = report.exports;
    const withCallers: AnalysisReport = {
      ...report,
      exports: [
        {
          ...only!,
          ripple: {
            applies: true,
            functions: [],
            callSites: [
              { location: at(9), package: '@x/app', callee: 'report', change: 'await' },
              { location: at(12), package: '@x/app', callee: 'report', change: 'manual' },
              { location: at(14), package: '@x/app', callee: 'report', change: 'await', test: true },
            ],
            perPackage: [{ package: '@x/app', callSites: 1, functions: 0, manual: 1, tests: 1 }],
          },
        },
      ],
    };
    const dot = closureDot(withCallers);
    expect(dot).toContain('"consumer:@x/app" [label="@x/app", shape=component, fillcolor="#f3e5f5"];');
    expect(dot).toContain(
      '"consumer:@x/app" -> "lib/src/a.ts#report" [label="2 call sites", style=dashed, color="#6a1b9a", fontcolor="#6a1b9a", fontsize=9];',
    );
    expect(dot).toContain('subgraph cluster_legend {');
    expect(dot).toContain(
      '"legend:export" [label="export\\n(outline: verdict)", penwidth=2.5, color="#b26a00"];',
    );
  });

  it('leaves type-only declarations out unless asked, and groups a large closure per file', () => {
    const [only] = report.exports;
    const declarations = [
      ...only!.closure.declarations,
      {
        id: 'lib/src/a.ts#Options',
        name: 'Options',
        kind: 'interface' as const,
        location: at(2),
        typeOnly: true,
      },
      ...Array.from({ length: 4 }, (_, index) => ({
        id: `lib/src/b.ts#helper${index}`,
        name: `helper${index}`,
        kind: 'function' as const,
        location: { file: 'lib/src/b.ts', line: index + 1, column: 1 },
        typeOnly: false,
      })),
    ];
    const edges = [
      ...only!.closure.edges,
      { from: 'lib/src/a.ts#report', to: 'lib/src/a.ts#Options' },
      { from: 'lib/src/a.ts#report', to: 'lib/src/b.ts#helper0' },
      { from: 'lib/src/b.ts#helper0', to: 'lib/src/b.ts#helper1' },
    ];
    const large: AnalysisReport = {
      ...report,
      exports: [{ ...only!, closure: { ...only!.closure, declarations, edges } }],
    };
    expect(closureDot(large)).not.toContain('Options');
    expect(closureDot(large, { types: true })).toContain(
      '"lib/src/a.ts#Options" [label="Options\\ninterface"',
    );
    const grouped = closureDot(large, { collapseAbove: 3 });
    expect(grouped).toContain(
      '"file:lib/src/b.ts" [label="4 declarations\\nhelper0, helper1, helper2, …", shape=note, fillcolor="#fafafa"];',
    );
    expect(grouped).toContain('"lib/src/a.ts#report" -> "file:lib/src/b.ts";');
    expect(grouped).not.toContain('"lib/src/b.ts#helper0" ->');
  });

  it('renders SVG in-process', async () => {
    expect(await renderSvg(closureDot(report))).toMatch(/^<\?xml[\s\S]*<svg[\s\S]*report[\s\S]*<\/svg>\s*$/);
  });

  it('gates on blocked exports and on warnings', () => {
    expect(hasFindingAtLeast(report, 'blocked')).toBe(true);
    expect(hasFindingAtLeast({ ...report, exports: [] }, 'warning')).toBe(false);
  });

  it('cuts a long hazard list per code in the terminal, and --verbose lists it all', () => {
    const manual = (line: number): Hazard => ({
      code: 'FL803',
      name: 'manual-change',
      severity: 'warning',
      message: `call site ${line} must change by hand.`,
      location: at(line),
    });
    const [only] = report.exports;
    const many = {
      ...report,
      exports: [{ ...only!, hazards: [...only!.hazards, ...[10, 11, 12, 13, 14, 15, 16].map(manual)] }],
    };
    const text = formatReport(many);
    expect(text).toContain('call site 14 must change by hand.\n    … 2 more FL803 (--verbose lists them)\n');
    expect(text).not.toContain('call site 15');
    expect(formatReport(many, { verbose: true })).toContain('call site 16 must change by hand.');
  });

  it('gives verdict reasons with columns, each place once', () => {
    const hazard = (line: number, column: number): Hazard => ({
      code: 'FL201',
      name: 'date',
      severity: 'warning',
      message: 'a Date.',
      location: { file: 'lib/src/a.ts', line, column },
    });
    expect(decideVerdict([hazard(255, 3), hazard(255, 3), hazard(255, 20)], []).reasons).toEqual([
      'FL201 a Date needs a codec: lib/src/a.ts:255:3, lib/src/a.ts:255:20',
    ]);
  });
});
