import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

import { type FamilyId, SIGNAL_NAME, THIS_CALL_OPTIONS, getPath, signalCarrierKey } from '@faultline/catalog';
import { createModelRule } from './create-rule.js';
import {
  type FunctionNode,
  type Node,
  findNode,
  isFunction,
  memberName,
  propertyKey,
  unwrap,
  oneLine,
} from './util/ast.js';
import type { Classified } from './util/file-model.js';
import { droppedDeadlines } from './util/deadline-params.js';
import { addOptionFix } from './util/fix.js';
import { CHECK_TESTS_ONLY_SCHEMA } from './util/test-files.js';

export type Options = [{ checkTests?: boolean }];
export type MessageIds =
  | 'signalNotPassed'
  | 'freshSignal'
  | 'signalNotForwarded'
  | 'signalNotAccepted'
  | 'deadlineDropped'
  | 'suggestPassSignal'
  | 'suggestCombine';

/** Families whose calls take an AbortSignal, and the option that carries it. */
const SIGNAL_KEY: Partial<Record<FamilyId, string>> = {
  fetch: 'signal',
  axios: 'signal',
  got: 'signal',
  ky: 'signal',
  undici: 'signal',
  http: 'signal',
  aws: 'abortSignal',
  connect: 'signal',
  custom: 'signal',
};

// Next.js App Router route handlers: `route.{js,ts}` files exporting HTTP-method functions.
const ROUTE_FILE = /(?:^|[\\/])route\.[cm]?[jt]sx?$/;
const HTTP_METHODS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS']);

/** The signal in scope: how to write it (`signal`, `request.signal`) and the names that carry it. */
interface Inherited {
  text: string;
  names: Set<string>;
  fn: FunctionNode;
  /** Read off a request (`req.signal` in a route handler, a Remix loader's `request`), not given by name. */
  fromRequest?: boolean;
}

