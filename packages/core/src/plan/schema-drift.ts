// Schema drift: the service's committed OpenAPI document is the snapshot of the API its deployed
// clients were generated from. Comparing it with the document the library's code gives today says
// which changes would break those clients, field by field: a request property removed (old clients
// still send it, and the service rejects unknown properties) or newly required, a response property
// removed or made optional, a type changed, a literal or union member a request may no longer use
// or a response may newly return, an operation removed. Additions old clients cannot notice (an
// optional request property, a response property, an operation) are listed as compatible.

type Schema = Record<string, unknown>;

export interface SchemaChange {
  /** The operation (`computeQuote`), or `*` for the document as a whole. */
  operation: string;
  side: 'request' | 'response' | 'operation';
  /** Where in the body: `order.lines[].quantity`. */
  path: string;
  breaking: boolean;
  message: string;
}

interface Walk {
  before: Schema;
  after: Schema;
  operation: string;
  side: 'request' | 'response';
  changes: SchemaChange[];
  seen: Set<string>;
}

function isSchema(value: unknown): value is Schema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function refName(schema: Schema): string | undefined {
  return typeof schema.$ref === 'string' ? schema.$ref.split('/').pop() : undefined;
}

/** Follows `$ref`s into the document's components. */
function resolve(document: Schema, schema: Schema): Schema {
  let current = schema;
  for (let hops = 0; hops < 32; hops++) {
    const name = refName(current);
    if (name === undefined) return current;
    const components = (document.components as { schemas?: Record<string, Schema> } | undefined)?.schemas;
    const target = components?.[name];
    if (!isSchema(target)) return current;
    current = target;
  }
  return current;
}

function members(schema: Schema): Schema[] | undefined {
  const list = schema.anyOf ?? schema.oneOf;
  return Array.isArray(list) ? list.filter(isSchema) : undefined;
}

function literals(schema: Schema): unknown[] | undefined {
  if ('const' in schema) return [schema.const];
  return Array.isArray(schema.enum) ? schema.enum : undefined;
}

/** A short description of a schema for messages: `string`, `"eu" | "uk"`, `array`, `Order`. */
function describe(document: Schema, schema: Schema): string {
  const name = refName(schema);
  if (name !== undefined) return name;
  const values = literals(schema);
  if (values) return values.map(value => JSON.stringify(value)).join(' | ');
  const list = members(schema);
  // The codec's number: a JSON number, or one of the strings for NaN, ±Infinity and -0.
  if (
    list?.some(member => member.type === 'number') &&
    list.every(member => member.type === 'number' || literals(member)?.includes('NaN'))
  )
    return 'number';
  if (list) return list.map(member => describe(document, member)).join(' | ');
  const type = Array.isArray(schema.type) ? schema.type.join(' | ') : String(schema.type ?? 'any');
  if (typeof schema['x-codec'] === 'string')
    return schema['x-codec'] === 'date' ? 'Date' : String(schema['x-codec']);
  return typeof schema.format === 'string' ? `${type} (${schema.format})` : type;
}

/** The resolved schema with nested refs resolved too, as text: equal texts are equal schemas. */
function fingerprint(document: Schema, schema: Schema, depth = 0): string {
  if (depth > 8) return JSON.stringify(schema);
  const resolved = resolve(document, schema);
  return JSON.stringify(resolved, (key, value: unknown) => {
    if (key === '' || !isSchema(value) || refName(value) === undefined) return value;
    return JSON.parse(fingerprint(document, value, depth + 1)) as unknown;
  });
}

function join(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}

function report(walk: Walk, path: string, breaking: boolean, message: string): void {
  walk.changes.push({
    operation: walk.operation,
    side: walk.side,
    path: path || '(body)',
    breaking,
    message,
  });
}

