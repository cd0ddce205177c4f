// The exact wire description of an export, for `extract`: its parameters and result as
// `WireType`s (the plain-data type language @faultline/runtime's codec walks), the named types
// they use, the error classes it throws with their fields, and the library files the closure
// needs (for `--mode move`). The hazard walk (wire-types.ts) says what stands in the way; this
// walk says exactly what crosses, and marks what it cannot describe as `unsupported` with a
// reason the planner turns into a refusal. No ts node leaves this file.
import path from 'node:path';

import type { WireProperty, WireType } from '@faultline/runtime/wire';
import { ts } from 'ts-morph';

import type { Location } from './model.js';
import { type Context, locate, relativeFile, typeText } from './ts-util.js';

/** A type the walk could not describe, with where and why. */
export interface WireProblem {
  path: string;
  type: string;
  reason: string;
}

export interface WireParameter {
  name: string;
  type: WireType;
  optional: boolean;
  rest: boolean;
  /** An AbortSignal parameter: not sent, the remote call's deadline signal takes its place. */
  signal: boolean;
}

/** A thrown error class of the library and the fields its instances carry. */
export interface WireErrorClass {
  name: string;
  /** Public instance fields (constructor parameter properties and declared fields). */
  fields: { name: string; type: WireType }[];
  /** The name consumers import it by from the library's entry, when it is exported there. */
  exportedAs?: string;
  location: Location;
}

/** Everything `extract` needs to know about an export's signature, as plain data. */
export interface WireSignature {
  parameters: WireParameter[];
  /** The awaited result. */
  result: WireType;
  returnsPromise: boolean;
  /** Named types the parameters and result refer to, by (unique) name. */
  definitions: Record<string, WireType>;
  /** The export's JSDoc, as text. */
  description?: string;
  /** Descriptions of named types and their properties (`Order`, `Order.placedAt`). */
  docs: Record<string, string>;
  errors: WireErrorClass[];
  problems: WireProblem[];
}

const BINARY: Readonly<Record<string, 'Uint8Array' | 'Buffer' | 'ArrayBuffer'>> = {
  Uint8Array: 'Uint8Array',
  Buffer: 'Buffer',
  ArrayBuffer: 'ArrayBuffer',
};
const MAX_DEPTH = 24;

interface Walk {
  ctx: Context;
  definitions: Record<string, WireType>;
  docs: Record<string, string>;
  /** Named type → definition name, so each named type is described once (and recursion ends). */
  named: Map<ts.Type, string>;
  problems: WireProblem[];
}

function docText(symbol: ts.Symbol | undefined, checker: ts.TypeChecker): string | undefined {
  if (!symbol) return undefined;
  const text = ts.displayPartsToString(symbol.getDocumentationComment(checker)).trim();
  return text || undefined;
}

function isFromDefaultLib(ctx: Context, symbol: ts.Symbol): boolean {
  const file = symbol.declarations?.[0]?.getSourceFile();
  if (!file) return false;
  return (
    ctx.program.isSourceFileDefaultLibrary(file) ||
    /[\\/]node_modules[\\/](?:@types[\\/]node|undici-types|typescript)[\\/]/.test(file.fileName)
  );
}

function problem(w: Walk, at: string, type: ts.Type, reason: string): WireType {
  w.problems.push({ path: at, type: typeText(w.ctx.checker, type), reason });
  return { kind: 'unknown' };
}

/** A name usable as a TypeScript identifier and unique among the definitions. */
function definitionName(w: Walk, wanted: string): string {
  const base = /^[A-Za-z_$][\w$]*$/.test(wanted) ? wanted : 'Type';
  let name = base;
  for (let index = 2; name in w.definitions; index++) name = `${base}${index}`;
  return name;
}

