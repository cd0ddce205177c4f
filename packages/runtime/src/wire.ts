/**
 * The wire codec shared by faultline's generated services and clients: values are encoded to
 * JSON and decoded back by walking a plain-data description of their TypeScript type, so both
 * sides agree by construction. Date, bigint, Map, Set, binary data, non-finite numbers and an
 * explicit `undefined` (as opposed to a missing property) survive the trip, which plain
 * `JSON.stringify` silently loses (tRPC's documented `Map → {}`).
 *
 * Encodings (the JSON Schemas faultline generates describe exactly these):
 * - Date → ISO 8601 string (`toISOString()`); bigint → decimal string;
 * - Map → array of `[key, value]` pairs; Set → array of its values;
 * - binary (Uint8Array, Buffer, ArrayBuffer) → base64 string;
 * - a number JSON cannot hold → `"NaN"`, `"Infinity"`, `"-Infinity"` or `"-0"`;
 * - `undefined` where the type allows `undefined` but not `null` → `null` (a missing property
 *   stays missing), so `{ a: undefined }` and `{}` arrive as they left.
 */

/** A TypeScript type as it crosses the wire. Named types are `ref`s into a definitions table. */
export type WireType =
  | { kind: 'string' }
  | { kind: 'number' }
  | { kind: 'boolean' }
  | { kind: 'null' }
  | { kind: 'undefined' }
  | { kind: 'unknown' }
  | { kind: 'date' }
  | { kind: 'bigint' }
  | { kind: 'binary'; flavor: 'Uint8Array' | 'Buffer' | 'ArrayBuffer' }
  | { kind: 'literal'; value: string | number | boolean }
  | { kind: 'array'; items: WireType }
  | { kind: 'tuple'; items: WireType[]; required: number; rest?: WireType }
  | { kind: 'object'; properties: WireProperty[]; additional?: WireType }
  | { kind: 'map'; key: WireType; value: WireType }
  | { kind: 'set'; items: WireType }
  | { kind: 'union'; members: WireType[] }
  | { kind: 'ref'; name: string };

/** One property of an object type. */
export interface WireProperty {
  name: string;
  type: WireType;
  optional: boolean;
}

/** Named types, by name. */
export type WireDefinitions = Readonly<Record<string, WireType>>;

/** A value does not match the type it is encoded or decoded as. */
export class WireCodecError extends TypeError {
  /** Where in the value: `$.lines[0].quantity`. */
  readonly path: string;

  constructor(message: string, path: string) {
    super(`${path}: ${message}`);
    this.name = 'WireCodecError';
    this.path = path;
  }
}

const NON_FINITE: Readonly<Record<string, number>> = {
  NaN: Number.NaN,
  '-0': -0,
  Infinity: Number.POSITIVE_INFINITY,
  '-Infinity': Number.NEGATIVE_INFINITY,
};
const BIGINT_TEXT = /^-?\d+$/;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const ISO_DATE = /^(?:[+-]\d{6}|\d{4})-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

function resolve(type: WireType, defs: WireDefinitions, path: string): WireType {
  let current = type;
  for (let hops = 0; current.kind === 'ref'; hops++) {
    const next = defs[current.name];
    if (next === undefined || hops > 64) throw new WireCodecError(`unknown type ${current.name}`, path);
    current = next;
  }
  return current;
}

function allows(type: WireType, defs: WireDefinitions, kind: 'null' | 'undefined', path: string): boolean {
  const resolved = resolve(type, defs, path);
  if (resolved.kind === kind || resolved.kind === 'unknown') return true;
  return resolved.kind === 'union' && resolved.members.some(member => allows(member, defs, kind, path));
}

/** `undefined` travels as `null` where the type allows `undefined` but not `null`. */
function undefinedAsNull(type: WireType, defs: WireDefinitions, path: string): boolean {
  return allows(type, defs, 'undefined', path) && !allows(type, defs, 'null', path);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  return !(
    value instanceof Date ||
    value instanceof Map ||
    value instanceof Set ||
    ArrayBuffer.isView(value)
  );
}

function literalsMatch(
  type: WireType & { kind: 'object' },
  value: Record<string, unknown>,
  defs: WireDefinitions,
): boolean {
  for (const property of type.properties) {
    const present = Object.prototype.hasOwnProperty.call(value, property.name);
    if (!present && !property.optional && !allows(property.type, defs, 'undefined', '$')) return false;
    const inner = resolve(property.type, defs, '$');
    if (inner.kind === 'literal' && present && value[property.name] !== inner.value) return false;
  }
  return true;
}

