// Other libraries' createClient factories, next to one real node-redis client.
// Shapes adapted from Supabase, Contentful, graphql-ws and webdav client setup modules,
// and a public `redisClient = createClient({ url, socket: { reconnectStrategy } } as any)` module.

import { createClient as createSupabase } from '@supabase/supabase-js';
import { createClient as createContentful } from 'contentful';
import { createClient as createWsClient } from 'graphql-ws';
import { createClient as createWebdav } from 'webdav';
import { createClient } from 'redis';

export const supabase = createSupabase(process.env.SUPABASE_URL!, process.env.SUPABASE_ANON_KEY!); // ok

export const contentful = createContentful({ space: 'abc', accessToken: 'token' }); // ok

export const ws = createWsClient({ url: 'wss://api.example.com/graphql' }); // ok

export const dav = createWebdav('https://dav.example.com', { username: 'u', password: 'p' }); // ok

export const redisClient = createClient({ // expect: require-timeout
  url: process.env.REDIS_URL || 'redis://localhost:6379',
  socket: {
    reconnectStrategy: (retries: number) => Math.min(retries * 50, 500),
  },
} as any);

export const redisBounded = createClient({ // ok
  url: process.env.REDIS_URL,
  socket: { socketTimeout: 2_000 },
});

// A local factory with the same name shape.
function createClientStub(name: string) {
  return { name, get: async (_k: string) => null };
}
export const stub = createClientStub('cache'); // ok
