// The Next.js "lib/mongodb.js" cached-client pattern (ESM), in bounded and unbounded variants.
// Shape adapted from the with-mongodb example module copied into many Next.js apps.

import { MongoClient } from 'mongodb';

const uri = process.env.MONGODB_URI;
const options = {};

let clientPromise;

if (process.env.NODE_ENV === 'development') {
  if (!global._mongoClientPromise) {
    const client = new MongoClient(uri, options); // expect: require-timeout
    global._mongoClientPromise = client.connect();
  }
  clientPromise = global._mongoClientPromise;
} else {
  const client = new MongoClient(uri, options); // expect: require-timeout
  clientPromise = client.connect();
}

export default clientPromise;

const boundedOptions = { socketTimeoutMS: 30_000, serverSelectionTimeoutMS: 5_000 };

export const boundedPromise = new MongoClient(uri, boundedOptions).connect(); // ok

export const staticConnect = MongoClient.connect(uri); // expect: require-timeout

export const staticConnectBounded = MongoClient.connect(uri, { socketTimeoutMS: 15_000 }); // ok
