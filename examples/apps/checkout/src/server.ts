import { createServer } from 'node:http';

import { checkStock, reserveStock, sendReceipt, type Order } from '@acme/shared';

import { viewCart } from './cart.js';

const PAYMENTS_URL = process.env.PAYMENTS_URL ?? 'http://payments.internal';

async function charge(orderId: string, amountMinor: number, signal: AbortSignal): Promise<string> {
  const response = await fetch(`${PAYMENTS_URL}/charges`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': orderId },
    body: JSON.stringify({ orderId, amountMinor }),
    signal: AbortSignal.any([signal, AbortSignal.timeout(5_000)]),
  });
  const body = (await response.json()) as { chargeId: string };
  return body.chargeId;
}

const SHIPPING_URL = process.env.SHIPPING_URL ?? 'http://shipping.internal';

async function shippingQuote(order: Order, signal: AbortSignal): Promise<number> {
  const response = await fetch(`${SHIPPING_URL}/quotes?region=${order.region}&items=${order.lines.length}`, {
    signal: AbortSignal.timeout(2_000),
  });
  const body = (await response.json()) as { priceMinor: number };
  return body.priceMinor;
}

async function placeOrder(order: Order, email: string, signal: AbortSignal): Promise<string> {
  const stock = await Promise.all(order.lines.map(line => checkStock(line.sku)));
  if (stock.some((onHand, index) => onHand < (order.lines[index]?.quantity ?? 0)))
    throw new Error('not enough stock');
  for (const line of order.lines) await reserveStock(line.sku, line.quantity);
  const cart = await viewCart(order, 'EUR');
  const shipping = await shippingQuote(order, signal);
  const chargeId = await charge(order.id, cart.quote.totalMinor + shipping, signal);
  await sendReceipt(order.id, email);
  return chargeId;
}

createServer((request, response) => {
  const controller = new AbortController();
  request.on('close', () => controller.abort());
  let raw = '';
  request.on('data', chunk => (raw += chunk));
  request.on('end', () => {
    const { order, email } = JSON.parse(raw) as { order: Order; email: string };
    order.placedAt = new Date(order.placedAt);
    placeOrder(order, email, controller.signal).then(
      chargeId => response.writeHead(201).end(JSON.stringify({ chargeId })),
      (error: Error) => response.writeHead(409).end(JSON.stringify({ error: error.message })),
    );
  });
}).listen(Number(process.env.PORT ?? 8080));