/** Whether a live value belongs to a type (used to pick the member of a union to encode with). */
function matchesValue(type: WireType, value: unknown, defs: WireDefinitions): boolean {
  const resolved = resolve(type, defs, '$');
  switch (resolved.kind) {
    case 'string':
      return typeof value === 'string';
    case 'number':
      return typeof value === 'number';
    case 'boolean':
      return typeof value === 'boolean';
    case 'null':
      return value === null;
    case 'undefined':
      return value === undefined;
    case 'unknown':
      return true;
    case 'date':
      return value instanceof Date;
    case 'bigint':
      return typeof value === 'bigint';
    case 'binary':
      return value instanceof ArrayBuffer || ArrayBuffer.isView(value);
    case 'literal':
      return value === resolved.value;
    case 'array':
      return Array.isArray(value);
    case 'tuple':
      return (
        Array.isArray(value) &&
        value.length >= resolved.required &&
        (resolved.rest !== undefined || value.length <= resolved.items.length)
      );
    case 'object':
      return isPlainObject(value) && literalsMatch(resolved, value, defs);
    case 'map':
      return value instanceof Map;
    case 'set':
      return value instanceof Set;
    case 'union':
      return resolved.members.some(member => matchesValue(member, value, defs));
    case 'ref':
      return false;
  }
}

/** Whether decoded JSON belongs to a type (used to pick the member of a union to decode with). */
function matchesJson(type: WireType, json: unknown, defs: WireDefinitions): boolean {
  const resolved = resolve(type, defs, '$');
  switch (resolved.kind) {
    case 'string':
      return typeof json === 'string';
    case 'number':
      return typeof json === 'number' || (typeof json === 'string' && json in NON_FINITE);
    case 'boolean':
      return typeof json === 'boolean';
    case 'null':
      return json === null;
    case 'undefined':
      return json === undefined;
    case 'unknown':
      return true;
    case 'date':
      return typeof json === 'string' && ISO_DATE.test(json);
    case 'bigint':
      return typeof json === 'string' && BIGINT_TEXT.test(json);
    case 'binary':
      return typeof json === 'string';
    case 'literal':
      return json === resolved.value;
    case 'array':
    case 'map':
    case 'set':
      return Array.isArray(json);
    case 'tuple':
      return (
        Array.isArray(json) &&
        json.length >= resolved.required &&
        (resolved.rest !== undefined || json.length <= resolved.items.length)
      );
    case 'object':
      return isPlainObject(json) && literalsMatch(resolved, json, defs);
    case 'union':
      return resolved.members.some(member => matchesJson(member, json, defs));
    case 'ref':
      return false;
  }
}

function toBase64(value: ArrayBuffer | ArrayBufferView): string {
  const view =
    value instanceof ArrayBuffer
      ? new Uint8Array(value)
      : new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
  return Buffer.from(view).toString('base64');
}

function fromBase64(text: string, flavor: 'Uint8Array' | 'Buffer' | 'ArrayBuffer'): unknown {
  const buffer = Buffer.from(text, 'base64');
  if (flavor === 'Buffer') return buffer;
  const copy = new Uint8Array(buffer.byteLength);
  copy.set(buffer);
  return flavor === 'ArrayBuffer' ? copy.buffer : copy;
}

function encodeItem(type: WireType, value: unknown, defs: WireDefinitions, path: string): unknown {
  if (value === undefined) {
    if (undefinedAsNull(type, defs, path)) return null;
    if (allows(type, defs, 'undefined', path)) return null;
    throw new WireCodecError('undefined where the type does not allow it', path);
  }
  return encodeWire(type, value, defs, path);
}

function decodeItem(type: WireType, json: unknown, defs: WireDefinitions, path: string): unknown {
  if (json === null && undefinedAsNull(type, defs, path)) return undefined;
  return decodeWire(type, json, defs, path);
}

