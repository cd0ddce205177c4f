// Calls named `fetch` that are not the fetch API: a module-level function that shadows the
// global, a local wrapper module, and `.fetch()` methods of other libraries.
// Shapes adapted from fochlac/manga-poll (a local timed `fetch` export) and common
// Backbone / simple-git / lru-cache usage.

import simpleGit from 'simple-git';
import { LRUCache } from 'lru-cache';
import { fetch as timedFetch } from '../utils/fetch.js';
import Backbone from 'backbone';

// A module-local function named fetch (reads from a cache, no network).
const memo = new Map();
function fetch(key) {
  return memo.get(key); // ok
}
export function cachedSetting(name) {
  return fetch(`setting:${name}`); // ok
}

// A local wrapper module's export, imported under another name.
export async function getManga(url) {
  return timedFetch(url, {}, 15000); // ok
}

const git = simpleGit();
export async function sync() {
  await git.fetch('origin', 'main'); // ok
}

const cache = new LRUCache({
  max: 500,
  fetchMethod: async (key) => ({ key, at: Date.now() }),
});
export async function lookup(key) {
  return cache.fetch(key); // ok
}

const Todo = Backbone.Model.extend({ urlRoot: '/api/todos' });
export function refreshTodo(id) {
  const todo = new Todo({ id });
  return todo.fetch(); // ok
}

export class Store {
  constructor(api) {
    this.api = api;
  }

  async fetch(id) {
    return this.api.find(id);
  }

  async refresh(id) {
    return this.fetch(id); // ok
  }
}
