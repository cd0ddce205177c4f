// Project modules: reading a module of the linted file's project once (its imports, top-level
// bindings, exports, CommonJS `require`s and `module.exports`), and resolving a specifier to the
// project file it names: a relative path, a tsconfig `paths` alias (`@/lib/x`), or a workspace
// package (npm/yarn/pnpm workspaces, Rush projects). Summaries are kept per file for the life of
// the process and re-read when the file's size or mtime changes (checked at most every
// STAT_TTL_MS); the questions asked of them are project-calls.ts's.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

import { canonicalModule, isKnownModule, isRemoteModule } from '@faultline/catalog';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';

import { type Node, bindsName, findNode, memberChain, requireCall, unwrap } from './ast.js';
import { type ParserLike, type ProjectContext, hasEntry, hasFile, parseModule } from './project-facts.js';

/**
 * How long a module read, a resolution or a text test is trusted before it is checked again: the
 * interval at which project facts re-check a project's known modules (LIST_TTL_MS), so that an
 * editor sees another module's change within the same half-minute either way.
 */
export const STAT_TTL_MS = 30_000;
const EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.mjs', '.cjs', '.jsx'];
/** Prisma's generated client at a custom `output` (`../generated/prisma/client`) is `@prisma/client`. */
export const PRISMA_OUTPUT =
  /(?:^|\/)(?:generated\/prisma|\.prisma)(?:\/client)?(?:\/index)?(?:\.[cm]?[jt]s)?$/;

/** True when a specifier names a module whose calls talk to another process. */
export function isRemoteSpecifier(specifier: string): boolean {
  return isRemoteModule(canonicalModule(specifier)) || PRISMA_OUTPUT.test(specifier);
}

export type Program = TSESTree.Program;

export interface Import {
  specifier: string;
  /** `default`, `*` (namespace), or the imported name. */
  imported: string;
  /** The `require(…)` call a CommonJS binding was made with (`const { a } = require('./x')`). */
  required?: TSESTree.CallExpression;
}

/** What one module declares at its top level, read once. */
export interface ModuleInfo {
  file: string;
  /** The module's syntax tree, for questions about its call sites. */
  program: Program;
  imports: Map<string, Import>;
  /** Top-level bindings: function declarations, classes, and const initialisers. */
  locals: Map<string, Node>;
  /** The type name a top-level const is declared with (`SupabaseClient` in `const db: SupabaseClient = …`). */
  declaredTypes: Map<string, string>;
  /** The module each imported name comes from, type-only imports included (`import type { X } from 'm'`). */
  typeSources: Map<string, string>;
  /** Every import, type-only ones included, with the name it imports. */
  typeImports: Map<string, Import>;
  /** Top-level interfaces and type aliases. */
  types: Map<string, TSESTree.TSInterfaceDeclaration | TSESTree.TSTypeAliasDeclaration>;
  /** Exported name → local name, or a re-export from another module. */
  exports: Map<string, { local: string } | { from: string; imported: string } | { value: Node }>;
  /** `export * from '…'` specifiers. */
  starExports: string[];
  /** Memoised answers for this module (cleared when it is re-read). */
  remoteFunctions: Map<Node, boolean>;
  signalKeys: Map<string, string | null | undefined>;
  clientValues: Map<Node, boolean>;
}

interface Cached {
  mtimeMs: number;
  size: number;
  checkedAt: number;
  info: ModuleInfo | undefined;
}

const modules = new Map<string, Cached>();

/** Whether the module in `file` has been read (and is kept) by any question of this process. */
export function hasReadModule(file: string): boolean {
  return modules.has(file);
}
const tsconfigs = new Map<string, TsconfigPaths | null>();
const workspaces = new Map<string, Map<string, string>>();
const roots = new Map<string, string>();

interface TsconfigPaths {
  base: string;
  paths: [pattern: string, targets: string[]][];
}

// ------------------------------------------------------------------ module reading

