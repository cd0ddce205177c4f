// What changes for the code that calls an export once it is remote. A sync export becomes async,
// so every call site must await it, and every sync function around such a call becomes async in
// turn, transitively (the async ripple). Call sites inside loops or `.map` become one network
// round trip per item (chattiness). References are searched only for the functions the ripple
// reaches.
import path from 'node:path';

import { ts } from 'ts-morph';

import { codeInfo } from './codes.js';
import { findReferences, usesOfSymbol } from './references.js';
import type {
  CallSiteChange,
  ChattyCallSite,
  Hazard,
  Ripple,
  RippleCallSite,
  RippleFunction,
  RipplePackageCount,
} from './model.js';
import {
  type Context,
  enclosingFunction,
  functionName,
  hasExportModifier,
  hasModifier,
  isFunctionLike,
  locate,
  typeText,
} from './ts-util.js';

const ITERATION_METHODS = new Set([
  'map',
  'flatMap',
  'forEach',
  'filter',
  'reduce',
  'reduceRight',
  'some',
  'every',
  'find',
  'findIndex',
  'findLast',
  'findLastIndex',
  'sort',
  'from',
]);

/** Test-runner functions that wait for the promise their callback returns. */
const TEST_RUNNER_CALLS = new Set([
  'it',
  'test',
  'describe',
  'beforeEach',
  'afterEach',
  'beforeAll',
  'afterAll',
  'before',
  'after',
  'bench',
  'each',
  'only',
  'skip',
  'concurrent',
]);

export interface ConsumerScope {
  libraryName: string | undefined;
  libraryDir: string;
  /** Package name → files. */
  consumerFiles: Map<string, ts.SourceFile[]>;
  /** Package name → folder (to tell a package's `test/` folder). */
  packageDirs?: Map<string, string>;
  /** `--exclude`: files whose uses are not followed. */
  isExcluded?: (fileName: string) => boolean;
}

export interface ConsumerFindings {
  ripple: Ripple;
  chattiness: ChattyCallSite[];
  hazards: Hazard[];
  /** For a generic export: the type arguments its calls resolve to, with how many calls use each. */
  typeArguments: { types: string[]; callSites: number }[];
}

/** Wrappers followed for chattiness (functions that call the export), at most. */
const MAX_WRAPPERS = 50;

/** The loop a call site sits in (up to its function boundary), or the iteration method it is a callback of. */
export function loopAround(node: ts.Node): string | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (ts.isForStatement(current)) return 'for';
    if (ts.isForOfStatement(current)) return current.awaitModifier ? 'for-await-of' : 'for-of';
    if (ts.isForInStatement(current)) return 'for-in';
    if (ts.isWhileStatement(current)) return 'while';
    if (ts.isDoStatement(current)) return 'do-while';
    if (isFunctionLike(current)) {
      const method = iterationMethodOf(current);
      return method;
    }
  }
  return undefined;
}

/** `items.map(fn)`: the iteration method a function is passed to as its callback. */
function iterationMethodOf(fn: ts.Node): string | undefined {
  const parent = fn.parent;
  if (!parent || !ts.isCallExpression(parent) || !parent.arguments.includes(fn as ts.Expression))
    return undefined;
  const callee = parent.expression;
  if (ts.isPropertyAccessExpression(callee) && ITERATION_METHODS.has(callee.name.text))
    return callee.name.text;
  return undefined;
}

/** Test and type-test files: their call sites are listed apart (they check behaviour, they do not ship). */
export function isTestFile(fileName: string, packageDir?: string): boolean {
  if (/\.(?:test|spec|test-d|spec-d|bench)\.[cm]?[jt]sx?$/.test(fileName)) return true;
  if (/[\\/](?:__tests__|__mocks__)[\\/]/.test(fileName)) return true;
  // `test/` and `tests/` folders count at the top of their package only (fixtures live under them too).
  return packageDir !== undefined && /^(?:test|tests)[\\/]/.test(path.relative(packageDir, fileName));
}

function outerNameOf(outer: ts.CallExpression): string {
  return ts.isPropertyAccessExpression(outer.expression)
    ? outer.expression.name.text
    : outer.expression.getText().slice(0, 30);
}

