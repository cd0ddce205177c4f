// The yargs program, built per run around injected writers so tests run it in-process. Usage and
// input errors print one clear message and exit 2; other failures exit 1; stack traces only with
// --verbose.
// Startup: nothing here loads @faultline/core's analysis (ts-morph, TypeScript). Commands import
// it inside their handler (`await import('@faultline/core')`) so `--help` and `--version` stay
// fast (bench/cli-startup); only the light error classes come from `@faultline/core/errors`.
import { CliError, UsageError } from '@faultline/core/errors';
import yargs from 'yargs';

import { analyzeCommand } from './commands/analyze.js';
import { driftCommand } from './commands/drift.js';
import { extractCommand } from './commands/extract.js';
import { newCommand } from './commands/new.js';
import { rollbackCommand } from './commands/rollback.js';
import type { CliIo } from './io.js';
import { cliVersion } from './version.js';

export type { CliIo, Writer } from './io.js';

/** The command named in the arguments (`extract `), for the usage hint. */
function commandName(args: readonly string[]): string {
  const command = args.find(arg => !arg.startsWith('-'));
  return command && ['analyze', 'extract', 'new', 'rollback', 'drift'].includes(command) ? `${command} ` : '';
}

/** Runs the CLI with `args` (without `node` and the script) and resolves to the exit code. */
export async function runCli(args: readonly string[], io: CliIo): Promise<number> {
  const state = { exitCode: 0 };
  const verbose = args.includes('--verbose');
  let helpOutput = '';
  const program = yargs()
    .scriptName('faultline')
    .usage('$0 <command> [options]')
    .command(analyzeCommand(io, state))
    .command(extractCommand(io))
    .command(newCommand(io))
    .command(rollbackCommand(io))
    .command(driftCommand(io))
    .demandCommand(1, 'Name a command: faultline analyze <library> --export a,b')
    .recommendCommands()
    .strict()
    .help()
    .alias('help', 'h')
    .version(cliVersion())
    .wrap(Math.min(100, io.stdout.columns ?? 100))
    .exitProcess(false)
    .fail((message, error) => {
      // yargs' own validation (unknown option, missing argument) arrives as a message.
      throw error ?? new UsageError(message);
    });
  try {
    await program.parseAsync([...args], {}, (_error, _argv, output) => {
      helpOutput = output;
    });
    if (helpOutput) io.stdout.write(helpOutput.endsWith('\n') ? helpOutput : `${helpOutput}\n`);
    return state.exitCode;
  } catch (error) {
    const exitCode = error instanceof CliError ? error.exitCode : 1;
    const message = error instanceof Error ? error.message : String(error);
    io.stderr.write(`faultline: ${message}\n`);
    if (exitCode === 2 && error instanceof UsageError)
      io.stderr.write(`Run \`faultline ${commandName(args)}--help\` for usage.\n`);
    if (verbose && error instanceof Error && error.stack) io.stderr.write(`${error.stack}\n`);
    else if (!(error instanceof CliError)) io.stderr.write('(run with --verbose for the stack trace)\n');
    return exitCode;
  }
}
