// The shapes the retry analysis hands to the rules: a hand-written retry construct (a loop, a
// recursion or a timer that goes round again after a failure) and the wait between its attempts.
import type { TSESTree } from '@typescript-eslint/utils';

import type { Node } from '../ast.js';

export type Loop = TSESTree.WhileStatement | TSESTree.DoWhileStatement | TSESTree.ForStatement;

/** How the wait between attempts grows. */
export interface Delay {
  kind: 'none' | 'constant' | 'growing' | 'unknown';
  /** The sleep call (or the delay function), when there is one. */
  call?: Node;
  /** Its delay argument. */
  expr?: Node;
  exponential: boolean;
  /**
   * Not exponential, but a power of the count above the first (`Math.pow(retries, 2) * 1000`): it
   * grows faster than a proportional wait, so its longest wait is judged when its bound gives one.
   */
  superlinear?: boolean;
  capped: boolean;
  jitter: boolean;
  /** The wait is computed by a helper we cannot see into whose name says backoff (`this.backoff.nextDelay()`). */
  backoffHelper?: boolean;
  /**
   * The constant a `Math.min` caps the wait at, when the wait reaches it within ten steps of what it
   * is multiplied by (`Math.min(5000 * attempts, 30_000)`).
   */
  capMs?: number;
}

export interface RetryConstruct {
  kind: 'loop' | 'recursion' | 'timer';
  /** The loop, or the function that retries itself. */
  node: Node;
  /** What each attempt runs (the try block, or the function body). */
  attempt: Node;
  delay: Delay;
  bounded: boolean;
  /** Variables that count attempts, if any (used for suggestions). */
  counters: string[];
  /** At most this many attempts, when it can be counted (`for (i = 0; i < 2; i++)`, a once-flag). */
  attempts?: number;
  /**
   * It keeps a long-lived connection open (its attempt connects, it runs again when the connection
   * closes) or runs on after a success too: meant to go on for the life of the process.
   */
  reconnects?: boolean;
}
