// React data fetching with axios: cancel tokens (not a deadline) and timed signals.
// Shapes adapted from Sh3riff/References (useEffect-Cleanups.tsx) and
// a public useApiPost hook (axios.post in useCallback).

import { useCallback, useEffect, useState } from 'react';
import axios from 'axios';

type Stats = { users: number; orders: number };

export function Dashboard() {
  const [stats, setStats] = useState<Stats | null>(null);

  useEffect(() => {
    const source = axios.CancelToken.source();
    (async () => {
      try {
        const { data } = await axios.get<Stats>('/api/stats', { // expect: require-timeout
          cancelToken: source.token,
        });
        setStats(data);
      } catch (err) {
        if (axios.isCancel(err)) return; // ok
      }
    })();
    return () => source.cancel('unmounted');
  }, []);

  return <pre>{JSON.stringify(stats)}</pre>;
}

export function Orders() {
  const [orders, setOrders] = useState<unknown[]>([]);

  useEffect(() => {
    axios.get('/api/orders', { signal: AbortSignal.timeout(5000) }) // ok
      .then((res) => setOrders(res.data))
      .catch(() => setOrders([]));
  }, []);

  return <span>{orders.length}</span>;
}

export const useApiPost = () =>
  useCallback(
    (path: string, data?: Record<string, unknown>) =>
      axios.post(`${process.env.API_URL}/${path}`, data || {}, { // expect: require-timeout
        headers: { Authorization: 'token' },
      }),
    [],
  );

export function Search({ q }: { q: string }) {
  const [hits, setHits] = useState<string[]>([]);
  useEffect(() => {
    const run = async () => {
      const res = await axios.get<string[]>('/api/search', { params: { q }, timeout: 2500 }); // ok
      setHits(res.data);
    };
    void run();
  }, [q]);
  return <ol>{hits.map((h) => <li key={h}>{h}</li>)}</ol>;
}
