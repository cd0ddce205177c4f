// The library half of the strangler fig: a shim module that keeps each extracted export's name and
// parameter types and routes every call by a feature flag (local, shadow, remote, or remote with
// a local fallback), and the two edits that put it in place: the library's entry re-exports the
// extracted names from the shim instead of their modules, and its package.json gains the runtime,
// OpenFeature and the generated client. Planning is pure; the edits are text in, text out, so the
// write stage can show them as diffs and rollback can restore the originals byte for byte.
import path from 'node:path';

import ts from 'typescript';

import type { AnalysisReport, ExportAnalysis } from '../analyze/model.js';
import { InputError } from '../errors.js';
import type { PlannedOperation } from './extraction-plan.js';
import { isSafeIdentifier } from './names.js';

/** The @openfeature/server-sdk range the shim is written against. */
export const OPENFEATURE_VERSION = '^1.20.0';

export interface ShimOperation {
  /** The export name. */
  name: string;
  /** The name the shim imports the library's own implementation under. */
  localAlias: string;
  /** The implementation's name in the module that declares it. */
  local: string;
  /** Module specifier of that module, relative to the shim. */
  from: string;
  parameters: { name: string; optional: boolean; signal: boolean }[];
  /** The parameters the client sends (signals become the call's signal). */
  sent: { name: string }[];
  signal?: string;
  /** Returned a plain value before: callers now await it (the codemod's input). */
  wasSync: boolean;
}

export interface ShimPlan {
  /** Repository-relative paths of the shim, the library's entry and its package.json. */
  file: string;
  entry: string;
  packageJson: string;
  clientPackage: string;
  /** `createPricingClient`. */
  clientFactory: string;
  /** The environment variable with the service's base URL, and the URL used without it. */
  urlVariable: string;
  defaultUrl: string;
  flagKeys: { mode: string; rollout: string };
  operations: ShimOperation[];
  /** The library's error classes, imported so the client rebuilds remote errors as them. */
  errorClasses: { name: string; local: string; from: string }[];
  /** Exports that were synchronous and now return promises. */
  asyncExports: string[];
  /** Dependencies the library gains. */
  dependencies: Record<string, string>;
}

export interface ShimPlanOptions {
  service: { name: string; camel: string; pascal: string; clientPackageName: string };
  operations: readonly PlannedOperation[];
  runtimeVersion: string;
  /** The generated client's version range. */
  clientVersion: string;
  /** The entry's text: its import style (`./x.js` or `./x`) is the shim's. */
  entryText: string;
}

function posix(...parts: string[]): string {
  return path.posix.join(...parts.map(part => part.split(path.sep).join('/')));
}

/** A module specifier from the shim's folder to a library file, in the entry's import style. */
function specifierTo(fromDir: string, file: string, extension: string): string {
  const relative = path.posix
    .relative(fromDir, file)
    .replace(/\.(m|c)?tsx?$/, (_m, kind?: string) => (extension === '' ? '' : `.${kind ?? ''}js`));
  return relative.startsWith('.') ? relative : `./${relative}`;
}

/** The entry's relative import style: with `.js` extensions (Node16/NodeNext), or without. */
function importExtension(entryText: string): string {
  const specifiers = [...entryText.matchAll(/\bfrom\s+['"](\.\.?\/[^'"]+)['"]/g)].map(
    match => match[1] ?? '',
  );
  if (specifiers.length === 0) return '.js';
  return specifiers.some(specifier => /\.(m|c)?js$/.test(specifier)) ? '.js' : '';
}

/**
 * Plans the shim for the exports the service takes over. Throws `InputError` when an export is
 * declared in the entry itself (the entry cannot both keep and replace it) or the library is
 * JavaScript (the shim is TypeScript).
 */
export function planShim(report: AnalysisReport, options: ShimPlanOptions): ShimPlan {
  const entry = report.library.entries[0];
  if (entry === undefined) throw new InputError(`${report.library.root}: the library has no entry file.`);
  if (report.library.language !== 'typescript' || !/\.(m|c)?tsx?$/.test(entry))
    throw new InputError(
      `${entry}: the shim is TypeScript, and this library is JavaScript; extract with --no-shim and route calls yourself.`,
    );
  const dir = path.posix.dirname(entry);
  const file = posix(dir, `${options.service.name}.shim.ts`);
  const extension = importExtension(options.entryText);
  const byName = new Map<string, ExportAnalysis>(report.exports.map(analysis => [analysis.name, analysis]));
  const taken = new Set(options.operations.map(operation => operation.name));
  const aliasFor = (name: string): string => {
    let alias = `${name}Local`;
    while (taken.has(alias)) alias = `_${alias}`;
    taken.add(alias);
    return alias;
  };
  const operations: ShimOperation[] = options.operations.map(operation => {
    const analysis = byName.get(operation.name);
    if (!analysis) throw new Error(`no analysis for ${operation.name}`);
    const declared = analysis.declaration.location.file;
    if (declared === entry)
      throw new InputError(
        `${entry}:${analysis.declaration.location.line}: ${operation.name} is declared in the library's entry, so the shim cannot take its place there; move it to a module of its own and re-export it, then extract again.`,
      );
    const signal = operation.parameters.find(parameter => parameter.signal);
    return {
      name: operation.name,
      localAlias: aliasFor(operation.name),
      local: analysis.declaration.name,
      from: specifierTo(dir, declared, extension),
      parameters: operation.parameters.map(({ name, optional, signal: isSignal }) => ({
        name,
        optional,
        signal: isSignal,
      })),
      sent: operation.sent.map(({ name }) => ({ name })),
      ...(signal ? { signal: signal.name } : {}),
      wasSync: !analysis.isAsync,
    };
  });
  const errorClasses = new Map<string, { name: string; local: string; from: string }>();
  for (const operation of options.operations)
    for (const error of byName.get(operation.name)?.wire?.errors ?? [])
      if (isSafeIdentifier(error.name) && !errorClasses.has(error.name))
        errorClasses.set(error.name, {
          name: error.name,
          local: aliasFor(error.name),
          from: specifierTo(dir, error.location.file, extension),
        });
  const upper = options.service.name.toUpperCase().replace(/[^A-Z0-9]+/g, '_');
  return {
    file,
    entry,
    packageJson: posix(report.library.root, 'package.json'),
    clientPackage: options.service.clientPackageName,
    clientFactory: `create${options.service.pascal}Client`,
    urlVariable: `${upper}_URL`,
    defaultUrl: `http://${options.service.name}`,
    flagKeys: { mode: `${options.service.name}.mode`, rollout: `${options.service.name}.rollout` },
    operations,
    errorClasses: [...errorClasses.values()].sort((a, b) => a.name.localeCompare(b.name)),
    asyncExports: operations.filter(operation => operation.wasSync).map(operation => operation.name),
    dependencies: {
      '@faultline/runtime': options.runtimeVersion,
      '@openfeature/server-sdk': OPENFEATURE_VERSION,
      [options.service.clientPackageName]: options.clientVersion,
    },
  };
}

