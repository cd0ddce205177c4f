// An ESM cache invalidation script.

import got from 'got';

const paths = (await got('https://cms.internal/v1/changed-paths').json()).paths;

paths.forEach((p) => got.post('https://cdn.internal/v1/purge', { json: { path: p } })); // expect: no-unbounded-fanout

['/index.html', '/sitemap.xml'].forEach((p) => got.post('https://cdn.internal/v1/purge', { json: { path: p } })); // ok

for (const p of paths) {
  await got.post('https://search.internal/v1/reindex', { json: { path: p } }); // ok
}
