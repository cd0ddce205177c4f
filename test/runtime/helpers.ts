// Shared fixtures for runtime tests: failures shaped like the fetch client's, and an event recorder.
import { HttpStatusError } from '../../packages/runtime/src/errors.js';
import type { RuntimeEvent } from '../../packages/runtime/src/events.js';

export function statusError(status: number, retryAfterMs?: number): HttpStatusError {
  return new HttpStatusError(`HTTP ${status}`, {
    status,
    headers: new Headers(),
    bodyText: '',
    retryAfterMs,
  });
}

export function connectionRefused(): TypeError {
  const cause = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' });
  return new TypeError('fetch failed', { cause });
}

export function recordEvents(): { events: RuntimeEvent[]; onEvent: (event: RuntimeEvent) => void } {
  const events: RuntimeEvent[] = [];
  return { events, onEvent: event => events.push(event) };
}

export function ofType<T extends RuntimeEvent['type']>(
  events: readonly RuntimeEvent[],
  type: T,
): Extract<RuntimeEvent, { type: T }>[] {
  return events.filter((event): event is Extract<RuntimeEvent, { type: T }> => event.type === type);
}
