// Global fetch in an ESM Node service (helpers for a ride-sharing backend).
// Shapes adapted from eric19960304/Ridesharing-App-For-HK-Back-End (networkClient.js),
// uaalumni02/supervision-app (utils/fetch.js), tatoMa/taolix (lib/fetch.js),
// Hab-Track/Habbo-Track (fetchWithTimeout.js), nestdotland/nest (utilities/fetch.ts),
// Kubanabaraka/js-practical-exercises and mozammilrja/gfg-dsa-mastry.

const DEFAULT_HEADERS = {
  Accept: 'application/json',
  'Content-Type': 'application/json',
};

export const postJson = async (url, body) => {
  try {
    const response = await fetch(url, { // expect: require-timeout
      method: 'POST',
      headers: DEFAULT_HEADERS,
      body: JSON.stringify(body),
    });
    return await response.json();
  } catch (e) {
    console.log(e);
    return null;
  }
};

export const getJson = async (url, headers) =>
  await fetch(url, { // expect: require-timeout
    method: 'GET',
    headers,
  }).then((res) => res.json());

export async function healthCheck(baseUrl) {
  const res = await fetch(`${baseUrl}/healthz`); // expect: require-timeout
  return res.ok;
}

export async function getDriverLocation(driverId) {
  const res = await fetch(`https://geo.internal/drivers/${driverId}`, { // ok
    signal: AbortSignal.timeout(3000),
  });
  return res.json();
}

export async function fetchWithTimeout(resource, options = {}) {
  const { timeout = 6000 } = options;
  const controller = new AbortController();
  const id = setTimeout(() => controller.abort(), timeout);
  const response = await fetch(resource, { // ok
    ...options,
    signal: controller.signal,
  });
  clearTimeout(id);
  return response;
}

export function fetchTimeout(url, ms) {
  const controller = new AbortController();
  const promise = fetch(url, { signal: controller.signal }); // ok
  const timeout = setTimeout(() => controller.abort(), ms);
  return promise.finally(() => clearTimeout(timeout));
}

// Forwarding a caller's signal: provenance unknown, not judged.
export async function getTrip(tripId, signal) {
  const res = await fetch(`https://trips.internal/v1/trips/${tripId}`, { signal }); // ok
  return res.json();
}

// Options passed through as an identifier: opaque.
export function passthrough(url, init) {
  return fetch(url, init); // ok
}

// Spread of caller options: opaque.
export function withAuth(url, options, token) {
  return fetch(url, { ...options, headers: { Authorization: `Bearer ${token}` } }); // ok
}

// A controller that is aborted by a timer, but its signal is never passed.
const orphanController = new AbortController();
export async function fetchPost() {
  const resp = await fetch('https://jsonplaceholder.typicode.com/posts/1'); // expect: require-timeout
  return resp.json();
}
setTimeout(() => {
  orphanController.abort();
}, 2000);

// The timer callback reads `controller.abort` but never calls it.
export const fetchWithBrokenTimeout = function (url, duration) {
  return new Promise((resolve, reject) => {
    const controller = new AbortController();
    const signal = controller.signal;
    let timerId = null;
    fetch(url, {
      signal, // expect: require-timeout
    })
      .then((resp) => resp.json().then((e) => { clearTimeout(timerId); resolve(e); }))
      .catch(reject);
    timerId = setTimeout(() => {
      controller.abort;
    }, duration);
  });
};

export async function registerWebhook(endpoint, secret) {
  const response = await fetch(endpoint, { // expect: require-timeout
    method: 'PUT',
    headers: { 'X-Signature': secret },
    body: JSON.stringify({ events: ['trip.completed'] }),
    keepalive: true,
  });
  if (!response.ok) throw new Error(`webhook registration failed: ${response.status}`);
}

export async function pingAll(urls) {
  return Promise.all(urls.map((u) => fetch(u, { method: 'HEAD' }))); // expect: require-timeout
}

export async function pingAllBounded(urls) {
  return Promise.all(urls.map((u) => fetch(u, { method: 'HEAD', signal: AbortSignal.timeout(1500) }))); // ok
}

export async function loadConfig() {
  const init = { headers: { Accept: 'application/json' } };
  const res = await fetch('https://config.internal/v2/flags', init); // expect: require-timeout
  return res.json();
}

export async function loadConfigBounded() {
  const init = { headers: { Accept: 'application/json' }, signal: AbortSignal.timeout(2000) };
  const res = await fetch('https://config.internal/v2/flags', init); // ok
  return res.json();
}
