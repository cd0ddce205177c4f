// The call-site codemod: once exports of a library turn async (they become remote calls behind the
// shim), every consumer call site must await them, and every function around such a call must
// become async in turn, transitively, across the consumer packages (the async ripple analyze
// reports). This plans those edits in memory, on the same one-program project analyze opens, and
// returns them as ExternalEdits for the write stage; it never saves a file.
// - `f()` → `await f()` (`(await f()).x` where precedence needs it), through renamed imports,
//   namespace imports and re-exports;
// - the enclosing function gets `async`, a return type `T` becomes `Promise<T>`, and its own
//   callers are followed the same way (methods through `obj.m()`, re-exports through aliases);
// - `xs.map(cb)` with an async callback → `await mapConcurrent(xs, limit, async cb)` from
//   @faultline/runtime (order kept, at most `limit` requests in flight), or `Promise.all` over a
//   literal array no longer than the limit; loops simply await each call in turn;
// - anything that cannot be rewritten safely is left as it is and reported with file:line and why.
// Edits are text insertions at node boundaries: the person's formatting stays. On code it already
// rewrote it finds nothing to do (awaited calls and async functions are left alone).
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';

import { ts } from 'ts-morph';

import { resolveExports } from '../analyze/exports.js';
import {
  type ConsumerInput,
  findConsumers,
  findEntry,
  findWorkspaces,
  followProjectReferences,
  locateLibrary,
  relativeTo,
} from '../analyze/input.js';
import { isTestFile } from '../analyze/consumers.js';
import { findReferences, identifiersNamed, usesOfSymbol } from '../analyze/references.js';
import {
  type Context,
  functionName,
  hasExportModifier,
  hasModifier,
  isFunctionLike,
  unwrap,
} from '../analyze/ts-util.js';
import type { ExternalEdit } from '../write/write-files.js';
import { openCodemodProject } from './codemod-project.js';
import { applyTextEdits, type TextEdit } from './text-edits.js';

export interface CodemodOptions {
  /** The repository root (absolute). */
  root: string;
  /** The library whose exports turned async: its package name and repository-relative folder. */
  library: { name: string; dir: string };
  /** Public exports that were synchronous and now return a promise. */
  exports: readonly string[];
  /** Consumer package folders (repository-relative); default: the workspaces that depend on the library. */
  consumers?: readonly string[];
  /** At most this many calls in flight where a `map` is rewritten (default 8). */
  concurrency?: number;
}

/** A place the codemod left unchanged: a person has to decide. */
export interface UnsafeSite {
  /** Repository-relative path. */
  path: string;
  line: number;
  column: number;
  reason: string;
  /** The source line, trimmed. */
  code: string;
}

export interface CodemodStats {
  /** Consumer packages and files looked at. */
  packages: number;
  files: number;
  /** `await` added at a call site. */
  callSites: number;
  /** Functions made async. */
  functions: number;
  /** `map` calls gathered with mapConcurrent or Promise.all. */
  gathered: number;
  /** Files edited (package.json files included). */
  editedFiles: number;
}

export interface CodemodPlan {
  edits: ExternalEdit[];
  unsafe: UnsafeSite[];
  stats: CodemodStats;
}

const RUNTIME = '@faultline/runtime';
const DEFAULT_CONCURRENCY = 8;

const runtimeRange: string = (() => {
  try {
    return `^${(createRequire(import.meta.url)(`${RUNTIME}/package.json`) as { version: string }).version}`;
  } catch {
    return '^0.1.0';
  }
})();

/** Callback-taking calls whose callback must stay synchronous, and why. */
const SYNC_CALLBACKS: Record<string, string> = {
  sort: 'a sort comparator must return a number synchronously',
  toSorted: 'a sort comparator must return a number synchronously',
  forEach:
    'forEach does not wait for the promises its callback returns: rewrite it as a for…of loop with await',
  filter: 'filter reads its callback result synchronously (a promise is always truthy)',
  find: 'find reads its callback result synchronously (a promise is always truthy)',
  findIndex: 'findIndex reads its callback result synchronously (a promise is always truthy)',
  findLast: 'findLast reads its callback result synchronously (a promise is always truthy)',
  findLastIndex: 'findLastIndex reads its callback result synchronously (a promise is always truthy)',
  some: 'some reads its callback result synchronously (a promise is always truthy)',
  every: 'every reads its callback result synchronously (a promise is always truthy)',
  reduce: 'reduce hands each result to the next call synchronously: rewrite it as a for…of loop with await',
  reduceRight:
    'reduceRight hands each result to the next call synchronously: rewrite it as a for…of loop with await',
  from: 'Array.from calls its map function synchronously: map the array with mapConcurrent instead',
  on: 'an event listener: its return value is ignored, so a rejection would go unhandled',
  once: 'an event listener: its return value is ignored, so a rejection would go unhandled',
  addListener: 'an event listener: its return value is ignored, so a rejection would go unhandled',
  prependListener: 'an event listener: its return value is ignored, so a rejection would go unhandled',
  addEventListener: 'an event listener: its return value is ignored, so a rejection would go unhandled',
  subscribe: 'a subscriber: its return value is ignored, so a rejection would go unhandled',
  setTimeout: 'a timer callback: its return value is ignored, so a rejection would go unhandled',
  setInterval: 'a timer callback: its return value is ignored, so a rejection would go unhandled',
  setImmediate: 'a timer callback: its return value is ignored, so a rejection would go unhandled',
  queueMicrotask: 'a microtask callback: its return value is ignored, so a rejection would go unhandled',
  nextTick: 'a nextTick callback: its return value is ignored, so a rejection would go unhandled',
};

