// Syntax questions the retry analysis asks of a loop body or a function: the nodes that belong to
// it (not to a nested function), the names it reads and assigns, whether a block leaves the loop or
// can fall through, and what a function returns. Plain AST, no file model.
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';

import {
  type FunctionNode,
  type Node,
  enclosingFunction,
  findNode,
  isFunction,
  memberName,
  writtenName,
} from '../ast.js';
import type { Loop } from './types.js';

/** The expressions a function returns (its body, for an expression-bodied arrow). */
export function returnedExpressions(fn: FunctionNode): Node[] {
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return [fn.body];
  const returned: Node[] = [];
  ownNodes(fn.body, node => {
    if (node.type === AST_NODE_TYPES.ReturnStatement && node.argument) returned.push(node.argument);
  });
  return returned;
}

/** The name of a function's parameter at `position` (`ms`, or `ms` of `ms = 1000`), if a plain name. */
export function paramName(fn: FunctionNode, position: number): string | undefined {
  const param = fn.params[position];
  if (param?.type === AST_NODE_TYPES.Identifier) return param.name;
  if (param?.type === AST_NODE_TYPES.AssignmentPattern && param.left.type === AST_NODE_TYPES.Identifier)
    return param.left.name;
  return undefined;
}

/** Where a function takes the parameter named `name` (-1 when no plain parameter has that name). */
export function paramIndex(fn: FunctionNode, name: string): number {
  return fn.params.findIndex((_, position) => paramName(fn, position) === name);
}

/** Statements inside `root` that belong to it (not to a nested function), depth-first. */
export function ownNodes(root: Node, visit: (node: Node) => boolean | void): void {
  findNode(
    root,
    node => visit(node) === true,
    node => !isFunction(node),
  );
}

/** The statement can complete normally (does not always throw, return or break out). */
export function canFallThrough(block: TSESTree.BlockStatement): boolean {
  const last = block.body[block.body.length - 1];
  if (!last) return true;
  if (last.type === AST_NODE_TYPES.ThrowStatement || last.type === AST_NODE_TYPES.ReturnStatement)
    return false;
  if (last.type === AST_NODE_TYPES.BreakStatement && !last.label) return false;
  return true;
}

/** A `return` or `break` that leaves the loop (not one inside a nested loop, switch or function). */
export function exitsLoop(block: Node, loop: Loop): boolean {
  let found = false;
  ownNodes(block, node => {
    if (node.type === AST_NODE_TYPES.ReturnStatement) found = true;
    if (node.type === AST_NODE_TYPES.BreakStatement) {
      let target: Node | undefined = node.parent;
      while (target && target !== loop && !isLoopOrSwitch(target)) target = target.parent;
      if (target === loop || node.label) found = true;
    }
    return found;
  });
  return found;
}

export function isLoopOrSwitch(node: Node): boolean {
  return (
    node.type === AST_NODE_TYPES.WhileStatement ||
    node.type === AST_NODE_TYPES.DoWhileStatement ||
    node.type === AST_NODE_TYPES.ForStatement ||
    node.type === AST_NODE_TYPES.ForOfStatement ||
    node.type === AST_NODE_TYPES.ForInStatement ||
    node.type === AST_NODE_TYPES.SwitchStatement
  );
}

/** Names assigned in `root` (`x = …`, `x += …`, `x++`), excluding nested functions. */
export function assignedNames(root: Node): Map<string, Node[]> {
  const names = new Map<string, Node[]>();
  const add = (name: string, node: Node): void => {
    const list = names.get(name);
    if (list) list.push(node);
    else names.set(name, [node]);
  };
  ownNodes(root, node => {
    if (node.type === AST_NODE_TYPES.UpdateExpression && node.argument.type === AST_NODE_TYPES.Identifier)
      add(node.argument.name, node);
    if (node.type === AST_NODE_TYPES.AssignmentExpression && node.left.type === AST_NODE_TYPES.Identifier)
      add(node.left.name, node);
    if (
      node.type === AST_NODE_TYPES.UpdateExpression &&
      node.argument.type === AST_NODE_TYPES.MemberExpression
    ) {
      const name = memberName(node.argument);
      if (name) add(`this.${name}`, node);
    }
  });
  return names;
}

/**
 * `let body = ''; … body += chunk`: names that hold text built up, not a count (declared with a
 * string, or added a string to), in `root`, and in its nested functions when `nested`.
 */
export function textNames(root: Node, nested: boolean): Set<string> {
  const texts = new Set<string>();
  const stringy = (node: Node | null | undefined): boolean =>
    (node?.type === AST_NODE_TYPES.Literal && typeof node.value === 'string') ||
    node?.type === AST_NODE_TYPES.TemplateLiteral;
  findNode(
    root,
    node => {
      if (
        node.type === AST_NODE_TYPES.VariableDeclarator &&
        node.id.type === AST_NODE_TYPES.Identifier &&
        stringy(node.init)
      )
        texts.add(node.id.name);
      if (
        node.type === AST_NODE_TYPES.AssignmentExpression &&
        node.operator === '+=' &&
        node.left.type === AST_NODE_TYPES.Identifier &&
        stringy(node.right)
      )
        texts.add(node.left.name);
      return false;
    },
    node => nested || !isFunction(node),
  );
  return texts;
}

