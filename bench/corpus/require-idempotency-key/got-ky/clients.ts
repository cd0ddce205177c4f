// got and ky instances whose retry `methods` include POST or PATCH (TypeScript).
// Shapes adapted from readthedocs-fr/bin-client-discord (src/helpers/request.ts: `retry: { limit: 2,
// methods: ["POST", "GET", "HEAD"], statusCodes, errorCodes }`), mr-mashanlo/todo-client
// (src/shared/libs/ky.ts: `retry: { limit: 1, statusCodes: [400, 401], methods: ['get', 'post', 'put',
// 'delete'] }`), arianrhodsandlot/retro-assembly (`methods: ['get']`), and the got/ky retry docs
// (got defaults: GET PUT HEAD DELETE OPTIONS TRACE; ky: get put head delete options trace).

import got from 'got';
import ky from 'ky';

export const request = got.extend({
  http2: true,
  followRedirect: false,
  timeout: { request: 5000 },
  retry: {
    limit: 2,
    methods: ['POST', 'GET', 'HEAD'], // expect: require-idempotency-key
    statusCodes: [500, 502, 503, 504, 521, 522, 524],
    errorCodes: ['ECONNRESET', 'EADDRINUSE', 'ECONNREFUSED', 'EPIPE', 'ENETUNREACH', 'EAI_AGAIN'],
  },
});

export const kyInstance = ky.create({
  prefixUrl: '',
  credentials: 'include',
  headers: { 'Content-Type': 'application/json' },
  retry: {
    limit: 1,
    statusCodes: [400, 401],
    methods: ['get', 'post', 'put', 'delete'], // expect: require-idempotency-key
  },
});

export const http = ky.create({
  timeout: false,
  retry: {
    limit: 3,
    methods: ['get'], // ok
  },
});

export const storage = got.extend({
  prefixUrl: 'https://storage.internal',
  retry: { limit: 3, methods: ['GET', 'PUT', 'DELETE'] }, // ok
});

export const profiles = got.extend({
  prefixUrl: 'https://profiles.internal',
  retry: { limit: 3, methods: ['PATCH'] }, // expect: require-idempotency-key
});

export const mailer = ky.create({ prefixUrl: 'https://mail.internal', retry: { limit: 2, methods: ['post'] } }); // expect: require-idempotency-key

export const preferences = got.extend({
  prefixUrl: 'https://prefs.internal',
  retry: { limit: 3, methods: ['DELETE', 'PATCH'] }, // expect: require-idempotency-key
});

export const metadata = got.extend({ prefixUrl: 'https://meta.internal', retry: { limit: 3, methods: ['GET', 'OPTIONS'] } }); // ok

// Only a limit: the default methods exclude POST.
export const events = ky.create({ prefixUrl: 'https://events.internal', retry: { limit: 4, jitter: true } }); // ok

export async function sendEvent(event: object) {
  return events.post('track', { json: event }); // ok
}
