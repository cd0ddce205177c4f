// Finds what the user named: the library (a package folder or its tsconfig), its package.json and
// entry files, the repository root, the monorepo's workspaces, and the consumer packages. Reads
// files but changes nothing; every bad input becomes an InputError (exit code 2) before any
// analysis starts, so nothing is written for it.
import fs from 'node:fs';
import path from 'node:path';

import { ts } from 'ts-morph';

import { InputError } from '../errors.js';
import { isTestFile } from './consumers.js';
import type { InputProblem } from './model.js';

export interface PackageJson {
  name?: string;
  version?: string;
  main?: string;
  module?: string;
  types?: string;
  typings?: string;
  exports?: unknown;
  workspaces?: string[] | { packages?: string[] };
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
}

export interface ParsedTsconfig {
  path: string;
  options: ts.CompilerOptions;
  fileNames: string[];
  problems: InputProblem[];
  /** Config files of its project references (`"references": [{ "path": … }]`), resolved. */
  references: string[];
}

export interface LibraryInput {
  /** Absolute folder of the library. */
  dir: string;
  packageJsonPath?: string;
  packageJson: PackageJson;
  tsconfig?: ParsedTsconfig;
}

export interface ConsumerInput {
  dir: string;
  name: string;
  version?: string;
  files: string[];
  /** Compiler options of the consumer's own tsconfig, when it has one. */
  options?: ts.CompilerOptions;
}

const SOURCE_EXTENSIONS = /\.(?:ts|tsx|mts|cts|js|jsx|mjs|cjs)$/;
const SKIPPED_FOLDERS = new Set([
  'node_modules',
  'dist',
  'build',
  'out',
  'coverage',
  '.git',
  '.turbo',
  '.next',
]);

/** `a/b` inside `root` (or equal to it). */
export function isInside(root: string, target: string): boolean {
  const relative = path.relative(root, target);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/**
 * The repository root: the nearest folder holding `.git`, starting at `cwd`; without one (a
 * source tarball, a CI cache, a project not yet in git), the nearest npm/yarn/pnpm workspace root
 * around `cwd`; `cwd` when there is neither.
 */
export function findRepositoryRoot(cwd: string): string {
  const start = path.resolve(cwd);
  const ancestors: string[] = [];
  for (let dir = start; ; dir = path.dirname(dir)) {
    ancestors.push(dir);
    if (fs.existsSync(path.join(dir, '.git'))) return dir;
    if (path.dirname(dir) === dir) break;
  }
  return ancestors.find(dir => workspacePatterns(dir) !== undefined) ?? start;
}

/** Path relative to the repository root, with forward slashes (`.` for the root). */
export function relativeTo(root: string, file: string): string {
  const relative = path.relative(root, file).split(path.sep).join('/');
  return relative === '' ? '.' : relative;
}

function readJson<T>(file: string, what: string, root: string): T {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new InputError(`cannot read ${what}: ${(error as Error).message}`, {
      file: relativeTo(root, file),
    });
  }
  try {
    return JSON.parse(text) as T;
  } catch (error) {
    throw new InputError(`${what} is not valid JSON: ${(error as Error).message}`, {
      file: relativeTo(root, file),
    });
  }
}

/** Reads and parses a tsconfig (with `extends`), turning unreadable configs into InputErrors. */
export function readTsconfig(file: string, root: string): ParsedTsconfig {
  const shown = relativeTo(root, file);
  const read = ts.readConfigFile(file, name => ts.sys.readFile(name));
  if (read.error) {
    const { line } =
      read.error.file && read.error.start !== undefined
        ? read.error.file.getLineAndCharacterOfPosition(read.error.start)
        : { line: -1 };
    throw new InputError(
      `cannot read this tsconfig: ${ts.flattenDiagnosticMessageText(read.error.messageText, ' ')}`,
      { file: shown, ...(line >= 0 ? { line: line + 1 } : {}) },
    );
  }
  if (typeof read.config !== 'object' || read.config === null || Array.isArray(read.config)) {
    throw new InputError('cannot read this tsconfig: it is not a JSON object', { file: shown });
  }
  const parsed = ts.parseJsonConfigFileContent(read.config, ts.sys, path.dirname(file), undefined, file);
  const problems: InputProblem[] = [];
  for (const error of parsed.errors) {
    const message = ts.flattenDiagnosticMessageText(error.messageText, ' ');
    // TS18003 "No inputs were found": the config reads, but names no file to analyse.
    if (error.code === 18003) throw new InputError('this tsconfig includes no source files', { file: shown });
    // A missing `extends` target makes every option doubtful: refuse rather than guess.
    if (error.code === 5083 || error.code === 6053)
      throw new InputError(`cannot read this tsconfig: ${message}`, { file: shown });
    problems.push({
      code: 'FL902',
      name: 'type-error',
      message: `tsconfig: ${message}`,
      location: { file: shown, line: 1, column: 1 },
    });
  }
  const references = (parsed.projectReferences ?? []).map(reference =>
    ts.resolveProjectReferencePath(reference),
  );
  return { path: file, options: parsed.options, fileNames: parsed.fileNames, problems, references };
}

