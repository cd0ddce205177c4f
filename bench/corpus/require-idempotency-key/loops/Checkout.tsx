// A React checkout that retries order submission.

import { useState } from 'react';
import ky from 'ky';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function Checkout({ cartId }: { cartId: string }) {
  const [state, setState] = useState('idle');

  async function submit() {
    setState('submitting');
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        await ky.post(`/api/carts/${cartId}/checkout`, { retry: 0 }); // expect: require-idempotency-key
        setState('done');
        return;
      } catch {
        await sleep(400 * 2 ** attempt + Math.random() * 200);
      }
    }
    setState('failed');
  }

  async function submitKeyed() {
    const key = crypto.randomUUID();
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        await ky.post(`/api/carts/${cartId}/checkout`, { headers: { 'Idempotency-Key': key }, retry: 0 }); // ok
        setState('done');
        return;
      } catch {
        await sleep(400 * 2 ** attempt + Math.random() * 200);
      }
    }
    setState('failed');
  }

  return (
    <div>
      <button type="button" onClick={submit}>Pay</button>
      <button type="button" onClick={submitKeyed}>Pay (safe)</button>
      <span>{state}</span>
    </div>
  );
}
