'use strict';

// An Express-era CommonJS service: axios through require(), a GitHub instance whose
// interceptor sets the timeout, and a payments instance with no timeout.
// Shapes adapted from ITCenter-UOP/intern-management-system (server/service/github.js),
// Alexcsmbz/654801-typoteka-3 and public "createApiClient" factories.

const axios = require('axios');

const github = axios.create({
  baseURL: 'https://api.github.com',
  headers: {
    Authorization: `Bearer ${process.env.GITHUB_PAT}`,
    Accept: 'application/vnd.github+json',
  },
});

// Interceptor in the same file that sets config.timeout for every request.
github.interceptors.request.use((config) => {
  config.timeout = 10000;
  return config;
});

async function getRepo(owner, repo) {
  const { data } = await github.get(`/repos/${owner}/${repo}`); // ok
  return data;
}

async function listCommits(owner, repo, since) {
  const { data } = await github.get(`/repos/${owner}/${repo}/commits`, { params: { since } }); // ok
  return data;
}

const payments = axios.create({
  baseURL: process.env.PAYMENTS_URL,
  headers: { 'X-Api-Key': process.env.PAYMENTS_KEY },
});

async function charge(customerId, amount) {
  const { data } = await payments.post('/charges', { customerId, amount }); // expect: require-timeout
  return data;
}

async function refund(chargeId) {
  const { data } = await payments.post(`/charges/${chargeId}/refund`, null, { timeout: 5000 }); // ok
  return data;
}

async function getCharge(chargeId) {
  const { data } = await payments.get(`/charges/${chargeId}`); // expect: require-timeout
  return data;
}

async function ping() {
  return axios.get('https://status.example.com/ping'); // expect: require-timeout
}

async function notify(url, payload) {
  return axios.post(url, payload, { timeout: 3000, headers: { 'Content-Type': 'application/json' } }); // ok
}

async function requestRaw(config) {
  // The whole config comes from the caller: opaque.
  return axios.request(config); // ok
}

async function requestInline(url) {
  return axios.request({ url, method: 'GET' }); // expect: require-timeout
}

async function requestInlineBounded(url) {
  return axios.request({ url, method: 'GET', timeout: 1500 }); // ok
}

async function optionsProbe(url) {
  return axios.options(url, { timeout: 2000 }); // ok
}

async function replaceProfile(url, profile) {
  return axios.put(url, profile); // expect: require-timeout
}

async function patchProfile(url, changes) {
  return axios.patch(url, changes, {
    headers: { 'If-Match': changes.etag },
    timeout: 0, // expect: require-timeout
  });
}

module.exports = {
  getRepo,
  listCommits,
  charge,
  refund,
  getCharge,
  ping,
  notify,
  requestRaw,
  requestInline,
  requestInlineBounded,
  optionsProbe,
  replaceProfile,
  patchProfile,
};
