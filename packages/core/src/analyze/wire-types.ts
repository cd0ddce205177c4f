// What crosses the network when an export becomes a remote call: its parameters and its result
// (the awaited value of a promise). Walks each type and reports, with the path from the
// argument (`args[0].onProgress`), what cannot cross at all (functions, class instances with
// methods, symbols, streams, nested promises), what needs a codec (Date, bigint, Map, Set,
// binary, `undefined` versus missing), and where `any`/`unknown` hide the answer.
import { ts } from 'ts-morph';

import { type HazardCode, codeInfo } from './codes.js';
import type { Hazard, Unknown } from './model.js';
import { type Context, locate, typeText } from './ts-util.js';

const MAX_DEPTH = 8;
const MAX_FINDINGS = 60;
/** More methods than this on one object: one finding for the object instead of one per method. */
const MAX_METHODS_LISTED = 4;

const STREAMS = new Set([
  'Readable',
  'Writable',
  'Duplex',
  'Transform',
  'PassThrough',
  'Stream',
  'ReadableStream',
  'WritableStream',
  'TransformStream',
  'Iterable',
  'AsyncIterable',
  'AsyncIterableIterator',
  'AsyncIterator',
  'AsyncGenerator',
  'Iterator',
  'IterableIterator',
  'Generator',
  'ArrayIterator',
  'MapIterator',
  'SetIterator',
]);
const BINARY = new Set([
  'Uint8Array',
  'Uint8ClampedArray',
  'Uint16Array',
  'Uint32Array',
  'Int8Array',
  'Int16Array',
  'Int32Array',
  'Float32Array',
  'Float64Array',
  'BigInt64Array',
  'BigUint64Array',
  'ArrayBuffer',
  'SharedArrayBuffer',
  'DataView',
  'Buffer',
  'Blob',
  'File',
]);
const NOT_SERIALIZABLE = new Set([
  'WeakMap',
  'WeakSet',
  'WeakRef',
  'FinalizationRegistry',
  'AbortController',
  'EventTarget',
  'MessagePort',
  'Worker',
  'Socket',
  'Server',
  'EventEmitter',
  'Response',
  'Request',
  'IncomingMessage',
  'ServerResponse',
  'ClientRequest',
]);
const OTHER_CODEC = new Set([
  'RegExp',
  'URL',
  'URLSearchParams',
  'Error',
  'TypeError',
  'RangeError',
  'SyntaxError',
  'AggregateError',
  'DOMException',
  'Headers',
  'FormData',
]);

export interface WireFinding {
  code: HazardCode;
  path: string;
  type: string;
  node: ts.Node;
  message: string;
}

interface Walk {
  ctx: Context;
  /** The global Date type (to recognise Date subtypes and look-alikes); null when the lib has none. */
  dateType?: ts.Type | null;
  findings: WireFinding[];
  unknowns: Unknown[];
  stack: Set<ts.Type>;
  anchor: ts.Node;
  truncated: boolean;
  javascript: boolean;
}

/** True when a type comes from TypeScript's default lib or @types/node (a built-in, not a user class). */
function isBuiltinSymbol(ctx: Context, symbol: ts.Symbol): boolean {
  const declaration = symbol.declarations?.[0];
  if (!declaration) return false;
  const sourceFile = declaration.getSourceFile();
  return (
    ctx.program.isSourceFileDefaultLibrary(sourceFile) ||
    /[\\/]node_modules[\\/](?:@types[\\/]node|undici-types|typescript)[\\/]/.test(sourceFile.fileName) ||
    /[\\/]lib\.[\w.]*\.d\.ts$/.test(sourceFile.fileName)
  );
}

/**
 * A property's name as a path segment: `.name`, `[Symbol.iterator]` for well-known symbols
 * (TypeScript names them `__@iterator@180` internally), `["a-b"]` for names that are not identifiers.
 */
