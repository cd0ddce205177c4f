// Who waits for a function of the linted file: how the other modules of its package use it (not at
// all, only dropping its promise, or waiting for it), read from their text and trees.
import path from 'node:path';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';
import { type Node, enclosingFunction, findNode, memberName, requireCall, unwrap } from '../ast.js';
import {
  type ParserLike,
  type ProjectContext,
  parserOf,
  projectModules,
  projectRoot,
} from '../project-facts.js';
import { type ModuleInfo, moduleInfo, resolveProjectModule } from '../project-modules.js';
import { type WaitersModel, nobodyWaits, syntacticWaitersModel } from '../waiters.js';
import { moduleText } from './bare-names.js';

/** How a function of the linted file is used by the other modules of its package. */
export type UsesElsewhere = 'none' | 'dropped' | 'waited';

/** What is asked about: a function the file exports by name or as its default, or a class member. */
export interface ExportedFunction {
  name: string;
  exported: 'named' | 'default' | 'member';
}

/**
 * Creates the question "how do the other modules of the linted file's package use this function
 * of it?": not at all (`none`: the file's own uses decide), only in calls whose promise is dropped
 * (`dropped`: a statement of its own inside a function, `void`, a `.catch(…)`), or otherwise
 * (`waited`: a call that waits, a use that is not a call, a re-export, a `require`, a dynamic
 * import, or any mention of a class member's name). Modules are found by their imports of the
 * linted file; a member is looked for by its name alone. Undefined where project facts are off.
 * Asked only when a finding is about to be reported, so it may read the whole package.
 */
export function projectUsesElsewhere(
  context: ProjectContext & { sourceCode: { ast: unknown } },
): ((what: ExportedFunction) => UsesElsewhere) | undefined {
  const parser = parserOf(context);
  const own = context.filename;
  if (!parser || !path.isAbsolute(own) || /[\\/]node_modules[\\/]/.test(own)) return undefined;
  const root = projectRoot(own, context.cwd);
  if (!root) return undefined;
  const answers = new Map<string, UsesElsewhere>();
  return what => {
    const key = `${what.exported}\0${what.name}`;
    let answer = answers.get(key);
    if (answer === undefined) {
      answer = usesElsewhere(context, parser, root, what);
      answers.set(key, answer);
    }
    return answer;
  };
}

/**
 * Creates the question "with which arguments do the other modules of the linted file's package
 * call this function of it?": every call (its arguments), or `other` when some module uses it
 * otherwise (hands it on, re-exports it, imports the file dynamically or by an unbound
 * `require`), or when it is a class member. Undefined where project facts are off. Asked only when
 * a finding is about to be reported.
 */
export function projectCallsElsewhere(
  context: ProjectContext & { sourceCode: { ast: unknown } },
): ((what: ExportedFunction) => readonly TSESTree.CallExpression[] | 'other') | undefined {
  const parser = parserOf(context);
  const own = context.filename;
  if (!parser || !path.isAbsolute(own) || /[\\/]node_modules[\\/]/.test(own)) return undefined;
  const root = projectRoot(own, context.cwd);
  if (!root) return undefined;
  const answers = new Map<string, readonly TSESTree.CallExpression[] | 'other'>();
  return what => {
    const key = `${what.exported}\0${what.name}`;
    let answer = answers.get(key);
    if (answer === undefined) {
      const calls: TSESTree.CallExpression[] = [];
      answer =
        what.exported === 'member' ? 'other' : (usesElsewhere(context, parser, root, what, calls), calls);
      if (answer !== 'other' && calls.includes(OTHER_USE)) answer = 'other';
      answers.set(key, answer);
    }
    return answer;
  };
}

/**
 * Creates the question "may some module of the linted file's package wait for the listeners of
 * these events?": true when a module (the linted file too) calls `emitAsync` with one of them (or
 * with an event it names otherwise: a variable, a template), which is all a listener's promise can
 * reach (EventEmitter2's `emit`, and the `emit` of a wrapper around it, returns at once). A module
 * that cannot be read may. Undefined where project facts are off. Asked only when a finding is
 * about to be reported.
 */
export function projectEventAwaited(
  context: ProjectContext & { sourceCode: { ast: unknown; text: string } },
): ((events: readonly string[]) => boolean) | undefined {
  const parser = parserOf(context);
  const own = context.filename;
  if (!parser || !path.isAbsolute(own) || /[\\/]node_modules[\\/]/.test(own)) return undefined;
  const root = projectRoot(own, context.cwd);
  if (!root) return undefined;
  const answers = new Map<string, boolean>();
  return events => {
    const key = events.join('\0');
    let answer = answers.get(key);
    if (answer === undefined) {
      answer =
        context.sourceCode.text.includes('emitAsync') && emitsAsync(context.sourceCode.ast as Node, events);
      for (const [file, stamp] of answer ? [] : projectModules(root, parser, context)) {
        if (file === own) continue;
        const text = moduleText(file, stamp);
        if (text !== undefined && !text.includes('emitAsync')) continue;
        const program = text === undefined ? undefined : moduleInfo(file, parser, context)?.program;
        if (!program || emitsAsync(program, events)) {
          answer = true;
          break;
        }
      }
      answers.set(key, answer);
    }
    return answer;
  };
}

