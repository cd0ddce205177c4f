// Slack WebClient instances (ESM import of @slack/web-api). WebClient's default timeout is 0
// (none); only `timeout > 0` bounds a call. Shapes adapted from kyryloqaua/Slack-Bot
// (postMessage.js), tsg-ut/slackbot (kyoate/index.js), a getSlackClient() singleton and a
// Bolt app module that also builds a WebClient "with custom timeout".

import { WebClient, LogLevel } from '@slack/web-api';

const token = process.env.SLACK_BOT_TOKEN;

export const web = new WebClient(token); // expect: require-timeout

export const quiet = new WebClient(token, { // expect: require-timeout
  retryConfig: { retries: 0 },
  logLevel: LogLevel.WARN,
});

export const tuned = new WebClient(process.env.SLACK_BOT_TOKEN, { // ok
  timeout: 30000,
  retryConfig: { retries: 3, factor: 2, minTimeout: 1000, maxTimeout: 60000 },
});

export const explicitZero = new WebClient(token, {
  timeout: 0, // expect: require-timeout
  retryConfig: { retries: 1 },
});

let slackClient = null;
export function getSlackClient() {
  if (!slackClient) {
    slackClient = new WebClient(process.env.SLACK_BOT_TOKEN); // expect: require-timeout
  }
  return slackClient;
}

// Options from the caller: opaque.
export function clientFor(botToken, options) {
  return new WebClient(botToken, options); // ok
}

const clientOptions = { timeout: 8_000, logLevel: LogLevel.ERROR };
export const fromConst = new WebClient(token, clientOptions); // ok

export async function announce(channel, text) {
  const result = await web.chat.postMessage({ channel, text });
  return result.ts;
}
