import { computeQuote, convert, taxFor, type Order, type Quote, type Region } from '@acme/shared';

export interface CartView {
  quote: Quote;
  displayTotal: number;
  perLineTax: number[];
}

/** Everything the cart page shows, in the shopper's currency. */
export async function viewCart(order: Order, currency: string): Promise<CartView> {
  const quote = computeQuote(order);
  const perLineTax = order.lines.map(line => taxFor(order.region, line.quantity * line.unitPriceMinor));
  const displayTotal = await convert(quote.totalMinor, 'EUR', currency);
  return { quote, displayTotal, perLineTax };
}

/** Quotes a basket in every region we ship to, for the "where to ship" picker. */
export function quoteEverywhere(order: Order, regions: Region[]): Quote[] {
  const quotes: Quote[] = [];
  for (const region of regions) quotes.push(computeQuote({ ...order, region }));
  return quotes;
}
