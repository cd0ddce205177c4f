// Coordination libraries: distributed locks, leader elections and their clients (redlock, etcd,
// Consul, ZooKeeper). Calls through these make servers agree.
import { lock, policy } from '../build.js';
import type { InstanceTable, MemberTable } from '../types.js';

export const LOCK_MODULES: Readonly<Record<string, MemberTable>> = {
  redlock: { '': policy('redlock', 'redlock', 1), Redlock: policy('redlock', 'redlock', 1) },
  '@sesamecare-oss/redlock': {
    '': policy('redlock', 'redlock', 1),
    Redlock: policy('redlock', 'redlock', 1),
  },
  'redis-lock': { '': lock('redis-lock') },
  warlock: { '': lock('warlock') },
  'live-mutex': { Client: lock('live-mutex') },
  etcd3: { Etcd3: policy('etcd', 'etcd3', 0) },
  consul: { '': policy('consul', 'consul', 0), Consul: policy('consul', 'consul', 0) },
  'node-zookeeper-client': { createClient: policy('zookeeper', 'zookeeper', 1) },
  zookeeper: { '': policy('zookeeper', 'zookeeper', 0), ZooKeeper: policy('zookeeper', 'zookeeper', 0) },
};

export const LOCK_INSTANCES: Readonly<Record<'redlock' | 'etcd' | 'consul' | 'zookeeper', InstanceTable>> = {
  redlock: {
    members: {
      acquire: lock('redlock'),
      lock: lock('redlock'),
      using: lock('redlock'),
    },
  },
  etcd: {
    members: {
      lock: lock('etcd-lock'),
      election: { role: 'coordination', kind: 'election', check: 'etcd-election' },
      namespace: policy('etcd', 'etcd3', 0),
    },
  },
  consul: {
    members: {
      lock: lock('consul-lock'),
      'session.create': lock('consul-session'),
    },
  },
  // Lock and election recipes create ephemeral nodes; the rule looks at the create mode.
  zookeeper: {
    members: {
      create: lock('zookeeper'),
      mkdirp: lock('zookeeper'),
      transaction: policy('zookeeper', 'zookeeper', 0),
      multi: policy('zookeeper', 'zookeeper', 0),
    },
  },
};

/** True when a (canonical) module is a coordination library: a distributed lock or election client. */
export function isLockModule(module: string): boolean {
  return Object.prototype.hasOwnProperty.call(LOCK_MODULES, module);
}
