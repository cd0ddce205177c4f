// `analyze` reads `settings.faultline` from the project's ESLint config: a team's own client and
// timeout wrapper change analyze's verdicts exactly as they change the rules' (the same fixture
// through real ESLint and through analyze gives the same calls without a deadline).
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { ESLint } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';

import { analyzeLibrary } from '../../packages/core/src/analyze/analyze-library.js';
import { loadEslintSettings } from '../../packages/core/src/analyze/eslint-settings.js';
import type { AnalysisReport } from '../../packages/core/src/analyze/model.js';
import { InputError } from '../../packages/core/src/errors.js';

const fixture = path.join(import.meta.dirname, '../fixtures/analyze-settings');
const EXPORTS = ['chargeOrder', 'refundOrder', 'loadRates'];
const scratch: string[] = [];
afterAll(() => {
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
});

/** `export code line` of every deadline hazard (FL501 bounded, FL502 missing) in a report. */
function deadlines(report: AnalysisReport): string[] {
  return report.exports
    .flatMap(entry =>
      entry.hazards
        .filter(hazard => hazard.code === 'FL501' || hazard.code === 'FL502')
        .map(hazard => `${entry.name} ${hazard.code} ${hazard.location.line}`),
    )
    .sort();
}

function analyze(settings: unknown): AnalysisReport {
  return analyzeLibrary({
    library: '.',
    exports: EXPORTS,
    cwd: fixture,
    root: fixture,
    consumers: [],
    ...(settings === undefined ? {} : { settings }),
  });
}

describe('analyze with settings.faultline', { timeout: 60_000 }, () => {
  it('reads the settings the project ESLint config gives the library entry', async () => {
    const loaded = await loadEslintSettings({ library: '.', cwd: fixture, root: fixture });
    expect(loaded.warning).toBeUndefined();
    expect(loaded.configFile).toBe('eslint.config.js');
    expect(loaded.settings).toMatchObject({ timeoutWrappers: [{ name: 'withDeadline' }] });
  });

  it('a custom client and a timeout wrapper change the verdicts (and without the config they do not)', async () => {
    const { settings } = await loadEslintSettings({ library: '.', cwd: fixture, root: fixture });
    expect(deadlines(analyze(settings))).toEqual([
      'chargeOrder FL502 9', // the team's client, called without its deadline option
      'loadRates FL501 19', // fetch inside the team's withDeadline wrapper
      'refundOrder FL501 14', // the team's client with `deadlineMs`
    ]);
    // Without settings the billing client is unknown; the wrapper, written in the library and
    // racing the work against a timer, is read as a timeout helper either way.
    expect(deadlines(analyze(undefined))).toEqual(['loadRates FL501 19']);
  });

  it('gives the same calls without a deadline as the rules under real ESLint with the same config', async () => {
    const eslint = new ESLint({ cwd: fixture });
    const results = await eslint.lintFiles(['src/index.ts']);
    const fromRules = results
      .flatMap(result => result.messages)
      .filter(message => message.ruleId === 'faultline/require-timeout')
      .map(message => message.line)
      .sort();
    const { settings } = await loadEslintSettings({ library: '.', cwd: fixture, root: fixture });
    const fromAnalyze = deadlines(analyze(settings))
      .filter(line => line.includes('FL502'))
      .map(line => Number(line.split(' ')[2]))
      .sort();
    expect(fromRules).toEqual([9]);
    expect(fromAnalyze).toEqual(fromRules);
  });

  it('refuses a malformed entry with the setting, the config file and the fix', async () => {
    const dir = mkdtempSync(path.join(fixture, '..', '.analyze-settings-broken-'));
    scratch.push(dir);
    cpSync(fixture, dir, { recursive: true });
    const config = path.join(dir, 'eslint.config.js');
    writeFileSync(
      config,
      readFileSync(config, 'utf8').replace("timeoutKeys: ['deadlineMs']", "timeoutKeys: 'deadlineMs'"),
    );
    const failure = await loadEslintSettings({ library: '.', cwd: dir, root: dir }).catch(
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(InputError);
    expect((failure as InputError).exitCode).toBe(2);
    expect((failure as Error).message).toMatch(
      /^eslint\.config\.js: Invalid ESLint setting settings\.faultline\.clients\[0\]\.timeoutKeys: expected an array/,
    );
    // Passed in directly, the same validation applies.
    expect(() => analyze({ clients: [{ module: 1 }] })).toThrow(InputError);
  });

  it('falls back to no settings when ESLint is not installed for the library', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'faultline-no-eslint-'));
    scratch.push(dir);
    cpSync(fixture, dir, { recursive: true });
    const loaded = await loadEslintSettings({ library: '.', cwd: dir, root: dir });
    expect(loaded).toEqual({ settings: undefined });
  });
});