function describeObject(w: Walk, type: ts.Type, at: string, depth: number): WireType {
  const checker = w.ctx.checker;
  if (type.getCallSignatures().length > 0) return problem(w, at, type, 'a function cannot cross the network');
  const properties: WireProperty[] = [];
  for (const symbol of checker.getPropertiesOfType(type)) {
    const declaration = symbol.valueDeclaration ?? symbol.declarations?.[0];
    if (declaration && (ts.isMethodDeclaration(declaration) || ts.isMethodSignature(declaration)))
      return problem(w, `${at}.${symbol.name}`, type, 'a method cannot cross the network');
    if (declaration && ts.isGetAccessor(declaration))
      return problem(w, `${at}.${symbol.name}`, type, 'an accessor is not data');
    const modifiers = declaration ? ts.getCombinedModifierFlags(declaration as ts.Declaration) : 0;
    if (modifiers & (ts.ModifierFlags.Private | ts.ModifierFlags.Protected))
      return problem(w, `${at}.${symbol.name}`, type, 'non-public state cannot cross the network');
    if (symbol.name.startsWith('__@'))
      return problem(w, at, type, 'symbol-keyed members cannot cross the network');
    const propertyType = checker.getTypeOfSymbol(symbol);
    const optional = (symbol.flags & ts.SymbolFlags.Optional) !== 0;
    properties.push({
      name: symbol.name,
      type: describe(w, propertyType, `${at}.${symbol.name}`, depth + 1, optional),
      optional,
    });
  }
  const index = checker.getIndexInfosOfType(type);
  let additional: WireType | undefined;
  for (const info of index) {
    if (info.keyType.flags & ts.TypeFlags.String || info.keyType.flags & ts.TypeFlags.Number)
      additional = describe(w, info.type, `${at}[key]`, depth + 1);
    else return problem(w, at, type, 'only string-keyed index signatures can cross the network');
  }
  return additional === undefined
    ? { kind: 'object', properties }
    : { kind: 'object', properties, additional };
}

/** Drops `undefined` from an optional property's type: optionality already says it. */
function withoutUndefined(type: WireType): WireType {
  if (type.kind !== 'union') return type;
  const members = type.members.filter(member => member.kind !== 'undefined');
  return members.length === 1 ? (members[0] as WireType) : { kind: 'union', members };
}

function describe(w: Walk, type: ts.Type, at: string, depth: number, optional = false): WireType {
  const described = describeType(w, type, at, depth);
  return optional ? withoutUndefined(described) : described;
}

function describeType(w: Walk, type: ts.Type, at: string, depth: number): WireType {
  const { checker } = w.ctx;
  if (depth > MAX_DEPTH) return problem(w, at, type, 'the type is nested too deeply to describe');
  const flags = type.flags;
  if (flags & ts.TypeFlags.Any) return problem(w, at, type, '`any` says nothing about what crosses');
  if (flags & ts.TypeFlags.Unknown) return { kind: 'unknown' };
  if (flags & ts.TypeFlags.StringLiteral)
    return { kind: 'literal', value: (type as ts.StringLiteralType).value };
  if (flags & ts.TypeFlags.NumberLiteral)
    return { kind: 'literal', value: (type as ts.NumberLiteralType).value };
  if (flags & ts.TypeFlags.BooleanLiteral)
    return {
      kind: 'literal',
      value: (type as unknown as { intrinsicName: string }).intrinsicName === 'true',
    };
  if (flags & ts.TypeFlags.BigIntLiteral) return { kind: 'bigint' };
  if (flags & ts.TypeFlags.String || flags & ts.TypeFlags.TemplateLiteral) return { kind: 'string' };
  if (flags & ts.TypeFlags.Number) return { kind: 'number' };
  if (flags & ts.TypeFlags.Boolean) return { kind: 'boolean' };
  if (flags & ts.TypeFlags.BigInt) return { kind: 'bigint' };
  if (flags & ts.TypeFlags.Null) return { kind: 'null' };
  if (flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Void)) return { kind: 'undefined' };
  if (flags & ts.TypeFlags.ESSymbolLike) return problem(w, at, type, 'a symbol cannot cross the network');
  if (flags & ts.TypeFlags.Never) return problem(w, at, type, '`never` has no values to send');
  if (flags & ts.TypeFlags.EnumLiteral && type.isUnion())
    return { kind: 'union', members: type.types.map(member => describeType(w, member, at, depth + 1)) };
  if (
    type.isUnion() &&
    type.aliasSymbol &&
    !type.aliasTypeArguments?.length &&
    !isFromDefaultLib(w.ctx, type.aliasSymbol)
  ) {
    // A named union (`type Region = 'eu' | 'uk'`) keeps its name in the generated types.
    const known = w.named.get(type);
    if (known !== undefined) return { kind: 'ref', name: known };
    const definition = definitionName(w, type.aliasSymbol.name);
    w.named.set(type, definition);
    w.definitions[definition] = { kind: 'unknown' };
    w.definitions[definition] = describeUnion(w, type, at, depth);
    const doc = docText(type.aliasSymbol, checker);
    if (doc) w.docs[definition] = doc;
    return { kind: 'ref', name: definition };
  }
  if (type.isUnion()) return describeUnion(w, type, at, depth);
  return describeNonUnion(w, type, at, depth);
}

