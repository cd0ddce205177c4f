// A React transfer form using the configured wrapper.

import ky from 'ky';
import { withRetries } from '@acme/resilience';

export function TransferForm({ accountId }: { accountId: string }) {
  async function transfer(amount: number) {
    const requestId = crypto.randomUUID();
    await withRetries(() => ky.post(`/api/accounts/${accountId}/transfers`, { json: { amount }, headers: { 'X-Request-Id': requestId } })); // ok
    await withRetries(() => ky.post(`/api/accounts/${accountId}/notifications`, { json: { amount } })); // expect: require-idempotency-key
  }
  return <button type="button" onClick={() => void transfer(100)}>Send 100</button>;
}
