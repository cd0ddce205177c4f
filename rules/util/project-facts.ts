// Project facts: what other modules of the same project do to every call in this one. First fact:
// process-wide axios defaults (`axios.defaults.timeout = 10_000` in the server's bootstrap) bound
// every axios call of the process, wherever they are written.
//
// A project is the folder of the nearest package.json above the linted file (a nested package is
// another project, and a file with no package.json up to the lint's working directory is a
// program of its own). Files are re-checked at most every LIST_TTL_MS and listed again at most
// every RELIST_MS (a refresh is spread over lint calls), read only when their size or mtime changed, and parsed only when a cheap text test says
// they may hold a fact, with the parser ESLint already uses for the linted file. Engines that do
// not give rules their parser (oxlint's JS plugins) see no project facts.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

import type { FamilyId, InstanceKind, Locator, Summary } from '@faultline/catalog';
import {
  FAMILIES,
  getProp,
  URL_NAME,
  canonicalModule,
  ORM_DATA_SOURCES,
  type OrmDataSource,
  decideClientDeadline,
  dispatcherBoundsResponses,
  isFalsyNone,
  ormRunsEmbedded,
  lookupModuleMember,
  makesConstructionClients,
  mayChangeArgument,
} from '@faultline/catalog';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';

import {
  type Node,
  bindsName,
  findNode,
  memberChain,
  memberName,
  propertyKey,
  setParents,
  staticString,
  unwrap,
  writtenName,
  isTextValue,
} from './ast.js';
import { isTestFile } from './test-files.js';
import { versionFacts } from './package-versions.js';

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
  /** The lint under way (a rule's context has it): its AST tells one lint's calls from the next's. */
  sourceCode?: { ast?: unknown };
}

/** A client construction of a construction-level family (pg, ioredis, Solana…) written in a module. */
export interface ProjectConstruction {
  instance: InstanceKind;
  /** The client's module, as the catalog names it (`@solana/web3.js`, `@aws-sdk/client-s3`). */
  module: string;
  /** The catalog judges it to have no deadline (missing, or turned off). */
  unbounded: boolean;
  /**
   * A BullMQ connection (ioredis with `maxRetriesPerRequest: null`), whose commands must be able to
   * wait: a call known to go through it is not reported.
   */
  queueConnection?: true;
  file: string;
  line: number;
  /**
   * Options that another module of the project writes (`new S3Client(createS3Config(opts))` with
   * `createS3Config` imported): judged once that module is read (project-calls.ts); until then
   * `unbounded` is false.
   */
  pending?: PendingOptions;
  /** Those options, once judged unbounded: the first object literal they can be, as the catalog summarises it. */
  written?: Summary;
  /** Where that object literal is written. */
  writtenAt?: { file: string; line: number };
}

/** Options a construction takes from another module: the import that gives them, and how to judge them. */
export interface PendingOptions {
  /** The local name the construction's module imports. */
  local: string;
  /** The options are what calling it returns (`createS3Config(opts)`), not the value itself. */
  called: boolean;
  family: FamilyId;
  /** The options are the first argument, which is also what a family's connection string is read from. */
  first: boolean;
  /** Otherwise, the first argument as the catalog summarises it (a connection string, perhaps). */
  connectionString?: Summary;
}

/** One module's contribution: the axios default timeouts it sets (each a finite bound), and the clients it makes. */
interface ModuleFacts {
  mtimeMs: number;
  size: number;
  axiosTimeouts: Summary[];
  /** The finite googleapis default timeouts it sets (`google.options({ timeout })`). */
  googleTimeouts: Summary[];
  /** The finite SendGrid mail timeouts it sets on the module's service (`sgMail.setTimeout(ms)`). */
  sendgridTimeouts: Summary[];
  constructions: ProjectConstruction[];
  /** The classes the module declares, with the types each extends or implements (read from its text). */
  implementations: readonly Implementation[];
  /** The engines of the ORM data sources the module configures (`null`: chosen at run time). */
  engines: readonly OrmEngine[];
  /** The module installs a process-wide undici dispatcher that bounds headers and body (see {@link boundedDispatcher}). */
  dispatcher: boolean;
}

/** `{ type: 'better-sqlite3', database }` given to TypeORM: the ORM and the engine it names. */
interface OrmEngine {
  orm: OrmDataSource['orm'];
  engine: string | null;
}

/** `class ChainsRepository implements IChainsRepository`: a class and one type it takes its shape from. */
interface Implementation {
  cls: string;
  type: string;
}

