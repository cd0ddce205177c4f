/**
 * Admission control: a concurrency limit plus a bounded FIFO queue with a queue timeout. Work
 * that cannot start in time is refused at once, so an overloaded server answers the excess with
 * a cheap 503 + Retry-After and keeps serving what it accepted at normal latency, instead of
 * queueing everything until every request times out (Amazon Builders' Library, "Using load
 * shedding to avoid overload").
 */

import { systemClock, type Clock } from '../clock.js';
import type { Deadline } from '../deadline.js';
import { ShedError, type ShedReason } from '../errors.js';
import { emitEvent, type EventListener } from '../events.js';

/** Admission control parameters. */
export interface AdmissionOptions {
  /** Requests served at the same time. Default 64. */
  maxConcurrent?: number;
  /**
   * Requests that may wait for a slot. Default: half of `maxConcurrent` (rounded up). A full FIFO
   * queue of n waiters drains in about n / maxConcurrent service times, so this keeps the wait of
   * an accepted request to about half a service time (accepted latency ≤ ~1.5× unloaded) while
   * still absorbing the arrival bursts that would leave slots idle with no queue at all.
   */
  maxQueue?: number;
  /** Longest wait for a slot, in milliseconds. Default 250. */
  queueTimeoutMs?: number;
  /** `Retry-After` sent with refusals, in whole seconds. Default 1. */
  retryAfterSeconds?: number;
  /** Name used in events. Default `server`. */
  name?: string;
  clock?: Clock;
  onEvent?: EventListener;
}

/** What a request brings to admission: its deadline and its cancellation. */
export interface AdmitOptions {
  deadline?: Deadline;
  signal?: AbortSignal;
}

/** Gives a slot back; calling it more than once is harmless. */
export type Release = () => void;

interface Waiter {
  resolve: (release: Release) => void;
  reject: (error: unknown) => void;
  cancelTimer: () => void;
  detach: () => void;
  isGone: boolean;
}

// Smoothing of the service-time estimate: about the last 20 requests.
const EWMA_WEIGHT = 0.05;

/** A concurrency limiter with a bounded queue that refuses early instead of queueing late. */
export class AdmissionController {
  readonly maxConcurrent: number;
  readonly maxQueue: number;
  readonly queueTimeoutMs: number;
  readonly retryAfterSeconds: number;
  readonly name: string;
  readonly #clock: Clock;
  readonly #onEvent: EventListener | undefined;
  readonly #queue: Waiter[] = [];
  #queueHead = 0;
  // Live waiters; the array may also hold waiters that already left, until they reach the head.
  #waiting = 0;
  #inFlight = 0;
  #serviceMs: number | undefined;

  constructor(options: AdmissionOptions = {}) {
    this.maxConcurrent = options.maxConcurrent ?? 64;
    this.maxQueue = options.maxQueue ?? Math.ceil(this.maxConcurrent / 2);
    this.queueTimeoutMs = options.queueTimeoutMs ?? 250;
    this.retryAfterSeconds = options.retryAfterSeconds ?? 1;
    if (!(Number.isInteger(this.maxConcurrent) && this.maxConcurrent >= 1))
      throw new RangeError('maxConcurrent must be an integer >= 1');
    if (!(Number.isInteger(this.maxQueue) && this.maxQueue >= 0))
      throw new RangeError('maxQueue must be an integer >= 0');
    if (!(this.queueTimeoutMs >= 0)) throw new RangeError('queueTimeoutMs must be >= 0');
    this.name = options.name ?? 'server';
    this.#clock = options.clock ?? systemClock;
    this.#onEvent = options.onEvent;
  }

  /** Requests holding a slot. */
  get inFlight(): number {
    return this.#inFlight;
  }

  /** Requests waiting for a slot. */
  get queued(): number {
    return this.#waiting;
  }

  /** The smoothed time a request holds its slot, in milliseconds; undefined before any request finished. */
  getServiceTimeMs(): number | undefined {
    return this.#serviceMs;
  }

