// Recursion and timers that retry: a function that calls itself again from its own failure path
// (a catch clause, a `.catch` handler, an error callback), directly or through
// `setTimeout(fn, ms)`. A call that shrinks its input or steps through alternatives is not a
// retry; a self-call guarded by a flag it sets retries once.
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';

import {
  type CallLike,
  type FunctionNode,
  type Node,
  findNode,
  isFunction,
  memberName,
  propertyKey,
  unwrap,
  writtenName,
} from '../ast.js';
import type { FileModel } from '../file-model.js';
import { functionBounded } from './bounds.js';
import type { DelayClassifier } from './delays.js';
import { errorName, goesRoundOnlyOnAnswer, goesRoundOnlyOnTimeout } from './error-kinds.js';
import {
  FIXED_BY_RETRY,
  catchesOnlySyncThrows,
  enclosingNamedFunction,
  namesErrorKind,
  namesIn,
  ownNodes,
  steppedNames,
  textNames,
} from './syntax.js';
import { callsItself, onConnectionClose, reconnects, runsOnAfterSuccess } from './reconnects.js';
import type { SleepFinder } from './sleeps.js';
import type { Delay, RetryConstruct } from './types.js';
import { doesWork, indexesWith, readsKeyBuiltFrom } from './work.js';

/** Finds the functions of one file that retry themselves. */
export class SelfCallRetries {
  constructor(
    private readonly model: FileModel,
    private readonly sleeps: SleepFinder,
    private readonly delays: DelayClassifier,
  ) {}

  /**
   * A call to the enclosing function from its own catch (or `.catch` handler, or error callback),
   * directly (recursion) or through `setTimeout(fn, ms)` (timer).
   */
  selfCallRetry(call: CallLike): RetryConstruct | undefined {
    if (call.type !== AST_NODE_TYPES.CallExpression) return undefined;
    let target: Node = call;
    let timerDelay: Node | undefined;
    let kind: RetryConstruct['kind'] = 'recursion';
    if (this.model.isTimerCall(call)) {
      const fn = enclosingNamedFunction(call);
      if (!fn) return undefined;
      if (!schedules(call, fn.name)) return undefined;
      kind = 'timer';
      timerDelay = call.arguments[1] as Node | undefined;
      target = call;
      // A periodic task that schedules its next run after a success too, no sooner after a
      // failure (`.then(() => setTimeout(gc, 60_000)).catch(() => setTimeout(gc, 300_000))`):
      // the failure only moves the next run, it is no retry.
      if (this.periodic(fn.node, fn.name, call, timerDelay)) return undefined;
      return this.selfRetry(fn.node, fn.name, target, kind, timerDelay);
    }
    const name = calleeName(call.callee);
    if (!name) return undefined;
    const fn = enclosingNamedFunction(call);
    if (!fn || fn.name !== name) return undefined;
    // `setTimeout(() => this.checkGarbage(), ms)`: the call a timer makes, judged as that timer.
    const timer = enclosingTimer(this.model, call, fn.node);
    if (timer && this.periodic(fn.node, fn.name, timer, timer.arguments[1] as Node | undefined))
      return undefined;
    return this.selfRetry(fn.node, fn.name, target, kind, undefined);
  }

  /**
   * `fn` also schedules itself through a timer where no failure led (after a success), and the
   * failure's delay `failureDelay` is a number no shorter than that one's, or no shorter than the
   * longest wait a backoff would reach (`maxDelayMs`): a token refreshed every 30 minutes, and 15
   * minutes after a failed refresh, is a periodic task, not a retry storm.
   */
  private periodic(
    fn: FunctionNode,
    name: string,
    failure: TSESTree.CallExpression,
    failureDelay: Node | undefined,
  ): boolean {
    const failureMs = failureDelay ? this.model.summarizeValue(failureDelay) : undefined;
    if (failureMs?.kind !== 'number') return false;
    return (
      findNode(fn.body, node => {
        if (node === failure || node.type !== AST_NODE_TYPES.CallExpression) return false;
        if (!this.model.isTimerCall(node) || !schedules(node, name) || failurePath(node, fn)) return false;
        const delay = node.arguments[1] ? this.model.summarizeValue(node.arguments[1] as Node) : undefined;
        return (
          delay?.kind === 'number' &&
          (delay.value <= failureMs.value || failureMs.value >= this.model.settings.maxDelayMs)
        );
      }) !== undefined
    );
  }

