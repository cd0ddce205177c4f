// MongoDB driver clients in TypeScript. The bound belongs to the client: it needs
// socketTimeoutMS (in the options or in a literal URI). timeoutMS alone is ignored by driver 7.
// Shapes adapted from mongodb/docs-node (source/code-snippets/connection/csot.js),
// mongodb/docs (content/node/v6.x/.../csot.js), and public clientPromise / getDbClient modules.

import { MongoClient, ServerApiVersion, type MongoClientOptions } from 'mongodb';
import { privateEnv } from '@/lib/env/private';

const mongodbUri = process.env.MONGODB_URI!;

export const client = new MongoClient(mongodbUri, { // ok
  serverSelectionTimeoutMS: 10000,
  socketTimeoutMS: 45000,
  connectTimeoutMS: 10000,
  maxPoolSize: 10,
  retryWrites: true,
});
export const clientPromise = client.connect();

export const atlas = new MongoClient(privateEnv.MONGO_URI, { // expect: require-timeout
  serverApi: { version: ServerApiVersion.v1, strict: true, deprecationErrors: true },
  maxPoolSize: 5,
});

// Client-level CSOT setting only: ignored by the v7 driver.
export const csot = new MongoClient('<connection string uri>', {
  timeoutMS: 15000, // expect: require-timeout
});

// serverSelectionTimeoutMS bounds server selection, not socket reads.
export const selectionOnly = new MongoClient(mongodbUri, { // expect: require-timeout
  serverSelectionTimeoutMS: 5000,
});

export const explicitNone = new MongoClient(mongodbUri, {
  socketTimeoutMS: 0, // expect: require-timeout
  connectTimeoutMS: 5000,
});

// A literal URI carrying socketTimeoutMS.
export const fromUri = new MongoClient('mongodb://db1.internal:27017,db2.internal:27017/app?replicaSet=rs0&socketTimeoutMS=30000'); // ok

export const plainUri = new MongoClient('mongodb://localhost:27017/test?maxPoolSize=50'); // expect: require-timeout

export const getDbClient = async (mongouri: string, maxPoolSize: number): Promise<MongoClient> => {
  const c = new MongoClient(mongouri, { maxPoolSize, minPoolSize: 1 }); // expect: require-timeout
  await c.connect();
  return c;
};

// Options resolved from a local const.
const reportingOptions: MongoClientOptions = {
  readPreference: 'secondaryPreferred',
  socketTimeoutMS: 120_000,
  timeoutMS: 60_000,
};
export const reporting = new MongoClient(mongodbUri, reportingOptions); // ok

// Options from another module: opaque.
export function connectWith(options: MongoClientOptions) {
  return new MongoClient(mongodbUri, options); // ok
}

export async function findRecent() {
  const coll = client.db('app').collection('events');
  return coll.find({}, { timeoutMS: 1000, maxTimeMS: 800 }).sort({ at: -1 }).limit(20).toArray();
}
