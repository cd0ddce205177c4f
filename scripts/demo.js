#!/usr/bin/env node
// `npm run demo`: lints the bundled example monorepo (examples/) with the plugin's recommended
// config (examples/eslint.config.js) and prints the findings, then a count per rule.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { ESLint } from 'eslint';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const examples = path.join(root, 'examples');
const { default: faultline } = await import(path.join(root, 'rules/dist/index.js'));

// examples/eslint.config.js is the configuration a team would write: the recommended rules.
const eslint = new ESLint({ cwd: examples });
const results = await eslint.lintFiles(['**/*.ts']);
const formatter = await eslint.loadFormatter('stylish');
process.stdout.write(`faultline: linting examples/ (${results.length} files) with the recommended rules\n`);
process.stdout.write(await formatter.format(results));

const counts = new Map();
for (const result of results)
  for (const message of result.messages) counts.set(message.ruleId, (counts.get(message.ruleId) ?? 0) + 1);
process.stdout.write('\nFindings per rule:\n');
for (const rule of Object.keys(faultline.configs.recommended.rules))
  process.stdout.write(`  ${rule.padEnd(44)} ${counts.get(rule) ?? 0}\n`);
if (results.some(result => result.messages.some(message => message.fatal))) process.exitCode = 2;

// Then the extraction analysis of the example's shared library (issue 5): which exports can become
// a service, and what stands in the way.
const { runCli } = await import(path.join(root, 'packages/cli/dist/index.js'));
process.stdout.write(
  '\nfaultline analyze examples/packages/shared --export computeQuote,convert,buildSalesReport\n\n',
);
const analyzeExit = await runCli(
  ['analyze', 'examples/packages/shared', '--export', 'computeQuote,convert,buildSalesReport'],
  { stdout: process.stdout, stderr: process.stderr, cwd: root },
);
if (analyzeExit !== 0) process.exitCode = analyzeExit;
