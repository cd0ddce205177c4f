// cockatiel from CommonJS in a worker.
// Shape adapted from the `ConstantBackoff(50)` policies returned by the code search.

const { retry, handleAll, handleWhen, ConstantBackoff, ExponentialBackoff } = require('cockatiel');

// Constant 250 ms.
const dbPolicy = retry(handleWhen((err) => err.code === '40001'), {
  maxAttempts: 5,
  backoff: new ConstantBackoff(250), // expect: require-backoff
});

// Correct.
const httpPolicy = retry(handleAll, { maxAttempts: 4, backoff: new ExponentialBackoff() }); // ok

// Options from a module-level const: no backoff, so immediate retries.
const queueOptions = { maxAttempts: 6 };
const queuePolicy = retry(handleAll, queueOptions); // expect: require-backoff

// Options from a function parameter: opaque.
function makePolicy(options) {
  return retry(handleAll, options); // ok
}

module.exports = { dbPolicy, httpPolicy, queuePolicy, makePolicy };
