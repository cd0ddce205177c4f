// Module-level mutable state the closure reaches: `let`/`var` that are reassigned, and module-level
// objects, arrays, Maps and Sets that are mutated. In a service each replica has its own copy, so
// such state silently diverges (or, for a cache, goes cold per replica). References are searched
// only for these closure declarations.
import { ts } from 'ts-morph';

import type { Unit } from './closure.js';
import { type HazardCode, codeInfo } from './codes.js';
import type { Hazard } from './model.js';
import type { RemoteCalls } from './remote-calls.js';
import { type Reference, findReferences } from './references.js';
import { type Context, hasExportModifier, locate, topLevelUnit, unitName, unwrap } from './ts-util.js';

const MUTATORS = new Set([
  'set',
  'delete',
  'clear',
  'add',
  'push',
  'pop',
  'shift',
  'unshift',
  'splice',
  'sort',
  'reverse',
  'fill',
  'copyWithin',
]);
const COLLECTIONS = new Set(['Map', 'Set', 'WeakMap', 'WeakSet', 'Array', 'Object']);

interface Use {
  kind: 'reassign' | 'mutate' | 'read';
  /** The module-level unit the use sits in (undefined: top-level code of a module). */
  unit: string | undefined;
  inClosure: boolean;
}

/** True when an initialiser makes a mutable collection: `{}`, `[]`, `new Map()`, `Object.create(…)`. */
function isCollection(init: ts.Expression | undefined): boolean {
  if (!init) return false;
  const node = unwrap(init);
  if (ts.isObjectLiteralExpression(node) || ts.isArrayLiteralExpression(node)) return true;
  if (ts.isNewExpression(node) && ts.isIdentifier(node.expression))
    return COLLECTIONS.has(node.expression.text);
  if (
    ts.isCallExpression(node) &&
    ts.isPropertyAccessExpression(node.expression) &&
    ts.isIdentifier(node.expression.expression)
  ) {
    return (
      ['Object', 'Array'].includes(node.expression.expression.text) &&
      ['create', 'from', 'of', 'fromEntries'].includes(node.expression.name.text)
    );
  }
  return false;
}

function classifyUse(id: ts.Node, isWrite: boolean): Use['kind'] {
  if (isWrite) return 'reassign';
  const parent = id.parent;
  if (
    (ts.isPropertyAccessExpression(parent) || ts.isElementAccessExpression(parent)) &&
    parent.expression === id
  ) {
    const grand = parent.parent;
    if (
      ts.isBinaryExpression(grand) &&
      grand.left === parent &&
      grand.operatorToken.kind >= ts.SyntaxKind.FirstAssignment &&
      grand.operatorToken.kind <= ts.SyntaxKind.LastAssignment
    )
      return 'mutate';
    if (
      (ts.isPrefixUnaryExpression(grand) || ts.isPostfixUnaryExpression(grand)) &&
      (grand.operator === ts.SyntaxKind.PlusPlusToken || grand.operator === ts.SyntaxKind.MinusMinusToken)
    )
      return 'mutate';
    if (ts.isDeleteExpression(grand)) return 'mutate';
    if (
      ts.isCallExpression(grand) &&
      grand.expression === parent &&
      ts.isPropertyAccessExpression(parent) &&
      MUTATORS.has(parent.name.text)
    )
      return 'mutate';
  }
  if (ts.isCallExpression(parent) && parent.arguments[0] === id) {
    const callee = parent.expression;
    if (
      ts.isPropertyAccessExpression(callee) &&
      ts.isIdentifier(callee.expression) &&
      callee.expression.text === 'Object' &&
      callee.name.text === 'assign'
    )
      return 'mutate';
  }
  return 'read';
}

/**
 * State hazards for the closure's module-level variables. `closureIds` are the ids of every unit in
 * this export's closure (uses elsewhere are "outside": they stay in the library).
 */
