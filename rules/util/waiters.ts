// Who waits for a call's answer. A request nobody waits for cannot leave a caller hanging: a silent
// server costs a pending socket, not a stuck request or job. The promise of a call is waited for
// when something awaits it, returns it, or continues from it; it is dropped where it is made
// (`void ping()`, `notify(user).catch(log);`), or it only settles a function whose own promise is
// dropped (an async IIFE run as a statement, an async `forEach` callback, a private method whose
// every call is dropped) inside another function. At a module's top level the process waits.
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';

import {
  type FunctionNode,
  type Node,
  answersGiven,
  enclosingFunction,
  findNode,
  isFunction,
  isPromiseExecutor,
  isPropertyName,
  memberChain,
  memberName,
  promiseDropped,
  takesCallback,
  unwrap,
  writtenName,
} from './ast.js';
import type { FileModel } from './file-model.js';
import { inputGuards, unmetBy } from './input-guards.js';
import type { UsesElsewhere } from './project-calls/uses-elsewhere.js';

/**
 * What the question needs of a file: the linted file's model, or a module of the project read by
 * syntax alone ({@link syntacticWaitersModel}).
 */
export interface WaitersModel {
  sourceCode: { ast: unknown };
  findVariable(node: TSESTree.Identifier): { references: readonly { identifier: Node }[] } | undefined;
  isTimerCall(node: TSESTree.CallExpression): boolean;
  /** A job scheduler that runs the function it is given on a schedule and drops its promise. */
  isSchedulerCall?(node: TSESTree.CallExpression | TSESTree.NewExpression): boolean;
  usesElsewhere: FileModel['usesElsewhere'];
  callsElsewhere: FileModel['callsElsewhere'];
  /**
   * The function a call reaches, written in this file or (with project facts) in another module
   * of the project: a helper that hands what it is given to the platform ({@link backgroundCall}).
   */
  calledFunction?(call: TSESTree.CallExpression): FunctionNode | undefined;
  /**
   * Whether some module of the package may wait for the listeners of these events: it calls
   * `emitAsync` and names one of them. Undefined when that cannot be told.
   */
  eventAwaited?(events: readonly string[]): boolean | undefined;
}

/** Timers that drop what their callback returns, global or from node:timers. */
const TIMERS = new Set(['setTimeout', 'setInterval', 'setImmediate']);

/**
 * A {@link WaitersModel} for a module of the project that is not being linted: a name's uses are
 * the identifiers that spell it (property names aside), shadowing unseen; a timer is a call of a
 * timer function by its name; who uses an exported function elsewhere is not asked (unknown, so
 * the question answers "waited").
 */
export function syntacticWaitersModel(program: Node): WaitersModel {
  let uses: Map<string, Node[]> | undefined;
  return {
    sourceCode: { ast: program },
    findVariable(node) {
      if (!uses) {
        const found = new Map<string, Node[]>();
        findNode(program, inner => {
          if (inner.type !== AST_NODE_TYPES.Identifier || isPropertyName(inner)) return false;
          const list = found.get(inner.name);
          if (list) list.push(inner);
          else found.set(inner.name, [inner]);
          return false;
        });
        uses = found;
      }
      const list = uses.get(node.name);
      return list ? { references: list.map(identifier => ({ identifier })) } : undefined;
    },
    isTimerCall(node) {
      const callee = unwrap(node.callee);
      if (callee.type === AST_NODE_TYPES.Identifier) return TIMERS.has(callee.name);
      return callee.type === AST_NODE_TYPES.MemberExpression && TIMERS.has(memberName(callee) ?? '');
    },
    usesElsewhere: () => undefined,
    callsElsewhere: () => undefined,
  };
}

/** How many functions up the question climbs (a callback in a method in an IIFE…). */
const MAX_DEPTH = 4;

/** Collection methods whose callback's promises come back in the result (for `Promise.all`). */
const MAPPERS = new Set(['map', 'flatMap']);
/** Combinators whose promise settles only after every element (or the first) has. */
const COMBINATORS = new Set(['all', 'allSettled', 'race', 'any']);

/**
 * How a client's calls answer: through their promise; also through callbacks or events on the
 * client (`events`: the catalog's `answersByEvents`, so a statement of its own is still listened
 * to); or on the request object the call returns (`request`: node:http's ClientRequest, the
 * catalog's `answersOnRequest`).
 */
