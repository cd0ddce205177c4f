// A React status badge that races its request against a timer.
// Shape adapted from public "withTimeout(promise, ms)" React helpers ('use client' utils).

import { useEffect, useState } from 'react';
import { withTimeout } from '@/lib/with-timeout';

const timeout = (ms: number) => new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timeout')), ms));

export function StatusBadge({ service }: { service: string }) {
  const [state, setState] = useState<'up' | 'down' | 'unknown'>('unknown');

  useEffect(() => {
    withTimeout(fetch(`/api/status/${service}`), 3000) // ok
      .then((r) => setState(r.ok ? 'up' : 'down'))
      .catch(() => setState('down'));
  }, [service]);

  useEffect(() => {
    Promise.race([fetch(`/api/incidents/${service}`), timeout(3000)]) // ok
      .then(() => undefined)
      .catch(() => undefined);
  }, [service]);

  useEffect(() => {
    fetch(`/api/uptime/${service}`) // expect: require-timeout
      .then((r) => r.json())
      .catch(() => undefined);
  }, [service]);

  return <span data-state={state}>{service}</span>;
}
