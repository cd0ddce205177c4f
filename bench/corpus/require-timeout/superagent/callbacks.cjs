'use strict';

// Callback-style superagent in an older CommonJS codebase.
// Shapes adapted from zamd/self-service-password-reset (createRequestHelper.js),
// proglang/dts-generate-results (superagent_1.js), azatsatklichov/nodejs-app and
// a basic-auth example.

const request = require('superagent');
const superagent = require('superagent');

const postJson = (url, payload) => new Promise((resolve, reject) => {
  request('POST', url) // expect: require-timeout
    .send(payload)
    .set('Content-Type', 'application/json')
    .end((err, res) => (err ? reject(err) : resolve(res.body)));
});

const postJsonBounded = (url, payload) => new Promise((resolve, reject) => {
  request('POST', url) // ok
    .send(payload)
    .set('Content-Type', 'application/json')
    .timeout({ response: 5000, deadline: 20000 })
    .end((err, res) => (err ? reject(err) : resolve(res.body)));
});

function addPet(pet, cb) {
  superagent.post('/api/pet') // expect: require-timeout
    .send(pet)
    .set('X-API-Key', 'foobar')
    .set('accept', 'json')
    .end(cb);
}

async function visit() {
  const resp = await superagent.post('https://www.javascript.com/'); // expect: require-timeout
  return resp.status;
}

function basicAuth(cb) {
  request.get('http://localhost:9005/api/v1.0/auth/basic') // expect: require-timeout
    .auth('super', process.env.BASIC_PW)
    .end(cb);
}

function basicAuthBounded(cb) {
  request.get('http://localhost:9005/api/v1.0/auth/basic') // ok
    .auth('super', process.env.BASIC_PW)
    .timeout(3000)
    .end(cb);
}

async function post(url, data, contentType = 'application/json') {
  return await request.post(url).set('Content-Type', contentType).send(data); // expect: require-timeout
}

async function postBounded(url, data) {
  return await request.post(url).send(data).timeout(2500); // ok
}

function fetchThen(url) {
  return superagent.get(url).then((res) => res.body); // expect: require-timeout
}

function fetchThenBounded(url) {
  return superagent.get(url).timeout(1000).then((res) => res.body); // ok
}

module.exports = {
  postJson,
  postJsonBounded,
  addPet,
  visit,
  basicAuth,
  basicAuthBounded,
  post,
  postBounded,
  fetchThen,
  fetchThenBounded,
};
