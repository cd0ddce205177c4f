// Service registry and locks on ZooKeeper (TypeScript, node-zookeeper-client).
// Shapes adapted from RPC registries that publish `/services/<name>/providers/<host>` as ephemeral
// nodes and from zk lock helpers with a mode chosen ahead of the call.

import zookeeper, { CreateMode, type Client } from 'node-zookeeper-client';
import { hostname } from 'node:os';

const client: Client = zookeeper.createClient(process.env.ZK_HOSTS ?? 'localhost:2181');
client.connect();

// An ephemeral provider node (the spec reports EPHEMERAL creates too).
export function publish(service: string, port: number) {
  return new Promise<string>((resolve, reject) => {
    client.create( // expect: no-cross-server-coordination
      `/services/${service}/providers/${hostname()}:${port}`,
      Buffer.from(JSON.stringify({ port })),
      CreateMode.EPHEMERAL,
      (err, created) => (err ? reject(err) : resolve(created)),
    );
  });
}

// The mode is chosen before the call.
const LOCK_MODE = CreateMode.EPHEMERAL_SEQUENTIAL;
export function queueForLock(resource: string, cb: (err: Error | null, p?: string) => void) {
  client.create(`/locks/${resource}/lock-`, LOCK_MODE, cb); // expect: no-cross-server-coordination
}

// Inside a transaction.
export function claimShard(shard: number, cb: (err: Error | null) => void) {
  client
    .transaction()
    .create(`/shards/${shard}/owner`, Buffer.from(hostname()), CreateMode.EPHEMERAL) // expect: no-cross-server-coordination
    .setData(`/shards/${shard}`, Buffer.from('claimed'))
    .commit(cb);
}

// A persistent-sequential audit trail: not ephemeral.
export function appendAudit(entry: string, cb: (err: Error | null) => void) {
  client.create('/audit/entry-', Buffer.from(entry), CreateMode.PERSISTENT_SEQUENTIAL, cb); // ok
}

// Another library's create with an "EPHEMERAL" string: an ORM row.
declare const prisma: { node: { create(args: { data: Record<string, string> }): Promise<unknown> } };
export async function saveNodeRecord(name: string) {
  return prisma.node.create({ data: { name, mode: 'EPHEMERAL' } }); // ok
}

export function watchProviders(service: string, onChange: (providers: string[]) => void) {
  client.getChildren(`/services/${service}/providers`, () => watchProviders(service, onChange), (err, children) => { // ok
    if (!err) onChange(children);
  });
}

export function remove(pathName: string, cb: (err: Error | null) => void) {
  client.remove(pathName, -1, cb); // ok
}
