// React components that re-run a failed load with setTimeout.
// Shapes adapted from "retry after 3 s" effects in dashboard components and from build-status
// pollers that reschedule after every response.

import { useEffect, useState } from 'react';

type Quote = { symbol: string; price: number };
type Build = { id: string; state: 'queued' | 'running' | 'done' };

export function LiveTicker({ symbol }: { symbol: string }) {
  const [quote, setQuote] = useState<Quote | null>(null);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    async function load() { // expect: require-backoff
      try {
        const res = await fetch(`/api/tickers/${symbol}`);
        setQuote(await res.json());
      } catch {
        timer = setTimeout(load, 3000); // expect: require-backoff
      }
    }
    load();
    return () => clearTimeout(timer);
  }, [symbol]);

  return <strong>{quote ? `${quote.symbol} ${quote.price}` : '…'}</strong>;
}

export function BuildBadge({ id }: { id: string }) {
  const [build, setBuild] = useState<Build | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    // Polls after every answer, good or bad: not a retry.
    async function poll() {
      try {
        const res = await fetch(`/api/builds/${id}`);
        const next = (await res.json()) as Build;
        setBuild(next);
        if (next.state === 'done') return;
      } catch (e) {
        setError(String(e));
      }
      timer = setTimeout(poll, 2000); // ok
    }
    poll();
    return () => clearTimeout(timer);
  }, [id]);

  return <span title={error ?? undefined}>{build?.state ?? 'unknown'}</span>;
}

export function Avatar({ userId }: { userId: string }) {
  const [src, setSrc] = useState<string>('/placeholder.png');

  useEffect(() => {
    let attempt = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    // Bounded, capped, jittered: correct.
    async function resolve() {
      try {
        const res = await fetch(`/api/users/${userId}/avatar`);
        setSrc((await res.json()).url);
      } catch {
        if (++attempt > 4) return;
        timer = setTimeout(resolve, Math.min(5000, 300 * 2 ** attempt) * (0.5 + Math.random() / 2)); // ok
      }
    }
    resolve();
    return () => clearTimeout(timer);
  }, [userId]);

  return <img src={src} alt="" />;
}
