// What `extract` and `new` print: the files written (or, with --dry-run, the unified diff of every
// file that would change), the exports left out and why, notes, and the next steps; or, with
// --json, the same as one machine-readable object.
import type { GenerateResult } from '@faultline/core';
import type { Argv } from 'yargs';

import type { CliIo } from '../io.js';

/** The `--json` summary: stable keys, repository-relative paths. */
export function generateSummary(result: GenerateResult): Record<string, unknown> {
  const { plan, write } = result;
  return {
    ok: true,
    command: plan.command,
    mode: plan.mode,
    dryRun: write.dryRun,
    changed: write.changed,
    service: {
      name: plan.service.name,
      package: plan.service.packageName,
      client: plan.service.clientPackageName,
      dir: plan.service.dir,
    },
    operations: plan.operations.map(operation => ({
      name: operation.name,
      route: operation.route,
      idempotent: operation.idempotent,
      errors: operation.errors,
    })),
    files: write.changes.map(change => ({
      path: change.path,
      change: change.kind,
      ...(change.reason ? { reason: change.reason } : {}),
    })),
    leftOut: plan.leftOut,
    notes: plan.notes,
    ...(plan.shim
      ? {
          shim: {
            file: plan.shim.file,
            flags: plan.shim.flagKeys,
            urlVariable: plan.shim.urlVariable,
            nowAsync: plan.shim.asyncExports,
          },
        }
      : {}),
    ...(result.codemod
      ? {
          codemod: {
            files: result.codemod.edits.length,
            unsafe: result.codemod.unsafe,
          },
        }
      : {}),
  };
}

const VERB: Record<string, string> = {
  create: 'create',
  update: 'update',
  overwrite: 'overwrite',
  delete: 'delete',
  kept: 'keep',
  conflict: 'conflict',
};

/** Prints the result for a person. */
export function printGenerateResult(io: CliIo, result: GenerateResult): void {
  const { plan, write } = result;
  const out = (line = ''): void => void io.stdout.write(`${line}\n`);
  const changed = write.changes.filter(change => change.kind !== 'identical');
  const identical = write.changes.length - changed.length;
  if (write.dryRun) {
    out(`faultline ${plan.command} (dry run: nothing written) → ${plan.service.dir}`);
    for (const change of changed)
      if (change.diff) io.stdout.write(change.diff.endsWith('\n') ? change.diff : `${change.diff}\n`);
  } else out(`faultline ${plan.command} → ${plan.service.dir}`);
  for (const change of changed)
    out(
      `  ${(VERB[change.kind] ?? change.kind).padEnd(9)} ${change.path}${change.reason ? ` (${change.reason})` : ''}`,
    );
  if (!write.changed)
    out(`  nothing to ${write.dryRun ? 'change' : 'write'}: all ${identical} files are up to date`);
  else if (identical > 0) out(`  ${identical} file${identical === 1 ? '' : 's'} unchanged`);
  if (plan.operations.length > 0) {
    out();
    out('routes:');
    for (const operation of plan.operations)
      out(
        `  POST ${operation.route}  ${operation.idempotent ? 'idempotent' : 'not idempotent: sent with an Idempotency-Key'}`,
      );
  }
  if (plan.shim) {
    out();
    out(`the library's shim (${plan.shim.file}): every call stays local until the flags move it`);
    out(
      `  flags: ${plan.shim.flagKeys.mode} = local | shadow | remote | remote-with-local-fallback, ${plan.shim.flagKeys.rollout} = 0–100 (% of evaluation-context keys)`,
    );
    out(`  the service's URL: ${plan.shim.urlVariable} (default ${plan.shim.defaultUrl})`);
    if (plan.shim.asyncExports.length > 0)
      out(`  now async: ${plan.shim.asyncExports.join(', ')} (their callers must await them)`);
  }
  if (result.codemod) {
    const { edits, unsafe } = result.codemod;
    out();
    out(
      `call sites: ${edits.length} consumer file${edits.length === 1 ? '' : 's'} rewritten to await the async exports${unsafe.length > 0 ? `; ${unsafe.length} left for you to decide:` : ''}`,
    );
    for (const site of unsafe) out(`  ${site.path}:${site.line}:${site.column}  ${site.reason}`);
  }
  if (plan.leftOut.length > 0) {
    out();
    out('left out (--allow-blocked):');
    for (const entry of plan.leftOut) {
      out(`  ${entry.name}`);
      for (const reason of entry.reasons) out(`    - ${reason}`);
    }
  }
  if (plan.notes.length > 0) {
    out();
    out('notes:');
    for (const note of plan.notes) out(`  - ${note}`);
  }
  if (write.changed && !write.dryRun) {
    out();
    out('next:');
    out(`  add ${plan.service.dir} and ${plan.service.dir}/client to your workspaces, then npm install`);
    out(
      `  npm run build --workspace ${plan.service.packageName} && npm test --workspace ${plan.service.packageName}`,
    );
    out(`  PORT=8080 npm start --workspace ${plan.service.packageName}`);
    if (plan.shim) {
      out(
        `  move traffic with the flag ${plan.shim.flagKeys.mode}: shadow first, then remote-with-local-fallback`,
      );
      out(`  faultline rollback ${plan.service.name}  # to undo all of it, byte for byte`);
    }
  }
}

/** The options every command that writes shares: --out, --dry-run, --force, --templates, --json, --verbose. */
export function withWriteOptions<T>(yargs: Argv<T>): Argv<T> {
  return yargs
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
    .option('verbose', {
      type: 'boolean',
      default: false,
      describe: 'Show stack traces on errors',
    }) as unknown as Argv<T>;
}

/**
 * With --json, a failure is machine-readable too: `{ ok: false, error, files? }` on stdout (the
 * conflicts, for an edited file), while the message still goes to stderr and the exit code says
 * what kind of failure it was.
 */
export function printJsonFailure(io: CliIo, error: unknown): void {
  const failure = error as {
    name?: string;
    message?: string;
    exitCode?: number;
    report?: { changes: { path: string; kind: string; reason?: string }[] };
  };
  const summary: Record<string, unknown> = {
    ok: false,
    error: {
      name: failure.name ?? 'Error',
      message: failure.message ?? String(error),
      exitCode: failure.exitCode ?? 1,
    },
  };
  if (failure.report)
    summary.files = failure.report.changes.map(change => ({
      path: change.path,
      change: change.kind,
      ...(change.reason ? { reason: change.reason } : {}),
    }));
  io.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
}
