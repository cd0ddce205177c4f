// More AWS SDK v3 construction shapes (ESM): namespace imports, class fields, spread
// configs, and test doubles from aws-sdk-client-mock.
// Shapes adapted from public Lambda/STS helper modules and aws-sdk-client-mock README usage.

import * as s3sdk from '@aws-sdk/client-s3';
import { LambdaClient, InvokeCommand } from '@aws-sdk/client-lambda';
import { STSClient } from '@aws-sdk/client-sts';
import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { mockClient } from 'aws-sdk-client-mock';
import { baseAwsConfig } from './aws-config.js';

export const lambda = new LambdaClient({ region: 'us-east-1', maxAttempts: 3 }); // expect: require-timeout

export const sts = new STSClient({ // ok
  region: 'us-east-1',
  requestHandler: new NodeHttpHandler({ requestTimeout: 2_000, throwOnRequestTimeout: true }),
});

export const archive = new s3sdk.S3Client({ region: 'eu-central-1' }); // expect: require-timeout

// Spread of a shared config: opaque.
export const archiveShared = new s3sdk.S3Client({ ...baseAwsConfig, region: 'eu-central-1' }); // ok

export class Metrics {
  constructor(namespace) {
    this.namespace = namespace;
    this.cw = new CloudWatchClient({ region: process.env.AWS_REGION }); // expect: require-timeout
  }
}

export class BoundedMetrics {
  constructor(namespace) {
    this.namespace = namespace;
    this.cw = new CloudWatchClient({ // ok
      region: process.env.AWS_REGION,
      requestHandler: new NodeHttpHandler({ connectionTimeout: 500, requestTimeout: 2_000, throwOnRequestTimeout: true }),
    });
  }
}

export async function invoke(fn, payload) {
  return lambda.send(new InvokeCommand({ FunctionName: fn, Payload: Buffer.from(JSON.stringify(payload)) }));
}

// Test double: mockClient wraps the class, it does not construct a network client.
export const s3Mock = mockClient(s3sdk.S3Client); // ok
s3Mock.on(s3sdk.GetObjectCommand).resolves({ Body: 'hello' });