export type Answers = 'promise' | 'events' | 'request';

/** How the calls of a catalog family answer ({@link Answers}). */
export function answersOf(family: { answersByEvents?: boolean; answersOnRequest?: boolean }): Answers {
  if (family.answersOnRequest) return 'request';
  return family.answersByEvents ? 'events' : 'promise';
}

/**
 * Nothing waits for the answer of `call`: its promise is dropped where it is made
 * ({@link promiseDropped}; for a client that answers through events, a call written as a statement
 * is still listened to; for one that answers on the request it returns, a request whose value is
 * thrown away is not), or the call is awaited or returned by a function whose own promise nobody
 * waits for, where the drop happens inside a function (at a module's top level the process waits):
 * - an IIFE run as a statement of its own (`(async () => { await init(); })();`);
 * - an async callback of `forEach`, which ignores what its callback returns;
 * - a callback of `map` whose list of promises is dropped, or given to `Promise.all` (`allSettled`,
 *   `race`, `any`) whose promise nobody waits for;
 * - the executor of `new Promise(…)` whose promise nobody waits for;
 * - the callback of a timer (`setInterval(async () => …, ms)`), which drops what it returns;
 * - a function or private method of this file (not exported, a `#name` or TypeScript `private`
 *   method) called only where nobody waits for its answer, or handed to a timer.
 */
export function nobodyWaits(
  model: WaitersModel,
  call: Node,
  depth = 0,
  answers: Answers = 'promise',
): boolean {
  // A function started at a module's top level (`main().catch(exit)`, `(async () => …)()` in a
  // script) is waited for by the process: it stays alive until the call settles, and whoever runs
  // the script (a cron job, a CI step, a person) waits with it.
  const inside = inFunction(call);
  if (depth > 0 && !inside) return false;
  // A statement of its own is dropped only inside a function, for the same reason; `void` and a
  // `.catch(…)` say so anywhere.
  if (promiseDropped(call, answers === 'promise' && inside)) return true;
  if (answers === 'request' && inside && requestUnheard(call)) return true;
  if (answers === 'promise' && inside && handedToBackground(model, call)) return true;
  if (depth >= MAX_DEPTH) return false;
  const fn = settledFunction(call);
  return fn !== undefined && functionDropped(model, fn, depth + 1);
}

/**
 * The function whose completion waits for `node`'s promise: the nearest enclosing function, when
 * `node` is awaited there (`await call()`, also `await call().catch(…)`) or returned (`return call()`,
 * an arrow's expression body). Undefined for any other use.
 */
function settledFunction(node: Node): FunctionNode | undefined {
  let current: Node = node;
  let parent = current.parent;
  while (
    parent &&
    (parent.type === AST_NODE_TYPES.ChainExpression ||
      parent.type === AST_NODE_TYPES.TSAsExpression ||
      parent.type === AST_NODE_TYPES.TSNonNullExpression ||
      // `call().catch(…)`, `.finally(…)` settle with the call; so does `call().then(r => r.json())`,
      // unless its handler answers someone the function was given (`res.json(…)`, `resolve(…)`).
      (parent.type === AST_NODE_TYPES.MemberExpression &&
        parent.object === current &&
        parent.parent.type === AST_NODE_TYPES.CallExpression &&
        parent.parent.callee === parent &&
        (memberName(parent) === 'catch' ||
          memberName(parent) === 'finally' ||
          (memberName(parent) === 'then' && !answersGiven(parent.parent.arguments as Node[], node)))))
  ) {
    current = parent.type === AST_NODE_TYPES.MemberExpression ? (parent.parent as Node) : parent;
    parent = current.parent;
  }
  if (!parent) return undefined;
  // `await Promise.all([call(), other()])`: settled with the combinator.
  if (parent.type === AST_NODE_TYPES.ArrayExpression && isCombinatorOf(parent.parent, parent))
    return settledFunction(parent.parent as Node);
  if (parent.type === AST_NODE_TYPES.AwaitExpression || parent.type === AST_NODE_TYPES.ReturnStatement)
    return enclosingFunction(parent);
  // `async () => call()`: the arrow's expression body is its answer.
  if (isFunction(parent) && parent.body === current) return parent;
  return executorSettledBy(node);
}

