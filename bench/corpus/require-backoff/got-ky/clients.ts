// got and ky clients with `retry` objects (TypeScript).
// Shapes adapted from readthedocs-fr/bin-client-discord (src/helpers/request.ts: `got.extend({ …,
// retry: { limit: 2, methods, statusCodes, errorCodes } })`), Dashlane/dashlane-cli
// (src/utils/gotImplementation.ts: `got.default.post(url, { headers, json, retry: { limit: 3 } })`),
// arianrhodsandlot/retro-assembly (src/core/helpers/http.ts: `ky.create({ timeout: false, retry: {
// limit: 3, methods: ['get'] } })`) and RaphaelRychard/projeto (web/src/http/api-client.ts).
// got 14: delay 2^(n−1)·1000 ms + up to 100 ms noise, backoffLimit Infinity.
// ky 1.14: delay 0.3·2^(n−1)·1000 ms, backoffLimit Infinity, no jitter unless `jitter` is set.

import got from 'got';
import * as gotNs from 'got';
import ky from 'ky';

export const request = got.extend({ // ok
  http2: true,
  followRedirect: false,
  timeout: { request: 5000 },
  retry: {
    limit: 2,
    methods: ['GET', 'HEAD'],
    statusCodes: [500, 502, 503, 504, 521, 522, 524],
    errorCodes: ['ECONNRESET', 'EADDRINUSE', 'ECONNREFUSED', 'EPIPE', 'ENETUNREACH', 'EAI_AGAIN'],
  },
});

export const gotImplementation = (url: string, headers: Record<string, string>, json: unknown) =>
  gotNs.default.post(url, { headers, json, retry: { limit: 3 } }); // ok

// Ten got retries with no backoffLimit: 8.5 minutes at the end.
export const archive = got.extend({ // expect: require-backoff
  prefixUrl: 'https://archive.internal',
  retry: { limit: 10 },
});

// Capped: correct.
export const mirror = got.extend({ // ok
  prefixUrl: 'https://mirror.internal',
  retry: { limit: 10, backoffLimit: 10_000 },
});

// ky: no jitter configured.
export const http = ky.create({ // expect: require-backoff
  timeout: false,
  retry: {
    limit: 3,
    methods: ['get'],
  },
});

export const api = ky.create({ // expect: require-backoff
  prefixUrl: 'http://localhost:3333',
  timeout: 30000,
  retry: {
    limit: 2,
    methods: ['get'],
  },
});

// ky with jitter: correct.
export const billing = ky.create({ // ok
  prefixUrl: 'https://billing.internal',
  retry: { limit: 3, jitter: true },
});

// ky with jitter explicitly off.
export const search = ky.create({
  prefixUrl: 'https://search.internal',
  retry: {
    limit: 4,
    jitter: false, // expect: require-backoff
  },
});

// got with the noise removed: no jitter.
export const ledger = got.extend({
  prefixUrl: 'https://ledger.internal',
  retry: {
    limit: 3,
    noise: 0, // expect: require-backoff
  },
});
