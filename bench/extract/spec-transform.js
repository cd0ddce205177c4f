// The mechanical transform that turns a library's own vitest spec into one that can run against a
// remote implementation whose functions return promises. It is a fixed set of rewrites, applied by
// the TypeScript parser, never by hand:
//
//  1. The import of a function under test (from its own module, relative) is redirected to the
//     `target` module, which exports either the library's function or the generated client's.
//  2. Every other relative import is rewritten to point at the same file from the new location.
//  3. Every call of a function under test, `fn(...)`, becomes `(await fn(...))`.
//  4. `expect(() => …fn(…)…).toThrow(…)` becomes `await expect((async () => …)()).rejects.toThrow(…)`,
//     since a remote call reports its error by rejecting.
//  5. Every function that now holds an `await` of its own is made `async` (the `it` callbacks).
//
// What it cannot rewrite soundly it refuses with the line: a function under test used as a value
// (`list.map(fn)`), or a throwing call checked other than by `toThrow*` on `expect(fn)`.
import path from 'node:path';

import ts from 'typescript';

/**
 * Transforms one spec's text.
 * @param {string} text the spec's source
 * @param {{ specFile: string, outFile: string, exports: readonly string[], target: string }} options
 *   specFile: where the spec lives (to resolve its relative imports); outFile: where the result
 *   will be written; exports: the functions under test; target: the module specifier (relative to
 *   outFile) that exports them.
 * @returns {{ text: string, calls: number, imports: string[] }}
 */
export function transformSpec(text, { specFile, outFile, exports, target }) {
  const source = ts.createSourceFile(specFile, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const names = new Set();
  /** @type {{ at: number, order: number, text: string, end?: number }[]} */
  const edits = [];
  const where = node => `${specFile}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
  const redirected = [];

  for (const statement of source.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
    const specifier = statement.moduleSpecifier.text;
    if (!specifier.startsWith('.')) continue;
    const bindings = statement.importClause?.namedBindings;
    const imported =
      bindings && ts.isNamedImports(bindings)
        ? bindings.elements.map(element => (element.propertyName ?? element.name).text)
        : [];
    const underTest = imported.filter(name => exports.includes(name));
    let replacement;
    if (underTest.length > 0) {
      if (underTest.length !== imported.length || statement.importClause?.name)
        throw new Error(
          `${where(statement)}: the import of ${underTest.join(', ')} also imports other names; split it first.`,
        );
      for (const element of bindings.elements) names.add(element.name.text);
      replacement = target;
      redirected.push(...underTest);
    } else {
      const resolved = path.resolve(path.dirname(specFile), specifier);
      replacement = path.relative(path.dirname(outFile), resolved).split(path.sep).join('/');
      if (!replacement.startsWith('.')) replacement = `./${replacement}`;
    }
    edits.push({
      at: statement.moduleSpecifier.getStart() + 1,
      end: statement.moduleSpecifier.getEnd() - 1,
      order: 0,
      text: replacement,
    });
  }
  if (names.size === 0)
    throw new Error(`${specFile}: imports none of ${exports.join(', ')} from a relative module.`);

  const asyncFunctions = new Set();
  const enclosingFunction = node => {
    for (let current = node.parent; current; current = current.parent)
      if (ts.isFunctionLike(current)) return current;
    return undefined;
  };
  const isCallee = node => ts.isCallExpression(node.parent) && node.parent.expression === node;
  const isDeclarationName = node =>
    (ts.isImportSpecifier(node.parent) || ts.isPropertyAccessExpression(node.parent)) &&
    node.parent.name === node;
  let calls = 0;
  const wrapped = new Set();

  /** `expect(F).toThrow…(…)`, `expect(F).not.toThrow…` excluded: the chain's outer call, or undefined. */
  const throwAssertion = expectCall => {
    const access = expectCall.parent;
    if (!ts.isPropertyAccessExpression(access) || access.expression !== expectCall) return undefined;
    if (!/^toThrow/.test(access.name.text)) return undefined;
    const outer = access.parent;
    return ts.isCallExpression(outer) && outer.expression === access ? { access, outer } : undefined;
  };

  const visit = node => {
    if (ts.isIdentifier(node) && names.has(node.text) && !isDeclarationName(node)) {
      if (!isCallee(node))
        throw new Error(
          `${where(node)}: ${node.text} is used as a value, not called; the transform cannot await it.`,
        );
      const call = node.parent;
      calls++;
      edits.push({ at: call.getStart(), order: 1, text: '(await ' });
      edits.push({ at: call.getEnd(), order: -1, text: ')' });
      const fn = enclosingFunction(call);
      if (!fn) throw new Error(`${where(call)}: ${node.text} is called outside a function.`);
      asyncFunctions.add(fn);
      // A throwing call checked with expect(() => fn(...)).toThrow(...): the check must await a rejection.
      if (
        (ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) &&
        ts.isCallExpression(fn.parent) &&
        fn.parent.arguments[0] === fn
      ) {
        const expectCall = fn.parent;
        if (
          ts.isIdentifier(expectCall.expression) &&
          expectCall.expression.text === 'expect' &&
          !wrapped.has(expectCall)
        ) {
          wrapped.add(expectCall);
          const assertion = throwAssertion(expectCall);
          if (!assertion)
            throw new Error(
              `${where(expectCall)}: expect(() => ${node.text}(…)) is checked other than by toThrow; the transform handles only toThrow*.`,
            );
          edits.push({ at: fn.getStart(), order: 2, text: '(' });
          edits.push({ at: fn.getEnd(), order: -2, text: ')()' });
          edits.push({ at: assertion.access.name.getStart(), order: 0, text: 'rejects.' });
          edits.push({ at: expectCall.getStart(), order: 3, text: 'await ' });
          const outerFn = enclosingFunction(expectCall);
          if (!outerFn) throw new Error(`${where(expectCall)}: expect is called outside a function.`);
          asyncFunctions.add(outerFn);
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);

  for (const fn of asyncFunctions) {
    if (fn.modifiers?.some(modifier => modifier.kind === ts.SyntaxKind.AsyncKeyword)) continue;
    if (ts.isArrowFunction(fn) || ts.isFunctionExpression(fn) || ts.isFunctionDeclaration(fn))
      edits.push({ at: fn.getStart(), order: 1.5, text: 'async ' });
    else throw new Error(`${where(fn)}: cannot make this kind of function async.`);
  }

  // Apply from the end. At one position the edit applied last lands leftmost, so a higher order
  // means further left: '(' before 'async ' at a function's start, ')' of the await before ')()'.
  edits.sort((a, b) => b.at - a.at || a.order - b.order);
  let result = text;
  for (const edit of edits) result = result.slice(0, edit.at) + edit.text + result.slice(edit.end ?? edit.at);
  return { text: result, calls, imports: [...new Set(redirected)] };
}
