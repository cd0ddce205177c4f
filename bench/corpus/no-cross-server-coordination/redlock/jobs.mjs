// ESM job runner: Redlock in a module and in a class field, plus a local class named Redlock.
// Shapes adapted from the `export const redlock = new Redlock([redisClient], { … })` module with an
// `on('error')` listener returned by the code search, and test fakes of Redlock.

import Redlock from 'redlock';
import { redisClient } from './redisClient.js';

export const redlock = new Redlock([redisClient], { // expect: no-cross-server-coordination
  driftFactor: 0.01,
  retryCount: 5,
  retryDelay: 200,
  retryJitter: 200,
});

export class ReportScheduler {
  #lock = new Redlock([redisClient], { retryCount: 0 }); // expect: no-cross-server-coordination

  async run(job) {
    return this.#lock.using([`reports:${job.id}`], 30_000, async () => job.execute());
  }
}

// A test double with the same name, declared in this file.
class FakeRedlock {
  async acquire() {
    return { release: async () => undefined };
  }
}
export const fakeLock = new FakeRedlock(); // ok

export function logLockStats(stats) {
  console.log(`redlock: ${stats.acquired} locks acquired, ${stats.failed} failed`); // ok
}