/**
 * A solution-style tsconfig (`"files": []` and `references`) compiles nothing itself: follow its
 * references (transitively) to the config that compiles the entry, as an editor does.
 */
export function followProjectReferences(
  library: LibraryInput,
  entryPath: string,
  root: string,
): LibraryInput {
  const start = library.tsconfig;
  if (!start || start.fileNames.length > 0 || start.references.length === 0) return library;
  const entry = path.resolve(entryPath);
  const seen = new Set([path.resolve(start.path)]);
  const queue = [...start.references];
  while (queue.length > 0) {
    const file = path.resolve(queue.shift() as string);
    if (seen.has(file) || !fs.existsSync(file)) continue;
    seen.add(file);
    const parsed = readTsconfig(file, root);
    if (parsed.fileNames.some(name => path.resolve(name) === entry)) return { ...library, tsconfig: parsed };
    queue.push(...parsed.references);
  }
  return {
    ...library,
    tsconfig: {
      ...start,
      problems: [
        ...start.problems,
        {
          code: 'FL902',
          name: 'type-error',
          message: `tsconfig: a solution-style config whose references do not compile the entry ${relativeTo(root, entryPath)}; its own options were used. Pass the tsconfig that compiles the library.`,
          location: { file: relativeTo(root, start.path), line: 1, column: 1 },
        },
      ],
    },
  };
}

/**
 * Locates the library named on the command line: a folder (with a package.json and/or a
 * tsconfig.json) or a tsconfig file. Refuses paths outside the repository.
 */
export function locateLibrary(arg: string, cwd: string, root: string): LibraryInput {
  const target = path.resolve(cwd, arg);
  if (!isInside(root, target))
    throw new InputError(`${arg} is outside the repository (${root}); analyse libraries inside it.`);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(target);
  } catch {
    throw new InputError(`${arg} does not exist.`);
  }
  let tsconfigPath: string | undefined;
  let dir: string;
  if (stat.isFile()) {
    if (!target.endsWith('.json'))
      throw new InputError(
        `${arg} is a file but not a tsconfig; name the library's folder or its tsconfig.json.`,
      );
    tsconfigPath = target;
    dir = path.dirname(target);
  } else {
    dir = target;
    const candidate = path.join(dir, 'tsconfig.json');
    if (fs.existsSync(candidate)) tsconfigPath = candidate;
  }
  let packageJsonPath: string | undefined = path.join(dir, 'package.json');
  if (!fs.existsSync(packageJsonPath)) packageJsonPath = undefined;
  if (!packageJsonPath && !tsconfigPath)
    throw new InputError(
      `${arg} has no package.json and no tsconfig.json: name a package folder or a tsconfig.`,
    );
  const packageJson = packageJsonPath ? readJson<PackageJson>(packageJsonPath, 'package.json', root) : {};
  const tsconfig = tsconfigPath ? readTsconfig(tsconfigPath, root) : undefined;
  return {
    dir,
    packageJson,
    ...(packageJsonPath ? { packageJsonPath } : {}),
    ...(tsconfig ? { tsconfig } : {}),
  };
}

