// Lambda handlers (CommonJS) with AWS SDK v3 clients and one SDK v2 client.
// Shapes adapted from Lambda code with `new AWS.S3({ maxRetries })` (v2) next to v3 clients, and
// ConfiguredRetryStrategy uses returned by the code search.

const { S3, S3Client } = require('@aws-sdk/client-s3');
const { SNSClient } = require('@aws-sdk/client-sns');
const { SecretsManagerClient } = require('@aws-sdk/client-secrets-manager');
const { ConfiguredRetryStrategy } = require('@smithy/util-retry');
const AWS = require('aws-sdk');

// Aggregated v3 client with fifteen attempts.
const s3 = new S3({
  maxAttempts: 15, // expect: require-backoff
});

// A number as the backoff: constant two seconds.
const sns = new SNSClient({
  retryStrategy: new ConfiguredRetryStrategy(5, 2000), // expect: require-backoff
});

// No backoff argument: ConfiguredRetryStrategy falls back to a constant 100 ms.
const secrets = new SecretsManagerClient({
  retryStrategy: new ConfiguredRetryStrategy(3), // expect: require-backoff
});

// SDK defaults: correct.
const uploads = new S3Client({ region: process.env.AWS_REGION }); // ok

// AWS SDK v2 is not v3: not judged by this rule.
const legacy = new AWS.S3({ maxRetries: 20 }); // ok

// Exactly ten attempts: allowed.
const archive = new S3Client({ maxAttempts: 10 }); // ok

exports.handler = async (event) => {
  console.log(event, s3, sns, secrets, uploads, legacy, archive);
  return { statusCode: 200 };
};
