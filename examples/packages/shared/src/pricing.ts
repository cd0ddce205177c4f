import { PricingError } from './errors.js';
import { taxFor, type Region } from './tax.js';

export interface QuoteLine {
  sku: string;
  quantity: number;
  unitPriceMinor: number;
}

export interface Order {
  id: string;
  region: Region;
  lines: QuoteLine[];
  coupon?: string;
  placedAt: Date;
}

export interface Quote {
  orderId: string;
  subtotalMinor: number;
  discountMinor: number;
  taxMinor: number;
  totalMinor: number;
  validUntil: Date;
}

const COUPONS: Record<string, number> = { WELCOME10: 0.1, SPRING5: 0.05 };

/** Prices an order: subtotal, coupon discount, tax, and how long the quote holds. */
export function computeQuote(order: Order): Quote {
  let subtotal = 0;
  for (const line of order.lines) {
    if (line.quantity <= 0) throw new PricingError(`quantity must be positive`, line.sku);
    subtotal += line.quantity * line.unitPriceMinor;
  }
  const discount = order.coupon ? Math.round(subtotal * (COUPONS[order.coupon] ?? 0)) : 0;
  const tax = taxFor(order.region, subtotal - discount);
  return {
    orderId: order.id,
    subtotalMinor: subtotal,
    discountMinor: discount,
    taxMinor: tax,
    totalMinor: subtotal - discount + tax,
    validUntil: new Date(order.placedAt.getTime() + 15 * 60_000),
  };
}
