// The shim routers of a process, by service: an application finds the router inside a library
// (whose package exports only its public API) by the service's name.
import { describe, expect, it } from 'vitest';

import { createShimRouter, shimRouter, shimRouters } from '../../packages/runtime/src/shim/index.js';

describe('shimRouter', () => {
  it('finds a router by its service once it is made, and the latest one for a service', async () => {
    expect(shimRouter('registry-test')).toBeUndefined();
    const first = createShimRouter({ service: 'registry-test', remote: () => ({}) });
    expect(shimRouter('registry-test')).toBe(first);
    const double = first.wrap(
      'double',
      (n: number) => n * 2,
      () => Promise.resolve(0),
    );
    await double(2);
    expect(shimRouter('registry-test')?.stats().total.local).toBe(1);
    const second = createShimRouter({ service: 'registry-test', remote: () => ({}) });
    expect(shimRouter('registry-test')).toBe(second);
    expect(shimRouters().get('registry-test')).toBe(second);
    first.close();
    second.close();
  });

  it('lives on globalThis, so another copy of the runtime sees the same routers', () => {
    const router = createShimRouter({ service: 'registry-test-global', remote: () => ({}) });
    const shared = (globalThis as Record<symbol, unknown>)[Symbol.for('faultline.shim.routers')] as Map<
      string,
      unknown
    >;
    expect(shared.get('registry-test-global')).toBe(router);
    router.close();
  });
});
