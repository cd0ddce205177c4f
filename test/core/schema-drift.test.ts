// Schema drift: the committed OpenAPI document against the one the library gives now. Each kind of
// change is classified for the clients already deployed (breaking or compatible) and named by
// operation, side and field path.
import { beforeAll, describe, expect, it } from 'vitest';

import { analyzeLibrary } from '../../packages/core/src/analyze/analyze-library.js';
import { planExtraction } from '../../packages/core/src/plan/extraction-plan.js';
import { compareApis, formatChange } from '../../packages/core/src/plan/schema-drift.js';
import { ROOT } from '../helpers/engines.js';

type Doc = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- JSON documents edited by path
let snapshot: Doc;

beforeAll(() => {
  const report = analyzeLibrary({
    library: 'examples/packages/shared',
    exports: ['computeQuote', 'taxFor', 'summarizeOrders'],
    wire: true,
    cwd: ROOT,
    root: ROOT,
  });
  snapshot = planExtraction(report, { service: 'pricing', mode: 'wrap', runtimeVersion: '^0.1.0' })
    .openapi as Doc;
}, 60_000);

function edited(edit: (document: Doc) => void): Doc {
  const copy = structuredClone(snapshot);
  edit(copy);
  return copy;
}

function lines(after: Doc): string[] {
  return compareApis(snapshot, after).map(formatChange);
}

describe('compareApis', () => {
  it('finds nothing between a document and itself', () => {
    expect(compareApis(snapshot, structuredClone(snapshot))).toEqual([]);
  });

  it('names a request field whose type changed, through $refs, with its path', () => {
    const after = edited(document => {
      document.components.schemas.QuoteLine.properties.quantity = { type: 'string' };
    });
    expect(lines(after)).toContain(
      'breaking: computeQuote request order.lines[].quantity: type changed from number to string',
    );
    expect(lines(after)).toContain(
      'breaking: summarizeOrders request orders[].lines[].quantity: type changed from number to string',
    );
  });

  it('treats removed and newly required request fields as breaking, a new optional one as compatible', () => {
    const after = edited(document => {
      const order = document.components.schemas.Order;
      delete order.properties.coupon;
      order.properties.channel = { type: 'string' };
      order.required = [...order.required, 'channel'];
      order.properties.note = { type: 'string' };
    });
    expect(lines(after)).toEqual(
      expect.arrayContaining([
        'breaking: computeQuote request order.coupon: removed: old clients still send it, and the service rejects unknown properties',
        'breaking: computeQuote request order.channel: added as required: old clients do not send it',
        'compatible: computeQuote request order.note: added as optional',
      ]),
    );
  });

  it('treats removed or now-optional response fields as breaking, a new one as compatible', () => {
    const after = edited(document => {
      const quote = document.components.schemas.Quote;
      delete quote.properties.taxMinor;
      quote.required = quote.required.filter((name: string) => name !== 'taxMinor' && name !== 'validUntil');
      quote.properties.currency = { type: 'string' };
    });
    expect(lines(after)).toEqual(
      expect.arrayContaining([
        'breaking: computeQuote response result.taxMinor: removed: old clients expect it',
        'breaking: computeQuote response result.validUntil: now optional: old clients expect it always',
        'compatible: computeQuote response result.currency: added: old clients ignore it',
      ]),
    );
  });

  it('judges literal members by direction: fewer accepted in requests, more returned in responses', () => {
    const after = edited(document => {
      const region = document.components.schemas.Region;
      region.enum = region.enum.filter((value: string) => value !== 'uk').concat(['ch']);
    });
    const found = lines(after);
    expect(found).toContain(
      'breaking: taxFor request region: "uk" no longer allowed: old clients may still send it',
    );
    expect(found).toContain('compatible: taxFor request region: "ch" added');
  });

  it('says when a Date became a string, and when an operation is removed or added', () => {
    const after = edited(document => {
      document.components.schemas.Quote.properties.validUntil = { type: 'string' };
      const route = document.paths['/rpc/taxFor'];
      delete document.paths['/rpc/taxFor'];
      document.paths['/rpc/taxFor2'] = { post: { ...route.post, operationId: 'taxFor2' } };
    });
    const found = lines(after);
    expect(found).toContain(
      'breaking: computeQuote response result.validUntil: type changed from Date to string',
    );
    expect(found).toContain('breaking: taxFor: removed: old clients still call it');
    expect(found).toContain('compatible: taxFor2: added');
    expect(compareApis(snapshot, after)[0]?.breaking).toBe(true);
  });
});