function compare(walk: Walk, beforeRaw: Schema, afterRaw: Schema, path: string): void {
  const key = `${walk.side}:${fingerprint(walk.before, beforeRaw)}→${fingerprint(walk.after, afterRaw)}`;
  if (walk.seen.has(key)) return;
  walk.seen.add(key);
  const before = resolve(walk.before, beforeRaw);
  const after = resolve(walk.after, afterRaw);
  if (fingerprint(walk.before, before) === fingerprint(walk.after, after)) return;
  const request = walk.side === 'request';

  const beforeValues = literals(before);
  const afterValues = literals(after);
  if (beforeValues && afterValues) {
    const text = (value: unknown): string => JSON.stringify(value);
    const removed = beforeValues.filter(value => !afterValues.some(other => text(other) === text(value)));
    const added = afterValues.filter(value => !beforeValues.some(other => text(other) === text(value)));
    if (removed.length > 0)
      report(
        walk,
        path,
        request,
        `${removed.map(text).join(', ')} no longer allowed${request ? ': old clients may still send it' : ''}`,
      );
    if (added.length > 0)
      report(
        walk,
        path,
        !request,
        `${added.map(text).join(', ')} added${request ? '' : ': old clients do not expect it'}`,
      );
    return;
  }

  const beforeMembers = members(before);
  const afterMembers = members(after);
  if (beforeMembers || afterMembers) {
    const left = beforeMembers ?? [before];
    const right = afterMembers ?? [after];
    const prints = (list: Schema[], document: Schema): string[] =>
      list.map(member => fingerprint(document, member));
    const leftPrints = prints(left, walk.before);
    const rightPrints = prints(right, walk.after);
    const removed = left.filter((_member, index) => !rightPrints.includes(leftPrints[index] ?? ''));
    const added = right.filter((_member, index) => !leftPrints.includes(rightPrints[index] ?? ''));
    // One member changed in place (an object gained a field): compare it rather than call it replaced.
    if (removed.length === 1 && added.length === 1) {
      compare(walk, removed[0] as Schema, added[0] as Schema, path);
      return;
    }
    // Nothing in common: a different type altogether (a number, sent as a number or `"NaN"`, became a string).
    if (removed.length === left.length && added.length === right.length) {
      report(
        walk,
        path,
        true,
        `type changed from ${describe(walk.before, before)} to ${describe(walk.after, after)}`,
      );
      return;
    }
    for (const member of removed)
      report(
        walk,
        path,
        request,
        `${describe(walk.before, member)} no longer accepted in the union${request ? ': old clients may still send it' : ''}`,
      );
    for (const member of added)
      report(
        walk,
        path,
        !request,
        `${describe(walk.after, member)} added to the union${request ? '' : ': old clients cannot expect it'}`,
      );
    return;
  }

  const beforeType = JSON.stringify(before.type);
  const afterType = JSON.stringify(after.type);
  if (beforeType !== afterType || before['x-codec'] !== after['x-codec']) {
    report(
      walk,
      path,
      true,
      `type changed from ${describe(walk.before, before)} to ${describe(walk.after, after)}`,
    );
    return;
  }
  if (before.type === 'object') {
    const beforeProperties = (isSchema(before.properties) ? before.properties : {}) as Record<string, Schema>;
    const afterProperties = (isSchema(after.properties) ? after.properties : {}) as Record<string, Schema>;
    const beforeRequired = new Set(Array.isArray(before.required) ? (before.required as string[]) : []);
    const afterRequired = new Set(Array.isArray(after.required) ? (after.required as string[]) : []);
    for (const name of Object.keys(beforeProperties)) {
      const where = join(path, name);
      if (!(name in afterProperties)) {
        report(
          walk,
          where,
          true,
          request
            ? 'removed: old clients still send it, and the service rejects unknown properties'
            : 'removed: old clients expect it',
        );
        continue;
      }
      if (request && !beforeRequired.has(name) && afterRequired.has(name))
        report(walk, where, true, 'now required: old clients may leave it out');
      if (!request && beforeRequired.has(name) && !afterRequired.has(name))
        report(walk, where, true, 'now optional: old clients expect it always');
      compare(walk, beforeProperties[name] as Schema, afterProperties[name] as Schema, where);
    }
    for (const name of Object.keys(afterProperties))
      if (!(name in beforeProperties)) {
        const required = afterRequired.has(name);
        report(
          walk,
          join(path, name),
          request && required,
          request
            ? required
              ? 'added as required: old clients do not send it'
              : 'added as optional'
            : 'added: old clients ignore it',
        );
      }
    if (isSchema(before.additionalProperties) && isSchema(after.additionalProperties))
      compare(walk, before.additionalProperties, after.additionalProperties, join(path, '[key]'));
    return;
  }
  if (before.type === 'array') {
    if (isSchema(before.items) && isSchema(after.items))
      compare(walk, before.items, after.items, `${path}[]`);
    const beforeTuple = Array.isArray(before.prefixItems) ? before.prefixItems.filter(isSchema) : [];
    const afterTuple = Array.isArray(after.prefixItems) ? after.prefixItems.filter(isSchema) : [];
    if (beforeTuple.length !== afterTuple.length)
      report(walk, path, true, `tuple length changed from ${beforeTuple.length} to ${afterTuple.length}`);
    else
      beforeTuple.forEach((item, index) =>
        compare(walk, item, afterTuple[index] as Schema, `${path}[${index}]`),
      );
    return;
  }
  report(walk, path, true, `changed from ${describe(walk.before, before)} to ${describe(walk.after, after)}`);
}

