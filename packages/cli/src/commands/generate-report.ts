// What `extract` and `new` print: the files written (or, with --dry-run, the unified diff of every
// file that would change), the exports left out and why, notes, and the next steps; or, with
// --json, the same as one machine-readable object.
import type { GenerateResult } from '@faultline/core';

import type { CliIo } from '../io.js';

/** The `--json` summary: stable keys, repository-relative paths. */
export function generateSummary(result: GenerateResult): Record<string, unknown> {
  const { plan, write } = result;
  return {
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
  }
}
