/**
 * A structural deep diff for shadow comparisons: what the library answered against what the
 * service answered, as a list of differences with readable paths (`lines[2].total: 120 → 121`).
 *
 * It compares values as the wire carries them: Dates by their time, bigint by value, numbers
 * with `Object.is` (so NaN equals NaN and -0 differs from 0, both of which the wire preserves),
 * Map entries by key, Set members by value, typed arrays, Buffers, ArrayBuffers and DataViews by
 * their bytes, an own property set to `undefined` as different from a missing one, and errors by
 * class name, message and own enumerable fields. Prototypes of other objects are not compared:
 * the wire turns a class instance into a plain object with the same fields.
 */

/** One place where the two values differ. */
export interface ShimDifference {
  /**
   * Where, relative to the compared value: `lines[2].total`, `prices.get("sku-1")`,
   * `(value)[2]` for an item of a compared array, and the empty string for the value itself.
   */
  path: string;
  /** A short rendering of the library's side (`120`, `"EUR"`, `(missing)`, `Map(2)`). */
  local: string;
  /** The same for the service's side. */
  remote: string;
  /** `path: local → remote`, ready to log. */
  text: string;
}

/** Options of {@link diffValues}. */
export interface DiffOptions {
  /** Stop after this many differences. Default 20. */
  maxDifferences?: number;
}

const MISSING = Symbol('missing');
const MAX_DEPTH = 64;
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/**
 * Compares `local` with `remote` and returns their differences (an empty array when they are
 * structurally equal), at most `maxDifferences` of them.
 */
export function diffValues(local: unknown, remote: unknown, options: DiffOptions = {}): ShimDifference[] {
  const state: DiffState = {
    differences: [],
    max: options.maxDifferences ?? 20,
    seen: [],
  };
  compare(local, remote, '', 0, state);
  return state.differences;
}

/** Formats differences as lines, e.g. for a log message. */
export function formatDifferences(differences: readonly ShimDifference[]): string {
  return differences.map(difference => difference.text).join('\n');
}

interface DiffState {
  differences: ShimDifference[];
  max: number;
  // Pairs being compared on the current path, so cyclic values end.
  seen: [unknown, unknown][];
}

function report(state: DiffState, path: string, local: unknown, remote: unknown): void {
  if (state.differences.length >= state.max) return;
  const localText = render(local);
  const remoteText = render(remote);
  // A path that starts with an index or a method reads better hung on a name: `(value)[2]`.
  const shown = path === '' || /^[A-Za-z_$]/.test(path) ? path : `(value)${path}`;
  state.differences.push({
    path: shown,
    local: localText,
    remote: remoteText,
    text: `${shown === '' ? '(value)' : shown}: ${localText} → ${remoteText}`,
  });
}

function isFull(state: DiffState): boolean {
  return state.differences.length >= state.max;
}

function compare(local: unknown, remote: unknown, path: string, depth: number, state: DiffState): void {
  if (isFull(state) || Object.is(local, remote)) return;
  if (typeof local !== 'object' || typeof remote !== 'object' || local === null || remote === null) {
    report(state, path, local, remote);
    return;
  }
  const localKind = kindOf(local);
  if (localKind !== kindOf(remote)) {
    report(state, path, local, remote);
    return;
  }
  if (depth >= MAX_DEPTH || state.seen.some(([a, b]) => a === local && b === remote)) return;
  state.seen.push([local, remote]);
  try {
    compareSameKind(localKind, local, remote, path, depth, state);
  } finally {
    state.seen.pop();
  }
}

type Kind = 'date' | 'regexp' | 'map' | 'set' | 'bytes' | 'error' | 'array' | 'object';

function kindOf(value: object): Kind {
  if (value instanceof Date) return 'date';
  if (value instanceof RegExp) return 'regexp';
  if (value instanceof Map) return 'map';
  if (value instanceof Set) return 'set';
  if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer || value instanceof SharedArrayBuffer)
    return 'bytes';
  if (value instanceof Error) return 'error';
  if (Array.isArray(value)) return 'array';
  return 'object';
}

function compareSameKind(
  kind: Kind,
  local: object,
  remote: object,
  path: string,
  depth: number,
  state: DiffState,
): void {
  switch (kind) {
    case 'date': {
      const a = (local as Date).getTime();
      const b = (remote as Date).getTime();
      if (!Object.is(a, b)) report(state, path, local, remote);
      return;
    }
    case 'regexp':
      if (String(local) !== String(remote)) report(state, path, local, remote);
      return;
    case 'bytes':
      compareBytes(
        local as ArrayBufferView | ArrayBuffer,
        remote as ArrayBufferView | ArrayBuffer,
        path,
        state,
      );
      return;
    case 'map':
      compareMaps(local as Map<unknown, unknown>, remote as Map<unknown, unknown>, path, depth, state);
      return;
    case 'set':
      compareSets(local as Set<unknown>, remote as Set<unknown>, path, depth, state);
      return;
    case 'error': {
      const a = local as Error;
      const b = remote as Error;
      const localClass = errorClassName(a);
      const remoteClass = errorClassName(b);
      if (localClass !== remoteClass) report(state, join(path, 'name'), localClass, remoteClass);
      compare(a.message, b.message, join(path, 'message'), depth + 1, state);
      compareProperties(a, b, path, depth, state, ['message', 'stack', 'name', 'cause']);
      return;
    }
    case 'array': {
      const a = local as unknown[];
      const b = remote as unknown[];
      if (a.length !== b.length) report(state, `${path}.length`, a.length, b.length);
      const length = Math.max(a.length, b.length);
      for (let index = 0; index < length && !isFull(state); index++) {
        compare(
          index in a ? a[index] : MISSING,
          index in b ? b[index] : MISSING,
          `${path}[${index}]`,
          depth + 1,
          state,
        );
      }
      return;
    }
    case 'object':
      compareProperties(local, remote, path, depth, state, []);
      return;
  }
}

