// A team toolkit (@acme/timing) whose sleep is `pause(ms)` and whose jitter helper is
// `withJitter(ms)`, taught to the rule through settings (sleepFunctions: ["pause"],
// jitterFunctions: ["withJitter"]). Loop shapes follow the loops/ folder of this corpus.

import axios from 'axios';
import { pause, withJitter } from '@acme/timing';

// Constant pause.
export async function pushInventory(sku: string, qty: number) {
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      return await axios.put(`https://inventory.internal/v1/stock/${sku}`, { qty });
    } catch {
      await pause(1000); // expect: require-backoff
    }
  }
  throw new Error('inventory push failed');
}

// Capped exponential through the configured jitter helper: correct.
export async function pullPrices() {
  for (let attempt = 0; attempt < 6; attempt++) {
    try {
      return (await axios.get('https://pricing.internal/v1/prices')).data;
    } catch (err) {
      if (attempt === 5) throw err;
      await pause(withJitter(Math.min(10_000, 200 * 2 ** attempt))); // ok
    }
  }
  return [];
}

// Capped exponential, not jittered.
export async function pullTaxRates() {
  for (let attempt = 0; attempt < 6; attempt++) {
    try {
      return (await axios.get('https://tax.internal/v1/rates')).data;
    } catch {
      await pause(Math.min(10_000, 200 * 2 ** attempt)); // expect: require-backoff
    }
  }
  return [];
}

// Jittered constant: still constant.
export async function pullCurrencies() {
  for (let attempt = 0; attempt < 4; attempt++) {
    try {
      return (await axios.get('https://fx.internal/v1/currencies')).data;
    } catch {
      await pause(withJitter(500)); // expect: require-backoff
    }
  }
  return [];
}

// No pause at all.
export async function pushAudit(entry: object) {
  for (let attempt = 0; attempt < 3; attempt++) { // expect: require-backoff
    try {
      return await axios.put('https://audit.internal/v1/entries', entry);
    } catch (err) {
      console.warn('audit push failed', err);
    }
  }
  return null;
}

// Recursion with the configured helpers, bounded: correct.
export async function fetchCatalogPage(page: number, attempt = 0): Promise<unknown> {
  try {
    return (await axios.get(`https://catalog.internal/v1/items?page=${page}`)).data;
  } catch (err) {
    if (attempt >= 4) throw err;
    await pause(withJitter(Math.min(5_000, 250 * 2 ** attempt))); // ok
    return fetchCatalogPage(page, attempt + 1);
  }
}

// Unbounded, with a good pause.
export async function waitForWarehouse() {
  let attempt = 0;
  while (true) { // expect: require-backoff
    try {
      return (await axios.get('https://warehouse.internal/v1/ready')).data;
    } catch {
      attempt++;
      await pause(withJitter(Math.min(30_000, 500 * 2 ** attempt))); // ok
    }
  }
}
