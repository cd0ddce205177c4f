import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { decideBackoff } from '@faultline/catalog';
import { createModelRule } from './create-rule.js';
import { type Node, findNode, isFunction, propertyKey, unwrap, writtenName } from './util/ast.js';
import { enclosingNamedFunction } from './util/retry/syntax.js';
import { JOB_RETRY_KEYS, jobRetryFindings } from './util/retry/job-options.js';
import { type Delay, type RetryConstruct, retryAnalysis } from './util/retry.js';
import { grpcServiceConfigFindings } from './util/retry/grpc-service-config.js';
import { retryCallFindings } from './util/retry/libraries.js';
import { ALSO_NO_JITTER, type LibraryFinding } from './util/retry/library-finding.js';
import { retrySchedule } from './util/retry/schedule.js';
import { CHECK_TESTS_ONLY_SCHEMA } from './util/test-files.js';

export type Options = [{ checkTests?: boolean }];

export type MessageIds =
  | 'noDelay'
  | 'constantDelay'
  | 'uncappedBackoff'
  | 'longBackoff'
  | 'longLibraryBackoff'
  | 'noJitter'
  | 'unboundedRetry'
  | 'suggestFullJitter'
  | 'xorDelay'
  | 'suggestPower'
  | 'jobNoDelay'
  | 'jobConstantDelay';

