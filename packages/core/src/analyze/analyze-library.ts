// `analyze`: from a library and the exports consumers use, to plain facts about whether (and how)
// each export can become a service. One Project; type queries on the exports' closures only;
// references searched only for closure state and for the functions the async ripple reaches.
import { createRequire } from 'node:module';
import path from 'node:path';

import { type FaultlineSettings, SettingsError, parseSettings } from '@faultline/catalog';
import { ts } from 'ts-morph';

import { InputError } from '../errors.js';
import { type Unit, Units, buildClosure } from './closure.js';
import { codeInfo } from './codes.js';
import { analyzeConsumers } from './consumers.js';
import { analyzeEffects } from './effects.js';
import { resolveExports } from './exports.js';
import {
  excludeMatcher,
  findConsumers,
  findEntry,
  findRepositoryRoot,
  followProjectReferences,
  installedVersion,
  isInside,
  locateLibrary,
  relativeTo,
} from './input.js';
import type {
  AnalysisReport,
  ExportAnalysis,
  ExportKind,
  ExternalPackage,
  Hazard,
  InputProblem,
  OverloadAnalysis,
  Ripple,
  Unknown,
} from './model.js';
import { REPORT_SCHEMA_VERSION } from './model.js';
import { openProject } from './project.js';
import { RemoteCalls } from './remote-calls.js';
import { type Finding as ServerFinding, analyzeServerDependence } from './server-dependence.js';
import { analyzeState } from './state.js';
import { type Context, isFunctionLike, locate, relativeFile, topLevelUnit, unwrap, walk } from './ts-util.js';
import { decideVerdict } from './verdict.js';
import { collectModuleFiles, describeSignature } from './wire-schema.js';
import { analyzeSignature, analyzeValue, wireHazards } from './wire-types.js';

export interface AnalyzeOptions {
  /** The library: a package folder or its tsconfig, relative to `cwd`. */
  library: string;
  /** Export names as consumers import them. */
  exports: readonly string[];
  /** Consumer package folders; default: every workspace of the monorepo that imports the library. */
  consumers?: readonly string[];
  /** The entry file consumers import, when package.json does not say. */
  entry?: string;
  /** Where relative paths start; default `process.cwd()`. */
  cwd?: string;
  /**
   * The repository root (paths outside it are refused); default: the nearest folder with `.git`,
   * else the npm/yarn/pnpm workspace root around `cwd`.
   */
  root?: string;
  /** Globs of files whose call sites are not followed (`--exclude`), relative to the repository root. */
  exclude?: readonly string[];
  /** Called as the analysis moves from stage to stage (for a progress display). */
  onProgress?: (event: ProgressEvent) => void;
  /** Also describe each single-signature function exactly as it crosses the wire (for `extract`). */
  wire?: boolean;
  /**
   * Files to read with other content than the disk's, by absolute path; `null` leaves a file out.
   * `extract` run again passes the library as it was before faultline's shim edited it.
   */
  overrides?: Readonly<Record<string, string | null>>;
  /**
   * The project's `settings.faultline` (as written in an ESLint config: `clients`,
   * `timeoutWrappers`, …), so a team's own clients and wrappers count as they do in the rules.
   * `loadEslintSettings` reads them from the project's ESLint config. Default: none.
   */
  settings?: unknown;
}

export interface ProgressEvent {
  stage: 'load' | 'exports' | 'closure' | 'consumers' | 'done';
  message: string;
  current?: number;
  total?: number;
}

const toolVersion: string = (() => {
  try {
    return (createRequire(import.meta.url)('../../package.json') as { version: string }).version;
  } catch {
    return '0.0.0';
  }
})();

