// Clients kept only to presign URLs. `getSignedUrl(s3, command)` and `createPresignedPost(s3, …)`
// sign an AWS client's request with its credentials and region and send nothing, so such a client
// makes no request that could hang, and a request timeout is not its fix. A MinIO client's
// `presignedGetObject(…)` and the like sign locally too, once the client knows the bucket's region:
// made without `region`, the first presign of each bucket asks the server for it (with no deadline).
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';

import { type Node, findNode, isFunction, memberName, unwrap, writtenName } from './ast.js';
import type { FileModel } from './file-model.js';

/** The presigners of @aws-sdk/s3-request-presigner and @aws-sdk/s3-presigned-post. */
const PRESIGNERS = /^(?:getSignedUrl|createPresignedPost)$/;

/** The modules the presigners come from. */
const PRESIGNER_MODULES = /^@aws-sdk\/(?:s3-request-presigner|s3-presigned-post)$/;

/** MinIO's presigning methods and its post policy builder (minio-js src/internal/client.ts). */
const MINIO_PRESIGNERS =
  /^(?:presignedUrl|presignedGetObject|presignedPutObject|presignedPostPolicy|newPostPolicy)$/;

/**
 * `use` is the client argument of a presigner call (also imported under another name:
 * `getSignedUrl as presign`), or, for a MinIO client, the receiver of its presigning method.
 */
function presigns(model: FileModel, use: Node): boolean {
  const parent = use.parent;
  if (
    parent?.type === AST_NODE_TYPES.MemberExpression &&
    parent.object === use &&
    MINIO_PRESIGNERS.test(memberName(parent) ?? '')
  )
    return parent.parent?.type === AST_NODE_TYPES.CallExpression && parent.parent.callee === parent;
  if (parent?.type !== AST_NODE_TYPES.CallExpression || parent.arguments[0] !== use) return false;
  const callee = unwrap(parent.callee as Node);
  if (PRESIGNERS.test(writtenName(callee) ?? '')) return true;
  const value = model.valueOf(callee);
  return (
    value.kind === 'module' && PRESIGNER_MODULES.test(value.module) && PRESIGNERS.test(value.path.join('.'))
  );
}

/** Every use of the const `id` (but its declaration) is a presigner's client argument. */
function onlyPresigned(model: FileModel, id: TSESTree.Identifier): boolean {
  const variable = model.findVariable(id);
  if (!variable) return false;
  const uses = variable.references.filter(reference => !reference.init);
  return uses.length > 0 && uses.every(reference => presigns(model, reference.identifier as Node));
}

/**
 * `function makeS3Client() { return new S3Client(…) }`, not exported, whose every call is bound
 * to a const used only to presign: `const client = makeS3Client(); presign(client, command)`.
 */
function madeOnlyToPresign(model: FileModel, returned: Node): boolean {
  let fn: Node | undefined = returned.parent;
  while (fn && !isFunction(fn)) fn = fn.parent;
  if (fn?.type !== AST_NODE_TYPES.FunctionDeclaration || !fn.id) return false;
  if (
    fn.parent?.type === AST_NODE_TYPES.ExportNamedDeclaration ||
    fn.parent?.type === AST_NODE_TYPES.ExportDefaultDeclaration
  )
    return false;
  const variable = model.findVariable(fn.id);
  if (!variable) return false;
  const uses = variable.references.filter(reference => reference.identifier !== fn.id);
  return (
    uses.length > 0 &&
    uses.every(reference => {
      const call = reference.identifier.parent;
      if (call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== reference.identifier) return false;
      let bound: Node = call;
      if (bound.parent?.type === AST_NODE_TYPES.AwaitExpression) bound = bound.parent;
      const declarator = bound.parent;
      return (
        declarator?.type === AST_NODE_TYPES.VariableDeclarator &&
        declarator.init === bound &&
        declarator.id.type === AST_NODE_TYPES.Identifier &&
        onlyPresigned(model, declarator.id)
      );
    })
  );
}

/**
 * An AWS (or MinIO) client construction bound to a const or a class field that the file never
 * exports or uses but to presign: `const s3 = new S3Client({ region })` used only as
 * `getSignedUrl(s3, new PutObjectCommand(…))`; `const minio = new Client({ …, region })` used only
 * as `minio.presignedGetObject(bucket, key)`. A MinIO client must name its `region`.
 */
export function isPresignOnly(
  model: FileModel,
  construction: Node,
  family: 'aws' | 'minio' = 'aws',
): boolean {
  if (family === 'minio') {
    const options =
      construction.type === AST_NODE_TYPES.NewExpression ? construction.arguments[0] : undefined;
    const object = options ? unwrap(options as Node) : undefined;
    if (
      object?.type !== AST_NODE_TYPES.ObjectExpression ||
      !object.properties.some(
        property =>
          property.type === AST_NODE_TYPES.Property && writtenName(property.key as Node) === 'region',
      )
    )
      return false;
  }
  let current: Node = construction;
  while (
    current.parent?.type === AST_NODE_TYPES.TSAsExpression ||
    current.parent?.type === AST_NODE_TYPES.TSNonNullExpression
  )
    current = current.parent;
  const parent = current.parent;
  // `const s3 = new S3Client(…)`, not exported.
  if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier) {
    if (parent.parent?.parent?.type === AST_NODE_TYPES.ExportNamedDeclaration) return false;
    return onlyPresigned(model, parent.id);
  }
  // `return new S3Client(…)` from a function of the file whose callers only presign with it.
  if (parent?.type === AST_NODE_TYPES.ReturnStatement) return madeOnlyToPresign(model, parent);
  // `private s3 = new S3Client(…)`, or `this.s3 = new S3Client(…)` in the constructor.
  let field: string | undefined;
  if (parent?.type === AST_NODE_TYPES.PropertyDefinition && parent.value === current)
    field = writtenName(parent.key as Node);
  else if (
    parent?.type === AST_NODE_TYPES.AssignmentExpression &&
    parent.right === current &&
    parent.left.type === AST_NODE_TYPES.MemberExpression &&
    parent.left.object.type === AST_NODE_TYPES.ThisExpression
  )
    field = memberName(parent.left);
  if (!field) return false;
  let owner: Node | undefined = parent;
  while (owner && owner.type !== AST_NODE_TYPES.ClassBody) owner = owner.parent;
  if (!owner) return false;
  let used = false;
  const other = findNode(owner, node => {
    if (
      node.type !== AST_NODE_TYPES.MemberExpression ||
      node.object.type !== AST_NODE_TYPES.ThisExpression ||
      memberName(node) !== field
    )
      return false;
    // The assignment that makes it.
    if (node.parent?.type === AST_NODE_TYPES.AssignmentExpression && node.parent.left === node) return false;
    if (presigns(model, node)) {
      used = true;
      return false;
    }
    return true;
  });
  // A field others can read may be sent through outside the class: only a private one counts.
  const declaration = (owner as TSESTree.ClassBody).body.find(
    (member): member is TSESTree.PropertyDefinition =>
      member.type === AST_NODE_TYPES.PropertyDefinition && writtenName(member.key as Node) === field,
  );
  const hidden =
    declaration !== undefined &&
    (declaration.accessibility === 'private' || declaration.key.type === AST_NODE_TYPES.PrivateIdentifier);
  return other === undefined && used && hidden;
}
