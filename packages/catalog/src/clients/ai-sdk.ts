// The AI SDK (`ai`): `generateText`, `streamText` and their kin send the provider request through
// the provider's fetch, the global one unless the provider was made with its own, and set no
// deadline of their own. A call is bounded by `timeout` (ms, or `{ totalMs | stepMs }`) or by an
// `abortSignal` that a timer aborts.
import { type ClientFamily, call } from '../build.js';
import type { JudgeInput } from '../facts.js';
import { getProp, isNoneValue, judgeSignal, missingOrUnknown } from '../summary.js';
import type { Verdict } from '../types.js';

function decideAiSdk(input: JudgeInput): Verdict {
  const options = input.options;
  if (options.kind !== 'object')
    return options.kind === 'absent' ? { status: 'missing' } : { status: 'unknown' };
  const fromSignal = judgeSignal(getProp(options, 'abortSignal'));
  if (fromSignal?.status === 'bounded' || fromSignal?.status === 'unknown') return fromSignal;
  const timeout = getProp(options, 'timeout');
  if (timeout && !isNoneValue(timeout.value)) {
    // `{ chunkMs }` alone bounds the wait between chunks, not the request.
    if (timeout.value.kind !== 'object') return { status: 'bounded' };
    if (getProp(timeout.value, 'totalMs') || getProp(timeout.value, 'stepMs') || timeout.value.hasSpread)
      return { status: 'bounded' };
  }
  return fromSignal ?? missingOrUnknown(options.hasSpread);
}

const CALLS = ['generateText', 'streamText', 'generateObject', 'streamObject', 'embed', 'embedMany'];

export const aiSdkFamily: ClientFamily = {
  family: {
    id: 'ai-sdk',
    label: 'the AI SDK',
    reportAt: 'call',
    fix: 'pass `timeout: ms` (or `abortSignal: AbortSignal.timeout(ms)`) in the call’s options',
    // Providers send through the global fetch unless made with a `fetch` of their own.
    hang: 'waits until the provider’s fetch gives up, if it ever does (the global fetch on Node: 5 minutes with no response headers; a stream that trickles holds it longer)',
  },
  modules: {
    ai: Object.fromEntries(CALLS.map(name => [name, call('ai-sdk', { at: 0 })])),
  },
  decide: decideAiSdk,
};
