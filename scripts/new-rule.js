#!/usr/bin/env node
// `npm run new-rule <id>`: writes the rule triplet (source, doc, test) in house style, then
// regenerates the rule map. Refuses to overwrite an existing rule.
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { execFileSync } from 'node:child_process';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const id = process.argv[2];
if (!id || !/^(no|prefer|require|consistent)-[a-z0-9-]+$/.test(id)) {
  console.error('Usage: npm run new-rule <id>   (ids start with no-, prefer-, require- or consistent-)');
  process.exit(2);
}
const files = {
  [`rules/${id}.ts`]: `import { createModelRule } from './create-rule.js';
import { CHECK_TESTS_ONLY_SCHEMA } from './util/test-files.js';

export type Options = [{ checkTests?: boolean }];
export type MessageIds = 'problem';

// createModelRule skips test files unless \`checkTests\` is on, shares the file model with the other
// rules and runs its collectors before these listeners; \`needs: ['loops']\` or \`['sql']\` asks for more facts.
export default createModelRule<Options, MessageIds>({
  name: '${id}',
  meta: {
    type: 'problem',
    docs: { description: 'Disallow …' },
    messages: { problem: 'Say what is wrong, why it matters in a distributed system, and the fix.' },
    schema: CHECK_TESTS_ONLY_SCHEMA,
    defaultOptions: [{ checkTests: false }],
  },
  create(context, _options, { model }) {
    return {
      'Program:exit'(): void {
        for (const call of model.remoteCalls()) void call;
      },
    };
  },
});
`,
  [`rules/docs/${id}.md`]: `# faultline/${id}

<!-- end auto-generated rule header -->

Why the rule exists, in one paragraph.

## Examples

\`\`\`ts
// ❌

// ✅
\`\`\`

## When Not To Use It
`,
  [`test/rules/${id}.test.ts`]: `import { RuleTester } from '@typescript-eslint/rule-tester';

import rule from '../../rules/${id}.js';

const ruleTester = new RuleTester();

ruleTester.run('${id}', rule, {
  valid: [],
  invalid: [],
});
`,
};
for (const file of Object.keys(files)) {
  if (existsSync(path.join(root, file))) {
    console.error(`${file} already exists; not overwriting it.`);
    process.exit(2);
  }
}
for (const [file, text] of Object.entries(files)) {
  writeFileSync(path.join(root, file), text);
  console.log(`created ${file}`);
}
execFileSync(process.execPath, [path.join(root, 'scripts/gen-index.js')], { stdio: 'inherit' });