/** The call a reference is the callee of (`f()`, `ns.f()`), if any. */
function callOf(reference: ts.Node): ts.CallExpression | undefined {
  let callee: ts.Node = reference;
  if (ts.isPropertyAccessExpression(reference.parent) && reference.parent.name === reference)
    callee = reference.parent;
  while (ts.isParenthesizedExpression(callee.parent) || ts.isNonNullExpression(callee.parent))
    callee = callee.parent;
  const parent = callee.parent;
  return parent && ts.isCallExpression(parent) && parent.expression === callee ? parent : undefined;
}

function isAsyncFunction(fn: ts.FunctionLikeDeclaration): boolean {
  return hasModifier(fn, ts.SyntaxKind.AsyncKeyword);
}

/** The name node to search references of, for a function the ripple makes async. */
function referenceTarget(fn: ts.FunctionLikeDeclaration): ts.Node | undefined {
  if ((ts.isFunctionDeclaration(fn) || ts.isMethodDeclaration(fn)) && fn.name) return fn.name;
  const parent = fn.parent;
  if (
    (ts.isVariableDeclaration(parent) ||
      ts.isPropertyAssignment(parent) ||
      ts.isPropertyDeclaration(parent)) &&
    parent.name &&
    ts.isIdentifier(parent.name)
  )
    return parent.name;
  return undefined;
}

function isExported(fn: ts.FunctionLikeDeclaration): boolean {
  if (hasExportModifier(fn)) return true;
  const parent = fn.parent;
  if (ts.isVariableDeclaration(parent)) return hasExportModifier(parent.parent.parent);
  if (ts.isMethodDeclaration(fn) && ts.isClassLike(parent)) return hasExportModifier(parent);
  return false;
}

/**
 * Finds the call sites of one export in the consumers (and in the library outside the export
 * itself), computes the async ripple when the export is sync, and the call sites in loops.
 */
