// What makes the same call answer differently on another machine, or once its arguments crossed
// as JSON: local time-zone arithmetic, the default locale, reading the clock (FL405–FL407), and
// checks on runtime identity (`instanceof`, `in`, prototypes) applied to values that arrive as
// parameters (FL208). A library runs in its caller's process, with the caller's zone, locale and
// objects; a service runs in its own, and receives plain JSON.
import { ts } from 'ts-morph';

import type { Unit } from './closure.js';
import { type HazardCode, codeInfo } from './codes.js';
import type { Hazard } from './model.js';
import { type Context, locate, staticString, unwrap, walk } from './ts-util.js';

/** Date methods that read or write local-time fields (the UTC twins do not depend on the zone). */
const LOCAL_DATE_METHODS = new Set([
  'getFullYear',
  'getYear',
  'getMonth',
  'getDate',
  'getDay',
  'getHours',
  'getMinutes',
  'getTimezoneOffset',
  'setFullYear',
  'setYear',
  'setMonth',
  'setDate',
  'setHours',
  'setMinutes',
  'toString',
  'toDateString',
  'toTimeString',
]);
const LOCALE_METHODS = new Set(['toLocaleString', 'toLocaleDateString', 'toLocaleTimeString']);
const INTL_WITH_ZONE = new Set(['DateTimeFormat']);
const INTL = new Set([
  'DateTimeFormat',
  'NumberFormat',
  'Collator',
  'PluralRules',
  'RelativeTimeFormat',
  'ListFormat',
  'DisplayNames',
  'Segmenter',
]);
/** Constructors whose instances JSON turns into something else (a string or `{}`). */
const IDENTITY_LOST: Record<string, string> = {
  Date: 'a Date arrives as a string',
  Map: 'a Map arrives as `{}`',
  Set: 'a Set arrives as `{}`',
  RegExp: 'a RegExp arrives as `{}`',
  Error: 'an Error arrives as `{}`',
  URL: 'a URL arrives as a string',
  ArrayBuffer: 'an ArrayBuffer arrives as `{}`',
  Uint8Array: 'a Uint8Array arrives as an object of numbered keys',
  Buffer: 'a Buffer arrives as `{ type, data }`',
  Promise: 'a promise cannot arrive at all',
};

/** One finding in one unit, before it is deduplicated into the hazards of an export. */
export interface Finding {
  code: HazardCode;
  node: ts.Node;
  message: string;
  detail: Record<string, string | number>;
}

/** A Date (or a subtype of it), as the checker sees the expression. */
function isDateExpression(ctx: Context, expression: ts.Expression, date: ts.Type | undefined): boolean {
  if (!date) return false;
  const type = ctx.checker.getNonNullableType(ctx.checker.getTypeAtLocation(expression));
  if (!(type.flags & ts.TypeFlags.Object)) return false; // primitives, any, unknown, unions of them
  if (type.getSymbol()?.name === 'Date') return true;
  // Cheap before the assignability check: a Date subtype has at least Date's members.
  if (type.getProperties().length < date.getProperties().length) return false;
  return ctx.checker.isTypeAssignableTo(type, date);
}

/** `Intl.X` (the global, not a local named Intl). */
function intlMember(ctx: Context, expression: ts.Expression): string | undefined {
  const callee = unwrap(expression);
  if (!ts.isPropertyAccessExpression(callee) || !ts.isIdentifier(callee.expression)) return undefined;
  if (callee.expression.text !== 'Intl' || !INTL.has(callee.name.text)) return undefined;
  const symbol = ctx.checker.getSymbolAtLocation(callee.expression);
  const local = (symbol?.declarations ?? []).some(declaration =>
    ctx.libraryFiles.has(declaration.getSourceFile().fileName),
  );
  return local ? undefined : callee.name.text;
}

/** An options object literal that names a `timeZone`; undefined when the options cannot be read. */
function namesTimeZone(argument: ts.Expression | undefined): boolean | undefined {
  if (!argument) return false;
  const options = unwrap(argument);
  if (!ts.isObjectLiteralExpression(options)) return undefined;
  if (options.properties.some(property => ts.isSpreadAssignment(property))) return undefined;
  return options.properties.some(
    property =>
      (ts.isPropertyAssignment(property) || ts.isShorthandPropertyAssignment(property)) &&
      ts.isIdentifier(property.name) &&
      property.name.text === 'timeZone',
  );
}

