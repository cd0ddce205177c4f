// AWS clients kept only to presign URLs. `getSignedUrl(s3, command)` and `createPresignedPost(s3,
// …)` sign with the client's credentials and region and send nothing, so such a client makes no
// request that could hang, and a request timeout is not its fix.
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';

import { type Node, findNode, memberName, unwrap, writtenName } from './ast.js';
import type { FileModel } from './file-model.js';

/** The presigners of @aws-sdk/s3-request-presigner and @aws-sdk/s3-presigned-post. */
const PRESIGNERS = /^(?:getSignedUrl|createPresignedPost)$/;

/** `use` is the client argument of a presigner call. */
function presigns(use: Node): boolean {
  const parent = use.parent;
  return (
    parent?.type === AST_NODE_TYPES.CallExpression &&
    parent.arguments[0] === use &&
    PRESIGNERS.test(writtenName(unwrap(parent.callee as Node)) ?? '')
  );
}

/**
 * An AWS client construction bound to a const or a class field that the file never exports or
 * hands anywhere but to a presigner: `const s3 = new S3Client({ region })` used only as
 * `getSignedUrl(s3, new PutObjectCommand(…))`.
 */
export function isPresignOnly(model: FileModel, construction: Node): boolean {
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
    const variable = model.findVariable(parent.id);
    if (!variable) return false;
    const uses = variable.references.filter(reference => !reference.init);
    return uses.length > 0 && uses.every(reference => presigns(reference.identifier as Node));
  }
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
    if (presigns(node)) {
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