export default createModelRule<Options, MessageIds>({
  name: 'require-signal-propagation',
  meta: {
    type: 'problem',
    docs: {
      description: 'Require remote calls to pass on the AbortSignal of the work they are part of',
      recommended: true,
    },
    hasSuggestions: true,
    messages: {
      signalNotPassed:
        '`{{callee}}` does not get `{{signal}}`: when the caller gives up (a client disconnect, a passed deadline) this call keeps running and holds a connection for an answer nobody will read. Pass it on: `{{key}}: {{signal}}` (or `AbortSignal.any([{{signal}}, AbortSignal.timeout(ms)])`).',
      freshSignal:
        'This signal is not derived from `{{signal}}`, so cancelling the caller does not cancel `{{callee}}`. Combine them: `AbortSignal.any([{{signal}}, …])`.',
      signalNotForwarded:
        '`{{callee}}` takes a signal but is called without `{{signal}}`: its remote calls outlive the caller. Pass `{{signal}}` on.',
      deadlineDropped:
        '`{{name}}` is handed in but never read: the caller’s deadline is dropped, and the remote calls here run on a deadline of their own, or none. Use it: `signal: AbortSignal.timeout({{name}})`, or the client’s timeout option.',
      signalNotAccepted:
        '`{{callee}}` makes remote calls that could take a signal, but it has no way to receive `{{signal}}`: when the caller gives up they keep running. Give `{{callee}}` a `signal` parameter (or a `signal` option), pass it to its calls, and pass `{{signal}}` here.',
      suggestPassSignal: 'Pass `{{signal}}` on.',
      suggestCombine: 'Combine with `{{signal}}` using `AbortSignal.any`.',
    },
    schema: CHECK_TESTS_ONLY_SCHEMA,
    defaultOptions: [{ checkTests: false }],
  },
  create(context, _options, { model }) {
    const sourceCode = context.sourceCode;
    /** Per function: the signal it receives, read without (0) and with (1) the project's types. */
    const inheritedCache = [new Map<Node, Inherited | null>(), new Map<Node, Inherited | null>()];
    // `options.signal` and `{ signal?: AbortSignal }` need the word: without it, no body is searched for them.
    const mentionsSignal = sourceCode.text.includes('signal');

    function typeName(node: Node): string | undefined {
      const annotation =
        'typeAnnotation' in node
          ? (node.typeAnnotation as TSESTree.TSTypeAnnotation | undefined)?.typeAnnotation
          : undefined;
      if (
        annotation?.type === AST_NODE_TYPES.TSTypeReference &&
        annotation.typeName.type === AST_NODE_TYPES.Identifier
      )
        return annotation.typeName.name;
      if (annotation?.type === AST_NODE_TYPES.TSUnionType) {
        for (const part of annotation.types)
          if (
            part.type === AST_NODE_TYPES.TSTypeReference &&
            part.typeName.type === AST_NODE_TYPES.Identifier
          )
            return part.typeName.name;
      }
      return undefined;
    }

    /**
     * A parameter named like a signal (`signal`, `abortSignal`, `cancelSignal`) is an AbortSignal
     * unless its declared type says otherwise: `signal: Signal` (a chat payload of the project's
     * own), `signal: string`. A type that names an AbortSignal (`AbortSignal`, axios's
     * `GenericAbortSignal`, in a union too), `any`, `unknown`, an indexed or `typeof` type, or a
     * type alias of this file declared with one, leaves it one.
     */
    function namedSignal(target: TSESTree.Identifier): boolean {
      if (!SIGNAL_NAME.test(target.name)) return false;
      const annotation = target.typeAnnotation?.typeAnnotation;
      return annotation === undefined || typeMayBeSignal(annotation);
    }

    function typeMayBeSignal(type: TSESTree.TypeNode): boolean {
      switch (type.type) {
        case AST_NODE_TYPES.TSAnyKeyword:
        case AST_NODE_TYPES.TSUnknownKeyword:
        case AST_NODE_TYPES.TSIndexedAccessType:
        case AST_NODE_TYPES.TSTypeQuery:
          return true;
        case AST_NODE_TYPES.TSUnionType:
        case AST_NODE_TYPES.TSIntersectionType:
          return type.types.some(typeMayBeSignal);
        case AST_NODE_TYPES.TSTypeReference: {
          const name =
            type.typeName.type === AST_NODE_TYPES.Identifier
              ? type.typeName.name
              : type.typeName.type === AST_NODE_TYPES.TSQualifiedName
                ? type.typeName.right.name
                : '';
          if (/AbortSignal/.test(name)) return true;
          // `Maybe<AbortSignal>`, `Readonly<AbortSignal>`, `NonNullable<RequestInit['signal']>`.
          if (type.typeArguments?.params.some(typeMayBeSignal)) return true;
          // A type parameter (`<S extends AbortSignal>(signal: S)`): its constraint, if it has one.
          for (let up: TSESTree.Node | undefined = type.parent; up; up = up.parent) {
            const declared = 'typeParameters' in up ? up.typeParameters : undefined;
            const parameter = declared?.params.find(param => param.name.name === name);
            if (parameter) return !parameter.constraint || typeMayBeSignal(parameter.constraint);
          }
          // A type alias of this file (`type Signal = AbortSignal | undefined`), a generic one whatever it holds.
          return sourceCode.ast.body.some(statement => {
            const declaration =
              statement.type === AST_NODE_TYPES.ExportNamedDeclaration ? statement.declaration : statement;
            return (
              declaration?.type === AST_NODE_TYPES.TSTypeAliasDeclaration &&
              declaration.id.name === name &&
              (declaration.typeParameters !== undefined || typeMayBeSignal(declaration.typeAnnotation))
            );
          });
        }
        default:
          return false;
      }
    }

    const isRouteFile = ROUTE_FILE.test(context.filename);

    /**
     * `Request` is the fetch API's (it has a `signal`) when it is the global or comes from a fetch
     * implementation; Express's and Fastify's `Request` have none.
     */
    function isFetchRequest(name: string): boolean {
      for (const statement of sourceCode.ast.body) {
        if (statement.type !== AST_NODE_TYPES.ImportDeclaration) continue;
        for (const specifier of statement.specifiers) {
          if (specifier.local.name !== name) continue;
          return /^(?:undici|node-fetch|next\/server|next|@remix-run\/.+|react-router|@whatwg-node\/.+)$/.test(
            statement.source.value,
          );
        }
      }
      return true;
    }

    /** `export async function GET(req)` in a Next.js `route.js`: the handler's first parameter is a Request. */
    function isRouteHandler(fn: FunctionNode): boolean {
      if (!isRouteFile) return false;
      const name =
        fn.type === AST_NODE_TYPES.FunctionDeclaration
          ? fn.id?.name
          : fn.parent?.type === AST_NODE_TYPES.VariableDeclarator &&
              fn.parent.id.type === AST_NODE_TYPES.Identifier
            ? fn.parent.id.name
            : undefined;
      return name !== undefined && HTTP_METHODS.has(name);
    }

    /** The members of an object type: a type literal, or a local interface or type alias by name. */
    function typeMembers(type: TSESTree.TypeNode | undefined, depth = 0): TSESTree.TypeElement[] {
      if (!type || depth > 3) return [];
      if (type.type === AST_NODE_TYPES.TSTypeLiteral) return type.members;
      if (type.type === AST_NODE_TYPES.TSUnionType || type.type === AST_NODE_TYPES.TSIntersectionType)
        return type.types.flatMap(part => typeMembers(part, depth + 1));
      if (type.type !== AST_NODE_TYPES.TSTypeReference || type.typeName.type !== AST_NODE_TYPES.Identifier)
        return [];
      const name = type.typeName.name;
      for (const statement of sourceCode.ast.body) {
        const declaration =
          statement.type === AST_NODE_TYPES.ExportNamedDeclaration && statement.declaration
            ? statement.declaration
            : statement;
        if (declaration.type === AST_NODE_TYPES.TSInterfaceDeclaration && declaration.id.name === name)
          return declaration.body.body;
        if (declaration.type === AST_NODE_TYPES.TSTypeAliasDeclaration && declaration.id.name === name)
          return typeMembers(declaration.typeAnnotation, depth + 1);
      }
      return [];
    }

    /** The file names the AbortSignal type: only then can a type written in it carry one. */
    const mentionsAbortSignal = sourceCode.text.includes('AbortSignal');

    /**
     * The member of an object type written in this file (a type literal, a local interface or type
     * alias) declared as an `AbortSignal`, whatever its name (`abortSignal`, `cancelSignal`).
     */
    function localSignalKey(type: TSESTree.TypeNode | undefined): string | undefined {
      for (const member of typeMembers(type)) {
        if (
          member.type !== AST_NODE_TYPES.TSPropertySignature ||
          member.key.type !== AST_NODE_TYPES.Identifier
        )
          continue;
        const declared = member.typeAnnotation?.typeAnnotation;
        if (
          declared?.type === AST_NODE_TYPES.TSTypeReference &&
          declared.typeName.type === AST_NODE_TYPES.Identifier &&
          declared.typeName.name === 'AbortSignal'
        )
          return member.key.name;
      }
      return undefined;
    }

    /** A parameter whose declared object type has a `signal` member. */
    function declaresSignal(param: TSESTree.Identifier): boolean {
      return typeMembers(param.typeAnnotation?.typeAnnotation).some(
        member =>
          member.type === AST_NODE_TYPES.TSPropertySignature &&
          member.key.type === AST_NODE_TYPES.Identifier &&
          member.key.name === 'signal',
      );
    }

    /** Where a value of the type named here carries a signal, per type name (DTOs recur). */
    const carried = new Map<string, string | null | undefined>();

    /** The module a name is imported from in this file, and the name it has there. */
    const imports = new Map<string, { module: string; imported: string } | undefined>();
    function importOf(name: string): { module: string; imported: string } | undefined {
      if (imports.has(name)) return imports.get(name);
      imports.set(name, undefined);
      for (const statement of sourceCode.ast.body) {
        if (statement.type !== AST_NODE_TYPES.ImportDeclaration) continue;
        for (const specifier of statement.specifiers) {
          if (specifier.local.name !== name) continue;
          const imported =
            specifier.type === AST_NODE_TYPES.ImportSpecifier
              ? specifier.imported.type === AST_NODE_TYPES.Identifier
                ? specifier.imported.name
                : specifier.imported.value
              : 'default';
          const found = { module: statement.source.value, imported };
          imports.set(name, found);
          return found;
        }
      }
      return undefined;
    }

    /**
     * Where a parameter's declared type carries a signal although the file never says `signal`: a
     * library type the catalog knows (LangChain's call options, a job runner's helpers), LangChain's
     * `this['ParsedCallOptions']`, or a type of the project with an AbortSignal member (a queue's
     * `job.abortSignal`). The key, null when the type plainly has none, undefined when unknown.
     */
    function carriedSignal(
      type: TSESTree.TypeNode | undefined,
      depth = 0,
      project = true,
    ): string | null | undefined {
      if (!type || depth > 2) return undefined;
      if (type.type === AST_NODE_TYPES.TSUnionType) {
        let unknown = false;
        for (const part of type.types) {
          if (part.type === AST_NODE_TYPES.TSUndefinedKeyword || part.type === AST_NODE_TYPES.TSNullKeyword)
            continue;
          const key = carriedSignal(part, depth + 1, project);
          if (key) return key;
          if (key === undefined) unknown = true;
        }
        return unknown ? undefined : null;
      }
      if (
        type.type === AST_NODE_TYPES.TSIndexedAccessType &&
        type.objectType.type === AST_NODE_TYPES.TSThisType &&
        type.indexType.type === AST_NODE_TYPES.TSLiteralType &&
        type.indexType.literal.type === AST_NODE_TYPES.Literal &&
        THIS_CALL_OPTIONS.has(String(type.indexType.literal.value))
      )
        return 'signal';
      if (type.type === AST_NODE_TYPES.TSArrayType) return null;
      if (type.type !== AST_NODE_TYPES.TSTypeReference || type.typeName.type !== AST_NODE_TYPES.Identifier)
        return undefined;
      const name = type.typeName.name;
      if (name === 'Partial' || name === 'Readonly' || name === 'Required')
        return carriedSignal(type.typeArguments?.params[0], depth + 1, project);
      const source = importOf(name);
      const known = source ? signalCarrierKey(source.module, source.imported) : undefined;
      if (known || !project) return known;
      if (carried.has(name)) return carried.get(name);
      const key = model.signalKeyOfType(name);
      carried.set(name, key);
      return key;
    }

    /**
     * A destructured parameter that may carry a framework's fetch `Request`: undeclared, declared
     * with a route's arguments, event or context type (`LoaderFunctionArgs`, `Route.ActionArgs`,
     * SvelteKit's `RequestEvent`, Astro's `APIContext`, SolidStart's `APIEvent`), or with a type
     * literal whose `request` is a `Request`. Another declared type (proxy-chain's
     * `PrepareRequestFunctionOpts`, whose `request` is a node:http IncomingMessage) is not.
     */
    function loaderArgs(pattern: TSESTree.ObjectPattern): boolean {
      const type = pattern.typeAnnotation?.typeAnnotation;
      if (!type) return true;
      const lastName = (node: TSESTree.TypeNode): string => {
        if (node.type !== AST_NODE_TYPES.TSTypeReference) return '';
        const name = node.typeName;
        return name.type === AST_NODE_TYPES.Identifier
          ? name.name
          : name.type === AST_NODE_TYPES.TSQualifiedName
            ? name.right.name
            : '';
      };
      if (type.type === AST_NODE_TYPES.TSTypeReference) return /(?:Args|Event|Context)$/.test(lastName(type));
      if (type.type !== AST_NODE_TYPES.TSTypeLiteral) return false;
      return type.members.some(member => {
        if (
          member.type !== AST_NODE_TYPES.TSPropertySignature ||
          member.key.type !== AST_NODE_TYPES.Identifier ||
          member.key.name !== 'request'
        )
          return false;
        const declared = member.typeAnnotation?.typeAnnotation;
        const types =
          declared?.type === AST_NODE_TYPES.TSUnionType ? declared.types : declared ? [declared] : [];
        return types.some(part => /^(?:Request|NextRequest)$/.test(lastName(part)));
      });
    }

    /** The function reads `name.signal` (or `name?.signal`) somewhere in its own body. */
    function readsSignalOf(fn: FunctionNode, name: string): boolean {
      return (
        findNode(
          fn.body,
          inner =>
            inner.type === AST_NODE_TYPES.MemberExpression &&
            inner.object.type === AST_NODE_TYPES.Identifier &&
            inner.object.name === name &&
            memberName(inner) === 'signal',
          inner => !isFunction(inner),
        ) !== undefined
      );
    }

    /** A signal a function receives: a `signal` parameter, `{ signal }` from options, a fetch `Request`. */
    function signalOf(fn: FunctionNode, project: boolean): Inherited | undefined {
      const first = fn.params[0];
      if (first?.type === AST_NODE_TYPES.Identifier && isRouteHandler(fn))
        return {
          text: `${first.name}.signal`,
          names: new Set([`${first.name}.signal`]),
          fn,
          fromRequest: true,
        };
      for (const param of fn.params) {
        const target = param.type === AST_NODE_TYPES.AssignmentPattern ? param.left : param;
        if (target.type === AST_NODE_TYPES.Identifier) {
          if (namedSignal(target) || typeName(target) === 'AbortSignal')
            return { text: target.name, names: new Set([target.name]), fn };
          const type = typeName(target);
          if ((type === 'Request' || type === 'NextRequest') && isFetchRequest(type))
            return {
              text: `${target.name}.signal`,
              names: new Set([`${target.name}.signal`]),
              fn,
              fromRequest: true,
            };
          // `options: { signal?: AbortSignal }`, `opts?: FetchOptions` (a local type with a signal),
          // or an options object whose `signal` the function reads (`options.signal`, `opts?.signal`).
          if (mentionsSignal && (declaresSignal(target) || readsSignalOf(fn, target.name)))
            return {
              // `options?: { signal?: AbortSignal }` may be absent: the suggestion reads it safely.
              text: `${target.name}${target.optional ? '?' : ''}.signal`,
              names: new Set([`${target.name}.signal`]),
              fn,
            };
          // `job: { abortSignal: AbortSignal }`, or an interface or type alias of this file with such
          // a member, whatever its name.
          const local = mentionsAbortSignal
            ? localSignalKey(target.typeAnnotation?.typeAnnotation)
            : undefined;
          if (local)
            return {
              text: `${target.name}${target.optional ? '?' : ''}.${local}`,
              names: new Set([`${target.name}.${local}`]),
              fn,
            };
          // `job: DequeuedJob<T>` (a project type with `abortSignal`), `options: this['ParsedCallOptions']`.
          const key = carriedSignal(target.typeAnnotation?.typeAnnotation, 0, project);
          if (key)
            return {
              text: `${target.name}${target.optional ? '?' : ''}.${key}`,
              names: new Set([`${target.name}.${key}`]),
              fn,
            };
        }
        if (target.type === AST_NODE_TYPES.ObjectPattern) {
          for (const property of target.properties) {
            if (property.type !== AST_NODE_TYPES.Property) continue;
            const key = propertyKey(property);
            let value: Node = property.value;
            if (value.type === AST_NODE_TYPES.AssignmentPattern) value = value.left;
            // `{ signal }`, `{ abortSignal }` (a job runner's helpers, an AI SDK tool's options).
            if (key !== undefined && SIGNAL_NAME.test(key) && value.type === AST_NODE_TYPES.Identifier)
              return { text: value.name, names: new Set([value.name]), fn };
            // Remix/React Router loaders, SvelteKit and Astro endpoints: `({ request }) => …` carries
            // `request.signal`; not when the parameter is declared with another library's type
            // (proxy-chain's options, whose `request` is a node:http IncomingMessage, with no signal).
            if (key === 'request' && value.type === AST_NODE_TYPES.Identifier && loaderArgs(target))
              return {
                text: `${value.name}.signal`,
                names: new Set([`${value.name}.signal`]),
                fn,
                fromRequest: true,
              };
          }
        }
      }
      return undefined;
    }

    /** The nearest enclosing function (outwards) that receives a signal, with the names derived from it. */
    function inheritedAt(node: Node, project = true): Inherited | undefined {
      const cache = inheritedCache[project ? 1 : 0] as Map<Node, Inherited | null>;
      for (let current = node.parent; current; current = current.parent) {
        if (!isFunction(current)) continue;
        const cached = cache.get(current);
        if (cached !== undefined) {
          if (cached) return cached;
          continue;
        }
        const found = signalOf(current, project);
        if (found) derive(found);
        cache.set(current, found ?? null);
        if (found) return found;
      }
      return undefined;
    }

    /** Adds local names derived from the signal: `const s = AbortSignal.any([signal, …])`, wired controllers, option objects. */
    function derive(inherited: Inherited): void {
      const body = inherited.fn.body;
      for (let round = 0; round < 3; round++) {
        findNode(body, node => {
          if (
            node.type === AST_NODE_TYPES.VariableDeclarator &&
            node.id.type === AST_NODE_TYPES.Identifier &&
            node.init &&
            mentions(node.init, inherited.names)
          ) {
            inherited.names.add(node.id.name);
          }
          // `signal.onabort = () => controller.abort()`
          if (
            node.type === AST_NODE_TYPES.AssignmentExpression &&
            node.left.type === AST_NODE_TYPES.MemberExpression &&
            memberName(node.left) === 'onabort' &&
            mentions(node.left.object, inherited.names)
          ) {
            const aborted = findNode(
              node.right,
              inner => inner.type === AST_NODE_TYPES.MemberExpression && memberName(inner) === 'abort',
            );
            if (
              aborted?.type === AST_NODE_TYPES.MemberExpression &&
              aborted.object.type === AST_NODE_TYPES.Identifier
            )
              inherited.names.add(`${aborted.object.name}.signal`);
          }
          // `signal.addEventListener('abort', () => controller.abort())`
          if (
            node.type === AST_NODE_TYPES.CallExpression &&
            node.callee.type === AST_NODE_TYPES.MemberExpression &&
            memberName(node.callee) === 'addEventListener' &&
            mentions(node.callee.object, inherited.names)
          ) {
            const handler = node.arguments[1];
            const aborted = handler
              ? findNode(
                  handler,
                  inner => inner.type === AST_NODE_TYPES.MemberExpression && memberName(inner) === 'abort',
                )
              : undefined;
            if (
              aborted?.type === AST_NODE_TYPES.MemberExpression &&
              aborted.object.type === AST_NODE_TYPES.Identifier
            )
              inherited.names.add(`${aborted.object.name}.signal`);
          }
          return false;
        });
      }
    }

    function mentions(node: Node, names: ReadonlySet<string>): boolean {
      return (
        findNode(node, inner => {
          // A name used as a value, not `x.signal` (a property) or `{ signal: … }` (a key).
          if (inner.type === AST_NODE_TYPES.Identifier && names.has(inner.name) && !isPropertyName(inner))
            return true;
          if (
            inner.type === AST_NODE_TYPES.MemberExpression &&
            inner.object.type === AST_NODE_TYPES.Identifier
          ) {
            const name = memberName(inner);
            return name !== undefined && names.has(`${inner.object.name}.${name}`);
          }
          return false;
        }) !== undefined
      );
    }

    /**
     * The object that holds the signal (`preferredBehaviour` of `preferredBehaviour.useAbortSignal`)
     * is handed on whole, in the argument or in the const it names (`const options = { behaviour:
     * requestMode(preferredBehaviour) }; innerFetch(options)`): the signal may travel with it.
     */
    function handsOnHolder(arg: Node, names: ReadonlySet<string>): boolean {
      const holders = new Set(
        [...names].flatMap(name => (name.includes('.') ? [name.split('.')[0] as string] : [])),
      );
      if (holders.size === 0) return false;
      const whole = (node: Node): boolean =>
        findNode(
          node,
          inner =>
            inner.type === AST_NODE_TYPES.Identifier &&
            holders.has(inner.name) &&
            !isPropertyName(inner) &&
            !(inner.parent?.type === AST_NODE_TYPES.MemberExpression && inner.parent.object === inner),
        ) !== undefined;
      const value = unwrap(arg);
      if (whole(value)) return true;
      const init = value.type === AST_NODE_TYPES.Identifier ? model.constInit(value) : undefined;
      return init !== undefined && whole(init);
    }

    function isPropertyName(identifier: TSESTree.Identifier): boolean {
      const parent = identifier.parent;
      if (parent?.type === AST_NODE_TYPES.MemberExpression)
        return parent.property === identifier && !parent.computed;
      if (parent?.type === AST_NODE_TYPES.Property)
        return parent.key === identifier && !parent.computed && !parent.shorthand;
      return false;
    }

    function calleeText(node: Node): string {
      const text = oneLine(sourceCode.getText(node));
      return text.length > 40 ? `${text.slice(0, 37)}…` : text;
    }

    /** An argument of the call is a variable whose `key` is assigned (`init.signal = …`) in this file. */
    function setLater(call: Classified['node'], key: string): boolean {
      if (key.includes('.')) return false;
      return call.arguments.some(arg => {
        const value = unwrap(arg as Node);
        if (value.type !== AST_NODE_TYPES.Identifier) return false;
        return (
          model.findVariable(value)?.references.some(reference => {
            const member = reference.identifier.parent;
            return (
              member?.type === AST_NODE_TYPES.MemberExpression &&
              member.object === reference.identifier &&
              memberName(member) === key &&
              member.parent?.type === AST_NODE_TYPES.AssignmentExpression &&
              member.parent.left === member
            );
          }) === true
        );
      });
    }

    /** Adds `key: signal` to the options object, or the options argument itself. */
    function passSuggestion(
      classified: Classified,
      key: string,
      signal: string,
    ): TSESLint.SuggestionReportDescriptor<MessageIds>[] {
      const role = classified.role;
      if (role.role !== 'call' || !('at' in role.options) || key.includes('.')) return [];
      const text = key === signal ? key : `${key}: ${signal}`;
      const fix = addOptionFix(classified.node, role.options.at, text);
      return fix ? [{ messageId: 'suggestPassSignal', data: { signal }, fix }] : [];
    }

    function checkRemote(classified: Classified): void {
      const role = classified.role;
      if (role.role !== 'call') return;
      const key = classified.custom
        ? (classified.custom.timeoutKeys.find(name => /signal/i.test(name)) ?? undefined)
        : SIGNAL_KEY[role.family];
      if (!key) return;
      if (
        role.family === 'aws' &&
        memberName(unwrap(classified.node.callee) as TSESTree.MemberExpression) !== 'send'
      )
        return;
      const inherited = inheritedAt(classified.node);
      if (!inherited) return;
      const optionsSummary = model.optionsOf(classified.node, role.options);
      if (
        optionsSummary.kind === 'opaque' ||
        (optionsSummary.kind === 'object' &&
          optionsSummary.hasSpread &&
          !getPath(optionsSummary, key.split('.')))
      )
        return;
      if (optionsSummary.kind !== 'object' && optionsSummary.kind !== 'absent') return;
      // A team's client may name a key inside nested options (`request.signal`).
      const prop = getPath(optionsSummary, key.split('.'));
      const data = { callee: calleeText(classified.node.callee), signal: inherited.text, key };
      if (!prop) {
        // `fetchOptions.signal = options.signal` before `fetch(url, fetchOptions)`: the key is set
        // on the options object after it is made; this or another signal, not ours to judge.
        if (setLater(classified.node, key)) return;
        // fetch(request) where the Request was built with the signal, or the instance carries it.
        const input = classified.node.arguments[0];
        if (
          role.family === 'fetch' &&
          input &&
          input.type !== AST_NODE_TYPES.SpreadElement &&
          mentions(input, inherited.names)
        )
          return;
        context.report({
          node: classified.node.callee,
          messageId: 'signalNotPassed',
          data,
          suggest: passSuggestion(classified, key, inherited.text),
        });
        return;
      }
      const property = prop.at as TSESTree.Property;
      const value = unwrap(property.value as Node);
      // `signal: undefined` says "not this one" on purpose.
      if (value.type === AST_NODE_TYPES.Identifier && value.name === 'undefined') return;
      if (mentions(value, inherited.names)) return;
      const resolved = value.type === AST_NODE_TYPES.Identifier ? model.constInit(value) : undefined;
      if (resolved && mentions(resolved, inherited.names)) return;
      const summary = prop.value;
      const fresh = summary.kind === 'signal' && summary.timed !== 'unknown';
      if (!fresh) return; // some other signal from elsewhere: not ours to judge
      context.report({
        node: property,
        messageId: 'freshSignal',
        data,
        suggest: [
          {
            messageId: 'suggestCombine',
            data: { signal: inherited.text },
            fix: fixer =>
              property.shorthand
                ? fixer.replaceText(
                    property,
                    `${key.slice(key.lastIndexOf('.') + 1)}: AbortSignal.any([${inherited.text}, ${sourceCode.getText(value)}])`,
                  )
                : fixer.replaceText(
                    value,
                    `AbortSignal.any([${inherited.text}, ${sourceCode.getText(value)}])`,
                  ),
          },
        ],
      });
    }

    /** Where a function takes a signal: a `signal` parameter, or `{ signal }` destructured from its options. */
    function signalParameter(fn: FunctionNode): { index: number; inOptions: boolean } | undefined {
      let inOptions = false;
      const index = fn.params.findIndex(param => {
        const target = param.type === AST_NODE_TYPES.AssignmentPattern ? param.left : param;
        if (target.type === AST_NODE_TYPES.Identifier) {
          if (namedSignal(target) || typeName(target) === 'AbortSignal') return true;
          // `opts?: { signal?: AbortSignal }`, options whose `signal` the function reads, or a type that carries one.
          inOptions =
            declaresSignal(target) ||
            readsSignalOf(fn, target.name) ||
            !!carriedSignal(target.typeAnnotation?.typeAnnotation);
          return inOptions;
        }
        if (
          target.type === AST_NODE_TYPES.ObjectPattern &&
          target.properties.some(property => {
            const key = property.type === AST_NODE_TYPES.Property ? propertyKey(property) : undefined;
            return key !== undefined && SIGNAL_NAME.test(key);
          })
        ) {
          inOptions = true;
          return true;
        }
        return false;
      });
      return index === -1 ? undefined : { index, inOptions };
    }

    /** A parameter that plainly holds no signal: a primitive, or an object type we can read without one. */
    function cannotCarrySignal(param: TSESTree.Parameter): boolean {
      const target = param.type === AST_NODE_TYPES.AssignmentPattern ? param.left : param;
      if (target.type === AST_NODE_TYPES.ObjectPattern)
        return !target.properties.some(
          property => property.type !== AST_NODE_TYPES.Property || propertyKey(property) === 'signal',
        );
      if (target.type !== AST_NODE_TYPES.Identifier) return false;
      const type = target.typeAnnotation?.typeAnnotation;
      if (!type) return false;
      const PRIMITIVES = new Set<string>([
        AST_NODE_TYPES.TSStringKeyword,
        AST_NODE_TYPES.TSNumberKeyword,
        AST_NODE_TYPES.TSBooleanKeyword,
        AST_NODE_TYPES.TSBigIntKeyword,
      ]);
      if (PRIMITIVES.has(type.type)) return true;
      if (type.type === AST_NODE_TYPES.TSTypeLiteral) return !declaresSignal(target);
      // A list, or a type of the project read to the end without an AbortSignal member (a client class).
      return carriedSignal(type) === null;
    }

    /** The call passes something where `fn` takes its signal (ours, or a deliberate other one). */
    function passesSignal(
      call: TSESTree.CallExpression,
      where: { index: number; inOptions: boolean },
    ): boolean {
      const arg = call.arguments[where.index];
      if (!arg) return false;
      // An options literal without `signal` passes none.
      const object = unwrap(arg);
      if (!where.inOptions || object.type !== AST_NODE_TYPES.ObjectExpression) return true;
      return object.properties.some(property => {
        if (property.type !== AST_NODE_TYPES.Property || property.computed) return true;
        const key = propertyKey(property);
        return key !== undefined && SIGNAL_NAME.test(key);
      });
    }

    /**
     * A call to a function of this file or of another module of the project, made where a signal is
     * in scope: reported when the function takes a signal and is not given ours (CA2016), or when it
     * makes calls that could take one but has no way to receive it.
     */
    function checkFunctionCall(call: TSESTree.CallExpression): void {
      // Most calls have no signal in scope: the project's types are read for one only when the
      // callee is a function of this file (a call into another module needs a module read anyway).
      const inherited =
        inheritedAt(call, false) ?? (model.localFunction(call.callee) ? inheritedAt(call) : undefined);
      if (!inherited) return;
      if (call.arguments.some(arg => arg.type === AST_NODE_TYPES.SpreadElement)) return;
      const local = model.localFunction(call.callee);
      let fn: FunctionNode | undefined;
      let remote: () => boolean;
      let signalCapable: () => boolean;
      if (local) {
        fn = local;
        remote = () => model.remoteCallsWithin(local.body).length > 0;
        signalCapable = () =>
          model
            .remoteCallsWithin(local.body)
            .some(
              classified =>
                classified.role.role === 'call' && SIGNAL_KEY[classified.role.family] !== undefined,
            );
      } else {
        const found = model.projectFunctionOf(call);
        if (!found) return;
        fn = found.fn;
        remote = () => found.remote;
        signalCapable = () => found.signalCapable;
      }
      if (inherited.fn === fn) return;
      const where = signalParameter(fn);
      const data = { callee: calleeText(call.callee), signal: inherited.text };
      if (where) {
        if (passesSignal(call, where) || !remote()) return;
        context.report({ node: call.callee, messageId: 'signalNotForwarded', data });
        return;
      }
      // A function with no way to take the signal: only when what it calls could have used it,
      // the signal is one this function was given (not one read off every request), nothing we
      // pass mentions it, and every parameter is plainly not a carrier (no options type we cannot see).
      if (
        inherited.fromRequest ||
        call.arguments.some(arg => mentions(arg, inherited.names) || handsOnHolder(arg, inherited.names))
      )
        return;
      if (!fn.params.every(param => cannotCarrySignal(param))) return;
      if (!signalCapable()) return;
      context.report({ node: call.callee, messageId: 'signalNotAccepted', data });
    }

    /** Functions that make remote calls and never read the deadline they are handed. */
    function checkDroppedDeadlines(): void {
      const seen = new Set<Node>();
      for (const classified of model.remoteCalls()) {
        if (classified.role.role !== 'call') continue;
        for (let current: Node | undefined = classified.node.parent; current; current = current.parent) {
          if (!isFunction(current) || seen.has(current)) continue;
          seen.add(current);
          for (const dropped of droppedDeadlines(current, sourceCode, param =>
            typeMembers(param.typeAnnotation?.typeAnnotation).flatMap(member =>
              member.type === AST_NODE_TYPES.TSPropertySignature &&
              member.key.type === AST_NODE_TYPES.Identifier
                ? [member.key.name]
                : [],
            ),
          ))
            context.report({
              // The name alone, not its type annotation.
              loc:
                dropped.node.type === AST_NODE_TYPES.Identifier
                  ? {
                      start: dropped.node.loc.start,
                      end: {
                        line: dropped.node.loc.start.line,
                        column: dropped.node.loc.start.column + dropped.node.name.length,
                      },
                    }
                  : dropped.node.loc,
              messageId: 'deadlineDropped',
              data: { name: dropped.name },
            });
        }
      }
    }

    return {
      'Program:exit'(): void {
        for (const classified of model.remoteCalls()) checkRemote(classified);
        checkDroppedDeadlines();
        for (const call of model.calls) {
          if (call.type === AST_NODE_TYPES.CallExpression && !model.classify(call)) checkFunctionCall(call);
        }
      },
    };
  },
});