  private selfRetry(
    fn: FunctionNode,
    name: string,
    call: Node,
    kind: RetryConstruct['kind'],
    timerDelay: Node | undefined,
  ): RetryConstruct | undefined {
    // The self-call must sit on a failure path: a catch clause, a `.catch()` handler, an error callback.
    const failure = failurePath(call, fn);
    if (!failure) return undefined;
    // `try { f() } catch { await sleep(15000); return again(f) }` in an async function: the catch
    // never sees the failure of the work `f` starts, so nothing is retried when the service is down.
    if (failure.parent?.type === AST_NODE_TYPES.CatchClause) {
      const statement = failure.parent.parent;
      if (statement?.type === AST_NODE_TYPES.TryStatement && catchesOnlySyncThrows(statement))
        return undefined;
    }
    // `children.map(url => crawl(url))`: one call per item of a collection walks a tree, it does not retry.
    if (kind === 'recursion' && perItem(call, fn)) return undefined;
    // `const job = queue.shift()`: each call takes the next item of a queue, so calling again after
    // a failure moves on to other work (a queue drain); it does not repeat the failed request. One
    // that puts the failed item back (`queue.unshift(job)`) does.
    if (drainsQueue(fn) && !requeues(failure)) return undefined;
    // `catch (e) { if (e instanceof RefreshToken) return this.load(…, true) }`: the failure is fixed
    // (a new token, a lost race) before the call goes again; there is no outage to wait out.
    if (kind === 'recursion' && onlyOnFixedError(call, failure)) return undefined;
    // `if (err.response?.status === 410) return this.sync(calendarId)`: only an answer of one kind
    // (a sync token the server dropped, a query field it lacks) leads to the call again, not an outage.
    const failureBlock =
      failure.type === AST_NODE_TYPES.BlockStatement ||
      (isFunction(failure) && failure.body.type === AST_NODE_TYPES.BlockStatement)
        ? ((isFunction(failure) ? failure.body : failure) as TSESTree.BlockStatement)
        : undefined;
    if (
      failureBlock &&
      !closeListener(failure) &&
      goesRoundOnlyOnAnswer(failureBlock, errorName(failure), call)
    )
      return undefined;
    // `promptly.prompt('Username:', (err, username) => { login(username, err => err && retry()) })`:
    // each attempt waits for the person at the terminal, who paces it; no herd, no hammering.
    if (askedOfUser(this.model, call, fn)) return undefined;
    // A function that talks to no other process, called again after it fails (directly or from a
    // timer): a supervisor that starts a local process again after it exits
    // (`child.on('close', () => setTimeout(() => this.spawnReceiver(), 5000))`), a device opened
    // again on a timer; no other service sees the attempts.
    if (!attemptParts(fn, failure).some(part => doesWork(this.model, part))) return undefined;
    const counters = recursionCounters(this.model, fn, name);
    // `this.start(Math.min(delay * 2, MAX))`: a wait handed on multiplied grows each round.
    const multiplied = multipliedParams(this.model, fn, name);
    // `run(parsers, index + 1)` over `parsers[index]`: trying alternatives in turn, not retrying.
    if (counters.some(counter => indexesWith(this.model, fn.body, counter))) return undefined;
    // `complete({ messages: messages.slice(1) })`: a smaller request, not the same one again.
    if (kind === 'recursion' && call.type === AST_NODE_TYPES.CallExpression && shrinksInput(fn, call))
      return undefined;
    // `isBlockReceipts = false; return sync(block)` where the function starts `if (isBlockReceipts
    // === false) { …other method…; return }`: the call again takes another way, not the failed one.
    if (kind === 'recursion' && switchesWay(fn, call, failure)) return undefined;
    // `if (!isRetrying) return complete({ …, isRetrying: true })`: one more attempt, then no more.
    // A timer's self-call (`setTimeout(() => message(type, text, false), 5000)`) the same way.
    const again = kind === 'timer' ? timerSelfCall(call, name) : call;
    const once =
      again?.type === AST_NODE_TYPES.CallExpression &&
      (retriesOnce(fn, again) || turnsOffGuard(fn, again) || dropsGuardArgument(this.model, fn, again));
    let delay: Delay;
    if (timerDelay) delay = this.delays.classifyDelay(call, timerDelay, counters, fn, multiplied);
    else {
      const sleep = this.sleeps.findSleep(failure, undefined, call);
      delay = sleep
        ? this.delays.classifyDelay(sleep.call, sleep.expr, counters, fn, multiplied)
        : { kind: 'none', exponential: false, capped: false, jitter: false };
    }
    // `if (err.code === 'ETIMEDOUT') return again()`: only an attempt that waited out its timeout
    // goes round, so the wait between attempts is that timeout, not none.
    if (
      delay.kind === 'none' &&
      failureBlock &&
      goesRoundOnlyOnTimeout(failureBlock, errorName(failure), call)
    )
      delay = { ...delay, kind: 'unknown' };
    const bounded = once || functionBounded(fn, [...counters, ...multiplied]);
    // ``const token = process.env[`PAT_${retries + 1}`]`` in the attempt: each call sends the next
    // token, an alternative tried in turn, when the count is bounded (a last token, then a throw).
    if (
      bounded &&
      counters.some(counter => attemptParts(fn, failure).some(part => readsKeyBuiltFrom(part, counter)))
    )
      return undefined;
    // A reconnect, or a consumer loop that runs on after a success: meant to go on for good.
    const sameCall = (other: TSESTree.CallExpression): boolean =>
      again?.type === AST_NODE_TYPES.CallExpression &&
      callsItself(other, name) &&
      other.arguments.length === again.arguments.length &&
      other.arguments.every(
        (argument, index) =>
          this.model.sourceCode.getText(argument) ===
          this.model.sourceCode.getText(again.arguments[index] as Node),
      );
    const supervises =
      onConnectionClose(failure) ||
      attemptParts(fn, failure).some(part => reconnects(part, name, node => doesWork(this.model, node))) ||
      runsOnAfterSuccess(
        fn.body,
        sameCall,
        node => this.model.isTimerCall(node),
        node => failurePath(node, fn) !== undefined,
      );
    return {
      kind,
      node: fn,
      attempt: fn.body,
      delay,
      bounded,
      counters,
      attempts: once ? 2 : undefined,
      ...(supervises ? { reconnects: true } : {}),
    };
  }
}