/**
 * The promise executor a statement settles: `new Promise((resolve, reject) => { call().then(() =>
 * resolve()).catch(reject); })`, where a callback of the chain (or a handler given by name) calls or
 * is the executor's `resolve` or `reject`. The new promise waits for the call as if the executor
 * returned it.
 */
function executorSettledBy(node: Node): FunctionNode | undefined {
  const handlers: Node[] = [];
  let current: Node = node;
  for (;;) {
    const parent = current.parent;
    if (
      parent?.type === AST_NODE_TYPES.MemberExpression &&
      parent.object === current &&
      CONTINUATIONS.has(memberName(parent) ?? '') &&
      parent.parent.type === AST_NODE_TYPES.CallExpression &&
      parent.parent.callee === parent
    ) {
      handlers.push(...(parent.parent.arguments as Node[]));
      current = parent.parent;
      continue;
    }
    if (
      parent?.type === AST_NODE_TYPES.ChainExpression ||
      parent?.type === AST_NODE_TYPES.TSAsExpression ||
      parent?.type === AST_NODE_TYPES.TSNonNullExpression
    ) {
      current = parent;
      continue;
    }
    if (parent?.type !== AST_NODE_TYPES.ExpressionStatement) return undefined;
    break;
  }
  const executor = enclosingFunction(current);
  if (!executor || !isPromiseExecutor(executor)) return undefined;
  const settlers = new Set(
    executor.params
      .slice(0, 2)
      .flatMap(param => (param.type === AST_NODE_TYPES.Identifier ? [param.name] : [])),
  );
  if (settlers.size === 0) return undefined;
  const settles = handlers.some(handler => {
    const inner = unwrap(handler);
    if (inner.type === AST_NODE_TYPES.Identifier) return settlers.has(inner.name);
    return (
      isFunction(inner) &&
      findNode(
        inner.body,
        found =>
          found.type === AST_NODE_TYPES.CallExpression &&
          found.callee.type === AST_NODE_TYPES.Identifier &&
          settlers.has(found.callee.name),
      ) !== undefined
    );
  });
  return settles ? executor : undefined;
}

/** `fn` calls its parameter at `index` (`async function withRetry(work) { … await work() … }`). */
function callsParameter(fn: FunctionNode, index: number): boolean {
  let parameter: Node | undefined = fn.params[index] as Node | undefined;
  if (parameter?.type === AST_NODE_TYPES.AssignmentPattern) parameter = parameter.left;
  if (parameter?.type !== AST_NODE_TYPES.Identifier) return false;
  const name = parameter.name;
  return (
    findNode(
      fn.body,
      node =>
        node.type === AST_NODE_TYPES.CallExpression &&
        node.callee.type === AST_NODE_TYPES.Identifier &&
        node.callee.name === name,
    ) !== undefined
  );
}

/** `fn` changes state outside itself: a member updated or assigned (`this.runningTasks++`, `pool.busy = true`). */
function keepsCount(fn: FunctionNode): boolean {
  return (
    findNode(fn.body, node => {
      if (node.type === AST_NODE_TYPES.UpdateExpression)
        return unwrap(node.argument).type === AST_NODE_TYPES.MemberExpression;
      return (
        node.type === AST_NODE_TYPES.AssignmentExpression &&
        unwrap(node.left).type === AST_NODE_TYPES.MemberExpression
      );
    }) !== undefined
  );
}

/** Methods that continue a promise chain. */
const CONTINUATIONS = new Set(['then', 'catch', 'finally']);

/**
 * A request nobody listens to: the call is handed no callback and the request it returns is thrown
 * away, as a statement of its own or awaited as one (`await http.get(url);` awaits a ClientRequest,
 * which is not a promise: the await returns at once and nothing hears the response).
 */
function requestUnheard(call: Node): boolean {
  if (takesCallback(call)) return false;
  let current: Node = call;
  for (;;) {
    const parent = current.parent;
    if (!parent) return false;
    switch (parent.type) {
      case AST_NODE_TYPES.ExpressionStatement:
        return true;
      case AST_NODE_TYPES.AwaitExpression:
      case AST_NODE_TYPES.ChainExpression:
      case AST_NODE_TYPES.TSAsExpression:
      case AST_NODE_TYPES.TSNonNullExpression:
        current = parent;
        break;
      case AST_NODE_TYPES.MemberExpression: {
        // `https.request(options).end(body);`: sent, and the request still thrown away.
        const ended = parent.parent;
        if (parent.object !== current || memberName(parent) !== 'end') return false;
        if (ended.type !== AST_NODE_TYPES.CallExpression || ended.callee !== parent || takesCallback(ended))
          return false;
        current = ended;
        break;
      }
      default:
        return false;
    }
  }
}

