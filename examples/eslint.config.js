// How a team turns faultline on: the recommended rules, TypeScript through typescript-eslint.
import faultline from '@faultline/eslint-plugin';
import tsParser from '@typescript-eslint/parser';

export default [{ files: ['**/*.ts'], languageOptions: { parser: tsParser } }, faultline.configs.recommended];