/** Source files under a folder, skipping dependencies and build output. */
export function listSourceFiles(dir: string, options: { includeBuild?: boolean } = {}): string[] {
  const found: string[] = [];
  const walk = (current: string, depth: number): void => {
    if (depth > 12) return;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(current, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      if (entry.name.startsWith('.')) continue;
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) {
        if (entry.name === 'node_modules') continue;
        if (!options.includeBuild && SKIPPED_FOLDERS.has(entry.name)) continue;
        walk(full, depth + 1);
      } else if (SOURCE_EXTENSIONS.test(entry.name)) {
        found.push(full);
      }
    }
  };
  walk(dir, 0);
  return found;
}

/** The targets of `exports["."]` (any condition), `types`, `module` and `main`, in that order. */
function entryTargets(pkg: PackageJson): string[] {
  const targets: string[] = [];
  const collect = (value: unknown): void => {
    if (typeof value === 'string') targets.push(value);
    else if (Array.isArray(value)) value.forEach(collect);
    else if (value && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value)) {
        // `exports: { ".": …, "./sub": … }`: only the main entry; conditions (`types`, `import`) are all candidates.
        if (key.startsWith('.') && key !== '.') continue;
        collect(inner);
      }
    }
  };
  collect(pkg.exports);
  for (const field of [pkg.types, pkg.typings, pkg.module, pkg.main]) if (field) targets.push(field);
  return targets;
}

/** Maps a build output path (`dist/index.js`) back to its source (`src/index.ts`) when it does not exist. */
function sourceCandidates(dir: string, target: string, options: ts.CompilerOptions | undefined): string[] {
  const absolute = path.resolve(dir, target);
  const withoutExt = absolute.replace(/\.d\.[mc]?ts$/, '').replace(/\.[mc]?[jt]sx?$/, '');
  const stems = [withoutExt];
  if (options?.outDir && isInside(options.outDir, absolute)) {
    const rootDir = options.rootDir ?? dir;
    stems.push(path.join(rootDir, path.relative(options.outDir, withoutExt)));
  }
  // A `dist/` or `lib/` entry of a package whose sources live in `src/`.
  stems.push(withoutExt.replace(/([/\\])(?:dist|lib|build|out)([/\\])/, '$1src$2'));
  const candidates = [absolute];
  for (const stem of stems)
    for (const ext of ['.ts', '.tsx', '.mts', '.cts', '.js', '.mjs', '.cjs', '.jsx', '.d.ts'])
      candidates.push(stem + ext);
  return candidates;
}

/** The library's entry file: what consumers get when they import the package by name. */
export function findEntry(
  library: LibraryInput,
  explicit: string | undefined,
  cwd: string,
  root: string,
): string {
  if (explicit) {
    const file = path.resolve(cwd, explicit);
    if (!fs.existsSync(file)) throw new InputError(`the entry ${explicit} does not exist.`);
    return file;
  }
  // Prefer sources the tsconfig compiles (a package.json often points at build output that
  // also exists on disk), then any existing file, package.json's targets before conventions.
  const compiled = new Set((library.tsconfig?.fileNames ?? []).map(file => path.resolve(file)));
  const targets = entryTargets(library.packageJson).flatMap(target =>
    sourceCandidates(library.dir, target, library.tsconfig?.options),
  );
  const conventions = [
    'src/index.ts',
    'src/index.tsx',
    'src/index.mts',
    'index.ts',
    'lib/index.ts',
    'src/index.js',
    'index.js',
    'src/index.mjs',
    'index.mjs',
  ].map(name => path.join(library.dir, name));
  const exists = (file: string): boolean => fs.existsSync(file) && fs.statSync(file).isFile();
  for (const pass of [(file: string) => compiled.has(file), exists]) {
    for (const candidate of [...targets, ...conventions])
      if (pass(candidate) && exists(candidate)) return candidate;
  }
  throw new InputError(
    `cannot find the entry file of ${relativeTo(root, library.dir)}: set "exports", "types" or "main" in its package.json, or pass --entry.`,
  );
}