/** `name` is a parameter of the `emitAsync` method it is used in. */
function forwardsParameter(name: TSESTree.Identifier): boolean {
  const fn = enclosingFunction(name);
  if (!fn) return false;
  const parent = fn.parent;
  // A method only: a plain function named `emitAsync` is called by name, which this reading does not count.
  const named =
    (parent?.type === AST_NODE_TYPES.MethodDefinition || parent?.type === AST_NODE_TYPES.Property) &&
    parent.key.type === AST_NODE_TYPES.Identifier
      ? parent.key.name
      : undefined;
  return (
    named === 'emitAsync' &&
    fn.params.some(param => param.type === AST_NODE_TYPES.Identifier && param.name === name.name)
  );
}

/** `program` calls `emitAsync` with one of `events`, or with an event it does not write out. */
function emitsAsync(program: Node, events: readonly string[]): boolean {
  return (
    findNode(program, node => {
      if (node.type !== AST_NODE_TYPES.CallExpression) return false;
      const callee = unwrap(node.callee);
      if (callee.type !== AST_NODE_TYPES.MemberExpression || memberName(callee) !== 'emitAsync') return false;
      const first = node.arguments[0] ? unwrap(node.arguments[0] as Node) : undefined;
      // An event written out is matched by its text; one named any other way (a constant, a
      // template) may be any event.
      if (first?.type === AST_NODE_TYPES.Literal) return events.includes(String(first.value));
      // A wrapper's own `emitAsync(event, payload)` method handing its parameter on: its callers,
      // which call `….emitAsync` too, name the events.
      if (first?.type === AST_NODE_TYPES.Identifier && forwardsParameter(first)) return false;
      return true;
    }) !== undefined
  );
}

/** Marks, in the calls collected, a use that is not a call. */
const OTHER_USE = { type: AST_NODE_TYPES.CallExpression } as TSESTree.CallExpression;

function usesElsewhere(
  context: ProjectContext,
  parser: ParserLike,
  root: string,
  what: ExportedFunction,
  calls?: TSESTree.CallExpression[],
): UsesElsewhere {
  // Collecting calls (`calls` given): every call is kept, a dropped one too, and a use that is not
  // a plain call is marked as such and ends the reading.
  const other = (): UsesElsewhere => {
    calls?.push(OTHER_USE);
    return 'waited';
  };
  const own = context.filename;
  const named = new RegExp(`(?<![\\w$#])${what.name.replace(/[$]/g, '\\$&')}(?![\\w$])`);
  const base = path.basename(own).replace(/\.[cm]?[jt]sx?$/, '');
  // How other modules name this file in a specifier: its name, or its folder's for an index.
  const token = base === 'index' ? path.basename(path.dirname(own)) : base;
  let dropped = 0;
  for (const [file, stamp] of projectModules(root, parser, context)) {
    if (file === own) continue;
    const text = moduleText(file, stamp);
    if (text === undefined) continue;
    if (what.exported === 'member') {
      if (!named.test(text)) continue;
      const uses = memberUses(moduleInfo(file, parser, context), what.name);
      if (uses === 'waited') return 'waited';
      dropped += uses;
      continue;
    }
    if (!text.includes(token) || (what.exported === 'named' && !named.test(text))) continue;
    const escaped = token.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    // `import('./x')`: a use this reading does not follow.
    if (new RegExp(`import\\s*\\(\\s*['"\`][^'"\`]*${escaped}`).test(text)) return other();
    const info = moduleInfo(file, parser, context);
    if (!info) continue;
    const resolves = (specifier: string): boolean =>
      resolveProjectModule(file, specifier, context.cwd) === own;
    // `require('./x')` is followed where the module binds it at its top level (`const x =
    // require('./x')`, `const { a } = require('./x')`); anywhere else, it is a use not followed.
    const requires = text.match(new RegExp(`require\\s*\\(\\s*['"\`][^'"\`]*${escaped}`, 'g'))?.length ?? 0;
    if (requires > 0) {
      const bound = new Set<Node>();
      for (const entry of info.imports.values())
        if (entry.required && resolves(entry.specifier)) bound.add(entry.required);
      if (bound.size < requires) return other();
    }
    for (const entry of info.exports.values()) if ('from' in entry && resolves(entry.from)) return other();
    for (const specifier of info.starExports) if (resolves(specifier)) return other();
    const locals = new Set<string>();
    const namespaces = new Set<string>();
    for (const [local, entry] of info.imports) {
      if (!resolves(entry.specifier)) continue;
      if (entry.imported === '*') namespaces.add(local);
      else if (entry.imported === (what.exported === 'default' ? 'default' : what.name)) locals.add(local);
    }
    if (locals.size === 0 && namespaces.size === 0) continue;
    let waited = false;
    let waiters: WaitersModel | undefined;
    findNode(info.program, node => {
      if (node.type !== AST_NODE_TYPES.Identifier) return false;
      const parent = node.parent;
      if (
        !parent ||
        parent.type === AST_NODE_TYPES.ImportSpecifier ||
        parent.type === AST_NODE_TYPES.ImportDefaultSpecifier ||
        parent.type === AST_NODE_TYPES.ImportNamespaceSpecifier ||
        requireBinding(node)
      )
        return false;
      let use: Node | undefined;
      if (locals.has(node.name)) {
        // `{ name: … }`, `other.name`: another binding's name.
        if (parent.type === AST_NODE_TYPES.MemberExpression && parent.property === node && !parent.computed)
          return false;
        if (parent.type === AST_NODE_TYPES.Property && parent.key === node && !parent.shorthand) return false;
        use = node;
      } else if (namespaces.has(node.name)) {
        // `ns.other(…)` is another function; the namespace handed on whole may reach this one.
        if (parent.type !== AST_NODE_TYPES.MemberExpression || parent.object !== node) {
          calls?.push(OTHER_USE);
          waited = true;
          return true;
        }
        if (memberName(parent) === what.name) use = parent;
      }
      if (!use) return false;
      const call = use.parent;
      if (calls) {
        if (call?.type === AST_NODE_TYPES.CallExpression && call.callee === use) {
          calls.push(call);
          return false;
        }
        calls.push(OTHER_USE);
        return true;
      }
      // Dropped where it is made, or awaited only by a function whose own promise is dropped (an
      // async `map` into an `allSettled` nobody waits for, a module-private function called so).
      // A caller one level up: started at that module's top level (`run().catch(core.setFailed)`
      // in an entry module), it is waited for by the process, as in the linted file.
      if (
        call?.type === AST_NODE_TYPES.CallExpression &&
        call.callee === use &&
        nobodyWaits((waiters ??= syntacticWaitersModel(info.program)), call, 1)
      ) {
        dropped++;
        return false;
      }
      waited = true;
      return true;
    });
    if (waited) return 'waited';
  }
  return dropped > 0 ? 'dropped' : 'none';
}

