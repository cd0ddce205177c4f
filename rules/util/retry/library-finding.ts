// A finding about the retry settings of a library (or of a team's retry wrapper), as
// require-backoff reports it: the problem, the node it lands on, and the end of its sentence.
// Shared by the readers of each library's settings.
import type { TSESTree } from '@typescript-eslint/utils';

import type { BackoffFinding, BackoffProblem, Prop, Summary } from '@faultline/catalog';
import type { Node } from '../ast.js';

/** One problem with a retry library's schedule, and where to report it. */
export interface LibraryFinding {
  problem: BackoffProblem;
  node: Node;
  /** uncappedBackoff: {{also}} of the message (ALSO_NO_JITTER, or empty). */
  also?: string;
  /** unboundedRetry: {{why}} of the message. */
  why?: string;
  /** uncappedBackoff: the longest wait the options allow (past the cap), and the option that caps it. */
  longest?: { ms: number; capKey: string };
}

/** The end of the uncapped-backoff message when the schedule has no jitter either. */
export const ALSO_NO_JITTER = ', and it has no jitter either';

/** The number a summary holds, when it holds one. */
export const number = (summary: Summary | undefined): number | undefined =>
  summary?.kind === 'number' ? summary.value : undefined;

/** The value node of an option written as a property. */
export const valueNode = (prop: Prop): Node => (prop.at as TSESTree.Property).value as Node;

/** A catalog finding as require-backoff reports it: on its own node, else on the anchor. */
export function asLibraryFinding(finding: BackoffFinding, anchor: Node): LibraryFinding {
  return {
    problem: finding.problem,
    node: (finding.at ?? anchor) as Node,
    ...(finding.problem === 'uncappedBackoff' ? { also: finding.noJitterToo ? ALSO_NO_JITTER : '' } : {}),
    ...(finding.why !== undefined ? { why: finding.why } : {}),
    ...(finding.longestMs !== undefined && finding.capKey !== undefined
      ? { longest: { ms: finding.longestMs, capKey: finding.capKey } }
      : {}),
  };
}
