// The codemod's program: the library's sources and the consumers', as analyze's openProject builds
// it (one program, the library's name and the consumers' names mapped to their entries), but
// without loading the declaration files of external packages (`noResolve`): the codemod asks only
// about the code it rewrites, and @types/node, undici-types and the like are most of the parsing
// on a small monorepo (bench/codemod). What an external package declares is therefore unknown to
// it, and the planner treats unknown as unsafe (see `isUnknownType`).
import path from 'node:path';

import { Project, ts } from 'ts-morph';

import type { ConsumerInput, LibraryInput } from '../analyze/input.js';
import { isInside, listSourceFiles } from '../analyze/input.js';
import { DEFAULT_OPTIONS, setModuleFormats } from '../analyze/project.js';

export interface CodemodProject {
  program: ts.Program;
  checker: ts.TypeChecker;
  libraryFiles: Set<string>;
  entry: ts.SourceFile;
  consumerFiles: Map<string, ts.SourceFile[]>;
}

function isLibraryPath(dir: string, file: string): boolean {
  return isInside(dir, file) && !file.split(/[\\/]/).includes('node_modules');
}

/** Opens the library and its consumers in one program, external packages left out. */
export function openCodemodProject(
  library: LibraryInput,
  entryPath: string,
  consumers: readonly ConsumerInput[],
  paths: Record<string, string[]>,
): CodemodProject {
  const overrides: ts.CompilerOptions = { paths, noEmit: true, noResolve: true, types: [] };
  const project = library.tsconfig
    ? new Project({
        tsConfigFilePath: library.tsconfig.path,
        compilerOptions: overrides,
        skipFileDependencyResolution: true,
      })
    : new Project({
        compilerOptions: { ...DEFAULT_OPTIONS, ...overrides },
        skipFileDependencyResolution: true,
      });
  if (!library.tsconfig) for (const file of listSourceFiles(library.dir)) project.addSourceFileAtPath(file);
  if (!project.getSourceFile(entryPath)) project.addSourceFileAtPath(entryPath);
  const consumerFiles = new Map<string, string[]>();
  for (const consumer of consumers) {
    const files = consumer.files.filter(file => !isLibraryPath(library.dir, file));
    for (const file of files) if (!project.getSourceFile(file)) project.addSourceFileAtPath(file);
    consumerFiles.set(consumer.name, files);
  }
  // Each file's module format as its package.json implies: it decides whether top-level await is allowed.
  setModuleFormats(project, library.dir);
  const program = project.getProgram().compilerObject;
  const checker = program.getTypeChecker();
  const libraryFiles = new Set<string>();
  for (const sourceFile of program.getSourceFiles())
    if (
      isLibraryPath(library.dir, path.resolve(sourceFile.fileName)) &&
      !program.isSourceFileDefaultLibrary(sourceFile)
    )
      libraryFiles.add(sourceFile.fileName);
  const find = (file: string): ts.SourceFile | undefined =>
    program.getSourceFile(file) ?? program.getSourceFile(file.split(path.sep).join('/'));
  const entry = find(entryPath);
  if (!entry) throw new Error(`the entry ${entryPath} is not part of the program`);
  const consumerSources = new Map<string, ts.SourceFile[]>();
  for (const [name, files] of consumerFiles)
    consumerSources.set(
      name,
      files.map(find).filter((file): file is ts.SourceFile => file !== undefined),
    );
  return { program, checker, libraryFiles, entry, consumerFiles: consumerSources };
}
