'use strict';

// CommonJS jobs using the team client through require(), renamed and destructured,
// next to same-named exports from other packages.

const { request: acmeRequest, createClient } = require('@acme/http');
const acme = require('@acme/http');
const { request: otherRequest } = require('@acme/other-http');
const { request: undiciRequest } = require('undici');
const withTimeout = require('./with-timeout');

async function nightlyExport() {
  return acmeRequest('/exports/nightly', { method: 'POST' }); // expect: require-timeout
}

async function nightlyExportBounded() {
  return acmeRequest('/exports/nightly', { method: 'POST', timeout: 60_000 }); // ok
}

async function viaMember() {
  return acme.request('/jobs'); // expect: require-timeout
}

async function otherPackage() {
  return otherRequest('/jobs'); // ok
}

async function undiciDefaults() {
  return undiciRequest('https://jobs.internal/queue'); // ok
}

const billing = createClient({ baseUrl: process.env.BILLING_URL, timeout: 5000 });
const ledger = createClient({ baseUrl: process.env.LEDGER_URL });

async function invoices() {
  return billing.get('/invoices'); // ok
}

async function postings() {
  return ledger.get('/postings'); // expect: require-timeout
}

async function postingsWrapped() {
  return withTimeout(ledger.get('/postings'), 2000); // ok
}

async function book(entry) {
  return ledger.post('/postings', { body: entry }); // expect: require-timeout
}

// A local function called request.
function request(path) {
  return { path };
}
const route = request('/internal'); // ok

module.exports = { nightlyExport, nightlyExportBounded, viaMember, otherPackage, undiciDefaults, invoices, postings, postingsWrapped, book, route };
