// Signals and timers: whether an AbortSignal is aborted by a timer (`AbortSignal.timeout`, `any`,
// a controller whose `abort` a timer calls), and which calls are `setTimeout`/`setInterval`.
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';

import { ABORT_CONTROLLER_MODULES, type Summary } from '@faultline/catalog';
import { type Node, isFunction, memberName, unwrap, writtenName } from '../ast.js';
import type { FileModel } from '../file-model.js';

/** Reads the signals and timers of one file. */
export class SignalReader {
  constructor(private readonly model: FileModel) {}

  /** Whether a signal expression is aborted by a timer: `AbortSignal.timeout`, `any`, or a timed controller. */
  summarizeSignal(input: Node, depth = 0): Summary {
    const node = unwrap(input);
    if (node.type === AST_NODE_TYPES.Identifier) {
      if (node.name === 'undefined' && this.model.isGlobal(node)) return { kind: 'undefined', at: node };
      const init = depth < 4 ? this.model.constInit(node) : undefined;
      if (init) return this.summarizeSignal(init, depth + 1);
      return { kind: 'signal', timed: 'unknown', at: node };
    }
    if (node.type === AST_NODE_TYPES.Literal && node.value === null) return { kind: 'null', at: node };
    if (node.type === AST_NODE_TYPES.CallExpression) {
      const callee = this.model.valueOf(node.callee);
      if (callee.kind === 'global' && callee.path[0] === 'AbortSignal') {
        const method = callee.path[1];
        if (method === 'timeout') return { kind: 'signal', timed: 'yes', at: node };
        if (method === 'abort') return { kind: 'signal', timed: 'yes', at: node };
        if (method === 'any') {
          const list = node.arguments[0] ? unwrap(node.arguments[0]) : undefined;
          if (list?.type !== AST_NODE_TYPES.ArrayExpression)
            return { kind: 'signal', timed: 'unknown', at: node };
          let timed: 'yes' | 'no' | 'unknown' = 'no';
          for (const element of list.elements) {
            if (!element || element.type === AST_NODE_TYPES.SpreadElement) {
              timed = timed === 'yes' ? 'yes' : 'unknown';
              continue;
            }
            const part = this.summarizeSignal(element, depth + 1);
            const partTimed = part.kind === 'signal' ? part.timed : 'unknown';
            if (partTimed === 'yes') timed = 'yes';
            else if (partTimed === 'unknown' && timed === 'no') timed = 'unknown';
          }
          return { kind: 'signal', timed, at: node };
        }
      }
      return { kind: 'signal', timed: 'unknown', at: node };
    }
    if (node.type === AST_NODE_TYPES.MemberExpression && memberName(node) === 'signal') {
      const object = unwrap(node.object);
      if (object.type === AST_NODE_TYPES.Identifier) {
        const timed = this.controllerTimed(object);
        return { kind: 'signal', timed, at: node };
      }
      if (object.type === AST_NODE_TYPES.NewExpression) {
        // `new AbortController().signal`: nothing can ever abort it.
        if (this.isAbortControllerClass(object.callee)) return { kind: 'signal', timed: 'no', at: node };
      }
    }
    return { kind: 'signal', timed: 'unknown', at: node };
  }

  /** The global `AbortController`, or one from a polyfill package. */
  isAbortControllerClass(node: Node): boolean {
    const value = this.model.valueOf(node);
    if (value.kind === 'global') return value.path.join('.') === 'AbortController';
    if (value.kind === 'module' && ABORT_CONTROLLER_MODULES.has(value.module))
      return value.path.length === 0 || value.path.join('.') === 'AbortController';
    return false;
  }

  /** For a local `new AbortController()`: does a timer call its `abort`, or does it escape? */
  controllerTimed(identifier: TSESTree.Identifier): 'yes' | 'no' | 'unknown' {
    const variable = this.model.findVariable(identifier);
    const def = variable?.defs[0];
    if (!variable || !def || def.type !== 'Variable') return 'unknown';
    const declarator = def.node as TSESTree.VariableDeclarator;
    const init = declarator.init ? unwrap(declarator.init) : undefined;
    if (init?.type !== AST_NODE_TYPES.NewExpression) return 'unknown';
    if (!this.isAbortControllerClass(init.callee)) return 'unknown';
    let escapes = false;
    for (const reference of variable.references) {
      if (reference.init || reference.isWrite()) continue;
      const use = reference.identifier as Node;
      const parent = use.parent;
      if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === use) {
        const name = memberName(parent);
        // `controller.abort()` in a timer callback, or `controller.abort.bind(controller)` given to one.
        const grand = parent.parent;
        const called = grand?.type === AST_NODE_TYPES.CallExpression && grand.callee === parent;
        const bound =
          grand?.type === AST_NODE_TYPES.MemberExpression &&
          grand.object === parent &&
          memberName(grand) === 'bind';
        if (name === 'abort' && (called || bound) && this.isInsideTimer(parent)) return 'yes';
        if (name === 'signal' || name === 'abort') continue;
      }
      escapes = true;
    }
    return escapes ? 'unknown' : 'no';
  }

  /** True when the node sits in a callback given to `setTimeout`/`setInterval` (global or node:timers). */
  isInsideTimer(node: Node): boolean {
    for (let current: Node | undefined = node; current; current = current.parent) {
      const parent: Node | undefined = current.parent;
      if (parent?.type === AST_NODE_TYPES.CallExpression && parent.arguments[0] === current) {
        if (this.isTimerCall(parent)) return true;
      }
      // `const onTimeout = () => controller.abort(); setTimeout(onTimeout, ms)`
      if (
        isFunction(current) &&
        current.parent?.type === AST_NODE_TYPES.VariableDeclarator &&
        current.parent.id.type === AST_NODE_TYPES.Identifier
      ) {
        const variable = this.model.findVariable(current.parent.id);
        for (const reference of variable?.references ?? []) {
          const use = reference.identifier as Node;
          if (
            use.parent?.type === AST_NODE_TYPES.CallExpression &&
            use.parent.arguments[0] === use &&
            this.isTimerCall(use.parent)
          )
            return true;
        }
      }
      if (parent?.type === AST_NODE_TYPES.Program) return false;
    }
    return false;
  }

  /** `setTimeout(…)` / `setInterval(…)`, global or imported from node:timers. */
  isTimerCall(node: TSESTree.CallExpression): boolean {
    // Cheap first: only a callee named setTimeout/setInterval can be one.
    const inner = unwrap(node.callee);
    const written = writtenName(inner);
    if (written !== 'setTimeout' && written !== 'setInterval') return false;
    const callee = this.model.valueOf(node.callee);
    const name =
      callee.kind === 'global'
        ? callee.path.join('.')
        : callee.kind === 'module' && callee.module === 'node:timers'
          ? callee.path.join('.')
          : '';
    return name === 'setTimeout' || name === 'setInterval';
  }
}
