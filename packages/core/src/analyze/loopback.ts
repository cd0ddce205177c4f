// The TypeScript reader of a request's URL, the counterpart of the rules' rules/util/loopback.ts:
// the text of a URL expression as far as it is written, and the facts the catalog's
// `loopbackTarget` decides a request to this machine by (packages/catalog/src/loopback.ts).
import {
  BASE_OPTION_KEYS,
  HOST_OPTION_KEYS,
  SOCKET_OPTION_KEYS,
  UNREAD_PART,
  URL_OPTION_KEYS,
  loopbackTarget,
} from '@faultline/catalog';
import { ts } from 'ts-morph';

import { memberName, propertyNameText, unwrap } from './ts-util.js';

/** How the names in a URL expression are read where it is written. */
export interface UrlLookups {
  /** The value a `const` of the library holds (also through an import). */
  name(name: ts.Identifier): ts.Expression | undefined;
  /** The one value `this.x` is given (a class field or a constructor assignment). */
  field(member: ts.PropertyAccessExpression | ts.ElementAccessExpression): ts.Expression | undefined;
}

const MAX_DEPTH = 6;

/**
 * The text of a URL expression as far as it is written, a `UNREAD_PART` mark for each part that is
 * not (`` `http://0.0.0.0:${port}/x` `` → `http://0.0.0.0:\0/x`); undefined when even its start
 * cannot be read.
 */
export function urlText(
  input: ts.Expression | undefined,
  lookups: UrlLookups,
  depth = 0,
): string | undefined {
  if (!input || depth > MAX_DEPTH) return undefined;
  const node = unwrap(input);
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node)) {
    let text = node.head.text;
    for (const span of node.templateSpans) {
      const part = urlText(span.expression, lookups, depth + 1);
      // The start of the URL must be read; later parts may be anything.
      if (part === undefined && text === '') return undefined;
      text += (part ?? UNREAD_PART) + span.literal.text;
    }
    return text;
  }
  if (ts.isBinaryExpression(node)) {
    if (node.operatorToken.kind !== ts.SyntaxKind.PlusToken) return undefined;
    const left = urlText(node.left, lookups, depth + 1);
    return left === undefined ? undefined : left + (urlText(node.right, lookups, depth + 1) ?? UNREAD_PART);
  }
  if (ts.isIdentifier(node)) return urlText(lookups.name(node), lookups, depth + 1);
  if (
    (ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node)) &&
    node.expression.kind === ts.SyntaxKind.ThisKeyword
  )
    return urlText(lookups.field(node), lookups, depth + 1);
  return undefined;
}

/** The name of a property written in an object literal, as the rules' reader reads it (not computed). */
function propertyKey(property: ts.ObjectLiteralElementLike): string | undefined {
  if (ts.isShorthandPropertyAssignment(property)) return property.name.text;
  if (!ts.isPropertyAssignment(property)) return undefined;
  const name = property.name;
  return ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name)
    ? name.text
    : undefined;
}

function propertyValue(property: ts.ObjectLiteralElementLike): ts.Expression | undefined {
  if (ts.isShorthandPropertyAssignment(property)) return property.name;
  return ts.isPropertyAssignment(property) ? property.initializer : undefined;
}

/**
 * What names this machine as the host of the request `call` makes (`http://localhost:8080/app`),
 * undefined when it is not a loopback request: its URL (the first argument, or the `url` of an
 * options object) is fixed to a loopback host, or it is a path and a `baseURL`/`prefixUrl` given
 * beside it, or where the instance it goes through was made (`madeBy`), is.
 */
