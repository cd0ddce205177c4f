// The call-site codemod (issue 10): every rewrite with its exact output, every case it must leave
// alone with its exact report, idempotence, real tsc on the rewritten consumers against a library
// whose exports are async, and the examples monorepo's own call sites.
import fs from 'node:fs';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { type CodemodPlan, planAsyncCodemod } from '../../packages/core/src/index.js';
import { addDependency } from '../../packages/core/src/codemod/plan-async-codemod.js';
import { copyExamples, runBin } from '../e2e/helpers.js';
import { ROOT } from '../helpers/engines.js';

const REWRITES = path.join(ROOT, 'test/fixtures/codemod-rewrites');
const UNSAFE = path.join(ROOT, 'test/fixtures/codemod-unsafe');
const LIB = { name: '@fx/lib', dir: 'packages/lib' };
const EXPORTS = ['quote', 'tax', 'label'];

function after(plan: CodemodPlan, file: string): string | undefined {
  return plan.edits.find(edit => edit.path === file)?.after;
}

/** A copy of a fixture under the repository's .e2e/ (tsc and Node resolve @faultline/runtime from here). */
function copyFixture(source: string, prefix: string): string {
  const base = path.join(ROOT, '.e2e');
  fs.mkdirSync(base, { recursive: true });
  const dir = fs.mkdtempSync(path.join(base, `${prefix}-`));
  fs.cpSync(source, dir, { recursive: true });
  return dir;
}

function apply(root: string, plan: CodemodPlan): void {
  for (const edit of plan.edits) fs.writeFileSync(path.join(root, edit.path), edit.after);
}

/** What the shim makes of the library: the same exports, now async. */
const ASYNC_LIBRARY = `export interface Quote {
  total: number;
}

export async function quote(amount: number): Promise<Quote> {
  return { total: amount * 2 };
}

export async function tax(amount: number): Promise<number> {
  return amount / 10;
}

export async function label(id: number): Promise<string> {
  return \`#\${id}\`;
}
`;