export function readInfo(file: string, program: Program): ModuleInfo {
  const info: ModuleInfo = {
    file,
    program,
    imports: new Map(),
    locals: new Map(),
    declaredTypes: new Map(),
    typeSources: new Map(),
    typeImports: new Map(),
    types: new Map(),
    exports: new Map(),
    starExports: [],
    remoteFunctions: new Map(),
    signalKeys: new Map(),
    clientValues: new Map(),
  };
  /** Top-level `let`s declared without a value, and whether they are exported where declared. */
  const unassigned = new Map<string, boolean>();
  const declare = (declaration: Node, exported: boolean): void => {
    if (
      declaration.type === AST_NODE_TYPES.TSInterfaceDeclaration ||
      declaration.type === AST_NODE_TYPES.TSTypeAliasDeclaration
    ) {
      info.types.set(declaration.id.name, declaration);
      if (exported && !info.exports.has(declaration.id.name))
        info.exports.set(declaration.id.name, { local: declaration.id.name });
    }
    if (
      (declaration.type === AST_NODE_TYPES.FunctionDeclaration ||
        declaration.type === AST_NODE_TYPES.ClassDeclaration) &&
      declaration.id
    ) {
      info.locals.set(declaration.id.name, declaration);
      if (exported) info.exports.set(declaration.id.name, { local: declaration.id.name });
    }
    if (declaration.type === AST_NODE_TYPES.VariableDeclaration) {
      for (const declarator of declaration.declarations) {
        if (declarator.id.type !== AST_NODE_TYPES.Identifier) continue;
        // `let redis: Redis;` assigned once at the module's top level (`redis = new Redis(url)`,
        // also inside a top-level `try`): bound to what that assignment writes.
        if (!declarator.init) {
          if (declaration.kind === 'let') unassigned.set(declarator.id.name, exported);
          continue;
        }
        info.locals.set(declarator.id.name, declarator.init);
        const type = declarator.id.typeAnnotation?.typeAnnotation;
        if (type?.type === AST_NODE_TYPES.TSTypeReference && type.typeName.type === AST_NODE_TYPES.Identifier)
          info.declaredTypes.set(declarator.id.name, type.typeName.name);
        if (exported) info.exports.set(declarator.id.name, { local: declarator.id.name });
      }
    }
  };
  for (const statement of program.body) {
    switch (statement.type) {
      case AST_NODE_TYPES.ImportDeclaration:
        for (const specifier of statement.specifiers) {
          const imported =
            specifier.type === AST_NODE_TYPES.ImportDefaultSpecifier
              ? 'default'
              : specifier.type === AST_NODE_TYPES.ImportNamespaceSpecifier
                ? '*'
                : specifier.imported.type === AST_NODE_TYPES.Identifier
                  ? specifier.imported.name
                  : String(specifier.imported.value);
          const entry = { specifier: statement.source.value, imported };
          info.typeSources.set(specifier.local.name, statement.source.value);
          info.typeImports.set(specifier.local.name, entry);
          if (statement.importKind !== 'type') info.imports.set(specifier.local.name, entry);
        }
        break;
      case AST_NODE_TYPES.ExportNamedDeclaration:
        if (statement.declaration) declare(statement.declaration, true);
        for (const specifier of statement.specifiers) {
          const local =
            specifier.local.type === AST_NODE_TYPES.Identifier
              ? specifier.local.name
              : String(specifier.local.value);
          const exported =
            specifier.exported.type === AST_NODE_TYPES.Identifier
              ? specifier.exported.name
              : String(specifier.exported.value);
          info.exports.set(
            exported,
            statement.source ? { from: statement.source.value, imported: local } : { local },
          );
        }
        break;
      case AST_NODE_TYPES.ExportDefaultDeclaration: {
        const declaration = statement.declaration as Node;
        if (
          (declaration.type === AST_NODE_TYPES.FunctionDeclaration ||
            declaration.type === AST_NODE_TYPES.ClassDeclaration) &&
          declaration.id
        ) {
          declare(declaration, false);
          info.exports.set('default', { local: declaration.id.name });
        } else if (declaration.type === AST_NODE_TYPES.Identifier) {
          info.exports.set('default', { local: declaration.name });
        } else {
          info.exports.set('default', { value: declaration });
        }
        break;
      }
      case AST_NODE_TYPES.ExportAllDeclaration:
        if (statement.exported) {
          const exported = statement.exported as { name?: string; value?: unknown };
          const name = exported.name ?? String(exported.value);
          info.exports.set(name, { from: statement.source.value, imported: '*' });
        } else info.starExports.push(statement.source.value);
        break;
      case AST_NODE_TYPES.ExpressionStatement:
        commonJsExport(info, statement.expression);
        break;
      case AST_NODE_TYPES.VariableDeclaration:
        declare(statement, false);
        commonJsImports(info, statement);
        break;
      default:
        declare(statement, false);
    }
  }
  if (unassigned.size > 0) bindAssigned(info, program, unassigned);
  return info;
}

/**
 * Binds each top-level `let` declared without a value to the one value the module's top level
 * assigns it (`let redis: Redis; try { redis = new Redis(url); } catch …`), when it is assigned
 * exactly once there and nowhere else in the module: the value its importers see once the module
 * has run. A `let` assigned in a function, or more than once, stays unbound (which value is held
 * depends on when it is read).
 */
