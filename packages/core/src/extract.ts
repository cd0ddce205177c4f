// `extract` and `new` end to end, as a library API the CLI stays thin over: analyze (with the wire
// descriptions) → plan (pure) → render (templates) → write (the only disk writer).
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';

import { analyzeLibrary, type ProgressEvent } from './analyze/analyze-library.js';
import { loadEslintSettings } from './analyze/eslint-settings.js';
import { findRepositoryRoot, findWorkspaces, isInside, locateLibrary, relativeTo } from './analyze/input.js';
import type { AnalysisReport } from './analyze/model.js';
import { InputError } from './errors.js';
import { type CodemodPlan, planAsyncCodemod } from './codemod/plan-async-codemod.js';
import {
  type ExtractMode,
  type ExtractionPlan,
  planExtraction,
  serviceDirFor,
} from './plan/extraction-plan.js';
import { validateServiceName } from './plan/names.js';
import { planNewService } from './plan/new-service-plan.js';
import { shimEntry, shimPackageJson } from './plan/shim-plan.js';
import { loadTemplates, renderPlan, type TemplateSet } from './render/render.js';
import { findManifests } from './rollback.js';
import { type ExternalEdit, readOriginals, type WriteReport, writeFiles } from './write/write-files.js';

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
  /** Consumer packages whose call sites the codemod rewrites (default: the workspaces that depend on the library). */
  consumers?: readonly string[];
  /**
   * Put the flag-routed shim in the library and rewrite the consumers' call sites of exports that
   * become async (default true). Off: only the service and its client are written.
   */
  shim?: boolean;
  entry?: string;
  onProgress?: (event: ProgressEvent | { stage: 'plan' | 'render' | 'write'; message: string }) => void;
  /**
   * The project's `settings.faultline`, as `analyzeLibrary` takes them. `extractService` reads them
   * from the project's ESLint config when this is undefined; `false` skips that.
   */
  settings?: unknown;
}