export function propertySegment(symbol: ts.Symbol): string {
  const name = symbol.name;
  const known = /^__@(\w+)@\d+$/.exec(name);
  if (known) {
    const declaration = symbol.valueDeclaration ?? symbol.declarations?.[0];
    const computed =
      declaration &&
      (declaration as ts.NamedDeclaration).name &&
      ts.isComputedPropertyName((declaration as ts.NamedDeclaration).name as ts.Node)
        ? ((declaration as ts.NamedDeclaration).name as ts.ComputedPropertyName).expression.getText()
        : undefined;
    return `[${computed ?? `Symbol.${known[1]}`}]`;
  }
  if (name.startsWith('__#')) return `.#${name.replace(/^__#\d*@?#?/, '')}`;
  return /^[A-Za-z_$][\w$]*$/.test(name) ? `.${name}` : `[${JSON.stringify(name)}]`;
}

/** The global `Date` type, looked up once per walk. */
function globalDate(w: Walk): ts.Type | undefined {
  if (w.dateType === undefined) {
    const symbol = w.ctx.checker.resolveName('Date', undefined, ts.SymbolFlags.Type, false);
    w.dateType = symbol ? w.ctx.checker.getDeclaredTypeOfSymbol(symbol) : null;
  }
  return w.dateType ?? undefined;
}

/**
 * A Date in all but name: a class or interface extending Date, or a type that has every member
 * of Date. It crosses the network exactly as a Date does (an ISO string), so it is one FL201,
 * not one FL101 per Date method.
 */
function isDateLike(w: Walk, type: ts.Type): boolean {
  const date = globalDate(w);
  if (!date || type === date) return false;
  // Cheap first: a look-alike must have at least as many members as Date.
  if (w.ctx.checker.getPropertiesOfType(type).length < w.ctx.checker.getPropertiesOfType(date).length)
    return false;
  return w.ctx.checker.isTypeAssignableTo(type, date);
}

/**
 * For a generic mapped type over a type parameter constrained to an array or tuple
 * (`{ [P in keyof T]: T[number] }` with `T extends readonly number[]`): the element type of the
 * array it produces. TypeScript instantiates such mapped types as arrays, so walking its apparent
 * members (`push`, `pop`, …) would report array methods as functions.
 */
function arrayElementOfMappedType(checker: ts.TypeChecker, type: ts.Type): ts.Type | undefined {
  if (!((type as ts.ObjectType).objectFlags & ts.ObjectFlags.Mapped)) return undefined;
  const declaration = type.getSymbol()?.declarations?.[0];
  if (!declaration || !ts.isMappedTypeNode(declaration)) return undefined;
  const keys = declaration.typeParameter.constraint;
  if (!keys || !ts.isTypeOperatorNode(keys) || keys.operator !== ts.SyntaxKind.KeyOfKeyword) return undefined;
  const source = checker.getTypeFromTypeNode(keys.type);
  const sourceConstraint =
    source.flags & ts.TypeFlags.TypeParameter ? checker.getBaseConstraintOfType(source) : source;
  if (!sourceConstraint || !checker.isArrayLikeType(sourceConstraint)) return undefined;
  // The element is the template (`T[number]`, `T[P]`), read through its constraint.
  const template = declaration.type ? checker.getTypeFromTypeNode(declaration.type) : undefined;
  const element =
    template && template.flags & (ts.TypeFlags.IndexedAccess | ts.TypeFlags.TypeParameter)
      ? checker.getBaseConstraintOfType(template)
      : template;
  if (element) return element;
  return checker.getIndexTypeOfType(sourceConstraint, ts.IndexKind.Number);
}

function add(w: Walk, code: HazardCode, path: string, type: ts.Type, node: ts.Node, message: string): void {
  if (w.findings.length >= MAX_FINDINGS) {
    w.truncated = true;
    return;
  }
  if (w.findings.some(finding => finding.code === code && finding.path === path)) return;
  w.findings.push({ code, path, type: typeText(w.ctx.checker, type), node, message });
}

/** Where a property is declared, when it is in the library (a better place to point at than the parameter). */
function propertyAnchor(w: Walk, symbol: ts.Symbol): ts.Node {
  const declaration = symbol.valueDeclaration ?? symbol.declarations?.[0];
  if (declaration && w.ctx.libraryFiles.has(declaration.getSourceFile().fileName)) return declaration;
  return w.anchor;
}