/** Encodes a value of `type` into JSON-compatible data. Throws {@link WireCodecError} on a mismatch. */
export function encodeWire(type: WireType, value: unknown, defs: WireDefinitions = {}, path = '$'): unknown {
  const resolved = resolve(type, defs, path);
  switch (resolved.kind) {
    case 'string':
    case 'boolean':
    case 'null':
    case 'literal':
    case 'unknown':
      return value;
    case 'undefined':
      return null;
    case 'number':
      if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
      if (Object.is(value, -0)) return '-0';
      return value;
    case 'date':
      if (!(value instanceof Date)) throw new WireCodecError('expected a Date', path);
      if (Number.isNaN(value.getTime())) throw new WireCodecError('an invalid Date cannot be sent', path);
      return value.toISOString();
    case 'bigint':
      if (typeof value !== 'bigint') throw new WireCodecError('expected a bigint', path);
      return value.toString();
    case 'binary':
      if (!(value instanceof ArrayBuffer) && !ArrayBuffer.isView(value))
        throw new WireCodecError('expected binary data', path);
      return toBase64(value);
    case 'array':
      if (!Array.isArray(value)) throw new WireCodecError('expected an array', path);
      return value.map((item, index) => encodeItem(resolved.items, item, defs, `${path}[${index}]`));
    case 'tuple':
      if (!Array.isArray(value)) throw new WireCodecError('expected a tuple', path);
      return value.map((item, index) =>
        encodeItem(
          resolved.items[index] ?? resolved.rest ?? { kind: 'unknown' },
          item,
          defs,
          `${path}[${index}]`,
        ),
      );
    case 'object': {
      if (typeof value !== 'object' || value === null) throw new WireCodecError('expected an object', path);
      const source = value as Record<string, unknown>;
      const out: Record<string, unknown> = {};
      const declared = new Set<string>();
      for (const property of resolved.properties) {
        declared.add(property.name);
        if (!Object.prototype.hasOwnProperty.call(source, property.name) && !(property.name in source))
          continue;
        const item = source[property.name];
        const at = `${path}.${property.name}`;
        // An explicit undefined where null is also allowed cannot be told apart: it travels as missing.
        if (item === undefined && !undefinedAsNull(property.type, defs, at)) continue;
        out[property.name] = encodeItem(property.type, item, defs, at);
      }
      if (resolved.additional !== undefined)
        for (const [key, item] of Object.entries(source))
          if (!declared.has(key)) out[key] = encodeItem(resolved.additional, item, defs, `${path}.${key}`);
      return out;
    }
    case 'map':
      if (!(value instanceof Map)) throw new WireCodecError('expected a Map', path);
      return Array.from(value, ([key, item], index) => [
        encodeItem(resolved.key, key, defs, `${path}<key ${index}>`),
        encodeItem(resolved.value, item, defs, `${path}<value ${index}>`),
      ]);
    case 'set':
      if (!(value instanceof Set)) throw new WireCodecError('expected a Set', path);
      return Array.from(value, (item, index) =>
        encodeItem(resolved.items, item, defs, `${path}<item ${index}>`),
      );
    case 'union': {
      if (value === undefined) return null;
      const member = resolved.members.find(candidate => matchesValue(candidate, value, defs));
      if (member === undefined) throw new WireCodecError('the value matches no member of the union', path);
      return encodeWire(member, value, defs, path);
    }
    case 'ref':
      throw new WireCodecError('unresolved type', path);
  }
}

