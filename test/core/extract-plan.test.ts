// The plan stage of `extract`, as data, before any template runs: the plan for examples/ is
// snapshot-tested, and each refusal (blocked exports, ambiguous unions, bad names) and each
// decision (idempotency, error mapping, move mode's files) is checked on its own.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { beforeAll, describe, expect, it } from 'vitest';

import { analyzeLibrary } from '../../packages/core/src/analyze/analyze-library.js';
import type { AnalysisReport, ExportAnalysis } from '../../packages/core/src/analyze/model.js';
import { UsageError, InputError } from '../../packages/core/src/errors.js';
import { BlockedExportError, planExtraction } from '../../packages/core/src/plan/extraction-plan.js';
import { validateServiceName } from '../../packages/core/src/plan/names.js';
import { loadTemplates, renderPlan } from '../../packages/core/src/render/render.js';
import { GREET_SIGNATURE, planNewService } from '../../packages/core/src/plan/new-service-plan.js';
import { ROOT } from '../helpers/engines.js';

let report: AnalysisReport;

beforeAll(() => {
  report = analyzeLibrary({
    library: 'examples/packages/shared',
    exports: ['computeQuote', 'taxFor', 'summarizeOrders', 'convert', 'buildSalesReport'],
    wire: true,
    cwd: ROOT,
    root: ROOT,
  });
}, 60_000);

function only(...names: string[]): AnalysisReport {
  return { ...report, exports: report.exports.filter(entry => names.includes(entry.name)) };
}

const base = {
  service: 'pricing',
  mode: 'wrap' as const,
  runtimeVersion: '^0.1.0',
  workspaceRoot: 'examples',
};

