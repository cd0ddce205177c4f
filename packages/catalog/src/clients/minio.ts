// MinIO's client (`minio`, minio-js): every method sends through node:http(s) `transport.request`
// with no timeout (src/internal/request.ts: `transport.request(opt, …)`, no timer and no signal),
// and the client takes none: `setRequestOptions` keeps only TLS and agent keys
// (`requestOptionProperties` in src/internal/client.ts, 8.0), and a request timeout was declined
// upstream (minio/minio-js#722). A custom `transport` (an object whose `request` the client calls)
// may set one. Reported where the client is made. Presigning signs locally (the bucket's region
// is looked up once and cached when the client has no `region`).
import { type ClientFamily, NONE, call, factory } from '../build.js';
import type { JudgeInput } from '../facts.js';
import { getProp } from '../summary.js';
import type { Verdict } from '../types.js';

function decideMinio(input: JudgeInput): Verdict {
  // The team's own transport may time its requests out.
  if (getProp(input.options, 'transport')) return { status: 'unknown' };
  if (input.options.kind === 'opaque' || (input.options.kind === 'object' && input.options.hasSpread))
    return { status: 'unknown' };
  return { status: 'missing' };
}

const CLIENT = factory('minio', 'minio', { at: 0 });

export const minioFamily: ClientFamily = {
  family: {
    id: 'minio',
    label: 'MinIO',
    reportAt: 'construction',
    fix: 'race each call against a timer (a timeout wrapper), or give the client a `transport` whose `request` times its requests out; a client kept only to presign sends nothing once it names its `region`',
    limitation: 'minio-js sets no timeout on its requests and its options take none',
  },
  modules: { minio: { Client: CLIENT } },
  instances: {
    minio: {
      members: {},
      any: call('minio', NONE),
      anyDepth: 2,
      // Configuration and local signing.
      except: [
        'setRequestOptions',
        'setS3TransferAccelerate',
        'setAppInfo',
        'traceOn',
        'traceOff',
        'newPostPolicy',
        'presignedUrl',
        'presignedGetObject',
        'presignedPutObject',
        'presignedPostPolicy',
      ],
    },
  },
  types: [
    { names: ['Client'], modules: ['minio'], packages: ['/minio/'], instance: 'minio', family: 'minio' },
  ],
  decide: decideMinio,
};
