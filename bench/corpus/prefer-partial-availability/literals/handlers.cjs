// Express handlers (CommonJS) that join MongoDB, AWS and got calls.
// Shapes adapted from Express "order details" handlers and AWS SDK v3 read paths.

const express = require('express');
const got = require('got');
const { MongoClient } = require('mongodb');
const { S3Client, GetObjectCommand } = require('@aws-sdk/client-s3');
const { DynamoDBClient, GetItemCommand } = require('@aws-sdk/client-dynamodb');

const router = express.Router();
const mongo = new MongoClient(process.env.MONGO_URL);
const users = mongo.db('shop').collection('users');
const orders = mongo.db('shop').collection('orders');
const s3 = new S3Client({});
const ddb = new DynamoDBClient({});

router.get('/users/:id', async (req, res) => {
  const [user, recent] = await Promise.all([ // expect: prefer-partial-availability
    users.findOne({ _id: req.params.id }),
    orders.find({ userId: req.params.id }).sort({ at: -1 }).limit(5).toArray(),
  ]);
  res.json({ user, recent });
});

router.get('/documents/:key', async (req, res) => {
  const [object, meta] = await Promise.all([ // expect: prefer-partial-availability
    s3.send(new GetObjectCommand({ Bucket: 'docs', Key: req.params.key })),
    ddb.send(new GetItemCommand({ TableName: 'doc-meta', Key: { key: { S: req.params.key } } })),
  ]);
  res.json({ size: object.ContentLength, meta: meta.Item });
});

router.get('/status', async (_req, res) => {
  const [payments, shipping] = await Promise.all([got('https://payments.internal/health').json(), got('https://shipping.internal/health').json()]); // expect: prefer-partial-availability
  res.json({ payments, shipping });
});

// A parameter that happens to be called `axios`: not the library.
function loadWith(axios, id) {
  return Promise.all([axios.get(`/a/${id}`), axios.get(`/b/${id}`)]); // ok
}

// In-memory maps.
const cache = new Map();
router.get('/cached/:a/:b', async (req, res) => {
  const [a, b] = await Promise.all([cache.get(req.params.a), cache.get(req.params.b)]); // ok
  res.json({ a, b });
});

// Settled: the status page shows what it can.
router.get('/status/all', async (_req, res) => {
  const results = await Promise.allSettled([got('https://search.internal/health').json(), got('https://mail.internal/health').json()]); // ok
  res.json(results);
});

module.exports = { router, loadWith };
