// Small helpers over the TypeScript compiler's nodes. The analysis walks `ts.Node`s directly (no
// wrapper objects per node), which keeps a closure walk over a large library cheap.
import path from 'node:path';

import { ts } from 'ts-morph';

import type { DeclarationKind, Location } from './model.js';

/** The analysis context every stage shares. */
export interface Context {
  program: ts.Program;
  checker: ts.TypeChecker;
  root: string;
  libraryDir: string;
  libraryFiles: Set<string>;
  language: 'typescript' | 'javascript';
}

/** file:line:column of a node (its first token), the file relative to the repository root. */
export function locate(ctx: Pick<Context, 'root'>, node: ts.Node): Location {
  const sourceFile = node.getSourceFile();
  const { line, character } = sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile));
  return { file: relativeFile(ctx, sourceFile.fileName), line: line + 1, column: character + 1 };
}

export function relativeFile(ctx: Pick<Context, 'root'>, fileName: string): string {
  return path.relative(ctx.root, fileName).split(path.sep).join('/');
}

/** Strips syntax that does not change a value: parentheses, `as`, `!`, `satisfies`, `<T>x`. */
export function unwrap(node: ts.Expression): ts.Expression {
  let current = node;
  for (;;) {
    if (
      ts.isParenthesizedExpression(current) ||
      ts.isAsExpression(current) ||
      ts.isNonNullExpression(current) ||
      ts.isSatisfiesExpression(current) ||
      ts.isTypeAssertionExpression(current)
    ) {
      current = current.expression;
    } else if (ts.isExpressionWithTypeArguments(current)) {
      current = current.expression;
    } else {
      return current;
    }
  }
}

export function isFunctionLike(node: ts.Node): node is ts.FunctionLikeDeclaration {
  return (
    ts.isFunctionDeclaration(node) ||
    ts.isFunctionExpression(node) ||
    ts.isArrowFunction(node) ||
    ts.isMethodDeclaration(node) ||
    ts.isConstructorDeclaration(node) ||
    ts.isGetAccessorDeclaration(node) ||
    ts.isSetAccessorDeclaration(node)
  );
}

/** The static text of a string literal or a template without substitutions. */
export function staticString(node: ts.Node | undefined): string | undefined {
  if (!node) return undefined;
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  return undefined;
}

/** The static name of a property name node (`a`, `'a'`, `['a']`, `#a`). */
export function propertyNameText(name: ts.PropertyName | ts.MemberName | undefined): string | undefined {
  if (!name) return undefined;
  if (
    ts.isIdentifier(name) ||
    ts.isPrivateIdentifier(name) ||
    ts.isStringLiteral(name) ||
    ts.isNumericLiteral(name) ||
    ts.isNoSubstitutionTemplateLiteral(name)
  )
    return name.text;
  if (ts.isComputedPropertyName(name)) return staticString(name.expression);
  return undefined;
}

/** The static name of a member access: `a.b` → `b`, `a['b']` → `b`. */
export function memberName(node: ts.Node): string | undefined {
  if (ts.isPropertyAccessExpression(node)) return node.name.text;
  if (ts.isElementAccessExpression(node)) return staticString(node.argumentExpression);
  return undefined;
}

/** Has an `export` (or `export default`) modifier. */
export function hasExportModifier(node: ts.Node): boolean {
  return (
    ts.canHaveModifiers(node) &&
    (ts.getModifiers(node) ?? []).some(modifier => modifier.kind === ts.SyntaxKind.ExportKeyword)
  );
}

export function hasModifier(node: ts.Node, kind: ts.SyntaxKind): boolean {
  return ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some(modifier => modifier.kind === kind);
}

/**
 * The module-level unit a declaration belongs to: the top-level function, class, interface,
 * type alias, enum, namespace, or variable declarator. Undefined for locals and parameters.
 */