/** Nobody waits for what `fn` returns (see {@link nobodyWaits}). */
function functionDropped(model: WaitersModel, fn: FunctionNode, depth: number): boolean {
  const parent = fn.parent;
  if (!parent) return false;
  if (parent.type === AST_NODE_TYPES.CallExpression && parent.callee === fn) {
    // An IIFE run as a statement inside a function is started on purpose and left to run.
    if (!inFunction(parent)) return false;
    return parent.parent?.type === AST_NODE_TYPES.ExpressionStatement || nobodyWaits(model, parent, depth);
  }
  if (isPromiseExecutor(fn)) return nobodyWaits(model, parent, depth);
  // `new CronJob('0 * * * *', async () => …)`: the job drops what its function returns, also when
  // it is scheduled at a module's top level (each run is on its own; the process waits for none).
  if (
    parent.type === AST_NODE_TYPES.NewExpression &&
    parent.arguments.includes(fn as TSESTree.CallExpressionArgument) &&
    model.isSchedulerCall?.(parent)
  )
    return true;
  if (
    parent.type === AST_NODE_TYPES.CallExpression &&
    parent.arguments.includes(fn as TSESTree.CallExpressionArgument)
  ) {
    const callee = unwrap(parent.callee);
    const name = callee.type === AST_NODE_TYPES.MemberExpression ? memberName(callee) : undefined;
    if (name === 'forEach') return inFunction(parent);
    // `lock.acquire(key).then(async () => await retry(queue))`: the chain's promise settles with
    // what its callback returns, so whoever waits for the chain waits for the callback.
    // A callback that answers someone the function was given (`res.json(…)`, an executor's
    // `resolve`) is waited for by them, whatever happens to the chain.
    if (
      (name === 'then' || name === 'catch' || name === 'finally') &&
      callee.type === AST_NODE_TYPES.MemberExpression &&
      !answersGiven([fn], parent) &&
      !inPromiseExecutor(parent)
    )
      return nobodyWaits(model, parent, depth);
    // `setInterval(async () => …, ms)`: a timer drops what its callback returns; so does a job
    // scheduler (`schedule.scheduleJob('0 */4 * * *', async () => …)`, `cron.schedule(…)`).
    if (handedToTimer(model, fn)) return true;
    if (model.isSchedulerCall?.(parent)) return true;
    // A function handed to a helper that gives it to the platform's `waitUntil` runs after the
    // response (or never: `waitUntil` takes a promise).
    if (
      inFunction(parent) &&
      backgroundCall(model, parent, parent.arguments.indexOf(fn as TSESTree.CallExpressionArgument))
    )
      return true;
    if (name && MAPPERS.has(name) && parent.arguments[0] === fn) return promisesDropped(model, parent, depth);
    // `await withRetry(() => fetchReport(…))`: a helper of the file or the project that calls the
    // function it is given settles with it, so whoever waits for the helper's call waits for it.
    // A helper that keeps count of what runs (`this.running++`, a pool's slot) is waited on by its
    // pool whoever drops its promise: a task that hangs holds the slot.
    const index = parent.arguments.indexOf(fn as TSESTree.CallExpressionArgument);
    const helper = inFunction(parent) ? model.calledFunction?.(parent) : undefined;
    if (helper && callsParameter(helper, index) && !keepsCount(helper))
      return nobodyWaits(model, parent, depth);
    return false;
  }
  if (parent.type === AST_NODE_TYPES.MethodDefinition && parent.value === fn)
    return methodDropped(model, parent, depth);
  const binding = functionBinding(fn);
  return binding !== undefined && callsDropped(model, binding, depth);
}