function bindAssigned(info: ModuleInfo, program: TSESTree.Program, unassigned: Map<string, boolean>): void {
  const writes = new Map<string, { count: number; value: Node | undefined }>();
  const topLevel = new Set<Node>();
  const collectTop = (statements: readonly TSESTree.Statement[]): void => {
    for (const statement of statements) {
      if (statement.type === AST_NODE_TYPES.ExpressionStatement) topLevel.add(statement);
      else if (statement.type === AST_NODE_TYPES.TryStatement) collectTop(statement.block.body);
    }
  };
  collectTop(program.body);
  findNode(program as unknown as Node, node => {
    if (node.type !== AST_NODE_TYPES.AssignmentExpression || node.left.type !== AST_NODE_TYPES.Identifier)
      return false;
    const name = node.left.name;
    if (!unassigned.has(name)) return false;
    const entry = writes.get(name) ?? { count: 0, value: undefined };
    entry.count++;
    const statement = node.parent;
    entry.value =
      node.operator === '=' && statement && topLevel.has(statement) && !shadowedAt(node, name)
        ? node.right
        : undefined;
    writes.set(name, entry);
    return false;
  });
  for (const [name, { count, value }] of writes) {
    if (count !== 1 || !value) continue;
    info.locals.set(name, value);
    if (unassigned.get(name)) info.exports.set(name, { local: name });
  }
}

/** A block between `node` and the module's top level (a `try` block) declares its own `name`. */
function shadowedAt(node: Node, name: string): boolean {
  for (
    let current = node.parent;
    current && current.type !== AST_NODE_TYPES.Program;
    current = current.parent
  )
    if (
      current.type === AST_NODE_TYPES.BlockStatement &&
      current.body.some(
        statement =>
          statement.type === AST_NODE_TYPES.VariableDeclaration &&
          statement.declarations.some(declarator => bindsName(declarator.id, name)),
      )
    )
      return true;
  return false;
}

/**
 * A module's CommonJS bindings, read as imports: `const x = require('./x')` (a namespace: its
 * `exports.a`, its `module.exports = { a }`; a package's module is its default export),
 * `const { a, b: c } = require('./x')` and `const a = require('./x').a`.
 */
function commonJsImports(info: ModuleInfo, statement: TSESTree.VariableDeclaration): void {
  for (const declarator of statement.declarations) {
    const init = declarator.init ? unwrap(declarator.init) : undefined;
    const member =
      init?.type === AST_NODE_TYPES.MemberExpression &&
      !init.computed &&
      init.property.type === AST_NODE_TYPES.Identifier
        ? init.property.name
        : undefined;
    const required = requireCall(init);
    if (!required) continue;
    const { call, specifier } = required;
    const bind = (local: string, imported: string): void => {
      const entry = { specifier, imported, required: call };
      info.locals.delete(local);
      info.imports.set(local, entry);
      info.typeImports.set(local, entry);
      info.typeSources.set(local, specifier);
    };
    if (declarator.id.type === AST_NODE_TYPES.Identifier)
      bind(declarator.id.name, member ?? (specifier.startsWith('.') ? '*' : 'default'));
    else if (declarator.id.type === AST_NODE_TYPES.ObjectPattern && !member)
      for (const property of declarator.id.properties) {
        if (property.type !== AST_NODE_TYPES.Property || property.computed) continue;
        const key = property.key.type === AST_NODE_TYPES.Identifier ? property.key.name : undefined;
        const value =
          property.value.type === AST_NODE_TYPES.AssignmentPattern ? property.value.left : property.value;
        if (key && value.type === AST_NODE_TYPES.Identifier) bind(value.name, key);
      }
  }
}

/**
 * A module's CommonJS exports: `module.exports = value` (its default, and the keys of an object
 * it is, written there or in a const), `module.exports.a = value` and `exports.a = value`.
 */
function commonJsExport(info: ModuleInfo, expression: Node): void {
  if (expression.type !== AST_NODE_TYPES.AssignmentExpression || expression.operator !== '=') return;
  const target = memberChain(expression.left);
  if (target?.root.type !== AST_NODE_TYPES.Identifier) return;
  const keys = target.root.name === 'module' ? target.path.slice(1) : target.path;
  if (
    (target.root.name === 'module' && target.path[0] !== 'exports') ||
    (target.root.name !== 'module' && target.root.name !== 'exports')
  )
    return;
  const value = unwrap(expression.right);
  const entry = (node: Node): { local: string } | { value: Node } =>
    node.type === AST_NODE_TYPES.Identifier && !info.imports.has(node.name)
      ? { local: node.name }
      : { value: node };
  if (keys.length === 1) {
    info.exports.set(keys[0] as string, entry(value));
    return;
  }
  if (keys.length !== 0 || target.root.name !== 'module') return;
  info.exports.set('default', entry(value));
  const object =
    value.type === AST_NODE_TYPES.Identifier ? unwrap(info.locals.get(value.name) ?? value) : value;
  if (object.type !== AST_NODE_TYPES.ObjectExpression) return;
  for (const property of object.properties) {
    if (property.type !== AST_NODE_TYPES.Property || property.computed) continue;
    const key = property.key.type === AST_NODE_TYPES.Identifier ? property.key.name : undefined;
    if (key && !info.exports.has(key)) info.exports.set(key, entry(unwrap(property.value as Node)));
  }
}

