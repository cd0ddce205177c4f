// Project facts across files: an undici agent exported by one module of a project and handed to a
// single request in another (`fetch(url, { dispatcher: boundedAgent })`) is followed to where it is
// made and judged as a process-wide dispatcher is (`dispatcherBoundsResponses`), under real ESLint.
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { ROOT, lintWithEslint } from '../helpers/engines.js';

const FIXTURE = path.join(ROOT, 'test/fixtures/project-dispatcher/per-request');
const RULES = { 'faultline/require-timeout': ['error', { checkTests: true }] as ['error', ...unknown[]] };

describe('an undici agent another module of the project exports, handed to one request', () => {
  it('bounds the request when its response timeouts are tight, under ESLint 10 and ESLint 9', async () => {
    const files = ['src/agents.ts', 'src/client.ts'].map(file => path.join(FIXTURE, file));
    for (const engine of ['eslint', 'eslint9'] as const) {
      const findings = await lintWithEslint(engine, FIXTURE, files, RULES);
      // The bounded agent, the RetryAgent that wraps it and a getter of it bound their requests;
      // the ten-minute agent and the guard's agent a getter gives do not, and the message says why.
      expect(findings.map(finding => `${finding.file}:${finding.line}:${finding.column}`)).toEqual([
        'src/client.ts:5:29',
        'src/client.ts:7:3',
      ]);
      expect(findings[0]?.message).toContain(
        'its dispatcher’s `headersTimeout: 600000` is no tighter than undici’s 300 s default',
      );
      expect(findings[1]?.message).toContain(
        'its dispatcher leaves `headersTimeout` at undici’s 300 s default',
      );
    }
  });
});
