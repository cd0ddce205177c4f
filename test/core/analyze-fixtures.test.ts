// End to end over real fixture folders: every hazard code and verdict, imperfect input, and the
// examples/ monorepo.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { Ajv2020 } from 'ajv/dist/2020.js';
import { beforeAll, describe, expect, it } from 'vitest';

import {
  type AnalysisReport,
  type ExportAnalysis,
  CODES,
  InputError,
  UnknownExportError,
  analyzeLibrary,
} from '../../packages/core/src/index.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const fixtures = 'test/fixtures/analyze';

// Positions found from the source (1-based), so edits elsewhere in the examples do not break the tests.
function positionOf(file: string, text: string): { line: number; column: number } {
  const lines = fs.readFileSync(path.join(root, file), 'utf8').split('\n');
  const index = lines.findIndex(line => line.includes(text));
  if (index === -1) throw new Error(`${text} not found in ${file}`);
  return { line: index + 1, column: lines[index]!.indexOf(text) + 1 };
}
const lineOf = (file: string, text: string): number => positionOf(file, text).line;

function analyze(library: string, exports: string[]): AnalysisReport {
  return analyzeLibrary({ library, exports, cwd: root, root });
}

function byName(report: AnalysisReport, name: string): ExportAnalysis {
  const found = report.exports.find(analysis => analysis.name === name);
  if (!found) throw new Error(`no analysis for ${name}`);
  return found;
}

const codesOf = (analysis: ExportAnalysis): string[] =>
  [...new Set(analysis.hazards.map(hazard => hazard.code))].sort();

