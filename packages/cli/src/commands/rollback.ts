// `faultline rollback <service>`: undoes an extraction from its manifest (the library's shim, the
// codemod's call sites, the generated service), thin over @faultline/core's rollbackService.
import type { Argv, CommandModule } from 'yargs';

import type { CliIo } from '../io.js';
import { printJsonFailure } from './generate-report.js';

export interface RollbackArgs {
  service?: string;
  out?: string;
  'dry-run': boolean;
  force: boolean;
  json: boolean;
  verbose: boolean;
}

const VERB: Record<string, string> = {
  update: 'restore',
  delete: 'delete',
  overwrite: 'overwrite',
  conflict: 'conflict',
};

/** The rollback command. */
export function rollbackCommand(io: CliIo): CommandModule<object, RollbackArgs> {
  return {
    command: 'rollback <service>',
    describe:
      'Undo an extraction: restore the library and its consumers byte for byte, delete what was generated',
    builder: (yargs: Argv<object>) =>
      yargs
        .positional('service', { type: 'string', describe: 'The service name given to extract --service' })
        .option('out', {
          type: 'string',
          describe: 'The output folder of the extraction (default: found by its manifest)',
        })
        .option('dry-run', {
          type: 'boolean',
          default: false,
          describe: 'Print the diff of every file; change nothing',
        })
        .option('force', {
          type: 'boolean',
          default: false,
          describe: 'Roll back files a person changed since faultline wrote them',
        })
        .option('json', { type: 'boolean', default: false, describe: 'Print a machine-readable summary' })
        .option('verbose', { type: 'boolean', default: false, describe: 'Show stack traces on errors' })
        .example('$0 rollback pricing --dry-run', 'Show what rolling back services/pricing would change')
        .example(
          '$0 rollback pricing',
          'Restore the library and its consumers, delete services/pricing',
        ) as unknown as Argv<RollbackArgs>,
    handler: async argv => {
      try {
        const { rollbackService } = await import('@faultline/core');
        const report = await rollbackService({
          service: String(argv.service),
          ...(argv.out === undefined ? {} : { out: argv.out }),
          dryRun: argv['dry-run'],
          force: argv.force,
          cwd: io.cwd ?? process.cwd(),
        });
        const changed = report.changes.filter(change => change.kind !== 'identical');
        if (argv.json) {
          io.stdout.write(
            `${JSON.stringify(
              {
                ok: true,
                command: 'rollback',
                service: report.service,
                outDir: report.outDir,
                dryRun: report.dryRun,
                changed: report.changed,
                files: report.changes.map(change => ({
                  path: change.path,
                  change: change.kind,
                  ...(change.reason ? { reason: change.reason } : {}),
                })),
              },
              null,
              2,
            )}\n`,
          );
          return;
        }
        const out = (line = ''): void => void io.stdout.write(`${line}\n`);
        out(
          `faultline rollback ${report.service}${report.dryRun ? ' (dry run: nothing changed)' : ''} ← ${report.outDir}`,
        );
        if (report.dryRun)
          for (const change of changed)
            if (change.diff) io.stdout.write(change.diff.endsWith('\n') ? change.diff : `${change.diff}\n`);
        for (const change of changed)
          out(
            `  ${(VERB[change.kind] ?? change.kind).padEnd(9)} ${change.path}${change.reason ? ` (${change.reason})` : ''}`,
          );
        const identical = report.changes.length - changed.length;
        if (identical > 0) out(`  ${identical} file${identical === 1 ? ' was' : 's were'} already as before`);
        if (!report.dryRun) out(`  removed ${report.outDir}/.faultline (the manifest and the originals)`);
      } catch (error) {
        if (argv.json) printJsonFailure(io, error);
        throw error;
      }
    },
  };
}
