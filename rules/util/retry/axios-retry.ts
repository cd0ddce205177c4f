// axios-retry's settings: `retries` (3 by default) and `retryDelay` (none by default; its own
// exponentialDelay is uncapped, linearDelay has no jitter, a function of ours is read).
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';

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
  // `(count, error) => exponentialDelay(count, error, 1000)`: the library's helper with another factor.
  const helper = returnedCall(value);
  const delayName =
    library(value) ??
    (value.type === AST_NODE_TYPES.CallExpression ? library(value.callee) : undefined) ??
    (helper ? library(helper.callee) : undefined);
  if (delayName === 'exponentialDelay') {
    // 2^n · factor (100 ms by default) plus up to 20 % jitter, uncapped.
    const given = helper?.arguments[2];
    const factor =
      given === undefined
        ? 100
        : given.type === AST_NODE_TYPES.Literal && typeof given.value === 'number'
          ? given.value
          : undefined;
    if (count !== undefined && factor !== undefined && 2 ** count * factor * 1.2 <= model.settings.maxDelayMs)
      return findings;
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

/** The call a function returns and does nothing else with: `(n, e) => helper(n, e, 1000)`, or a body of one `return`. */
function returnedCall(value: Node): TSESTree.CallExpression | undefined {
  if (
    value.type !== AST_NODE_TYPES.ArrowFunctionExpression &&
    value.type !== AST_NODE_TYPES.FunctionExpression
  )
    return undefined;
  let returned: Node | null | undefined = value.body;
  if (returned.type === AST_NODE_TYPES.BlockStatement) {
    const [only, ...rest] = returned.body;
    returned = rest.length === 0 && only?.type === AST_NODE_TYPES.ReturnStatement ? only.argument : undefined;
  }
  const call = returned ? unwrap(returned) : undefined;
  return call?.type === AST_NODE_TYPES.CallExpression ? call : undefined;
}