export function topLevelUnit(declaration: ts.Node): ts.Node | undefined {
  let current: ts.Node = declaration;
  while (current.parent && !ts.isSourceFile(current.parent)) {
    // `declare module 'x' { … }` / namespaces: a member of a top-level namespace belongs to it.
    current = current.parent;
  }
  if (!current.parent) return undefined;
  if (ts.isVariableStatement(current)) {
    // The declarator that holds the declaration (destructuring declares several names at once).
    for (const declarator of current.declarationList.declarations)
      if (declarator.pos <= declaration.pos && declaration.end <= declarator.end) return declarator;
    return current.declarationList.declarations[0];
  }
  if (ts.isExpressionStatement(current)) {
    // CommonJS: `exports.x = …`, `module.exports = …`.
    return current;
  }
  if (
    ts.isFunctionDeclaration(current) ||
    ts.isClassDeclaration(current) ||
    ts.isInterfaceDeclaration(current) ||
    ts.isTypeAliasDeclaration(current) ||
    ts.isEnumDeclaration(current) ||
    ts.isModuleDeclaration(current) ||
    ts.isExportAssignment(current)
  ) {
    return current;
  }
  return undefined;
}

/** A declaration is a local of some function (not module-level), even when inside a top-level unit. */
export function isModuleLevel(declaration: ts.Node): boolean {
  for (let current = declaration.parent; current && !ts.isSourceFile(current); current = current.parent) {
    if (isFunctionLike(current) || ts.isBlock(current) || ts.isClassStaticBlockDeclaration(current))
      return false;
    if (
      ts.isCatchClause(current) ||
      ts.isForStatement(current) ||
      ts.isForOfStatement(current) ||
      ts.isForInStatement(current)
    )
      return false;
  }
  return true;
}

export function unitName(unit: ts.Node): string {
  if (ts.isVariableDeclaration(unit))
    return ts.isIdentifier(unit.name) ? unit.name.text : unit.name.getText();
  if (ts.isExportAssignment(unit)) return 'default';
  if (ts.isExpressionStatement(unit))
    return unit.expression.getText().slice(0, 40).split(/\s*=/)[0] ?? 'statement';
  const name = (unit as ts.NamedDeclaration).name;
  if (name && (ts.isIdentifier(name) || ts.isStringLiteral(name))) return name.text;
  return 'default';
}

export function unitKind(unit: ts.Node): DeclarationKind {
  if (ts.isFunctionDeclaration(unit)) return 'function';
  if (ts.isClassDeclaration(unit)) return 'class';
  if (ts.isInterfaceDeclaration(unit)) return 'interface';
  if (ts.isTypeAliasDeclaration(unit)) return 'type';
  if (ts.isEnumDeclaration(unit)) return 'enum';
  if (ts.isModuleDeclaration(unit)) return 'namespace';
  if (ts.isExportAssignment(unit)) {
    // `export default (x) => …`, `export default class {}`: anonymous, but not unknown.
    const value = unwrap(unit.expression);
    if (ts.isArrowFunction(value) || ts.isFunctionExpression(value)) return 'function';
    if (ts.isClassExpression(value)) return 'class';
    return 'variable';
  }
  if (ts.isVariableDeclaration(unit)) {
    const init = unit.initializer ? unwrap(unit.initializer) : undefined;
    return init && (ts.isArrowFunction(init) || ts.isFunctionExpression(init)) ? 'function' : 'variable';
  }
  return 'unknown';
}

/** True for declarations that exist only in the type system. */
export function isTypeOnlyUnit(unit: ts.Node): boolean {
  if (ts.isInterfaceDeclaration(unit) || ts.isTypeAliasDeclaration(unit)) return true;
  if (hasModifier(unit, ts.SyntaxKind.DeclareKeyword)) return true;
  if (ts.isVariableDeclaration(unit) && hasModifier(unit.parent.parent, ts.SyntaxKind.DeclareKeyword))
    return true;
  return unit.getSourceFile().isDeclarationFile;
}