/** The module info of a project file, from the cache while the file is unchanged. */
export function moduleInfo(
  file: string,
  parser: ParserLike,
  context: ProjectContext,
): ModuleInfo | undefined {
  const now = Date.now();
  const cached = modules.get(file);
  if (cached && now - cached.checkedAt < STAT_TTL_MS) return cached.info;
  let stat;
  try {
    stat = statSync(file);
  } catch {
    modules.set(file, { mtimeMs: 0, size: -1, checkedAt: now, info: undefined });
    return undefined;
  }
  if (cached && cached.mtimeMs === stat.mtimeMs && cached.size === stat.size) {
    cached.checkedAt = now;
    return cached.info;
  }
  let info: ModuleInfo | undefined;
  try {
    const program = parseModule(parser, context, file, readFileSync(file, 'utf8'));
    if (program?.type === AST_NODE_TYPES.Program) info = readInfo(file, program);
  } catch {
    info = undefined;
  }
  modules.set(file, { mtimeMs: stat.mtimeMs, size: stat.size, checkedAt: now, info });
  return info;
}

// ------------------------------------------------------------------ resolution

/** A file for a path without or with an extension (`./x` → `./x.ts`, `./x.js` → `./x.ts`, `./dir` → `./dir/index.ts`). */
function tryFile(base: string): string | undefined {
  // A workspace package's `main` points at its build output; the source sits beside it.
  const built = /[\\/](?:dist|build)[\\/]/.exec(base);
  if (built) {
    const source = `${base.slice(0, built.index)}${base[built.index]}src${base[built.index]}${base.slice(built.index + built[0].length)}`;
    const found = tryFile(source);
    if (found) return found;
  }
  const candidates = [base];
  const ext = path.extname(base);
  if (['.js', '.mjs', '.cjs', '.jsx'].includes(ext)) {
    const stem = base.slice(0, -ext.length);
    candidates.push(`${stem}.ts`, `${stem}.tsx`, `${stem}.mts`, `${stem}.cts`);
  }
  for (const extension of EXTENSIONS) candidates.push(base + extension);
  for (const extension of EXTENSIONS) candidates.push(path.join(base, `index${extension}`));
  for (const candidate of candidates) {
    if (/[\\/]node_modules[\\/]/.test(candidate) || candidate.endsWith('.d.ts')) continue;
    if (hasFile(candidate)) return candidate;
  }
  return undefined;
}

/** JSON files read (tsconfigs, package.jsons), each with when it was read. */
const jsonFiles = new Map<string, { checkedAt: number; json: Record<string, unknown> | undefined }>();

/**
 * Reads a tsconfig-style JSON file (comments and trailing commas allowed), trusted for
 * STAT_TTL_MS. Every new folder of a project asks for the same tsconfig chain and the same
 * package.jsons up to the workspace root; read anew, that was a tenth of project facts' time on
 * novu. A file the folder listing does not hold is not opened (no exception to build).
 */
function readJsonc(file: string): Record<string, unknown> | undefined {
  const now = Date.now();
  const known = jsonFiles.get(file);
  if (known && now - known.checkedAt < STAT_TTL_MS) return known.json;
  const json = hasFile(file) ? readJsoncUncached(file) : undefined;
  jsonFiles.set(file, { checkedAt: now, json });
  return json;
}

function readJsoncUncached(file: string): Record<string, unknown> | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch {
    // Strip comments outside strings, then trailing commas.
    const stripped = text
      .replace(
        /("(?:[^"\\]|\\.)*")|\/\/[^\n]*|\/\*[\s\S]*?\*\//g,
        (_match, string: string | undefined) => string ?? '',
      )
      .replace(/,(\s*[}\]])/g, '$1');
    try {
      return JSON.parse(stripped) as Record<string, unknown>;
    } catch {
      return undefined;
    }
  }
}

