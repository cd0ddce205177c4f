// `analyze` and the rules find the same calls without a deadline in the shapes of issue 12, across
// the files of one library (test/fixtures/parity/project): options from a local function, a
// callee chosen between http and https, request wrappers of another file that need their caller's
// deadline, a client made without one that leaves its file, a process-wide axios default set in
// another file, a client whose options another file returns, and a team client taught through
// settings.faultline (read from the ESLint config).
import path from 'node:path';

import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

import { analyzeLibrary } from '../../packages/core/src/analyze/analyze-library.js';
import { loadEslintSettings } from '../../packages/core/src/analyze/eslint-settings.js';
import type { AnalysisReport } from '../../packages/core/src/analyze/model.js';

const fixture = path.join(import.meta.dirname, '../fixtures/parity/project');
const EXPORTS = [
  'chargeOrder',
  'refundOrder',
  'ping',
  'loadUser',
  'loadOrder',
  'loadInvoice',
  'catalog',
  'listOrders',
  'search',
  'upload',
  'uploadTimed',
];

/** `file:line code` of every deadline hazard (FL501 bounded, FL502 missing), once each. */
function deadlines(report: AnalysisReport): string[] {
  const found = new Set<string>();
  for (const entry of report.exports)
    for (const hazard of entry.hazards)
      if (hazard.code === 'FL501' || hazard.code === 'FL502')
        found.add(`${path.basename(hazard.location.file)}:${hazard.location.line} ${hazard.code}`);
  return [...found].sort();
}

async function analyze(): Promise<AnalysisReport> {
  const { settings } = await loadEslintSettings({ library: '.', cwd: fixture, root: fixture });
  return analyzeLibrary({
    library: '.',
    exports: EXPORTS,
    cwd: fixture,
    root: fixture,
    consumers: [],
    settings,
  });
}

describe('analyze and the rules on the shapes of issue 12', { timeout: 60_000 }, () => {
  it('analyze finds each call without a deadline, and each bounded one, in these shapes', async () => {
    expect(deadlines(await analyze())).toEqual([
      'clients.ts:12 FL502', // got.extend without a deadline, exported: judged where it is made
      'clients.ts:6 FL502', // the same, for catalogApi
      'http.ts:16 FL501', // the wrapper's guarded request, bounded by the timeout it is given
      'index.ts:15 FL502', // the team's client, options from a local function without `deadlineMs`
      'index.ts:20 FL501', // the same client, options from a local function with `deadlineMs`
      'index.ts:25 FL502', // (secure ? https : http).request: node:http without a deadline
      'index.ts:31 FL502', // fetchJson (http.ts) needs its caller's `timeout`; none given
      'index.ts:41 FL502', // fetchWithOptionalTimeout bounds only when given `timeout`; none given
      'index.ts:51 FL501', // axios bounded by the default bootstrap.ts sets
      'index.ts:56 FL502', // a call through searchApi: analyze follows the import (see below)
      'storage.ts:9 FL502', // an S3 client whose options storage-config.ts returns, no timeout
    ]);
  });

  it('names the wrapper’s request and the missing option in the hazard', async () => {
    const report = await analyze();
    const loadUser = report.exports.find(entry => entry.name === 'loadUser');
    const hazard = loadUser?.hazards.find(found => found.code === 'FL502');
    expect(hazard?.message).toBe(
      'calls `fetchJson` in loadUser without `timeout`: it bounds its request (`fetch` at src/http.ts:5) only with the `timeout` it is given, so this call can hang forever, and the new service with it. Fix: pass `timeout`.',
    );
    expect(hazard?.detail).toEqual({
      family: 'fetch',
      deadline: 'missing',
      wrapper: 'fetchJson',
      key: 'timeout',
    });
  });

  it('names the client and its fix where a client that leaves its file is made', async () => {
    const report = await analyze();
    const catalog = report.exports.find(entry => entry.name === 'catalog');
    const hazard = catalog?.hazards.find(found => found.code === 'FL502');
    expect(hazard?.location).toMatchObject({ file: 'src/clients.ts', line: 6 });
    expect(hazard?.message).toMatch(
      /^creates a got client without a deadline in catalogApi, and the client leaves its file: every call through it elsewhere can hang forever/,
    );
    expect(hazard?.detail).toEqual({ family: 'got', deadline: 'missing', construction: true });
  });

  it('gives the same calls without a deadline as the rules under real ESLint with the same config', async () => {
    const eslint = new ESLint({ cwd: fixture });
    const results = await eslint.lintFiles(['src']);
    const fromRules = results
      .flatMap(result =>
        result.messages
          .filter(message => message.ruleId === 'faultline/require-timeout')
          .map(message => `${path.basename(result.filePath)}:${message.line}`),
      )
      .sort();
    const fromAnalyze = deadlines(await analyze())
      .filter(line => line.endsWith('FL502'))
      .map(line => line.split(' ')[0])
      .sort();
    expect(fromRules).toEqual([
      'clients.ts:12',
      'clients.ts:6',
      'index.ts:15',
      'index.ts:25',
      'index.ts:31',
      'index.ts:41',
      'storage.ts:5',
    ]);
    // By design, analyze also judges the call through searchApi (index.ts:56): it reads the whole
    // library with one type checker and follows the import to the construction in clients.ts,
    // while a rule sees one file and reports that client where it is made (clients.ts:12), which is
    // why a client that leaves its file is reported there at all. Both name the same missing bound.
    // An AWS client is bounded where it is made: the rule reports its construction (storage.ts:5,
    // options read from storage-config.ts through project facts), analyze the call of the export
    // it analyses (storage.ts:9), naming the same missing `requestHandler` timeouts.
    expect(fromAnalyze).toEqual(
      [...fromRules.filter(line => line !== 'storage.ts:5'), 'index.ts:56', 'storage.ts:9'].sort(),
    );
  });
});
