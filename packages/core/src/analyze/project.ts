// The one place that creates a ts-morph Project: the library (from its tsconfig, or its sources
// when it has none) plus every consumer file, in one program, so that one type checker answers
// every question. Consumers usually import the library by package name, which may not be
// installed: a `paths` entry maps that name to the library's entry so their imports resolve to
// the very declarations we analyse.
import path from 'node:path';

import { Project, ts } from 'ts-morph';

import type { ConsumerInput, LibraryInput } from './input.js';
import { isInside, listSourceFiles } from './input.js';

/** Compiler options for a library without a tsconfig: JavaScript allowed, types inferred where possible. */
export const DEFAULT_OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  allowJs: true,
  checkJs: false,
  strict: true,
  skipLibCheck: true,
  noEmit: true,
  esModuleInterop: true,
  resolveJsonModule: true,
};

export interface OpenedProject {
  project: Project;
  languageService: ts.LanguageService;
  program: ts.Program;
  checker: ts.TypeChecker;
  /** Absolute paths of the library's own source files. */
  libraryFiles: Set<string>;
  entry: ts.SourceFile;
  /** Consumer package name → its source files. */
  consumerFiles: Map<string, ts.SourceFile[]>;
  language: 'typescript' | 'javascript';
}

/**
 * ts-morph parses files with only a target, so under Node16/NodeNext every file would count as
 * CommonJS (`import.meta` errors, wrong interop, top-level await refused). Gives each file the
 * format its package.json implies, as tsc does, before the program is built.
 */
export function setModuleFormats(project: Project, dir: string): void {
  const options = project.getCompilerOptions();
  const formatCache = ts.createModuleResolutionCache(dir, name => name, options).getPackageJsonInfoCache();
  for (const sourceFile of project.getSourceFiles()) {
    const node = sourceFile.compilerNode as ts.SourceFile & { impliedNodeFormat?: ts.ResolutionMode };
    if (node.impliedNodeFormat === undefined)
      node.impliedNodeFormat = ts.getImpliedNodeFormatForFile(node.fileName, formatCache, ts.sys, options);
  }
}

/** True for a library's own files: inside its folder, outside node_modules. */
function isLibraryPath(dir: string, file: string): boolean {
  return isInside(dir, file) && !file.split(/[\\/]/).includes('node_modules');
}

/**
 * Creates the project: the library's files, its entry, and the consumers' files, all in one
 * program. Type checking stays lazy; only the questions the analysis asks are answered.
 */
export function openProject(
  library: LibraryInput,
  entryPath: string,
  consumers: readonly ConsumerInput[],
  libraryName: string | undefined,
  overrides: Readonly<Record<string, string | null>> = {},
): OpenedProject {
  const paths: Record<string, string[]> = { ...(library.tsconfig?.options.paths ?? {}) };
  if (libraryName) {
    paths[libraryName] = [entryPath];
    paths[`${libraryName}/*`] = [path.join(library.dir, '*')];
  }
  let project: Project;
  if (library.tsconfig) {
    project = new Project({
      tsConfigFilePath: library.tsconfig.path,
      compilerOptions: { paths, noEmit: true },
      skipFileDependencyResolution: true,
    });
  } else {
    project = new Project({
      compilerOptions: { ...DEFAULT_OPTIONS, paths },
      skipFileDependencyResolution: true,
    });
    for (const file of listSourceFiles(library.dir)) project.addSourceFileAtPath(file);
  }
  if (!project.getSourceFile(entryPath)) project.addSourceFileAtPath(entryPath);
  for (const [file, content] of Object.entries(overrides)) {
    const existing = project.getSourceFile(file);
    if (content === null) {
      if (existing) project.removeSourceFile(existing);
    } else if (existing) existing.replaceWithText(content);
    else if (isLibraryPath(library.dir, file)) project.createSourceFile(file, content, { overwrite: true });
  }
  const consumerFiles = new Map<string, string[]>();
  for (const consumer of consumers) {
    const files = consumer.files.filter(file => !isLibraryPath(library.dir, file));
    for (const file of files) if (!project.getSourceFile(file)) project.addSourceFileAtPath(file);
    consumerFiles.set(consumer.name, files);
  }
  setModuleFormats(project, library.dir);
  // One program for everything: the language service's, so reference searches reuse the checker
  // that answered the type queries instead of building a second program.
  const languageService = project.getLanguageService().compilerObject;
  const program = languageService.getProgram() ?? project.getProgram().compilerObject;
  const checker = program.getTypeChecker();
  const libraryFiles = new Set<string>();
  let typescriptFiles = 0;
  for (const sourceFile of program.getSourceFiles()) {
    const file = path.resolve(sourceFile.fileName);
    if (!isLibraryPath(library.dir, file) || program.isSourceFileDefaultLibrary(sourceFile)) continue;
    libraryFiles.add(sourceFile.fileName);
    if (/\.(?:ts|tsx|mts|cts)$/.test(file) && !file.endsWith('.d.ts')) typescriptFiles++;
  }
  const entry =
    program.getSourceFile(entryPath) ?? program.getSourceFile(entryPath.split(path.sep).join('/'));
  if (!entry) throw new Error(`the entry ${entryPath} is not part of the program`);
  const consumerSources = new Map<string, ts.SourceFile[]>();
  for (const [name, files] of consumerFiles) {
    consumerSources.set(
      name,
      files
        .map(file => program.getSourceFile(file) ?? program.getSourceFile(file.split(path.sep).join('/')))
        .filter((file): file is ts.SourceFile => file !== undefined),
    );
  }
  return {
    project,
    languageService,
    program,
    checker,
    libraryFiles,
    entry,
    consumerFiles: consumerSources,
    language: typescriptFiles > 0 ? 'typescript' : 'javascript',
  };
}