function exportKind(checker: ts.TypeChecker, symbol: ts.Symbol): ExportKind {
  const flags = symbol.flags;
  if (flags & ts.SymbolFlags.Class) return 'class';
  if (flags & ts.SymbolFlags.Function) return 'function';
  if (flags & ts.SymbolFlags.Enum) return 'enum';
  if (flags & ts.SymbolFlags.Variable || flags & ts.SymbolFlags.Property) {
    const type = checker.getTypeOfSymbol(symbol);
    return type.getCallSignatures().length > 0 ? 'function' : 'value';
  }
  if (flags & (ts.SymbolFlags.ValueModule | ts.SymbolFlags.NamespaceModule)) return 'namespace';
  if (flags & ts.SymbolFlags.Type) return 'type';
  return 'unknown';
}

function isPromiseLike(checker: ts.TypeChecker, type: ts.Type): boolean {
  const name = type.getSymbol()?.name;
  if (name === 'Promise' || name === 'PromiseLike') return true;
  if (type.isUnion())
    return type.types.every(
      part => part.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Null) || isPromiseLike(checker, part),
    );
  return false;
}

/** `this` in an exported function's own body (not in nested functions or classes, which bind their own). */
function usesThis(declaration: ts.Node): ts.Node | undefined {
  let fn: ts.Node | undefined = declaration;
  if (ts.isVariableDeclaration(declaration) && declaration.initializer) fn = unwrap(declaration.initializer);
  if (!fn || !isFunctionLike(fn) || ts.isArrowFunction(fn)) return undefined;
  let found: ts.Node | undefined;
  walk(fn, node => {
    if (found) return false;
    if (node.kind === ts.SyntaxKind.ThisKeyword) {
      found = node;
      return false;
    }
    if ((isFunctionLike(node) && !ts.isArrowFunction(node)) || ts.isClassLike(node)) return false;
    return true;
  });
  return found;
}

