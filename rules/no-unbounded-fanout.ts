import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { createModelRule } from './create-rule.js';
import {
  type FunctionNode,
  type Node,
  enclosingFunction,
  findNode,
  isFunction,
  memberChain,
  memberName,
  propertyKey,
  thisClassBody,
  unwrap,
  writtenName,
  oneLine,
} from './util/ast.js';
import {
  declarationScope,
  grownInPlace,
  isEnvironmentList,
  returnedValues,
} from './util/configuration-lists.js';
import type { Classified } from './util/file-model.js';
import { importedValue } from './util/file-model/values.js';
import {
  type FanOut,
  callbackBody,
  enclosingLoop,
  fanOutElements,
  isFixedDomain,
  isBudgetedRecursion,
  isFixedWindow,
  isEmbeddedPage,
  isPageRead,
  isSizeGuarded,
  isSteppedWindow,
  localCallers,
  remoteCallsNow,
  runsLater,
} from './util/fan-out.js';
import { projectLibraryTypes, projectPipelinedCalls, projectRemoteCalls } from './util/project-calls.js';
import { CHECK_TESTS_OPTION } from './util/test-files.js';
import { matchesFunctionRef } from './util/timeout-wrappers.js';

export type Options = [
  { checkTests?: boolean; smallCollection?: number; collections?: 'data-sized' | 'any' },
];
export type MessageIds = 'unboundedFanout' | 'unboundedForEach';

/**
 * Collection names that say "already a bounded slice" (`chunk`, `currentBatch`, `pageItems`); the
 * plural is the list of all of them (`chunks`, `batches`), which is as long as the data.
 */
const BOUNDED_NAME =
  /(?:chunk|batch|page|slice|sliced|window|shard)(?:Items|Ids|Keys|Rows|Entries|Records)?$/i;
/**
 * Lists of what a deployment runs on, not of its data: the blockchains an indexer or a bridge is
 * configured for (`config.chains`, `chainIds`, `rpcs`), the networks or cloud regions it serves.
 * Whoever deploys the service writes them; they hold a handful of entries.
 */
const DEPLOYMENT_NAME =
  /^(?:supported|enabled|active|configured|target|all)?(?:chains|chainIds|networks|networkIds|rpcs|rpcUrls|regions)$/i;
/**
 * A module of deployment settings, by its last path segment: `@overleaf/settings`, `config` (node-config),
 * `./config`, `../app-config.js`.
 */
const SETTINGS_MODULE = /(?:^|[/@])(?:settings|config|configuration|app-?config)(?:\.[cm]?[jt]s)?$/i;
/** Methods that run a task through a queue or limiter: `queue.add(fn)`, `limiter.schedule(fn)`. */
const LIMITER_METHOD = /^(?:add|schedule|run|enqueue|submit|wrap)$/;
/** Names of a queue or limiter: `aiQueue`, `limiter`, `rateLimit`, `semaphore`, `throttle`. */
const LIMITER_NAME = /(?:queue|limiter|limit|semaphore|throttle|bottleneck)$/i;
const FAN_IN = new Set(['Promise.all', 'Promise.allSettled', 'Promise.any', 'Promise.race']);
/** The role given to a call that reaches another process through the project's own code. */
const PROJECT_CALL = { role: 'call', family: 'custom', options: { none: true } } as const;
/**
 * Types, by module, of a value that holds one connection for its life: a transaction, or what runs
 * on one (TypeORM's `EntityManager` as helpers receive it, and its `QueryRunner`). Queries through
 * such a value wait for each other on that connection; nothing fans out to the pool or the server.
 */
const TRANSACTION_TYPES: Readonly<Record<string, readonly string[]>> = {
  // One pg connection (checked out of a pool, or made alone) runs one query at a time: the others
  // wait in its queue (pg's `Client#queryQueue`).
  pg: ['PoolClient', 'Client', 'pg.PoolClient', 'pg.Client'],
  sequelize: ['Transaction'],
  '@sequelize/core': ['Transaction'],
  typeorm: ['EntityManager', 'QueryRunner'],
  knex: ['Knex.Transaction'],
  kysely: ['Transaction'],
  '@prisma/client': ['Prisma.TransactionClient'],
};
/** Methods whose result is made of the list they are called on. */
const DERIVED = new Set([
  'filter',
  'map',
  'flatMap',
  'flat',
  'slice',
  'sort',
  'reverse',
  'toSorted',
  'toReversed',
  'concat',
  'values',
  'keys',
  'entries',
]);
/** Method names that say they read every row of something: `getAllRooms`, `findMany`, `listUsers`. */
const LISTS_ALL =
  /^(?:(?:find|get|fetch|load|list|query|select|read)All(?:[A-Z_]|$)|(?:find|get)Many(?:[A-Z_]|$)|list[A-Z])/;
/** Names of a list the configuration or the deployment holds: `getAllSettings`, `listConfigs`, `getAllChains`. */
const CONFIGURATION_NAME =
  /config|setting|option|env|flag|feature|locale|language|chain|network|rpc|region|provider|plugin|role|permission/i;
/** Methods that read what a request or a query answered: a response's body, a promise's value, a cursor's rows. */
const RESPONSE_READ = new Set(['json', 'text', 'then', 'toArray', 'exec', 'lean', 'all']);
/** Names of a server framework's request object, and the members that carry what its client sent. */
const REQUEST_NAME = /^(?:req|request|ctx|context|event|c)$/;
const REQUEST_PART = new Set(['body', 'query', 'params', 'payload']);
/** Decorators of a controller's parameter that receive the request's input (NestJS, routing-controllers, type-graphql). */
const INPUT_DECORATORS = new Set(['Body', 'Query', 'Param', 'Args', 'Arg', 'Payload', 'MessageBody']);

/** `req.body.ids`, `ctx.request.body.items`, `event.body`: a member of a request's input. */
function requestInput(node: TSESTree.MemberExpression): boolean {
  const chain = memberChain(node);
  return (
    chain !== undefined &&
    chain.root.type === AST_NODE_TYPES.Identifier &&
    REQUEST_NAME.test(chain.root.name) &&
    chain.path.some(step => REQUEST_PART.has(step))
  );
}

/** A parameter that receives the request's input: decorated `@Body()`, a GraphQL resolver's `args`, tRPC's destructured `input`. */
function requestParameter(identifier: TSESTree.Identifier): boolean {
  for (let current: Node | undefined = identifier.parent; current; current = current.parent) {
    if (isFunction(current)) {
      for (const param of current.params) {
        const inner = param.type === AST_NODE_TYPES.TSParameterProperty ? param.parameter : param;
        const named =
          inner.type === AST_NODE_TYPES.Identifier
            ? inner
            : inner.type === AST_NODE_TYPES.AssignmentPattern && inner.left.type === AST_NODE_TYPES.Identifier
              ? inner.left
              : undefined;
        if (named?.name !== identifier.name) continue;
        const decorators = (param as { decorators?: TSESTree.Decorator[] }).decorators ?? [];
        if (
          decorators.some(decorator => {
            const expression = unwrap(decorator.expression as Node);
            const callee = expression.type === AST_NODE_TYPES.CallExpression ? expression.callee : expression;
            return INPUT_DECORATORS.has(writtenName(unwrap(callee as Node)) ?? '');
          })
        )
          return true;
        return named.name === 'args' && current.params.indexOf(param) === 1;
      }
      // tRPC's `({ input, ctx }) => …`: the procedure's input, destructured from its first parameter.
      const first = current.params[0];
      if (
        first?.type === AST_NODE_TYPES.ObjectPattern &&
        first.properties.some(
          property =>
            property.type === AST_NODE_TYPES.Property &&
            propertyKey(property) === 'input' &&
            property.value.type === AST_NODE_TYPES.Identifier &&
            property.value.name === identifier.name,
        )
      )
        return true;
    }
  }
  return false;
}

