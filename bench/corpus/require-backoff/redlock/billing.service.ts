// A NestJS billing service holding Redlock in class fields.
// Shapes adapted from NestJS Redis lock providers and the `export const redlock = new Redlock(
// [redis as unknown as CompatibleRedisClient], { driftFactor: 0.01, retryCount: 3, … })` module
// returned by the code search.

import { Injectable } from '@nestjs/common';
import Redis from 'ioredis';
import Redlock from 'redlock';

const JITTER_MS = 0;

@Injectable()
export class BillingService {
  private readonly redis = new Redis(process.env.REDIS_URL as string);

  // Retries forever while another pod holds the invoice run.
  private readonly runLock = new Redlock([this.redis], {
    retryCount: -1, // expect: require-backoff
    retryDelay: 1000,
    retryJitter: 500,
  });

  // Jitter from a constant that is zero.
  private readonly ledgerLock = new Redlock([this.redis], {
    retryCount: 10,
    retryJitter: JITTER_MS, // expect: require-backoff
  });

  // Retry count from the environment: not judged.
  private readonly refundLock = new Redlock([this.redis], { retryCount: Number(process.env.REFUND_LOCK_RETRIES ?? 5) }); // ok

  async closePeriod(period: string) {
    const lock = await this.ledgerLock.acquire([`ledger:${period}`], 30_000, {
      retryJitter: 0, // expect: require-backoff
    });
    try {
      await this.redis.set(`ledger:${period}:closed`, '1');
    } finally {
      await lock.release();
    }
  }

  async runInvoices() {
    return this.runLock.using(['billing:invoice-run'], 60_000, async () => this.redis.incr('billing:runs'));
  }

  async refund(id: string) {
    return this.refundLock.using([`refund:${id}`], 5_000, async () => this.redis.del(`refund:${id}:pending`));
  }
}
