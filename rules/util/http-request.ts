// What an HTTP request sends: its method and whether it carries an idempotency key. Read from the
// call's own options (and, for axios, the instance it goes through), never guessed.
import { AST_NODE_TYPES } from '@typescript-eslint/types';

import { type Summary, getProp } from '@faultline/catalog';
import type { TSESTree } from '@typescript-eslint/utils';

import { type Node, unwrap } from './ast.js';
import type { Classified, FileModel } from './file-model.js';

const HTTP_FAMILIES = new Set(['fetch', 'axios', 'got', 'ky', 'undici', 'http', 'superagent', 'custom']);

/** The HTTP method of a request, upper-case; undefined when it is not HTTP or cannot be known. */
export function methodOf(model: FileModel, classified: Classified): string | undefined {
  const role = classified.role;
  if (role.role !== 'call' || !HTTP_FAMILIES.has(role.family)) return undefined;
  if (role.method) return role.method;
  const options = model.optionsOf(classified.node, role.options);
  const method = getProp(options, 'method');
  if (method) return method.value.kind === 'string' ? method.value.value.toUpperCase() : undefined;
  if (options.kind === 'opaque' || (options.kind === 'object' && options.hasSpread)) return undefined;
  // fetch, axios, got, ky, undici and node:http all default to GET.
  return role.family === 'custom' ? undefined : 'GET';
}

function hasKey(summary: Summary | undefined, names: readonly string[]): 'yes' | 'no' | 'unknown' {
  if (!summary || summary.kind === 'absent') return 'no';
  if (summary.kind !== 'object') return 'unknown';
  const wanted = names.map(name => name.toLowerCase());
  for (const key of summary.props.keys()) if (wanted.includes(key.toLowerCase())) return 'yes';
  return summary.hasSpread ? 'unknown' : 'no';
}

/** A request body as a summary: an object literal, or `JSON.stringify({...})` of one. */
function bodySummary(model: FileModel, node: Node | undefined): Summary | undefined {
  if (!node) return undefined;
  const inner = unwrap(node);
  if (inner.type === AST_NODE_TYPES.CallExpression) {
    const callee = model.valueOf(inner.callee);
    if (callee.kind === 'global' && callee.path.join('.') === 'JSON.stringify' && inner.arguments[0])
      return model.summarizeTop(inner.arguments[0]);
  }
  return model.summarizeTop(inner);
}

/** Does the request carry an idempotency key (a configured header, option or body field)? */
export function idempotencyKeyOf(model: FileModel, classified: Classified): 'yes' | 'no' | 'unknown' {
  const role = classified.role;
  if (role.role !== 'call') return 'unknown';
  const { idempotencyHeaders, idempotencyParams } = model.settings;
  const options = model.optionsOf(classified.node, role.options);
  if (options.kind === 'opaque') return 'unknown';
  const verdicts: ('yes' | 'no' | 'unknown')[] = [];
  const headers = getProp(options, 'headers');
  verdicts.push(
    headers
      ? hasKey(headers.value, idempotencyHeaders)
      : options.kind === 'object' && options.hasSpread
        ? 'unknown'
        : 'no',
  );
  verdicts.push(hasKey(options, idempotencyParams) === 'yes' ? 'yes' : 'no');
  // The body: axios/ky `post(url, data)`, fetch `body`, got `json`.
  if (role.family === 'axios' && role.method && classified.node.arguments[1])
    verdicts.push(
      hasKey(bodySummary(model, classified.node.arguments[1] as Node), idempotencyParams) === 'yes'
        ? 'yes'
        : 'no',
    );
  for (const key of ['body', 'json', 'data']) {
    const property = getProp(options, key)?.at as TSESTree.Property | undefined;
    if (
      property?.type === AST_NODE_TYPES.Property &&
      hasKey(bodySummary(model, property.value as Node), idempotencyParams) === 'yes'
    )
      verdicts.push('yes');
  }
  // Headers the instance adds to every request (`axios.create({ headers })`).
  for (let origin = classified.origin; origin; origin = origin.parent) {
    if (origin.role.role !== 'factory') continue;
    const instanceHeaders = getProp(model.optionsOf(origin.node, origin.role.options), 'headers');
    if (instanceHeaders) verdicts.push(hasKey(instanceHeaders.value, idempotencyHeaders));
  }
  if (verdicts.includes('yes')) return 'yes';
  if (verdicts.includes('unknown')) return 'unknown';
  return 'no';
}
