// The bound on a retry: what stops it going round for ever. An attempt counter, a deadline or an
// abort signal, tested in a loop's condition or in a guard that leaves the loop (or the retrying
// function).
import { AST_NODE_TYPES } from '@typescript-eslint/types';

import {
  type FunctionNode,
  type Node,
  findNode,
  isFunction,
  isPromiseExecutor,
  memberName,
  unwrap,
  writtenName,
} from '../ast.js';
import { namesIn, ownNodes } from './syntax.js';
import type { Loop } from './types.js';

const DEADLINE_NAME =
  /deadline|until|expir|time[dD]?[oO]ut|budget|giveUp|stopAt|endAt|maxTime|isLast|lastAttempt/i;

/** A comparison that involves an attempt counter, a deadline, or an abort signal. */
export function isBoundTest(
  test: Node,
  counters: readonly string[],
  clocks: readonly string[] = [],
  aliases?: ReadonlyMap<string, Node>,
  depth = 0,
): boolean {
  return (
    findNode(test, node => {
      // `const tooMany = attempt && attempt > 2; if (!tooMany && …)`: a const that holds the test.
      if (node.type === AST_NODE_TYPES.Identifier && depth < 2) {
        const init = aliases?.get(node.name);
        if (init && isBoundTest(init, counters, clocks, aliases, depth + 1)) return true;
      }
      if (
        node.type === AST_NODE_TYPES.BinaryExpression &&
        ['<', '<=', '>', '>=', '===', '==', '!==', '!='].includes(node.operator)
      ) {
        const names = namesIn(node);
        // `const nextRetry = retries + 1; if (nextRetry >= maxRetries)`: a const made of the counter.
        for (const name of [...names]) {
          const init = depth < 2 ? aliases?.get(name) : undefined;
          if (init) for (const inner of namesIn(init)) names.add(inner);
        }
        if (counters.some(name => names.has(name))) return true;
        // `while (i++ <= 10)`: a counter stepped in the comparison itself.
        if (
          [node.left, node.right].some(
            side =>
              side.type === AST_NODE_TYPES.UpdateExpression &&
              side.argument.type === AST_NODE_TYPES.Identifier,
          )
        )
          return true;
        if ([...names].some(name => DEADLINE_NAME.test(name) || clocks.includes(name))) return true;
        return (
          findNode(
            node,
            inner => inner.type === AST_NODE_TYPES.MemberExpression && memberName(inner) === 'now',
          ) !== undefined
        );
      }
      if (node.type === AST_NODE_TYPES.MemberExpression && memberName(node) === 'aborted') return true;
      // `if (timedOut) throw`, `if (isLastAttempt) …`: a flag that a deadline sets.
      if (
        node.type === AST_NODE_TYPES.Identifier &&
        DEADLINE_NAME.test(node.name) &&
        !counters.includes(node.name)
      )
        return true;
      // `while (retries--)`, `while (attempts)`: a counter used as the condition.
      if (
        node.type === AST_NODE_TYPES.UpdateExpression &&
        node.argument.type === AST_NODE_TYPES.Identifier &&
        counters.includes(node.argument.name)
      )
        return true;
      return node === test && node.type === AST_NODE_TYPES.Identifier && counters.includes(node.name);
    }) !== undefined
  );
}

