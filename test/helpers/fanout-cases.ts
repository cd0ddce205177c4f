// The no-unbounded-fanout suites test what counts as a fan-out, a remote call, a limiter or a
// small collection over any collection whose size is not known ('any'); the default,
// 'data-sized', also asks that the collection come from the data (test/rules/no-unbounded-fanout-
// data-sized.test.ts). These helpers give each case that option, keeping the case's other options.
import type { InvalidTestCase, ValidTestCase } from '@typescript-eslint/rule-tester';

import type { MessageIds, Options } from '../../rules/no-unbounded-fanout.js';

type Valid = string | ValidTestCase<Options>;

function withAny<T extends { options?: readonly [Options[0]] }>(test: T): T {
  const [first] = test.options ?? [{}];
  return { ...test, options: [{ ...first, collections: 'any' }] };
}

/** The suite's cases, each over any collection. */
export function overAnyCollection(tests: {
  valid: readonly Valid[];
  invalid: readonly InvalidTestCase<MessageIds, Options>[];
}): { valid: ValidTestCase<Options>[]; invalid: InvalidTestCase<MessageIds, Options>[] } {
  return {
    valid: tests.valid.map(test => withAny(typeof test === 'string' ? { code: test } : test)),
    invalid: tests.invalid.map(test => withAny(test)),
  };
}
