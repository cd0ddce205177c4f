// The wire codec shared by generated services and clients: values survive encode → JSON → decode
// exactly (property-based over representative types), the encodings are the documented ones,
// and mismatches fail with the path of the offending value.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import {
  decodeError,
  decodeWire,
  encodeError,
  encodeWire,
  WireCodecError,
  type WireDefinitions,
  type WireType,
} from '../../packages/runtime/src/wire.js';

const defs: WireDefinitions = {
  Line: {
    kind: 'object',
    properties: [
      { name: 'sku', type: { kind: 'string' }, optional: false },
      { name: 'quantity', type: { kind: 'number' }, optional: false },
      {
        name: 'note',
        type: { kind: 'union', members: [{ kind: 'string' }, { kind: 'undefined' }] },
        optional: true,
      },
    ],
  },
  Tree: {
    kind: 'object',
    properties: [
      { name: 'label', type: { kind: 'string' }, optional: false },
      { name: 'children', type: { kind: 'array', items: { kind: 'ref', name: 'Tree' } }, optional: false },
    ],
  },
  Shape: {
    kind: 'union',
    members: [
      {
        kind: 'object',
        properties: [
          { name: 'kind', type: { kind: 'literal', value: 'circle' }, optional: false },
          { name: 'radius', type: { kind: 'bigint' }, optional: false },
        ],
      },
      {
        kind: 'object',
        properties: [
          { name: 'kind', type: { kind: 'literal', value: 'square' }, optional: false },
          { name: 'side', type: { kind: 'date' }, optional: false },
        ],
      },
    ],
  },
};

function roundTrip(type: WireType, value: unknown): unknown {
  return decodeWire(type, JSON.parse(JSON.stringify(encodeWire(type, value, defs))), defs);
}

const line = fc.record(
  {
    sku: fc.string(),
    quantity: fc.double(),
    note: fc.option(fc.string(), { nil: undefined }),
  },
  { requiredKeys: ['sku', 'quantity'], noNullPrototype: true },
);
/** Trees at most `depth` levels deep, so generation always ends. */
function treeOf(depth: number): fc.Arbitrary<unknown> {
  return fc.record(
    {
      label: fc.string(),
      children: depth > 0 ? fc.array(treeOf(depth - 1), { maxLength: 2 }) : fc.constant([]),
    },
    { noNullPrototype: true },
  );
}
const tree = treeOf(4);
const shape = fc.oneof(
  fc.record({ kind: fc.constant('circle'), radius: fc.bigInt() }, { noNullPrototype: true }),
  fc.record(
    { kind: fc.constant('square'), side: fc.date({ noInvalidDate: true }) },
    { noNullPrototype: true },
  ),
);

