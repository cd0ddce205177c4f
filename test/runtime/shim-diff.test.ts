// The shadow comparison's structural diff: every difference has a path that reads like code.
import { describe, expect, it } from 'vitest';

import { diffValues, formatDifferences } from '../../packages/runtime/src/shim/diff.js';

const texts = (local: unknown, remote: unknown): string[] => diffValues(local, remote).map(d => d.text);

class PricingError extends Error {
  override name = 'PricingError';
  constructor(
    message: string,
    readonly sku: string,
  ) {
    super(message);
  }
}
class StockError extends Error {
  override name = 'StockError';
}

describe('diffValues', () => {
  it('finds nothing between structurally equal values', () => {
    const value = () => ({
      at: new Date(0),
      id: 12n,
      nan: Number.NaN,
      tags: new Set(['a', 'b']),
      prices: new Map([['sku', 1]]),
      bytes: Buffer.from([1, 2]),
      nested: [{ a: 1 }, [2, 3]],
    });
    expect(diffValues(value(), value())).toEqual([]);
  });

  it('reports a nested field with its path', () => {
    const quote = (total: number) => ({ lines: [{ total: 1 }, { total: 2 }, { total }] });
    expect(texts(quote(120), quote(121))).toEqual(['lines[2].total: 120 → 121']);
  });

  it('reports a difference of the whole value as (value)', () => {
    expect(texts(1, 2)).toEqual(['(value): 1 → 2']);
    expect(diffValues(1, 2)[0]).toMatchObject({ path: '', local: '1', remote: '2' });
  });

  it('tells -0 from 0 and NaN equals NaN', () => {
    expect(texts({ x: -0 }, { x: 0 })).toEqual(['x: -0 → 0']);
    expect(texts({ x: Number.NaN }, { x: Number.NaN })).toEqual([]);
  });

  it('tells a property set to undefined from a missing one', () => {
    expect(texts({ note: undefined }, {})).toEqual(['note: undefined → (missing)']);
    expect(texts({}, { note: undefined })).toEqual(['note: (missing) → undefined']);
  });

  it('compares Dates by time and bigint by value', () => {
    expect(texts({ at: new Date(0) }, { at: new Date(1) })).toEqual([
      'at: 1970-01-01T00:00:00.000Z → 1970-01-01T00:00:00.001Z',
    ]);
    expect(texts({ id: 1n }, { id: 2n })).toEqual(['id: 1n → 2n']);
    expect(texts({ id: 1n }, { id: 1 })).toEqual(['id: 1n → 1']);
  });

  it('compares Map entries by key', () => {
    const local = new Map([
      ['a', 1],
      ['b', 2],
    ]);
    const remote = new Map([
      ['a', 1],
      ['b', 3],
      ['c', 4],
    ]);
    expect(texts({ prices: local }, { prices: remote })).toEqual([
      'prices.size: 2 → 3',
      'prices.get("b"): 2 → 3',
      'prices.get("c"): (missing) → 4',
    ]);
  });

  it('compares Set members by value', () => {
    expect(texts(new Set(['a', 'b']), new Set(['a', 'c']))).toEqual([
      '(value).has("b"): true → false',
      '(value).has("c"): false → true',
    ]);
    expect(texts({ tags: new Set([1]) }, { tags: new Set([1, 2]) })).toEqual([
      'tags.size: 1 → 2',
      'tags.has(2): false → true',
    ]);
  });

  it('compares binary data by bytes and by type', () => {
    expect(texts({ data: Buffer.from([1, 2, 3]) }, { data: Buffer.from([1, 9, 3]) })).toEqual([
      'data<byte 1>: 2 → 9',
    ]);
    expect(texts({ data: new Uint8Array([1]) }, { data: new Uint8Array([1, 2]) })).toEqual([
      'data.byteLength: 1 → 2',
    ]);
    expect(texts({ data: Buffer.from([1]) }, { data: new Uint8Array([1]) })).toEqual([
      'data: Buffer(1 bytes) → Uint8Array(1 bytes)',
    ]);
  });

  it('compares arrays item by item and their lengths', () => {
    expect(texts([1, 2], [1, 2, 3])).toEqual(['(value).length: 2 → 3', '(value)[2]: (missing) → 3']);
  });

  it('compares errors by class name, message and public fields', () => {
    expect(texts(new PricingError('no price', 'A'), new PricingError('no price', 'A'))).toEqual([]);
    expect(texts(new PricingError('no price', 'A'), new PricingError('no price', 'B'))).toEqual([
      'sku: "A" → "B"',
    ]);
    expect(texts(new PricingError('no price', 'A'), new PricingError('no cost', 'A'))).toEqual([
      'message: "no price" → "no cost"',
    ]);
    expect(texts(new StockError('x'), new PricingError('x', 'A'))).toEqual([
      'name: "StockError" → "PricingError"',
      'sku: (missing) → "A"',
    ]);
  });

  it('reports a value against an error at the top', () => {
    expect(texts({ total: 1 }, new PricingError('no price', 'A'))).toEqual([
      '(value): {…} → PricingError: no price',
    ]);
  });

  it('ignores prototypes of plain data: a class instance equals the plain object the wire makes of it', () => {
    class Quote {
      constructor(readonly total: number) {}
    }
    expect(texts(new Quote(1), { total: 1 })).toEqual([]);
  });

  it('quotes keys that are not identifiers', () => {
    expect(texts({ 'unit price': 1 }, { 'unit price': 2 })).toEqual(['(value)["unit price"]: 1 → 2']);
  });

  it('ends on cyclic values', () => {
    const a: Record<string, unknown> = { n: 1 };
    a.self = a;
    const b: Record<string, unknown> = { n: 2 };
    b.self = b;
    expect(texts(a, b)).toEqual(['n: 1 → 2']);
  });

  it('stops after maxDifferences', () => {
    const local = Array.from({ length: 50 }, (_, index) => index);
    const remote = local.map(value => value + 1);
    expect(diffValues(local, remote, { maxDifferences: 3 })).toHaveLength(3);
    expect(diffValues(local, remote)).toHaveLength(20);
  });

  it('formats differences one per line', () => {
    expect(formatDifferences(diffValues({ a: 1, b: 2 }, { a: 2, b: 3 }))).toBe('a: 1 → 2\nb: 2 → 3');
  });
});
