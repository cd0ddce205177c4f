import { RuleTester } from '@typescript-eslint/rule-tester';

import rule from '../../rules/require-idempotency-key.js';

const ruleTester = new RuleTester();

ruleTester.run('require-idempotency-key', rule, {
  valid: [
    `const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));
import axios from 'axios';
import { randomUUID } from 'node:crypto';
export async function charge(body: object) {
  const key = randomUUID();
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await axios.post('/charges', body, { timeout: 5000, headers: { 'Idempotency-Key': key } });
    } catch {
      await sleep(Math.random() * Math.min(5000, 200 * 2 ** attempt));
    }
  }
}`,
    // PUT is idempotent.
    `const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));
import axios from 'axios';
export async function save(body: object) {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await axios.put('/things/1', body, { timeout: 5000 });
    } catch {
      await sleep(Math.random() * Math.min(5000, 200 * 2 ** attempt));
    }
  }
}`,
    // A POST without any retry.
    `import axios from 'axios'; await axios.post('/charges', body, { timeout: 5000 });`,
    `import axiosRetry from 'axios-retry'; axiosRetry(client, { retries: 3, retryDelay: axiosRetry.exponentialDelay });`,
    `import axiosRetry from 'axios-retry'; axiosRetry(client, { retries: 3, retryDelay: axiosRetry.exponentialDelay, retryCondition: axiosRetry.isNetworkOrIdempotentRequestError });`,
    `import got from 'got'; export const api = got.extend({ retry: { limit: 2, methods: ['GET', 'PUT'] } });`,
    {
      code: `import pRetry from 'p-retry'; await pRetry(() => fetch('/orders', { method: 'POST', headers: { 'x-request-id': id }, signal: AbortSignal.timeout(5000) }), { retries: 3, maxTimeout: 5000, randomize: true });`,
      settings: { faultline: { idempotencyHeaders: ['X-Request-Id'] } },
    },
  ],
  invalid: [
    {
      code: `
const axios_retry_1 = __importDefault(require('axios-retry'));
(0, axios_retry_1.default)(instance, { retries: 3, retryDelay: axios_retry_1.default.exponentialDelay, retryCondition: (error) => axios_retry_1.default.isNetworkOrIdempotentRequestError(error) || error.response?.status >= 500 });`,
      errors: [{ column: 104, endColumn: 226, endLine: 3, line: 3, messageId: 'widenedRetry' }],
    },
    {
      code: `const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));
import axios from 'axios';
export async function charge(body: object) {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await axios.post('/charges', body, { timeout: 5000 });
    } catch {
      await sleep(Math.random() * Math.min(5000, 200 * 2 ** attempt));
    }
  }
}`,
      errors: [{ column: 20, endColumn: 30, endLine: 6, line: 6, messageId: 'retriedWithoutKey' }],
    },
    {
      code: `import pRetry from 'p-retry'; await pRetry(() => fetch('/orders', { method: 'POST', body, signal: AbortSignal.timeout(5000) }), { retries: 3, maxTimeout: 5000, randomize: true });`,
      errors: [{ column: 50, endColumn: 55, endLine: 1, line: 1, messageId: 'retriedWithoutKey' }],
    },
    {
      code: `import axiosRetry from 'axios-retry'; axiosRetry(client, { retries: 3, retryDelay: axiosRetry.exponentialDelay, retryCondition: () => true });`,
      errors: [{ column: 113, endColumn: 139, endLine: 1, line: 1, messageId: 'widenedRetry' }],
    },
    {
      code: `import axiosRetry from 'axios-retry'; axiosRetry(client, { retryDelay: axiosRetry.exponentialDelay, retryCondition: error => axiosRetry.isNetworkOrIdempotentRequestError(error) || error.response?.status === 429 });`,
      errors: [{ column: 101, endColumn: 211, endLine: 1, line: 1, messageId: 'widenedRetry' }],
    },
    {
      code: `import got from 'got'; export const api = got.extend({ retry: { limit: 2, methods: ['GET', 'POST'] } });`,
      errors: [{ column: 75, endColumn: 99, endLine: 1, line: 1, messageId: 'widenedRetry' }],
    },
    {
      code: `import { retry, handleAll, ExponentialBackoff } from 'cockatiel'; import axios from 'axios'; const policy = retry(handleAll, { maxAttempts: 3, backoff: new ExponentialBackoff() }); await policy.execute(() => axios.patch('/accounts/1', change, { timeout: 5000 }));`,
      errors: [{ column: 209, endColumn: 220, endLine: 1, line: 1, messageId: 'retriedWithoutKey' }],
    },
    {
      code: `await withRetries(() => fetch('/orders', { method: 'POST', body, signal: AbortSignal.timeout(5000) }));`,
      errors: [{ column: 25, endColumn: 30, endLine: 1, line: 1, messageId: 'retriedWithoutKey' }],
      settings: { faultline: { retryWrappers: ['withRetries'] } },
    },
  ],
});