/**
 * The call's promise is handed to a platform that keeps it running after the response and cancels
 * it at a short limit of its own: a request context's `waitUntil` (Cloudflare Workers'
 * `ctx.waitUntil` and `c.executionCtx.waitUntil`, a service worker's `event.waitUntil`, Supabase's
 * `EdgeRuntime.waitUntil`), directly or through a helper of the file or the project that hands
 * that parameter to one (`await backgroundTask(c, sendAlert(…))`). No caller waits, and a silent
 * server costs no billed time there (Workers bill CPU, and cancel after 30 s). Next.js `after()` and
 * `waitUntil` from `@vercel/functions` are not counted: the invocation, billed by duration, runs on
 * until its `maxDuration`, and earlier audits judged requests inside them true hazards.
 */
function handedToBackground(model: WaitersModel, call: Node): boolean {
  let current: Node = call;
  let parent = current.parent;
  while (
    parent?.type === AST_NODE_TYPES.TSAsExpression ||
    parent?.type === AST_NODE_TYPES.TSNonNullExpression ||
    parent?.type === AST_NODE_TYPES.ChainExpression
  ) {
    current = parent;
    parent = current.parent;
  }
  if (parent?.type !== AST_NODE_TYPES.CallExpression || parent.callee === current) return false;
  return backgroundCall(model, parent, parent.arguments.indexOf(current as TSESTree.CallExpressionArgument));
}

/** `ctx.waitUntil(…)`: a request context's "keep running this after the response". */
function isWaitUntil(call: TSESTree.CallExpression): boolean {
  const callee = unwrap(call.callee);
  return callee.type === AST_NODE_TYPES.MemberExpression && memberName(callee) === 'waitUntil';
}

/** `call` hands its argument at `index` to the platform to finish after the response. */
function backgroundCall(model: WaitersModel, call: TSESTree.CallExpression, index: number): boolean {
  if (index < 0) return false;
  if (isWaitUntil(call)) return true;
  const fn = model.calledFunction?.(call);
  return fn !== undefined && handsParameterToBackground(fn, index);
}

/**
 * `fn` hands its parameter at `index` to `waitUntil` (`backgroundTask(c, p) { c.executionCtx.waitUntil(p); … }`),
 * written in its own body or in a callback within it.
 */
function handsParameterToBackground(fn: FunctionNode, index: number): boolean {
  let parameter: Node | undefined = fn.params[index] as Node | undefined;
  if (parameter?.type === AST_NODE_TYPES.TSParameterProperty) parameter = parameter.parameter;
  if (parameter?.type === AST_NODE_TYPES.AssignmentPattern) parameter = parameter.left;
  if (parameter?.type !== AST_NODE_TYPES.Identifier) return false;
  const name = parameter.name;
  return (
    findNode(fn.body as Node, node => {
      if (node.type !== AST_NODE_TYPES.CallExpression) return false;
      return (
        isWaitUntil(node) &&
        node.arguments.some(argument => {
          const inner = unwrap(argument as Node);
          return inner.type === AST_NODE_TYPES.Identifier && inner.name === name;
        })
      );
    }) !== undefined
  );
}

/** The list of promises a `map` makes is dropped, or handed to a combinator nobody waits for. */
function promisesDropped(model: WaitersModel, mapped: Node, depth: number): boolean {
  const parent = mapped.parent;
  if (parent?.type === AST_NODE_TYPES.ExpressionStatement) return inFunction(mapped);
  // `await Promise.all([xs.map(async x => …), ys.map(…)])`: the list holds two arrays, not their
  // promises, so the combinator settles at once and waits for none of them.
  if (parent?.type === AST_NODE_TYPES.ArrayExpression && isCombinatorOf(parent.parent, parent))
    return inFunction(mapped);
  return isCombinatorOf(parent, mapped) && nobodyWaits(model, parent as Node, depth);
}

