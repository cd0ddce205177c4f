// Clients made without a deadline whose instance leaves the file (`export const http =
// got.extend({ prefixUrl })`, `return axios.create({ baseURL })`): their calls are made in other
// files, where the construction is not visible, so the construction is judged where it is made.
// This reader turns the construction into the catalog's `EscapingClientFacts`; the catalog
// decides. packages/core/src/analyze/remote-calls.ts (`escapingClient`) reads the same facts from
// TypeScript nodes.
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';

import {
  type FamilyId,
  type Verdict,
  decideEscapingClient,
  isEscapingClientCandidate,
} from '@faultline/catalog';
import { type Node, memberName, requireCall } from './ast.js';
import type { DeadlineReader } from './deadline-facts.js';
import type { Classified, FileModel } from './file-model.js';
import { type UrlLookups, loopbackConstruction } from './loopback.js';

/**
 * The missing deadlines of a client construction whose instance leaves the file, to report where
 * it is made. `processDefault` says whether another module sets a process-wide default (read only
 * for constructions that get that far).
 */
export function escapingClientVerdicts(
  model: FileModel,
  reader: DeadlineReader,
  classified: Classified,
  family: FamilyId,
  processDefault: () => boolean,
  urls?: UrlLookups,
): Verdict[] {
  const role = classified.role;
  if (role.role !== 'factory') return [];
  // `instance.extend({…})` inherits the instance's deadline; `got.extend({…})` off the module
  // itself inherits only got's defaults, which have none.
  const fromInstance = role.inheritsFrom !== undefined && classified.callee.kind !== 'module';
  if (!isEscapingClientCandidate(family, fromInstance)) return [];
  if (!leavesFile(model, classified.node)) return [];
  const client = reader.clientFacts(classified.node, family, true);
  return decideEscapingClient({
    family,
    fromInstance,
    leavesFile: true,
    processDefault: (family === 'axios' || family === 'googleapis') && processDefault(),
    client,
    loopbackBase:
      urls !== undefined && classified.node.type === AST_NODE_TYPES.CallExpression
        ? loopbackConstruction(classified.node, urls) !== undefined
        : false,
  });
}

/**
 * The value of `node` is exported, returned from a function, or handed to a function another module
 * of the project exports, so its uses are in other files.
 */
export function leavesFile(model: FileModel, node: Node): boolean {
  let current: Node = node;
  for (let parent = current.parent; parent; current = parent, parent = parent.parent) {
    switch (parent.type) {
      case AST_NODE_TYPES.TSAsExpression:
      case AST_NODE_TYPES.TSSatisfiesExpression:
      case AST_NODE_TYPES.TSNonNullExpression:
      case AST_NODE_TYPES.AwaitExpression:
        continue;
      case AST_NODE_TYPES.ReturnStatement:
      case AST_NODE_TYPES.ExportDefaultDeclaration:
        return true;
      case AST_NODE_TYPES.ArrowFunctionExpression:
        return parent.body === current;
      case AST_NODE_TYPES.AssignmentExpression: {
        if (parent.right !== current) return false;
        // `module.exports = axios.create(…)`, `exports.http = …`
        const target = model.sourceCode.getText(parent.left);
        if (/^(module\.)?exports\b/.test(target)) return true;
        // `if (!api) api = axios.create(…)` into a binding a getter returns or the module exports.
        if (parent.left.type === AST_NODE_TYPES.Identifier && bindingLeaves(model, parent.left)) return true;
        // `return (api ??= axios.create(…))`: the assignment's value is the client.
        continue;
      }
      case AST_NODE_TYPES.LogicalExpression:
        // `return globalThis.api ?? axios.create(…)`
        if (parent.right === current && (parent.operator === '??' || parent.operator === '||')) continue;
        return false;
      case AST_NODE_TYPES.VariableDeclarator: {
        if (parent.init !== current || parent.id.type !== AST_NODE_TYPES.Identifier) return false;
        return bindingLeaves(model, parent.id);
      }
      case AST_NODE_TYPES.CallExpression:
      case AST_NODE_TYPES.NewExpression:
        // `retrieveToken(got.extend(options))`: handed to a function another module of the project exports.
        return parent.callee !== current && fromProjectModule(model, parent.callee);
      default:
        return false;
    }
  }
  return false;
}

/**
 * `callee` (or the root of its member chain: `auth.retrieveToken`) is bound by an import or a
 * `require` of a relative module (`./auth`): the project's own code, in another file.
 */
