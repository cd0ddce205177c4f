// @faultline/core: the library behind the `faultline` CLI. Stages stay separate and exchange
// plain data: analyze (ts-morph in, facts out) → plan → render → write. Issue 5 ships analyze
// and its reports; later issues add plan, render and write on the same facts.
export { analyzeLibrary } from './analyze/analyze-library.js';
export type { AnalyzeOptions, ProgressEvent } from './analyze/analyze-library.js';
export { CODES, codeInfo } from './analyze/codes.js';
export type { CodeInfo, HazardCode } from './analyze/codes.js';
export * from './analyze/model.js';
export { AnalysisError, CliError, InputError, UnknownExportError, UsageError } from './errors.js';
export { formatReport } from './report/text.js';
export type { FormatOptions } from './report/text.js';
export { closureDot, renderSvg } from './report/graph.js';
export { hasFindingAtLeast } from './report/gate.js';
