// Fixed delay lists: `DELAYS[attempt]`, `[100, 500, 2000][i]`, a schedule written out in full and
// read by the attempt counter. Such a list is its own cap; it grows or stays the same.
import { AST_NODE_TYPES } from '@typescript-eslint/types';

import { type Node, unwrap } from '../ast.js';
import type { FileModel } from '../file-model.js';
import { namesIn } from './syntax.js';
import type { Delay } from './types.js';

/** `DELAYS[attempt]`, `[100, 500, 2000][i]`: a delay read from a literal list by the attempt counter. */
export function delayList(
  model: FileModel,
  expr: Node,
  counters: readonly string[],
): Omit<Delay, 'call' | 'expr'> | undefined {
  const inner = unwrap(expr);
  if (inner.type !== AST_NODE_TYPES.MemberExpression || !inner.computed) return undefined;
  if (![...namesIn(inner.property as Node)].some(name => counters.includes(name))) return undefined;
  let list = unwrap(inner.object as Node);
  if (list.type === AST_NODE_TYPES.Identifier) list = model.constInit(list) ?? list;
  list = unwrap(list);
  if (list.type !== AST_NODE_TYPES.ArrayExpression || list.elements.length === 0) return undefined;
  const values: number[] = [];
  for (const element of list.elements) {
    if (!element || element.type === AST_NODE_TYPES.SpreadElement) return undefined;
    const value = model.summarizeValue(element as Node);
    if (value.kind !== 'number') return undefined;
    values.push(value.value);
  }
  const first = values[0] as number;
  if (values.every(value => value === first))
    return { kind: 'constant', exponential: false, capped: true, jitter: false };
  // A finite list is its own cap; it does not jitter.
  return { kind: 'growing', exponential: true, capped: true, jitter: false };
}
