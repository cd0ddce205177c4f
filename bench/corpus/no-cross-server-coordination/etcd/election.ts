// etcd3 leader election and locks in TypeScript providers.
// Shapes adapted from the "Election Provider" modules returned by the code search
// (`constructor(private client = new Etcd3(DEFAULT_OPTS)) { this.election =
// this.client.election('singleton-job'); }` then `this.election.campaign(hostname())`) and the
// etcd3 typings (`client.lock(key)`, lib/lock.d.ts; `client.election(name, ttl)`, lib/election.d.ts).

import { hostname } from 'os';
import { env } from 'process';
import { Etcd3, type Election, type IOptions } from 'etcd3';
import lockfile from 'proper-lockfile';

const HOSTS: string[] = (env.ETCDHOSTS ?? 'http://127.0.0.1:2379').split(',');
const DEFAULT_OPTS: IOptions = { hosts: HOSTS };

export class ElectionProvider {
  private election: Election;

  constructor(private client = new Etcd3(DEFAULT_OPTS)) {
    this.election = this.client.election('singleton-job'); // expect: no-cross-server-coordination
  }

  runCampaign() {
    const campaign = this.election.campaign(hostname());
    campaign.on('elected', () => console.log('I am the leader!'));
    campaign.on('error', (error) => console.error(error));
    return campaign;
  }
}

const etcd = new Etcd3({ hosts: HOSTS });

export async function runMigrations(migrate: () => Promise<void>) {
  await etcd.lock('migrations').ttl(30).do(migrate); // expect: no-cross-server-coordination
}

export async function rebuildSearchIndex(rebuild: () => Promise<void>) {
  const lock = etcd.lock(`jobs/search-index/${env.REGION}`); // expect: no-cross-server-coordination
  await lock.acquire();
  try {
    await rebuild();
  } finally {
    await lock.release();
  }
}

export function electScheduler() {
  return etcd.election('scheduler', 10).campaign(hostname()); // expect: no-cross-server-coordination
}

// Plain key-value and watch use of etcd: configuration, not coordination.
export async function readFlags() {
  return etcd.get('config/flags').json(); // ok
}

export async function publishVersion(version: string) {
  await etcd.put('config/version').value(version); // ok
}

export async function watchFlags(onChange: (value: string) => void) {
  const watcher = await etcd.watch().key('config/flags').create(); // ok
  watcher.on('put', (kv) => onChange(kv.value.toString()));
}

// Service registration on a lease: the key disappears with the process.
export async function register(service: string, address: string) {
  const lease = etcd.lease(10); // ok
  await lease.put(`services/${service}/${hostname()}`).value(address);
  return lease;
}

// A file lock on the local disk.
export async function withLocalFileLock(path: string, fn: () => Promise<void>) {
  const release = await lockfile.lock(path); // ok
  try {
    await fn();
  } finally {
    await release();
  }
}
