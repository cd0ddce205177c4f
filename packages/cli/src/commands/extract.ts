// `faultline extract <library> --export a,b --service NAME`: thin over @faultline/core's
// extractService. Missing required values are asked for on a terminal and are usage errors
// elsewhere; @faultline/core (and ts-morph) load only when the command runs.
import type { Argv, CommandModule } from 'yargs';

import type { CliIo } from '../io.js';
import { createProgress } from '../progress.js';
import { ask } from '../prompt.js';
import {
  generateSummary,
  printGenerateResult,
  printJsonFailure,
  withWriteOptions,
} from './generate-report.js';

export interface ExtractArgs {
  library?: string;
  export?: string[];
  service?: string;
  out?: string;
  mode: 'wrap' | 'move';
  'dry-run': boolean;
  force: boolean;
  templates?: string;
  json: boolean;
  'allow-blocked': boolean;
  idempotent?: string[];
  progress: boolean;
  verbose: boolean;
  shim: boolean;
}

/** Splits repeated and comma-separated values: `--export a,b --export c` → [a, b, c]. */
export function list(values: readonly (string | number)[] | undefined): string[] {
  return (values ?? [])
    .flatMap(value => String(value).split(','))
    .map(value => value.trim())
    .filter(Boolean);
}

/** A required value: the flag, else a prompt on a terminal, else a usage error naming the flag. */
export async function required(
  io: CliIo,
  value: string | undefined,
  question: string,
  flag: string,
): Promise<string> {
  if (value !== undefined && value.trim() !== '') return value.trim();
  const answer = await ask(io, question);
  if (answer !== undefined && answer !== '') return answer;
  const { UsageError } = await import('@faultline/core/errors');
  throw new UsageError(`missing ${flag}: ${question.replace(/\?$/, '')} (pass ${flag}).`);
}

/** The extract command. */
export function extractCommand(io: CliIo): CommandModule<object, ExtractArgs> {
  return {
    command: 'extract [library]',
    describe: 'Generate a service and its typed resilient client from exports of a shared library',
    builder: (yargs: Argv<object>) =>
      withWriteOptions(
        yargs
          .positional('library', {
            type: 'string',
            describe: 'The library: a package folder or its tsconfig.json',
          })
          .option('export', {
            alias: 'e',
            type: 'string',
            array: true,
            describe: 'Exports that become routes (comma-separated or repeated)',
          })
          .option('service', {
            alias: 's',
            type: 'string',
            describe: 'The service name: lowercase letters, digits, hyphens',
          })
          .option('mode', {
            choices: ['wrap', 'move'] as const,
            default: 'wrap' as const,
            describe: 'wrap: the service calls the library; move: the closure is copied into the service',
          })
          .option('idempotent', {
            type: 'string',
            array: true,
            describe: 'Exports safe to repeat, beyond those the analysis can tell are pure',
          })
          .option('shim', {
            type: 'boolean',
            default: true,
            describe:
              'Route the library’s calls to the service by a flag and rewrite call sites that must now await (--no-shim: only the service and client)',
          })
          .option('allow-blocked', {
            type: 'boolean',
            default: false,
            describe: 'Generate the exports that can be generated and list the rest',
          })
          .option('progress', {
            type: 'boolean',
            default: true,
            describe: 'Show progress on stderr when it is a TTY',
          }),
      )
        .example(
          '$0 extract packages/shared --export computeQuote,taxFor --service pricing',
          'Generate services/pricing',
        )
        .example(
          '$0 extract packages/shared -e computeQuote -s pricing --dry-run',
          'Show the diff, write nothing',
        ) as unknown as Argv<ExtractArgs>,
    handler: async argv => {
      try {
        const library = await required(io, argv.library, 'Which library (a package folder)?', '<library>');
        let exports = list(argv.export);
        if (exports.length === 0)
          exports = list([await required(io, undefined, 'Which exports (comma-separated)?', '--export')]);
        const service = await required(io, argv.service, 'Service name?', '--service');
        const { extractService } = await import('@faultline/core');
        const progress = createProgress(io.stderr, argv.progress && !argv.json);
        try {
          const result = await extractService({
            library,
            exports,
            service,
            mode: argv.mode,
            ...(argv.out === undefined ? {} : { out: argv.out }),
            ...(argv.templates === undefined ? {} : { templates: argv.templates }),
            ...(argv.idempotent ? { idempotent: list(argv.idempotent) } : {}),
            dryRun: argv['dry-run'],
            force: argv.force,
            allowBlocked: argv['allow-blocked'],
            shim: argv.shim,
            cwd: io.cwd ?? process.cwd(),
            onProgress: event => progress.update(event),
          });
          progress.done();
          if (argv.json) io.stdout.write(`${JSON.stringify(generateSummary(result), null, 2)}\n`);
          else printGenerateResult(io, result);
        } finally {
          progress.done();
        }
      } catch (error) {
        if (argv.json) printJsonFailure(io, error);
        throw error;
      }
    },
  };
}
