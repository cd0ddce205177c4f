// An ESM worker calling a payments gRPC service, with a local class whose methods share
// the stub's names. Shapes adapted from a public createGrpcClient factory
// (protoLoader.loadSync + grpc.loadPackageDefinition) and grpc-node examples.

import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';

const def = protoLoader.loadSync(new URL('./payments.proto', import.meta.url).pathname, {
  keepCase: true,
  defaults: true,
});
const { payments } = grpc.loadPackageDefinition(def);

const stub = new payments.PaymentService(process.env.PAYMENTS_ADDR, grpc.credentials.createSsl());

const authorize = (req) =>
  new Promise((resolve, reject) => {
    stub.authorize(req, (err, res) => (err ? reject(err) : resolve(res))); // expect: require-timeout
  });

const capture = (req) =>
  new Promise((resolve, reject) => {
    stub.capture(req, { deadline: new Date(Date.now() + 3000) }, (err, res) => (err ? reject(err) : resolve(res))); // ok
  });

const refund = (req, md) =>
  new Promise((resolve, reject) => {
    stub.refund(req, md, (err, res) => (err ? reject(err) : resolve(res))); // expect: require-timeout
  });

const void_ = (req) =>
  new Promise((resolve, reject) => {
    stub.void(req, { deadline: Date.now() + 1000 }, (err, res) => (err ? reject(err) : resolve(res))); // ok
  });

// Call options from a helper: opaque.
const status = (req, opts) =>
  new Promise((resolve, reject) => {
    stub.status(req, opts, (err, res) => (err ? reject(err) : resolve(res))); // ok
  });

// A local fake with the same method names (used in dry-run mode).
class FakePaymentService {
  authorize(req, cb) {
    cb(null, { approved: true, req });
  }
  capture(req, cb) {
    cb(null, { captured: true, req });
  }
}

const fake = new FakePaymentService();
fake.authorize({ amount: 1 }, () => {}); // ok
fake.capture({ amount: 1 }, () => {}); // ok

const watch = stub.watchSettlements({ merchantId: 'm_1' }); // expect: require-timeout
watch.on('data', (s) => console.log(s.id));

const report = stub.dailyReport({ day: '2024-01-01' }, { deadline: Date.now() + 60_000 }); // ok
report.on('data', (row) => console.log(row));

await authorize({ amount: 100 });
await capture({ id: 'p_1' });
await refund({ id: 'p_1' }, new grpc.Metadata());
await void_({ id: 'p_2' });
await status({ id: 'p_1' }, { deadline: Date.now() + 500 });
