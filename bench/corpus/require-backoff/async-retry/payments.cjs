// async-retry in a CommonJS payment gateway.
// Shapes adapted from Ghallab98/payment-engine (payment-gateway/common/utils/retry.js: retries 3,
// factor 2, minTimeout 1000, maxTimeout 5000, randomize true, bail on non-502), the dazn
// lambda-powertools `getRetryConfig(onRetry)` helper (env-driven options), and the async-retry
// README (`retry(async (bail) => …, { retries: 5 })`).
// async-retry 1.3 defaults: retries 10, factor 2, minTimeout 1000, maxTimeout Infinity, randomize true.

const retry = require('async-retry');
const fetch = require('node-fetch');
const { SQSClient, SendMessageCommand } = require('@aws-sdk/client-sqs');

const sqs = new SQSClient({});

module.exports.withGatewayRetry = async (fn) => {
  return await retry( // ok
    async (bail) => {
      try {
        return await fn();
      } catch (error) {
        if (error.status !== 502) {
          bail(error);
        }
        throw error;
      }
    },
    {
      retries: 3,
      factor: 2,
      minTimeout: 1000,
      maxTimeout: 5000,
      randomize: true,
      onRetry: (error, i) => {
        console.warn(`Retrying ${i + 1} time due to: ${error.message}`);
      },
    },
  );
};

// README shape: five retries (largest wait 16 s), randomized by default: correct.
module.exports.getSettlement = async (id) =>
  retry(async (bail) => { // ok
    const res = await fetch(`https://acquirer.example.com/v1/settlements/${id}`);
    if (res.status === 403) {
      bail(new Error('Unauthorized'));
      return null;
    }
    return res.json();
  }, { retries: 5 });

// Options from a helper: opaque.
const getRetryConfig = (onRetry) => ({
  retries: parseInt(process.env.RETRIES || '5', 10),
  minTimeout: parseFloat(process.env.RETRY_MIN_TIMEOUT || '5000'),
  maxTimeout: parseFloat(process.env.RETRY_MAX_TIMEOUT || '60000'),
  factor: 2,
  onRetry,
});

module.exports.enqueueReceipt = async (receipt) =>
  retry(() => sqs.send(new SendMessageCommand({ QueueUrl: process.env.RECEIPTS_QUEUE, MessageBody: JSON.stringify(receipt) })), getRetryConfig(console.warn)); // ok

// No options: ten retries with no cap.
module.exports.getFxRate = async (pair) =>
  retry(async () => { // expect: require-backoff
    const res = await fetch(`https://fx.example.com/v1/rates/${pair}`);
    if (!res.ok) throw new Error(`fx ${res.status}`);
    return res.json();
  });

// randomize switched off.
module.exports.voidAuthorization = async (id) =>
  retry(() => fetch(`https://acquirer.example.com/v1/authorizations/${id}/void`, { method: 'PUT' }), {
    retries: 3,
    randomize: false, // expect: require-backoff
  });

// factor 1: constant.
module.exports.pollDispute = async (id) =>
  retry(() => fetch(`https://acquirer.example.com/v1/disputes/${id}`), {
    retries: 4,
    factor: 1, // expect: require-backoff
    minTimeout: 500,
  });
