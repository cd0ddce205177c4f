/**
 * Runtime events. Every event is a flat object of strings, numbers and booleans plus a `type`,
 * so `const { type, ...attributes } = event` gives attributes that an OpenTelemetry counter or
 * histogram and a prom-client label set accept as they are.
 */

import type { ShedReason } from './errors.js';

/** States of a circuit breaker. */
export type BreakerState = 'closed' | 'open' | 'halfOpen';

/** One attempt of a call finished. `durationMs` feeds a latency histogram. */
export interface AttemptEvent {
  type: 'attempt';
  client: string;
  operation?: string;
  /** 1 for the first attempt, 2 for the first retry or hedge, and so on. */
  attempt: number;
  isHedge: boolean;
  /** `cancelled` when the attempt lost a hedge race or the caller gave up; it says nothing about the server. */
  outcome: 'success' | 'failure' | 'cancelled';
  /** HTTP status, when the attempt got a response. */
  status?: number;
  /** The error's `name` for failures, e.g. `HttpStatusError` or `TypeError`. */
  error?: string;
  durationMs: number;
}

/** A retry was scheduled after `delayMs` milliseconds. */
export interface RetryEvent {
  type: 'retry';
  client: string;
  operation?: string;
  /** The number the retry attempt will have. */
  attempt: number;
  delayMs: number;
  /** The status or error name that made the retry necessary. */
  reason: string;
  /** Whether the delay came from the server's Retry-After rather than from backoff alone. */
  isRetryAfter: boolean;
}

/** The retry budget refused a retry or a hedge. */
export interface BudgetExhaustedEvent {
  type: 'budgetExhausted';
  client: string;
  operation?: string;
  purpose: 'retry' | 'hedge';
}

/** A circuit breaker moved between states. */
export interface BreakerStateChangeEvent {
  type: 'breakerStateChange';
  client: string;
  from: BreakerState;
  to: BreakerState;
}

/** A hedged attempt was sent because the earlier ones were slower than `delayMs`. */
export interface HedgeEvent {
  type: 'hedge';
  client: string;
  operation?: string;
  attempt: number;
  delayMs: number;
}

/** Admission control refused a request. */
export interface ShedEvent {
  type: 'shed';
  server: string;
  reason: ShedReason;
  inFlight: number;
  queued: number;
  retryAfterSeconds: number;
}

/** `gatherWithin` returned without some of its parts. */
export interface PartialEvent {
  type: 'partial';
  name: string;
  total: number;
  missing: number;
  failed: number;
}

/** Everything the runtime reports. */
export type RuntimeEvent =
  | AttemptEvent
  | RetryEvent
  | BudgetExhaustedEvent
  | BreakerStateChangeEvent
  | HedgeEvent
  | ShedEvent
  | PartialEvent;

/** Receives runtime events; see docs/runtime.md for OpenTelemetry and prom-client wiring. */
export type EventListener = (event: RuntimeEvent) => void;

/**
 * Delivers `event` to `listener`. A listener that throws is ignored on purpose: a broken metrics
 * hook must never turn a successful call into a failed one.
 */
export function emitEvent(listener: EventListener | undefined, event: RuntimeEvent): void {
  if (listener === undefined) return;
  try {
    listener(event);
  } catch {
    // Deliberately swallowed, see above.
  }
}
