// Request wrappers that bound their request only with what their caller gives them, read from
// TypeScript nodes: `fetchJson(url, { timeout })` passing `signal: timeout ?
// AbortSignal.timeout(timeout) : undefined` to fetch, handing its options on to a request on axios'
// default instance (`axios.get(url, { ...options })`), or bounding it only inside `if
// (options?.timeout)`. Called without that option, the request has no deadline, and only the call
// site can say so. This reader turns the wrapper and each call into the catalog's plain facts
// (`WrapperFacts`, `WrapperCallFacts`) and the catalog decides; rules/util/deadline-carrier.ts is
// the same reader over ESTree, and test/integration/reader-parity.test.ts holds the two together.
import {
  type CarrierRef,
  type DeadlineCarrier,
  type WrapperArgument,
  type WrapperFacts,
  type WrapperRequestFacts,
  type WrappedRequest,
  decideDeadlineCarrier,
  givesDeadline,
  isDeadlineKey,
  isRequestWrapperName,
} from '@faultline/catalog';
import { ts } from 'ts-morph';

import { isFunctionLike, memberName, propertyNameText, resolveAlias, unwrap } from './ts-util.js';

/** What the TypeScript reader needs from the analysis: what a callee is, and the checker. */
export interface CarrierHost {
  readonly checker: ts.TypeChecker;
  /** True when a file belongs to the library being analysed. */
  isLibraryFile(fileName: string): boolean;
  /**
   * The request a call is, when a wrapper may bound it with its caller's deadline: the global
   * fetch (or undici's, node-fetch's, cross-fetch's), or a request on axios' default instance.
   */
  requestOf(call: ts.CallExpression): WrappedRequest | undefined;
}

/** A call to a request wrapper that gives it no deadline: the wrapper's carrier, and where its request is. */
export interface WrapperCallFinding {
  carrier: DeadlineCarrier;
  /** The wrapper's file (the call's own file when they are the same). */
  file: string;
}

/** The first node, the root included, that matches; `enter` says whether to look below a node. */
function find(
  root: ts.Node,
  match: (node: ts.Node) => boolean,
  enter: (node: ts.Node) => boolean = () => true,
): ts.Node | undefined {
  if (match(root)) return root;
  let found: ts.Node | undefined;
  const visit = (node: ts.Node): void => {
    if (found) return;
    if (match(node)) {
      found = node;
      return;
    }
    if (enter(node)) ts.forEachChild(node, visit);
  };
  ts.forEachChild(root, visit);
  return found;
}

/** An identifier used as a value (not a property name: `x.timeout`, `{ timeout: … }`). */
function isReference(id: ts.Identifier): boolean {
  const parent = id.parent;
  if (ts.isPropertyAccessExpression(parent) && parent.name === id) return false;
  if (ts.isPropertyAssignment(parent) && parent.name === id) return false;
  return true;
}

function mentions(node: ts.Node, test: (identifier: ts.Identifier) => boolean): boolean {
  return find(node, inner => ts.isIdentifier(inner) && isReference(inner) && test(inner)) !== undefined;
}

/** `AbortSignal.timeout(5000)` in the value, with nothing of the caller in its argument: bounded here. */
function boundedHere(value: ts.Node, fromCaller: (node: ts.Node) => boolean): boolean {
  return (
    find(value, inner => {
      if (!ts.isCallExpression(inner)) return false;
      const callee = unwrap(inner.expression);
      if (!ts.isPropertyAccessExpression(callee) || memberName(callee) !== 'timeout') return false;
      const object = unwrap(callee.expression);
      if (!ts.isIdentifier(object) || object.text !== 'AbortSignal') return false;
      const arg = inner.arguments[0];
      return arg !== undefined && !fromCaller(arg);
    }) !== undefined
  );
}

/** The key a binding element destructures (`timeout` in `{ timeout }` and `{ timeout: t }`). */
function bindingKey(element: ts.BindingElement): string | undefined {
  if (element.propertyName) return propertyNameText(element.propertyName);
  return ts.isIdentifier(element.name) ? element.name.text : undefined;
}

