// The client catalog: which calls are remote and where each client library keeps its bounds.
// Plain data plus small pure helpers, shared by the lint rules and by @faultline/core.
export {
  FAMILIES,
  isKnownModule,
  lookupGlobal,
  lookupInstanceMember,
  lookupModuleMember,
} from './clients.js';
export { getPath, getProp, isNoneValue, judge, showValue } from './judge.js';
export type { HttpFacts as HttpFactsInput, JudgeInput } from './judge.js';
export { canonicalModule } from './modules.js';
export { type CatalogValue, extendValue } from './values.js';
export {
  ABORT_CONTROLLER_MODULES,
  GLOBAL_OBJECTS,
  GLOBAL_ROOTS,
  TIMEOUT_WRAPPER_MODULES,
  TIMER_NAME,
  TYPE_INSTANCES,
  URL_NAME,
} from './hints.js';
export type * from './types.js';
