// Drives traffic through the example library's generated shim, for `npm run demo` and the shim's
// end-to-end test: runs in a process of its own (the library opens Redis and Postgres clients when
// it loads, whose connection errors must not reach the caller), sets the flags through a real
// OpenFeature provider (InMemoryProvider), runs one scenario and prints its outcome as JSON on the
// last line of stdout. LIBRARY_DIST is the built library; PRICING_URL the service.
//   SCENARIO=call     MODE=…                 one computeQuote call: its outcome and how long it took
//   SCENARIO=rollout  ROLLOUTS=0,50,100 KEYS=n   taxFor for n context keys, twice each, at each percentage
//   SCENARIO=shadow                            one taxFor call in shadow mode and the mismatches reported
import path from 'node:path';
import { pathToFileURL } from 'node:url';

import {
  AsyncLocalStorageTransactionContextPropagator,
  InMemoryProvider,
  OpenFeature,
} from '@openfeature/server-sdk';

const dist = process.env.LIBRARY_DIST;
const flags = (mode, rollout) => ({
  'pricing.mode': { variants: { value: mode }, defaultVariant: 'value', disabled: false },
  'pricing.rollout': { variants: { value: rollout }, defaultVariant: 'value', disabled: false },
});
const provider = new InMemoryProvider(flags(process.env.MODE ?? 'local', Number(process.env.ROLLOUT ?? 100)));
await OpenFeature.setProviderAndWait(provider);
OpenFeature.setTransactionContextPropagator(new AsyncLocalStorageTransactionContextPropagator());

const library = await import(pathToFileURL(path.join(dist, 'index.js')).href);
// The router inside the library, found by its service's name (the library exports only its API).
const { shimRouter } = await import('@faultline/runtime/shim');
const pricingShim = shimRouter('pricing');
if (!pricingShim) throw new Error('the library loaded no pricing shim');

const order = {
  id: 'o-1',
  region: 'eu',
  lines: [{ sku: 'mug', quantity: 2, unitPriceMinor: 1250 }],
  placedAt: new Date('2026-03-01T10:00:00Z'),
};

async function waitFor(condition) {
  for (let waited = 0; !condition() && waited < 2000; waited += 10)
    await new Promise(resolve => setTimeout(resolve, 10));
}

let outcome;
switch (process.env.SCENARIO) {
  case 'call': {
    const started = performance.now();
    try {
      const quote = await library.computeQuote(order);
      outcome = { ok: true, totalMinor: quote.totalMinor, ms: performance.now() - started };
    } catch (error) {
      outcome = {
        ok: false,
        name: error.name,
        class: error.constructor.name,
        message: error.message,
        ms: performance.now() - started,
      };
    }
    outcome.stats = pricingShim.stats().total;
    break;
  }
  case 'rollout': {
    outcome = { steps: [] };
    for (const rollout of process.env.ROLLOUTS.split(',').map(Number)) {
      await provider.putConfiguration(flags('remote', rollout));
      await waitFor(() => pricingShim.stats().rollout === rollout);
      pricingShim.resetStats();
      let remote = 0;
      let switched = 0;
      for (let key = 0; key < Number(process.env.KEYS); key++) {
        const sides = [];
        for (let call = 0; call < 2; call++) {
          const before = pricingShim.stats().total.remote;
          // setTransactionContext returns nothing: the call's promise is kept to wait for it.
          let call;
          OpenFeature.setTransactionContext({ targetingKey: `customer-${key}` }, () => {
            call = library.taxFor('eu', 1000 + key);
          });
          await call;
          sides.push(pricingShim.stats().total.remote > before ? 'remote' : 'local');
        }
        if (sides[0] === 'remote') remote++;
        if (sides[0] !== sides[1]) switched++;
      }
      outcome.steps.push({
        rollout,
        remote,
        local: Number(process.env.KEYS) - remote,
        switched,
        stats: pricingShim.stats().total,
      });
    }
    break;
  }
  case 'shadow': {
    const mismatches = [];
    pricingShim.events.on('mismatch', event => mismatches.push(event));
    const started = performance.now();
    const value = await library.taxFor('eu', 2500);
    const callerMs = performance.now() - started;
    await waitFor(() => mismatches.length > 0);
    outcome = {
      value,
      callerMs,
      mismatches: JSON.parse(JSON.stringify(mismatches)),
      stats: pricingShim.stats().total,
    };
    break;
  }
  default:
    throw new Error(`unknown SCENARIO ${process.env.SCENARIO}`);
}
process.stdout.write(`\n${JSON.stringify(outcome)}\n`);
process.exit(0);
