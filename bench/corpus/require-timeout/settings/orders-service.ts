// A team HTTP client (@acme/http) taught to the rule through settings.faultline.clients:
//   request(url, options)          options at arg 1, bounded by `timeout` or `signal`
//   createClient(factoryOptions)   instance factory; get/post(url, options), bounded by `timeout`
// Call shapes modelled on the axios/got service modules elsewhere in this corpus.

import { request, createClient } from '@acme/http';
import * as acme from '@acme/http';
import { withTimeout } from '../lib/async';

export async function listOrders() {
  return request('/orders'); // expect: require-timeout
}

export async function listOrdersBounded() {
  return request('/orders', { timeout: 2000 }); // ok
}

export async function getOrder(id: string, signal: AbortSignal) {
  return request(`/orders/${id}`, { signal }); // ok
}

export async function getOrderDeadline(id: string) {
  return request(`/orders/${id}`, { signal: AbortSignal.timeout(1500) }); // ok
}

export async function createOrder(order: object) {
  return request('/orders', { method: 'POST', body: order, retries: 3 }); // expect: require-timeout
}

// Caller options: opaque.
export async function passthrough(url: string, opts: Record<string, unknown>) {
  return request(url, opts); // ok
}

// Local const options resolved.
const cancelOptions = { method: 'DELETE', timeout: 1000 };
export async function cancelOrder(id: string) {
  return request(`/orders/${id}`, cancelOptions); // ok
}

const archiveOptions = { method: 'POST' };
export async function archiveOrder(id: string) {
  return request(`/orders/${id}/archive`, archiveOptions); // expect: require-timeout
}

export async function viaNamespace() {
  return acme.request('/orders/stats'); // expect: require-timeout
}

export async function viaNamespaceBounded() {
  return acme.request('/orders/stats', { timeout: 500 }); // ok
}

export async function wrapped() {
  return withTimeout(request('/orders/slow'), 3000); // ok
}

// Instance factory without a timeout: each get/post needs its own.
const inventory = createClient({ baseUrl: 'https://inventory.internal' });

export async function stock(sku: string) {
  return inventory.get(`/stock/${sku}`); // expect: require-timeout
}

export async function stockBounded(sku: string) {
  return inventory.get(`/stock/${sku}`, { timeout: 800 }); // ok
}

export async function reserve(sku: string, qty: number) {
  return inventory.post('/reservations', { body: { sku, qty } }); // expect: require-timeout
}

export async function reserveBounded(sku: string, qty: number) {
  return inventory.post('/reservations', { body: { sku, qty }, timeout: 1200 }); // ok
}

// `delete` is not in the configured method list.
export async function unreserve(id: string) {
  return inventory.delete(`/reservations/${id}`); // ok
}

// Instance factory with a timeout: its calls are bounded.
const pricing = createClient({ baseUrl: 'https://pricing.internal', timeout: 2500 });

export async function price(sku: string) {
  return pricing.get(`/prices/${sku}`); // ok
}

export async function quote(items: string[]) {
  return pricing.post('/quotes', { body: { items } }); // ok
}
