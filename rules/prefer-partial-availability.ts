import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';

import { createModelRule } from './create-rule.js';
import { type Node, findNode, isFunction, memberName, unwrap, writtenName } from './util/ast.js';
import type { FileModel } from './util/file-model.js';
import { fanOutElements } from './util/fan-out.js';
import { CHECK_TESTS_OPTION } from './util/test-files.js';
import { isRaceWithTimer } from './util/timeout-wrappers.js';

export type Options = [{ checkTests?: boolean; fixedLists?: boolean }];
export type MessageIds = 'allOrNothing' | 'raceFailsFast' | 'suggestAllSettled' | 'suggestAny';

/** The documented opt-out: a comment saying all-or-nothing is intended (`// all-or-nothing: …`). */
const OPT_OUT = /all-or-nothing/i;

/** Folds of a list into one answer, where a partial list would give a wrong one. */
const FOLDS = new Set(['reduce', 'reduceRight', 'every', 'some']);

/** `expression` is folded into one answer: `Math.max(...xs)`, `xs.reduce(…)`, `xs.every(…)`. */
function isFolded(expression: Node): boolean {
  const parent = expression.parent;
  if (parent?.type === AST_NODE_TYPES.SpreadElement) {
    const call = parent.parent;
    return (
      call?.type === AST_NODE_TYPES.CallExpression &&
      /^Math\.(?:max|min)$/.test(memberPath(call.callee) ?? '')
    );
  }
  if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === expression) {
    const name = memberName(parent);
    return name !== undefined && FOLDS.has(name) && parent.parent?.type === AST_NODE_TYPES.CallExpression;
  }
  if (parent?.type === AST_NODE_TYPES.ForOfStatement && parent.right === expression) return loopFolds(parent);
  return false;
}

/** Methods that add to a collection: a loop that calls them collects rather than folds. */
const COLLECTS = /^(?:push|unshift|splice|set|add|append|concat|assign)$/;

/**
 * `for (const r of results) if (r.at > latest) latest = r.at`: the loop only reassigns variables
 * (a maximum, a sum, a flag), and adds to no collection, calls nothing remote and returns nothing
 * from inside. That folds the list into one answer, as `Math.max(...)` does.
 */
function loopFolds(loop: TSESTree.ForOfStatement): boolean {
  let assigns = false;
  const other = findNode(
    loop.body,
    node => {
      if (node.type === AST_NODE_TYPES.AssignmentExpression) {
        if (unwrap(node.left).type !== AST_NODE_TYPES.Identifier) return true;
        assigns = true;
        return false;
      }
      if (node.type === AST_NODE_TYPES.UpdateExpression) {
        assigns = true;
        return false;
      }
      if (
        node.type === AST_NODE_TYPES.ReturnStatement ||
        node.type === AST_NODE_TYPES.YieldExpression ||
        node.type === AST_NODE_TYPES.AwaitExpression
      )
        return true;
      return (
        node.type === AST_NODE_TYPES.CallExpression &&
        node.callee.type === AST_NODE_TYPES.MemberExpression &&
        COLLECTS.test(memberName(node.callee) ?? '')
      );
    },
    node => !isFunction(node),
  );
  return other === undefined && assigns;
}

function memberPath(node: Node): string | undefined {
  const inner = unwrap(node);
  if (inner.type === AST_NODE_TYPES.Identifier) return inner.name;
  if (inner.type !== AST_NODE_TYPES.MemberExpression) return undefined;
  const object = memberPath(inner.object as Node);
  const name = memberName(inner);
  return object && name ? `${object}.${name}` : undefined;
}

/**
 * The results are folded into one answer (a maximum, a sum, an every/some), directly or through
 * the const that holds them: a partial list would give a wrong answer, so all or nothing is right.
 */
function foldsToOneAnswer(model: FileModel, call: TSESTree.CallExpression): boolean {
  let result: Node = call;
  while (
    result.parent?.type === AST_NODE_TYPES.AwaitExpression ||
    result.parent?.type === AST_NODE_TYPES.TSAsExpression
  )
    result = result.parent;
  if (isFolded(result)) return true;
  const holder = result.parent;
  if (holder?.type !== AST_NODE_TYPES.VariableDeclarator || holder.id.type !== AST_NODE_TYPES.Identifier)
    return false;
  const uses = model.findVariable(holder.id)?.references.filter(reference => !reference.init) ?? [];
  return uses.length > 0 && uses.every(reference => isFolded(reference.identifier as Node));
}

/**
 * Side effects only: the results are thrown away and a failure is handled on the spot
 * (`try { await Promise.all(keys.map(del)) } catch (e) { log(e) }`, `.catch(log)`). The other calls
 * still complete, and no answer is lost.
 */
function sideEffectsCaught(call: TSESTree.CallExpression): boolean {
  let result: Node = call;
  // `Promise.all(…).catch(log)`
  const member = result.parent;
  if (
    member?.type === AST_NODE_TYPES.MemberExpression &&
    member.object === result &&
    memberName(member) === 'catch' &&
    member.parent?.type === AST_NODE_TYPES.CallExpression
  )
    result = member.parent;
  const caught = result !== call;
  if (result.parent?.type === AST_NODE_TYPES.AwaitExpression) result = result.parent;
  if (result.parent?.type !== AST_NODE_TYPES.ExpressionStatement) return false;
  if (caught) return true;
  for (
    let current: Node | undefined = result.parent;
    current && !isFunction(current);
    current = current.parent
  ) {
    const owner: Node | undefined = current.parent;
    if (owner?.type === AST_NODE_TYPES.TryStatement && owner.block === current && owner.handler)
      return (
        findNode(
          owner.handler.body,
          node => node.type === AST_NODE_TYPES.ThrowStatement,
          node => !isFunction(node),
        ) === undefined
      );
  }
  return false;
}

