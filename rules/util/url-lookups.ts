// How a rule reads the names in a request's URL where the request is written (util/loopback.ts):
// a const of the file, another module's export through project facts, a class field set once.
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';
import { type Node, isFunction, memberName } from './ast.js';
import { URL_FAMILIES } from '@faultline/catalog';

import type { Classified, FileModel } from './file-model.js';
import { type UrlLookups, loopbackRequest } from './loopback.js';
import { projectTexts } from './project-calls.js';
import { fieldInit } from './project-calls/classes.js';
import type { ProjectContext } from './project-facts.js';
import { localCallArguments } from './waiters.js';

/** The lookups of one linted file; another module is opened only when a name is imported from it. */
export function fileUrlLookups(
  context: ProjectContext & { sourceCode: { ast: unknown } },
  model: FileModel,
): UrlLookups {
  let texts: ((name: TSESTree.Identifier) => string | undefined) | null = null;
  return {
    name: id => {
      const init = model.constInit(id);
      if (init) return init;
      // An import, or a `require` of the project: what the other module's const holds.
      const variable = model.findVariable(id);
      const def = variable?.defs[0];
      // A parameter the function writes may hold another URL by the time it is used.
      if (def?.type === 'Parameter')
        return variable?.references.some(reference => reference.isWrite() && !reference.init)
          ? undefined
          : handedOnce(model, def.node as Node, def.name as Node);
      // A `let` may be given another URL at run time (`configure(url)`): only a const is fixed.
      const isConst = def?.type === 'Variable' && (def.parent as { kind?: string } | null)?.kind === 'const';
      if (def?.type !== 'ImportBinding' && !isConst) return undefined;
      texts ??= projectTexts(context) ?? (() => undefined);
      return texts(id);
    },
    field: member => {
      let owner: Node | undefined = member.parent;
      while (
        owner &&
        owner.type !== AST_NODE_TYPES.ClassDeclaration &&
        owner.type !== AST_NODE_TYPES.ClassExpression
      )
        owner = owner.parent;
      const key = memberName(member);
      return owner && key ? fieldInit(owner, key) : undefined;
    },
  };
}

/**
 * What the one call of a function of this file hands the parameter `name` (`const checkServer =
 * async url => fetch(url)` called once as `` checkServer(`http://localhost:${port}`) ``). Undefined
 * when the function is exported, used other than by calls, or called more than once.
 */
function handedOnce(model: FileModel, fn: Node, name: Node): Node | undefined {
  if (!isFunction(fn)) return undefined;
  const index = fn.params.findIndex(
    param => param === name || (param.type === AST_NODE_TYPES.AssignmentPattern && param.left === name),
  );
  if (index < 0) return undefined;
  const lists = localCallArguments(model, fn);
  const args = lists?.length === 1 ? lists[0] : undefined;
  if (!args || args.slice(0, index).some(arg => arg.type === AST_NODE_TYPES.SpreadElement)) return undefined;
  const arg = args[index];
  // A recursive call hands the function its own parameter: nothing is learnt.
  if (
    !arg ||
    arg.type === AST_NODE_TYPES.SpreadElement ||
    (arg.range[0] >= fn.range[0] && arg.range[1] <= fn.range[1])
  )
    return undefined;
  return arg;
}

/**
 * What names this machine as the host of the request a known client's call makes, also through an
 * instance made with a loopback base (`axios.create({ baseURL: 'http://localhost:3000' })`);
 * undefined when it is not a request to this machine.
 */
export function loopbackCall(classified: Classified, lookups: UrlLookups): string | undefined {
  const { node, role } = classified;
  if (node.type !== AST_NODE_TYPES.CallExpression || role.role !== 'call' || !URL_FAMILIES.has(role.family))
    return undefined;
  let made = classified.origin;
  while (made?.parent) made = made.parent;
  return loopbackRequest(node, lookups, made?.role.role === 'factory' ? made.node : undefined);
}
