// React search panel using ky with retry objects.
// Shapes adapted from mr-mashanlo/todo-client (src/shared/libs/ky.ts: `ky.create({ …, retry: {
// limit: 1, statusCodes, methods } })`) and a `defaultRetry: KyRetryOptions` const passed to
// `ky.create({ throwHttpErrors: true, retry: defaultRetry })` (code search).

import { useEffect, useState } from 'react';
import ky, { type Options as KyOptions } from 'ky';

type KyRetryOptions = NonNullable<KyOptions['retry']>;

export const defaultRetry: KyRetryOptions = {
  limit: 2,
  statusCodes: [408, 429, 500, 502, 503, 504],
};

// Resolved from the const: no jitter.
const client = ky.create({ throwHttpErrors: true, retry: defaultRetry }); // expect: require-backoff

// Jittered and capped: correct.
const suggest = ky.create({ prefixUrl: '/api/suggest', retry: { limit: 2, jitter: true, backoffLimit: 3000 } }); // ok

// limit 0: no retries.
const telemetry = ky.create({ prefixUrl: '/api/telemetry', retry: { limit: 0, methods: ['post'] } }); // ok

export function SearchPanel() {
  const [q, setQ] = useState('');
  const [hits, setHits] = useState<string[]>([]);

  useEffect(() => {
    if (!q) return;
    // A jitter function: correct.
    ky.get('/api/search', { searchParams: { q }, retry: { limit: 3, jitter: (d: number) => d * (0.5 + Math.random()) } }) // ok
      .json<string[]>()
      .then(setHits);
    // Ten ky retries with no backoffLimit: 153 s at the end.
    ky.get('/api/search/facets', { searchParams: { q }, retry: { limit: 10, jitter: true } }) // expect: require-backoff
      .json()
      .then(() => undefined);
    suggest.get('', { searchParams: { q } });
    client.get('/api/search/history');
    telemetry.post('', { json: { q } });
  }, [q]);

  return (
    <div>
      <input value={q} onChange={(e) => setQ(e.target.value)} />
      <ul>{hits.map((h) => <li key={h}>{h}</li>)}</ul>
    </div>
  );
}
