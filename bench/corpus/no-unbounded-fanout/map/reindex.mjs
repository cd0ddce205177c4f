// An ESM reindex script (top-level await).

import got from 'got';
import { MongoClient } from 'mongodb';

const client = new MongoClient(process.env.MONGO_URL);
const docs = await client.db('cms').collection('pages').find().toArray();

await Promise.all(docs.map((d) => got.put(`https://search.internal/v1/pages/${d._id}`, { json: d }))); // expect: no-unbounded-fanout

const pages = client.db('cms').collection('pages');
await Promise.all(docs.map((d) => pages.updateOne({ _id: d._id }, { $set: { indexedAt: new Date() } }))); // expect: no-unbounded-fanout

const [primary, replica] = await Promise.all(['primary', 'replica'].map((h) => got(`https://${h}.search.internal/health`).json())); // ok

console.log(primary, replica);
await client.close();
