// Delay functions: a function a library calls with the attempt number to get the next wait
// (ioredis `retryStrategy`, node-redis `reconnectStrategy`, axios-retry `retryDelay`, cockatiel's
// DelegateBackoff, the AWS SDK's ConfiguredRetryStrategy), judged by what it returns.
import { AST_NODE_TYPES } from '@typescript-eslint/types';

import { type Node, findNode, isFunction, unwrap } from '../ast.js';
import type { FileModel } from '../file-model.js';
import { retryAnalysis } from '../retry.js';
import { ALSO_NO_JITTER, type LibraryFinding } from './library-finding.js';

/** A function that computes the delay from the attempt (`retryStrategy: times => …`), reported at `at`. */
export function delayFunctionFindings(model: FileModel, fn: Node, at: Node): LibraryFinding[] {
  let inner = unwrap(fn);
  if (!isFunction(inner)) {
    const local = model.localFunction(inner);
    if (!local) return [];
    inner = local;
  }
  if (!isFunction(inner)) return [];
  const param = inner.params[0];
  const counter = param?.type === AST_NODE_TYPES.Identifier ? param.name : undefined;
  const returned: Node[] = [];
  if (inner.body.type !== AST_NODE_TYPES.BlockStatement) returned.push(inner.body);
  else {
    findNode(
      inner.body,
      node => {
        if (node.type === AST_NODE_TYPES.ReturnStatement && node.argument) returned.push(node.argument);
        return false;
      },
      node => !isFunction(node),
    );
  }
  // Returning null/undefined/false/an Error stops retrying; only numeric delays are judged.
  const delays = returned.filter(node => {
    const value = model.summarizeValue(node);
    return (
      value.kind !== 'null' &&
      value.kind !== 'undefined' &&
      value.kind !== 'boolean' &&
      unwrap(node).type !== AST_NODE_TYPES.NewExpression
    );
  });
  const last = delays[delays.length - 1];
  if (!last) return [];
  const analysis = retryAnalysis(model);
  const counters = counter ? [counter] : [];
  // `({ attempt }) => …` (cockatiel's DelegateBackoff context)
  if (param?.type === AST_NODE_TYPES.ObjectPattern)
    for (const property of param.properties)
      if (property.type === AST_NODE_TYPES.Property && property.value.type === AST_NODE_TYPES.Identifier)
        counters.push(property.value.name);
  const delay = analysis.classifyDelay(last, last, counters, inner);
  if (delay.kind === 'constant') {
    const value = model.summarizeValue(last);
    return [
      { problem: value.kind === 'number' && value.value === 0 ? 'noDelay' : 'constantDelay', node: at },
    ];
  }
  if (delay.kind !== 'growing') return [];
  if (!delay.capped && delay.exponential)
    return [{ problem: 'uncappedBackoff', node: at, also: delay.jitter ? '' : ALSO_NO_JITTER }];
  if (!delay.jitter) return [{ problem: 'noJitter', node: at }];
  return [];
}
