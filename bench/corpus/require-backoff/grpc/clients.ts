// @grpc/grpc-js clients with service-config retry policies (TypeScript).
// Shapes adapted from a TRON wallet client (`DEFAULT_OPTIONS: grpc.ClientOptions` with
// 'grpc.enable_retries': 1 and a methodConfig retryPolicy with maxAttempts 5, initialBackoff '0.1s',
// maxBackoff '10s', backoffMultiplier 1.5) and a generic proto loader client (retryPolicy maxAttempts 3,
// initialBackoff '0.5s', maxBackoff '5s'), both returned by find_string for
// "'grpc.service_config': JSON.stringify". gRFC A6: maxBackoff caps the randomized backoff.

import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';

const packageDefinition = protoLoader.loadSync('protos/wallet.proto');
const proto = grpc.loadPackageDefinition(packageDefinition) as any;

const DEFAULT_OPTIONS: grpc.ClientOptions = {
  'grpc.keepalive_time_ms': 20000,
  'grpc.initial_reconnect_backoff_ms': 100,
  'grpc.max_reconnect_backoff_ms': 10000, // ok
  'grpc.enable_retries': 1,
  'grpc.service_config': JSON.stringify({
    methodConfig: [
      {
        name: [{ service: 'protocol.Wallet' }],
        retryPolicy: { // ok
          maxAttempts: 5,
          initialBackoff: '0.1s',
          maxBackoff: '10s',
          backoffMultiplier: 1.5,
          retryableStatusCodes: ['UNAVAILABLE', 'UNKNOWN', 'DEADLINE_EXCEEDED', 'RESOURCE_EXHAUSTED'],
        },
        timeout: '30s',
      },
    ],
  }),
};

export const wallet = new proto.protocol.Wallet('grpc.trongrid.io:50051', grpc.credentials.createSsl(), DEFAULT_OPTIONS);

// No maxBackoff: the backoff grows without a cap.
export const ledger = new proto.protocol.Ledger('ledger.internal:50051', grpc.credentials.createInsecure(), {
  'grpc.enable_retries': 1,
  'grpc.service_config': JSON.stringify({
    methodConfig: [
      {
        name: [{ service: 'protocol.Ledger' }],
        retryPolicy: { // expect: require-backoff
          maxAttempts: 5,
          initialBackoff: '0.5s',
          backoffMultiplier: 2,
          retryableStatusCodes: ['UNAVAILABLE'],
        },
      },
    ],
  }),
});

// Two method configs: one capped, one not.
const serviceConfig = {
  loadBalancingConfig: [{ round_robin: {} }],
  methodConfig: [
    {
      name: [{ service: 'inventory.Stock', method: 'Get' }],
      retryPolicy: { maxAttempts: 4, initialBackoff: '0.2s', maxBackoff: '2s', backoffMultiplier: 2, retryableStatusCodes: ['UNAVAILABLE'] }, // ok
    },
    {
      name: [{ service: 'inventory.Stock', method: 'List' }],
      retryPolicy: { maxAttempts: 4, initialBackoff: '0.2s', backoffMultiplier: 3, retryableStatusCodes: ['UNAVAILABLE'] }, // expect: require-backoff
    },
  ],
};

export const stock = new proto.inventory.Stock('dns:///stock.internal:50051', grpc.credentials.createInsecure(), {
  'grpc.service_config': JSON.stringify(serviceConfig),
});

// Hedging is not a retry policy with a backoff.
export const quotes = new proto.pricing.Quotes('quotes.internal:50051', grpc.credentials.createInsecure(), {
  'grpc.service_config': JSON.stringify({
    methodConfig: [
      {
        name: [{ service: 'pricing.Quotes' }],
        hedgingPolicy: { maxAttempts: 3, hedgingDelay: '0.05s', nonFatalStatusCodes: ['UNAVAILABLE'] }, // ok
      },
    ],
  }),
});

// Load balancing only: no retry policy.
export const users = new proto.users.Users('dns:///users.internal:50051', grpc.credentials.createInsecure(), {
  'grpc.service_config': JSON.stringify({ loadBalancingConfig: [{ round_robin: {} }] }), // ok
});