function describeUnion(w: Walk, type: ts.UnionType, at: string, depth: number): WireType {
  {
    // `boolean` inside a union arrives as `true | false`: fold it back.
    const members: WireType[] = [];
    let trues = false;
    let falses = false;
    for (const member of type.types) {
      const described = describeType(w, member, at, depth + 1);
      if (described.kind === 'literal' && described.value === true) trues = true;
      else if (described.kind === 'literal' && described.value === false) falses = true;
      else members.push(described);
    }
    if (trues && falses) members.push({ kind: 'boolean' });
    else if (trues) members.push({ kind: 'literal', value: true });
    else if (falses) members.push({ kind: 'literal', value: false });
    return members.length === 1 ? (members[0] as WireType) : { kind: 'union', members };
  }
}

function describeNonUnion(w: Walk, type: ts.Type, at: string, depth: number): WireType {
  const { checker } = w.ctx;
  const flags = type.flags;
  if (type.isIntersection()) {
    if (type.types.some(member => member.getCallSignatures().length > 0))
      return problem(w, at, type, 'a function cannot cross the network');
    return describeObject(w, type, at, depth);
  }
  if (flags & ts.TypeFlags.TypeParameter)
    return problem(w, at, type, 'a type parameter has no concrete shape');

  const symbol = type.getSymbol() ?? type.aliasSymbol;
  const name = symbol?.name;
  if (symbol && name && isFromDefaultLib(w.ctx, symbol)) {
    if (name === 'Date') return { kind: 'date' };
    const flavor = BINARY[name];
    if (flavor) return { kind: 'binary', flavor };
    if (name === 'Promise') return problem(w, at, type, 'a promise nested in data cannot cross the network');
    const typeArguments = checker.getTypeArguments(type as ts.TypeReference);
    if (name === 'Map' || name === 'ReadonlyMap') {
      const [key, value] = typeArguments;
      if (!key || !value) return problem(w, at, type, 'a Map without type arguments');
      return {
        kind: 'map',
        key: describeType(w, key, `${at}<key>`, depth + 1),
        value: describeType(w, value, `${at}<value>`, depth + 1),
      };
    }
    if (name === 'Set' || name === 'ReadonlySet') {
      const [item] = typeArguments;
      if (!item) return problem(w, at, type, 'a Set without a type argument');
      return { kind: 'set', items: describeType(w, item, `${at}<item>`, depth + 1) };
    }
    if (name === 'Array' || name === 'ReadonlyArray') {
      const [item] = typeArguments;
      return {
        kind: 'array',
        items: item ? describeType(w, item, `${at}[]`, depth + 1) : { kind: 'unknown' },
      };
    }
    if (
      name !== 'Object' &&
      name !== '__type' &&
      name !== '__object' &&
      !(symbol.flags & ts.SymbolFlags.TypeLiteral)
    )
      return problem(w, at, type, `a ${name} has no codec`);
  }
  if (checker.isTupleType(type)) {
    const target = (type as ts.TypeReference).target as ts.TupleType;
    const elements = checker.getTypeArguments(type as ts.TypeReference);
    const items: WireType[] = [];
    let rest: WireType | undefined;
    let required = 0;
    elements.forEach((element, index) => {
      const elementFlags = target.elementFlags[index] ?? ts.ElementFlags.Required;
      const described = describeType(w, element, `${at}[${index}]`, depth + 1);
      if (elementFlags & ts.ElementFlags.Variable) rest = described;
      else {
        items.push(described);
        if (elementFlags & ts.ElementFlags.Required) required = items.length;
      }
    });
    return rest === undefined ? { kind: 'tuple', items, required } : { kind: 'tuple', items, required, rest };
  }
  if (checker.isArrayType(type)) {
    const [item] = checker.getTypeArguments(type as ts.TypeReference);
    return { kind: 'array', items: item ? describeType(w, item, `${at}[]`, depth + 1) : { kind: 'unknown' } };
  }
  if (flags & ts.TypeFlags.Object) {
    const objectFlags = (type as ts.ObjectType).objectFlags;
    if (symbol && symbol.flags & ts.SymbolFlags.Class && !(objectFlags & ts.ObjectFlags.Anonymous))
      return problem(
        w,
        at,
        type,
        `an instance of class ${symbol.name} cannot cross the network (its prototype is lost)`,
      );
    // Named interfaces and aliases become definitions: described once, recursion ends at a ref.
    const alias = type.aliasSymbol;
    const named =
      alias ??
      (symbol && symbol.flags & (ts.SymbolFlags.Interface | ts.SymbolFlags.Class) ? symbol : undefined);
    if (
      named &&
      !(type.aliasTypeArguments?.length || checker.getTypeArguments(type as ts.TypeReference).length)
    ) {
      const known = w.named.get(type);
      if (known !== undefined) return { kind: 'ref', name: known };
      const definition = definitionName(w, named.name);
      w.named.set(type, definition);
      w.definitions[definition] = { kind: 'unknown' };
      const described = describeObject(w, type, at, depth);
      w.definitions[definition] = described;
      const doc = docText(named, checker);
      if (doc) w.docs[definition] = doc;
      for (const property of checker.getPropertiesOfType(type)) {
        const propertyDoc = docText(property, checker);
        if (propertyDoc) w.docs[`${definition}.${property.name}`] = propertyDoc;
      }
      return { kind: 'ref', name: definition };
    }
    return describeObject(w, type, at, depth);
  }
  return problem(w, at, type, 'this kind of type has no wire form');
}

