// A React search hook that aborts stale requests.
// Shape adapted from leolanese/React-abort-fetch-api-with-hooks (AbortController in useEffect).

import { useEffect, useState } from 'react';

async function loadResults(q: string, signal: AbortSignal) {
  const res = await fetch(`/api/search?q=${encodeURIComponent(q)}`, { signal }); // ok
  const extra = await fetch(`/api/search/related?q=${encodeURIComponent(q)}`); // expect: require-signal-propagation
  return { hits: await res.json(), related: await extra.json() };
}

export function useSearch(q: string) {
  const [data, setData] = useState<unknown>(null);
  useEffect(() => {
    const controller = new AbortController();
    loadResults(q, controller.signal).then(setData).catch(() => undefined);
    return () => controller.abort();
  }, [q]);
  return data;
}

export function SearchResults({ q }: { q: string }) {
  const data = useSearch(q);
  return <pre>{JSON.stringify(data)}</pre>;
}