function hasUndefined(type: ts.Type): boolean {
  return (
    type.isUnion() &&
    type.types.some(part => (part.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Void)) !== 0)
  );
}

/** Methods, accessors or non-public fields make a class instance more than data. */
function classBehaviour(checker: ts.TypeChecker, type: ts.Type): string | undefined {
  for (const property of checker.getPropertiesOfType(type)) {
    if (property.flags & ts.SymbolFlags.Method) return `method ${property.name}()`;
    if (property.flags & ts.SymbolFlags.Accessor) return `accessor ${property.name}`;
    if (property.name.startsWith('__#')) return `private field #${property.name.replace(/^__#\d*@?#?/, '')}`;
    const declaration = property.valueDeclaration;
    if (declaration && ts.canHaveModifiers(declaration)) {
      const modifiers = ts.getModifiers(declaration) ?? [];
      if (
        modifiers.some(
          modifier =>
            modifier.kind === ts.SyntaxKind.PrivateKeyword ||
            modifier.kind === ts.SyntaxKind.ProtectedKeyword,
        )
      )
        return `private field ${property.name}`;
    }
    if (declaration && ts.isPropertyDeclaration(declaration) && ts.isPrivateIdentifier(declaration.name))
      return `private field ${declaration.name.text}`;
  }
  return undefined;
}

function walkType(
  w: Walk,
  type: ts.Type,
  path: string,
  anchor: ts.Node,
  depth: number,
  position: { top: boolean; optional: boolean; inArray: boolean },
): void {
  const checker = w.ctx.checker;
  if (depth > MAX_DEPTH) {
    w.truncated = true;
    return;
  }
  const flags = type.flags;
  if (flags & ts.TypeFlags.Any) {
    if ((type as { intrinsicName?: string }).intrinsicName === 'error') {
      w.unknowns.push({
        code: 'FL905',
        name: codeInfo('FL905').name,
        message: `the type at ${path} cannot be resolved (a missing import or a type error), so what crosses there is not known.`,
        location: locate(w.ctx, anchor),
      });
    } else if (w.javascript) {
      w.unknowns.push({
        code: 'FL904',
        name: codeInfo('FL904').name,
        message: `${path} has no type (JavaScript without JSDoc): whether it can cross the network is not known.`,
        location: locate(w.ctx, anchor),
      });
    } else {
      add(
        w,
        'FL107',
        path,
        type,
        anchor,
        `${path} is \`any\`: nothing says whether it can cross the network.`,
      );
    }
    return;
  }
  if (flags & ts.TypeFlags.Unknown) {
    add(
      w,
      'FL108',
      path,
      type,
      anchor,
      `${path} is \`unknown\`: nothing says whether it can cross the network.`,
    );
    return;
  }
  if (flags & (ts.TypeFlags.ESSymbol | ts.TypeFlags.UniqueESSymbol)) {
    add(w, 'FL103', path, type, anchor, `${path} is a symbol: symbols have no serialised form.`);
    return;
  }
  if (flags & (ts.TypeFlags.BigInt | ts.TypeFlags.BigIntLiteral)) {
    add(w, 'FL202', path, type, anchor, `${path} is a bigint: JSON.stringify throws on it.`);
    return;
  }
  if (flags & ts.TypeFlags.TypeParameter) {
    const constraint = checker.getBaseConstraintOfType(type);
    if (constraint && constraint !== type && !(constraint.flags & ts.TypeFlags.Unknown))
      walkType(w, constraint, path, anchor, depth + 1, position);
    return;
  }
  if (type.isUnion()) {
    if (hasUndefined(type) && !position.top && !position.optional) {
      add(
        w,
        'FL206',
        path,
        type,
        anchor,
        position.inArray
          ? `${path} may hold \`undefined\`, which JSON turns into \`null\` inside arrays.`
          : `${path} may be \`undefined\` but is not optional: once serialised it becomes a missing property.`,
      );
    } else if (hasUndefined(type) && position.top && !position.optional) {
      const why =
        path === 'result'
          ? 'a JSON body cannot carry it (it arrives empty or as `null`)'
          : 'positional arguments serialise it as `null`';
      add(w, 'FL206', path, type, anchor, `${path} may be \`undefined\`: ${why}.`);
    }
    // `PropertyKey` and `keyof T` of a loose `T` (string | number | symbol): keys in practice are
    // strings; reporting the symbol member would block every `pick(obj, keys)`.
    const propertyKey =
      type.types.some(part => part.flags & ts.TypeFlags.StringLike) &&
      type.types.some(part => part.flags & ts.TypeFlags.NumberLike);
    for (const part of type.types) {
      if (part.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Null | ts.TypeFlags.Void)) continue;
      if (propertyKey && part.flags & (ts.TypeFlags.ESSymbol | ts.TypeFlags.UniqueESSymbol)) continue;
      walkType(w, part, path, anchor, depth + 1, { ...position, optional: false });
    }
    return;
  }
  if (type.isIntersection()) {
    for (const part of type.types) walkType(w, part, path, anchor, depth + 1, position);
    return;
  }
  if (!(flags & ts.TypeFlags.Object)) return; // primitives, literals, enums, null, void, never
  if (w.stack.has(type)) return; // a recursive type: its shape was already walked on this path
  w.stack.add(type);
  try {
    walkObject(w, type as ts.ObjectType, path, anchor, depth, position);
  } finally {
    w.stack.delete(type);
  }
}

