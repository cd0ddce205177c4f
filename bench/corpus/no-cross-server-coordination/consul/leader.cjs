// Consul sessions and locks from the `consul` npm client (CommonJS).
// Shapes adapted from the hashicorp/consul leader-election guide (create a session, then acquire
// `service/<name>/leader` with it), the consul npm client's `lib/kv.js` / session typings
// (`CreateOptions { name, ttl, behavior, lockdelay }`) returned by the code search, and
// ProjectSteward/consul-client (example/server.js: register a service, set keys).

const Consul = require('consul');
const os = require('os');

const consul = new Consul({ host: process.env.CONSUL_HOST || '127.0.0.1', promisify: true });

// The lock helper.
function leaderLock(service) {
  const lock = consul.lock({ key: `service/${service}/leader`, value: os.hostname() }); // expect: no-cross-server-coordination
  lock.on('acquire', () => console.log(`${os.hostname()} is the ${service} leader`));
  lock.on('release', () => console.log(`${os.hostname()} lost ${service} leadership`));
  lock.on('error', (err) => console.error('consul lock error', err));
  lock.acquire();
  return lock;
}

// The manual recipe: session, then KV acquire.
async function campaign(service) {
  const session = await consul.session.create({ name: service, ttl: '15s', behavior: 'release' }); // expect: no-cross-server-coordination
  const acquired = await consul.kv.set({ key: `service/${service}/leader`, value: os.hostname(), acquire: session.ID });
  return { session: session.ID, acquired };
}

// Callback style.
function createSessionCb(name, cb) {
  consul.session.create({ name, lockdelay: '5s', ttl: '30s' }, (err, result) => { // expect: no-cross-server-coordination
    if (err) return cb(err);
    return cb(null, result.ID);
  });
}

// A session tied to the node's serf health check.
async function nodeSession() {
  return consul.session.create({ // expect: no-cross-server-coordination
    name: 'lock-session',
    node: os.hostname(),
    checks: ['serfHealth'],
  });
}

// Registration, health and plain KV reads are not coordination.
async function register(service, port) {
  await consul.agent.service.register({ name: service, port, check: { ttl: '10s' } }); // ok
}

async function healthyInstances(service) {
  return consul.health.service({ service, passing: true }); // ok
}

async function readConfig(key) {
  const entry = await consul.kv.get(`config/${key}`); // ok
  return entry && entry.Value;
}

async function resign(sessionId) {
  await consul.session.destroy(sessionId); // ok
}

module.exports = { nodeSession, leaderLock, campaign, createSessionCb, register, healthyInstances, readConfig, resign };
