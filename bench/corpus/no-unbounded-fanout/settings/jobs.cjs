// CommonJS jobs using the configured `runLimited` helper.

const got = require('got');
const { MongoClient } = require('mongodb');
const { runLimited } = require('@acme/concurrency');

const mongo = new MongoClient(process.env.MONGO_URL);
const orders = mongo.db('shop').collection('orders');

async function closeOrders(ids) {
  await Promise.all(ids.map((id) => runLimited(() => orders.updateOne({ _id: id }, { $set: { closed: true } })))); // ok
}

async function notify(ids) {
  await Promise.all(ids.map((id) => got.post('https://notify.internal/v1', { json: { id } }))); // expect: no-unbounded-fanout
}

async function archive(ids) {
  ids.forEach((id) => runLimited(() => got.post('https://archive.internal/v1', { json: { id } }))); // ok
}

async function audit(ids) {
  ids.forEach((id) => got.post('https://audit.internal/v1', { json: { id } })); // expect: no-unbounded-fanout
}

// The limiter wraps the whole batch, not each call: the inner fan-out is still unbounded.
async function exportAll(ids) {
  return runLimited(() => Promise.all(ids.map((id) => got(`https://exports.internal/v1/${id}`).json()))); // expect: no-unbounded-fanout
}

async function small() {
  return Promise.all(['a', 'b'].map((id) => got(`https://exports.internal/v1/${id}`).json())); // ok
}

module.exports = { closeOrders, notify, archive, audit, exportAll, small };
