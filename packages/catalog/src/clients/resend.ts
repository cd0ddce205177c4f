// Resend (`resend`): every method sends with the global fetch (`fetchRequest`: `fetch(url, options)`,
// src/resend.ts of resend/resend-node), and neither the client nor a call sets a deadline; the
// constructor takes only `baseUrl` and `userAgent`. A call's options are spread into the fetch
// init, so a `signal` handed to one reaches fetch. Node's fetch gives up only after 5 minutes
// with no response headers.
import { type ClientFamily, call, factory } from '../build.js';
import type { Verdict } from '../types.js';

/** Whatever the options, the client has no deadline; one every visible call bounds is judged by the caller. */
function decideResend(): Verdict {
  return { status: 'missing' };
}

export const resendFamily: ClientFamily = {
  family: {
    id: 'resend',
    label: 'Resend',
    reportAt: 'construction',
    fix: 'race each call against a timer (a timeout wrapper), or pass `signal: AbortSignal.timeout(ms)` in each call’s options (the SDK hands them to fetch)',
    limitation: 'Resend’s SDK sends with the global fetch and has no timeout option',
  },
  modules: { resend: { Resend: factory('resend', 'resend', { at: 1 }) } },
  instances: {
    resend: {
      members: {},
      // `resend.emails.send(payload, options)`, `resend.batch.send(emails, options)`; `webhooks.verify` is local.
      any: call('resend', { at: 1 }),
      anyDepth: 2,
      except: ['key', 'baseUrl', 'userAgent', 'headers', 'webhooks'],
    },
  },
  types: [
    { names: ['Resend'], modules: ['resend'], packages: ['/resend/'], instance: 'resend', family: 'resend' },
  ],
  decide: decideResend,
};
