// ZooKeeper lock and leader recipes with node-zookeeper-client (CommonJS).
// Shapes adapted from a Q-based ZooKeeper lock module (`this[Symbol.for('client')].create(lockPath,
// null, zookeeper.CreateMode.EPHEMERAL_SEQUENTIAL, (err, path) => …)`), scality-style leader
// registration (`this._client.create(zkPath, null, zookeeper.ACL.OPEN_ACL_UNSAFE,
// zookeeper.CreateMode.EPHEMERAL_SEQUENTIAL, cb)`), both found with find_string, and
// alexguan/node-zookeeper-client (examples/create.js: `client.create(path, cb)`).

const zookeeper = require('node-zookeeper-client');
const { CreateMode } = require('node-zookeeper-client');
const path = require('path');

const LEADERS = '/backbeat/leaders';
const LEADER = '/leader-';

class ZkLock {
  constructor(connectionString, area) {
    this.area = area;
    this.client = zookeeper.createClient(connectionString, { sessionTimeout: 5000 });
    this.client.connect();
  }

  lock(id, cb) {
    const lockPath = `${this.area}/${id}`;
    this.client.create(lockPath, null, zookeeper.CreateMode.EPHEMERAL_SEQUENTIAL, (err, created) => { // expect: no-cross-server-coordination
      if (err) return cb(err);
      return this.check(path.basename(created), cb);
    });
  }

  check(node, cb) {
    this.client.getChildren(this.area, (err, children) => { // ok
      if (err) return cb(err);
      children.sort();
      return cb(null, children[0] === node);
    });
  }
}

class LeaderElector {
  constructor(zkEndpoint) {
    this._client = zookeeper.createClient(zkEndpoint);
  }

  registerLeader(cb) {
    const zkPath = `${LEADERS}${LEADER}`;
    setImmediate(
      () => this._client.create( // expect: no-cross-server-coordination
        zkPath, null,
        zookeeper.ACL.OPEN_ACL_UNSAFE,
        zookeeper.CreateMode.EPHEMERAL_SEQUENTIAL,
        (err, created) => {
          if (err) return cb(err);
          this._myLeaderName = path.basename(created);
          return cb();
        }),
    );
  }
}

const client = zookeeper.createClient(process.env.ZK || 'localhost:2181');

// Ephemeral (not sequential) node as a single-holder lock.
function tryLockJob(job, cb) {
  client.create(`/locks/jobs/${job}`, Buffer.from(String(process.pid)), CreateMode.EPHEMERAL, cb); // expect: no-cross-server-coordination
}

// Persistent nodes and reads are not coordination.
function ensureRoot(cb) {
  client.mkdirp('/locks/jobs', cb); // ok
}

function createConfigNode(cb) {
  client.create('/config/feature-flags', Buffer.from('{}'), CreateMode.PERSISTENT, cb); // ok
}

function createDefault(p, cb) {
  client.create(p, (error) => { // ok
    if (error) console.log('Failed to create node: %s due to: %s.', p, error);
    cb(error);
  });
}

function readConfig(cb) {
  client.getData('/config/feature-flags', (err, data) => cb(err, data && data.toString())); // ok
}

module.exports = { ZkLock, LeaderElector, tryLockJob, ensureRoot, createConfigNode, createDefault, readConfig };
