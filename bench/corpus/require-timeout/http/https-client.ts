// Promise wrappers around node:https in TypeScript.
// Shapes adapted from a public `httpsGet<T>` wrapper (import { get } from 'https'),
// a `request(url, options, data)` helper with req.on('timeout', () => req.destroy()),
// and a typed `request(options, data)` helper with a REQUEST_TIMEOUT constant.

import https from 'https';
import http, { IncomingMessage } from 'node:http';
import { get } from 'https';

const REQUEST_TIMEOUT = 8000;

export const httpsGet = <T>(url: string): Promise<T> =>
  new Promise((resolve, reject) => {
    get(url, (res) => { // expect: require-timeout
      let raw = '';
      res.on('data', (d) => (raw += d));
      res.on('end', () => resolve(JSON.parse(raw) as T));
      res.on('error', (err) => reject(err.message));
    });
  });

export const request = async (url: string, options: https.RequestOptions, data?: string) =>
  new Promise<string>((resolve, reject) => {
    const req = https.request(url, options, (res) => { // ok
      const body: Buffer[] = [];
      res.on('data', (chunk) => body.push(chunk));
      res.on('end', () => resolve(Buffer.concat(body).toString()));
    });
    req.on('error', reject);
    req.on('timeout', () => {
      req.destroy();
      reject(new Error('Request time out'));
    });
    if (data) req.write(data);
    req.end();
  });

export const postJson = (path: string, payload: Record<string, unknown>) =>
  new Promise<number>((resolve, reject) => {
    const req = http.request( // ok
      { host: 'localhost', port: 8080, path, method: 'POST', timeout: REQUEST_TIMEOUT },
      (res: IncomingMessage) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`timed out after ${REQUEST_TIMEOUT}ms`)));
    req.on('error', reject);
    req.end(JSON.stringify(payload));
  });

export const getWithSignal = (url: string) =>
  new Promise<number>((resolve, reject) => {
    https.get(url, { signal: AbortSignal.timeout(4000) }, (res) => { // ok
        res.resume();
        resolve(res.statusCode ?? 0);
      })
      .on('error', reject);
  });

export default function getData(url: string) {
  return new Promise((resolve, reject) => {
    https.get(url, (response) => { // expect: require-timeout
      let data = '';
      response.on('data', (chunk) => (data += chunk));
      response.on('end', () => resolve(JSON.parse(data)));
    }).on('error', reject);
  });
}

export function deleteResource(path: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: 'inventory.internal', path, method: 'DELETE' }, () => resolve()); // expect: require-timeout
    req.on('error', reject);
    req.end();
  });
}

export function abortOnTimeout(path: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: 'inventory.internal', path, method: 'PUT' }, () => resolve()); // ok
    req.setTimeout(2000, () => req.abort());
    req.on('error', reject);
    req.end();
  });
}
