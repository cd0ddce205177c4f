#!/usr/bin/env node
// Writes packages/cli/dist/help.json after the build: the `--help` text of the CLI and of each
// command, as yargs prints it at the default width. bin.js prints these for a bare `--help`
// without loading yargs (~50 modules), so help answers as fast as `--version` (bench/cli-startup).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'packages/cli/dist');
const { runCli } = await import(path.join(dist, 'cli.js'));

async function help(args) {
  let text = '';
  const stdout = { write: chunk => (text += chunk), columns: 100 };
  const stderr = { write: chunk => (text += chunk) };
  const code = await runCli(args, { stdout, stderr, env: {} });
  if (code !== 0) throw new Error(`faultline ${args.join(' ')} exited ${code}:\n${text}`);
  return text;
}

const texts = { '': await help(['--help']) };
for (const command of ['analyze', 'extract', 'new', 'rollback'])
  texts[command] = await help([command, '--help']);
fs.writeFileSync(path.join(dist, 'help.json'), `${JSON.stringify(texts)}\n`);