describe('planAsyncCodemod: rewrites', () => {
  let plan: CodemodPlan;
  beforeAll(() => {
    plan = planAsyncCodemod({ root: REWRITES, library: LIB, exports: EXPORTS });
  }, 60_000);

  it('awaits a named import in a sync function, makes it async and wraps its return type', () => {
    expect(after(plan, 'apps/app/src/await-call.ts')).toBe(`import { quote, tax } from '@fx/lib';

// A sync function with a return type: async, Promise<T>, and (await …) where precedence needs it.
export async function total(amount: number): Promise<number> {
  return (await quote(amount)).total + await tax(amount);
}
`);
  });

  it('follows a renamed import into an arrow function', () => {
    expect(after(plan, 'apps/app/src/renamed.ts')).toBe(`import { quote as priceOf } from '@fx/lib';

export const twice = async (amount: number) => (await priceOf(amount)).total * 2;
`);
  });

  it('follows a namespace import (ns.f())', () => {
    expect(after(plan, 'apps/app/src/namespace.ts')).toBe(`import * as lib from '@fx/lib';

export async function describe(id: number) {
  const text = await lib.label(id);
  return text.toUpperCase();
}
`);
  });

  it("follows a consumer module's re-export of the library's name to its callers", () => {
    expect(after(plan, 'apps/app/src/reexport.ts')).toBeUndefined();
    expect(after(plan, 'apps/app/src/uses-reexport.ts')).toBe(`import { costOf } from './reexport.js';

export async function cost(amount: number): Promise<number> {
  return (await costOf(amount)).total;
}
`);
  });

  it('makes callers async transitively: across files, class methods, object methods, a for…of loop', () => {
    expect(after(plan, 'apps/app/src/transitive.ts')).toBe(`import { total } from './await-call.js';

export class Checkout {
  private readonly fee = 1;

  async sum(items: number[]): Promise<number> {
    let sum = this.fee;
    for (const item of items) sum += await total(item);
    return sum;
  }
}

export const api = {
  async run(amount: number): Promise<number> {
    return await new Checkout().sum([amount]);
  },
};

export async function main(): Promise<void> {
  const result = await api.run(1);
  if (result < 0) throw new Error('negative');
}
`);
  });

  it('gathers map callbacks: mapConcurrent with a bound, Promise.all over a short literal, a function mapped by name, Promise.all and then left as they are', () => {
    expect(after(plan, 'apps/app/src/map.ts')).toBe(`import { tax } from '@fx/lib';
import { mapConcurrent } from '@faultline/runtime';

export async function taxes(amounts: number[]): Promise<number[]> {
  return await mapConcurrent(amounts, 8, async amount => await tax(amount));
}

export async function fewTaxes(): Promise<number[]> {
  return await Promise.all([1, 2, 3].map(async amount => await tax(amount)));
}

export async function byName(amounts: number[]): Promise<number[]> {
  return (await mapConcurrent(amounts, 8, tax)).filter(value => value > 0);
}

export function gathered(amounts: number[]): Promise<number[]> {
  return Promise.all(amounts.map(async amount => await tax(amount)));
}

export function then(amount: number): Promise<number> {
  return Promise.resolve(amount).then(async value => await tax(value));
}
`);
  });

  it('uses top-level await in an ES module compiled with module nodenext, also around an IIFE', () => {
    expect(after(plan, 'apps/app/src/top-level.ts')).toBe(`import { label, quote } from '@fx/lib';

// An ES module compiled with module nodenext: top-level await is legal.
const LABEL = await label(1);
export const boot = await (async () => (await quote(1)).total)();

export function heading(): string {
  return LABEL;
}
`);
  });

  it('makes a test-runner callback async in a test file (the runner awaits it)', () => {
    expect(after(plan, 'apps/app/src/__tests__/quote.ts')).toBe(`import { quote } from '@fx/lib';

declare function it(name: string, run: () => unknown): void;

// Test runners wait for the promise their callback returns: the callback becomes async.
it('doubles', async () => {
  if ((await quote(2)).total !== 4) throw new Error('wrong');
});
`);
  });

  it('guards a statement that now starts with ( in code without semicolons', () => {
    expect(after(plan, 'apps/app/src/no-semicolons.ts')).toBe(`import { quote } from '@fx/lib'

// No semicolons: a statement that now starts with \`(\` gets a leading \`;\`.
export async function check(amounts: number[]) {
  const first = amounts[0] ?? 0
  ;(await quote(first)).total.toFixed()
}
`);
  });

  it('keeps CRLF line endings byte for byte', () => {
    expect(after(plan, 'apps/app/src/crlf.ts')).toBe(
      "import { tax } from '@fx/lib';\r\n\r\nexport async function withCrlf(amount: number): Promise<number> {\r\n  return await tax(amount);\r\n}\r\n",
    );
  });

  it("adds @faultline/runtime to the consumer's dependencies, in sorted position, where it imports mapConcurrent", () => {
    expect(after(plan, 'apps/app/package.json')).toBe(`{
  "name": "@fx/app",
  "version": "1.0.0",
  "private": true,
  "type": "module",
  "dependencies": {
    "@faultline/runtime": "^0.1.0",
    "@fx/lib": "*"
  }
}
`);
  });

  it('plans every edit from the disk content and reports nothing unsafe', () => {
    for (const edit of plan.edits)
      expect(edit.before).toBe(fs.readFileSync(path.join(REWRITES, edit.path), 'utf8'));
    expect(plan.unsafe).toEqual([]);
    expect(plan.stats).toEqual({
      packages: 1,
      files: 11,
      callSites: 18,
      functions: 18,
      gathered: 3,
      editedFiles: 11,
    });
  });
});

