// Order and shipping gRPC clients built from generic constructors (TypeScript).
// Shapes adapted from `grpc.makeGenericClientConstructor` clients and channel-option consts
// (`const GRPC_OPTIONS = { 'grpc.service_config': JSON.stringify(…) }`) returned by find_string.

import * as grpc from '@grpc/grpc-js';

const OrdersClient = grpc.makeGenericClientConstructor({}, 'orders.Orders');
const ShippingClient = grpc.makeGenericClientConstructor({}, 'shipping.Shipping');

// Two services share one policy that has no maxBackoff.
const GRPC_OPTIONS: grpc.ChannelOptions = {
  'grpc.enable_retries': 1,
  'grpc.service_config': JSON.stringify({
    methodConfig: [
      {
        name: [{ service: 'orders.Orders' }, { service: 'orders.History' }],
        retryPolicy: { // expect: require-backoff
          maxAttempts: 5,
          initialBackoff: '1s',
          backoffMultiplier: 1.5,
          retryableStatusCodes: ['UNAVAILABLE', 'ABORTED'],
        },
        timeout: '10s',
      },
    ],
  }),
};

export const orders = new OrdersClient('dns:///orders.internal:50051', grpc.credentials.createInsecure(), GRPC_OPTIONS);

// Per-method policies: the Create policy is capped, the Track policy is not.
export const shipping = new ShippingClient('dns:///shipping.internal:50051', grpc.credentials.createInsecure(), {
  'grpc.service_config': JSON.stringify({
    methodConfig: [
      {
        name: [{ service: 'shipping.Shipping', method: 'Create' }],
        retryPolicy: { maxAttempts: 2, initialBackoff: '0.5s', maxBackoff: '1s', backoffMultiplier: 2, retryableStatusCodes: ['UNAVAILABLE'] }, // ok
      },
      {
        name: [{ service: 'shipping.Shipping', method: 'Track' }],
        retryPolicy: { maxAttempts: 5, initialBackoff: '0.5s', backoffMultiplier: 2, retryableStatusCodes: ['UNAVAILABLE'] }, // expect: require-backoff
      },
      {
        name: [{ service: 'shipping.Shipping', method: 'Quote' }],
        waitForReady: true,
        timeout: '2s', // ok
      },
    ],
  }),
});

// Retries disabled at the channel, no service config: nothing to judge.
export const labels = new ShippingClient('labels.internal:50051', grpc.credentials.createInsecure(), {
  'grpc.enable_retries': 0, // ok
});

// A policy const with a very large multiplier and no cap.
const aggressivePolicy = {
  maxAttempts: 5,
  initialBackoff: '0.1s',
  backoffMultiplier: 10,
  retryableStatusCodes: ['UNAVAILABLE'],
};
export const returns = new ShippingClient('returns.internal:50051', grpc.credentials.createInsecure(), {
  'grpc.service_config': JSON.stringify({
    methodConfig: [{ name: [{ service: 'shipping.Returns' }], retryPolicy: aggressivePolicy }], // expect: require-backoff
  }),
});
