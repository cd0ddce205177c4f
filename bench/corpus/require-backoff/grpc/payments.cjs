// gRPC payment clients (CommonJS) with JSON service configs written as string literals.
// Shapes adapted from grpc-js clients with `'grpc.service_config': JSON.stringify({ … })` and a
// retry-interceptor client (`new grpc.Client(process.env.SERVER_ADDRESS || 'dns:///localhost:50051',
// …, { 'grpc.dns_min_time_between_resolutions_ms': …, 'grpc.service_config': … })`) returned by
// find_string.

const grpc = require('@grpc/grpc-js');
const protoLoader = require('@grpc/proto-loader');

const def = protoLoader.loadSync(`${__dirname}/payments.proto`);
const { payments } = grpc.loadPackageDefinition(def);

// A hand-written JSON string without maxBackoff.
const charges = new payments.Charges('charges.internal:50051', grpc.credentials.createInsecure(), {
  'grpc.enable_retries': 1,
  'grpc.service_config': '{"methodConfig":[{"name":[{"service":"payments.Charges"}],"retryPolicy":{"maxAttempts":4,"initialBackoff":"0.2s","backoffMultiplier":2,"retryableStatusCodes":["UNAVAILABLE"]}}]}', // expect: require-backoff
});

// The same JSON with maxBackoff: correct.
const refunds = new payments.Refunds('refunds.internal:50051', grpc.credentials.createInsecure(), {
  'grpc.enable_retries': 1,
  'grpc.service_config': '{"methodConfig":[{"name":[{"service":"payments.Refunds"}],"retryPolicy":{"maxAttempts":4,"initialBackoff":"0.2s","maxBackoff":"3s","backoffMultiplier":2,"retryableStatusCodes":["UNAVAILABLE"]}}]}', // ok
});

// Object form without maxBackoff.
const payouts = new payments.Payouts('payouts.internal:50051', grpc.credentials.createInsecure(), {
  'grpc.service_config': JSON.stringify({
    methodConfig: [
      {
        name: [{ service: 'payments.Payouts' }],
        retryPolicy: { // expect: require-backoff
          maxAttempts: 3,
          initialBackoff: '1s',
          backoffMultiplier: 2,
          retryableStatusCodes: [grpc.status.UNAVAILABLE, grpc.status.RESOURCE_EXHAUSTED],
        },
      },
    ],
  }),
});

// Generic client: reconnect backoff channel options are capped by default.
const client = new grpc.Client(process.env.SERVER_ADDRESS || 'dns:///localhost:50051', grpc.credentials.createInsecure(), {
  'grpc.max_reconnect_backoff_ms': 5000, // ok
  'grpc.service_config': JSON.stringify({ loadBalancingConfig: [{ round_robin: {} }] }),
});

module.exports = { charges, refunds, payouts, client };
