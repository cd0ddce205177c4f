'use strict';

// CommonJS got 11 clients for a chat bot backend.
// Shapes adapted from gabrielrufino/TensorFriendBot (app/services/TensorFriendAPI.js)
// and mariumariu/Mprueba (hola-mundo.js).

const got = require('got');

const TensorFriendAPI = got.extend({
  responseType: 'json',
  prefixUrl: process.env.TENSORFRIEND_API_URL,
});

const Bounded = got.extend({
  responseType: 'json',
  prefixUrl: process.env.TENSORFRIEND_API_URL,
  timeout: { connect: 2000, response: 10000 },
});

async function getData() {
  const { data } = await got.post('https://httpbin.org/anything', { // expect: require-timeout
    json: { hello: 'world' },
  }).json();
  return data;
}

async function classify(text) {
  const { body } = await TensorFriendAPI.post('classify', { json: { text } }); // expect: require-timeout
  return body;
}

async function classifyBounded(text) {
  const { body } = await Bounded.post('classify', { json: { text } }); // ok
  return body;
}

async function healthz() {
  const { body } = await TensorFriendAPI.get('healthz', { timeout: { request: 1000 } }); // ok
  return body;
}

async function download(url) {
  return got(url).buffer(); // expect: require-timeout
}

async function head(url) {
  return got.head(url, { timeout: { request: 2500 } }); // ok
}

async function deleteThing(url) {
  return got.delete(url, { headers: { 'x-reason': 'cleanup' } }); // expect: require-timeout
}

module.exports = { getData, classify, classifyBounded, healthz, download, head, deleteThing };