/** Visits every descendant node (depth first), stopping below a node when `visit` returns false. */
export function walk(node: ts.Node, visit: (node: ts.Node) => boolean | void): void {
  const recurse = (current: ts.Node): void => {
    if (visit(current) === false) return;
    ts.forEachChild(current, recurse);
  };
  ts.forEachChild(node, recurse);
}

/** The innermost node at a position in a file. */
export function nodeAt(sourceFile: ts.SourceFile, position: number): ts.Node {
  let found: ts.Node = sourceFile;
  const visit = (node: ts.Node): void => {
    if (node.getStart(sourceFile) <= position && position < node.end) {
      found = node;
      ts.forEachChild(node, visit);
    }
  };
  ts.forEachChild(sourceFile, visit);
  return found;
}

/** The nearest enclosing function-like node. */
export function enclosingFunction(node: ts.Node): ts.FunctionLikeDeclaration | undefined {
  for (let current = node.parent; current; current = current.parent)
    if (isFunctionLike(current)) return current;
  return undefined;
}

/** A readable name for a function: its own name, the variable or property it is assigned to, or `<anonymous>`. */
export function functionName(fn: ts.FunctionLikeDeclaration): string {
  if (ts.isConstructorDeclaration(fn)) return `${className(fn.parent)}.constructor`;
  if (
    (ts.isMethodDeclaration(fn) || ts.isGetAccessorDeclaration(fn) || ts.isSetAccessorDeclaration(fn)) &&
    ts.isClassLike(fn.parent)
  ) {
    return `${className(fn.parent)}.${propertyNameText(fn.name) ?? '?'}`;
  }
  if (fn.name && ts.isIdentifier(fn.name)) return fn.name.text;
  const parent = fn.parent;
  if (ts.isVariableDeclaration(parent) && ts.isIdentifier(parent.name)) return parent.name.text;
  if (ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent))
    return propertyNameText(parent.name) ?? '<anonymous>';
  if (ts.isCallExpression(parent)) {
    const callee = parent.expression;
    const name = ts.isPropertyAccessExpression(callee)
      ? callee.name.text
      : ts.isIdentifier(callee)
        ? callee.text
        : 'call';
    return `<callback of ${name}>`;
  }
  return '<anonymous>';
}

function className(node: ts.Node): string {
  return ts.isClassLike(node) && node.name ? node.name.text : '<class>';
}

/** `checker.typeToString` without truncation, shortened for reports. */
export function typeText(checker: ts.TypeChecker, type: ts.Type, limit = 120): string {
  const text = checker.typeToString(
    type,
    undefined,
    ts.TypeFormatFlags.NoTruncation | ts.TypeFormatFlags.UseAliasDefinedOutsideCurrentScope,
  );
  return text.length > limit ? `${text.slice(0, limit - 1)}…` : text;
}

/** True when a symbol is an import/export alias. */
export function isAlias(symbol: ts.Symbol): boolean {
  return (symbol.flags & ts.SymbolFlags.Alias) !== 0;
}

/** Follows import/export aliases to the symbol they stand for (the symbol itself when unresolved). */
export function resolveAlias(checker: ts.TypeChecker, symbol: ts.Symbol): ts.Symbol {
  if (!isAlias(symbol)) return symbol;
  try {
    const target = checker.getAliasedSymbol(symbol);
    return target.flags & ts.SymbolFlags.Alias || !target.declarations ? symbol : target;
  } catch {
    return symbol;
  }
}

