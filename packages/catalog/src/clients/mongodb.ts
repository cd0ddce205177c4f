// mongodb: `socketTimeoutMS` in the options or the connection string; `timeoutMS` is ignored by
// the operations this catalog knows (client-side operation timeouts are experimental).
// mongoose: `connect(uri, options)` and `createConnection(uri, options)` hand their options to the
// driver's MongoClient, whose `socketTimeoutMS` defaults to 0 (no timeout; mongoose's docs say so
// since Automattic/mongoose#13576). Its models' queries are not calls of this catalog: their
// bound is the connection's.
import { type ClientFamily, NONE, call, factory, verbs } from '../build.js';
import type { JudgeInput } from '../facts.js';
import { connectionStringHas, getProp, isNoneValue, isOpaque, showValue } from '../summary.js';
import type { Verdict } from '../types.js';

function decideMongo(input: JudgeInput): Verdict {
  const options = input.options;
  const uri = input.instance[0];
  for (const key of ['socketTimeoutMS', 'waitQueueTimeoutMS']) {
    const prop = getProp(options, key);
    if (prop && isNoneValue(prop.value))
      return { status: 'none', key, value: showValue(prop.value), at: prop.at };
  }
  const socket = getProp(options, 'socketTimeoutMS');
  if (socket) return { status: 'bounded' };
  if (connectionStringHas(uri, ['socketTimeoutMS'])) return { status: 'bounded' };
  if (isOpaque(options)) return { status: 'unknown' };
  const ignored = getProp(options, 'timeoutMS');
  if (ignored) return { status: 'ignored', key: 'timeoutMS', at: ignored.at };
  return { status: 'missing', detail: 'socketTimeoutMS' };
}

export const mongodbFamily: ClientFamily = {
  family: {
    id: 'mongodb',
    label: 'mongodb',
    reportAt: 'construction',
    connectionString: true,
    fix: 'set `socketTimeoutMS` (and `waitQueueTimeoutMS`) in the options or the connection string',
  },
  modules: {
    mongodb: {
      MongoClient: factory('mongodb', 'mongodb', { at: 1 }),
      'MongoClient.connect': factory('mongodb', 'mongodb', { at: 1 }),
    },
    mongoose: {
      connect: factory('mongoose-connection', 'mongodb', { at: 1 }),
      createConnection: factory('mongoose-connection', 'mongodb', { at: 1 }),
    },
  },
  instances: {
    mongodb: {
      members: {
        connect: call('mongodb', NONE),
        db: factory('mongodb-db', 'mongodb', NONE, 'callee'),
      },
    },
    // What mongoose's connect/createConnection return: only the options given there bound anything.
    'mongoose-connection': { members: {} },
    'mongodb-db': {
      members: {
        collection: factory('mongodb-collection', 'mongodb', NONE, 'callee'),
        command: call('mongodb', NONE),
        listCollections: call('mongodb', NONE),
        createCollection: call('mongodb', NONE),
        dropCollection: call('mongodb', NONE),
        stats: call('mongodb', NONE),
      },
    },
    'mongodb-collection': {
      members: verbs(
        'mongodb',
        [
          'find',
          'findOne',
          'aggregate',
          'insertOne',
          'insertMany',
          'updateOne',
          'updateMany',
          'replaceOne',
          'deleteOne',
          'deleteMany',
          'countDocuments',
          'estimatedDocumentCount',
          'distinct',
          'findOneAndUpdate',
          'findOneAndReplace',
          'findOneAndDelete',
          'bulkWrite',
          'createIndex',
          'createIndexes',
          'dropIndex',
          'watch',
        ],
        NONE,
      ),
    },
  },
  types: [
    {
      names: ['MongoClient'],
      modules: ['mongodb'],
      packages: ['/mongodb/'],
      instance: 'mongodb',
      family: 'mongodb',
    },
    {
      names: ['Db'],
      modules: ['mongodb'],
      packages: ['/mongodb/'],
      instance: 'mongodb-db',
      family: 'mongodb',
    },
    {
      names: ['Collection'],
      modules: ['mongodb'],
      packages: ['/mongodb/'],
      instance: 'mongodb-collection',
      family: 'mongodb',
    },
  ],
  decide: decideMongo,
};
