// Runs every rule over thousands of real files from node_modules: no rule may crash, and every
// report must be well formed (in range, no unfilled placeholder, suggestions that still parse).
import { readFileSync } from 'node:fs';
import path from 'node:path';

import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';

import { listCorpus, sampleCorpus } from '../helpers/corpus.js';
import { PLUGIN_DIST, ROOT } from '../helpers/engines.js';

const SAMPLE_SIZE = Number(process.env.FAULTLINE_CORPUS_SAMPLE ?? 3200);

interface Problem {
  file: string;
  problem: string;
}

function configFor(plugin: unknown, rules: Record<string, unknown>): Linter.Config[] {
  return [
    {
      files: ['**/*.{js,mjs,cjs,ts}'],
      plugins: { faultline: plugin as never },
      rules: rules as Linter.RulesRecord,
      linterOptions: { reportUnusedDisableDirectives: 'off', noInlineConfig: true },
    },
    {
      files: ['**/*.js'],
      languageOptions: { sourceType: 'script', parserOptions: { ecmaFeatures: { globalReturn: true } } },
    },
    { files: ['**/*.mjs'], languageOptions: { sourceType: 'module' } },
    { files: ['**/*.cjs'], languageOptions: { sourceType: 'commonjs' } },
    { files: ['**/*.ts'], languageOptions: { parser: tsParser as never } },
  ];
}

const MODULE_JS: Linter.Config = { files: ['**/*.js'], languageOptions: { sourceType: 'module' } };

describe('crash corpus (node_modules)', () => {
  it('lints at least 3,000 real files with every rule without a crash or a malformed report', async () => {
    const plugin = (await import(PLUGIN_DIST)).default as { rules: Record<string, unknown> };
    const ruleIds = Object.keys(plugin.rules).map(id => `faultline/${id}`);
    // Test files are skipped by default; lint them too, since most of node_modules' fetch calls live there.
    const withDefaults = Object.fromEntries(ruleIds.map(id => [id, ['error', { checkTests: true }]]));
    const withOpaque = {
      ...withDefaults,
      'faultline/require-timeout': ['error', { checkTests: true, reportOpaqueOptions: true }],
    };
    const linter = new Linter({ configType: 'flat' });
    const files = sampleCorpus(listCorpus(ROOT), SAMPLE_SIZE);
    const problems: Problem[] = [];
    let linted = 0;
    let reports = 0;
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      // Linters ignore node_modules by default; lint each file under a neutral virtual name.
      const filename = path.join(ROOT, 'corpus', path.relative(ROOT, file).replaceAll('node_modules', 'nm'));
      // Every file with the defaults; every fourth also with the options that reach further.
      const variants = linted % 4 === 0 ? [withDefaults, withOpaque] : [withDefaults];
      for (const rules of variants) {
        // Scripts that are really modules: retry as a module, as a user's config would say.
        let asModule = false;
        let messages = linter.verify(text, configFor(plugin, rules), { filename });
        if (messages.some(m => m.fatal) && file.endsWith('.js')) {
          asModule = true;
          messages = linter.verify(text, [...configFor(plugin, rules), MODULE_JS], { filename });
        }
        if (messages.some(m => m.fatal)) {
          const fatal = messages.find(m => m.fatal);
          if (fatal && /faultline|Rule:/.test(fatal.message)) problems.push({ file, problem: fatal.message });
          break; // unparsable input is not ours to judge
        }
        if (rules === withDefaults) linted++;
        const lines = text.split(/\r\n|\r|\n/);
        for (const message of messages) {
          // The linter's own notices about inline comments (ignored here by noInlineConfig).
          if (message.ruleId === null && !message.fatal) continue;
          reports++;
          const where = `${path.relative(ROOT, file)}:${message.line}:${message.column}`;
          if (!message.ruleId?.startsWith('faultline/'))
            problems.push({ file: where, problem: `unexpected message: ${message.message}` });
          if (message.message.includes('{{') || message.message.trim() === '')
            problems.push({ file: where, problem: `bad message: ${message.message}` });
          const endLine = message.endLine ?? message.line;
          const endColumn = message.endColumn ?? message.column;
          if (
            message.line < 1 ||
            endLine > lines.length ||
            endLine < message.line ||
            (endLine === message.line && endColumn < message.column)
          ) {
            problems.push({
              file: where,
              problem: `location out of range: ${JSON.stringify([message.line, message.column, endLine, endColumn])}`,
            });
          }
          for (const suggestion of message.suggestions ?? []) {
            const [start, end] = suggestion.fix.range;
            if (start < 0 || end > text.length || start > end) {
              problems.push({ file: where, problem: `suggestion range out of bounds: ${start}-${end}` });
              continue;
            }
            const fixed = text.slice(0, start) + suggestion.fix.text + text.slice(end);
            // Parsed as the original was (a `.js` module stays a module), so only the fix can break it.
            const reparsed = linter.verify(
              fixed,
              asModule ? [...configFor(plugin, {}), MODULE_JS] : configFor(plugin, {}),
              { filename },
            );
            if (reparsed.some(m => m.fatal))
              problems.push({ file: where, problem: `suggestion "${suggestion.desc}" breaks the syntax` });
          }
        }
      }
    }
    expect(problems).toEqual([]);
    expect(linted).toBeGreaterThanOrEqual(3000);
    // The corpus is real code: some of it calls remote services, so the rules do fire.
    expect(reports).toBeGreaterThan(0);
  }, 900_000);
});
