// mayChangeArgument: whether a call handed an options object may write into it, as both readers ask.
import { mayChangeArgument } from '@faultline/catalog';
import { describe, expect, it } from 'vitest';

describe('mayChangeArgument', () => {
  it('counts functions that write into what they are given, and any function of the project', () => {
    expect(mayChangeArgument({ called: 'assign', root: 'Object', rootFromPackage: false })).toBe(true);
    expect(mayChangeArgument({ called: 'merge', root: 'merge', rootFromPackage: true })).toBe(true);
    expect(mayChangeArgument({ called: 'merge', root: '_', rootFromPackage: true })).toBe(true);
    expect(
      mayChangeArgument({ called: 'applyTimeouts', root: 'applyTimeouts', rootFromPackage: false }),
    ).toBe(true);
    // `this.configure(config)`, `make()(config)`: a callee with no name to go by.
    expect(mayChangeArgument({ called: 'configure', rootFromPackage: false })).toBe(true);
    expect(mayChangeArgument({ rootFromPackage: false })).toBe(true);
  });

  it("leaves a package's other functions and globals that only read", () => {
    expect(mayChangeArgument({ called: 'connect', root: 'mongoose', rootFromPackage: true })).toBe(false);
    expect(mayChangeArgument({ called: 'stringify', root: 'JSON', rootFromPackage: false })).toBe(false);
    expect(mayChangeArgument({ called: 'log', root: 'console', rootFromPackage: false })).toBe(false);
    expect(mayChangeArgument({ called: 'freeze', root: 'Object', rootFromPackage: false })).toBe(false);
  });
});