const LIST_TTL_MS = 30_000;
/** New files of a project are looked for at most this often (its known files every LIST_TTL_MS). */
const RELIST_MS = 60_000;
const MAX_FILES = 20_000;
const SOURCE = /\.(?:[cm]?[jt]s|[jt]sx)$/;
const SKIP_DIRS = new Set(['node_modules', 'dist', 'build', 'out', 'coverage', 'lib-cov']);
/** The text a module must contain to be worth parsing. */
const HINT = /\.\s*defaults\s*(?:\.\s*timeout|\[\s*['"]timeout['"]\s*\])\s*=/;
/** The text a module must contain to be read for a global undici dispatcher. */
const DISPATCHER_HINT = /\bsetGlobalDispatcher\s*\(/;
/** googleapis' process-wide options: `google.options({ timeout })`. */
const GOOGLE_HINT = /\.\s*options\s*\(\s*\{[^]*?\btimeout\b/;
/** SendGrid's mail service timeout: `sgMail.setTimeout(ms)`. */
const SENDGRID_HINT = /\.\s*setTimeout\s*\(/;

/**
 * A refresh checks at least this many modules per lint, and more while under SWEEP_BUDGET_MS (per
 * lint, however many rules and questions ask for the project's modules during it).
 */
const SWEEP_MIN_FILES = 64;
const SWEEP_BUDGET_MS = 4;

/** A refresh under way: the new listing, checked a slice per lint call (see projectModules). */
interface Sweep {
  files: string[];
  next: number;
  modules: Map<string, ModuleFacts>;
  /** A module was added, removed or changed since the last complete read. */
  changed: boolean;
  /** The lint that took the last slice (its AST) and the time it has spent on it. */
  lint?: unknown;
  spentMs: number;
}

/** Per working directory: the project folder of each folder ({@link projectRoot}). */
const rootsByCwd = new Map<string, Map<string, string | null>>();
/** The same answers by file name (the folder of a file is a new string each time it is computed). */
const rootsOfFilesByCwd = new Map<string, Map<string, string | null>>();
const projects = new Map<
  string,
  { at: number; listedAt: number; modules: Map<string, ModuleFacts>; sweep?: Sweep }
>();

/**
 * The project folder of a file: the nearest package.json at or below `cwd`; none inside
 * node_modules. A file outside `cwd` (a workspace package of the monorepo the lint runs in, read
 * from one of its packages) has the nearest package.json above it, not past the repository's top.
 */
export function projectRoot(filename: string, cwd: string): string | undefined {
  // Asked for nearly every call into the project: the answer of a folder, kept per file name too.
  let rootsOfFiles = rootsOfFilesByCwd.get(cwd);
  if (!rootsOfFiles) rootsOfFilesByCwd.set(cwd, (rootsOfFiles = new Map()));
  const known = rootsOfFiles.get(filename);
  if (known !== undefined) return known ?? undefined;
  if (!path.isAbsolute(filename) || /[\\/]node_modules[\\/]/.test(filename)) return undefined;
  const start = path.dirname(filename);
  let roots = rootsByCwd.get(cwd);
  if (!roots) rootsByCwd.set(cwd, (roots = new Map()));
  const cached = roots.get(start);
  if (cached !== undefined) {
    rootsOfFiles.set(filename, cached);
    return cached ?? undefined;
  }
  let found: string | null = null;
  const inside = start.startsWith(cwd);
  for (let dir = start; !inside || dir.startsWith(cwd); dir = path.dirname(dir)) {
    if (hasFile(path.join(dir, 'package.json'))) {
      found = dir;
      break;
    }
    if (path.dirname(dir) === dir || (!inside && hasEntry(dir, '.git'))) break;
  }
  roots.set(start, found);
  rootsOfFiles.set(filename, found);
  return found ?? undefined;
}

/** What a folder held when it was last listed: each name, and whether it is a file ('link' to be asked). */
const listings = new Map<
  string,
  { entries: Map<string, 'file' | 'link' | 'other'> | undefined; checkedAt: number }
>();

function listing(dir: string): Map<string, 'file' | 'link' | 'other'> | undefined {
  const now = Date.now();
  const known = listings.get(dir);
  if (known && now - known.checkedAt < LIST_TTL_MS) return known.entries;
  let entries: Map<string, 'file' | 'link' | 'other'> | undefined;
  try {
    entries = new Map();
    for (const entry of readdirSync(dir, { withFileTypes: true }))
      entries.set(entry.name, entry.isFile() ? 'file' : entry.isSymbolicLink() ? 'link' : 'other');
  } catch {
    // Not a folder (`a.ts/index.ts` under a file), missing, or unreadable.
    entries = undefined;
  }
  listings.set(dir, { entries, checkedAt: now });
  return entries;
}

/**
 * True when `file` exists and is a file. A module resolution probes a dozen candidates, most of
 * them missing, in a few folders: each folder is listed once per LIST_TTL_MS (as the modules of a
 * project are re-checked) and the probes answered from the listing, not by a `stat` each.
 */
export function hasFile(file: string): boolean {
  const kind = listing(path.dirname(file))?.get(path.basename(file));
  if (kind !== 'link') return kind === 'file';
  try {
    return statSync(file, { throwIfNoEntry: false })?.isFile() ?? false;
  } catch {
    return false;
  }
}

/** True when a folder holds an entry of that name, of any kind (a `.git` folder or file). */
export function hasEntry(dir: string, name: string): boolean {
  return listing(dir)?.has(name) ?? false;
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

/** A parse of a module's syntax tree alone: no tokens, no comments, no scope analysis. */
type TreeParse = (text: string, options: Record<string, unknown>) => unknown;

/** What {@link treeParseOf} found for each parser object (null: none, use the parser itself). */
const treeParses = new WeakMap<object, TreeParse | null>();

/**
 * typescript-eslint's `parseForESLint` (and its `parse`, which calls it) also builds the token
 * list, the comment list and a full scope analysis, which project facts never read: half the time
 * of a module read, and half the memory a kept module holds (measured on novu: 2.1× and 2.2×).
 * The parser's own `@typescript-eslint/typescript-estree` parses the tree alone. It is taken only
 * when it is the copy that parser uses (same version, resolved from the parser's own folder, so
 * already loaded); any other parser (espree, whose `parse` makes no tokens unless asked, vue,
 * babel) is used as it is.
 */
function treeParseOf(parser: ParserLike, cwd: string): TreeParse | null {
  let found = treeParses.get(parser);
  if (found !== undefined) return found;
  found = null;
  const meta = (parser as { meta?: { name?: unknown; version?: unknown } }).meta;
  if (meta?.name === 'typescript-eslint/parser' && typeof meta.version === 'string') {
    for (const from of [import.meta.url, path.join(cwd, 'package.json')]) {
      try {
        const parserMain = createRequire(from).resolve('@typescript-eslint/parser');
        const estree = createRequire(parserMain)('@typescript-eslint/typescript-estree') as {
          parse?: TreeParse;
          version?: unknown;
        };
        if (typeof estree.parse === 'function' && estree.version === meta.version) {
          found = estree.parse;
          break;
        }
      } catch {
        // Not resolvable from here (a strict layout such as pnpm's): try the next place, or parse
        // with the parser itself.
      }
    }
  }
  treeParses.set(parser, found);
  return found;
}

/** A TypeScript module, by its name: a parser for JavaScript cannot read it. */
const TS_MODULE = /\.(?:[cm]?ts|tsx)$/;

/** What {@link projectTreeParse} found for each working directory (null: none). */
const projectTreeParses = new Map<string, TreeParse | null>();

/**
 * The project's own `@typescript-eslint/typescript-estree`, found through the TypeScript parser the
 * project installs (`@typescript-eslint/parser`, or the `typescript-eslint` package that brings it),
 * from its working directory, or else beside this plugin. A file linted by a JavaScript parser
 * (espree, for the `.js` files of a TypeScript project) that reaches a TypeScript module reads it
 * with this one: a parse that failed there would leave the module's facts empty, and the project's
 * facts, kept across files, would then depend on which file asked first.
 */
function projectTreeParse(cwd: string): TreeParse | null {
  let found = projectTreeParses.get(cwd);
  if (found !== undefined) return found;
  found = null;
  search: for (const from of [path.join(cwd, 'package.json'), import.meta.url]) {
    for (const via of [[], ['typescript-eslint']] as const) {
      try {
        let require = createRequire(from);
        for (const step of via) require = createRequire(require.resolve(step));
        const parserMain = require.resolve('@typescript-eslint/parser');
        const estree = createRequire(parserMain)('@typescript-eslint/typescript-estree') as {
          parse?: TreeParse;
        };
        if (typeof estree.parse === 'function') {
          found = estree.parse;
          break search;
        }
      } catch {
        // Not installed where this looks: try the next place.
      }
    }
  }
  projectTreeParses.set(cwd, found);
  return found;
}

/** typescript-eslint's parser, which reads TypeScript and JavaScript alike. */
function readsTypeScript(parser: ParserLike): boolean {
  return (parser as { meta?: { name?: unknown } }).meta?.name === 'typescript-eslint/parser';
}

/**
 * Parses a module with the linted file's parser, without type information (none is needed); a
 * TypeScript module asked for by a file a JavaScript parser lints, with the project's TypeScript
 * parser ({@link projectTreeParse}).
 */
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
    const tree =
      treeParseOf(parser, context.cwd) ??
      (TS_MODULE.test(file) && !readsTypeScript(parser) ? projectTreeParse(context.cwd) : null);
    const result = (
      tree
        ? tree(text, {
            filePath: file,
            range: true,
            loc: true,
            jsx: (parserOptions.ecmaFeatures as { jsx?: unknown } | undefined)?.jsx === true,
          })
        : parser.parseForESLint
          ? parser.parseForESLint(text, options).ast
          : parser.parse?.(text, options)
    ) as Node | undefined;
    if (result) setParents(result);
    return result;
  } catch {
    // A module that does not parse with this parser (another dialect) contributes nothing.
    return undefined;
  }
}

/**
 * The local names bound to a module as a whole: `import axios from 'axios'` (also `* as`, or its
 * `default` by name), `const axios = require('axios')` (also `.default`).
 */
function moduleNames(program: TSESTree.Program, module: string): Set<string> {
  const names = new Set<string>();
  for (const statement of program.body) {
    if (statement.type === AST_NODE_TYPES.ImportDeclaration && statement.source.value === module) {
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
          staticString(init.arguments[0]) === module
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

/** What a module contributes: axios defaults it sets, and the construction-level clients it makes. */
function readModule(
  parser: ParserLike,
  context: ProjectContext,
  file: string,
): Pick<
  ModuleFacts,
  | 'axiosTimeouts'
  | 'googleTimeouts'
  | 'sendgridTimeouts'
  | 'constructions'
  | 'implementations'
  | 'engines'
  | 'dispatcher'
> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return {
      axiosTimeouts: [],
      googleTimeouts: [],
      sendgridTimeouts: [],
      constructions: [],
      implementations: [],
      engines: [],
      dispatcher: false,
    };
  }
  const implementations = classHeads(text);
  const axios = HINT.test(text);
  const clients = mayConstructClient(text);
  const orms = ormsConfigured(text);
  const named = namedServerEngines(text);
  const dispatcher = DISPATCHER_HINT.test(text);
  const google = text.includes('googleapis') && GOOGLE_HINT.test(text);
  const sendgrid = text.includes('@sendgrid/mail') && SENDGRID_HINT.test(text);
  const nothing = {
    axiosTimeouts: [],
    googleTimeouts: [],
    sendgridTimeouts: [],
    constructions: [],
    implementations,
    engines: named,
    dispatcher: false,
  };
  if (!axios && !google && !sendgrid && !clients && orms.length === 0 && !dispatcher) return nothing;
  const program = parseModule(parser, context, file, text);
  if (program?.type !== AST_NODE_TYPES.Program) return nothing;
  return {
    axiosTimeouts: axios ? axiosDefaults(program) : [],
    googleTimeouts: google ? googleDefaults(program) : [],
    sendgridTimeouts: sendgrid ? sendgridDefaults(program) : [],
    constructions: clients ? clientConstructions(program, file) : [],
    implementations,
    engines: [...named, ...ormEngines(program, orms)],
    dispatcher: dispatcher && boundedDispatcher(program),
  };
}

/** A number a module writes: a literal, arithmetic on literals, or a top-level const of them. */
export function numberIn(program: TSESTree.Program, value: Node, depth: number): number | undefined {
  const node = unwrap(value);
  if (depth > 4) return undefined;
  if (node.type === AST_NODE_TYPES.Literal) return typeof node.value === 'number' ? node.value : undefined;
  if (node.type === AST_NODE_TYPES.Identifier) {
    const init = constInitIn(program, node.name);
    return init ? numberIn(program, init, depth + 1) : undefined;
  }
  if (node.type === AST_NODE_TYPES.BinaryExpression && (node.operator === '*' || node.operator === '+')) {
    const left = numberIn(program, node.left as Node, depth + 1);
    const right = numberIn(program, node.right as Node, depth + 1);
    if (left === undefined || right === undefined) return undefined;
    return node.operator === '*' ? left * right : left + right;
  }
  return undefined;
}

/**
 * The module installs a process-wide undici dispatcher with both of its response timeouts set
 * tighter than undici's 300 s defaults (`setGlobalDispatcher(new Agent({ headersTimeout: 30_000,
 * bodyTimeout: 30_000 }))`, also through a const of the module or `.compose(…)`): every request of
 * the global fetch then waits at most that long for headers and between body chunks. The catalog
 * decides (`dispatcherBoundsResponses`); a timeout the module does not write as a number is not known.
 */
function boundedDispatcher(program: TSESTree.Program): boolean {
  return (
    findNode(program, node => {
      if (node.type !== AST_NODE_TYPES.CallExpression || writtenName(node.callee) !== 'setGlobalDispatcher')
        return false;
      let made = node.arguments[0] ? unwrap(node.arguments[0] as Node) : undefined;
      for (let steps = 0; made && steps < 4; steps++) {
        if (made.type === AST_NODE_TYPES.Identifier) made = constInitIn(program, made.name);
        else if (
          made.type === AST_NODE_TYPES.CallExpression &&
          made.callee.type === AST_NODE_TYPES.MemberExpression &&
          memberName(made.callee) === 'compose'
        )
          made = unwrap(made.callee.object);
        else break;
      }
      if (made?.type !== AST_NODE_TYPES.NewExpression) return false;
      const options = made.arguments.find(argument => argument.type === AST_NODE_TYPES.ObjectExpression);
      if (options?.type !== AST_NODE_TYPES.ObjectExpression) return false;
      const ms = (key: string): number | undefined => {
        const prop = options.properties.find(
          inner => inner.type === AST_NODE_TYPES.Property && propertyKey(inner) === key,
        );
        return prop ? numberIn(program, (prop as TSESTree.Property).value as Node, 0) : undefined;
      };
      return dispatcherBoundsResponses(
        writtenName(made.callee) ?? '',
        ms('headersTimeout'),
        ms('bodyTimeout'),
      );
    }) !== undefined
  );
}

/** The initialiser of a top-level `const name = …` of a module. */
function constInitIn(program: TSESTree.Program, name: string): Node | undefined {
  for (const statement of program.body) {
    const declaration =
      statement.type === AST_NODE_TYPES.ExportNamedDeclaration ? statement.declaration : statement;
    if (declaration?.type !== AST_NODE_TYPES.VariableDeclaration || declaration.kind !== 'const') continue;
    for (const declarator of declaration.declarations)
      if (declarator.id.type === AST_NODE_TYPES.Identifier && declarator.id.name === name && declarator.init)
        return unwrap(declarator.init);
  }
  return undefined;
}

/** The ORMs whose module a module's text imports and whose engine key it writes (`type:`, `dialect:`). */
function ormsConfigured(text: string): OrmDataSource[] {
  if (!text.includes('typeorm') && !text.includes('sequelize')) return [];
  return ORM_DATA_SOURCES.filter(
    source =>
      source.modules.some(module => text.includes(`'${module}'`) || text.includes(`"${module}"`)) &&
      new RegExp(`\\b${source.key}\\s*:`).test(text),
  );
}

/**
 * Server engines named anywhere in a module, imports or not (`type: 'postgres'` in a config file
 * that never imports TypeORM): each keeps its ORM remote, whatever else the project configures.
 */
const SERVER_ENGINE =
  /\b(type|dialect)\s*:\s*['"`](postgres|postgresql|mysql|mariadb|cockroachdb|mssql|oracle|sap|spanner|mongodb|aurora-mysql|aurora-postgres|db2|snowflake)['"`]/g;

function namedServerEngines(text: string): OrmEngine[] {
  if (!text.includes('type') && !text.includes('dialect')) return [];
  const found: OrmEngine[] = [];
  for (const match of text.matchAll(SERVER_ENGINE))
    found.push({ orm: match[1] === 'type' ? 'typeorm' : 'sequelize', engine: match[2] as string });
  return found;
}

/**
 * The data sources a module configures for the ORMs it imports: every object literal holding the
 * ORM's engine key and one of its connection keys (`{ type, database }`, `{ dialect, storage }`),
 * and Sequelize's connection URL (`new Sequelize('sqlite::memory:')`). An engine the literal does
 * not name as a string (a variable, an environment lookup, a branch between two engines counts as
 * both) is `null`. A Nest `forRootAsync` factory that returns no such literal is `null` too.
 */
function ormEngines(program: TSESTree.Program, orms: readonly OrmDataSource[]): OrmEngine[] {
  const found: OrmEngine[] = [];
  findNode(program, node => {
    if (node.type === AST_NODE_TYPES.ObjectExpression) {
      for (const source of orms) {
        let engine: TSESTree.Property | undefined;
        let connection = false;
        for (const prop of node.properties) {
          if (prop.type !== AST_NODE_TYPES.Property) continue;
          const key = propertyKey(prop);
          if (key === source.key) engine = prop;
          else if (key && source.configKeys.includes(key)) connection = true;
        }
        if (engine && connection)
          for (const name of engineNames(engine.value as Node)) found.push({ orm: source.orm, engine: name });
      }
    }
    if (node.type === AST_NODE_TYPES.CallExpression && writtenName(node.callee) === 'forRootAsync') {
      const orm = orms.find(source => source.orm === 'typeorm');
      if (
        orm &&
        !findNode(node, inner => inner.type === AST_NODE_TYPES.Property && propertyKey(inner) === 'type')
      )
        found.push({ orm: orm.orm, engine: null });
    }
    if (
      node.type === AST_NODE_TYPES.NewExpression &&
      writtenName(node.callee) === 'Sequelize' &&
      orms.some(source => source.orm === 'sequelize')
    ) {
      const first = node.arguments[0] ? unwrap(node.arguments[0] as Node) : undefined;
      if (first && first.type !== AST_NODE_TYPES.ObjectExpression) {
        const url = staticString(first);
        const scheme = url === undefined ? undefined : /^([a-z0-9+-]+):/i.exec(url)?.[1];
        found.push({ orm: 'sequelize', engine: scheme ?? null });
      }
    }
    return false;
  });
  return found;
}

/** The engine names a value can take: a string, each branch of a choice between strings, else `null`. */
function engineNames(value: Node): (string | null)[] {
  const inner = unwrap(value);
  const text = staticString(inner);
  if (text !== undefined) return [text];
  if (inner.type === AST_NODE_TYPES.ConditionalExpression)
    return [...engineNames(inner.consequent), ...engineNames(inner.alternate)];
  return [null];
}

/** `class C<T> extends Base<T> implements IUsers, IOther {`: a class's name and its heritage clauses. */
const CLASS_HEAD =
  /\bclass\s+([A-Za-z_$][\w$]*)\s*(?:<(?:[^<>]|<(?:[^<>]|<[^<>]*>)*>)*>\s*)?((?:extends|implements)\s[^{]*)\{/g;
const HERITAGE_SPLIT = /\b(?:extends|implements)\b|,/;
const TYPE_NAME = /^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*$/;

/**
 * The classes a module's text declares with the types each extends or implements, read without
 * parsing (a class whose head the pattern misreads is only missed: what is followed is checked on
 * the parsed module).
 */
function classHeads(text: string): Implementation[] {
  if (!text.includes('implements') && !text.includes('extends')) return [];
  const found: Implementation[] = [];
  for (const match of text.matchAll(CLASS_HEAD)) {
    let heritage = match[2] as string;
    for (let before = ''; before !== heritage;) {
      before = heritage;
      heritage = heritage.replace(/<[^<>]*>/g, '');
    }
    for (const part of heritage.split(HERITAGE_SPLIT)) {
      const name = part.trim();
      if (TYPE_NAME.test(name))
        found.push({ cls: match[1] as string, type: name.slice(name.lastIndexOf('.') + 1) });
    }
  }
  return found;
}

/** Import and require specifiers in a module's text. */
const SPECIFIER = /(?:\bfrom|\brequire\s*\(|\bimport\s*\()\s*['"]([^'"]+)['"]/g;
/** A construction (`new X(`) or factory call (`createX(`) somewhere in the text. */
const CONSTRUCTS = /\bnew\s+[A-Za-z_$]|\bcreate[A-Z]/;

/** A cheap text test: the module imports a client module whose bound lives where it is made, and constructs something. */
function mayConstructClient(text: string): boolean {
  if (!CONSTRUCTS.test(text)) return false;
  for (const match of text.matchAll(SPECIFIER)) {
    const specifier = match[1] as string;
    if (!specifier.startsWith('.') && makesConstructionClients(canonicalModule(specifier))) return true;
  }
  return false;
}

/** Local names bound to a module member: `import { Connection } from '@solana/web3.js'`, namespaces, requires. */
function importedMembers(program: TSESTree.Program): Map<string, { module: string; path: string[] }> {
  const names = new Map<string, { module: string; path: string[] }>();
  for (const statement of program.body) {
    if (statement.type === AST_NODE_TYPES.ImportDeclaration && statement.importKind !== 'type') {
      const module = canonicalModule(statement.source.value);
      for (const specifier of statement.specifiers) {
        if (specifier.type === AST_NODE_TYPES.ImportSpecifier) {
          if (specifier.importKind === 'type') continue;
          const imported =
            specifier.imported.type === AST_NODE_TYPES.Identifier
              ? specifier.imported.name
              : String(specifier.imported.value);
          names.set(specifier.local.name, { module, path: imported === 'default' ? [] : [imported] });
        } else {
          names.set(specifier.local.name, { module, path: [] });
        }
      }
    }
    if (statement.type === AST_NODE_TYPES.VariableDeclaration) {
      for (const declarator of statement.declarations) {
        const init = declarator.init ? unwrap(declarator.init) : undefined;
        if (
          init?.type !== AST_NODE_TYPES.CallExpression ||
          init.callee.type !== AST_NODE_TYPES.Identifier ||
          init.callee.name !== 'require'
        )
          continue;
        const specifier = staticString(init.arguments[0]);
        if (!specifier) continue;
        const module = canonicalModule(specifier);
        if (declarator.id.type === AST_NODE_TYPES.Identifier)
          names.set(declarator.id.name, { module, path: [] });
        else if (declarator.id.type === AST_NODE_TYPES.ObjectPattern)
          for (const property of declarator.id.properties)
            if (
              property.type === AST_NODE_TYPES.Property &&
              property.key.type === AST_NODE_TYPES.Identifier &&
              property.value.type === AST_NODE_TYPES.Identifier
            )
              names.set(property.value.name, { module, path: [property.key.name] });
      }
    }
  }
  return names;
}

/** An argument as the catalog summarises options, from syntax alone: literals and object keys; anything else is opaque. */
export function summarizeArgument(node: Node | undefined): Summary {
  if (!node) return { kind: 'absent' };
  const inner = unwrap(node);
  if (inner.type === AST_NODE_TYPES.Literal && typeof inner.value === 'string')
    return { kind: 'string', value: inner.value };
  if (inner.type === AST_NODE_TYPES.TemplateLiteral) return { kind: 'value' };
  if (inner.type !== AST_NODE_TYPES.ObjectExpression) return { kind: 'opaque' };
  const props = new Map<string, { value: Summary }>();
  let hasSpread = false;
  for (const property of inner.properties) {
    if (property.type === AST_NODE_TYPES.SpreadElement) {
      // `...{ region }`, `...(endpoint ? { endpoint } : {})`: at most the keys written there, each
      // unknown when a branch may leave it out (as the file's reader, file-model/options.ts).
      const spread = unwrap(property.argument);
      const branches =
        spread.type === AST_NODE_TYPES.ObjectExpression
          ? [spread]
          : spread.type === AST_NODE_TYPES.ConditionalExpression
            ? [spread.consequent, spread.alternate]
            : spread.type === AST_NODE_TYPES.LogicalExpression && spread.operator === '&&'
              ? [spread.right]
              : [];
      const objects = branches
        .map(branch => unwrap(branch as Node))
        .filter(
          branch =>
            !(branch.type === AST_NODE_TYPES.Literal && branch.value === null) &&
            !(branch.type === AST_NODE_TYPES.Identifier && branch.name === 'undefined'),
        );
      if (branches.length === 0 || objects.some(object => object.type !== AST_NODE_TYPES.ObjectExpression)) {
        hasSpread = true;
        continue;
      }
      for (const object of objects) {
        const summary = summarizeArgument(object);
        if (summary.kind !== 'object' || summary.hasSpread) {
          hasSpread = true;
          break;
        }
        for (const [key, prop] of summary.props)
          props.set(key, objects.length === 1 && spread === object ? prop : { value: { kind: 'opaque' } });
      }
      continue;
    }
    if (property.type !== AST_NODE_TYPES.Property || property.computed) {
      hasSpread = true;
      continue;
    }
    const key =
      property.key.type === AST_NODE_TYPES.Identifier
        ? property.key.name
        : property.key.type === AST_NODE_TYPES.Literal
          ? String(property.key.value)
          : undefined;
    if (key === undefined) {
      hasSpread = true;
      continue;
    }
    const value = unwrap(property.value as Node);
    props.set(key, {
      value:
        value.type === AST_NODE_TYPES.ObjectExpression
          ? summarizeArgument(value)
          : // A connection string the catalog reads for its parameters (`…?statement_timeout=5000`).
            value.type === AST_NODE_TYPES.Literal && typeof value.value === 'string'
            ? { kind: 'string', value: value.value }
            : value.type === AST_NODE_TYPES.TemplateLiteral
              ? { kind: 'string', value: value.quasis.map(quasi => quasi.value.cooked ?? '').join('') }
              : summarize(value),
    });
  }
  return { kind: 'object', props, hasSpread };
}

/** A literal, or a name the catalog reads as a URL, host or port (`REDIS_URL`, `config.redisUrl`). */
function looksLikeAddress(node: Node): boolean {
  const inner = unwrap(node);
  if (inner.type === AST_NODE_TYPES.Literal || inner.type === AST_NODE_TYPES.TemplateLiteral) return true;
  // `process.env.REDIS_HOST`, `process.env.REDIS_URL ?? 'redis://localhost:6379'`, `String(…)`.
  if (isTextValue(inner)) return true;
  // `config.redisUrl ?? process.env.REDIS_URL`, `tls ? secureUrl : url`: every side is one.
  if (inner.type === AST_NODE_TYPES.LogicalExpression && inner.operator !== '&&')
    return looksLikeAddress(inner.left) && looksLikeAddress(inner.right);
  if (inner.type === AST_NODE_TYPES.ConditionalExpression)
    return looksLikeAddress(inner.consequent) && looksLikeAddress(inner.alternate);
  const name = writtenName(inner);
  return name !== undefined && URL_NAME.test(name);
}

/**
 * A construction's options, located as the catalog's role says: a fixed position, or ioredis's
 * last argument when it is an object (`new Redis(url, { commandTimeout })`); undefined for a
 * locator this reader does not follow.
 */
function factoryOptions(args: readonly Node[], locator: Locator): Summary | undefined {
  if (args.some(arg => arg.type === AST_NODE_TYPES.SpreadElement)) return { kind: 'opaque' };
  if ('at' in locator)
    return locator.alone && args.length > 1 ? { kind: 'absent' } : summarizeArgument(args[locator.at]);
  if ('none' in locator) return { kind: 'absent' };
  if ('lastObject' in locator) {
    const last = args.at(-1);
    const summary = summarizeArgument(last);
    // A port, host or URL last (`new Redis(process.env.REDIS_URL)`): no options.
    return summary.kind === 'string' ||
      summary.kind === 'value' ||
      (last !== undefined && looksLikeAddress(last))
      ? { kind: 'absent' }
      : summary;
  }
  return undefined;
}

/**
 * The object literals a value written in a module stands for, read through the module's own
 * syntax: a `const` it is bound to in an enclosing block (`const config = { region }`), and every
 * value a function of the module returns when it is called (`createS3Config(opts)`, a function
 * declared in the module or in an enclosing function). `{ pending }` when the value, or the
 * function called, is imported from another module (`imported` says whether a name is); undefined
 * when any part of it is not an object literal the syntax can see.
 */
export function writtenOptions(
  value: Node,
  imported: (name: string) => boolean,
  depth = 0,
): Node[] | { pending: { local: string; called: boolean } } | undefined {
  if (depth > 4) return undefined;
  const inner = unwrap(value);
  if (inner.type === AST_NODE_TYPES.ObjectExpression) return [inner];
  if (inner.type === AST_NODE_TYPES.Identifier) {
    const bound = boundValue(inner, inner.name);
    if (bound === null) return undefined;
    if (bound)
      return isFunctionNode(bound.value) || mutated(bound.scope, inner.name, inner)
        ? undefined
        : writtenOptions(bound.value, imported, depth + 1);
    // An imported object changed here (`config.requestHandler = …`) is not what its module wrote.
    return imported(inner.name) && !mutated(programOf(inner), inner.name, inner)
      ? { pending: { local: inner.name, called: false } }
      : undefined;
  }
  if (inner.type !== AST_NODE_TYPES.CallExpression) return undefined;
  const callee = unwrap(inner.callee);
  if (callee.type !== AST_NODE_TYPES.Identifier) return undefined;
  const bound = boundValue(callee, callee.name);
  if (bound === null) return undefined;
  if (!bound) return imported(callee.name) ? { pending: { local: callee.name, called: true } } : undefined;
  const fn = unwrap(bound.value);
  if (!isFunctionNode(fn)) return undefined;
  const found: Node[] = [];
  for (const returned of returnedValues(fn)) {
    const each = writtenOptions(returned, () => false, depth + 1);
    if (!Array.isArray(each)) return undefined;
    found.push(...each);
  }
  return found.length > 0 ? found : undefined;
}

type FunctionLike =
  TSESTree.ArrowFunctionExpression | TSESTree.FunctionDeclaration | TSESTree.FunctionExpression;

function isFunctionNode(node: Node): node is FunctionLike {
  return (
    node.type === AST_NODE_TYPES.ArrowFunctionExpression ||
    node.type === AST_NODE_TYPES.FunctionDeclaration ||
    node.type === AST_NODE_TYPES.FunctionExpression
  );
}

/** What a function returns: its expression body, or every `return`'s value (a bare `return` gives nothing). */
export function returnedValues(fn: FunctionLike): Node[] {
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return [fn.body];
  const found: Node[] = [];
  findNode(
    fn.body,
    node => {
      if (node.type === AST_NODE_TYPES.ReturnStatement && node.argument) found.push(node.argument);
      return false;
    },
    node => !isFunctionNode(node),
  );
  return found;
}

/**
 * The value the name `name` is bound to where `from` is written, by the module's syntax: the
 * initialiser of a `const` (or the function a declaration names) in an enclosing block or at the
 * top level. Null when the name is bound some other way there (a parameter, a `let`, a catch
 * clause, a loop variable), undefined when it is not bound in the module (a global, an import).
 */
function boundValue(from: Node, name: string): { value: Node; scope: Node } | null | undefined {
  for (let current = from.parent; current; current = current.parent) {
    if (isFunctionNode(current)) {
      if (current.params.some(param => bindsName(param, name))) return null;
      continue;
    }
    if (current.type === AST_NODE_TYPES.CatchClause && current.param && bindsName(current.param, name))
      return null;
    if (
      (current.type === AST_NODE_TYPES.ForOfStatement || current.type === AST_NODE_TYPES.ForInStatement) &&
      current.left.type === AST_NODE_TYPES.VariableDeclaration &&
      current.left.declarations.some(declarator => bindsName(declarator.id, name))
    )
      return null;
    if (
      current.type !== AST_NODE_TYPES.BlockStatement &&
      current.type !== AST_NODE_TYPES.Program &&
      current.type !== AST_NODE_TYPES.StaticBlock
    )
      continue;
    for (const written of current.body) {
      const statement =
        written.type === AST_NODE_TYPES.ExportNamedDeclaration && written.declaration
          ? written.declaration
          : written;
      if (statement.type === AST_NODE_TYPES.FunctionDeclaration && statement.id?.name === name)
        return { value: statement, scope: current };
      if (statement.type === AST_NODE_TYPES.ClassDeclaration && statement.id?.name === name) return null;
      if (statement.type !== AST_NODE_TYPES.VariableDeclaration) continue;
      for (const declarator of statement.declarations) {
        if (!bindsName(declarator.id, name)) continue;
        return statement.kind === 'const' &&
          declarator.id.type === AST_NODE_TYPES.Identifier &&
          declarator.init
          ? { value: declarator.init, scope: current }
          : null;
      }
    }
  }
  return undefined;
}

/**
 * The object `name` holds may be changed after it is written, somewhere in `scope`: a property
 * set or deleted (`config.requestHandler = …`), or the object handed to a function that may write
 * into it: one that does (`Object.assign(config, …)`, lodash's `merge(config, …)`), or any function
 * of the project (`applyTimeouts(config)`). A package's other functions (`mongoose.connect(url,
 * config)`) and globals that read (`JSON.stringify`) are taken to leave it as it is. `except` is the
 * use being judged (the construction's own argument).
 */
function mutated(scope: Node, name: string, except?: Node): boolean {
  const named = (node: Node): boolean => node.type === AST_NODE_TYPES.Identifier && node.name === name;
  const target = (node: Node): boolean =>
    node.type === AST_NODE_TYPES.MemberExpression && (named(node.object) || target(node.object));
  let packages: ReadonlySet<string> | undefined;
  const writes = (call: TSESTree.CallExpression): boolean => {
    const chain = memberChain(unwrap(call.callee));
    const root = chain?.root.type === AST_NODE_TYPES.Identifier ? chain.root.name : undefined;
    const called = chain ? (chain.path.at(-1) ?? root) : undefined;
    if (root !== undefined) packages ??= packageBindings(programOf(scope));
    return mayChangeArgument({
      ...(called !== undefined ? { called } : {}),
      ...(root !== undefined ? { root } : {}),
      rootFromPackage: root !== undefined && (packages?.has(root) ?? false),
    });
  };
  return (
    findNode(scope, node => {
      if (node.type === AST_NODE_TYPES.AssignmentExpression) return target(node.left);
      if (node.type === AST_NODE_TYPES.UnaryExpression && node.operator === 'delete')
        return target(node.argument);
      if (node.type !== AST_NODE_TYPES.CallExpression) return false;
      const passes = node.arguments.some(argument => {
        const passed = unwrap(argument as Node);
        return passed !== except && named(passed);
      });
      return passes && writes(node);
    }) !== undefined
  );
}

/** The names a module binds to packages (`import mongoose from 'mongoose'`, `const { x } = require('pkg')`), not to its own files. */
function packageBindings(program: Node): ReadonlySet<string> {
  const names = new Set<string>();
  if (program.type !== AST_NODE_TYPES.Program) return names;
  for (const [local, bound] of importedMembers(program)) if (!bound.module.startsWith('.')) names.add(local);
  return names;
}

/** The program a node belongs to. */
function programOf(node: Node): Node {
  let current = node;
  while (current.parent) current = current.parent;
  return current;
}

/**
 * The value an export of a module holds, when it is fixed: the initialiser of a `const` nothing
 * in that module changes afterwards ({@link mutated}), or a default export's value; undefined for
 * a `let`, a `var`, or a const that is changed.
 */
export function fixedExport(value: Node): Node | undefined {
  const declarator = value.parent;
  if (declarator?.type === AST_NODE_TYPES.ExportDefaultDeclaration) return value;
  if (
    declarator?.type !== AST_NODE_TYPES.VariableDeclarator ||
    declarator.id.type !== AST_NODE_TYPES.Identifier ||
    declarator.parent.type !== AST_NODE_TYPES.VariableDeclaration ||
    declarator.parent.kind !== 'const'
  )
    return undefined;
  return mutated(programOf(declarator), declarator.id.name) ? undefined : value;
}

/**
 * The catalog finds no deadline in a construction's options: every verdict missing or turned
 * off. `first` is the construction's first argument when a family reads a connection string from it.
 */
export function optionsUnbounded(
  family: FamilyId,
  module: string,
  file: string,
  options: Summary,
  first?: Summary,
): boolean {
  const verdicts = decideClientDeadline({
    family,
    options,
    ...(FAMILIES[family].connectionString && first ? { connectionString: first } : {}),
    ...versionFacts(file, family, module),
  });
  return (
    verdicts.length > 0 &&
    verdicts.every(verdict => verdict.status !== 'bounded' && verdict.status !== 'unknown')
  );
}

/**
 * The construction-level clients a module makes (`new Connection(url, 'confirmed')`,
 * `new Redis(url)`), each judged by the catalog from the syntax of its options: written at the
 * call, in a `const` of the module, or returned by a function of the module or of another module
 * of the project ({@link writtenOptions}). Options the syntax cannot see into are judged unknown,
 * so they never count as unbounded.
 */
function clientConstructions(program: TSESTree.Program, file: string): ProjectConstruction[] {
  const names = importedMembers(program);
  if (names.size === 0) return [];
  const found: ProjectConstruction[] = [];
  findNode(program, node => {
    if (node.type !== AST_NODE_TYPES.NewExpression && node.type !== AST_NODE_TYPES.CallExpression)
      return false;
    const chain: string[] = [];
    let callee = unwrap(node.callee);
    while (callee.type === AST_NODE_TYPES.MemberExpression && !callee.computed) {
      const name = memberName(callee);
      if (!name) return false;
      chain.unshift(name);
      callee = unwrap(callee.object);
    }
    if (callee.type !== AST_NODE_TYPES.Identifier) return false;
    const imported = names.get(callee.name);
    if (!imported) return false;
    const role = lookupModuleMember(imported.module, [...imported.path, ...chain]);
    if (role?.role !== 'factory' || role.inheritsFrom) return false;
    if (FAMILIES[role.family].reportAt !== 'construction') return false;
    const args = node.arguments as Node[];
    const options = factoryOptions(args, role.options);
    if (!options) return false;
    const first = args[0] && args[0].type !== AST_NODE_TYPES.SpreadElement ? args[0] : undefined;
    const made = { instance: role.instance, module: imported.module, file, line: node.loc.start.line };
    // `new S3Client(config)`, `new Pool(poolConfig())`: options the module writes elsewhere.
    const given =
      'at' in role.options ? args[role.options.at] : 'lastObject' in role.options ? args.at(-1) : undefined;
    // A name imported from a package is resolved (or not) when the construction is judged.
    const written =
      options.kind === 'opaque' && given && given.type !== AST_NODE_TYPES.SpreadElement
        ? writtenOptions(given, name => names.has(name))
        : undefined;
    if (written && 'pending' in written) {
      found.push({
        ...made,
        unbounded: false,
        pending: {
          ...written.pending,
          family: role.family,
          first: given === first,
          ...(given !== first && first ? { connectionString: summarizeArgument(first) } : {}),
        },
      });
      return false;
    }
    const judged = written ? written.map(object => summarizeArgument(object)) : [options];
    if (
      role.family === 'ioredis' &&
      judged.some(summary => getProp(summary, 'maxRetriesPerRequest')?.value.kind === 'null')
    ) {
      found.push({ ...made, unbounded: false, queueConnection: true });
      return false;
    }
    const unbounded = judged.every(summary =>
      optionsUnbounded(
        role.family,
        imported.module,
        file,
        summary,
        written && given === first ? summary : first && summarizeArgument(first),
      ),
    );
    found.push({ ...made, unbounded });
    return false;
  });
  return found;
}

/** The finite axios default timeouts a module sets (`axios.defaults.timeout = n`), anywhere in it. */
function axiosDefaults(program: TSESTree.Program): Summary[] {
  const names = moduleNames(program, 'axios');
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

/** The finite googleapis default timeouts a module sets (`google.options({ timeout: n })`), anywhere in it. */
function googleDefaults(program: TSESTree.Program): Summary[] {
  const names = new Set<string>();
  for (const statement of program.body) {
    if (statement.type === AST_NODE_TYPES.ImportDeclaration && statement.source.value === 'googleapis')
      for (const specifier of statement.specifiers)
        if (
          specifier.type === AST_NODE_TYPES.ImportSpecifier &&
          specifier.imported.type === AST_NODE_TYPES.Identifier &&
          specifier.imported.name === 'google'
        )
          names.add(specifier.local.name);
    // `const { google } = require('googleapis')`
    if (statement.type === AST_NODE_TYPES.VariableDeclaration)
      for (const declarator of statement.declarations) {
        const init = declarator.init ? unwrap(declarator.init) : undefined;
        if (
          declarator.id.type !== AST_NODE_TYPES.ObjectPattern ||
          init?.type !== AST_NODE_TYPES.CallExpression ||
          init.callee.type !== AST_NODE_TYPES.Identifier ||
          init.callee.name !== 'require' ||
          staticString(init.arguments[0]) !== 'googleapis'
        )
          continue;
        for (const property of declarator.id.properties)
          if (
            property.type === AST_NODE_TYPES.Property &&
            propertyKey(property) === 'google' &&
            property.value.type === AST_NODE_TYPES.Identifier
          )
            names.add(property.value.name);
      }
  }
  if (names.size === 0) return [];
  const found: Summary[] = [];
  findNode(program, node => {
    if (node.type !== AST_NODE_TYPES.CallExpression) return false;
    const callee = unwrap(node.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression || memberName(callee) !== 'options') return false;
    const owner = unwrap(callee.object);
    const options = node.arguments[0] ? unwrap(node.arguments[0]) : undefined;
    if (owner.type !== AST_NODE_TYPES.Identifier || !names.has(owner.name)) return false;
    if (options?.type !== AST_NODE_TYPES.ObjectExpression) return false;
    for (const property of options.properties) {
      if (property.type !== AST_NODE_TYPES.Property || propertyKey(property) !== 'timeout') continue;
      const value = summarize(property.value as Node);
      // Only a bound counts from elsewhere; a "none" is reported in the module that writes it.
      if (!isFalsyNone(value)) found.push(value);
    }
    return false;
  });
  return found;
}

/**
 * The finite timeouts a module sets on SendGrid's mail service (`sgMail.setTimeout(ms)`, the
 * module's default export imported or required whole), anywhere in it.
 */
function sendgridDefaults(program: TSESTree.Program): Summary[] {
  const names = moduleNames(program, '@sendgrid/mail');
  if (names.size === 0) return [];
  const found: Summary[] = [];
  findNode(program, node => {
    if (node.type !== AST_NODE_TYPES.CallExpression) return false;
    const callee = unwrap(node.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression || memberName(callee) !== 'setTimeout') return false;
    const owner = unwrap(callee.object);
    const argument = node.arguments[0];
    if (owner.type !== AST_NODE_TYPES.Identifier || !names.has(owner.name) || !argument) return false;
    if (argument.type === AST_NODE_TYPES.SpreadElement) return false;
    const value = summarize(argument as Node);
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
 * lint (at least SWEEP_MIN_FILES, more while under SWEEP_BUDGET_MS), each re-read only when its
 * size or mtime changed; the new facts replace the old when the sweep is complete. One lint
 * process (an editor, a CI run over many files) therefore reads each module once while it stays
 * unchanged, and an editor's re-lint of one file never pays for statting a whole large project.
 */
export function projectModules(
  root: string,
  parser: ParserLike,
  context: ProjectContext,
): ReadonlyMap<string, { mtimeMs: number; size: number }> {
  return projectModuleFacts(root, parser, context);
}

/** {@link projectModules}, with what was read from each module. */
function projectModuleFacts(
  root: string,
  parser: ParserLike,
  context: ProjectContext,
): Map<string, ModuleFacts> {
  const cached = projects.get(root);
  const now = Date.now();
  if (cached && !cached.sweep && now - cached.at < LIST_TTL_MS) return cached.modules;
  // A lint that has had its slice of a sweep under way gets the modules as they were.
  const lint = context.sourceCode?.ast;
  if (
    cached?.sweep &&
    lint !== undefined &&
    cached.sweep.lint === lint &&
    cached.sweep.spentMs >= SWEEP_BUDGET_MS
  )
    return cached.modules;
  // New files are looked for at most every RELIST_MS; in between, a refresh re-stats the files of
  // the last listing (the listing walks every folder of the project, the costlier half).
  const relist = !cached || now - cached.listedAt >= RELIST_MS;
  const sweep = cached?.sweep ?? {
    files: relist ? listFiles(root) : [...cached.modules.keys()],
    next: 0,
    modules: new Map<string, ModuleFacts>(),
    changed: !cached,
    spentMs: 0,
  };
  if (lint === undefined || sweep.lint !== lint) {
    sweep.lint = lint;
    sweep.spentMs = 0;
  }
  const started = performance.now();
  // A first read is needed whole, now; a refresh is spread over lints.
  const budget = cached ? SWEEP_BUDGET_MS - sweep.spentMs : Infinity;
  for (let checked = 0; sweep.next < sweep.files.length; checked++) {
    if (checked >= SWEEP_MIN_FILES && performance.now() - started > budget) break;
    const file = sweep.files[sweep.next++] as string;
    let stat;
    try {
      stat = statSync(file);
    } catch {
      sweep.changed = true;
      continue;
    }
    const previous = cached?.modules.get(file);
    if (previous && previous.mtimeMs === stat.mtimeMs && previous.size === stat.size) {
      sweep.modules.set(file, previous);
    } else {
      sweep.changed = true;
      sweep.modules.set(file, {
        mtimeMs: stat.mtimeMs,
        size: stat.size,
        ...readModule(parser, context, file),
      });
    }
  }
  sweep.spentMs += performance.now() - started;
  if (sweep.next < sweep.files.length) {
    if (cached) cached.sweep = sweep;
    return cached?.modules ?? sweep.modules;
  }
  // Nothing changed: keep the same map, so that what was derived from it stays valid.
  const unchanged = cached && !sweep.changed && sweep.modules.size === cached.modules.size;
  const modules = unchanged ? cached.modules : sweep.modules;
  projects.set(root, { at: now, listedAt: relist ? now : (cached?.listedAt ?? now), modules });
  return modules;
}

/**
 * Process-wide axios default timeouts set by other modules of the linted file's project, as
 * instance layers (`{ timeout }` objects). Empty when the file belongs to no project, or the
 * engine does not give rules its parser.
 */
export function projectAxiosDefaults(context: ProjectContext): Summary[] {
  return projectClientDefaults(context, 'axios');
}

/**
 * Process-wide default timeouts of a client family set by other modules of the linted file's
 * project (`axios.defaults.timeout = n`, `google.options({ timeout: n })`), as instance layers.
 */
export function projectClientDefaults(
  context: ProjectContext,
  family: 'axios' | 'googleapis' | 'sendgrid',
): Summary[] {
  const parser = parserOf(context);
  const root = parser ? projectRoot(context.filename, context.cwd) : undefined;
  if (!parser || !root) return [];
  // Asked for every file: the modules that set a default are found once per module map.
  const layers: Summary[] = [];
  for (const [file, facts] of defaultSetters(projectModuleFacts(root, parser, context))) {
    if (file === context.filename) continue;
    const values =
      family === 'axios'
        ? facts.axiosTimeouts
        : family === 'googleapis'
          ? facts.googleTimeouts
          : facts.sendgridTimeouts;
    for (const value of values)
      layers.push({ kind: 'object', props: new Map([['timeout', { value }]]), hasSpread: false });
  }
  return layers;
}

/** Per project's module map: whether a module installs a bounded global undici dispatcher. */
const dispatcherIndex = new WeakMap<Map<string, ModuleFacts>, boolean>();

/**
 * Whether any module of the linted file's project, the linted file included, installs a
 * process-wide undici dispatcher whose response timeouts are set (see {@link boundedDispatcher}):
 * the global fetch of the process goes through it. False when the file belongs to no project or the
 * engine does not give rules its parser.
 */
export function projectSetsGlobalDispatcher(context: ProjectContext): boolean {
  const parser = parserOf(context);
  const root = parser ? projectRoot(context.filename, context.cwd) : undefined;
  if (!parser || !root) return false;
  const modules = projectModuleFacts(root, parser, context);
  let found = dispatcherIndex.get(modules);
  if (found === undefined) {
    found = false;
    for (const facts of modules.values()) if (facts.dispatcher) found = true;
    dispatcherIndex.set(modules, found);
  }
  return found;
}

/**
 * Whether any module of the linted file's project, the linted file included, sets an axios default
 * timeout: the question asked of a request in another module, which runs in the same process
 * whichever module set the default. (For the linted file's own requests, its own setting is read
 * in the file, so {@link projectAxiosDefaults} leaves it out.)
 */
export function projectSetsAxiosDefault(context: ProjectContext): boolean {
  const parser = parserOf(context);
  const root = parser ? projectRoot(context.filename, context.cwd) : undefined;
  if (!parser || !root) return false;
  return defaultSetters(projectModuleFacts(root, parser, context)).some(
    ([, facts]) => facts.axiosTimeouts.length > 0,
  );
}

/** The modules of a project's module map that set an axios or googleapis default timeout (kept per map). */
function defaultSetters(modules: Map<string, ModuleFacts>): [string, ModuleFacts][] {
  let setters = defaultSetterIndex.get(modules);
  if (!setters) {
    setters = [...modules].filter(
      ([, facts]) =>
        facts.axiosTimeouts.length > 0 ||
        facts.googleTimeouts.length > 0 ||
        facts.sendgridTimeouts.length > 0,
    );
    defaultSetterIndex.set(modules, setters);
  }
  return setters;
}

/** Per project's module map: the modules that set an axios or googleapis default timeout. */
const defaultSetterIndex = new WeakMap<Map<string, ModuleFacts>, [string, ModuleFacts][]>();

/** Per project's module map (a new map after each refresh): its classes, by the types they extend or implement. */
const implementationIndex = new WeakMap<Map<string, ModuleFacts>, Map<string, ProjectImplementation[]>>();

/** A class of the project that extends or implements a type of the given name. */
export interface ProjectImplementation {
  file: string;
  cls: string;
}

/**
 * The classes of the linted file's project (test files aside) that extend or implement a type of
 * this name, by the name as written (`implements IChainsRepository`): the candidates behind a
 * value declared with an interface or an abstract class. Empty when the file belongs to no
 * project or the engine does not give rules its parser.
 */
export function projectImplementations(
  context: ProjectContext,
  type: string,
): readonly ProjectImplementation[] {
  const parser = parserOf(context);
  const root = parser ? projectRoot(context.filename, context.cwd) : undefined;
  if (!parser || !root) return [];
  const modules = projectModuleFacts(root, parser, context);
  let index = implementationIndex.get(modules);
  if (!index) {
    index = new Map();
    for (const [file, facts] of modules)
      for (const { cls, type: implemented } of facts.implementations) {
        const list = index.get(implemented);
        if (list) list.push({ file, cls });
        else index.set(implemented, [{ file, cls }]);
      }
    implementationIndex.set(modules, index);
  }
  return index.get(type) ?? [];
}

/** Per project's module map (a new map after each refresh): its constructions, by instance kind. */
const constructionIndex = new WeakMap<Map<string, ModuleFacts>, Map<InstanceKind, ProjectConstruction[]>>();

/**
 * The clients of one kind (a Solana Connection, an ioredis client…) that the linted file's project
 * makes, in every module including the linted one, or, without a kind, the kinds it makes none of
 * whose clients has a deadline. A call through an instance known only by its declared type
 * (`constructor(private readonly connection: Connection)`) reaches one of these. Empty when the
 * file belongs to no project or the engine does not give rules its parser.
 */
export function projectConstructions(context: ProjectContext): Map<InstanceKind, ProjectConstruction[]> {
  const parser = parserOf(context);
  const root = parser ? projectRoot(context.filename, context.cwd) : undefined;
  if (!parser || !root) return new Map();
  const modules = projectModuleFacts(root, parser, context);
  let index = constructionIndex.get(modules);
  if (!index) {
    index = new Map();
    for (const facts of modules.values())
      for (const construction of facts.constructions) {
        const list = index.get(construction.instance);
        if (list) list.push(construction);
        else index.set(construction.instance, [construction]);
      }
    constructionIndex.set(modules, index);
  }
  return index;
}

/** Per project's module map: the ORM modules whose every data source runs on an embedded engine. */
const embeddedOrmIndex = new WeakMap<Map<string, ModuleFacts>, ReadonlySet<string>>();
const NONE: ReadonlySet<string> = new Set();

/**
 * The modules (`typeorm`, `@nestjs/typeorm`, `sequelize`…) whose repositories, managers and models
 * reach no other process in the linted file's project: every data source its modules configure for
 * that ORM names an embedded engine (`type: 'better-sqlite3'`), and none is chosen at run time or
 * names a server (see the catalog's `ormRunsEmbedded`). Empty when the file belongs to no project
 * or the engine does not give rules its parser.
 */
export function projectEmbeddedOrmModules(context: ProjectContext): ReadonlySet<string> {
  const parser = parserOf(context);
  const root = parser ? projectRoot(context.filename, context.cwd) : undefined;
  if (!parser || !root) return NONE;
  const modules = projectModuleFacts(root, parser, context);
  let embedded = embeddedOrmIndex.get(modules);
  if (!embedded) {
    const found = new Set<string>();
    for (const source of ORM_DATA_SOURCES) {
      const engines: (string | null)[] = [];
      for (const facts of modules.values())
        for (const each of facts.engines) if (each.orm === source.orm) engines.push(each.engine);
      if (ormRunsEmbedded(engines)) for (const module of source.modules) found.add(module);
    }
    embedded = found.size > 0 ? found : NONE;
    embeddedOrmIndex.set(modules, embedded);
  }
  return embedded;
}
