'use strict';

// CommonJS service code using node-fetch and cross-fetch through require().
// Shapes adapted from eric19960304/Ridesharing-App-For-HK-Back-End (networkClient.js),
// fochlac/manga-poll (server/src/utils/fetch.ts) and ZainBashir29/Learning-New-Things.

const fetch = require('node-fetch');
const crossFetch = require('cross-fetch');
const { AbortController } = require('node-abort-controller');

const POST = async (url, body) => {
  try {
    const response = await fetch(url, { // expect: require-timeout
      method: 'POST',
      headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    return await response.json();
  } catch (e) {
    console.log(e);
    return undefined;
  }
};

async function fetchData(url, headers, body) {
  const response = await fetch(url, { method: 'POST', headers, body }); // expect: require-timeout
  return response.json();
}

function fetchWithTimeout(url, options = {}, timeout = 5000) {
  const controller = new AbortController();
  const id = setTimeout(() => controller.abort(), timeout);
  return fetch(url, { ...options, signal: controller.signal }).finally(() => clearTimeout(id)); // ok
}

function timedFetch(url, options, timeLimit = 15000) {
  const controller = new AbortController();
  const timer = setTimeout(() => {
    controller.abort();
  }, timeLimit);
  const fetchPromise = fetch(url, { ...options, signal: controller.signal }); // ok
  fetchPromise.finally(() => clearTimeout(timer)).catch(Function.prototype);
  return fetchPromise;
}

async function getRates(base) {
  const res = await crossFetch(`https://rates.example.com/latest?base=${base}`); // expect: require-timeout
  return res.json();
}

async function getRatesBounded(base) {
  const res = await crossFetch(`https://rates.example.com/latest?base=${base}`, { // ok
    signal: AbortSignal.timeout(4000),
  });
  return res.json();
}

const getJson = async (url, headers) =>
  await fetch(url, { // expect: require-timeout
    method: 'GET',
    headers,
  }).then((res) => res.json());

const postJson = async (url, body) =>
  await fetch(url, { // ok
    method: 'POST',
    body: JSON.stringify(body),
    headers: { 'Content-Type': 'application/json' },
    signal: AbortSignal.timeout(10000),
  }).then((res) => res.json());

// Caller-provided options object: opaque.
async function useFetch(url, args) {
  const response = await fetch(url, args); // ok
  return response.json();
}

// A controller cancelled from the outside (by a user action), never by a timer.
function cancellableDownload(url) {
  const controller = new AbortController();
  const promise = fetch(url, {
    signal: controller.signal, // expect: require-timeout
  });
  return { promise, cancel: () => controller.abort() };
}

module.exports = {
  POST,
  fetchData,
  fetchWithTimeout,
  timedFetch,
  getRates,
  getRatesBounded,
  getJson,
  postJson,
  useFetch,
  cancellableDownload,
};
