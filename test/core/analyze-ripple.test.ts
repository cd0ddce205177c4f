// The async ripple on a fixture shaped like real libraries: renamed imports and re-export
// wrappers, namespace imports, shorthand properties, a data-last overload used inside pipe, a
// circular import back into the export, and call sites in test files.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { Ajv2020 } from 'ajv/dist/2020.js';
import { beforeAll, describe, expect, it } from 'vitest';

import { isTestFile } from '../../packages/core/src/analyze/consumers.js';
import {
  type AnalysisReport,
  type ExportAnalysis,
  analyzeLibrary,
  formatReport,
} from '../../packages/core/src/index.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const fixture = 'test/fixtures/analyze/ripple';

function byName(report: AnalysisReport, name: string): ExportAnalysis {
  const found = report.exports.find(analysis => analysis.name === name);
  if (!found) throw new Error(`no analysis for ${name}`);
  return found;
}

/** `file:line:column change callee [overload] [test]`, the file relative to the fixture. */
const sites = (analysis: ExportAnalysis): string[] =>
  analysis.ripple.callSites.map(
    site =>
      `${site.location.file.slice(fixture.length + 1)}:${site.location.line}:${site.location.column} ${site.change} ${site.callee}${site.overload !== undefined ? ` overload[${site.overload}]` : ''}${site.test ? ' test' : ''}`,
  );

