// Fan-outs bounded by concurrency limiters (TypeScript).
// Shapes adapted from the p-limit README (`const limit = pLimit(1); const input = [limit(() =>
// fetchSomething('foo')), …]; await Promise.all(input)`), the promise-limit
// `createFetchWithConcurrencyLimit` helper, the p-limit `(fetch, limit) => limiter(() =>
// fetch(...args))` wrapper, Aperture-Finance/uniswap-v3-automation-sdk (`new Bottleneck({
// maxConcurrent: 5, minTime: 1500 })`) and the worker-pool `pMap` helpers (pmclSF/monotize,
// ame3310/MERN_SN) returned by the code search.

import pLimit from 'p-limit';
import pMap from 'p-map';
import PQueue from 'p-queue';
import Bottleneck from 'bottleneck';
import axios from 'axios';
import { Octokit } from '@octokit/rest';

const octokit = new Octokit({ auth: process.env.GITHUB_TOKEN });
const limiter = new Bottleneck({ maxConcurrent: 5, minTime: 1500 });
const queue = new PQueue({ concurrency: 4 });
const limit = pLimit(5);

export async function issues(numbers: number[]) {
  return Promise.all(numbers.map((n) => limit(() => octokit.rest.issues.get({ owner: 'acme', repo: 'web', issue_number: n })))); // ok
}

export async function pulls(numbers: number[]) {
  return pMap(numbers, (n) => octokit.rest.pulls.get({ owner: 'acme', repo: 'web', pull_number: n }), { concurrency: 4 }); // ok
}

export async function users(logins: string[]) {
  return Promise.all(logins.map((login) => limiter.schedule(() => octokit.rest.users.getByUsername({ username: login })))); // ok
}

export async function commits(shas: string[]) {
  return Promise.all(shas.map((sha) => queue.add(() => octokit.rest.repos.getCommit({ owner: 'acme', repo: 'web', ref: sha })))); // ok
}

export async function statuses(shas: string[]) {
  return queue.addAll(shas.map((sha) => () => axios.get(`https://ci.internal/v1/status/${sha}`))); // ok
}

// A limiter exists, but this fan-out does not use it.
export async function labels(numbers: number[]) {
  return Promise.all(numbers.map((n) => octokit.rest.issues.listLabelsOnIssue({ owner: 'acme', repo: 'web', issue_number: n }))); // expect: no-unbounded-fanout
}

// p-map without a concurrency option runs everything at once.
export async function checks(shas: string[]) {
  return pMap(shas, (sha) => axios.get(`https://ci.internal/v1/checks/${sha}`)); // expect: no-unbounded-fanout
}

// A worker pool: the elements are workers, not requests.
export async function mapWithConcurrency<T, R>(items: T[], max: number, fn: (item: T) => Promise<R>) {
  const results: R[] = new Array(items.length);
  let index = 0;
  async function worker() {
    while (index < items.length) {
      const i = index++;
      results[i] = await fn(items[i]);
    }
  }
  await Promise.all(Array.from({ length: max }, () => worker())); // ok
  return results;
}

export async function reviews(numbers: number[]) {
  return mapWithConcurrency(numbers, 4, (n) => octokit.rest.pulls.listReviews({ owner: 'acme', repo: 'web', pull_number: n })); // ok
}

// Bottleneck wrapping a function.
const throttledGet = limiter.wrap((url: string) => axios.get(url));
export async function pages(urls: string[]) {
  return Promise.all(urls.map((u) => throttledGet(u))); // ok
}