export default createModelRule<Options, MessageIds>({
  name: 'require-backoff',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require retries to back off exponentially, with a cap, jitter and a bound',
      recommended: true,
    },
    hasSuggestions: true,
    messages: {
      noDelay:
        'This retry goes round again at once: with no wait between attempts every client hammers a failing service at full speed, turning a blip into an outage. Wait with capped exponential backoff and full jitter: `sleep(Math.random() * Math.min(cap, base * 2 ** attempt))`.',
      constantDelay:
        'This retry waits the same time before every attempt, so clients that failed together retry together, in lockstep, for as long as the outage lasts. Back off exponentially with a cap and full jitter: `Math.random() * Math.min(cap, base * 2 ** attempt)`.',
      uncappedBackoff:
        'This backoff grows without a cap{{also}}: after a few failures the wait is longer than anyone waits for the answer, and recovery is delayed by it. Cap it (`Math.min(cap, …)`) and use full jitter.',
      longBackoff:
        'This backoff’s wait grows until the attempts run out, to {{longest}} before the last one{{also}}: whoever waits for the answer has given up long before, and a service that recovers is noticed that late. Cap the wait (`Math.min({{cap}}, …)`, {{capText}}) or make fewer attempts.',
      longLibraryBackoff:
        'This backoff’s wait grows until the attempts run out, to {{longest}} before the last one{{also}}: whoever waits for the answer has given up long before, and a service that recovers is noticed that late. Cap the wait (`{{capKey}}: {{cap}}`, {{capText}}) or make fewer attempts.',
      noJitter:
        'This backoff has no jitter: clients that failed together retry together, and the synchronised waves keep the service overloaded. Randomise the wait (full jitter: `Math.random() * delay`).',
      unboundedRetry:
        'This retry has no bound{{why}}: while the service is down it retries forever, multiplying load and never reporting the failure. Stop after a few attempts or when a deadline passes.',
      suggestFullJitter: 'Use capped exponential backoff with full jitter (cap {{cap}} ms).',
      xorDelay:
        '`{{text}}` is a bitwise XOR in JavaScript, not a power: this wait does not grow with the attempts (`2 ^ 3` is 1, `2 ^ 2` is 0), so the backoff is no backoff. Write `**` (`2 ** attempt`), with a cap and full jitter.',
      suggestPower: 'Replace `^` with `**`.',
      jobNoDelay:
        'This job is retried at once when it fails: during an outage of what it calls, every attempt is spent within milliseconds and the job is lost anyway. Give it a backoff: `backoff: { type: "exponential", delay: 1000, jitter: 0.5 }` (bullmq), `retryBackoff: true` with a `retryDelay` (pg-boss).',
      jobConstantDelay:
        'This job waits the same time before every retry, so every job that failed in one outage runs again together, wave after wave. Back off exponentially with jitter: `backoff: { type: "exponential", delay: 1000, jitter: 0.5 }` (bullmq), `retryBackoff: true` (pg-boss).',
    },
    schema: CHECK_TESTS_ONLY_SCHEMA,
    defaultOptions: [{ checkTests: false }],
  },
  needs: ['loops'],
  create(context, _options, { model, settings }) {
    const sourceCode = context.sourceCode;

    /** Where a construct's keyword is (`while`, `for`, `do`, the function's name). */
    function keywordLoc(construct: RetryConstruct): TSESTree.SourceLocation {
      const node = construct.node;
      if (isFunction(node)) {
        if (node.type !== AST_NODE_TYPES.ArrowFunctionExpression && node.id) return node.id.loc;
        const parent = node.parent;
        if (parent?.type === AST_NODE_TYPES.VariableDeclarator) return parent.id.loc;
        if (
          (parent?.type === AST_NODE_TYPES.MethodDefinition || parent?.type === AST_NODE_TYPES.Property) &&
          parent.key
        )
          return parent.key.loc;
      }
      const token = sourceCode.getFirstToken(node);
      return token ? token.loc : node.loc;
    }

    function suggest(
      construct: RetryConstruct,
      delay: Delay,
    ): TSESLint.SuggestionReportDescriptor<MessageIds>[] {
      const expr = delay.expr;
      const counter = construct.counters[0];
      // A delay a helper computes for itself is written once for all its callers: no edit there.
      if (
        !expr ||
        expr.range[0] < construct.node.range[0] ||
        expr.range[1] > construct.node.range[1] ||
        !counter ||
        counter.startsWith('this.') ||
        (delay.kind !== 'constant' && !(delay.kind === 'growing' && !delay.capped))
      )
        return [];
      // The counter must be a variable where the delay is written (not a field of an argument,
      // `dto.retryAttempt`); an optional parameter starts undefined.
      let variable: TSESLint.Scope.Variable | undefined;
      for (
        let scope: TSESLint.Scope.Scope | null = sourceCode.getScope(expr);
        scope && !variable;
        scope = scope.upper
      )
        variable = scope.set.get(counter);
      if (!variable) return [];
      const optional = variable.defs.some(
        def => def.type === 'Parameter' && def.name.type === AST_NODE_TYPES.Identifier && def.name.optional,
      );
      const step = optional ? `(${counter} ?? 0)` : counter;
      const cap = settings.maxDelayMs;
      const text = sourceCode.getText(expr);
      const base = delay.kind === 'constant' ? `${wrap(text)} * 2 ** ${step}` : text;
      return [
        {
          messageId: 'suggestFullJitter',
          data: { cap },
          fix: fixer => fixer.replaceText(expr, `Math.random() * Math.min(${cap}, ${base})`),
        },
      ];
    }

    function wrap(text: string): string {
      return /^[\w.]+$/.test(text) ? text : `(${text})`;
    }

    function reportConstruct(construct: RetryConstruct): void {
      const delay = construct.delay;
      const at = delay.call ?? undefined;
      const findings = decideBackoff(retrySchedule(model, construct));
      for (const finding of findings) {
        switch (finding.problem) {
          case 'noDelay':
            context.report({ loc: keywordLoc(construct), messageId: 'noDelay' });
            break;
          case 'constantDelay':
            if (at)
              context.report({ node: at, messageId: 'constantDelay', suggest: suggest(construct, delay) });
            break;
          case 'uncappedBackoff':
            if (finding.longestMs !== undefined)
              context.report({
                node: at ?? construct.node,
                messageId: 'longBackoff',
                data: {
                  longest: duration(finding.longestMs),
                  also: finding.noJitterToo ? ALSO_NO_JITTER : '',
                  cap: settings.maxDelayMs,
                  capText: duration(settings.maxDelayMs),
                },
                suggest: suggest(construct, delay),
              });
            else
              context.report({
                node: at ?? construct.node,
                messageId: 'uncappedBackoff',
                data: { also: finding.noJitterToo ? ALSO_NO_JITTER : '' },
                suggest: suggest(construct, delay),
              });
            break;
          case 'noJitter':
            context.report({ node: at ?? construct.node, messageId: 'noJitter' });
            break;
          case 'unboundedRetry':
            context.report({ loc: keywordLoc(construct), messageId: 'unboundedRetry', data: { why: '' } });
            break;
        }
      }
    }

    const serviceConfigs: TSESTree.Property[] = [];
    const jobRetryProperties: TSESTree.Property[] = [];

    return {
      // `2 ^ (retryCount - 1)` is a bitwise XOR, not a power: a backoff written so does not grow.
      BinaryExpression(node): void {
        if (node.operator !== '^' || !xorAsPower(node)) return;
        context.report({
          node,
          messageId: 'xorDelay',
          data: { text: sourceCode.getText(node) },
          suggest: [
            {
              messageId: 'suggestPower',
              fix: fixer => {
                const operator = sourceCode.getFirstTokenBetween(
                  node.left,
                  node.right,
                  token => token.value === '^',
                );
                return operator ? fixer.replaceText(operator, '**') : null;
              },
            },
          ],
        });
      },
      // gRPC channel options travel far from the client (NestJS `channelOptions`, shared constants):
      // every `'grpc.service_config'` property is checked where it is written.
      Property(node): void {
        if (node.key.type === AST_NODE_TYPES.Literal && node.key.value === 'grpc.service_config')
          serviceConfigs.push(node);
        else if (node.key.type === AST_NODE_TYPES.Identifier && JOB_RETRY_KEYS.has(node.key.name))
          jobRetryProperties.push(node);
      },
      'Program:exit'(): void {
        for (const construct of retryAnalysis(model).all()) reportConstruct(construct);
        // One report per node and problem (a config can be both uncapped and unbounded).
        const reported = new Set<string>();
        const key = (finding: LibraryFinding): string =>
          `${finding.node.range[0]}:${finding.node.range[1]}:${finding.problem}`;
        const findings: LibraryFinding[] = serviceConfigs.flatMap(property =>
          grpcServiceConfigFindings(model, property),
        );
        for (const finding of findings) {
          reported.add(key(finding));
          context.report({ node: finding.node, messageId: 'uncappedBackoff', data: { also: '' } });
        }
        for (const { finding, node } of jobRetryFindings(model, jobRetryProperties))
          context.report({
            node,
            messageId: finding.problem === 'noDelay' ? 'jobNoDelay' : 'jobConstantDelay',
          });
        for (const call of model.calls) {
          for (const finding of retryCallFindings(model, call)) {
            if (reported.has(key(finding))) continue;
            reported.add(key(finding));
            if (finding.problem === 'unboundedRetry')
              context.report({
                node: finding.node,
                messageId: 'unboundedRetry',
                data: { why: finding.why ?? '' },
              });
            else if (finding.problem === 'uncappedBackoff' && finding.longest)
              context.report({
                node: finding.node,
                messageId: 'longLibraryBackoff',
                data: {
                  longest: duration(finding.longest.ms),
                  also: finding.also ?? '',
                  capKey: finding.longest.capKey,
                  cap: settings.maxDelayMs,
                  capText: duration(settings.maxDelayMs),
                },
              });
            else if (finding.problem === 'uncappedBackoff')
              context.report({
                node: finding.node,
                messageId: 'uncappedBackoff',
                data: { also: finding.also ?? '' },
              });
            else context.report({ node: finding.node, messageId: finding.problem });
          }
        }
      },
    };
  },
});