/** `compilerOptions.paths` of a tsconfig, following relative `extends` (a few levels). */
function loadPaths(file: string, depth = 0): TsconfigPaths | undefined {
  const json = readJsonc(file);
  if (!json) return undefined;
  const dir = path.dirname(file);
  const options = (json.compilerOptions ?? {}) as { paths?: Record<string, string[]>; baseUrl?: string };
  if (options.paths) {
    return {
      base: path.resolve(dir, options.baseUrl ?? '.'),
      paths: Object.entries(options.paths).filter((entry): entry is [string, string[]] =>
        Array.isArray(entry[1]),
      ),
    };
  }
  // `baseUrl` alone: bare specifiers resolve below it first (`import { fetchWithProxy } from 'network'`).
  if (typeof options.baseUrl === 'string') return { base: path.resolve(dir, options.baseUrl), paths: [] };
  const parents =
    typeof json.extends === 'string' ? [json.extends] : Array.isArray(json.extends) ? json.extends : [];
  if (depth < 3) {
    for (const parent of parents) {
      if (typeof parent !== 'string' || !parent.startsWith('.')) continue;
      const resolved = path.resolve(dir, parent.endsWith('.json') ? parent : `${parent}.json`);
      const found = loadPaths(resolved, depth + 1);
      if (found) return found;
    }
  }
  return undefined;
}

/** The `paths` of the nearest tsconfig.json above a file (within {@link projectTop}). */
function tsconfigPaths(fromDir: string, cwd: string): TsconfigPaths | undefined {
  const top = projectTop(cwd);
  const key = `${top}\0${fromDir}`;
  const cached = tsconfigs.get(key);
  if (cached !== undefined) return cached ?? undefined;
  let found: TsconfigPaths | undefined;
  for (let dir = fromDir; dir.startsWith(top); dir = path.dirname(dir)) {
    const file = path.join(dir, 'tsconfig.json');
    if (hasFile(file)) {
      found = loadPaths(file);
      break;
    }
    if (path.dirname(dir) === dir) break;
  }
  tsconfigs.set(key, found ?? null);
  return found;
}

/** A folder whose package.json has `workspaces`, or that has a pnpm-workspace.yaml or a rush.json. */
function isWorkspaceRoot(dir: string): boolean {
  return (
    hasFile(path.join(dir, 'pnpm-workspace.yaml')) ||
    hasFile(path.join(dir, 'rush.json')) ||
    Boolean(readJsonc(path.join(dir, 'package.json'))?.workspaces)
  );
}

/**
 * How far up modules are looked for: the monorepo the lint's working directory is in, when ESLint
 * runs in one of its packages (`turbo lint` runs `eslint .` in each, and an editor runs where the
 * nearest config is), so that the workspace packages a file imports, and their own tsconfig
 * `paths`, are read as they are from the monorepo's root. The nearest folder at or above `cwd` that
 * is a workspace root, not past the repository's top (a folder with `.git`); `cwd` when none is.
 */
function projectTop(cwd: string): string {
  const known = tops.get(cwd);
  if (known) return known;
  let found = cwd;
  for (let dir = cwd; ; dir = path.dirname(dir)) {
    if (isWorkspaceRoot(dir)) {
      found = dir;
      break;
    }
    if (hasEntry(dir, '.git') || path.dirname(dir) === dir) break;
  }
  tops.set(cwd, found);
  return found;
}
const tops = new Map<string, string>();

/**
 * The root of the monorepo a file belongs to: the nearest folder above it whose package.json has
 * `workspaces`, or that has a pnpm-workspace.yaml; the lint's working directory when there is none.
 */
function workspaceRoot(fromDir: string, cwd: string): string {
  const key = `${cwd}\0${fromDir}`;
  const cached = roots.get(key);
  if (cached) return cached;
  let found = cwd;
  const top = projectTop(cwd);
  for (let dir = fromDir; dir.startsWith(top); dir = path.dirname(dir)) {
    if (isWorkspaceRoot(dir)) {
      found = dir;
      break;
    }
    if (path.dirname(dir) === dir) break;
  }
  roots.set(key, found);
  return found;
}

/**
 * Workspace packages below a monorepo root (two directory levels, as in packages/x and apps/web/x),
 * by name; in a Rush monorepo, also every project its rush.json lists, at any depth.
 */
