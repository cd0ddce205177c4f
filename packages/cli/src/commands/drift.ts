// `faultline drift <service>`: compares the service's committed openapi.json (the API its deployed
// clients know) with what the library's code gives now; breaking changes exit 1, so CI fails on
// them. Thin over @faultline/core's checkDrift, loaded when the command runs.
import type { Argv, CommandModule } from 'yargs';

import type { CliIo } from '../io.js';
import { createProgress } from '../progress.js';
import { required } from './extract.js';
import { printJsonFailure } from './generate-report.js';

export interface DriftArgs {
  service?: string;
  json: boolean;
  progress: boolean;
  verbose: boolean;
}

/** The drift command. */
export function driftCommand(io: CliIo): CommandModule<object, DriftArgs> {
  return {
    command: 'drift [service]',
    describe: "Fail when the library's API changed in a way the service's deployed clients would notice",
    builder: (yargs: Argv<object>) =>
      yargs
        .positional('service', { type: 'string', describe: 'The service faultline extract generated' })
        .option('json', { type: 'boolean', default: false, describe: 'Print the changes as JSON' })
        .option('progress', {
          type: 'boolean',
          default: true,
          describe: 'Show progress on stderr when it is a TTY',
        })
        .option('verbose', { type: 'boolean', default: false, describe: 'Print stack traces of failures' })
        .example(
          '$0 drift pricing',
          'Compare services/pricing/openapi.json with the library now',
        ) as unknown as Argv<DriftArgs>,
    handler: async argv => {
      try {
        const service = await required(io, argv.service, 'Which service?', '<service>');
        const { checkDrift, formatChange, BreakingDriftError } = await import('@faultline/core');
        const progress = createProgress(io.stderr, argv.progress && !argv.json);
        let report;
        try {
          report = checkDrift({
            service,
            cwd: io.cwd ?? process.cwd(),
            onProgress: event => progress.update(event),
          });
        } finally {
          progress.done();
        }
        const lines = report.changes.map(change => `  ${formatChange(change)}`).join('\n');
        if (argv.json)
          io.stdout.write(`${JSON.stringify({ ok: report.breaking === 0, ...report }, null, 2)}\n`);
        else if (report.changes.length === 0)
          io.stdout.write(`faultline drift ${service}: the library's API matches ${report.snapshot}\n`);
        else if (report.breaking === 0)
          io.stdout.write(
            `faultline drift ${service}: compatible changes only (against ${report.snapshot}):\n${lines}\n`,
          );
        if (report.breaking > 0) {
          const error = new BreakingDriftError(report, lines);
          if (argv.json) throw Object.assign(error, { reported: true });
          throw error;
        }
      } catch (error) {
        if (argv.json && !(error as { reported?: boolean }).reported) printJsonFailure(io, error);
        throw error;
      }
    },
  };
}
