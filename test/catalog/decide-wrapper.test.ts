// The catalog's decisions about request wrappers, their call sites, clients that leave their file
// and callees chosen between two clients, over plain facts (no AST): what both readers rely on.
import {
  type CatalogValue,
  type DeadlineCarrier,
  type Summary,
  type WrapperRequestFacts,
  chosenClient,
  decideDeadlineCarrier,
  decideEscapingClient,
  givesDeadline,
  isRequestWrapperName,
} from '@faultline/catalog';
import { describe, expect, it } from 'vitest';

const request = (facts: Partial<WrapperRequestFacts>): WrapperRequestFacts => ({
  line: 1,
  options: 'object',
  hasSpread: false,
  hasSignal: false,
  guarded: false,
  ...facts,
});
const carrier: DeadlineCarrier = { index: 1, key: 'timeout', request: 'fetch', line: 3 };
const object = (keys: Record<string, Summary>, hasSpread = false): Summary => ({
  kind: 'object',
  props: new Map(Object.entries(keys).map(([key, value]) => [key, { value }])),
  hasSpread,
});
const http = (module: string): CatalogValue<undefined> => ({ kind: 'module', module, path: [] });

describe('decideDeadlineCarrier', () => {
  it('finds the caller’s parameter when every request takes its signal from it', () => {
    expect(
      decideDeadlineCarrier({
        requests: [request({ line: 4, hasSignal: true, signal: { index: 1, key: 'timeout' } })],
      }),
    ).toEqual({ index: 1, key: 'timeout', request: 'fetch', line: 4 });
  });

  it('finds none when one request is bounded in the wrapper, has no signal, or options built elsewhere', () => {
    const taken = request({ hasSignal: true, signal: { index: 1, key: 'timeout' } });
    expect(decideDeadlineCarrier({ requests: [taken, request({ hasSignal: true, signal: null })] })).toBe(
      undefined,
    );
    expect(decideDeadlineCarrier({ requests: [taken, request({})] })).toBe(undefined);
    expect(decideDeadlineCarrier({ requests: [request({ options: 'other' })] })).toBe(undefined);
    expect(decideDeadlineCarrier({ requests: [] })).toBe(undefined);
  });

  it('finds the guard’s option when the unguarded requests send the caller’s options on', () => {
    const facts = {
      guard: { index: 1, key: 'timeout' },
      requests: [
        request({ line: 3, guarded: true, hasSignal: true, signal: null }),
        request({ line: 5, hasSpread: true }),
      ],
    };
    expect(decideDeadlineCarrier(facts)).toEqual({
      index: 1,
      key: 'timeout',
      alsoKey: 'signal',
      request: 'fetch',
      line: 5,
    });
    // The other request takes nothing from the caller: unbounded in itself, not the caller's to fix.
    expect(
      decideDeadlineCarrier({ ...facts, requests: [facts.requests[0] as WrapperRequestFacts, request({})] }),
    ).toBe(undefined);
  });
});

describe('givesDeadline', () => {
  it('is false for a missing argument or an object literal without the key', () => {
    expect(givesDeadline({ carrier, spreadArguments: false, argument: { kind: 'absent' } })).toBe(false);
    expect(
      givesDeadline({
        carrier,
        spreadArguments: false,
        argument: { kind: 'object', keys: ['headers'], open: false },
      }),
    ).toBe(false);
  });

  it('is true for the key, a spread or computed key, a variable, or spread arguments', () => {
    const given = (
      argument: Parameters<typeof givesDeadline>[0]['argument'],
      spreadArguments = false,
    ): boolean => givesDeadline({ carrier, spreadArguments, argument });
    expect(given({ kind: 'object', keys: ['timeout'], open: false })).toBe(true);
    expect(given({ kind: 'object', keys: [], open: true })).toBe(true);
    expect(given({ kind: 'other' })).toBe(true);
    expect(given({ kind: 'absent' }, true)).toBe(true);
    expect(given({ kind: 'object', keys: ['signal'], open: false })).toBe(false);
    expect(
      givesDeadline({
        carrier: { ...carrier, alsoKey: 'signal' },
        spreadArguments: false,
        argument: { kind: 'object', keys: ['signal'], open: false },
      }),
    ).toBe(true);
  });

  it('treats `undefined` for a positional carrier as no deadline', () => {
    const positional: DeadlineCarrier = { index: 1, name: 'signal', request: 'fetch', line: 2 };
    expect(
      givesDeadline({ carrier: positional, spreadArguments: false, argument: { kind: 'undefined' } }),
    ).toBe(false);
    expect(givesDeadline({ carrier: positional, spreadArguments: false, argument: { kind: 'other' } })).toBe(
      true,
    );
  });
});

describe('decideEscapingClient', () => {
  const facts = {
    family: 'axios' as const,
    fromInstance: false,
    leavesFile: true,
    processDefault: false,
    client: { family: 'axios' as const, options: object({ baseURL: { kind: 'string', value: 'x' } }) },
  };

  it('reports a client without a deadline that leaves its file', () => {
    expect(decideEscapingClient(facts).map(verdict => verdict.status)).toEqual(['missing']);
  });

  it('reports nothing when it stays, inherits, is bounded by a process default, or its options cannot be seen', () => {
    expect(decideEscapingClient({ ...facts, leavesFile: false })).toEqual([]);
    expect(decideEscapingClient({ ...facts, fromInstance: true })).toEqual([]);
    expect(decideEscapingClient({ ...facts, processDefault: true })).toEqual([]);
    expect(
      decideEscapingClient({ ...facts, client: { ...facts.client, options: object({}, true) } }),
    ).toEqual([]);
    expect(
      decideEscapingClient({
        ...facts,
        client: { ...facts.client, options: object({ timeout: { kind: 'number', value: 1000 } }) },
      }),
    ).toEqual([]);
  });
});

describe('chosenClient and isRequestWrapperName', () => {
  it('takes http and https as one client, and an interop default as its module', () => {
    expect(chosenClient('?:', http('node:https'), http('node:http'))).toEqual(http('node:https'));
    expect(chosenClient('?:', http('axios'), http('got'))).toEqual({ kind: 'unknown' });
    expect(chosenClient('&&', http('axios'), http('axios'))).toEqual({ kind: 'unknown' });
    expect(chosenClient('??', { kind: 'module', module: 'got', path: ['default'] }, http('got'))).toEqual(
      http('got'),
    );
  });

  it('looks into functions named like request wrappers only', () => {
    expect(['fetchJson', 'apiRequest', 'request', 'httpGet'].map(isRequestWrapperName)).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect(['loadUser', 'fetcher', 'requested'].map(isRequestWrapperName)).toEqual([false, false, false]);
  });
});
