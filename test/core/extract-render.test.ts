// The render stage: templates from templates/ (overridable file by file), strict Handlebars, and
// the guard that keeps values from user code out of generated code unless a helper escaped them.
// A hostile plan (names, strings and comments written to break out) renders to TypeScript whose
// syntax tree holds no injected statement.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { ts } from 'ts-morph';
import { afterEach, describe, expect, it } from 'vitest';

import type { ExtractionPlan } from '../../packages/core/src/plan/extraction-plan.js';
import { planNewService } from '../../packages/core/src/plan/new-service-plan.js';
import {
  loadTemplates,
  printType,
  renderPlan,
  TemplateError,
} from '../../packages/core/src/render/render.js';

const PAYLOAD = '*/ process.exit(1); /* \' " ` ${process.exit(2)} </script> \u2028';

function hostilePlan(): ExtractionPlan {
  const plan = planNewService({ service: 'hostile', runtimeVersion: '^0.1.0' });
  const operation = plan.operations[0] as ExtractionPlan['operations'][number];
  operation.description = `Greets. ${PAYLOAD}\n@example ${PAYLOAD}`;
  plan.definitions = plan.definitions.map(definition => ({ ...definition, doc: PAYLOAD }));
  const request = plan.definitionTable.GreetRequest as {
    kind: 'object';
    properties: { name: string; type: unknown; optional: boolean }[];
  };
  request.properties.push({
    name: `x"]: 1; process.exit(3); ["`,
    type: { kind: 'literal', value: PAYLOAD },
    optional: true,
  });
  plan.definitions = plan.definitions.map(definition =>
    definition.name === 'GreetRequest'
      ? { ...definition, type: plan.definitionTable.GreetRequest as never }
      : definition,
  );
  plan.service.description = PAYLOAD;
  plan.service.readmeIntro = `[click](javascript:alert(1)) <img src=x onerror=alert(1)> ${PAYLOAD}`;
  return plan;
}

/** Calls anywhere in a TypeScript text, as `callee` texts. */
function calls(text: string): string[] {
  const file = ts.createSourceFile('x.ts', text, ts.ScriptTarget.ES2022, true);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node)) found.push(node.expression.getText(file));
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

const temporary: string[] = [];
afterEach(() => {
  for (const dir of temporary.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function overrideDir(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'faultline-templates-'));
  temporary.push(dir);
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

describe('renderPlan', () => {
  it('renders hostile names, strings and comments without letting them into the code', () => {
    const files = renderPlan(hostilePlan(), loadTemplates());
    const plain = renderPlan(
      planNewService({ service: 'hostile', runtimeVersion: '^0.1.0' }),
      loadTemplates(),
    );
    for (const file of files.filter(entry => entry.path.endsWith('.ts'))) {
      const parsed = ts.createSourceFile(file.path, file.content, ts.ScriptTarget.ES2022, true);
      const syntax = (parsed as unknown as { parseDiagnostics: ts.Diagnostic[] }).parseDiagnostics;
      expect(
        syntax.map(diagnostic => diagnostic.messageText),
        file.path,
      ).toEqual([]);
      // The hostile plan adds no call to any file: the payload stays inside strings and comments.
      const same = plain.find(entry => entry.path === file.path)?.content ?? '';
      expect(
        calls(file.content).filter(callee => callee.includes('process')),
        file.path,
      ).toEqual(calls(same).filter(callee => callee.includes('process')));
    }
    const types = files.find(file => file.path.endsWith('client/src/types.generated.ts'))?.content ?? '';
    expect(types).toContain('"x\\"]: 1; process.exit(3); [\\""?:');
    const readme = files.find(file => file.path.endsWith('services/hostile/README.md'))?.content ?? '';
    expect(readme).toContain('\\<img src=x onerror=alert(1)\\>');
    expect(readme).toContain('\\[click\\](javascript:alert(1))');
    const manifest = files.find(file => file.path.endsWith('services/hostile/package.json'))?.content ?? '';
    expect(JSON.parse(manifest)).toMatchObject({ description: PAYLOAD });
  });

  it('refuses a template that inserts a value from user code without escaping it, naming the template', () => {
    const dir = overrideDir({ 'service/README.md.hbs': '# {{service.description}}\n' });
    const plan = hostilePlan();
    expect(() => renderPlan(plan, loadTemplates(dir))).toThrow(TemplateError);
    expect(() => renderPlan(plan, loadTemplates(dir))).toThrow(
      `${path.join(dir, 'service/README.md.hbs')}: inserts \``,
    );
    expect(() => renderPlan(plan, loadTemplates(dir))).toThrow('without escaping it; use {{ts …}}');
  });

  it('overrides templates file by file', () => {
    const dir = overrideDir({ 'service/README.md.hbs': '# {{service.packageName}} (ours)\n' });
    const files = renderPlan(
      planNewService({ service: 'orders', runtimeVersion: '^0.1.0' }),
      loadTemplates(dir),
    );
    expect(files.find(file => file.path === 'services/orders/README.md')?.content).toBe(
      '# orders-service (ours)\n',
    );
    expect(files.find(file => file.path === 'services/orders/src/server.ts')?.content).toContain(
      'export async function buildServer',
    );
  });

  it('says which template and which line is broken', () => {
    const dir = overrideDir({ 'service/README.md.hbs': '# title\n\n{{#each operations}}\n{{name}\n' });
    expect(() =>
      renderPlan(planNewService({ service: 'orders', runtimeVersion: '^0.1.0' }), loadTemplates(dir)),
    ).toThrow(new RegExp(`README\\.md\\.hbs:4: Parse error`));
  });

  it('fails on a missing field instead of writing an empty string (strict mode)', () => {
    const dir = overrideDir({ 'service/README.md.hbs': '# {{service.nickname}}\n' });
    expect(() =>
      renderPlan(planNewService({ service: 'orders', runtimeVersion: '^0.1.0' }), loadTemplates(dir)),
    ).toThrow(/README\.md\.hbs:1:5: "nickname" not defined$/);
  });

  it('refuses an override that replaces no template', () => {
    const dir = overrideDir({ 'service/READNE.md.hbs': '# typo\n' });
    expect(() => loadTemplates(dir)).toThrow(
      /READNE\.md\.hbs: replaces no template of faultline .*service\/README\.md\.hbs/,
    );
  });

  it('refuses a --templates path that is not a folder', () => {
    expect(() => loadTemplates(path.join(os.tmpdir(), 'faultline-no-such-folder'))).toThrow(
      /is not a folder/,
    );
  });
});

describe('printType', () => {
  it('prints wire types as TypeScript, quoting keys and literals that are not identifiers', () => {
    expect(
      printType({
        kind: 'object',
        properties: [
          { name: 'when', type: { kind: 'date' }, optional: false },
          { name: 'a-b', type: { kind: 'literal', value: 'x"y' }, optional: true },
          {
            name: 'totals',
            type: { kind: 'map', key: { kind: 'string' }, value: { kind: 'bigint' } },
            optional: false,
          },
          {
            name: 'pair',
            type: { kind: 'tuple', items: [{ kind: 'number' }, { kind: 'string' }], required: 1 },
            optional: false,
          },
        ],
      }),
    ).toBe('{ when: Date; "a-b"?: "x\\"y"; totals: Map<string, bigint>; pair: [number, string?]; }');
  });
});
