#!/usr/bin/env node
// The `faultline` executable: runs the CLI on the process's own arguments and streams.
// `faultline --version` alone answers before the argument parser loads (bench/cli-startup).
import { cliVersion } from './version.js';

const args = process.argv.slice(2);
if (args.length === 1 && args[0] === '--version') {
  process.stdout.write(`${cliVersion()}\n`);
} else {
  const { runCli } = await import('./cli.js');
  process.exitCode = await runCli(args, { stdout: process.stdout, stderr: process.stderr });
}
