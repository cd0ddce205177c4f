// CommonJS jobs using the configured `withRetries` wrapper.

const got = require('got');
const pRetry = require('p-retry');
const { withRetries } = require('@acme/resilience');

async function sendInvoice(invoice) {
  return withRetries(() => got.post('https://mail.internal/v1/invoices', { json: invoice })); // expect: require-idempotency-key
}

async function sendInvoiceKeyed(invoice) {
  return withRetries(() => got.post('https://mail.internal/v1/invoices', { json: invoice, headers: { 'X-Request-Id': invoice.id } })); // ok
}

async function archiveInvoice(id) {
  return withRetries(() => got.put(`https://archive.internal/v1/invoices/${id}`)); // ok
}

// p-retry with the configured header.
async function exportInvoice(invoice) {
  return pRetry(() => got.post('https://erp.internal/v1/invoices', { json: invoice, headers: { 'X-Request-Id': invoice.id } }), { retries: 3, randomize: true }); // ok
}

// p-retry without it.
async function syncInvoice(invoice) {
  return pRetry(() => got.patch(`https://erp.internal/v1/invoices/${invoice.id}`, { json: invoice }), { retries: 3, randomize: true }); // expect: require-idempotency-key
}

module.exports = { sendInvoice, sendInvoiceKeyed, archiveInvoice, exportInvoice, syncInvoice };
