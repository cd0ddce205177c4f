import path from 'node:path';

import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import {
  type CallFacts,
  type DispatcherFacts,
  type Family,
  type FamilyId,
  type InstanceKind,
  type Verdict,
  CLIENT_FAMILIES,
  FAMILIES,
  hasPerCallBound,
  decideDeadline,
  decideFactoryOptions,
  familyFix,
  isFalsyNone,
  lookupInstanceMember,
  showValue,
  wrapperMatters,
} from '@faultline/catalog';
import { createModelRule } from './create-rule.js';
import {
  type CallLike,
  type FunctionNode,
  type Node,
  memberChain,
  memberName,
  propertyKey,
  requireCall,
  unwrap,
  oneLine,
  shortCallee,
} from './util/ast.js';
import { type DeadlineCarrier, givesDeadline, requestAt, wrapperCall } from './util/deadline-carrier.js';
import { type WrittenOptions, deadlineReader } from './util/deadline-facts.js';
import { versionFacts } from './util/package-versions.js';
import type { Classified } from './util/file-model.js';
import { escapingClientVerdicts } from './util/escaping-clients.js';
import { type Answers, answersOf, noCallerReaches, nobodyWaits } from './util/waiters.js';
import { isBrowserModule } from './util/browser-module.js';
import { isPresignOnly } from './util/presign.js';
import { isBlockingCommand, isSubscriberConnection, isSubscription } from './util/subscriber.js';
import { fileUrlLookups, loopbackCall } from './util/url-lookups.js';
import { addOptionFix } from './util/fix.js';
import { awaitedIn } from './util/project-calls/bare-requests.js';
import { patternKey } from './util/project-calls/bindings.js';
import {
  type HeldInstance,
  processConstructions,
  projectDispatchers,
  projectBareRequests,
  projectTypedInstances,
  projectUnboundedCalls,
} from './util/project-calls.js';
import {
  type ProjectConstruction,
  projectClientDefaults,
  projectSetsGlobalDispatcher,
} from './util/project-facts.js';
import { CHECK_TESTS_OPTION } from './util/test-files.js';
import { isTimeoutWrapped } from './util/timeout-wrappers.js';
import { instanceKindFromType, requireTypes } from './util/types.js';

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
  | 'dispatcherWithoutDeadline'
  | 'wrapperNeverBounded'
  | 'wrapperWithoutDeadline'
  | 'injectedClientWithoutDeadline'
  | 'projectCallWithoutBound'
  | 'projectCallWithoutDeadline'
  | 'projectRequestWithoutDeadline'
  | 'missingClientDeadline'
  | 'clientCannotBound'
  | 'noneDeadline'
  | 'timeoutDoesNotAbort'
  | 'requestTimeoutDoesNotAbort'
  | 'untimedSignal'
  | 'ignoredTimeout'
  | 'opaqueOptions'
  | 'suggestSignal'
  | 'suggestTimeout'
  | 'suggestGotTimeout'
  | 'suggestAnySignal';

/** The clients of a project's process that have no deadline, and what calls on them need to know. */
interface UnboundedClients {
  /** The kinds of client made, none with a deadline, each with where they are made. */
  kinds: Map<InstanceKind, ProjectConstruction[]>;
  /** The modules those clients come from (`@solana/web3.js`), which a module must name to lead to one. */
  modules: string[];
  /** True when `method` is a call on one of those clients. */
  callsMethod(method: string): boolean;
}

/**
 * Per index of the clients a process makes (the same object while no module that makes one
 * changes): what the files linted against it ask, derived once instead of once per file or call.
 */
const unboundedByIndex = new WeakMap<Map<InstanceKind, ProjectConstruction[]>, UnboundedClients>();

/** `ioredis client`, but `Slack WebClient` and a team's `client`: the label once it names a client. */
function clientNamed(label: string): string {
  return /client$/i.test(label) ? label : `${label} client`;
}

function unboundedClients(made: Map<InstanceKind, ProjectConstruction[]>): UnboundedClients {
  let found = unboundedByIndex.get(made);
  if (found) return found;
  const kinds = new Map<InstanceKind, ProjectConstruction[]>();
  // A queue's connection (judged unknown) keeps its kind from being reported at the calls, as any
  // client whose deadline cannot be told does: the calls may go through it. The clients of the
  // kind with no deadline are still reported where they are made.
  for (const [instance, list] of made)
    if (list.every(construction => construction.unbounded)) kinds.set(instance, list);
  const modules = [...new Set([...kinds.values()].flat().map(construction => construction.module))];
  const methods = new Map<string, boolean>();
  found = {
    kinds,
    modules,
    callsMethod(method: string): boolean {
      let answer = methods.get(method);
      if (answer === undefined) {
        answer = [...kinds.keys()].some(kind => lookupInstanceMember(kind, [method])?.role === 'call');
        methods.set(method, answer);
      }
      return answer;
    },
  };
  unboundedByIndex.set(made, found);
  return found;
}

