// What a call's options say, as plain summaries the catalog decides on: where the options
// argument is (by the role's locator), and what its literals, local consts, spreads and nested
// objects hold. Anything the file does not show is opaque, never guessed.
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';

import { type Locator, type Prop, type Summary, URL_NAME, optionsHelperArgument } from '@faultline/catalog';
import {
  type CallLike,
  type Node,
  findNode,
  isEnvRead,
  isFunction,
  memberName,
  propertyKey,
  thisClassBody,
  unwrap,
  writtenName,
} from '../ast.js';
import type { FileModel } from '../file-model.js';

function getPropKind(summary: Summary, key: string): boolean {
  return summary.kind === 'object' && summary.props.has(key);
}
const ABSENT: Summary = { kind: 'absent' };

/** Reads the options of one file's calls. */
export class OptionsReader {
  constructor(private readonly model: FileModel) {}

  /** The options of a call, located as its role says, reduced to a summary. */
  optionsOf(call: CallLike, locator: Locator): Summary {
    const node = this.constructionArgs(call);
    const args = node.arguments;
    const spreadAt = args.findIndex(arg => arg.type === AST_NODE_TYPES.SpreadElement);
    const argAt = (index: number): Node | undefined => {
      if (spreadAt !== -1 && spreadAt <= index) return undefined;
      return args[index];
    };
    if ('at' in locator) {
      if (spreadAt !== -1 && spreadAt <= locator.at) return { kind: 'opaque', at: args[spreadAt] };
      if (locator.alone && args.length > 1) return ABSENT;
      const arg = argAt(locator.at);
      // `MongoClient.connect(url, callback)`: a callback where options could be is no options.
      if (arg && isFunction(unwrap(arg))) return ABSENT;
      return this.summarizeTop(arg);
    }
    if ('configOrUrl' in locator) {
      if (spreadAt === 0) return { kind: 'opaque' };
      const first = argAt(0);
      if (!first) return ABSENT;
      const firstSummary = this.summarizeTop(first);
      if (firstSummary.kind === 'object') return firstSummary;
      if (firstSummary.kind === 'opaque' && this.looksLikeUrl(first) && !argAt(1)) return ABSENT;
      const second = argAt(1);
      if (second) return this.summarizeTop(second);
      if (spreadAt === 1) return { kind: 'opaque' };
      return firstSummary.kind === 'string' || firstSummary.kind === 'value' ? ABSENT : firstSummary;
    }
    if ('httpArgs' in locator) {
      for (let index = 0; index < Math.min(args.length, 2); index++) {
        const arg = argAt(index);
        if (!arg) return { kind: 'opaque' };
        // The response callback, written out or named (`https.get(url, callback)`): no options.
        if (this.isCallbackLike(arg)) break;
        const summary = this.summarizeTop(arg);
        if (summary.kind === 'object') return summary;
        if (summary.kind === 'opaque' && this.looksLikeUrl(arg)) continue;
        if (summary.kind === 'opaque') {
          const next = argAt(index + 1);
          if (next && !this.isCallbackLike(next)) continue;
          return summary;
        }
      }
      return ABSENT;
    }
    if ('lastObject' in locator) {
      for (let index = args.length - 1; index >= 0; index--) {
        const arg = argAt(index);
        if (!arg) return { kind: 'opaque' };
        if (isFunction(arg)) continue;
        const summary = this.summarizeTop(arg);
        if (summary.kind === 'string' || summary.kind === 'number' || summary.kind === 'value') return ABSENT;
        if (summary.kind === 'opaque' && this.looksLikeUrl(arg)) return ABSENT;
        return summary;
      }
      return ABSENT;
    }
    if ('grpcCall' in locator) {
      const callee = unwrap(node.callee);
      let first =
        callee.type === AST_NODE_TYPES.MemberExpression && memberName(callee)?.startsWith('make') ? 4 : 1;
      // Client- and bidi-streaming calls take no request: `stub.routeChat({ deadline })`.
      if (first === 1 && getPropKind(this.summarizeTop(argAt(0)), 'deadline')) first = 0;
      const merged: Summary = { kind: 'object', props: new Map(), hasSpread: false };
      let seen = false;
      for (let index = first; index < args.length; index++) {
        const arg = argAt(index);
        if (!arg) return { kind: 'opaque' };
        if (this.isCallbackLike(arg) || this.isGrpcMetadata(arg)) continue;
        const summary = this.summarizeTop(arg);
        if (summary.kind === 'object') {
          seen = true;
          for (const [key, prop] of summary.props) merged.props.set(key, prop);
          merged.hasSpread ||= summary.hasSpread;
        } else if (summary.kind === 'opaque') {
          merged.hasSpread = true;
          seen = true;
        }
      }
      return seen ? merged : ABSENT;
    }
    return ABSENT;
  }

