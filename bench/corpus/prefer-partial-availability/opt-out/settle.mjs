// A settlement script (ESM, top-level await).

import got from 'got';

// See ADR-12 (all-or-nothing settlement): both legs or nothing.
const [payIn, payOut] = await Promise.all([got('https://psp.internal/v1/pay-in').json(), got('https://psp.internal/v1/pay-out').json()]); // ok

// all-or-nothing: one report per run.

const [fees, refunds] = await Promise.all([got('https://psp.internal/v1/fees').json(), got('https://psp.internal/v1/refunds').json()]); // expect: prefer-partial-availability

/*
 * Reconciliation needs every bank file: all-or-nothing.
 */
const files = await Promise.all(['a', 'b', 'c'].map((b) => got(`https://banks.internal/v1/${b}/statement`).text())); // ok

const chargebacks = await Promise.all([got('https://psp.internal/v1/chargebacks').json(), got('https://psp.internal/v1/disputes').json()]); // expect: prefer-partial-availability

console.log(payIn, payOut, fees, refunds, files.length, chargebacks.length);
