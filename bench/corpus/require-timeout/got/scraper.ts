// A typed scraper client plus test code where `got` is the actual value (got/want style).
// Shapes adapted from a public "createRequestClient" (Segment-style got.extend factory),
// TimoLob/bastion-bot (src/fetch.ts) and a config-driven `http: Got = got.extend(...)` module.

import got, { ExtendOptions, Got } from 'got';
import assert from 'node:assert/strict';

const options: ExtendOptions = {
  timeout: {
    request: 10 * 1000,
  },
};

const client = got.extend(options);

const cached = got.extend({
  cache: new Map(),
  http2: true,
});

export const http: Got = got.extend({
  prefixUrl: 'https://shop.example.com/api',
  timeout: {
    request: Number(process.env.REQUEST_TIMEOUT_MS ?? 5000),
  },
  retry: { limit: 2, methods: ['GET'] },
  responseType: 'json',
});

export async function fetchProduct(id: string) {
  return client.get(`https://shop.example.com/api/products/${id}`).json(); // ok
}

export async function fetchCategory(slug: string) {
  return cached.get(`https://shop.example.com/api/categories/${slug}`).json(); // expect: require-timeout
}

export async function fetchCart(id: string) {
  return http.get(`carts/${id}`).json(); // ok
}

export async function fetchPage(url: string): Promise<string> {
  return got(url, { headers: { 'User-Agent': 'Mozilla/5.0' } }).text(); // expect: require-timeout
}

export async function fetchPageBounded(url: string): Promise<string> {
  return got(url, { headers: { 'User-Agent': 'Mozilla/5.0' }, timeout: { request: 7000 } }).text(); // ok
}

export async function* paginate(url: string) {
  yield* got.paginate(url, { pagination: { countLimit: 100 } }); // expect: require-timeout
}

// Go-style test naming: `got` is the value under test, not the library.
function parsePrice(input: string): { amount: number; currency: string } {
  const [amount, currency] = input.split(' ');
  return { amount: Number(amount), currency };
}

export function testParsePrice() {
  const cases = new Map([['12.50 EUR', { amount: 12.5, currency: 'EUR' }]]);
  for (const [input, want] of cases) {
    const got = new Map(Object.entries(parsePrice(input)));
    assert.equal(got.get('amount'), want.amount); // ok
    assert.equal(got.get('currency'), want.currency); // ok
  }
}
