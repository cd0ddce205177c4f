// Concurrency limits in CommonJS: async.mapLimit / eachLimit, p-limit 3 and promise-limit.
// Shapes adapted from scality-style `async.eachLimit(Object.keys(provisionsByOwner), 20, …)` (found
// with find_string), ubc/node-canvas-api (index.js: `new Bottleneck({ maxConcurrent: 20, minTime:
// 100 })` + `limiter.schedule(...)`), and the promise-limit fetch wrapper.

const async = require('async');
const pLimit = require('p-limit');
const promiseLimit = require('promise-limit');
const Bottleneck = require('bottleneck');
const axios = require('axios');
const fetch = require('node-fetch');

const limiter = new Bottleneck({ maxConcurrent: 20, minTime: 100, Promise });

function provisionAll(provisionsByOwner, cb) {
  async.eachLimit(Object.keys(provisionsByOwner), 20, (owner, done) => { // ok
    axios.post('https://provisioner.internal/v1/owners', { owner }).then(() => done(), done);
  }, cb);
}

async function courses(ids) {
  return async.mapLimit(ids, 5, async (id) => (await axios.get(`https://canvas.internal/api/v1/courses/${id}`)).data); // ok
}

async function enrollments(ids) {
  const limit = pLimit(10);
  return Promise.all(ids.map((id) => limit(() => axios.get(`https://canvas.internal/api/v1/courses/${id}/enrollments`)))); // ok
}

function createFetchWithConcurrencyLimit(concurrency) {
  const limit = promiseLimit(concurrency);
  return (url, options) => limit(() => fetch(url, options));
}
const limitedFetch = createFetchWithConcurrencyLimit(8);

async function assignments(ids) {
  return Promise.all(ids.map((id) => limitedFetch(`https://canvas.internal/api/v1/courses/${id}/assignments`))); // ok
}

async function emails(ids) {
  return Promise.all(ids.map((id) => limiter.schedule(() => axios.get(`https://canvas.internal/api/v1/users/${id}/profile`)))); // ok
}

// async.map has no limit.
async function submissions(ids) {
  return async.map(ids, async (id) => (await axios.get(`https://canvas.internal/api/v1/submissions/${id}`)).data); // expect: no-unbounded-fanout
}

// The limiter is created inside the callback: every call gets its own.
async function quizzes(ids) {
  return Promise.all(ids.map((id) => pLimit(2)(() => axios.get(`https://canvas.internal/api/v1/quizzes/${id}`)))); // expect: no-unbounded-fanout
}

module.exports = { provisionAll, courses, enrollments, assignments, emails, submissions, quizzes };