describe('the ripple on real-library shapes', { timeout: 60_000 }, () => {
  let report: AnalysisReport;
  beforeAll(() => {
    report = analyzeLibrary({
      library: `${fixture}/lib`,
      exports: ['area', 'double', 'trainCase', 'add', 'countdown', 'first', 'constant'],
      cwd: root,
      root,
    });
  });

  it('follows a call through an aliased import inside the library, and awaits in an async generator', () => {
    const area = byName(report, 'area');
    expect(sites(area)).toEqual([
      'lib/src/gen.ts:4:35 await area',
      'lib/src/gen.ts:8:35 manual area',
      'lib/src/uses.ts:7:10 await area',
    ]);
    expect(area.ripple.callSites[1]?.note).toBe(
      'a generator: make it an async generator (`async function*`) and iterate it with `for await`',
    );
    expect(area.ripple.functions.map(fn => fn.name)).toEqual(['room']);
  });

  it('follows a re-export wrapper that renames the export, and lists a shorthand property as a value use', () => {
    expect(sites(byName(report, 'double'))).toEqual([
      'lib/src/uses.ts:10:27 manual double',
      'lib/src/uses.ts:17:10 await double',
    ]);
  });

  it('follows namespace imports passed to map and the app’s renaming wrapper, and lists test files apart', () => {
    const trainCase = byName(report, 'trainCase');
    expect(sites(trainCase)).toEqual([
      'app/src/__tests__/labels.ts:4:10 promise-all map(…) test',
      'app/src/__tests__/labels.ts:4:30 await trainCase test',
      'app/src/main.ts:15:10 await trainCase',
      'app/src/main.ts:19:10 promise-all map(trainCase)',
      'lib/src/uses.ts:13:10 promise-all map(trainCase)',
    ]);
    expect(trainCase.ripple.perPackage).toEqual([
      { package: '@fx/ripple-app', callSites: 2, functions: 2, manual: 0, tests: 2 },
      { package: '@fx/ripple-lib', callSites: 1, functions: 1, manual: 0 },
    ]);
    expect(trainCase.hazards.map(hazard => `${hazard.code} ${hazard.location.line}`)).toEqual([
      'FL801 9',
      'FL802 19',
      'FL802 13',
    ]);
    expect(
      trainCase.chattiness.map(site => `${site.loop} ${site.enclosing}${site.test ? ' test' : ''}`),
    ).toEqual(['map checkLabels test', 'map labels', 'map names']);
  });

  it('never tells a curried call inside pipe to await, and says which overload each call uses', () => {
    const add = byName(report, 'add');
    expect(sites(add)).toEqual([
      'app/src/describe.ts:5:13 await add overload[0]',
      'app/src/describe.ts:5:27 await add overload[0]',
      'app/src/describe.ts:9:10 promise-all map(…)',
      'app/src/describe.ts:9:27 await describe',
      'app/src/main.spec.ts:6:10 await add overload[0] test',
      // Inside a test runner's callback: the runner awaits it, so only the call changes.
      'app/src/main.spec.ts:9:18 await add overload[0] test',
      'app/src/main.ts:7:10 await add overload[0]',
      'app/src/main.ts:11:18 manual add overload[1]',
    ]);
    expect(add.ripple.callSites[7]?.note).toBe(
      'add(…) returns a function here (overload[1], its curried form), passed to pipe(…): do not await it; keep this form local or rewrite the call in the data-first form',
    );
    expect(add.ripple.functions.map(fn => `${fn.name}${fn.test ? ' test' : ''}`)).toEqual([
      'describe',
      'check test',
      '<callback of it> test',
      'total',
      '<callback of map>',
      'describeAll',
    ]);
  });

  it('keeps a call local when every form of the export returns a function', () => {
    const constant = byName(report, 'constant');
    expect(sites(constant)).toEqual(['app/src/describe.ts:17:10 manual constant']);
    expect(constant.ripple.callSites[0]?.note).toBe(
      'constant(…) returns a function: do not await it; code cannot come back over the network, so this call stays local',
    );
  });

  it('gives a verdict per overload: blocked only in its data-last form', () => {
    const add = byName(report, 'add');
    expect(add.verdict.status).toBe('blocked');
    expect(
      add.overloads?.map(
        overload => `${overload.signature}: ${overload.verdict.status}, ${overload.callSites}`,
      ),
    ).toEqual([
      '(value: number, addend: number): number: extractable-with-changes, 3',
      '(addend: number): (value: number) => number: blocked, 1',
    ]);
    expect(add.verdict.reasons).toContain(
      'overload[0] (value: number, addend: number): number alone is extractable with changes: extract can take that form',
    );
  });

  it('does not list the export’s own body when a circular import calls back into it', () => {
    const countdown = byName(report, 'countdown');
    expect(sites(countdown)).toEqual(['lib/src/cycle-b.ts:4:10 await countdown']);
    expect(countdown.ripple.functions.map(fn => fn.name)).toEqual(['tick']);
  });

  it('shows test call sites apart in the terminal', () => {
    expect(formatReport(report)).toContain(
      '    in tests (not counted above; they must await it too): 2 call sites\n    test/fixtures/analyze/ripple/app/src/main.spec.ts:6:10  await  add overload[0] in check\n    test/fixtures/analyze/ripple/app/src/main.spec.ts:9:18  await  add overload[0] in <callback of it>\n',
    );
  });

  it('drops call sites in excluded files', () => {
    const excluded = analyzeLibrary({
      library: `${fixture}/lib`,
      exports: ['trainCase'],
      exclude: ['**/__tests__/**', 'lib/src/uses.ts'].map(glob =>
        glob.startsWith('lib') ? `${fixture}/${glob}` : glob,
      ),
      cwd: root,
      root,
    });
    expect(sites(byName(excluded, 'trainCase'))).toEqual([
      'app/src/main.ts:15:10 await trainCase',
      'app/src/main.ts:19:10 promise-all map(trainCase)',
    ]);
  });

  it('counts a loop around a wrapper that calls the export twice as two round trips per item', () => {
    const add = byName(report, 'add');
    expect(add.chattiness).toEqual([
      {
        location: { file: `${fixture}/app/src/describe.ts`, line: 9, column: 27 },
        package: '@fx/ripple-app',
        callee: 'add',
        loop: 'map',
        enclosing: 'describeAll',
        through: 'describe',
        calls: 2,
      },
    ]);
    expect(add.hazards.find(hazard => hazard.code === 'FL802')?.message).toBe(
      'describe calls add 2 times and is called inside .map(…) in describeAll (@fx/ripple-app): 2 network round trips per item. Offer a batch endpoint (addMany(items)).',
    );
  });

  it('lists the type arguments consumers call a generic export with', () => {
    const first = byName(report, 'first');
    expect(first.typeArguments).toEqual([
      { types: ['string'], callSites: 2 },
      { types: ['number'], callSites: 1 },
    ]);
    expect(first.hazards.find(hazard => hazard.code === 'FL701')?.detail).toEqual({
      typeArguments: ['<string>', '<number>'],
    });
  });

  it('produces a report that validates against packages/cli/schema/analyze-report.schema.json', () => {
    const schema = JSON.parse(
      fs.readFileSync(path.join(root, 'packages/cli/schema/analyze-report.schema.json'), 'utf8'),
    ) as object;
    const validate = new Ajv2020({ allErrors: true, strict: true }).compile(schema);
    expect(validate(JSON.parse(JSON.stringify(report))), JSON.stringify(validate.errors)).toBe(true);
  });
});

describe('test files', () => {
  it('tells test and type-test files by name, and test folders at the top of their package', () => {
    expect(isTestFile('/r/app/src/cart.test.ts')).toBe(true);
    expect(isTestFile('/r/app/src/cart.spec.tsx')).toBe(true);
    expect(isTestFile('/r/lib/src/types.test-d.ts')).toBe(true);
    expect(isTestFile('/r/app/src/__tests__/cart.ts')).toBe(true);
    expect(isTestFile('/r/app/test/cart.ts', '/r/app')).toBe(true);
    // A `test/` folder above the package (this repository's own fixtures) is not a test folder.
    expect(isTestFile('/r/test/fixtures/app/src/cart.ts', '/r/test/fixtures/app')).toBe(false);
    expect(isTestFile('/r/app/src/contest.ts', '/r/app')).toBe(false);
  });
});
