import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { type CoordinationKind, canonicalModule } from '@faultline/catalog';
import { createModelRule } from './create-rule.js';
import {
  type CallLike,
  type Node,
  findNode,
  isFunction,
  memberName,
  oneLine,
  staticString,
  unwrap,
  writtenName,
} from './util/ast.js';
import type { Classified } from './util/file-model.js';
import { projectLockCalls } from './util/project-calls.js';
import { CHECK_TESTS_OPTION } from './util/test-files.js';

/** The built-in checks, by id; `allow` turns one off. */
const CHECKS = [
  'redlock',
  'redis-lock',
  'warlock',
  'live-mutex',
  'redis-set-nx',
  'etcd-lock',
  'etcd-election',
  'consul-lock',
  'consul-session',
  'zookeeper',
  'sql-advisory-lock',
  'two-phase-commit',
] as const;
type CheckId = (typeof CHECKS)[number];

export type Options = [
  {
    checkTests?: boolean;
    allow?: CheckId[];
    modules?: { name: string; message?: string }[];
  },
];
export type MessageIds = 'distributedLock' | 'leaderElection' | 'twoPhaseCommit' | 'restrictedModule';

/** Names that say a Redis key (or the code around it) is a lock, not a cache entry or a dedupe marker. */
const LOCK_WORDS = /lock|mutex|leader|lease|sema(phore)?|elect|owner|singleton|exclusive/i;
/** Redis's expiry tokens in `SET key value EX|PX|EXAT|PXAT ttl`. */
const EXPIRY_TOKENS = new Set(['EX', 'PX', 'EXAT', 'PXAT']);

/**
 * `x.set(key, value, 'PX', ttl, 'NX')` or `x.set(key, value, { NX: true, PX: ttl })`: arguments no
 * client but Redis takes (an expiry token and NX), whatever the receiver is.
 */
function redisSetSignature(call: TSESTree.CallExpression): boolean {
  const callee = unwrap(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression || memberName(callee) !== 'set') return false;
  const rest = call.arguments.slice(2);
  const tokens = new Set(rest.map(arg => staticString(arg)?.toUpperCase()));
  if (tokens.has('NX') && [...EXPIRY_TOKENS].some(token => tokens.has(token))) return true;
  return rest.some(arg => {
    const options = unwrap(arg);
    if (options.type !== AST_NODE_TYPES.ObjectExpression) return false;
    const keys = new Set(
      options.properties.flatMap(property =>
        property.type === AST_NODE_TYPES.Property && property.key.type === AST_NODE_TYPES.Identifier
          ? [property.key.name]
          : [],
      ),
    );
    return keys.has('NX') && [...EXPIRY_TOKENS].some(token => keys.has(token));
  });
}

