// Project facts: what other modules of the same project do to every call in this one. First fact:
// process-wide axios defaults (`axios.defaults.timeout = 10_000` in the server's bootstrap) bound
// every axios call of the process, wherever they are written.
//
// A project is the folder of the nearest package.json above the linted file (a nested package is
// another project, and a file with no package.json up to the lint's working directory is a
// program of its own). Files are listed at most every LIST_TTL_MS (a refresh is spread over lint
// calls), read only when their size or mtime changed, and parsed only when a cheap text test says
// they may hold a fact, with the parser ESLint already uses for the linted file. Engines that do
// not give rules their parser (oxlint's JS plugins) see no project facts.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

import type { Summary } from '@faultline/catalog';
import { isFalsyNone } from '@faultline/catalog';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';

import { type Node, findNode, memberName, setParents, staticString, unwrap } from './ast.js';
import { isTestFile } from './test-files.js';

/** A parser as ESLint hands it to rules (`context.languageOptions.parser`). */
export interface ParserLike {
  parse?(text: string, options: Record<string, unknown>): unknown;
  parseForESLint?(text: string, options: Record<string, unknown>): { ast: unknown };
}

/** What a rule context offers project facts: where the file is, and how ESLint parses it. */
export interface ProjectContext {
  filename: string;
  cwd: string;
  languageOptions?: { parser?: unknown; parserOptions?: Record<string, unknown>; ecmaVersion?: unknown };
}

/** One module's contribution: the axios default timeouts it sets (each a finite bound). */
interface ModuleFacts {
  mtimeMs: number;
  size: number;
  axiosTimeouts: Summary[];
}

