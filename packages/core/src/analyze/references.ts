// References to one declaration, found by text then confirmed by symbol: files that do not
// mention the name are skipped, and only identifiers with the name (or a local alias of it) are
// resolved. Cheaper than the language service's search, which type-checks every candidate file,
// and enough for what the analysis asks: writes to module state, and callers of functions made
// async.
import { ts } from 'ts-morph';

import { type Context, isDeclarationNode, isInTypePosition, resolveAlias } from './ts-util.js';

export interface Reference {
  node: ts.Identifier;
  isWrite: boolean;
}

const ASSIGNMENTS = new Set([
  ts.SyntaxKind.EqualsToken,
  ts.SyntaxKind.PlusEqualsToken,
  ts.SyntaxKind.MinusEqualsToken,
  ts.SyntaxKind.AsteriskEqualsToken,
  ts.SyntaxKind.AsteriskAsteriskEqualsToken,
  ts.SyntaxKind.SlashEqualsToken,
  ts.SyntaxKind.PercentEqualsToken,
  ts.SyntaxKind.LessThanLessThanEqualsToken,
  ts.SyntaxKind.GreaterThanGreaterThanEqualsToken,
  ts.SyntaxKind.GreaterThanGreaterThanGreaterThanEqualsToken,
  ts.SyntaxKind.AmpersandEqualsToken,
  ts.SyntaxKind.BarEqualsToken,
  ts.SyntaxKind.CaretEqualsToken,
  ts.SyntaxKind.BarBarEqualsToken,
  ts.SyntaxKind.AmpersandAmpersandEqualsToken,
  ts.SyntaxKind.QuestionQuestionEqualsToken,
]);

/** True when the identifier is assigned to (`x = …`, `x += …`, `x++`, `[x] = …`, `for (x of …)`). */
export function isWriteAccess(id: ts.Node): boolean {
  let node: ts.Node = id;
  // Destructuring assignment targets: `[x] = …`, `({ x } = …)`.
  while (
    ts.isArrayLiteralExpression(node.parent) ||
    ts.isShorthandPropertyAssignment(node.parent) ||
    (ts.isPropertyAssignment(node.parent) && node.parent.initializer === node) ||
    ts.isObjectLiteralExpression(node.parent) ||
    ts.isParenthesizedExpression(node.parent)
  ) {
    node = node.parent;
  }
  const parent = node.parent;
  if (ts.isBinaryExpression(parent) && parent.left === node && ASSIGNMENTS.has(parent.operatorToken.kind))
    return true;
  if (
    (ts.isPrefixUnaryExpression(parent) || ts.isPostfixUnaryExpression(parent)) &&
    (parent.operator === ts.SyntaxKind.PlusPlusToken || parent.operator === ts.SyntaxKind.MinusMinusToken)
  )
    return node === id;
  if ((ts.isForOfStatement(parent) || ts.isForInStatement(parent)) && parent.initializer === node)
    return true;
  return false;
}

const identifierIndex = new WeakMap<ts.SourceFile, Map<string, ts.Identifier[]>>();

/**
 * Every identifier of a file by its text, built on first use and kept: reference searches for
 * many exports over the same files then cost a map look-up per file, not a walk of each file.
 */
export function identifiersNamed(file: ts.SourceFile, text: string): readonly ts.Identifier[] {
  let index = identifierIndex.get(file);
  if (!index) {
    const built = new Map<string, ts.Identifier[]>();
    const visit = (node: ts.Node): void => {
      if (ts.isIdentifier(node)) {
        const list = built.get(node.text);
        if (list) list.push(node);
        else built.set(node.text, [node]);
      }
      ts.forEachChild(node, visit);
    };
    ts.forEachChild(file, visit);
    identifierIndex.set(file, (index = built));
  }
  return index.get(text) ?? [];
}

/**
 * Identifiers referring to the declaration named `name`, in `files` (only its own file when it is
 * not exported). `member`: also match `obj.name` accesses (class methods and properties).
 */
