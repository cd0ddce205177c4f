// The checkout's own tests: the cart view and the multi-region quote (rates come from the stub in
// test/rates-stub.ts).
import { type Order, PricingError } from '@acme/shared';
import { describe, expect, it } from 'vitest';

import { quoteEverywhere, viewCart } from '../src/cart.js';

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

describe('the cart', () => {
  it('shows the quote, the total in the shopper’s currency and the tax of each line', async () => {
    const view = await viewCart(order, 'USD');
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
    const quotes = quoteEverywhere(order, ['eu', 'uk', 'us-ny']);
    expect(quotes.map(quote => quote.totalMinor)).toEqual([4_901, 4_860, 4_212]);
  });

  it('refuses a line with no quantity, with the library’s error', async () => {
    const empty = { ...order, lines: [{ sku: 'mug', quantity: 0, unitPriceMinor: 1 }] };
    await expect(viewCart(empty, 'USD')).rejects.toThrow(PricingError);
  });
});
