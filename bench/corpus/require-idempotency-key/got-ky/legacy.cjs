// got 11 (CommonJS) clients with retry methods built from constants.

const got = require('got');

const ALL_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'];
const SAFE_METHODS = ['GET', 'HEAD', 'OPTIONS'];
const defaultMethods = ['GET', 'PUT', 'HEAD', 'DELETE'];

const admin = got.extend({
  prefixUrl: 'https://admin.internal',
  retry: { limit: 2, methods: ALL_METHODS }, // expect: require-idempotency-key
});

const reader = got.extend({
  prefixUrl: 'https://reader.internal',
  retry: { limit: 2, methods: SAFE_METHODS }, // ok
});

const writer = got.extend({
  prefixUrl: 'https://writer.internal',
  retry: {
    limit: 2,
    methods: [...defaultMethods, 'POST'], // expect: require-idempotency-key
  },
});

// Per-request widening on a single POST.
async function createUser(user) {
  return got.post('https://users.internal/v1/users', {
    json: user,
    retry: { limit: 3, methods: ['POST'] }, // expect: require-idempotency-key
  }).json();
}

// A POST with a retry limit but the default methods: not retried.
async function createGroup(group) {
  return got.post('https://users.internal/v1/groups', { json: group, retry: { limit: 3 } }).json(); // ok
}

module.exports = { admin, reader, writer, createUser, createGroup };