/** The call of `name` a timer's callback makes (`setTimeout(() => message(type, text, false), ms)`). */
function timerSelfCall(timer: Node, name: string): TSESTree.CallExpression | undefined {
  if (timer.type !== AST_NODE_TYPES.CallExpression) return undefined;
  const callback = timer.arguments[0] as Node | undefined;
  if (!callback || !isFunction(callback)) return undefined;
  return findNode(
    callback.body,
    node => node.type === AST_NODE_TYPES.CallExpression && calleeName(node.callee) === name,
    node => !isFunction(node),
  ) as TSESTree.CallExpression | undefined;
}

/** The parameter names of `fn`, positional and destructured from its first object parameter. */
function parameterNames(fn: FunctionNode): { positional: (string | undefined)[]; fields: Set<string> } {
  const positional = fn.params.map(param => {
    const inner = param.type === AST_NODE_TYPES.AssignmentPattern ? param.left : param;
    return inner.type === AST_NODE_TYPES.Identifier ? inner.name : undefined;
  });
  const fields = new Set<string>();
  const first = fn.params[0];
  const pattern = first?.type === AST_NODE_TYPES.AssignmentPattern ? first.left : first;
  if (pattern?.type === AST_NODE_TYPES.ObjectPattern) {
    for (const property of pattern.properties) {
      if (property.type !== AST_NODE_TYPES.Property) continue;
      const value =
        property.value.type === AST_NODE_TYPES.AssignmentPattern ? property.value.left : property.value;
      if (value.type === AST_NODE_TYPES.Identifier) fields.add(value.name);
    }
  }
  return { positional, fields };
}

/** The arguments of a self-call, paired with the parameter (or destructured field) each one feeds. */
function selfCallArguments(fn: FunctionNode, call: TSESTree.CallExpression): [string, Node][] {
  const { positional, fields } = parameterNames(fn);
  const pairs: [string, Node][] = [];
  call.arguments.forEach((arg, index) => {
    const param = positional[index];
    if (param) pairs.push([param, arg as Node]);
    if (index === 0 && fields.size > 0 && arg.type === AST_NODE_TYPES.ObjectExpression) {
      for (const property of arg.properties) {
        if (property.type !== AST_NODE_TYPES.Property || property.computed) continue;
        const key = property.key.type === AST_NODE_TYPES.Identifier ? property.key.name : undefined;
        if (key && fields.has(key)) pairs.push([key, property.value as Node]);
      }
    }
  });
  return pairs;
}

/**
 * The fields an object argument of a self-call sets on the options parameter it feeds, by
 * `param.field`: `execWithCredentials(args, { debug: true })` for `(args, opts)` sets `opts.debug`.
 * A spread after the field may override it: not read.
 */
function optionFields(fn: FunctionNode, call: TSESTree.CallExpression): [string, Node][] {
  const { positional } = parameterNames(fn);
  const pairs: [string, Node][] = [];
  call.arguments.forEach((arg, index) => {
    const param = positional[index];
    if (!param || arg.type !== AST_NODE_TYPES.ObjectExpression) return;
    arg.properties.forEach((property, at) => {
      if (property.type !== AST_NODE_TYPES.Property || property.computed) return;
      if (arg.properties.slice(at + 1).some(later => later.type === AST_NODE_TYPES.SpreadElement)) return;
      if (property.key.type === AST_NODE_TYPES.Identifier)
        pairs.push([`${param}.${property.key.name}`, property.value as Node]);
    });
  });
  return pairs;
}

/** Some argument is a smaller piece of the parameter it feeds: `xs.slice(1)`, `text.substring(n)`, `xs.filter(…)`. */
function shrinksInput(fn: FunctionNode, call: TSESTree.CallExpression): boolean {
  return selfCallArguments(fn, call).some(([param, arg]) => {
    let inner = unwrap(arg);
    // `const left = values.slice(0, half); … recoverBatchError(left, callback)`: a bisection.
    if (inner.type === AST_NODE_TYPES.Identifier) inner = constInFunction(fn, inner.name) ?? inner;
    if (inner.type !== AST_NODE_TYPES.CallExpression || inner.callee.type !== AST_NODE_TYPES.MemberExpression)
      return false;
    const object = unwrap(inner.callee.object as Node);
    const method = memberName(inner.callee);
    return (
      object.type === AST_NODE_TYPES.Identifier &&
      object.name === param &&
      method !== undefined &&
      /^(?:slice|substring|substr|subarray|filter|splice)$/.test(method)
    );
  });
}

/**
 * Before the self-call, the failure handler gives a flag a literal value (`isBlockReceipts =
 * false`, `this.useDistinct = false`), and the function tests that flag in an `if` that leaves
 * before the failure handler's code: the next call goes the other way.
 */
