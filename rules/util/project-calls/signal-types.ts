// Types of the project that carry an AbortSignal: which modules may declare one (a text test before
// any parse), and which member of a type literal or interface holds it.
import { readFileSync } from 'node:fs';
import { SIGNAL_NAME } from '@faultline/catalog';
import { AST_NODE_TYPES } from '@typescript-eslint/types';
import type { TSESTree } from '@typescript-eslint/utils';
import { STAT_TTL_MS } from '../project-modules.js';

/** Words without which a module's types hold no AbortSignal member and extend no carrier type. */
const SIGNAL_WORDS = /Signal|CallOptions|RunnableConfig|JobHelpers|RequestHandlerExtra|ToolExecutionOptions/;
const signalWords = new Map<string, { checkedAt: number; found: boolean }>();
/** `<file>#<exported name>` → where a value of that type carries a signal, while fresh. */
export const importedSignalKeys = new Map<string, { checkedAt: number; key: string | null | undefined }>();

/** A cheap look at a module's text before it is parsed for its types' signal members. */
export function mayDeclareSignal(file: string): boolean {
  const now = Date.now();
  const cached = signalWords.get(file);
  if (cached && now - cached.checkedAt < STAT_TTL_MS) return cached.found;
  let found = false;
  try {
    found = SIGNAL_WORDS.test(readFileSync(file, 'utf8'));
  } catch {
    found = false;
  }
  signalWords.set(file, { checkedAt: now, found });
  return found;
}

/** Type wrappers whose members are those of the type they are given. */
export const WRAPPING_TYPES = new Set(['Partial', 'Readonly', 'Required', 'NonNullable']);

/** A member named like a signal and declared as one (`abortSignal: AbortSignal`, `signal?: AbortSignal | null`). */
export function isSignalMember(name: string, type: TSESTree.TypeNode | undefined): boolean {
  if (!SIGNAL_NAME.test(name)) return false;
  if (!type) return name === 'signal' || name === 'abortSignal';
  const parts = type.type === AST_NODE_TYPES.TSUnionType ? type.types : [type];
  return parts.some(
    part =>
      part.type === AST_NODE_TYPES.TSTypeReference &&
      part.typeName.type === AST_NODE_TYPES.Identifier &&
      part.typeName.name === 'AbortSignal',
  );
}

/** The member that holds a signal; null when there is none; undefined when an index signature may hold one. */
export function membersSignalKey(members: readonly TSESTree.TypeElement[]): string | null | undefined {
  let open = false;
  for (const member of members) {
    if (
      member.type === AST_NODE_TYPES.TSPropertySignature &&
      member.key.type === AST_NODE_TYPES.Identifier &&
      isSignalMember(member.key.name, member.typeAnnotation?.typeAnnotation)
    )
      return member.key.name;
    // `{ [key: string]: any }` may hold anything, a signal included.
    if (member.type === AST_NODE_TYPES.TSIndexSignature) open = true;
  }
  return open ? undefined : null;
}