export default createModelRule<Options, MessageIds>({
  name: 'require-timeout',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require a deadline on every remote call',
      recommended: true,
    },
    hasSuggestions: true,
    messages: {
      wrapperNeverBounded:
        '`{{request}}` takes its deadline only from the `{{key}}` the callers of `{{callee}}` give it, and none of its {{count}} calls in this file gives one, so it can hang forever. Bound it here ({{bound}}), or pass `{{key}}` at the calls.',
      wrapperWithoutDeadline:
        '`{{callee}}` bounds its request only with the `{{key}}` it is given (it passes it to `{{request}}` at {{where}}); this call gives none, so it can hang forever. Pass `{{key}}`.',
      missingDeadline:
        '`{{callee}}` has no deadline: if the server stops answering, this call, and everything waiting on it, {{hang}}. Fix: {{fix}}.',
      dispatcherWithoutDeadline:
        '`{{callee}}` has no deadline: {{why}}, so if the server stops answering, this call, and everything waiting on it, {{hang}}. Fix: {{fix}}, or give the dispatcher a `headersTimeout` and a `bodyTimeout` under 300 s.',
      projectCallWithoutBound:
        '`{{callee}}` reaches `{{inner}}` ({{at}}), which is bounded only by the signal or timeout it is handed, and this call hands none; every client of {{label}} the project makes has no deadline of its own ({{where}}): if the server stops answering, this call, and everything waiting on it, hangs forever. Fix: pass a signal or timeout here, or give the client a deadline where it is made: {{fix}}.',
      projectCallWithoutDeadline:
        '`{{callee}}` reaches `{{inner}}` ({{at}}) on a client of {{label}}, and every such client the project makes has no deadline ({{where}}): if the server stops answering, this call, and everything waiting on it, hangs forever. Fix where it is made: {{fix}}.',
      projectRequestWithoutDeadline:
        '`{{callee}}` reaches `{{inner}}` ({{at}}), which sends its {{label}} request with no deadline: if the server stops answering, this call, and everything waiting on it, {{hang}}. Fix it there: {{fix}}.',
      injectedClientWithoutDeadline:
        '`{{callee}}` goes through a client of {{label}}, and every such client the project makes has no deadline ({{where}}): if the server stops answering, this call, and everything waiting on it, hangs forever. Fix where it is made: {{fix}}.',
      missingClientDeadline:
        'This {{client}} is created without {{what}}: if the server stops answering, every call through it {{hang}}. Fix: {{fix}}.',
      clientCannotBound:
        '{{limitation}}, so calls through this {{client}} that carry no deadline of their own hang forever if the server stops answering. Fix: {{fix}}.',
      noneDeadline:
        '`{{key}}: {{value}}` turns off the {{label}} deadline, so the call can hang forever if the server stops answering. Use a finite value; {{fix}}.',
      timeoutDoesNotAbort:
        "node:http’s `timeout` only emits a 'timeout' event; it does not abort `{{callee}}`, which keeps waiting. Destroy the request in that handler (`req.on('timeout', () => req.destroy())`) or pass `signal: AbortSignal.timeout(ms)`.",
      requestTimeoutDoesNotAbort:
        'The AWS SDK’s `requestTimeout` only logs a warning when it passes, so the request keeps waiting. Add `throwOnRequestTimeout: true` next to it{{note}}.',
      untimedSignal:
        'The signal given to `{{callee}}` is never aborted by a timer, so it bounds nothing in time and the call can hang forever. Combine it with a deadline: `AbortSignal.any([signal, AbortSignal.timeout(ms)])`.',
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
  create(context, [options], { model }) {
    const services = options.resolveInstancesByType
      ? requireTypes(context, 'require-timeout', 'resolveInstancesByType')
      : undefined;
    const ms = options.suggestedTimeoutMs ?? 10_000;
    const sourceCode = context.sourceCode;
    // Browser code: a request there holds up one user's tab, not a service.
    if (isBrowserModule(sourceCode)) return {};
    const reported = new Set<unknown>();

    const calleeText = (node: CallLike): string => shortCallee(sourceCode.getText(node.callee));

    /** How a call answers: as its family does, unless its module is one of the family's promise wrappers. */
    const answersOfCall = (classified: Classified, family: Family): Answers =>
      classified.callee.kind === 'module' && family.promiseModules?.includes(classified.callee.module)
        ? 'promise'
        : answersOf(family);

    // ------------------------------------------------------------------ reporting

    /** `writtenAt`: where another module writes a construction's options (`config.ts:8`), named in its report. */
    function report(
      classified: Classified,
      verdict: Verdict,
      construction: boolean,
      writtenAt?: string,
    ): void {
      const call = classified.node;
      const role = classified.role;
      const family = FAMILIES[role.role === 'call' || role.role === 'factory' ? role.family : 'grpc'];
      // The fix worded for the versions the project declares, when the decision read them.
      const fix = 'fix' in verdict && verdict.fix !== undefined ? verdict.fix : family.fix;
      const data = { callee: calleeText(call), label: family.label, fix };
      switch (verdict.status) {
        case 'bounded':
          return;
        case 'unknown':
          if (options.reportOpaqueOptions && !construction)
            context.report({ node: call.callee, messageId: 'opaqueOptions', data });
          return;
        case 'missing': {
          if (construction && verdict.limitation) {
            context.report({
              node: call.callee,
              messageId: 'clientCannotBound',
              data: { client: clientNamed(data.label), fix: data.fix, limitation: verdict.limitation },
            });
            return;
          }
          if (construction) {
            const missing = verdict.detail
              ? verdict.detail.startsWith('`')
                ? verdict.detail
                : `\`${verdict.detail}\``
              : 'a deadline';
            const what = writtenAt ? `${missing} (its options are written at ${writtenAt})` : missing;
            context.report({
              node: call.callee,
              messageId: 'missingClientDeadline',
              data: {
                client: clientNamed(data.label),
                fix: data.fix,
                what,
                hang: family.hang ?? 'hangs forever',
              },
            });
            return;
          }
          // Nothing waits for a request whose promise is dropped (`void ping()`, a statement of its
          // own, or inside a function whose own promise is dropped): a silent server leaves a
          // pending socket, not a caller hanging.
          if (nobodyWaits(model, call, 0, answersOfCall(classified, family))) return;
          // `if (!options) return fetch(url)` in a helper every caller hands options: never sent unbounded.
          if (noCallerReaches(model, call)) return;
          // The call's own undici dispatcher is no deadline: say why.
          if (verdict.dispatcher) {
            context.report({
              node: call.callee,
              messageId: 'dispatcherWithoutDeadline',
              data: {
                callee: data.callee,
                fix: data.fix,
                why: verdict.dispatcher.why,
                hang: verdict.dispatcher.hang,
              },
              suggest: suggestions(classified, family.suggestion),
            });
            return;
          }
          context.report({
            node: call.callee,
            messageId: 'missingDeadline',
            data: {
              callee: data.callee,
              fix: data.fix,
              hang: family.hang ?? 'hangs forever',
            },
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
            data: { ...data, note: verdict.note ?? '' },
          });
          return;
        }
        case 'untimedSignal': {
          const at = (verdict.at as Node | undefined) ?? call.callee;
          context.report({ node: at, messageId: 'untimedSignal', data, suggest: anySignalSuggestion(at) });
          return;
        }
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

    /** Dispatchers imported from modules of the project, asked for only when a fetch is handed one. */
    let dispatchers:
      ((name: TSESTree.Identifier, called?: boolean) => DispatcherFacts | undefined) | undefined;
    const reader = deadlineReader(
      model,
      family => projectClientDefaults(context, family),
      (family, module) => versionFacts(context.filename, family, module),
      () => projectSetsGlobalDispatcher(context),
      (name, called) => {
        dispatchers ??= projectDispatchers(context) ?? (() => undefined);
        return dispatchers(name, called);
      },
    );

    /**
     * `'/api/tags'`, `` `${BASE_PATH}/${id}` `` with `BASE_PATH = '/api/v3'`: a URL relative to the
     * page. A server's fetch cannot take one (it needs an absolute URL), so the request runs in a
     * browser: the browser bounds it and the user can leave; no server waits on it.
     */
    function isRelativeUrl(input: Node | undefined, depth = 0): boolean {
      if (!input || depth > 2) return false;
      const node = unwrap(input);
      const relative = (text: string | undefined): boolean =>
        text !== undefined && text.startsWith('/') && !text.startsWith('//');
      if (node.type === AST_NODE_TYPES.Literal) return typeof node.value === 'string' && relative(node.value);
      if (node.type === AST_NODE_TYPES.TemplateLiteral) {
        const head = node.quasis[0]?.value.cooked ?? '';
        if (head !== '') return relative(head);
        return isRelativeUrl(node.expressions[0] as Node | undefined, depth + 1);
      }
      if (node.type === AST_NODE_TYPES.BinaryExpression && node.operator === '+')
        return isRelativeUrl(node.left as Node, depth + 1);
      if (node.type === AST_NODE_TYPES.Identifier) return isRelativeUrl(model.constInit(node), depth + 1);
      return false;
    }

    /** The index of the parameter a wrapper's request fetches as its URL, as it is; -1 when it builds the URL. */
    function urlParameter(fn: FunctionNode, request: TSESTree.CallExpression): number {
      const url = request.arguments[0] ? unwrap(request.arguments[0] as Node) : undefined;
      if (url?.type !== AST_NODE_TYPES.Identifier) return -1;
      return fn.params.findIndex(
        param => param.type === AST_NODE_TYPES.Identifier && param.name === url.name,
      );
    }

    /**
     * The global `fetch` called with a page-relative URL, or Nuxt's and Nitro's global `$fetch`, which
     * calls a route of the server itself without a request.
     */
    function isBrowserFetch(call: CallLike): boolean {
      if (call.type !== AST_NODE_TYPES.CallExpression) return false;
      const value = model.valueOf(call.callee);
      return (
        value.kind === 'global' &&
        /^(?:fetch|\$fetch(?:\.raw)?)$/.test(value.path.join('.')) &&
        isRelativeUrl(call.arguments[0] as Node)
      );
    }

    const urlLookups = fileUrlLookups(context, model);

    function checkCall(classified: Classified): void {
      if (isBrowserFetch(classified.node)) return;
      const verdict = reader.decide(classified, options.requireTotalTimeout ?? false);
      // Where the URL is read (another module's const, perhaps): only for a call about to be reported.
      if (verdict && !loopbackCall(classified, urlLookups)) report(classified, verdict, false);
    }

    /**
     * A call through a client known only by its declared type (`constructor(private readonly
     * connection: Connection)`) of a family bounded where it is made: reported when the project
     * makes clients of that kind and the catalog finds none of them bounded. A bound of the call's
     * own (per-call options, a timeout wrapper) counts as usual.
     */
    function checkInjected(classified: Classified): void {
      const role = classified.role;
      const callee = classified.callee;
      if (role.role !== 'call' || callee.kind !== 'instance' || callee.origin) return;
      if (FAMILIES[role.family].reportAt !== 'construction' || !unboundedKinds().has(callee.instance)) return;
      const facts = reader.callFacts(classified);
      if (!facts || hasPerCallBound(facts.options) || facts.chainTimeout || facts.wrappedByTimeout) return;
      reportInjected(classified.node, callee.instance, role.family);
    }

    let typedInstances: ReturnType<typeof projectTypedInstances> | null = null;
    let unboundedCalls: ReturnType<typeof projectUnboundedCalls> | null = null;
    let unbounded: UnboundedClients | undefined;

    /**
     * The kinds of client the project makes, none with a deadline (pg pools, Solana
     * connections…), each with where they are made; read once per file.
     */
    function unboundedKinds(): Map<InstanceKind, ProjectConstruction[]> {
      unbounded ??= unboundedClients(processConstructions(context));
      return unbounded.kinds;
    }

    /**
     * A call the file's reader cannot place that reaches a client through fields declared with
     * classes of the project (`solana.connection.getAccountInfo(…)`, `this.solana.connection…`):
     * judged like a call through a client known by its declared type.
     */
    function checkProjectTyped(call: TSESTree.CallExpression): void {
      const kinds = unboundedKinds();
      if (kinds.size === 0) {
        checkProjectFunction(call);
        return;
      }
      const callee = unwrap(call.callee);
      // `redis.del(key)` on a client another module of the project makes and exports (`export
      // const redis = new Redis(url)`, `let redis: Redis; redis = new Redis(url); export { redis }`).
      if (callee.type === AST_NODE_TYPES.MemberExpression && checkHeldClient(call, callee)) return;
      // At least `value.field.method(…)`, one member deeper than the file's reader looks, and a
      // method that is a call on one of those clients.
      const method = callee.type === AST_NODE_TYPES.MemberExpression ? memberName(callee) : undefined;
      const object = method ? unwrap((callee as TSESTree.MemberExpression).object) : undefined;
      if (
        !method ||
        !(object?.type === AST_NODE_TYPES.MemberExpression || (object && readFromDeclared(object))) ||
        !(unbounded as UnboundedClients).callsMethod(method)
      ) {
        checkProjectFunction(call);
        return;
      }
      if (!mayReachProject(call)) return;
      if (typedInstances === null)
        typedInstances = projectTypedInstances(
          context,
          kind => kinds.has(kind),
          (unbounded as UnboundedClients).modules,
        );
      const found = typedInstances?.(call);
      if (!found) {
        checkProjectFunction(call);
        return;
      }
      const role = lookupInstanceMember(found.instance, found.path ?? [found.method]);
      if (role?.role !== 'call' || FAMILIES[role.family].reportAt !== 'construction') return;
      if (hasPerCallBound(model.optionsOf(call, role.options)) || isTimeoutWrapped(model, call)) return;
      reportInjected(call, found.instance, role.family);
    }

    /**
     * A name the file's reader cannot place that is read from a value declared with a type:
     * destructured from a parameter declared with a named type (`({ s3 }: Deps)`), or a `const`
     * read from a member chain (`const s3 = deps.s3`, `const { redis } = this.deps`).
     */
    function readFromDeclared(node: Node): boolean {
      if (node.type !== AST_NODE_TYPES.Identifier) return false;
      const def = model.findVariable(node)?.defs[0];
      if (def?.type === 'Parameter') {
        let property: Node | undefined = (def.name as Node).parent;
        if (property?.type === AST_NODE_TYPES.AssignmentPattern) property = property.parent;
        const pattern = property?.type === AST_NODE_TYPES.Property ? property.parent : undefined;
        return (
          pattern?.type === AST_NODE_TYPES.ObjectPattern &&
          pattern.typeAnnotation?.typeAnnotation.type === AST_NODE_TYPES.TSTypeReference
        );
      }
      if (
        def?.type !== 'Variable' ||
        def.node.type !== AST_NODE_TYPES.VariableDeclarator ||
        def.parent?.type !== AST_NODE_TYPES.VariableDeclaration ||
        def.parent.kind !== 'const' ||
        !def.node.init
      )
        return false;
      const init = unwrap(def.node.init);
      return (
        init.type === AST_NODE_TYPES.MemberExpression ||
        (def.node.id.type === AST_NODE_TYPES.ObjectPattern &&
          (init.type === AST_NODE_TYPES.Identifier || init.type === AST_NODE_TYPES.ThisExpression))
      );
    }

    /**
     * `client.method(…)` where `client` is imported from a module of the project that makes it as a
     * construction-level client of a kind the project makes only without a deadline: judged like a
     * call through an injected client. True when the call is such a call (reported or not).
     */
    function checkHeldClient(call: TSESTree.CallExpression, callee: TSESTree.MemberExpression): boolean {
      // `kc.auth(…)`, and an SDK's nested resources: `kc.roles.find(…)`.
      const chain = memberChain(callee);
      let object = chain?.root;
      // `getPool().query(…)`: the client a getter of another module returns (`export function
      // getPool() { pool ??= new Pool(options); return pool }`).
      let called = false;
      // The getter's name, or the namespace it is read from and its name there (`db.getPool()`).
      let calledMember: string | undefined;
      const getter = (node: Node): TSESTree.Identifier | undefined => {
        const inner = unwrap(node);
        const value = inner.type === AST_NODE_TYPES.AwaitExpression ? unwrap(inner.argument) : inner;
        if (value.type !== AST_NODE_TYPES.CallExpression) return undefined;
        const fn = unwrap(value.callee);
        if (fn.type === AST_NODE_TYPES.Identifier) return fn;
        const inside = fn.type === AST_NODE_TYPES.MemberExpression ? unwrap(fn.object) : undefined;
        const name = fn.type === AST_NODE_TYPES.MemberExpression ? memberName(fn) : undefined;
        if (inside?.type !== AST_NODE_TYPES.Identifier || name === undefined) return undefined;
        calledMember = name;
        return inside;
      };
      if (object?.type === AST_NODE_TYPES.CallExpression || object?.type === AST_NODE_TYPES.AwaitExpression) {
        object = getter(object);
        called = object !== undefined;
      }
      if (object?.type !== AST_NODE_TYPES.Identifier || !chain || chain.path.length === 0) return false;
      let path = chain.path;
      let def = model.findVariable(object)?.defs[0];
      // CommonJS: `const { redis } = require('./redis')`, `const store = require('./redis')`.
      const required = (found: typeof def): boolean =>
        found?.type === 'Variable' &&
        found.node.type === AST_NODE_TYPES.VariableDeclarator &&
        requireCall(found.node.init) !== undefined;
      // A local const that holds the imported client or reads it from a namespace: `const r = redis`,
      // `const r = store.redis`, `const { redis: r } = store`.
      let read: string | undefined;
      if (
        !required(def) &&
        def?.type === 'Variable' &&
        def.node.type === AST_NODE_TYPES.VariableDeclarator &&
        def.parent?.type === AST_NODE_TYPES.VariableDeclaration &&
        def.parent.kind === 'const' &&
        def.node.init
      ) {
        let init = unwrap(def.node.init);
        const made = getter(init);
        if (def.node.id.type === AST_NODE_TYPES.ObjectPattern) {
          read = patternKey(def.node.id, object.name);
          if (read === undefined || made) return false;
        } else if (made) {
          // `const redis = getRedis()`, `const pool = await getPool()`.
          if (called) return false;
          called = true;
          init = made;
        } else if (init.type === AST_NODE_TYPES.MemberExpression && !init.computed) {
          read = memberName(init);
          init = unwrap(init.object);
        }
        if (init.type !== AST_NODE_TYPES.Identifier) return false;
        object = init;
        def = model.findVariable(init)?.defs[0];
      }
      const commonjs = required(def);
      if (def?.type !== 'ImportBinding' && !commonjs) return false;
      // `import * as store from './redis'`, then `store.redis.get(key)`: the namespace's member; a
      // module required whole is one too, or the client itself (`module.exports = new Redis(url)`).
      let member: string | undefined;
      const namespace =
        def?.node.type === AST_NODE_TYPES.ImportNamespaceSpecifier ||
        (commonjs && (def?.node as TSESTree.VariableDeclarator).id.type === AST_NODE_TYPES.Identifier);
      let held: HeldInstance | undefined;
      if (called) {
        // A getter by name, or one a namespace (or a module required whole) holds.
        if (namespace !== (calledMember !== undefined)) return false;
        held = model.projectInstanceOf(object, calledMember, true);
        if (!held) return false;
      } else if (read !== undefined) {
        if (!namespace) return false;
        member = read;
      } else if (namespace) {
        if (path.length >= 2) {
          member = path[0];
          held = model.projectInstanceOf(object, member);
          if (held) path = path.slice(1);
          else member = undefined;
        }
        if (!held && !commonjs) return false;
      }
      held ??= model.projectInstanceOf(object, member);
      if (!held || !unboundedKinds().has(held.instance)) return false;
      const role = lookupInstanceMember(held.instance, path);
      if (role?.role !== 'call' || FAMILIES[role.family].reportAt !== 'construction') return true;
      if (hasPerCallBound(model.optionsOf(call, role.options)) || isTimeoutWrapped(model, call)) return true;
      reportInjected(call, held.instance, role.family, held);
      return true;
    }

    /**
     * `pipeline.exec()` on a batch of a Redis client the file cannot see made (`const pipeline =
     * this.redis.pipeline(); pipeline.set(…); await pipeline.exec()`, `this.redis.multi().incr(key)
     * .expire(key, 60).exec()`, also on a client another module exports or a getter returns): its
     * commands are sent when `exec` is called, judged like a command of that client. True when the
     * call is such an `exec` (reported or not).
     */
    function checkBatch(call: TSESTree.CallExpression): boolean {
      const callee = unwrap(call.callee);
      const sends = callee.type === AST_NODE_TYPES.MemberExpression ? memberName(callee) : undefined;
      // node-redis also sends a `multi()` as a plain pipeline: `execAsPipeline()`.
      if (sends !== 'exec' && sends !== 'execAsPipeline') return false;
      let node = unwrap((callee as TSESTree.MemberExpression).object);
      let client: Node | undefined;
      // Down the chain of queued commands to the call that started the batch; a `const` once.
      for (let step = 0, viaConst = false; step < 64 && !client; step++) {
        if (node.type === AST_NODE_TYPES.Identifier && !viaConst) {
          const init = model.constInit(node);
          if (!init) return false;
          node = unwrap(init);
          viaConst = true;
          continue;
        }
        if (node.type !== AST_NODE_TYPES.CallExpression) return false;
        const inner = unwrap(node.callee);
        if (inner.type !== AST_NODE_TYPES.MemberExpression) return false;
        const name = memberName(inner);
        if (name === 'multi' || name === 'pipeline') client = unwrap(inner.object);
        else node = unwrap(inner.object);
      }
      if (!client) return false;
      let instance: InstanceKind | undefined;
      let held: HeldInstance | undefined;
      const value = model.valueOf(client);
      if (value.kind === 'instance') {
        // A client this file makes is reported where it is made.
        if (value.origin) return true;
        instance = value.instance;
      } else {
        // `redis.multi()` on a client another module exports, `getRedis().multi()` on a getter's,
        // also held in a const first (`const r = getRedis(); r.multi()…`).
        let source: Node = client;
        for (let step = 0; step < 3 && source.type === AST_NODE_TYPES.Identifier; step++) {
          const init = model.constInit(source);
          if (!init) break;
          source = unwrap(init);
          if (source.type === AST_NODE_TYPES.AwaitExpression) source = unwrap(source.argument);
        }
        const getter = source.type === AST_NODE_TYPES.CallExpression ? unwrap(source.callee) : undefined;
        if (source.type === AST_NODE_TYPES.Identifier) held = model.projectInstanceOf(source);
        else if (getter?.type === AST_NODE_TYPES.Identifier)
          held = model.projectInstanceOf(getter, undefined, true);
        instance = held?.instance;
      }
      if (instance !== 'ioredis' && instance !== 'node-redis') return false;
      if (!unboundedKinds().has(instance) || isTimeoutWrapped(model, call)) return true;
      reportInjected(call, instance, instance, held);
      return true;
    }

    /**
     * A cheap look, with the file's own scopes, before the project is asked: the callee is an
     * imported function, or a member chain that starts at `this`, an import, or a value declared
     * with a class (a typed parameter, a typed const, `new X(…)`, `await X.create(…)`).
     */
    function mayReachProject(call: TSESTree.CallExpression): boolean {
      // An import, or a CommonJS binding of a module: `const { send } = require('./mailer')`.
      const imports = (def: { type: string; node: Node } | undefined): boolean =>
        def?.type === 'ImportBinding' ||
        (def?.type === 'Variable' &&
          def.node.type === AST_NODE_TYPES.VariableDeclarator &&
          requireCall(def.node.init) !== undefined);
      const callee = unwrap(call.callee);
      if (callee.type === AST_NODE_TYPES.Identifier) return imports(model.findVariable(callee)?.defs[0]);
      if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
      let object = unwrap(callee.object);
      while (object.type === AST_NODE_TYPES.MemberExpression) object = unwrap(object.object);
      if (object.type === AST_NODE_TYPES.ThisExpression) return true;
      if (object.type !== AST_NODE_TYPES.Identifier) return false;
      const def = model.findVariable(object)?.defs[0];
      if (!def) return false;
      if (imports(def) || readFromDeclared(object)) return true;
      const id = def.name as TSESTree.Identifier;
      const annotation = id.typeAnnotation?.typeAnnotation;
      if (annotation?.type === AST_NODE_TYPES.TSTypeReference) return true;
      // `({ persist }: { persist: PersistClient })`: destructured from a parameter typed beside it.
      if (def.type === 'Parameter') {
        let property: Node | undefined = id.parent;
        if (property?.type === AST_NODE_TYPES.AssignmentPattern) property = property.parent;
        // `({ keycloakClient }: RouterOptions)`: or from one declared with a named type.
        const pattern = property?.type === AST_NODE_TYPES.Property ? property.parent : undefined;
        const type =
          pattern?.type === AST_NODE_TYPES.ObjectPattern ? pattern.typeAnnotation?.typeAnnotation : undefined;
        return type?.type === AST_NODE_TYPES.TSTypeLiteral || type?.type === AST_NODE_TYPES.TSTypeReference;
      }
      if (def.type !== 'Variable' || def.node.type !== AST_NODE_TYPES.VariableDeclarator || !def.node.init)
        return false;
      let init = unwrap(def.node.init);
      if (init.type === AST_NODE_TYPES.AwaitExpression) init = unwrap(init.argument);
      if (init.type === AST_NODE_TYPES.NewExpression) return true;
      return (
        init.type === AST_NODE_TYPES.CallExpression &&
        init.callee.type === AST_NODE_TYPES.MemberExpression &&
        init.callee.object.type === AST_NODE_TYPES.Identifier &&
        /^[A-Z]/.test(init.callee.object.name)
      );
    }

    /** `../lib/solana.ts:5`: a place in another module, relative to this file, for messages. */
    function placeOf(file: string, line: number): string {
      return `${path.relative(path.dirname(context.filename), file) || path.basename(file)}:${line}`;
    }

    /** The family's fix worded for the versions the package that made the client declares. */
    function fixAt(family: FamilyId, made: ProjectConstruction | undefined): string {
      return made ? familyFix(family, versionFacts(made.file, family, made.module)) : FAMILIES[family].fix;
    }

    /** Where the clients were made, for messages: the first, and how many more. */
    function madeAt(made: readonly ProjectConstruction[]): string {
      const first = made[0] as ProjectConstruction;
      const at = placeOf(first.file, first.line);
      return made.length > 1 ? `${at} and ${made.length - 1} more` : at;
    }

    /**
     * A call into a function of the project in another module (`solana.simulate(…)`, a method of a
     * class the value is declared with or made by) that calls a client with no deadline, with no
     * bound of its own: the caller waits as long as that client does. Only looked for when the
     * project makes such a client.
     */
    function checkProjectFunction(call: TSESTree.CallExpression): void {
      // Who waits is asked last, just before a report: it may read the other modules of the package.
      if (!mayReachProject(call)) return;
      const kinds = unboundedKinds();
      if (kinds.size === 0) {
        checkBareRequest(call);
        return;
      }
      if (unboundedCalls === null)
        unboundedCalls = projectUnboundedCalls(
          context,
          kind => kinds.has(kind),
          (unbounded as UnboundedClients).modules,
        );
      const hit = unboundedCalls?.(call);
      if (!hit) {
        checkBareRequest(call);
        return;
      }
      if (hit.file === context.filename || isTimeoutWrapped(model, call)) return;
      const made = kinds.get(hit.instance);
      // The client is made (and reported) here: another request the function sends with no
      // deadline (a bare `fetch` beside the pool's queries) is still this call's to report.
      if (!made || made.some(construction => construction.file === context.filename)) {
        checkBareRequest(call);
        return;
      }
      if (nobodyWaits(model, call)) return;
      if (noCallerReaches(model, call)) return;
      const family = FAMILIES[hit.family];
      context.report({
        node: call.callee,
        messageId: hit.carried ? 'projectCallWithoutBound' : 'projectCallWithoutDeadline',
        data: {
          callee: calleeText(call),
          inner: hit.text,
          at: placeOf(hit.file, hit.line),
          label: family.label,
          fix: fixAt(hit.family, made[0]),
          where: madeAt(made),
        },
      });
    }

    let bareRequests: ReturnType<typeof projectBareRequests> | null = null;

    /**
     * A call into a function of the project in another module that makes a request with no
     * deadline of a client bounded per call (`render.createService(…)` whose method posts through an
     * `axios.create({ baseURL })` instance, a helper that calls `fetch(url)` with no signal): the
     * caller waits as long as that request does, and the fix is in that function. Reported at the
     * call here; the request itself is reported in its own module.
     */
    function checkBareRequest(call: TSESTree.CallExpression): void {
      // A call whose promise nobody waits for (`createCustomer(user)` as a statement) holds nothing up.
      if (!awaitedIn(call, undefined)) return;
      if (bareRequests === null) bareRequests = projectBareRequests(context);
      const hit = bareRequests?.(call);
      if (!hit || hit.file === context.filename || isTimeoutWrapped(model, call)) return;
      if (nobodyWaits(model, call)) return;
      if (noCallerReaches(model, call)) return;
      const family = FAMILIES[hit.family];
      context.report({
        node: call.callee,
        messageId: 'projectRequestWithoutDeadline',
        data: {
          callee: calleeText(call),
          inner: hit.text,
          at: placeOf(hit.file, hit.line),
          label: family.label.replace(/^the /, ''),
          hang: family.hang ?? 'hangs forever',
          fix: familyFix(hit.family, versionFacts(hit.file, hit.family)),
        },
      });
    }

    /**
     * Reports a call through a client of `instance` whose construction is not visible here, when the
     * project makes clients of that kind and none of them has a deadline.
     */
    function reportInjected(
      call: CallLike,
      instance: InstanceKind,
      familyId: FamilyId,
      through?: { file: string; line: number },
    ): void {
      // A subscription waits for messages by design, on a connection kept for it (not reported
      // where it is made either): a command deadline is not its fix.
      const callee = unwrap(call.callee);
      // So does a blocking read (`brpop(key, 0)`): a command timeout would break it.
      if (
        (familyId === 'ioredis' || familyId === 'node-redis') &&
        callee.type === AST_NODE_TYPES.MemberExpression &&
        (isSubscription(memberName(callee) ?? '') ||
          isBlockingCommand(memberName(callee) ?? '', call.arguments as TSESTree.Node[], name =>
            model.constInit(name),
          ))
      )
        return;
      if (nobodyWaits(model, call, 0, answersOf(FAMILIES[familyId]))) return;
      if (noCallerReaches(model, call)) return;
      let made = unboundedKinds().get(instance);
      // A client this file makes is reported here, where it is made: once is enough.
      if (!made || made.some(construction => construction.file === context.filename)) return;
      // The client the call is known to go through is named first.
      const own = through && made.find(each => each.file === through.file && each.line === through.line);
      if (own) made = [own, ...made.filter(each => each !== own)];
      const family = FAMILIES[familyId];
      context.report({
        node: call.callee,
        messageId: 'injectedClientWithoutDeadline',
        data: {
          callee: calleeText(call),
          label: family.label,
          fix: fixAt(familyId, made[0]),
          where: madeAt(made),
        },
      });
    }

    /** Explicit "none" values written into a factory's options (`axios.create({ timeout: 0 })`). */
    function checkFactoryOptions(classified: Classified, family: FamilyId): void {
      const role = classified.role;
      if (role.role !== 'factory') return;
      for (const verdict of decideFactoryOptions(family, model.optionsOf(classified.node, role.options)))
        report(classified, verdict, true);
    }

    function checkConstruction(classified: Classified, family: FamilyId): void {
      const role = classified.role;
      if (role.role !== 'factory' || role.inheritsFrom) return;
      // A subscription connection waits for messages by design; a command deadline is not its fix.
      if ((family === 'ioredis' || family === 'node-redis') && isSubscriberConnection(model, classified.node))
        return;
      // A client kept only to presign URLs sends nothing.
      if ((family === 'aws' || family === 'minio') && isPresignOnly(model, classified.node, family)) return;
      // `new HttpClient().getAgent(url)`: made only for a member that sends nothing.
      if (madeForLocalMember(classified.node, family, role.instance)) return;
      // `const oauth = new google.auth.OAuth2(…); return oauth.generateAuthUrl(…)`: held only for members that send nothing.
      if (heldForLocalMembers(classified.node, family, role.instance)) return;
      let verdicts = reader.decideClient(classified.node, family);
      // `new S3Client(createS3Config(settings))`: options another module of the project writes.
      let writtenAt: string | undefined;
      if (verdicts.every(verdict => verdict.status === 'unknown')) {
        const written = writtenElsewhere(classified.node);
        if (written) {
          verdicts = reader.decideClient(classified.node, family, written);
          writtenAt = written.at;
        }
      }
      for (const verdict of verdicts) report(classified, verdict, true, writtenAt);
    }

    /**
     * The construction's only use is a call of one of its members that its catalog entry lists as
     * sending nothing (`new HttpClient().getAgent(url)`); a member the catalog does not list may send.
     */
    function madeForLocalMember(construction: CallLike, family: FamilyId, instance: InstanceKind): boolean {
      let current: TSESTree.Node = construction;
      while (
        current.parent?.type === AST_NODE_TYPES.TSAsExpression ||
        current.parent?.type === AST_NODE_TYPES.TSNonNullExpression
      )
        current = current.parent;
      const member = current.parent;
      if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== current || member.computed)
        return false;
      const name = member.property.type === AST_NODE_TYPES.Identifier ? member.property.name : undefined;
      return (
        name !== undefined &&
        member.parent?.type === AST_NODE_TYPES.CallExpression &&
        member.parent.callee === member &&
        CLIENT_FAMILIES[family].instances?.[instance]?.except?.includes(name) === true
      );
    }

    /**
     * The construction is held in a `const` of this file that is not exported, and every use of it
     * calls a member its catalog entry lists as sending nothing (`except`: `generateAuthUrl`, which
     * builds a URL locally): a client that sends nothing has nothing to bound. Any other use (a
     * member not so listed, the client handed on or returned) may send.
     */
    function heldForLocalMembers(construction: CallLike, family: FamilyId, instance: InstanceKind): boolean {
      // A table that matches any other member (`any`) lists in `except` the members `any` skips,
      // some of which still lead to a request (`redis.multi().…exec()`): only a table of its sending
      // members says so of its `except`.
      const table = CLIENT_FAMILIES[family].instances?.[instance];
      const local = table && !table.any ? table.except : undefined;
      if (!local) return false;
      let current: TSESTree.Node = construction;
      while (
        current.parent?.type === AST_NODE_TYPES.TSAsExpression ||
        current.parent?.type === AST_NODE_TYPES.TSNonNullExpression ||
        current.parent?.type === AST_NODE_TYPES.AwaitExpression
      )
        current = current.parent;
      const declarator = current.parent;
      if (
        declarator?.type !== AST_NODE_TYPES.VariableDeclarator ||
        declarator.init !== current ||
        declarator.id.type !== AST_NODE_TYPES.Identifier ||
        declarator.parent.type !== AST_NODE_TYPES.VariableDeclaration ||
        declarator.parent.kind !== 'const' ||
        declarator.parent.parent?.type === AST_NODE_TYPES.ExportNamedDeclaration
      )
        return false;
      const uses = model.findVariable(declarator.id)?.references.filter(reference => !reference.init) ?? [];
      return (
        uses.length > 0 &&
        uses.every(reference => {
          const member = reference.identifier.parent;
          if (
            member?.type !== AST_NODE_TYPES.MemberExpression ||
            member.object !== reference.identifier ||
            member.computed ||
            member.property.type !== AST_NODE_TYPES.Identifier
          )
            return false;
          const name = member.property.name;
          return (
            member.parent?.type === AST_NODE_TYPES.CallExpression &&
            member.parent.callee === member &&
            local.includes(name)
          );
        })
      );
    }

    /**
     * The options of a construction of this file as another module of the project writes them
     * (a function or const it imports), when the project's facts judge them unbounded.
     */
    function writtenElsewhere(node: CallLike): WrittenOptions | undefined {
      const line = node.loc.start.line;
      for (const list of processConstructions(context).values())
        for (const made of list)
          if (made.written && made.pending && made.line === line && made.file === context.filename)
            return {
              options: made.written,
              first: made.pending.first,
              ...(made.writtenAt ? { at: placeOf(made.writtenAt.file, made.writtenAt.line) } : {}),
            };
      return undefined;
    }

    /**
     * A client made without a deadline (`axios.create({ baseURL })`) whose instance leaves the file
     * (exported, or returned from a function): its calls are made elsewhere, where its
     * construction is not visible, so it is reported where it is made.
     */
    function checkEscapingFactory(classified: Classified, family: FamilyId): void {
      // A process-wide default set by another module bounds it.
      const verdicts = escapingClientVerdicts(
        model,
        reader,
        classified,
        family,
        () =>
          (family === 'axios' || family === 'googleapis') &&
          projectClientDefaults(context, family).length > 0,
        urlLookups,
      );
      for (const verdict of verdicts) report(classified, verdict, true);
    }

    function checkTypedInstance(call: CallLike, typed: InstanceKind | undefined): void {
      const callee = unwrap(call.callee);
      if (callee.type !== AST_NODE_TYPES.MemberExpression) return;
      const name = memberName(callee);
      if (name === undefined) return;
      const instance = typed ?? (services ? instanceKindFromType(services, callee.object) : undefined);
      if (!instance) return;
      const role = lookupInstanceMember(instance, [name]);
      if (role?.role !== 'call' || FAMILIES[role.family].reportAt !== 'call') return;
      // The instance's own configuration is not visible: it counts as opaque options.
      const classified: Classified = { node: call, role, callee: { kind: 'unknown' } };
      const facts: CallFacts = {
        family: role.family,
        callee: { kind: 'instance', instance, path: [name], declared: true },
        options: model.optionsOf(call, role.options),
        instance: role.family === 'grpc' ? [] : [{ kind: 'opaque' }],
        wrappedByTimeout: false,
      };
      let verdict = decideDeadline(facts);
      if (wrapperMatters(verdict) && isTimeoutWrapped(model, call))
        verdict = decideDeadline({ ...facts, wrappedByTimeout: true });
      report(classified, verdict, false);
    }

    /**
     * A call to a request wrapper of the project (this file or another module) that bounds its
     * request only with the deadline its caller gives, made without one.
     */
    function checkWrapperCall(call: TSESTree.CallExpression): void {
      const found = wrapperCall(model, call);
      if (!found) return;
      const { carrier, fn } = found;
      // A request on axios' default instance, when the project sets its defaults elsewhere
      // (`axios.defaults.timeout = …` at start-up): bounded whatever the caller gives.
      if (carrier.request.startsWith('axios') && projectClientDefaults(context, 'axios').length > 0) return;
      const local = found.file === undefined ? fn : undefined;
      const where =
        found.file === undefined
          ? `line ${carrier.line}`
          : `${path.relative(path.dirname(context.filename), found.file) || '.'}:${carrier.line}`;
      // The wrapper fetches the URL it is given as it is, and this one is page-relative: a browser's request.
      const request = requestAt(fn, carrier.line);
      const urlAt = request ? urlParameter(fn, request) : -1;
      if (urlAt >= 0 && isRelativeUrl(call.arguments[urlAt] as Node | undefined)) return;
      if (local) {
        // Judged once every call of the file is seen: a wrapper whose callers are all here and
        // none bounds it is unbounded in itself.
        let calls = localWrapperCalls.get(local);
        if (!calls) localWrapperCalls.set(local, (calls = { carrier, where, calls: [] }));
        calls.calls.push(call);
        return;
      }
      if (!wrapperCallBounded(call, carrier)) reportWrapperCall(call, carrier, where);
    }

    /**
     * The call gives the wrapper its deadline, or is raced against a timer or handed to a timeout
     * wrapper (`withTimeout(fetchJson(url), ms)`): its caller stops waiting, as for a request made here.
     */
    function wrapperCallBounded(call: TSESTree.CallExpression, carrier: DeadlineCarrier): boolean {
      return givesDeadline(call, carrier) || isTimeoutWrapped(model, call);
    }

    /** Calls to request wrappers of this file, by wrapper, judged at `Program:exit`. */
    const localWrapperCalls = new Map<
      FunctionNode,
      { carrier: DeadlineCarrier; where: string; calls: TSESTree.CallExpression[] }
    >();

    /** True when every use of a function of this file is a call in this file: nothing outside can pass it a deadline. */
    function callersAllVisible(fn: FunctionNode): boolean {
      const parent = fn.parent;
      if (
        parent?.type === AST_NODE_TYPES.MethodDefinition ||
        parent?.type === AST_NODE_TYPES.PropertyDefinition
      )
        return parent.accessibility === 'private' || parent.key.type === AST_NODE_TYPES.PrivateIdentifier;
      let id: TSESTree.Identifier | undefined;
      let declaration: Node | undefined;
      if (fn.type === AST_NODE_TYPES.FunctionDeclaration && fn.id) {
        id = fn.id;
        declaration = fn;
      } else if (
        parent?.type === AST_NODE_TYPES.VariableDeclarator &&
        parent.id.type === AST_NODE_TYPES.Identifier
      ) {
        id = parent.id;
        declaration = parent.parent;
      }
      if (!id || !declaration) return false;
      const wrapper = declaration.parent?.type;
      if (
        wrapper === AST_NODE_TYPES.ExportNamedDeclaration ||
        wrapper === AST_NODE_TYPES.ExportDefaultDeclaration
      )
        return false;
      const variable = model.findVariable(id);
      return (
        variable !== undefined &&
        variable.references.every(reference => {
          const parent = reference.identifier.parent;
          return parent?.type === AST_NODE_TYPES.CallExpression && parent.callee === reference.identifier;
        })
      );
    }

    function reportLocalWrappers(): void {
      for (const [fn, { carrier, where, calls: all }] of localWrapperCalls) {
        // The wrapper calling itself (a retry) is not one of its callers.
        const calls = all.filter(call => call.range[0] < fn.range[0] || call.range[1] > fn.range[1]);
        const unbounded = calls.filter(call => !wrapperCallBounded(call, carrier));
        if (unbounded.length === 0) continue;
        const request = requestAt(fn, carrier.line);
        if (request && unbounded.length === calls.length && callersAllVisible(fn)) {
          context.report({
            node: request.callee,
            messageId: 'wrapperNeverBounded',
            data: {
              request: carrier.request,
              key: carrier.key ?? carrier.name ?? 'signal',
              callee: oneLine(sourceCode.getText(calls[0]?.callee ?? request.callee)).slice(0, 40),
              count: String(calls.length),
              bound: carrier.request.startsWith('axios')
                ? '`timeout: ms` in its config, or `timeout: options.timeout ?? ms` to keep a caller’s'
                : '`signal: AbortSignal.timeout(ms)`, or `AbortSignal.any([signal, AbortSignal.timeout(ms)])` to keep a caller’s signal',
            },
          });
          continue;
        }
        for (const call of unbounded) reportWrapperCall(call, carrier, where);
      }
    }

    function reportWrapperCall(call: TSESTree.CallExpression, carrier: DeadlineCarrier, where: string): void {
      context.report({
        node: call.callee,
        messageId: 'wrapperWithoutDeadline',
        data: {
          callee: oneLine(sourceCode.getText(call.callee)).slice(0, 40),
          key: carrier.key ?? carrier.name ?? 'signal',
          request: carrier.request,
          where,
        },
      });
    }

    return {
      'Program:exit'(): void {
        for (const call of model.calls) {
          if (call.type === AST_NODE_TYPES.CallExpression && !model.classify(call)) checkWrapperCall(call);
          const classified = model.classify(call);
          // Known only by its declared type (the rule's option, or type-aware mode for every rule).
          if (!classified || classified.typed) {
            if ((services || classified?.typed) && call.callee.type === AST_NODE_TYPES.MemberExpression)
              checkTypedInstance(call, classified?.typed);
            else if (!classified && call.type === AST_NODE_TYPES.CallExpression && !checkBatch(call))
              checkProjectTyped(call);
            continue;
          }
          const role = classified.role;
          if (role.role !== 'call' && role.role !== 'factory') continue;
          const family = FAMILIES[role.family];
          if (role.role === 'call') {
            if (family.reportAt === 'call') checkCall(classified);
            else checkInjected(classified);
          } else if (family.reportAt === 'construction') {
            checkConstruction(classified, role.family);
          } else {
            checkFactoryOptions(classified, role.family);
            checkEscapingFactory(classified, role.family);
          }
        }
        reportLocalWrappers();
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
                fix: familyFix('axios', versionFacts(context.filename, 'axios', 'axios')),
              },
            });
          }
        }
      },
    };
  },
});
