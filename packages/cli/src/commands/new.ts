// `faultline new NAME`: an empty service (one example operation) from the same templates as
// extract, thin over @faultline/core's newService.
import type { Argv, CommandModule } from 'yargs';

import type { CliIo } from '../io.js';
import { required } from './extract.js';
import { generateSummary, printGenerateResult } from './generate-report.js';

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
      yargs
        .positional('name', {
          type: 'string',
          describe: 'The service name: lowercase letters, digits, hyphens',
        })
        .option('out', {
          type: 'string',
          describe: 'Output folder (default: services/<name> at the workspace root)',
        })
        .option('dry-run', {
          type: 'boolean',
          default: false,
          describe: 'Print the diff of every file; write nothing',
        })
        .option('force', {
          type: 'boolean',
          default: false,
          describe: 'Overwrite generated files a person edited',
        })
        .option('templates', {
          type: 'string',
          describe: "A folder of templates replacing faultline's, file by file",
        })
        .option('json', { type: 'boolean', default: false, describe: 'Print a machine-readable summary' })
        .option('verbose', { type: 'boolean', default: false, describe: 'Show stack traces on errors' })
        .example('$0 new orders', 'Scaffold services/orders') as unknown as Argv<NewArgs>,
    handler: async argv => {
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
    },
  };
}
