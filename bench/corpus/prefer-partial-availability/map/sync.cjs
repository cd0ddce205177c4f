// A CommonJS sync job that writes every changed document back.
// Shapes adapted from batch "update every row" jobs with mongodb and the axios `getCharacter`
// loops in jp-knj/zenn (articles/loop-with-async-await.md).

const axios = require('axios');
const { MongoClient } = require('mongodb');
const { Pool } = require('pg');

const client = new MongoClient(process.env.MONGO_URL);
const products = client.db('shop').collection('products');
const pool = new Pool();
const endpoint = 'https://rickandmortyapi.com/api/character';

async function characters(characterIds) {
  const results = await Promise.all(characterIds.map((id) => axios.get(`${endpoint}/${id}`).then((r) => r.data))); // expect: prefer-partial-availability
  return results.map((c) => `${c.id}:${c.name}`);
}

async function applyPrices(changes) {
  await Promise.all( // expect: prefer-partial-availability
    changes.map((c) => products.updateOne({ _id: c.id }, { $set: { price: c.price } })),
  );
}

async function countsPerTenant(tenants) {
  const counts = await Promise.all(tenants.map((t) => pool.query('SELECT count(*) FROM orders WHERE tenant_id = $1', [t]))); // expect: prefer-partial-availability
  return counts.map((r) => Number(r.rows[0].count));
}

async function bestEffortArchive(ids) {
  return Promise.allSettled(ids.map((id) => products.deleteOne({ _id: id }))); // ok
}

function parseAll(lines) {
  return Promise.all(lines.map(async (line) => JSON.parse(line))); // ok
}

module.exports = { characters, applyPrices, countsPerTenant, bestEffortArchive, parseAll };
