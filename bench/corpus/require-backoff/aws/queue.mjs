// An SQS/SES worker (ESM) with unbounded attempts and a look-alike `maxAttempts`.
// Shapes adapted from SQS polling workers and job-queue configs returned by the code search.

import { SQSClient } from '@aws-sdk/client-sqs';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { ConfiguredRetryStrategy } from '@smithy/util-retry';
import { Queue } from 'bullmq';

// Infinite attempts.
export const sqs = new SQSClient({
  region: 'eu-central-1',
  maxAttempts: Infinity, // expect: require-backoff
});

// Fifty attempts through a local const.
const sesConfig = {
  region: 'eu-central-1',
  maxAttempts: 50, // expect: require-backoff
};
export const ses = new SESv2Client(sesConfig);

// A capped, jittered custom strategy with standard attempts: correct.
export const sesBulk = new SESv2Client({
  maxAttempts: 4, // ok
  retryStrategy: new ConfiguredRetryStrategy(4, (attempt) => Math.min(10_000, 200 * 2 ** attempt) * (0.5 + Math.random() / 2)),
});

// A job-queue option with the same name: not an AWS client.
export const mailQueue = new Queue('mail', { defaultJobOptions: { attempts: 30, backoff: { type: 'exponential', delay: 1000 } } }); // ok
export const jobDefaults = { maxAttempts: 30 }; // ok
