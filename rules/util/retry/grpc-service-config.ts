// gRPC service configs (`'grpc.service_config'` channel options): a retry policy without
// `maxBackoff`, in a JSON string or an object literal.
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';

import { type Node, findNode, propertyKey, unwrap } from '../ast.js';
import type { FileModel } from '../file-model.js';
import type { LibraryFinding } from './library-finding.js';

/** `'grpc.service_config'` retry policies without `maxBackoff`, reported at each `retryPolicy`. */
export function grpcServiceConfigFindings(model: FileModel, property: TSESTree.Property): LibraryFinding[] {
  let value = unwrap(property.value as Node);
  // `JSON.stringify(serviceConfig)` with the config in a local const
  if (
    value.type === AST_NODE_TYPES.CallExpression &&
    value.arguments[0]?.type === AST_NODE_TYPES.Identifier
  ) {
    value = model.constInit(value.arguments[0]) ?? value;
  }
  if (value.type === AST_NODE_TYPES.Literal && typeof value.value === 'string') {
    try {
      const parsed = JSON.parse(value.value) as {
        methodConfig?: { retryPolicy?: Record<string, unknown> }[];
      };
      const missing = (parsed.methodConfig ?? []).some(
        config => config.retryPolicy && config.retryPolicy.maxBackoff === undefined,
      );
      return missing ? [{ problem: 'uncappedBackoff', node: property, also: '' }] : [];
    } catch {
      return [];
    }
  }
  const findings: LibraryFinding[] = [];
  findNode(value, node => {
    if (node.type !== AST_NODE_TYPES.Property || propertyKey(node) !== 'retryPolicy') return false;
    let policy = unwrap(node.value as Node);
    if (policy.type === AST_NODE_TYPES.Identifier) policy = model.constInit(policy) ?? policy;
    policy = unwrap(policy);
    if (
      policy.type === AST_NODE_TYPES.ObjectExpression &&
      !policy.properties.some(
        inner => inner.type === AST_NODE_TYPES.Property && propertyKey(inner) === 'maxBackoff',
      )
    ) {
      findings.push({ problem: 'uncappedBackoff', node, also: '' });
    }
    return false;
  });
  return findings;
}
