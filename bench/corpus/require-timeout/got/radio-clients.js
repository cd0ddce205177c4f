// got instances for a Discord bot that talks to ham-radio spotting APIs (ESM, got 14).
// Shapes adapted from brandonb927/amateur-radio-discord-bot (src/utils/http/pota-app.js,
// sota-org.js), victorekpo/javascript (got/gotExample.js) and a public got.extend config module.

import got from 'got';

const USER_AGENT = 'radio-bot/2.1 (+https://example.org/bot)';

export const pota = got.extend({
  prefixUrl: 'https://api.pota.app/',
  headers: { 'user-agent': USER_AGENT },
});

export const sota = got.extend({
  prefixUrl: 'https://api2.sota.org.uk/api/',
  headers: { 'user-agent': USER_AGENT },
  timeout: { request: 10_000 },
});

export async function potaSpots() {
  return pota.get('spot/activator').json(); // expect: require-timeout
}

export async function potaPark(reference) {
  return pota(`park/${reference}`).json(); // expect: require-timeout
}

export async function potaParkBounded(reference) {
  return pota(`park/${reference}`, { timeout: { response: 4000 } }).json(); // ok
}

export async function sotaSpots(count = 20) {
  return sota.get(`spots/${count}/all`).json(); // ok
}

export async function sotaSummit(code) {
  return sota(`summits/${code}`).json(); // ok
}

export async function postLog(entry) {
  const { data } = await got.post('https://httpbin.org/anything', { // expect: require-timeout
    json: { entry },
  }).json();
  return data;
}

export async function postLogBounded(entry) {
  const { data } = await got.post('https://httpbin.org/anything', { // ok
    json: { entry },
    timeout: { lookup: 200, connect: 1000, request: 8000 },
  }).json();
  return data;
}

export async function solarFlux() {
  return got('https://services.swpc.noaa.gov/json/f107_cm_flux.json', { responseType: 'json' }); // expect: require-timeout
}

export async function solarFluxWithSignal() {
  return got('https://services.swpc.noaa.gov/json/f107_cm_flux.json', { signal: AbortSignal.timeout(5000) }); // ok
}

// `timeout` nested under hooks is not got's timeout option.
const qrz = got.extend({
  prefixUrl: 'https://xmldata.qrz.com/',
  responseType: 'text',
  hooks: {
    timeout: 15000,
    beforeRequest: [(options) => console.info(`-> ${options.method} ${options.url}`)],
  },
});

export async function lookupCall(callsign, key) {
  return qrz.get(`xml/current/?s=${key};callsign=${callsign}`).text(); // expect: require-timeout
}

export function streamRecording(url) {
  return got.stream(url); // expect: require-timeout
}

export function streamRecordingBounded(url) {
  return got.stream(url, { timeout: { socket: 30_000 } }); // ok
}

export async function retried(url) {
  return got(url, { retry: { limit: 2, methods: ['GET'] } }).json(); // expect: require-timeout
}

// Options resolved through a local const.
const bandPlanOptions = {
  responseType: 'json',
  timeout: { request: 3000 },
};

export async function bandPlan() {
  return got('https://example.org/bandplan.json', bandPlanOptions); // ok
}

// Options from the caller: opaque.
export async function custom(url, options) {
  return got(url, options); // ok
}
