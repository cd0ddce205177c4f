// Service discovery (ESM) with the consul client: registration and watches only, plus one
// leader lock for the cache warmer.

import Consul from 'consul';

const consul = new Consul();

export async function start(name, port) {
  await consul.agent.service.register({ name, port }); // ok
  const watch = consul.watch({ method: consul.health.service, options: { service: 'api', passing: true } }); // ok
  watch.on('change', (data) => console.log('api instances', data.length));
  return watch;
}

export function cacheWarmerLeader() {
  const lock = consul.lock({ key: 'service/cache-warmer/leader' }); // expect: no-cross-server-coordination
  lock.acquire();
  return lock;
}

// A bare session, then a lock that reuses it.
export async function rebalanceLeader() {
  const { ID } = await consul.session.create(); // expect: no-cross-server-coordination
  const lock = consul.lock({ key: 'locks/rebalance', session: ID }); // expect: no-cross-server-coordination
  lock.acquire();
  return lock;
}

export async function stop(name) {
  await consul.agent.service.deregister(name); // ok
}
