// node-redis (`redis` v4/v5) clients in ESM modules. The bound belongs to createClient:
// it needs socket.socketTimeout. Shapes adapted from ryanpereira49/Book-Haven
// (server/helper/redis-client.js), AlexDelei/alx-backend (0-redis_client.js),
// ErsinCol/E-Commerce (server/clients/redis.js) and public redis-client modules with
// reconnectStrategy / connectTimeout settings.

import { createClient } from 'redis';
import { REDIS_URL } from '../config.js';

export const client = createClient(); // expect: require-timeout
client.on('error', (err) => console.log('[Redis]: ', err));
await client.connect();

export const chained = await createClient() // expect: require-timeout
  .on('error', (error) => console.log(`Redis client not connected to the server: ${error}`))
  .connect();

// connectTimeout bounds connecting only; `timeout` is not a node-redis socket option.
export const misconfigured = createClient({ // expect: require-timeout
  url: REDIS_URL,
  socket: {
    reconnectStrategy: false,
    connectTimeout: 5000,
    timeout: 5000,
  },
});

export const reconnecting = createClient({ // expect: require-timeout
  url: process.env.REDIS_URL || 'redis://localhost:6379',
  socket: {
    reconnectStrategy: (retries) => Math.min(retries * 50, 500),
  },
});

export const bounded = createClient({ // ok
  url: REDIS_URL,
  socket: {
    connectTimeout: 5_000,
    socketTimeout: 10_000,
    reconnectStrategy: (retries) => (retries > 10 ? new Error('Unable to connect to Redis') : Math.min(retries * 50, 3000)),
  },
});

// Options supplied by the caller: opaque.
export function connectWith(options) {
  return createClient(options); // ok
}

// Spread of a shared config: opaque.
const base = { url: REDIS_URL };
export const spread = createClient({ ...base, name: 'spread' }); // expect: require-timeout

// Socket options resolved from a local const.
const socketOptions = { connectTimeout: 2_000, socketTimeout: 4_000 };
export const fromConst = createClient({ url: REDIS_URL, socket: socketOptions }); // ok