/** Test-runner functions that wait for the promise their callback returns (in test files only). */
const TEST_RUNNERS = new Set([
  'it',
  'test',
  'describe',
  'beforeEach',
  'afterEach',
  'beforeAll',
  'afterAll',
  'before',
  'after',
  'each',
  'only',
  'skip',
  'concurrent',
]);

/** Module kinds under which TypeScript allows top-level await in an ES module. */
const TOP_LEVEL_AWAIT_MODULES = new Set([
  ts.ModuleKind.ES2022,
  ts.ModuleKind.ESNext,
  ts.ModuleKind.System,
  ts.ModuleKind.Node16,
  ts.ModuleKind.NodeNext,
  ts.ModuleKind.Preserve,
  ts.ModuleKind.Node18,
  ts.ModuleKind.Node20,
]);

type Scope =
  { kind: 'function'; fn: ts.FunctionLikeDeclaration } | { kind: 'top' } | { kind: 'unsafe'; reason: string };

interface FileState {
  file: ts.SourceFile;
  edits: TextEdit[];
  needsMapConcurrent: boolean;
}

/** `(x)`, `x!`: the node as its parent sees it. */
function outerOf(node: ts.Node): ts.Node {
  let current = node;
  while (ts.isParenthesizedExpression(current.parent) || ts.isNonNullExpression(current.parent))
    current = current.parent;
  return current;
}

/** True when `await node` must be parenthesised to keep its meaning: `(await f()).x`, `(await f())()`. */
function needsParens(node: ts.Node): boolean {
  const parent = node.parent;
  return (
    ((ts.isPropertyAccessExpression(parent) || ts.isElementAccessExpression(parent)) &&
      parent.expression === node) ||
    ((ts.isCallExpression(parent) || ts.isNewExpression(parent)) && parent.expression === node) ||
    (ts.isTaggedTemplateExpression(parent) && parent.tag === node) ||
    ts.isNonNullExpression(parent) ||
    (ts.isBinaryExpression(parent) &&
      parent.left === node &&
      parent.operatorToken.kind === ts.SyntaxKind.AsteriskAsteriskToken)
  );
}

/**
 * A statement that will start with `(` after a line without a semicolon would continue that line
 * (`a()\n(await f()).x` calls `a()`'s result): such a statement gets a leading `;`.
 */
function startsStatementAfterNoSemicolon(node: ts.Node): boolean {
  const file = node.getSourceFile();
  const start = node.getStart(file);
  let statement: ts.Node = node;
  while (
    !ts.isExpressionStatement(statement) &&
    statement.parent &&
    statement.parent.getStart(file) === start
  )
    statement = statement.parent;
  if (!ts.isExpressionStatement(statement) || statement.getStart(file) !== start) return false;
  const before = file.text.slice(0, start).trimEnd();
  return before !== '' && !/[;{}]$/.test(before);
}

/** The name a call is known by, for messages: `items.map` → `map`, `setTimeout` → `setTimeout`. */
function calleeName(call: ts.CallExpression | ts.NewExpression): string {
  const callee = unwrap(call.expression);
  if (ts.isPropertyAccessExpression(callee)) return callee.name.text;
  if (ts.isIdentifier(callee)) return callee.text;
  return callee.getText().slice(0, 30);
}

function isPromiseType(checker: ts.TypeChecker, type: ts.Type): boolean {
  if (type.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) return true;
  const name = type.getSymbol()?.name;
  if (name === 'Promise' || name === 'PromiseLike') return true;
  if (type.isUnion()) return type.types.every(part => isPromiseType(checker, part));
  return false;
}

/** `any`, or what an unresolved import gives: the codemod cannot tell what it accepts. */
function isUnknownType(type: ts.Type): boolean {
  return (type.flags & ts.TypeFlags.Any) !== 0;
}

/** `Promise<…>` written as a type annotation already. */
function isPromiseAnnotation(type: ts.TypeNode): boolean {
  return (
    ts.isTypeReferenceNode(type) &&
    ts.isIdentifier(type.typeName) &&
    (type.typeName.text === 'Promise' || type.typeName.text === 'PromiseLike')
  );
}

/**
 * Plans the rewrite of the consumers of `library` after `exports` turned async: the edits (each
 * with the disk content it was planned from) and the places left for a person, with why. Reads
 * the repository; writes nothing.
 */
