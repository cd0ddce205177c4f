// Code that runs in a browser, not in a service. A request without a deadline there holds up one
// user's tab, which can reload; it does not hold a server's requests, workers or sockets, which is
// what require-timeout is about. A module is browser code when it says so (`'use client'`), when it
// imports React's client hooks (a hook module or a client component: their effects never run on a
// server), or when it reads the `document` or the `location` of a page (`document.cookie`,
// `location.origin`).
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { type Node, isFunction } from './ast.js';

/** React hooks that run only in a client component (React Server Components reject them). */
const CLIENT_HOOKS = new Set([
  'useState',
  'useEffect',
  'useLayoutEffect',
  'useInsertionEffect',
  'useRef',
  'useCallback',
  'useMemo',
  'useReducer',
  'useContext',
  'useTransition',
  'useDeferredValue',
  'useSyncExternalStore',
  'useImperativeHandle',
  'useOptimistic',
  'useActionState',
]);

const known = new WeakMap<TSESTree.Program, boolean>();

/** The linted module is browser code (see the file's header). Cached per program. */
export function isBrowserModule(sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  const program = sourceCode.ast;
  let found = known.get(program);
  if (found === undefined) {
    found = saysClient(program) || importsClientHooks(program) || readsDocument(sourceCode);
    known.set(program, found);
  }
  return found;
}

/** A `'use client'` directive at the top of the module. */
function saysClient(program: TSESTree.Program): boolean {
  for (const statement of program.body) {
    if (statement.type !== AST_NODE_TYPES.ExpressionStatement || statement.directive === undefined)
      return false;
    if (statement.directive === 'use client') return true;
  }
  return false;
}

/** `import { useEffect } from 'react'` (a value import, not a type). */
function importsClientHooks(program: TSESTree.Program): boolean {
  return program.body.some(
    statement =>
      statement.type === AST_NODE_TYPES.ImportDeclaration &&
      statement.source.value === 'react' &&
      statement.importKind !== 'type' &&
      statement.specifiers.some(
        specifier =>
          specifier.type === AST_NODE_TYPES.ImportSpecifier &&
          specifier.importKind !== 'type' &&
          specifier.imported.type === AST_NODE_TYPES.Identifier &&
          CLIENT_HOOKS.has(specifier.imported.name),
      ),
  );
}

/** Globals only a page has: its document, and its address (`location.origin`; Node has no `location`). */
const PAGE_GLOBALS = new Set(['document', 'location']);

/**
 * The module reads the global `document` or `location` other than to ask whether it exists (`typeof document`,
 * the check isomorphic code makes before it touches the page), and not in a function it hands to
 * a call: Puppeteer's and Playwright's `page.evaluate(() => document.title)` sends that function to
 * the browser it drives, from a module that runs on the server.
 */
function readsDocument(sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  const global = sourceCode.scopeManager?.globalScope;
  if (!global) return false;
  const references = [
    ...global.through,
    ...(global.set.get('document')?.references ?? []),
    ...(global.set.get('location')?.references ?? []),
  ];
  return references.some(
    reference =>
      PAGE_GLOBALS.has(reference.identifier.name) &&
      !(
        reference.identifier.parent.type === AST_NODE_TYPES.UnaryExpression &&
        reference.identifier.parent.operator === 'typeof'
      ) &&
      !inHandedFunction(reference.identifier),
  );
}

/** `node` is inside a function given to a call as an argument (`page.evaluate(() => …)`). */
function inHandedFunction(node: TSESTree.Node): boolean {
  for (let current: TSESTree.Node | undefined = node; current?.parent; current = current.parent) {
    const parent: TSESTree.Node = current.parent;
    if (
      isFunction(current as Node) &&
      (parent.type === AST_NODE_TYPES.CallExpression || parent.type === AST_NODE_TYPES.NewExpression) &&
      parent.arguments.includes(current as TSESTree.CallExpressionArgument)
    )
      return true;
  }
  return false;
}
