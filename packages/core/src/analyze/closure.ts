// The dependency closure of an export: every module-level declaration of the library it reaches,
// across files, found by resolving each identifier in the declarations already reached (symbol
// look-ups only: no reference search, no full type check). External packages are recorded from
// the imports the closure uses.
import { ts } from 'ts-morph';

import { codeInfo } from './codes.js';
import type { DeclarationKind, Unknown } from './model.js';
import {
  type Context,
  importSpecifierOf,
  isAlias,
  isDeclarationNode,
  isInTypePosition,
  isModuleLevel,
  isRelative,
  isTypeOnlyUnit,
  locate,
  packageNameOf,
  relativeFile,
  resolveAlias,
  staticString,
  topLevelUnit,
  unitKind,
  unitName,
  walk,
} from './ts-util.js';

/** A module-level declaration (all its declarations: overloads and merged declarations share one unit). */
export interface Unit {
  id: string;
  name: string;
  kind: DeclarationKind;
  typeOnly: boolean;
  nodes: ts.Node[];
  file: string;
}

export interface ExternalUse {
  name: string;
  kind: 'package' | 'builtin';
  specifiers: Set<string>;
  usedBy: Set<string>;
  runtime: boolean;
}

export interface ClosureResult {
  /** Units in the order they were reached (the export's own first). */
  units: Unit[];
  edges: Map<string, Set<string>>;
  externals: Map<string, ExternalUse>;
  unknowns: Unknown[];
}

const BUILTINS = new Set(
  'assert async_hooks buffer child_process cluster console constants crypto dgram diagnostics_channel dns domain events fs http http2 https inspector module net os path perf_hooks process punycode querystring readline repl stream string_decoder sys timers tls trace_events tty url util v8 vm wasi worker_threads zlib test'.split(
    ' ',
  ),
);

/** `node:fs` for `fs`, `fs/promises`, `node:fs/promises`; undefined for packages. */
export function builtinName(specifier: string): string | undefined {
  const bare = specifier.startsWith('node:') ? specifier.slice(5) : specifier;
  const head = bare.split('/')[0] as string;
  if (!specifier.startsWith('node:') && !BUILTINS.has(head)) return undefined;
  return `node:${bare}`;
}

/** Registry of units, shared by every export of one analysis so ids stay stable. */
export class Units {
  private readonly bySymbol = new Map<ts.Symbol, Unit>();
  private readonly byNode = new Map<ts.Node, Unit>();
  private readonly ids = new Set<string>();

  constructor(private readonly ctx: Context) {}

  /** The unit of a module-level declaration node. */
  unitOf(node: ts.Node): Unit {
    const existing = this.byNode.get(node);
    if (existing) return existing;
    const nameNode = (node as ts.NamedDeclaration).name;
    const symbol = nameNode ? this.ctx.checker.getSymbolAtLocation(nameNode) : undefined;
    const shared = symbol ? this.bySymbol.get(symbol) : undefined;
    if (shared) {
      // Overloads and merged declarations: one unit, every declaration walked.
      if (!shared.nodes.includes(node)) shared.nodes.push(node);
      this.byNode.set(node, shared);
      return shared;
    }
    const name = unitName(node);
    const file = node.getSourceFile().fileName;
    let id = `${relativeFile(this.ctx, file)}#${name}`;
    if (this.ids.has(id)) id = `${id}@${locate(this.ctx, node).line}`;
    this.ids.add(id);
    const unit: Unit = {
      id,
      name,
      kind: unitKind(node),
      typeOnly: isTypeOnlyUnit(node),
      nodes: [node],
      file,
    };
    if (symbol) {
      this.bySymbol.set(symbol, unit);
      for (const declaration of symbol.declarations ?? []) {
        const other = topLevelUnit(declaration);
        if (
          other &&
          other !== node &&
          declaration.getSourceFile().fileName === file &&
          isModuleLevel(declaration)
        ) {
          unit.nodes.push(other);
          this.byNode.set(other, unit);
        }
      }
      // A value and a type may share a name (`const X` + `type X`): runtime if any part is.
      unit.typeOnly = unit.nodes.every(part => isTypeOnlyUnit(part));
    }
    this.byNode.set(node, unit);
    return unit;
  }

  /** Units of the declarations a symbol stands for, when they are the library's module-level ones. */
  unitsOfSymbol(symbol: ts.Symbol): Unit[] {
    const result: Unit[] = [];
    for (const declaration of symbol.declarations ?? []) {
      if (!this.ctx.libraryFiles.has(declaration.getSourceFile().fileName)) continue;
      if (!isModuleLevel(declaration)) continue;
      const unit = topLevelUnit(declaration);
      if (!unit) continue;
      const found = this.unitOf(unit);
      if (!result.includes(found)) result.push(found);
    }
    return result;
  }
}

