// The TypeScript reader of a team's own timeout helper, the counterpart of the rules'
// `boundsHandedPromise` (rules/util/timeout-wrappers.ts): a function that races the promise or
// function it is handed against a timer, or settles a promise of its own from a timer and from
// what it is handed. A sleep helper is handed no work; a helper that runs its work from the timer
// delays it instead of bounding it.
import { ts } from 'ts-morph';

import { unwrap, walk } from './ts-util.js';

/** The plain parameter names of a function (`promise`, `ms` of `ms = 5000`). */
function paramNames(fn: ts.SignatureDeclarationBase): Set<string> {
  const names = new Set<string>();
  for (const param of fn.parameters) if (ts.isIdentifier(param.name)) names.add(param.name.text);
  return names;
}

/** `Promise.race([…])`'s array. */
function isRaceArray(node: ts.Node): boolean {
  const race = node.parent;
  if (!race || !ts.isCallExpression(race) || race.arguments[0] !== node) return false;
  const callee = unwrap(race.expression);
  return (
    ts.isPropertyAccessExpression(callee) &&
    callee.name.text === 'race' &&
    ts.isIdentifier(callee.expression) &&
    callee.expression.text === 'Promise'
  );
}

/** The function is a timeout helper for what it is handed (see the file's header). */
export function boundsHandedPromise(
  fn: ts.FunctionLikeDeclaration,
  isTimer: (call: ts.CallExpression) => boolean,
): boolean {
  const body = fn.body;
  const params = paramNames(fn);
  if (!body || params.size === 0) return false;
  const timers: ts.CallExpression[] = [];
  walk(body, node => {
    if (ts.isCallExpression(node) && isTimer(node)) timers.push(node);
  });
  if (timers.length === 0) return false;
  const within = (node: ts.Node, outer: ts.Node): boolean => outer.pos <= node.pos && node.end <= outer.end;
  // The executor of `new Promise((resolve, reject) => …)`, settled by a timer inside it.
  const settledByTimer = (executor: ts.SignatureDeclarationBase & ts.Node): boolean => {
    const settlers = paramNames(executor);
    return timers.some(timer => {
      if (!within(timer, executor)) return false;
      let found = false;
      walk(timer, node => {
        if (ts.isIdentifier(node) && settlers.has(node.text)) found = true;
        return !found;
      });
      return found;
    });
  };
  let bounded = false;
  walk(body, node => {
    if (bounded) return false;
    if (!ts.isIdentifier(node) || !params.has(node.text)) return true;
    if (timers.some(timer => within(node, timer))) return true;
    let use: ts.Node = node;
    if (ts.isCallExpression(use.parent) && use.parent.expression === use) use = use.parent;
    if (ts.isArrayLiteralExpression(use.parent) && isRaceArray(use.parent)) {
      bounded = true;
      return false;
    }
    for (let up: ts.Node | undefined = node.parent; up && up !== fn; up = up.parent) {
      if (
        (ts.isArrowFunction(up) || ts.isFunctionExpression(up)) &&
        ts.isNewExpression(up.parent) &&
        up.parent.arguments?.[0] === up &&
        ts.isIdentifier(up.parent.expression) &&
        up.parent.expression.text === 'Promise'
      ) {
        bounded = settledByTimer(up);
        break;
      }
    }
    return !bounded;
  });
  return bounded;
}
