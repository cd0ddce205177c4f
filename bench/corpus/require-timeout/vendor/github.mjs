// Octokit clients (ESM-only packages). Octokit has no default timeout and no longer reads
// `request.timeout`; the bounds are `request.signal` or a custom `request.fetch`.
// Shapes adapted from nodejs/github-bot (lib/github-client.js), public `newOctokit()` factories
// with `request: { timeout: 10000 }`, an `Octokit.plugin(throttling, retry)` module, and
// uber-archive/fusion-orchestrate (src/api.mjs, the old `github` package).

import { Octokit } from '@octokit/rest';
import { Octokit as FullOctokit } from 'octokit';
import { throttling } from '@octokit/plugin-throttling';
import { retry } from '@octokit/plugin-retry';
import GitHubApi from 'github';

// `request.timeout` type-checks but is ignored.
export const githubClient = new Octokit({
  auth: process.env.GITHUB_TOKEN || 'invalid-placeholder-token',
  userAgent: 'Node.js GitHub Bot v1.0-beta',
  request: {
    timeout: 5 * 1000, // expect: require-timeout
  },
});

export function newOctokit(token) {
  return new Octokit({ auth: token, baseUrl: process.env.GITHUB_API_URL }); // expect: require-timeout
}

export const appOctokit = new FullOctokit({
  baseUrl: 'https://api.github.com',
  headers: { 'X-GitHub-Api-Version': '2022-11-28' },
  request: { timeout: 5000 }, // expect: require-timeout
  retry: { enabled: true, retries: 3 },
});

const MyOctokit = Octokit.plugin(throttling, retry);

export function getOctokit() {
  return new MyOctokit({
    auth: process.env.GH_TOKEN,
    request: { timeout: 60_000 }, // expect: require-timeout
    throttle: {
      onRateLimit: (retryAfter, options, octokit, retryCount) => retryCount < 2,
      onSecondaryRateLimit: () => false,
    },
  });
}

// A custom fetch that gives every request its own deadline.
const timedFetch = (url, init) => fetch(url, { ...init, signal: AbortSignal.timeout(10_000) }); // ok

export const boundedByFetch = new Octokit({ // ok
  auth: process.env.GITHUB_TOKEN,
  request: { fetch: timedFetch },
});

export const boundedBySignal = new Octokit({ // ok
  auth: process.env.GITHUB_TOKEN,
  request: { signal: AbortSignal.timeout(30_000) },
});

// Options from the caller: opaque.
export function octokitWith(options) {
  return new Octokit(options); // ok
}

// The pre-Octokit `github` package: a different client, out of scope.
export const legacyGithub = new GitHubApi({ timeout: 5000, host: 'api.github.com', protocol: 'https' }); // ok

export async function listOpenPulls(owner, repo) {
  const { data } = await githubClient.rest.pulls.list({ owner, repo, state: 'open' });
  return data;
}
