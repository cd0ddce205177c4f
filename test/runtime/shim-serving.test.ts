// The serving mark: a service's process pins its library's shim to local. Two copies of the runtime
// in one process agree, because the mark lives on globalThis under a registered symbol.
import { describe, expect, it } from 'vitest';

import { isServing, markServing } from '../../packages/runtime/src/shim/index.js';

describe('markServing / isServing', () => {
  it('marks a service for the whole process, and only that service', () => {
    expect(isServing('serving-test-a')).toBe(false);
    markServing('serving-test-a');
    expect(isServing('serving-test-a')).toBe(true);
    expect(isServing('serving-test-b')).toBe(false);
  });

  it('is shared by another copy of the runtime through the registered symbol', () => {
    markServing('serving-test-c');
    const marks = (globalThis as Record<symbol, unknown>)[Symbol.for('faultline.shim.serving')];
    expect(marks).toBeInstanceOf(Set);
    expect((marks as Set<string>).has('serving-test-c')).toBe(true);
  });
});
