// Bad configuration fails loudly and early: ESLint's schema error for rule options, and one
// clear error naming the entry for a malformed `settings.faultline`, never a crash mid-traversal.
import path from 'node:path';

import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

import { PLUGIN_DIST, ROOT } from '../helpers/engines.js';

async function lint(
  rules: Record<string, unknown>,
  settings: Record<string, unknown> = {},
): Promise<unknown> {
  const plugin = (await import(PLUGIN_DIST)).default;
  const eslint = new ESLint({
    cwd: ROOT,
    overrideConfigFile: true,
    overrideConfig: [{ plugins: { faultline: plugin }, rules: rules as never, settings }],
  });
  return eslint.lintText('await fetch(url);', { filePath: path.join(ROOT, 'probe.mjs') });
}

describe('invalid rule options', () => {
  it('fails with ESLint’s schema error naming an unknown option', async () => {
    await expect(lint({ 'faultline/require-timeout': ['error', { reportOpaque: true }] })).rejects.toThrow(
      /Key "faultline\/require-timeout"[\s\S]*Unexpected property "reportOpaque"\. Expected properties: "checkTests", "reportOpaqueOptions"/,
    );
  });

  it('fails with ESLint’s schema error showing the bad value of an option', async () => {
    await expect(
      lint({ 'faultline/require-timeout': ['error', { reportOpaqueOptions: 'yes' }] }),
    ).rejects.toThrow(/Key "faultline\/require-timeout":\n\tValue "yes" should be boolean/);
  });

  it('explains how to turn on typed linting when the type-aware option is used without it', async () => {
    await expect(
      lint({ 'faultline/require-timeout': ['error', { resolveInstancesByType: true }] }),
    ).rejects.toThrow(
      'faultline/require-timeout: the option `resolveInstancesByType` needs type information, and this file was linted without it.',
    );
  });

  it('rejects a suggested timeout that is not a positive integer', async () => {
    await expect(lint({ 'faultline/require-timeout': ['error', { suggestedTimeoutMs: 0 }] })).rejects.toThrow(
      /Value 0 should be >= 1/,
    );
  });
});

describe('malformed settings.faultline', () => {
  it('names the entry and the fix when a client position is not a number', async () => {
    await expect(
      lint(
        { 'faultline/require-timeout': 'error' },
        { faultline: { clients: [{ module: '@acme/http', optionsArg: '1' }] } },
      ),
    ).rejects.toThrow(
      'Invalid ESLint setting settings.faultline.clients[0].optionsArg: expected a zero-based argument position (0, 1, 2…), got "1". Use an integer such as 1 for `request(url, options)`.',
    );
  });

  it('names an unknown settings key and lists the known ones', async () => {
    await expect(
      lint({ 'faultline/require-timeout': 'error' }, { faultline: { client: [] } }),
    ).rejects.toThrow(/settings\.faultline: unknown key "client"\. Allowed keys: clients, timeoutWrappers/);
  });

  it('requires a module for a client entry', async () => {
    await expect(
      lint({ 'faultline/require-timeout': 'error' }, { faultline: { clients: [{ export: 'request' }] } }),
    ).rejects.toThrow(
      'Invalid ESLint setting settings.faultline.clients[0].module: expected a non-empty string, got nothing.',
    );
  });

  it('requires the instance methods of an instance factory', async () => {
    await expect(
      lint(
        { 'faultline/require-timeout': 'error' },
        { faultline: { clients: [{ module: '@acme/http', export: 'create', instanceFactory: true }] } },
      ),
    ).rejects.toThrow(
      'settings.faultline.clients[0].methods: an instance factory needs the instance methods that make remote calls',
    );
  });

  it('rejects a timeout wrapper that is neither a name nor a module reference', async () => {
    await expect(
      lint({ 'faultline/require-timeout': 'error' }, { faultline: { timeoutWrappers: [42] } }),
    ).rejects.toThrow(
      'Invalid ESLint setting settings.faultline.timeoutWrappers[0]: expected a function name or { module, export }, got 42.',
    );
  });

  it('accepts well-formed settings and lints with them', async () => {
    const results = (await lint(
      { 'faultline/require-timeout': 'error' },
      {
        faultline: {
          clients: [{ module: '@acme/http', export: 'request', optionsArg: 1 }],
          timeoutWrappers: ['withTimeout'],
        },
      },
    )) as { messages: { ruleId: string }[] }[];
    expect(results[0]?.messages.map(message => message.ruleId)).toEqual(['faultline/require-timeout']);
  });
});
