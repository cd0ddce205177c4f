// Shared vitest setup: wires @typescript-eslint/rule-tester to vitest and fails any test that
// writes to the console (a stray console.* is a bug in the code under test or in the test).
import 'console-fail-test/setup';
import { RuleTester } from '@typescript-eslint/rule-tester';
import { afterAll, describe, it } from 'vitest';

RuleTester.afterAll = afterAll;
RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;
