// Test files call real services on purpose (a local server, a fixture) and a test runner bounds
// them; the rules skip them unless `checkTests` is on.
const TEST_FILE = /(?:^|[\\/])(?:__tests__|__mocks__|tests?|specs?|e2e|cypress|playwright)[\\/]|\.(?:test|spec|e2e|cy)\.[cm]?[jt]sx?$/;

/** True when the path looks like a test file (`*.test.ts`, `__tests__/`, `test/`, `e2e/`…). */
export function isTestFile(filename: string): boolean {
  return TEST_FILE.test(filename);
}
