import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';

import { getProp } from '@faultline/catalog';
import { createModelRule } from './create-rule.js';
import { type Node, findNode, isFunction, unwrap } from './util/ast.js';
import { callbackBody } from './util/fan-out.js';
import type { Classified } from './util/file-model.js';
import { idempotencyKeyOf, methodOf } from './util/http-request.js';
import { retryAnalysis } from './util/retry.js';
import { CHECK_TESTS_ONLY_SCHEMA } from './util/test-files.js';
import { matchesFunctionRef } from './util/timeout-wrappers.js';

export type Options = [{ checkTests?: boolean }];
export type MessageIds = 'retriedWithoutKey' | 'widenedRetry';

const NON_IDEMPOTENT = new Set(['POST', 'PATCH']);
/** axios-retry's own conditions that never retry a POST/PATCH after it may have reached the server. */
const SAFE_AXIOS_CONDITIONS = new Set([
  'isNetworkOrIdempotentRequestError',
  'isIdempotentRequestError',
  'isSafeRequestError',
]);

export default createModelRule<Options, MessageIds>({
  name: 'require-idempotency-key',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require an idempotency key on retried non-idempotent requests',
      strict: true,
    },
    messages: {
      retriedWithoutKey:
        'This {{method}} is retried without an idempotency key: when an attempt reaches the server but its answer is lost (a timeout, a reset connection), the retry performs the operation twice (two charges, two orders). Send a key that stays the same across attempts, for example a `{{header}}` header generated once before the first attempt.',
      widenedRetry:
        'This retry configuration also retries non-idempotent requests (POST/PATCH): an attempt whose answer was lost is performed twice. Keep the default idempotent-only condition, or make sure every such request carries a `{{header}}`.',
    },
    schema: CHECK_TESTS_ONLY_SCHEMA,
    defaultOptions: [{ checkTests: false }],
  },
  needs: ['loops'],
  create(context, _options, { model }) {
    const header = model.settings.idempotencyHeaders[0] ?? 'Idempotency-Key';
    const reported = new Set<Node>();

    function checkAttempts(region: Node | undefined): void {
      if (!region) return;
      for (const remote of model.remoteCallsIn(region)) checkRequest(remote);
    }

    function checkRequest(remote: Classified): void {
      const method = methodOf(model, remote);
      if (!method || !NON_IDEMPOTENT.has(method)) return;
      if (idempotencyKeyOf(model, remote) !== 'no') return;
      if (reported.has(remote.node)) return;
      reported.add(remote.node);
      context.report({ node: remote.node.callee, messageId: 'retriedWithoutKey', data: { method, header } });
    }

    /** axios-retry's `retryCondition` and got/ky `retry.methods` that reach POST/PATCH. */
    function checkWidened(classified: Classified): void {
      const role = classified.role;
      if (role.role === 'retry' && role.library === 'axios-retry') {
        const condition = getProp(model.optionsOf(classified.node, role.options), 'retryCondition');
        if (!condition) return;
        const property = condition.at as TSESTree.Property;
        const value = unwrap(property.value as Node);
        const named = model.valueOf(value);
        if (
          named.kind === 'module' &&
          named.module === 'axios-retry' &&
          SAFE_AXIOS_CONDITIONS.has(named.path.join('.'))
        )
          return;
        // A custom condition that requires the safe one (`isIdempotentRequestError(e) && …`) keeps its
        // guarantee; anything it adds with `||`, or any other function, widens it.
        const body = isFunction(value) ? value.body : undefined;
        const callsSafe =
          body !== undefined &&
          model.calls.some(call => {
            if (call.range[0] < body.range[0] || call.range[1] > body.range[1]) return false;
            const callee = model.valueOf(call.callee);
            return (
              callee.kind === 'module' &&
              callee.module === 'axios-retry' &&
              SAFE_AXIOS_CONDITIONS.has(callee.path.join('.'))
            );
          });
        const widensWithOr =
          body !== undefined &&
          findNode(body, node => node.type === AST_NODE_TYPES.LogicalExpression && node.operator === '||') !==
            undefined;
        if (callsSafe && !widensWithOr) return;
        context.report({ node: property, messageId: 'widenedRetry', data: { header } });
        return;
      }
      if (
        (role.role === 'call' || role.role === 'factory') &&
        (role.family === 'got' || role.family === 'ky')
      ) {
        const summary = model.optionsOf(classified.node, role.options);
        const retry = getProp(summary, 'retry');
        if (retry?.value.kind !== 'object') return;
        const methods = retry.value.props.get('methods');
        const property = methods?.at as TSESTree.Property | undefined;
        if (property?.type !== AST_NODE_TYPES.Property) return;
        let list = unwrap(property.value as Node);
        if (list.type === AST_NODE_TYPES.Identifier) list = unwrap(model.constInit(list) ?? list);
        if (list.type !== AST_NODE_TYPES.ArrayExpression) return;
        const widened = list.elements.some(
          element =>
            element?.type === AST_NODE_TYPES.Literal &&
            typeof element.value === 'string' &&
            NON_IDEMPOTENT.has(element.value.toUpperCase()),
        );
        if (!widened) return;
        const headers = getProp(summary, 'headers');
        if (
          headers?.value.kind === 'object' &&
          [...headers.value.props.keys()].some(key =>
            model.settings.idempotencyHeaders.some(name => name.toLowerCase() === key.toLowerCase()),
          )
        )
          return;
        context.report({ node: property, messageId: 'widenedRetry', data: { header } });
      }
    }

    return {
      'Program:exit'(): void {
        for (const construct of retryAnalysis(model).all()) checkAttempts(construct.attempt);
        for (const call of model.calls) {
          const classified = model.classify(call);
          if (classified) {
            const role = classified.role;
            if (role.role === 'retry' && role.fnArg !== undefined)
              checkAttempts(callbackBody(model, call.arguments[role.fnArg] as Node | undefined));
            // `policy.execute(fn)` on a cockatiel retry policy, `operation.attempt(fn)` (node-retry)
            if (
              role.role === 'run' &&
              classified.origin &&
              classified.callee.kind === 'instance' &&
              (classified.callee.instance === 'cockatiel-retry' ||
                classified.callee.instance === 'retry-operation')
            ) {
              checkAttempts(callbackBody(model, call.arguments[role.fnArg] as Node | undefined));
            }
            checkWidened(classified);
            continue;
          }
          if (
            call.type === AST_NODE_TYPES.CallExpression &&
            matchesFunctionRef(model, call.callee, model.settings.retryWrappers)
          ) {
            for (const arg of call.arguments) if (isFunction(arg)) checkAttempts(arg.body);
          }
        }
      },
    };
  },
});