/** Runs the analysis and returns the report: plain data, no ts-morph objects. */
export function analyzeLibrary(options: AnalyzeOptions): AnalysisReport {
  const cwd = path.resolve(options.cwd ?? process.cwd());
  const root = path.resolve(options.root ?? findRepositoryRoot(cwd));
  const progress = options.onProgress ?? ((): void => undefined);
  const names = [...new Set(options.exports.map(name => name.trim()).filter(Boolean))];
  if (names.length === 0) throw new InputError('name at least one export with --export.');

  let settings: FaultlineSettings;
  try {
    settings = parseSettings(options.settings);
  } catch (error) {
    if (error instanceof SettingsError) throw new InputError(error.message);
    throw error;
  }
  const isExcluded = excludeMatcher(options.exclude ?? [], root);
  progress({ stage: 'load', message: 'reading the library' });
  const located = locateLibrary(options.library, cwd, root);
  const entryPath = findEntry(located, options.entry, cwd, root);
  const library = followProjectReferences(located, entryPath, root);
  if (!isInside(root, entryPath))
    throw new InputError(`the entry ${options.entry ?? entryPath} is outside the repository.`);
  const libraryName = library.packageJson.name;
  const consumers = findConsumers(library, libraryName, options.consumers, cwd, root);
  progress({
    stage: 'load',
    message: `loading the project (${consumers.length} consumer package${consumers.length === 1 ? '' : 's'})`,
  });
  const opened = openProject(library, entryPath, consumers, libraryName, options.overrides);
  const ctx: Context = {
    program: opened.program,
    checker: opened.checker,
    root,
    libraryDir: library.dir,
    libraryFiles: opened.libraryFiles,
    language: opened.language,
  };
  const javascript = opened.language === 'javascript';
  const label = libraryName ?? relativeTo(root, library.dir);

  progress({
    stage: 'exports',
    message: `resolving ${names.length} export${names.length === 1 ? '' : 's'} in ${relativeTo(root, entryPath)}`,
  });
  const resolved = resolveExports(ctx.checker, opened.entry, names, label);

  const problems: InputProblem[] = [...(library.tsconfig?.problems ?? [])];
  const fileProblems = new Map<string, Unknown[]>();
  const compilerOptions = ctx.program.getCompilerOptions();
  const resolutionCache = ts.createModuleResolutionCache(library.dir, name => name, compilerOptions);
  let ambientModules: Set<string> | undefined;
  /** Imports that resolve to nothing, found by module resolution alone (no type checking). */
  const unresolvedImports = (sourceFile: ts.SourceFile): Unknown[] => {
    ambientModules ??= new Set(
      ctx.checker.getAmbientModules().map(symbol => symbol.name.replace(/^"|"$/g, '')),
    );
    const found: Unknown[] = [];
    for (const statement of sourceFile.statements) {
      const specifier =
        (ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement)) &&
        statement.moduleSpecifier &&
        ts.isStringLiteral(statement.moduleSpecifier)
          ? statement.moduleSpecifier
          : undefined;
      if (!specifier || ambientModules.has(specifier.text)) continue;
      const mode = ts.getModeForUsageLocation(sourceFile, specifier, compilerOptions);
      const result = ts.resolveModuleName(
        specifier.text,
        sourceFile.fileName,
        compilerOptions,
        ts.sys,
        resolutionCache,
        undefined,
        mode,
      );
      if (result.resolvedModule) continue;
      const { line, character } = sourceFile.getLineAndCharacterOfPosition(specifier.getStart(sourceFile));
      const info = codeInfo('FL903');
      found.push({
        code: info.code,
        name: info.name,
        message: `Cannot find module '${specifier.text}' or its corresponding type declarations: what comes from it is not known.`,
        location: { file: relativeFile(ctx, sourceFile.fileName), line: line + 1, column: character + 1 },
      });
    }
    return found;
  };
  const problemsOf = (fileName: string, check: 'syntax' | 'types' | 'imports'): Unknown[] => {
    const key = `${fileName}\0${check}`;
    const cached = fileProblems.get(key);
    if (cached) return cached;
    const sourceFile = ctx.program.getSourceFile(fileName);
    const found: Unknown[] = [];
    const semantic = check === 'types';
    if (sourceFile && check === 'imports') {
      found.push(...unresolvedImports(sourceFile));
    } else if (sourceFile) {
      const diagnostics = semantic
        ? ctx.program.getSemanticDiagnostics(sourceFile)
        : ctx.program.getSyntacticDiagnostics(sourceFile);
      const relevant = semantic
        ? diagnostics.filter(diagnostic => diagnostic.category === ts.DiagnosticCategory.Error)
        : diagnostics;
      const unresolved = relevant.filter(diagnostic => diagnostic.code === 2307 || diagnostic.code === 2792);
      const other = relevant.filter(diagnostic => !unresolved.includes(diagnostic));
      const at = (diagnostic: ts.Diagnostic): { file: string; line: number; column: number } => {
        const { line, character } = sourceFile.getLineAndCharacterOfPosition(diagnostic.start ?? 0);
        return { file: relativeFile(ctx, fileName), line: line + 1, column: character + 1 };
      };
      for (const diagnostic of unresolved) {
        const info = codeInfo('FL903');
        found.push({
          code: info.code,
          name: info.name,
          message: `${ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ').replace(/\.$/, '')}: what comes from it is not known.`,
          location: at(diagnostic),
        });
      }
      const first = other[0];
      if (first) {
        const info = codeInfo(semantic ? 'FL902' : 'FL901');
        const count = other.length > 1 ? ` (and ${other.length - 1} more)` : '';
        found.push({
          code: info.code,
          name: info.name,
          message: `${semantic ? 'type error' : 'syntax error'}: ${ts.flattenDiagnosticMessageText(first.messageText, ' ').replace(/\.$/, '')}${count}; the analysis went on, and types near it may be wrong.`,
          location: at(first),
        });
      }
    }
    fileProblems.set(key, found);
    return found;
  };
  // Syntax errors anywhere in the library are cheap to find (parsing is done); type errors are looked for only in closure files.
  for (const fileName of ctx.libraryFiles)
    for (const problem of problemsOf(fileName, 'syntax')) problems.push(problem);

  const units = new Units(ctx);
  const remote = new RemoteCalls(ctx, settings);
  const serverFindings = new WeakMap<Unit, ServerFinding[]>();
  const stateScope = [
    ...ctx.libraryFiles,
    ...[...opened.consumerFiles.values()].flat().map(file => file.fileName),
  ]
    .map(file => ctx.program.getSourceFile(file))
    .filter((file): file is ts.SourceFile => file !== undefined && !file.isDeclarationFile);
  const analyses: ExportAnalysis[] = [];
  resolved.forEach((resolvedExport, index) => {
    progress({
      stage: 'closure',
      message: `analysing ${resolvedExport.name}`,
      current: index + 1,
      total: resolved.length,
    });
    const symbol = resolvedExport.symbol;
    const declarations = resolvedExport.declarations.filter(declaration =>
      ctx.libraryFiles.has(declaration.getSourceFile().fileName),
    );
    const kind = exportKind(ctx.checker, symbol);
    const first = declarations[0] ?? resolvedExport.declarations[0];
    const unknowns: Unknown[] = [];
    const hazards: Hazard[] = [];
    if (!first) {
      unknowns.push({
        code: 'FL905',
        name: codeInfo('FL905').name,
        message: `${resolvedExport.name} has no declaration the analysis can see.`,
      });
    }
    const roots = declarations.map(declaration => topLevelUnit(declaration) ?? declaration);
    const closure = buildClosure(ctx, units, roots);
    unknowns.push(...closure.unknowns);

    // Types that cross the network.
    let isAsync = false;
    let signatureText: string | undefined;
    let soleSignature: ts.Signature | undefined;
    let exportSignatures: readonly ts.Signature[] = [];
    if (first && (kind === 'function' || kind === 'value' || kind === 'class')) {
      const type = ctx.checker.getTypeOfSymbolAtLocation(symbol, first);
      const signatures = kind === 'function' ? type.getCallSignatures() : [];
      exportSignatures = signatures;
      if (kind === 'function') {
        isAsync =
          signatures.length > 0 &&
          signatures.every(signature => isPromiseLike(ctx.checker, signature.getReturnType()));
        signatureText = signatures
          .map(signature =>
            ctx.checker.signatureToString(signature, undefined, ts.TypeFormatFlags.NoTruncation),
          )
          .join(' & ');
        if (signatures.length === 1 && !signatures[0]?.getTypeParameters()?.length)
          soleSignature = signatures[0];
        let wireFindings = 0;
        signatures.forEach((signature, signatureIndex) => {
          // Overload-heavy exports (rxjs's combineLatest has 14) repeat the same findings: stop at a budget.
          if (wireFindings >= 60) {
            if (signatureIndex === signatures.length - 1)
              unknowns.push({
                code: 'FL907',
                name: codeInfo('FL907').name,
                message: `only the first overloads were walked (${signatures.length} in all): the findings listed are a sample.`,
                location: locate(ctx, first),
              });
            return;
          }
          const shape = analyzeSignature(ctx, signature, javascript);
          wireFindings += shape.findings.length;
          for (const finding of shape.findings)
            if (signatures.length > 1) finding.path = `overload[${signatureIndex}].${finding.path}`;
          hazards.push(...wireHazards(ctx, shape.findings));
          unknowns.push(...shape.unknowns);
          if (shape.truncated)
            unknowns.push({
              code: 'FL907',
              name: codeInfo('FL907').name,
              message:
                'the parameter and result types are too large or deep: only the first findings are listed.',
              location: locate(ctx, first),
            });
          if (signature.getTypeParameters()?.length) {
            const info = codeInfo('FL701');
            if (!hazards.some(hazard => hazard.code === 'FL701')) {
              const params = signature
                .getTypeParameters()
                ?.map(parameter => parameter.symbol.name)
                .join(', ');
              hazards.push({
                code: info.code,
                name: info.name,
                severity: info.severity,
                message: `${resolvedExport.name} is generic (<${params}>): a remote endpoint needs one concrete request and response schema per instantiation.`,
                location: locate(ctx, first),
              });
            }
          }
        });
        if (signatures.length > 1) {
          const info = codeInfo('FL702');
          hazards.push({
            code: info.code,
            name: info.name,
            severity: info.severity,
            message: `${resolvedExport.name} has ${signatures.length} overloads: one endpoint needs one request shape; split it or merge the overloads into a union.`,
            location: locate(ctx, first),
            detail: { overloads: signatures.length },
          });
        }
        for (const declaration of declarations) {
          const thisNode = usesThis(declaration);
          if (thisNode) {
            const info = codeInfo('FL703');
            hazards.push({
              code: info.code,
              name: info.name,
              severity: info.severity,
              message: `${resolvedExport.name} uses \`this\`: a remote call has no receiver; pass what it needs as arguments.`,
              location: locate(ctx, thisNode),
            });
            break;
          }
        }
      } else if (kind === 'value') {
        const info = codeInfo('FL704');
        hazards.push({
          code: info.code,
          name: info.name,
          severity: info.severity,
          message: `${resolvedExport.name} is a value, not a function: consumers read it synchronously; keep it in the library (or serve it as configuration).`,
          location: locate(ctx, first),
        });
        const shape = analyzeValue(ctx, type, first, javascript);
        hazards.push(...wireHazards(ctx, shape.findings));
        unknowns.push(...shape.unknowns);
      } else {
        const info = codeInfo('FL705');
        hazards.push({
          code: info.code,
          name: info.name,
          severity: info.severity,
          message: `${resolvedExport.name} is a class: its instances live in the caller's process and carry methods; export functions that take and return plain data instead.`,
          location: locate(ctx, first),
        });
      }
    } else if (first && (kind === 'type' || kind === 'enum')) {
      const info = codeInfo('FL706');
      hazards.push({
        code: info.code,
        name: info.name,
        severity: info.severity,
        message: `${resolvedExport.name} is ${kind === 'enum' ? 'an enum' : 'a type'}: nothing runs, so nothing moves; it belongs in the shared contract of the service and its client.`,
        location: locate(ctx, first),
      });
    }
    if (javascript && !unknowns.some(unknown => unknown.code === 'FL904')) {
      const info = codeInfo('FL904');
      unknowns.push({
        code: info.code,
        name: info.name,
        message:
          'the library is JavaScript: types are inferred from code and JSDoc where possible; where they are not, what crosses the network cannot be known.',
        ...(first ? { location: locate(ctx, first) } : {}),
      });
    }

    // What the closure does, and the state it keeps.
    const runtimeUnits = closure.units;
    hazards.push(...analyzeEffects(ctx, remote, runtimeUnits));
    hazards.push(...analyzeServerDependence(ctx, runtimeUnits, serverFindings));
    hazards.push(...analyzeState(ctx, stateScope, remote, runtimeUnits, node => units.unitOf(node).id));

    // Consumers.
    progress({
      stage: 'consumers',
      message: `following callers of ${resolvedExport.name}`,
      current: index + 1,
      total: resolved.length,
    });
    const consumerFindings = analyzeConsumers(
      ctx,
      {
        libraryName,
        libraryDir: library.dir,
        consumerFiles: opened.consumerFiles,
        packageDirs: new Map(consumers.map(consumer => [consumer.name, consumer.dir])),
        isExcluded,
      },
      resolvedExport.name,
      symbol,
      declarations.map(declaration => topLevelUnit(declaration) ?? declaration),
      isAsync || kind !== 'function',
      exportSignatures,
    );
    if (kind === 'function') hazards.push(...consumerFindings.hazards);
    const typeArguments = consumerFindings.typeArguments;
    const generic = hazards.find(hazard => hazard.code === 'FL701');
    if (generic && typeArguments.length > 0) {
      const used = typeArguments.map(entry => `<${entry.types.join(', ')}>`);
      generic.message = `${generic.message.replace(/\.$/, '')}; consumers call it with ${used.slice(0, 5).join(', ')}${used.length > 5 ? ` and ${used.length - 5} more` : ''}.`;
      generic.detail = { ...generic.detail, typeArguments: used };
    }

    // Problems in the files this export depends on.
    const files = [...new Set(closure.units.map(unit => unit.file))].sort();
    // Type errors are looked for in the files that declare the export (its signature's types are
    // read there); type-checking every closure file costs as much as tsc on them, so elsewhere
    // only imports that resolve to nothing are looked for, by module resolution alone.
    const ownFiles = new Set(declarations.map(declaration => declaration.getSourceFile().fileName));
    for (const file of files) {
      const semantic = !javascript && !file.endsWith('.d.ts') && ownFiles.has(file);
      const checks = [
        ...problemsOf(file, 'syntax'),
        ...(semantic ? problemsOf(file, 'types') : file.endsWith('.d.ts') ? [] : problemsOf(file, 'imports')),
      ];
      for (const problem of checks) {
        if (
          !unknowns.some(
            unknown =>
              unknown.code === problem.code &&
              unknown.location?.file === problem.location?.file &&
              unknown.location?.line === problem.location?.line,
          )
        )
          unknowns.push(problem);
      }
    }

    const externals: ExternalPackage[] = [...closure.externals.values()]
      .map(use => {
        const declared = [
          library.packageJson.dependencies,
          library.packageJson.peerDependencies,
          library.packageJson.optionalDependencies,
          library.packageJson.devDependencies,
        ].find(deps => deps && use.name in deps)?.[use.name];
        const installed = use.kind === 'package' ? installedVersion(use.name, library.dir, root) : undefined;
        return {
          name: use.name,
          kind: use.kind,
          ...(declared ? { declared } : {}),
          ...(installed ? { installed } : {}),
          specifiers: [...use.specifiers].sort(),
          usedBy: [...use.usedBy].sort(),
          typeOnly: !use.runtime,
        };
      })
      .sort((a, b) => a.name.localeCompare(b.name));
    const sortedHazards = hazards.sort(
      (a, b) =>
        severityRank(a.severity) - severityRank(b.severity) ||
        a.code.localeCompare(b.code) ||
        a.location.file.localeCompare(b.location.file) ||
        a.location.line - b.location.line ||
        a.location.column - b.location.column,
    );
    const wire =
      options.wire && soleSignature
        ? describeSignature(
            ctx,
            soleSignature,
            symbol,
            sortedHazards
              .filter(hazard => hazard.code === 'FL601')
              .map(hazard => String(hazard.detail?.errorClass)),
            opened.entry,
          )
        : undefined;
    const verdict = decideVerdict(sortedHazards, unknowns);
    const overloads =
      exportSignatures.length > 1
        ? overloadAnalyses(ctx.checker, exportSignatures, sortedHazards, unknowns, consumerFindings.ripple)
        : undefined;
    if (overloads && verdict.status === 'blocked') {
      // A function blocked by one form only (its curried, data-last overload) is extractable in another.
      for (const overload of overloads)
        if (overload.verdict.status !== 'blocked')
          verdict.reasons.push(
            `overload[${overload.index}] ${overload.signature} alone is ${overload.verdict.status === 'extractable' ? 'extractable' : 'extractable with changes'}: extract can take that form`,
          );
    }
    analyses.push({
      name: resolvedExport.name,
      kind,
      declaration: {
        name: symbol.name === 'default' ? (first ? topLevelName(first) : 'default') : symbol.name,
        location: first ? locate(ctx, first) : { file: relativeTo(root, entryPath), line: 1, column: 1 },
      },
      ...(signatureText ? { signature: signatureText } : {}),
      isAsync,
      closure: {
        declarations: closure.units.map(unit => ({
          id: unit.id,
          name: unit.name,
          kind: unit.kind,
          location: locate(ctx, unit.nodes[0] as ts.Node),
          typeOnly: unit.typeOnly,
        })),
        files: files.map(file => relativeFile(ctx, file)),
        externals,
        edges: [...closure.edges.entries()].flatMap(([from, targets]) =>
          [...targets].map(to => ({ from, to })),
        ),
      },
      hazards: sortedHazards,
      ripple: consumerFindings.ripple,
      chattiness: consumerFindings.chattiness,
      unknowns,
      verdict,
      ...(overloads ? { overloads } : {}),
      ...(generic && typeArguments.length > 0 ? { typeArguments } : {}),
      ...(wire
        ? {
            wire,
            moduleFiles: collectModuleFiles(
              ctx,
              files.map(file => relativeFile(ctx, file)),
            ),
          }
        : {}),
    });
  });
  progress({ stage: 'done', message: 'done' });

  const summary = { extractable: 0, 'extractable-with-changes': 0, blocked: 0 };
  for (const analysis of analyses) summary[analysis.verdict.status]++;
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: { name: 'faultline', version: toolVersion },
    library: {
      name: label,
      ...(library.packageJson.version ? { version: library.packageJson.version } : {}),
      root: relativeTo(root, library.dir),
      files: [...ctx.libraryFiles].filter(file => !file.endsWith('.d.ts')).length,
      ...(library.tsconfig ? { tsconfig: relativeTo(root, library.tsconfig.path) } : {}),
      entries: [relativeTo(root, entryPath)],
      language: opened.language,
    },
    consumers: consumers.map(consumer => ({
      name: consumer.name,
      ...(consumer.version ? { version: consumer.version } : {}),
      root: relativeTo(root, consumer.dir),
      files: opened.consumerFiles.get(consumer.name)?.length ?? 0,
    })),
    exports: analyses,
    problems: dedupeProblems([
      ...problems,
      ...analyses.flatMap(analysis =>
        analysis.unknowns.filter(unknown => ['FL901', 'FL902', 'FL903'].includes(unknown.code)),
      ),
    ]),
    summary,
  };
}

