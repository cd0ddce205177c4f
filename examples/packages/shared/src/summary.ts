import { PricingError } from './errors.js';
import type { Order } from './pricing.js';
import type { Region } from './tax.js';

export interface OrderSummary {
  /** Revenue per region in minor units: bigint, so a year of orders never loses a cent. */
  revenueByRegion: Map<Region, bigint>;
  /** Every SKU sold at least once. */
  skus: Set<string>;
  /** The first and last order in the batch; absent for an empty batch. */
  firstOrderAt?: Date;
  lastOrderAt?: Date;
  largestOrderId: string | null;
}

/** Summarises a batch of orders placed since `since` (all of them by default). */
export function summarizeOrders(orders: Order[], since?: Date): OrderSummary {
  const revenueByRegion = new Map<Region, bigint>();
  const skus = new Set<string>();
  let first: Date | undefined;
  let last: Date | undefined;
  let largest: { id: string; total: bigint } | null = null;
  for (const order of orders) {
    if (since && order.placedAt < since) continue;
    let total = 0n;
    for (const line of order.lines) {
      if (!Number.isInteger(line.quantity) || line.quantity <= 0)
        throw new PricingError(`quantity must be a positive whole number`, line.sku);
      total += BigInt(line.quantity) * BigInt(line.unitPriceMinor);
      skus.add(line.sku);
    }
    revenueByRegion.set(order.region, (revenueByRegion.get(order.region) ?? 0n) + total);
    if (!first || order.placedAt < first) first = order.placedAt;
    if (!last || order.placedAt > last) last = order.placedAt;
    if (!largest || total > largest.total) largest = { id: order.id, total };
  }
  return {
    revenueByRegion,
    skus,
    ...(first ? { firstOrderAt: first } : {}),
    ...(last ? { lastOrderAt: last } : {}),
    largestOrderId: largest?.id ?? null,
  };
}
