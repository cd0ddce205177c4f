// The library half of the strangler fig, as data and text: which exports the shim takes over (and
// which it cannot), the entry edit (only the extracted names move, every other byte stays), the
// package.json edit (dependencies added in the file's own style), and the shim rendered from its
// template for examples/.
import fs from 'node:fs';
import path from 'node:path';

import { beforeAll, describe, expect, it } from 'vitest';

import { analyzeLibrary } from '../../packages/core/src/analyze/analyze-library.js';
import type { AnalysisReport } from '../../packages/core/src/analyze/model.js';
import { InputError } from '../../packages/core/src/errors.js';
import { planExtraction } from '../../packages/core/src/plan/extraction-plan.js';
import { type ShimPlan, shimEntry, shimPackageJson } from '../../packages/core/src/plan/shim-plan.js';
import { loadTemplates, renderPlan } from '../../packages/core/src/render/render.js';
import { ROOT } from '../helpers/engines.js';

const ENTRY = path.join(ROOT, 'examples/packages/shared/src/index.ts');
let report: AnalysisReport;

beforeAll(() => {
  report = analyzeLibrary({
    library: 'examples/packages/shared',
    exports: ['computeQuote', 'taxFor', 'summarizeOrders', 'convert'],
    wire: true,
    cwd: ROOT,
    root: ROOT,
  });
}, 60_000);

function plan(entryText = fs.readFileSync(ENTRY, 'utf8')) {
  return planExtraction(report, {
    service: 'pricing',
    mode: 'wrap',
    runtimeVersion: '^0.1.0',
    workspaceRoot: 'examples',
    shim: { entryText },
  });
}

function shimOf(names: string[], entry = 'lib/src/index.ts'): ShimPlan {
  return {
    file: 'lib/src/pricing.shim.ts',
    entry,
    packageJson: 'lib/package.json',
    clientPackage: '@acme/pricing-client',
    clientFactory: 'createPricingClient',
    urlVariable: 'PRICING_URL',
    defaultUrl: 'http://pricing',
    flagKeys: { mode: 'pricing.mode', rollout: 'pricing.rollout' },
    operations: names.map(name => ({
      name,
      localAlias: `${name}Local`,
      local: name,
      from: './x.js',
      parameters: [],
      sent: [],
      wasSync: true,
    })),
    errorClasses: [],
    asyncExports: names,
    dependencies: {
      '@faultline/runtime': '^0.1.0',
      '@openfeature/server-sdk': '^1.20.0',
      '@acme/pricing-client': '^0.1.0',
    },
  };
}

describe('the shim plan for examples/', () => {
  it('routes each operation to its declaring module and marks the ones that become async', () => {
    const shim = plan().shim as ShimPlan;
    expect(shim.file).toBe('examples/packages/shared/src/pricing.shim.ts');
    expect(shim.entry).toBe('examples/packages/shared/src/index.ts');
    expect(shim.operations.map(operation => [operation.name, operation.from, operation.wasSync])).toEqual([
      ['computeQuote', './pricing.js', true],
      ['convert', './currency.js', false],
      ['summarizeOrders', './summary.js', true],
      ['taxFor', './tax.js', true],
    ]);
    expect(shim.asyncExports).toEqual(['computeQuote', 'summarizeOrders', 'taxFor']);
    expect(shim.errorClasses).toEqual([
      { name: 'PricingError', local: 'PricingErrorLocal', from: './errors.js' },
    ]);
    expect(shim.operations.find(operation => operation.name === 'convert')?.signal).toBeUndefined();
  });

  it('moves only the extracted names in the entry and keeps every other byte', () => {
    const before = fs.readFileSync(ENTRY, 'utf8');
    const after = shimEntry(before, plan().shim as ShimPlan);
    expect(after).toBe(
      before
        .replace('export { computeQuote, type Quote', 'export { type Quote')
        .replace('export { taxFor, TAX_REGIONS', 'export { TAX_REGIONS')
        .replace('export { convert, refreshRates }', 'export { refreshRates }')
        .replace('export { summarizeOrders, type OrderSummary }', 'export { type OrderSummary }') +
        "export { computeQuote, convert, summarizeOrders, taxFor } from './pricing.shim.js'; // faultline: routed to the pricing service by a flag\n",
    );
    // Run again on its own output: nothing changes.
    expect(shimEntry(after, plan(after).shim as ShimPlan)).toBe(after);
  });

  it('renders a shim that imports each implementation under an alias and the client with the library error classes', () => {
    const extraction = plan();
    const files = renderPlan(extraction, loadTemplates());
    const shim = files.find(file => file.path === extraction.shim?.file);
    expect(shim?.content).toContain('import { computeQuote as computeQuoteLocal } from "./pricing.js";');
    expect(shim?.content).toContain('import { PricingError as PricingErrorLocal } from "./errors.js";');
    expect(shim?.content).toContain('errorClasses: { PricingError: PricingErrorLocal,  },');
    expect(shim?.content).toContain(
      'export const taxFor = pricingShim.wrap("taxFor", taxForLocal, (viaClient, region, amountMinor) =>',
    );
  });
});

