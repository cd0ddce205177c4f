// Hand-written retry loops around payment and order writes (TypeScript).
// Shapes adapted from the retry helpers of the require-backoff corpus (Category5-Team3489/
// Category5ScoutingV2 fetchRetry, the node-fetch `fetchWithRetries` loop), kashif147/projectShell-portal
// (src/api/payment_request.jsx: `x-idempotency-key: uuidv4()` on payment requests), and the
// Easypay / datatrans idempotency docs (`Idempotency-Key` header on POST) returned by the code search.

import axios from 'axios';
import { randomUUID } from 'node:crypto';
import Stripe from 'stripe';

const stripe = new Stripe(process.env.STRIPE_KEY as string);
const psp = axios.create({ baseURL: 'https://psp.example.com/v2' });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

type Charge = { amount: number; currency: string; source: string };

export async function createCharge(charge: Charge) {
  for (let attempt = 0; attempt < 4; attempt++) {
    try {
      const { data } = await psp.post('/charges', charge); // expect: require-idempotency-key
      return data;
    } catch (err) {
      await sleep(Math.min(5000, 200 * 2 ** attempt) * Math.random());
    }
  }
  throw new Error('charge failed');
}

export async function createChargeKeyed(charge: Charge) {
  const key = randomUUID();
  for (let attempt = 0; attempt < 4; attempt++) {
    try {
      const { data } = await psp.post('/charges', charge, { headers: { 'Idempotency-Key': key } }); // ok
      return data;
    } catch (err) {
      await sleep(Math.min(5000, 200 * 2 ** attempt) * Math.random());
    }
  }
  throw new Error('charge failed');
}

export async function capture(chargeId: string, amount: number) {
  let attempt = 0;
  while (true) {
    try {
      const res = await fetch(`https://psp.example.com/v2/charges/${chargeId}/capture`, { // expect: require-idempotency-key
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ amount }),
      });
      if (res.ok) return res.json();
      throw new Error(`capture ${res.status}`);
    } catch (err) {
      if (++attempt >= 3) throw err;
      await sleep(500 * attempt + Math.random() * 250);
    }
  }
}

export async function captureKeyed(chargeId: string, amount: number, key: string) {
  let attempt = 0;
  while (true) {
    try {
      const res = await fetch(`https://psp.example.com/v2/charges/${chargeId}/capture`, { // ok
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': key },
        body: JSON.stringify({ amount }),
      });
      return res.json();
    } catch (err) {
      if (++attempt >= 3) throw err;
      await sleep(500 * attempt + Math.random() * 250);
    }
  }
}

// PATCH is not idempotent either.
export async function updateOrder(id: string, patch: object) {
  for (let i = 0; i < 3; i++) {
    try {
      return await axios.patch(`https://orders.example.com/v1/${id}`, patch); // expect: require-idempotency-key
    } catch {
      await sleep(300 * 2 ** i + Math.random() * 100);
    }
  }
  return null;
}

// PUT, GET and DELETE may be retried.
export async function replaceOrder(id: string, order: object) {
  for (let i = 0; i < 3; i++) {
    try {
      return await axios.put(`https://orders.example.com/v1/${id}`, order); // ok
    } catch {
      await sleep(300 * 2 ** i + Math.random() * 100);
    }
  }
  return null;
}

export async function getOrder(id: string) {
  for (let i = 0; i < 3; i++) {
    try {
      return (await axios.get(`https://orders.example.com/v1/${id}`)).data; // ok
    } catch {
      await sleep(300 * 2 ** i + Math.random() * 100);
    }
  }
  return null;
}

export async function cancelOrder(id: string) {
  for (let i = 0; i < 3; i++) {
    try {
      return await axios.delete(`https://orders.example.com/v1/${id}`); // ok
    } catch {
      await sleep(300 * 2 ** i + Math.random() * 100);
    }
  }
  return null;
}

// The key travels in the body as `idempotencyKey`.
export async function refund(chargeId: string, amount: number) {
  const idempotencyKey = randomUUID();
  for (let i = 0; i < 3; i++) {
    try {
      return await psp.post(`/charges/${chargeId}/refunds`, { amount, idempotencyKey }); // ok
    } catch {
      await sleep(300 * 2 ** i + Math.random() * 100);
    }
  }
  return null;
}

// The Stripe SDK adds idempotency keys to its own retries.
export async function stripeCharge(customer: string, amount: number) {
  for (let i = 0; i < 3; i++) {
    try {
      return await stripe.paymentIntents.create({ customer, amount, currency: 'eur' }); // ok
    } catch {
      await sleep(300 * 2 ** i + Math.random() * 100);
    }
  }
  return null;
}

// PATCH through fetch in a do…while.
export async function renameCard(cardId: string, name: string) {
  let tries = 0;
  do {
    try {
      const res = await fetch(`https://psp.example.com/v2/cards/${cardId}`, { method: 'PATCH', body: JSON.stringify({ name }) }); // expect: require-idempotency-key
      return await res.json();
    } catch {
      tries++;
      await sleep(250 * 2 ** tries + Math.random() * 100);
    }
  } while (tries < 3);
  return null;
}

// The request init is a local const with method POST.
export async function openDispute(chargeId: string, reason: string) {
  const init = { method: 'POST', body: JSON.stringify({ reason }) };
  for (let i = 0; i < 3; i++) {
    try {
      return await fetch(`https://psp.example.com/v2/charges/${chargeId}/disputes`, init); // expect: require-idempotency-key
    } catch {
      await sleep(300 * 2 ** i + Math.random() * 100);
    }
  }
  return null;
}

// A single POST, no retry.
export async function createCustomer(body: object) {
  return psp.post('/customers', body); // ok
}
