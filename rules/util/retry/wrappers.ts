// A team's own retry helpers (`settings.faultline.retryWrappers`): a call to one that says whose
// options it takes (`retryOptions: 'p-retry'`) is judged like a call of that retry library, with
// the wrapper's own `defaults` standing in for options the call does not write.
import { AST_NODE_TYPES } from '@typescript-eslint/types';

import { ABSENT, type BackoffFinding, type RetryWrapper, decideRetryWrapper } from '@faultline/catalog';
import type { CallLike } from '../ast.js';
import type { FileModel } from '../file-model.js';
import { findFunctionRef } from '../timeout-wrappers.js';

const described = new WeakMap<readonly RetryWrapper[], readonly RetryWrapper[]>();

/** The wrappers whose schedule the settings describe (the others only name a retry helper). */
function describedWrappers(wrappers: readonly RetryWrapper[]): readonly RetryWrapper[] {
  let found = described.get(wrappers);
  if (!found) {
    found = wrappers.filter(wrapper => wrapper.retryOptions !== undefined);
    described.set(wrappers, found);
  }
  return found;
}

/**
 * What is wrong with the schedule of a call to a described retry wrapper; findings from the
 * wrapper's defaults carry the callee as their node.
 */
export function retryWrapperFindings(model: FileModel, call: CallLike): BackoffFinding[] {
  if (call.type !== AST_NODE_TYPES.CallExpression) return [];
  const wrappers = describedWrappers(model.settings.retryWrappers);
  if (wrappers.length === 0) return [];
  const wrapper = findFunctionRef(model, call.callee, wrappers);
  if (!wrapper) return [];
  const options =
    wrapper.optionsArg === undefined ? ABSENT : model.optionsOf(call, { at: wrapper.optionsArg });
  return decideRetryWrapper(wrapper, options, call.callee, model.settings);
}
