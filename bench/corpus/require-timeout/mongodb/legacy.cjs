'use strict';

// CommonJS mongodb usage, including the static MongoClient.connect factory.
// Shapes adapted from luis-barros/shoppingcartbe (server.js), singhmuk/mongoDB
// (insert_one_into_collection.js), MarianoReyes/Proyecto1_BD2 (src/js/index.js) and
// ruslanmalovichko/learn-nodejs-3 (ch13/db_connect_url.js).

const mongo = require('mongodb').MongoClient;
const { MongoClient } = require('mongodb');

const url = 'mongodb://localhost:27017';

function insertApple() {
  mongo.connect(url, { // expect: require-timeout
    useNewUrlParser: true,
    useUnifiedTopology: true,
  }, (err, client) => {
    if (err) return console.error(err);
    client.db('test').collection('list').insertOne({ name: 'apple' });
    client.close();
  });
}

function insertCompany() {
  MongoClient.connect('mongodb://localhost:27017/', { useNewUrlParser: true }, (err, db) => { // expect: require-timeout
    if (err) throw err;
    db.db('mydb').collection('customers').insertOne({ name: 'Company Inc' }, () => db.close());
  });
}

async function connectBounded() {
  return MongoClient.connect(url, { socketTimeoutMS: 10_000, serverSelectionTimeoutMS: 5_000 }); // ok
}

const shared = new MongoClient('mongodb://dbadmin:test@localhost:27017'); // expect: require-timeout

async function main() {
  await shared.connect();
  const findResult = await shared.db('testDB').collection('newCollection').find({}).toArray();
  return findResult;
}

const HOST = process.env.MONGODB_HOST || 'localhost';
const PORT = process.env.MONGODB_PORT || 27017;

async function templated() {
  const client = new MongoClient(`mongodb://${HOST}:${PORT}/dbName`, { useUnifiedTopology: true }); // expect: require-timeout
  await client.connect();
  return client;
}

async function templatedBounded() {
  const client = new MongoClient(`mongodb://${HOST}:${PORT}/dbName`, { socketTimeoutMS: 20_000 }); // ok
  await client.connect();
  return client;
}

class Database {
  constructor(uri, opts) {
    // Options from the caller: opaque.
    this.client = new MongoClient(uri, opts); // ok
  }
}

module.exports = { insertApple, insertCompany, connectBounded, main, templated, templatedBounded, Database };
