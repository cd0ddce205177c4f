import { describe, expect, it } from 'vitest';
import { Deadline } from '../../packages/runtime/src/deadline.js';
import { ShedError } from '../../packages/runtime/src/errors.js';
import {
  AdmissionController,
  type AdmissionOptions,
  type Release,
} from '../../packages/runtime/src/server/admission-controller.js';
import { ManualClock } from '../../packages/runtime/src/testing.js';
import { ofType, recordEvents } from './helpers.js';

function setup(options: AdmissionOptions = {}) {
  const clock = new ManualClock();
  const { events, onEvent } = recordEvents();
  const admission = new AdmissionController({
    maxConcurrent: 2,
    maxQueue: 2,
    queueTimeoutMs: 100,
    retryAfterSeconds: 3,
    name: 'orders',
    clock,
    onEvent,
    ...options,
  });
  return { clock, events, admission };
}

async function fill(admission: AdmissionController, count: number): Promise<Release[]> {
  const releases: Release[] = [];
  for (let i = 0; i < count; i++) releases.push(await admission.admit());
  return releases;
}

describe('AdmissionController', () => {
  it('admits requests up to the concurrency limit at once', async () => {
    const { admission } = setup();
    await fill(admission, 2);
    expect(admission.inFlight).toBe(2);
  });

  it('queues a request beyond the limit until a slot is released', async () => {
    const { admission, clock } = setup();
    const [first] = await fill(admission, 2);
    let isAdmitted = false;
    const waiting = admission.admit().then(release => {
      isAdmitted = true;
      return release;
    });
    await clock.advance(10);
    expect(isAdmitted).toBe(false);
    first?.();
    await waiting;
    expect(isAdmitted).toBe(true);
  });

  it('admits queued requests in arrival order', async () => {
    const { admission, clock } = setup();
    const [first, second] = await fill(admission, 2);
    const order: string[] = [];
    const a = admission.admit().then(() => order.push('a'));
    const b = admission.admit().then(() => order.push('b'));
    await clock.advance(1);
    second?.();
    first?.();
    await Promise.all([a, b]);
    expect(order).toEqual(['a', 'b']);
  });

  it('refuses at once with queueFull when the queue is full', async () => {
    const { admission } = setup();
    await fill(admission, 2);
    void admission.admit().catch(() => undefined);
    void admission.admit().catch(() => undefined);
    await expect(admission.admit()).rejects.toMatchObject({
      name: 'ShedError',
      reason: 'queueFull',
      retryAfterSeconds: 3,
    });
  });

  it('refuses with queueTimeout when no slot frees within the queue timeout', async () => {
    const { admission, clock } = setup();
    await fill(admission, 2);
    const assertion = expect(admission.admit()).rejects.toMatchObject({ reason: 'queueTimeout' });
    await clock.advance(100);
    await assertion;
  });

  it('waits no longer than the request deadline when it is shorter than the queue timeout', async () => {
    const { admission, clock } = setup({ queueTimeoutMs: 1_000 });
    await fill(admission, 2);
    const deadline = Deadline.after(40, { clock });
    const assertion = expect(admission.admit({ deadline })).rejects.toBeInstanceOf(ShedError);
    await clock.advance(40);
    await assertion;
  });

  it('refuses at once with predictedWait when the service time says the wait would be too long', async () => {
    const { admission, clock } = setup({ maxConcurrent: 1, maxQueue: 10, queueTimeoutMs: 100 });
    const [slow] = await fill(admission, 1);
    await clock.advance(300);
    slow?.();
    await fill(admission, 1);
    await expect(admission.admit()).rejects.toMatchObject({ reason: 'predictedWait' });
  });

  it('queues when the expected wait fits the queue timeout', async () => {
    const { admission, clock } = setup({ maxConcurrent: 1, maxQueue: 10, queueTimeoutMs: 100 });
    const [fast] = await fill(admission, 1);
    await clock.advance(30);
    fast?.();
    await fill(admission, 1);
    void admission.admit().catch(() => undefined);
    expect(admission.queued).toBe(1);
  });

  it('refuses with reason deadline when the request arrives with no time left', async () => {
    const { admission, clock } = setup();
    await expect(admission.admit({ deadline: Deadline.after(0, { clock }) })).rejects.toMatchObject({
      reason: 'deadline',
    });
  });

  it('drops a queued request whose caller went away', async () => {
    const { admission, clock } = setup();
    await fill(admission, 2);
    const controller = new AbortController();
    const assertion = expect(admission.admit({ signal: controller.signal })).rejects.toBe('gone');
    await clock.advance(1);
    controller.abort('gone');
    await assertion;
    expect(admission.queued).toBe(0);
  });

  it('skips a request that left the queue when a slot frees', async () => {
    const { admission, clock } = setup();
    const [first] = await fill(admission, 2);
    const controller = new AbortController();
    void admission.admit({ signal: controller.signal }).catch(() => undefined);
    const next = admission.admit();
    await clock.advance(1);
    controller.abort('gone');
    first?.();
    await next;
    expect([admission.inFlight, admission.queued]).toEqual([2, 0]);
  });

  it('counts a release only once', async () => {
    const { admission } = setup();
    const [release] = await fill(admission, 1);
    release?.();
    release?.();
    expect(admission.inFlight).toBe(0);
  });

  it('reports the smoothed service time of finished requests', async () => {
    const { admission, clock } = setup();
    const [release] = await fill(admission, 1);
    await clock.advance(25);
    release?.();
    expect(admission.getServiceTimeMs()).toBe(25);
  });

  it('emits a shed event with the server name, reason and load', async () => {
    const { admission, events } = setup({ maxQueue: 0 });
    await fill(admission, 2);
    await expect(admission.admit()).rejects.toBeInstanceOf(ShedError);
    expect(ofType(events, 'shed')).toEqual([
      { type: 'shed', server: 'orders', reason: 'queueFull', inFlight: 2, queued: 0, retryAfterSeconds: 3 },
    ]);
  });

  it('grants a slot synchronously from tryAdmit while one is free', () => {
    const { admission } = setup();
    expect(typeof admission.tryAdmit()).toBe('function');
  });

  it('returns undefined from tryAdmit when the request would have to wait', async () => {
    const { admission } = setup();
    await fill(admission, 2);
    expect(admission.tryAdmit()).toBeUndefined();
  });

  it('returns a ShedError from tryAdmit when the queue is full', async () => {
    const { admission } = setup({ maxQueue: 0 });
    await fill(admission, 2);
    expect(admission.tryAdmit()).toMatchObject({ name: 'ShedError', reason: 'queueFull' });
  });

  it('returns a deadline ShedError from tryAdmit when no time is left', () => {
    const { admission } = setup();
    expect(admission.tryAdmit(0)).toMatchObject({ reason: 'deadline' });
  });

  it('queues up to half the concurrency limit by default', () => {
    expect(new AdmissionController({ maxConcurrent: 9 }).maxQueue).toBe(5);
  });

  it('throws on a concurrency limit below 1', () => {
    expect(() => new AdmissionController({ maxConcurrent: 0 })).toThrow(RangeError);
  });
});
