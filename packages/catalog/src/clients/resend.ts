// Resend (`resend`): every method sends with the global fetch (`fetchRequest`: `fetch(url, options)`,
// src/resend.ts of resend/resend-node), and neither the client nor a call sets a deadline; the
// constructor takes the key (and, from 6.22, `baseUrl` and `userAgent`). The sends that take
// request options (`emails.send`/`create`, `batch.send`/`create`) spread them into the fetch init,
// so a `signal` handed there reaches fetch (the options' type declares none: a cast); the other
// methods take none. Node's fetch gives up only after 5 minutes with no response headers.
import { type ClientFamily, NONE, RUNTIME_FETCH_HANG, call, factory } from '../build.js';
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
    hang: RUNTIME_FETCH_HANG,
    fix: 'hand `emails.send` and `batch.send` a `signal: AbortSignal.timeout(ms)` in their options (the SDK passes it to fetch; its options type needs a cast), and race other calls against a timer (a timeout wrapper)',
    limitation: 'Resend’s SDK sends with the global fetch and has no timeout option',
  },
  modules: { resend: { Resend: factory('resend', 'resend', { at: 1 }) } },
  instances: {
    resend: {
      // The sends that hand their request options to fetch; every other method takes none.
      members: {
        'emails.send': call('resend', { at: 1 }),
        'emails.create': call('resend', { at: 1 }),
        'batch.send': call('resend', { at: 1 }),
        'batch.create': call('resend', { at: 1 }),
      },
      any: call('resend', NONE),
      anyDepth: 2,
      // `webhooks.verify` is local.
      except: ['key', 'baseUrl', 'userAgent', 'headers', 'webhooks'],
    },
  },
  types: [
    { names: ['Resend'], modules: ['resend'], packages: ['/resend/'], instance: 'resend', family: 'resend' },
  ],
  decide: decideResend,
};
