// `extract` and `new` end to end, as a library API the CLI stays thin over: analyze (with the wire
// descriptions) → plan (pure) → render (templates) → write (the only disk writer).
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';

import { analyzeLibrary, type ProgressEvent } from './analyze/analyze-library.js';
import { findRepositoryRoot, findWorkspaces, isInside, locateLibrary, relativeTo } from './analyze/input.js';
import type { AnalysisReport } from './analyze/model.js';
import { InputError } from './errors.js';
import { type ExtractMode, type ExtractionPlan, planExtraction } from './plan/extraction-plan.js';
import { validateServiceName } from './plan/names.js';
import { planNewService } from './plan/new-service-plan.js';
import { loadTemplates, renderPlan } from './render/render.js';
import { type WriteReport, writeFiles } from './write/write-files.js';

export interface ExtractOptions {
  library: string;
  exports: readonly string[];
  service: string;
  mode?: ExtractMode;
  /** Output folder, relative to `cwd`. */
  out?: string;
  dryRun?: boolean;
  force?: boolean;
  allowBlocked?: boolean;
  idempotent?: readonly string[];
  /** A folder whose templates replace the built-in ones, file by file. */
  templates?: string;
  cwd?: string;
  root?: string;
  consumers?: readonly string[];
  entry?: string;
  onProgress?: (event: ProgressEvent | { stage: 'plan' | 'render' | 'write'; message: string }) => void;
}

export interface GenerateResult {
  plan: ExtractionPlan;
  write: WriteReport;
  /** The analysis the plan stands on (extract only). */
  analysis?: AnalysisReport;
  root: string;
}

const runtimeVersion: string = (() => {
  try {
    return `^${(createRequire(import.meta.url)('@faultline/runtime/package.json') as { version: string }).version}`;
  } catch {
    return '^0.1.0';
  }
})();

/** The output folder relative to the repository root, refusing one outside it. */
function outRelative(root: string, cwd: string, out: string | undefined): string | undefined {
  if (out === undefined) return undefined;
  const absolute = path.resolve(cwd, out);
  if (!isInside(root, absolute) || absolute === root)
    throw new InputError(
      `the output folder ${out} is outside the repository ${root}: choose a folder inside it with --out.`,
    );
  return relativeTo(root, absolute);
}

/**
 * `faultline extract`: analyses the exports, plans the service and its client, renders the
 * templates and writes the result (or, with `dryRun`, only reports what would change).
 */
export async function extractService(options: ExtractOptions): Promise<GenerateResult> {
  const cwd = path.resolve(options.cwd ?? process.cwd());
  const root = path.resolve(options.root ?? findRepositoryRoot(cwd));
  const progress = options.onProgress ?? ((): void => undefined);
  const mode = options.mode ?? 'wrap';
  // Cheap checks first: a bad name or output folder should not cost an analysis.
  const templates = loadTemplates(
    options.templates === undefined ? undefined : path.resolve(cwd, options.templates),
  );
  const out = outRelative(root, cwd, options.out);
  const library = locateLibrary(options.library, cwd, root);
  const workspaces = findWorkspaces(library.dir, root);
  const workspaceRoot = workspaces ? relativeTo(root, workspaces.root) : undefined;
  validateServiceName(options.service);

  const analysis = analyzeLibrary({
    library: options.library,
    exports: options.exports,
    wire: true,
    cwd,
    root,
    ...(options.consumers ? { consumers: options.consumers } : {}),
    ...(options.entry ? { entry: options.entry } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
  progress({ stage: 'plan', message: 'planning the service and its client' });
  const sources: Record<string, string> = {};
  if (mode === 'move')
    for (const file of new Set(
      analysis.exports.flatMap(entry => entry.moduleFiles ?? []).map(entry => entry.file),
    ))
      sources[file] = fs.readFileSync(path.resolve(root, file), 'utf8');
  const plan = planExtraction(analysis, {
    service: options.service,
    mode,
    runtimeVersion,
    ...(out === undefined ? {} : { out }),
    ...(workspaceRoot === undefined || workspaceRoot === '.' ? {} : { workspaceRoot }),
    ...(options.allowBlocked ? { allowBlocked: true } : {}),
    ...(options.idempotent ? { idempotent: options.idempotent } : {}),
    sources,
  });
  progress({ stage: 'render', message: `rendering ${plan.files.length} files` });
  const files = renderPlan(plan, templates);
  progress({ stage: 'write', message: options.dryRun ? 'comparing with the disk (dry run)' : 'writing' });
  const write = await writeFiles(files, {
    root,
    outDir: plan.service.dir,
    dryRun: options.dryRun === true,
    force: options.force === true,
    generator: 'faultline extract',
    inputs: {
      library: relativeTo(root, library.dir),
      exports: [...options.exports].sort(),
      service: options.service,
      mode,
      ...(options.idempotent?.length ? { idempotent: [...options.idempotent].sort() } : {}),
    },
  });
  return { plan, write, analysis, root };
}

export interface NewServiceOptions {
  service: string;
  out?: string;
  dryRun?: boolean;
  force?: boolean;
  templates?: string;
  cwd?: string;
  root?: string;
}

/** `faultline new`: an empty service (one example operation) from the same templates. */
export async function newService(options: NewServiceOptions): Promise<GenerateResult> {
  const cwd = path.resolve(options.cwd ?? process.cwd());
  const root = path.resolve(options.root ?? findRepositoryRoot(cwd));
  const templates = loadTemplates(
    options.templates === undefined ? undefined : path.resolve(cwd, options.templates),
  );
  const out = outRelative(root, cwd, options.out);
  let workspaceRoot: string | undefined;
  for (let dir = cwd; isInside(root, dir); dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (fs.existsSync(manifest) && /"workspaces"\s*:/.test(fs.readFileSync(manifest, 'utf8'))) {
      workspaceRoot = relativeTo(root, dir);
      break;
    }
    if (dir === root) break;
  }
  const plan = planNewService({
    service: options.service,
    runtimeVersion,
    ...(out === undefined ? {} : { out }),
    ...(workspaceRoot === undefined || workspaceRoot === '.' ? {} : { workspaceRoot }),
  });
  const files = renderPlan(plan, templates);
  const write = await writeFiles(files, {
    root,
    outDir: plan.service.dir,
    dryRun: options.dryRun === true,
    force: options.force === true,
    generator: 'faultline new',
    inputs: { service: options.service },
  });
  return { plan, write, root };
}