export function planAsyncCodemod(options: CodemodOptions): CodemodPlan {
  const root = path.resolve(options.root);
  const limit = options.concurrency ?? DEFAULT_CONCURRENCY;
  if (!Number.isInteger(limit) || limit < 1)
    throw new RangeError(`concurrency must be a whole number ≥ 1, got ${options.concurrency}`);
  const located = locateLibrary(options.library.dir, root, root);
  const entryPath = findEntry(located, undefined, root, root);
  const library = followProjectReferences(located, entryPath, root);
  const consumers = findConsumers(library, options.library.name, options.consumers, root, root);
  const stats: CodemodStats = {
    packages: consumers.length,
    files: 0,
    callSites: 0,
    functions: 0,
    gathered: 0,
    editedFiles: 0,
  };
  const unsafe: UnsafeSite[] = [];
  if (consumers.length === 0 || options.exports.length === 0) return { edits: [], unsafe, stats };

  // Consumers import each other by package name too (workspace links that may not be installed):
  // map those names to their entries, as openProject does for the library, so callers of a
  // function made async are found across consumer packages.
  const paths: Record<string, string[]> = { ...(library.tsconfig?.options.paths ?? {}) };
  for (const consumer of consumers) {
    if (consumer.name in paths || consumer.name === options.library.name) continue;
    try {
      const input = locateLibrary(consumer.dir, root, root);
      if (input.packageJson.name) paths[consumer.name] = [findEntry(input, undefined, root, root)];
    } catch {
      // a consumer without an entry (an application) is imported by nobody
    }
  }
  paths[options.library.name] = [entryPath];
  paths[`${options.library.name}/*`] = [path.join(library.dir, '*')];
  const opened = openCodemodProject(library, entryPath, consumers, paths);
  const ctx: Context = {
    program: opened.program,
    checker: opened.checker,
    root,
    libraryDir: library.dir,
    libraryFiles: opened.libraryFiles,
    language: 'typescript',
  };
  const checker = ctx.checker;
  const consumerOf = new Map<string, ConsumerInput>();
  for (const consumer of consumers)
    for (const file of opened.consumerFiles.get(consumer.name) ?? []) consumerOf.set(file.fileName, consumer);
  const files = [...opened.consumerFiles.values()].flat();
  stats.files = files.length;
  const owned = new Set(consumers.map(consumer => consumer.name));

  // Workspace packages that depend on each consumer but are not rewritten: a function they can
  // import must keep its signature.
  const outsideDependents = new Map<string, string[]>();
  const monorepo = findWorkspaces(library.dir, root);
  for (const dir of monorepo?.workspaces ?? []) {
    if (path.resolve(dir) === path.resolve(library.dir)) continue;
    let pkg: {
      name?: string;
      dependencies?: Record<string, string>;
      devDependencies?: Record<string, string>;
    };
    try {
      pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as typeof pkg;
    } catch {
      continue;
    }
    if (!pkg.name || owned.has(pkg.name)) continue;
    for (const name of owned)
      if (pkg.dependencies?.[name] !== undefined || pkg.devDependencies?.[name] !== undefined)
        outsideDependents.set(name, [...(outsideDependents.get(name) ?? []), pkg.name]);
  }

  const states = new Map<ts.SourceFile, FileState>();
  const stateOf = (file: ts.SourceFile): FileState => {
    let state = states.get(file);
    if (!state) states.set(file, (state = { file, edits: [], needsMapConcurrent: false }));
    return state;
  };
  const edit = (node: ts.Node, text: string, kind: 'open' | 'close', rank = 0): void => {
    const file = node.getSourceFile();
    const start = kind === 'open' ? node.getStart(file) : node.end;
    stateOf(file).edits.push({ start, end: start, text, kind, span: node.end - node.getStart(file), rank });
  };
  const report = (node: ts.Node, reason: string): void => {
    const file = node.getSourceFile();
    const { line, character } = file.getLineAndCharacterOfPosition(node.getStart(file));
    const lineText = file.text.split(/\r?\n/)[line] ?? '';
    const entry: UnsafeSite = {
      path: relativeTo(root, file.fileName),
      line: line + 1,
      column: character + 1,
      reason,
      code: lineText.trim(),
    };
    if (
      !unsafe.some(
        other =>
          other.path === entry.path &&
          other.line === entry.line &&
          other.column === entry.column &&
          other.reason === entry.reason,
      )
    )
      unsafe.push(entry);
  };
  const isTest = (file: ts.SourceFile): boolean =>
    isTestFile(file.fileName, consumerOf.get(file.fileName)?.dir);

  /** Whether this file may use top-level await (an ES module compiled with module ≥ es2022). */
  const topLevelAwait = (file: ts.SourceFile): string | undefined => {
    const consumer = consumerOf.get(file.fileName);
    const options = consumer?.options ?? ctx.program.getCompilerOptions();
    const format = (file as ts.SourceFile & { impliedNodeFormat?: ts.ResolutionMode }).impliedNodeFormat;
    const module = options.module ?? ts.ModuleKind.CommonJS;
    const commonJs =
      format === ts.ModuleKind.CommonJS ||
      (format === undefined && (module === ts.ModuleKind.CommonJS || !ts.isExternalModule(file)));
    if (commonJs)
      return 'top-level code of a CommonJS module cannot await: move it into an async function (or make the module ESM)';
    if (
      !TOP_LEVEL_AWAIT_MODULES.has(module) ||
      (options.target ?? ts.ScriptTarget.ES5) < ts.ScriptTarget.ES2017
    )
      return 'module top level: top-level await needs "module" es2022, esnext or node16+ and "target" es2017+; move the call into an async function';
    return undefined;
  };

  /** Where a call runs: the function that must become async, the module top level, or a place await cannot go. */
  const scopeOf = (node: ts.Node): Scope => {
    let child: ts.Node = node;
    for (let current = node.parent; current; child = current, current = current.parent) {
      if (isFunctionLike(current)) return { kind: 'function', fn: current };
      if (ts.isParameter(current) && current.initializer === child)
        return { kind: 'unsafe', reason: 'a parameter default value cannot await: compute it in the body' };
      if (ts.isPropertyDeclaration(current) && current.initializer === child)
        return {
          kind: 'unsafe',
          reason:
            'a class field initializer cannot await: initialise the field in an async method or factory',
        };
      if (ts.isClassStaticBlockDeclaration(current))
        return {
          kind: 'unsafe',
          reason: 'a class static block cannot await: move the call into an async function',
        };
      if (ts.isDecorator(current)) return { kind: 'unsafe', reason: 'a decorator expression cannot await' };
      if (ts.isSourceFile(current)) return { kind: 'top' };
    }
    return { kind: 'top' };
  };

  const asyncDecision = new Map<ts.FunctionLikeDeclaration, string | undefined>();
  const queue: { reference: ts.Node; callee: string }[] = [];
  const seenCalls = new Set<ts.Node>();

  /** A `map` call whose callback became async (or that maps an async function): gather its promises. */
  const gather = (map: ts.CallExpression): string | undefined => {
    const callee = map.expression;
    if (!ts.isPropertyAccessExpression(callee)) return 'map on something other than a property access';
    if (callee.questionDotToken || map.questionDotToken)
      return 'an optional map (`?.map`): gather the results by hand';
    if (map.arguments.length !== 1) return 'map with a thisArg: gather the results by hand';
    const outer = outerOf(map);
    const parent = outer.parent;
    if (
      ts.isCallExpression(parent) &&
      parent.arguments.includes(outer as ts.Expression) &&
      /^Promise\.(?:all|allSettled|any|race)$/.test(parent.expression.getText())
    )
      return undefined; // `Promise.all(xs.map(…))` gathers them already
    const receiver = callee.expression;
    const receiverType = checker.getTypeAtLocation(receiver);
    if (isUnknownType(receiverType))
      return `the type of ${receiver.getText().slice(0, 40)} is not known to the codemod (any, or from a package it does not load): if it is an array, gather with await mapConcurrent(…) by hand`;
    if (!checker.isArrayType(receiverType) && !checker.isTupleType(receiverType))
      return `${callee.name.text} on a ${checker.typeToString(receiverType)}, not an array: gather the results by hand`;
    const literal = unwrap(receiver);
    const small =
      ts.isArrayLiteralExpression(literal) &&
      !literal.elements.some(element => ts.isSpreadElement(element)) &&
      literal.elements.length <= limit;
    const flat = callee.name.text === 'flatMap';
    const planned = planCall(map, callee.name.text, {
      gathered: true,
      ...(flat ? { suffix: '.flat()' } : {}),
    });
    if (planned !== undefined) return planned;
    const file = map.getSourceFile();
    const span = map.end - map.getStart(file);
    const openParen = map.arguments.pos - 1;
    if (small) {
      edit(map, 'Promise.all(', 'open', 1);
      edit(map, ')', 'close', 1);
      if (flat)
        stateOf(file).edits.push({
          start: callee.name.getStart(file),
          end: callee.name.end,
          text: 'map',
          kind: 'replace',
          span,
        });
    } else {
      edit(map, 'mapConcurrent(', 'open', 1);
      stateOf(file).edits.push({
        start: receiver.end,
        end: openParen + 1,
        text: `, ${limit}, `,
        kind: 'replace',
        span,
      });
      stateOf(file).needsMapConcurrent = true;
    }
    stats.gathered++;
    return undefined;
  };

  /** Can `fn` become async? Undefined when it can (and then it is, with its callers queued); else why not. */
  const ensureAsync = (fn: ts.FunctionLikeDeclaration): string | undefined => {
    if (asyncDecision.has(fn)) return asyncDecision.get(fn);
    const decide = (reason: string | undefined): string | undefined => {
      asyncDecision.set(fn, reason);
      return reason;
    };
    if (hasModifier(fn, ts.SyntaxKind.AsyncKeyword)) return decide(undefined);
    const name = functionName(fn);
    if (fn.asteriskToken)
      return decide(
        `${name} is a generator: make it an async generator (\`async function*\`) and iterate it with \`for await\``,
      );
    if (ts.isConstructorDeclaration(fn))
      return decide('a constructor cannot be async: move the call into an async factory or method');
    if (ts.isGetAccessorDeclaration(fn) || ts.isSetAccessorDeclaration(fn))
      return decide(
        `${ts.isGetAccessorDeclaration(fn) ? 'a getter' : 'a setter'} cannot be async: turn ${name} into an async method`,
      );
    if (fn.type && ts.isTypePredicateNode(fn.type))
      return decide(`${name} is a type guard or assertion, which cannot be async`);
    const file = fn.getSourceFile();
    if (!consumerOf.has(file.fileName)) return decide(`${name} is not in a package the codemod rewrites`);
    // Overloads: the signatures list what callers get; changing them is a decision about the API.
    if ((ts.isFunctionDeclaration(fn) || ts.isMethodDeclaration(fn)) && fn.name) {
      const symbol = checker.getSymbolAtLocation(fn.name);
      if ((symbol?.declarations ?? []).filter(declaration => isFunctionLike(declaration)).length > 1)
        return decide(`${name} is overloaded: change its signatures to return promises by hand`);
    }
    const holder = outerOf(fn);
    const parent = holder.parent;
    // A callback: what receives it decides.
    if (
      (ts.isCallExpression(parent) || ts.isNewExpression(parent)) &&
      parent.arguments?.includes(holder as ts.Expression)
    ) {
      if (ts.isNewExpression(parent))
        return decide(
          `the callback given to new ${calleeName(parent)}(…) cannot become async: an async Promise executor loses its rejections`,
        );
      const method = calleeName(parent);
      if (method === 'map' || method === 'flatMap') {
        const reason = gather(parent);
        if (reason !== undefined) return decide(`in a callback given to ${method}(…): ${reason}`);
        return decide(markAsync(fn));
      }
      // mapConcurrent (what this codemod writes) and promise chains wait for what the callback returns.
      if (method === 'then' || method === 'catch' || method === 'finally' || method === 'mapConcurrent')
        return decide(markAsync(fn));
      if (TEST_RUNNERS.has(method) && isTest(file)) return decide(markAsync(fn));
      const known = SYNC_CALLBACKS[method];
      if (known) return decide(`in a callback given to ${method}(…): ${known}`);
      return decide(
        `the callback given to ${method}(…) would return a promise: check that ${method} waits for it, then rewrite by hand`,
      );
    }
    // An immediately invoked function: the call around it now returns a promise.
    if (ts.isCallExpression(parent) && parent.expression === holder) {
      const reason = planCall(parent, name);
      return decide(reason === undefined ? markAsync(fn) : reason);
    }
    // Its type comes from elsewhere: an interface, a base class, an annotated variable.
    const contract = contractOf(fn);
    if (contract) return decide(contract);
    const owner = consumerOf.get(file.fileName);
    const dependents = owner ? outsideDependents.get(owner.name) : undefined;
    if (dependents && isExported(fn))
      return decide(
        `${name} is exported from ${owner?.name}, which ${dependents.join(', ')} ${dependents.length === 1 ? 'depends' : 'depend'} on but the codemod does not rewrite: add ${dependents.length === 1 ? 'it' : 'them'} to the consumers, or change it by hand`,
      );
    // Its callers: every use must be a call (or a re-export, or a map we can gather).
    const target = referenceTarget(fn);
    if (!target)
      return decide(`${name} is anonymous, so its callers cannot be followed: make it async by hand`);
    const references = referencesOf(fn, target);
    for (const reference of references) {
      if (callOf(reference)) continue;
      const value =
        ts.isPropertyAccessExpression(reference.parent) && reference.parent.name === reference
          ? reference.parent
          : reference;
      const user = outerOf(value).parent;
      if (ts.isExportAssignment(user) || ts.isExportSpecifier(user)) continue;
      if (ts.findAncestor(reference, ancestor => ts.isTypeQueryNode(ancestor))) continue;
      if (isMappedValue(value) || isGatheredValue(value)) continue;
      const at = reference.getSourceFile().getLineAndCharacterOfPosition(reference.getStart());
      return decide(
        `${name} is used as a value at ${relativeTo(root, reference.getSourceFile().fileName)}:${at.line + 1} (passed or stored), so its callers cannot be followed: make it async by hand`,
      );
    }
    const marked = markAsync(fn);
    if (marked === undefined) for (const reference of references) queue.push({ reference, callee: name });
    return decide(marked);
  };

  /** Adds `async` and wraps the return type annotation in Promise<…>. */
  const markAsync = (fn: ts.FunctionLikeDeclaration): undefined => {
    const file = fn.getSourceFile();
    let at: ts.Node | undefined;
    if (ts.isFunctionDeclaration(fn) || ts.isFunctionExpression(fn))
      at = fn.getChildren(file).find(child => child.kind === ts.SyntaxKind.FunctionKeyword);
    else if (ts.isMethodDeclaration(fn)) at = fn.name;
    const anchor = at ?? fn;
    stateOf(file).edits.push({
      start: anchor.getStart(file),
      end: anchor.getStart(file),
      text: 'async ',
      kind: 'open',
      span: fn.end - fn.getStart(file) + 1,
    });
    if (fn.type && !isPromiseAnnotation(fn.type)) {
      edit(fn.type, 'Promise<', 'open');
      edit(fn.type, '>', 'close');
    }
    stats.functions++;
    return undefined;
  };

  /** Why a function's signature is fixed by a type declared elsewhere, if it is. */
  const contractOf = (fn: ts.FunctionLikeDeclaration): string | undefined => {
    const name = functionName(fn);
    const fixed = (type: ts.Type | undefined, where: string): string | undefined => {
      if (!type) return undefined;
      if (isUnknownType(type))
        return `${name} must match ${where}, whose type the codemod does not know (any, or from a package it does not load): check that it accepts a promise, then change it by hand`;
      const signatures = checker.getNonNullableType(type).getCallSignatures();
      if (signatures.length === 0) return undefined;
      if (signatures.every(signature => isPromiseType(checker, signature.getReturnType()))) return undefined;
      return `${name} must match ${where} (${checker.typeToString(type)}), which returns synchronously: change that contract by hand`;
    };
    if (ts.isMethodDeclaration(fn) && ts.isClassLike(fn.parent))
      return heritageContract(fn.parent, fn.name, name);
    if (ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) {
      const holder = outerOf(fn);
      if (ts.isPropertyDeclaration(holder.parent) && ts.isClassLike(holder.parent.parent))
        return heritageContract(holder.parent.parent, holder.parent.name, name);
      return fixed(checker.getContextualType(holder as ts.Expression), 'the type it is assigned to');
    }
    if (ts.isMethodDeclaration(fn) && ts.isObjectLiteralExpression(fn.parent)) {
      const objectType = checker.getContextualType(fn.parent);
      const property =
        objectType && ts.isIdentifier(fn.name) ? objectType.getProperty(fn.name.text) : undefined;
      return fixed(
        property ? checker.getTypeOfSymbol(property) : undefined,
        'the type of the object it is in',
      );
    }
    return undefined;
  };
  const heritageContract = (
    cls: ts.ClassLikeDeclaration,
    member: ts.PropertyName,
    name: string,
  ): string | undefined => {
    const memberName = ts.isIdentifier(member) || ts.isStringLiteral(member) ? member.text : undefined;
    if (!memberName) return undefined;
    for (const clause of cls.heritageClauses ?? [])
      for (const type of clause.types) {
        const base = checker.getTypeAtLocation(type);
        if (isUnknownType(base))
          return `${name} is a member of a class that ${clause.token === ts.SyntaxKind.ExtendsKeyword ? 'extends' : 'implements'} ${type.expression.getText()}, which the codemod cannot see (a package it does not load): if ${memberName} is not part of that contract, make it async by hand`;
        if (base.getProperty(memberName))
          return `${name} ${clause.token === ts.SyntaxKind.ExtendsKeyword ? 'overrides' : 'implements'} ${type.expression.getText()}.${memberName}, which returns synchronously: change that contract by hand`;
      }
    return undefined;
  };

  /**
   * A call that now returns a promise: await it where it is, after making its function async.
   * Undefined when done (or nothing to do); else why it was left as it is.
   */
  const planCall = (
    call: ts.CallExpression,
    callee: string,
    how: { suffix?: string; gathered?: boolean } = {},
  ): string | undefined => {
    if (seenCalls.has(call)) return undefined;
    seenCalls.add(call);
    const outer = outerOf(call);
    if (ts.isAwaitExpression(outer.parent)) return undefined; // awaited already
    const scope = scopeOf(call);
    if (scope.kind === 'unsafe') return scope.reason;
    if (scope.kind === 'top') {
      const reason = topLevelAwait(call.getSourceFile());
      if (reason) return reason;
    } else {
      const reason = ensureAsync(scope.fn);
      if (reason !== undefined) return reason;
    }
    if (how.suffix || needsParens(outer)) {
      edit(call, `${startsStatementAfterNoSemicolon(call) ? ';' : ''}(await `, 'open');
      edit(call, `)${how.suffix ?? ''}`, 'close');
    } else edit(call, 'await ', 'open');
    if (!how.gathered) stats.callSites++;
    void callee;
    return undefined;
  };

  /** `xs.map(f)`: an async function passed to map by name. */
  const isMappedValue = (value: ts.Node): boolean => {
    const outer = outerOf(value);
    const parent = outer.parent;
    return (
      ts.isCallExpression(parent) &&
      parent.arguments[0] === outer &&
      ts.isPropertyAccessExpression(parent.expression) &&
      (parent.expression.name.text === 'map' || parent.expression.name.text === 'flatMap')
    );
  };

  /** Handles one use of something that now returns a promise. */
  const handleReference = (reference: ts.Node, callee: string): void => {
    const call = callOf(reference);
    if (call) {
      const reason = planCall(call, callee);
      if (reason !== undefined) report(call, reason);
      return;
    }
    const value =
      ts.isPropertyAccessExpression(reference.parent) && reference.parent.name === reference
        ? reference.parent
        : reference;
    const user = outerOf(value).parent;
    if (ts.isExportAssignment(user) || ts.isExportSpecifier(user)) return;
    if (ts.findAncestor(reference, ancestor => ts.isTypeQueryNode(ancestor))) return;
    if (isGatheredValue(value)) return;
    if (isMappedValue(value)) {
      const map = outerOf(value).parent as ts.CallExpression;
      if (seenCalls.has(map)) return;
      const reason = gather(map);
      if (reason !== undefined) report(map, reason);
      return;
    }
    if (seenCalls.has(reference)) return;
    seenCalls.add(reference);
    report(
      reference,
      `${callee} is used as a value here (passed or stored), so what calls it cannot be followed: it now returns a promise`,
    );
  };

  const referencesOf = (fn: ts.FunctionLikeDeclaration, target: ts.Identifier): ts.Node[] => {
    const member =
      ts.isMethodDeclaration(target.parent) ||
      ts.isPropertyDeclaration(target.parent) ||
      ts.isPropertyAssignment(target.parent);
    if (member) {
      // An object literal's inferred type carries copies of its members' symbols: match by declaration.
      const declaration = target.parent;
      const own = checker.getSymbolAtLocation(target);
      const found = findReferences(ctx, target, files, { member: true }).map(reference => reference.node);
      for (const file of files) {
        if (!file.text.includes(target.text)) continue;
        for (const node of identifiersNamed(file, target.text)) {
          if (node === target || found.includes(node)) continue;
          const symbol = checker.getSymbolAtLocation(node);
          if (symbol && symbol !== own && symbol.declarations?.includes(declaration as ts.Declaration))
            found.push(node);
        }
      }
      return found;
    }
    const symbol = checker.getSymbolAtLocation(target);
    if (!symbol) return [];
    return usesOfSymbol(ctx, files, symbol, [target.text]).filter(node => node !== target);
  };

  // The exports that turned async, and every use of them in the consumers.
  const resolved = resolveExports(checker, opened.entry, options.exports, options.library.name);
  for (const entry of resolved) {
    const seeds = [...new Set([entry.name.split('.').pop() as string, entry.symbol.name])];
    for (const reference of usesOfSymbol(ctx, files, entry.symbol, seeds, []))
      queue.push({ reference, callee: entry.name });
  }
  while (queue.length > 0) {
    const { reference, callee } = queue.shift() as { reference: ts.Node; callee: string };
    handleReference(reference, callee);
  }

  // Apply: one edit per file, planned from the disk content.
  const edits: ExternalEdit[] = [];
  const runtimeUsers = new Set<ConsumerInput>();
  for (const state of [...states.values()].sort((a, b) => a.file.fileName.localeCompare(b.file.fileName))) {
    if (state.edits.length === 0) continue;
    const file = state.file;
    if (state.needsMapConcurrent) {
      const consumer = consumerOf.get(file.fileName);
      if (consumer) runtimeUsers.add(consumer);
      importMapConcurrent(file, state.edits);
    }
    const before = fs.readFileSync(file.fileName, 'utf8');
    // TypeScript drops a byte order mark from the text it parses: keep it in the result.
    const bom = before.startsWith('\uFEFF') && !file.text.startsWith('\uFEFF') ? '\uFEFF' : '';
    if (bom + file.text !== before) throw new Error(`${file.fileName} changed while the codemod read it`);
    const after = bom + applyTextEdits(file.text, state.edits);
    if (after !== before) edits.push({ path: relativeTo(root, file.fileName), before, after });
  }
  for (const consumer of [...runtimeUsers].sort((a, b) => a.dir.localeCompare(b.dir))) {
    const manifest = path.join(consumer.dir, 'package.json');
    if (!fs.existsSync(manifest)) continue;
    const before = fs.readFileSync(manifest, 'utf8');
    const after = addDependency(before, RUNTIME, runtimeRange);
    if (after !== before) edits.push({ path: relativeTo(root, manifest), before, after });
  }
  stats.editedFiles = edits.length;
  unsafe.sort((a, b) => a.path.localeCompare(b.path) || a.line - b.line || a.column - b.column);
  return { edits, unsafe, stats };
}