export function findReferences(
  ctx: Context,
  name: ts.Identifier,
  files: Iterable<ts.SourceFile>,
  options: { member?: boolean } = {},
): Reference[] {
  const checker = ctx.checker;
  const own = checker.getSymbolAtLocation(name);
  if (!own) return [];
  const target = resolveAlias(checker, own);
  const text = name.text;
  const results: Reference[] = [];
  for (const file of files) {
    if (!file.text.includes(text)) continue;
    // Local aliases: `import { text as local }`.
    const names = new Set([text]);
    for (const statement of file.statements) {
      const bindings = ts.isImportDeclaration(statement) ? statement.importClause?.namedBindings : undefined;
      if (bindings && ts.isNamedImports(bindings))
        for (const element of bindings.elements)
          if (element.propertyName?.text === text) names.add(element.name.text);
    }
    const inFile: Reference[] = [];
    for (const node of [...names].flatMap(candidate => identifiersNamed(file, candidate))) {
      if (node !== name) {
        const parent = node.parent;
        const isMemberName =
          (ts.isPropertyAccessExpression(parent) && parent.name === node) ||
          (ts.isQualifiedName(parent) && parent.right === node);
        // `import { name as local }`: the imported name is not a use (the local one's uses are).
        const importedName =
          (ts.isImportSpecifier(parent) || ts.isExportSpecifier(parent)) && parent.propertyName === node;
        const skip =
          importedName ||
          (isMemberName && !options.member) ||
          (!ts.isShorthandPropertyAssignment(parent) && isDeclarationNode(parent) && parent.name === node);
        if (!skip) {
          const symbol = ts.isShorthandPropertyAssignment(parent)
            ? checker.getShorthandAssignmentValueSymbol(parent)
            : checker.getSymbolAtLocation(node);
          if (symbol && (symbol === own || symbol === target || resolveAlias(checker, symbol) === target))
            inFile.push({ node, isWrite: isWriteAccess(node) });
        }
      }
    }
    results.push(...inFile.sort((a, b) => a.node.pos - b.node.pos));
  }
  return results;
}

/**
 * Uses of one symbol in `files`, through every way code names it: aliased imports
 * (`import { area as aliased }`), re-export wrappers that rename it (`export { trainCase as
 * kebab }`, followed transitively), namespace imports (`ns.trainCase`), shorthand properties
 * (`{ double }`) and default imports. Candidates are found by text, then confirmed by symbol.
 * Nodes inside `skip` (the declaration itself) are left out.
 */
export function usesOfSymbol(
  ctx: Context,
  files: readonly ts.SourceFile[],
  target: ts.Symbol,
  seeds: readonly string[],
  skip: readonly ts.Node[] = [],
): ts.Identifier[] {
  const checker = ctx.checker;
  const names = new Set(seeds);
  const mentions = (file: ts.SourceFile): boolean => {
    for (const name of names) if (name === 'default' || identifiersNamed(file, name).length > 0) return true;
    return false;
  };
  // Names grow through renaming imports and re-exports until no file adds one.
  for (let grew = true; grew;) {
    grew = false;
    const learn = (from: string, to: string): void => {
      if (names.has(from) && !names.has(to)) {
        names.add(to);
        grew = true;
      }
    };
    for (const file of files) {
      if (!mentions(file)) continue;
      for (const statement of file.statements) {
        if (ts.isImportDeclaration(statement) && statement.importClause) {
          const clause = statement.importClause;
          if (clause.name) learn('default', clause.name.text);
          const bindings = clause.namedBindings;
          if (bindings && ts.isNamedImports(bindings))
            for (const element of bindings.elements)
              learn((element.propertyName ?? element.name).text, element.name.text);
        } else if (
          ts.isExportDeclaration(statement) &&
          statement.exportClause &&
          ts.isNamedExports(statement.exportClause)
        ) {
          for (const element of statement.exportClause.elements)
            learn((element.propertyName ?? element.name).text, element.name.text);
        }
      }
    }
  }
  const skipped = (node: ts.Node): boolean =>
    skip.some(
      root => root.getSourceFile() === node.getSourceFile() && node.pos >= root.pos && node.end <= root.end,
    );
  const found: ts.Identifier[] = [];
  for (const file of files) {
    const candidates = [...names].flatMap(name => identifiersNamed(file, name)).sort((a, b) => a.pos - b.pos);
    for (const node of candidates) {
      if (
        ts.findAncestor(
          node,
          ancestor => ts.isImportDeclaration(ancestor) || ts.isExportDeclaration(ancestor),
        )
      )
        continue;
      {
        const parent = node.parent;
        const shorthand = ts.isShorthandPropertyAssignment(parent);
        const isName = !shorthand && isDeclarationNode(parent) && parent.name === node;
        if (!isName && !ts.isQualifiedName(parent) && !isInTypePosition(node)) {
          const symbol = shorthand
            ? checker.getShorthandAssignmentValueSymbol(parent)
            : checker.getSymbolAtLocation(node);
          if (symbol && (symbol === target || resolveAlias(checker, symbol) === target) && !skipped(node))
            found.push(node);
        }
      }
    }
  }
  return found;
}
