'use strict';

// CommonJS global dispatcher setup and helpers.
// Shapes adapted from platformatic/massimo (packages/massimo/test/helper.js),
// hackbg/undexer (src/fetch.js), the @qdrant/js-client-rest dispatcher vendored in
// yossitv/demo_assistants (node_modules/@qdrant/js-client-rest/dist/cjs/dispatcher.js) and a
// RetryAgent configuration module.

const undici = require('undici');
const { setGlobalDispatcher, Agent, RetryAgent } = require('undici');

setGlobalDispatcher(new Agent({ // ok
  keepAliveMaxTimeout: 10,
  keepAliveTimeout: 10,
}));

// Long connect timeout for slow RPC nodes: still finite.
setGlobalDispatcher(new Agent({ connect: { timeout: 300_000 } })); // ok

const createDispatcher = (connections = 25) =>
  new undici.Agent({
    // timeouts are handled by AbortSignal in our middleware
    bodyTimeout: 0, // expect: require-timeout
    headersTimeout: 0, // expect: require-timeout
    connections,
    keepAliveTimeout: 10000,
  });

/** @type {import('undici').Agent.Options} */
const agentDefaults = {
  bodyTimeout: 600_000,
  headersTimeout: 600_000,
  keepAliveMaxTimeout: 1_200_000,
  keepAliveTimeout: 600_000,
  connect: { timeout: 600_000, keepAlive: true },
  connections: 128,
  pipelining: 10,
};

const dispatch = new Agent(agentDefaults); // ok

const retrying = new RetryAgent(dispatch, {
  maxRetries: 3,
  timeoutFactor: 2,
  minTimeout: 0,
  maxTimeout: 30_000,
});

async function main() {
  const res = await undici.request('http://www.google.com/'); // ok
  console.log('response: %s %o', res.statusCode, res.headers);
  const body = await res.body.text();
  console.log('body: %s...', body.slice(0, 40));
}

async function streamTo(url, writable) {
  return undici.stream(url, { method: 'GET' }, () => writable); // ok
}

async function streamNoBodyDeadline(url, writable) {
  return undici.stream(url, {
    method: 'GET',
    bodyTimeout: 0, // expect: require-timeout
  }, () => writable);
}

module.exports = { createDispatcher, dispatch, retrying, main, streamTo, streamNoBodyDeadline };