/** True when the identifier only names something being declared (not a use of it). */
function isDeclarationName(id: ts.Identifier): boolean {
  const parent = id.parent;
  if (ts.isShorthandPropertyAssignment(parent)) return false;
  if (ts.isPropertyAccessExpression(parent) && parent.name === id) return true;
  if (ts.isQualifiedName(parent) && parent.right === id) return true;
  if (
    ts.isImportSpecifier(parent) ||
    ts.isImportClause(parent) ||
    ts.isNamespaceImport(parent) ||
    ts.isExportSpecifier(parent) ||
    ts.isImportEqualsDeclaration(parent)
  )
    return true;
  if (ts.isLabeledStatement(parent) || ts.isBreakOrContinueStatement(parent)) return true;
  if (ts.isJsxAttribute(parent)) return true;
  return isDeclarationNode(parent) && parent.name === id;
}

/** `ns.member` / `ns.Type` where `ns` is a namespace import: the member is what is used. */
function namespaceMember(ctx: Context, id: ts.Identifier): boolean {
  const parent = id.parent;
  const left =
    ts.isPropertyAccessExpression(parent) && parent.name === id
      ? parent.expression
      : ts.isQualifiedName(parent) && parent.right === id
        ? parent.left
        : undefined;
  if (!left || !ts.isIdentifier(left)) return false;
  const symbol = ctx.checker.getSymbolAtLocation(left);
  if (!symbol) return false;
  const target = resolveAlias(ctx.checker, symbol);
  return (
    (target.flags & (ts.SymbolFlags.ValueModule | ts.SymbolFlags.NamespaceModule)) !== 0 &&
    (target.declarations ?? []).some(
      declaration => ts.isSourceFile(declaration) || ts.isModuleDeclaration(declaration),
    )
  );
}

/** What one unit reaches: other units, external modules, and what cannot be followed. */
interface UnitScan {
  targets: Unit[];
  externals: { specifier: string; runtime: boolean }[];
  /** Unknowns, each with a key that says when two are the same gap. */
  unknowns: { key: string; unknown: Unknown }[];
}

const scans = new WeakMap<Units, WeakMap<Unit, UnitScan>>();

/** Scans one unit once per analysis: exports share most of their closures. */
function scanUnit(ctx: Context, units: Units, unit: Unit): UnitScan {
  let cache = scans.get(units);
  if (!cache) scans.set(units, (cache = new WeakMap()));
  const cached = cache.get(unit);
  if (cached) return cached;
  const scan: UnitScan = { targets: [], externals: [], unknowns: [] };
  const noteExternal = (specifier: string, runtime: boolean): void => {
    scan.externals.push({ specifier, runtime });
  };
  let dynamic = 0;
  for (const node of unit.nodes) {
    walk(node, child => {
      if (ts.isCallExpression(child) || ts.isNewExpression(child)) {
        const callee = child.expression;
        if (
          ts.isIdentifier(callee) &&
          (callee.text === 'require' || callee.text === 'eval' || callee.text === 'Function') &&
          !ctx.checker
            .getSymbolAtLocation(callee)
            ?.declarations?.some(d => ctx.libraryFiles.has(d.getSourceFile().fileName))
        ) {
          const specifier = staticString(child.arguments?.[0]);
          if (callee.text === 'require' && specifier !== undefined) {
            if (!isRelative(specifier)) noteExternal(specifier, true);
          } else {
            scan.unknowns.push({
              key: `${unit.id}\0dynamic${dynamic++}`,
              unknown: {
                ...codeInfoOf('FL906'),
                message: `${callee.text}(…) with a computed argument: what it loads or runs cannot be followed.`,
                location: locate(ctx, child),
              },
            });
          }
        }
      }
      if (child.kind === ts.SyntaxKind.ImportKeyword && ts.isCallExpression(child.parent)) {
        const specifier = staticString(child.parent.arguments[0]);
        if (specifier === undefined)
          scan.unknowns.push({
            key: `${unit.id}\0dynamic${dynamic++}`,
            unknown: {
              ...codeInfoOf('FL906'),
              message: 'import(…) with a computed specifier cannot be followed.',
              location: locate(ctx, child.parent),
            },
          });
        else if (!isRelative(specifier)) noteExternal(specifier, true);
      }
      if (
        ts.isImportTypeNode(child) &&
        ts.isLiteralTypeNode(child.argument) &&
        ts.isStringLiteral(child.argument.literal) &&
        !isRelative(child.argument.literal.text)
      ) {
        noteExternal(child.argument.literal.text, false);
      }
      if (!ts.isIdentifier(child)) return;
      if (isDeclarationName(child) && !namespaceMember(ctx, child)) return;
      let symbol = ts.isShorthandPropertyAssignment(child.parent)
        ? ctx.checker.getShorthandAssignmentValueSymbol(child.parent)
        : ctx.checker.getSymbolAtLocation(child);
      if (!symbol) {
        // An import from a module that does not resolve has no symbol at its uses: find it by name.
        const specifier = importedFrom(child);
        if (specifier !== undefined && !isRelative(specifier))
          noteExternal(specifier, !isInTypePosition(child));
        return;
      }
      if (isAlias(symbol)) {
        const info = importSpecifierOf(symbol);
        const target = resolveAlias(ctx.checker, symbol);
        const local =
          target !== symbol &&
          (target.declarations ?? []).some(declaration =>
            ctx.libraryFiles.has(declaration.getSourceFile().fileName),
          );
        if (info && !isRelative(info.specifier) && !local) {
          noteExternal(info.specifier, !info.typeOnly && !isInTypePosition(child));
          return;
        }
        if (target === symbol && info && isRelative(info.specifier)) {
          scan.unknowns.push({
            key: `${unit.file}\0${info.specifier}`,
            unknown: {
              ...codeInfoOf('FL903'),
              message: `cannot resolve '${info.specifier}': what \`${child.text}\` is, and what it reaches, is not known.`,
              location: locate(ctx, child),
            },
          });
          return;
        }
        symbol = target;
      }
      for (const target of units.unitsOfSymbol(symbol))
        if (!scan.targets.includes(target)) scan.targets.push(target);
    });
  }
  cache.set(unit, scan);
  return scan;
}

