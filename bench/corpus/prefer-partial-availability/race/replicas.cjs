// Reads raced across Postgres replicas and lookups raced across DNS-over-HTTPS resolvers (CommonJS).

const { Pool } = require('pg');
const axios = require('axios');
const { setTimeout: wait } = require('node:timers/promises');
const Redis = require('ioredis');

const redis = new Redis(process.env.REDIS_URL);

const replicas = [new Pool({ host: 'replica-1' }), new Pool({ host: 'replica-2' })];
const primary = new Pool({ host: 'primary' });

async function readFastest(sql, params) {
  return Promise.race(replicas.map((p) => p.query(sql, params))); // expect: prefer-partial-availability
}

async function readWithBudget(sql, params) {
  return Promise.race([ // ok
    primary.query(sql, params),
    wait(1500).then(() => Promise.reject(new Error('db budget exceeded'))),
  ]);
}

async function resolve(name) {
  return Promise.race([ // expect: prefer-partial-availability
    axios.get('https://cloudflare-dns.com/dns-query', { params: { name }, headers: { accept: 'application/dns-json' } }),
    axios.get('https://dns.google/resolve', { params: { name } }),
  ]);
}

// Cache and database raced against each other.
async function profile(id) {
  return Promise.race([redis.get(`profile:${id}`), primary.query('SELECT * FROM profiles WHERE id = $1', [id])]); // expect: prefer-partial-availability
}

// Racing local work.
async function firstParsed(texts) {
  return Promise.race(texts.map(async (t) => JSON.parse(t))); // ok
}

async function anyResolver(name) {
  return Promise.any([axios.get('https://dns.google/resolve', { params: { name } }), axios.get('https://dns.quad9.net/resolve', { params: { name } })]); // ok
}

module.exports = { profile, readFastest, readWithBudget, resolve, firstParsed, anyResolver };
