// Job options written for a queue (`{ attempts: 5, backoff: { type: 'fixed', delay: 1000 } }`,
// pg-boss `{ retryLimit: 3, retryDelay: 5 }`): found by their shape and the file's imports, and
// judged by the catalog's decideJobRetry.
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';

import { BULL_MODULES, type JobQueue, type JobRetryFinding, decideJobRetry } from '@faultline/catalog';

import { type Node, findNode, memberName, propertyKey, unwrap } from '../ast.js';
import type { FileModel } from '../file-model.js';

/** The property keys that can start job options: collect `Property` nodes with these keys. */
export const JOB_RETRY_KEYS: ReadonlySet<string> = new Set(['attempts', 'retryLimit']);

function importedModules(program: TSESTree.Program): Set<string> {
  const modules = new Set<string>();
  for (const statement of program.body)
    if (statement.type === AST_NODE_TYPES.ImportDeclaration) modules.add(statement.source.value);
  return modules;
}

function keysOf(object: TSESTree.ObjectExpression): Set<string> {
  const keys = new Set<string>();
  for (const property of object.properties)
    if (property.type === AST_NODE_TYPES.Property) {
      const key = propertyKey(property);
      if (key !== undefined) keys.add(key);
    }
  return keys;
}

/** `backoff: 1000`, `backoff: { type: 'fixed' | 'exponential', … }`: bull's own shape. */
function isBullBackoff(object: TSESTree.ObjectExpression): boolean {
  for (const property of object.properties) {
    if (property.type !== AST_NODE_TYPES.Property || propertyKey(property) !== 'backoff') continue;
    const value = unwrap(property.value as Node);
    if (value.type === AST_NODE_TYPES.Literal) return typeof value.value === 'number';
    if (value.type !== AST_NODE_TYPES.ObjectExpression) return false;
    return value.properties.some(
      inner =>
        inner.type === AST_NODE_TYPES.Property &&
        propertyKey(inner) === 'type' &&
        inner.value.type === AST_NODE_TYPES.Literal &&
        (inner.value.value === 'fixed' || inner.value.value === 'exponential'),
    );
  }
  return false;
}

/** Which queue's options an object literal holding `attempts`/`retryLimit` is, if any. */
function queueOf(
  object: TSESTree.ObjectExpression,
  key: string,
  imports: () => Set<string>,
): JobQueue | undefined {
  const keys = keysOf(object);
  if (key === 'retryLimit') {
    if (keys.has('retryDelay') || keys.has('retryBackoff') || imports().has('pg-boss')) return 'pg-boss';
    return undefined;
  }
  if (isBullBackoff(object)) return 'bullmq';
  const parent = object.parent;
  if (parent?.type === AST_NODE_TYPES.Property && propertyKey(parent) === 'defaultJobOptions')
    return 'bullmq';
  if (![...imports()].some(module => BULL_MODULES.has(module))) return undefined;
  // In a file that uses bull: other job options beside `attempts`, or the place job options go.
  if ([...keys].some(other => BULL_JOB_KEYS.has(other))) return 'bullmq';
  if (
    parent?.type === AST_NODE_TYPES.Property &&
    /^(?:opts|jobOptions|options)$/.test(propertyKey(parent) ?? '')
  )
    return 'bullmq';
  if (
    parent?.type === AST_NODE_TYPES.CallExpression &&
    parent.arguments[2] === object &&
    parent.callee.type === AST_NODE_TYPES.MemberExpression &&
    memberName(parent.callee) === 'add'
  )
    return 'bullmq';
  if (
    parent?.type === AST_NODE_TYPES.VariableDeclarator &&
    parent.id.typeAnnotation?.typeAnnotation.type === AST_NODE_TYPES.TSTypeReference &&
    /JobsOptions|JobOptions$/.test(sourceText(parent.id.typeAnnotation.typeAnnotation.typeName))
  )
    return 'bullmq';
  return undefined;
}

function sourceText(name: TSESTree.EntityName): string {
  if (name.type === AST_NODE_TYPES.Identifier) return name.name;
  if (name.type === AST_NODE_TYPES.TSQualifiedName) return `${sourceText(name.left)}.${name.right.name}`;
  return '';
}

/** Job options of bull/bullmq other than `attempts`: their presence says the object is job options. */
const BULL_JOB_KEYS = new Set([
  'backoff',
  'removeOnComplete',
  'removeOnFail',
  'priority',
  'jobId',
  'lifo',
  'repeat',
  'delay',
]);

/** Findings for the job options among `properties` (the `attempts`/`retryLimit` properties of the file). */
export function jobRetryFindings(
  model: FileModel,
  properties: readonly TSESTree.Property[],
): { finding: JobRetryFinding; node: Node }[] {
  let modules: Set<string> | undefined;
  const imports = (): Set<string> => (modules ??= importedModules(model.sourceCode.ast));
  let merges: boolean | undefined;
  const mergesIntoBackoff = (): boolean => (merges ??= mergesIntoDefaultBackoff(model.sourceCode.ast));
  const results: { finding: JobRetryFinding; node: Node }[] = [];
  for (const property of properties) {
    const object = property.parent;
    if (object?.type !== AST_NODE_TYPES.ObjectExpression) continue;
    const queue = queueOf(object, propertyKey(property) ?? '', imports);
    if (!queue) continue;
    // `QUEUE_OPTIONS = { 'refresh': { attempts: 3 } }` later spread into `{ backoff: { type:
    // 'exponential', … }, ...jobOptions }`: a stored part of job options takes the backoff of the
    // defaults it is merged into.
    if (queue === 'bullmq' && !keysOf(object).has('backoff') && storedPart(object) && mergesIntoBackoff())
      continue;
    for (const finding of decideJobRetry(queue, model.summarizeValue(object)))
      results.push({ finding, node: finding.at as Node });
  }
  return results;
}

/** The object is kept for later (a const's value, or a value inside one), not handed to a call. */
function storedPart(object: TSESTree.ObjectExpression): boolean {
  let at: Node = object;
  while (
    at.parent?.type === AST_NODE_TYPES.Property &&
    at.parent.parent?.type === AST_NODE_TYPES.ObjectExpression
  ) {
    if (propertyKey(at.parent) === 'defaultJobOptions') return false;
    at = at.parent.parent;
  }
  return at !== object && at.parent?.type === AST_NODE_TYPES.VariableDeclarator;
}

/** The file writes job options that set bull's backoff and spread other options into them. */
function mergesIntoDefaultBackoff(program: TSESTree.Program): boolean {
  return (
    findNode(
      program,
      node =>
        node.type === AST_NODE_TYPES.ObjectExpression &&
        node.properties.some(property => property.type === AST_NODE_TYPES.SpreadElement) &&
        isBullBackoff(node),
    ) !== undefined
  );
}
