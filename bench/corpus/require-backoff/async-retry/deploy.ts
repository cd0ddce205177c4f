// A deployment CLI (TypeScript) that waits for rollouts with async-retry.
// Shapes adapted from the async-retry README vendored in kbrsh/moon (`{ retries: 500 }`),
// apache/beam's vendored README (`{ retries: 5 }`), and an async-retry usage with
// `{ retries: 2, minTimeout: 2000, maxTimeout: 2000 }` returned by the code search.

import retry from 'async-retry';
import axios from 'axios';
import { Octokit } from '@octokit/core';
import { retry as octokitRetry } from '@octokit/plugin-retry';

const api = axios.create({ baseURL: 'https://deploy.internal/v2' });
const MyOctokit = Octokit.plugin(octokitRetry); // ok

// 500 retries with no maxTimeout.
export async function getSomething() {
  return await retry(async (bail) => { // expect: require-backoff
    const res = await api.get('/status');
    if (403 === res.status) {
      bail(new Error('Unauthorized'));
    }
    return String(res.data).slice(0, 500);
  }, { retries: 500 }); // expect: require-backoff
}

// Capped: correct (randomize defaults to true).
export async function waitForRollout(id: string) {
  return retry( // ok
    async () => {
      const { data } = await api.get(`/rollouts/${id}`);
      if (data.phase !== 'Complete') throw new Error(data.phase);
      return data;
    },
    { retries: 8, maxTimeout: 15_000 },
  );
}

// Forever, although capped.
export async function waitForCanary(id: string) {
  return retry(
    async () => {
      const { data } = await api.get(`/canaries/${id}`);
      if (!data.healthy) throw new Error('unhealthy');
    },
    {
      retries: Infinity, // expect: require-backoff
      maxTimeout: 10_000,
    },
  );
}

// Forever and uncapped: two problems on two lines.
export async function waitForDns(host: string) {
  return retry(async () => { // expect: require-backoff
    const { data } = await api.get(`/dns/${host}`);
    if (!data.propagated) throw new Error('not yet');
  }, {
    retries: Infinity, // expect: require-backoff
  });
}

// Six retries without a cap: the last wait is 32 s.
export async function promote(id: string) {
  return retry(() => api.put(`/rollouts/${id}/promote`), { retries: 6 }); // expect: require-backoff
}

// Four retries, largest wait 8 s, randomized by default: correct.
export async function annotate(sha: string, body: string) {
  const octokit = new MyOctokit({ auth: process.env.GITHUB_TOKEN });
  return retry(() => octokit.request('POST /repos/{owner}/{repo}/commits/{sha}/comments', { owner: 'acme', repo: 'web', sha, body }), { retries: 4 }); // ok
}

// Bounded, capped, explicit onRetry: correct.
export async function rollback(id: string) {
  return retry(() => api.put(`/rollouts/${id}/rollback`), { // ok
    retries: 3,
    minTimeout: 500,
    maxTimeout: 4000,
    onRetry: (err: Error, attempt: number) => console.warn(`rollback attempt ${attempt}`, err.message),
  });
}
