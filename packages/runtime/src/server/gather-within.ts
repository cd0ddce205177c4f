/**
 * Partial availability: run independent parts of an answer and, when the deadline passes,
 * return what is ready plus the list of what is missing, rather than failing the whole answer
 * because one part was slow or down (Elasticsearch's `timed_out` results work the same way).
 */

import { systemClock, type Clock } from '../clock.js';
import { Deadline, type DeadlineInput } from '../deadline.js';
import { emitEvent, type EventListener } from '../events.js';

/** One part: it receives a signal that aborts at the deadline and should pass it to its I/O. */
export type GatherTask<T> = (signal: AbortSignal) => Promise<T>;

/** Options of {@link gatherWithin}. */
export interface GatherOptions {
  /** Name used in the `partial` event. Default `gather`. */
  name?: string;
  clock?: Clock;
  onEvent?: EventListener;
}

/** What {@link gatherWithin} returns. */
export interface GatherResult<R> {
  /** Values of the parts that succeeded in time. */
  results: Partial<R>;
  /** Parts without a value: still running at the deadline, or failed. */
  missing: (keyof R & string)[];
  /** Errors of the parts that failed (a subset of `missing`). */
  errors: Partial<Record<keyof R & string, unknown>>;
  /** Whether any part is missing. */
  isPartial: boolean;
}

/** The value types of a record of tasks. */
export type GatherValues<T extends Record<string, GatherTask<unknown>>> = {
  [K in keyof T]: Awaited<ReturnType<T[K]>>;
};

/**
 * Starts every task at once and resolves as soon as all have settled or the deadline passes,
 * whichever comes first. Tasks still running at the deadline see their signal abort and are
 * reported in `missing`; it never rejects because of a task.
 */
export function gatherWithin<T extends Record<string, GatherTask<unknown>>>(
  deadline: DeadlineInput,
  tasks: T,
  options: GatherOptions = {},
): Promise<GatherResult<GatherValues<T>>> {
  type Key = keyof T & string;
  const clock = options.clock ?? systemClock;
  // A bare signal of unknown expiry is itself the deadline, hence no fallback time.
  const limit = Deadline.resolve({ deadline }, Number.POSITIVE_INFINITY, clock);
  const keys = Object.keys(tasks) as Key[];
  const results: Partial<GatherValues<T>> = {};
  const errors: Partial<Record<Key, unknown>> = {};
  const finished = new Set<Key>();

  return new Promise(resolve => {
    let isDone = false;
    const done = (): void => {
      if (isDone) return;
      isDone = true;
      limit.signal.removeEventListener('abort', done);
      const missing = keys.filter(key => !(key in results));
      const failed = Object.keys(errors).length;
      if (missing.length > 0) {
        emitEvent(options.onEvent, {
          type: 'partial',
          name: options.name ?? 'gather',
          total: keys.length,
          missing: missing.length,
          failed,
        });
      }
      resolve({ results: { ...results }, missing, errors: { ...errors }, isPartial: missing.length > 0 });
    };
    if (limit.signal.aborted || keys.length === 0) {
      done();
      return;
    }
    limit.signal.addEventListener('abort', done, { once: true });
    for (const key of keys) {
      const settle = (isSuccess: boolean, value: unknown): void => {
        if (isDone) return;
        if (isSuccess) (results as Record<string, unknown>)[key] = value;
        else (errors as Record<string, unknown>)[key] = value;
        finished.add(key);
        if (finished.size === keys.length) {
          limit.dispose();
          done();
        }
      };
      let promise: Promise<unknown>;
      try {
        promise = tasks[key]!(limit.signal);
      } catch (error) {
        promise = Promise.reject(error);
      }
      Promise.resolve(promise).then(
        value => settle(true, value),
        (error: unknown) => settle(false, error),
      );
    }
  });
}