function fromProjectModule(model: FileModel, callee: Node): boolean {
  // Through TypeScript's wrappers only (as the analyze reader unwraps); a comma expression is not read.
  let root: Node = callee;
  for (;;) {
    if (
      root.type === AST_NODE_TYPES.TSAsExpression ||
      root.type === AST_NODE_TYPES.TSSatisfiesExpression ||
      root.type === AST_NODE_TYPES.TSNonNullExpression ||
      root.type === AST_NODE_TYPES.TSTypeAssertion
    )
      root = root.expression;
    else if (root.type === AST_NODE_TYPES.MemberExpression && !root.computed) {
      // `logger.debug('made', client)`: a logging call keeps nothing.
      if (root === callee && LOGGING.test(memberName(root) ?? '')) return false;
      root = root.object;
    } else break;
  }
  if (root.type !== AST_NODE_TYPES.Identifier) return false;
  const def = model.findVariable(root)?.defs[0];
  let specifier: string | undefined;
  if (def?.type === 'ImportBinding' && def.parent.type === AST_NODE_TYPES.ImportDeclaration)
    specifier = def.parent.source.value;
  else if (
    def?.type === 'ImportBinding' &&
    def.parent.type === AST_NODE_TYPES.TSImportEqualsDeclaration &&
    def.parent.moduleReference.type === AST_NODE_TYPES.TSExternalModuleReference
  )
    specifier = def.parent.moduleReference.expression.value;
  else if (def?.type === 'Variable') specifier = requireCall(def.node.init)?.specifier;
  return specifier !== undefined && /^\.{1,2}\//.test(specifier);
}

/** Methods that log what they are handed. */
const LOGGING = /^(?:log|debug|info|warn|warning|error|trace|fatal|verbose|silly)$/;

/**
 * The client a binding holds leaves the file: the binding is exported (`export const`, `export let`,
 * `export { http }`, `export default http`), a function of the file returns it (`const client =
 * axios.create(…); client.interceptors…; return client`, a getter's `return api`), or it is handed
 * to a function of another module of the project (`retrieveToken(client)`).
 */
function bindingLeaves(model: FileModel, id: TSESTree.Identifier): boolean {
  const variable = model.findVariable(id);
  const def = variable?.defs[0];
  if (!variable || def?.type !== 'Variable') return false;
  const declaration = def.parent;
  if (declaration?.parent?.type === AST_NODE_TYPES.ExportNamedDeclaration) return true;
  if (declaration?.parent?.type === AST_NODE_TYPES.Program && exportsName(model, id.name)) return true;
  // Calls made through it here are judged here: handing it on as well does not make it silent.
  const calledHere = variable.references.some(reference => {
    const member = reference.identifier.parent;
    return (
      member?.type === AST_NODE_TYPES.MemberExpression &&
      member.object === reference.identifier &&
      member.parent?.type === AST_NODE_TYPES.CallExpression &&
      member.parent.callee === member
    );
  });
  return variable.references.some(reference => {
    if (!reference.isRead()) return false;
    let value: Node = reference.identifier as Node;
    let parent = value.parent;
    while (
      parent?.type === AST_NODE_TYPES.TSAsExpression ||
      parent?.type === AST_NODE_TYPES.TSSatisfiesExpression ||
      parent?.type === AST_NODE_TYPES.TSNonNullExpression
    ) {
      value = parent;
      parent = parent.parent;
    }
    return (
      parent?.type === AST_NODE_TYPES.ReturnStatement ||
      (parent?.type === AST_NODE_TYPES.ArrowFunctionExpression && parent.body === value) ||
      ((parent?.type === AST_NODE_TYPES.CallExpression || parent?.type === AST_NODE_TYPES.NewExpression) &&
        parent.callee !== value &&
        !calledHere &&
        fromProjectModule(model, parent.callee))
    );
  });
}

/** `export { http }`, `export default http` for a top-level binding. */
function exportsName(model: FileModel, name: string): boolean {
  return model.sourceCode.ast.body.some(
    statement =>
      (statement.type === AST_NODE_TYPES.ExportNamedDeclaration &&
        !statement.source &&
        statement.specifiers.some(
          specifier => specifier.local.type === AST_NODE_TYPES.Identifier && specifier.local.name === name,
        )) ||
      (statement.type === AST_NODE_TYPES.ExportDefaultDeclaration &&
        statement.declaration.type === AST_NODE_TYPES.Identifier &&
        statement.declaration.name === name),
  );
}