/** Which parameter of `fn` the value reads its deadline from, if it only comes from the caller. */
function carrierOf(fn: ts.SignatureDeclaration, value: ts.Node): CarrierRef | undefined | null {
  const carriers: CarrierRef[] = [];
  const names = new Map<string, CarrierRef>();
  let defaulted = false;
  fn.parameters.forEach((param, index) => {
    if (param.dotDotDotToken) return;
    const target = param.name;
    if (param.initializer) {
      // A default deadline bounds the call when the caller gives none.
      if (ts.isIdentifier(target) && mentions(value, id => id.text === target.text)) defaulted = true;
      if (!ts.isObjectBindingPattern(target)) return;
    }
    if (ts.isIdentifier(target)) names.set(target.text, { index, name: target.text });
    if (ts.isObjectBindingPattern(target))
      for (const element of target.elements) {
        if (element.dotDotDotToken) continue;
        const key = bindingKey(element);
        if (key === undefined) continue;
        const local = element.name;
        if (element.initializer) {
          if (ts.isIdentifier(local) && mentions(value, id => id.text === local.text)) defaulted = true;
          continue;
        }
        if (ts.isIdentifier(local)) names.set(local.text, { index, key });
      }
  });
  if (defaulted) return null;
  const fromCaller = (node: ts.Node): boolean => mentions(node, id => names.has(id.text));
  if (boundedHere(value, fromCaller)) return null;
  find(value, inner => {
    if (ts.isPropertyAccessExpression(inner)) {
      const object = unwrap(inner.expression);
      const carrier = ts.isIdentifier(object) ? names.get(object.text) : undefined;
      if (carrier && carrier.key === undefined) {
        const key = memberName(inner);
        carriers.push(key === undefined ? { index: carrier.index } : { index: carrier.index, key });
        return true;
      }
    }
    if (ts.isIdentifier(inner) && isReference(inner) && names.has(inner.text)) {
      const parent = inner.parent;
      if (ts.isPropertyAccessExpression(parent) && parent.expression === inner) return false;
      const carrier = names.get(inner.text);
      if (carrier) carriers.push(carrier);
      return true;
    }
    return false;
  });
  return carriers[0];
}

/**
 * `if (options?.timeout) { …bounded… } return fetch(url, { ...rest })`: the first `if` whose test
 * reads a deadline option of a parameter (`options.timeout`, or a destructured `timeout`).
 */
function guardOf(
  fn: ts.SignatureDeclaration,
  body: ts.Node,
): { index: number; key: string; statement: ts.IfStatement } | undefined {
  const params = new Map<string, number>();
  const destructured = new Map<string, { index: number; key: string }>();
  fn.parameters.forEach((param, index) => {
    if (param.dotDotDotToken) return;
    const target = param.name;
    if (ts.isIdentifier(target)) params.set(target.text, index);
    if (ts.isObjectBindingPattern(target))
      for (const element of target.elements) {
        if (element.dotDotDotToken || element.initializer || !ts.isIdentifier(element.name)) continue;
        const key = bindingKey(element);
        if (key !== undefined) destructured.set(element.name.text, { index, key });
      }
  });
  let guard: { index: number; key: string; statement: ts.IfStatement } | undefined;
  find(
    body,
    node => {
      if (!ts.isIfStatement(node)) return false;
      find(node.expression, inner => {
        if (ts.isPropertyAccessExpression(inner)) {
          const object = unwrap(inner.expression);
          const key = memberName(inner);
          const index = ts.isIdentifier(object) ? params.get(object.text) : undefined;
          if (index !== undefined && key !== undefined && isDeadlineKey(key))
            guard = { index, key, statement: node };
        }
        if (ts.isIdentifier(inner)) {
          const found = destructured.get(inner.text);
          if (found && isDeadlineKey(found.key)) guard = { ...found, statement: node };
        }
        return guard !== undefined;
      });
      return guard !== undefined;
    },
    node => !isFunctionLike(node),
  );
  return guard;
}

function isWithin(node: ts.Node, ancestor: ts.Node): boolean {
  for (let current: ts.Node | undefined = node; current; current = current.parent)
    if (current === ancestor) return true;
  return false;
}

/** Names of helpers that may put a deadline into the options they are given. */
const DEADLINE_HELPER = /timeout|deadline|signal|abort/i;