/** The loop stops on an attempt count or a deadline: in its condition, or a guarded throw/break/return. */
export function loopBounded(loop: Loop, counters: readonly string[]): boolean {
  const test = loop.test;
  if (test && isBoundTest(test, counters)) return true;
  if (
    test &&
    !(test.type === AST_NODE_TYPES.Literal && test.value === true) &&
    loop.type !== AST_NODE_TYPES.ForStatement
  ) {
    // `while (!done)`, `while (running)`: a flag the body may clear; only a guarded exit bounds it.
  }
  // `const waited = Date.now() - startedAt`: a time read in the loop, compared with a budget below.
  const clocks: string[] = [];
  ownNodes(loop.body, node => {
    if (
      node.type === AST_NODE_TYPES.VariableDeclarator &&
      node.id.type === AST_NODE_TYPES.Identifier &&
      node.init &&
      findNode(
        node.init,
        inner => inner.type === AST_NODE_TYPES.MemberExpression && memberName(inner) === 'now',
      )
    )
      clocks.push(node.id.name);
    return false;
  });
  let bounded = false;
  ownNodes(loop.body, node => {
    if (node.type !== AST_NODE_TYPES.IfStatement && node.type !== AST_NODE_TYPES.ConditionalExpression)
      return false;
    if (!isBoundTest(node.test, counters, clocks)) return false;
    if (exitsIn(node.consequent)) bounded = true;
    // `if (Date.now() - started < budget) { await sleep(250); continue; } return null;`: the loop
    // goes round only while the bound holds, and leaves otherwise.
    else if (node.type === AST_NODE_TYPES.IfStatement && continuesIn(node.consequent))
      bounded = (node.alternate !== null && exitsIn(node.alternate)) || exitsAfter(node);
    // `if (attempts < 5) { await sleep(ms) } else { throw err }`: the other branch leaves.
    else if (node.type === AST_NODE_TYPES.IfStatement && node.alternate !== null && exitsIn(node.alternate))
      bounded = true;
    return bounded;
  });
  return bounded || settledByCount(loop.body, counters);
}

/**
 * The attempt's promise fails only below the count, and the loop goes round only when it fails:
 * every `reject` of a Promise executor in the loop sits in a branch whose test requires the count
 * to be below a bound (`counter < MAX && …`, a conjunct), and that branch's `else` resolves.
 * `await new Promise((resolve, reject) => request(params, (err, res) => { if (attempt < MAX &&
 * throttled(err)) reject(err); else resolve(res) }))`, with `attempt` stepped in the loop.
 */
function settledByCount(body: Node, counters: readonly string[]): boolean {
  if (counters.length === 0) return false;
  return (
    findNode(body, executor => {
      if (!isFunction(executor) || !isPromiseExecutor(executor)) return false;
      const [resolveParam, rejectParam] = executor.params;
      if (resolveParam?.type !== AST_NODE_TYPES.Identifier || rejectParam?.type !== AST_NODE_TYPES.Identifier)
        return false;
      const callsOf = (region: Node, name: string): Node[] => {
        const found: Node[] = [];
        findNode(region, node => {
          if (
            node.type === AST_NODE_TYPES.CallExpression &&
            node.callee.type === AST_NODE_TYPES.Identifier &&
            node.callee.name === name
          )
            found.push(node);
          return false;
        });
        return found;
      };
      const rejects = callsOf(executor.body, rejectParam.name);
      return (
        rejects.length > 0 &&
        rejects.every(call => {
          for (let child: Node = call, up = call.parent; up && up !== executor; child = up, up = up.parent) {
            if (up.type !== AST_NODE_TYPES.IfStatement && up.type !== AST_NODE_TYPES.ConditionalExpression)
              continue;
            if (up.consequent !== child || !up.alternate) continue;
            if (!belowBound(up.test, counters)) continue;
            if (callsOf(up.alternate, resolveParam.name).length > 0) return true;
          }
          return false;
        })
      );
    }) !== undefined
  );
}

/** A conjunct of `test` requires a counter below a bound: `attempt < MAX && …`, `MAX > attempt`. */
function belowBound(test: Node, counters: readonly string[]): boolean {
  const node = unwrap(test);
  if (node.type === AST_NODE_TYPES.LogicalExpression && node.operator === '&&')
    return belowBound(node.left, counters) || belowBound(node.right, counters);
  if (node.type !== AST_NODE_TYPES.BinaryExpression) return false;
  const counted = (side: Node): boolean => {
    const inner = unwrap(side);
    return inner.type === AST_NODE_TYPES.Identifier && counters.includes(inner.name);
  };
  if (node.operator === '<' || node.operator === '<=') return counted(node.left as Node);
  if (node.operator === '>' || node.operator === '>=') return counted(node.right);
  return false;
}

