// React search box and report downloader using ky.
// Shapes adapted from TanStack-Query-style ky fetchers and ky README examples.

import { useEffect, useState } from 'react';
import ky from 'ky';

const api = ky.create({ prefixUrl: '/api', retry: 1 });

export function SearchBox() {
  const [q, setQ] = useState('');
  const [hits, setHits] = useState<string[]>([]);

  useEffect(() => {
    if (!q) return;
    const controller = new AbortController();
    api.get('search', { searchParams: { q }, signal: controller.signal }) // ok
      .json<string[]>()
      .then(setHits)
      .catch(() => undefined);
    return () => controller.abort();
  }, [q]);

  return (
    <label>
      Search <input value={q} onChange={(e) => setQ(e.target.value)} />
      <ul>{hits.map((h) => <li key={h}>{h}</li>)}</ul>
    </label>
  );
}

export function ReportButton({ year }: { year: number }) {
  const download = async () => {
    const blob = await api.get(`reports/${year}.pdf`, {
      timeout: false, // expect: require-timeout
    }).blob();
    window.open(URL.createObjectURL(blob));
  };
  return <button onClick={download}>Download {year}</button>;
}

export function Ping() {
  const [ms, setMs] = useState<number | null>(null);
  useEffect(() => {
    const t0 = performance.now();
    void ky.get('/api/ping').then(() => setMs(performance.now() - t0)); // ok
  }, []);
  return <small>{ms?.toFixed(0)} ms</small>;
}