export function analyzeState(
  ctx: Context,
  scope: readonly ts.SourceFile[],
  remote: RemoteCalls,
  units: readonly Unit[],
  unitIdOf: (node: ts.Node) => string | undefined,
): Hazard[] {
  const hazards: Hazard[] = [];
  const closureIds = new Set(units.map(unit => unit.id));
  for (const unit of units) {
    if (unit.typeOnly) continue;
    for (const node of unit.nodes) {
      if (!ts.isVariableDeclaration(node) || !ts.isIdentifier(node.name)) continue;
      const flags = node.parent.flags;
      const isConst = (flags & ts.NodeFlags.Const) !== 0;
      // Client instances (pools, HTTP clients) are connections, not data: FL5xx covers them.
      if (node.initializer && remote.valueOf(node.initializer).kind === 'instance') continue;
      const collection = isCollection(node.initializer);
      if (isConst && !collection) continue;
      const uses = findUses(ctx, scope, node.name, closureIds, unitIdOf);
      const reassigned = uses.filter(use => use.kind === 'reassign');
      const mutated = uses.filter(use => use.kind === 'mutate');
      const writes = [...reassigned, ...mutated];
      if (writes.length === 0) continue;
      const readInClosure = uses.some(use => use.kind === 'read' && use.inClosure);
      const writtenInClosure = writes.some(use => use.inClosure);
      const writers = [...new Set(writes.map(use => use.unit ?? '(module top level)'))].map(
        id => id.split('#').pop() as string,
      );
      const name = unitName(node);
      const kind = isConst ? 'const' : (flags & ts.NodeFlags.Let) !== 0 ? 'let' : 'var';
      let code: HazardCode;
      let message: string;
      if (
        (collection || (node.initializer && /Map|Set|\{|\[/.test(node.initializer.getText().slice(0, 12)))) &&
        readInClosure &&
        writtenInClosure
      ) {
        code = 'FL303';
        message = `\`${name}\` (module-level ${kind}) is filled by ${writers.join(', ')} and read by the closure: a cache, so each replica keeps its own copy and starts cold.`;
      } else if (!isConst && reassigned.length > 0) {
        code = 'FL301';
        message = `\`${name}\` (module-level ${kind}) is reassigned by ${writers.join(', ')}: each replica of the service would hold its own value.`;
      } else {
        code = 'FL302';
        message = `\`${name}\` (module-level ${kind}) is mutated by ${writers.join(', ')}: each replica of the service would hold its own copy.`;
      }
      const info = codeInfo(code);
      hazards.push({
        code,
        name: info.name,
        severity: info.severity,
        message,
        location: locate(ctx, node),
        detail: { variable: name, declaredWith: kind, writers },
      });
      const outside = writes.filter(use => !use.inClosure);
      if (outside.length > 0 && (readInClosure || writtenInClosure)) {
        const outsideWriters = [...new Set(outside.map(use => use.unit ?? '(module top level)'))].map(
          id => id.split('#').pop() as string,
        );
        const stay = codeInfo('FL304');
        hazards.push({
          code: 'FL304',
          name: stay.name,
          severity: stay.severity,
          message: `\`${name}\` is written by ${outsideWriters.join(', ')}, which stays behind: once the closure runs in a service those writes no longer reach it.`,
          location: locate(ctx, node),
          detail: { variable: name, writers: outsideWriters },
        });
      }
    }
  }
  return hazards;
}

const referencesByName = new WeakMap<ts.Identifier, Reference[]>();

function findUses(
  ctx: Context,
  scope: readonly ts.SourceFile[],
  name: ts.Identifier,
  closureIds: ReadonlySet<string>,
  unitIdOf: (node: ts.Node) => string | undefined,
): Use[] {
  const declaration = name.parent;
  // A binding that is not exported can only be used in its own file.
  const exported = ts.isVariableDeclaration(declaration) && hasExportModifier(declaration.parent.parent);
  const files = exported ? scope : [name.getSourceFile()];
  // Exports share module state: search each variable's references once per analysis.
  let references = referencesByName.get(name);
  if (!references) referencesByName.set(name, (references = findReferences(ctx, name, files)));
  return references.map(reference => {
    const unitNode = topLevelUnit(reference.node);
    const unit = unitNode ? unitIdOf(unitNode) : undefined;
    return {
      kind: classifyUse(reference.node, reference.isWrite),
      unit,
      inClosure: unit !== undefined && closureIds.has(unit),
    };
  });
}
