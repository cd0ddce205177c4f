// The facts `analyze` hands to the later stages and to the CLI: plain, serialisable data. No
// ts-morph node or type ever leaves packages/core/src/analyze; positions leave as file:line:column.
// The JSON report (`faultline analyze --json`) is this shape, documented by
// packages/cli/schema/analyze-report.schema.json; bump REPORT_SCHEMA_VERSION on any incompatible change.

import type { ModuleFile, WireSignature } from './wire-schema.js';

/** Version of the JSON report's shape (packages/cli/schema/analyze-report.schema.json). */
export const REPORT_SCHEMA_VERSION = 1;

export type Severity = 'error' | 'warning' | 'info';
export type VerdictStatus = 'extractable' | 'extractable-with-changes' | 'blocked';

/** A position in a file, relative to the repository root, with 1-based line and column. */
export interface Location {
  file: string;
  line: number;
  column: number;
}

export type DeclarationKind =
  'function' | 'class' | 'variable' | 'interface' | 'type' | 'enum' | 'namespace' | 'module' | 'unknown';

/** One local declaration the export reaches. */
export interface ClosureDeclaration {
  /** Stable id: `file#name` (plus `@line` when a file declares the name twice). */
  id: string;
  name: string;
  kind: DeclarationKind;
  location: Location;
  /** True for declarations that only exist in types (interfaces, type aliases, `declare`). */
  typeOnly: boolean;
}

export interface ExternalPackage {
  /** Package name (`pg`, `@aws-sdk/client-s3`) or builtin module (`node:fs/promises`). */
  name: string;
  kind: 'package' | 'builtin';
  /** The range the library's package.json declares, if it does. */
  declared?: string;
  /** The version installed where the library would resolve it, if installed. */
  installed?: string;
  /** Module specifiers the closure imports it by. */
  specifiers: string[];
  /** Ids of the closure declarations that use it. */
  usedBy: string[];
  /** Only types are imported from it (it need not be a runtime dependency of the service). */
  typeOnly: boolean;
}

export interface Closure {
  declarations: ClosureDeclaration[];
  /** Files holding the closure, relative to the repository root. */
  files: string[];
  externals: ExternalPackage[];
  /** References between closure declarations (and to externals as `pkg:<name>`). */
  edges: { from: string; to: string }[];
}

export interface Hazard {
  /** Stable code, documented in docs/hazards.md (`FL101`). */
  code: string;
  /** Short kebab-case name of the code (`function-value`). */
  name: string;
  severity: Severity;
  /** One sentence: what was found, where, and why it matters. */
  message: string;
  location: Location;
  /** For types that cross the network: where the offending type sits, `args[0].onProgress`. */
  path?: string;
  /** The offending type, as TypeScript prints it. */
  type?: string;
  /** Extra facts: env keys, module names, client family, error class. */
  detail?: Record<string, string | string[] | number | boolean>;
}

/** Something the analysis could not know, and why. */
export interface Unknown {
  code: string;
  name: string;
  message: string;
  location?: Location;
}

export type CallSiteChange = 'await' | 'promise-all' | 'for-of' | 'manual';

export interface RippleCallSite {
  location: Location;
  package: string;
  /** What is called here (`computeQuote`, or a consumer function made async by the ripple). */
  callee: string;
  /** The function the call sits in, if any. */
  enclosing?: string;
  change: CallSiteChange;
  note?: string;
  /** For an overloaded export: the overload this call resolves to (index into its signatures). */
  overload?: number;
  /** In a test or type-test file (`*.test.ts`, `*.test-d.ts`, `__tests__/`): listed apart, not counted. */
  test?: true;
}

export interface RippleFunction {
  name: string;
  location: Location;
  package: string;
  /** Why it must become async: the call it makes. */
  because: string;
  /** Exported from its module: callers outside the analysed packages may exist. */
  exported: boolean;
  /** In a test file. */
  test?: true;
}

export interface RipplePackageCount {
  package: string;
  callSites: number;
  functions: number;
  manual: number;
  /** Call sites in test files of this package (not counted above), when there are any. */
  tests?: number;
}

export interface Ripple {
  /** False when the export already returns a promise: callers do not change. */
  applies: boolean;
  functions: RippleFunction[];
  callSites: RippleCallSite[];
  perPackage: RipplePackageCount[];
}

export interface ChattyCallSite {
  location: Location;
  package: string;
  callee: string;
  /** The loop: `for`, `for-of`, `for-in`, `while`, `do-while`, or an array method (`map`, `forEach`, …). */
  loop: string;
  enclosing?: string;
  /** Called through a wrapper: the library or consumer function (called in the loop) that calls the export. */
  through?: string;
  /** With `through`: how many calls of the export the wrapper makes (round trips per item). */
  calls?: number;
  /** In a test file: listed, but no hazard (tests do not ship). */
  test?: true;
}

export interface Verdict {
  status: VerdictStatus;
  /** One line per reason, most severe first. */
  reasons: string[];
  /** False when something about this export could not be known (see `unknowns`). */
  complete: boolean;
}

/** One overload of an overloaded function export, judged as if it were the only one. */
export interface OverloadAnalysis {
  /** Index into the export's call signatures, as `overload[N]` in hazard paths. */
  index: number;
  signature: string;
  /** Call sites outside tests that resolve to this overload. */
  callSites: number;
  /** The verdict with only this overload's parameter and result hazards (and the shared ones). */
  verdict: Verdict;
}

export type ExportKind = 'function' | 'class' | 'value' | 'type' | 'enum' | 'namespace' | 'unknown';

export interface ExportAnalysis {
  /** The name as consumers import it. */
  name: string;
  kind: ExportKind;
  /** Where it is declared, and under which local name (through re-exports and aliases). */
  declaration: { name: string; location: Location };
  /** Signature text for functions (`(order: Order) => Quote`). */
  signature?: string;
  /** Returns a promise already. */
  isAsync: boolean;
  closure: Closure;
  hazards: Hazard[];
  ripple: Ripple;
  chattiness: ChattyCallSite[];
  unknowns: Unknown[];
  verdict: Verdict;
  /** With `wire: true`: exactly what crosses the network, for `extract` (single-signature functions). */
  wire?: WireSignature;
  /** With `wire: true`: the library files the closure needs, for `extract --mode move`. */
  moduleFiles?: ModuleFile[];
  /** For overloaded functions: a verdict per overload (`extract` may take one overload). */
  overloads?: OverloadAnalysis[];
  /** For generic functions (FL701): the type arguments calls outside tests resolve to, most used first. */
  typeArguments?: { types: string[]; callSites: number }[];
}

export interface PackageInfo {
  name: string;
  version?: string;
  /** Folder, relative to the repository root (`.` for the root itself). */
  root: string;
  files: number;
}

export interface InputProblem {
  code: string;
  name: string;
  message: string;
  location?: Location;
}

export interface AnalysisReport {
  schemaVersion: typeof REPORT_SCHEMA_VERSION;
  tool: { name: 'faultline'; version: string };
  library: PackageInfo & {
    tsconfig?: string;
    /** Entry files consumers import, relative to the repository root. */
    entries: string[];
    language: 'typescript' | 'javascript';
  };
  consumers: PackageInfo[];
  exports: ExportAnalysis[];
  /** Problems in the input: syntax and type errors, unresolved modules (closure files only for type errors). */
  problems: InputProblem[];
  summary: Record<VerdictStatus, number>;
}