/** The module specifier of the import that declares an alias symbol, if it is one. */
export function importSpecifierOf(
  symbol: ts.Symbol,
): { specifier: string; typeOnly: boolean; imported: string | undefined } | undefined {
  const declaration = symbol.declarations?.[0];
  if (!declaration) return undefined;
  let importDeclaration: ts.ImportDeclaration | undefined;
  let imported: string | undefined;
  let typeOnly = false;
  if (ts.isImportSpecifier(declaration)) {
    importDeclaration = declaration.parent.parent.parent as ts.ImportDeclaration;
    imported = (declaration.propertyName ?? declaration.name).text;
    typeOnly = declaration.isTypeOnly;
  } else if (ts.isImportClause(declaration)) {
    importDeclaration = declaration.parent as ts.ImportDeclaration;
    imported = 'default';
  } else if (ts.isNamespaceImport(declaration)) {
    importDeclaration = declaration.parent.parent as ts.ImportDeclaration;
    imported = undefined;
  } else if (
    ts.isImportEqualsDeclaration(declaration) &&
    ts.isExternalModuleReference(declaration.moduleReference)
  ) {
    const specifier = staticString(declaration.moduleReference.expression);
    return specifier === undefined
      ? undefined
      : { specifier, typeOnly: declaration.isTypeOnly, imported: undefined };
  } else if (ts.isExportSpecifier(declaration)) {
    const exportDeclaration = declaration.parent.parent;
    const specifier = exportDeclaration.moduleSpecifier
      ? staticString(exportDeclaration.moduleSpecifier)
      : undefined;
    return specifier === undefined
      ? undefined
      : {
          specifier,
          typeOnly: declaration.isTypeOnly || exportDeclaration.isTypeOnly,
          imported: (declaration.propertyName ?? declaration.name).text,
        };
  }
  if (!importDeclaration) return undefined;
  const specifier = staticString(importDeclaration.moduleSpecifier);
  if (specifier === undefined) return undefined;
  typeOnly ||= importDeclaration.importClause?.isTypeOnly ?? false;
  return { specifier, typeOnly, imported };
}

/** `pg` from `pg/lib/x`, `@scope/name` from `@scope/name/deep`; builtins keep their `node:` form. */
export function packageNameOf(specifier: string): string {
  if (specifier.startsWith('node:')) return specifier;
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] as string);
}

export function isRelative(specifier: string): boolean {
  return specifier.startsWith('.') || specifier.startsWith('/');
}

/** True when a node sits in a type position (an annotation, a type alias body, an interface). */
/** True for declaration nodes (what `ts.isDeclaration` does internally). */
export function isDeclarationNode(node: ts.Node): node is ts.NamedDeclaration {
  return (
    ts.isVariableDeclaration(node) ||
    ts.isParameter(node) ||
    ts.isBindingElement(node) ||
    ts.isFunctionDeclaration(node) ||
    ts.isFunctionExpression(node) ||
    ts.isClassLike(node) ||
    ts.isInterfaceDeclaration(node) ||
    ts.isTypeAliasDeclaration(node) ||
    ts.isEnumDeclaration(node) ||
    ts.isEnumMember(node) ||
    ts.isModuleDeclaration(node) ||
    ts.isMethodDeclaration(node) ||
    ts.isMethodSignature(node) ||
    ts.isPropertyDeclaration(node) ||
    ts.isPropertySignature(node) ||
    ts.isPropertyAssignment(node) ||
    ts.isGetAccessorDeclaration(node) ||
    ts.isSetAccessorDeclaration(node) ||
    ts.isTypeParameterDeclaration(node) ||
    ts.isImportSpecifier(node) ||
    ts.isExportSpecifier(node) ||
    ts.isNamespaceImport(node) ||
    ts.isImportClause(node) ||
    ts.isImportEqualsDeclaration(node) ||
    ts.isJsxAttribute(node)
  );
}

export function isInTypePosition(node: ts.Node): boolean {
  for (let current = node.parent; current; current = current.parent) {
    if (
      ts.isTypeNode(current) ||
      ts.isHeritageClause(current) ||
      ts.isInterfaceDeclaration(current) ||
      ts.isTypeAliasDeclaration(current)
    )
      return true;
    if (ts.isExpression(current) && !ts.isExpressionWithTypeArguments(current)) return false;
    if (ts.isStatement(current) || ts.isSourceFile(current)) return false;
  }
  return false;
}