describe('the hazards fixture', () => {
  const expected: Record<string, { codes: string[]; verdict: string }> = {
    withCallback: { codes: ['FL101'], verdict: 'blocked' },
    withSession: { codes: ['FL102'], verdict: 'blocked' },
    withSymbol: { codes: ['FL103'], verdict: 'blocked' },
    withIterable: { codes: ['FL104'], verdict: 'blocked' },
    withNestedPromise: { codes: ['FL105'], verdict: 'blocked' },
    withWeakMap: { codes: ['FL106'], verdict: 'blocked' },
    withAny: { codes: ['FL107'], verdict: 'extractable-with-changes' },
    withUnknown: { codes: ['FL108'], verdict: 'extractable-with-changes' },
    withSignal: { codes: ['FL109'], verdict: 'extractable' },
    withCodecs: {
      codes: ['FL201', 'FL202', 'FL203', 'FL204', 'FL205', 'FL206', 'FL207'],
      verdict: 'extractable-with-changes',
    },
    nextId: { codes: ['FL301'], verdict: 'extractable-with-changes' },
    audited: { codes: ['FL302'], verdict: 'extractable-with-changes' },
    cached: { codes: ['FL303'], verdict: 'extractable-with-changes' },
    currentMode: { codes: ['FL301', 'FL304'], verdict: 'extractable-with-changes' },
    readConfigFile: { codes: ['FL401', 'FL402'], verdict: 'extractable-with-changes' },
    gitHead: { codes: ['FL403'], verdict: 'extractable-with-changes' },
    ping: { codes: ['FL404'], verdict: 'extractable-with-changes' },
    fetchBounded: { codes: ['FL501'], verdict: 'extractable' },
    fetchUnbounded: { codes: ['FL502'], verdict: 'extractable-with-changes' },
    fetchOpaque: { codes: ['FL503'], verdict: 'extractable' },
    postUnbounded: { codes: ['FL502'], verdict: 'extractable-with-changes' },
    postBounded: { codes: ['FL501'], verdict: 'extractable' },
    fetchRaced: { codes: ['FL501'], verdict: 'extractable' },
    fetchResponse: { codes: ['FL106', 'FL501'], verdict: 'blocked' },
    renderLocal: { codes: ['FL504'], verdict: 'extractable-with-changes' },
    spend: { codes: ['FL601', 'FL602', 'FL603'], verdict: 'extractable-with-changes' },
    identity: { codes: ['FL701'], verdict: 'extractable-with-changes' },
    parse: { codes: ['FL702'], verdict: 'extractable-with-changes' },
    describeSelf: { codes: ['FL703'], verdict: 'extractable-with-changes' },
    LIMITS: { codes: ['FL704'], verdict: 'extractable-with-changes' },
    Counter: { codes: ['FL705'], verdict: 'blocked' },
    Mode: { codes: ['FL706'], verdict: 'extractable' },
    sum: { codes: [], verdict: 'extractable' },
    dayOfWeek: { codes: ['FL201', 'FL405'], verdict: 'extractable-with-changes' },
    formatAmount: { codes: ['FL406'], verdict: 'extractable-with-changes' },
    formatInZone: { codes: ['FL201'], verdict: 'extractable-with-changes' },
    age: { codes: ['FL407'], verdict: 'extractable' },
    isSameValue: { codes: ['FL108', 'FL208'], verdict: 'extractable-with-changes' },
    hasLabel: { codes: ['FL208'], verdict: 'extractable-with-changes' },
    price: { codes: ['FL801', 'FL802', 'FL803'], verdict: 'extractable-with-changes' },
    clean: { codes: ['FL802'], verdict: 'extractable-with-changes' },
  };
  let report: AnalysisReport;
  beforeAll(() => {
    report = analyze(`${fixtures}/hazards/lib`, Object.keys(expected));
  });

  for (const [name, { codes, verdict }] of Object.entries(expected)) {
    it(`reports ${codes.join(', ') || 'nothing'} for ${name}, verdict ${verdict}`, () => {
      const analysis = byName(report, name);
      expect(codesOf(analysis)).toEqual(codes);
      expect(analysis.verdict.status).toBe(verdict);
    });
  }

  it('triggers every hazard code from FL101 to FL803', () => {
    const seen = new Set(report.exports.flatMap(analysis => analysis.hazards.map(hazard => hazard.code)));
    const hazardCodes = CODES.filter(info => !info.code.startsWith('FL9')).map(info => info.code);
    expect(hazardCodes.filter(code => !seen.has(code))).toEqual([]);
  });

  it('reports a request to a server on this machine as one the service will not run beside', () => {
    const [found] = byName(report, 'renderLocal').hazards;
    expect(found?.detail).toEqual({ family: 'fetch', host: 'localhost:3001', deadline: 'missing' });
    expect(found?.message).toContain(
      'at `localhost:3001` in renderLocal: a server on the machine the library runs on',
    );
    expect(found?.message).toContain('needs a deadline too: pass `signal: AbortSignal.timeout(ms)`');
  });

  it('finds the consumer package and the transitive async ripple of a sync export', () => {
    const price = byName(report, 'price');
    expect(report.consumers.map(consumer => consumer.name)).toEqual(['@fx/app']);
    expect(price.ripple.functions.map(fn => fn.name)).toEqual(['total', 'summary']);
    expect(price.ripple.perPackage).toEqual([{ package: '@fx/app', callSites: 2, functions: 2, manual: 2 }]);
    expect(
      price.ripple.callSites.filter(site => site.change === 'manual').map(site => site.enclosing),
    ).toEqual(['Cart.constructor', 'Cart.doubled']);
  });

  it('reports the loop a chatty call sits in', () => {
    expect(byName(report, 'price').chattiness.map(site => `${site.loop} ${site.enclosing}`)).toEqual([
      'for-of total',
    ]);
    expect(byName(report, 'clean').chattiness.map(site => `${site.loop} ${site.enclosing}`)).toEqual([
      'map tidy',
    ]);
  });

  it('resolves an alias through the barrel to its declaration', () => {
    expect(byName(report, 'sum').declaration.name).toBe('pureAsync');
  });

  it('lists external packages with the declared and installed versions', () => {
    const [axios] = byName(report, 'postUnbounded').closure.externals;
    expect(axios).toMatchObject({ name: 'axios', kind: 'package', declared: '^1.7.0', typeOnly: false });
    expect(axios?.installed).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('produces a report that validates against packages/cli/schema/analyze-report.schema.json', () => {
    const schema = JSON.parse(
      fs.readFileSync(path.join(root, 'packages/cli/schema/analyze-report.schema.json'), 'utf8'),
    ) as object;
    const validate = new Ajv2020({ allErrors: true, strict: true }).compile(schema);
    expect(validate(JSON.parse(JSON.stringify(report))), JSON.stringify(validate.errors)).toBe(true);
  });

  it('names the environment keys read', () => {
    expect(byName(report, 'readConfigFile').hazards.find(hazard => hazard.code === 'FL401')?.detail).toEqual({
      key: 'CONFIG_PATH',
    });
  });
});

describe('imperfect input', { timeout: 60_000 }, () => {
  let report: AnalysisReport;
  beforeAll(() => {
    report = analyze(`${fixtures}/broken`, ['a', 'c', 'd']);
  });

  it('follows circular imports', () => {
    expect(byName(report, 'a').closure.declarations.map(declaration => declaration.name)).toEqual(['a', 'b']);
  });

  it('goes on past type errors and unresolved modules, and says what could not be known', () => {
    const c = byName(report, 'c');
    expect(c.verdict.complete).toBe(false);
    expect(c.unknowns.map(unknown => unknown.code).sort()).toEqual(['FL902', 'FL903', 'FL903', 'FL903']);
    expect(c.closure.externals.map(external => external.name)).toEqual(['not-installed-pkg']);
  });

  it('finds unresolved imports in closure files it does not type-check', () => {
    const e = analyze(`${fixtures}/broken`, ['e']).exports[0];
    expect(e?.unknowns).toEqual([
      {
        code: 'FL903',
        name: 'unresolved-module',
        message:
          "Cannot find module 'another-missing-pkg' or its corresponding type declarations: what comes from it is not known.",
        location: { file: `${fixtures}/broken/src/e-helper.ts`, line: 1, column: 25 },
      },
    ]);
  });

  it('goes on past syntax errors', () => {
    const d = byName(report, 'd');
    expect(d.unknowns).toEqual([
      expect.objectContaining({
        code: 'FL901',
        location: { file: `${fixtures}/broken/src/d.ts`, line: 2, column: 13 },
      }),
    ]);
    expect(report.problems.map(problem => problem.code)).toContain('FL901');
  });

  it('analyses a JavaScript library without types as far as it can', () => {
    const js = analyze(`${fixtures}/js-lib`, ['typed', 'untyped']);
    expect(js.library.language).toBe('javascript');
    expect(byName(js, 'typed').closure.files).toEqual([
      `${fixtures}/js-lib/helper.js`,
      `${fixtures}/js-lib/index.js`,
    ]);
    expect(byName(js, 'untyped').unknowns.map(unknown => unknown.message)).toContain(
      'args[0] has no type (JavaScript without JSDoc): whether it can cross the network is not known.',
    );
    expect(byName(js, 'untyped').verdict.complete).toBe(false);
  });
});

describe('the SQL clients fixture', { timeout: 60_000 }, () => {
  it('judges mysql2 and knex queries with the catalog, saying what to do where no client-wide bound exists', () => {
    const report = analyze(`${fixtures}/sql-clients`, ['findUser', 'findUserBounded', 'countUsers']);
    const deadlines = (name: string) =>
      byName(report, name).hazards.filter(hazard => hazard.code.startsWith('FL50'));
    const [unbounded] = deadlines('findUser');
    expect(unbounded?.code).toBe('FL502');
    expect(unbounded?.message).toContain(
      'without a deadline (mysql2 has no connection- or pool-wide query timeout (`connectTimeout` bounds only connecting))',
    );
    expect(unbounded?.message).toContain('Fix: pass `timeout` (ms) with each query');
    expect(deadlines('findUserBounded').map(hazard => hazard.code)).toEqual(['FL501']);
    expect(deadlines('countUsers').map(hazard => hazard.code)).toEqual(['FL501']);
  });
});

describe('bad input', { timeout: 60_000 }, () => {
  it('refuses a folder with no package.json and no tsconfig', () => {
    expect(() => analyze(`${fixtures}/no-package`, ['x'])).toThrow(
      new InputError(
        `${fixtures}/no-package has no package.json and no tsconfig.json: name a package folder or a tsconfig.`,
      ),
    );
  });

  it('refuses a tsconfig that cannot be read, with its line', () => {
    expect(() => analyze(`${fixtures}/bad-tsconfig`, ['x'])).toThrow(
      `${fixtures}/bad-tsconfig/tsconfig.json:2: cannot read this tsconfig`,
    );
  });

  it('suggests the closest names for an unknown export', () => {
    expect(() => analyze('examples/packages/shared', ['computeQoute'])).toThrow(UnknownExportError);
    expect(() => analyze('examples/packages/shared', ['computeQoute'])).toThrow(
      'Did you mean `computeQuote`?',
    );
  });

  it('refuses a path outside the repository', () => {
    expect(() => analyze('../..', ['x'])).toThrow('is outside the repository');
  });
});

describe('the examples monorepo', () => {
  let report: AnalysisReport;
  beforeAll(() => {
    report = analyze('examples/packages/shared', ['computeQuote', 'convert', 'buildSalesReport']);
  });

  it('finds both apps as consumers', () => {
    expect(report.consumers.map(consumer => consumer.name)).toEqual(['@acme/backoffice', '@acme/checkout']);
  });

  it('gives each export its verdict', () => {
    expect(report.exports.map(analysis => `${analysis.name}: ${analysis.verdict.status}`)).toEqual([
      'computeQuote: extractable-with-changes',
      'convert: extractable-with-changes',
      'buildSalesReport: blocked',
    ]);
  });

  it('reports the callback parameter with its type path', () => {
    const hazard = byName(report, 'buildSalesReport').hazards.find(candidate => candidate.code === 'FL101');
    expect(hazard).toMatchObject({
      path: 'args[1]',
      type: '(done: number) => void',
      location: {
        file: 'examples/packages/shared/src/reports.ts',
        ...positionOf('examples/packages/shared/src/reports.ts', 'onProgress?: (done: number)'),
      },
    });
  });

  it('reports the Map<string, bigint> result, the fs read and the Date codecs', () => {
    const hazards = byName(report, 'buildSalesReport').hazards.map(hazard =>
      `${hazard.code} ${hazard.path ?? ''}`.trim(),
    );
    expect(hazards).toEqual(
      expect.arrayContaining([
        'FL203 result.totalsByRegion',
        'FL202 result.totalsByRegion<value>',
        'FL201 result.generatedAt',
        'FL402',
      ]),
    );
  });

  it('reports the rate cache, the fetch without a deadline and the env read of convert', () => {
    const hazards = byName(report, 'convert').hazards;
    expect(hazards.map(hazard => hazard.code)).toEqual([
      'FL301',
      'FL303',
      'FL502',
      'FL802',
      'FL401',
      'FL407',
      'FL407',
      'FL602',
    ]);
    expect(hazards.find(hazard => hazard.code === 'FL401')?.detail).toEqual({ key: 'RATES_URL' });
  });

  it('computes the async ripple of computeQuote across both apps', () => {
    const ripple = byName(report, 'computeQuote').ripple;
    expect(ripple.perPackage).toEqual([
      { package: '@acme/backoffice', callSites: 2, functions: 1, manual: 0 },
      // The checkout's own test calls quoteEverywhere: listed apart, not counted.
      { package: '@acme/checkout', callSites: 2, functions: 1, manual: 0, tests: 1 },
    ]);
    expect(
      ripple.functions
        .filter(fn => !fn.test)
        .map(fn => fn.name)
        .sort(),
    ).toEqual(['<callback of map>', 'quoteEverywhere']);
  });

  it('finds the chatty call sites in a loop and in .map', () => {
    expect(
      byName(report, 'computeQuote').chattiness.map(
        site => `${site.location.file}:${site.location.line} ${site.loop}`,
      ),
    ).toEqual([
      `examples/apps/backoffice/src/jobs/nightly.ts:${lineOf('examples/apps/backoffice/src/jobs/nightly.ts', 'computeQuote(order).totalMinor')} map`,
      `examples/apps/checkout/src/cart.ts:${lineOf('examples/apps/checkout/src/cart.ts', 'quotes.push(computeQuote(')} for-of`,
    ]);
  });

  it('leaks no ts-morph objects: the report survives a JSON round trip unchanged', () => {
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
  });
});
