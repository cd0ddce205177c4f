// Money movement handlers (CommonJS) with documented all-or-nothing joins.

const axios = require('axios');
const { MongoClient } = require('mongodb');

const mongo = new MongoClient(process.env.MONGO_URL);
const accounts = mongo.db('bank').collection('accounts');

async function transferPreview(from, to) {
  // all-or-nothing: a preview needs both accounts.
  return Promise.all([accounts.findOne({ _id: from }), accounts.findOne({ _id: to })]); // ok
}

async function limits(from, to) {
  return Promise.all([ // all-or-nothing // ok
    axios.get(`https://limits.internal/v1/${from}`),
    axios.get(`https://limits.internal/v1/${to}`),
  ]);
}

async function riskScores(ids) {
  // all-or-nothing: a transfer batch is scored as a whole.
  return Promise.all(ids.map((id) => axios.get(`https://risk.internal/v1/score/${id}`))); // ok
}

async function notifyParties(from, to) {
  return Promise.all([axios.post('https://notify.internal/v1', { to: from }), axios.post('https://notify.internal/v1', { to })]); // expect: prefer-partial-availability
}

async function fastestFx(pair) {
  // all-or-nothing: either provider's answer is acceptable, a failure aborts the quote.
  return Promise.race([axios.get(`https://fx-a.internal/v1/${pair}`), axios.get(`https://fx-b.internal/v1/${pair}`)]); // ok
}

async function auditTrail(id) {
  // Not opted out; just a comment.
  return Promise.all([accounts.findOne({ _id: id }), axios.get(`https://audit.internal/v1/${id}`)]); // expect: prefer-partial-availability
}

module.exports = { transferPreview, limits, riskScores, notifyParties, fastestFx, auditTrail };