/** Decodes JSON data produced by {@link encodeWire} for the same type back into the value. */
export function decodeWire(type: WireType, json: unknown, defs: WireDefinitions = {}, path = '$'): unknown {
  const resolved = resolve(type, defs, path);
  switch (resolved.kind) {
    case 'string':
    case 'boolean':
    case 'null':
    case 'literal':
    case 'unknown':
      return json;
    case 'undefined':
      return undefined;
    case 'number':
      if (typeof json === 'string' && json in NON_FINITE) return NON_FINITE[json];
      if (typeof json !== 'number') throw new WireCodecError('expected a number', path);
      return json;
    case 'date': {
      if (typeof json !== 'string' || !ISO_DATE.test(json))
        throw new WireCodecError('expected an ISO 8601 date-time string', path);
      // The pattern lets through dates that do not exist (month 13, February 30), which Date
      // turns into Invalid Date or silently rolls over; only what toISOString() writes is exact.
      const date = new Date(json);
      if (Number.isNaN(date.getTime()) || date.toISOString() !== json)
        throw new WireCodecError('expected a date-time that exists', path);
      return date;
    }
    case 'bigint':
      if (typeof json !== 'string' || !BIGINT_TEXT.test(json))
        throw new WireCodecError('expected a decimal bigint string', path);
      return BigInt(json);
    case 'binary':
      if (typeof json !== 'string' || !BASE64.test(json))
        throw new WireCodecError('expected a base64 string', path);
      return fromBase64(json, resolved.flavor);
    case 'array':
      if (!Array.isArray(json)) throw new WireCodecError('expected an array', path);
      return json.map((item, index) => decodeItem(resolved.items, item, defs, `${path}[${index}]`));
    case 'tuple':
      if (!Array.isArray(json)) throw new WireCodecError('expected a tuple', path);
      return json.map((item, index) =>
        decodeItem(
          resolved.items[index] ?? resolved.rest ?? { kind: 'unknown' },
          item,
          defs,
          `${path}[${index}]`,
        ),
      );
    case 'object': {
      if (!isPlainObject(json)) throw new WireCodecError('expected an object', path);
      const out: Record<string, unknown> = {};
      const declared = new Set<string>();
      for (const property of resolved.properties) {
        declared.add(property.name);
        if (!Object.prototype.hasOwnProperty.call(json, property.name)) continue;
        out[property.name] = decodeItem(property.type, json[property.name], defs, `${path}.${property.name}`);
      }
      if (resolved.additional !== undefined)
        for (const [key, item] of Object.entries(json))
          if (!declared.has(key)) out[key] = decodeItem(resolved.additional, item, defs, `${path}.${key}`);
      return out;
    }
    case 'map': {
      if (!Array.isArray(json)) throw new WireCodecError('expected an array of [key, value] pairs', path);
      const map = new Map<unknown, unknown>();
      json.forEach((pair: unknown, index) => {
        if (!Array.isArray(pair) || pair.length !== 2)
          throw new WireCodecError('expected a [key, value] pair', `${path}[${index}]`);
        map.set(
          decodeItem(resolved.key, pair[0], defs, `${path}<key ${index}>`),
          decodeItem(resolved.value, pair[1], defs, `${path}<value ${index}>`),
        );
      });
      return map;
    }
    case 'set': {
      if (!Array.isArray(json)) throw new WireCodecError('expected an array', path);
      return new Set(
        json.map((item, index) => decodeItem(resolved.items, item, defs, `${path}<item ${index}>`)),
      );
    }
    case 'union': {
      if (json === null && allows(resolved, defs, 'undefined', path) && !allows(resolved, defs, 'null', path))
        return undefined;
      const member = resolved.members.find(candidate => matchesJson(candidate, json, defs));
      if (member === undefined) throw new WireCodecError('the data matches no member of the union', path);
      return decodeWire(member, json, defs, path);
    }
    case 'ref':
      throw new WireCodecError('unresolved type', path);
  }
}

/** The JSON body of an error a generated service answers with. */
export interface WireErrorBody {
  error: {
    /** The class name the client rebuilds (`PricingError`), or a generic kind (`ValidationError`). */
    class: string;
    message: string;
    /** The error's own enumerable properties (constructor fields such as `sku`). */
    fields?: Record<string, unknown>;
    /** Request validation problems: which field, and why. */
    issues?: { path: string; message: string }[];
  };
}

/** Serialises an error of a known class for the wire: its message and own enumerable fields. */
export function encodeError(error: Error, className: string): WireErrorBody {
  const fields: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(error)) {
    if (key === 'stack' || key === 'message' || key === 'cause') continue;
    if (typeof value === 'function' || typeof value === 'symbol') continue;
    fields[key] = typeof value === 'bigint' ? value.toString() : value;
  }
  return { error: { class: className, message: error.message, fields } };
}

// A registered symbol rather than a module-level WeakSet: the generated client and the shim may
// load two copies of the runtime (two versions in one node_modules tree), and both must agree.
const WIRE_DOMAIN_ERROR = Symbol.for('faultline.wireDomainError');

/**
 * Rebuilds an error of a known class from its wire form without calling its constructor (whose
 * parameters are not known here): `Error` constructs a real error object (so `Error.isError`,
 * test matchers and loggers treat it as one) with the class's prototype (so `instanceof` and the
 * class's methods work), then the fields are set as the original instance had them.
 */
export function decodeError<T extends Error>(
  body: WireErrorBody['error'],
  errorClass: abstract new (...args: never[]) => T,
): T {
  const error = Reflect.construct(Error, [body.message], errorClass) as T;
  Object.assign(error, body.fields ?? {});
  // The stack's first line names the class and message as the service saw them.
  Error.captureStackTrace(error, decodeError);
  Object.defineProperty(error, 'stack', {
    value: error.stack,
    writable: true,
    configurable: true,
    enumerable: false,
  });
  // Not enumerable, so encodeError, loggers and deep-equality checks do not see it.
  Object.defineProperty(error, WIRE_DOMAIN_ERROR, { value: true, enumerable: false });
  return error;
}

/**
 * Whether `error` was rebuilt by {@link decodeError} from a service's answer: an error the
 * library itself throws (a domain error), delivered intact. Such an error is the service's real
 * answer, so callers must not treat it as the service failing (no fallback, no breaker count).
 */
export function isWireDomainError(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    (error as { [WIRE_DOMAIN_ERROR]?: unknown })[WIRE_DOMAIN_ERROR] === true
  );
}