/** No locale given: a missing first argument, or `undefined`. */
function defaultLocale(argument: ts.Expression | undefined): boolean {
  if (!argument) return true;
  const inner = unwrap(argument);
  return (
    inner.kind === ts.SyntaxKind.UndefinedKeyword || (ts.isIdentifier(inner) && inner.text === 'undefined')
  );
}

/** A date-time string without `Z` or an offset is read in local time (a date alone is UTC). */
function localTimeString(text: string): boolean {
  return /\d{1,2}:\d{2}/.test(text) && !/(?:Z|[+-]\d{2}:?\d{2}|GMT|UTC)\s*$/i.test(text.trim());
}

/** The parameter an expression starts from (`options.items[0]` → `options`), if it is one. */
function parameterRoot(ctx: Context, expression: ts.Expression): ts.ParameterDeclaration | undefined {
  let current: ts.Expression = unwrap(expression);
  while (ts.isPropertyAccessExpression(current) || ts.isElementAccessExpression(current))
    current = unwrap(current.expression);
  if (!ts.isIdentifier(current)) return undefined;
  const declaration = ctx.checker.getSymbolAtLocation(current)?.valueDeclaration;
  return declaration && ts.isParameter(declaration) ? declaration : undefined;
}

function timeFindings(ctx: Context, node: ts.Node, date: ts.Type | undefined, unit: string): Finding[] {
  const found: Finding[] = [];
  if (ts.isCallExpression(node)) {
    const callee = unwrap(node.expression);
    if (ts.isPropertyAccessExpression(callee)) {
      const method = callee.name.text;
      const receiver = callee.expression;
      if (method === 'now' && ts.isIdentifier(receiver) && receiver.text === 'Date') {
        found.push({
          code: 'FL407',
          node,
          message: `reads the clock (\`Date.now()\`) in ${unit}: the service’s clock answers, not the caller’s; pass the time in when callers must agree on it.`,
          detail: { clock: 'Date.now' },
        });
      } else if (method === 'parse' && ts.isIdentifier(receiver) && receiver.text === 'Date') {
        const text = staticString(node.arguments[0]);
        if (text === undefined || localTimeString(text))
          found.push({
            code: 'FL405',
            node,
            message: `parses a date in ${unit} (\`Date.parse\`): a date-time without an offset is read in the server’s time zone. Require an offset (\`Z\`, \`+02:00\`) or pass the zone.`,
            detail: { zone: 'local', member: 'Date.parse' },
          });
      } else if (LOCAL_DATE_METHODS.has(method) && isDateExpression(ctx, receiver, date)) {
        found.push({
          code: 'FL405',
          node,
          message: `uses local time (\`${method}\`) in ${unit}: the answer depends on the server’s time zone. Use the UTC methods, or pass the zone and compute in it.`,
          detail: { zone: 'local', member: method },
        });
      } else if (LOCALE_METHODS.has(method)) {
        const isDate = isDateExpression(ctx, receiver, date);
        if (defaultLocale(node.arguments[0]))
          found.push({
            code: 'FL406',
            node,
            message: `formats with the default locale (\`${method}()\`) in ${unit}: the server’s locale decides the text. Pass the caller’s locale.`,
            detail: { locale: 'default', member: method },
          });
        if (isDate && namesTimeZone(node.arguments[1]) === false)
          found.push({
            code: 'FL405',
            node,
            message: `formats a date without a \`timeZone\` (\`${method}\`) in ${unit}: the server’s time zone decides the text. Pass the zone.`,
            detail: { zone: 'local', member: method },
          });
      } else if (
        (method === 'toLocaleUpperCase' || method === 'toLocaleLowerCase') &&
        defaultLocale(node.arguments[0])
      ) {
        found.push({
          code: 'FL406',
          node,
          message: `changes case with the default locale (\`${method}()\`) in ${unit}: Turkish and Azeri servers answer differently. Pass the locale.`,
          detail: { locale: 'default', member: method },
        });
      } else if (method === 'localeCompare' && defaultLocale(node.arguments[1])) {
        found.push({
          code: 'FL406',
          node,
          message: `compares with the default locale (\`localeCompare\`) in ${unit}: the sort order depends on the server. Pass the locale.`,
          detail: { locale: 'default', member: method },
        });
      }
    }
  }
  if (ts.isNewExpression(node) || ts.isCallExpression(node)) {
    const intl = intlMember(ctx, node.expression);
    if (intl) {
      const args = node.arguments ?? [];
      if (defaultLocale(args[0]))
        found.push({
          code: 'FL406',
          node,
          message: `creates \`Intl.${intl}\` with the default locale in ${unit}: the server’s locale decides the output. Pass the locale.`,
          detail: { locale: 'default', member: `Intl.${intl}` },
        });
      if (INTL_WITH_ZONE.has(intl) && namesTimeZone(args[1]) === false)
        found.push({
          code: 'FL405',
          node,
          message: `creates \`Intl.${intl}\` without a \`timeZone\` in ${unit}: the server’s time zone decides the output. Pass the zone.`,
          detail: { zone: 'local', member: `Intl.${intl}` },
        });
    }
  }
  if (ts.isNewExpression(node)) {
    const callee = unwrap(node.expression);
    if (ts.isIdentifier(callee) && callee.text === 'Date') {
      const args = node.arguments ?? [];
      if (args.length === 0) {
        found.push({
          code: 'FL407',
          node,
          message: `reads the clock (\`new Date()\`) in ${unit}: the service’s clock answers, not the caller’s; pass the time in when callers must agree on it.`,
          detail: { clock: 'new Date()' },
        });
      } else if (args.length >= 2) {
        found.push({
          code: 'FL405',
          node,
          message: `builds a date from local fields (\`new Date(year, month, …)\`) in ${unit}: the fields are read in the server’s time zone. Use \`Date.UTC\`, or pass the zone.`,
          detail: { zone: 'local', member: 'new Date(fields)' },
        });
      } else {
        const argument = args[0] as ts.Expression;
        const type = ctx.checker.getTypeAtLocation(argument);
        const text = staticString(argument);
        const stringy = text !== undefined || (type.flags & ts.TypeFlags.StringLike) !== 0;
        if (stringy && (text === undefined || localTimeString(text)))
          found.push({
            code: 'FL405',
            node,
            message: `parses a date from a string in ${unit} (\`new Date(string)\`): a date-time without an offset is read in the server’s time zone. Require an offset (\`Z\`, \`+02:00\`) or pass the zone.`,
            detail: { zone: 'local', member: 'new Date(string)' },
          });
      }
    }
  }
  return found;
}

