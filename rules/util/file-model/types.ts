// The shapes the file model's parts share: what an expression denotes, where a client instance
// was made, and a call the catalog knows.
import type { TSESTree } from '@typescript-eslint/utils';

import type { CatalogValue, ClientSetting, InstanceKind, Role } from '@faultline/catalog';
import type { CallLike } from '../ast.js';

export type FunctionLike =
  TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression | TSESTree.FunctionDeclaration;
type FactoryRole = Extract<Role, { role: 'factory' }>;

/** Where a client instance was made: the factory call, and what it inherits from. */
export interface Origin {
  node: CallLike;
  role: FactoryRole | Extract<Role, { role: 'namespace' }> | Extract<Role, { role: 'policy' }>;
  parent?: Origin;
  custom?: ClientSetting;
}

export type Value = CatalogValue<Origin | undefined>;

export const UNKNOWN: Value = { kind: 'unknown' };
/** The catalog's stand-in for a member whose name is computed (`client[method](…)`). */
export const ANY_MEMBER = '*';

/** A call the catalog (or the settings) knows. */
export interface Classified {
  node: CallLike;
  role: Role;
  callee: Value;
  /** The instance the call goes through, when it is a method of one. */
  origin?: Origin;
  custom?: ClientSetting;
  /** Known only from the declared type of the object it is called on (type-aware mode). */
  typed?: InstanceKind;
}