function awaited(checker: ts.TypeChecker, type: ts.Type): { type: ts.Type; promise: boolean } {
  const symbol = type.getSymbol();
  if (symbol && (symbol.name === 'Promise' || symbol.name === 'PromiseLike')) {
    const [inner] = checker.getTypeArguments(type as ts.TypeReference);
    return { type: inner ?? checker.getUnknownType(), promise: true };
  }
  return { type, promise: false };
}

function isAbortSignal(ctx: Context, type: ts.Type): boolean {
  const base = ctx.checker.getNonNullableType(type);
  const symbol = base.getSymbol();
  return symbol?.name === 'AbortSignal' && isFromDefaultLib(ctx, symbol);
}

function errorFields(w: Walk, declaration: ts.ClassLikeDeclaration): WireErrorClass['fields'] {
  const { checker } = w.ctx;
  const fields: WireErrorClass['fields'] = [];
  const seen = new Set(['name', 'message', 'stack', 'cause']);
  const add = (name: string, node: ts.Node): void => {
    if (seen.has(name)) return;
    seen.add(name);
    fields.push({
      name,
      type: describeType(
        w,
        checker.getTypeAtLocation(node),
        `${declaration.name?.text ?? 'error'}.${name}`,
        1,
      ),
    });
  };
  for (const member of declaration.members) {
    if (ts.isConstructorDeclaration(member))
      for (const parameter of member.parameters) {
        const flags = ts.getCombinedModifierFlags(parameter);
        if (
          flags & ts.ModifierFlags.ParameterPropertyModifier &&
          !(flags & (ts.ModifierFlags.Private | ts.ModifierFlags.Protected))
        )
          if (ts.isIdentifier(parameter.name)) add(parameter.name.text, parameter);
      }
    if (ts.isPropertyDeclaration(member) && member.name && ts.isIdentifier(member.name)) {
      const flags = ts.getCombinedModifierFlags(member);
      if (!(flags & (ts.ModifierFlags.Private | ts.ModifierFlags.Protected | ts.ModifierFlags.Static)))
        add(member.name.text, member);
    }
  }
  return fields;
}

/**
 * Describes an export's one call signature exactly as it crosses the wire, with the error classes
 * it throws (`thrown`, from the FL601 findings) and how the library's entry exports them.
 */
