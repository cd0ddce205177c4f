// Pool / Client constructors from other packages next to one real pg pool.
// Shapes adapted from fernandes-dev/simple-discord-bot (discord.js Client), Snuni/6
// (pool options) and generic-pool / threads.js pools.

import { Client as Discord, GatewayIntentBits } from 'discord.js';
import { Pool as ThreadPool } from 'threads';
import { createPool } from 'generic-pool';
import pg from 'pg';

export const bot = new Discord({ intents: [GatewayIntentBits.Guilds] }); // ok

export const hashers = ThreadPool(() => import('./hash-worker.mjs'), 4); // ok

export const sockets = createPool({ create: async () => ({}), destroy: async () => undefined }, { max: 4 }); // ok

export const pgPool = new pg.Pool({ // expect: require-timeout
  database: 'postgres',
  max: 20,
  idleTimeoutMillis: 1000,
  connectionTimeoutMillis: 1000,
  maxUses: 7500,
});

// A local class that shadows the name.
class Pool {
  constructor(size) {
    this.size = size;
  }
}
export const buffers = new Pool(16); // ok
