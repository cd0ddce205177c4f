// A React dashboard: the effect owns a controller and hands its signal to loaders.

import { useEffect, useState } from 'react';
import ky from 'ky';

async function loadStats(range: string, signal: AbortSignal) {
  return ky.get('/api/stats', { searchParams: { range }, signal }).json(); // ok
}

async function loadAlerts(signal?: AbortSignal) {
  return ky.get('/api/alerts', { signal }).json(); // ok
}

async function loadAll(range: string, signal: AbortSignal) {
  const stats = await loadStats(range, signal); // ok
  const alerts = await loadAlerts(); // expect: require-signal-propagation
  return { stats, alerts };
}

export function Dashboard({ range }: { range: string }) {
  const [data, setData] = useState<unknown>(null);
  useEffect(() => {
    const controller = new AbortController();
    loadAll(range, controller.signal).then(setData, () => undefined); // ok
    return () => controller.abort();
  }, [range]);
  return <pre>{JSON.stringify(data)}</pre>;
}
