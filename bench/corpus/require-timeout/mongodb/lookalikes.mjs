// mongoose and a local wrapper module named MongoClient, plus one real client.
// Shapes adapted from a public `import MongoClient from './client.js'` insertOne helper and
// mongoose connectDB modules.

import mongoose from 'mongoose';
import LocalMongo from './client.js';
import { MongoClient } from 'mongodb';

export const connectDB = async (mongoURI) => {
  const connection = await mongoose.connect(mongoURI, { maxPoolSize: 30 }); // ok
  return connection.connection.name;
};

export const insertOne = async (db, coll, doc) => {
  await LocalMongo.connect(); // ok
  const collection = LocalMongo.db(db).collection(coll);
  return collection.insertOne(doc);
};

export const sessionsDb = new MongoClient(process.env.SESSIONS_URI, { // ok
  socketTimeoutMS: 30_000,
  waitQueueTimeoutMS: 2_000,
});

export const analyticsDb = new MongoClient(process.env.ANALYTICS_URI, { // expect: require-timeout
  minPoolSize: Number(process.env.POOL_SIZE),
  maxPoolSize: Number(process.env.POOL_SIZE),
});

// A GridFS-style helper object with a connect() method.
const gridfs = { connect: (bucket) => ({ bucket }) };
export const bucket = gridfs.connect('uploads'); // ok
