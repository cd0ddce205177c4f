// A CommonJS reporting job with local helpers around got, mongodb and redis.

const got = require('got');
const { MongoClient } = require('mongodb');
const Redis = require('ioredis');

const mongo = new MongoClient(process.env.MONGO_URL);
const events = mongo.db('analytics').collection('events');
const redis = new Redis(process.env.REDIS_URL);

async function exchangeRate(currency) {
  return got(`https://fx.internal/v1/rates/${currency}`).json();
}

function countEvents(type) {
  return events.countDocuments({ type });
}

const cachedTotal = async (key) => Number(await redis.get(`totals:${key}`));

function sum(values) {
  return Promise.resolve(values.reduce((a, b) => a + b, 0));
}

async function buildReport() {
  const [eur, signups, total] = await Promise.all([exchangeRate('EUR'), countEvents('signup'), cachedTotal('revenue')]); // expect: prefer-partial-availability
  return { eur, signups, total };
}

async function perCurrency(currencies) {
  return Promise.all(currencies.map((c) => exchangeRate(c))); // expect: prefer-partial-availability
}

// Helpers declared further down the file are still local.
async function channelReport(channels) {
  return Promise.all(channels.map((ch) => channelStats(ch))); // expect: prefer-partial-availability
}

async function labels(ids) {
  return Promise.all(ids.map((id) => labelFor(id))); // ok
}

async function localTotals(groups) {
  return Promise.all(groups.map((g) => sum(g))); // ok
}

async function optionalRates(currencies) {
  return Promise.allSettled(currencies.map(exchangeRate)); // ok
}

async function channelStats(channel) {
  return got(`https://stats.internal/v1/channels/${channel}`).json();
}

const LABELS = new Map([['a', 'Alpha']]);
async function labelFor(id) {
  return LABELS.get(id) ?? id;
}

module.exports = { channelReport, labels, buildReport, perCurrency, localTotals, optionalRates };
