// A NestJS-style gRPC client provider and an ESM worker.
// Shapes adapted from NestJS `ClientProxyFactory.create({ transport: Transport.GRPC, options: {
// …, channelOptions: { 'grpc.service_config': JSON.stringify({ loadBalancingConfig: … }) } } })`
// modules returned by find_string.

import { ClientProxyFactory, Transport } from '@nestjs/microservices';
import * as grpc from '@grpc/grpc-js';

const retryPolicy = {
  maxAttempts: 5,
  initialBackoff: '0.3s',
  backoffMultiplier: 2,
  retryableStatusCodes: ['UNAVAILABLE', 'DEADLINE_EXCEEDED'],
};

export const balanceClient = ClientProxyFactory.create({
  transport: Transport.GRPC,
  options: {
    package: ['bo_user_balance'],
    protoPath: ['protos/bo/bo-user-balance.proto'],
    url: process.env.GRPC_BALANCE_URL,
    channelOptions: {
      'grpc.service_config': JSON.stringify({
        loadBalancingConfig: [{ round_robin: {} }],
        methodConfig: [{ name: [{ service: 'bo_user_balance.Balance' }], retryPolicy }], // expect: require-backoff
      }),
    },
  },
});

export const settingsClient = ClientProxyFactory.create({
  transport: Transport.GRPC,
  options: {
    package: ['language_setting'],
    protoPath: ['protos/common-setting/language-setting.v1.proto'],
    url: process.env.GRPC_SETTINGS_URL,
    channelOptions: {
      'grpc.service_config': JSON.stringify({
        methodConfig: [
          {
            name: [{ service: 'language_setting.LanguageSetting' }],
            retryPolicy: { maxAttempts: 3, initialBackoff: '0.1s', maxBackoff: '1s', backoffMultiplier: 2, retryableStatusCodes: ['UNAVAILABLE'] }, // ok
          },
        ],
      }),
      'grpc.initial_reconnect_backoff_ms': 200, // ok
    },
  },
});

export const status = grpc.status;
