// A queue worker where some clients bound every call with an abortSignal instead of a handler.
// Shapes adapted from trivikr/test-aws-sdk-js-checksum-validation (src/getObject.js) and
// public SQS long-polling workers.

import { SQSClient, ReceiveMessageCommand, DeleteMessageCommand } from '@aws-sdk/client-sqs';
import { SNSClient, PublishCommand } from '@aws-sdk/client-sns';
import { KinesisClient, PutRecordCommand } from '@aws-sdk/client-kinesis';

const QueueUrl = process.env.QUEUE_URL;

// Every send passes an abortSignal: the constructor is not reported.
const sqs = new SQSClient({ region: process.env.AWS_REGION }); // ok

// One of two sends lacks an abortSignal: the constructor is reported.
const sns = new SNSClient({ region: process.env.AWS_REGION }); // expect: require-timeout

const kinesis = new KinesisClient({}); // expect: require-timeout

async function poll() {
  const { Messages = [] } = await sqs.send(
    new ReceiveMessageCommand({ QueueUrl, WaitTimeSeconds: 20, MaxNumberOfMessages: 10 }),
    { abortSignal: AbortSignal.timeout(25_000) },
  );
  for (const m of Messages) {
    await sns.send(new PublishCommand({ TopicArn: process.env.TOPIC_ARN, Message: m.Body }), {
      abortSignal: AbortSignal.timeout(5_000),
    });
    await kinesis.send(new PutRecordCommand({ StreamName: 'audit', PartitionKey: m.MessageId, Data: Buffer.from(m.Body) }));
    await sqs.send(new DeleteMessageCommand({ QueueUrl, ReceiptHandle: m.ReceiptHandle }), {
      abortSignal: AbortSignal.timeout(5_000),
    });
  }
}

async function announce(text) {
  await sns.send(new PublishCommand({ TopicArn: process.env.TOPIC_ARN, Message: text }));
}

while (true) {
  await poll();
  await announce('batch done');
}
