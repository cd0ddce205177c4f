'use strict';

// Readiness probes (CommonJS) that wrap HTTP calls in the configured withTimeout helper
// or in Promise.race. Shapes adapted from Harqheem/sol-usdt-trader-app (utils/withTimeout.js),
// tcortega/spear-bot (src/utils/timeout.ts) and public doOrTimeout helpers.

const axios = require('axios');
const withTimeout = require('./utils/withTimeout');

const timeoutReject = (ms) => new Promise((resolve, reject) => { setTimeout(reject, ms, 'timeout'); });

async function upstreamReady(url) {
  const res = await withTimeout(axios.get(`${url}/ready`), 2000); // ok
  return res.status === 200;
}

async function priceFeed(symbol) {
  return withTimeout(fetch(`https://api.exchange.example/v3/ticker/price?symbol=${symbol}`), 10000); // ok
}

async function doOrTimeout(url) {
  return Promise.race([axios.post(url, { ping: true }), timeoutReject(1500)]); // ok
}

async function notWrapped(url) {
  return axios.get(`${url}/ready`); // expect: require-timeout
}

module.exports = { upstreamReady, priceFeed, doOrTimeout, notWrapped };
