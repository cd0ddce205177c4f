// A TypeScript job runner that holds a Consul lock while a batch runs.
// Shapes adapted from the consul npm typings returned by the code search (session `CreateOptions`,
// `behavior?: "release" | "delete"`) and the shell `consul lock -name app_one apps/lock/one` recipe in
// nickwales/consul_kv_discovery, ported to the client.

import Consul from 'consul';
import { hostname } from 'node:os';

const consul = new Consul({ host: 'consul.service.consul' });

export async function withConsulLock<T>(key: string, fn: () => Promise<T>): Promise<T> {
  const lock = consul.lock({ key: `locks/${key}`, lockwaittime: '15s' }); // expect: no-cross-server-coordination
  await new Promise<void>((resolve, reject) => {
    lock.once('acquire', () => resolve());
    lock.once('error', reject);
    lock.acquire();
  });
  try {
    return await fn();
  } finally {
    lock.release();
  }
}

export async function openSession(): Promise<string> {
  const { ID } = await consul.session.create({ name: `batch-${hostname()}`, ttl: '30s', behavior: 'delete' }); // expect: no-cross-server-coordination
  return ID;
}

export async function renew(sessionId: string) {
  return consul.session.renew(sessionId); // ok
}

export async function listServices() {
  return consul.catalog.service.list(); // ok
}

export async function writeStatus(status: string) {
  await consul.kv.set(`batches/${hostname()}/status`, status); // ok
}

export function logLockState(key: string, held: boolean) {
  console.log(`consul lock ${key} ${held ? 'held' : 'free'}`); // ok
}
