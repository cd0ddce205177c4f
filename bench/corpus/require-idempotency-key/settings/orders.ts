// A team retry wrapper (`withRetries` from @acme/resilience) and request-id header (`X-Request-Id`),
// taught to the rule through settings (retryWrappers: ["withRetries"], idempotencyHeaders:
// ["X-Request-Id"]). Call shapes follow the libraries/ folder of this corpus.

import axios from 'axios';
import { randomUUID } from 'node:crypto';
import { withRetries, retryable } from '@acme/resilience';

const api = axios.create({ baseURL: 'https://orders.internal/v1' });

export async function placeOrder(order: object) {
  return withRetries(() => api.post('/orders', order)); // expect: require-idempotency-key
}

export async function placeOrderKeyed(order: object) {
  const requestId = randomUUID();
  return withRetries(() => api.post('/orders', order, { headers: { 'X-Request-Id': requestId } })); // ok
}

export async function placeOrderLowercase(order: object) {
  const requestId = randomUUID();
  return withRetries(async () => {
    const res = await fetch('https://orders.internal/v1/orders', { // ok
      method: 'POST',
      headers: { 'x-request-id': requestId, 'content-type': 'application/json' },
      body: JSON.stringify(order),
    });
    return res.json();
  });
}

export async function amendOrder(id: string, patch: object) {
  return withRetries(() => fetch(`https://orders.internal/v1/orders/${id}`, { method: 'PATCH', body: JSON.stringify(patch) })); // expect: require-idempotency-key
}

export async function getOrder(id: string) {
  return withRetries(() => api.get(`/orders/${id}`)); // ok
}

// An unconfigured helper is not a retry construct for the rule.
export async function placeOrderUnconfigured(order: object) {
  return retryable(() => api.post('/orders', order)); // ok
}

// Hand-written loop with the configured header.
export async function confirm(id: string) {
  const requestId = randomUUID();
  for (let i = 0; i < 3; i++) {
    try {
      return await api.post(`/orders/${id}/confirm`, null, { headers: { 'X-Request-Id': requestId } }); // ok
    } catch {
      await new Promise((r) => setTimeout(r, 200 * 2 ** i + Math.random() * 100));
    }
  }
  return null;
}

// Hand-written loop without it.
export async function ship(id: string) {
  for (let i = 0; i < 3; i++) {
    try {
      return await api.post(`/orders/${id}/ship`); // expect: require-idempotency-key
    } catch {
      await new Promise((r) => setTimeout(r, 200 * 2 ** i + Math.random() * 100));
    }
  }
  return null;
}
