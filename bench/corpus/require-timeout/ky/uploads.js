// Upload and streaming helpers built on ky (ESM).
// Shapes adapted from a public `createClient = (options) => ky.extend({...})` module,
// a Vite `ky.create({ prefixUrl, timeout: +import.meta.env.VITE_REQUEST_TIMEOUT })` request
// module, and ky README examples.

import ky from 'ky';

const createClient = (options) =>
  ky.extend({
    prefixUrl: options.url,
    timeout: 50_000,
    hooks: {
      beforeRequest: [(request) => request.headers.set('Authorization', `Bearer ${options.token}`)],
    },
  });

const request = ky.create({
  prefixUrl: import.meta.env.VITE_BASE_URL,
  timeout: +import.meta.env.VITE_REQUEST_TIMEOUT,
  headers: { 'Content-Type': 'application/json' },
});

export async function uploadChunk(uploadId, index, chunk) {
  return request.put(`uploads/${uploadId}/chunks/${index}`, { body: chunk }); // ok
}

export async function uploadWhole(uploadId, file) {
  return request.put(`uploads/${uploadId}`, {
    body: file,
    timeout: false, // expect: require-timeout
    onUploadProgress: (p) => console.log(p.percent),
  });
}

export async function completeUpload(uploadId) {
  return request.post(`uploads/${uploadId}/complete`).json(); // ok
}

export async function streamLogs(jobId) {
  const res = await ky.get(`/api/jobs/${jobId}/logs`, {
    timeout: false, // expect: require-timeout
  });
  return res.body;
}

export async function jobStatus(jobId) {
  return ky.get(`/api/jobs/${jobId}`).json(); // ok
}

export async function clientFor(url, token) {
  const client = createClient({ url, token });
  return client.get('whoami').json(); // ok
}

export async function headJob(jobId) {
  return ky.head(`/api/jobs/${jobId}`, { timeout: 2000 }); // ok
}

// Options object resolved from a local const.
const noDeadline = {
  retry: 0,
  timeout: false, // expect: require-timeout
};

export async function tail(jobId) {
  return ky.get(`/api/jobs/${jobId}/tail`, noDeadline).text();
}

// A `sky` object that only looks like ky.
const sky = { get: (k) => localStorage.getItem(k) };
export function theme() {
  return sky.get('theme'); // ok
}