function workspacePackages(root: string): Map<string, string> {
  const cached = workspaces.get(root);
  if (cached) return cached;
  const found = new Map<string, string>();
  const rush = readJsonc(path.join(root, 'rush.json'))?.projects;
  if (Array.isArray(rush))
    for (const project of rush as { packageName?: unknown; projectFolder?: unknown }[]) {
      if (typeof project?.packageName !== 'string' || typeof project.projectFolder !== 'string') continue;
      // A folder outside the monorepo (`../elsewhere`) is not the project's code: never read.
      const folder = path.join(root, project.projectFolder);
      if (folder.startsWith(root + path.sep)) found.set(project.packageName, folder);
    }
  const visit = (dir: string, depth: number): void => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (!entry.isDirectory() || entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const full = path.join(dir, entry.name);
      const json = readJsonc(path.join(full, 'package.json'));
      if (typeof json?.name === 'string') found.set(json.name, full);
      if (depth < 2) visit(full, depth + 1);
    }
  };
  visit(root, 0);
  workspaces.set(root, found);
  return found;
}

/** Per project root and kind of dependency: the roots of the workspace packages it depends on, and when that was read. */
const dependencyRoots = new Map<string, { checkedAt: number; roots: readonly string[] }>();

/**
 * The folders of the monorepo's workspace packages that a project depends on (its package.json's
 * `dependencies`, `devDependencies` and `peerDependencies` that name one), read while fresh. With
 * `runtime`, only those its process runs with: a package listed only in `devDependencies` that
 * declares a `bin` (a CLI the repository runs while developing, `"@acme/cli": "workspace:*"`) runs
 * in a process of its own and is left out. Other devDependencies stay: a bundled app (Next.js,
 * esbuild) often lists the libraries it bundles there.
 */
export function workspaceDependencies(root: string, cwd: string, runtime = false): readonly string[] {
  const now = Date.now();
  const key = runtime ? `${root}\0runtime` : root;
  const cached = dependencyRoots.get(key);
  if (cached && now - cached.checkedAt < STAT_TTL_MS) return cached.roots;
  const json = readJsonc(path.join(root, 'package.json')) ?? {};
  const names = new Set<string>();
  const atRuntime = new Set<string>();
  for (const field of ['dependencies', 'devDependencies', 'peerDependencies']) {
    const deps = json[field];
    if (!deps || typeof deps !== 'object') continue;
    for (const name of Object.keys(deps)) {
      names.add(name);
      if (field !== 'devDependencies') atRuntime.add(name);
    }
  }
  const packages = names.size > 0 ? workspacePackages(workspaceRoot(root, cwd)) : new Map<string, string>();
  const roots = [...names].flatMap(name => {
    const dir = packages.get(name);
    if (!dir || dir === root) return [];
    if (runtime && !atRuntime.has(name) && readJsonc(path.join(dir, 'package.json'))?.bin) return [];
    return [dir];
  });
  dependencyRoots.set(key, { checkedAt: now, roots });
  return roots;
}

/** The entry of each workspace package, by folder: every folder that imports the package asks for it. */
const entries = new Map<string, Resolution>();

/** The entry file of a workspace package: its `exports['.']`, `main`, or `src/index`/`index`. */
function packageEntry(dir: string): string | undefined {
  const now = Date.now();
  const known = entries.get(dir);
  if (known && now - known.checkedAt < STAT_TTL_MS) return known.file;
  const file = packageEntryUncached(dir);
  entries.set(dir, { file, checkedAt: now });
  return file;
}

function packageEntryUncached(dir: string): string | undefined {
  const json = readJsonc(path.join(dir, 'package.json')) ?? {};
  const exportsField = json.exports as unknown;
  const dot =
    typeof exportsField === 'string'
      ? exportsField
      : exportsField && typeof exportsField === 'object'
        ? (exportsField as Record<string, unknown>)['.']
        : undefined;
  const candidates = [
    typeof dot === 'string' ? dot : undefined,
    dot && typeof dot === 'object'
      ? ((dot as Record<string, unknown>).import ?? (dot as Record<string, unknown>).default)
      : undefined,
    json.types,
    json.main,
  ];
  for (const candidate of candidates) {
    if (typeof candidate !== 'string' || candidate.endsWith('.d.ts')) continue;
    const file = tryFile(path.resolve(dir, candidate));
    if (file) return file;
  }
  return tryFile(path.join(dir, 'src', 'index')) ?? tryFile(path.join(dir, 'index'));
}

/** Per module: the files its `export *` lists name (resolved from `cwd`), rechecked after STAT_TTL_MS. */
const starFiles = new WeakMap<
  ModuleInfo,
  { cwd: string; checkedAt: number; files: (string | undefined)[] }
>();

