// Leader election with the `zookeeper` package (promise API, ESM).
// Shapes adapted from a zookeeper election demo found with find_string (`const path = await
// client.create(Z_NODE_NAME, `${client.client_id}`, ZooKeeper.constants.ZOO_EPHEMERAL_SEQUENTIAL)`)
// and a cluster-membership class (`this.client.create(`${this.pathPrefix}/members/m_`, '',
// ZooKeeperPromise.constants.ZOO_EPHEMERAL_SEQUENTIAL)`).

import ZooKeeper from 'zookeeper';

const ELECTION_ZNODE = '/election';
const Z_NODE_NAME = `${ELECTION_ZNODE}/guid-n_`;

const client = new ZooKeeper({ connect: process.env.ZK || '127.0.0.1:2181', timeout: 5000 });

export async function joinElection() {
  const created = await client.create(Z_NODE_NAME, `${client.client_id}`, ZooKeeper.constants.ZOO_EPHEMERAL_SEQUENTIAL); // expect: no-cross-server-coordination
  const children = await client.get_children(ELECTION_ZNODE, false); // ok
  children.sort();
  return `${ELECTION_ZNODE}/${children[0]}` === created;
}

export async function joinCluster(pathPrefix) {
  const created = await client.create(`${pathPrefix}/members/m_`, '', // expect: no-cross-server-coordination
    ZooKeeper.constants.ZOO_EPHEMERAL_SEQUENTIAL);
  return created.split('/').pop();
}

export async function ensurePath(p) {
  if (!(await client.pathExists(p, false))) { // ok
    await client.create(p, '', ZooKeeper.constants.ZOO_PERSISTENT); // ok
  }
}
