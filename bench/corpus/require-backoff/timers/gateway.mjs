// WebSocket gateway client (ESM). The open handshake is awaited with events.once, and failures
// reschedule the connect function with setTimeout. Shapes adapted from Discord/Slack-style bot
// gateways and the gridfire `reconnect` helper (`delay *= 2`) returned by the code search.

import WebSocket from 'ws';
import { once } from 'node:events';
import axios from 'axios';

let retries = 0;
let gatewayAttempt = 0;
let session = null;

function onMessage(data) {
  console.log('gateway message', String(data));
}

// Bounded by a module counter, constant 2 s (extra setTimeout arguments are passed to the callback).
export async function connectGateway(url) {
  try {
    const ws = new WebSocket(url);
    await once(ws, 'open');
    retries = 0;
    ws.on('message', onMessage);
  } catch (err) {
    retries++;
    if (retries > 5) throw err;
    setTimeout(connectGateway, 2000, url); // expect: require-backoff
  }
}

// Bounded, capped, jittered: correct.
export async function resumeSession(url) {
  try {
    const { data } = await axios.post(`${url}/sessions/resume`, { session });
    session = data.session;
    gatewayAttempt = 0;
  } catch (err) {
    gatewayAttempt += 1;
    if (gatewayAttempt > 6) throw err;
    const wait = Math.min(30_000, 1000 * 2 ** gatewayAttempt) * Math.random();
    setTimeout(() => resumeSession(url), wait); // ok
  }
}

// Doubles a module-level delay forever, with no cap and no jitter.
let reconnectDelay = 1000;
export async function connectVoice(url) { // expect: require-backoff
  try {
    const ws = new WebSocket(url);
    await once(ws, 'open');
    reconnectDelay = 1000;
  } catch (err) {
    setTimeout(() => connectVoice(url), reconnectDelay); // expect: require-backoff
    reconnectDelay *= 2;
  }
}

// A rate-limit pause on the success path (Retry-After from a 200 answer): not a retry.
export async function drainOutbox(url) {
  const { data, headers } = await axios.get(`${url}/outbox`);
  data.forEach(onMessage);
  const after = Number(headers['x-next-poll-ms'] ?? 5000);
  setTimeout(() => drainOutbox(url), after); // ok
}
