// redlock 4 (CommonJS) in a banking demo and a scheduler.
// Shapes adapted from Fahmadi/Pheebs-Internship (bankTransaction/test.js: `new Redlock([redis], {
// driftFactor, retryCount: 2, retryDelay: 200, retryJitter: 200 })` then `redlock.lock('ahmadi', ttl)`).

const Redlock = require('redlock');
const redis = require('./redis');

const redlock = new Redlock( // ok
  [redis],
  {
    driftFactor: 0.01,
    retryCount: 2,
    retryDelay: 200,
    retryJitter: 200,
  },
);

// Unlimited retries for the nightly job lock.
const schedulerLock = new Redlock([redis], {
  driftFactor: 0.01,
  retryCount: -1, // expect: require-backoff
  retryDelay: 1000,
});

// retryCount Infinity is as unbounded as -1.
const reportLock = new Redlock([redis], {
  retryCount: Infinity, // expect: require-backoff
  retryJitter: 100,
});

// No jitter and unbounded: two problems on two lines.
const migrationLock = new Redlock([redis], {
  retryCount: -1, // expect: require-backoff
  retryJitter: 0, // expect: require-backoff
});

const ttl = 1000;
async function transfer(from, to, amount) {
  const lock = await redlock.lock(`account:${from}`, ttl);
  try {
    console.log('transfer', from, to, amount);
  } finally {
    await lock.unlock();
  }
}

module.exports = { redlock, schedulerLock, reportLock, migrationLock, transfer };
