// cockatiel's retry policies: `maxAttempts` (unbounded by default) and the backoff object
// (ConstantBackoff, DelegateBackoff, ExponentialBackoff and its maxDelay and generator).
import { AST_NODE_TYPES } from '@typescript-eslint/types';

import { type Summary, getProp } from '@faultline/catalog';
import { type CallLike, type Node, unwrap } from '../ast.js';
import type { FileModel } from '../file-model.js';
import { delayFunctionFindings } from './delay-function.js';
import { type LibraryFinding, number, valueNode } from './library-finding.js';

/** A cockatiel retry policy: `maxAttempts` and the backoff it is given (the default waits 0 ms). */
export function cockatielFindings(model: FileModel, call: CallLike, options: Summary): LibraryFinding[] {
  if (options.kind !== 'object' && options.kind !== 'absent') return [];
  if (options.kind === 'object' && options.hasSpread) return [];
  const findings: LibraryFinding[] = [];
  const attempts = getProp(options, 'maxAttempts');
  const count = number(attempts?.value);
  if (count === 0) return [];
  if (!attempts)
    findings.push({
      problem: 'unboundedRetry',
      node: call.callee,
      why: ' (cockatiel retries forever unless `maxAttempts` is set)',
    });
  else if (count === Infinity)
    findings.push({ problem: 'unboundedRetry', node: attempts.at as Node, why: ' (unlimited attempts)' });
  else if (count !== undefined && count > model.settings.maxAttempts)
    findings.push({ problem: 'unboundedRetry', node: attempts.at as Node, why: ` (${count} attempts)` });
  const backoff = getProp(options, 'backoff');
  if (!backoff) {
    // The default backoff is `new ConstantBackoff(0)` (cockatiel 4 Policy.js).
    findings.push({ problem: 'noDelay', node: call.callee });
    return findings;
  }
  const value = unwrap(valueNode(backoff));
  if (value.type !== AST_NODE_TYPES.NewExpression) return findings;
  const ctor = model.valueOf(value.callee);
  const name = ctor.kind === 'module' && ctor.module === 'cockatiel' ? ctor.path.join('.') : undefined;
  if (name === 'ConstantBackoff') {
    const delay = value.arguments[0] ? model.summarizeValue(value.arguments[0]) : undefined;
    findings.push({
      problem: delay?.kind === 'number' && delay.value === 0 ? 'noDelay' : 'constantDelay',
      node: backoff.at as Node,
    });
  } else if (name === 'DelegateBackoff' && value.arguments[0]) {
    findings.push(...delayFunctionFindings(model, value.arguments[0], backoff.at as Node));
  } else if (name === 'ExponentialBackoff') {
    const config = value.arguments[0] ? model.summarizeTop(value.arguments[0]) : { kind: 'absent' as const };
    const maxDelay = getProp(config, 'maxDelay');
    if (maxDelay && number(maxDelay.value) === Infinity)
      findings.push({ problem: 'uncappedBackoff', node: maxDelay.at as Node, also: '' });
    const generator = getProp(config, 'generator');
    if (generator && /noJitter/i.test(model.sourceCode.getText(valueNode(generator))))
      findings.push({ problem: 'noJitter', node: generator.at as Node });
  }
  return findings;
}
