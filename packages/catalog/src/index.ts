// @faultline/catalog: the one body of knowledge faultline has about clients. Plain data (one
// file per library family), the plain facts a reader produces about a call, the pure decisions
// over those facts, and the parsing of `settings.faultline`. Zero dependencies; the lint rules
// (an ESTree reader) and `faultline analyze` (a TypeScript reader) both use it.
export type { ClientFamily, DeclaredType } from './build.js';
export { RUNTIME_FETCH_HANG, methodOfVerb } from './build.js';
export { optionsHelperArgument } from './options-helpers.js';
export type {
  CallFacts,
  CalleeIdentity,
  ClientFacts,
  CustomClientFacts,
  DispatcherFacts,
  HttpFacts,
  JudgeInput,
  VersionFacts,
} from './facts.js';
export {
  CLIENT_FAMILIES,
  FAMILIES,
  TYPE_INSTANCES,
  instanceOfDeclaredType,
  isKnownModule,
  isRemoteModule,
  makesConstructionClients,
  lookupGlobal,
  lookupInstanceMember,
  lookupModuleMember,
  listPageOf,
  embeddedListPages,
  pageItemsAtMost,
} from './registry.js';
export {
  PER_CALL_BOUNDS,
  decideClientDeadline,
  decideDeadline,
  decideFactoryOptions,
  familyFix,
  hasPerCallBound,
  judge,
  perCallUsesMatter,
  wrapperMatters,
} from './decide-deadline.js';
export {
  type CarrierRef,
  type DeadlineCarrier,
  type EscapingClientFacts,
  INSTANCE_DEADLINE_FAMILIES,
  type WrapperArgument,
  type WrapperCallFacts,
  type WrapperFacts,
  type WrapperRequestFacts,
  decideDeadlineCarrier,
  decideEscapingClient,
  givesDeadline,
  isDeadlineKey,
  isEscapingClientCandidate,
  isRequestWrapperName,
  type WrappedRequest,
  wrappedRequest,
} from './decide-wrapper.js';
export {
  type BackoffFinding,
  type BackoffLimits,
  type BackoffProblem,
  type RetrySchedule,
  decideBackoff,
  decideRetryOptions,
  decideRetryWrapper,
} from './decide-backoff.js';
export { customInstanceRole, customModuleRole } from './custom-clients.js';
export { RETRY_DEFAULTS, type RetryDefaults } from './libraries/retry.js';
export {
  REMOTE_ONLY_MODULES,
  isRemoteOnlyClientType,
  isRemoteOnlyModule,
  isActiveRecordQuery,
} from './libraries/remote-modules.js';
export { isLockModule } from './libraries/locks.js';
export { UNDICI_DISPATCHERS, dispatcherBoundsResponses, judgeDispatcher } from './clients/undici.js';
export { isGrpcMetadataClass } from './clients/grpc.js';
export { ORM_DATA_SOURCES, type OrmDataSource, ormRunsEmbedded } from './clients/sql-orm.js';
export {
  AUTO_PIPELINING,
  type AutoPipelining,
  autoPipeliningOptionsAt,
  isAutoPipelinedCommand,
  makesAutoPipeliningClient,
} from './libraries/pipelining.js';
export { BULL_MODULES, type JobQueue, type JobRetryFinding, decideJobRetry } from './libraries/queues.js';
export {
  ABSENT,
  getPath,
  getPathOrOpaque,
  getProp,
  isFalsyNone,
  isNoneValue,
  isOpaque,
  showValue,
} from './summary.js';
export { canonicalModule } from './modules.js';
export {
  type CatalogValue,
  type Version,
  type VersionSpan,
  chosenClient,
  extendValue,
  isSameClient,
  majorOfRange,
  parseVersion,
  rangeIsAtLeast,
  spanOfRange,
  versionsAreAtLeast,
} from './values.js';
export {
  ABORT_CONTROLLER_MODULES,
  GLOBAL_OBJECTS,
  GLOBAL_ROOTS,
  TIMEOUT_WRAPPER_MODULES,
  TIMEOUT_WRAPPER_NAME,
  TIMER_NAME,
  URL_NAME,
} from './hints.js';
export {
  type ClientSetting,
  type FaultlineSettings,
  type FunctionRef,
  RETRY_OPTION_LIBRARIES,
  type RetryOptionLibrary,
  type RetryWrapper,
  SettingsError,
  getSettings,
  parseSettings,
} from './settings.js';
export type * from './types.js';
export {
  SIGNAL_CARRIERS,
  SIGNAL_NAME,
  type SignalCarrier,
  THIS_CALL_OPTIONS,
  signalCarrierKey,
} from './libraries/signal-carriers.js';
export {
  BASE_OPTION_KEYS,
  HOST_OPTION_KEYS,
  SOCKET_OPTION_KEYS,
  type RequestUrlFacts,
  UNREAD_PART,
  URL_FAMILIES,
  URL_OPTION_KEYS,
  isLoopbackText,
  loopbackHost,
  loopbackTarget,
} from './loopback.js';
export { type ArgumentCall, mayChangeArgument } from './mutation.js';
