// AWS SDK v3 clients with retry settings (TypeScript).
// Shapes adapted from sbalmt/ez4 (providers/aws/aws-bucket/src/utils/deploy.ts: `new S3Client({
// retryMode: 'adaptive', maxAttempts: 10 })`), `retryOptions = { maxAttempts: 10, retryStrategy:
// new StandardRetryStrategy(async () => 10) }` and `getRetryStrategy()` modules, and the
// @smithy/util-retry README (`new ConfiguredRetryStrategy(4, (attempt) => 100 + attempt * 1000)`).
// SDK default: 3 attempts, delay min(20 s, random·2^n·100 ms). ConfiguredRetryStrategy's second
// argument is the whole backoff: a number or a function of the attempt, with no added jitter.

import { S3Client } from '@aws-sdk/client-s3';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { SQSClient } from '@aws-sdk/client-sqs';
import { KinesisClient } from '@aws-sdk/client-kinesis';
import { StandardRetryStrategy } from '@aws-sdk/middleware-retry';
import { ConfiguredRetryStrategy } from '@smithy/util-retry';

export const getS3Client = () => {
  return new S3Client({ // ok
    retryMode: 'adaptive',
    maxAttempts: 10,
  });
};

export const retryOptions = {
  maxAttempts: 10, // ok
  retryStrategy: new StandardRetryStrategy(async () => 10),
};

// Twenty-five attempts.
export const ddb = new DynamoDBClient({
  region: 'eu-west-1',
  maxAttempts: 25, // expect: require-backoff
});

// A constant one-second backoff.
export const queue = new SQSClient({
  retryStrategy: new ConfiguredRetryStrategy(4, (attempt: number) => 1000), // expect: require-backoff
});

// The README's linear backoff: grows, but no jitter.
export const exportsBucket = new S3Client({
  region: 'us-east-1',
  retryStrategy: new ConfiguredRetryStrategy(4, (attempt: number) => 100 + attempt * 1000), // expect: require-backoff
});

// Capped and jittered: correct.
export const imagesBucket = new S3Client({
  retryStrategy: new ConfiguredRetryStrategy(4, (attempt: number) => Math.min(20_000, 2 ** attempt * 100 * Math.random())), // ok
});

// Attempts from the environment: not judged.
export const stream = new KinesisClient({ maxAttempts: Number(process.env.AWS_MAX_ATTEMPTS ?? 3) }); // ok

// Wrapped document client: the inner client has twelve attempts.
export const docs = DynamoDBDocumentClient.from(
  new DynamoDBClient({
    maxAttempts: 12, // expect: require-backoff
  }),
);

// Eleven attempts: just over the limit.
export const firehoseStream = new KinesisClient({
  region: 'eu-west-1',
  maxAttempts: 11, // expect: require-backoff
});