function switchesWay(fn: FunctionNode, call: Node, failure: Node): boolean {
  const flags = new Map<string, unknown>();
  findNode(
    failure,
    node => {
      if (
        node.type !== AST_NODE_TYPES.AssignmentExpression ||
        node.operator !== '=' ||
        node.range[1] > call.range[0]
      )
        return false;
      const value = unwrap(node.right);
      const name = flagName(node.left);
      if (name && value.type === AST_NODE_TYPES.Literal) flags.set(name, value.value);
      return false;
    },
    node => !isFunction(node),
  );
  if (flags.size === 0) return false;
  // The statement of the function's body that holds the failure handler.
  const start = fn.body.type === AST_NODE_TYPES.BlockStatement ? fn.body.body : [];
  for (const statement of start) {
    if (statement.range[0] >= failure.range[0]) break;
    if (
      statement.type === AST_NODE_TYPES.IfStatement &&
      holdsWith(statement.test, flags) === true &&
      (statement.consequent.type === AST_NODE_TYPES.ReturnStatement ||
        (statement.consequent.type === AST_NODE_TYPES.BlockStatement &&
          statement.consequent.body.at(-1)?.type === AST_NODE_TYPES.ReturnStatement))
    )
      return true;
  }
  return false;
}

/** The value of a test of one flag (`flag === false`, `!this.flag`, `flag`) once the flags hold `values`. */
function holdsWith(test: Node, values: ReadonlyMap<string, unknown>): boolean | undefined {
  const node = unwrap(test);
  const name = flagName(node);
  if (name !== undefined) return values.has(name) ? Boolean(values.get(name)) : undefined;
  if (node.type === AST_NODE_TYPES.UnaryExpression && node.operator === '!') {
    const inner = holdsWith(node.argument, values);
    return inner === undefined ? undefined : !inner;
  }
  if (node.type === AST_NODE_TYPES.BinaryExpression && ['===', '==', '!==', '!='].includes(node.operator)) {
    const [flag, literal] =
      node.right.type === AST_NODE_TYPES.Literal ? [node.left, node.right] : [node.right, node.left];
    const flagged = flagName(unwrap(flag as Node));
    if (literal.type !== AST_NODE_TYPES.Literal || flagged === undefined || !values.has(flagged))
      return undefined;
    const equal = values.get(flagged) === literal.value;
    return node.operator.startsWith('!') ? !equal : equal;
  }
  return undefined;
}

/** `flag` or `this.flag`. */
function flagName(node: Node): string | undefined {
  if (node.type === AST_NODE_TYPES.Identifier) return node.name;
  if (node.type === AST_NODE_TYPES.MemberExpression && node.object.type === AST_NODE_TYPES.ThisExpression)
    return `this.${memberName(node) ?? ''}`;
  return undefined;
}

/** The initialiser of a `const` declared once in `fn` under `name` (not in a nested function). */
function constInFunction(fn: FunctionNode, name: string): Node | undefined {
  const found: Node[] = [];
  findNode(
    fn.body,
    node => {
      if (node.type === AST_NODE_TYPES.VariableDeclaration && node.kind === 'const')
        for (const declarator of node.declarations)
          if (
            declarator.id.type === AST_NODE_TYPES.Identifier &&
            declarator.id.name === name &&
            declarator.init
          )
            found.push(unwrap(declarator.init));
      return false;
    },
    node => !isFunction(node),
  );
  return found.length === 1 ? found[0] : undefined;
}

/**
 * The self-call passes `true` for a flag that guards it (`if (!isRetrying) … f({ isRetrying: true })`,
 * `retried || f(…, true)`): the retry happens once.
 */
function retriesOnce(fn: FunctionNode, call: TSESTree.CallExpression): boolean {
  const flags = [...selfCallArguments(fn, call), ...optionFields(fn, call)]
    .filter(([, arg]) => {
      const inner = unwrap(arg);
      return inner.type === AST_NODE_TYPES.Literal && inner.value === true;
    })
    .map(([param]) => param);
  if (flags.length === 0) return false;
  // `!debug` where `const debug = opts.debug || false`, `!opts.debug`: the option's field.
  const flagOf = (node: Node): string | undefined => {
    let inner = unwrap(node);
    if (inner.type === AST_NODE_TYPES.Identifier) {
      if (flags.includes(inner.name)) return inner.name;
      inner = constInFunction(fn, inner.name) ?? inner;
      while (
        (inner.type === AST_NODE_TYPES.LogicalExpression &&
          inner.operator !== '&&' &&
          inner.right.type === AST_NODE_TYPES.Literal &&
          inner.right.value === false) ||
        (inner.type === AST_NODE_TYPES.UnaryExpression &&
          inner.operator === '!' &&
          inner.argument.type === AST_NODE_TYPES.UnaryExpression &&
          inner.argument.operator === '!')
      )
        inner = unwrap(
          (inner.type === AST_NODE_TYPES.LogicalExpression
            ? inner.left
            : (inner.argument as TSESTree.UnaryExpression).argument) as Node,
        );
    }
    if (
      inner.type === AST_NODE_TYPES.MemberExpression &&
      !inner.computed &&
      inner.object.type === AST_NODE_TYPES.Identifier
    )
      return `${inner.object.name}.${memberName(inner) ?? ''}`;
    return inner.type === AST_NODE_TYPES.Identifier ? inner.name : undefined;
  };
  for (let current: Node | undefined = call.parent; current && current !== fn; current = current.parent) {
    const test =
      current.type === AST_NODE_TYPES.IfStatement || current.type === AST_NODE_TYPES.ConditionalExpression
        ? current.test
        : current.type === AST_NODE_TYPES.LogicalExpression
          ? current.left
          : undefined;
    if (!test) continue;
    const guarded = findNode(test as Node, node => {
      if (node.type === AST_NODE_TYPES.UnaryExpression && node.operator === '!') {
        const flag = flagOf(node.argument as Node);
        return flag !== undefined && flags.includes(flag);
      }
      // `retried || f(…, true)`
      return (
        current?.type === AST_NODE_TYPES.LogicalExpression &&
        current.operator === '||' &&
        node === test &&
        node.type === AST_NODE_TYPES.Identifier &&
        flags.includes(node.name)
      );
    });
    if (guarded) return true;
  }
  return false;
}

