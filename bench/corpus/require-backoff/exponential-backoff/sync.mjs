// A sync CLI (ESM, top-level await) built on exponential-backoff.
// Shapes adapted from the coveo/exponential-backoff README options (`numOfAttempts`,
// `startingDelay`, `maxDelay`, `jitter`) as used by data-sync scripts.

import { backOff } from 'exponential-backoff';
import ky from 'ky';

const source = ky.create({ prefixUrl: 'https://source.example.com/api', retry: 0 });

// Capped and jittered: correct.
const accounts = await backOff(() => source.get('accounts').json(), { // ok
  numOfAttempts: 6,
  startingDelay: 250,
  maxDelay: 4000,
  jitter: 'full',
});

// Twelve attempts without maxDelay: 204 s at the end (jitter does not help).
const contacts = await backOff(() => source.get('contacts').json(), { numOfAttempts: 12, jitter: 'full' }); // expect: require-backoff

// Default ten attempts without maxDelay: 51 s at the end.
const deals = await backOff(() => source.get('deals').json(), { jitter: 'full' }); // expect: require-backoff

// A single attempt: no retry at all.
const owners = await backOff(() => source.get('owners').json(), { numOfAttempts: 1 }); // ok

// startingDelay 0 multiplies to zero: no delay.
const notes = await backOff(() => source.get('notes').json(), {
  startingDelay: 0, // expect: require-backoff
  numOfAttempts: 5,
  jitter: 'full',
});

console.log(accounts, contacts, deals, owners, notes);