/** `region` leaves the loop: a throw, a return, a break, or a helper that throws. */
function exitsIn(region: Node): boolean {
  return (
    findNode(
      region,
      inner =>
        inner.type === AST_NODE_TYPES.ThrowStatement ||
        inner.type === AST_NODE_TYPES.ReturnStatement ||
        inner.type === AST_NODE_TYPES.BreakStatement ||
        // `throwWithCause(err)`, `bail(err)`, `fail(…)`: helpers that throw
        (inner.type === AST_NODE_TYPES.CallExpression &&
          /^(throw|fail|bail|abort|giveUp|reject)/i.test(writtenName(inner.callee) ?? '')),
      inner => !isFunction(inner),
    ) !== undefined
  );
}

/** `region` ends in `continue` (of the loop around it, not of a loop inside it). */
export function continuesIn(region: Node): boolean {
  const last = region.type === AST_NODE_TYPES.BlockStatement ? region.body.at(-1) : region;
  if (last?.type === AST_NODE_TYPES.ContinueStatement) return last.label === null;
  // `if (found) continue;` last: it goes round only then, and falls out of the region otherwise.
  return last?.type === AST_NODE_TYPES.IfStatement && last.alternate === null && continuesIn(last.consequent);
}

/**
 * The statements after `statement` in its block run straight on to a return, throw or break; at
 * the end of an `if`'s branch, so do those after the `if` (`if (retryable) { if (n++ < 1) { …;
 * continue } } throw e`).
 */
export function exitsAfter(statement: Node): boolean {
  const block = statement.parent;
  if (block?.type !== AST_NODE_TYPES.BlockStatement) return false;
  for (const next of block.body.slice(block.body.indexOf(statement as (typeof block.body)[number]) + 1)) {
    if (
      next.type === AST_NODE_TYPES.ReturnStatement ||
      next.type === AST_NODE_TYPES.ThrowStatement ||
      next.type === AST_NODE_TYPES.BreakStatement
    )
      return true;
    // Logging or bookkeeping on the way out; anything that can branch or loop ends the search.
    if (next.type !== AST_NODE_TYPES.ExpressionStatement && next.type !== AST_NODE_TYPES.VariableDeclaration)
      return false;
  }
  const branch = block.parent;
  return branch?.type === AST_NODE_TYPES.IfStatement && branch.consequent === block && exitsAfter(branch);
}

/** The function stops retrying on an attempt count, a deadline or an abort signal it tests. */
export function functionBounded(fn: FunctionNode, counters: readonly string[]): boolean {
  const aliases = constsOf(fn);
  let bounded = false;
  findNode(fn.body, node => {
    if (
      node.type !== AST_NODE_TYPES.IfStatement &&
      node.type !== AST_NODE_TYPES.ConditionalExpression &&
      node.type !== AST_NODE_TYPES.LogicalExpression
    )
      return false;
    const test = node.type === AST_NODE_TYPES.LogicalExpression ? node.left : node.test;
    if (isBoundTest(test, counters, [], aliases)) bounded = true;
    return bounded;
  });
  return bounded;
}

/** The `const name = …` declarations of `fn`'s own body (not of functions nested in it), by name. */
function constsOf(fn: FunctionNode): Map<string, Node> {
  const consts = new Map<string, Node>();
  ownNodes(fn.body, node => {
    if (node.type !== AST_NODE_TYPES.VariableDeclaration || node.kind !== 'const') return;
    for (const declarator of node.declarations)
      if (declarator.id.type === AST_NODE_TYPES.Identifier && declarator.init)
        consts.set(declarator.id.name, declarator.init);
  });
  return consts;
}
