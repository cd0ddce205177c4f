// The opt-in type-aware mode: instances whose construction the file does not show are recognised
// by their declared type. Real axios and @grpc/grpc-js types, through the TypeScript program.
import path from 'node:path';

import { RuleTester } from '@typescript-eslint/rule-tester';

import rule from '../../rules/require-timeout.js';

const tsconfigRootDir = path.join(import.meta.dirname, '../fixtures/typed');
const ruleTester = new RuleTester({
  languageOptions: { parserOptions: { projectService: true, tsconfigRootDir } },
});

ruleTester.run('require-timeout (resolveInstancesByType)', rule, {
  valid: [
    {
      // The injected instance's own configuration is not visible: it counts as opaque options.
      code: `
import type { AxiosInstance } from 'axios';
export class Users {
  constructor(private readonly http: AxiosInstance) {}
  list() { return this.http.get('/users'); }
}
`,
      options: [{ resolveInstancesByType: true }],
    },
    `
import type { Client } from '@grpc/grpc-js';
export function ping(client: Client & { ping(request: object, callback: () => void): void }) {
  client.ping({}, () => {});
}
`,
    {
      code: `
import type { Client } from '@grpc/grpc-js';
export function ping(client: Client & { ping(request: object, options: object, callback: () => void): void }) {
  client.ping({}, { deadline: Date.now() + 1000 }, () => {});
}
`,
      options: [{ resolveInstancesByType: true }],
    },
  ],
  invalid: [
    {
      code: `
import type { Client } from '@grpc/grpc-js';
export function ping(client: Client & { ping(request: object, callback: () => void): void }) {
  client.ping({}, () => {});
}
`,
      options: [{ resolveInstancesByType: true }],
      errors: [{ column: 3, endColumn: 14, endLine: 4, line: 4, messageId: 'missingDeadline' }],
    },
    {
      code: `
import type { AxiosInstance } from 'axios';
export function load(http: AxiosInstance) {
  return http.get('/users', { timeout: 0 });
}
`,
      options: [{ resolveInstancesByType: true }],
      errors: [{ column: 31, endColumn: 41, endLine: 4, line: 4, messageId: 'noneDeadline' }],
    },
    {
      code: `
import type { AxiosInstance } from 'axios';
export function load(http: AxiosInstance, init: object) {
  return http.get('/users', init);
}
`,
      options: [{ reportOpaqueOptions: true, resolveInstancesByType: true }],
      errors: [{ column: 10, endColumn: 18, endLine: 4, line: 4, messageId: 'opaqueOptions' }],
    },
  ],
});