/**
 * The self-call turns off the option that guards it: `if (options.fromHistory) { try { … } catch {
 * return build({ ...options, fromHistory: false }) } }`, or `if (useCache) … f(x, false)`. The
 * second run takes the other path, so it is a fallback tried once.
 */
function turnsOffGuard(fn: FunctionNode, call: TSESTree.CallExpression): boolean {
  const { positional } = parameterNames(fn);
  // [parameter, option key] pairs the call sets to `false`; a key of undefined is the parameter itself.
  const off: [string, string | undefined][] = [];
  call.arguments.forEach((arg, index) => {
    const param = positional[index];
    if (!param) return;
    const inner = unwrap(arg as Node);
    if (inner.type === AST_NODE_TYPES.Literal && inner.value === false) off.push([param, undefined]);
    if (inner.type !== AST_NODE_TYPES.ObjectExpression) return;
    const keepsRest = inner.properties.some(
      property =>
        property.type === AST_NODE_TYPES.SpreadElement &&
        unwrap(property.argument as Node).type === AST_NODE_TYPES.Identifier &&
        (unwrap(property.argument as Node) as TSESTree.Identifier).name === param,
    );
    if (!keepsRest) return;
    for (const property of inner.properties)
      if (
        property.type === AST_NODE_TYPES.Property &&
        !property.computed &&
        property.value.type === AST_NODE_TYPES.Literal &&
        property.value.value === false
      ) {
        const key = propertyKey(property);
        if (key !== undefined) off.push([param, key]);
      }
  });
  if (off.length === 0) return false;
  const reads = (node: Node): boolean =>
    off.some(([param, key]) =>
      key === undefined
        ? node.type === AST_NODE_TYPES.Identifier && node.name === param
        : node.type === AST_NODE_TYPES.MemberExpression &&
          unwrap(node.object as Node).type === AST_NODE_TYPES.Identifier &&
          (unwrap(node.object as Node) as TSESTree.Identifier).name === param &&
          memberName(node) === key,
    );
  // The guard holds the option as it is, alone or in a conjunction (`options.k && version === -1`).
  const holds = (test: Node): boolean => {
    const inner = unwrap(test);
    if (inner.type === AST_NODE_TYPES.LogicalExpression && inner.operator === '&&')
      return holds(inner.left) || holds(inner.right);
    return reads(inner);
  };
  return guardedBy(call, fn, holds, false);
}

/**
 * `call` runs only where `holds` is true of a test around it inside `fn`: in the branch an `if` or
 * a conditional takes on it, or (with `conjunction`) right of an `&&` (`hasSender && f(x)`).
 */
function guardedBy(
  call: Node,
  fn: FunctionNode,
  holds: (test: Node) => boolean,
  conjunction: boolean,
): boolean {
  for (let current: Node = call; current.parent && current.parent !== fn; current = current.parent) {
    const parent: Node = current.parent;
    if (
      (parent.type === AST_NODE_TYPES.IfStatement || parent.type === AST_NODE_TYPES.ConditionalExpression) &&
      parent.consequent === current &&
      holds(parent.test)
    )
      return true;
    if (
      conjunction &&
      parent.type === AST_NODE_TYPES.LogicalExpression &&
      parent.operator === '&&' &&
      parent.right === current &&
      holds(parent.left)
    )
      return true;
  }
  return false;
}

/**
 * The self-call leaves out (or passes `undefined`/`null` for) the parameter whose presence guards
 * it: `if (hasSender) return this.lookup(server, room)` where `const hasSender = sender != null`, or
 * `if (user) return load(id)`. The second call takes the other branch: a fallback tried once.
 */
function dropsGuardArgument(model: FileModel, fn: FunctionNode, call: TSESTree.CallExpression): boolean {
  if (call.arguments.some(arg => arg.type === AST_NODE_TYPES.SpreadElement)) return false;
  const { positional } = parameterNames(fn);
  const dropped = positional.filter((param, index): param is string => {
    if (!param) return false;
    const arg = call.arguments[index];
    if (!arg) return true;
    const inner = unwrap(arg as Node);
    return (
      (inner.type === AST_NODE_TYPES.Identifier && inner.name === 'undefined') ||
      (inner.type === AST_NODE_TYPES.Literal && inner.value === null)
    );
  });
  if (dropped.length === 0) return false;
  /** The test holds only when the parameter is present: `p`, `p != null`, `p !== undefined && …`, or a const of one. */
  const present = (test: Node, depth = 0): boolean => {
    const inner = unwrap(test);
    if (inner.type === AST_NODE_TYPES.LogicalExpression && inner.operator === '&&')
      return present(inner.left, depth) || present(inner.right, depth);
    if (inner.type === AST_NODE_TYPES.Identifier) {
      if (dropped.includes(inner.name)) return true;
      const init = depth < 2 ? model.constInit(inner) : undefined;
      return init !== undefined && present(init, depth + 1);
    }
    if (
      inner.type === AST_NODE_TYPES.BinaryExpression &&
      (inner.operator === '!==' || inner.operator === '!=')
    ) {
      const [left, right] = [unwrap(inner.left as Node), unwrap(inner.right as Node)];
      const absent = (node: Node): boolean =>
        (node.type === AST_NODE_TYPES.Literal && node.value === null) ||
        (node.type === AST_NODE_TYPES.Identifier && node.name === 'undefined');
      const param = (node: Node): boolean =>
        node.type === AST_NODE_TYPES.Identifier && dropped.includes(node.name);
      return (param(left) && absent(right)) || (param(right) && absent(left));
    }
    return false;
  };
  return guardedBy(call, fn, test => present(test), true);
}

