// A release CLI (ESM, top-level await) gathering data before it prints a summary.
// A local function named `fetch` shadows the global one in this module.

import { setTimeout as sleep } from 'node:timers/promises';
import { readFile } from 'node:fs/promises';
import axios from 'axios';

const cache = new Map([['latest', '1.4.0']]);

// Local, cache-backed: not the global fetch.
async function fetch(key) {
  return cache.get(key);
}

const [latest, pkg] = await Promise.all([fetch('latest'), readFile('package.json', 'utf8')]); // ok

const [npmInfo, ghRelease] = await Promise.all([ // expect: prefer-partial-availability
  axios.get('https://registry.npmjs.org/acme-cli'),
  axios.get('https://api.github.com/repos/acme/cli/releases/latest'),
]);

await Promise.all([sleep(100), sleep(200)]); // ok

console.log(latest, JSON.parse(pkg).version, npmInfo.data['dist-tags'], ghRelease.data.tag_name);
