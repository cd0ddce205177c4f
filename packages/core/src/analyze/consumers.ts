// What changes for the code that calls an export once it is remote. A sync export becomes async,
// so every call site must await it, and every sync function around such a call becomes async in
// turn, transitively (the async ripple). Call sites inside loops or `.map` become one network
// round trip per item (chattiness). References are searched only for the functions the ripple
// reaches.
import path from 'node:path';

import { ts } from 'ts-morph';

import { codeInfo } from './codes.js';
import { findReferences } from './references.js';
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
  isDeclarationNode,
  isFunctionLike,
  isRelative,
  locate,
  resolveAlias,
  staticString,
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

export interface ConsumerScope {
  libraryName: string | undefined;
  libraryDir: string;
  /** Package name → files. */
  consumerFiles: Map<string, ts.SourceFile[]>;
}

export interface ConsumerFindings {
  ripple: Ripple;
  chattiness: ChattyCallSite[];
  hazards: Hazard[];
}

/** Does this module specifier name the library (by package name, subpath, or a relative path into it)? */
function namesLibrary(
  ctx: Context,
  scope: ConsumerScope,
  specifier: ts.Expression,
  from: ts.SourceFile,
): boolean {
  const text = staticString(specifier);
  if (text === undefined) return false;
  if (scope.libraryName && (text === scope.libraryName || text.startsWith(`${scope.libraryName}/`)))
    return true;
  if (isRelative(text)) {
    const target = path.resolve(path.dirname(from.fileName), text);
    return !path.relative(scope.libraryDir, target).startsWith('..');
  }
  const symbol = ctx.checker.getSymbolAtLocation(specifier);
  return (symbol?.declarations ?? []).some(declaration =>
    ctx.libraryFiles.has(declaration.getSourceFile().fileName),
  );
}

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
): ConsumerFindings {
  const packageOf = new Map<string, string>();
  for (const [name, files] of scope.consumerFiles)
    for (const file of files) packageOf.set(file.fileName, name);
  const libraryLabel = scope.libraryName ?? path.basename(scope.libraryDir);
  const pkg = (file: ts.SourceFile): string =>
    packageOf.get(file.fileName) ??
    (ctx.libraryFiles.has(file.fileName) ? libraryLabel : path.relative(ctx.root, file.fileName));
  const inScope = (file: ts.SourceFile): boolean =>
    packageOf.has(file.fileName) || ctx.libraryFiles.has(file.fileName);

  const direct: ts.Node[] = [];
  const manual: RippleCallSite[] = [];
  // 1. Consumers: imports of the export by name (or through a namespace import), then the local binding's uses.
  for (const [, files] of scope.consumerFiles) {
    for (const file of files) {
      if (!file.text.includes(exportName) && exportName !== 'default') continue;
      for (const statement of file.statements) {
        if (
          ts.isImportDeclaration(statement) &&
          statement.importClause &&
          !statement.importClause.isTypeOnly &&
          namesLibrary(ctx, scope, statement.moduleSpecifier, file)
        ) {
          const clause = statement.importClause;
          const locals: { name: ts.Identifier; member?: string }[] = [];
          if (clause.name && exportName === 'default') locals.push({ name: clause.name });
          const bindings = clause.namedBindings;
          if (bindings && ts.isNamedImports(bindings)) {
            for (const element of bindings.elements)
              if (!element.isTypeOnly && (element.propertyName ?? element.name).text === exportName)
                locals.push({ name: element.name });
          } else if (bindings && ts.isNamespaceImport(bindings)) {
            locals.push({ name: bindings.name, member: exportName });
          }
          for (const local of locals) direct.push(...usesOf(ctx, file, local.name, local.member));
        } else if (
          ts.isExportDeclaration(statement) &&
          statement.moduleSpecifier &&
          namesLibrary(ctx, scope, statement.moduleSpecifier, file)
        ) {
          const names =
            statement.exportClause && ts.isNamedExports(statement.exportClause)
              ? statement.exportClause.elements.map(element => (element.propertyName ?? element.name).text)
              : [exportName];
          if (names.includes(exportName)) {
            manual.push({
              location: locate(ctx, statement),
              package: pkg(file),
              callee: exportName,
              change: 'manual',
              note: `re-exported from ${path.basename(file.fileName)}: importers of this re-export are not followed`,
            });
          }
        }
      }
    }
  }
  // 2. The library itself: other code that calls the export (outside the export's own declarations).
  for (const fileName of ctx.libraryFiles) {
    const file = ctx.program.getSourceFile(fileName);
    if (!file || file.isDeclarationFile || !file.text.includes(exportSymbol.name)) continue;
    const visit = (node: ts.Node): void => {
      if (exportDeclarations.includes(node)) return;
      if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) return;
      if (ts.isIdentifier(node) && node.text === exportSymbol.name) {
        const parent = node.parent;
        const isName = isDeclarationNode(parent) && parent.name === node;
        if (!isName) {
          const symbol = ctx.checker.getSymbolAtLocation(node);
          if (symbol && resolveAlias(ctx.checker, symbol) === exportSymbol) direct.push(node);
        }
      }
      ts.forEachChild(node, visit);
    };
    ts.forEachChild(file, visit);
  }

  // 3. Chattiness: direct call sites inside loops.
  const chattiness: ChattyCallSite[] = [];
  for (const reference of direct) {
    const call = callOf(reference);
    if (!call) continue;
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
    });
  }

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
    ): void => {
      callSites.push({
        location: locate(ctx, node),
        package: pkg(node.getSourceFile()),
        callee,
        ...(enclosing ? { enclosing: functionName(enclosing) } : {}),
        change,
        ...(note ? { note } : {}),
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
      });
      return true;
    };
    /** A call whose result becomes a promise: decide what changes around it. */
    const handleCall = (call: ts.CallExpression, callee: string): void => {
      if (seenSites.has(call)) return;
      seenSites.add(call);
      if (ts.isAwaitExpression(call.parent)) return; // already awaited: nothing to change here
      const fn = enclosingFunction(call);
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
        if (isAsyncFunction(fn)) site(call, callee, 'await', fn);
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
      site(call, callee, 'await', fn);
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
        if (!inScope(reference.getSourceFile())) continue;
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
            if (inScope(reference.getSourceFile())) queue.push({ reference, callee: functionName(fn) });
      }
    };
    while (queue.length > 0) {
      const { reference, callee } = queue.shift() as { reference: ts.Node; callee: string };
      const call = callOf(reference);
      if (call) {
        handleCall(call, callee);
        continue;
      }
      // Not called here: passed along or stored. `items.map(f)` behaves like a callback.
      const parent = reference.parent;
      if (
        ts.isCallExpression(parent) &&
        parent.arguments.includes(reference as ts.Expression) &&
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
    if (entry.change === 'manual') counted.manual++;
    else counted.callSites++;
  }
  for (const fn of functions) count(fn.package).functions++;
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
    const changing = callSites.filter(entry => entry.change !== 'manual').length;
    const packages = ripple.perPackage
      .map(
        entry =>
          `${entry.package}: ${entry.callSites} call site${entry.callSites === 1 ? '' : 's'}, ${entry.functions} function${entry.functions === 1 ? '' : 's'}`,
      )
      .join('; ');
    hazards.push({
      code: info.code,
      name: info.name,
      severity: info.severity,
      message: `${exportName} is synchronous: as a remote call it returns a promise, so ${changing} call site${changing === 1 ? '' : 's'} must await it and ${functions.length} function${functions.length === 1 ? '' : 's'} must become async${packages ? ` (${packages})` : ''}.`,
      location: locate(ctx, anchor),
      detail: { callSites: changing, functions: functions.length },
    });
  }
  for (const entry of chattiness) {
    const info = codeInfo('FL802');
    hazards.push({
      code: info.code,
      name: info.name,
      severity: info.severity,
      message: `${exportName} is called inside ${entry.loop === 'for' || entry.loop.includes('-') || entry.loop === 'while' ? `a ${entry.loop} loop` : `.${entry.loop}(…)`}${entry.enclosing ? ` in ${entry.enclosing}` : ''} (${entry.package}): one network round trip per item. Offer a batch endpoint (${exportName}Many(items)).`,
      location: entry.location,
      detail: { loop: entry.loop, package: entry.package },
    });
  }
  for (const entry of callSites) {
    if (entry.change !== 'manual') continue;
    const info = codeInfo('FL803');
    hazards.push({
      code: info.code,
      name: info.name,
      severity: info.severity,
      message: `${entry.note ?? 'this call site must be changed by hand'} (${entry.package}).`,
      location: entry.location,
      detail: { package: entry.package },
    });
  }
  return { ripple, chattiness, hazards };
}

