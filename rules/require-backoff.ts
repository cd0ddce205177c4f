import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import {
  type BackoffFinding,
  type Prop,
  type Summary,
  decideBackoff,
  decideRetryOptions,
  getProp,
} from '@faultline/catalog';
import { createModelRule } from './create-rule.js';
import { type CallLike, type Node, findNode, isFunction, propertyKey, unwrap } from './util/ast.js';
import type { Classified } from './util/file-model.js';
import { JOB_RETRY_KEYS, jobRetryFindings } from './util/job-options.js';
import { type Delay, type RetryConstruct, retryAnalysis } from './util/retry.js';
import { retrySchedule } from './util/retry/schedule.js';
import { retryWrapperFindings } from './util/retry-wrappers.js';
import { CHECK_TESTS_ONLY_SCHEMA } from './util/test-files.js';

export type Options = [{ checkTests?: boolean }];

export type MessageIds =
  | 'noDelay'
  | 'constantDelay'
  | 'uncappedBackoff'
  | 'noJitter'
  | 'unboundedRetry'
  | 'suggestFullJitter'
  | 'jobNoDelay'
  | 'jobConstantDelay';

type Problem = Exclude<
  MessageIds,
  'unboundedRetry' | 'suggestFullJitter' | 'jobNoDelay' | 'jobConstantDelay'
>;

interface LibraryFinding {
  problem: Problem | 'unboundedRetry';
  node: Node;
  also?: string;
  why?: string;
}

