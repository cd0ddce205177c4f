// Service functions taking an AbortSignal and calling axios, got, ky, node:https and the AWS SDK
// (TypeScript). Shapes adapted from ghostrunner-0/kick_lifestyle (hooks/useFetch.js: `await
// axios.get(url, { signal })`), CapooCat/Portfolio (src/hooks/Fetch.js: `axios.request({...options,
// signal})`), and the `fetchQuery(params)` helper (`Axios({ ...params, signal })`) returned by the
// code search.

import axios from 'axios';
import got from 'got';
import ky from 'ky';
import https from 'node:https';
import { S3Client, GetObjectCommand } from '@aws-sdk/client-s3';
import Redis from 'ioredis';

const api = axios.create({ baseURL: 'https://api.example.com' });
const kyApi = ky.create({ prefixUrl: 'https://api.example.com' });
const s3 = new S3Client({});
const redis = new Redis(process.env.REDIS_URL as string);

export async function getOrder(id: string, signal: AbortSignal) {
  const { data } = await axios.get(`https://orders.example.com/v1/${id}`); // expect: require-signal-propagation
  return data;
}

export async function getOrderOk(id: string, signal: AbortSignal) {
  const { data } = await axios.get(`https://orders.example.com/v1/${id}`, { signal }); // ok
  return data;
}

export async function createOrder(body: object, signal: AbortSignal) {
  return axios.post('https://orders.example.com/v1', body); // expect: require-signal-propagation
}

export async function createOrderOk(body: object, signal: AbortSignal) {
  return axios.post('https://orders.example.com/v1', body, { signal, headers: { 'x-source': 'web' } }); // ok
}

export async function listInvoices(customer: string, signal: AbortSignal) {
  return api.get('/invoices', { params: { customer } }); // expect: require-signal-propagation
}

export async function listInvoicesOk(customer: string, signal: AbortSignal) {
  return api.get('/invoices', { params: { customer }, signal }); // ok
}

export async function requestWith(config: object, signal: AbortSignal) {
  return axios.request({ ...config, signal }); // ok
}

export async function callConfig(url: string, signal: AbortSignal) {
  return axios({ url, method: 'get', timeout: 5000 }); // expect: require-signal-propagation
}

export async function stock(sku: string, signal: AbortSignal) {
  return got(`https://stock.example.com/v1/${sku}`).json(); // expect: require-signal-propagation
}

export async function stockOk(sku: string, signal: AbortSignal) {
  return got(`https://stock.example.com/v1/${sku}`, { signal }).json(); // ok
}

export async function reserve(sku: string, qty: number, signal: AbortSignal) {
  return got.post('https://stock.example.com/v1/reservations', { json: { sku, qty } }).json(); // expect: require-signal-propagation
}

export async function prices(signal: AbortSignal) {
  return kyApi.get('prices').json(); // expect: require-signal-propagation
}

export async function pricesOk(signal: AbortSignal) {
  return ky.get('https://api.example.com/prices', { signal: AbortSignal.any([signal, AbortSignal.timeout(2000)]) }).json(); // ok
}

export function legacyPing(signal: AbortSignal) {
  return new Promise((resolve, reject) => {
    https.get('https://status.example.com/ping', (res) => resolve(res.statusCode)).on('error', reject); // expect: require-signal-propagation
  });
}

export function legacyPingOk(signal: AbortSignal) {
  return new Promise((resolve, reject) => {
    https.get('https://status.example.com/ping', { signal }, (res) => resolve(res.statusCode)).on('error', reject); // ok
  });
}

export async function readObject(key: string, signal: AbortSignal) {
  return s3.send(new GetObjectCommand({ Bucket: 'docs', Key: key })); // expect: require-signal-propagation
}

export async function readObjectOk(key: string, signal: AbortSignal) {
  return s3.send(new GetObjectCommand({ Bucket: 'docs', Key: key }), { abortSignal: signal }); // ok
}

// ioredis commands take no signal.
export async function cached(key: string, signal: AbortSignal) {
  return redis.get(key); // ok
}

// A parameter named axios is not the library.
export async function viaParam(axios: { get(u: string): Promise<unknown> }, signal: AbortSignal) {
  return axios.get('/x'); // ok
}
