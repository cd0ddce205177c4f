// redlock 4 in CommonJS (bank transfer demo and a cron runner).
// Shapes adapted from Fahmadi/Pheebs-Internship (bankTransaction/test.js: `var Redlock =
// require('redlock'); var redlock = new Redlock([redis], { … })` then `redlock.lock('ahmadi', ttl)`)
// and the GaloyMoney/blink test that requires redlock inline.

const redis = require('./redis');
var Redlock = require('redlock');
const AsyncLock = require('async-lock');

var redlock = new Redlock( // expect: no-cross-server-coordination
  // you should have one client for each independent redis node
  // or cluster
  [redis],
  {
    driftFactor: 0.01,
    retryCount: 2,
    retryDelay: 200,
    retryJitter: 200,
  },
);

const ttl = 1000;

const main = async () => {
  const lock = await redlock.lock('ahmadi', ttl);
  console.log('here');
  await lock.unlock();
};

it('acquire a lock', async () => {
  const client1 = require('redis').createClient(process.env.REDIS_PORT, process.env.REDIS_IP); // ok
  const RedlockInline = require('redlock');
  const cronLock = new RedlockInline([client1], { retryCount: 10 }); // expect: no-cross-server-coordination
  await cronLock.lock('cron:nightly', 60000);
});

// async-lock serialises callbacks inside this process only.
const local = new AsyncLock({ timeout: 5000 }); // ok

function withAccountLock(accountId, fn) {
  return local.acquire(`account:${accountId}`, fn); // ok
}

main().catch(console.log);
module.exports = { redlock, withAccountLock };