function identityFindings(ctx: Context, node: ts.Node, unit: string): Finding[] {
  const checker = ctx.checker;
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.InstanceOfKeyword) {
    const parameter = parameterRoot(ctx, node.left);
    if (!parameter) return [];
    const right = unwrap(node.right);
    const name = ts.isIdentifier(right) ? right.text : right.getText().slice(0, 40);
    const symbol = ts.isIdentifier(right) ? checker.getSymbolAtLocation(right) : undefined;
    const userClass = (symbol?.declarations ?? []).some(declaration =>
      ctx.libraryFiles.has(declaration.getSourceFile().fileName),
    );
    const lost =
      IDENTITY_LOST[name] ?? (userClass ? `an instance of ${name} arrives as a plain object` : undefined);
    if (!lost) return [];
    return [
      {
        code: 'FL208',
        node,
        message: `checks \`${node.left.getText().slice(0, 40)} instanceof ${name}\` in ${unit} on a parameter: ${lost} over the wire, so the check answers differently when the export is remote.`,
        detail: { check: 'instanceof', constructor: name },
      },
    ];
  }
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.InKeyword) {
    if (!parameterRoot(ctx, node.right)) return [];
    return [
      {
        code: 'FL208',
        node,
        message: `checks \`${node.getText().slice(0, 60)}\` in ${unit} on a parameter: JSON drops properties set to \`undefined\` and every prototype, so \`in\` answers differently over the wire.`,
        detail: { check: 'in' },
      },
    ];
  }
  if (ts.isCallExpression(node)) {
    const callee = unwrap(node.expression);
    const text = ts.isPropertyAccessExpression(callee) ? callee.getText() : '';
    const argument = node.arguments[0];
    if (
      (text === 'Object.getPrototypeOf' || text === 'Reflect.getPrototypeOf') &&
      argument &&
      parameterRoot(ctx, argument)
    )
      return [
        {
          code: 'FL208',
          node,
          message: `reads the prototype of a parameter (\`${text}\`) in ${unit}: every value arrives from JSON with \`Object.prototype\` (or as an array).`,
          detail: { check: 'prototype' },
        },
      ];
    // `Object.prototype.toString.call(value)`: the `[object Map]` tag lodash-style helpers switch on.
    if (/(?:^|\.)prototype\.toString\.call$/.test(text) && argument && parameterRoot(ctx, argument))
      return [
        {
          code: 'FL208',
          node,
          message: `reads the type tag of a parameter (\`${text}\`) in ${unit}: values from JSON are tagged \`[object Object]\` or \`[object Array]\`, whatever they were.`,
          detail: { check: 'tag' },
        },
      ];
    if (text.endsWith('.isPrototypeOf') && argument && parameterRoot(ctx, argument))
      return [
        {
          code: 'FL208',
          node,
          message: `checks a prototype chain (\`isPrototypeOf\`) on a parameter in ${unit}: values arrive from JSON without their prototypes.`,
          detail: { check: 'prototype' },
        },
      ];
  }
  if (
    ts.isPropertyAccessExpression(node) &&
    node.name.text === 'constructor' &&
    !ts.isCallExpression(node.parent) &&
    parameterRoot(ctx, node.expression)
  )
    return [
      {
        code: 'FL208',
        node,
        message: `reads \`.constructor\` of a parameter in ${unit}: values arrive from JSON as plain objects and arrays.`,
        detail: { check: 'constructor' },
      },
    ];
  return [];
}

