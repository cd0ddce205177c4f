// An ESM worker that observes the etcd election and takes a lock per tenant.
// Shapes adapted from the etcd3 `Election` docs (`election.observe()`, `observer.leader()`) and the
// `runCampaign(serverName)` module returned by the code search.

import { Etcd3 } from 'etcd3';
import os from 'os';

const client = new Etcd3();
const election = client.election('leader-election'); // expect: no-cross-server-coordination

export function runCampaign(serverName) {
  const campaign = election.campaign(serverName);
  campaign.on('elected', () => console.log('I am the leader!'));
  campaign.on('error', (error) => {
    console.error(error);
    setTimeout(() => runCampaign(serverName), 5000);
  });
}

export async function observeLeader() {
  const observer = await election.observe();
  console.log('The current leader is', observer.leader()); // ok
  observer.on('change', (leader) => console.log('The new leader is', leader));
}

export async function withTenantLock(tenant, fn) {
  return client.lock(`tenants/${tenant}`).do(fn); // expect: no-cross-server-coordination
}

// A local object with a `lock` method (an in-memory lock registry).
const registry = {
  held: new Set(),
  lock(key) {
    this.held.add(key);
    return () => this.held.delete(key);
  },
};
export function reserveLocally(key) {
  return registry.lock(`local/${key}/${os.hostname()}`); // ok
}

export async function countMembers() {
  const keys = await client.getAll().prefix('members/').keys(); // ok
  return keys.length;
}
