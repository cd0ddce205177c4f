// p-retry around GitHub and internal API calls (TypeScript).
// Shapes adapted from p-retry wrappers returned by the code search: `withRetry(fn, { retries: 2,
// factor: 2, minTimeout: 100, maxTimeout: 1000, onFailedAttempt })`, a `retryOptions` module
// (`retries: 5, factor: 2, minTimeout: 1000, maxTimeout: 10000`), and the "flaky external APIs"
// wrapper (`{ retries: 3, factor: 2, minTimeout: 1000 }`).
// p-retry 7 defaults: retries 10, factor 2, minTimeout 1000, maxTimeout Infinity, randomize false.

import pRetry, { AbortError, type FailedAttemptError, type Options } from 'p-retry';
import { Octokit } from '@octokit/rest';

const octokit = new Octokit({ auth: process.env.GITHUB_TOKEN });

const logAttempt = (error: FailedAttemptError) => {
  console.warn(`[retry] attempt #${error.attemptNumber} failed; ${error.retriesLeft} retries left; ${error.message}`);
};

// Options in a local const: capped (10 s) but randomize is left at false.
const retryOptions = {
  retries: 5,
  factor: 2,
  minTimeout: 1000,
  maxTimeout: 10000,
  onFailedAttempt: logAttempt,
};

export async function getRepo(owner: string, repo: string) {
  return pRetry(() => octokit.rest.repos.get({ owner, repo }), retryOptions); // expect: require-backoff
}

// Small retry count (largest wait 16 s) but no jitter.
export async function listLabels(owner: string, repo: string) {
  return pRetry(() => octokit.rest.issues.listLabelsForRepo({ owner, repo }), { retries: 5 }); // expect: require-backoff
}

// Library defaults: 10 retries with no cap reach 512 s.
export async function getRateLimit() {
  return pRetry(() => octokit.rest.rateLimit.get()); // expect: require-backoff
}

// Capped, randomized, bounded: correct.
export async function createIssue(owner: string, repo: string, title: string) {
  return pRetry( // ok
    async () => {
      const res = await octokit.rest.issues.create({ owner, repo, title });
      if (res.status === 422) throw new AbortError('validation failed');
      return res.data;
    },
    { retries: 5, factor: 2, minTimeout: 1000, maxTimeout: 10_000, randomize: true, onFailedAttempt: logAttempt },
  );
}

// Unbounded: retries forever.
export async function waitForCheckRun(owner: string, repo: string, ref: string) {
  return pRetry(
    async () => {
      const { data } = await octokit.rest.checks.listForRef({ owner, repo, ref });
      if (data.check_runs.some((run) => run.status !== 'completed')) throw new Error('still running');
      return data;
    },
    {
      retries: Infinity, // expect: require-backoff
      maxTimeout: 30_000,
      randomize: true,
    },
  );
}

// Infinite retries, but bounded by maxRetryTime: correct.
export async function waitForDeployment(owner: string, repo: string, id: number) {
  return pRetry( // ok
    () => octokit.rest.repos.getDeployment({ owner, repo, deployment_id: id }),
    { retries: Infinity, maxRetryTime: 120_000, maxTimeout: 15_000, randomize: true },
  );
}

// Caller-supplied options: opaque.
export function withRetry<T>(fn: () => Promise<T>, opts: Options): Promise<T> {
  return pRetry(fn, opts); // ok
}
