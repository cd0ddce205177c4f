// Shared helpers for the analyze tests: an in-memory project turned into the analysis context.
import { Project, ts } from 'ts-morph';

import type { Context } from '../../packages/core/src/analyze/ts-util.js';

/** An in-memory project (with TypeScript's lib files, so Date, Map and Promise have their types). */
export function memoryContext(files: Record<string, string>): {
  ctx: Context;
  project: Project;
  file: (name: string) => ts.SourceFile;
} {
  const project = new Project({
    useInMemoryFileSystem: true,
    compilerOptions: {
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      strict: true,
      lib: ['lib.es2022.d.ts'],
    },
  });
  for (const [name, text] of Object.entries(files)) project.createSourceFile(`/lib/${name}`, text);
  const program = project.getProgram().compilerObject;
  const libraryFiles = new Set(
    program
      .getSourceFiles()
      .filter(file => file.fileName.startsWith('/lib/'))
      .map(file => file.fileName),
  );
  const ctx: Context = {
    program,
    checker: program.getTypeChecker(),
    root: '/',
    libraryDir: '/lib',
    libraryFiles,
    language: 'typescript',
  };
  return { ctx, project, file: name => program.getSourceFile(`/lib/${name}`) as ts.SourceFile };
}
