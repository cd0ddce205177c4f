// The name index of a package's functions that send a bare request: which functions of which modules
// wait on one, directly or through the package's own calls (NESTED_CALLS deep), read once per
// version of each module, so that only modules calling one of those names are parsed.
import { readFileSync } from 'node:fs';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';
import {
  type FunctionNode,
  type Node,
  findNode,
  isFunction,
  memberChain,
  unwrap,
  writtenName,
} from '../ast.js';
import { type ParserLike, type ProjectContext, projectModules } from '../project-facts.js';
import { type ModuleInfo, moduleInfo } from '../project-modules.js';
import { awaitedIn, BARE_REQUEST_TEXT, bareRequest } from './bare-requests.js';
import { bindingType, shadowed } from './bindings.js';
import { classMemberKey, enclosingClass, fieldType, propertyName, thisFieldAlong } from './classes.js';
import { factsOf } from './function-facts.js';
import { NESTED_CALLS } from './limits.js';

/** A module's text, kept while its mtime and size (as the project's listing last saw them) hold. */
export function moduleText(file: string, stat: { mtimeMs: number; size: number }): string | undefined {
  const known = bareTexts.get(file);
  if (known && known.mtimeMs === stat.mtimeMs && known.size === stat.size) return known.text;
  try {
    const text = readFileSync(file, 'utf8');
    bareTexts.set(file, { mtimeMs: stat.mtimeMs, size: stat.size, text });
    return text;
  } catch {
    return undefined;
  }
}

/**
 * The import specifier a call's target comes from, where syntax says it at once: the imported
 * function or namespace (`createFile(…)`, `storage.createFile(…)`), or the type a field is declared
 * with (`this.storage.upload(…)`, `this.storage.s3.send(…)` with `storage: StorageService`).
 * Undefined otherwise.
 */
export function calleeSpecifier(info: ModuleInfo, call: TSESTree.CallExpression): string | undefined {
  const chain = memberChain(unwrap(call.callee));
  if (!chain) return undefined;
  if (chain.root.type === AST_NODE_TYPES.Identifier)
    return shadowed(call, chain.root.name) ? undefined : info.imports.get(chain.root.name)?.specifier;
  if (chain.root.type !== AST_NODE_TYPES.ThisExpression || chain.path.length < 2) return undefined;
  const owner = enclosingClass(call);
  const type = owner ? fieldType(owner, chain.path[0] as string) : undefined;
  return type ? (info.imports.get(type) ?? info.typeImports.get(type))?.specifier : undefined;
}

/** Per package folder: the names of its functions that send a bare request, and what they were read from. */
interface BareNames {
  /** The project's files as project facts listed them when the names were found. */
  modules: ReadonlyMap<string, { mtimeMs: number; size: number }>;
  names: Set<string>;
  /** The names, as a pattern a module's text matches when it may call one. */
  namesPattern: RegExp | undefined;
  /** Per module that could matter, its {@link FunctionCalls} as read then (JSON). */
  calls: Map<string, string>;
}
/**
 * Per package root and axios-defaults answer (the module that sets `axios.defaults.timeout` does
 * not count it for itself, so the answer differs for that one file): its {@link BareNames}.
 */
const bareNames = new Map<string, BareNames>();

/**
 * A module changed on disk still gives the same answer: it could not matter before and cannot now
 * (its text names no bare request and no function found), or its functions wait on the same.
 */
function sameCalls(file: string, text: string, before: BareNames, read: () => FunctionCalls[]): boolean {
  const previous = before.calls.get(file);
  const matters = BARE_REQUEST_TEXT.test(text) || (before.namesPattern?.test(text) ?? false);
  if (!matters) return previous === undefined;
  if (previous === undefined) return false;
  const now = JSON.stringify(read());
  before.calls.set(file, now);
  return now === previous;
}
/** Per file: its text, while its mtime and size hold. */
const bareTexts = new Map<string, { mtimeMs: number; size: number; text: string }>();

