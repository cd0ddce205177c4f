// The ESTree reader of a request's URL: the text of a URL expression as far as it is written, and
// the facts the catalog's `loopbackTarget` decides a request to this machine by
// (packages/catalog/src/loopback.ts says why such a request is not reported).
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';

import {
  BASE_OPTION_KEYS,
  HOST_OPTION_KEYS,
  SOCKET_OPTION_KEYS,
  UNREAD_PART,
  URL_OPTION_KEYS,
  loopbackTarget,
} from '@faultline/catalog';

import { type Node, unwrap } from './ast.js';

/** How the names in a URL expression are read where it is written. */
export interface UrlLookups {
  /** The value a `const` (or another module's export) holds: a node to read on, or its text. */
  name(name: TSESTree.Identifier): Node | string | undefined;
  /** The one value `this.x` is given (a class field or a constructor assignment). */
  field?(member: TSESTree.MemberExpression): Node | undefined;
}

const MAX_DEPTH = 6;

/**
 * The text of a URL expression as far as it is written, a {@link UNREAD_PART} mark for each part that
 * is not (`` `http://0.0.0.0:${port}/x` `` → `http://0.0.0.0:\0/x`); undefined when even its start
 * cannot be read.
 */
export function urlText(input: Node | undefined, lookups: UrlLookups, depth = 0): string | undefined {
  if (!input || depth > MAX_DEPTH) return undefined;
  const node = unwrap(input);
  switch (node.type) {
    case AST_NODE_TYPES.Literal:
      return typeof node.value === 'string' ? node.value : undefined;
    case AST_NODE_TYPES.TemplateLiteral: {
      let text = '';
      for (const [index, quasi] of node.quasis.entries()) {
        text += quasi.value.cooked ?? '';
        const expression = node.expressions[index];
        if (!expression) continue;
        const part = urlText(expression as Node, lookups, depth + 1);
        // The start of the URL must be read; later parts may be anything.
        if (part === undefined && text === '') return undefined;
        text += part ?? UNREAD_PART;
      }
      return text;
    }
    case AST_NODE_TYPES.BinaryExpression: {
      if (node.operator !== '+') return undefined;
      const left = urlText(node.left as Node, lookups, depth + 1);
      return left === undefined
        ? undefined
        : left + (urlText(node.right as Node, lookups, depth + 1) ?? UNREAD_PART);
    }
    case AST_NODE_TYPES.Identifier: {
      const value = lookups.name(node);
      return typeof value === 'string' ? value : urlText(value, lookups, depth + 1);
    }
    case AST_NODE_TYPES.MemberExpression:
      return node.object.type === AST_NODE_TYPES.ThisExpression && lookups.field
        ? urlText(lookups.field(node), lookups, depth + 1)
        : undefined;
    default:
      return undefined;
  }
}

function objectKey(property: TSESTree.ObjectLiteralElement): string | undefined {
  if (property.type !== AST_NODE_TYPES.Property || property.computed) return undefined;
  return property.key.type === AST_NODE_TYPES.Identifier
    ? property.key.name
    : property.key.type === AST_NODE_TYPES.Literal
      ? String(property.key.value)
      : undefined;
}

/**
 * What names this machine as the host of the request `call` makes (`http://localhost:8080/app`),
 * undefined when it is not a loopback request: its URL (the first argument, or the `url` of an
 * options object) is fixed to a loopback host, or it is a path and a `baseURL`/`prefixUrl` given
 * beside it, or where the instance it goes through was made (`madeBy`), is
 * (`axios.post('batch', body, { baseURL: LOCAL_API })`).
 */
export function loopbackRequest(
  call: TSESTree.CallExpression,
  lookups: UrlLookups,
  madeBy?: TSESTree.CallExpression | TSESTree.NewExpression,
): string | undefined {
  const [first, ...rest] = call.arguments;
  if (!first || first.type === AST_NODE_TYPES.SpreadElement) return undefined;
  // An options object held in a const: `const config = { baseURL: LOCAL_API }; axios.post('batch', body, config)`.
  const objectOf = (argument: Node): Node => {
    const node = unwrap(argument);
    if (node.type !== AST_NODE_TYPES.Identifier) return node;
    const held = lookups.name(node);
    return held && typeof held !== 'string' && unwrap(held).type === AST_NODE_TYPES.ObjectExpression
      ? unwrap(held)
      : node;
  };
  const url = objectOf(first as Node);
  // The construction of the instance the call goes through (`axios.create({ baseURL })`) gives
  // the base a path is sent to, after the call's own options.
  const inherited = madeBy ? madeBy.arguments : [];
  const options = [url, ...rest, ...inherited]
    .map(argument => objectOf(argument as Node))
    .filter((node): node is TSESTree.ObjectExpression => node.type === AST_NODE_TYPES.ObjectExpression);
  const keyed = (keys: ReadonlySet<string>): Node | undefined => {
    for (const object of options)
      for (const property of object.properties)
        if (keys.has(objectKey(property) ?? '') && property.type === AST_NODE_TYPES.Property)
          return property.value as Node;
    return undefined;
  };
  // node:http's options: `{ host: 'localhost', port: 8080, path }`.
  const host = url.type === AST_NODE_TYPES.ObjectExpression ? keyed(HOST_OPTION_KEYS) : undefined;
  const direct = url.type === AST_NODE_TYPES.ObjectExpression ? keyed(URL_OPTION_KEYS) : url;
  return loopbackTarget({
    ...(host ? { host: { text: urlText(host, lookups) } } : {}),
    ...(url.type === AST_NODE_TYPES.ObjectExpression && keyed(SOCKET_OPTION_KEYS)
      ? { socketPath: true }
      : {}),
    url: host ? undefined : urlText(direct, lookups),
    urlWritten: direct !== undefined,
    // Read only when the URL is a path (another module's const, perhaps).
    get base() {
      return host ? undefined : urlText(keyed(BASE_OPTION_KEYS), lookups);
    },
  });
}

/**
 * The base a client made at `made` sends its paths to is fixed to this machine
 * (`axios.create({ baseURL: 'http://localhost:3000' })`, `got.extend({ prefixUrl })`).
 */
export function loopbackConstruction(
  made: TSESTree.CallExpression | TSESTree.NewExpression,
  lookups: UrlLookups,
): string | undefined {
  for (const argument of made.arguments) {
    const options = unwrap(argument as Node);
    if (options.type !== AST_NODE_TYPES.ObjectExpression) continue;
    for (const property of options.properties)
      if (BASE_OPTION_KEYS.has(objectKey(property) ?? '') && property.type === AST_NODE_TYPES.Property)
        return loopbackTarget({
          url: undefined,
          urlWritten: false,
          base: urlText(property.value as Node, lookups),
        });
  }
  return undefined;
}