/**
 * Parameters the self-call hands back multiplied (`retry(delay * 2)`, or through a const:
 * `const next = Math.min(delay * 2, MAX); retry(next)`): a wait computed from one doubles each round.
 */
function multipliedParams(model: FileModel, fn: FunctionNode, name: string): string[] {
  const found = new Set<string>();
  findNode(fn.body, node => {
    if (node.type === AST_NODE_TYPES.CallExpression && calleeName(node.callee) === name)
      for (const [param, arg] of stepArguments(fn, node)) if (multiplies(model, arg, param)) found.add(param);
    return false;
  });
  return [...found];
}

/** `arg` multiplies `param` (`delay * 2`, `Math.min(delay * 2, MAX)`), also through a const. */
function multiplies(model: FileModel, arg: Node, param: string): boolean {
  return computedFrom(
    model,
    arg,
    param,
    node => node.type === AST_NODE_TYPES.BinaryExpression && ['*', '**', '<<'].includes(node.operator),
  );
}

/** The timer call whose callback (written inline, within `fn`) makes `call`. */
function enclosingTimer(model: FileModel, call: Node, fn: FunctionNode): TSESTree.CallExpression | undefined {
  for (let current: Node | undefined = call.parent; current && current !== fn; current = current.parent) {
    const parent = current.parent;
    if (
      isFunction(current) &&
      parent?.type === AST_NODE_TYPES.CallExpression &&
      parent.arguments[0] === current &&
      model.isTimerCall(parent)
    )
      return parent;
  }
  return undefined;
}

/** The timer `call` runs the function named `name` again: `setTimeout(name, ms)`, `setTimeout(() => this.name(), ms)`. */
function schedules(call: TSESTree.CallExpression, name: string): boolean {
  const scheduled = call.arguments[0];
  if (!scheduled || scheduled.type === AST_NODE_TYPES.SpreadElement) return false;
  const inner = unwrap(scheduled);
  if (inner.type === AST_NODE_TYPES.Identifier) return inner.name === name;
  if (inner.type === AST_NODE_TYPES.MemberExpression) return memberName(inner) === name;
  // `setTimeout(() => { connect(url).then(resolve) }, ms)`: the callback calls the function again.
  return (
    isFunction(inner) &&
    findNode(
      inner.body,
      node => node.type === AST_NODE_TYPES.CallExpression && calleeName(node.callee) === name,
    ) !== undefined
  );
}

function calleeName(callee: Node): string | undefined {
  const inner = unwrap(callee);
  if (inner.type === AST_NODE_TYPES.Identifier) return inner.name;
  if (inner.type === AST_NODE_TYPES.MemberExpression && inner.object.type === AST_NODE_TYPES.ThisExpression)
    return memberName(inner);
  return undefined;
}

/** The catch clause, `.catch` handler or error callback between `node` and `fn`, if any. */
function failurePath(node: Node, fn: FunctionNode): Node | undefined {
  for (let current: Node | undefined = node.parent; current && current !== fn; current = current.parent) {
    if (current.type === AST_NODE_TYPES.CatchClause) return current.body;
    if (isFunction(current)) {
      const call = current.parent;
      if (
        call?.type === AST_NODE_TYPES.CallExpression &&
        call.arguments.includes(current as TSESTree.CallExpressionArgument)
      ) {
        const callee = unwrap(call.callee);
        const name = callee.type === AST_NODE_TYPES.MemberExpression ? memberName(callee) : undefined;
        if (name === 'catch') return current;
        if (name === 'then' && call.arguments[1] === current) return current;
        // `socket.on('error', …)`, `client.once('close', …)`
        if (
          (name === 'on' || name === 'once') &&
          call.arguments[0]?.type === AST_NODE_TYPES.Literal &&
          /error|close|end|disconnect/i.test(String(call.arguments[0].value))
        )
          return current;
      }
    }
    // `if (err) { … retry }` in a node-style callback
    if (
      current.type === AST_NODE_TYPES.IfStatement &&
      current.test.type === AST_NODE_TYPES.Identifier &&
      /^(err|error|e)$/.test(current.test.name)
    )
      return current.consequent;
  }
  return undefined;
}

/**
 * What an attempt runs again when `failure` calls the function once more: the whole body, or, when
 * the failure is the catch clause of a `try` at the top of the body that ends in a `return` or a
 * `throw`, the statements before that `try` and its block. What runs after the `try` (`return
 * poll()` once the config is read) then runs on success only, and fails outside this retry.
 */