/**
 * The index of the parameter a request's init is, or is spread from with nothing that bounds time
 * beside it (`fetch(url, init)`, `fetch(url, { ...init, headers })`), directly or through locals
 * of the wrapper: `const fetchOptions = { ...init, headers }`, `const { userAgent, ...rest } = init
 * ?? {}`, or a helper that takes and returns the options (`withTls({ ...rest })`, not one named for
 * a deadline). The parameter must be the caller's as given: not reassigned, and with no default
 * beyond an empty object.
 */
function passedThrough(
  fn: ts.FunctionLikeDeclaration,
  body: ts.Node,
  options: ts.Node,
  depth = 0,
): number | undefined {
  if (depth > 3) return undefined;
  let name: string | undefined;
  if (ts.isIdentifier(options)) name = options.text;
  else if (ts.isObjectLiteralExpression(options)) {
    const spreads = options.properties.filter(property => ts.isSpreadAssignment(property));
    const bounding = options.properties.some(
      property =>
        !ts.isSpreadAssignment(property) &&
        (property.name === undefined ||
          ts.isComputedPropertyName(property.name) ||
          /^(?:signal|timeout)$/.test(propertyNameText(property.name) ?? '')),
    );
    const spread = spreads.length === 1 ? unwrap((spreads[0] as ts.SpreadAssignment).expression) : undefined;
    if (bounding || !spread || !ts.isIdentifier(spread)) return undefined;
    name = spread.text;
  } else if (ts.isCallExpression(options)) {
    const [only, ...rest] = options.arguments;
    const helper = unwrap(options.expression);
    const helperName = ts.isIdentifier(helper)
      ? helper.text
      : ts.isPropertyAccessExpression(helper)
        ? helper.name.text
        : 'timeout';
    if (!only || rest.length > 0 || DEADLINE_HELPER.test(helperName)) return undefined;
    return passedThrough(fn, body, unwrap(only), depth + 1);
  }
  if (name === undefined) return undefined;
  const reassigned = find(
    body,
    node =>
      ts.isBinaryExpression(node) &&
      node.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
      ts.isIdentifier(unwrap(node.left)) &&
      (unwrap(node.left) as ts.Identifier).text === name,
  );
  if (reassigned) return undefined;
  const index = fn.parameters.findIndex(
    param =>
      ts.isIdentifier(param.name) &&
      param.name.text === name &&
      !param.dotDotDotToken &&
      (param.initializer === undefined ||
        (ts.isObjectLiteralExpression(param.initializer) && param.initializer.properties.length === 0)),
  );
  if (index >= 0) return index;
  const local = localOptions(body, name);
  return local ? passedThrough(fn, body, local, depth + 1) : undefined;
}

/**
 * What a local of the wrapper's own body holds, as options: `const init = { ...options, headers }`
 * gives the object, and `const { userAgent, ...init } = options ?? {}` gives `options` (when no
 * deadline key is taken out beside the rest).
 */
function localOptions(body: ts.Node, name: string): ts.Node | undefined {
  const declaration = find(
    body,
    node =>
      ts.isVariableDeclaration(node) &&
      node.initializer !== undefined &&
      ((ts.isIdentifier(node.name) && node.name.text === name) ||
        (ts.isObjectBindingPattern(node.name) &&
          node.name.elements.some(
            element =>
              element.dotDotDotToken !== undefined &&
              ts.isIdentifier(element.name) &&
              element.name.text === name,
          ))),
    node => !isFunctionLike(node),
  ) as ts.VariableDeclaration | undefined;
  if (!declaration?.initializer) return undefined;
  const init = unwrap(declaration.initializer);
  if (ts.isIdentifier(declaration.name)) return init;
  if (!ts.isObjectBindingPattern(declaration.name)) return undefined;
  const takesDeadline = declaration.name.elements.some(element => {
    if (element.dotDotDotToken) return false;
    const key = element.propertyName ?? element.name;
    return ts.isIdentifier(key) && /^(?:signal|timeout)$/.test(key.text);
  });
  if (takesDeadline) return undefined;
  // `options ?? {}`, `options || {}`: the caller's options, or none.
  const source =
    ts.isBinaryExpression(init) &&
    (init.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken ||
      init.operatorToken.kind === ts.SyntaxKind.BarBarToken) &&
    ts.isObjectLiteralExpression(unwrap(init.right)) &&
    (unwrap(init.right) as ts.ObjectLiteralExpression).properties.length === 0
      ? unwrap(init.left)
      : init;
  return ts.isIdentifier(source) ? source : undefined;
}

