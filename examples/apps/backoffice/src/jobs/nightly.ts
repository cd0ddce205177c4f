import https from 'node:https';
import { hostname } from 'node:os';

import { buildSalesReport, computeQuote, convert, type Order } from '@acme/shared';
import { Redis } from 'ioredis';

const redis = new Redis(process.env.REDIS_URL ?? 'redis://localhost:6379', { commandTimeout: 500 });

/** Only one back-office replica may run the nightly job. */
async function acquireNightlyLock(day: string): Promise<boolean> {
  const taken = await redis.set(`lock:nightly:${day}`, hostname(), 'PX', 60 * 60_000, 'NX');
  return taken === 'OK';
}

const ORDERS_API = process.env.ORDERS_API ?? 'https://orders.internal';

function getJson<T>(url: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const request = https.get(url, { timeout: 10_000 }, response => {
      let body = '';
      response.on('data', chunk => (body += chunk));
      response.on('end', () => resolve(JSON.parse(body) as T));
    });
    request.on('error', reject);
  });
}

/** The nightly job: re-price yesterday's orders, convert totals to USD, build the sales report. */
export async function runNightly(day: string): Promise<void> {
  if (!(await acquireNightlyLock(day))) return;
  const orders = await getJson<Order[]>(`${ORDERS_API}/orders?day=${day}`);
  for (const order of orders) order.placedAt = new Date(order.placedAt);
  const totals = orders.map(order => computeQuote(order).totalMinor);
  const inUsd = await Promise.all(totals.map(total => convert(total, 'EUR', 'USD')));
  const report = await buildSalesReport(orders, done => {
    if (done % 1_000 === 0) process.stdout.write(`${done} orders\n`);
  });
  const upload = await fetch(`${ORDERS_API}/reports`, {
    method: 'PUT',
    body: JSON.stringify({ day, orders: report.orders, inUsd }),
  });
  if (!upload.ok) throw new Error(`upload failed: ${upload.status}`);
}
