import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { FAMILIES } from './catalog/clients.js';
import { getProp, isFalsyNone, isNoneValue, judge, showValue } from './catalog/judge.js';
import type { FamilyId, HttpFactsInput, Summary, Verdict } from './catalog/index.js';
import { createRule } from './create-rule.js';
import { type CallLike, type Node, findNode, memberName, propertyKey, unwrap } from './util/ast.js';
import { type Classified, type Origin, fileModel, mergeListeners } from './util/file-model.js';
import { addOptionFix } from './util/fix.js';
import { CHECK_TESTS_OPTION, isTestFile } from './util/test-files.js';
import { isTimeoutWrapped } from './util/timeout-wrappers.js';
import { instanceKindFromType, requireTypes } from './util/types.js';
import { lookupInstanceMember } from './catalog/clients.js';

export type Options = [
  {
    checkTests?: boolean;
    reportOpaqueOptions?: boolean;
    resolveInstancesByType?: boolean;
    requireTotalTimeout?: boolean;
    suggestedTimeoutMs?: number;
  },
];

export type MessageIds =
  | 'missingDeadline'
  | 'missingClientDeadline'
  | 'noneDeadline'
  | 'timeoutDoesNotAbort'
  | 'requestTimeoutDoesNotAbort'
  | 'untimedSignal'
  | 'waitsForever'
  | 'ignoredTimeout'
  | 'opaqueOptions'
  | 'suggestSignal'
  | 'suggestTimeout'
  | 'suggestGotTimeout'
  | 'suggestAnySignal';

/** Per-call options that bound one call of a construction-level client (AWS `send`, pg `query`). */
const PER_CALL_BOUNDS = ['abortSignal', 'requestTimeout', 'query_timeout', 'timeout', 'signal', 'deadline'];