/**
 * What the wrapper's requests (every `fetch` or axios request the host recognises) take from its
 * caller, and its deadline guard; the catalog decides from these where its deadline comes from.
 */
export function wrapperFacts(fn: ts.FunctionLikeDeclaration, host: CarrierHost): WrapperFacts {
  const body = fn.body;
  if (!body) return { requests: [] };
  const requests: { call: ts.CallExpression; kind: WrappedRequest }[] = [];
  // Nested arrow functions are the wrapper's own code (`.then(() => fetch(…))`); other functions are not.
  const visit = (node: ts.Node): void => {
    const kind = ts.isCallExpression(node) ? host.requestOf(node) : undefined;
    if (kind) requests.push({ call: node as ts.CallExpression, kind });
    if (isFunctionLike(node) && !ts.isArrowFunction(node)) return;
    ts.forEachChild(node, visit);
  };
  if (ts.isBlock(body)) ts.forEachChild(body, visit);
  else visit(body);
  if (requests.length === 0) return { requests: [] };
  const guard = guardOf(fn, body);
  const file = fn.getSourceFile();
  return {
    requests: requests.map(({ call: request, kind }): WrapperRequestFacts => {
      const arg = request.arguments[kind.optionsAt];
      const options = arg ? unwrap(arg) : undefined;
      const object = options && ts.isObjectLiteralExpression(options) ? options : undefined;
      // fetch is bounded by its init's `signal`; axios by its config's `timeout` or `signal`.
      const bounds = (kind.client === 'axios' ? ['signal', 'timeout'] : ['signal'])
        .map(key =>
          object?.properties.find(
            property => !ts.isSpreadAssignment(property) && propertyNameText(property.name) === key,
          ),
        )
        .filter((property): property is ts.ObjectLiteralElementLike => property !== undefined);
      const facts: WrapperRequestFacts = {
        line: file.getLineAndCharacterOfPosition(request.getStart(file)).line + 1,
        ...(kind.client === 'fetch' ? {} : { client: kind.client, label: kind.label }),
        ...(kind.timeoutKey ? { timeoutKey: true } : {}),
        options: object ? 'object' : options ? 'other' : 'absent',
        hasSpread: object?.properties.some(property => ts.isSpreadAssignment(property)) ?? false,
        hasSignal: bounds.length > 0,
        guarded: guard !== undefined && isWithin(request, guard.statement.thenStatement),
      };
      const passed = options ? passedThrough(fn, body, options) : undefined;
      if (passed !== undefined) facts.passedThrough = passed;
      let carrier: CarrierRef | null | undefined;
      for (const property of bounds) {
        const value = ts.isPropertyAssignment(property)
          ? property.initializer
          : ts.isShorthandPropertyAssignment(property)
            ? property.name
            : property;
        // axios' `timeout: options.timeout` reads the caller's; `timeout: options.timeout ?? 5000`,
        // `timeout: 5000` bound the request here.
        const found =
          propertyNameText(property.name) === 'timeout' && !readsOnly(value) ? null : carrierOf(fn, value);
        if (found === null) carrier = null;
        else if (carrier === undefined) carrier = found;
      }
      if (carrier !== undefined) facts.signal = carrier;
      return facts;
    }),
    ...(guard ? { guard: { index: guard.index, key: guard.key } } : {}),
  };
}

/** `timeout`, `options.timeout`: a value that is only read, with no fallback of its own. */
function readsOnly(value: ts.Node): boolean {
  const inner = ts.isExpression(value) ? unwrap(value) : value;
  return (
    ts.isIdentifier(inner) ||
    (ts.isPropertyAccessExpression(inner) && ts.isIdentifier(unwrap(inner.expression)))
  );
}

