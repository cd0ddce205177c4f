// The two readers of the client catalog agree: the ESTree reader the lint rules use
// (rules/util/file-model.ts + deadline-facts.ts) and the TypeScript reader `faultline analyze`
// uses (packages/core/src/analyze/remote-calls.ts) turn the same fixtures into facts that the
// catalog's one decision (`decideDeadline`) judges the same way, call by call.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

import { decideDeadline, type Verdict } from '@faultline/catalog';
import tsParser from '@typescript-eslint/parser';
import type { TSESLint } from '@typescript-eslint/utils';
import { Linter } from 'eslint';
import { ts } from 'ts-morph';
import { describe, expect, it } from 'vitest';

import { RemoteCalls } from '../../packages/core/src/analyze/remote-calls.js';
import { walk } from '../../packages/core/src/analyze/ts-util.js';
import { deadlineReader } from '../../rules/util/deadline-facts.js';
import { fileModel, mergeListeners } from '../../rules/util/file-model.js';
import { memoryContext } from '../core/analyze-helpers.js';

const FIXTURES = path.join(import.meta.dirname, '../fixtures/parity');

/** A verdict as the parity check compares it: the status, and the key a "none" names. */
function show(verdict: Verdict): string {
  if (verdict.status === 'none' || verdict.status === 'doesNotAbort' || verdict.status === 'ignored')
    return `${verdict.status} ${verdict.key}`;
  if (verdict.status === 'missing' && verdict.detail) return `missing ${verdict.detail}`;
  return verdict.status;
}

/** line:column of each remote call → its verdict, through the rules' ESTree reader. */
function estreeVerdicts(code: string): Map<string, string> {
  const verdicts = new Map<string, string>();
  const probe: TSESLint.RuleModule<'x'> = {
    meta: { type: 'problem', messages: { x: 'x' }, schema: [] },
    defaultOptions: [],
    create(context) {
      const { model, collectors } = fileModel(context);
      return mergeListeners(collectors, {
        'Program:exit'(): void {
          const reader = deadlineReader(model);
          for (const call of model.calls) {
            const classified = model.classify(call);
            if (!classified) continue;
            const facts = reader.callFacts(classified);
            if (!facts) continue;
            const { line, column } = call.loc.start;
            verdicts.set(`${line}:${column + 1}`, show(decideDeadline(facts)));
          }
        },
      });
    },
  };
  const linter = new Linter({ configType: 'flat' });
  const messages = linter.verify(
    code,
    [
      {
        files: ['**/*.ts'],
        languageOptions: { parser: tsParser, sourceType: 'module' },
        plugins: { parity: { rules: { probe: probe as never } } },
        rules: { 'parity/probe': 'error' },
      },
    ],
    'fixture.ts',
  );
  expect(messages.filter(message => message.fatal)).toEqual([]);
  return verdicts;
}

/** line:column of each remote call → its verdict, through core's TypeScript reader. */
function typescriptVerdicts(code: string): Map<string, string> {
  const { ctx, file } = memoryContext({ 'fixture.ts': code });
  const remote = new RemoteCalls(ctx);
  const sourceFile = file('fixture.ts');
  const verdicts = new Map<string, string>();
  walk(sourceFile, node => {
    if (ts.isCallExpression(node) || ts.isNewExpression(node)) {
      const facts = remote.callFacts(node);
      if (facts) {
        const { line, character } = sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile));
        verdicts.set(`${line + 1}:${character + 1}`, show(decideDeadline(facts)));
      }
    }
    return true;
  });
  return verdicts;
}

const fixtures = readdirSync(FIXTURES)
  .filter(name => name.endsWith('.ts'))
  .sort();

describe.each(fixtures)('%s', name => {
  const code = readFileSync(path.join(FIXTURES, name), 'utf8');

  it('gives the same verdict for every remote call through both readers', () => {
    const estree = estreeVerdicts(code);
    const typescript = typescriptVerdicts(code);
    expect(Object.fromEntries(typescript)).toEqual(Object.fromEntries(estree));
  });
});
