// A reindex CLI (ESM, top-level await) using the configured `pause`/`withJitter` helpers.

import got from 'got';
import { pause, withJitter } from '@acme/timing';

let running = true;
process.on('SIGTERM', () => {
  running = false;
});

// Top-level retry with a constant pause.
let mapping;
for (let attempt = 0; attempt < 5; attempt++) {
  try {
    mapping = await got('https://search.internal/v1/mapping').json();
    break;
  } catch {
    await pause(2000); // expect: require-backoff
  }
}

// Capped and jittered: correct.
let aliases;
for (let attempt = 0; attempt < 5; attempt++) {
  try {
    aliases = await got('https://search.internal/v1/aliases').json();
    break;
  } catch {
    await pause(withJitter(Math.min(8000, 250 * 2 ** attempt))); // ok
  }
}

// Recursive, linear, not jittered.
async function putDocument(doc, attempt = 1) {
  try {
    return await got.put(`https://search.internal/v1/docs/${doc.id}`, { json: doc });
  } catch (err) {
    if (attempt > 3) throw err;
    await pause(attempt * 300); // expect: require-backoff
    return putDocument(doc, attempt + 1);
  }
}

// A worker loop that pauses after every batch: not a retry.
while (running) {
  try {
    const batch = await got('https://search.internal/v1/queue?limit=100').json();
    for (const doc of batch) await putDocument(doc);
  } catch (err) {
    console.error('batch failed', err);
  }
  await pause(withJitter(1000)); // ok
}

// Unbounded and constant: two lines.
async function waitForCluster() {
  for (;;) { // expect: require-backoff
    try {
      return await got('https://search.internal/_cluster/health').json();
    } catch {
      await pause(5000); // expect: require-backoff
    }
  }
}

console.log(mapping, aliases, await waitForCluster());