const LIST_TTL_MS = 10_000;
const MAX_FILES = 20_000;
const SOURCE = /\.(?:[cm]?[jt]s|[jt]sx)$/;
const SKIP_DIRS = new Set(['node_modules', 'dist', 'build', 'out', 'coverage', 'lib-cov']);
/** The text a module must contain to be worth parsing. */
const HINT = /\.\s*defaults\s*(?:\.\s*timeout|\[\s*['"]timeout['"]\s*\])\s*=/;

/** A refresh checks at least this many modules per lint call, and more while under SWEEP_BUDGET_MS. */
const SWEEP_MIN_FILES = 64;
const SWEEP_BUDGET_MS = 4;

/** A refresh under way: the new listing, checked a slice per lint call (see projectModules). */
interface Sweep {
  files: string[];
  next: number;
  modules: Map<string, ModuleFacts>;
}

const roots = new Map<string, string | null>();
const projects = new Map<string, { at: number; modules: Map<string, ModuleFacts>; sweep?: Sweep }>();

/** The project folder of a file: the nearest package.json at or below `cwd`; none inside node_modules. */
export function projectRoot(filename: string, cwd: string): string | undefined {
  if (!path.isAbsolute(filename) || /[\\/]node_modules[\\/]/.test(filename)) return undefined;
  const start = path.dirname(filename);
  const cached = roots.get(start);
  if (cached !== undefined) return cached ?? undefined;
  let found: string | null = null;
  for (let dir = start; dir.startsWith(cwd); dir = path.dirname(dir)) {
    if (hasFile(path.join(dir, 'package.json'))) {
      found = dir;
      break;
    }
    if (path.dirname(dir) === dir) break;
  }
  roots.set(start, found);
  return found ?? undefined;
}

/** True when `file` exists and is a file. No exception for a missing one: most probes miss, and a thrown error is most of their cost. */
export function hasFile(file: string): boolean {
  try {
    return statSync(file, { throwIfNoEntry: false })?.isFile() ?? false;
  } catch {
    // Not a missing file but an unreadable path (`a.ts/index.ts` under a file, no permission).
    return false;
  }
}

/** The project's source files (not tests, not nested packages, not build output). */
function listFiles(root: string): string[] {
  const files: string[] = [];
  const visit = (dir: string, depth: number): void => {
    if (depth > 12 || files.length >= MAX_FILES) return;
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (SKIP_DIRS.has(entry.name) || hasFile(path.join(full, 'package.json'))) continue;
        visit(full, depth + 1);
      } else if (entry.isFile() && SOURCE.test(entry.name) && !entry.name.endsWith('.d.ts')) {
        // Test setup files configure the test process, not the service.
        if (!isTestFile(full, root)) files.push(full);
      }
    }
  };
  visit(root, 0);
  return files;
}

/** Parses a module with the linted file's parser, without type information (none is needed). */
export function parseModule(
  parser: ParserLike,
  context: ProjectContext,
  file: string,
  text: string,
): Node | undefined {
  const {
    project: _project,
    projectService: _service,
    programs: _programs,
    ...parserOptions
  } = context.languageOptions?.parserOptions ?? {};
  const options = {
    ...parserOptions,
    ecmaVersion: context.languageOptions?.ecmaVersion ?? 'latest',
    sourceType: file.endsWith('.cjs') || file.endsWith('.cts') ? 'script' : 'module',
    filePath: file,
    range: true,
    loc: true,
  };
  try {
    const result = (
      parser.parseForESLint ? parser.parseForESLint(text, options).ast : parser.parse?.(text, options)
    ) as Node | undefined;
    if (result) setParents(result);
    return result;
  } catch {
    // A module that does not parse with this parser (another dialect) contributes nothing.
    return undefined;
  }
}

/** The local names bound to the axios module: `import axios from 'axios'`, `const axios = require('axios')`. */
function axiosNames(program: TSESTree.Program): Set<string> {
  const names = new Set<string>();
  for (const statement of program.body) {
    if (statement.type === AST_NODE_TYPES.ImportDeclaration && statement.source.value === 'axios') {
      for (const specifier of statement.specifiers)
        if (
          specifier.type !== AST_NODE_TYPES.ImportSpecifier ||
          (specifier.imported.type === AST_NODE_TYPES.Identifier && specifier.imported.name === 'default')
        )
          names.add(specifier.local.name);
    }
    if (statement.type === AST_NODE_TYPES.VariableDeclaration) {
      for (const declarator of statement.declarations) {
        let init = declarator.init ? unwrap(declarator.init) : undefined;
        if (init?.type === AST_NODE_TYPES.MemberExpression && memberName(init) === 'default')
          init = unwrap(init.object);
        if (
          declarator.id.type === AST_NODE_TYPES.Identifier &&
          init?.type === AST_NODE_TYPES.CallExpression &&
          init.callee.type === AST_NODE_TYPES.Identifier &&
          init.callee.name === 'require' &&
          staticString(init.arguments[0]) === 'axios'
        )
          names.add(declarator.id.name);
      }
    }
  }
  return names;
}

/** A literal timeout value as the catalog summarises it; anything computed is "present". */
function summarize(value: Node): Summary {
  const node = unwrap(value);
  if (node.type === AST_NODE_TYPES.Literal) {
    if (typeof node.value === 'number') return { kind: 'number', value: node.value };
    if (node.value === null) return { kind: 'null' };
    if (typeof node.value === 'boolean') return { kind: 'boolean', value: node.value };
  }
  if (node.type === AST_NODE_TYPES.Identifier && node.name === 'undefined') return { kind: 'undefined' };
  if (
    node.type === AST_NODE_TYPES.UnaryExpression &&
    node.operator === '-' &&
    node.argument.type === AST_NODE_TYPES.Literal &&
    typeof node.argument.value === 'number'
  )
    return { kind: 'number', value: -node.argument.value };
  return { kind: 'value' };
}

/** The finite axios default timeouts a module sets (`axios.defaults.timeout = n`), anywhere in it. */
function readModule(parser: ParserLike, context: ProjectContext, file: string): Summary[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return [];
  }
  if (!HINT.test(text)) return [];
  const program = parseModule(parser, context, file, text);
  if (program?.type !== AST_NODE_TYPES.Program) return [];
  const names = axiosNames(program);
  if (names.size === 0) return [];
  const found: Summary[] = [];
  findNode(program, node => {
    if (node.type !== AST_NODE_TYPES.AssignmentExpression || node.operator !== '=') return false;
    const left = node.left;
    if (left.type !== AST_NODE_TYPES.MemberExpression || memberName(left) !== 'timeout') return false;
    const defaults = unwrap(left.object);
    if (defaults.type !== AST_NODE_TYPES.MemberExpression || memberName(defaults) !== 'defaults')
      return false;
    const owner = unwrap(defaults.object);
    if (owner.type !== AST_NODE_TYPES.Identifier || !names.has(owner.name)) return false;
    const value = summarize(node.right);
    // Only a bound counts from elsewhere; a "none" is reported in the module that writes it.
    if (!isFalsyNone(value)) found.push(value);
    return false;
  });
  return found;
}

