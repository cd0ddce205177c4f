// The ESLint both production scorers run (score.js on the labelled parts, audit.js on the audits):
// the given rules of the plugin on every JS/TS file, TypeScript through @typescript-eslint/parser,
// no configuration file of the repository's own, files linted at their real paths under `cwd`.
import tsParser from '@typescript-eslint/parser';
import { ESLint } from 'eslint';

/**
 * An ESLint for a materialised repository at `cwd` with `rules` of `plugin` (ids prefixed
 * `faultline/`). With `commonjs`, `.js` files are parsed as CommonJS scripts (ESLint's default is a
 * module), as a CommonJS package configures them: `package` or `await` as a name parses there.
 */
export function productionEslint(cwd, plugin, rules, { commonjs = false } = {}) {
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
      ...(commonjs ? [{ files: ['**/*.js'], languageOptions: { sourceType: 'commonjs' } }] : []),
    ],
  });
}
