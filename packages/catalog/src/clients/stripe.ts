// Stripe: an 80 s default; only a constructor `timeout: 0` disables it (null, false and Infinity fall back to it).
import { type ClientFamily, NONE, call, factory } from '../build.js';
import { judgeFiniteDefault } from '../summary.js';

export const stripeFamily: ClientFamily = {
  family: {
    id: 'stripe',
    label: 'Stripe',
    reportAt: 'construction',
    fix: 'keep Stripe’s 80 s default or set a positive `timeout` (ms)',
  },
  modules: {
    stripe: { '': factory('stripe', 'stripe', { at: 1 }), Stripe: factory('stripe', 'stripe', { at: 1 }) },
  },
  instances: {
    stripe: {
      members: {},
      any: call('stripe', NONE),
      anyDepth: 4,
      except: ['on', 'off', 'once', 'webhooks', 'errors'],
    },
  },
  decide: input =>
    judgeFiniteDefault(input, ['timeout'], value => value.kind === 'number' && value.value <= 0),
};
