// axios-retry's settings: `retries` (3 by default) and `retryDelay` (none by default; its own
// exponentialDelay is uncapped, linearDelay has no jitter, a function of ours is read).
import { AST_NODE_TYPES } from '@typescript-eslint/types';

import { type Summary, getProp } from '@faultline/catalog';
import { type CallLike, type Node, unwrap } from '../ast.js';
import type { FileModel } from '../file-model.js';
import { delayFunctionFindings } from './delay-function.js';
import { type LibraryFinding, number, valueNode } from './library-finding.js';

/** axios-retry options: the attempt count and the `retryDelay` (its own delay helpers, or a function). */
export function axiosRetryFindings(model: FileModel, call: CallLike, options: Summary): LibraryFinding[] {
  if (options.kind !== 'object' && options.kind !== 'absent') return [];
  const findings: LibraryFinding[] = [];
  const retries = getProp(options, 'retries');
  const count = number(retries?.value) ?? (retries ? undefined : 3);
  if (count === 0) return [];
  if (count === Infinity)
    findings.push({ problem: 'unboundedRetry', node: retries?.at as Node, why: ' (unlimited attempts)' });
  else if (count !== undefined && retries && count > model.settings.maxAttempts)
    findings.push({
      problem: 'unboundedRetry',
      node: retries.at as Node,
      why: ` (${count + 1} attempts)`,
    });
  const retryDelay = getProp(options, 'retryDelay');
  if (!retryDelay) {
    if (options.kind === 'object' && options.hasSpread) return findings;
    findings.push({ problem: 'noDelay', node: call.callee });
    return findings;
  }
  const property = retryDelay.at as Node;
  const value = unwrap(valueNode(retryDelay));
  const library = (node: Node): string | undefined => {
    const resolved = model.valueOf(node);
    return resolved.kind === 'module' && resolved.module === 'axios-retry'
      ? resolved.path.join('.')
      : undefined;
  };
  const delayName =
    library(value) ?? (value.type === AST_NODE_TYPES.CallExpression ? library(value.callee) : undefined);
  if (delayName === 'exponentialDelay') {
    // 2^n · 100 ms plus up to 20 % jitter, uncapped.
    if (count !== undefined && 2 ** count * 100 * 1.2 <= model.settings.maxDelayMs) return findings;
    findings.push({ problem: 'uncappedBackoff', node: property, also: '' });
    return findings;
  }
  if (delayName === 'linearDelay') {
    findings.push({ problem: 'noJitter', node: property });
    return findings;
  }
  findings.push(...delayFunctionFindings(model, value, property));
  return findings;
}
