import { readFile } from 'node:fs/promises';

import type { Order } from './pricing.js';

export interface SalesReport {
  generatedAt: Date;
  totalsByRegion: Map<string, bigint>;
  orders: number;
}

/** Aggregates orders into a report; calls onProgress after each order. */
export async function buildSalesReport(
  orders: Order[],
  onProgress?: (done: number) => void,
): Promise<SalesReport> {
  const template = await readFile(new URL('./report-header.txt', import.meta.url), 'utf8');
  const totals = new Map<string, bigint>();
  orders.forEach((order, index) => {
    const total = order.lines.reduce((sum, line) => sum + BigInt(line.quantity * line.unitPriceMinor), 0n);
    totals.set(order.region, (totals.get(order.region) ?? 0n) + total);
    onProgress?.(index + 1);
  });
  void template;
  return { generatedAt: new Date(), totalsByRegion: totals, orders: orders.length };
}
