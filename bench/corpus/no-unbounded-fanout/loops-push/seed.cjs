// A CommonJS seeding script that fires all inserts before waiting.

const { MongoClient } = require('mongodb');
const fetch = require('node-fetch');

const client = new MongoClient(process.env.MONGO_URL);
const users = client.db('app').collection('users');

async function seed(fixtures) {
  const pending = [];
  for (const f of fixtures) {
    pending.push(users.insertOne(f)); // expect: no-unbounded-fanout
  }
  await Promise.all(pending);
}

async function seedAvatars(fixturesById) {
  const pending = [];
  for (const f of Object.values(fixturesById)) {
    if (!f.avatar) continue;
    pending.push(fetch(`https://avatars.internal/v1/${f.id}`, { method: 'PUT', body: f.avatar })); // expect: no-unbounded-fanout
  }
  return Promise.all(pending);
}

// Three fixed attempts of the same health probe: a small literal bound.
async function probe() {
  const probes = [];
  for (let i = 0; i < 3; i++) {
    probes.push(fetch('https://health.internal/ping')); // ok
  }
  return Promise.all(probes);
}

// Collecting plain values.
function ids(fixtures) {
  const out = [];
  for (const f of fixtures) out.push(f.id); // ok
  return out;
}

module.exports = { seed, seedAvatars, probe, ids };
