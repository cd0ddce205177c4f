// A CommonJS cron runner coordinating replicas through etcd3.
// Shapes adapted from taliesins/example-etcd3-nodejs (README: campaign/resign/proclaim demo) and the
// etcd3 README lock example (`client.lock('my_resource').do(() => …)`).

const { Etcd3 } = require('etcd3');
const os = require('os');

const client = new Etcd3({ hosts: process.env.ETCD_URL || 'http://127.0.0.1:2379' });
const ns = client.namespace('billing/');

async function nightlyInvoices(run) {
  return client.lock('cron/nightly-invoices').do(run); // expect: no-cross-server-coordination
}

async function partitionOwner(partition, run) {
  return ns.lock(`partitions/${partition}`).ttl(15).do(run); // expect: no-cross-server-coordination
}

function campaign() {
  const election = client.election('billing-leader'); // expect: no-cross-server-coordination
  const c = election.campaign(os.hostname());
  c.on('elected', () => console.log('billing leader elected'));
  return c;
}

async function readLeaderName() {
  const value = await client.get('billing/leader-name').string(); // ok
  console.log(`current leader lock holder: ${value}`); // ok
  return value;
}

async function deleteStaleKeys() {
  return client.delete().prefix('billing/tmp/'); // ok
}

module.exports = { nightlyInvoices, partitionOwner, campaign, readLeaderName, deleteStaleKeys };
