// A React search box that races its backends and keeps a client-side timeout.

import { useState } from 'react';
import ky from 'ky';

function timeout(ms: number) {
  return new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timeout')), ms));
}

export function SearchBox() {
  const [hits, setHits] = useState<string[]>([]);

  async function onSearch(q: string) {
    const res = await Promise.race([ky.get('/api/search', { searchParams: { q } }).json<string[]>(), timeout(4000)]); // ok
    setHits(res);
  }

  async function onSuggest(q: string) {
    const res = await Promise.race([ky.get('/api/suggest/fast', { searchParams: { q } }).json<string[]>(), ky.get('/api/suggest/full', { searchParams: { q } }).json<string[]>()]); // expect: prefer-partial-availability
    setHits(res);
  }

  return (
    <div>
      <input onChange={(e) => onSuggest(e.target.value)} onKeyDown={(e) => e.key === 'Enter' && onSearch(e.currentTarget.value)} />
      <ul>{hits.map((h) => <li key={h}>{h}</li>)}</ul>
    </div>
  );
}