/** A wait in words: `800 ms`, `60 s`, `8.5 min`, `34 min`, `2.3 h`, `12 days`, `more than a year`. */
function duration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 120_000) return `${Math.round(ms / 100) / 10} s`;
  if (ms < 600_000) return `${Math.round(ms / 6_000) / 10} min`;
  if (ms < 7_200_000) return `${Math.round(ms / 60_000)} min`;
  if (ms < 172_800_000) return `${Math.round(ms / 360_000) / 10} h`;
  if (ms < 31_536_000_000) return `${Math.round(ms / 86_400_000)} days`;
  return 'more than a year';
}

/** Names that say a value is a wait between attempts. */
const WAIT_NAME = /delay|backoff|wait|sleep|interval|timeout/i;

/** Math's functions a wait is often wrapped in (`Math.min(cap, 1000 * 2 ** n)`): look through them. */
const MATH_WRAPPERS = new Set(['min', 'max', 'round', 'floor', 'ceil', 'trunc']);

/**
 * `2 ^ attempt` (or `2 ^ (retryCount - 1)`) where a wait is computed: the power of two a backoff
 * wants, written with JavaScript's bitwise XOR. The left side is the literal 2 and the right side
 * reads a name, and the expression is part of a value whose name (a variable, a property, an
 * assignment's target, the function returning it) or whose sleep call says it is a wait.
 */
