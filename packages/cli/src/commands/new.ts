// `faultline new NAME`: an empty service (one example operation) from the same templates as
// extract, thin over @faultline/core's newService.
import type { Argv, CommandModule } from 'yargs';

import type { CliIo } from '../io.js';
import { required } from './extract.js';
import {
  generateSummary,
  printGenerateResult,
  printJsonFailure,
  withWriteOptions,
} from './generate-report.js';

export interface NewArgs {
  name?: string;
  out?: string;
  'dry-run': boolean;
  force: boolean;
  templates?: string;
  json: boolean;
  verbose: boolean;
}

/** The new command. */
export function newCommand(io: CliIo): CommandModule<object, NewArgs> {
  return {
    command: 'new [name]',
    describe: 'Scaffold an empty service, its client, Dockerfile and Kubernetes manifests',
    builder: (yargs: Argv<object>) =>
      withWriteOptions(
        yargs.positional('name', {
          type: 'string',
          describe: 'The service name: lowercase letters, digits, hyphens',
        }),
      ).example('$0 new orders', 'Scaffold services/orders') as unknown as Argv<NewArgs>,
    handler: async argv => {
      try {
        const service = await required(io, argv.name, 'Service name?', '<name>');
        const { newService } = await import('@faultline/core');
        const result = await newService({
          service,
          ...(argv.out === undefined ? {} : { out: argv.out }),
          ...(argv.templates === undefined ? {} : { templates: argv.templates }),
          dryRun: argv['dry-run'],
          force: argv.force,
          cwd: io.cwd ?? process.cwd(),
        });
        if (argv.json) io.stdout.write(`${JSON.stringify(generateSummary(result), null, 2)}\n`);
        else printGenerateResult(io, result);
      } catch (error) {
        if (argv.json) printJsonFailure(io, error);
        throw error;
      }
    },
  };
}