/** The call a reference is the callee of (`f()`, `ns.f()`, `obj.m()`), if any. */
function callOf(reference: ts.Node): ts.CallExpression | undefined {
  let callee: ts.Node = reference;
  if (ts.isPropertyAccessExpression(reference.parent) && reference.parent.name === reference)
    callee = reference.parent;
  while (ts.isParenthesizedExpression(callee.parent) || ts.isNonNullExpression(callee.parent))
    callee = callee.parent;
  const parent = callee.parent;
  return parent && ts.isCallExpression(parent) && parent.expression === callee ? parent : undefined;
}

/** `mapConcurrent(xs, limit, f)`: a function already gathered (on a second run, by this codemod). */
function isGatheredValue(value: ts.Node): boolean {
  const outer = outerOf(value);
  const parent = outer.parent;
  return (
    ts.isCallExpression(parent) && parent.arguments[2] === outer && calleeName(parent) === 'mapConcurrent'
  );
}

/** The name node whose references are a function's callers. */
function referenceTarget(fn: ts.FunctionLikeDeclaration): ts.Identifier | undefined {
  if ((ts.isFunctionDeclaration(fn) || ts.isMethodDeclaration(fn)) && fn.name && ts.isIdentifier(fn.name))
    return fn.name;
  const holder = outerOf(fn);
  const parent = holder.parent;
  if (
    (ts.isVariableDeclaration(parent) ||
      ts.isPropertyAssignment(parent) ||
      ts.isPropertyDeclaration(parent)) &&
    parent.initializer === holder &&
    ts.isIdentifier(parent.name)
  )
    return parent.name;
  return undefined;
}

