// The shared rule wrapper: every faultline rule skips test files unless `checkTests` is on, reads
// one file model shared with the other rules, and sees the model's facts (its collectors run
// before the rule's own handlers).
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';

import plugin from '../../rules/index.js';

import { createModelRule } from '../../rules/create-rule.js';
import type { FileModel } from '../../rules/util/file-model.js';
import { CHECK_TESTS_ONLY_SCHEMA } from '../../rules/util/test-files.js';

const seen: { rule: string; model: FileModel; loops: number; calls: number }[] = [];

function probe(name: string, needs: readonly ('loops' | 'sql')[]) {
  return createModelRule<[{ checkTests?: boolean }], 'found'>({
    name,
    meta: {
      type: 'problem',
      docs: { description: 'Require nothing; a probe' },
      messages: { found: 'found' },
      schema: CHECK_TESTS_ONLY_SCHEMA,
      defaultOptions: [{ checkTests: false }],
    },
    needs,
    create(context, _options, { model, settings }) {
      expect(settings).toBe(model.settings);
      return {
        // By the time this handler runs the collectors have recorded the call it is given.
        CallExpression(node): void {
          expect(model.calls).toContain(node);
        },
        'Program:exit'(node): void {
          seen.push({ rule: name, model, loops: model.loops.length, calls: model.calls.length });
          context.report({ node, messageId: 'found' });
        },
      };
    },
  });
}

function lint(filename: string, checkTests: boolean): string[] {
  seen.length = 0;
  const linter = new Linter({ configType: 'flat' });
  return linter
    .verify(
      'for (let i = 0; i < 3; i++) fetch(url);',
      [
        {
          files: ['**/*.ts'],
          languageOptions: { parser: tsParser },
          plugins: {
            probe: {
              rules: { plain: probe('plain', []) as never, loops: probe('loops', ['loops']) as never },
            },
          },
          rules: { 'probe/plain': ['error', { checkTests }], 'probe/loops': ['error', { checkTests }] },
        },
      ],
      filename,
    )
    .map(message => message.ruleId ?? 'fatal');
}

describe('createModelRule', () => {
  it('gives every rule one shared model, filled with the facts any of them needs', () => {
    expect(lint('src/app.ts', false)).toEqual(['probe/plain', 'probe/loops']);
    expect(seen.map(entry => [entry.rule, entry.loops, entry.calls])).toEqual([
      ['plain', 1, 1],
      ['loops', 1, 1],
    ]);
    expect(seen[0]?.model).toBe(seen[1]?.model);
  });

  it('skips test files unless checkTests is on', () => {
    expect(lint('src/app.test.ts', false)).toEqual([]);
    expect(lint('src/app.test.ts', true)).toEqual(['probe/plain', 'probe/loops']);
  });

  it("lets a finished file's tree go when its last rule is done, not when a later file needs the same facts", async () => {
    // Per-file state held past the file (the deadline reader, the retry analysis, the project's
    // view of the linted module) keeps its tree alive through minor collections, which then copy
    // and promote it. A file with remote calls and retries, then a file with neither: nothing may
    // still hold the first.
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const trees: WeakRef<object>[] = [];
    const spy = {
      meta: { schema: [] },
      create(context: { sourceCode: { ast: object } }) {
        trees.push(new WeakRef(context.sourceCode.ast));
        return {};
      },
    };
    const linter = new Linter({ configType: 'flat', cwd: '/project' });
    const config = [
      {
        files: ['**/*.ts'],
        languageOptions: { parser: tsParser },
        plugins: { faultline: plugin, spy: { rules: { tree: spy } } } as never,
        rules: {
          ...Object.fromEntries(
            Object.keys(plugin.rules).map(name => [`faultline/${name}`, 'error' as const]),
          ),
          'spy/tree': 'error' as const,
        },
      },
    ];
    const busy = `import axios from 'axios';
export async function load(ids: string[], signal: AbortSignal) {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await Promise.all(ids.map(id => axios.get('https://users.internal/' + id)));
    } catch {
      await new Promise(resolve => setTimeout(resolve, 100));
    }
  }
}`;
    expect(linter.verify(busy, config, '/project/src/busy.ts').length).toBeGreaterThan(0);
    expect(linter.verify('export const quiet = 1;', config, '/project/src/quiet.ts')).toEqual([]);
    await new Promise(resolve => setTimeout(resolve, 0));
    gc();
    expect(trees).toHaveLength(2);
    expect(trees[0]?.deref()).toBeUndefined();
  });
});