  /**
   * Where a construction's options are written: for `new Storage(…)` of a local subclass whose
   * constructor calls `super(…)`, that call's arguments; otherwise the construction's own.
   */
  private constructionArgs(node: CallLike): CallLike {
    if (node.type !== AST_NODE_TYPES.NewExpression || node.callee.type !== AST_NODE_TYPES.Identifier)
      return node;
    const def = this.model.findVariable(node.callee)?.defs[0];
    if (def?.type !== 'ClassName') return node;
    const klass = def.node as TSESTree.ClassDeclaration;
    const constructor = klass.body.body.find(
      (member): member is TSESTree.MethodDefinition =>
        member.type === AST_NODE_TYPES.MethodDefinition && member.kind === 'constructor',
    );
    if (!constructor) return node;
    const superCall = findNode(
      constructor.value.body ?? constructor.value,
      inner => inner.type === AST_NODE_TYPES.CallExpression && inner.callee.type === AST_NODE_TYPES.Super,
    );
    return (superCall as TSESTree.CallExpression | undefined) ?? node;
  }

  /** A callback argument: a function, an identifier bound to one, or named like one (`cb`, `done`, `onReply`). */
  isCallbackLike(arg: Node): boolean {
    const inner = unwrap(arg);
    if (isFunction(inner)) return true;
    if (inner.type !== AST_NODE_TYPES.Identifier) return false;
    if (/^(cb|callback|done|next|handler|resolve|reject)$|Callback$|Handler$|^on[A-Z]/.test(inner.name))
      return true;
    const def = this.model.findVariable(inner)?.defs[0];
    if (def?.type === 'FunctionName') return true;
    const init = this.model.constInit(inner);
    return init !== undefined && isFunction(unwrap(init));
  }

  /** A gRPC `Metadata` argument: `new Metadata()` (directly or through a const), or named like one. */
  private isGrpcMetadata(arg: Node): boolean {
    let inner = unwrap(arg);
    if (inner.type === AST_NODE_TYPES.Identifier) {
      if (/^(md|meta|metadata)$|Metadata$/i.test(inner.name)) return true;
      const init = this.model.constInit(inner);
      if (init) inner = unwrap(init);
    }
    if (inner.type === AST_NODE_TYPES.NewExpression) return true;
    if (inner.type === AST_NODE_TYPES.CallExpression) {
      const callee = unwrap(inner.callee);
      const name = writtenName(callee);
      return name !== undefined && /metadata/i.test(name);
    }
    return false;
  }

  /** A whole options argument: an unresolvable identifier or a call result is opaque. */
  summarizeTop(input: Node | undefined, depth = 0): Summary {
    if (!input) return ABSENT;
    const node = unwrap(input);
    if (node.type === AST_NODE_TYPES.Identifier) {
      if (node.name === 'undefined' && this.model.isGlobal(node)) return { kind: 'undefined', at: node };
      const init = this.model.constInit(node);
      if (init && depth < 4) return this.summarizeTop(init, depth + 1);
      return { kind: 'opaque', at: node };
    }
    if (node.type === AST_NODE_TYPES.ObjectExpression) return this.summarizeObject(node, depth);
    // `fetch(url, getOptions())`, `{ ...this.defaults(), method }`: a function of this file that
    // returns one object literal is as good as writing that literal here.
    if (node.type === AST_NODE_TYPES.CallExpression && depth < 4) {
      const returned = this.returnedObject(node);
      if (returned) return this.summarizeObject(returned, depth + 1);
      // `getOctokitOptions(token, options)`: a library function that hands on the options it is given.
      const callee = this.model.valueOf(node.callee);
      const at = callee.kind === 'module' ? optionsHelperArgument(callee.module, callee.path) : undefined;
      if (at !== undefined)
        return node.arguments.slice(0, at + 1).some(arg => arg.type === AST_NODE_TYPES.SpreadElement)
          ? { kind: 'opaque', at: node }
          : this.summarizeTop(node.arguments[at], depth + 1);
    }
    const value = this.summarizeValue(node, depth);
    if (value.kind === 'value') {
      if (node.type === AST_NODE_TYPES.MemberExpression && isEnvRead(node)) return value;
      if (node.type === AST_NODE_TYPES.TemplateLiteral || node.type === AST_NODE_TYPES.BinaryExpression)
        return value;
      return { kind: 'opaque', at: node };
    }
    return value;
  }