/** Expands one workspace glob (`packages/*`, `apps/**`) into folders that hold a package.json. */
function expandWorkspaceGlob(base: string, pattern: string): string[] {
  const segments = pattern.replace(/^\.\//, '').replace(/\/$/, '').split('/');
  const results: string[] = [];
  const toRegExp = (segment: string): RegExp =>
    new RegExp(
      `^${segment
        .replace(/[.+^${}()|[\]\\]/g, '\\$&')
        .replace(/\*/g, '[^/]*')
        .replace(/\?/g, '.')}$`,
    );
  const walk = (dir: string, index: number, depth: number): void => {
    if (index === segments.length) {
      if (fs.existsSync(path.join(dir, 'package.json'))) results.push(dir);
      return;
    }
    const segment = segments[index] as string;
    if (segment === '**') {
      walk(dir, index + 1, depth);
      if (depth > 6) return;
      for (const entry of safeDirs(dir)) walk(path.join(dir, entry), index, depth + 1);
      return;
    }
    if (!segment.includes('*') && !segment.includes('?')) {
      const next = path.join(dir, segment);
      if (fs.existsSync(next)) walk(next, index + 1, depth);
      return;
    }
    const matcher = toRegExp(segment);
    for (const entry of safeDirs(dir)) if (matcher.test(entry)) walk(path.join(dir, entry), index + 1, depth);
  };
  walk(base, 0, 0);
  return results;
}

function safeDirs(dir: string): string[] {
  try {
    return fs
      .readdirSync(dir, { withFileTypes: true })
      .filter(entry => entry.isDirectory() && entry.name !== 'node_modules' && !entry.name.startsWith('.'))
      .map(entry => entry.name)
      .sort();
  } catch {
    return [];
  }
}

/** The workspace globs declared in `dir` (package.json `workspaces`, pnpm-workspace.yaml), if any. */
function workspacePatterns(dir: string): string[] | undefined {
  const manifest = path.join(dir, 'package.json');
  let patterns: string[] | undefined;
  if (fs.existsSync(manifest)) {
    try {
      const pkg = JSON.parse(fs.readFileSync(manifest, 'utf8')) as PackageJson;
      patterns = Array.isArray(pkg.workspaces) ? pkg.workspaces : pkg.workspaces?.packages;
    } catch {
      patterns = undefined;
    }
  }
  const pnpm = path.join(dir, 'pnpm-workspace.yaml');
  if (!patterns && fs.existsSync(pnpm)) {
    patterns = [...fs.readFileSync(pnpm, 'utf8').matchAll(/^\s*-\s*['"]?([^'"\n#]+?)['"]?\s*$/gm)].map(
      match => match[1] as string,
    );
  }
  return patterns;
}

/** The monorepo around the library: its root folder and workspace folders (npm/yarn `workspaces`, pnpm). */
export function findWorkspaces(
  libraryDir: string,
  root: string,
): { root: string; workspaces: string[] } | undefined {
  for (let dir = path.dirname(libraryDir); isInside(root, dir); dir = path.dirname(dir)) {
    const patterns = workspacePatterns(dir);
    if (patterns) {
      const workspaces = new Set<string>();
      for (const pattern of patterns) {
        if (pattern.startsWith('!')) continue;
        for (const folder of expandWorkspaceGlob(dir, pattern)) workspaces.add(folder);
      }
      return { root: dir, workspaces: [...workspaces].sort() };
    }
    if (dir === root || path.dirname(dir) === dir) break;
  }
  return undefined;
}

function readPackage(dir: string): PackageJson | undefined {
  try {
    return JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as PackageJson;
  } catch {
    return undefined;
  }
}

/**
 * Files of a consumer package: its tsconfig's files when it has a readable one (plus its test files,
 * which a build tsconfig often leaves out but which call the library too), else its sources.
 */
function consumerFiles(dir: string): { files: string[]; options?: ts.CompilerOptions } {
  const tsconfig = path.join(dir, 'tsconfig.json');
  if (fs.existsSync(tsconfig)) {
    const read = ts.readConfigFile(tsconfig, name => ts.sys.readFile(name));
    if (!read.error && read.config) {
      const parsed = ts.parseJsonConfigFileContent(read.config, ts.sys, dir, undefined, tsconfig);
      const files = parsed.fileNames.filter(
        file =>
          !file.endsWith('.d.ts') && isInside(dir, file) && !file.split(path.sep).includes('node_modules'),
      );
      if (files.length > 0) {
        const listed = new Set(files);
        for (const file of listSourceFiles(dir))
          if (!listed.has(file) && !file.endsWith('.d.ts') && isTestFile(file, dir)) files.push(file);
        return { files, options: parsed.options };
      }
    }
  }
  return { files: listSourceFiles(dir).filter(file => !file.endsWith('.d.ts')) };
}

const IMPORT_OF = (name: string): RegExp =>
  new RegExp(
    `(?:from\\s*|import\\s*\\(\\s*|require\\s*\\(\\s*|import\\s+)['"]${name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}(?:/[^'"]*)?['"]`,
  );

/**
 * The consumer packages: the folders given, or else every workspace of the monorepo (other than
 * the library) that depends on the library or imports it.
 */
export function findConsumers(
  library: LibraryInput,
  libraryName: string | undefined,
  explicit: readonly string[] | undefined,
  cwd: string,
  root: string,
): ConsumerInput[] {
  const folders: string[] = [];
  if (explicit && explicit.length > 0) {
    for (const arg of explicit) {
      const dir = path.resolve(cwd, arg);
      if (!isInside(root, dir))
        throw new InputError(`the consumer ${arg} is outside the repository (${root}).`);
      if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory())
        throw new InputError(`the consumer ${arg} is not a folder.`);
      if (!fs.existsSync(path.join(dir, 'package.json')) && !fs.existsSync(path.join(dir, 'tsconfig.json'))) {
        throw new InputError(`the consumer ${arg} has no package.json and no tsconfig.json.`);
      }
      folders.push(dir);
    }
  } else {
    const monorepo = findWorkspaces(library.dir, root);
    if (!monorepo || !libraryName) return [];
    const pattern = IMPORT_OF(libraryName);
    for (const dir of monorepo.workspaces) {
      if (path.resolve(dir) === path.resolve(library.dir)) continue;
      const pkg = readPackage(dir);
      const declares = [
        pkg?.dependencies,
        pkg?.devDependencies,
        pkg?.peerDependencies,
        pkg?.optionalDependencies,
      ].some(deps => deps && libraryName in deps);
      if (declares || consumerFiles(dir).files.some(file => pattern.test(fs.readFileSync(file, 'utf8'))))
        folders.push(dir);
    }
  }
  return folders.map(dir => {
    const pkg = readPackage(dir);
    const { files, options } = consumerFiles(dir);
    return {
      dir,
      name: pkg?.name ?? relativeTo(root, dir),
      ...(pkg?.version ? { version: pkg.version } : {}),
      files,
      ...(options ? { options } : {}),
    };
  });
}

