// The checkout's own tests: the cart view and the multi-region quote, against a rates stub on
// loopback (the library reads RATES_URL when it loads, so the modules are imported after it is set).
import http from 'node:http';
import type { AddressInfo } from 'node:net';

import type { Order } from '@acme/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let rates: http.Server;
let cart: typeof import('../src/cart.js');

const order: Order = {
  id: 'o-1',
  region: 'eu',
  lines: [
    { sku: 'mug', quantity: 2, unitPriceMinor: 1_250 },
    { sku: 'tee', quantity: 1, unitPriceMinor: 2_000 },
  ],
  coupon: 'WELCOME10',
  placedAt: new Date('2026-03-01T10:00:00Z'),
};

beforeAll(async () => {
  rates = http.createServer((_request, response) =>
    response.end(JSON.stringify({ USD: 1, EUR: 0.92, GBP: 0.79 })),
  );
  await new Promise<void>(resolve => rates.listen(0, '127.0.0.1', resolve));
  process.env.RATES_URL = `http://127.0.0.1:${(rates.address() as AddressInfo).port}/v1/latest`;
  cart = await import('../src/cart.js');
});

afterAll(() => {
  rates.close();
});

describe('the cart', () => {
  it('shows the quote, the total in the shopper’s currency and the tax of each line', async () => {
    const view = await cart.viewCart(order, 'USD');
    expect(view.quote).toEqual({
      orderId: 'o-1',
      subtotalMinor: 4_500,
      discountMinor: 450,
      taxMinor: 851,
      totalMinor: 4_901,
      validUntil: new Date('2026-03-01T10:15:00Z'),
    });
    expect(view.displayTotal).toBe(5_327);
    expect(view.perLineTax).toEqual([525, 420]);
  });

  it('quotes the basket in every region it ships to', () => {
    const quotes = cart.quoteEverywhere(order, ['eu', 'uk', 'us-ny']);
    expect(quotes.map(quote => quote.totalMinor)).toEqual([4_901, 4_860, 4_212]);
  });

  it('refuses a line with no quantity, with the library’s error', async () => {
    const { PricingError } = await import('@acme/shared');
    const empty = { ...order, lines: [{ sku: 'mug', quantity: 0, unitPriceMinor: 1 }] };
    await expect(cart.viewCart(empty, 'USD')).rejects.toThrow(PricingError);
  });
});
