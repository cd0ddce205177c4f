// Fire-and-forget fan-outs with forEach (CommonJS).
// Shapes adapted from odges/slack-bot-status (tasks/alertAllUsers.js: `users.map(async (element) =>
// { … request.post('https://slack.com/api/chat.postMessage', data) })`), jp-knj/zenn
// (`characterIds.forEach(async (id) => { await getCharacter(id) })`), and the `useForEach` demo
// (`ids.forEach(async (element) => { await getPost(element) })`) returned by the code search.

const axios = require('axios');
const { WebClient } = require('@slack/web-api');
const Redis = require('ioredis');

const slack = new WebClient(process.env.SLACK_TOKEN);
const redis = new Redis(process.env.REDIS_URL);

async function alertAllUsers(users, text) {
  users.forEach((u) => slack.chat.postMessage({ channel: u.slackId, text })); // expect: no-unbounded-fanout
}

async function pingWebhooks(hooks, event) {
  hooks.forEach(async (hook) => { // expect: no-unbounded-fanout
    try {
      await axios.post(hook.url, event);
    } catch (err) {
      console.error('webhook failed', hook.id, err.message);
    }
  });
}

function cacheAll(entries) {
  entries.forEach(([k, v]) => redis.set(k, JSON.stringify(v), 'EX', 300)); // expect: no-unbounded-fanout
}

// A Map's forEach.
function flushCounters(counters) {
  counters.forEach((value, key) => redis.incrby(`counter:${key}`, value)); // expect: no-unbounded-fanout
}

// Local work only.
function logAll(users) {
  users.forEach((u) => console.log(u.id, u.email)); // ok
}

const seen = new Map();
function remember(ids) {
  ids.forEach((id) => seen.set(id, Date.now())); // ok
}

// Two known channels.
function announce(text) {
  ['#ops', '#eng'].forEach((channel) => slack.chat.postMessage({ channel, text })); // ok
}

// Sequential instead.
async function alertSequentially(users, text) {
  for (const u of users) {
    await slack.chat.postMessage({ channel: u.slackId, text }); // ok
  }
}

module.exports = { alertAllUsers, pingWebhooks, cacheAll, flushCounters, logAll, remember, announce, alertSequentially };