/** The files a barrel's `export *` lists name, resolved once per module version while fresh. */
export function starExportFiles(info: ModuleInfo, cwd: string): readonly (string | undefined)[] {
  const now = Date.now();
  const cached = starFiles.get(info);
  if (cached && cached.cwd === cwd && now - cached.checkedAt < STAT_TTL_MS) return cached.files;
  const files = info.starExports.map(from => resolveProjectModule(info.file, from, cwd));
  starFiles.set(info, { cwd, checkedAt: now, files });
  return files;
}

/** A resolution, and when it was made. */
interface Resolution {
  file: string | undefined;
  checkedAt: number;
}

/**
 * Resolutions of one folder, rechecked after STAT_TTL_MS (files come and go): relative specifiers
 * resolve the same from every file of a folder; others also depend on the working directory.
 */
interface FolderResolutions {
  dir: string;
  relative: Map<string, Resolution>;
  bare: Map<string, Map<string, Resolution>>;
}

const folders = new Map<string, FolderResolutions>();
/**
 * The folder of each module asked from, by its file name. Resolutions are asked for nearly every
 * call of every file: a key joined from the folder and the specifier would be built and hashed
 * anew each time, where these names keep their hash.
 */
const folderOfFile = new Map<string, FolderResolutions>();

/** The project file a specifier names, if it is one (relative, a `paths` alias, a workspace package). */
export function resolveProjectModule(fromFile: string, specifier: string, cwd: string): string | undefined {
  let folder = folderOfFile.get(fromFile);
  if (!folder) {
    const dir = path.dirname(fromFile);
    folder = folders.get(dir);
    if (!folder) folders.set(dir, (folder = { dir, relative: new Map(), bare: new Map() }));
    folderOfFile.set(fromFile, folder);
  }
  let answers: Map<string, Resolution> | undefined;
  if (specifier.startsWith('.')) answers = folder.relative;
  else {
    answers = folder.bare.get(cwd);
    if (!answers) folder.bare.set(cwd, (answers = new Map()));
  }
  const now = Date.now();
  const cached = answers.get(specifier);
  if (cached && now - cached.checkedAt < STAT_TTL_MS) return cached.file;
  const file = resolveUncached(folder.dir, specifier, cwd);
  answers.set(specifier, { file, checkedAt: now });
  return file;
}

function resolveUncached(fromDir: string, specifier: string, cwd: string): string | undefined {
  if (specifier.startsWith('.')) return tryFile(path.resolve(fromDir, specifier));
  if (specifier.startsWith('node:') || isRemoteModule(canonicalModule(specifier))) return undefined;
  const paths = tsconfigPaths(fromDir, cwd);
  if (paths) {
    for (const [pattern, targets] of paths.paths) {
      const star = pattern.indexOf('*');
      let rest: string | undefined;
      if (star < 0) rest = pattern === specifier ? '' : undefined;
      else {
        const prefix = pattern.slice(0, star);
        const suffix = pattern.slice(star + 1);
        if (
          specifier.startsWith(prefix) &&
          specifier.endsWith(suffix) &&
          specifier.length >= prefix.length + suffix.length
        )
          rest = specifier.slice(prefix.length, specifier.length - suffix.length);
      }
      if (rest === undefined) continue;
      for (const target of targets) {
        const file = tryFile(path.resolve(paths.base, target.replace('*', rest)));
        if (file) return file;
      }
    }
    // As TypeScript does: a bare specifier is looked up below `baseUrl` before node_modules.
    const below = tryFile(path.resolve(paths.base, specifier));
    if (below) return below;
  }
  const packages = workspacePackages(workspaceRoot(fromDir, cwd));
  let best: string | undefined;
  for (const name of packages.keys())
    if ((specifier === name || specifier.startsWith(`${name}/`)) && (!best || name.length > best.length))
      best = name;
  if (!best) return undefined;
  const dir = packages.get(best) as string;
  const sub = specifier.slice(best.length + 1);
  if (!sub) return packageEntry(dir);
  return tryFile(path.join(dir, sub)) ?? tryFile(path.join(dir, 'src', sub));
}

// ------------------------------------------------------------------ text filters

/**
 * A module is worth following toward a client when its text names one of the clients' modules, or
 * when it re-exports (a barrel between the call and the class or function), or when a module of the
 * project it imports does (a class whose field is another project class that holds the client:
 * `SolanaWallet` → `SolanaChain` → `Connection`), up to {@link FILTER_HOPS} imports away.
 */
export function mentioning(
  modules: readonly string[] | RegExp,
  cwd: string,
): ((file: string) => boolean) & { key: string } {
  // Asked once per file with the same list (the rule keeps it while the project's clients are
  // unchanged) or the same pattern: the filter is built once per list and working directory.
  let byCwd = filters.get(modules);
  if (!byCwd) filters.set(modules, (byCwd = new Map()));
  let filter = byCwd.get(cwd);
  if (!filter) byCwd.set(cwd, (filter = makeFilter(modules, cwd)));
  return filter;
}