function walkObject(
  w: Walk,
  type: ts.ObjectType,
  path: string,
  anchor: ts.Node,
  depth: number,
  position: { top: boolean; optional: boolean; inArray: boolean },
): void {
  const ctx = w.ctx;
  const checker = ctx.checker;
  const symbol = type.getSymbol() ?? type.aliasSymbol;
  const name = symbol?.name ?? '';
  const builtin = symbol ? isBuiltinSymbol(ctx, symbol) : false;
  const typeArgs = checker.getTypeArguments(type as ts.TypeReference) ?? [];
  const next = { top: false, optional: false, inArray: false };

  if (checker.isArrayType(type) || checker.isTupleType(type)) {
    const elements = checker.isTupleType(type)
      ? typeArgs.map((arg, index) => [`[${index}]`, arg] as const)
      : [['[]', typeArgs[0]] as const];
    for (const [suffix, element] of elements)
      if (element) walkType(w, element, `${path}${suffix}`, anchor, depth + 1, { ...next, inArray: true });
    return;
  }
  const mappedElement = arrayElementOfMappedType(checker, type);
  if (mappedElement) {
    walkType(w, mappedElement, `${path}[]`, anchor, depth + 1, { ...next, inArray: true });
    return;
  }
  // `Readonly<X>` changes nothing on the wire: walk X (a Readonly<Date> is a Date).
  if (
    type.aliasSymbol?.name === 'Readonly' &&
    type.aliasTypeArguments?.[0] &&
    isBuiltinSymbol(ctx, type.aliasSymbol)
  ) {
    walkType(w, type.aliasTypeArguments[0], path, anchor, depth + 1, position);
    return;
  }
  if (builtin || name === 'Buffer') {
    if (name === 'Promise' || name === 'PromiseLike') {
      if (position.top && path === 'result') {
        const awaited = typeArgs[0];
        if (awaited)
          walkType(w, awaited, path, anchor, depth + 1, { top: true, optional: false, inArray: false });
      } else {
        add(
          w,
          'FL105',
          path,
          type,
          anchor,
          `${path} is a promise inside the data: only settled values can be sent.`,
        );
      }
      return;
    }
    if (name === 'Date')
      return add(
        w,
        'FL201',
        path,
        type,
        anchor,
        `${path} is a Date: JSON turns it into a string that stays a string on the other side.`,
      );
    if (name === 'Map' || name === 'ReadonlyMap') {
      add(
        w,
        'FL203',
        path,
        type,
        anchor,
        `${path} is a Map: JSON turns it into \`{}\` and loses every entry.`,
      );
      if (typeArgs[0]) walkType(w, typeArgs[0], `${path}<key>`, anchor, depth + 1, next);
      if (typeArgs[1]) walkType(w, typeArgs[1], `${path}<value>`, anchor, depth + 1, next);
      return;
    }
    if (name === 'Set' || name === 'ReadonlySet') {
      add(
        w,
        'FL204',
        path,
        type,
        anchor,
        `${path} is a Set: JSON turns it into \`{}\` and loses every item.`,
      );
      if (typeArgs[0]) walkType(w, typeArgs[0], `${path}<item>`, anchor, depth + 1, next);
      return;
    }
    if (BINARY.has(name))
      return add(
        w,
        'FL205',
        path,
        type,
        anchor,
        `${path} is binary data (${name}): JSON turns it into an object of numbered keys.`,
      );
    if (STREAMS.has(name))
      return add(
        w,
        'FL104',
        path,
        type,
        anchor,
        `${path} is a stream or iterator (${name}): it is consumed over time and cannot be sent as one value.`,
      );
    if (name === 'AbortSignal')
      return add(
        w,
        'FL109',
        path,
        type,
        anchor,
        `${path} is an AbortSignal: it cannot be sent, but the remote call’s deadline and cancellation take its place.`,
      );
    if (NOT_SERIALIZABLE.has(name))
      return add(w, 'FL106', path, type, anchor, `${path} is a ${name}: it has no serialised form.`);
    if (OTHER_CODEC.has(name))
      return add(
        w,
        'FL207',
        path,
        type,
        anchor,
        `${path} is a ${name}: JSON loses it (\`{}\`) unless a codec carries it.`,
      );
    if (name === 'Function' || name === 'CallableFunction' || name === 'NewableFunction')
      return add(
        w,
        'FL101',
        path,
        type,
        anchor,
        `${path} is a function: code cannot be sent over the network.`,
      );
  }
  if (
    checker.getSignaturesOfType(type, ts.SignatureKind.Call).length > 0 ||
    checker.getSignaturesOfType(type, ts.SignatureKind.Construct).length > 0
  ) {
    add(w, 'FL101', path, type, anchor, `${path} is a function: code cannot be sent over the network.`);
    return;
  }
  if (!builtin && isDateLike(w, type)) {
    add(
      w,
      'FL201',
      path,
      type,
      anchor,
      `${path} is a Date (${name || 'a Date look-alike'}): JSON turns it into a string that stays a string on the other side, and ${name || 'its own type'} is lost.`,
    );
    return;
  }
  if (STREAMS.has(name) && !builtin) {
    add(
      w,
      'FL104',
      path,
      type,
      anchor,
      `${path} is a stream or iterator (${name}): it is consumed over time and cannot be sent as one value.`,
    );
    return;
  }
  if (symbol && symbol.flags & ts.SymbolFlags.Class) {
    const behaviour = classBehaviour(checker, type);
    if (behaviour) {
      add(
        w,
        'FL102',
        path,
        type,
        anchor,
        `${path} is an instance of class ${name} (${behaviour}): only its data would arrive, without its prototype.`,
      );
      return;
    }
  }
  if (builtin && checker.getPropertiesOfType(type).length > 40) return; // a large built-in (DOM, lib) object: not a data shape
  const properties = checker.getPropertiesOfType(type);
  const methods = properties.filter(property => property.flags & ts.SymbolFlags.Method);
  if (methods.length > MAX_METHODS_LISTED) {
    // An object made of behaviour (a client, a logger, a look-alike of a built-in): one finding
    // for the object, not one per method.
    const names = methods.slice(0, 4).map(method => propertySegment(method).replace(/^\./, ''));
    add(
      w,
      'FL101',
      path,
      type,
      anchor,
      `${path} has ${methods.length} methods (${names.join(', ')}, …): code cannot be sent over the network.`,
    );
    return;
  }
  for (const property of properties) {
    const propertyPath = `${path}${propertySegment(property)}`;
    const propertyAnchor_ = propertyAnchor(w, property);
    if (property.flags & ts.SymbolFlags.Method) {
      add(
        w,
        'FL101',
        propertyPath,
        checker.getTypeOfSymbol(property),
        propertyAnchor_,
        `${propertyPath} is a method: code cannot be sent over the network.`,
      );
      continue;
    }
    const propertyType = checker.getTypeOfSymbol(property);
    walkType(w, propertyType, propertyPath, propertyAnchor_, depth + 1, {
      top: false,
      optional: (property.flags & ts.SymbolFlags.Optional) !== 0,
      inArray: false,
    });
  }
  for (const info of checker.getIndexInfosOfType(type)) {
    const key = info.keyType.flags & ts.TypeFlags.Number ? '[number]' : '[string]';
    walkType(w, info.type, `${path}${key}`, anchor, depth + 1, next);
  }
}

