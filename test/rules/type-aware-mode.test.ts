// Type-aware mode for every rule (`settings.faultline.resolveInstancesByType`): a client the file
// cannot see being made (returned by a function declared elsewhere) is recognised by its declared
// type, through the real TypeScript program and real axios types.
import path from 'node:path';

import { RuleTester } from '@typescript-eslint/rule-tester';
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';

import fanout from '../../rules/no-unbounded-fanout.js';
import propagation from '../../rules/require-signal-propagation.js';

const tsconfigRootDir = path.join(import.meta.dirname, '../fixtures/typed');
const ruleTester = new RuleTester({
  languageOptions: { parserOptions: { projectService: true, tsconfigRootDir } },
});
const typed = { faultline: { resolveInstancesByType: true } };

const MADE_ELSEWHERE = `
import type { AxiosInstance } from 'axios';
declare function makeClient(): AxiosInstance;
const http = makeClient();
`;

ruleTester.run('no-unbounded-fanout (type-aware mode)', fanout, {
  valid: [
    // Without the setting, nothing in the file says what \`http\` is.
    `${MADE_ELSEWHERE}export const loadAll = (ids: string[]) => Promise.all(ids.map(id => http.get('/users/' + id, { timeout: 1000 })));`,
  ],
  invalid: [
    {
      code: `${MADE_ELSEWHERE}export const loadAll = (ids: string[]) => Promise.all(ids.map(id => http.get('/users/' + id, { timeout: 1000 })));`,
      options: [{ collections: 'any' }],
      errors: [{ line: 5, column: 43, endLine: 5, endColumn: 54, messageId: 'unboundedFanout' }],
      settings: typed,
    },
  ],
});

ruleTester.run('require-signal-propagation (type-aware mode)', propagation, {
  valid: [
    `${MADE_ELSEWHERE}export const load = (id: string, signal: AbortSignal) => http.get('/users/' + id, { timeout: 1000 });`,
  ],
  invalid: [
    {
      code: `${MADE_ELSEWHERE}export const load = (id: string, signal: AbortSignal) => http.get('/users/' + id, { timeout: 1000 });`,
      errors: [
        {
          line: 5,
          column: 58,
          endLine: 5,
          endColumn: 66,
          messageId: 'signalNotPassed',
          suggestions: [
            {
              messageId: 'suggestPassSignal',
              output: `${MADE_ELSEWHERE}export const load = (id: string, signal: AbortSignal) => http.get('/users/' + id, { signal, timeout: 1000 });`,
            },
          ],
        },
      ],
      settings: typed,
    },
  ],
});

describe('type-aware mode without type information', () => {
  it('stops with what to turn on, naming the setting', () => {
    const linter = new Linter({ configType: 'flat' });
    const run = (): unknown =>
      linter.verify(
        `${MADE_ELSEWHERE}export const load = (id: string) => http.get('/users/' + id);`,
        [
          {
            files: ['**/*.ts'],
            languageOptions: { parser: tsParser },
            plugins: { faultline: { rules: { 'no-unbounded-fanout': fanout as never } } },
            rules: { 'faultline/no-unbounded-fanout': 'error' },
            settings: typed,
          },
        ],
        'file.ts',
      );
    expect(run).toThrow(/resolveInstancesByType.*needs type information.*projectService: true/s);
  });

  it('refuses a setting that is not a boolean', () => {
    const linter = new Linter({ configType: 'flat' });
    const run = (): unknown =>
      linter.verify(
        'export {};',
        [
          {
            files: ['**/*.ts'],
            languageOptions: { parser: tsParser },
            plugins: { faultline: { rules: { 'no-unbounded-fanout': fanout as never } } },
            rules: { 'faultline/no-unbounded-fanout': 'error' },
            settings: { faultline: { resolveInstancesByType: 'yes' } },
          },
        ],
        'file.ts',
      );
    expect(run).toThrow(/settings\.faultline\.resolveInstancesByType: expected true or false/);
  });
});