/**
 * FL208 and FL405–FL407 in the runtime code of the closure: one hazard per code, function and
 * member (repeats are counted in `detail.count`). `cache` keeps each unit's findings across the
 * exports of one analysis, whose closures mostly overlap.
 */
export function analyzeServerDependence(
  ctx: Context,
  units: readonly Unit[],
  cache: WeakMap<Unit, Finding[]> = new WeakMap(),
): Hazard[] {
  const dateSymbol = ctx.checker.resolveName('Date', undefined, ts.SymbolFlags.Type, false);
  const date = dateSymbol ? ctx.checker.getDeclaredTypeOfSymbol(dateSymbol) : undefined;
  const hazards: Hazard[] = [];
  const seen = new Map<string, Hazard>();
  for (const unit of units) {
    if (unit.typeOnly) continue;
    let findings = cache.get(unit);
    if (!findings) {
      const collected: Finding[] = [];
      for (const root of unit.nodes)
        walk(root, node => {
          if (ts.isTypeNode(node)) return false;
          collected.push(
            ...timeFindings(ctx, node, date, unit.name),
            ...identityFindings(ctx, node, unit.name),
          );
          return true;
        });
      cache.set(unit, (findings = collected));
    }
    for (const finding of findings) {
      const key = `${finding.code}:${unit.id}:${Object.values(finding.detail).join(':')}`;
      const existing = seen.get(key);
      if (existing) {
        existing.detail = { ...existing.detail, count: Number(existing.detail?.count ?? 1) + 1 };
        continue;
      }
      const info = codeInfo(finding.code);
      const hazard: Hazard = {
        code: info.code,
        name: info.name,
        severity: info.severity,
        message: finding.message,
        location: locate(ctx, finding.node),
        detail: { ...finding.detail, count: 1 },
      };
      seen.set(key, hazard);
      hazards.push(hazard);
    }
  }
  return hazards;
}