function bodySchema(operation: Schema, side: 'request' | 'response'): Schema | undefined {
  const holder =
    side === 'request'
      ? (operation.requestBody as Schema | undefined)
      : ((operation.responses as Record<string, Schema> | undefined)?.['200'] as Schema | undefined);
  const schema = (holder?.content as Record<string, Schema> | undefined)?.['application/json']?.schema;
  return isSchema(schema) ? schema : undefined;
}

/** The `post` operations of an OpenAPI document, by operationId. */
function operationsOf(document: Schema): Map<string, Schema> {
  const out = new Map<string, Schema>();
  for (const item of Object.values((document.paths ?? {}) as Record<string, Schema>)) {
    const post = item.post;
    if (isSchema(post) && typeof post.operationId === 'string') out.set(post.operationId, post);
  }
  return out;
}

/**
 * Compares the API deployed clients know (`before`, the committed OpenAPI document) with the one
 * the library gives now (`after`). Breaking changes first.
 */
export function compareApis(before: Schema, after: Schema): SchemaChange[] {
  const changes: SchemaChange[] = [];
  const beforeOperations = operationsOf(before);
  const afterOperations = operationsOf(after);
  for (const [name, operation] of beforeOperations) {
    const next = afterOperations.get(name);
    if (!next) {
      changes.push({
        operation: name,
        side: 'operation',
        path: '',
        breaking: true,
        message: 'removed: old clients still call it',
      });
      continue;
    }
    for (const side of ['request', 'response'] as const) {
      const left = bodySchema(operation, side);
      const right = bodySchema(next, side);
      if (left && right)
        compare({ before, after, operation: name, side, changes, seen: new Set() }, left, right, '');
    }
  }
  for (const name of afterOperations.keys())
    if (!beforeOperations.has(name))
      changes.push({ operation: name, side: 'operation', path: '', breaking: false, message: 'added' });
  return changes.sort((a, b) => Number(b.breaking) - Number(a.breaking));
}

/** One line per change: `computeQuote request order.lines[].quantity: type changed from number to string`. */
export function formatChange(change: SchemaChange): string {
  const where = change.side === 'operation' ? '' : ` ${change.side} ${change.path}`;
  return `${change.breaking ? 'breaking' : 'compatible'}: ${change.operation}${where}: ${change.message}`;
}
