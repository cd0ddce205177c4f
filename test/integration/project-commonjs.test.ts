// A CommonJS package linted as ESLint lints JavaScript by default (espree, no TypeScript parser):
// project facts follow `require`, and the rules meet espree's nodes, which carry no TypeScript-only
// keys (a class method has no `decorators` list: no-unbounded-fanout once crashed on one).
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';

import plugin from '../../rules/index.js';
import { ROOT } from '../helpers/engines.js';

const FIXTURE = path.join(ROOT, 'test/fixtures/project-commonjs');

describe('project facts in a CommonJS package (espree)', () => {
  const linter = new Linter({ cwd: FIXTURE });
  const lint = (file: string, rule: string): string[] => {
    const filename = path.join(FIXTURE, 'src', file);
    const config = [
      {
        files: ['**/*.js'],
        languageOptions: { sourceType: 'commonjs' },
        plugins: { faultline: plugin },
        rules: {
          [`faultline/${rule}`]: [
            'error',
            { checkTests: true, ...(rule === 'no-unbounded-fanout' ? { collections: 'any' } : {}) },
          ],
        },
      },
    ] as Linter.Config[];
    return linter
      .verify(readFileSync(filename, 'utf8'), config, { filename })
      .map(message => `${message.line}:${message.messageId ?? message.message}`);
  };

  it('judges a fan-out over a required function inside a class method', () => {
    expect(lint('sync.js', 'no-unbounded-fanout')).toEqual(['5:unboundedFanout']);
  });

  it('follows required functions to their requests', () => {
    expect(lint('routes.js', 'require-timeout')).toEqual([
      '9:projectRequestWithoutDeadline',
      '10:projectRequestWithoutDeadline',
      '11:projectRequestWithoutDeadline',
      '12:projectRequestWithoutDeadline',
      '13:projectRequestWithoutDeadline',
      '14:projectRequestWithoutDeadline',
      '15:projectRequestWithoutDeadline',
    ]);
    // runner.js drops processItem's promise and returns fetchItem's.
    expect(lint('worker.js', 'require-timeout')).toEqual(['7:missingDeadline']);
  });
});
