// Things that look like axios calls but are not the axios library.
// Shapes adapted from sunmait/sunmait-career-day (client/tests/__mocks__/axios.js),
// babohorquez10/where-in-the-world (__mocks__/axios.js), parkblo/bingle-front
// (src/api/axios.tsx, a local module exporting an instance named `axios`) and
// Angular HttpClient services.

import { Injectable } from '@angular/core';
import { HttpClient } from '@angular/common/http';
import { axios as appAxios } from './local-axios';

// A parameter named `axios` is whatever the caller passes in (often a test double).
export async function loadCountries(axios: { get(url: string): Promise<{ data: string[] }> }) {
  const res = await axios.get('/countries'); // ok
  return res.data;
}

// A hand-written mock object.
const axiosMock = {
  get: (url: string) => Promise.resolve({ data: { url } }),
  post: (url: string, body: unknown) => Promise.resolve({ data: { url, body } }),
};

export async function exerciseMock() {
  await axiosMock.get('/users'); // ok
  await axiosMock.post('/users', { name: 'x' }); // ok
}

// A module-local instance exported under the name `axios` from another file.
export async function fetchPosts() {
  return appAxios.get('/posts'); // ok
}

// Angular's HttpClient: a different library with its own conventions.
@Injectable({ providedIn: 'root' })
export class HeroService {
  constructor(private http: HttpClient) {}

  getHeroes() {
    return this.http.get<string[]>('/api/heroes'); // ok
  }

  addHero(name: string) {
    return this.http.post('/api/heroes', { name }); // ok
  }
}

// Map#get and a plain object with a get() method.
const routes = new Map<string, string>([['home', '/']]);
export function routeFor(name: string) {
  return routes.get(name); // ok
}

const settings = { get: (key: string) => process.env[key] };
export function setting(key: string) {
  return settings.get(key); // ok
}
