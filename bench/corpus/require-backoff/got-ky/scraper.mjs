// A scraper CLI (ESM) with per-call got retry objects.
// Shapes adapted from got call sites with `retry: { limit }` returned by the code search and the
// got "Retry API" documentation examples.

import got from 'got';

// No retry object: got's defaults are not judged.
const home = await got('https://news.example.com/').text(); // ok

// Five got retries: the last wait is 16 s, noise is on by default: correct.
const feed = await got('https://news.example.com/feed.json', { retry: { limit: 5 } }).json(); // ok

// Six retries: the last wait is 32 s with no backoffLimit.
const archive = await got('https://news.example.com/archive.json', { // expect: require-backoff
  retry: { limit: 6 },
}).json();

// Unbounded, capped.
const live = await got('https://news.example.com/live.json', {
  retry: {
    limit: Infinity, // expect: require-backoff
    backoffLimit: 5000,
  },
}).json();

// A POST with a small retry object: correct for this rule.
await got.post('https://news.example.com/api/visits', { json: { n: home.length }, retry: { limit: 2 } }); // ok

// got.paginate with a retry object and no cap.
for await (const item of got.paginate('https://news.example.com/api/items', { retry: { limit: 12 } })) { // expect: require-backoff
  console.log(item);
}

console.log(feed, archive, live);
