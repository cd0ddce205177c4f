import { Pool } from 'pg';
import { Redis } from 'ioredis';

import { OutOfStockError } from './errors.js';

const pool = new Pool({ connectionString: process.env.INVENTORY_DATABASE_URL, statement_timeout: 2_000 });
const cache = new Redis(process.env.REDIS_URL ?? 'redis://localhost:6379', { commandTimeout: 250 });

/** Units of a SKU on hand, from the cache when it is fresh. */
export async function checkStock(sku: string): Promise<number> {
  const cached = await cache.get(`stock:${sku}`);
  if (cached !== null) return Number(cached);
  const result = await pool.query<{ on_hand: number }>('SELECT on_hand FROM stock WHERE sku = $1', [sku]);
  const onHand = result.rows[0]?.on_hand ?? 0;
  await cache.set(`stock:${sku}`, String(onHand), 'EX', 30);
  return onHand;
}

/** Takes units of a SKU out of stock, or throws OutOfStockError. */
export async function reserveStock(sku: string, quantity: number): Promise<void> {
  const result = await pool.query(
    'UPDATE stock SET on_hand = on_hand - $2 WHERE sku = $1 AND on_hand >= $2',
    [sku, quantity],
  );
  if (result.rowCount === 0) throw new OutOfStockError(sku);
  await cache.del(`stock:${sku}`);
}