describe('planAsyncCodemod: the rewritten consumers', () => {
  let dir: string;
  beforeAll(() => {
    dir = copyFixture(REWRITES, 'codemod-tsc');
  });
  afterAll(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('type-check with real tsc once the library is async (and do not before the rewrite)', async () => {
    fs.writeFileSync(path.join(dir, 'packages/lib/src/index.ts'), ASYNC_LIBRARY);
    const before = await runBin('tsc', ['-p', 'apps/app'], dir);
    expect(before.code).toBe(2);
    expect(before.stdout).toContain("Property 'total' does not exist on type 'Promise<Quote>'");
    apply(dir, planAsyncCodemod({ root: dir, library: LIB, exports: EXPORTS }));
    const rewritten = await runBin('tsc', ['-p', 'apps/app'], dir);
    expect(rewritten.stdout + rewritten.stderr).toBe('');
    expect(rewritten.code).toBe(0);
  }, 120_000);

  it('change nothing on a second run', () => {
    const again = planAsyncCodemod({ root: dir, library: LIB, exports: EXPORTS });
    expect(again.edits).toEqual([]);
    expect(again.unsafe).toEqual([]);
  }, 60_000);
});

describe('planAsyncCodemod: what it leaves to a person', () => {
  let plan: CodemodPlan;
  beforeAll(() => {
    plan = planAsyncCodemod({ root: UNSAFE, library: LIB, exports: EXPORTS });
  }, 60_000);

  it('changes no file', () => {
    expect(plan.edits).toEqual([]);
  });

  it('reports each case with file:line:column, why, and the line', () => {
    expect(plan.unsafe.map(site => `${site.path}:${site.line}:${site.column} ${site.reason}`)).toEqual([
      'apps/app/src/callbacks.ts:6:33 in a callback given to sort(…): a sort comparator must return a number synchronously',
      'apps/app/src/callbacks.ts:6:42 in a callback given to sort(…): a sort comparator must return a number synchronously',
      'apps/app/src/callbacks.ts:11:5 in a callback given to forEach(…): forEach does not wait for the promises its callback returns: rewrite it as a for…of loop with await',
      'apps/app/src/callbacks.ts:16:35 in a callback given to filter(…): filter reads its callback result synchronously (a promise is always truthy)',
      'apps/app/src/callbacks.ts:20:52 in a callback given to reduce(…): reduce hands each result to the next call synchronously: rewrite it as a for…of loop with await',
      'apps/app/src/callbacks.ts:24:43 in a callback given to on(…): an event listener: its return value is ignored, so a rejection would go unhandled',
      'apps/app/src/callbacks.ts:28:20 in a callback given to setTimeout(…): a timer callback: its return value is ignored, so a rejection would go unhandled',
      'apps/app/src/callbacks.ts:34:22 the callback given to retry(…) would return a promise: check that retry waits for it, then rewrite by hand',
      'apps/app/src/callbacks.ts:38:41 the callback given to new Promise(…) cannot become async: an async Promise executor loses its rejections',
      'apps/app/src/contracts.ts:6:10 overloaded is overloaded: change its signatures to return promises by hand',
      'apps/app/src/contracts.ts:15:12 TaxPricer.price implements Pricer.price, which returns synchronously: change that contract by hand',
      'apps/app/src/contracts.ts:19:60 typed must match the type it is assigned to ((amount: number) => number), which returns synchronously: change that contract by hand',
      'apps/app/src/contracts.ts:22:10 isTaxed is a type guard or assertion, which cannot be async',
      'apps/app/src/contracts.ts:25:24 tax is used as a value here (passed or stored), so what calls it cannot be followed: it now returns a promise',
      'apps/app/src/contracts.ts:28:10 helper is used as a value at apps/app/src/contracts.ts:31 (passed or stored), so its callers cannot be followed: make it async by hand',
      'apps/app/src/contracts.ts:39:10 Upper._transform is a member of a class that extends Transform, which the codemod cannot see (a package it does not load): if _transform is not part of that contract, make it async by hand',
      'apps/app/src/contracts.ts:43:39 handler must match the type it is assigned to, whose type the codemod does not know (any, or from a package it does not load): check that it accepts a promise, then change it by hand',
      'apps/app/src/contracts.ts:47:42 in a callback given to map(…): the type of amounts is not known to the codemod (any, or from a package it does not load): if it is an array, gather with await mapConcurrent(…) by hand',
      'apps/app/src/members.ts:4:10 a class field initializer cannot await: initialise the field in an async method or factory',
      'apps/app/src/members.ts:7:28 a constructor cannot be async: move the call into an async factory or method',
      'apps/app/src/members.ts:11:12 a getter cannot be async: turn Invoice.total into an async method',
      'apps/app/src/members.ts:15:27 a setter cannot be async: turn Invoice.total into an async method',
      'apps/app/src/members.ts:19:5 a class static block cannot await: move the call into an async function',
      'apps/app/src/members.ts:23:38 a parameter default value cannot await: compute it in the body',
      'apps/app/src/members.ts:28:39 taxes is a generator: make it an async generator (`async function*`) and iterate it with `for await`',
      'apps/legacy/src/config.ts:4:21 top-level code of a CommonJS module cannot await: move it into an async function (or make the module ESM)',
      'packages/mid/src/index.ts:5:19 net is exported from @fx/mid, which @fx/web depends on but the codemod does not rewrite: add it to the consumers, or change it by hand',
    ]);
    expect(plan.unsafe[0]?.code).toBe('return amounts.sort((a, b) => tax(a) - tax(b));');
  });

  it('rewrites the exported function once the package that depends on it is a consumer too', () => {
    const widened = planAsyncCodemod({
      root: UNSAFE,
      library: LIB,
      exports: ['tax'],
      consumers: ['packages/mid', 'apps/web'],
    });
    expect(widened.unsafe).toEqual([]);
    expect(widened.edits.map(edit => edit.path)).toEqual([
      'apps/web/src/page.ts',
      'packages/mid/src/index.ts',
    ]);
    expect(after(widened, 'apps/web/src/page.ts')).toBe(`import { net } from '@fx/mid';

export const shown = await net(10);
`);
  });
});

describe('planAsyncCodemod: the examples monorepo', () => {
  let repo: string;
  let plan: CodemodPlan;
  beforeAll(async () => {
    repo = await copyExamples('codemod-examples');
    plan = planAsyncCodemod({
      root: repo,
      library: { name: '@acme/shared', dir: 'examples/packages/shared' },
      exports: ['computeQuote', 'taxFor', 'summarizeOrders'],
    });
  }, 60_000);
  afterAll(() => {
    if (repo) fs.rmSync(repo, { recursive: true, force: true });
  });

  it("awaits computeQuote in the checkout's sync function and gathers taxFor's map", () => {
    expect(after(plan, 'examples/apps/checkout/src/cart.ts')).toBe(
      fs
        .readFileSync(path.join(ROOT, 'examples/apps/checkout/src/cart.ts'), 'utf8')
        .replace(
          "type Region } from '@acme/shared';\n",
          "type Region } from '@acme/shared';\nimport { mapConcurrent } from '@faultline/runtime';\n",
        )
        .replace('const quote = computeQuote(order);', 'const quote = await computeQuote(order);')
        .replace(
          'const perLineTax = order.lines.map(line => taxFor(order.region, line.quantity * line.unitPriceMinor));',
          'const perLineTax = await mapConcurrent(order.lines, 8, async line => await taxFor(order.region, line.quantity * line.unitPriceMinor));',
        )
        .replace(
          'export function quoteEverywhere(order: Order, regions: Region[]): Quote[] {',
          'export async function quoteEverywhere(order: Order, regions: Region[]): Promise<Quote[]> {',
        )
        .replace(
          'quotes.push(computeQuote({ ...order, region }));',
          'quotes.push(await computeQuote({ ...order, region }));',
        ),
    );
  });

  it("gathers the nightly job's map over computeQuote", () => {
    expect(after(plan, 'examples/apps/backoffice/src/jobs/nightly.ts')).toContain(
      'const totals = await mapConcurrent(orders, 8, async order => (await computeQuote(order)).totalMinor);',
    );
    expect(plan.edits.map(edit => edit.path)).toEqual([
      'examples/apps/backoffice/src/jobs/nightly.ts',
      'examples/apps/checkout/src/cart.ts',
      // The checkout's own test calls quoteEverywhere, which became async.
      'examples/apps/checkout/test/cart.test.ts',
      'examples/apps/backoffice/package.json',
      'examples/apps/checkout/package.json',
    ]);
    expect(plan.unsafe).toEqual([]);
  });

  it('changes nothing on a second run', () => {
    apply(repo, plan);
    const again = planAsyncCodemod({
      root: repo,
      library: { name: '@acme/shared', dir: 'examples/packages/shared' },
      exports: ['computeQuote', 'taxFor', 'summarizeOrders'],
    });
    expect(again.edits).toEqual([]);
  }, 60_000);
});

describe('addDependency', () => {
  it('adds a dependencies block when there is none, in the file’s indentation', () => {
    expect(addDependency('{\n    "name": "x"\n}\n', '@faultline/runtime', '^0.1.0')).toBe(
      '{\n    "name": "x",\n    "dependencies": {\n        "@faultline/runtime": "^0.1.0"\n    }\n}\n',
    );
  });

  it('inserts in sorted position and keeps CRLF', () => {
    expect(
      addDependency(
        '{\r\n  "dependencies": {\r\n    "@acme/a": "1",\r\n    "zod": "3"\r\n  }\r\n}\r\n',
        '@faultline/runtime',
        '^0.1.0',
      ),
    ).toBe(
      '{\r\n  "dependencies": {\r\n    "@acme/a": "1",\r\n    "@faultline/runtime": "^0.1.0",\r\n    "zod": "3"\r\n  }\r\n}\r\n',
    );
  });

  it('changes nothing when the package already depends on it', () => {
    const text = '{ "devDependencies": { "@faultline/runtime": "*" } }';
    expect(addDependency(text, '@faultline/runtime', '^0.1.0')).toBe(text);
  });
});
