// CommonJS provisioning scripts using async-retry and p-retry 4.
// Shapes adapted from the dazn lambda-powertools async-retry wrapper (`retry((bail) =>
// func.promise().catch(bailIfErrorNotRetryable(bail)), getRetryConfig(...))`) returned by the code
// search, and AWS-style `ClientToken` / `clientRequestToken` request fields.

const retry = require('async-retry');
const pRetry = require('p-retry');
const axios = require('axios');
const got = require('got');
const { randomUUID } = require('node:crypto');

async function createVolume(spec) {
  return retry(async () => {
    const { data } = await axios.post('https://cloud.example.com/v1/volumes', spec); // expect: require-idempotency-key
    return data;
  }, { retries: 4 });
}

async function createVolumeWithToken(spec) {
  const ClientToken = randomUUID();
  return retry(async () => {
    const { data } = await axios.post('https://cloud.example.com/v1/volumes', { ...spec, ClientToken }); // ok
    return data;
  }, { retries: 4 });
}

async function startPipeline(name) {
  const clientRequestToken = randomUUID();
  return pRetry(() => got.post('https://ci.example.com/v1/pipelines', { json: { name, clientRequestToken } }).json(), { retries: 3, randomize: true }); // ok
}

async function tagResource(id, tags) {
  return pRetry(() => got.patch(`https://cloud.example.com/v1/resources/${id}`, { json: { tags } }).json(), { retries: 3, randomize: true }); // expect: require-idempotency-key
}

async function attachVolume(volumeId, instanceId) {
  return pRetry(() => got.put(`https://cloud.example.com/v1/instances/${instanceId}/volumes/${volumeId}`).json(), { retries: 3, randomize: true }); // ok
}

module.exports = { createVolume, createVolumeWithToken, startPipeline, tagResource, attachVolume };