export function loopbackRequest(
  call: ts.CallExpression,
  lookups: UrlLookups,
  madeBy?: ts.CallExpression | ts.NewExpression,
): string | undefined {
  const [first, ...rest] = call.arguments;
  if (!first || ts.isSpreadElement(first)) return undefined;
  const url = unwrap(first);
  // The construction of the instance the call goes through (`axios.create({ baseURL })`) gives
  // the base a path is sent to, after the call's own options.
  const inherited = madeBy?.arguments ?? [];
  const options = [url, ...rest, ...inherited]
    .map(argument => unwrap(argument))
    .filter(ts.isObjectLiteralExpression);
  const keyed = (keys: ReadonlySet<string>): ts.Expression | undefined => {
    for (const object of options)
      for (const property of object.properties)
        if (keys.has(propertyKey(property) ?? '')) return propertyValue(property);
    return undefined;
  };
  // node:http's options: `{ host: 'localhost', port: 8080, path }`.
  const host = ts.isObjectLiteralExpression(url) ? keyed(HOST_OPTION_KEYS) : undefined;
  const direct = ts.isObjectLiteralExpression(url) ? keyed(URL_OPTION_KEYS) : url;
  return loopbackTarget({
    ...(host ? { host: { text: urlText(host, lookups) } } : {}),
    ...(ts.isObjectLiteralExpression(url) && keyed(SOCKET_OPTION_KEYS) ? { socketPath: true } : {}),
    url: host ? undefined : urlText(direct, lookups),
    urlWritten: direct !== undefined,
    // Read only when the URL is a path.
    get base() {
      return host ? undefined : urlText(keyed(BASE_OPTION_KEYS), lookups);
    },
  });
}

/**
 * The base a client made at `made` sends its paths to is fixed to this machine
 * (`axios.create({ baseURL: 'http://localhost:3000' })`), as the rules' reader reads it.
 */
export function loopbackConstruction(
  made: ts.CallExpression | ts.NewExpression,
  lookups: UrlLookups,
): string | undefined {
  for (const argument of made.arguments ?? []) {
    const options = unwrap(argument);
    if (!ts.isObjectLiteralExpression(options)) continue;
    for (const property of options.properties)
      if (BASE_OPTION_KEYS.has(propertyKey(property) ?? ''))
        return loopbackTarget({
          url: undefined,
          urlWritten: false,
          base: urlText(propertyValue(property), lookups),
        });
  }
  return undefined;
}

/**
 * What a field of the class around `member` is given, when it is given one value only, as the
 * rules' `fieldInit` reads it: its initialiser, or its one `this.field = …` in the constructor or a
 * method. A default the constructor or a method may replace holds more than one value.
 */
export function fieldInit(
  member: ts.PropertyAccessExpression | ts.ElementAccessExpression,
): ts.Expression | undefined {
  // `this.#base`: the rules' reader does not read private names either.
  if (ts.isPropertyAccessExpression(member) && ts.isPrivateIdentifier(member.name)) return undefined;
  const field = memberName(member);
  let owner: ts.Node | undefined = member.parent;
  while (owner && !ts.isClassLike(owner)) owner = owner.parent;
  if (!owner || !ts.isClassLike(owner) || field === undefined) return undefined;
  let found: ts.Expression | null | undefined;
  const give = (value: ts.Expression): void => {
    found = found === undefined ? unwrap(value) : null;
  };
  const visit = (node: ts.Node): void => {
    // A nested `function` or class has a `this` of its own; an arrow function keeps the instance's.
    if (ts.isFunctionDeclaration(node) || ts.isFunctionExpression(node) || ts.isClassLike(node)) return;
    if (
      ts.isBinaryExpression(node) &&
      node.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
      (ts.isPropertyAccessExpression(node.left) || ts.isElementAccessExpression(node.left)) &&
      node.left.expression.kind === ts.SyntaxKind.ThisKeyword &&
      memberName(node.left) === field
    )
      give(node.right);
    ts.forEachChild(node, visit);
  };
  for (const declaration of owner.members) {
    const isStatic = ts.getCombinedModifierFlags(declaration as ts.Declaration) & ts.ModifierFlags.Static;
    if (isStatic) continue;
    if (ts.isPropertyDeclaration(declaration) && declaration.initializer) {
      if (propertyNameText(declaration.name) === field) give(declaration.initializer);
      visit(declaration.initializer);
    } else if (
      (ts.isMethodDeclaration(declaration) ||
        ts.isConstructorDeclaration(declaration) ||
        ts.isGetAccessorDeclaration(declaration) ||
        ts.isSetAccessorDeclaration(declaration)) &&
      declaration.body
    )
      ts.forEachChild(declaration.body, visit);
  }
  return found ?? undefined;
}
