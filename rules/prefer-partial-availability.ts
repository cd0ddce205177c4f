import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';

import { createModelRule } from './create-rule.js';
import { type Node, memberName, unwrap } from './util/ast.js';
import type { FileModel } from './util/file-model.js';
import { fanOutElements } from './util/fan-out.js';
import { CHECK_TESTS_OPTION } from './util/test-files.js';
import { isRaceWithTimer } from './util/timeout-wrappers.js';

export type Options = [{ checkTests?: boolean; fixedLists?: boolean }];
export type MessageIds = 'allOrNothing' | 'raceFailsFast' | 'suggestAllSettled' | 'suggestAny';

/** The documented opt-out: a comment saying all-or-nothing is intended (`// all-or-nothing: …`). */
const OPT_OUT = /all-or-nothing/i;

export default createModelRule<Options, MessageIds>({
  name: 'prefer-partial-availability',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Require fan-out over remote calls to tolerate the failure of some of them',
      recommended: true,
    },
    hasSuggestions: true,
    messages: {
      allOrNothing:
        '`Promise.all` over {{count}} remote call{{plural}} fails the whole answer when any one of them fails or is slow to fail. Partial failure is normal: use `Promise.allSettled` and answer with the parts that arrived (mark the rest missing), or say why all-or-nothing is intended with an `// all-or-nothing: <reason>` comment.',
      raceFailsFast:
        '`Promise.race` over remote calls settles with the first one to finish, even when that one failed and another would have answered. Use `Promise.any` to take the first success (or say why with an `// all-or-nothing: <reason>` comment).',
      suggestAllSettled: 'Use `Promise.allSettled` (then handle the rejected parts).',
      suggestAny: 'Use `Promise.any`.',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          checkTests: CHECK_TESTS_OPTION,
          fixedLists: {
            type: 'boolean',
            description:
              'Also report `Promise.all` over a fixed list of remote calls (`[getProfile(id), getOrders(id)]`), not only over a collection.',
          },
        },
      },
    ],
    defaultOptions: [{ checkTests: false, fixedLists: false }],
  },
  create(context, [options], { model }) {
    // On production code the parts of a fixed list are nearly always all needed (a page and its
    // count, a record and its settings): only a list written out on purpose is judged by default
    // when the user asks for it. A collection grows with the data, and so do its ways to fail.
    const fixedLists = options.fixedLists === true;
    const sourceCode = context.sourceCode;

    /** A comment with the opt-out on the call's line, the line above, or before its statement. */
    function isOptedOut(call: TSESTree.CallExpression): boolean {
      let statement: Node = call;
      while (
        statement.parent &&
        !statement.parent.type.endsWith('Statement') &&
        statement.parent.type !== AST_NODE_TYPES.VariableDeclaration &&
        statement.parent.type !== AST_NODE_TYPES.Program
      ) {
        statement = statement.parent;
      }
      const anchor =
        statement.parent &&
        statement.parent.type !== AST_NODE_TYPES.Program &&
        statement.parent.type !== AST_NODE_TYPES.BlockStatement
          ? statement.parent
          : statement;
      // On the call's line, or ending on the line just above the statement (or the call).
      const lines = new Set([call.loc.start.line - 1, anchor.loc.start.line - 1]);
      return sourceCode
        .getAllComments()
        .some(
          comment =>
            OPT_OUT.test(comment.value) &&
            (comment.loc.start.line === call.loc.start.line || lines.has(comment.loc.end.line)),
        );
    }

    function check(call: TSESTree.CallExpression, model: FileModel): void {
      const callee = model.valueOf(call.callee);
      if (callee.kind !== 'global') return;
      const method = callee.path.join('.');
      if (method !== 'Promise.all' && method !== 'Promise.race') return;
      const argument = call.arguments[0];
      if (!argument || argument.type === AST_NODE_TYPES.SpreadElement) return;
      const fanOut = fanOutElements(model, argument);
      // A remote call in a list of two or more (its failure throws the rest away), or a mapped collection.
      if (!fanOut || fanOut.remote === 0 || (!fanOut.collection && (fanOut.elements ?? 0) < 2)) return;
      if (method === 'Promise.race' && !fanOut.collection && fanOut.remote === 1) {
        // `Promise.race([call, timer])` is a timeout wrapper, not fan-in; two calls still race each other.
        const list = unwrap(argument) as TSESTree.ArrayExpression;
        const timers = list.elements.filter(
          element =>
            element &&
            element.type !== AST_NODE_TYPES.SpreadElement &&
            model.remoteCallsIn(element).length === 0,
        );
        if (
          timers.some(element =>
            isRaceWithTimer(
              model,
              call,
              { ...list, elements: [element] } as TSESTree.ArrayExpression,
              undefined,
            ),
          )
        )
          return;
      }
      if (method === 'Promise.all' && !fanOut.collection && !fixedLists) return;
      if (isOptedOut(call)) return;
      const member = unwrap(call.callee);
      const property = member.type === AST_NODE_TYPES.MemberExpression ? member.property : undefined;
      if (method === 'Promise.race') {
        context.report({
          node: call.callee,
          messageId: 'raceFailsFast',
          suggest: property
            ? [{ messageId: 'suggestAny', fix: fixer => fixer.replaceText(property, 'any') }]
            : [],
        });
        return;
      }
      const count = fanOut.collection ? 'a collection of' : String(fanOut.remote);
      context.report({
        node: call.callee,
        messageId: 'allOrNothing',
        data: { count, plural: fanOut.collection || fanOut.remote > 1 ? 's' : '' },
        suggest:
          property && memberName(member as TSESTree.MemberExpression) === 'all'
            ? [{ messageId: 'suggestAllSettled', fix: fixer => fixer.replaceText(property, 'allSettled') }]
            : [],
      });
    }

    return {
      'Program:exit'(): void {
        // Nothing remote in the file, nothing to fan out (and no scope analysis to pay for).
        if (model.remoteCalls().length === 0) return;
        for (const call of model.calls) {
          if (
            call.type !== AST_NODE_TYPES.CallExpression ||
            call.callee.type !== AST_NODE_TYPES.MemberExpression
          )
            continue;
          const name = memberName(call.callee);
          if (name !== 'all' && name !== 'race') continue;
          check(call, model);
        }
      },
    };
  },
});