describe('entry edits', () => {
  it('drops a declaration left empty with its line, and keeps CRLF line endings', () => {
    const text = "export { a } from './a.js';\r\nexport { b, c } from './b.js';\r\n";
    expect(shimEntry(text, shimOf(['a', 'c']))).toBe(
      "export { b } from './b.js';\r\nexport { a, c } from './pricing.shim.js'; // faultline: routed to the pricing service by a flag\n",
    );
  });

  it('leaves names that arrive through export * (an explicit export takes precedence) and type-only specifiers', () => {
    const text = "export * from './a';\nexport { type a } from './types';\n";
    expect(shimEntry(text, shimOf(['a']))).toBe(
      `${text}export { a } from './pricing.shim'; // faultline: routed to the pricing service by a flag\n`,
    );
  });

  it('refuses an export declared in the entry itself, saying what to do', () => {
    const declaredHere = {
      ...report,
      exports: report.exports.map(entry =>
        entry.name === 'taxFor'
          ? {
              ...entry,
              declaration: {
                ...entry.declaration,
                location: { ...entry.declaration.location, file: report.library.entries[0] as string },
              },
            }
          : entry,
      ),
    };
    expect(() =>
      planExtraction(declaredHere, {
        service: 'pricing',
        mode: 'wrap',
        runtimeVersion: '^0.1.0',
        shim: { entryText: '' },
      }),
    ).toThrow(/taxFor is declared in the library's entry.*move it to a module of its own/);
    expect(() =>
      planExtraction(declaredHere, {
        service: 'pricing',
        mode: 'wrap',
        runtimeVersion: '^0.1.0',
        shim: { entryText: '' },
      }),
    ).toThrow(InputError);
  });
});

describe('package.json edits', () => {
  it('adds the dependencies in the file’s indentation, keeps existing ranges, and is idempotent', () => {
    const text =
      '{\n    "name": "lib",\n    "dependencies": {\n        "zod": "^3.0.0",\n        "@faultline/runtime": "^0.0.9"\n    }\n}\n';
    const after = shimPackageJson(text, shimOf(['a']));
    expect(JSON.parse(after)).toEqual({
      name: 'lib',
      dependencies: {
        '@acme/pricing-client': '^0.1.0',
        '@faultline/runtime': '^0.0.9',
        '@openfeature/server-sdk': '^1.20.0',
        zod: '^3.0.0',
      },
    });
    expect(after).toMatch(/^ {4}"name"/m);
    expect(after.endsWith('}\n')).toBe(true);
    expect(shimPackageJson(after, shimOf(['a']))).toBe(after);
  });

  it('names the file when it is not JSON', () => {
    expect(() => shimPackageJson('{ "name": ', shimOf(['a']))).toThrow(/lib\/package.json: not valid JSON/);
  });
});