function attemptParts(fn: FunctionNode, failure: Node): Node[] {
  const clause = failure.parent;
  const statement = clause?.parent;
  const body = fn.body;
  if (
    clause?.type !== AST_NODE_TYPES.CatchClause ||
    statement?.type !== AST_NODE_TYPES.TryStatement ||
    body.type !== AST_NODE_TYPES.BlockStatement ||
    statement.parent !== body ||
    statement.finalizer ||
    !leaves(failure)
  )
    return [body];
  const index = body.body.indexOf(statement);
  return [...body.body.slice(0, index), statement.block];
}

/** A block that cannot complete normally: it ends in a `return` or a `throw`. */
function leaves(block: Node): boolean {
  if (block.type !== AST_NODE_TYPES.BlockStatement) return false;
  const last = block.body[block.body.length - 1];
  return last?.type === AST_NODE_TYPES.ReturnStatement || last?.type === AST_NODE_TYPES.ThrowStatement;
}

/** Parameters passed on changed in the self-call (`retry(n - 1)`, `attempt + 1`), and `this.x++` fields. */
function recursionCounters(model: FileModel, fn: FunctionNode, name: string): string[] {
  const counters = new Set<string>();
  ownNodes(fn.body, node => {
    if (node.type !== AST_NODE_TYPES.CallExpression || calleeName(node.callee) !== name) return false;
    for (const [param, arg] of stepArguments(fn, node)) if (steps(model, arg, param)) counters.add(param);
    return false;
  });
  for (const assigned of steppedNames(fn.body)) counters.add(assigned);
  // `.catch(() => { attempt++; … })`: counters moved inside the failure callback count too; not
  // text built up in a callback (`res.on('data', chunk => (body += chunk))`).
  const texts = textNames(fn.body, true);
  findNode(fn.body, node => {
    if (node.type === AST_NODE_TYPES.UpdateExpression && node.argument.type === AST_NODE_TYPES.Identifier)
      counters.add(node.argument.name);
    if (
      node.type === AST_NODE_TYPES.AssignmentExpression &&
      node.left.type === AST_NODE_TYPES.Identifier &&
      (node.operator === '+=' || node.operator === '-=') &&
      !texts.has(node.left.name)
    )
      counters.add(node.left.name);
    return false;
  });
  // `retry(attempt + 1)` through a timer callback: look into nested callbacks too.
  findNode(fn.body, node => {
    if (node.type === AST_NODE_TYPES.CallExpression && calleeName(node.callee) === name)
      for (const [param, arg] of stepArguments(fn, node)) if (steps(model, arg, param)) counters.add(param);
    return false;
  });
  return [...counters];
}

/**
 * The arguments of a self-call paired with what they feed ({@link selfCallArguments}), and the
 * properties of an object handed to a first parameter kept whole (`validate({ ...dto, retryAttempt:
 * next })` for `validate(dto)`, which reads `dto.retryAttempt`), paired with their keys.
 */
function stepArguments(fn: FunctionNode, call: TSESTree.CallExpression): [string, Node][] {
  const pairs = selfCallArguments(fn, call);
  const first = fn.params[0];
  const whole = first?.type === AST_NODE_TYPES.AssignmentPattern ? first.left : first;
  const arg = call.arguments[0] ? unwrap(call.arguments[0] as Node) : undefined;
  if (whole?.type === AST_NODE_TYPES.Identifier && arg?.type === AST_NODE_TYPES.ObjectExpression)
    for (const property of arg.properties) {
      if (property.type !== AST_NODE_TYPES.Property || property.computed) continue;
      if (property.key.type === AST_NODE_TYPES.Identifier)
        pairs.push([property.key.name, property.value as Node]);
    }
  return pairs;
}

/**
 * `arg` moves the counter `param` on: arithmetic or an update on it (`attempt + 1`, `++attempt`,
 * `attempt ? attempt + 1 : 1`, `dto.retryAttempt + 1`), also through a const of the function that
 * holds it (`const next = attempt ? attempt + 1 : 1; return retry(next)`).
 */
function steps(model: FileModel, arg: Node, param: string): boolean {
  return computedFrom(
    model,
    arg,
    param,
    node =>
      (node.type === AST_NODE_TYPES.BinaryExpression && (node.operator === '+' || node.operator === '-')) ||
      node.type === AST_NODE_TYPES.UpdateExpression,
  );
}

/**
 * `arg` holds an operation on `param` that `operates` accepts, written there or in a const of the
 * function it reads (two consts deep at most).
 */
function computedFrom(
  model: FileModel,
  arg: Node,
  param: string,
  operates: (node: Node) => boolean,
  depth = 0,
): boolean {
  const value = unwrap(arg);
  if (value.type === AST_NODE_TYPES.Identifier && depth < 2) {
    const init = model.constInit(value);
    return init !== undefined && computedFrom(model, init, param, operates, depth + 1);
  }
  return (
    findNode(
      value,
      node => operates(node) && namesIn(node).has(param),
      node => !isFunction(node),
    ) !== undefined
  );
}

/** Array methods whose callback runs once per item. */
const PER_ITEM = new Set(['map', 'flatMap', 'forEach', 'filter', 'reduce', 'some', 'every', 'find']);

