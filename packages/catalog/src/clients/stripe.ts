// Stripe: an 80 s default; only a constructor `timeout: 0` disables it (null, false and Infinity fall back to it).
// Its list endpoints answer one page: `limit` "can range between 1 and 100, and the default is 10"
// (Stripe's API reference, as every client generated from its OpenAPI spec repeats it). stripe-node
// names them `list` and `search` on a resource (`stripe.subscriptions.list(params)`), and `list…`
// for a list under one object (`stripe.invoices.listLineItems(id, params)`); `autoPagingEach` and
// `autoPagingToArray` on the promise walk every page. A list embedded in an object (a subscription's
// `items`, an expanded `customer.subscriptions`) is a list object of one page as well: "by default,
// 10 items" unless expanded further (Stripe's "Expanding responses"), and a subscription holds at
// most 20 items.
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
      pages: {
        methods: [
          { name: /^(?:list|search)$/, paramsAt: 0 },
          { name: /^list[A-Z]/, paramsAt: 1 },
        ],
        minDepth: 2,
        notUnder: ['v2'],
        sizeKey: 'limit',
        default: 10,
        max: 100,
        itemsKey: 'data',
        typesFrom: ['stripe'],
      },
    },
  },
  decide: input =>
    judgeFiniteDefault(input, ['timeout'], value => value.kind === 'number' && value.value <= 0),
};