  /**
   * True when an argument is evidently a URL rather than an options object: a string, a `URL`,
   * a parameter typed `string`/`URL`, or a name that says so (`url`, `endpoint`, `baseUrl`).
   */
  looksLikeUrl(input: Node): boolean {
    const node = unwrap(input);
    const named = (name: string | undefined): boolean => name !== undefined && URL_NAME.test(name);
    switch (node.type) {
      case AST_NODE_TYPES.TemplateLiteral:
      case AST_NODE_TYPES.BinaryExpression:
        return true;
      case AST_NODE_TYPES.Literal:
        return typeof node.value === 'string';
      case AST_NODE_TYPES.MemberExpression:
        return named(memberName(node)) || isEnvRead(node);
      case AST_NODE_TYPES.NewExpression:
      case AST_NODE_TYPES.CallExpression: {
        const callee = unwrap(node.callee);
        const name = writtenName(callee);
        return name === 'URL' || name === 'String' || named(name);
      }
      // `process.env.REDIS_URL ?? 'redis://localhost:6379'`, `tls ? secureUrl : url`: every side is one.
      case AST_NODE_TYPES.LogicalExpression:
        return node.operator !== '&&' && this.looksLikeUrl(node.left) && this.looksLikeUrl(node.right);
      case AST_NODE_TYPES.ConditionalExpression:
        return this.looksLikeUrl(node.consequent) && this.looksLikeUrl(node.alternate);
      case AST_NODE_TYPES.Identifier: {
        if (named(node.name)) return true;
        const def = this.model.findVariable(node)?.defs[0];
        if (def?.type === 'Parameter') {
          const annotation = (def.name as TSESTree.Identifier).typeAnnotation?.typeAnnotation;
          if (annotation?.type === AST_NODE_TYPES.TSStringKeyword) return true;
          if (
            annotation?.type === AST_NODE_TYPES.TSTypeReference &&
            annotation.typeName.type === AST_NODE_TYPES.Identifier &&
            annotation.typeName.name === 'URL'
          )
            return true;
        }
        const init = this.model.constInit(node);
        return init !== undefined && this.looksLikeUrl(init);
      }
      default:
        return false;
    }
  }

  /** The one object literal a local function returns (`() => ({ headers })`, `{ return { … } }`). */
  private returnedObject(call: TSESTree.CallExpression): TSESTree.ObjectExpression | undefined {
    const fn = this.model.localFunction(call.callee);
    if (!fn) return undefined;
    if (fn.body.type !== AST_NODE_TYPES.BlockStatement) {
      const body = unwrap(fn.body);
      return body.type === AST_NODE_TYPES.ObjectExpression ? body : undefined;
    }
    const returns: TSESTree.ReturnStatement[] = [];
    findNode(
      fn.body,
      inner => {
        if (inner.type === AST_NODE_TYPES.ReturnStatement) returns.push(inner);
        return false;
      },
      inner => !isFunction(inner),
    );
    if (returns.length !== 1 || !returns[0]?.argument) return undefined;
    const returned = unwrap(returns[0].argument);
    return returned.type === AST_NODE_TYPES.ObjectExpression ? returned : undefined;
  }

  /**
   * The keys a spread of a conditional adds (`...(endpoint ? { endpoint } : {})`, `...(debug &&
   * { headers })`), each with an unknown value, since a branch may leave it out; undefined unless
   * every branch is an object literal this reader sees whole, or nothing.
   */
  private conditionalSpread(argument: Node, depth: number): Map<string, Prop> | undefined {
    const node = unwrap(argument);
    const branches =
      node.type === AST_NODE_TYPES.ConditionalExpression
        ? [node.consequent, node.alternate]
        : node.type === AST_NODE_TYPES.LogicalExpression && node.operator === '&&'
          ? [node.right]
          : undefined;
    if (!branches) return undefined;
    const keys = new Map<string, Prop>();
    for (const branch of branches) {
      const summary = this.summarizeTop(branch as Node, depth);
      if (summary.kind === 'null' || summary.kind === 'undefined') continue;
      if (summary.kind !== 'object' || summary.hasSpread) return undefined;
      for (const [key, prop] of summary.props)
        keys.set(key, { value: { kind: 'opaque', at: prop.at }, at: prop.at });
    }
    return keys;
  }

