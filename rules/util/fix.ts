// Suggestion fixes shared by the rules.
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESLint } from '@typescript-eslint/utils';

import { type CallLike, unwrap } from './ast.js';

/**
 * A fix that adds the property `text` (`timeout: 5000`, `signal`) to the options argument at
 * `index`: at the front of the object literal there, or as a new `{ text }` argument after the
 * last one (skipped positions filled with `undefined`). Undefined when no edit is safe: the call
 * spreads its arguments, or the argument at `index` is not an object literal.
 */
export function addOptionFix(
  call: CallLike,
  index: number,
  text: string,
): TSESLint.ReportFixFunction | undefined {
  const args = call.arguments;
  if (args.some(arg => arg.type === AST_NODE_TYPES.SpreadElement)) return undefined;
  const target = args[index];
  if (target) {
    const object = unwrap(target);
    if (object.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
    const first = object.properties[0];
    return fixer =>
      first ? fixer.insertTextBefore(first, `${text}, `) : fixer.replaceText(object, `{ ${text} }`);
  }
  const last = args[args.length - 1];
  if (!last) return undefined;
  const padding = ', undefined'.repeat(index - args.length);
  return fixer => fixer.insertTextAfter(last, `${padding}, { ${text} }`);
}