/**
 * How a module mentions a class member's name, looked for by the name alone: `waited` at the first
 * mention that may wait for it (a call that is awaited, returned or held; any use that is not a
 * call; the name as a string or a key), else how many of its calls drop their promise
 * (`void this.send(…)`, a statement of its own). A member of the same name declared in a class of
 * that module is that class's own, not a use. A module that cannot be read counts as waiting.
 */
function memberUses(info: ModuleInfo | undefined, name: string): number | 'waited' {
  if (!info) return 'waited';
  let dropped = 0;
  let waiters: WaitersModel | undefined;
  const found = findNode(info.program, node => {
    if (node.type === AST_NODE_TYPES.Literal) return node.value === name;
    if (node.type !== AST_NODE_TYPES.Identifier || node.name !== name) return false;
    const parent = node.parent;
    if (
      (parent?.type === AST_NODE_TYPES.MethodDefinition ||
        parent?.type === AST_NODE_TYPES.PropertyDefinition ||
        parent?.type === AST_NODE_TYPES.TSAbstractMethodDefinition) &&
      parent.key === node &&
      !parent.computed
    )
      return false;
    const call = parent?.parent;
    if (
      parent?.type === AST_NODE_TYPES.MemberExpression &&
      parent.property === node &&
      !parent.computed &&
      call?.type === AST_NODE_TYPES.CallExpression &&
      call.callee === parent &&
      nobodyWaits((waiters ??= syntacticWaitersModel(info.program)), call, 1)
    ) {
      dropped++;
      return false;
    }
    return true;
  });
  return found ? 'waited' : dropped;
}

/** `x` in `const x = require('./x')` or `const { x } = require('./x')`: where a module binds it. */
function requireBinding(node: TSESTree.Identifier): boolean {
  let up: Node | undefined = node.parent;
  if (up?.type === AST_NODE_TYPES.AssignmentPattern && up.left === node) up = up.parent;
  if (up?.type === AST_NODE_TYPES.Property) {
    // `{ a: b }` binds `b`; `{ a }` binds `a` (its key and value, one node or two).
    const value = up.value.type === AST_NODE_TYPES.AssignmentPattern ? up.value.left : up.value;
    if (value !== node && !up.shorthand) return false;
    up = up.parent;
  }
  const declarator = up?.type === AST_NODE_TYPES.ObjectPattern ? up.parent : up;
  return (
    declarator?.type === AST_NODE_TYPES.VariableDeclarator &&
    (declarator.id === node || declarator.id === up) &&
    requireCall(declarator.init) !== undefined
  );
}