/**
 * The entry with the extracted names re-exported from the shim: each name leaves the `export {…}
 * from` that carried it (a declaration left empty goes), and one `export { … } from './x.shim.js'`
 * is added after the last export. Names that arrive through `export *` need no removal: an
 * explicit export takes precedence. Only the changed spans are touched; the rest stays byte for byte.
 */
export function shimEntry(entryText: string, shim: ShimPlan, fileName = shim.entry): string {
  const names = new Set(shim.operations.map(operation => operation.name));
  const source = ts.createSourceFile(fileName, entryText, ts.ScriptTarget.Latest, true);
  const edits: { start: number; end: number; text: string }[] = [];
  const shimSpecifier = specifierTo(path.posix.dirname(shim.entry), shim.file, importExtension(entryText));
  let lastExportEnd = -1;
  for (const statement of source.statements) {
    if (ts.isExportDeclaration(statement) || ts.isExportAssignment(statement)) lastExportEnd = statement.end;
    if (!ts.isExportDeclaration(statement) || !statement.exportClause) continue;
    if (!ts.isNamedExports(statement.exportClause)) continue;
    if (
      statement.moduleSpecifier &&
      ts.isStringLiteral(statement.moduleSpecifier) &&
      statement.moduleSpecifier.text === shimSpecifier
    ) {
      // Already shimmed (a re-run on an entry faultline edited): left as it is.
      for (const element of statement.exportClause.elements) names.delete(element.name.text);
      continue;
    }
    const elements = statement.exportClause.elements;
    const removed = elements.filter(element => !element.isTypeOnly && names.has(element.name.text));
    if (removed.length === 0) continue;
    if (removed.length === elements.length) {
      // The whole declaration goes, with its line.
      let end = statement.end;
      if (entryText[end] === '\r') end++;
      if (entryText[end] === '\n') end++;
      edits.push({ start: entryText.lastIndexOf('\n', statement.getStart()) + 1, end, text: '' });
      continue;
    }
    for (const element of removed) {
      const index = elements.indexOf(element);
      // Remove the element with the comma and space that separate it from its neighbour.
      const start = index === 0 ? element.getStart() : (elements[index - 1]?.end ?? element.getStart());
      const end = index === 0 ? (elements[1]?.getStart() ?? element.end) : element.end;
      edits.push({ start, end, text: '' });
    }
  }
  if (names.size > 0) {
    const list = [...names].sort().join(', ');
    const line = `export { ${list} } from '${shimSpecifier}'; // faultline: routed to the ${path.posix.basename(shim.file, '.shim.ts')} service by a flag\n`;
    if (lastExportEnd < 0) edits.push({ start: entryText.length, end: entryText.length, text: line });
    else {
      let at = lastExportEnd;
      const newline = entryText.indexOf('\n', at);
      at = newline < 0 ? entryText.length : newline + 1;
      const prefix = newline < 0 ? '\n' : '';
      edits.push({ start: at, end: at, text: prefix + line });
    }
  }
  let out = entryText;
  for (const edit of edits.sort((a, b) => b.start - a.start))
    out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
  return out;
}

/**
 * The library's package.json with the shim's dependencies added (existing ranges are kept), in the
 * file's own indentation and line endings.
 */
export function shimPackageJson(text: string, shim: ShimPlan, fileName = shim.packageJson): string {
  let manifest: { dependencies?: Record<string, string> } & Record<string, unknown>;
  try {
    manifest = JSON.parse(text) as typeof manifest;
  } catch (error) {
    throw new InputError(
      `${fileName}: not valid JSON (${(error as Error).message}); fix it and extract again.`,
    );
  }
  const dependencies = { ...(manifest.dependencies ?? {}) };
  let changed = false;
  for (const [name, range] of Object.entries(shim.dependencies))
    if (dependencies[name] === undefined) {
      dependencies[name] = range;
      changed = true;
    }
  if (!changed) return text;
  manifest.dependencies = Object.fromEntries(
    Object.entries(dependencies).sort(([a], [b]) => a.localeCompare(b)),
  );
  const indent = /^[ \t]+(?=")/m.exec(text)?.[0] ?? '  ';
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const body = JSON.stringify(manifest, null, indent).replace(/\n/g, eol);
  return text.endsWith('\n') ? body + eol : body;
}