const SQL_CHECKS: readonly { pattern: RegExp; check: CheckId; kind: CoordinationKind; what: string }[] = [
  {
    pattern: /\bpg_(try_)?advisory(_xact)?_lock(_shared)?\s*\(/i,
    check: 'sql-advisory-lock',
    kind: 'lock',
    what: 'A PostgreSQL advisory lock',
  },
  {
    pattern: /\bGET_LOCK\s*\(/i,
    check: 'sql-advisory-lock',
    kind: 'lock',
    what: 'A MySQL named lock (GET_LOCK)',
  },
  {
    pattern: /\bsp_getapplock\b/i,
    check: 'sql-advisory-lock',
    kind: 'lock',
    what: 'A SQL Server application lock',
  },
  {
    pattern: /\bXA\s+(START|BEGIN|END|PREPARE|COMMIT|ROLLBACK|RECOVER)\b/i,
    check: 'two-phase-commit',
    kind: 'two-phase-commit',
    what: 'An XA transaction',
  },
  {
    pattern: /\bPREPARE\s+TRANSACTION\b|\b(COMMIT|ROLLBACK)\s+PREPARED\b/i,
    check: 'two-phase-commit',
    kind: 'two-phase-commit',
    what: 'A prepared (two-phase) transaction',
  },
];

/** Error and log constructors and methods: SQL text in their arguments is a message, not a query. */
const MESSAGE_CALLEE = /(?:Error|Exception)$|^(?:error|warn|warning|info|debug|log|trace|fatal|verbose)$/;

/** The SQL text sits in an error or a log message (`new Error('pg_advisory_lock failed')`), not in a query. */
function inMessage(literal: Node): boolean {
  for (let current: Node | undefined = literal.parent; current; current = current.parent) {
    if (current.type === AST_NODE_TYPES.NewExpression || current.type === AST_NODE_TYPES.CallExpression) {
      const name = writtenName(current.callee);
      return name !== undefined && MESSAGE_CALLEE.test(name);
    }
    if (current.type === AST_NODE_TYPES.ThrowStatement) return true;
    if (
      current.type === AST_NODE_TYPES.BlockStatement ||
      current.type === AST_NODE_TYPES.Program ||
      current.type === AST_NODE_TYPES.VariableDeclarator
    )
      return false;
  }
  return false;
}

/**
 * A lock a session holds and waits for without bound: PostgreSQL's `pg_advisory_lock` (not the
 * `_xact_` variants, released with the transaction, nor `pg_try_`, which never waits) unless the
 * code sets a `lock_timeout`; MySQL's `GET_LOCK` with a negative (infinite) timeout; SQL Server's
 * `sp_getapplock` owned by the session (it defaults to the transaction) without `@LockTimeout`.
 */
function holdsSessionLock(text: string, literal: Node): boolean {
  const pg = /\bpg_(try_)?advisory(_xact)?_lock(?:_shared)?\s*\(/gi;
  let sessionLock = false;
  let anyPg = false;
  for (let match = pg.exec(text); match; match = pg.exec(text)) {
    anyPg = true;
    if (!match[1] && !match[2]) sessionLock = true;
  }
  if (anyPg) return sessionLock && !setsLockTimeout(literal);
  const mysql = /\bGET_LOCK\s*\([^,]*,\s*(-?\d+)/i.exec(text);
  if (/\bGET_LOCK\s*\(/i.test(text)) return !mysql || Number(mysql[1]) < 0;
  if (/\bsp_getapplock\b/i.test(text))
    return /@LockOwner\s*=\s*N?'Session'/i.test(text) && !/@LockTimeout/i.test(text);
  return true;
}

/** `SET lock_timeout = '5s'` (or `SET LOCAL`) in the same function, or a `lock_timeout` in the same statement. */
function setsLockTimeout(literal: Node): boolean {
  let scope: Node | undefined = literal.parent;
  while (
    scope &&
    scope.type !== AST_NODE_TYPES.FunctionDeclaration &&
    scope.type !== AST_NODE_TYPES.FunctionExpression &&
    scope.type !== AST_NODE_TYPES.ArrowFunctionExpression &&
    scope.type !== AST_NODE_TYPES.Program
  )
    scope = scope.parent;
  if (!scope) return false;
  return (
    findNode(scope, node => {
      if (node.type === AST_NODE_TYPES.Literal)
        return typeof node.value === 'string' && /lock_timeout/i.test(node.value);
      if (node.type === AST_NODE_TYPES.TemplateElement) return /lock_timeout/i.test(node.value.raw);
      return false;
    }) !== undefined
  );
}

export default createModelRule<Options, MessageIds>({
  name: 'no-cross-server-coordination',
  meta: {
    type: 'suggestion',
    docs: {
      description:
        'Disallow making servers agree through distributed locks, leader election or two-phase commit',
      recommended: true,
    },
    messages: {
      distributedLock:
        '{{what}} makes servers agree through a distributed lock. Under GC pauses, clock drift and partitions a holder can outlive its lease and write after another took over (Redlock gives no fencing token). Prefer one writer per partition (route by key), idempotent or commutative operations, or a lease with a fencing token that the storage checks.',
      leaderElection:
        '{{what}} elects a leader across servers. Elections fail over slowly and, during partitions, can briefly yield two leaders. Prefer work partitioned by key so no single leader is needed, or idempotent work that tolerates two runners; if you keep a leader, fence its writes with the election term.',
      twoPhaseCommit:
        '{{what}} couples the availability of every participant and blocks them all while the coordinator is down. Prefer a saga (local transactions with compensations) or idempotent steps with a transactional outbox.',
      restrictedModule: '`{{name}}` is restricted here: {{message}}',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          checkTests: CHECK_TESTS_OPTION,
          allow: {
            type: 'array',
            description: 'Built-in checks to turn off, by id.',
            items: { type: 'string', enum: [...CHECKS] },
            uniqueItems: true,
          },
          modules: {
            type: 'array',
            description:
              'More modules whose import is reported, like `no-restricted-imports` (a team’s own lock library, say).',
            items: {
              type: 'object',
              additionalProperties: false,
              required: ['name'],
              properties: {
                name: { type: 'string', description: 'The module name as imported.' },
                message: { type: 'string', description: 'What to use instead.' },
              },
            },
          },
        },
      },
    ],
    defaultOptions: [{ checkTests: false, allow: [], modules: [] }],
  },
  needs: ['sql'],
  create(context, [options], { model }) {
    const allowed = new Set<string>(options.allow ?? []);
    const restricted = new Map((options.modules ?? []).map(entry => [canonicalModule(entry.name), entry]));
    const sourceCode = context.sourceCode;

    /** Acquisitions already reported, by enclosing function, callee and key (`acquireLock(key)` tried twice). */
    const acquired = new Set<string>();
    /** The same lock taken again in the same function (a second try after a short wait) is one site. */
    function takenAgain(call: CallLike): boolean {
      let fn: Node | undefined = call.parent;
      while (fn && !isFunction(fn)) fn = fn.parent;
      const key = `${fn?.range[0] ?? -1}:${sourceCode.getText(call.callee)}:${call.arguments[0] ? sourceCode.getText(call.arguments[0]) : ''}`;
      if (acquired.has(key)) return true;
      acquired.add(key);
      return false;
    }

    function report(node: Node, kind: CoordinationKind, check: string, what: string): void {
      if (allowed.has(check)) return;
      const messageId =
        kind === 'lock' ? 'distributedLock' : kind === 'election' ? 'leaderElection' : 'twoPhaseCommit';
      context.report({ node, messageId, data: { what } });
    }

    /** `SET key value NX PX ttl` / `set(key, value, { NX: true })` / `setnx(key, …)` used as a lock. */
    function checkRedisSet(classified: Classified): void {
      const call = classified.node;
      const callee = unwrap(call.callee);
      if (callee.type !== AST_NODE_TYPES.MemberExpression) return;
      const name = memberName(callee)?.toLowerCase();
      if (name !== 'set' && name !== 'setnx') return;
      let nx = name === 'setnx';
      if (!nx) {
        for (const arg of call.arguments.slice(2)) {
          if (staticString(arg)?.toUpperCase() === 'NX') nx = true;
          const options = unwrap(arg);
          if (options.type === AST_NODE_TYPES.ObjectExpression) {
            for (const property of options.properties) {
              if (property.type !== AST_NODE_TYPES.Property) continue;
              const key =
                property.key.type === AST_NODE_TYPES.Identifier
                  ? property.key.name
                  : staticString(property.key);
              if (key === 'NX' || (key === 'condition' && staticString(property.value as Node) === 'NX'))
                nx = true;
            }
          }
        }
      }
      if (!nx || !looksLikeLock(call)) return;
      report(
        callee.property,
        'lock',
        'redis-set-nx',
        `\`${oneLine(sourceCode.getText(call.callee))}(…, 'NX')\``,
      );
    }

    /** The key, the variables around it, or the enclosing function talk about a lock. */
    function looksLikeLock(call: CallLike): boolean {
      const key = call.arguments[0];
      if (key && LOCK_WORDS.test(sourceCode.getText(key))) return true;
      const keyInit =
        key && unwrap(key).type === AST_NODE_TYPES.Identifier
          ? model.constInit(unwrap(key) as TSESTree.Identifier)
          : undefined;
      if (keyInit && LOCK_WORDS.test(sourceCode.getText(keyInit))) return true;
      for (let current: Node | undefined = call.parent; current; current = current.parent) {
        if (
          current.type === AST_NODE_TYPES.FunctionDeclaration &&
          current.id &&
          LOCK_WORDS.test(current.id.name)
        )
          return true;
        if (
          current.type === AST_NODE_TYPES.MethodDefinition &&
          current.key.type === AST_NODE_TYPES.Identifier &&
          LOCK_WORDS.test(current.key.name)
        )
          return true;
        if (
          current.type === AST_NODE_TYPES.VariableDeclarator &&
          current.id.type === AST_NODE_TYPES.Identifier &&
          LOCK_WORDS.test(current.id.name)
        )
          return true;
        if (
          current.type === AST_NODE_TYPES.ClassDeclaration &&
          current.id &&
          LOCK_WORDS.test(current.id.name)
        )
          return true;
      }
      return false;
    }

    /** ZooKeeper lock and election recipes create ephemeral (sequential) nodes. */
    function checkZookeeper(classified: Classified): void {
      const call = classified.node;
      const callee = unwrap(call.callee);
      if (
        callee.type !== AST_NODE_TYPES.MemberExpression ||
        !/^(create|mkdirp)$/.test(memberName(callee) ?? '')
      )
        return;
      const ephemeral = call.arguments.some(arg => {
        const inner = unwrap(arg);
        const resolved = inner.type === AST_NODE_TYPES.Identifier ? (model.constInit(inner) ?? inner) : inner;
        return /EPHEMERAL/i.test(sourceCode.getText(resolved));
      });
      if (!ephemeral) return;
      report(
        callee.property,
        /elect|leader/i.test(sourceCode.getText(call)) ? 'election' : 'lock',
        'zookeeper',
        'A ZooKeeper ephemeral node (the lock and leader-election recipe)',
      );
    }

    const WHAT: Record<string, string> = {
      redlock: 'Redlock',
      'redis-lock': 'A redis-lock lock',
      warlock: 'A warlock lock',
      'live-mutex': 'A live-mutex lock',
      'etcd-lock': 'An etcd lock',
      'etcd-election': 'An etcd election',
      'consul-lock': 'A Consul lock',
      'consul-session': 'A Consul session (the basis of its locks)',
    };

    const listeners: TSESLint.RuleListener = {
      ImportDeclaration(node): void {
        const entry = restricted.get(canonicalModule(node.source.value));
        if (entry)
          context.report({
            node: node.source,
            messageId: 'restrictedModule',
            data: { name: entry.name, message: entry.message ?? 'it makes servers coordinate' },
          });
      },
      'Program:exit'(): void {
        const projectLock = model.calls.length > 0 ? projectLockCalls(context) : undefined;
        for (const call of model.calls) {
          if (
            projectLock &&
            call.type === AST_NODE_TYPES.CallExpression &&
            call.callee.type === AST_NODE_TYPES.MemberExpression &&
            projectLock(call)
          ) {
            if (takenAgain(call)) continue;
            report(
              call.callee.property,
              'lock',
              'project-lock',
              `\`${sourceCode.getText(call.callee)}\` (a lock class of this project, around a lock library)`,
            );
            continue;
          }
          const classified = model.classify(call);
          // A client the file cannot place (`this.guard.redis.set(…)`) whose arguments only Redis
          // takes: `set(key, value, 'PX', ttl, 'NX')`, `set(key, value, { NX: true, PX: ttl })`.
          if (!classified) {
            if (call.type === AST_NODE_TYPES.CallExpression && redisSetSignature(call))
              checkRedisSet({ node: call } as Classified);
            continue;
          }
          const role = classified.role;
          if (role.role === 'coordination') {
            // On a Redlock instance, the construction is reported; acquisitions would repeat it.
            if (role.check === 'redlock') continue;
            if (role.check === 'zookeeper') checkZookeeper(classified);
            else if (!takenAgain(call)) {
              const callee = unwrap(call.callee);
              report(
                callee.type === AST_NODE_TYPES.MemberExpression ? callee.property : callee,
                role.kind,
                role.check,
                WHAT[role.check] ?? 'This',
              );
            }
          } else if (role.role === 'policy' && role.instance === 'redlock') {
            report(call.callee, 'lock', 'redlock', 'Redlock');
          } else if (role.role === 'call' && (role.family === 'ioredis' || role.family === 'node-redis')) {
            checkRedisSet(classified);
          }
          if (
            restricted.size > 0 &&
            call.type === AST_NODE_TYPES.CallExpression &&
            call.callee.type === AST_NODE_TYPES.Identifier &&
            call.callee.name === 'require'
          ) {
            const source = staticString(call.arguments[0]);
            const entry = source ? restricted.get(canonicalModule(source)) : undefined;
            if (entry && call.arguments[0])
              context.report({
                node: call.arguments[0],
                messageId: 'restrictedModule',
                data: { name: entry.name, message: entry.message ?? 'it makes servers coordinate' },
              });
          }
        }
        for (const literal of model.sqlStrings) {
          const text =
            literal.type === AST_NODE_TYPES.Literal
              ? String(literal.value)
              : literal.quasis.map(quasi => quasi.value.raw).join(' ');
          const match = SQL_CHECKS.find(check => check.pattern.test(text));
          if (!match || inMessage(literal)) continue;
          if (match.check === 'sql-advisory-lock' && !holdsSessionLock(text, literal)) continue;
          report(literal, match.kind, match.check, match.what);
        }
      },
    };
    // Most configurations restrict no module: then no import needs a look.
    if (restricted.size === 0) delete listeners.ImportDeclaration;
    return listeners;
  },
});
