#!/usr/bin/env node
// The `faultline` executable: runs the CLI on the process's own arguments and streams.
// `faultline --version` alone, and `--help` for the CLI or one command, answer before the
// argument parser loads (bench/cli-startup): help comes from dist/help.json, which the build
// writes from the parser itself (scripts/gen-help.js), at the parser's default width.
import fs from 'node:fs';

import { cliVersion } from './version.js';

/** The stored help for these arguments, when they ask for nothing else and the terminal is wide enough. */
function storedHelp(args: readonly string[]): string | undefined {
  const isHelp = (arg: string | undefined): boolean => arg === '--help' || arg === '-h';
  const key =
    args.length === 1 && isHelp(args[0]) ? '' : args.length === 2 && isHelp(args[1]) ? args[0] : undefined;
  if (key === undefined || (process.stdout.columns ?? 100) < 100) return undefined;
  try {
    const texts = JSON.parse(fs.readFileSync(new URL('./help.json', import.meta.url), 'utf8')) as Record<
      string,
      string
    >;
    return Object.hasOwn(texts, key) ? texts[key] : undefined;
  } catch {
    return undefined;
  }
}

const args = process.argv.slice(2);
const help = storedHelp(args);
if (args.length === 1 && args[0] === '--version') {
  process.stdout.write(`${cliVersion()}\n`);
} else if (help !== undefined) {
  process.stdout.write(help);
} else {
  const { runCli } = await import('./cli.js');
  process.exitCode = await runCli(args, { stdout: process.stdout, stderr: process.stderr });
}
