// `faultline drift <service>`: the service's committed openapi.json is the snapshot of the API its
// deployed clients were generated from; the library's code today gives another. This re-plans the
// extraction from the manifest's inputs (reading the library as it was before the shim, like a
// re-run of extract) and compares the two, field by field. A breaking change fails CI (exit 1).
import fs from 'node:fs';
import path from 'node:path';

import { findRepositoryRoot } from './analyze/input.js';
import { CliError, InputError } from './errors.js';
import { type ExtractOptions, prepareExtraction } from './extract.js';
import type { ExtractMode } from './plan/extraction-plan.js';
import { compareApis, type SchemaChange } from './plan/schema-drift.js';
import { findManifests } from './rollback.js';

export interface DriftOptions {
  service: string;
  cwd?: string;
  root?: string;
  onProgress?: ExtractOptions['onProgress'];
}

export interface DriftReport {
  service: string;
  /** The committed document compared against, repository-relative. */
  snapshot: string;
  changes: SchemaChange[];
  breaking: number;
}

/** The library's API changed in a way deployed clients would notice. Exit code 1. */
export class BreakingDriftError extends CliError {
  override name = 'BreakingDriftError';
  override readonly exitCode = 1;
  readonly report: DriftReport;

  constructor(report: DriftReport, lines: string) {
    super(
      `${report.breaking} change${report.breaking === 1 ? '' : 's'} to the ${report.service} API would break the clients already deployed (against ${report.snapshot}):\n${lines}\nKeep the old shape beside the new one until every client is updated, or run faultline extract again and deploy the service and its clients together.`,
    );
    this.report = report;
  }
}

/** Compares the service's committed OpenAPI document with what the library's code gives now. */
export function checkDrift(options: DriftOptions): DriftReport {
  const cwd = path.resolve(options.cwd ?? process.cwd());
  const root = path.resolve(options.root ?? findRepositoryRoot(cwd));
  const found = findManifests(root);
  const match = found.find(entry => entry.manifest.inputs.service === options.service);
  if (!match)
    throw new InputError(
      `no service named ${options.service} was generated in this repository${found.length > 0 ? ` (faultline generated: ${found.map(entry => String(entry.manifest.inputs.service ?? entry.outDir)).join(', ')})` : ''}; check the name.`,
    );
  const inputs = match.manifest.inputs as {
    library?: string;
    exports?: string[];
    mode?: ExtractMode;
    idempotent?: string[];
  };
  if (match.manifest.generator !== 'faultline extract' || !inputs.library || !inputs.exports)
    throw new InputError(
      `${options.service} was made by ${match.manifest.generator}, not from a library: there is no library API to compare with.`,
    );
  const snapshot = path.posix.join(match.outDir, 'openapi.json');
  const absolute = path.resolve(root, snapshot);
  if (!fs.existsSync(absolute))
    throw new InputError(
      `${snapshot} is missing: restore it from version control (it is the API deployed clients know).`,
    );
  let committed: Record<string, unknown>;
  try {
    committed = JSON.parse(fs.readFileSync(absolute, 'utf8')) as Record<string, unknown>;
  } catch (error) {
    throw new InputError(
      `${snapshot}: not valid JSON (${(error as Error).message}); restore it from version control.`,
    );
  }
  const { plan } = prepareExtraction({
    library: path.resolve(root, inputs.library),
    exports: inputs.exports,
    service: options.service,
    ...(inputs.mode ? { mode: inputs.mode } : {}),
    ...(inputs.idempotent ? { idempotent: inputs.idempotent } : {}),
    out: path.resolve(root, match.outDir),
    cwd: root,
    root,
    shim: false,
    // A drift check reports every change, including exports that became blocked.
    allowBlocked: true,
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
  const changes = compareApis(committed, plan.openapi as Record<string, unknown>);
  return {
    service: options.service,
    snapshot,
    changes,
    breaking: changes.filter(change => change.breaking).length,
  };
}
