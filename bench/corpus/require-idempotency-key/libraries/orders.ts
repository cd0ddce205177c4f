// Retry libraries wrapped around order writes (TypeScript).
// Shapes adapted from p-retry wrappers (`pRetry(fn, { retries: 3, factor: 2, minTimeout: 400,
// maxTimeout: 2500 })`), Ghallab98/payment-engine (async-retry `retry(async (bail) => …)` around a
// gateway call), the coveo/exponential-backoff README (`backOff(() => getWeather())`) and
// iiAku/virtual-failover (cockatiel `retryPolicy`), all returned by the code search.

import pRetry from 'p-retry';
import retry from 'async-retry';
import { backOff } from 'exponential-backoff';
import { retry as retryPolicyOf, handleAll, ExponentialBackoff, circuitBreaker, ConsecutiveBreaker } from 'cockatiel';
import axios from 'axios';
import got from 'got';
import ky from 'ky';
import Stripe from 'stripe';
import { randomUUID } from 'node:crypto';

const stripe = new Stripe(process.env.STRIPE_KEY as string);
const orders = axios.create({ baseURL: 'https://orders.example.com/v1' });
const policy = retryPolicyOf(handleAll, { maxAttempts: 3, backoff: new ExponentialBackoff() });
const breaker = circuitBreaker(handleAll, { halfOpenAfter: 10_000, breaker: new ConsecutiveBreaker(5) });

export async function placeOrder(order: object) {
  return pRetry(() => orders.post('/orders', order), { retries: 3, randomize: true, maxTimeout: 5000 }); // expect: require-idempotency-key
}

export async function placeOrderKeyed(order: object) {
  const key = randomUUID();
  return pRetry(() => orders.post('/orders', order, { headers: { 'Idempotency-Key': key } }), { retries: 3, randomize: true, maxTimeout: 5000 }); // ok
}

export async function fetchOrder(id: string) {
  return pRetry(() => orders.get(`/orders/${id}`), { retries: 3, randomize: true, maxTimeout: 5000 }); // ok
}

export async function submitPayment(payment: object) {
  return retry(
    async (bail) => {
      const res = await fetch('https://gateway.example.com/v1/payments', { // expect: require-idempotency-key
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(payment),
      });
      if (res.status === 402) bail(new Error('declined'));
      return res.json();
    },
    { retries: 3, maxTimeout: 4000 },
  );
}

export async function submitPaymentKeyed(payment: { id: string }) {
  return retry(
    async () => {
      const res = await fetch('https://gateway.example.com/v1/payments', { // ok
        method: 'POST',
        headers: { 'content-type': 'application/json', 'Idempotency-Key': payment.id },
        body: JSON.stringify(payment),
      });
      return res.json();
    },
    { retries: 3, maxTimeout: 4000 },
  );
}

export async function reserveStock(sku: string, qty: number) {
  return backOff(() => got.post('https://stock.example.com/v1/reservations', { json: { sku, qty } }).json(), { numOfAttempts: 4, jitter: 'full' }); // expect: require-idempotency-key
}

export async function releaseStock(reservationId: string) {
  return backOff(() => got.delete(`https://stock.example.com/v1/reservations/${reservationId}`), { numOfAttempts: 4, jitter: 'full' }); // ok
}

export async function updateShipping(orderId: string, address: object) {
  return policy.execute(() => ky.patch(`https://shipping.example.com/v1/orders/${orderId}`, { json: address }).json()); // expect: require-idempotency-key
}

export async function readShipping(orderId: string) {
  return policy.execute(() => ky.get(`https://shipping.example.com/v1/orders/${orderId}`).json()); // ok
}

// A breaker is not a retry.
export async function notifyWarehouse(orderId: string) {
  return breaker.execute(() => axios.post('https://warehouse.example.com/v1/notifications', { orderId })); // ok
}

// The Stripe SDK keys its own requests.
export async function chargeCard(customer: string, amount: number) {
  return pRetry(() => stripe.paymentIntents.create({ customer, amount, currency: 'usd' }), { retries: 2, randomize: true }); // ok
}