/** True when `call` runs once per item of a collection inside `fn`: in a `for…of`/`for…in` body or a per-item callback. */
function perItem(call: Node, fn: FunctionNode): boolean {
  for (let current = call.parent; current && current !== fn; current = current.parent) {
    if (current.type === AST_NODE_TYPES.ForOfStatement || current.type === AST_NODE_TYPES.ForInStatement)
      return true;
    const parent = current.parent;
    if (
      isFunction(current) &&
      parent?.type === AST_NODE_TYPES.CallExpression &&
      parent.arguments.includes(current as TSESTree.CallExpressionArgument) &&
      parent.callee.type === AST_NODE_TYPES.MemberExpression &&
      PER_ITEM.has(memberName(parent.callee) ?? '')
    )
      return true;
  }
  return false;
}

/** In its failure handler, the self-call runs only under an `if` that names an error a retry fixes by itself. */
function onlyOnFixedError(call: Node, failure: Node): boolean {
  // Only an `if` inside the failure handler says which failure goes round again.
  for (let current = call.parent; current && current !== failure.parent; current = current.parent)
    if (current.type === AST_NODE_TYPES.IfStatement && namesErrorKind(current.test, FIXED_BY_RETRY))
      return true;
  return false;
}

/** `socket.on('close', code => …)`: its first parameter is no error. */
function closeListener(failure: Node): boolean {
  const call = failure.parent;
  if (!isFunction(failure) || call?.type !== AST_NODE_TYPES.CallExpression) return false;
  const event = call.arguments[0];
  return (
    event?.type === AST_NODE_TYPES.Literal &&
    /close|end|disconnect/i.test(String(event.value)) &&
    !/error/i.test(String(event.value))
  );
}

/** Calls that ask the person at the terminal (`prompt`, `question`, `confirm`, `password`). */
const PROMPT_CALL = /^(?:prompt|question|confirm|password|ask|askQuestion)$/;
/** Modules whose calls ask the person at the terminal. */
const PROMPT_MODULES =
  /^(?:inquirer|@inquirer\/.+|prompts|enquirer|promptly|prompt|readline-sync|@clack\/prompts|node:readline|readline|readline\/promises|node:readline\/promises)$/;

/** A call that asks the user: named like a prompt, or a call of a prompt library. */
function isPrompt(model: FileModel, node: Node): boolean {
  if (node.type !== AST_NODE_TYPES.CallExpression) return false;
  if (PROMPT_CALL.test(writtenName(unwrap(node.callee)) ?? '')) return true;
  const value = model.valueOf(node.callee);
  return value.kind === 'module' && PROMPT_MODULES.test(value.module);
}

/**
 * The self-call waits for the user: it sits in a callback handed to a prompt, or the function
 * awaits a prompt before it (`const { otp } = await inquirer.prompt(…)`), so each attempt starts
 * when a person answers.
 */
function askedOfUser(model: FileModel, call: Node, fn: FunctionNode): boolean {
  for (let current = call.parent; current && current !== fn; current = current.parent) {
    const parent = current.parent;
    if (
      isFunction(current) &&
      parent?.type === AST_NODE_TYPES.CallExpression &&
      parent.arguments.includes(current as TSESTree.CallExpressionArgument) &&
      isPrompt(model, parent)
    )
      return true;
  }
  return (
    findNode(
      fn.body,
      node =>
        node.type === AST_NODE_TYPES.AwaitExpression &&
        node.range[1] <= call.range[0] &&
        isPrompt(model, unwrap(node.argument)),
      node => !isFunction(node),
    ) !== undefined
  );
}

/** Methods that take the next item off a queue. */
const TAKE_NEXT = /^(?:shift|pop|dequeue|poll)$/;

/** The function takes the next item off a queue it does not own (`const job = queue.shift()`). */
function drainsQueue(fn: FunctionNode): boolean {
  return (
    findNode(
      fn.body,
      node => {
        if (node.type !== AST_NODE_TYPES.CallExpression || node.arguments.length > 0) return false;
        const callee = unwrap(node.callee);
        if (callee.type !== AST_NODE_TYPES.MemberExpression || !TAKE_NEXT.test(memberName(callee) ?? ''))
          return false;
        const owner = unwrap(callee.object);
        // A queue of the module or the instance, not a list the function made for itself.
        if (owner.type === AST_NODE_TYPES.MemberExpression)
          return owner.object.type === AST_NODE_TYPES.ThisExpression;
        if (owner.type !== AST_NODE_TYPES.Identifier) return false;
        return !declaredIn(fn, owner.name);
      },
      node => !isFunction(node),
    ) !== undefined
  );
}

/** `name` is a parameter or a local of `fn` itself. */
function declaredIn(fn: FunctionNode, name: string): boolean {
  if (fn.params.some(param => param.type === AST_NODE_TYPES.Identifier && param.name === name)) return true;
  return (
    findNode(
      fn.body,
      node =>
        node.type === AST_NODE_TYPES.VariableDeclarator &&
        node.id.type === AST_NODE_TYPES.Identifier &&
        node.id.name === name,
      node => !isFunction(node),
    ) !== undefined
  );
}

/** The failure path puts an item back on a queue (`queue.unshift(job)`, `queue.push(job)`). */
function requeues(failure: Node): boolean {
  return (
    findNode(failure, node => {
      if (node.type !== AST_NODE_TYPES.CallExpression || node.arguments.length === 0) return false;
      const callee = unwrap(node.callee);
      return (
        callee.type === AST_NODE_TYPES.MemberExpression &&
        /^(?:unshift|push|enqueue)$/.test(memberName(callee) ?? '')
      );
    }) !== undefined
  );
}