/** Calls that take something away: a clean-up's parts, one intent (`del`, `deleteObject`, `removeMember`). */
const REMOVES =
  /^(?:del|delete|remove|destroy|unlink|evict|invalidate|purge|expire|revoke|clear)(?:[A-Z_]|$)/;

/** A collection's own methods, which only walk the items of a fan-in (`keys.map(…)`). */
const COLLECTION_METHODS = new Set([
  'map',
  'flatMap',
  'filter',
  'slice',
  'concat',
  'entries',
  'values',
  'keys',
  'from',
]);

/** `keys.map(…)`: a call of the collection's own methods. */
function collectionCall(call: TSESTree.CallExpression): boolean {
  return (
    call.callee.type === AST_NODE_TYPES.MemberExpression &&
    COLLECTION_METHODS.has(memberName(call.callee) ?? '')
  );
}

/** The function a collection's method is given (`keys.map(key => …)`). */
function isCallback(node: Node): boolean {
  return (
    isFunction(node) && node.parent?.type === AST_NODE_TYPES.CallExpression && collectionCall(node.parent)
  );
}

/** A remote call that removes: named for it, or a request sent with `method: 'DELETE'`. */
function removes(call: TSESTree.CallExpression | TSESTree.NewExpression): boolean {
  const name = writtenName(call.callee);
  if (name !== undefined && REMOVES.test(name)) return true;
  // `client.send(new DeleteItemCommand(…))`: an SDK command named for it.
  const [first] = call.arguments;
  const command = first ? unwrap(first as Node) : undefined;
  if (
    command?.type === AST_NODE_TYPES.NewExpression &&
    command.callee.type === AST_NODE_TYPES.Identifier &&
    /^(?:Batch)?(?:Delete|Remove|Purge)\w*Command$/.test(command.callee.name)
  )
    return true;
  return call.arguments.some(
    argument =>
      findNode(
        argument as Node,
        node =>
          node.type === AST_NODE_TYPES.Property &&
          node.key.type === AST_NODE_TYPES.Identifier &&
          node.key.name === 'method' &&
          node.value.type === AST_NODE_TYPES.Literal &&
          String(node.value.value).toUpperCase() === 'DELETE',
        inner => !isFunction(inner),
      ) !== undefined,
  );
}

/**
 * A clean-up: the fan-in's results are thrown away, every remote call in it removes something
 * (`await Promise.all(keys.map(key => cache.del(key)))`), and nothing is kept for later. Its parts
 * are one intent with no answer to serve in part; the other calls complete when one rejects, and
 * the rejection is how the caller learns the clean-up did not finish (`allSettled` would hide it).
 * A batch of other writes (a check triggered per region, a message per user) still is partial
 * work worth answering for part by part, and a callback that stores what it gets is a fan-in of
 * answers.
 */
function cleanUp(call: TSESTree.CallExpression): boolean {
  let result: Node = call;
  if (result.parent?.type === AST_NODE_TYPES.AwaitExpression) result = result.parent;
  const statement = result.parent;
  const discarded =
    statement?.type === AST_NODE_TYPES.ExpressionStatement ||
    (statement?.type === AST_NODE_TYPES.UnaryExpression && statement.operator === 'void');
  const argument = call.arguments[0] as Node | undefined;
  if (!discarded || !argument) return false;
  const keeps = findNode(
    argument,
    node =>
      node.type === AST_NODE_TYPES.AssignmentExpression ||
      (node.type === AST_NODE_TYPES.CallExpression &&
        node.callee.type === AST_NODE_TYPES.MemberExpression &&
        COLLECTS.test(memberName(node.callee) ?? '')),
  );
  if (keeps) return false;
  // Judged by the calls written in it (`keys.map(key => this.delete(ns, key))`: `delete`), not by
  // what they call in turn (a method that removes may read first), nor by the calls that only
  // build their arguments (`del(keyOf(k))`), nor by the collection's own methods.
  const calls: TSESTree.CallExpression[] = [];
  const inArguments = (node: Node): boolean =>
    node.parent?.type === AST_NODE_TYPES.CallExpression &&
    node.parent.arguments.includes(node as TSESTree.CallExpressionArgument) &&
    !collectionCall(node.parent);
  findNode(
    argument,
    node => {
      if (node.type === AST_NODE_TYPES.CallExpression && !collectionCall(node) && !inArguments(node))
        calls.push(node);
      return false;
    },
    node => (!inArguments(node) && !isFunction(node)) || isCallback(node),
  );
  return calls.length > 0 && calls.every(removes);
}

export default createModelRule<Options, MessageIds>({
  name: 'prefer-partial-availability',
  meta: {
    type: 'suggestion',
    docs: {
      description: 'Require fan-out over remote calls to tolerate the failure of some of them',
      // Not in `recommended`: whether a fan-in's parts all make one answer is rarely written in the
      // code, and on production code most are meant to be all-or-nothing (bench/production/audit).
      strict: true,
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
      if (
        method === 'Promise.all' &&
        (foldsToOneAnswer(model, call) || sideEffectsCaught(call) || cleanUp(call))
      )
        return;
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
