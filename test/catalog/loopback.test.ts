// The catalog's decision on requests to this machine, over the facts a reader gives
// (packages/catalog/src/loopback.ts); the readers are checked against each other in
// test/integration/reader-parity.test.ts.
import { describe, expect, it } from 'vitest';

import { UNREAD_PART, isLoopbackText, loopbackHost, loopbackTarget } from '@faultline/catalog';

const url = (text: string | undefined, base?: string) =>
  loopbackTarget({ url: text, urlWritten: true, base });

describe('loopbackTarget', () => {
  it.each([
    'http://localhost',
    'http://localhost:8080/app',
    'https://LOCALHOST/x',
    'ws://127.0.0.1:9229',
    'http://127.1.2.3/x',
    'http://0.0.0.0:3000',
    'http://[::1]:9000/metrics',
    'http://[0:0:0:0:0:0:0:1]/x',
    `http://0.0.0.0:${UNREAD_PART}/process`,
    'http://localhost?x=1',
    'http://localhost#top',
  ])('%s is this machine', text => {
    expect(url(text)).toBe(text);
  });

  it.each([
    'https://api.example.com',
    'http://localhost.example.com/x',
    'http://127.0.0.1.nip.io/x',
    'http://localhostess/x',
    'http://[::2]/x',
    'file://localhost/etc/hosts',
    // A sidecar proxy's API forwards to other services (Dapr).
    'http://localhost:3500/v1.0/invoke/orders/method/list',
    'http://localhost:3500/v1.0-alpha1/workflows/x',
    // The host itself cannot be read.
    `http://${UNREAD_PART}/x`,
  ])('%s is not', text => {
    expect(url(text)).toBeUndefined();
  });

  it('lets the base decide for a path, and not for a URL that cannot be read', () => {
    expect(url('/users/me', 'http://localhost:8080')).toBe('http://localhost:8080');
    expect(url('batch', 'http://127.0.0.1')).toBe('http://127.0.0.1');
    expect(url('/users/me', 'https://api.example.com')).toBeUndefined();
    expect(url('/users/me')).toBeUndefined();
    // An absolute URL beside a loopback base goes where it says.
    expect(url('https://api.example.com/x', 'http://localhost')).toBeUndefined();
    // Unread (a parameter): it may be any URL, whatever the base.
    expect(url(undefined, 'http://localhost')).toBeUndefined();
    // No URL written at all (`instance.get()` style): the base.
    expect(loopbackTarget({ url: undefined, urlWritten: false, base: 'http://localhost' })).toBe(
      'http://localhost',
    );
  });

  it("reads node:http's host option as a host alone", () => {
    const host = (text: string | undefined) =>
      loopbackTarget({ host: { text }, url: undefined, urlWritten: false, base: undefined });
    expect(host('localhost')).toBe('localhost');
    expect(host('127.0.0.1')).toBe('127.0.0.1');
    expect(host('::1')).toBe('::1');
    expect(host('db.internal')).toBeUndefined();
    expect(host('localhost.example.com')).toBeUndefined();
    expect(host(undefined)).toBeUndefined();
  });

  it('reads the base only when the URL is a path', () => {
    let reads = 0;
    const facts = {
      url: 'https://api.example.com',
      urlWritten: true,
      get base() {
        reads++;
        return 'http://localhost';
      },
    };
    expect(loopbackTarget(facts)).toBeUndefined();
    expect(reads).toBe(0);
  });
});

describe('isLoopbackText and loopbackHost', () => {
  it('names the host and port for a message', () => {
    expect(isLoopbackText(undefined)).toBe(false);
    expect(loopbackHost('http://localhost:8080/app')).toBe('localhost:8080');
    expect(loopbackHost(`http://0.0.0.0:${UNREAD_PART}/x`)).toBe('0.0.0.0:…');
    expect(loopbackHost('127.0.0.1')).toBe('127.0.0.1');
  });
});
