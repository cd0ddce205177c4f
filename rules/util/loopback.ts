// Requests to this machine: a URL fixed in the code to a loopback host (`http://localhost:8080/app`,
// `` `http://0.0.0.0:${port}` ``, `http://127.0.0.1/…`, `http://[::1]/…`). Such a request reaches a
// process of the same host (the service itself, or a helper process started beside it), not a
// server across the network that can stop answering while this one goes on: require-timeout does
// not report them. A URL the environment can change (`process.env.API_URL ?? 'http://localhost'`)
// is not fixed, and a sidecar proxy's API (Dapr's `/v1.0/invoke/…`) forwards to remote services,
// so both stay remote.
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';

import { type Node, unwrap } from './ast.js';

/** How the names in a URL expression are read where it is written. */
export interface UrlLookups {
  /** The value a `const` (or another module's export) holds: a node to read on, or its text. */
  name(name: TSESTree.Identifier): Node | string | undefined;
  /** The one value `this.x` is given (a class field or a constructor assignment). */
  field?(member: TSESTree.MemberExpression): Node | undefined;
}

/** What stands for a part of the URL that cannot be read. */
const UNKNOWN = '\u0000';
const MAX_DEPTH = 6;

/** A loopback host at the start of a URL. */
const LOOPBACK =
  /^(?:https?|wss?):\/\/(?:localhost|127(?:\.\d{1,3}){3}|0\.0\.0\.0|\[(?:0{0,4}:){2,7}0{0,3}1\])(?=[:/?#]|$)/i;
/** A sidecar proxy's API on loopback, which forwards to other services: Dapr's building blocks. */
const SIDECAR = /^[^/]*\/\/[^/]*\/v1\.0(?:-alpha1|-beta1)?\//;

/**
 * The text of a URL expression as far as it is written, a {@link UNKNOWN} mark for each part that
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
        text += part ?? UNKNOWN;
      }
      return text;
    }
    case AST_NODE_TYPES.BinaryExpression: {
      if (node.operator !== '+') return undefined;
      const left = urlText(node.left as Node, lookups, depth + 1);
      return left === undefined
        ? undefined
        : left + (urlText(node.right as Node, lookups, depth + 1) ?? UNKNOWN);
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

/** The URL's text names a host of this machine, and not a sidecar proxy's API. */
export function isLoopbackText(text: string | undefined): boolean {
  return text !== undefined && LOOPBACK.test(text) && !SIDECAR.test(text);
}

/** Keys of node:http's request options that name the host, and a loopback host alone. */
const HOST_KEYS = new Set(['host', 'hostname']);
const LOOPBACK_HOST = /^(?:localhost|127(?:\.\d{1,3}){3}|0\.0\.0\.0|::1|\[::1\])$/i;

/** Keys of a request's options object that carry its URL, and those that carry the base a path is sent to. */
const URL_KEYS = new Set(['url', 'uri']);
const BASE_KEYS = new Set(['baseURL', 'baseUrl', 'prefixUrl', 'origin']);

function objectKey(property: TSESTree.ObjectLiteralElement): string | undefined {
  if (property.type !== AST_NODE_TYPES.Property || property.computed) return undefined;
  return property.key.type === AST_NODE_TYPES.Identifier
    ? property.key.name
    : property.key.type === AST_NODE_TYPES.Literal
      ? String(property.key.value)
      : undefined;
}

/**
 * The request `call` makes goes to this machine: its URL (the first argument, or the `url` of an
 * options object) is fixed to a loopback host, or it is a path and a `baseURL`/`prefixUrl` given
 * beside it, or where the instance it goes through was made (`madeBy`), is
 * (`axios.post('batch', body, { baseURL: LOCAL_API })`).
 */
export function isLoopbackRequest(
  call: TSESTree.CallExpression,
  lookups: UrlLookups,
  madeBy?: TSESTree.CallExpression | TSESTree.NewExpression,
): boolean {
  const [first, ...rest] = call.arguments;
  if (!first || first.type === AST_NODE_TYPES.SpreadElement) return false;
  const url = unwrap(first as Node);
  // The construction of the instance the call goes through (`axios.create({ baseURL })`) gives
  // the base a path is sent to, after the call's own options.
  const inherited = madeBy ? madeBy.arguments : [];
  const options = [url, ...rest, ...inherited]
    .map(argument => unwrap(argument as Node))
    .filter((node): node is TSESTree.ObjectExpression => node.type === AST_NODE_TYPES.ObjectExpression);
  const keyed = (keys: ReadonlySet<string>): Node | undefined => {
    for (const object of options)
      for (const property of object.properties)
        if (keys.has(objectKey(property) ?? '') && property.type === AST_NODE_TYPES.Property)
          return property.value as Node;
    return undefined;
  };
  // node:http's options: `{ host: 'localhost', port: 8080, path }`.
  const host = url.type === AST_NODE_TYPES.ObjectExpression ? keyed(HOST_KEYS) : undefined;
  if (host) return LOOPBACK_HOST.test(urlText(host, lookups) ?? '');
  const direct = url.type === AST_NODE_TYPES.ObjectExpression ? keyed(URL_KEYS) : url;
  const text = urlText(direct, lookups);
  if (text !== undefined && /^[a-z][a-z\d+.-]*:/i.test(text)) return isLoopbackText(text);
  // A path (or nothing readable): the base given beside it decides.
  if (text === undefined && direct !== undefined) return false;
  return isLoopbackText(urlText(keyed(BASE_KEYS), lookups));
}