/** The name errors are compared by: the constructor's name, else `name`. */
function errorClassName(error: Error): string {
  const constructorName = (error.constructor as { name?: unknown } | undefined)?.name;
  return typeof constructorName === 'string' && constructorName !== '' ? constructorName : error.name;
}

function compareProperties(
  local: object,
  remote: object,
  path: string,
  depth: number,
  state: DiffState,
  skip: readonly string[],
): void {
  const a = local as Record<string, unknown>;
  const b = remote as Record<string, unknown>;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) {
    if (isFull(state)) return;
    if (skip.includes(key)) continue;
    compare(
      Object.hasOwn(a, key) ? a[key] : MISSING,
      Object.hasOwn(b, key) ? b[key] : MISSING,
      join(path, key),
      depth + 1,
      state,
    );
  }
}

function isPrimitiveKey(key: unknown): boolean {
  return key === null || (typeof key !== 'object' && typeof key !== 'function');
}

function compareMaps(
  local: Map<unknown, unknown>,
  remote: Map<unknown, unknown>,
  path: string,
  depth: number,
  state: DiffState,
): void {
  const keys = [...local.keys(), ...remote.keys()];
  if (!keys.every(isPrimitiveKey)) {
    // Object keys cannot be matched across the wire by identity: compare entries in order.
    compare([...local.entries()], [...remote.entries()], `${path}.entries()`, depth + 1, state);
    return;
  }
  if (local.size !== remote.size) report(state, `${path}.size`, local.size, remote.size);
  for (const key of new Set(keys)) {
    if (isFull(state)) return;
    compare(
      local.has(key) ? local.get(key) : MISSING,
      remote.has(key) ? remote.get(key) : MISSING,
      `${path}.get(${render(key)})`,
      depth + 1,
      state,
    );
  }
}

function compareSets(
  local: Set<unknown>,
  remote: Set<unknown>,
  path: string,
  depth: number,
  state: DiffState,
): void {
  if (![...local, ...remote].every(isPrimitiveKey)) {
    compare([...local], [...remote], `${path}.values()`, depth + 1, state);
    return;
  }
  if (local.size !== remote.size) report(state, `${path}.size`, local.size, remote.size);
  for (const member of local)
    if (!remote.has(member)) report(state, `${path}.has(${render(member)})`, true, false);
  for (const member of remote)
    if (!local.has(member)) report(state, `${path}.has(${render(member)})`, false, true);
}

function bytesOf(value: ArrayBufferView | ArrayBuffer): Uint8Array {
  return ArrayBuffer.isView(value)
    ? new Uint8Array(value.buffer, value.byteOffset, value.byteLength)
    : new Uint8Array(value);
}

function compareBytes(
  local: ArrayBufferView | ArrayBuffer,
  remote: ArrayBufferView | ArrayBuffer,
  path: string,
  state: DiffState,
): void {
  const localType = typeName(local);
  const remoteType = typeName(remote);
  if (localType !== remoteType) {
    report(state, path, local, remote);
    return;
  }
  const a = bytesOf(local);
  const b = bytesOf(remote);
  if (a.byteLength !== b.byteLength) {
    report(state, `${path}.byteLength`, a.byteLength, b.byteLength);
    return;
  }
  // One difference for the first differing byte is enough to read; binary data is not a list of fields.
  for (let index = 0; index < a.byteLength; index++) {
    if (a[index] !== b[index]) {
      report(state, `${path}<byte ${index}>`, a[index], b[index]);
      return;
    }
  }
}

function typeName(value: object): string {
  if (typeof Buffer !== 'undefined' && Buffer.isBuffer(value)) return 'Buffer';
  return (value.constructor as { name?: string } | undefined)?.name ?? 'Object';
}

function join(path: string, key: string): string {
  if (IDENTIFIER.test(key)) return path === '' ? key : `${path}.${key}`;
  return `${path}[${JSON.stringify(key)}]`;
}

const MAX_TEXT = 80;

/** A short, one-line rendering of a value for a difference. */
function render(value: unknown): string {
  if (value === MISSING) return '(missing)';
  switch (typeof value) {
    case 'string': {
      const text = JSON.stringify(value);
      return text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT - 2)}…"` : text;
    }
    case 'number':
      return Object.is(value, -0) ? '-0' : String(value);
    case 'bigint':
      return `${value}n`;
    case 'undefined':
      return 'undefined';
    case 'boolean':
      return String(value);
    case 'symbol':
      return value.toString();
    case 'function':
      return `[function ${value.name || '(anonymous)'}]`;
  }
  if (value === null) return 'null';
  const object = value as object;
  switch (kindOf(object)) {
    case 'date': {
      const time = (object as Date).getTime();
      return Number.isNaN(time) ? 'Invalid Date' : (object as Date).toISOString();
    }
    case 'regexp':
      return String(object);
    case 'map':
      return `Map(${(object as Map<unknown, unknown>).size})`;
    case 'set':
      return `Set(${(object as Set<unknown>).size})`;
    case 'bytes':
      return `${typeName(object)}(${bytesOf(object as ArrayBuffer).byteLength} bytes)`;
    case 'error': {
      const text = `${errorClassName(object as Error)}: ${(object as Error).message}`;
      return text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT - 1)}…` : text;
    }
    case 'array':
      return `Array(${(object as unknown[]).length})`;
    case 'object': {
      const name = typeName(object);
      return name === 'Object' ? '{…}' : `${name} {…}`;
    }
  }
}