/** Identifiers in `file` bound to `local` (or `local.member` for a namespace import). */
function usesOf(
  ctx: Context,
  file: ts.SourceFile,
  local: ts.Identifier,
  member: string | undefined,
): ts.Node[] {
  const symbol = ctx.checker.getSymbolAtLocation(local);
  const found: ts.Node[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node)) return;
    if (
      ts.isIdentifier(node) &&
      node.text === local.text &&
      node !== local &&
      ctx.checker.getSymbolAtLocation(node) === symbol
    ) {
      if (member === undefined) found.push(node);
      else if (
        ts.isPropertyAccessExpression(node.parent) &&
        node.parent.expression === node &&
        node.parent.name.text === member
      )
        found.push(node.parent.name);
    }
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(file, visit);
  return found;
}

/** References to a declaration's name, as identifier nodes, in the consumers and the library. */
function references(ctx: Context, scope: ConsumerScope, name: ts.Node): ts.Node[] {
  if (!ts.isIdentifier(name)) return [];
  const files: ts.SourceFile[] = [...scope.consumerFiles.values()].flat();
  for (const fileName of ctx.libraryFiles) {
    const file = ctx.program.getSourceFile(fileName);
    if (file && !file.isDeclarationFile) files.push(file);
  }
  const member =
    ts.isMethodDeclaration(name.parent) ||
    ts.isPropertyDeclaration(name.parent) ||
    ts.isPropertyAssignment(name.parent);
  return findReferences(ctx, name, files, { member }).map(reference => reference.node);
}