/** `Promise.all(list)` (`allSettled`, `race`, `any`) given `list` as its argument. */
function isCombinatorOf(call: Node | undefined, list: Node): boolean {
  if (call?.type !== AST_NODE_TYPES.CallExpression || call.arguments[0] !== list) return false;
  const callee = unwrap(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
  const object = unwrap(callee.object);
  return (
    object.type === AST_NODE_TYPES.Identifier &&
    object.name === 'Promise' &&
    COMBINATORS.has(memberName(callee) ?? '')
  );
}

/**
 * A method whose every use is a call nobody waits for: a private one (`#name`, TypeScript `private`)
 * in its class, another in its file when no other module of the package waits for a member of
 * that name (none names it, or each call there drops its promise).
 */
function methodDropped(model: WaitersModel, method: TSESTree.MethodDefinition, depth: number): boolean {
  if (method.computed || method.kind !== 'method' || method.static) return false;
  const key = method.key;
  const hash = key.type === AST_NODE_TYPES.PrivateIdentifier;
  const name =
    key.type === AST_NODE_TYPES.PrivateIdentifier || key.type === AST_NODE_TYPES.Identifier
      ? key.name
      : undefined;
  const body = method.parent;
  if (name === undefined || body?.type !== AST_NODE_TYPES.ClassBody) return false;
  const events = eventsListenedTo(method);
  // A method others may call: only when no other module of the package names it, and then every
  // use in this file counts, not only those in its class.
  const open = !hash && method.accessibility !== 'private';
  // Calls elsewhere that all drop the promise (`void this.send(…)` in another class) leave this
  // file's uses to decide.
  if (open && model.usesElsewhere({ name, exported: 'member' }) === 'waited') return false;
  const uses: TSESTree.MemberExpression[] = [];
  findNode(open ? (model.sourceCode.ast as Node) : body, node => {
    if (
      node.type === AST_NODE_TYPES.MemberExpression &&
      !node.computed &&
      (node.property.type === AST_NODE_TYPES.PrivateIdentifier) === hash &&
      (node.property as TSESTree.Identifier | TSESTree.PrivateIdentifier).name === name
    )
      uses.push(node);
    return false;
  });
  // An event listener nobody else calls is run by the emitter, which waits for it only in
  // `emitAsync` (EventEmitter2's `emit` returns at once, whatever its listeners return).
  if (uses.length === 0) return events !== undefined && model.eventAwaited?.(events) === false;
  return uses.every(
    use =>
      (use.parent.type === AST_NODE_TYPES.CallExpression &&
        use.parent.callee === use &&
        nobodyWaits(model, use.parent, depth)) ||
      handedToTimer(model, use),
  );
}

/**
 * The events a method listens to as a NestJS event listener, when each is written out as a string
 * (`@OnEvent('user.updated')`, also an array of them). Undefined for any other method, and for an
 * event named by a constant or a wildcard (`'order.*'`), which emissions could reach unseen.
 */
function eventsListenedTo(method: TSESTree.MethodDefinition): string[] | undefined {
  for (const decorator of method.decorators ?? []) {
    const call = unwrap(decorator.expression);
    if (call.type !== AST_NODE_TYPES.CallExpression) continue;
    const callee = unwrap(call.callee);
    const named = callee.type === AST_NODE_TYPES.MemberExpression ? memberName(callee) : undefined;
    if ((callee.type === AST_NODE_TYPES.Identifier ? callee.name : named) !== 'OnEvent') continue;
    const first = call.arguments[0] ? unwrap(call.arguments[0] as Node) : undefined;
    const written = first?.type === AST_NODE_TYPES.ArrayExpression ? first.elements : [first];
    // Only events written out count: a constant (`Events.USER_UPDATED`) may be sent under its
    // value, and a wildcard (`'order.*'`) by any event it matches.
    const events: string[] = [];
    for (const element of written) {
      const event = element ? unwrap(element as Node) : undefined;
      if (event?.type !== AST_NODE_TYPES.Literal || typeof event.value !== 'string') return undefined;
      if (event.value.includes('*')) return undefined;
      events.push(event.value);
    }
    return events.length > 0 ? events : undefined;
  }
  return undefined;
}

/**
 * `value` is the callback of a timer started inside a function (`setInterval(this.trim.bind(this),
 * ms)`, `setTimeout(tick, ms)`, `setInterval(async () => …, ms)`): the timer drops whatever the
 * callback returns, so nobody waits for it.
 */
function handedToTimer(model: WaitersModel, value: Node): boolean {
  let handed = value;
  const member = value.parent;
  if (
    member?.type === AST_NODE_TYPES.MemberExpression &&
    member.object === value &&
    memberName(member) === 'bind' &&
    member.parent.type === AST_NODE_TYPES.CallExpression &&
    member.parent.callee === member
  )
    handed = member.parent;
  const timer = handed.parent;
  return (
    timer?.type === AST_NODE_TYPES.CallExpression &&
    timer.arguments[0] === handed &&
    model.isTimerCall(timer) &&
    // A one-shot timer at a module's top level is part of the script the process runs to its end;
    // a repeating one (`setInterval`) runs each tick on its own, wherever it is started.
    (inFunction(timer) || repeats(timer)) &&
    !inPromiseExecutor(timer)
  );
}

/** `setInterval(…)` (global, `timers.setInterval`, `globalThis.setInterval`). */
function repeats(timer: TSESTree.CallExpression): boolean {
  return writtenName(timer.callee) === 'setInterval';
}

/**
 * `node` runs inside the executor of a `new Promise(…)`: a timer there (`new Promise(resolve =>
 * setTimeout(async () => resolve(await fetch(url)), ms))`) can settle that promise with what its
 * callback waits for, and whoever awaits the promise waits for it too.
 */
function inPromiseExecutor(node: Node): boolean {
  for (let fn = enclosingFunction(node); fn; fn = enclosingFunction(fn))
    if (isPromiseExecutor(fn)) return true;
  return false;
}

/** The name a function is bound to in this file: a declaration, or a `const` it initialises. */
function functionBinding(fn: FunctionNode): TSESTree.Identifier | undefined {
  if (fn.type === AST_NODE_TYPES.FunctionDeclaration) return fn.id ?? undefined;
  const parent = fn.parent;
  if (
    parent?.type === AST_NODE_TYPES.VariableDeclarator &&
    parent.init === fn &&
    parent.id.type === AST_NODE_TYPES.Identifier
  )
    return parent.id;
  return undefined;
}

/**
 * How a function's binding is used in its file: the references that are not its declaration or an
 * export of it under its own name, and how it is exported (where it is declared, by an `export {
 * name }` or `export default name`, or by CommonJS). Undefined when the file's scope does not know it.
 */
function bindingUses(
  model: WaitersModel,
  binding: TSESTree.Identifier,
): { uses: { identifier: Node }[]; exported: 'named' | 'default' | undefined } | undefined {
  const variable = model.findVariable(binding);
  if (!variable) return undefined;
  // Exported where it is declared (or by an `export { name }` of the file): callers in the other
  // modules of the package count too.
  let exported: 'named' | 'default' | undefined;
  for (let up: Node | undefined = binding.parent; up; up = up.parent) {
    if (up.type === AST_NODE_TYPES.ExportNamedDeclaration) exported = 'named';
    if (up.type === AST_NODE_TYPES.ExportDefaultDeclaration) exported = 'default';
    if (exported || up.type === AST_NODE_TYPES.Program || (isFunction(up) && up !== binding.parent)) break;
  }
  const uses = variable.references.filter(reference => {
    if (reference.identifier === binding) return false;
    const parent = reference.identifier.parent;
    if (parent?.type === AST_NODE_TYPES.ExportSpecifier) {
      exported ??=
        parent.exported.type === AST_NODE_TYPES.Identifier && parent.exported.name === 'default'
          ? 'default'
          : 'named';
      return (
        parent.exported.type === AST_NODE_TYPES.Identifier &&
        parent.exported.name !== binding.name &&
        parent.exported.name !== 'default'
      );
    }
    if (parent?.type === AST_NODE_TYPES.ExportDefaultDeclaration) {
      exported ??= 'default';
      return false;
    }
    // CommonJS: `module.exports = { name }`, `exports.name = name`, `module.exports = name`.
    const commonJs = commonJsExport(reference.identifier as Node);
    if (commonJs === 'default' || commonJs === binding.name) {
      exported ??= commonJs === 'default' ? 'default' : 'named';
      return false;
    }
    return true;
  });
  return { uses, exported };
}

/**
 * The call runs only for some inputs of its function (`if (!options) return fetch(url)`, see
 * input-guards.ts), and no caller passes such inputs: every use of the function, in its file and
 * in the other modules of its package, is a call whose arguments miss the guard (each hands
 * `options`). A function nobody calls, or one used other than by calls, says nothing.
 */
export function noCallerReaches(model: WaitersModel, call: Node): boolean {
  const fn = enclosingFunction(call);
  if (!fn) return false;
  const guards = inputGuards(call, fn, () => false);
  if (!guards?.some(guard => guard.source)) return false;
  const argumentLists = callArguments(model, fn);
  return (
    argumentLists !== undefined &&
    argumentLists.length > 0 &&
    argumentLists.every(args => unmetBy(guards, args))
  );
}

/**
 * The arguments of every call of a function bound to a name, in its file and, when it is
 * exported, in the other modules of its package (project facts). Undefined when some use is not a
 * call (it is handed on, stored, re-exported…) or, for an exported function, when the other
 * modules cannot be read.
 */
export function callArguments(model: WaitersModel, fn: FunctionNode): (readonly Node[])[] | undefined {
  return argumentsOfCalls(model, fn, true);
}

/**
 * The arguments of every call of a function of this file that no other module can call (it is not
 * exported): undefined when it is exported or some use is not a call.
 */
export function localCallArguments(model: WaitersModel, fn: FunctionNode): (readonly Node[])[] | undefined {
  return argumentsOfCalls(model, fn, false);
}

function argumentsOfCalls(
  model: WaitersModel,
  fn: FunctionNode,
  elsewhereToo: boolean,
): (readonly Node[])[] | undefined {
  const binding = functionBinding(fn);
  if (!binding) return undefined;
  const found = bindingUses(model, binding);
  if (!found || (found.exported && !elsewhereToo)) return undefined;
  const argumentLists: (readonly Node[])[] = [];
  for (const reference of found.uses) {
    const use = reference.identifier as Node;
    if (use.parent?.type !== AST_NODE_TYPES.CallExpression || use.parent.callee !== use) return undefined;
    argumentLists.push(use.parent.arguments as Node[]);
  }
  if (found.exported) {
    const elsewhere = model.callsElsewhere({ name: binding.name, exported: found.exported });
    if (elsewhere === undefined || elsewhere === 'other') return undefined;
    for (const each of elsewhere) argumentLists.push(each.arguments as Node[]);
  }
  return argumentLists;
}

/** Every use of a function of this file (not exported) is a call nobody waits for. */
function callsDropped(model: WaitersModel, binding: TSESTree.Identifier, depth: number): boolean {
  const found = bindingUses(model, binding);
  if (!found) return false;
  const { uses, exported } = found;
  let elsewhere: UsesElsewhere | undefined = 'none';
  if (exported) elsewhere = model.usesElsewhere({ name: binding.name, exported });
  if (elsewhere === undefined || elsewhere === 'waited') return false;
  return (
    (uses.length > 0 || elsewhere === 'dropped') &&
    uses.every(reference => {
      const use = reference.identifier as Node;
      return (
        (use.parent?.type === AST_NODE_TYPES.CallExpression &&
          use.parent.callee === use &&
          nobodyWaits(model, use.parent, depth)) ||
        handedToTimer(model, use)
      );
    })
  );
}

/**
 * The name a module's CommonJS exports give the value `use` is, at the module's top level:
 * `module.exports = { name }` or `{ key: name }` (the key), `exports.key = name` or
 * `module.exports.key = name` (the key), `module.exports = name` (`default`).
 */
function commonJsExport(use: Node): string | undefined {
  let value = use;
  let key: string | undefined;
  const property = value.parent;
  if (property?.type === AST_NODE_TYPES.Property && property.value === value && !property.computed) {
    key = property.key.type === AST_NODE_TYPES.Identifier ? property.key.name : undefined;
    if (key === undefined || property.parent?.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
    value = property.parent;
  }
  const assignment = value.parent;
  if (
    assignment?.type !== AST_NODE_TYPES.AssignmentExpression ||
    assignment.right !== value ||
    assignment.parent?.type !== AST_NODE_TYPES.ExpressionStatement ||
    assignment.parent.parent?.type !== AST_NODE_TYPES.Program
  )
    return undefined;
  const target = memberChain(assignment.left);
  if (target?.root.type !== AST_NODE_TYPES.Identifier) return undefined;
  const keys =
    target.root.name === 'module' && target.path[0] === 'exports'
      ? target.path.slice(1)
      : target.root.name === 'exports'
        ? target.path
        : undefined;
  if (!keys) return undefined;
  if (keys.length === 0) return key ?? (value === use ? 'default' : undefined);
  return keys.length === 1 && key === undefined ? keys[0] : undefined;
}

/** `node` runs inside a function (not at a module's top level, where the process waits for it). */
function inFunction(node: Node): boolean {
  return enclosingFunction(node) !== undefined;
}
