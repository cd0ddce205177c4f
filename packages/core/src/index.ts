// @faultline/core: the library behind the `faultline` CLI. Stages stay separate and exchange
// plain data: analyze (ts-morph in, facts out) → plan → render → write. Issue 5 ships analyze
// and its reports; later issues add plan, render and write on the same facts.
export { analyzeLibrary } from './analyze/analyze-library.js';
export type { AnalyzeOptions, ProgressEvent } from './analyze/analyze-library.js';
export { loadEslintSettings } from './analyze/eslint-settings.js';
export type { EslintSettings, EslintSettingsOptions } from './analyze/eslint-settings.js';
export { CODES, codeInfo } from './analyze/codes.js';
export type { CodeInfo, HazardCode } from './analyze/codes.js';
export * from './analyze/model.js';
export { AnalysisError, CliError, InputError, UnknownExportError, UsageError } from './errors.js';
export { formatReport } from './report/text.js';
export type { FormatOptions } from './report/text.js';
export { closureDot, renderSvg } from './report/graph.js';
export { hasFindingAtLeast } from './report/gate.js';
export { extractService, newService } from './extract.js';
export type { ExtractOptions, GenerateResult, NewServiceOptions } from './extract.js';
export { BreakingDriftError, checkDrift } from './drift.js';
export type { DriftOptions, DriftReport } from './drift.js';
export { compareApis, formatChange } from './plan/schema-drift.js';
export type { SchemaChange } from './plan/schema-drift.js';
export { planShim, shimEntry, shimPackageJson } from './plan/shim-plan.js';
export type { ShimPlan, ShimOperation } from './plan/shim-plan.js';
export { BlockedExportError, GENERATED_VERSIONS, planExtraction } from './plan/extraction-plan.js';
export type {
  ExtractionPlan,
  ExtractMode,
  PlanOptions,
  PlannedFile,
  PlannedOperation,
} from './plan/extraction-plan.js';
export { planNewService, GREET_SIGNATURE } from './plan/new-service-plan.js';
export { toJsonSchema } from './plan/json-schema.js';
export { isSafeIdentifier, validateServiceName } from './plan/names.js';
export { loadTemplates, printType, renderPlan, TemplateError } from './render/render.js';
export type { RenderedFile, TemplateSet } from './render/render.js';
export {
  formatFile,
  MANIFEST_PATH,
  ORIGINALS_PATH,
  readOriginals,
  writeFiles,
  WriteConflictError,
} from './write/write-files.js';
export type {
  ChangeKind,
  EditRecord,
  ExternalEdit,
  FileChange,
  Manifest,
  WriteOptions,
  WriteReport,
} from './write/write-files.js';
export { planAsyncCodemod } from './codemod/plan-async-codemod.js';
export type { CodemodOptions, CodemodPlan, CodemodStats, UnsafeSite } from './codemod/plan-async-codemod.js';
export type { WireSignature, WireParameter, WireErrorClass, ModuleFile } from './analyze/wire-schema.js';
export { findManifests, RollbackConflictError, rollbackService } from './rollback.js';
export type { RollbackOptions, RollbackReport } from './rollback.js';