/** The filters {@link mentioning} has built, by module list (or pattern) and working directory. */
const filters = new WeakMap<object, Map<string, ((file: string) => boolean) & { key: string }>>();

function makeFilter(
  modules: readonly string[] | RegExp,
  cwd: string,
): ((file: string) => boolean) & { key: string } {
  let pattern: RegExp;
  if (modules instanceof RegExp) pattern = modules;
  else {
    const escaped = modules.map(module => module.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'));
    // No module to name: nothing is worth following (an empty pattern would match every text).
    pattern = new RegExp(escaped.length > 0 ? escaped.join('|') : '(?!)');
  }
  const worth = (file: string, hops: number): boolean => {
    const text = textMatches(file, pattern);
    if (text.found) return true;
    // A barrel is followed itself, but does not make the modules that import it worth reading
    // (nearly every module of a monorepo imports one).
    if (hops === 0 && text.reexports) return true;
    if (hops >= FILTER_HOPS) return false;
    for (const specifier of text.imports) {
      const next = resolveProjectModule(file, specifier, cwd);
      if (next && next !== file && worth(next, hops + 1)) return true;
    }
    return false;
  };
  // Asked for the same modules on every call of every file: answers kept while fresh.
  const answersKey = `${pattern.source}\0${cwd}`;
  const answers = filterAnswers.get(answersKey) ?? new Map<string, { checkedAt: number; found: boolean }>();
  filterAnswers.set(answersKey, answers);
  const ask = (file: string): boolean => {
    const now = Date.now();
    const answered = answers.get(file);
    if (answered && now - answered.checkedAt < STAT_TTL_MS) return answered.found;
    const found = worth(file, 0);
    answers.set(file, { checkedAt: now, found });
    return found;
  };
  return Object.assign(ask, { key: pattern.source });
}

/** Per filter (its pattern and working directory): whether each module is worth following, and when that was found. */
const filterAnswers = new Map<string, Map<string, { checkedAt: number; found: boolean }>>();

/** How many project imports away a module's text may name a client's module and still be followed. */
const FILTER_HOPS = 1;
/**
 * The specifiers of a module's static imports, read from its text (`from './x'`, `import('./x')`,
 * `require('./x')`).
 */
const IMPORT_SPECIFIER = /\bfrom\s*['"]([^'"]+)['"]|\b(?:import|require)\s*\(\s*['"]([^'"]+)['"]\s*\)/g;

const textTests = new Map<
  string,
  {
    checkedAt: number;
    mtimeMs: number;
    size: number;
    found: boolean;
    reexports: boolean;
    imports: readonly string[];
  }
>();
/** `export * from './x'`, `export { a } from './x'`: a barrel between a call and what it calls. */
const REEXPORT = /\bexport\s*(?:\*|\{[^}]*\})\s*from\b/;

/**
 * A cheap look at a module's text before it is parsed: does it match `pattern`, and, when it does
 * not, what does it import (every specifier but Node's and the catalog's libraries, which are not
 * the project's)? Cached while fresh.
 */
function textMatches(
  file: string,
  pattern: RegExp,
): { found: boolean; reexports: boolean; imports: readonly string[] } {
  const now = Date.now();
  // Kept per pattern (two filters alternate in one file's lint) and per version of the file.
  const key = `${pattern.source}\0${file}`;
  const cached = textTests.get(key);
  if (cached && now - cached.checkedAt < STAT_TTL_MS) return cached;
  let stat;
  try {
    stat = statSync(file, { throwIfNoEntry: false });
  } catch {
    stat = undefined;
  }
  if (cached && stat && cached.mtimeMs === stat.mtimeMs && cached.size === stat.size) {
    cached.checkedAt = now;
    return cached;
  }
  let found = false;
  let reexports = false;
  const imports: string[] = [];
  try {
    const text = readFileSync(file, 'utf8');
    found = pattern.test(text);
    if (!found) {
      reexports = REEXPORT.test(text);
      for (const match of text.matchAll(IMPORT_SPECIFIER)) {
        const specifier = (match[1] ?? match[2]) as string;
        if (!specifier.startsWith('node:') && !isKnownModule(canonicalModule(specifier)))
          imports.push(specifier);
      }
    }
  } catch {
    found = false;
  }
  const entry = {
    checkedAt: now,
    mtimeMs: stat?.mtimeMs ?? -1,
    size: stat?.size ?? -1,
    found,
    reexports,
    imports,
  };
  textTests.set(key, entry);
  return entry;
}