  private summarizeObject(node: TSESTree.ObjectExpression, depth: number): Summary {
    const props = new Map<string, Prop>();
    let hasSpread = false;
    for (const property of node.properties) {
      if (property.type === AST_NODE_TYPES.SpreadElement) {
        // A spread of a local object literal is as good as writing its properties here.
        const spread =
          depth < 4 ? this.summarizeTop(property.argument, depth + 1) : { kind: 'opaque' as const };
        if (spread.kind === 'object') {
          for (const [key, prop] of spread.props) props.set(key, prop);
          hasSpread ||= spread.hasSpread;
        } else if (spread.kind !== 'null' && spread.kind !== 'undefined') {
          // `...(endpoint ? { endpoint } : {})`: it adds at most the keys its branches write.
          const maybe = depth < 4 ? this.conditionalSpread(property.argument, depth + 1) : undefined;
          if (maybe) {
            for (const [key, prop] of maybe) props.set(key, prop);
            continue;
          }
          hasSpread = true;
          // Properties written before the spread may be overridden by it; those after it stand.
          props.clear();
        }
        continue;
      }
      const key = propertyKey(property);
      if (key === undefined) {
        hasSpread = true;
        continue;
      }
      if (property.kind !== 'init' || property.value.type === AST_NODE_TYPES.AssignmentPattern) {
        props.set(key, { value: { kind: 'value', at: property }, at: property });
        continue;
      }
      const valueNode = property.value as Node;
      const value =
        key === 'signal' || key === 'abortSignal'
          ? this.model.summarizeSignal(valueNode)
          : this.summarizeValue(valueNode, depth + 1);
      props.set(key, { value, at: property });
    }
    return { kind: 'object', props, hasSpread, at: node };
  }

  /** A property value: literals are read, local consts followed, anything else is "present". */
  summarizeValue(input: Node, depth = 0): Summary {
    const node = unwrap(input);
    switch (node.type) {
      case AST_NODE_TYPES.Literal:
        if (typeof node.value === 'number') return { kind: 'number', value: node.value, at: node };
        if (typeof node.value === 'string') return { kind: 'string', value: node.value, at: node };
        if (typeof node.value === 'boolean') return { kind: 'boolean', value: node.value, at: node };
        if (node.value === null && !('regex' in node) && !('bigint' in node))
          return { kind: 'null', at: node };
        return { kind: 'value', at: node };
      case AST_NODE_TYPES.TemplateLiteral:
        // Enough to search a connection string for a parameter name.
        return {
          kind: 'string',
          value: node.quasis.map(quasi => quasi.value.cooked ?? '').join(''),
          at: node,
        };
      case AST_NODE_TYPES.Identifier: {
        if (node.name === 'undefined' && this.model.isGlobal(node)) return { kind: 'undefined', at: node };
        if (node.name === 'Infinity' && this.model.isGlobal(node))
          return { kind: 'number', value: Infinity, at: node };
        const init = depth < 4 ? this.model.constInit(node) : undefined;
        if (init) {
          const inner = unwrap(init);
          if (inner.type === AST_NODE_TYPES.ObjectExpression) return this.summarizeObject(inner, depth + 1);
          return this.summarizeValue(init, depth + 1);
        }
        return { kind: 'value', at: node };
      }
      case AST_NODE_TYPES.UnaryExpression: {
        if (node.operator === 'void') return { kind: 'undefined', at: node };
        const argument = this.summarizeValue(node.argument, depth + 1);
        if (node.operator === '-' && argument.kind === 'number')
          return { kind: 'number', value: -argument.value, at: node };
        return { kind: 'value', at: node };
      }
      case AST_NODE_TYPES.BinaryExpression: {
        if (node.left.type === AST_NODE_TYPES.PrivateIdentifier) return { kind: 'value', at: node };
        const left = this.summarizeValue(node.left, depth + 1);
        const right = this.summarizeValue(node.right, depth + 1);
        if (left.kind === 'number' && right.kind === 'number') {
          const value =
            node.operator === '*'
              ? left.value * right.value
              : node.operator === '+'
                ? left.value + right.value
                : node.operator === '/'
                  ? left.value / right.value
                  : node.operator === '-'
                    ? left.value - right.value
                    : NaN;
          if (!Number.isNaN(value)) return { kind: 'number', value, at: node };
        }
        return { kind: 'value', at: node };
      }
      case AST_NODE_TYPES.ObjectExpression:
        return depth < 4 ? this.summarizeObject(node, depth) : { kind: 'value', at: node };
      case AST_NODE_TYPES.NewExpression: {
        // `requestHandler: new NodeHttpHandler({ … })`: the handler's own options are what count.
        const first = node.arguments[0];
        if (first && depth < 4 && unwrap(first).type === AST_NODE_TYPES.ObjectExpression) {
          return this.summarizeObject(unwrap(first) as TSESTree.ObjectExpression, depth + 1);
        }
        return { kind: 'value', at: node };
      }
      case AST_NODE_TYPES.ConditionalExpression: {
        // A bound on any path the code shows counts; only "none" on both paths is none.
        const consequent = this.summarizeValue(node.consequent, depth + 1);
        const alternate = this.summarizeValue(node.alternate, depth + 1);
        if (
          consequent.kind === alternate.kind &&
          (consequent.kind === 'null' || consequent.kind === 'undefined')
        )
          return consequent;
        return { kind: 'value', at: node };
      }
      case AST_NODE_TYPES.MemberExpression: {
        // `this.MAX_RETRIES`, `Limits.TIMEOUT_MS`: a readonly class field with a literal value.
        const field = depth < 4 ? this.readonlyField(node) : undefined;
        if (field) return this.summarizeValue(field, depth + 1);
        // `this.requestHandler`, given one construction in the class (`this.requestHandler = new
        // NodeHttpHandler({ … })` in the constructor): that construction's options.
        const made = depth < 4 ? this.onlyConstruction(node) : undefined;
        if (made) return this.summarizeValue(made, depth + 1);
        return { kind: 'value', at: node };
      }
      default:
        return { kind: 'value', at: node };
    }
  }

