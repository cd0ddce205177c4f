// The ESLint both production scorers run (score.js on the labelled parts, audit.js on the audits):
// the given rules of the plugin on every JS/TS file, TypeScript through @typescript-eslint/parser,
// no configuration file of the repository's own, files linted at their real paths under `cwd`.
import tsParser from '@typescript-eslint/parser';
import { ESLint } from 'eslint';

/** An ESLint for a materialised repository at `cwd` with `rules` of `plugin` (ids prefixed `faultline/`). */
export function productionEslint(cwd, plugin, rules) {
  return new ESLint({
    cwd,
    overrideConfigFile: true,
    overrideConfig: [
      {
        files: ['**/*.{js,mjs,cjs,ts,tsx}'],
        plugins: { faultline: plugin },
        rules,
        linterOptions: { reportUnusedDisableDirectives: 'off' },
      },
      { files: ['**/*.{ts,tsx}'], languageOptions: { parser: tsParser } },
    ],
  });
}