/** Names counted up or down in `root` (`x++`, `x -= 1`), excluding nested functions: attempt counters. */
export function steppedNames(root: Node): string[] {
  const stepped: string[] = [];
  const texts = textNames(root, false);
  for (const [name, writes] of assignedNames(root)) {
    if (texts.has(name)) continue;
    if (
      writes.some(
        write =>
          write.type === AST_NODE_TYPES.UpdateExpression ||
          (write.type === AST_NODE_TYPES.AssignmentExpression &&
            (write.operator === '+=' || write.operator === '-=')),
      )
    ) {
      stepped.push(name);
    }
  }
  return stepped;
}

/** Identifiers (and `this.x` members) used in an expression, excluding nested functions. */
export function namesIn(root: Node): Set<string> {
  const names = new Set<string>();
  ownNodes(root, node => {
    if (node.type === AST_NODE_TYPES.Identifier) names.add(node.name);
    if (node.type === AST_NODE_TYPES.MemberExpression && node.object.type === AST_NODE_TYPES.ThisExpression) {
      const name = memberName(node);
      if (name) names.add(`this.${name}`);
    }
  });
  return names;
}

/** The function containing `node` that has a name we can call it by (declaration, const, method). */
export function enclosingNamedFunction(node: Node): { node: FunctionNode; name: string } | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (!isFunction(current)) continue;
    if (current.type === AST_NODE_TYPES.FunctionDeclaration && current.id)
      return { node: current, name: current.id.name };
    const parent = current.parent;
    if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier)
      return { node: current, name: parent.id.name };
    if (
      (parent?.type === AST_NODE_TYPES.MethodDefinition ||
        parent?.type === AST_NODE_TYPES.Property ||
        parent?.type === AST_NODE_TYPES.PropertyDefinition) &&
      parent.key.type === AST_NODE_TYPES.Identifier
    ) {
      return { node: current, name: parent.key.name };
    }
    if (current.type === AST_NODE_TYPES.FunctionExpression && current.id)
      return { node: current, name: current.id.name };
    // An inner callback (`.catch(() => again())`): keep looking outwards.
  }
  return undefined;
}

/**
 * Errors that mean "someone else got there first": a retry of those picks again, it does not wait
 * out an outage. Case is spelled out so that `race` is a word (`lostRace`, `race`), not `trace`.
 */
export const CONFLICT =
  /[Dd]uplicate|DUPLICATE|[Cc]onflict|CONFLICT|[Uu]nique|UNIQUE|[Vv]ersion|[Aa]lready|[Ee]xists|[Tt]aken|[Cc]ollision|(?:^|[^A-Za-z])race|Race|P2002|11000|23505|ER_DUP/;

/** Errors a retry fixes by itself: a conflict (pick again), or an expired credential (refresh, then call again). */
export const FIXED_BY_RETRY = new RegExp(
  `${CONFLICT.source}|[Rr]efresh|REFRESH|[Ee]xpired|EXPIRED|[Uu]nauthori[sz]ed|UNAUTHORI[SZ]ED|[Rr]eauth|[Ii]nvalid_?[Tt]oken|INVALID_?TOKEN|^401$`,
);

/** The test names an error kind (`isDuplicateKeyError(err)`, `e instanceof RefreshToken`, `err.code === 'P2002'`). */
export function namesErrorKind(test: Node, kind: RegExp): boolean {
  return (
    findNode(
      test,
      node =>
        (node.type === AST_NODE_TYPES.Identifier && kind.test(node.name)) ||
        (node.type === AST_NODE_TYPES.Literal && kind.test(String(node.value))) ||
        (node.type === AST_NODE_TYPES.MemberExpression && kind.test(memberName(node) ?? '')),
      node => !isFunction(node),
    ) !== undefined
  );
}

/**
 * A `try` in an async function (or a module's top level) whose attempt never waits (`try { f() }
 * catch { await sleep(15000); return again(f) }`, `try { return mqtt.connectAsync(url) } catch { … }`):
 * its catch sees only what is thrown before the function returns, never the rejection of the work it
 * starts, and remote work fails by rejecting. The catch is no retry of a remote call; it never runs
 * when the service is down. Everything the function runs up to the end of the `try` block counts:
 * `const res = await fetch(url); try { if (!res.ok) throw … }` waits before the `try`, and its catch
 * does see a failed answer. A synchronous call (`execSync`) is waited for, so it counts as waiting.
 */
export function catchesOnlySyncThrows(statement: TSESTree.TryStatement): boolean {
  const fn = enclosingFunction(statement);
  if (fn && (!fn.async || fn.generator)) return false;
  let root: Node = statement;
  while (root.parent && root.parent !== fn) root = root.parent;
  const end = statement.block.range[1];
  const waits = findNode(
    fn ? fn.body : root,
    node =>
      node.range[0] < end &&
      (node.type === AST_NODE_TYPES.AwaitExpression ||
        node.type === AST_NODE_TYPES.YieldExpression ||
        (node.type === AST_NODE_TYPES.ForOfStatement && node.await) ||
        (node.type === AST_NODE_TYPES.CallExpression && /Sync$/.test(writtenName(node.callee) ?? ''))),
    node => !isFunction(node),
  );
  return waits === undefined;
}