/** Array methods that change the list in place. */
const MUTATORS = new Set(['push', 'unshift', 'splice', 'fill', 'copyWithin']);
/**
 * Decorators that run the method they decorate in one database transaction, bound to the
 * request's context: Vendure's `@Transaction()`, `@Transactional()` of typeorm-transactional and
 * @nestjs-cls/transactional (TypeORM 0.2's own `@Transaction()` too). The method's queries go over
 * that transaction's one connection.
 */
const TRANSACTION_DECORATOR = new Set(['Transaction', 'Transactional']);
/** Families whose calls a transaction decorator binds to its transaction (SQL drivers and ORMs). */
const SQL_FAMILIES: ReadonlySet<string> = new Set([
  'pg',
  'mysql2',
  'knex',
  'prisma',
  'typeorm',
  'sequelize',
  'drizzle',
]);

/** Members of a transaction that lead back to the shared client (`manager.connection.manager`, `t.sequelize.query`). */
const LEAVES_TRANSACTION = new Set(['connection', 'dataSource', 'sequelize']);

export default createModelRule<Options, MessageIds>({
  name: 'no-unbounded-fanout',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow remote calls fanned out over a collection without a concurrency limit',
      strict: true,
    },
    messages: {
      unboundedFanout:
        'This starts one remote call per item of `{{collection}}`, all at once: a large input opens thousands of requests, exhausts sockets and overloads the service it calls. Bound the concurrency: `const limit = pLimit(8); items.map(item => limit(() => call(item)))`, or `pMap(items, call, { concurrency: 8 })`.',
      unboundedForEach:
        '`forEach` starts one remote call per item of `{{collection}}`, all at once and unawaited: nothing bounds how many run, and their failures go unseen. Use a loop with `await`, or a limiter (`p-limit`, `p-map` with `concurrency`).',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          checkTests: CHECK_TESTS_OPTION,
          smallCollection: {
            type: 'integer',
            minimum: 0,
            description:
              'A literal list (or literal-keyed object) with at most this many items counts as small enough to fan out over.',
          },
          collections: {
            type: 'string',
            enum: ['data-sized', 'any'],
            description:
              "Which collections a fan-out is reported over: 'data-sized' (rows a query or a list request read, and a request's input) or 'any' whose size is not known to be small.",
          },
        },
      },
    ],
    defaultOptions: [{ checkTests: false, smallCollection: 10, collections: 'data-sized' }],
  },
  create(context, [options], { model }) {
    const sourceCode = context.sourceCode;
    const small = options.smallCollection ?? 10;
    let projectRemote: ReturnType<typeof projectRemoteCalls> | null = null;

    /**
     * Calls in `work` that reach another process through the project's own functions and
     * clients (another module's `getUserWorkspaces(id)` that queries the database), when the
     * catalog sees no remote call there itself.
     */
    function projectCallsIn(work: Node): Classified[] {
      if (projectRemote === null) projectRemote = projectRemoteCalls(context);
      const isRemote = projectRemote;
      if (!isRemote) return [];
      const found: Classified[] = [];
      findNode(
        work,
        node => {
          if (node.type === AST_NODE_TYPES.CallExpression && isRemote(node))
            found.push({ node, role: PROJECT_CALL, callee: { kind: 'unknown' } } as Classified);
          return false;
        },
        // A callback registered for later (an event handler), or a function only stored, is not
        // part of the fan-out.
        node => !(isFunction(node) && node !== work && runsLater(node, work)),
      );
      return found;
    }

    /** A collection known to hold few items: a short literal list, a short slice, a literal object's keys. */
    function isSmall(source: Node | undefined, depth = 0): boolean {
      if (!source || depth > 8) return false;
      const node = unwrap(source);
      if (isFixedDomain(node) || isSizeGuarded(model, node) || isSteppedWindow(model, node)) return true;
      // `['core', ...plugins]`: a short list whose spreads are small lists too.
      if (node.type === AST_NODE_TYPES.ArrayExpression)
        return (
          node.elements.length <= small &&
          node.elements.every(e => e?.type !== AST_NODE_TYPES.SpreadElement || isSmall(e.argument, depth + 1))
        );
      if (node.type === AST_NODE_TYPES.ObjectExpression) {
        // An array-like (`Array.from({ length: count }, fn)`): as many items as its length.
        const length = node.properties.find(
          property => property.type === AST_NODE_TYPES.Property && propertyKey(property) === 'length',
        );
        if (!length) return node.properties.length <= small;
        const count = model.summarizeValue((length as TSESTree.Property).value as Node);
        return count.kind === 'number' && count.value <= small;
      }
      if (node.type === AST_NODE_TYPES.AwaitExpression) return isSmall(node.argument as Node, depth + 1);
      // `list ?? []`: small when both sides are.
      if (node.type === AST_NODE_TYPES.LogicalExpression && node.operator !== '&&')
        return isSmall(node.left, depth + 1) && isSmall(node.right, depth + 1);
      if (node.type === AST_NODE_TYPES.Identifier) {
        if (BOUNDED_NAME.test(node.name) || DEPLOYMENT_NAME.test(node.name)) return true;
        const init = model.constInit(node);
        if (init) {
          // `const ids = []` filled by a loop, `const byId = {}` filled by key: as large as the data.
          const literal = unwrap(init).type;
          if (
            (literal === AST_NODE_TYPES.ArrayExpression || literal === AST_NODE_TYPES.ObjectExpression) &&
            grownInPlace(node.name, declarationScope(init))
          )
            return false;
          return isSmall(init, depth + 1);
        }
        // `const { data } = await stripe.invoices.list({ customer })`: a member of one page read.
        const taken = destructured(node);
        if (taken) return isPageRead(model, taken.init, taken.key);
        // A parameter of a function whose every caller is in this file and hands it a small collection.
        const callers = localCallers(model, node);
        return (
          callers !== undefined &&
          callers.calls.every(call => isSmall(call.arguments[callers.index] as Node | undefined, depth + 1))
        );
      }
      if (node.type === AST_NODE_TYPES.CallExpression) {
        // One page of rows: `.limit(20)`, `{ take: 20 }`.
        if (isPageRead(model, node)) return true;
        // `process.env.HOSTS.split(',')`: as many items as whoever deploys the service listed.
        if (isEnvironmentList(node)) return true;
        const callee = unwrap(node.callee);
        // A function of this file whose every return is small (`getWeeklyKeys(userId, now)`).
        const local = model.localFunction(callee);
        if (local) return returnsSmall(local, depth + 1);
        // A function of another module of the project that returns such a list (`await getPlugins()`).
        if (model.projectFunctionOf(node)?.returnsConfigurationList(small)) return true;
        if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
        const name = memberName(callee);
        // `Promise.all(names.map(fn))`: one result per item of a small list.
        const holder = unwrap(callee.object);
        if (
          (name === 'all' || name === 'allSettled') &&
          holder.type === AST_NODE_TYPES.Identifier &&
          holder.name === 'Promise' &&
          model.isGlobal(holder)
        )
          return isSmall(node.arguments[0] as Node | undefined, depth + 1);
        // `Array.from({ length: DAYS }, …)`, `Array.from(xs, …)`: as many items as the first argument.
        const array = unwrap(callee.object);
        if (
          name === 'from' &&
          array.type === AST_NODE_TYPES.Identifier &&
          array.name === 'Array' &&
          model.isGlobal(array)
        ) {
          return isSmall(node.arguments[0] as Node | undefined, depth + 1);
        }
        // `xs.slice(0, 5)`, `xs.slice(-3)`, and a window of a fixed size, `xs.slice(i, i + BATCH)`
        if (name === 'slice') {
          if (isFixedWindow(model, node)) return true;
          const [start, end] = node.arguments.map(arg => model.summarizeValue(arg as Node));
          if (start?.kind === 'number' && end?.kind === 'number') return end.value - start.value <= small;
          if (start?.kind === 'number' && start.value < 0 && !end) return -start.value <= small;
          return false;
        }
        if (name === 'filter' || name === 'map' || name === 'flat') return isSmall(callee.object, depth + 1);
        // `Object.values(regions)`: as many items as the object has keys.
        const owner = unwrap(callee.object);
        if (
          owner.type === AST_NODE_TYPES.Identifier &&
          owner.name === 'Object' &&
          (name === 'keys' || name === 'values' || name === 'entries') &&
          model.isGlobal(owner)
        ) {
          return isSmall(node.arguments[0] as Node | undefined, depth + 1);
        }
        if (callee.object.type === AST_NODE_TYPES.Identifier && BOUNDED_NAME.test(callee.object.name))
          return true;
      }
      if (node.type === AST_NODE_TYPES.MemberExpression) {
        const name = memberName(node);
        if (name !== undefined && (BOUNDED_NAME.test(name) || DEPLOYMENT_NAME.test(name))) return true;
        // `subscription.items.data` of a `Stripe.Subscription`: a list the API embeds one page of.
        if (isEmbeddedPage(model, node)) return true;
        // `Settings.apis.cache.instances`: a list the deployment's settings module holds, as long
        // as whoever deploys the service wrote it (like an environment list).
        const read = model.valueOf(node);
        if (read.kind === 'module' && read.path.length > 0 && SETTINGS_MODULE.test(read.module)) return true;
        // `this.permissionMap[action][ref]`: an entry of a literal table a class field holds; small
        // when every entry it may be is.
        const entries = tableEntries(node);
        if (entries) return entries.length > 0 && entries.every(entry => isSmall(entry, depth + 1));
        // `this.HOOKS`: a field of the class that holds a short literal list and is never changed.
        const field = literalField(node);
        if (field) return isSmall(field, depth + 1);
        // `page.items`, `result.rows` of one page read.
        const object = unwrap(node.object as Node);
        if (object.type === AST_NODE_TYPES.Identifier) {
          const init = model.constInit(object);
          return init !== undefined && isPageRead(model, init, name);
        }
        return isPageRead(model, node);
      }
      return false;
    }

    /**
     * Not reported over this collection: a small one ({@link isSmall}), or, with `collections:
     * 'data-sized'`, one not known to be as large as the data ({@link dataSized}).
     */
    function leftAlone(source: Node | undefined): boolean {
      return isSmall(source) || (options.collections === 'data-sized' && !dataSized(source));
    }

    /**
     * A collection as large as the data: rows a query or a list request read (`await
     * prisma.user.findMany(…)`, `(await db.query(sql)).rows`, what a function of the project that
     * queries returns), a request's input (`req.body.ids`, a `@Body()` parameter, a resolver's
     * `args`), and what is made of one (`.filter`, `.map`, `Object.values`, `[...x]`, `new Set(x)`).
     * A list of the configuration, a parameter of an exported function or a field is not known to be.
     */
    function dataSized(source: Node | undefined, depth = 0): boolean {
      if (!source || depth > 8) return false;
      const node = unwrap(source);
      switch (node.type) {
        case AST_NODE_TYPES.AwaitExpression:
          return dataSized(node.argument as Node, depth + 1);
        case AST_NODE_TYPES.LogicalExpression:
          return dataSized(node.left, depth + 1) || dataSized(node.right, depth + 1);
        case AST_NODE_TYPES.ConditionalExpression:
          return dataSized(node.consequent, depth + 1) || dataSized(node.alternate, depth + 1);
        case AST_NODE_TYPES.ArrayExpression:
          return node.elements.some(
            element =>
              element?.type === AST_NODE_TYPES.SpreadElement && dataSized(element.argument, depth + 1),
          );
        case AST_NODE_TYPES.NewExpression:
          return dataSized(node.arguments[0] as Node | undefined, depth + 1);
        case AST_NODE_TYPES.CallExpression: {
          if (isPageRead(model, node)) return false;
          const classified = model.classify(node);
          if (classified?.role.role === 'call' || model.isProjectRemoteCall(node)) return true;
          const callee = unwrap(node.callee);
          const local = model.localFunction(callee);
          if (local) return returnedValues(local).some(value => dataSized(value, depth + 1));
          if (model.projectFunctionOf(node)?.remote) return true;
          if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
          const name = memberName(callee);
          const owner = unwrap(callee.object as Node);
          // `Object.values(byId)`, `Array.from(ids)`: as many items as the argument.
          if (
            owner.type === AST_NODE_TYPES.Identifier &&
            (owner.name === 'Object' || owner.name === 'Array') &&
            model.isGlobal(owner)
          )
            return dataSized(node.arguments[0] as Node | undefined, depth + 1);
          // `(await fetch(url)).json()`, `res.json()`, `query.then(r => r.rows)`, a cursor's
          // `toArray()`: what a read answered.
          if (name !== undefined && RESPONSE_READ.has(name)) return dataSized(owner, depth + 1);
          // `rows.reduce((acc, row) => …, [])`: a list made of a list, one item per item at most.
          if (
            (name === 'reduce' || name === 'reduceRight') &&
            node.arguments[1] !== undefined &&
            unwrap(node.arguments[1] as Node).type === AST_NODE_TYPES.ArrayExpression
          )
            return dataSized(owner, depth + 1);
          // `await this.datastore.getAllRooms()`: a store's method (an interface's, another
          // package's) that says it reads every row, awaited.
          if (name !== undefined && listsAll(node, name)) return true;
          if (name !== undefined && DERIVED.has(name))
            return (
              dataSized(owner, depth + 1) ||
              (name === 'concat' && node.arguments.some(arg => dataSized(arg as Node, depth + 1)))
            );
          return false;
        }
        case AST_NODE_TYPES.MemberExpression:
          return requestInput(node) || dataSized(node.object as Node, depth + 1);
        case AST_NODE_TYPES.Identifier: {
          if (requestParameter(node)) return true;
          const init = model.constInit(node);
          if (init) return dataSized(init, depth + 1);
          const variable = model.findVariable(node);
          if (variable) {
            // Each variable once: `rows = rows.filter(…)` reads itself.
            if (visiting.has(variable)) return false;
            if (fromRequest(variable)) return true;
            visiting.add(variable);
            try {
              if (givenValues(variable).some(value => dataSized(value, depth + 1))) return true;
            } finally {
              visiting.delete(variable);
            }
          }
          const callers = localCallers(model, node);
          return (
            callers !== undefined &&
            callers.calls.some(call =>
              dataSized(call.arguments[callers.index] as Node | undefined, depth + 1),
            )
          );
        }
        default:
          return false;
      }
    }

    /** Every value `fn` returns is small ({@link isSmall}); a function that returns nothing is not. */
    function returnsSmall(fn: FunctionNode, depth: number): boolean {
      const returned = returnedValues(fn);
      return returned.length > 0 && returned.every(value => isSmall(value, depth));
    }

    /**
     * The values `node` may read from a literal table held by a class field that is never changed
     * ({@link literalField}): `this.map[key]` is any value of the table (the one named by a
     * non-computed key), `this.map[a][b]` any value of those; undefined when the object is not such
     * a table (a spread in it, a value that is not an object literal where a key is read).
     */
    function tableEntries(node: TSESTree.MemberExpression, depth = 0): Node[] | undefined {
      if (depth > 4) return undefined;
      const object = unwrap(node.object as Node);
      if (object.type !== AST_NODE_TYPES.MemberExpression) return undefined;
      const field = literalField(object);
      const tables = field ? [field] : tableEntries(object, depth + 1);
      if (!tables) return undefined;
      const key = node.computed ? undefined : memberName(node);
      const values: Node[] = [];
      for (const table of tables) {
        const inner = unwrap(table);
        if (inner.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
        for (const property of inner.properties) {
          if (property.type !== AST_NODE_TYPES.Property) return undefined;
          if (key === undefined || (!property.computed && propertyKey(property) === key))
            values.push(property.value as Node);
        }
      }
      return values;
    }

    /**
     * The literal list (or object) a class field is made with, for `this.name` read in a method of
     * that class, when nothing in the class assigns the field or changes the list in place
     * (`this.name = …`, `this.name.push(…)`).
     */
    function literalField(node: TSESTree.MemberExpression): Node | undefined {
      if (node.computed || unwrap(node.object as Node).type !== AST_NODE_TYPES.ThisExpression)
        return undefined;
      const name = memberName(node);
      const body = thisClassBody(node);
      if (name === undefined || body?.type !== AST_NODE_TYPES.ClassBody) return undefined;
      const field = body.body.find(
        (member): member is TSESTree.PropertyDefinition =>
          member.type === AST_NODE_TYPES.PropertyDefinition && !member.static && propertyKey(member) === name,
      );
      const init = field?.value ? unwrap(field.value) : undefined;
      if (init?.type !== AST_NODE_TYPES.ArrayExpression && init?.type !== AST_NODE_TYPES.ObjectExpression)
        return undefined;
      const changed = findNode(body, inner => {
        if (inner.type !== AST_NODE_TYPES.MemberExpression || inner === node) return false;
        if (
          inner.computed ||
          unwrap(inner.object as Node).type !== AST_NODE_TYPES.ThisExpression ||
          memberName(inner) !== name
        )
          return false;
        const parent = inner.parent;
        if (parent.type === AST_NODE_TYPES.AssignmentExpression && parent.left === inner) return true;
        if (parent.type === AST_NODE_TYPES.UpdateExpression) return true;
        // `this.name.push(x)`, `this.name.length = 0`, `this.name[i] = x`, `delete this.name.x`.
        if (parent.type === AST_NODE_TYPES.MemberExpression && parent.object === inner) {
          const method = memberName(parent);
          const outer = parent.parent;
          if (outer.type === AST_NODE_TYPES.CallExpression && outer.callee === parent)
            return method !== undefined && MUTATORS.has(method);
          return (
            (outer.type === AST_NODE_TYPES.AssignmentExpression && outer.left === parent) ||
            outer.type === AST_NODE_TYPES.UnaryExpression
          );
        }
        return false;
      });
      return changed ? undefined : init;
    }

    /** Variables {@link dataSized} is reading, so a variable made of itself ends. */
    const visiting = new Set<TSESLint.Scope.Variable>();

    /**
     * The values a variable of this file is given: its initialiser and every plain assignment
     * (`let strings = await read(); strings = strings.filter(…)`), what an object pattern takes a
     * member of (`const { data } = await read()`), and the element of a list of reads (`const
     * [members, roles] = await Promise.all([a(), b()])`). A request's input taken by destructuring
     * is {@link fromRequest}'s.
     */
    function givenValues(variable: TSESLint.Scope.Variable): Node[] {
      const def = variable.defs[0];
      if (def?.type !== 'Variable') return [];
      const declarator = def.node as TSESTree.VariableDeclarator;
      const values: Node[] = [];
      for (const reference of variable.references) {
        const written = reference.writeExpr as Node | undefined;
        if (!reference.isWrite() || !written || reference.init === true) continue;
        const assignment = written.parent;
        if (assignment?.type === AST_NODE_TYPES.AssignmentExpression && assignment.operator === '=')
          values.push(written);
      }
      const init = declarator.init;
      if (!init) return values;
      const pattern = declarator.id;
      if (pattern.type === AST_NODE_TYPES.Identifier) return [init, ...values];
      // `const { data } = await read()`: a member of what the read gave.
      if (pattern.type === AST_NODE_TYPES.ObjectPattern)
        return destructuredFrom(variable) ? [init, ...values] : values;
      if (pattern.type === AST_NODE_TYPES.ArrayPattern) {
        const index = pattern.elements.findIndex(element => element === (def.name as Node));
        const read = unwrap(init);
        const list = read.type === AST_NODE_TYPES.AwaitExpression ? unwrap(read.argument as Node) : undefined;
        if (
          index >= 0 &&
          list?.type === AST_NODE_TYPES.CallExpression &&
          list.callee.type === AST_NODE_TYPES.MemberExpression &&
          memberName(list.callee) === 'all' &&
          writtenName(unwrap(list.callee.object as Node)) === 'Promise'
        ) {
          const elements = unwrap(list.arguments[0] as Node);
          if (elements.type !== AST_NODE_TYPES.ArrayExpression) return values;
          const element = elements.elements[index];
          return element && element.type !== AST_NODE_TYPES.SpreadElement ? [element, ...values] : values;
        }
        return index >= 0 ? [init, ...values] : values;
      }
      return values;
    }

    /** `const { body } = req`, `let { query } = ctx.request`: a binding of a request's input. */
    function fromRequest(variable: TSESLint.Scope.Variable): boolean {
      const taken = destructuredFrom(variable);
      return taken !== undefined && requestHolder(taken.init, taken.key);
    }

    /** `{ data: rows } = init`: the initialiser of the object pattern a variable is declared in, and its key. */
    function destructuredFrom(variable: TSESLint.Scope.Variable): { init: Node; key: string } | undefined {
      const def = variable.defs[0];
      if (def?.type !== 'Variable') return undefined;
      const declarator = def.node as TSESTree.VariableDeclarator;
      if (declarator.id.type !== AST_NODE_TYPES.ObjectPattern || !declarator.init) return undefined;
      const property = declarator.id.properties.find(
        candidate =>
          candidate.type === AST_NODE_TYPES.Property &&
          unwrap(candidate.value as Node) === (def.name as Node),
      ) as TSESTree.Property | undefined;
      const key = property && propertyKey(property);
      return key === undefined ? undefined : { init: declarator.init, key };
    }

    /** `req` with the key `body`, `ctx.request` with `query`: the destructured key is a request's input. */
    function requestHolder(init: Node, key: string): boolean {
      const holder = unwrap(init);
      if (holder.type === AST_NODE_TYPES.Identifier)
        return REQUEST_NAME.test(holder.name) && REQUEST_PART.has(key);
      if (holder.type !== AST_NODE_TYPES.MemberExpression) return false;
      const chain = memberChain(holder);
      return (
        chain !== undefined &&
        chain.root.type === AST_NODE_TYPES.Identifier &&
        REQUEST_NAME.test(chain.root.name) &&
        [...chain.path, key].some(step => REQUEST_PART.has(step))
      );
    }

    /**
     * An awaited method call whose name says it reads every row (`await store.getAllRooms()`,
     * `findMany`, `listUsers`) on an object the catalog does not know: a store's or a service's
     * list read. Not a deployment's list (`getAllChains()`) or the configuration's.
     */
    function listsAll(call: TSESTree.CallExpression, name: string): boolean {
      const parent = call.parent;
      const awaited =
        parent?.type === AST_NODE_TYPES.AwaitExpression ||
        (parent?.type === AST_NODE_TYPES.MemberExpression && memberName(parent) === 'then');
      return awaited && LISTS_ALL.test(name) && !CONFIGURATION_NAME.test(name);
    }

    /** `const { data: rows } = init` (never reassigned): the initialiser and the key the binding takes. */
    function destructured(identifier: TSESTree.Identifier): { init: Node; key: string } | undefined {
      const variable = model.findVariable(identifier);
      if (!variable || variable.references.some(reference => reference.isWrite() && reference.init !== true))
        return undefined;
      return destructuredFrom(variable);
    }

    /**
     * The remote call runs through a shared limiter: `limit(() => call())`, `queue.add(…)`, a
     * configured one. A limiter made per item (`pLimit(2)(() => call())` inside the callback) limits nothing.
     */
    function isLimited(call: Classified, within: Node): boolean {
      for (
        let current: Node | undefined = call.node.parent;
        current && current !== within.parent;
        current = current.parent
      ) {
        if (current.type !== AST_NODE_TYPES.CallExpression) continue;
        const classified = model.classify(current);
        if (classified?.role.role === 'run') {
          const origin = classified.origin?.node;
          return !(origin && origin.range[0] >= within.range[0] && origin.range[1] <= within.range[1]);
        }
        if (classified?.role.role === 'mapLimited' && isBoundedMap(classified)) return true;
        if (matchesFunctionRef(model, current.callee, model.settings.concurrencyLimiters)) return true;
        if (sharedLimiterCall(current, within)) return true;
      }
      return false;
    }

    /**
     * `aiQueue.add(() => call())`, `limiter.schedule(() => call())` on a queue or limiter made
     * elsewhere (imported, or a field): a shared limiter the catalog cannot see into, named as one.
     * One made inside the fan-out's own callback limits nothing.
     */
    function sharedLimiterCall(call: TSESTree.CallExpression, within: Node): boolean {
      const callee = unwrap(call.callee);
      if (callee.type !== AST_NODE_TYPES.MemberExpression || !LIMITER_METHOD.test(memberName(callee) ?? ''))
        return false;
      if (!call.arguments.some(arg => isFunction(unwrap(arg as Node)))) return false;
      const owner = unwrap(callee.object);
      if (!LIMITER_NAME.test(writtenName(owner) ?? '')) return false;
      if (owner.type !== AST_NODE_TYPES.Identifier) return owner.type === AST_NODE_TYPES.MemberExpression;
      const def = model.findVariable(owner)?.defs[0];
      if (!def) return false;
      if (def.type === 'ImportBinding') return true;
      const declared = def.name as Node;
      return !(declared.range[0] >= within.range[0] && declared.range[1] <= within.range[1]);
    }

    /** `pMap(xs, fn, { concurrency: 8 })`, `async.mapLimit(xs, 5, fn)`: a finite bound on the map. */
    function isBoundedMap(classified: Classified): boolean {
      const role = classified.role;
      if (role.role !== 'mapLimited' || role.unlimited) return false;
      if (!role.options || !role.concurrencyKey) return true;
      const options = model.optionsOf(classified.node, role.options);
      if (options.kind === 'opaque' || (options.kind === 'object' && options.hasSpread)) return true;
      const concurrency = options.kind === 'object' ? options.props.get(role.concurrencyKey) : undefined;
      if (!concurrency) return false; // p-map's default concurrency is Infinity
      return !(concurrency.value.kind === 'number' && !Number.isFinite(concurrency.value.value));
    }

    const transactionBindings = new Map<TSESLint.Scope.Variable, boolean>();

    /**
     * A binding that holds a transaction, by what the code does: the first parameter of a callback
     * given to `.transaction(…)` (Sequelize, TypeORM, knex, drizzle) or `.$transaction(…)` (Prisma);
     * a const made by `await x.transaction()` (no callback)
     * or `x.createQueryRunner()`; or a parameter or const declared with a transaction's type
     * ({@link TRANSACTION_TYPES}), as helpers receive it. A name alone is not enough.
     */
    function isTransactionBinding(identifier: TSESTree.Identifier): boolean {
      const variable = model.findVariable(identifier);
      if (!variable) return false;
      const known = transactionBindings.get(variable);
      if (known !== undefined) return known;
      const def = variable.defs[0];
      let result = false;
      // Not yet: a function that hands its parameter to itself is decided by its other callers.
      transactionBindings.set(variable, false);
      if (def?.type === 'Parameter' && def.name.parent?.type !== AST_NODE_TYPES.TSParameterProperty) {
        // A constructor's parameter property is an injected field: Nest's `EntityManager` is the shared one.
        const fn = def.node as Node;
        result =
          (isFunction(fn) && fn.params[0] === def.name && isTransactionCallback(fn)) ||
          (isFunction(fn) && handedByTransaction(fn)) ||
          isTransactionType((def.name as TSESTree.Identifier).typeAnnotation?.typeAnnotation) ||
          givenTransaction(fn, def.name as TSESTree.Identifier, variable);
      } else if (def?.type === 'Variable') {
        const declarator = def.node as TSESTree.VariableDeclarator;
        const init = model.constInit(identifier);
        let made = init ? unwrap(init) : undefined;
        if (made?.type === AST_NODE_TYPES.AwaitExpression) made = unwrap(made.argument);
        result =
          (made?.type === AST_NODE_TYPES.CallExpression &&
            made.callee.type === AST_NODE_TYPES.MemberExpression &&
            ((memberName(made.callee) === 'transaction' &&
              !made.arguments.some(arg => isFunction(unwrap(arg as Node)))) ||
              memberName(made.callee) === 'createQueryRunner' ||
              checksOutConnection(made))) ||
          (made !== undefined && isOneConnection(made)) ||
          (declarator.id.type === AST_NODE_TYPES.Identifier &&
            isTransactionType(declarator.id.typeAnnotation?.typeAnnotation));
      }
      transactionBindings.set(variable, result);
      return result;
    }

    /**
     * A callback handed to a method of a transaction (`tx.wrap({ label }, tx => tx.execute(sql))`,
     * `trx.savepoint(async sp => …)`): what it is given runs on that transaction's connection.
     */
    function handedByTransaction(fn: Node): boolean {
      const call = fn.parent;
      if (
        call?.type !== AST_NODE_TYPES.CallExpression ||
        !call.arguments.includes(fn as TSESTree.CallExpressionArgument)
      )
        return false;
      const callee = unwrap(call.callee);
      if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
      const holder = unwrap(callee.object as Node);
      return holder.type === AST_NODE_TYPES.Identifier && isTransactionBinding(holder);
    }

    /** `pool.connect()` on a pg pool, with no callback: it gives one connection of the pool. */
    function checksOutConnection(call: TSESTree.CallExpression): boolean {
      if (call.arguments.length > 0 || call.callee.type !== AST_NODE_TYPES.MemberExpression) return false;
      if (memberName(call.callee) !== 'connect') return false;
      const pool = model.valueOf(call.callee.object);
      return pool.kind === 'instance' && pool.instance === 'pg' && pool.path.length === 0;
    }

    /** `new Client(…)` of pg: one connection, which runs one query at a time. */
    function isOneConnection(made: Node): boolean {
      if (made.type !== AST_NODE_TYPES.NewExpression) return false;
      const value = model.valueOf(made);
      return value.kind === 'instance' && value.instance === 'pg-client' && value.path.length === 0;
    }

    /** `sequelize.transaction(async t => …)`, `dataSource.transaction('SERIALIZABLE', async manager => …)`, `prisma.$transaction(tx => …)`. */
    function isTransactionCallback(fn: Node): boolean {
      return runsInTransaction(fn.parent, fn);
    }

    /** `call` is `x.transaction(…)` or `x.$transaction(…)` and is given `fn` to run in it. */
    function runsInTransaction(call: Node | undefined, fn: Node): boolean {
      if (
        call?.type !== AST_NODE_TYPES.CallExpression ||
        call.callee === fn ||
        !call.arguments.includes(fn as TSESTree.CallExpressionArgument)
      )
        return false;
      const callee = unwrap(call.callee);
      if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
      const name = memberName(callee);
      return name === 'transaction' || name === '$transaction';
    }

    /**
     * The parameter `param` (the variable `own`) of a function named in this file is given a
     * transaction wherever the function is used: `const run = async t => …`, then
     * `sequelize.transaction(run)` (it runs in one, the transaction first) or
     * `run(options.transaction)` (a call that passes one). Any other use (exported, stored, passed
     * elsewhere) says nothing.
     */
    function givenTransaction(fn: Node, param: TSESTree.Identifier, own: TSESLint.Scope.Variable): boolean {
      if (!isFunction(fn)) return false;
      const index = fn.params.findIndex(
        candidate =>
          candidate === param ||
          (candidate.type === AST_NODE_TYPES.AssignmentPattern && candidate.left === param),
      );
      if (index < 0) return false;
      let name: TSESTree.Identifier | undefined;
      if (fn.type === AST_NODE_TYPES.FunctionDeclaration) name = fn.id ?? undefined;
      else if (fn.parent?.type === AST_NODE_TYPES.VariableDeclarator && fn.parent.init === fn)
        name = fn.parent.id.type === AST_NODE_TYPES.Identifier ? fn.parent.id : undefined;
      const variable = name && model.findVariable(name);
      if (!variable) return false;
      let proofs = 0;
      const all = variable.references
        .filter(reference => !reference.init)
        .every(reference => {
          const use = reference.identifier as Node;
          const call = use.parent;
          if (call?.type !== AST_NODE_TYPES.CallExpression) return false;
          if (call.callee === use) {
            const given = call.arguments[index] as Node | undefined;
            const inner = given && unwrap(given);
            // A recursive call that hands the parameter on proves nothing either way.
            if (inner?.type === AST_NODE_TYPES.Identifier && model.findVariable(inner) === own) return true;
            proofs++;
            return inner !== undefined && isTransactionValue(inner);
          }
          proofs++;
          return index === 0 && runsInTransaction(call, use);
        });
      return all && proofs > 0;
    }

    /** A transaction binding, or the member of a parameter whose declared type holds one (`options.transaction`). */
    function isTransactionValue(node: Node): boolean {
      const value = unwrap(node);
      if (value.type === AST_NODE_TYPES.Identifier) return isTransactionBinding(value);
      if (value.type !== AST_NODE_TYPES.MemberExpression || value.computed) return false;
      const object = unwrap(value.object);
      const key = memberName(value);
      if (object.type !== AST_NODE_TYPES.Identifier || key === undefined) return false;
      const def = model.findVariable(object)?.defs[0];
      if (def?.type !== 'Parameter') return false;
      return isTransactionType(
        memberType((def.name as TSESTree.Identifier).typeAnnotation?.typeAnnotation, key),
      );
    }

    /** The declared type of member `key` of an object type: written inline, or a local interface or alias. */
    function memberType(
      type: TSESTree.TypeNode | undefined,
      key: string,
      depth = 0,
    ): TSESTree.TypeNode | undefined {
      if (!type || depth > 2) return undefined;
      let members: readonly TSESTree.TypeElement[] | undefined;
      if (type.type === AST_NODE_TYPES.TSTypeLiteral) members = type.members;
      else if (
        type.type === AST_NODE_TYPES.TSTypeReference &&
        type.typeName.type === AST_NODE_TYPES.Identifier
      ) {
        const declared = model.findVariable(type.typeName)?.defs[0]?.node as Node | undefined;
        if (declared?.type === AST_NODE_TYPES.TSInterfaceDeclaration) members = declared.body.body;
        else if (declared?.type === AST_NODE_TYPES.TSTypeAliasDeclaration)
          return memberType(declared.typeAnnotation, key, depth + 1);
      }
      const member = members?.find(
        candidate =>
          candidate.type === AST_NODE_TYPES.TSPropertySignature &&
          !candidate.computed &&
          candidate.key.type === AST_NODE_TYPES.Identifier &&
          candidate.key.name === key,
      ) as TSESTree.TSPropertySignature | undefined;
      return member?.typeAnnotation?.typeAnnotation;
    }

    /** `Transaction` from sequelize, `Knex.Transaction`, `EntityManager` from typeorm, `Tx | undefined`, through a local alias. */
    function isTransactionType(type: TSESTree.TypeNode | undefined, depth = 0): boolean {
      if (!type || depth > 2) return false;
      if (type.type === AST_NODE_TYPES.TSUnionType)
        return type.types.some(
          member =>
            member.type !== AST_NODE_TYPES.TSUndefinedKeyword &&
            member.type !== AST_NODE_TYPES.TSNullKeyword &&
            isTransactionType(member, depth + 1),
        );
      if (type.type !== AST_NODE_TYPES.TSTypeReference) return false;
      const name = type.typeName;
      const head = name.type === AST_NODE_TYPES.TSQualifiedName ? name.left : name;
      if (head.type !== AST_NODE_TYPES.Identifier) return false;
      const def = model.findVariable(head)?.defs[0];
      if (def?.type === 'Type' && def.node.type === AST_NODE_TYPES.TSTypeAliasDeclaration && head === name)
        return isTransactionType(def.node.typeAnnotation, depth + 1);
      if (def?.type !== 'ImportBinding') return false;
      const module = importedValue(def, true);
      if (module.kind !== 'module') return false;
      const path =
        name.type === AST_NODE_TYPES.TSQualifiedName ? [...module.path, name.right.name] : module.path;
      if (TRANSACTION_TYPES[module.module]?.includes(path.join('.'))) return true;
      // A type of the project that stands for one (a database package's `interface PoolClient
      // extends pg.PoolClient`, or its re-export): read with project facts.
      if (path.length !== 1) return false;
      if (libraryTypes === null) libraryTypes = projectLibraryTypes(context);
      const library = libraryTypes?.(module.module, path[0] as string);
      return (
        library !== undefined &&
        (TRANSACTION_TYPES[library.module]?.includes(library.path.join('.')) ?? false)
      );
    }

    let libraryTypes: ReturnType<typeof projectLibraryTypes> | null = null;

    /**
     * The remote call runs on a transaction: along its chain, it is called on a transaction
     * (`trx('t')…`, `manager.save(x)`, `tx.user.update(…)`), passes one as an option
     * (`{ transaction }`, `{ transaction: t }`), or chains `.transacting(trx)`; or it is a call
     * into the project's own function that is handed the transaction as an argument. Its queries
     * then wait for each other on the transaction's one connection.
     */
    function isOnTransaction(call: Classified): boolean {
      let top: Node = call.node;
      for (let parent: Node | undefined = top.parent; parent; top = parent, parent = parent.parent) {
        const up =
          (parent.type === AST_NODE_TYPES.MemberExpression && parent.object === top) ||
          (parent.type === AST_NODE_TYPES.CallExpression && parent.callee === top) ||
          parent.type === AST_NODE_TYPES.TSNonNullExpression ||
          parent.type === AST_NODE_TYPES.ChainExpression;
        if (!up) break;
      }
      // The member read on the root itself (`connection` in `manager.connection.manager.save(x)`).
      let first: string | undefined;
      for (let current = unwrap(top); ;) {
        if (current.type === AST_NODE_TYPES.CallExpression || current.type === AST_NODE_TYPES.NewExpression) {
          const name = writtenName(current.callee);
          for (const arg of current.arguments) {
            const value = unwrap(arg as Node);
            if (
              value.type === AST_NODE_TYPES.Identifier &&
              name === 'transacting' &&
              isTransactionBinding(value)
            )
              return true;
            if (transactionOption(value)) return true;
            // A function of the project handed the transaction (`this.permissions.check(id, trx)`):
            // it is given one so as to run its queries on it. So is a query builder's last step
            // (`select().from('t').where(…).load(connection)`), anywhere along the chain.
            if ((call.role === PROJECT_CALL || current !== call.node) && isTransactionValue(value))
              return true;
          }
          current = unwrap(current.callee);
        } else if (current.type === AST_NODE_TYPES.MemberExpression) {
          first = memberName(current);
          current = unwrap(current.object);
        } else {
          return (
            current.type === AST_NODE_TYPES.Identifier &&
            !LEAVES_TRANSACTION.has(first ?? '') &&
            isTransactionBinding(current)
          );
        }
      }
    }

    /** An options object (written there, or a const of one) whose `transaction` is a transaction (a binding, or `options.transaction` declared as one). */
    function transactionOption(value: Node): boolean {
      const options = value.type === AST_NODE_TYPES.Identifier ? (model.constInit(value) ?? value) : value;
      if (options.type !== AST_NODE_TYPES.ObjectExpression) return false;
      return options.properties.some(property => {
        if (property.type !== AST_NODE_TYPES.Property || propertyKey(property) !== 'transaction')
          return false;
        return isTransactionValue(property.value as Node);
      });
    }

    let projectPipelined: ReturnType<typeof projectPipelinedCalls> | null = null;

    /**
     * A command an auto-pipelining client sends with the others of its tick (`redis.get(key)` on an
     * @upstash/redis client, here or imported), or a project function that only sends such
     * commands: the fan-out is one request, not one per item. Only calls found through project
     * facts can be: the catalog's own families do not batch.
     */
    function isPipelined(call: Classified): boolean {
      if (call.role !== PROJECT_CALL || call.node.type !== AST_NODE_TYPES.CallExpression) return false;
      if (projectPipelined === null) projectPipelined = projectPipelinedCalls(context);
      return projectPipelined?.(call.node) ?? false;
    }

    /**
     * A call that adds nothing to the fan-out: it waits for a shared limiter, or for its
     * transaction's connection, or joins its client's batch.
     */
    function isBoundedCall(call: Classified, within: Node): boolean {
      return (
        isLimited(call, within) || isOnTransaction(call) || inTransactionalMethod(call) || isPipelined(call)
      );
    }

    /**
     * A query, or a call into the project's own code (a service method that queries through the
     * request's context), written in a method that a transaction decorator runs in one transaction
     * (`@Transaction() async updateProducts(ctx, input) { return Promise.all(input.map(i =>
     * this.productService.update(ctx, i))); }`): the queries wait for each other on the
     * transaction's connection. A request of any other family still fans out.
     */
    function inTransactionalMethod(call: Classified): boolean {
      const role = call.role;
      if (role !== PROJECT_CALL && !(role.role === 'call' && SQL_FAMILIES.has(role.family))) return false;
      for (let fn = enclosingFunction(call.node); fn; fn = enclosingFunction(fn)) {
        const holder = fn.parent;
        if (
          (holder?.type === AST_NODE_TYPES.MethodDefinition ||
            holder?.type === AST_NODE_TYPES.PropertyDefinition) &&
          holder.value === fn
        )
          // Parsers of JavaScript (espree) give no `decorators` list.
          return (holder.decorators ?? []).some(decorator => {
            const expression = unwrap(decorator.expression as Node);
            const named = expression.type === AST_NODE_TYPES.CallExpression ? expression.callee : expression;
            return TRANSACTION_DECORATOR.has(writtenName(unwrap(named as Node)) ?? '');
          });
      }
      return false;
    }

    /** `pMap(xs, remote)` without a concurrency, `async.map(xs, remote)`: unbounded, reported at the call. */
    function checkMapCall(classified: Classified): void {
      const role = classified.role;
      if (role.role !== 'mapLimited' || isBoundedMap(classified)) return;
      const call = classified.node;
      const body = callbackBody(model, call.arguments[role.fnArg] as Node | undefined);
      if (!body) return;
      const calls = model.remoteCallsIn(body);
      if (calls.length === 0 || calls.every(call => isOnTransaction(call) || inTransactionalMethod(call)))
        return;
      const source = role.fnArg > 0 ? (call.arguments[0] as Node | undefined) : undefined;
      if (leftAlone(source)) return;
      context.report({
        node: call.callee,
        messageId: 'unboundedFanout',
        data: { collection: describe(source) },
      });
    }

    function describe(source: Node | undefined): string {
      if (!source) return 'the collection';
      const text = oneLine(sourceCode.getText(source));
      return text.length > 30 ? `${text.slice(0, 27)}…` : text;
    }

    function unbounded(
      fanOut: FanOut | undefined,
    ): fanOut is FanOut & { collection: NonNullable<FanOut['collection']> } {
      if (!fanOut?.collection) return false;
      // A callback that catches its own failure (which matters for partial availability) still fans out.
      if (fanOut.collection.calls.length === 0) {
        const work = fanOut.collection.work;
        const direct = model.remoteCallsIn(work);
        fanOut.collection.calls = direct.length > 0 ? direct : projectCallsIn(work);
      }
      if (fanOut.collection.calls.length === 0) return false;
      const { source, work, calls } = fanOut.collection;
      if (leftAlone(source) || isBudgetedRecursion(model, work, calls)) return false;
      // Sequential pushes (`await` inside the loop) are not fan-out; neither are calls that each go
      // through a limiter or run on a transaction.
      if (calls.every(call => isBoundedCall(call, work))) return false;
      return true;
    }

    function checkFanIn(call: TSESTree.CallExpression): void {
      const value = model.valueOf(call.callee);
      if (value.kind !== 'global' || !FAN_IN.has(value.path.join('.'))) return;
      const argument = call.arguments[0];
      if (!argument || argument.type === AST_NODE_TYPES.SpreadElement) return;
      const fanOut = fanOutElements(model, argument);
      if (!unbounded(fanOut)) return;
      // Promises pushed in a loop are reported at the push, where the fan-out starts.
      if (
        fanOut.collection.at.type === AST_NODE_TYPES.MemberExpression &&
        memberName(fanOut.collection.at) === 'push'
      )
        return;
      context.report({
        node: call.callee,
        messageId: 'unboundedFanout',
        data: { collection: describe(fanOut.collection.source) },
      });
    }

    function checkForEach(call: TSESTree.CallExpression): void {
      const callee = call.callee as TSESTree.MemberExpression;
      const body = callbackBody(model, call.arguments[0] as Node | undefined);
      if (!body) return;
      let calls = remoteCallsNow(model, body);
      if (calls.length === 0) calls = projectCallsIn(body);
      if (calls.length === 0 || leftAlone(callee.object)) return;
      if (calls.every(remote => isBoundedCall(remote, body))) return;
      context.report({
        node: callee,
        // `xs.forEach(x => { const p = fetch(x); promises.push(p) })`: the promises are kept (to be
        // awaited together), so the calls are not unawaited; they still all start at once.
        messageId: keepsPromises(body, calls) ? 'unboundedFanout' : 'unboundedForEach',
        data: { collection: describe(callee.object) },
      });
    }

    /** The callback pushes the promise of one of `calls` into an array: `promises.push(p)`. */
    function keepsPromises(body: Node, calls: readonly Classified[]): boolean {
      return (
        findNode(
          body,
          node => {
            if (
              node.type !== AST_NODE_TYPES.CallExpression ||
              node.callee.type !== AST_NODE_TYPES.MemberExpression ||
              memberName(node.callee) !== 'push'
            )
              return false;
            return node.arguments.some(argument => {
              let pushed = unwrap(argument as Node);
              if (pushed.type === AST_NODE_TYPES.Identifier) pushed = model.constInit(pushed) ?? pushed;
              return calls.some(
                remote =>
                  remote.node === pushed || findNode(pushed, inner => inner === remote.node) !== undefined,
              );
            });
          },
          node => node === body || !isFunction(node),
        ) !== undefined
      );
    }

    /** `for (const x of xs) promises.push(remote(x))`: reported at the push, whether or not a Promise.all follows. */
    function checkPush(call: TSESTree.CallExpression, reportedSources: Set<Node>): void {
      const callee = call.callee as TSESTree.MemberExpression;
      let pushed = call.arguments[0] as Node | undefined;
      if (!pushed || pushed.type === AST_NODE_TYPES.SpreadElement) return;
      // `const promise = fetch(…); promises.push(promise)`
      if (pushed.type === AST_NODE_TYPES.Identifier) pushed = model.constInit(pushed) ?? pushed;
      const loop = enclosingLoop(call);
      if (!loop) return;
      // `promises.push(await call())` waits for each, and a pushed thunk is not started: only an unawaited promise fans out.
      if (unwrap(pushed).type === AST_NODE_TYPES.AwaitExpression || isFunction(unwrap(pushed))) return;
      const calls = model.remoteCallsIn(pushed);
      if (calls.length === 0 || calls.every(remote => isBoundedCall(remote, pushed))) return;
      if (
        findNode(
          pushed,
          node => node.type === AST_NODE_TYPES.AwaitExpression,
          node => !isFunction(node),
        )
      )
        return;
      const source =
        loop.type === AST_NODE_TYPES.ForOfStatement || loop.type === AST_NODE_TYPES.ForInStatement
          ? loop.right
          : undefined;
      if (leftAlone(source) || drainedInLoop(loop, callee.object)) return;
      if (
        loop.type === AST_NODE_TYPES.ForStatement &&
        loop.test?.type === AST_NODE_TYPES.BinaryExpression &&
        model.summarizeValue(loop.test.right).kind === 'number'
      ) {
        const limit = model.summarizeValue(loop.test.right);
        if (limit.kind === 'number' && limit.value <= small) return;
      }
      if (reportedSources.has(loop)) return;
      reportedSources.add(loop);
      context.report({ node: callee, messageId: 'unboundedFanout', data: { collection: describe(source) } });
    }

    /**
     * The loop itself waits for the promises pushed so far, now and then (`if (i % 10 === 0) { await
     * Promise.all(promises); promises.length = 0; }`, `await Promise.allSettled(batch.splice(0))`):
     * at most one window of calls runs at a time.
     */
    function drainedInLoop(loop: Node, list: Node): boolean {
      const target = unwrap(list);
      if (target.type !== AST_NODE_TYPES.Identifier || !('body' in loop) || !loop.body) return false;
      const drained = findNode(
        loop.body as Node,
        node => {
          if (node.type !== AST_NODE_TYPES.AwaitExpression) return false;
          const waited = unwrap(node.argument as Node);
          if (waited.type !== AST_NODE_TYPES.CallExpression) return false;
          const value = model.valueOf(waited.callee);
          if (value.kind !== 'global' || !FAN_IN.has(value.path.join('.'))) return false;
          let argument = unwrap((waited.arguments[0] ?? waited) as Node);
          // `promises.splice(0)`, `batch.splice(0, batch.length)`: the list, emptied as it is waited for.
          if (
            argument.type === AST_NODE_TYPES.CallExpression &&
            argument.callee.type === AST_NODE_TYPES.MemberExpression &&
            memberName(argument.callee) === 'splice'
          )
            argument = unwrap(argument.callee.object);
          return argument.type === AST_NODE_TYPES.Identifier && argument.name === target.name;
        },
        node => !isFunction(node),
      );
      return drained !== undefined;
    }

    return {
      'Program:exit'(): void {
        const reportedLoops = new Set<Node>();
        for (const call of model.calls) {
          if (call.type !== AST_NODE_TYPES.CallExpression) continue;
          const classified = model.classify(call);
          if (classified?.role.role === 'mapLimited') {
            checkMapCall(classified);
            continue;
          }
          if (call.callee.type !== AST_NODE_TYPES.MemberExpression) continue;
          const name = memberName(call.callee);
          if (name === 'all' || name === 'allSettled' || name === 'any' || name === 'race') checkFanIn(call);
          else if (name === 'forEach') checkForEach(call);
          else if (name === 'push') checkPush(call, reportedLoops);
        }
      },
    };
  },
});