export interface GenerateResult {
  plan: ExtractionPlan;
  write: WriteReport;
  /** The call-site codemod: what it rewrote and what it left for a person (extract with the shim only). */
  codemod?: CodemodPlan;
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

export interface Prepared {
  plan: ExtractionPlan;
  analysis: AnalysisReport;
  root: string;
  cwd: string;
  libraryDir: string;
  templates: TemplateSet;
  /** A repository-relative file's text on disk, if it exists. */
  current: (file: string) => string | undefined;
  /** A file's text before faultline edited it (its original from the manifest), else the disk's. */
  original: (file: string) => string | undefined;
}

/** Analyse and plan, reading the library as it was before faultline's shim edited it. */
export function prepareExtraction(options: ExtractOptions): Prepared {
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
  const placement = {
    ...(out === undefined ? {} : { out }),
    ...(workspaceRoot === undefined || workspaceRoot === '.' ? {} : { workspaceRoot }),
  };
  const outDir = serviceDirFor({ service: options.service, ...placement });

  // Run again, extract must see the library as it was before any shim: the library files faultline
  // edited are read as their originals (whatever the disk holds: a person's later edit is reported
  // as a conflict when writing), and the files it created there are left out.
  const libraryRelative = relativeTo(root, library.dir);
  const inLibrary = (file: string): boolean => isInside(library.dir, path.resolve(root, file));
  const originals = readOriginals(root, outDir, { includeChanged: true });
  const overrides: Record<string, string | null> = {};
  const otherShims: string[] = [];
  for (const { outDir: otherDir, manifest } of findManifests(root)) {
    const ours = otherDir === outDir;
    const edited = Object.entries(manifest.edits ?? {}).filter(([file]) => inLibrary(file));
    if (edited.length === 0) continue;
    if (!ours) otherShims.push(String(manifest.inputs.service ?? otherDir));
    const saved = ours ? originals : readOriginals(root, otherDir, { includeChanged: true });
    for (const [file, record] of edited)
      if (record.original === null) overrides[path.resolve(root, file)] = null;
      else if (saved[file] !== undefined) overrides[path.resolve(root, file)] = saved[file];
  }
  if (options.shim !== false && otherShims.length > 0)
    throw new InputError(
      `${libraryRelative} already routes exports to the ${otherShims.join(', ')} service by a shim; one shim per library at a time (both would edit its entry). Finish that move (or \`faultline rollback ${otherShims[0]}\`), or pass --no-shim to generate only the service and its client.`,
    );
  const analysis = analyzeLibrary({
    library: options.library,
    exports: options.exports,
    wire: true,
    cwd,
    root,
    // The service and client do not depend on who calls the exports; the codemod finds the call
    // sites itself, so analyze does not follow the consumers (it costs as much again).
    consumers: [],
    overrides,
    ...(options.entry ? { entry: options.entry } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    ...(options.settings !== undefined && options.settings !== false ? { settings: options.settings } : {}),
  });
  progress({ stage: 'plan', message: 'planning the service and its client' });
  const current = (file: string): string | undefined => {
    const absolute = path.resolve(root, file);
    return fs.existsSync(absolute) ? fs.readFileSync(absolute, 'utf8') : undefined;
  };
  const original = (file: string): string | undefined =>
    Object.hasOwn(originals, file) ? originals[file] : current(file);
  const sources: Record<string, string> = {};
  if (mode === 'move')
    for (const file of new Set(
      analysis.exports.flatMap(entry => entry.moduleFiles ?? []).map(entry => entry.file),
    ))
      sources[file] = original(file) ?? '';
  const entry = analysis.library.entries[0];
  const plan = planExtraction(analysis, {
    service: options.service,
    mode,
    runtimeVersion,
    ...placement,
    ...(options.allowBlocked ? { allowBlocked: true } : {}),
    ...(options.idempotent ? { idempotent: options.idempotent } : {}),
    sources,
    ...(options.shim !== false && entry !== undefined ? { shim: { entryText: original(entry) ?? '' } } : {}),
  });
  return { plan, analysis, root, cwd, libraryDir: library.dir, templates, current, original };
}

/**
 * `faultline extract`: analyses the exports, plans the service and its client, renders the
 * templates and writes the result (or, with `dryRun`, only reports what would change). With the
 * shim (the default) the library's entry routes the exports by a flag, and the consumers' call
 * sites of exports that became async are rewritten.
 */
export async function extractService(options: ExtractOptions): Promise<GenerateResult> {
  const progress = options.onProgress ?? ((): void => undefined);
  const mode = options.mode ?? 'wrap';
  const settings =
    options.settings === undefined
      ? (
          await loadEslintSettings({
            library: options.library,
            ...(options.entry ? { entry: options.entry } : {}),
            ...(options.cwd ? { cwd: options.cwd } : {}),
          })
        ).settings
      : options.settings;
  const { plan, analysis, root, cwd, libraryDir, templates, current, original } = prepareExtraction({
    ...options,
    settings: settings ?? false,
  });
  progress({ stage: 'render', message: `rendering ${plan.files.length} files` });
  const rendered = renderPlan(plan, templates);
  const files = rendered.filter(file =>
    isInside(path.resolve(root, plan.service.dir), path.resolve(root, file.path)),
  );
  const edits: ExternalEdit[] = rendered
    .filter(file => !files.includes(file))
    .map(file => ({ path: file.path, before: current(file.path), after: file.content, format: true }));
  let codemod: CodemodPlan | undefined;
  if (plan.shim) {
    const shim = plan.shim;
    for (const [file, edit] of [
      [shim.entry, (text: string) => shimEntry(text, shim)],
      [shim.packageJson, (text: string) => shimPackageJson(text, shim)],
    ] as const) {
      const before = current(file);
      if (before === undefined) throw new InputError(`${file}: not found; the shim edits it.`);
      edits.push({ path: file, before, after: edit(original(file) ?? before) });
    }
    if (shim.asyncExports.length > 0) {
      progress({
        stage: 'plan',
        message: `rewriting call sites of ${shim.asyncExports.join(', ')} (now async)`,
      });
      codemod = planAsyncCodemod({
        root,
        library: { name: plan.library?.name ?? '', dir: analysis.library.root },
        exports: shim.asyncExports,
        ...(options.consumers
          ? { consumers: options.consumers.map(dir => relativeTo(root, path.resolve(cwd, dir))) }
          : {}),
      });
      edits.push(...codemod.edits);
    }
  }
  progress({ stage: 'write', message: options.dryRun ? 'comparing with the disk (dry run)' : 'writing' });
  const write = await writeFiles(files, {
    root,
    outDir: plan.service.dir,
    dryRun: options.dryRun === true,
    force: options.force === true,
    generator: 'faultline extract',
    inputs: {
      library: relativeTo(root, libraryDir),
      exports: [...options.exports].sort(),
      service: options.service,
      mode,
      ...(options.idempotent?.length ? { idempotent: [...options.idempotent].sort() } : {}),
      ...(options.shim === false ? { shim: false } : {}),
    },
    edits,
  });
  return { plan, write, analysis, root, ...(codemod ? { codemod } : {}) };
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