/** What a call passes where the wrapper's carrier is, as the catalog reads it. */
function argumentAt(call: ts.CallExpression, index: number): WrapperArgument {
  const arg = call.arguments[index];
  if (!arg) return { kind: 'absent' };
  const inner = unwrap(arg);
  if (ts.isIdentifier(inner) && inner.text === 'undefined') return { kind: 'undefined' };
  if (!ts.isObjectLiteralExpression(inner)) return { kind: 'other' };
  const keys: string[] = [];
  let open = false;
  for (const property of inner.properties) {
    if (ts.isSpreadAssignment(property) || (property.name && ts.isComputedPropertyName(property.name))) {
      open = true;
      continue;
    }
    const key = propertyNameText(property.name);
    if (key !== undefined) keys.push(key);
  }
  return { kind: 'object', keys, open };
}

/**
 * The function of the library a call names (`fetchJson(…)`, in this file or imported from another
 * of the library's files), when it is written out: a function declaration or a function value.
 */
function calledFunction(
  host: CarrierHost,
  callee: ts.Identifier | ts.MemberName,
): ts.FunctionLikeDeclaration | undefined {
  const symbol = host.checker.getSymbolAtLocation(callee);
  if (!symbol) return undefined;
  const target = resolveAlias(host.checker, symbol);
  for (const declaration of target.declarations ?? []) {
    if (!host.isLibraryFile(declaration.getSourceFile().fileName)) continue;
    if (ts.isFunctionDeclaration(declaration) && declaration.body) return declaration;
    // A method of a class of the library, on `this` or on an object declared with the class.
    if (ts.isMethodDeclaration(declaration) && declaration.body) return declaration;
    if (
      (ts.isVariableDeclaration(declaration) || ts.isPropertyDeclaration(declaration)) &&
      declaration.initializer
    ) {
      const value = unwrap(declaration.initializer);
      if (ts.isArrowFunction(value) || ts.isFunctionExpression(value)) return value;
    }
  }
  return undefined;
}

/**
 * A call to a request wrapper of the library that bounds its request only with the deadline its
 * caller gives, made without one. Only functions called by a request-like name are looked into.
 */
export function wrapperCallFinding(
  host: CarrierHost,
  call: ts.CallExpression,
  carriers: Map<ts.FunctionLikeDeclaration, DeadlineCarrier | null>,
): WrapperCallFinding | undefined {
  // A function called by name (`fetchJson(…)`), or a method of a class of the library
  // (`this.fetchService.fetchWithProxy(url)`) whose name says it makes a request.
  const callee = unwrap(call.expression);
  // On an object: a name or a chain of fields on one (`this.fetchService`, `prices`), as the
  // rules read it, not a call's result (`getService().fetchJson(url)`).
  const name = ts.isIdentifier(callee)
    ? callee
    : ts.isPropertyAccessExpression(callee) && chainRooted(callee.expression)
      ? callee.name
      : undefined;
  if (!name || !isRequestWrapperName(name.text)) return undefined;
  if (ts.isDecorator(call.parent)) return undefined;
  const fn = calledFunction(host, name);
  if (!fn) return undefined;
  // On another object, a method of an abstract class is whatever the subclass handed in makes it.
  if (
    ts.isPropertyAccessExpression(callee) &&
    callee.expression.kind !== ts.SyntaxKind.ThisKeyword &&
    ts.isMethodDeclaration(fn) &&
    ts.isClassLike(fn.parent) &&
    (ts.getCombinedModifierFlags(fn.parent) & ts.ModifierFlags.Abstract) !== 0
  )
    return undefined;
  let carrier = carriers.get(fn);
  if (carrier === undefined) {
    carrier = decideDeadlineCarrier(wrapperFacts(fn, host)) ?? null;
    carriers.set(fn, carrier);
  }
  if (!carrier) return undefined;
  const given = givesDeadline({
    carrier,
    spreadArguments: call.arguments.some(arg => ts.isSpreadElement(arg)),
    argument: argumentAt(call, carrier.index),
  });
  return given ? undefined : { carrier, file: fn.getSourceFile().fileName };
}

/** `this`, a name, or a chain of property reads on one. */
function chainRooted(node: ts.Expression): boolean {
  let current = unwrap(node);
  while (ts.isPropertyAccessExpression(current)) current = unwrap(current.expression);
  return ts.isIdentifier(current) || current.kind === ts.SyntaxKind.ThisKeyword;
}
