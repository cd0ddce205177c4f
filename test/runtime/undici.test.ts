// The abort-without-signal path of the fetch client, against a dispatcher double that records
// what undici would do. The integration tests drive the same code through Node's real fetch.
import { describe, expect, it } from 'vitest';
import { abortableDispatcher, getDispatcher } from '../../packages/runtime/src/client/undici.js';
import { Deadline } from '../../packages/runtime/src/deadline.js';
import { ManualClock } from '../../packages/runtime/src/testing.js';

interface RecordedHandler {
  onConnect?: (abort: (reason?: unknown) => void) => void;
  onComplete?: () => void;
  onError?: (error: unknown) => void;
}

/** A dispatcher that keeps the handler it was given, and a handler shaped like fetch's. */
function setup(): {
  target: { dispatch(options: object, handler: RecordedHandler): boolean; handler?: RecordedHandler };
  handler: RecordedHandler & { errors: unknown[]; isConnected: boolean };
  aborts: unknown[];
  connect(): void;
} {
  const aborts: unknown[] = [];
  const target: { dispatch(options: object, handler: RecordedHandler): boolean; handler?: RecordedHandler } =
    {
      dispatch(_options, given) {
        target.handler = given;
        return true;
      },
    };
  const handler = {
    errors: [] as unknown[],
    isConnected: false,
    onConnect() {
      handler.isConnected = true;
    },
    onComplete() {},
    onError(error: unknown) {
      handler.errors.push(error);
    },
  };
  // What undici does once the request gets a connection: hand the handler its abort function.
  const connect = (): void => target.handler?.onConnect?.(reason => aborts.push(reason));
  return { target, handler, aborts, connect };
}

describe('abortableDispatcher', () => {
  it('aborts the request in flight with the reason its source gives', async () => {
    const clock = new ManualClock();
    const deadline = Deadline.after(100, { clock });
    const { target, handler, aborts, connect } = setup();
    abortableDispatcher(target, deadline).dispatcher.dispatch({}, handler);
    connect();
    await clock.advance(100);
    expect(handler.isConnected).toBe(true);
    expect(aborts).toEqual([deadline.reason]);
  });

  it('aborts at once a request that gets its connection after the source fired', async () => {
    const clock = new ManualClock();
    const deadline = Deadline.after(100, { clock });
    const { target, handler, aborts, connect } = setup();
    abortableDispatcher(target, deadline).dispatcher.dispatch({}, handler);
    await clock.advance(100);
    expect(aborts).toEqual([]);
    connect();
    expect(aborts).toEqual([deadline.reason]);
  });

  it('leaves a completed request alone when the source fires later', async () => {
    const clock = new ManualClock();
    const deadline = Deadline.after(100, { clock });
    const { target, handler, aborts, connect } = setup();
    abortableDispatcher(target, deadline).dispatcher.dispatch({}, handler);
    connect();
    target.handler?.onComplete?.();
    await clock.advance(100);
    expect(aborts).toEqual([]);
  });

  it('stops listening to its source once disposed', async () => {
    const clock = new ManualClock();
    const deadline = Deadline.after(100, { clock });
    const { target, handler, aborts, connect } = setup();
    const { dispatcher, dispose } = abortableDispatcher(target, deadline);
    dispatcher.dispatch({}, handler);
    connect();
    dispose();
    await clock.advance(100);
    expect(aborts).toEqual([]);
  });

  it('still delivers errors to the handler it wrapped', () => {
    const { target, handler } = setup();
    abortableDispatcher(target, Deadline.after(100, { clock: new ManualClock() })).dispatcher.dispatch(
      {},
      handler,
    );
    const error = new Error('socket hang up');
    target.handler?.onError?.(error);
    expect(handler.errors).toEqual([error]);
  });

  it('uses the dispatcher given in the fetch options before the global one', () => {
    const given = { dispatch: () => true };
    expect(getDispatcher(given)).toBe(given);
  });

  // Last in this file: it switches the path off for the rest of the process (each test file runs
  // in its own process).
  it('switches itself off when undici hands it a handler it does not know', () => {
    const { target } = setup();
    const given = { dispatch: () => true };
    abortableDispatcher(target, Deadline.after(100, { clock: new ManualClock() })).dispatcher.dispatch(
      {},
      {},
    );
    expect(target.handler).toEqual({});
    expect(getDispatcher(given)).toBeUndefined();
  });
});
