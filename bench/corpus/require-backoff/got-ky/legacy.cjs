// got 11 (CommonJS) clients in an older service, plus a look-alike `retry` object.
// Shapes adapted from got.extend instances with `retry` objects and kafkajs client configs
// (`retry: { initialRetryTime, retries }`) returned by the code search.

const got = require('got');
const { Kafka } = require('kafkajs');

// Extend with an unbounded retry limit.
const events = got.extend({
  prefixUrl: 'https://events.internal',
  retry: {
    limit: Infinity, // expect: require-backoff
    backoffLimit: 20000,
  },
});

// Three retries: correct.
const users = got.extend({ prefixUrl: 'https://users.internal', retry: { limit: 3 } }); // ok

// kafkajs has its own retry options; not got or ky.
const kafka = new Kafka({ clientId: 'billing', brokers: ['kafka:9092'], retry: { initialRetryTime: 100, retries: 8 } }); // ok

// Eight got retries with no cap: 128 s at the end.
const exportsApi = got.extend({ prefixUrl: 'https://exports.internal', retry: { limit: 8 } }); // expect: require-backoff

module.exports = { events, users, kafka, exportsApi };