/** The functions and methods a module declares at its top level, by name (`fn`, `Class#method` as `method`). */
function namedFunctions(info: ModuleInfo): [string, FunctionNode][] {
  const found: [string, FunctionNode][] = [];
  // Exported values with no binding of their own: `export default { async refresh() {…} }`,
  // `module.exports = { … }`, `exports.send = async function (…) {…}`.
  const exportedValues: [string, Node][] = [];
  for (const [name, entry] of info.exports) {
    if (!('value' in entry)) continue;
    const value = unwrap(entry.value);
    if (value.type === AST_NODE_TYPES.ObjectExpression) exportedValues.push(['', value]);
    else if (isFunction(value) && name !== 'default') exportedValues.push([name, value]);
    // `module.exports = async function fetcher(…) {…}`: called by the name its importers give it,
    // most often its own.
    else if (isFunction(value) && 'id' in value && value.id) exportedValues.push([value.id.name, value]);
  }
  for (const [name, node] of [...info.locals, ...exportedValues]) {
    const value = unwrap(node);
    if (isFunction(value)) found.push([name, value]);
    else if (
      value.type === AST_NODE_TYPES.ClassDeclaration ||
      value.type === AST_NODE_TYPES.ClassExpression
    ) {
      for (const member of value.body.body) {
        const key = classMemberKey(member);
        const fn =
          member.type === AST_NODE_TYPES.MethodDefinition
            ? member.value
            : member.type === AST_NODE_TYPES.PropertyDefinition && member.value
              ? unwrap(member.value)
              : undefined;
        if (key && fn && isFunction(fn)) found.push([key, fn]);
      }
    } else if (value.type === AST_NODE_TYPES.ObjectExpression) {
      for (const property of value.properties) {
        if (property.type !== AST_NODE_TYPES.Property) continue;
        const key = propertyName(property);
        let fn = unwrap(property.value as Node);
        // `{ run: summarise }`: a function of the module under another name.
        if (fn.type === AST_NODE_TYPES.Identifier && !info.imports.has(fn.name)) {
          const local = info.locals.get(fn.name);
          if (local) fn = unwrap(local);
        }
        if (key && isFunction(fn)) found.push([key, fn]);
      }
    }
  }
  return found;
}

/** What each named function of a module waits on: a bare request of its own, and the names it calls. */
interface FunctionCalls {
  name: string;
  direct: boolean;
  calls: string[];
}

/**
 * A pattern a module's text matches when it may call one of `names` (`name(`). Names come from
 * identifiers and from string keys (`'get-user'() {}`), so every character a pattern gives a
 * meaning to is escaped.
 */
