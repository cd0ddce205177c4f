'use strict';

// Dynamic-codegen gRPC clients (CommonJS, @grpc/grpc-js + @grpc/proto-loader).
// Shapes adapted from xiongjunlu/grpc-demo (client.js), pjt3591oo/mockup-server-express
// (client/grpc.js), djlxiaoshi/grpc-study and the grpc-node route_guide example.

const path = require('path');
const grpc = require('@grpc/grpc-js');
const protoLoader = require('@grpc/proto-loader');

const PROTO_PATH = path.join(__dirname, '../protos/helloworld.proto');
const packageDefinition = protoLoader.loadSync(PROTO_PATH, {
  keepCase: true,
  longs: String,
  enums: String,
  defaults: true,
  oneofs: true,
});
const protoDescriptor = grpc.loadPackageDefinition(packageDefinition);
const routes = protoDescriptor.helloworld;

const testProto = protoLoader.loadSync(path.join(__dirname, 'protos/test.proto'));
const testService = grpc.loadPackageDefinition(testProto).testPackage;

function main() {
  const client = new routes.Greeter('localhost:50051', grpc.credentials.createInsecure());

  client.sayHello({ name: 'you' }, (err, response) => { // expect: require-timeout
    console.log('Greeting:', response.message);
  });

  client.sayHello({ name: 'bounded' }, { deadline: Date.now() + 5000 }, (err, response) => { // ok
    console.log('Greeting:', response && response.message);
  });

  const metadata = new grpc.Metadata();
  metadata.add('x-request-id', 'abc');
  client.sayHelloAgain({ name: 'meta' }, metadata, { deadline: Date.now() + 2000 }, (err) => { // ok
    if (err) console.error(err.code);
  });

  client.sayHelloAgain({ name: 'meta-only' }, metadata, (err) => { // expect: require-timeout
    if (err) console.error(err.code);
  });

  client.waitForReady(Date.now() + 3000, (err) => { // ok
    if (err) console.error('not ready', err);
  });
}

function ping() {
  const client = new testService.testService('0.0.0.0:3001', grpc.credentials.createInsecure());
  client.ping({ param: 'param' }, (err, response) => { // expect: require-timeout
    console.log('ping -> :', response.message);
  });
  client.close(); // ok
}

// route_guide style: a Date deadline computed a few seconds ahead.
function getFeature(client, point, cb) {
  const deadline = new Date();
  deadline.setSeconds(deadline.getSeconds() + 10);
  client.getFeature(point, { deadline }, cb); // ok
}

function routeGuide() {
  const guidePkg = grpc.loadPackageDefinition(protoLoader.loadSync(path.join(__dirname, 'protos/route_guide.proto'))).routeguide;
  const guide = new guidePkg.RouteGuide('localhost:50052', grpc.credentials.createInsecure());

  const deadline = new Date();
  deadline.setSeconds(deadline.getSeconds() + 10);
  guide.getFeature({ latitude: 409146138, longitude: -746188906 }, { deadline }, (err, feature) => { // ok
    if (!err) console.log(feature.name);
  });

  const features = guide.listFeatures({ lo: { latitude: 400000000 }, hi: { latitude: 420000000 } }); // expect: require-timeout
  features.on('data', (f) => console.log(f.name));

  const recorder = guide.recordRoute((err, summary) => { // expect: require-timeout
    if (!err) console.log(summary.point_count);
  });
  recorder.write({ latitude: 1, longitude: 2 });
  recorder.end();

  const chat = guide.routeChat({ deadline: Date.now() + 30_000 }); // ok
  chat.end();

  const forever = guide.routeChat({
    deadline: Infinity, // expect: require-timeout
  });
  forever.end();

  getFeature(guide, { latitude: 1, longitude: 1 }, () => {});
}

module.exports = { main, ping, routeGuide };