/**
 * Each overload judged alone: its own parameter and result hazards (paths `overload[N].…`), the
 * hazards every form shares (closure, state, effects), and the call sites that use it.
 */
function overloadAnalyses(
  checker: ts.TypeChecker,
  signatures: readonly ts.Signature[],
  hazards: readonly Hazard[],
  unknowns: readonly Unknown[],
  ripple: Ripple,
): OverloadAnalysis[] {
  return signatures.map((signature, index) => {
    const own = hazards.filter(hazard => {
      if (hazard.code === 'FL702') return false; // one overload taken alone is not overloaded
      if (hazard.code === 'FL701') return (signature.getTypeParameters()?.length ?? 0) > 0;
      const overload = /^overload\[(\d+)\]\./.exec(hazard.path ?? '');
      if (overload) return Number(overload[1]) === index;
      if (typeof hazard.detail?.overload === 'number') return hazard.detail.overload === index;
      return true;
    });
    return {
      index,
      signature: checker.signatureToString(signature, undefined, ts.TypeFormatFlags.NoTruncation),
      callSites: ripple.callSites.filter(site => site.overload === index && !site.test).length,
      verdict: decideVerdict(own, unknowns),
    };
  });
}

function topLevelName(node: ts.Node): string {
  const name = (node as ts.NamedDeclaration).name;
  return name && ts.isIdentifier(name) ? name.text : 'default';
}

function severityRank(severity: 'error' | 'warning' | 'info'): number {
  return severity === 'error' ? 0 : severity === 'warning' ? 1 : 2;
}

function dedupeProblems(problems: InputProblem[]): InputProblem[] {
  const seen = new Set<string>();
  return problems
    .filter(problem => {
      const key = `${problem.code}:${problem.location?.file}:${problem.location?.line}:${problem.message}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .sort(
      (a, b) =>
        (a.location?.file ?? '').localeCompare(b.location?.file ?? '') ||
        (a.location?.line ?? 0) - (b.location?.line ?? 0),
    );
}