function isExported(fn: ts.FunctionLikeDeclaration): boolean {
  if (hasExportModifier(fn)) return true;
  const holder = outerOf(fn);
  if (ts.isVariableDeclaration(holder.parent)) return hasExportModifier(holder.parent.parent.parent);
  if ((ts.isMethodDeclaration(fn) || ts.isPropertyDeclaration(holder.parent)) && ts.isClassLike(fn.parent))
    return hasExportModifier(fn.parent);
  if (ts.isPropertyDeclaration(holder.parent) && ts.isClassLike(holder.parent.parent))
    return hasExportModifier(holder.parent.parent);
  return false;
}

/** Adds `import { mapConcurrent } from '@faultline/runtime'` unless the file has it, in the file's own style. */
function importMapConcurrent(file: ts.SourceFile, edits: TextEdit[]): void {
  const imports = file.statements.filter(ts.isImportDeclaration);
  for (const statement of imports) {
    const bindings = statement.importClause?.namedBindings;
    if (
      ts.isStringLiteral(statement.moduleSpecifier) &&
      statement.moduleSpecifier.text === RUNTIME &&
      bindings &&
      ts.isNamedImports(bindings) &&
      bindings.elements.some(element => element.name.text === 'mapConcurrent')
    )
      return;
  }
  const newline = file.text.includes('\r\n') ? '\r\n' : '\n';
  const first = imports[0];
  const quote = first ? (first.moduleSpecifier.getText(file)[0] ?? "'") : "'";
  const semicolon = first ? (first.getText(file).trimEnd().endsWith(';') ? ';' : '') : ';';
  const line = `import { mapConcurrent } from ${quote}${RUNTIME}${quote}${semicolon}`;
  const last = imports[imports.length - 1];
  if (last) edits.push({ start: last.end, end: last.end, text: `${newline}${line}`, kind: 'close', span: 0 });
  else {
    const statement = file.statements[0];
    const start = statement ? statement.getStart(file) : 0;
    edits.push({
      start,
      end: start,
      text: `${line}${newline}${newline}`,
      kind: 'open',
      span: Number.MAX_SAFE_INTEGER,
    });
  }
}

