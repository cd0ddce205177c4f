#!/usr/bin/env node
// The `faultline` executable: runs the CLI on the process's own arguments and streams.
import { runCli } from './cli.js';

process.exitCode = await runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr });
