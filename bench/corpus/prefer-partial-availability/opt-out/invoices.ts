// Invoice rendering where every part is required, documented with the `all-or-nothing` opt-out
// comment (TypeScript). Call shapes follow the literals/ folder of this corpus.

import axios from 'axios';
import Stripe from 'stripe';
import { Pool } from 'pg';

const stripe = new Stripe(process.env.STRIPE_KEY as string);
const pool = new Pool();
const api = axios.create({ baseURL: 'https://billing.internal' });

export async function renderInvoice(invoiceId: string, customerId: string) {
  // all-or-nothing: an invoice without its customer or its lines must not be rendered.
  const [customer, lines] = await Promise.all([ // ok
    stripe.customers.retrieve(customerId),
    stripe.invoiceItems.list({ invoice: invoiceId }),
  ]);
  return { customer, lines: lines.data };
}

export async function ledgerEntry(entryId: string) {
  const [debit, credit] = await Promise.all([api.get(`/debits/${entryId}`), api.get(`/credits/${entryId}`)]); // all-or-nothing: half an entry is worse than none // ok
  return { debit: debit.data, credit: credit.data };
}

export async function taxBreakdown(orderId: string) {
  /* all-or-nothing: tax must be computed from both sources */
  return Promise.all([api.get(`/tax/rates/${orderId}`), pool.query('SELECT * FROM order_lines WHERE order_id = $1', [orderId])]); // ok
}

// The opt-out comment is two lines above the call: it does not apply.
export async function statement(accountId: string) {
  // all-or-nothing: a statement needs balance and transactions.
  const from = new Date(Date.now() - 30 * 86400_000);
  return Promise.all([api.get(`/balances/${accountId}`), api.get(`/transactions/${accountId}`, { params: { from } })]); // expect: prefer-partial-availability
}

// Different wording is not the opt-out.
export async function dunning(customerId: string) {
  // all or nothing here
  return Promise.all([stripe.customers.retrieve(customerId), stripe.invoices.list({ customer: customerId, status: 'open' })]); // expect: prefer-partial-availability
}

// The comment covers only the first call.
export async function closeMonth(month: string) {
  // all-or-nothing: both closing totals are needed.
  const totals = await Promise.all([api.get(`/close/${month}/revenue`), api.get(`/close/${month}/costs`)]); // ok
  const extras = await Promise.all([api.get(`/close/${month}/fx`), api.get(`/close/${month}/fees`)]); // expect: prefer-partial-availability
  return { totals, extras };
}

// A comment after the call does not count.
export async function creditNote(id: string) {
  const parts = await Promise.all([api.get(`/credit-notes/${id}`), api.get(`/credit-notes/${id}/lines`)]); // expect: prefer-partial-availability
  // all-or-nothing
  return parts;
}