export default createRule<Options, MessageIds>({
  name: 'require-timeout',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require a deadline on every remote call',
      recommended: true,
    },
    hasSuggestions: true,
    messages: {
      missingDeadline:
        '`{{callee}}` has no deadline: if the server stops answering, this call, and everything waiting on it, hangs forever. Fix: {{fix}}.',
      missingClientDeadline:
        'This {{label}} client is created without {{what}}: if the server stops answering, every call through it hangs forever. Fix: {{fix}}.',
      noneDeadline:
        '`{{key}}: {{value}}` turns off the {{label}} deadline, so the call can hang forever if the server stops answering. Use a finite value; {{fix}}.',
      timeoutDoesNotAbort:
        "node:http’s `timeout` only emits a 'timeout' event; it does not abort `{{callee}}`, which keeps waiting. Destroy the request in that handler (`req.on('timeout', () => req.destroy())`) or pass `signal: AbortSignal.timeout(ms)`.",
      requestTimeoutDoesNotAbort:
        'The AWS SDK’s `requestTimeout` only logs a warning when it passes, so the request keeps waiting. Add `throwOnRequestTimeout: true` next to it.',
      untimedSignal:
        'The signal given to `{{callee}}` is never aborted by a timer, so it bounds nothing in time and the call can hang forever. Combine it with a deadline: `AbortSignal.any([signal, AbortSignal.timeout(ms)])`.',
      waitsForever:
        '`maxRetriesPerRequest: null` makes ioredis hold commands forever while Redis is unreachable. Keep a small limit (the default is 20) and set `commandTimeout`.',
      ignoredTimeout:
        '`{{key}}` looks like a deadline but {{label}} ignores it, so this client still has none. Fix: {{fix}}.',
      opaqueOptions:
        '`{{callee}}` takes options faultline cannot see into; make sure they carry a deadline. Fix: {{fix}}.',
      suggestSignal: 'Add `signal: AbortSignal.timeout({{ms}})`.',
      suggestTimeout: 'Add `timeout: {{ms}}`.',
      suggestGotTimeout: 'Add `timeout: { request: {{ms}} }`.',
      suggestAnySignal: 'Combine the signal with `AbortSignal.timeout({{ms}})`.',
    },
    schema: [
      {
        type: 'object',
        additionalProperties: false,
        properties: {
          checkTests: CHECK_TESTS_OPTION,
          reportOpaqueOptions: {
            type: 'boolean',
            description:
              'Also report calls whose options come from an identifier, a call or a spread that faultline cannot see into.',
          },
          resolveInstancesByType: {
            type: 'boolean',
            description:
              'Use type information to recognise client instances whose construction is not visible in the file (needs typed linting).',
          },
          requireTotalTimeout: {
            type: 'boolean',
            description:
              'For got, require `timeout.request` (the total bound) rather than any phase timeout.',
          },
          suggestedTimeoutMs: {
            type: 'integer',
            minimum: 1,
            description: 'The timeout, in milliseconds, that suggestions write.',
          },
        },
      },
    ],
    defaultOptions: [
      {
        checkTests: false,
        reportOpaqueOptions: false,
        resolveInstancesByType: false,
        requireTotalTimeout: false,
        suggestedTimeoutMs: 10_000,
      },
    ],
  },
  create(context, [options]) {
    if (!options.checkTests && isTestFile(context.filename, context.cwd)) return {};
    const { model, collectors } = fileModel(context);
    const services = options.resolveInstancesByType
      ? requireTypes(context, 'require-timeout', 'resolveInstancesByType')
      : undefined;
    const ms = options.suggestedTimeoutMs ?? 10_000;
    const sourceCode = context.sourceCode;
    const reported = new Set<unknown>();

    const calleeText = (node: CallLike): string => {
      const text = sourceCode.getText(node.callee).replace(/\s+/g, ' ');
      return text.length > 40 ? `${text.slice(0, 37)}…` : text;
    };

    // ------------------------------------------------------------------ instance layers

    let layerIndex: Map<Origin | 'axios', Summary[]> | undefined;

    /** Defaults set after construction: `x.defaults.timeout = n`, and request interceptors that set one. */
    function laterLayers(): Map<Origin | 'axios', Summary[]> {
      if (layerIndex) return layerIndex;
      layerIndex = new Map();
      const add = (target: Node, key: string, value: Summary, at: Node): void => {
        const owner = model.valueOf(target);
        const slot: Origin | 'axios' | undefined =
          owner.kind === 'instance' && owner.path.length === 0
            ? owner.origin
            : owner.kind === 'module' && owner.module === 'axios' && owner.path.length === 0
              ? 'axios'
              : undefined;
        if (!slot) return;
        const layer: Summary = { kind: 'object', props: new Map([[key, { value, at }]]), hasSpread: false };
        const list = layerIndex?.get(slot);
        if (list) list.push(layer);
        else layerIndex?.set(slot, [layer]);
      };
      for (const assignment of model.defaultsAssignments) {
        const left = assignment.left as TSESTree.MemberExpression;
        const key = memberName(left);
        if (key !== 'timeout' && key !== 'signal') continue;
        const value =
          key === 'signal' ? model.summarizeSignal(assignment.right) : model.summarizeValue(assignment.right);
        add((left.object as TSESTree.MemberExpression).object, key, value, assignment);
      }
      for (const call of model.calls) {
        const callee = unwrap(call.callee);
        if (callee.type !== AST_NODE_TYPES.MemberExpression || memberName(callee) !== 'use') continue;
        const request = unwrap(callee.object);
        if (request.type !== AST_NODE_TYPES.MemberExpression || memberName(request) !== 'request') continue;
        const interceptors = unwrap(request.object);
        if (
          interceptors.type !== AST_NODE_TYPES.MemberExpression ||
          memberName(interceptors) !== 'interceptors'
        )
          continue;
        const handler = call.arguments[0];
        if (!handler) continue;
        const setsBound = findNode(handler, node => {
          if (
            node.type === AST_NODE_TYPES.AssignmentExpression &&
            node.left.type === AST_NODE_TYPES.MemberExpression
          ) {
            const name = memberName(node.left);
            return name === 'timeout' || name === 'signal';
          }
          if (node.type === AST_NODE_TYPES.Property) {
            const name = propertyKey(node);
            return name === 'timeout' || name === 'signal';
          }
          return false;
        });
        if (setsBound) add(interceptors.object, 'timeout', { kind: 'value' }, call);
      }
      return layerIndex;
    }

    /** What the instance a call goes through was configured with, outermost first. */
    function instanceLayers(classified: Classified): Summary[] {
      const layers: Summary[] = [];
      const family = classified.role.role === 'call' ? classified.role.family : undefined;
      if (family === 'axios') layers.push(...(laterLayers().get('axios') ?? []));
      const chain: Origin[] = [];
      for (let origin = classified.origin; origin; origin = origin.parent) chain.unshift(origin);
      for (const origin of chain) {
        if (origin.role.role === 'factory') layers.push(model.optionsOf(origin.node, origin.role.options));
        if (family === 'axios') layers.push(...(laterLayers().get(origin) ?? []));
      }
      return layers;
    }

    // ------------------------------------------------------------------ facts about the call

    /**
     * fetch(request): the init of the `new Request(url, init)` it was built from, when visible; an
     * incoming request passed on (`fetch(request)` in a proxy) may carry its own signal.
     */
    function requestInit(call: CallLike): Summary | undefined {
      const input = call.arguments[0];
      if (!input || input.type === AST_NODE_TYPES.SpreadElement) return undefined;
      const value = model.valueOf(input);
      if (
        value.kind === 'instance' &&
        value.instance === 'fetch-request' &&
        value.origin.role.role === 'factory'
      ) {
        return model.optionsOf(value.origin.node, value.origin.role.options);
      }
      const inner = unwrap(input);
      if (
        inner.type === AST_NODE_TYPES.Identifier &&
        !model.constInit(inner) &&
        (/^(req|request|incoming)/i.test(inner.name) || /Request$/.test(inner.name))
      ) {
        return { kind: 'opaque', at: inner };
      }
      return undefined;
    }

    /** node:http: does a 'timeout' handler destroy the request, is `setTimeout` called, does it escape? */
    function httpFacts(call: CallLike): HttpFactsInput {
      const facts: HttpFactsInput = { destroysOnTimeout: false, setsTimeout: false, escapes: false };
      const destroys = (handler: Node | undefined): boolean => {
        if (!handler) return false;
        let body: Node = handler;
        const inner = unwrap(handler);
        if (inner.type === AST_NODE_TYPES.Identifier) {
          const init = model.constInit(inner);
          const variable = model.findVariable(inner);
          const def = variable?.defs[0];
          body = init ?? (def?.type === 'FunctionName' ? (def.node as Node) : inner);
        }
        return (
          findNode(body, node => {
            if (node.type !== AST_NODE_TYPES.MemberExpression) return false;
            const name = memberName(node);
            return name === 'destroy' || name === 'abort';
          }) !== undefined
        );
      };
      // `setTimeout(() => req.destroy(), ms)`: a timer that destroys the request is a deadline.
      const destroyedByTimer = (use: Node): void => {
        const member = use.parent;
        if (
          member?.type === AST_NODE_TYPES.MemberExpression &&
          member.object === use &&
          /^(destroy|abort)$/.test(memberName(member) ?? '') &&
          model.isInsideTimer(member)
        ) {
          facts.destroysOnTimeout = true;
        }
      };
      const inspectUse = (receiver: Node): void => {
        // `req.on('timeout', h)`, `req.once(…)`, `req.setTimeout(ms, h)`, possibly chained.
        let current: Node = receiver;
        for (let step = 0; step < 8; step++) {
          const member = current.parent;
          if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== current) return;
          const call = member.parent;
          if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== member) return;
          const name = memberName(member);
          if (
            (name === 'on' || name === 'once' || name === 'addListener' || name === 'prependListener') &&
            model.summarizeValue(call.arguments[0] as Node).kind === 'string'
          ) {
            const event = call.arguments[0] as TSESTree.Literal;
            if (event.value === 'timeout' && destroys(call.arguments[1])) facts.destroysOnTimeout = true;
          } else if (name === 'setTimeout') {
            facts.setsTimeout = true;
            if (destroys(call.arguments[1])) facts.destroysOnTimeout = true;
          }
          current = call;
        }
      };
      inspectUse(call);
      // Walk up the chain (`http.get(...).on(...)`) to where the request ends up.
      let top: Node = call;
      while (
        top.parent?.type === AST_NODE_TYPES.MemberExpression &&
        top.parent.object === top &&
        top.parent.parent?.type === AST_NODE_TYPES.CallExpression
      ) {
        top = top.parent.parent;
      }
      const parent = top.parent;
      if (
        parent?.type === AST_NODE_TYPES.VariableDeclarator &&
        parent.id.type === AST_NODE_TYPES.Identifier
      ) {
        const variable = model.findVariable(parent.id);
        for (const reference of variable?.references ?? []) {
          if (reference.init) continue;
          const use = reference.identifier as Node;
          const useParent = use.parent;
          destroyedByTimer(use);
          if (useParent?.type === AST_NODE_TYPES.MemberExpression && useParent.object === use)
            inspectUse(use);
          else if (
            useParent?.type === AST_NODE_TYPES.CallExpression ||
            useParent?.type === AST_NODE_TYPES.ReturnStatement ||
            useParent?.type === AST_NODE_TYPES.AssignmentExpression ||
            useParent?.type === AST_NODE_TYPES.Property ||
            useParent?.type === AST_NODE_TYPES.ArrayExpression
          ) {
            facts.escapes = true;
          }
        }
      } else if (
        parent?.type === AST_NODE_TYPES.ReturnStatement ||
        (parent?.type === AST_NODE_TYPES.ArrowFunctionExpression && parent.body === top)
      ) {
        facts.escapes = true;
      } else if (parent?.type === AST_NODE_TYPES.CallExpression && parent.callee !== top) {
        facts.escapes = true;
      }
      return facts;
    }

    /** superagent: a `.timeout(…)` somewhere along the chain, or on the variable holding the request. */
    function superagentBounded(call: CallLike): boolean {
      let current: Node = call;
      for (let step = 0; step < 20; step++) {
        const member: Node | undefined = current.parent;
        if (
          member?.type === AST_NODE_TYPES.MemberExpression &&
          member.object === current &&
          member.parent?.type === AST_NODE_TYPES.CallExpression
        ) {
          if (memberName(member) === 'timeout') return true;
          current = member.parent;
          continue;
        }
        if (member?.type === AST_NODE_TYPES.AwaitExpression) return false;
        if (
          member?.type === AST_NODE_TYPES.VariableDeclarator &&
          member.id.type === AST_NODE_TYPES.Identifier
        ) {
          const variable = model.findVariable(member.id);
          return (variable?.references ?? []).some(reference => {
            const parent = (reference.identifier as Node).parent;
            return parent?.type === AST_NODE_TYPES.MemberExpression && memberName(parent) === 'timeout';
          });
        }
        return false;
      }
      return false;
    }

    // ------------------------------------------------------------------ reporting

    function report(classified: Classified, verdict: Verdict, construction: boolean): void {
      const call = classified.node;
      const role = classified.role;
      const family = FAMILIES[role.role === 'call' || role.role === 'factory' ? role.family : 'grpc'];
      const data = { callee: calleeText(call), label: family.label, fix: family.fix };
      switch (verdict.status) {
        case 'bounded':
          return;
        case 'unknown':
          if (options.reportOpaqueOptions && !construction)
            context.report({ node: call.callee, messageId: 'opaqueOptions', data });
          return;
        case 'missing': {
          if (construction) {
            const what = verdict.detail
              ? verdict.detail.startsWith('`')
                ? verdict.detail
                : `\`${verdict.detail}\``
              : 'a deadline';
            context.report({
              node: call.callee,
              messageId: 'missingClientDeadline',
              data: { label: data.label, fix: data.fix, what },
            });
            return;
          }
          context.report({
            node: call.callee,
            messageId: 'missingDeadline',
            data,
            suggest: suggestions(classified, family.suggestion),
          });
          return;
        }
        case 'none': {
          const at = (verdict.at as Node | undefined) ?? call.callee;
          if (reported.has(at)) return;
          reported.add(at);
          context.report({
            node: at,
            messageId: 'noneDeadline',
            data: { label: data.label, fix: data.fix, key: verdict.key, value: verdict.value },
          });
          return;
        }
        case 'doesNotAbort': {
          const at = (verdict.at as Node | undefined) ?? call.callee;
          if (reported.has(at)) return;
          reported.add(at);
          context.report({
            node: at,
            messageId: verdict.how === 'aws' ? 'requestTimeoutDoesNotAbort' : 'timeoutDoesNotAbort',
            data,
          });
          return;
        }
        case 'untimedSignal': {
          const at = (verdict.at as Node | undefined) ?? call.callee;
          context.report({ node: at, messageId: 'untimedSignal', data, suggest: anySignalSuggestion(at) });
          return;
        }
        case 'waitsForever':
          context.report({
            node: (verdict.at as Node | undefined) ?? call.callee,
            messageId: 'waitsForever',
            data,
          });
          return;
        case 'ignored':
          context.report({
            node: (verdict.at as Node | undefined) ?? call.callee,
            messageId: 'ignoredTimeout',
            data: { label: data.label, fix: data.fix, key: verdict.key },
          });
          return;
      }
    }

    /** Wraps the signal in `AbortSignal.any([signal, AbortSignal.timeout(ms)])`, keeping shorthand valid. */
    function anySignalSuggestion(at: Node): TSESLint.SuggestionReportDescriptor<MessageIds>[] {
      if (at.type !== AST_NODE_TYPES.Property) return [];
      const value = at.value as Node;
      const combined = `AbortSignal.any([${sourceCode.getText(value)}, AbortSignal.timeout(${ms})])`;
      const key = propertyKey(at);
      return [
        {
          messageId: 'suggestAnySignal',
          data: { ms },
          fix: fixer =>
            at.shorthand ? fixer.replaceText(at, `${key}: ${combined}`) : fixer.replaceText(value, combined),
        },
      ];
    }

    function suggestions(
      classified: Classified,
      kind: 'signal' | 'timeout' | 'got-timeout' | undefined,
    ): TSESLint.SuggestionReportDescriptor<MessageIds>[] {
      if (!kind || classified.role.role !== 'call') return [];
      const call = classified.node;
      const locator = classified.role.options;
      const text =
        kind === 'signal'
          ? `signal: AbortSignal.timeout(${ms})`
          : kind === 'timeout'
            ? `timeout: ${ms}`
            : `timeout: { request: ${ms} }`;
      const messageId: MessageIds =
        kind === 'signal' ? 'suggestSignal' : kind === 'timeout' ? 'suggestTimeout' : 'suggestGotTimeout';
      const args = call.arguments;
      let index: number;
      if ('at' in locator) index = locator.at;
      else if ('configOrUrl' in locator)
        index = args[0] && unwrap(args[0]).type === AST_NODE_TYPES.ObjectExpression ? 0 : 1;
      else return [];
      const fix = addOptionFix(call, index, text);
      return fix ? [{ messageId, data: { ms }, fix }] : [];
    }

    // ------------------------------------------------------------------ checks

    function checkCall(classified: Classified, family: FamilyId): void {
      const call = classified.node;
      const role = classified.role;
      if (role.role !== 'call') return;
      let verdict: Verdict;
      if (family === 'superagent') {
        verdict = superagentBounded(call) ? { status: 'bounded' } : { status: 'missing' };
      } else {
        const input = {
          options: model.optionsOf(call, role.options),
          instance: instanceLayers(classified),
          requireTotalTimeout: options.requireTotalTimeout ?? false,
          ...(family === 'fetch' ? { request: requestInit(call) } : {}),
          ...(family === 'http' ? { http: httpFacts(call) } : {}),
          ...(classified.custom ? { keys: classified.custom.timeoutKeys } : {}),
        };
        if (classified.custom?.boundedByDefault) {
          verdict = judgeBoundedByDefault(input.options, input.instance, classified.custom.timeoutKeys);
        } else {
          verdict = judge(family, input);
        }
      }
      if (
        (verdict.status === 'missing' || verdict.status === 'untimedSignal') &&
        isTimeoutWrapped(model, call)
      )
        return;
      report(classified, verdict, false);
    }

    /** Explicit "none" values written into a factory's options (`axios.create({ timeout: 0 })`). */
    function checkFactoryOptions(classified: Classified): void {
      const role = classified.role;
      if (role.role !== 'factory') return;
      const summary = model.optionsOf(classified.node, role.options);
      if (summary.kind !== 'object') return;
      // The family's own judgement of the factory's options alone: a "none" written there is reported there, once.
      if (role.family === 'undici') {
        for (const key of ['headersTimeout', 'bodyTimeout', 'connectTimeout']) {
          const prop = getProp(summary, key);
          if (prop && isNoneValue(prop.value))
            report(classified, { status: 'none', key, value: showValue(prop.value), at: prop.at }, true);
        }
        return;
      }
      const verdict = judge(role.family, { options: summary, instance: [] });
      if (verdict.status === 'none') report(classified, verdict, true);
    }

    function checkConstruction(classified: Classified, family: FamilyId): void {
      const role = classified.role;
      if (role.role !== 'factory' || role.inheritsFrom) return;
      const call = classified.node;
      const summary = model.optionsOf(call, role.options);
      const instance =
        family === 'mongodb' && call.arguments[0] ? [model.summarizeTop(call.arguments[0])] : [];
      const verdict = judge(family, { options: summary, instance });
      if (verdict.status === 'missing' && isBoundedPerCall(classified)) return;
      report(classified, verdict, true);
      // ioredis: `maxRetriesPerRequest: null` and a missing `commandTimeout` are two fixes; say both.
      if (verdict.status === 'waitsForever') {
        const rest = judge(family, { options: withoutKey(summary, 'maxRetriesPerRequest'), instance });
        if (rest.status === 'missing') report(classified, rest, true);
      }
    }

    /** A client built without a bound whose every visible use passes one per call (`send(cmd, { abortSignal })`). */
    function isBoundedPerCall(construction: Classified): boolean {
      let uses = 0;
      for (const call of model.calls) {
        const classified = model.classify(call);
        if (!classified || classified.role.role !== 'call') continue;
        let origin = classified.origin;
        while (origin && origin.node !== construction.node) origin = origin.parent;
        if (!origin) continue;
        uses++;
        const perCall = model.optionsOf(call, classified.role.options);
        const bounded = PER_CALL_BOUNDS.some(key => {
          const prop = getProp(perCall, key);
          if (!prop) return false;
          if (prop.value.kind === 'signal') return prop.value.timed !== 'no';
          return !isNoneValue(prop.value);
        });
        if (!bounded) return false;
      }
      return uses > 0;
    }

    function checkTypedInstance(call: CallLike): void {
      if (!services) return;
      const callee = unwrap(call.callee);
      if (callee.type !== AST_NODE_TYPES.MemberExpression) return;
      const name = memberName(callee);
      if (name === undefined) return;
      const instance = instanceKindFromType(services, callee.object);
      if (!instance) return;
      const role = lookupInstanceMember(instance, [name]);
      if (role?.role !== 'call' || FAMILIES[role.family].reportAt !== 'call') return;
      // The instance's own configuration is not visible: it counts as opaque options.
      const classified: Classified = { node: call, role, callee: { kind: 'unknown' } };
      const verdict = judge(role.family, {
        options: model.optionsOf(call, role.options),
        instance: role.family === 'grpc' ? [] : [{ kind: 'opaque' }],
      });
      if (
        (verdict.status === 'missing' || verdict.status === 'untimedSignal') &&
        isTimeoutWrapped(model, call)
      )
        return;
      report(classified, verdict, false);
    }

    return mergeListeners(collectors, {
      'Program:exit'(): void {
        for (const call of model.calls) {
          const classified = model.classify(call);
          if (!classified) {
            if (services && call.callee.type === AST_NODE_TYPES.MemberExpression) checkTypedInstance(call);
            continue;
          }
          const role = classified.role;
          if (role.role !== 'call' && role.role !== 'factory') continue;
          const family = FAMILIES[role.family];
          if (role.role === 'call') {
            if (family.reportAt === 'call') checkCall(classified, role.family);
          } else if (family.reportAt === 'construction') {
            checkConstruction(classified, role.family);
          } else {
            checkFactoryOptions(classified);
          }
        }
        for (const assignment of model.defaultsAssignments) {
          const left = assignment.left as TSESTree.MemberExpression;
          if (memberName(left) !== 'timeout') continue;
          const owner = model.valueOf((left.object as TSESTree.MemberExpression).object);
          const isAxios =
            (owner.kind === 'module' && owner.module === 'axios') ||
            (owner.kind === 'instance' && owner.instance === 'axios');
          const value = model.summarizeValue(assignment.right);
          if (isAxios && isFalsyNone(value) && !reported.has(assignment)) {
            reported.add(assignment);
            context.report({
              node: assignment,
              messageId: 'noneDeadline',
              data: {
                key: 'defaults.timeout',
                value: showValue(value),
                label: 'axios',
                fix: FAMILIES.axios.fix,
              },
            });
          }
        }
      },
    });
  },
});

/** A copy of an object summary without one key (and without it inside `redisOptions`). */
function withoutKey(summary: Summary, key: string): Summary {
  if (summary.kind !== 'object') return summary;
  const props = new Map(summary.props);
  props.delete(key);
  const nested = props.get('redisOptions');
  if (nested) props.set('redisOptions', { ...nested, value: withoutKey(nested.value, key) });
  return { ...summary, props };
}

/** Custom clients with a finite default: only an explicit none value is a problem. */
function judgeBoundedByDefault(
  options: Summary,
  instance: readonly Summary[],
  keys: readonly string[],
): Verdict {
  for (const layer of [options, ...instance]) {
    for (const key of keys) {
      const prop = getProp(layer, key);
      if (prop && isNoneValue(prop.value))
        return { status: 'none', key, value: showValue(prop.value), at: prop.at };
    }
  }
  return { status: 'bounded' };
}