export function analyzeConsumers(
  ctx: Context,
  scope: ConsumerScope,
  exportName: string,
  exportSymbol: ts.Symbol,
  exportDeclarations: readonly ts.Node[],
  isAsync: boolean,
  signatures?: readonly ts.Signature[],
): ConsumerFindings {
  const packageOf = new Map<string, string>();
  for (const [name, files] of scope.consumerFiles)
    for (const file of files) packageOf.set(file.fileName, name);
  const libraryLabel = scope.libraryName ?? path.basename(scope.libraryDir);
  const pkg = (file: ts.SourceFile): string =>
    packageOf.get(file.fileName) ??
    (ctx.libraryFiles.has(file.fileName) ? libraryLabel : path.relative(ctx.root, file.fileName));
  const testFile = (file: ts.SourceFile): boolean => {
    const name = packageOf.get(file.fileName);
    return isTestFile(
      file.fileName,
      name !== undefined
        ? scope.packageDirs?.get(name)
        : ctx.libraryFiles.has(file.fileName)
          ? scope.libraryDir
          : undefined,
    );
  };
  const inScope = (file: ts.SourceFile): boolean =>
    packageOf.has(file.fileName) || ctx.libraryFiles.has(file.fileName);

  // 1. Uses of the export in the consumers and in the library (outside the export's own
  // declarations, which move with it), through every name code gives it.
  const scanned: ts.SourceFile[] = [...scope.consumerFiles.values()].flat();
  for (const fileName of ctx.libraryFiles) {
    const file = ctx.program.getSourceFile(fileName);
    if (file && !file.isDeclarationFile) scanned.push(file);
  }
  const direct: ts.Node[] = usesOfSymbol(
    ctx,
    scanned.filter(file => !scope.isExcluded?.(file.fileName)),
    exportSymbol,
    [...new Set([exportName, exportSymbol.name])],
    exportDeclarations,
  );
  const manual: RippleCallSite[] = [];
  const insideExport = (node: ts.Node): boolean =>
    exportDeclarations.some(
      root => root.getSourceFile() === node.getSourceFile() && node.pos >= root.pos && node.end <= root.end,
    );
  /** Which of the export's overloads a call resolves to (only for overloaded exports). */
  const overloadOf = (call: ts.CallExpression): number | undefined => {
    if (!signatures || signatures.length < 2) return undefined;
    const declaration = ctx.checker.getResolvedSignature(call)?.getDeclaration();
    const index = signatures.findIndex(signature => signature.getDeclaration() === declaration);
    return index >= 0 ? index : undefined;
  };
  // When every form returns a function (a combinator such as `flow`), there is no data-first form to suggest.
  const everyFormReturnsFunction =
    (signatures?.length ?? 0) > 0 &&
    (signatures ?? []).every(
      signature => ctx.checker.getNonNullableType(signature.getReturnType()).getCallSignatures().length > 0,
    );
  /** The call's own result is a function (a curried, data-last form): the remote call would happen later. */
  const returnsFunction = (call: ts.CallExpression): boolean => {
    const signature = ctx.checker.getResolvedSignature(call);
    if (!signature) return false;
    const result = ctx.checker.getNonNullableType(signature.getReturnType());
    return result.getCallSignatures().length > 0;
  };

  // 3. Chattiness: direct call sites inside loops.
  const chattiness: ChattyCallSite[] = [];
  for (const reference of direct) {
    const call = callOf(reference);
    if (!call) {
      // `items.map(f)`: the export itself is the callback, called once per item.
      const value =
        ts.isPropertyAccessExpression(reference.parent) && reference.parent.name === reference
          ? reference.parent
          : reference;
      const method = iterationMethodOf(value);
      if (method) {
        const outer = enclosingFunction(value);
        chattiness.push({
          location: locate(ctx, value),
          package: pkg(value.getSourceFile()),
          callee: exportName,
          loop: method,
          ...(outer ? { enclosing: functionName(outer) } : {}),
          ...(testFile(value.getSourceFile()) ? { test: true as const } : {}),
        });
      }
      continue;
    }
    const loop = loopAround(call);
    if (!loop) continue;
    const fn = enclosingFunction(call);
    const outer = fn && iterationMethodOf(fn) ? enclosingFunction(fn) : fn;
    chattiness.push({
      location: locate(ctx, call),
      package: pkg(call.getSourceFile()),
      callee: exportName,
      loop,
      ...(outer ? { enclosing: functionName(outer) } : {}),
      ...(testFile(call.getSourceFile()) ? { test: true as const } : {}),
    });
  }

  // Through wrappers: `items.map(t => describe(t))` where `describe` calls the export (twice)
  // is as chatty as calling it in the loop, once per call `describe` makes. One level deep.
  const wrappers = new Map<ts.FunctionLikeDeclaration, number>();
  for (const reference of direct) {
    const call = callOf(reference);
    const fn = call ? enclosingFunction(call) : undefined;
    if (!call || !fn || iterationMethodOf(fn) || testFile(call.getSourceFile())) continue;
    if (!wrappers.has(fn) && wrappers.size >= MAX_WRAPPERS) continue;
    wrappers.set(fn, (wrappers.get(fn) ?? 0) + 1);
  }
  for (const [fn, calls] of wrappers) {
    const target = referenceTarget(fn);
    if (!target) continue;
    for (const reference of references(ctx, scope, target)) {
      if (!inScope(reference.getSourceFile()) || insideExport(reference)) continue;
      const call = callOf(reference);
      const loop = call ? loopAround(call) : undefined;
      if (!call || !loop) continue;
      const enclosing = enclosingFunction(call);
      const outer = enclosing && iterationMethodOf(enclosing) ? enclosingFunction(enclosing) : enclosing;
      chattiness.push({
        location: locate(ctx, call),
        package: pkg(call.getSourceFile()),
        callee: exportName,
        loop,
        ...(outer ? { enclosing: functionName(outer) } : {}),
        through: functionName(fn),
        calls,
        ...(testFile(call.getSourceFile()) ? { test: true as const } : {}),
      });
    }
  }

  // Generic exports: the instantiations consumers use, so concrete schemas can be generated.
  const instantiations = new Map<string, { types: string[]; callSites: number }>();
  if (signatures?.some(signature => (signature.getTypeParameters()?.length ?? 0) > 0)) {
    for (const reference of direct) {
      const call = callOf(reference);
      if (!call || testFile(call.getSourceFile())) continue;
      const resolved = ctx.checker.getResolvedSignature(call);
      const types = resolved ? ctx.checker.getTypeArgumentsForResolvedSignature(resolved) : undefined;
      if (!types || types.length === 0) continue;
      const texts = types.map(type => typeText(ctx.checker, type));
      const key = texts.join(', ');
      const entry = instantiations.get(key) ?? { types: texts, callSites: 0 };
      entry.callSites++;
      instantiations.set(key, entry);
    }
  }
  const typeArguments = [...instantiations.values()].sort(
    (a, b) => b.callSites - a.callSites || a.types.join().localeCompare(b.types.join()),
  );

  chattiness.sort(
    (a, b) =>
      a.location.file.localeCompare(b.location.file) ||
      a.location.line - b.location.line ||
      a.location.column - b.location.column,
  );

  // 4. The ripple.
  const callSites: RippleCallSite[] = [...manual];
  const functions: RippleFunction[] = [];
  const madeAsync = new Set<ts.Node>();
  const seenSites = new Set<ts.Node>();
  if (!isAsync) {
    const queue: { reference: ts.Node; callee: string }[] = direct.map(reference => ({
      reference,
      callee: exportName,
    }));
    const site = (
      node: ts.Node,
      callee: string,
      change: CallSiteChange,
      enclosing: ts.FunctionLikeDeclaration | undefined,
      note?: string,
      overload?: number,
    ): void => {
      callSites.push({
        location: locate(ctx, node),
        package: pkg(node.getSourceFile()),
        callee,
        ...(enclosing ? { enclosing: functionName(enclosing) } : {}),
        change,
        ...(note ? { note } : {}),
        ...(overload !== undefined ? { overload } : {}),
        ...(testFile(node.getSourceFile()) ? { test: true as const } : {}),
      });
    };
    const makeAsync = (fn: ts.FunctionLikeDeclaration, because: string): boolean => {
      if (madeAsync.has(fn)) return false;
      madeAsync.add(fn);
      functions.push({
        name: functionName(fn),
        location: locate(ctx, fn),
        package: pkg(fn.getSourceFile()),
        because,
        exported: isExported(fn),
        ...(testFile(fn.getSourceFile()) ? { test: true as const } : {}),
      });
      return true;
    };
    /** A call whose result becomes a promise: decide what changes around it. */
    const handleCall = (call: ts.CallExpression, callee: string): void => {
      if (seenSites.has(call)) return;
      seenSites.add(call);
      if (ts.isAwaitExpression(call.parent)) return; // already awaited: nothing to change here
      const overload = callee === exportName ? overloadOf(call) : undefined;
      if (callee === exportName && returnsFunction(call)) {
        // `pipe(x, add(1))`: this call only builds a function; awaiting it would hand a Promise
        // to whatever calls that function. That form cannot be remote: it stays local.
        const outer = ts.isCallExpression(call.parent) ? call.parent : undefined;
        site(
          call,
          callee,
          'manual',
          enclosingFunction(call),
          everyFormReturnsFunction
            ? `${callee}(…) returns a function${outer ? `, passed to ${outerNameOf(outer)}(…)` : ''}: do not await it; code cannot come back over the network, so this call stays local`
            : `${callee}(…) returns a function here${overload !== undefined ? ` (overload[${overload}], its curried form)` : ''}${outer ? `, passed to ${outerNameOf(outer)}(…)` : ''}: do not await it; keep this form local or rewrite the call in the data-first form`,
          overload,
        );
        return;
      }
      const fn = enclosingFunction(call);
      if (fn && insideExport(fn)) return; // the export's own body (a cycle back into it) moves with it
      if (!fn) {
        site(
          call,
          callee,
          'manual',
          undefined,
          'module top level: needs top-level await or an async init function',
        );
        return;
      }
      if (
        ts.isConstructorDeclaration(fn) ||
        ts.isGetAccessorDeclaration(fn) ||
        ts.isSetAccessorDeclaration(fn)
      ) {
        site(
          call,
          callee,
          'manual',
          fn,
          `${ts.isConstructorDeclaration(fn) ? 'a constructor' : 'an accessor'} cannot be async: move the call out`,
        );
        return;
      }
      if (fn.asteriskToken) {
        // An async generator awaits like any async function; a sync one must become async by hand,
        // and whoever iterates it must switch to `for await`.
        if (isAsyncFunction(fn)) site(call, callee, 'await', fn, undefined, overload);
        else
          site(
            call,
            callee,
            'manual',
            fn,
            'a generator: make it an async generator (`async function*`) and iterate it with `for await`',
          );
        return;
      }
      site(call, callee, 'await', fn, undefined, overload);
      if (isAsyncFunction(fn)) return;
      const because = `calls ${callee} at ${path.basename(call.getSourceFile().fileName)}:${locate(ctx, call).line}`;
      const method = iterationMethodOf(fn);
      if (
        method ||
        (fn.parent && ts.isCallExpression(fn.parent) && fn.parent.arguments.includes(fn as ts.Expression))
      ) {
        // A callback: it becomes async, and what receives it now gets promises.
        if (!makeAsync(fn, because)) return;
        const outer = fn.parent as ts.CallExpression;
        const outerName = ts.isPropertyAccessExpression(outer.expression)
          ? outer.expression.name.text
          : outer.expression.getText().slice(0, 30);
        if (method === 'map' || method === 'flatMap' || method === 'from') {
          queueOuter(outer, `${outerName}(…)`, 'promise-all');
        } else if (method === 'forEach') {
          queueOuter(outer, `${outerName}(…)`, 'for-of');
        } else if (outerName === 'then' || outerName === 'catch' || outerName === 'finally') {
          return; // a promise chain already waits for what its callback returns
        } else if (TEST_RUNNER_CALLS.has(outerName) && testFile(outer.getSourceFile())) {
          return; // test runners (vitest, jest, node:test, mocha) await a callback's promise
        } else {
          site(
            outer,
            outerName,
            'manual',
            enclosingFunction(outer),
            method
              ? `an async callback does not work with ${method}: rewrite the loop`
              : `the callback given to ${outerName} becomes async: check that ${outerName} waits for it`,
          );
        }
        return;
      }
      if (!makeAsync(fn, because)) return;
      const target = referenceTarget(fn);
      if (!target) {
        site(
          fn,
          functionName(fn),
          'manual',
          enclosingFunction(fn),
          'an anonymous function made async: its callers cannot be followed',
        );
        return;
      }
      for (const reference of references(ctx, scope, target)) {
        if (!inScope(reference.getSourceFile()) || insideExport(reference)) continue;
        queue.push({ reference, callee: functionName(fn) });
      }
    };
    const queueOuter = (outer: ts.CallExpression, label: string, change: CallSiteChange): void => {
      if (seenSites.has(outer)) return;
      const fn = enclosingFunction(outer);
      // The promises must be gathered: `await Promise.all(items.map(…))`, or a `for…of` with await.
      const wrapped =
        ts.isCallExpression(outer.parent) &&
        /Promise\.(?:all|allSettled)$/.test(outer.parent.expression.getText());
      if (wrapped && ts.isAwaitExpression(outer.parent.parent)) {
        seenSites.add(outer);
        return;
      }
      seenSites.add(outer);
      site(outer, label, change, fn);
      if (!fn || isAsyncFunction(fn)) return;
      if (makeAsync(fn, `gathers async results of ${label}`)) {
        const target = referenceTarget(fn);
        if (target)
          for (const reference of references(ctx, scope, target))
            if (inScope(reference.getSourceFile()) && !insideExport(reference))
              queue.push({ reference, callee: functionName(fn) });
      }
    };
    while (queue.length > 0) {
      const { reference, callee } = queue.shift() as { reference: ts.Node; callee: string };
      const call = callOf(reference);
      if (call) {
        handleCall(call, callee);
        continue;
      }
      // Not called here: passed along or stored. `items.map(f)` (or `items.map(ns.f)`) behaves like a callback.
      const value =
        ts.isPropertyAccessExpression(reference.parent) && reference.parent.name === reference
          ? reference.parent
          : reference;
      const parent = value.parent;
      if (
        ts.isCallExpression(parent) &&
        parent.arguments.includes(value as ts.Expression) &&
        ts.isPropertyAccessExpression(parent.expression) &&
        ['map', 'flatMap', 'forEach'].includes(parent.expression.name.text)
      ) {
        queueOuter(
          parent,
          `${parent.expression.name.text}(${callee})`,
          parent.expression.name.text === 'forEach' ? 'for-of' : 'promise-all',
        );
        continue;
      }
      if (seenSites.has(reference)) continue;
      seenSites.add(reference);
      site(
        reference,
        callee,
        'manual',
        enclosingFunction(reference),
        `${callee} is used as a value here (passed or stored), so its callers cannot be followed`,
      );
    }
  }

  const perPackage = new Map<string, RipplePackageCount>();
  const count = (name: string): RipplePackageCount => {
    let entry = perPackage.get(name);
    if (!entry) perPackage.set(name, (entry = { package: name, callSites: 0, functions: 0, manual: 0 }));
    return entry;
  };
  for (const entry of callSites) {
    const counted = count(entry.package);
    if (entry.test) counted.tests = (counted.tests ?? 0) + 1;
    else if (entry.change === 'manual') counted.manual++;
    else counted.callSites++;
  }
  for (const fn of functions) if (!fn.test) count(fn.package).functions++;
  const ripple: Ripple = {
    applies: !isAsync,
    functions,
    callSites: callSites.sort(
      (a, b) =>
        a.location.file.localeCompare(b.location.file) ||
        a.location.line - b.location.line ||
        a.location.column - b.location.column,
    ),
    perPackage: [...perPackage.values()].sort((a, b) => a.package.localeCompare(b.package)),
  };

  const hazards: Hazard[] = [];
  const anchor = exportDeclarations[0];
  if (!isAsync && anchor) {
    const info = codeInfo('FL801');
    const changing = callSites.filter(entry => entry.change !== 'manual' && !entry.test).length;
    const shipping = functions.filter(fn => !fn.test).length;
    const tests = callSites.filter(entry => entry.test).length;
    const packages = ripple.perPackage
      .filter(entry => entry.callSites + entry.functions + entry.manual > 0)
      .map(
        entry =>
          `${entry.package}: ${entry.callSites} call site${entry.callSites === 1 ? '' : 's'}, ${entry.functions} function${entry.functions === 1 ? '' : 's'}`,
      )
      .join('; ');
    hazards.push({
      code: info.code,
      name: info.name,
      severity: info.severity,
      message: `${exportName} is synchronous: as a remote call it returns a promise, so ${changing} call site${changing === 1 ? '' : 's'} must await it and ${shipping} function${shipping === 1 ? '' : 's'} must become async${packages ? ` (${packages})` : ''}${tests ? `; ${tests} call site${tests === 1 ? '' : 's'} in tests too` : ''}.`,
      location: locate(ctx, anchor),
      detail: { callSites: changing, functions: shipping, ...(tests ? { tests } : {}) },
    });
  }
  for (const entry of chattiness) {
    if (entry.test) continue;
    const info = codeInfo('FL802');
    hazards.push({
      code: info.code,
      name: info.name,
      severity: info.severity,
      message: `${entry.through ? `${entry.through} calls ${exportName}${entry.calls && entry.calls > 1 ? ` ${entry.calls} times` : ''} and is called` : `${exportName} is called`} inside ${entry.loop === 'for' || entry.loop.includes('-') || entry.loop === 'while' ? `a ${entry.loop} loop` : `.${entry.loop}(…)`}${entry.enclosing ? ` in ${entry.enclosing}` : ''} (${entry.package}): ${entry.calls && entry.calls > 1 ? `${entry.calls} network round trips` : 'one network round trip'} per item. Offer a batch endpoint (${exportName}Many(items)).`,
      location: entry.location,
      detail: {
        loop: entry.loop,
        package: entry.package,
        ...(entry.through ? { through: entry.through, calls: entry.calls ?? 1 } : {}),
      },
    });
  }
  for (const entry of callSites) {
    if (entry.change !== 'manual' || entry.test) continue;
    const info = codeInfo('FL803');
    hazards.push({
      code: info.code,
      name: info.name,
      severity: info.severity,
      message: `${entry.note ?? 'this call site must be changed by hand'} (${entry.package}).`,
      location: entry.location,
      detail: {
        package: entry.package,
        ...(entry.overload !== undefined ? { overload: entry.overload } : {}),
      },
    });
  }
  return { ripple, chattiness, hazards, typeArguments };
}

/** References to a declaration's name, as identifier nodes, in the consumers and the library. */
const referencesCache = new WeakMap<ts.Node, ts.Node[]>();

function references(ctx: Context, scope: ConsumerScope, name: ts.Node): ts.Node[] {
  if (!ts.isIdentifier(name)) return [];
  // The same consumer functions are reached from many exports: search each once per analysis
  // (nodes belong to one program, and one analysis has one scope).
  const cached = referencesCache.get(name);
  if (cached) return cached;
  const files: ts.SourceFile[] = [...scope.consumerFiles.values()].flat();
  for (const fileName of ctx.libraryFiles) {
    const file = ctx.program.getSourceFile(fileName);
    if (file && !file.isDeclarationFile) files.push(file);
  }
  const member =
    ts.isMethodDeclaration(name.parent) ||
    ts.isPropertyDeclaration(name.parent) ||
    ts.isPropertyAssignment(name.parent);
  const found = findReferences(ctx, name, files, { member }).map(reference => reference.node);
  referencesCache.set(name, found);
  return found;
}
