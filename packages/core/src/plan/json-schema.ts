// JSON Schema (draft 2020-12) for the wire form of a type: exactly what @faultline/runtime's codec
// produces, so the service's Ajv accepts every encoded value and nothing else. The same schemas
// feed the OpenAPI 3.1 document (whose Schema Object is draft 2020-12).
import type { WireDefinitions, WireType } from '@faultline/runtime/wire';

export type JsonSchema = Record<string, unknown>;

/** What `Date#toISOString()` produces, including the six-digit years past 9999. */
export const ISO_DATE_PATTERN = '^(?:[+-]\\d{6}|\\d{4})-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z$';
const BIGINT_PATTERN = '^-?\\d+$';
/** Standard base64 with padding, as `Buffer#toString('base64')` writes it. */
const BASE64_PATTERN = '^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$';

function resolve(type: WireType, defs: WireDefinitions): WireType {
  let current = type;
  for (let hops = 0; current.kind === 'ref' && hops < 64; hops++)
    current = defs[current.name] ?? { kind: 'unknown' };
  return current;
}

function allows(type: WireType, defs: WireDefinitions, kind: 'null' | 'undefined'): boolean {
  const resolved = resolve(type, defs);
  if (resolved.kind === kind || resolved.kind === 'unknown') return true;
  return resolved.kind === 'union' && resolved.members.some(member => allows(member, defs, kind));
}

/** The codec sends `undefined` as `null` where the type allows `undefined` but not `null`. */
export function undefinedTravelsAsNull(type: WireType, defs: WireDefinitions): boolean {
  return allows(type, defs, 'undefined') && !allows(type, defs, 'null');
}

export interface SchemaOptions {
  /** How a named type is referenced: `#/$defs/` inside one schema, `#/components/schemas/` in OpenAPI. */
  refPrefix: string;
}

/** The schema of one type's wire form. */
export function toJsonSchema(type: WireType, defs: WireDefinitions, options: SchemaOptions): JsonSchema {
  const item = (inner: WireType): JsonSchema => {
    // Inside arrays, tuples, maps and sets an `undefined` travels as null.
    const schema = toJsonSchema(inner, defs, options);
    return undefinedTravelsAsNull(inner, defs) && resolve(inner, defs).kind !== 'undefined'
      ? { anyOf: [schema, { type: 'null' }] }
      : schema;
  };
  switch (type.kind) {
    case 'string':
      return { type: 'string' };
    case 'number':
      return { anyOf: [{ type: 'number' }, { enum: ['NaN', 'Infinity', '-Infinity', '-0'] }] };
    case 'boolean':
      return { type: 'boolean' };
    case 'null':
    case 'undefined':
      return { type: 'null' };
    case 'unknown':
      return {};
    case 'date':
      return { type: 'string', pattern: ISO_DATE_PATTERN, 'x-codec': 'date' };
    case 'bigint':
      return { type: 'string', pattern: BIGINT_PATTERN, 'x-codec': 'bigint' };
    case 'binary':
      return { type: 'string', contentEncoding: 'base64', pattern: BASE64_PATTERN, 'x-codec': 'binary' };
    case 'literal':
      return { const: type.value };
    case 'array':
      return { type: 'array', items: item(type.items) };
    case 'tuple': {
      const schema: JsonSchema = {
        type: 'array',
        prefixItems: type.items.map(item),
        minItems: type.required,
      };
      if (type.rest === undefined) return { ...schema, maxItems: type.items.length, items: false };
      return { ...schema, items: item(type.rest) };
    }
    case 'object': {
      const properties: Record<string, JsonSchema> = {};
      const required: string[] = [];
      for (const property of type.properties) {
        const schema = toJsonSchema(property.type, defs, options);
        properties[property.name] = undefinedTravelsAsNull(property.type, defs)
          ? { anyOf: [schema, { type: 'null' }] }
          : schema;
        if (!property.optional && !allows(property.type, defs, 'undefined')) required.push(property.name);
      }
      const schema: JsonSchema = { type: 'object', properties };
      if (required.length > 0) schema.required = required;
      schema.additionalProperties = type.additional === undefined ? false : item(type.additional);
      return schema;
    }
    case 'map':
      return {
        type: 'array',
        items: {
          type: 'array',
          prefixItems: [item(type.key), item(type.value)],
          minItems: 2,
          maxItems: 2,
          items: false,
        },
        'x-codec': 'map',
      };
    case 'set':
      return { type: 'array', items: item(type.items), 'x-codec': 'set' };
    case 'union': {
      const members = type.members.filter(member => member.kind !== 'undefined');
      const hasUndefined = members.length !== type.members.length;
      if (members.every(member => member.kind === 'literal')) {
        const values: unknown[] = members.map(member => (member as { value: unknown }).value);
        if (hasUndefined && !values.includes(null)) values.push(null);
        return { enum: values };
      }
      const schemas = members.map(member => toJsonSchema(member, defs, options));
      if (hasUndefined && !members.some(member => member.kind === 'null')) schemas.push({ type: 'null' });
      return schemas.length === 1 ? (schemas[0] as JsonSchema) : { anyOf: schemas };
    }
    case 'ref':
      return { $ref: `${options.refPrefix}${type.name}` };
  }
}

/** Names of the definitions a type reaches, transitively, in a stable order. */
export function reachableDefinitions(types: readonly WireType[], defs: WireDefinitions): string[] {
  const found = new Set<string>();
  const visit = (type: WireType): void => {
    switch (type.kind) {
      case 'ref':
        if (found.has(type.name)) return;
        found.add(type.name);
        if (defs[type.name]) visit(defs[type.name] as WireType);
        return;
      case 'array':
      case 'set':
        visit(type.items);
        return;
      case 'tuple':
        type.items.forEach(visit);
        if (type.rest) visit(type.rest);
        return;
      case 'object':
        type.properties.forEach(property => visit(property.type));
        if (type.additional) visit(type.additional);
        return;
      case 'map':
        visit(type.key);
        visit(type.value);
        return;
      case 'union':
        type.members.forEach(visit);
        return;
      default:
        return;
    }
  };
  types.forEach(visit);
  return [...found].sort();
}

/** Whether encoding changes the value (Date, bigint, Map…): such unions must be unambiguous. */
export function needsCodec(type: WireType, defs: WireDefinitions, seen = new Set<string>()): boolean {
  switch (type.kind) {
    case 'date':
    case 'bigint':
    case 'binary':
    case 'map':
    case 'set':
    case 'number':
    case 'undefined':
      return true;
    case 'array':
      return needsCodec(type.items, defs, seen);
    case 'tuple':
      return (
        type.items.some(item => needsCodec(item, defs, seen)) ||
        (type.rest !== undefined && needsCodec(type.rest, defs, seen))
      );
    case 'object':
      return (
        type.properties.some(property => needsCodec(property.type, defs, seen)) ||
        (type.additional !== undefined && needsCodec(type.additional, defs, seen))
      );
    case 'union':
      return type.members.some(member => needsCodec(member, defs, seen));
    case 'ref': {
      if (seen.has(type.name)) return false;
      seen.add(type.name);
      const target = defs[type.name];
      return target !== undefined && needsCodec(target, defs, seen);
    }
    default:
      return false;
  }
}
