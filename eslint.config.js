// The repository lints itself with its own plugin (dogfood), plus typescript-eslint and
// eslint-plugin-eslint-plugin for the rule sources. `npm run lint` builds the plugin first.
import eslintPlugin from 'eslint-plugin-eslint-plugin';
import tseslint from 'typescript-eslint';

import faultline from './rules/dist/index.js';

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      'examples/**',
      'bench/corpus/**',
      'bench/corpus-heldout/**',
      'test/fixtures/**',
      'templates/**',
      '**/__snapshots__/**',
      '**/.work/**',
      '.e2e/**',
    ],
  },
  ...tseslint.configs.recommended,
  faultline.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        {
          selector:
            'CallExpression[callee.type="MemberExpression"][callee.property.name="only"][callee.object.name=/^(it|describe|test)$/]',
          message: 'Focused tests (.only) must not land.',
        },
      ],
    },
  },
  {
    files: ['rules/*.ts'],
    ignores: ['rules/index.ts', 'rules/create-rule.ts'],
    ...eslintPlugin.configs.recommended,
    rules: {
      ...eslintPlugin.configs.recommended.rules,
      'eslint-plugin/require-meta-docs-description': [
        'error',
        { pattern: '^(Enforce|Require|Disallow) .+[^. ]$' },
      ],
      'eslint-plugin/require-meta-schema-description': 'error',
      'eslint-plugin/require-meta-default-options': 'error',
      'no-restricted-syntax': [
        'error',
        {
          selector: 'MemberExpression[object.name="context"][property.name="options"]',
          message: "Retrieve options from create's second parameter so that defaultOptions are applied.",
        },
      ],
    },
  },
  {
    files: ['test/rules/*.test.ts'],
    ...eslintPlugin.configs.tests,
    rules: { ...eslintPlugin.configs.tests.rules, 'eslint-plugin/require-test-case-name': 'off' },
  },
  {
    // Tests and benchmarks call local servers on purpose; scripts print to the console.
    files: ['scripts/**/*.js', 'bench/**/*.js'],
    languageOptions: { globals: { console: 'readonly', process: 'readonly' } },
  },
);
