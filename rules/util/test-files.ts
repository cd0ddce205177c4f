// Test files call real services on purpose (a local server, a fixture) and a test runner bounds
// them; the rules skip them unless `checkTests` is on.
import path from 'node:path';

import type { JSONSchema4 } from '@typescript-eslint/utils/json-schema';

const TEST_FILE =
  /(?:^|[\\/])(?:__tests__|__mocks__|_{0,2}tests?_{0,2}|specs?|e2e|cypress|playwright|test-?(?:utils|utilities|helpers))[\\/]|\.(?:test|spec|e2e|cy)\.[cm]?[jt]sx?$|(?:^|[\\/])(?:[Tt]est|[Tt]esting)[-_]?(?:[Uu]tils?|[Uu]tilities|[Hh]elpers?)\.[cm]?[jt]sx?$/;

/**
 * True when the file looks like a test (`*.test.ts`, `__tests__/`, `test/`, `_test/`, `e2e/`…) or the
 * helpers tests share (`test-utils/`, `testing-utils.ts`, `testHelpers.ts`). Folders are
 * matched relative to the lint's working directory, so a checkout under `~/test/` is not "tests".
 */
export function isTestFile(filename: string, cwd?: string): boolean {
  // Every rule asks about the same file in turn, and a file is linted again and again (an
  // editor, a watch): answers are kept by working directory and file name.
  let answers = answersByCwd.get(cwd);
  if (!answers) answersByCwd.set(cwd, (answers = new Map()));
  let answer = answers.get(filename);
  if (answer === undefined) {
    const relative = cwd && path.isAbsolute(filename) ? path.relative(cwd, filename) : filename;
    answer = TEST_FILE.test(relative.startsWith('..') ? path.basename(filename) : relative);
    answers.set(filename, answer);
  }
  return answer;
}

const answersByCwd = new Map<string | undefined, Map<string, boolean>>();

/** The `checkTests` option every rule takes, with its schema description. */
export const CHECK_TESTS_OPTION = {
  type: 'boolean',
  description:
    'Also check test files (`*.test.*`, `*.spec.*`, `__tests__/`, `test/`, `_test/`, `e2e/`, `test-utils/`, `testing-utils.ts`), which are skipped by default.',
} as const;

/** The options schema of a rule whose only option is `checkTests`. */
export const CHECK_TESTS_ONLY_SCHEMA: JSONSchema4[] = [
  {
    type: 'object',
    additionalProperties: false,
    properties: { checkTests: CHECK_TESTS_OPTION },
  },
];