function xorAsPower(node: TSESTree.BinaryExpression): boolean {
  // `2 ^ n`, and `base * 2 ^ n`, which parses as `(base * 2) ^ n`.
  const left = unwrap(node.left as Node);
  const two = (side: Node): boolean => side.type === AST_NODE_TYPES.Literal && side.value === 2;
  if (
    !two(left) &&
    !(
      left.type === AST_NODE_TYPES.BinaryExpression &&
      left.operator === '*' &&
      two(unwrap(left.right as Node))
    )
  )
    return false;
  if (findNode(node.right as Node, inner => inner.type === AST_NODE_TYPES.Identifier) === undefined)
    return false;
  let current: Node = node;
  for (
    let parent = node.parent as Node | undefined;
    parent;
    current = parent, parent = parent.parent as Node | undefined
  ) {
    switch (parent.type) {
      case AST_NODE_TYPES.VariableDeclarator:
        return parent.id.type === AST_NODE_TYPES.Identifier && WAIT_NAME.test(parent.id.name);
      case AST_NODE_TYPES.AssignmentExpression:
        return WAIT_NAME.test(writtenName(parent.left as Node) ?? '');
      case AST_NODE_TYPES.Property:
        return parent.value === current && WAIT_NAME.test(propertyKey(parent) ?? '');
      case AST_NODE_TYPES.CallExpression: {
        const callee = unwrap(parent.callee as Node);
        if (
          callee.type === AST_NODE_TYPES.MemberExpression &&
          writtenName(callee.object as Node) === 'Math' &&
          MATH_WRAPPERS.has(writtenName(callee) ?? '')
        )
          break;
        // `setTimeout(fn, 2 ^ n)`: the timer's wait.
        const name = writtenName(callee) ?? '';
        return (
          WAIT_NAME.test(name) || (/^set(?:Timeout|Interval)$/.test(name) && parent.arguments[1] === current)
        );
      }
      case AST_NODE_TYPES.PropertyDefinition:
        return parent.value === current && WAIT_NAME.test(propertyKey(parent) ?? '');
      case AST_NODE_TYPES.ReturnStatement: {
        const fn = enclosingNamedFunction(parent);
        return fn !== undefined && WAIT_NAME.test(fn.name);
      }
      case AST_NODE_TYPES.ArrowFunctionExpression: {
        const fn = enclosingNamedFunction(current);
        return fn !== undefined && WAIT_NAME.test(fn.name);
      }
      case AST_NODE_TYPES.BlockStatement:
      case AST_NODE_TYPES.ExpressionStatement:
      case AST_NODE_TYPES.Program:
        return false;
      default:
        break;
    }
  }
  return false;
}