  /**
   * Decides at once, without allocating anything for the request: a slot (the function that
   * gives it back), a refusal ({@link ShedError}, returned rather than thrown so the hot path
   * stays cheap), or `undefined` when the request would have to wait, in which case call
   * {@link AdmissionController.admit}. `remainingMs` is the time the caller has left.
   */
  tryAdmit(remainingMs = Number.POSITIVE_INFINITY): Release | ShedError | undefined {
    if (remainingMs <= 0) return this.#shed('deadline');
    if (this.#inFlight < this.maxConcurrent && this.queued === 0) return this.#grant();
    if (this.queued >= this.maxQueue) return this.#shed('queueFull');
    // With a service-time estimate, a request that would time out in the queue is refused now,
    // when a refusal is still cheap and the caller can still try elsewhere.
    if (this.#serviceMs !== undefined) {
      const waitLimitMs = Math.min(this.queueTimeoutMs, remainingMs);
      // Slots free up at maxConcurrent per service time, so position n waits about (n + 1) / maxConcurrent of one.
      const expectedWaitMs = ((this.queued + 1) / this.maxConcurrent) * this.#serviceMs;
      if (expectedWaitMs > waitLimitMs) return this.#shed('predictedWait');
    }
    return undefined;
  }

  /**
   * Waits for a slot and resolves with the function that gives it back. Rejects with
   * {@link ShedError} at once when the queue is full, when the expected wait exceeds the queue
   * timeout or the request's remaining deadline, or when the deadline already passed; rejects
   * after waiting when the queue timeout passes first; rejects with the signal's reason when the
   * caller goes away while queued.
   */
  admit(options: AdmitOptions = {}): Promise<Release> {
    const { deadline, signal } = options;
    if (signal?.aborted) return Promise.reject(signal.reason);
    const remainingMs = deadline?.remainingMs() ?? Number.POSITIVE_INFINITY;
    const decision = this.tryAdmit(remainingMs);
    if (decision instanceof ShedError) return Promise.reject(decision);
    if (decision !== undefined) return Promise.resolve(decision);
    const waitLimitMs = Math.min(this.queueTimeoutMs, remainingMs);
    return new Promise<Release>((resolve, reject) => {
      const waiter: Waiter = { resolve, reject, cancelTimer: () => {}, detach: () => {}, isGone: false };
      const leave = (error: unknown): void => {
        if (waiter.isGone) return;
        waiter.isGone = true;
        this.#waiting -= 1;
        waiter.cancelTimer();
        waiter.detach();
        reject(error);
        this.#compact();
      };
      waiter.cancelTimer = this.#clock.setTimer(() => leave(this.#shed('queueTimeout')), waitLimitMs);
      if (signal !== undefined) {
        const onAbort = (): void => leave(signal.reason);
        signal.addEventListener('abort', onAbort, { once: true });
        waiter.detach = () => signal.removeEventListener('abort', onAbort);
      }
      this.#queue.push(waiter);
      this.#waiting += 1;
    });
  }

  #grant(): Release {
    this.#inFlight += 1;
    const started = this.#clock.now();
    let isReleased = false;
    return () => {
      if (isReleased) return;
      isReleased = true;
      this.#inFlight -= 1;
      const heldMs = this.#clock.now() - started;
      this.#serviceMs =
        this.#serviceMs === undefined ? heldMs : this.#serviceMs + EWMA_WEIGHT * (heldMs - this.#serviceMs);
      this.#dispatch();
    };
  }

  #dispatch(): void {
    while (this.#inFlight < this.maxConcurrent && this.#queueHead < this.#queue.length) {
      const waiter = this.#queue[this.#queueHead]!;
      this.#queueHead += 1;
      if (waiter.isGone) continue;
      waiter.isGone = true;
      this.#waiting -= 1;
      waiter.cancelTimer();
      waiter.detach();
      waiter.resolve(this.#grant());
    }
    this.#compact();
  }

  // Waiters that left (timeout, cancel) stay in the array until they reach the head; this skips
  // them and reclaims the consumed prefix in batches, keeping both enqueue and dispatch O(1).
  #compact(): void {
    while (this.#queueHead < this.#queue.length && this.#queue[this.#queueHead]!.isGone) this.#queueHead += 1;
    if (this.#queueHead > 0 && (this.#queueHead >= 1024 || this.#queueHead === this.#queue.length)) {
      this.#queue.splice(0, this.#queueHead);
      this.#queueHead = 0;
    }
  }

  #shed(reason: ShedReason): ShedError {
    const messages: Record<ShedReason, string> = {
      queueFull: `all ${this.maxConcurrent} slots busy and ${this.maxQueue} requests already queued`,
      queueTimeout: `no slot freed within the queue timeout`,
      predictedWait: `expected wait exceeds the queue timeout or the request's deadline`,
      deadline: `the request's deadline passed before it was admitted`,
    };
    emitEvent(this.#onEvent, {
      type: 'shed',
      server: this.name,
      reason,
      inFlight: this.#inFlight,
      queued: this.queued,
      retryAfterSeconds: this.retryAfterSeconds,
    });
    return new ShedError(`Request refused by "${this.name}": ${messages[reason]}`, {
      reason,
      retryAfterSeconds: this.retryAfterSeconds,
    });
  }
}