/**
 * Adds a dependency to a package.json's `dependencies`, in sorted position, touching only the
 * lines it needs; nothing when the package already depends on it.
 */
export function addDependency(text: string, name: string, range: string): string {
  const pkg = JSON.parse(text) as Record<string, Record<string, string> | undefined>;
  for (const field of ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies'])
    if (pkg[field]?.[name] !== undefined) return text;
  const newline = text.includes('\r\n') ? '\r\n' : '\n';
  const lines = text.split(/\r?\n/);
  const indent = /^(\s+)"/.exec(lines.find(line => /^\s+"/.test(line)) ?? '')?.[1] ?? '  ';
  const entry = `${JSON.stringify(name)}: ${JSON.stringify(range)}`;
  const open = lines.findIndex(line => line === `${indent}"dependencies": {`);
  let result: string | undefined;
  if (open >= 0) {
    const inner = `${indent}${indent}`;
    let close = open + 1;
    while (close < lines.length && lines[close] !== `${indent}}` && lines[close] !== `${indent}},`) close++;
    const entries = lines.slice(open + 1, close);
    if (close < lines.length && entries.every(line => line.startsWith(`${inner}"`))) {
      const names = entries.map(line => JSON.parse(line.slice(inner.length).split('":')[0] + '"') as string);
      let at = names.findIndex(other => other.localeCompare(name) > 0);
      if (at < 0) at = entries.length;
      const updated = entries.map((line, index) =>
        index === entries.length - 1 && at === entries.length && !line.endsWith(',') ? `${line},` : line,
      );
      updated.splice(at, 0, `${inner}${entry}${at < entries.length ? ',' : ''}`);
      result = [...lines.slice(0, open + 1), ...updated, ...lines.slice(close)].join(newline);
    }
  } else if (!('dependencies' in pkg)) {
    const last = lines.map(line => line.trimEnd()).lastIndexOf('}');
    if (last > 0) {
      const previous = lines
        .slice(0, last)
        .map(line => line.trimEnd())
        .findLastIndex(line => line !== '');
      const head = lines.slice(0, previous + 1);
      head[previous] = `${head[previous]},`;
      result = [
        ...head,
        `${indent}"dependencies": {`,
        `${indent}${indent}${entry}`,
        `${indent}}`,
        ...lines.slice(last),
      ].join(newline);
    }
  }
  try {
    if (result !== undefined && (JSON.parse(result) as typeof pkg).dependencies?.[name] === range)
      return result;
  } catch {
    // falls through to a full rewrite
  }
  const deps = { ...(pkg.dependencies ?? {}), [name]: range };
  const sorted = Object.fromEntries(Object.entries(deps).sort(([a], [b]) => a.localeCompare(b)));
  return `${JSON.stringify({ ...pkg, dependencies: sorted }, null, indent)}${newline}`;
}
