// mongodb: `socketTimeoutMS` in the options or the connection string; `timeoutMS` is ignored by
// the operations this catalog knows (client-side operation timeouts are experimental).
// mongoose: `connect(uri, options)` and `createConnection(uri, options)` hand their options to the
// driver's MongoClient, whose `socketTimeoutMS` defaults to 0 (no timeout; mongoose's docs say so
// since Automattic/mongoose#13576). Its models' queries are not calls of this catalog: their
// bound is the connection's.
//
// From driver 4.13.0 (NODE-4094, mongodb/node-mongodb-native#3457; the SDAM spec's DRIVERS-1707)
// a server that stops answering does not hold operations forever even without `socketTimeoutMS`:
// its monitor's heartbeat, on a socket bounded by `connectTimeoutMS` (30 s by default), times out,
// and the driver clears the pool with `interruptInUseConnections`, failing every operation in
// flight on it. So a client of such a driver is not reported for a missing `socketTimeoutMS`
// (unless `connectTimeoutMS: 0` takes the monitor's bound away, or `loadBalanced` mode runs no
// monitor). That covers a server that stops answering; one slow operation on a server that still
// answers its heartbeats is `maxTimeMS`'s to bound, per query. The driver's version is read
// from the lockfile, or else from a declared `mongodb` range, or a `mongoose` from 7.0 (which
// requires driver 5); with none of them the client is judged as before.
import { type ClientFamily, NONE, call, factory, verbs } from '../build.js';
import type { JudgeInput, VersionFacts } from '../facts.js';
import { connectionStringHas, getProp, isNoneValue, isOpaque, showValue } from '../summary.js';
import type { Verdict } from '../types.js';
import { rangeIsAtLeast, versionsAreAtLeast } from '../values.js';

/** The project's driver interrupts operations in flight when its monitor loses the server (4.13.0 on). */
function monitorInterrupts(facts: VersionFacts): boolean {
  if (facts.locked && facts.locked.length > 0) {
    const locked = versionsAreAtLeast(facts.locked, [4, 13, 0]);
    if (locked !== undefined) return locked;
  }
  const declared = facts.declared;
  if (!declared) return false;
  if (declared.pkg === 'mongoose') return rangeIsAtLeast(declared.range, [7, 0, 0]) === true;
  return rangeIsAtLeast(declared.range, [4, 13, 0]) === true;
}

function decideMongo(input: JudgeInput): Verdict {
  const options = input.options;
  const uri = input.instance[0];
  // No monitor bounds a load-balanced client (it runs none), nor one whose `connectTimeoutMS` is 0.
  const connect = getProp(options, 'connectTimeoutMS');
  const balanced = getProp(options, 'loadBalanced');
  const monitored =
    !(connect && connect.value.kind === 'number' && connect.value.value === 0) &&
    !(balanced && !(balanced.value.kind === 'boolean' && !balanced.value.value)) &&
    !(uri?.kind === 'string' && /[?&](?:connectTimeoutMS=0(?:&|$)|loadBalanced=true)/i.test(uri.value));
  if (monitored && monitorInterrupts(input)) return { status: 'bounded' };
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
    versionPackages: ['mongodb', 'mongoose'],
    lockedPackage: 'mongodb',
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