  /** `this.name` of a class of this file that gives the field one value, a construction (`new X(…)`). */
  private onlyConstruction(node: TSESTree.MemberExpression): Node | undefined {
    if (node.computed || unwrap(node.object as Node).type !== AST_NODE_TYPES.ThisExpression) return undefined;
    const name = memberName(node);
    const body = thisClassBody(node);
    const given = body && name !== undefined ? this.model.classFields.get(body)?.get(name) : undefined;
    const only = given?.length === 1 ? unwrap(given[0] as Node) : undefined;
    return only?.type === AST_NODE_TYPES.NewExpression ? only : undefined;
  }

  /**
   * The initialiser of a `readonly` field of a class of this file, read as `this.name` inside the
   * class or as `ClassName.name` for a static one: a value nothing can reassign.
   */
  private readonlyField(node: TSESTree.MemberExpression): Node | undefined {
    if (node.computed || node.property.type !== AST_NODE_TYPES.Identifier) return undefined;
    const name = node.property.name;
    let owner: Node | undefined;
    let wantStatic = false;
    if (node.object.type === AST_NODE_TYPES.ThisExpression) {
      owner = node.parent;
      while (
        owner &&
        owner.type !== AST_NODE_TYPES.ClassBody &&
        !(
          (owner.type === AST_NODE_TYPES.FunctionDeclaration ||
            owner.type === AST_NODE_TYPES.FunctionExpression) &&
          owner.parent?.type !== AST_NODE_TYPES.MethodDefinition
        )
      )
        owner = owner.parent;
      if (owner?.type !== AST_NODE_TYPES.ClassBody) return undefined;
    } else if (node.object.type === AST_NODE_TYPES.Identifier) {
      const def = this.model.findVariable(node.object)?.defs[0];
      if (def?.type !== 'ClassName') return undefined;
      owner = (def.node as TSESTree.ClassDeclaration).body;
      wantStatic = true;
    } else return undefined;
    for (const member of (owner as TSESTree.ClassBody).body) {
      if (
        member.type === AST_NODE_TYPES.PropertyDefinition &&
        member.readonly &&
        member.static === wantStatic &&
        !member.computed &&
        member.key.type === AST_NODE_TYPES.Identifier &&
        member.key.name === name &&
        member.value
      )
        return member.value;
    }
    return undefined;
  }
}