/**
 * Walks from the export's declarations to every module-level declaration they reach. Circular
 * imports are harmless: each unit is visited once. Each unit's own scan is shared between exports.
 */
export function buildClosure(ctx: Context, units: Units, roots: readonly ts.Node[]): ClosureResult {
  const reached: Unit[] = [];
  const seen = new Set<Unit>();
  const edges = new Map<string, Set<string>>();
  const externals = new Map<string, ExternalUse>();
  const unknowns: Unknown[] = [];
  const gaps = new Set<string>();
  const queue: Unit[] = [];
  const enqueue = (unit: Unit): void => {
    if (seen.has(unit)) return;
    seen.add(unit);
    reached.push(unit);
    queue.push(unit);
  };
  for (const root of roots) {
    const unit = topLevelUnit(root) ?? root;
    enqueue(units.unitOf(unit));
  }
  const addEdge = (from: string, to: string): void => {
    if (from === to) return;
    let set = edges.get(from);
    if (!set) edges.set(from, (set = new Set()));
    set.add(to);
  };
  while (queue.length > 0) {
    const unit = queue.shift() as Unit;
    const scan = scanUnit(ctx, units, unit);
    for (const { specifier, runtime } of scan.externals) {
      const builtin = builtinName(specifier);
      const name = builtin ?? packageNameOf(specifier);
      let use = externals.get(name);
      if (!use)
        externals.set(
          name,
          (use = {
            name,
            kind: builtin ? 'builtin' : 'package',
            specifiers: new Set(),
            usedBy: new Set(),
            runtime: false,
          }),
        );
      use.specifiers.add(specifier);
      use.usedBy.add(unit.id);
      use.runtime ||= runtime;
      addEdge(unit.id, `pkg:${name}`);
    }
    for (const { key, unknown } of scan.unknowns) {
      if (gaps.has(key)) continue;
      gaps.add(key);
      unknowns.push(unknown);
    }
    for (const target of scan.targets) {
      addEdge(unit.id, target.id);
      enqueue(target);
    }
  }
  return { units: reached, edges, externals, unknowns };
}

const importsByFile = new WeakMap<ts.SourceFile, Map<string, string>>();

/** The module specifier a local name is imported from in its file, by name (for unresolved imports). */
function importedFrom(id: ts.Identifier): string | undefined {
  const file = id.getSourceFile();
  let imports = importsByFile.get(file);
  if (!imports) {
    imports = new Map();
    for (const statement of file.statements) {
      if (!ts.isImportDeclaration(statement) || !statement.importClause) continue;
      const specifier = staticString(statement.moduleSpecifier);
      if (specifier === undefined) continue;
      const clause = statement.importClause;
      if (clause.name) imports.set(clause.name.text, specifier);
      const bindings = clause.namedBindings;
      if (bindings && ts.isNamespaceImport(bindings)) imports.set(bindings.name.text, specifier);
      if (bindings && ts.isNamedImports(bindings))
        for (const element of bindings.elements) imports.set(element.name.text, specifier);
    }
    importsByFile.set(file, imports);
  }
  return imports.get(id.text);
}

function codeInfoOf(code: 'FL903' | 'FL906'): { code: string; name: string } {
  const info = codeInfo(code);
  return { code: info.code, name: info.name };
}
