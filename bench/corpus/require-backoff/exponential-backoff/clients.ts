// exponential-backoff (`backOff`) around weather, geocoding and billing clients (TypeScript).
// Shapes adapted from the coveo/exponential-backoff README (`backOff(() => getWeather())`) and a
// `retryOptions` module returned by the code search (`startingDelay: 1000, numOfAttempts: 3,
// timeMultiple: 2, retry: (error, attemptNumber) => …`).
// exponential-backoff 3.1 defaults: numOfAttempts 10, startingDelay 100, timeMultiple 2,
// maxDelay Infinity, jitter 'none'.

import { backOff, type IBackOffOptions } from 'exponential-backoff';
import axios from 'axios';

const weather = axios.create({ baseURL: 'https://weather.example.com/v3' });

const retryOptions: Partial<IBackOffOptions> = {
  startingDelay: 1000,
  numOfAttempts: 3,
  timeMultiple: 2,
  retry: (error, attemptNumber) => {
    console.error(`Attempt ${attemptNumber} failed due to error: ${error}`);
    return true;
  },
};

// Defaults: the tenth wait is 51 s and there is no jitter.
export async function getWeather(city: string) {
  return backOff(() => weather.get(`/current?city=${city}`)); // expect: require-backoff
}

// Local const options: small (4 s) but no jitter.
export async function getForecast(city: string) {
  return backOff(() => weather.get(`/forecast?city=${city}`), retryOptions); // expect: require-backoff
}

// Five attempts, full jitter: correct.
export async function getAlerts(region: string) {
  return backOff(() => weather.get(`/alerts/${region}`), { numOfAttempts: 5, jitter: 'full' }); // ok
}

// Capped with full jitter, default attempts: correct.
export async function geocode(address: string) {
  return backOff(() => axios.get('https://geo.example.com/v1/geocode', { params: { q: address } }), { // ok
    maxDelay: 10_000,
    jitter: 'full',
  });
}

// Explicit jitter: 'none'.
export async function reverseGeocode(lat: number, lng: number) {
  return backOff(() => axios.get('https://geo.example.com/v1/reverse', { params: { lat, lng } }), {
    maxDelay: 5000,
    jitter: 'none', // expect: require-backoff
  });
}

// timeMultiple 1: constant.
export async function getInvoicePdf(id: string) {
  return backOff(() => axios.get(`https://billing.internal/v1/invoices/${id}/pdf`), {
    numOfAttempts: 5,
    startingDelay: 2000,
    timeMultiple: 1, // expect: require-backoff
    jitter: 'full',
  });
}

// Unbounded attempts.
export async function waitForSettlement(id: string) {
  return backOff(() => axios.get(`https://billing.internal/v1/settlements/${id}`), {
    numOfAttempts: Infinity, // expect: require-backoff
    maxDelay: 30_000,
    jitter: 'full',
  });
}