export interface SignatureShape {
  findings: WireFinding[];
  unknowns: Unknown[];
  truncated: boolean;
}

/**
 * Walks the parameters and the result of a call signature. `javascript` turns untyped `any`
 * into "cannot be known" rather than a hazard.
 */
export function analyzeSignature(ctx: Context, signature: ts.Signature, javascript: boolean): SignatureShape {
  const checker = ctx.checker;
  const declaration = signature.getDeclaration() as ts.SignatureDeclaration | undefined;
  const fallback: ts.Node = declaration ?? ctx.program.getSourceFiles()[0]!;
  const w: Walk = {
    ctx,
    findings: [],
    unknowns: [],
    stack: new Set(),
    anchor: fallback,
    truncated: false,
    javascript,
  };
  signature.getParameters().forEach((parameter, index) => {
    const parameterDeclaration = parameter.valueDeclaration as ts.ParameterDeclaration | undefined;
    const anchor = parameterDeclaration ?? fallback;
    w.anchor = anchor;
    const rest = parameterDeclaration?.dotDotDotToken !== undefined;
    let type = checker.getTypeOfSymbolAtLocation(parameter, anchor);
    let path = `args[${index}]`;
    if (rest) {
      path = `args[${index}…]`;
      const element = checker.isArrayType(type)
        ? checker.getTypeArguments(type as ts.TypeReference)[0]
        : undefined;
      if (element) type = element;
    }
    const optional = parameterDeclaration ? checker.isOptionalParameter(parameterDeclaration) : false;
    const before = w.findings.length;
    if (optional && !rest) {
      // Positional arguments travel as a JSON array: `f(x, undefined)` arrives as `f(x, null)`,
      // and `null` does not take a default value.
      add(
        w,
        'FL206',
        path,
        type,
        anchor,
        `${path} is optional: a caller passing \`undefined\` sends \`null\` in a JSON array of arguments, and \`null\` skips its default value; send arguments by name, or drop undefined ones in the client.`,
      );
    }
    walkType(w, type, path, anchor, 0, { top: true, optional, inArray: false });
    // Name the parameter too: `args[1]` is precise, `onProgress` is what a reader recognises.
    for (const finding of w.findings.slice(before))
      finding.message = `${finding.message} (parameter \`${parameter.name}\`)`;
  });
  const returnAnchor =
    declaration && ts.isFunctionLike(declaration) && declaration.type
      ? declaration.type
      : (declaration ?? fallback);
  w.anchor = returnAnchor;
  walkType(w, checker.getReturnTypeOfSignature(signature), 'result', returnAnchor, 0, {
    top: true,
    optional: false,
    inArray: false,
  });
  return { findings: w.findings, unknowns: w.unknowns, truncated: w.truncated };
}

/** Walks the type of an exported value (a `const` that is not a function). */
export function analyzeValue(
  ctx: Context,
  type: ts.Type,
  anchor: ts.Node,
  javascript: boolean,
): SignatureShape {
  const w: Walk = { ctx, findings: [], unknowns: [], stack: new Set(), anchor, truncated: false, javascript };
  walkType(w, type, 'value', anchor, 0, { top: true, optional: false, inArray: false });
  return { findings: w.findings, unknowns: w.unknowns, truncated: w.truncated };
}

/** Wire findings as hazards. */
export function wireHazards(ctx: Context, findings: readonly WireFinding[]): Hazard[] {
  return findings.map(finding => {
    const info = codeInfo(finding.code);
    return {
      code: info.code,
      name: info.name,
      severity: info.severity,
      message: finding.message,
      location: locate(ctx, finding.node),
      path: finding.path,
      type: finding.type,
    };
  });
}
