// AWS SDK v3 client construction across a TypeScript service.
// The bound belongs to the constructor: requestHandler with requestTimeout AND
// throwOnRequestTimeout: true. Shapes adapted from nitinyadav2001/jamtech
// (server/src/config/awss3.js), cnm4us/aws (src/services/s3.ts), a getS3() singleton,
// and public DynamoDBDocumentClient setup modules.

import { S3Client, GetObjectCommand } from '@aws-sdk/client-s3';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { SQSClient, SendMessageCommand } from '@aws-sdk/client-sqs';
import { SESClient } from '@aws-sdk/client-ses';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { Agent as HttpsAgent } from 'node:https';
import { awsRequestHandler } from '../aws/httpHandler';

// No requestHandler at all.
const client = new DynamoDBClient({}); // expect: require-timeout
export const dynamo = DynamoDBDocumentClient.from(client);

export async function getItem(id: string) {
  return dynamo.send(new GetCommand({ TableName: 'items', Key: { id } }));
}

// Connection timeout only: nothing bounds the request itself.
export const s3 = new S3Client({ // expect: require-timeout
  region: process.env.AWS_REGION,
  requestHandler: new NodeHttpHandler({
    connectionTimeout: 100000,
  }),
});

// requestTimeout alone only logs a warning when breached.
export const s3Warn = new S3Client({
  region: process.env.AWS_REGION,
  requestHandler: new NodeHttpHandler({
    connectionTimeout: 5_000,
    requestTimeout: 30_000, // expect: require-timeout
    httpsAgent: new HttpsAgent({ maxSockets: 500, keepAlive: true }),
  }),
});

// requestTimeout that throws: bounded.
export const s3Strict = new S3Client({ // ok
  region: process.env.AWS_REGION,
  requestHandler: new NodeHttpHandler({
    connectionTimeout: 5_000,
    requestTimeout: 30_000,
    throwOnRequestTimeout: true,
  }),
});

// Plain RequestHandlerParams object: bounded.
export const sqs = new SQSClient({ // ok
  region: 'eu-west-1',
  requestHandler: {
    requestTimeout: 3_000,
    throwOnRequestTimeout: true,
  },
});

// Explicitly told not to throw.
export const sqsLenient = new SQSClient({
  region: 'eu-west-1',
  requestHandler: {
    requestTimeout: 3_000, // expect: require-timeout
    throwOnRequestTimeout: false,
  },
});

// requestTimeout of 0 disables it.
export const sesDisabled = new SESClient({
  requestHandler: new NodeHttpHandler({
    requestTimeout: 0, // expect: require-timeout
    throwOnRequestTimeout: true,
  }),
});

// Handler defined elsewhere: opaque.
export const s3Shared = new S3Client({ region: 'us-east-1', requestHandler: awsRequestHandler }); // ok

let s3Lazy: S3Client | undefined;
export function getS3(): S3Client {
  if (!s3Lazy) {
    s3Lazy = new S3Client({ region: process.env.S3_REGION ?? 'eu-west-1' }); // expect: require-timeout
  }
  return s3Lazy;
}

export async function download(bucket: string, key: string) {
  return s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
}

export async function enqueue(url: string, body: string) {
  return sqs.send(new SendMessageCommand({ QueueUrl: url, MessageBody: body }));
}

// Config resolved from a local const.
const sesConfig = {
  region: 'us-east-1',
  requestHandler: new NodeHttpHandler({ requestTimeout: 8_000, throwOnRequestTimeout: true }),
};
export const ses = new SESClient(sesConfig); // ok

const sesConfigLoose = { region: 'us-east-1' };
export const sesLoose = new SESClient(sesConfigLoose); // expect: require-timeout