function callingAny(names: readonly string[]): RegExp {
  const escaped = names.map(name => name.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&'));
  // `this.fetch<void>(…)`: type arguments may stand between the name and its call.
  return new RegExp(`(?<![\\w$])(?:${escaped.join('|')})\\s*(?:<[^()]*>\\s*)?\\(`);
}

/** Per file and axios-defaults answer: its {@link FunctionCalls}, while the module is unchanged. */
const functionCallsCache = new Map<string, { info: ModuleInfo; functions: FunctionCalls[] }>();

/** {@link FunctionCalls} of every named function of a module, read once per version of the module. */
function moduleFunctionCalls(
  file: string,
  parser: ParserLike,
  context: ProjectContext,
  axiosDefaults: boolean,
): FunctionCalls[] {
  const info = moduleInfo(file, parser, context);
  if (!info) return [];
  const key = `${axiosDefaults ? 'bounded' : 'unbounded'}\0${file}`;
  const cached = functionCallsCache.get(key);
  if (cached && cached.info === info) return cached.functions;
  const functions = namedFunctions(info).map(([name, fn]): FunctionCalls => {
    // A request wrapper bounded only by what its caller gives (`httpFetch(url, init)`): a call of
    // it that gives no deadline is a bare request, so its callers are looked at like senders'.
    let direct = factsOf(info, fn).deadlineCarrier !== undefined;
    const calls: string[] = [];
    findNode(
      fn.body,
      node => {
        if (node.type !== AST_NODE_TYPES.CallExpression || !awaitedIn(node, fn)) return false;
        if (bareRequest(info, node, axiosDefaults) !== undefined) direct = true;
        const called = writtenName(unwrap(node.callee));
        if (called) calls.push(called);
        return false;
      },
      node => !isFunction(node),
    );
    return { name, direct, calls };
  });
  functionCallsCache.set(key, { info, functions });
  return functions;
}

/**
 * The names of the functions and methods of the package at `root` that send a bare request
 * ({@link bareRequest}, waited for) or call, by name, one that does, up to {@link NESTED_CALLS}
 * levels: a cheap question asked before any call is resolved. Only modules whose text can matter
 * are parsed (the text of a bare request, then the names found so far); the answer is kept while
 * no file of the package changed, checked at most every STAT_TTL_MS.
 */
export function bareRequestNames(
  root: string,
  parser: ParserLike,
  context: ProjectContext,
  axiosDefaults: boolean,
): Set<string> {
  // The project's files as project facts keep them (re-checked in slices, the same map while
  // nothing changed): nothing of ours to stat.
  const modules = projectModules(root, parser, context);
  const key = `${axiosDefaults ? 'bounded' : 'unbounded'}\0${root}`;
  const cached = bareNames.get(key);
  if (cached && cached.modules === modules) return cached.names;
  const texts: [string, string][] = [];
  const changed: [string, string][] = [];
  for (const [file, stamp] of modules) {
    const known = bareTexts.get(file);
    if (known && known.mtimeMs === stamp.mtimeMs && known.size === stamp.size) {
      texts.push([file, known.text]);
      continue;
    }
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    bareTexts.set(file, { mtimeMs: stamp.mtimeMs, size: stamp.size, text });
    texts.push([file, text]);
    if (cached) changed.push([file, text]);
  }
  // An edit that changes no function's bare request or the names it calls (most edits) leaves the
  // answer as it was: only the changed modules are read again.
  if (
    cached &&
    cached.modules.size === modules.size &&
    [...modules.keys()].every(file => cached.modules.has(file)) &&
    changed.every(([file, text]) =>
      sameCalls(file, text, cached, () => moduleFunctionCalls(file, parser, context, axiosDefaults)),
    )
  ) {
    cached.modules = modules;
    return cached.names;
  }
  const names = new Set<string>();
  let pattern: RegExp = BARE_REQUEST_TEXT;
  for (let level = 0; level <= NESTED_CALLS; level++) {
    const added: string[] = [];
    for (const [file, text] of texts) {
      if (!pattern.test(text)) continue;
      const functions = moduleFunctionCalls(file, parser, context, axiosDefaults);
      for (const { name, direct, calls } of functions) {
        if (names.has(name) || added.includes(name)) continue;
        if (level === 0 ? direct : calls.some(called => names.has(called))) added.push(name);
      }
    }
    if (added.length === 0) break;
    for (const name of added) names.add(name);
    pattern = callingAny(added);
  }
  const namesPattern = names.size > 0 ? callingAny([...names]) : undefined;
  const calls = new Map<string, string>();
  for (const [file, text] of texts)
    if (BARE_REQUEST_TEXT.test(text) || namesPattern?.test(text))
      calls.set(file, JSON.stringify(moduleFunctionCalls(file, parser, context, axiosDefaults)));
  bareNames.set(key, { modules, names, namesPattern, calls });
  return names;
}

/**
 * {@link calleeSpecifier}, and also for a module-level const made from or declared with an imported
 * class (`const render: RenderApi = new RenderApi(key)`, then `render.services(…)`).
 */
export function targetSpecifier(info: ModuleInfo, call: TSESTree.CallExpression): string | undefined {
  const direct = calleeSpecifier(info, call);
  if (direct) return direct;
  const chain = memberChain(unwrap(call.callee));
  // `this.input.authenticator.authenticate(…)` with `input: { authenticator: Authenticator }`.
  if (chain?.root.type === AST_NODE_TYPES.ThisExpression && chain.path.length >= 3) {
    const owner = enclosingClass(call);
    const type = owner ? thisFieldAlong(owner, chain.path as readonly string[]).type : undefined;
    return type ? (info.imports.get(type) ?? info.typeImports.get(type))?.specifier : undefined;
  }
  if (chain?.root.type !== AST_NODE_TYPES.Identifier || chain.path.length === 0) return undefined;
  const name = chain.root.name;
  // `client.post(…)` on a parameter or local declared with (or made from) an imported class;
  // `opts.authenticator.authenticate(…)` on one declared with an imported options interface.
  if (shadowed(call, name)) {
    const bound = bindingType(call, name);
    return typeof bound === 'string'
      ? (info.imports.get(bound) ?? info.typeImports.get(bound))?.specifier
      : undefined;
  }
  if (info.imports.has(name) || chain.path.length !== 1) return undefined;
  let type = info.declaredTypes.get(name);
  if (!type) {
    const local = info.locals.get(name);
    const made = local ? unwrap(local) : undefined;
    const created = made?.type === AST_NODE_TYPES.AwaitExpression ? unwrap(made.argument) : made;
    if (created?.type === AST_NODE_TYPES.NewExpression && created.callee.type === AST_NODE_TYPES.Identifier)
      type = created.callee.name;
  }
  return type ? (info.imports.get(type) ?? info.typeImports.get(type))?.specifier : undefined;
}