/** The version of a package installed where `fromDir` would resolve it (node_modules lookup upwards). */
export function installedVersion(name: string, fromDir: string, root: string): string | undefined {
  for (let dir = fromDir; ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'node_modules', name, 'package.json');
    if (fs.existsSync(manifest)) return readPackage(path.dirname(manifest))?.version;
    if (dir === root || path.dirname(dir) === dir) return undefined;
  }
}

/**
 * A matcher for `--exclude` globs, tested against paths relative to the repository root:
 * `*` stays within a folder, `**` crosses folders, `?` is one character; a pattern without
 * a `/` matches a file or folder name anywhere (`*.stories.ts`, `fixtures`).
 */
export function excludeMatcher(patterns: readonly string[], root: string): (fileName: string) => boolean {
  if (patterns.length === 0) return () => false;
  const expressions = patterns.map(pattern => {
    const clean = pattern.replace(/^\.\//, '').replace(/\/$/, '');
    if (clean === '')
      throw new InputError(
        `--exclude ${JSON.stringify(pattern)} matches nothing: give a glob such as "**/*.stories.ts".`,
      );
    const body = clean
      .split(/(\*\*\/?|\*|\?)/)
      .map(part =>
        part === '**/'
          ? '(?:.*/)?'
          : part === '**'
            ? '.*'
            : part === '*'
              ? '[^/]*'
              : part === '?'
                ? '[^/]'
                : part.replace(/[.+^${}()|[\]\\]/g, '\\$&'),
      )
      .join('');
    // Without a slash: a name at any depth; a folder name also excludes what is inside it.
    return clean.includes('/') ? new RegExp(`^${body}(?:/.*)?$`) : new RegExp(`(?:^|/)${body}(?:/.*)?$`);
  });
  return fileName => {
    const relative = relativeTo(root, fileName);
    return expressions.some(expression => expression.test(relative));
  };
}
