// An ESM sync step that receives an AbortSignal from its CLI runner.

import got from 'got';
import ky from 'ky';

export async function syncCatalog(cancelSignal) {
  const items = await got('https://catalog.internal/v1/items', { signal: cancelSignal }).json(); // ok
  const deleted = await ky.get('https://catalog.internal/v1/deleted').json(); // expect: require-signal-propagation
  await ky.post('https://search.internal/v1/reindex', { json: { items, deleted }, signal: cancelSignal }); // ok
  return items.length;
}
