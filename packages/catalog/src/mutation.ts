// Whether a call may change an options object it is handed, decided once for both readers (the
// rules' project facts, `mutated` in rules/util/project-facts.ts; analyze's `mutatedIn`): options
// changed after they are written are not what the literal says.

/** Functions that write into the object they are given (`Object.assign`, lodash's `merge`…). */
const MUTATORS = new Set([
  'assign',
  'merge',
  'mergeWith',
  'defaults',
  'defaultsDeep',
  'set',
  'defineProperty',
]);

/** Globals that only read what they are given (`JSON.stringify(config)`, `console.log(config)`). */
const READERS = new Set(['JSON', 'console', 'Object', 'structuredClone', 'String', 'Boolean']);

/** A call that is handed the object, as a reader sees it. */
export interface ArgumentCall {
  /** The name of the function called (`merge`, `assign` of `Object.assign`), when it has one. */
  called?: string;
  /** The identifier the callee's chain starts at (`Object`, `mongoose`, `applyTimeouts`); none for `this.x(…)` or `f()(…)`. */
  root?: string;
  /** `root` is bound to a package (`import mongoose from 'mongoose'`), not to the project's own code. */
  rootFromPackage: boolean;
}

/**
 * A call may write into an object it is handed: a function that does (`Object.assign`, lodash's
 * `merge`), or any function of the project (`applyTimeouts(config)`). A package's other functions
 * (`mongoose.connect(url, config)`) and globals that read are taken to leave it as it is.
 */
export function mayChangeArgument(call: ArgumentCall): boolean {
  if (call.called !== undefined && MUTATORS.has(call.called)) return true;
  if (call.root === undefined) return true;
  if (READERS.has(call.root)) return false;
  return !call.rootFromPackage;
}