export function describeSignature(
  ctx: Context,
  signature: ts.Signature,
  exportSymbol: ts.Symbol,
  thrown: readonly string[],
  entry: ts.SourceFile,
): WireSignature {
  const { checker } = ctx;
  const w: Walk = { ctx, definitions: {}, docs: {}, named: new Map(), problems: [] };
  const parameters: WireParameter[] = signature.getParameters().map((parameter, index) => {
    const declaration = parameter.valueDeclaration as ts.ParameterDeclaration | undefined;
    const type = checker.getTypeOfSymbol(parameter);
    const rest = declaration?.dotDotDotToken !== undefined;
    const optional =
      declaration !== undefined &&
      (declaration.questionToken !== undefined || declaration.initializer !== undefined);
    const name = /^[A-Za-z_$][\w$]*$/.test(parameter.name) ? parameter.name : `arg${index}`;
    if (isAbortSignal(ctx, type))
      return { name, type: { kind: 'unknown' }, optional: true, rest: false, signal: true };
    return { name, type: describe(w, type, `args[${index}]`, 0, optional), optional, rest, signal: false };
  });
  const { type: resultType, promise } = awaited(checker, signature.getReturnType());
  const result = describeType(w, resultType, 'result', 0);

  const entrySymbol = checker.getSymbolAtLocation(entry);
  const entryExports = entrySymbol ? checker.getExportsOfModule(entrySymbol) : [];
  const errors: WireErrorClass[] = [];
  for (const name of [...new Set(thrown)].sort()) {
    const exported = entryExports.find(candidate => {
      const target = candidate.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(candidate) : candidate;
      return target.name === name && target.flags & ts.SymbolFlags.Class;
    });
    const target =
      exported && (exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported);
    const declaration = target?.declarations?.find(ts.isClassLike);
    if (!declaration) continue;
    const errorClass: WireErrorClass = {
      name,
      fields: errorFields(w, declaration),
      location: locate(ctx, declaration),
    };
    if (exported) errorClass.exportedAs = exported.name;
    errors.push(errorClass);
  }
  const description = docText(exportSymbol, checker);
  const out: WireSignature = {
    parameters,
    result,
    returnsPromise: promise,
    definitions: w.definitions,
    docs: w.docs,
    errors,
    problems: w.problems,
  };
  if (description) out.description = description;
  return out;
}

/** A library file `--mode move` copies, and how each of its imports resolves. */
export interface ModuleFile {
  /** Relative to the repository root. */
  file: string;
  imports: {
    specifier: string;
    target: { kind: 'file'; file: string } | { kind: 'package'; name: string };
  }[];
}

/**
 * The files the closure lives in, plus every library file they import (a whole file is copied,
 * so everything its other declarations import must come too).
 */
export function collectModuleFiles(ctx: Context, closureFiles: readonly string[]): ModuleFile[] {
  const queue = closureFiles.map(file => path.resolve(ctx.root, file));
  const seen = new Set<string>();
  const out: ModuleFile[] = [];
  while (queue.length > 0) {
    const fileName = queue.shift() as string;
    if (seen.has(fileName)) continue;
    seen.add(fileName);
    const sourceFile = ctx.program.getSourceFile(fileName);
    if (!sourceFile) continue;
    const imports: ModuleFile['imports'] = [];
    const visit = (specifierNode: ts.Expression | undefined): void => {
      if (!specifierNode || !ts.isStringLiteralLike(specifierNode)) return;
      const specifier = specifierNode.text;
      const resolved = ts.resolveModuleName(
        specifier,
        fileName,
        ctx.program.getCompilerOptions(),
        ts.sys,
      ).resolvedModule;
      if (
        resolved &&
        !resolved.isExternalLibraryImport &&
        ctx.libraryFiles.has(path.resolve(resolved.resolvedFileName))
      ) {
        imports.push({
          specifier,
          target: { kind: 'file', file: relativeFile(ctx, resolved.resolvedFileName) },
        });
        queue.push(path.resolve(resolved.resolvedFileName));
      } else {
        const name = specifier.startsWith('@')
          ? specifier.split('/').slice(0, 2).join('/')
          : (specifier.split('/')[0] ?? specifier);
        imports.push({ specifier, target: { kind: 'package', name } });
      }
    };
    for (const statement of sourceFile.statements)
      if (ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement))
        visit(statement.moduleSpecifier);
    out.push({ file: relativeFile(ctx, fileName), imports });
  }
  return out.sort((a, b) => a.file.localeCompare(b.file));
}