describe('encodeWire and decodeWire', () => {
  it('round-trip Maps of bigint, Sets of Dates and lines with optional notes exactly', () => {
    const type: WireType = {
      kind: 'object',
      properties: [
        {
          name: 'totals',
          type: { kind: 'map', key: { kind: 'string' }, value: { kind: 'bigint' } },
          optional: false,
        },
        { name: 'days', type: { kind: 'set', items: { kind: 'date' } }, optional: false },
        { name: 'lines', type: { kind: 'array', items: { kind: 'ref', name: 'Line' } }, optional: false },
      ],
    };
    fc.assert(
      fc.property(
        fc.record(
          {
            totals: fc.array(fc.tuple(fc.string(), fc.bigInt())).map(entries => new Map(entries)),
            days: fc.array(fc.date({ noInvalidDate: true })).map(days => new Set(days)),
            lines: fc.array(line, { maxLength: 4 }),
          },
          { noNullPrototype: true },
        ),
        value => void expect(roundTrip(type, value)).toStrictEqual(value),
      ),
    );
  });

  it('round-trip recursive types through a reference', () => {
    fc.assert(
      fc.property(
        tree,
        value => void expect(roundTrip({ kind: 'ref', name: 'Tree' }, value)).toStrictEqual(value),
      ),
    );
  });

  it('round-trip discriminated unions whose members need codecs', () => {
    fc.assert(
      fc.property(
        shape,
        value => void expect(roundTrip({ kind: 'ref', name: 'Shape' }, value)).toStrictEqual(value),
      ),
    );
  });

  it('round-trip every number, including NaN, infinities and negative zero', () => {
    fc.assert(
      fc.property(
        fc.double(),
        value => void expect(roundTrip({ kind: 'number' }, value)).toStrictEqual(value),
      ),
    );
    expect(encodeWire({ kind: 'number' }, -0)).toBe('-0');
    expect(encodeWire({ kind: 'number' }, Number.NaN)).toBe('NaN');
  });

  it('round-trip binary data in its own flavour', () => {
    const bytes = new Uint8Array([0, 1, 254, 255]);
    expect(encodeWire({ kind: 'binary', flavor: 'Uint8Array' }, bytes)).toBe('AAH+/w==');
    expect(roundTrip({ kind: 'binary', flavor: 'Uint8Array' }, bytes)).toStrictEqual(bytes);
    expect(roundTrip({ kind: 'binary', flavor: 'Buffer' }, Buffer.from(bytes))).toStrictEqual(
      Buffer.from(bytes),
    );
  });

  it('keeps an explicit undefined apart from a missing property where null is not allowed', () => {
    const type: WireType = { kind: 'ref', name: 'Line' };
    expect(encodeWire(type, { sku: 'a', quantity: 1, note: undefined }, defs)).toEqual({
      sku: 'a',
      quantity: 1,
      note: null,
    });
    expect(encodeWire(type, { sku: 'a', quantity: 1 }, defs)).toEqual({ sku: 'a', quantity: 1 });
    expect(Object.keys(roundTrip(type, { sku: 'a', quantity: 1, note: undefined }) as object)).toEqual([
      'sku',
      'quantity',
      'note',
    ]);
    expect(Object.keys(roundTrip(type, { sku: 'a', quantity: 1 }) as object)).toEqual(['sku', 'quantity']);
  });

  it('encodes Dates as ISO strings, bigints as decimal strings and Maps as pairs', () => {
    expect(encodeWire({ kind: 'date' }, new Date('2026-01-02T03:04:05.006Z'))).toBe(
      '2026-01-02T03:04:05.006Z',
    );
    expect(encodeWire({ kind: 'bigint' }, -12345678901234567890n)).toBe('-12345678901234567890');
    expect(
      encodeWire(
        { kind: 'map', key: { kind: 'string' }, value: { kind: 'date' } },
        new Map([['a', new Date(0)]]),
      ),
    ).toEqual([['a', '1970-01-01T00:00:00.000Z']]);
  });

  it('names the path of a value that does not match its type', () => {
    const type: WireType = { kind: 'array', items: { kind: 'ref', name: 'Shape' } };
    expect(() => encodeWire(type, [{ kind: 'circle', radius: 1n }, { kind: 'triangle' }], defs)).toThrow(
      new WireCodecError('the value matches no member of the union', '$[1]'),
    );
    expect(() => encodeWire({ kind: 'date' }, new Date(Number.NaN))).toThrow(
      '$: an invalid Date cannot be sent',
    );
    expect(() => decodeWire({ kind: 'bigint' }, '12.5')).toThrow('$: expected a decimal bigint string');
    // Shaped like an ISO date but not a date: no Invalid Date, no silent roll-over into March.
    expect(() => decodeWire({ kind: 'date' }, '2020-13-45T99:99:99.000Z')).toThrow(
      '$: expected a date-time that exists',
    );
    expect(() => decodeWire({ kind: 'date' }, '2021-02-29T00:00:00.000Z')).toThrow(
      '$: expected a date-time that exists',
    );
    expect(decodeWire({ kind: 'date' }, '+275760-09-13T00:00:00.000Z')).toEqual(new Date(8.64e15));
    expect(() => decodeWire({ kind: 'ref', name: 'Missing' }, {}, defs)).toThrow('$: unknown type Missing');
  });
});

describe('encodeError and decodeError', () => {
  class PricingError extends Error {
    constructor(
      message: string,
      readonly sku: string,
    ) {
      super(message);
      this.name = 'PricingError';
    }
  }

  it('rebuild an error as its own class with its message and fields, without calling its constructor', () => {
    const body = encodeError(new PricingError('quantity must be positive', 'tea'), 'PricingError');
    expect(body).toEqual({
      error: {
        class: 'PricingError',
        message: 'quantity must be positive',
        fields: { sku: 'tea', name: 'PricingError' },
      },
    });
    const rebuilt = decodeError(JSON.parse(JSON.stringify(body.error)) as typeof body.error, PricingError);
    expect(rebuilt).toBeInstanceOf(PricingError);
    expect(rebuilt).toStrictEqual(new PricingError('quantity must be positive', 'tea'));
    expect(rebuilt.stack).toContain('PricingError: quantity must be positive');
  });
});

describe('binary data', () => {
  it('refuses text that is not base64 instead of decoding garbage', () => {
    expect(() => decodeWire({ kind: 'binary', flavor: 'Uint8Array' }, 'not base64!!')).toThrow(
      '$: expected a base64 string',
    );
    expect(decodeWire({ kind: 'binary', flavor: 'Uint8Array' }, '')).toStrictEqual(new Uint8Array());
  });
});
