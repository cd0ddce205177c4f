// A CommonJS job worker: each job receives `{ signal }` from the queue runtime.

const axios = require('axios');
const got = require('got');
const http = require('node:http');

async function processJob(job, { signal }) {
  const { data: user } = await axios.get(`https://users.internal/v1/${job.userId}`, { signal }); // ok
  const { data: plan } = await axios.get(`https://plans.internal/v1/${user.planId}`); // expect: require-signal-propagation
  await got.post('https://mail.internal/v1/send', { json: { to: user.email, plan: plan.name }, signal }); // ok
  await got.post('https://audit.internal/v1/events', { json: { job: job.id } }); // expect: require-signal-propagation
  return true;
}

function notifyLegacy(payload, { signal }) {
  const req = http.request('http://legacy.internal/notify', { method: 'POST', headers: { 'content-type': 'application/json' } }); // expect: require-signal-propagation
  req.end(JSON.stringify(payload));
  return req;
}

function notifyLegacyOk(payload, { signal }) {
  const req = http.request('http://legacy.internal/notify', { method: 'POST', signal }); // ok
  req.end(JSON.stringify(payload));
  return req;
}

// Options object from the caller: opaque.
async function forward(url, options, { signal }) {
  return axios.get(url, options); // ok
}

module.exports = { processJob, notifyLegacy, notifyLegacyOk, forward };
