// The hazard and limit codes, one table. Codes are stable: once published a code keeps its
// meaning and name; docs/hazards.md has one section per code (a test checks both agree).
import type { Severity } from './model.js';

export interface CodeInfo {
  code: string;
  name: string;
  severity: Severity;
  /** What the code means, as a noun phrase for summaries ("a function crosses the network"). */
  title: string;
}

const table = [
  // FL1xx: values that cannot cross a network at all.
  ['FL101', 'function-value', 'error', 'a function crosses the network'],
  ['FL102', 'class-instance', 'error', 'a class instance with methods or private state crosses the network'],
  ['FL103', 'symbol', 'error', 'a symbol crosses the network'],
  ['FL104', 'stream', 'error', 'a stream, iterator or generator crosses the network'],
  ['FL105', 'nested-promise', 'error', 'a promise nested in data crosses the network'],
  [
    'FL106',
    'non-serializable-builtin',
    'error',
    'a built-in object that cannot be serialised crosses the network',
  ],
  ['FL107', 'any-type', 'warning', 'an `any` type hides what crosses the network'],
  ['FL108', 'unknown-type', 'warning', 'an `unknown` type hides what crosses the network'],
  ['FL109', 'abort-signal', 'info', 'an AbortSignal parameter becomes the remote call’s deadline'],
  // FL2xx: values that cross only with a codec.
  ['FL201', 'date', 'warning', 'a Date needs a codec'],
  ['FL202', 'bigint', 'warning', 'a bigint needs a codec'],
  ['FL203', 'map', 'warning', 'a Map needs a codec'],
  ['FL204', 'set', 'warning', 'a Set needs a codec'],
  ['FL205', 'binary', 'warning', 'binary data (typed array, Buffer, ArrayBuffer) needs a codec'],
  ['FL206', 'undefined-vs-missing', 'warning', '`undefined` and a missing property differ once serialised'],
  ['FL207', 'builtin-codec', 'warning', 'a built-in object (RegExp, URL, Error) needs a codec'],
  [
    'FL208',
    'runtime-identity',
    'warning',
    'a check on runtime identity (`instanceof`, `in`, prototypes) answers differently once values cross as JSON',
  ],
  // FL3xx: module-level state reachable from the closure.
  ['FL301', 'module-variable', 'warning', 'a module-level `let`/`var` becomes per-replica state'],
  ['FL302', 'mutated-module-object', 'warning', 'a mutated module-level object becomes per-replica state'],
  ['FL303', 'module-cache', 'warning', 'a module-level cache becomes one cache per replica'],
  [
    'FL304',
    'state-written-outside',
    'warning',
    'state the closure reads is written by code that stays behind',
  ],
  // FL4xx: environment and I/O.
  ['FL401', 'env-read', 'info', 'environment variables are read'],
  ['FL402', 'file-system', 'warning', 'the file system is accessed'],
  ['FL403', 'child-process', 'warning', 'child processes are started'],
  ['FL404', 'network-io', 'warning', 'sockets or servers are used directly'],
  ['FL405', 'local-time-zone', 'warning', 'the result depends on the server’s time zone'],
  ['FL406', 'default-locale', 'warning', 'the result depends on the server’s locale'],
  ['FL407', 'clock', 'info', 'the clock is read: answers differ between calls and servers'],
  // FL5xx: remote calls (the lint plugin's client catalog).
  ['FL501', 'remote-call', 'info', 'a remote call with a deadline'],
  ['FL502', 'remote-call-no-deadline', 'warning', 'a remote call without a deadline'],
  ['FL503', 'remote-call-deadline-unknown', 'info', 'a remote call whose deadline cannot be seen'],
  ['FL504', 'local-server', 'warning', 'a request goes to a server on this machine'],
  // FL6xx: errors.
  ['FL601', 'custom-error', 'warning', 'a custom error class is thrown and loses its identity over the wire'],
  ['FL602', 'builtin-error', 'info', 'a built-in error is thrown (only its message crosses)'],
  ['FL603', 'rethrown-error', 'info', 'errors of unknown classes are rethrown'],
  // FL7xx: the shape of the API.
  ['FL701', 'generic-export', 'warning', 'the export is generic'],
  ['FL702', 'overloads', 'warning', 'the export has overloads'],
  ['FL703', 'this', 'warning', 'the export uses `this`'],
  ['FL704', 'value-export', 'warning', 'the export is a value, not a function'],
  ['FL705', 'class-export', 'error', 'the export is a class'],
  ['FL706', 'type-export', 'info', 'the export is a type only'],
  // FL8xx: what changes for consumers.
  ['FL801', 'async-ripple', 'warning', 'a sync export becomes async: callers must change'],
  ['FL802', 'chatty-call', 'warning', 'the export is called in a loop'],
  ['FL803', 'manual-change', 'warning', 'a call site cannot be made async mechanically'],
  // FL9xx: what the analysis could not know.
  ['FL901', 'syntax-error', 'info', 'a file has syntax errors'],
  ['FL902', 'type-error', 'info', 'a file has type errors'],
  ['FL903', 'unresolved-module', 'info', 'an import cannot be resolved'],
  ['FL904', 'untyped-javascript', 'info', 'JavaScript without types'],
  ['FL905', 'unresolved-type', 'info', 'a type cannot be resolved'],
  ['FL906', 'dynamic-code', 'info', 'dynamic code cannot be followed'],
  ['FL907', 'truncated', 'info', 'the analysis stopped early'],
] as const satisfies readonly (readonly [string, string, Severity, string])[];

export type HazardCode = (typeof table)[number][0];

/** Every code, in order, with its name, severity and title. */
export const CODES: readonly CodeInfo[] = table.map(([code, name, severity, title]) => ({
  code,
  name,
  severity,
  title,
}));

const byCode = new Map(CODES.map(info => [info.code, info]));

/** The table entry of a code. */
export function codeInfo(code: HazardCode): CodeInfo {
  return byCode.get(code) as CodeInfo;
}