/** The linted file's parser, when the engine hands it to rules (oxlint's JS plugins do not). */
export function parserOf(context: ProjectContext): ParserLike | undefined {
  const parser = context.languageOptions?.parser as ParserLike | undefined;
  return parser && (typeof parser.parseForESLint === 'function' || typeof parser.parse === 'function')
    ? parser
    : undefined;
}

/**
 * The facts of every module of a project. The first call reads them all; afterwards, once
 * LIST_TTL_MS have passed, the project is listed again and its modules are checked a slice per
 * call (at least SWEEP_MIN_FILES, more while under SWEEP_BUDGET_MS), each re-read only when its
 * size or mtime changed; the new facts replace the old when the sweep is complete. One lint
 * process (an editor, a CI run over many files) therefore reads each module once while it stays
 * unchanged, and an editor's re-lint of one file never pays for statting a whole large project.
 */
function projectModules(root: string, parser: ParserLike, context: ProjectContext): Map<string, ModuleFacts> {
  const cached = projects.get(root);
  const now = Date.now();
  if (cached && !cached.sweep && now - cached.at < LIST_TTL_MS) return cached.modules;
  const sweep = cached?.sweep ?? { files: listFiles(root), next: 0, modules: new Map<string, ModuleFacts>() };
  const started = performance.now();
  // A first read is needed whole, now; a refresh is spread over calls.
  const budget = cached ? SWEEP_BUDGET_MS : Infinity;
  for (let checked = 0; sweep.next < sweep.files.length; checked++) {
    if (checked >= SWEEP_MIN_FILES && performance.now() - started > budget) break;
    const file = sweep.files[sweep.next++] as string;
    let stat;
    try {
      stat = statSync(file);
    } catch {
      continue;
    }
    const previous = cached?.modules.get(file);
    sweep.modules.set(
      file,
      previous && previous.mtimeMs === stat.mtimeMs && previous.size === stat.size
        ? previous
        : { mtimeMs: stat.mtimeMs, size: stat.size, axiosTimeouts: readModule(parser, context, file) },
    );
  }
  if (sweep.next < sweep.files.length) {
    if (cached) cached.sweep = sweep;
    return cached?.modules ?? sweep.modules;
  }
  projects.set(root, { at: now, modules: sweep.modules });
  return sweep.modules;
}

/**
 * Process-wide axios default timeouts set by other modules of the linted file's project, as
 * instance layers (`{ timeout }` objects). Empty when the file belongs to no project, or the
 * engine does not give rules its parser.
 */
export function projectAxiosDefaults(context: ProjectContext): Summary[] {
  const parser = parserOf(context);
  const root = parser ? projectRoot(context.filename, context.cwd) : undefined;
  if (!parser || !root) return [];
  const layers: Summary[] = [];
  for (const [file, facts] of projectModules(root, parser, context)) {
    if (file === context.filename) continue;
    for (const value of facts.axiosTimeouts)
      layers.push({ kind: 'object', props: new Map([['timeout', { value }]]), hasSpread: false });
  }
  return layers;
}