describe('planExtraction', () => {
  it('plans the example extraction (snapshot of the whole plan as data)', async () => {
    const plan = planExtraction(only('computeQuote', 'taxFor', 'summarizeOrders', 'convert'), base);
    await expect(`${JSON.stringify(plan, null, 2)}\n`).toMatchFileSnapshot('__snapshots__/extract/plan.json');
  });

  it('refuses a blocked export with the analysis reasons, naming the fix (exit 2)', () => {
    let error: unknown;
    try {
      planExtraction(only('computeQuote', 'buildSalesReport'), base);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(BlockedExportError);
    const blocked = error as BlockedExportError;
    expect(blocked.exitCode).toBe(2);
    expect(blocked.leftOut.map(entry => entry.name)).toEqual(['buildSalesReport']);
    expect(blocked.message).toContain('FL101 args[1] is a function');
    expect(blocked.message).toContain('examples/packages/shared/src/reports.ts:14');
    expect(blocked.message).toContain('--allow-blocked');
  });

  it('generates the rest and lists what was left out with allowBlocked', () => {
    const plan = planExtraction(only('computeQuote', 'buildSalesReport'), { ...base, allowBlocked: true });
    expect(plan.operations.map(operation => operation.name)).toEqual(['computeQuote']);
    expect(plan.leftOut).toEqual([{ name: 'buildSalesReport', reasons: [expect.stringContaining('FL101')] }]);
  });

  it('treats pure exports as idempotent and exports with state or I/O as not, unless the team says so', () => {
    const plan = planExtraction(only('computeQuote', 'convert'), base);
    expect(plan.operations.map(operation => [operation.name, operation.idempotent])).toEqual([
      ['computeQuote', true],
      ['convert', false],
    ]);
    expect(plan.operations[1]?.idempotentBecause).toMatch(/FL301.*--idempotent/);
    const marked = planExtraction(only('convert'), { ...base, idempotent: ['convert'] });
    expect(marked.operations[0]?.idempotent).toBe(true);
    expect(() => planExtraction(only('convert'), { ...base, idempotent: ['nope'] })).toThrow(InputError);
  });

  it('maps the error classes the closure throws, importing them from the library', () => {
    const plan = planExtraction(only('computeQuote'), base);
    expect(plan.errorClasses).toEqual([
      {
        name: 'PricingError',
        fields: [{ name: 'sku', type: { kind: 'string' } }],
        importFrom: { specifier: '@acme/shared', name: 'PricingError' },
        status: 422,
      },
    ]);
    expect(plan.operations[0]?.errors).toEqual(['PricingError']);
  });

  it('depends on the library by its version in wrap mode', () => {
    const plan = planExtraction(only('taxFor'), base);
    expect(plan.packages.service.dependencies).toEqual({
      '@acme/shared': '^3.4.1',
      '@faultline/runtime': '^0.1.0',
      ajv: expect.any(String),
      fastify: expect.any(String),
    });
    expect(plan.service.dir).toBe('examples/services/pricing');
    expect(plan.service.packageName).toBe('@acme/pricing-service');
  });

  it('copies the closure files under src/lib and re-exports the operations from them in move mode', () => {
    const sources = Object.fromEntries(
      only('computeQuote')
        .exports.flatMap(entry => entry.moduleFiles ?? [])
        .map(file => [file.file, `// ${file.file}\n`]),
    );
    const plan = planExtraction(only('computeQuote'), { ...base, mode: 'move', sources });
    expect(plan.moves.map(move => [move.from, move.to])).toEqual([
      ['examples/packages/shared/src/errors.ts', 'examples/services/pricing/src/lib/errors.ts'],
      ['examples/packages/shared/src/pricing.ts', 'examples/services/pricing/src/lib/pricing.ts'],
      ['examples/packages/shared/src/tax.ts', 'examples/services/pricing/src/lib/tax.ts'],
    ]);
    expect(plan.implementationExports).toEqual([
      { name: 'computeQuote', from: './lib/pricing.js' },
      { name: 'PricingError', from: './lib/errors.js' },
    ]);
    expect(plan.packages.service.dependencies).not.toHaveProperty('@acme/shared');
  });

  it('refuses a union whose members cannot be told apart once encoded', () => {
    const source = only('taxFor').exports[0] as ExportAnalysis;
    const ambiguous: ExportAnalysis = {
      ...source,
      name: 'when',
      wire: {
        ...(source.wire as NonNullable<ExportAnalysis['wire']>),
        parameters: [
          {
            name: 'at',
            type: { kind: 'union', members: [{ kind: 'date' }, { kind: 'string' }] },
            optional: false,
            rest: false,
            signal: false,
          },
        ],
      },
    };
    expect(() => planExtraction({ ...report, exports: [ambiguous] }, base)).toThrow(
      /args\[0\] \(at\): a union of date and string cannot be told apart once encoded as strings/,
    );
  });
});

describe('validateServiceName', () => {
  it.each(['Pricing', 'pricing_v2', '-pricing', 'pricing-', 'pri--cing', '../pricing', 'a'.repeat(51), ''])(
    'refuses %j with the rule to follow',
    name => {
      expect(() => validateServiceName(name)).toThrow(UsageError);
      expect(() => validateServiceName(name)).toThrow(
        /lowercase letters, digits and single hyphens|longer than 50|empty/,
      );
    },
  );

  it.each(['pricing', 'order-pricing', 'v2-rates'])('accepts %j', name => {
    expect(() => validateServiceName(name)).not.toThrow();
  });
});

describe('planNewService', () => {
  it('plans one example operation whose implementation the service owns', () => {
    const plan = planNewService({ service: 'orders', runtimeVersion: '^0.1.0' });
    expect(plan.command).toBe('new');
    expect(plan.operations.map(operation => operation.route)).toEqual(['/rpc/greet']);
    expect(plan.files.map(file => file.path)).toContain('services/orders/src/handlers.ts');
    expect(plan.files.map(file => file.path)).not.toContain('services/orders/src/implementation.ts');
    expect(plan.implementation.specifier).toBe('./handlers.js');
  });

  it('describes the example handler exactly as the analysis reads the rendered handler', () => {
    const plan = planNewService({ service: 'orders', runtimeVersion: '^0.1.0' });
    const handler = renderPlan(
      { ...plan, files: plan.files.filter(file => file.template === 'new-service/src/handlers.ts.hbs') },
      loadTemplates(),
    )[0]?.content as string;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'faultline-handlers-'));
    try {
      fs.mkdirSync(path.join(dir, 'src'));
      fs.writeFileSync(path.join(dir, 'src/index.ts'), handler);
      fs.writeFileSync(
        path.join(dir, 'package.json'),
        JSON.stringify({ name: 'handlers', exports: './src/index.ts' }),
      );
      fs.writeFileSync(
        path.join(dir, 'tsconfig.json'),
        JSON.stringify({
          compilerOptions: { strict: true, target: 'ES2022', module: 'NodeNext', lib: ['ES2022'], types: [] },
        }),
      );
      const analysis = analyzeLibrary({ library: '.', exports: ['greet'], wire: true, cwd: dir, root: dir });
      const wire = analysis.exports[0]?.wire;
      const withoutLocations = (signature: typeof wire): unknown => ({
        ...signature,
        errors: signature?.errors.map(error => ({ ...error, location: undefined })),
      });
      expect(withoutLocations(wire)).toEqual(withoutLocations(GREET_SIGNATURE));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
