// An ESM health checker with node:http, a local `https` module and a server.
// Shapes adapted from a public `import * as https from "../https"` wrapper test,
// nguyenvanquanthinh97/nodejs-advance-experience (async.js) and Node.js docs examples.

import http from 'node:http';
import { request as httpsRequest } from 'node:https';
import * as https from '../lib/https.mjs';

// A local module that exports get(): not node:https.
export function localGet() {
  return https.get('https://localhost:4505', (res) => res.resume()); // ok
}

export function timeGoogle() {
  const start = Date.now();
  httpsRequest('https://www.google.com', (res) => { // expect: require-timeout
    res.on('data', () => {});
    res.on('end', () => console.log(Date.now() - start));
  }).end();
}

export function checkWithSignal(url) {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { signal: AbortSignal.timeout(2000) }, (res) => { // ok
      res.resume();
      resolve(res.statusCode);
    });
    req.on('error', reject);
  });
}

export function checkWithTimeoutOption(url) {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { timeout: 2000 }, (res) => { // ok
      res.resume();
      resolve(res.statusCode);
    });
    req.on('timeout', () => {
      req.destroy(new Error('health check timed out'));
    });
    req.on('error', reject);
  });
}

export function checkTimeoutNoAbort(url) {
  return new Promise((resolve, reject) => {
    const req = http.get(url, {
      timeout: 2000, // expect: require-timeout
    }, (res) => {
      res.resume();
      resolve(res.statusCode);
    });
    req.on('error', reject);
  });
}

export function checkPlain(url) {
  return new Promise((resolve, reject) => {
    http.get(url, (res) => { // expect: require-timeout
      res.resume();
      resolve(res.statusCode);
    }).on('error', reject);
  });
}

// The server side is not an outbound call.
export const server = http.createServer((req, res) => { // ok
  res.writeHead(200, { 'content-type': 'text/plain' });
  res.end('ok');
});