const ALSO_NO_JITTER = ', and it has no jitter either';

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
      noJitter:
        'This backoff has no jitter: clients that failed together retry together, and the synchronised waves keep the service overloaded. Randomise the wait (full jitter: `Math.random() * delay`).',
      unboundedRetry:
        'This retry has no bound{{why}}: while the service is down it retries forever, multiplying load and never reporting the failure. Stop after a few attempts or when a deadline passes.',
      suggestFullJitter: 'Use capped exponential backoff with full jitter (cap {{cap}} ms).',
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
      if (
        !expr ||
        !counter ||
        counter.startsWith('this.') ||
        (delay.kind !== 'constant' && !(delay.kind === 'growing' && !delay.capped))
      )
        return [];
      const cap = settings.maxDelayMs;
      const text = sourceCode.getText(expr);
      const base = delay.kind === 'constant' ? `${wrap(text)} * 2 ** ${counter}` : text;
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

    // ------------------------------------------------------------------ libraries

    const number = (summary: Summary | undefined): number | undefined =>
      summary?.kind === 'number' ? summary.value : undefined;

    /** A catalog finding as this rule reports it: on its own node, else on the anchor. */
    function asLibraryFinding(finding: BackoffFinding, anchor: Node): LibraryFinding {
      return {
        problem: finding.problem,
        node: (finding.at ?? anchor) as Node,
        ...(finding.problem === 'uncappedBackoff' ? { also: finding.noJitterToo ? ALSO_NO_JITTER : '' } : {}),
        ...(finding.why !== undefined ? { why: finding.why } : {}),
      };
    }

    /** Retry options in the p-retry/async-retry/node-retry/exponential-backoff shape, decided by the catalog. */
    function checkExponentialOptions(
      library: 'p-retry' | 'async-retry' | 'node-retry' | 'exponential-backoff',
      options: Summary,
      anchor: Node,
    ): LibraryFinding[] {
      return decideRetryOptions(library, options, anchor, settings).map(finding =>
        asLibraryFinding(finding, anchor),
      );
    }

    /** A function that computes the delay from the attempt (`retryStrategy: times => …`), reported at `at`. */
    function checkDelayFunction(fn: Node, at: Node): LibraryFinding[] {
      let inner = unwrap(fn);
      if (!isFunction(inner)) {
        const local = model.localFunction(inner);
        if (!local) return [];
        inner = local;
      }
      if (!isFunction(inner)) return [];
      const param = inner.params[0];
      const counter = param?.type === AST_NODE_TYPES.Identifier ? param.name : undefined;
      const returned: Node[] = [];
      if (inner.body.type !== AST_NODE_TYPES.BlockStatement) returned.push(inner.body);
      else {
        findNode(
          inner.body,
          node => {
            if (node.type === AST_NODE_TYPES.ReturnStatement && node.argument) returned.push(node.argument);
            return false;
          },
          node => !isFunction(node),
        );
      }
      // Returning null/undefined/false/an Error stops retrying; only numeric delays are judged.
      const delays = returned.filter(node => {
        const value = model.summarizeValue(node);
        return (
          value.kind !== 'null' &&
          value.kind !== 'undefined' &&
          value.kind !== 'boolean' &&
          unwrap(node).type !== AST_NODE_TYPES.NewExpression
        );
      });
      const last = delays[delays.length - 1];
      if (!last) return [];
      const analysis = retryAnalysis(model);
      const counters = counter ? [counter] : [];
      // `({ attempt }) => …` (cockatiel's DelegateBackoff context)
      if (param?.type === AST_NODE_TYPES.ObjectPattern)
        for (const property of param.properties)
          if (property.type === AST_NODE_TYPES.Property && property.value.type === AST_NODE_TYPES.Identifier)
            counters.push(property.value.name);
      const delay = analysis.classifyDelay(last, last, counters, inner);
      if (delay.kind === 'constant') {
        const value = model.summarizeValue(last);
        return [
          { problem: value.kind === 'number' && value.value === 0 ? 'noDelay' : 'constantDelay', node: at },
        ];
      }
      if (delay.kind !== 'growing') return [];
      if (!delay.capped && delay.exponential)
        return [{ problem: 'uncappedBackoff', node: at, also: delay.jitter ? '' : ALSO_NO_JITTER }];
      if (!delay.jitter) return [{ problem: 'noJitter', node: at }];
      return [];
    }

    const valueNode = (prop: Prop): Node => (prop.at as TSESTree.Property).value as Node;

    function checkAxiosRetry(call: CallLike, options: Summary): LibraryFinding[] {
      if (options.kind !== 'object' && options.kind !== 'absent') return [];
      const findings: LibraryFinding[] = [];
      const retries = getProp(options, 'retries');
      const count = number(retries?.value) ?? (retries ? undefined : 3);
      if (count === 0) return [];
      if (count === Infinity)
        findings.push({ problem: 'unboundedRetry', node: retries?.at as Node, why: ' (unlimited attempts)' });
      else if (count !== undefined && retries && count > settings.maxAttempts)
        findings.push({
          problem: 'unboundedRetry',
          node: retries.at as Node,
          why: ` (${count + 1} attempts)`,
        });
      const retryDelay = getProp(options, 'retryDelay');
      if (!retryDelay) {
        if (options.kind === 'object' && options.hasSpread) return findings;
        findings.push({ problem: 'noDelay', node: call.callee });
        return findings;
      }
      const property = retryDelay.at as Node;
      const value = unwrap(valueNode(retryDelay));
      const library = (node: Node): string | undefined => {
        const resolved = model.valueOf(node);
        return resolved.kind === 'module' && resolved.module === 'axios-retry'
          ? resolved.path.join('.')
          : undefined;
      };
      const delayName =
        library(value) ?? (value.type === AST_NODE_TYPES.CallExpression ? library(value.callee) : undefined);
      if (delayName === 'exponentialDelay') {
        // 2^n · 100 ms plus up to 20 % jitter, uncapped.
        if (count !== undefined && 2 ** count * 100 * 1.2 <= settings.maxDelayMs) return findings;
        findings.push({ problem: 'uncappedBackoff', node: property, also: '' });
        return findings;
      }
      if (delayName === 'linearDelay') {
        findings.push({ problem: 'noJitter', node: property });
        return findings;
      }
      findings.push(...checkDelayFunction(value, property));
      return findings;
    }

    function checkCockatiel(call: CallLike, options: Summary): LibraryFinding[] {
      if (options.kind !== 'object' && options.kind !== 'absent') return [];
      if (options.kind === 'object' && options.hasSpread) return [];
      const findings: LibraryFinding[] = [];
      const attempts = getProp(options, 'maxAttempts');
      const count = number(attempts?.value);
      if (count === 0) return [];
      if (!attempts)
        findings.push({
          problem: 'unboundedRetry',
          node: call.callee,
          why: ' (cockatiel retries forever unless `maxAttempts` is set)',
        });
      else if (count === Infinity)
        findings.push({ problem: 'unboundedRetry', node: attempts.at as Node, why: ' (unlimited attempts)' });
      else if (count !== undefined && count > settings.maxAttempts)
        findings.push({ problem: 'unboundedRetry', node: attempts.at as Node, why: ` (${count} attempts)` });
      const backoff = getProp(options, 'backoff');
      if (!backoff) {
        // The default backoff is `new ConstantBackoff(0)` (cockatiel 4 Policy.js).
        findings.push({ problem: 'noDelay', node: call.callee });
        return findings;
      }
      const value = unwrap(valueNode(backoff));
      if (value.type !== AST_NODE_TYPES.NewExpression) return findings;
      const ctor = model.valueOf(value.callee);
      const name = ctor.kind === 'module' && ctor.module === 'cockatiel' ? ctor.path.join('.') : undefined;
      if (name === 'ConstantBackoff') {
        const delay = value.arguments[0] ? model.summarizeValue(value.arguments[0]) : undefined;
        findings.push({
          problem: delay?.kind === 'number' && delay.value === 0 ? 'noDelay' : 'constantDelay',
          node: backoff.at as Node,
        });
      } else if (name === 'DelegateBackoff' && value.arguments[0]) {
        findings.push(...checkDelayFunction(value.arguments[0], backoff.at as Node));
      } else if (name === 'ExponentialBackoff') {
        const config = value.arguments[0]
          ? model.summarizeTop(value.arguments[0])
          : { kind: 'absent' as const };
        const maxDelay = getProp(config, 'maxDelay');
        if (maxDelay && number(maxDelay.value) === Infinity)
          findings.push({ problem: 'uncappedBackoff', node: maxDelay.at as Node, also: '' });
        const generator = getProp(config, 'generator');
        if (generator && /noJitter/i.test(sourceCode.getText(valueNode(generator))))
          findings.push({ problem: 'noJitter', node: generator.at as Node });
      }
      return findings;
    }

    /** got/ky `retry` options (number or object) written by the user; `anchor` is the call for defaults. */
    function checkHttpRetry(family: 'got' | 'ky', retry: Prop, anchor: Node): LibraryFinding[] {
      const value = retry.value;
      let limit: number | undefined;
      let limitAt: Node = retry.at as Node;
      let backoffProp: Prop | undefined;
      let jitterAt: Node | undefined;
      let jitter = family === 'got';
      if (value.kind === 'number') limit = value.value;
      else if (value.kind === 'object') {
        if (value.hasSpread || getProp(value, 'calculateDelay') || getProp(value, 'delay')) return [];
        const limitProp = getProp(value, 'limit');
        limit = limitProp ? number(limitProp.value) : 2;
        if (limitProp) limitAt = limitProp.at as Node;
        backoffProp = getProp(value, 'backoffLimit');
        if (family === 'got') {
          const noise = getProp(value, 'noise');
          if (noise && number(noise.value) === 0) {
            jitter = false;
            jitterAt = noise.at as Node;
          }
        } else {
          const jitterProp = getProp(value, 'jitter');
          jitter =
            jitterProp !== undefined && !(jitterProp.value.kind === 'boolean' && !jitterProp.value.value);
          if (jitterProp && !jitter) jitterAt = jitterProp.at as Node;
        }
      } else return [];
      if (limit === undefined || limit === 0) return [];
      const findings: LibraryFinding[] = [];
      if (limit === Infinity)
        findings.push({ problem: 'unboundedRetry', node: limitAt, why: ' (unlimited attempts)' });
      else if (limit > settings.maxAttempts)
        findings.push({ problem: 'unboundedRetry', node: limitAt, why: ` (${limit + 1} attempts)` });
      const backoffLimit = backoffProp ? number(backoffProp.value) : Infinity;
      // got: 2^(n−1) · 1000 ms; ky: 0.3 · 2^(n−1) · 1000 ms.
      const longest = Math.min(
        backoffLimit ?? Infinity,
        (family === 'got' ? 1000 : 300) * 2 ** Math.max(0, (Number.isFinite(limit) ? limit : 60) - 1),
      );
      if (longest > settings.maxDelayMs)
        findings.push({
          problem: 'uncappedBackoff',
          node: (backoffProp?.at as Node | undefined) ?? anchor,
          also: jitter || jitterAt ? '' : ALSO_NO_JITTER,
        });
      if (!jitter && (jitterAt || longest <= settings.maxDelayMs))
        findings.push({ problem: 'noJitter', node: jitterAt ?? anchor });
      return findings;
    }

    /** `'grpc.service_config'` retry policies without `maxBackoff`, reported at each `retryPolicy`. */
    function checkGrpcServiceConfig(prop: Prop): LibraryFinding[] {
      let value = unwrap(valueNode(prop));
      // `JSON.stringify(serviceConfig)` with the config in a local const
      if (
        value.type === AST_NODE_TYPES.CallExpression &&
        value.arguments[0]?.type === AST_NODE_TYPES.Identifier
      ) {
        value = model.constInit(value.arguments[0]) ?? value;
      }
      if (value.type === AST_NODE_TYPES.Literal && typeof value.value === 'string') {
        try {
          const parsed = JSON.parse(value.value) as {
            methodConfig?: { retryPolicy?: Record<string, unknown> }[];
          };
          const missing = (parsed.methodConfig ?? []).some(
            config => config.retryPolicy && config.retryPolicy.maxBackoff === undefined,
          );
          return missing ? [{ problem: 'uncappedBackoff', node: prop.at as Node, also: '' }] : [];
        } catch {
          return [];
        }
      }
      const findings: LibraryFinding[] = [];
      findNode(value, node => {
        if (node.type !== AST_NODE_TYPES.Property || propertyKey(node) !== 'retryPolicy') return false;
        let policy = unwrap(node.value as Node);
        if (policy.type === AST_NODE_TYPES.Identifier) policy = model.constInit(policy) ?? policy;
        policy = unwrap(policy);
        if (
          policy.type === AST_NODE_TYPES.ObjectExpression &&
          !policy.properties.some(
            inner => inner.type === AST_NODE_TYPES.Property && propertyKey(inner) === 'maxBackoff',
          )
        ) {
          findings.push({ problem: 'uncappedBackoff', node, also: '' });
        }
        return false;
      });
      return findings;
    }

    /** Redlock settings, on the constructor or per acquisition (`acquire/using(resources, ttl, settings)`). */
    function checkRedlock(options: Summary): LibraryFinding[] {
      const findings: LibraryFinding[] = [];
      const count = getProp(options, 'retryCount');
      const value = number(count?.value);
      if (value === 0) return [];
      if (count && (value === -1 || value === Infinity))
        findings.push({
          problem: 'unboundedRetry',
          node: count.at as Node,
          why: ' (`retryCount: -1` retries forever)',
        });
      const jitter = getProp(options, 'retryJitter');
      if (jitter && number(jitter.value) === 0)
        findings.push({ problem: 'noJitter', node: jitter.at as Node });
      return findings;
    }

    function checkLibraries(classified: Classified): LibraryFinding[] {
      const role = classified.role;
      const call = classified.node;
      if (role.role === 'retry') {
        const options = model.optionsOf(call, role.options);
        if (role.library === 'axios-retry') return checkAxiosRetry(call, options);
        if (role.library === 'custom' || role.library === 'cockatiel') return [];
        return checkExponentialOptions(role.library, options, call.callee);
      }
      if (role.role === 'policy') {
        if (role.library === 'cockatiel' && role.instance === 'cockatiel-retry') {
          // `wrap(retryPolicy, …)` composes policies; the retry policy itself is judged where it is made.
          if (classified.callee.kind === 'module' && classified.callee.path.join('.') === 'wrap') return [];
          return checkCockatiel(call, model.optionsOf(call, role.options));
        }
        if (role.library === 'node-retry')
          return checkExponentialOptions('node-retry', model.optionsOf(call, role.options), call.callee);
        if (role.library === 'redlock') return checkRedlock(model.optionsOf(call, role.options));
        return [];
      }
      if (role.role === 'coordination' && role.check === 'redlock') {
        const settingsArg = call.arguments[2];
        return settingsArg && !isFunction(unwrap(settingsArg))
          ? checkRedlock(model.summarizeTop(settingsArg))
          : [];
      }
      if (role.role === 'factory' || role.role === 'call') {
        const options = model.optionsOf(call, role.options);
        if (options.kind !== 'object') return [];
        const findings: LibraryFinding[] = [];
        if (role.family === 'got' || role.family === 'ky') {
          const retry = getProp(options, 'retry');
          if (retry) findings.push(...checkHttpRetry(role.family, retry, call.callee));
        }
        if (role.role === 'factory' && role.family === 'ioredis') {
          const nested = getProp(options, 'redisOptions')?.value;
          for (const source of [options, nested]) {
            if (!source) continue;
            for (const key of ['retryStrategy', 'clusterRetryStrategy']) {
              const strategy = getProp(source, key);
              if (strategy) findings.push(...checkDelayFunction(valueNode(strategy), strategy.at as Node));
            }
          }
        }
        if (role.role === 'factory' && role.family === 'node-redis') {
          const socket = getProp(options, 'socket');
          const strategy =
            socket?.value.kind === 'object' ? socket.value.props.get('reconnectStrategy') : undefined;
          if (strategy) findings.push(...checkDelayFunction(valueNode(strategy), strategy.at as Node));
        }
        if (role.role === 'factory' && role.family === 'aws') {
          const attempts = getProp(options, 'maxAttempts');
          const count = number(attempts?.value);
          if (attempts && count !== undefined && count > settings.maxAttempts)
            findings.push({
              problem: 'unboundedRetry',
              node: attempts.at as Node,
              why: ` (${count} attempts)`,
            });
          const strategy = getProp(options, 'retryStrategy');
          const value = strategy ? unwrap(valueNode(strategy)) : undefined;
          if (
            strategy &&
            value?.type === AST_NODE_TYPES.NewExpression &&
            /ConfiguredRetryStrategy$/.test(sourceCode.getText(value.callee))
          ) {
            // ConfiguredRetryStrategy(attempts, delay = 100 ms): a number (or nothing) is a constant delay.
            const delayArg = value.arguments[1];
            if (!delayArg || model.summarizeValue(delayArg).kind === 'number')
              findings.push({ problem: 'constantDelay', node: strategy.at as Node });
            else findings.push(...checkDelayFunction(delayArg, strategy.at as Node));
          }
        }
        return findings;
      }
      return [];
    }

    const serviceConfigs: TSESTree.Property[] = [];
    const jobRetryProperties: TSESTree.Property[] = [];

    return {
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
          checkGrpcServiceConfig({ value: { kind: 'value' }, at: property }),
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
          const classified = model.classify(call);
          const found = classified
            ? checkLibraries(classified)
            : retryWrapperFindings(model, call).map(finding => asLibraryFinding(finding, call.callee));
          for (const finding of found) {
            if (reported.has(key(finding))) continue;
            reported.add(key(finding));
            if (finding.problem === 'unboundedRetry')
              context.report({
                node: finding.node,
                messageId: 'unboundedRetry',
                data: { why: finding.why ?? '' },
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
