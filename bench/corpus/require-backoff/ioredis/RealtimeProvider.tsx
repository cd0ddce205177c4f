// A server component provider that opens an ioredis subscriber (Next.js, TSX).
// Shape adapted from `retryStrategy: (times) => Math.min(times * 100, 3000)` configs returned by
// the code search.

import Redis from 'ioredis';
import type { ReactNode } from 'react';

const subscriber = new Redis(process.env.REDIS_URL as string, {
  lazyConnect: true,
  retryStrategy: (times) => Math.min(times * 100, 3000), // expect: require-backoff
});

const presence = new Redis(process.env.REDIS_URL as string, {
  lazyConnect: true,
  retryStrategy: (times) => Math.min(times * 100, 3000) * (0.8 + Math.random() * 0.4), // ok
});

export default async function RealtimeProvider({ children }: { children: ReactNode }) {
  await subscriber.connect();
  const online = await presence.scard('online');
  return <section data-online={online}>{children}</section>;
}
