// A browser/Node search client (ESM) taking `{ signal }` options.
// Shapes adapted from search helpers with `async function search(query, { signal } = {})` and
// renamed destructuring (`{ signal: parentSignal }`).

const BASE = 'https://search.example.com';

export async function search(query, { signal } = {}) {
  const res = await fetch(`${BASE}/q?${new URLSearchParams({ query })}`); // expect: require-signal-propagation
  return res.json();
}

export async function suggest(query, { signal, limit = 5 } = {}) {
  const res = await fetch(`${BASE}/suggest?q=${encodeURIComponent(query)}&limit=${limit}`, { signal }); // ok
  return res.json();
}

export async function facets(query, { signal: parentSignal } = {}) {
  const counts = await fetch(`${BASE}/facets?q=${encodeURIComponent(query)}`, { signal: parentSignal }); // ok
  const labels = await fetch(`${BASE}/facets/labels`); // expect: require-signal-propagation
  return { counts: await counts.json(), labels: await labels.json() };
}

export async function track(event, { signal } = {}) {
  return fetch(`${BASE}/events`, { method: 'POST', body: JSON.stringify(event) }); // expect: require-signal-propagation
}

// No signal anywhere: not judged.
export async function health() {
  return fetch(`${BASE}/health`); // ok
}

// A local object with a `fetch` method is not the global fetch.
const store = { fetch: (key) => localStorage.getItem(key) };
export function recent({ signal } = {}) {
  return store.fetch('recent-searches'); // ok
}

// globalThis.fetch is still fetch.
export async function trending({ signal } = {}) {
  const res = await globalThis.fetch(`${BASE}/trending`); // expect: require-signal-propagation
  return res.json();
}
